"""An office's own Word document (`--reference-docx`): opened, checked and prepared before any work.

The reference gives page setup, headers/footers and the letterhead (红头) that stands before a
paragraph reading 【正文】; the draft goes in that paragraph's place and what follows (抄送 …)
stays after it.  Without the marker we refuse rather than guess — emptying the body deleted
letterheads silently — unless the user asks to append the draft after everything the
reference holds.  Two markers, or one inside a table, text box or header, are refused too.

By default drafter's GB/T 9704 styles replace the reference's Normal/Heading/Title styles, so a
plain letterhead (11 pt Calibri, blue headings) still yields a 16 pt 仿宋 draft.  The reference's
own Normal survives as the style "参考文档正文", and its letterhead, 抄送 lines, headers and
every style that was based on Normal are pointed at it, so they keep their look.

A page setup that is exactly a word processor's untouched default (US Letter, or A4 with Word's
2.54/3.18 cm margins) was never chosen by the office, so by default it gives way to GB/T 9704's
A4 page and margins; a page the office set up itself is kept as it is.
"""
from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path
from typing import List, Optional, Sequence

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from .. import limits
from ..errors import InputFileError
from . import gongwen, ooxml
from ..record import field, record

BODY_MARKERS = ("【正文】", "{{正文}}")
REFERENCE_NORMAL = ("ReferenceNormal", "参考文档正文")

_CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CT_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_CT_MACRO = ("application/vnd.ms-word.document.macroEnabled.main+xml",
             "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
_RESAVE = "请用 Word 或 WPS 打开参考文档，另存为 .docx 后再试"
_MARKER_HINT = ("在 Word 中打开参考文档，在红头之后另起一段，只输入“【正文】”并保存；"
                "或加 --append-after-letterhead，把初稿接在参考文档已有内容之后")


@record
class Reference:
    """A reference document ready for the writer: its body holds what precedes the draft."""

    path: Path
    doc: DocxDocument
    tail: List[object] = field(default_factory=list)  # body elements that follow the draft
    kept: List[object] = field(default_factory=list)  # the letterhead elements before the draft


def _fail(message: str, path: Path, hint: Optional[str] = _RESAVE) -> InputFileError:
    return InputFileError(message, path=path, code="reference.invalid", hint=hint)


def _package_bytes(path: Path) -> bytes:
    """The reference's bytes, as a .docx package python-docx opens: a Word template (.dotx) is
    accepted as Word does, by reading it as a document; macro-enabled files are refused."""
    data = limits.check_input_file(path, limits.REFERENCE_DOCX)  # missing, FIFO, too big, zip bomb
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "[Content_Types].xml" not in names:
            raise _fail("参考文档不是有效的 .docx 文件（缺少 [Content_Types].xml）", path)
        for name in sorted(names):
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(archive.read(name), _SAFE_XML)
                except etree.XMLSyntaxError as exc:
                    line = f"第 {exc.lineno} 行附近" if getattr(exc, "lineno", None) else ""
                    raise _fail(f"参考文档已损坏：其中的 {name} {line}不是完整的 XML", path) from None
        types = etree.fromstring(archive.read("[Content_Types].xml"), _SAFE_XML)
        main = next((o for o in types if o.get("PartName") == "/word/document.xml"), None)
        kind = main.get("ContentType") if main is not None else None
        if kind in _CT_MACRO:
            raise _fail("参考文档是启用宏的 Word 文件（.docm/.dotm）；为安全起见 drafter 不使用含宏的文档", path,
                        "在 Word 中另存为“Word 文档（.docx）”或“Word 模板（.dotx）”后再用")
        if kind != _CT_TEMPLATE:
            return data
        main.set("ContentType", _CT_DOCUMENT)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as fixed:
            for info in archive.infolist():
                body = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True) \
                    if info.filename == "[Content_Types].xml" else archive.read(info)
                fixed.writestr(info, body)
        return out.getvalue()


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()


def _where(p, body) -> str:
    """Why a marker paragraph not directly in the body cannot take the draft."""
    node = p.getparent()
    while node is not None and node is not body:
        if node.tag == qn("w:tbl"):
            return "表格里"
        if node.tag in (qn("w:txbxContent"),):
            return "文本框里"
        if node.tag == qn("w:sdtContent"):
            return "内容控件里"
        node = node.getparent()
    return "无法放入正文的位置"


