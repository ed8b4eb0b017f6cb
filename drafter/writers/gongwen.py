"""The GB/T 9704-2012 style sheet: page, fonts, sizes, indents, line pitch and page numbers.

All formatting lives in named styles (not in direct run formatting), so an office's own
reference document can restyle the draft simply by defining the same styles, and Word's
navigation pane and table of contents work off the real Heading 1-4 styles.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Dict, List, Optional

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from ..errors import OutputFileError
from ..fsutil import write_atomic
from ..record import record
from ..resources import user_cache_dir
from . import ooxml, zipcopy

LATIN = "Times New Roman"
FANGSONG, KAITI, HEITI, XIAOBIAOSONG, SONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"

BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16, 22, 14  # 3号, 2号, 4号
# 版心 225 mm high / 22 lines = 28.98 pt; 579 twips = 28.95 pt keeps exactly 22 lines a page.
LINE_TWIPS = 579
TITLE_LINE_TWIPS = 700  # 35 pt: 2号 title lines breathe a little more than body lines
# 版心 156 mm / 28 chars: 3号 glyphs need -0.25 pt tracking to fit 28 a line (5.2.3).
CHAR_SPACING = -5

PAGE_W_MM, PAGE_H_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
# Blank lines between the body and a sealed 落款: the seal (about four lines high) sits centred a
# little above 署名 and 成文日期, its top within one line of the body (7.3.5.1).
SEALED_GAP_LINES = 2
# A last body paragraph up to this many characters moves whole with the signature; a longer
# one keeps at least two of its lines with it (widow control), so no page holds only 落款.
KEEP_WHOLE_CHARS = 84
FOOTER_MM = 25  # the page number sits about 7 mm below the 版心 (7.5)
HEADER_MM = 15


@record(frozen=True)
class ParagraphStyle:
    style_id: str
    name: str  # Word's built-in (English) name where there is one, so Word maps it
    east_asia: str
    size: float = BODY_PT
    bold: bool = False
    first_line_chars: float = 2
    jc: str = "both"
    outline_level: Optional[int] = None
    line_twips: int = LINE_TWIPS
    keep_next: bool = False
    zh_name: Optional[str] = None


# Heading levels 1-4 → 一、 黑体 / （一） 楷体 / 1. 仿宋 bold / （1） 仿宋 (7.3.3).
HEADING_STYLES = {
    1: ParagraphStyle("Heading1", "heading 1", HEITI, outline_level=0, keep_next=True),
    2: ParagraphStyle("Heading2", "heading 2", KAITI, outline_level=1, keep_next=True),
    3: ParagraphStyle("Heading3", "heading 3", FANGSONG, bold=True, outline_level=2, keep_next=True),
    4: ParagraphStyle("Heading4", "heading 4", FANGSONG, outline_level=3, keep_next=True),
}
TITLE = ParagraphStyle("Title", "Title", XIAOBIAOSONG, size=TITLE_PT, first_line_chars=0, jc="center",
                       line_twips=TITLE_LINE_TWIPS)
SIGNATURE = ParagraphStyle("Signature", "Signature", FANGSONG, first_line_chars=0, jc="right",
                           keep_next=True, zh_name="落款")
DATE = ParagraphStyle("DocumentDate", "Document Date", FANGSONG, first_line_chars=0, jc="right",
                      zh_name="成文日期")
FOOTER = ParagraphStyle("Footer", "footer", SONG, size=PAGE_NUMBER_PT, first_line_chars=0, jc="right")

BODY_CHAR_STYLE = ("BodyTextChar", "正文字符")  # run-in body text after a heading clause
PLACEHOLDER_CHAR_STYLE = ("Placeholder", "待补充")  # 【待补充：…】, also highlighted per run
PLACEHOLDER_HIGHLIGHT = "yellow"


def _style(doc: DocxDocument, style_id: str, name: str, kind: WD_STYLE_TYPE):
    """The style element with this id (or Word name), created when the document lacks it.

    Looked up with XPath: python-docx's style collection wraps every style on each search."""
    root = doc.styles.element
    found = root.xpath(f'w:style[@w:styleId="{style_id}"]') or [
        s for s in root.xpath("w:style") if (s.name_val or "").lower() == name.lower()]
    if found:
        return found[0]
    style = doc.styles.add_style(name, kind)
    style.element.set(qn("w:styleId"), style_id)
    return style.element


def _restyle_paragraph(doc: DocxDocument, spec: ParagraphStyle) -> None:
    el = _style(doc, spec.style_id, spec.name, WD_STYLE_TYPE.PARAGRAPH)
    ooxml.set_child(el, "w:basedOn", {"w:val": "Normal"}, ooxml.STYLE_ORDER)
    if spec.zh_name:
        ooxml.set_child(el, "w:aliases", {"w:val": spec.zh_name}, ooxml.STYLE_ORDER)
    ooxml.set_child(el, "w:qFormat", None, ooxml.STYLE_ORDER)
    # Start from clean properties: the default template's headings carry theme fonts,
    # blue colours, borders and spacing that GB/T 9704 does not want.
    ooxml.remove_children(el, ["w:pPr", "w:rPr"])
    ppr = ooxml.child(el, "w:pPr", ooxml.STYLE_ORDER)
    ooxml.set_para_props(ppr, line_twips=spec.line_twips, first_line_chars=spec.first_line_chars,
                         font_pt=spec.size, jc=spec.jc, outline_level=spec.outline_level,
                         keep_next=spec.keep_next)
    rpr = ooxml.child(el, "w:rPr", ooxml.STYLE_ORDER)
    ooxml.set_run_props(rpr, east_asia=spec.east_asia, latin=SONG if spec is FOOTER else LATIN,
                        size_pt=spec.size, bold=spec.bold, color="000000")


def _character_style(doc: DocxDocument, ids: tuple, east_asia: Optional[str] = None,
                     highlight: Optional[str] = None) -> None:
    el = _style(doc, ids[0], ids[1], WD_STYLE_TYPE.CHARACTER)
    ooxml.remove_children(el, ["w:rPr"])
    rpr = ooxml.child(el, "w:rPr", ooxml.STYLE_ORDER)
    if east_asia:
        ooxml.set_run_props(rpr, east_asia=east_asia, latin=LATIN)
    if highlight:
        # Word ignores w:highlight in styles, so shade the style and highlight each run.
        ooxml.set_child(rpr, "w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": "FFFF00"}, ooxml.RPR_ORDER)


def apply_styles(doc: DocxDocument) -> None:
    """Restyle the document defaults, Normal, Title, Heading 1-4, 落款, 成文日期 and footer."""
    styles = doc.styles.element
    defaults = ooxml.child(styles, "w:docDefaults")
    rpr = ooxml.child(ooxml.child(defaults, "w:rPrDefault"), "w:rPr")
    ooxml.set_run_props(rpr, east_asia=FANGSONG, latin=LATIN, size_pt=BODY_PT, lang="zh-CN")
    ppr = ooxml.child(ooxml.child(defaults, "w:pPrDefault"), "w:pPr")
    ooxml.set_para_props(ppr, line_twips=LINE_TWIPS)

    normal = _style(doc, "Normal", "Normal", WD_STYLE_TYPE.PARAGRAPH)
    ooxml.remove_children(normal, ["w:pPr", "w:rPr"])
    ppr = ooxml.child(normal, "w:pPr", ooxml.STYLE_ORDER)
    ooxml.set_child(ppr, "w:widowControl", {"w:val": "0"}, ooxml.PPR_ORDER)
    ooxml.set_para_props(ppr, line_twips=LINE_TWIPS, first_line_chars=2, jc="both")
    rpr = ooxml.child(normal, "w:rPr", ooxml.STYLE_ORDER)
    ooxml.set_run_props(rpr, east_asia=FANGSONG, latin=LATIN, size_pt=BODY_PT, color="000000",
                        char_spacing=CHAR_SPACING)

    for spec in (TITLE, *HEADING_STYLES.values(), SIGNATURE, DATE, FOOTER):
        _restyle_paragraph(doc, spec)
    _character_style(doc, BODY_CHAR_STYLE, east_asia=FANGSONG)
    _character_style(doc, PLACEHOLDER_CHAR_STYLE, highlight=PLACEHOLDER_HIGHLIGHT)


def keep_with_signature(p) -> None:
    """Keep body paragraph `p` on the page of what follows (the 落款): whole when short,
    otherwise at least its last two lines."""
    if p is None:
        return
    ppr = p.get_or_add_pPr()
    text = "".join(t.text or "" for t in p.iter(qn("w:t")))
    ooxml.set_keep_together(ppr, True)
    if len(text) > KEEP_WHOLE_CHARS:
        ooxml.set_child(ppr, "w:keepLines", {"w:val": "0"}, ooxml.PPR_ORDER)
        ooxml.set_child(ppr, "w:widowControl", {"w:val": "1"}, ooxml.PPR_ORDER)


def set_theme_languages(doc: DocxDocument) -> None:
    """Theme fonts resolve for Chinese text as zh-CN (w:themeFontLang eastAsia), not Japanese."""
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:  # CT_Settings puts it just before w:clrSchemeMapping
        lang = ooxml.element("w:themeFontLang")
        anchor = settings.find(qn("w:clrSchemeMapping"))
        anchor.addprevious(lang) if anchor is not None else settings.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def setup_page(doc: DocxDocument) -> None:
    """A4, GB/T 9704 margins, a 22-line grid, odd/even footers with `— N —` page numbers."""
    for section in doc.sections:
        sect = section._sectPr
        ooxml.set_child(sect, "w:pgSz", {"w:w": ooxml.mm(PAGE_W_MM), "w:h": ooxml.mm(PAGE_H_MM)},
                        ooxml.SECTPR_ORDER)
        ooxml.set_child(sect, "w:pgMar", {
            "w:top": ooxml.mm(MARGINS_MM["top"]), "w:right": ooxml.mm(MARGINS_MM["right"]),
            "w:bottom": ooxml.mm(MARGINS_MM["bottom"]), "w:left": ooxml.mm(MARGINS_MM["left"]),
            "w:header": ooxml.mm(HEADER_MM), "w:footer": ooxml.mm(FOOTER_MM), "w:gutter": "0",
        }, ooxml.SECTPR_ORDER)
        ooxml.set_child(sect, "w:docGrid", {"w:type": "lines", "w:linePitch": str(LINE_TWIPS)},
                        ooxml.SECTPR_ORDER)
    add_page_numbers(doc)