def _check_headers(doc: DocxDocument, path: Path) -> None:
    for rel in doc.part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        if any(_text(p) in BODY_MARKERS for p in rel.target_part.element.iter(qn("w:p"))):
            where = "页眉" if rel.reltype == RT.HEADER else "页脚"
            raise _fail(f"参考文档的“【正文】”写在{where}里；初稿只能放进正文", path,
                        f"把{where}里的“【正文】”删掉，在正文红头之后另起一段输入“【正文】”")


def open_reference(path: Path, *, append: bool = False) -> Reference:
    """Open and check `path`; raise an `InputFileError` for every way it cannot serve."""
    data = _package_bytes(path)
    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken package;
        # each is the reference's fault (the package was checked above), and all mean "cannot use it"
        raise _fail(f"参考文档无法打开（{type(exc).__name__}），可能已损坏", path) from exc
    body = doc.element.body
    if body is None:
        raise _fail("参考文档没有正文部分（word/document.xml 中缺少 w:body）", path)
    _check_headers(doc, path)
    markers = [p for p in body.iter(qn("w:p")) if _text(p) in BODY_MARKERS]
    nested = [p for p in markers if p.getparent() is not body]
    if nested:
        raise _fail(f"参考文档的“【正文】”写在{_where(nested[0], body)}；初稿只能放在正文中单独的一段", path,
                    "把“【正文】”移到表格、文本框之外，单独成一段")
    content = [el for el in body if el.tag != qn("w:sectPr")]
    if len(markers) > 1:
        paras = [el for el in content if el.tag == qn("w:p")]
        where = "、".join(f"第 {paras.index(p) + 1} 段" for p in markers)
        raise _fail(f"参考文档中有 {len(markers)} 处“【正文】”（{where}），只能有一处", path,
                    "只保留红头之后的那一处“【正文】”")
    if not markers:
        if not append:
            raise _fail("参考文档中没有写着“【正文】”的段落，不知道初稿该放在哪里；为免删掉红头、抄送等内容，未生成初稿",
                        path, _MARKER_HINT)
        return Reference(path, doc, [], content)
    at = content.index(markers[0])
    tail = content[at + 1:]
    for el in content[at:]:
        body.remove(el)
    return Reference(path, doc, tail, content[:at])


# -- styles ---------------------------------------------------------------------------------
def _has_footer(doc: DocxDocument) -> bool:
    return any(s._sectPr.find(qn("w:footerReference")) is not None for s in doc.sections)


def _style_by_id(root, style_id: str):
    return next((s for s in root.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == style_id), None)


def _merged_defaults(target, defaults, order: Sequence[str]) -> None:
    """Copy each property of `defaults` that `target` lacks into it, in schema order."""
    if defaults is None:
        return
    for prop in defaults:
        if target.find(prop.tag) is not None:
            continue
        tag = prop.tag
        names = [qn(t) for t in order]
        later = set(names[names.index(tag) + 1:]) if tag in names else set()
        at = next((i for i, c in enumerate(target) if c.tag in later), len(target))
        target.insert(at, copy.deepcopy(prop))


def _freeze_reference_normal(doc: DocxDocument, styles) -> str:
    """A copy of the reference's Normal, with its document defaults folded in, as its own style."""
    normal = _style_by_id(styles, "Normal")
    frozen = copy.deepcopy(normal) if normal is not None else ooxml.element("w:style", {"w:type": "paragraph"})
    frozen.set(qn("w:styleId"), REFERENCE_NORMAL[0])
    frozen.attrib.pop(qn("w:default"), None)
    ooxml.set_child(frozen, "w:name", {"w:val": REFERENCE_NORMAL[1]}, ooxml.STYLE_ORDER)
    for tag in ("w:basedOn", "w:next", "w:link"):
        ooxml.remove_children(frozen, [tag])
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        for kind, order in (("p", ooxml.PPR_ORDER), ("r", ooxml.RPR_ORDER)):
            source = defaults.find(f"{qn(f'w:{kind}PrDefault')}/{qn(f'w:{kind}Pr')}")
            _merged_defaults(ooxml.child(frozen, f"w:{kind}Pr", ooxml.STYLE_ORDER), source, order)
    styles.append(frozen)
    return REFERENCE_NORMAL[0]