def add_page_numbers(doc: DocxDocument) -> None:
    """`— N —` in 4号 宋体: odd pages right, even pages left, each 空一字 from the edge (7.5)."""
    settings = doc.settings.element
    if settings.find(qn("w:evenAndOddHeaders")) is None:
        # evenAndOddHeaders comes early in CT_Settings; after w:zoom and friends is fine for Word.
        anchor = settings.find(qn("w:defaultTabStop"))
        flag = ooxml.element("w:evenAndOddHeaders")
        if anchor is not None:
            anchor.addprevious(flag)
        else:
            settings.insert(0, flag)
    for section in doc.sections:
        section.different_first_page_header_footer = False
        for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            _page_number_paragraph(doc, footer, side)


def _page_number_paragraph(doc: DocxDocument, footer, side: str) -> None:
    body = footer._element
    for p in body.findall(qn("w:p")):
        body.remove(p)
    paragraph = footer.add_paragraph()
    ppr = paragraph._p.get_or_add_pPr()
    ppr.style = FOOTER.style_id
    ooxml.set_para_props(ppr, jc=side, font_pt=PAGE_NUMBER_PT,
                         right_chars=1 if side == "right" else 0, left_chars=1 if side == "left" else 0,
                         first_line_chars=0)
    paragraph.add_run("— ")
    for run in ooxml.page_field_runs(lambda: ooxml.element("w:r")):
        paragraph._p.append(run)
    paragraph.add_run(" —")


def style_ids() -> Dict[str, str]:
    """Style ids the writer uses for each kind of block."""
    ids = {f"h{level}": spec.style_id for level, spec in HEADING_STYLES.items()}
    ids.update(title=TITLE.style_id, signature=SIGNATURE.style_id, date=DATE.style_id,
               body_char=BODY_CHAR_STYLE[0], placeholder_char=PLACEHOLDER_CHAR_STYLE[0])
    return ids


# Parts of python-docx's default document a draft does not want: a thumbnail of someone else's
# page, a stale copy of the styles (stylesWithEffects), and SharePoint metadata.
_DROPPED_RELS = ("/thumbnail", "/stylesWithEffects", "/customXml")
_KEPT_TABLE_STYLES = ("TableNormal", "TableGrid")


def _prune(doc: DocxDocument) -> None:
    for owner in (doc.part.package, doc.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_DROPPED_RELS):
                owner.rels.pop(rid)
    styles = doc.styles.element
    for style in styles.xpath('w:style[@w:type="table"]'):
        if style.get(qn("w:styleId")) not in _KEPT_TABLE_STYLES:
            styles.remove(style)


def new_document() -> DocxDocument:
    """An empty GB/T 9704 document: pruned, restyled and paged."""
    doc = docx.Document()
    doc.element.body.remove_all("w:p", "w:tbl")
    _prune(doc)
    apply_styles(doc)
    setup_page(doc)
    set_theme_languages(doc)
    return doc


def _cache_key() -> str:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in (here / "gongwen.py", here / "ooxml.py", Path(docx.__file__)):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _cache_path() -> Path:
    return user_cache_dir() / f"gongwen-base-{_cache_key()}.docx"


def _store(cached: Path, write) -> None:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cached, write, force=True)
    except (OSError, OutputFileError):
        pass  # a read-only cache folder only costs speed


def base_document() -> DocxDocument:
    """`new_document()`, read from a cached copy when one exists.

    Restyling python-docx's default document costs about as much as writing the whole draft;
    the result only changes with this style sheet or python-docx, which the cache key covers.
    """
    cached = _cache_path()
    if cached.is_file():
        try:
            return docx.Document(str(cached))
        except Exception:  # noqa: BLE001 - a damaged cache only costs speed
            pass
    doc = new_document()
    _store(cached, doc.save)
    return doc


# The two parts a plain draft changes; every other part of the base package is written as it is.
DOCUMENT_PART, CORE_PART = "word/document.xml", "docProps/core.xml"


def base_package() -> List[zipcopy.Member]:
    """The zip members of `new_document()` as python-docx saves it, in its order, still
    deflated: the cached copy of `base_document()`, or a new one.

    A cache that is no zip, whose members do not match their CRC or that lacks one of the two
    parts the writer fills is damaged: it is built anew, as `base_document` does."""
    cached = _cache_path()
    try:
        members = zipcopy.read(cached.read_bytes())
        if {DOCUMENT_PART, CORE_PART} <= {m.name for m in members}:
            return members
    except Exception:  # noqa: BLE001 - missing or damaged: it only costs speed
        pass
    buffer = io.BytesIO()
    new_document().save(buffer)
    data = buffer.getvalue()
    _store(cached, lambda stream: stream.write(data))
    return zipcopy.read(data)