def _point_at(paragraphs, style_id: str) -> None:
    for p in paragraphs:
        ppr = p.find(qn("w:pPr"))
        current = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if current is None or current.get(qn("w:val")) == "Normal":
            ooxml.set_child(p.get_or_add_pPr(), "w:pStyle", {"w:val": style_id}, ooxml.PPR_ORDER)


# Word's and python-docx's blank documents: page sizes (twips) and the margins they come with.
_DEFAULT_PAGES = {(12240, 15840), (11906, 16838)}  # US Letter, A4
_DEFAULT_MARGINS = {1440, 1800}  # 1 inch (2.54 cm), 1.25 inch (3.18 cm)


def _untouched_page(sect) -> bool:
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    if size is None or margins is None:
        return True
    try:
        page = (int(size.get(qn("w:w"), "0")), int(size.get(qn("w:h"), "0")))
        sides = {int(margins.get(qn(f"w:{side}"), "0")) for side in ("top", "right", "bottom", "left")}
    except ValueError:
        return False
    return page in _DEFAULT_PAGES and sides <= _DEFAULT_MARGINS


def use_gongwen_page_if_untouched(doc: DocxDocument) -> None:
    """GB/T 9704's A4 page and margins for every section still on a blank document's defaults."""
    for section in doc.sections:
        sect = section._sectPr
        if not _untouched_page(sect):
            continue
        ooxml.set_child(sect, "w:pgSz", {"w:w": ooxml.mm(gongwen.PAGE_W_MM), "w:h": ooxml.mm(gongwen.PAGE_H_MM)},
                        ooxml.SECTPR_ORDER)
        margins = {f"w:{side}": ooxml.mm(mm) for side, mm in gongwen.MARGINS_MM.items()}
        margins.update({"w:header": ooxml.mm(gongwen.HEADER_MM), "w:footer": ooxml.mm(gongwen.FOOTER_MM),
                        "w:gutter": "0"})
        ooxml.set_child(sect, "w:pgMar", margins, ooxml.SECTPR_ORDER)
        ooxml.set_child(sect, "w:docGrid", {"w:type": "lines", "w:linePitch": str(gongwen.LINE_TWIPS)},
                        ooxml.SECTPR_ORDER)


def use_gongwen_styles(reference: Reference) -> None:
    """Replace the reference's Normal, Title, Heading 1-4 … and document defaults with drafter's
    GB/T 9704 ones, keeping the letterhead, 抄送 lines and headers/footers as they looked."""
    doc = reference.doc
    use_gongwen_page_if_untouched(doc)
    styles = doc.styles.element
    frozen = _freeze_reference_normal(doc, styles)
    keep_footer = _has_footer(doc)
    ours = gongwen.base_document().styles.element
    # Footer is ours only when the reference has no footer of its own (we add page numbers then).
    replaced = {"Normal", *gongwen.style_ids().values()} | (set() if keep_footer else {"Footer"})
    for style in list(styles.iterchildren(qn("w:style"))):
        based = style.find(qn("w:basedOn"))
        if style.get(qn("w:styleId")) not in replaced and based is not None and based.get(qn("w:val")) == "Normal":
            based.set(qn("w:val"), frozen)  # their Header, Footer, 抄送 … keep their look
    for style_id in sorted(replaced):
        mine = _style_by_id(ours, style_id)
        if mine is None:
            continue
        theirs = _style_by_id(styles, style_id)
        if theirs is not None:
            styles.replace(theirs, copy.deepcopy(mine))
        else:
            styles.append(copy.deepcopy(mine))
    theirs_defaults, our_defaults = styles.find(qn("w:docDefaults")), ours.find(qn("w:docDefaults"))
    if our_defaults is not None:
        if theirs_defaults is not None:
            styles.replace(theirs_defaults, copy.deepcopy(our_defaults))
        else:
            styles.insert(0, copy.deepcopy(our_defaults))
    kept = [p for el in [*reference.kept, *reference.tail]
            for p in ([el] if el.tag == qn("w:p") else el.iter(qn("w:p")))]
    _point_at(kept, frozen)
    for rel in doc.part.rels.values():
        if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER):
            _point_at(rel.target_part.element.iter(qn("w:p")), frozen)
