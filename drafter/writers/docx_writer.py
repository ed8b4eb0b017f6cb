"""Draft → .docx, formatted per GB/T 9704 (see `gongwen`), optionally on an office's own
reference document.

With `reference` (see `reference`), the office's page setup, header/footer and letterhead are
kept and drafter's GB/T 9704 styles replace theirs; with `keep_reference_styles` their styles
win and we only add the ones they lack.  Without it, python-docx's default
document is restyled from scratch.  `annotate` adds a Word comment on every run that came
from the fact sheet, naming the sheet's path and line, so a reviewer can check each number.

A plain draft (no reference, no comments) does not go through a python-docx Document at all:
only word/document.xml and docProps/core.xml change from `gongwen.base_package()`, so those two
are parsed, filled and serialised and every other part is copied as the bytes python-docx would
have written for it, still deflated (`zipcopy`).  Opening the package, re-serialising and
recompressing every part and python-docx's bookkeeping cost about as much as writing the
draft.  The XML of every part is the same either way (python-docx's own element classes and
serialiser are used for the two parts).
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, BinaryIO, Optional

from docx.document import Document as DocxDocument
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from ..draft import Draft, Heading, Paragraph, Signature, Span, Spans, Title, plain
from . import gongwen, ooxml, zipcopy

if TYPE_CHECKING:  # the reference code is only imported when a reference is used
    from .reference import Reference

IDS = gongwen.style_ids()
_P, _PPR, _PSTYLE, _R, _BR, _VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:br"), qn("w:val")


def _paragraph(body, style_id: Optional[str] = None, anchor=None):
    """A new w:p with the given style id, placed before `anchor` (the body's w:sectPr, looked
    up once per document by the writer) or at the end of `body`.

    The pPr/pStyle are built straight with lxml, the same XML as python-docx's
    `get_or_add_pPr().style = …`, which looks up each child's place among ~40 successor tags.
    And `doc.add_paragraph` looks the sectPr up among all body children on every call, which
    made a draft of many paragraphs quadratic.
    """
    p = ooxml.element("w:p")
    if anchor is not None:
        anchor.addprevious(p)
    else:
        body.append(p)
    if style_id:
        etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE).set(_VAL, style_id)
    return p


def _has_footer(doc: DocxDocument) -> bool:
    return any(s._sectPr.find(qn("w:footerReference")) is not None for s in doc.sections)


def _ensure_missing_styles(doc: DocxDocument) -> None:
    """Add our styles a reference document lacks, without touching the ones it defines."""
    have = {s.style_id for s in doc.styles}
    if all(style_id in have for style_id in IDS.values()):
        return
    scratch = gongwen.new_document()
    for style_id in IDS.values():
        if style_id not in have:
            donor = next(s for s in scratch.styles if s.style_id == style_id)
            doc.styles.element.append(donor.element)


class DocxWriter:
    def __init__(self, reference: Optional[Reference] = None, annotate: bool = False, sheet_name: str = "",
                 keep_reference_styles: bool = False) -> None:
        self.reference = reference
        self.keep_reference_styles = keep_reference_styles
        self.annotate = annotate
        self.sheet_name = sheet_name
        self._doc: Optional[DocxDocument] = None  # only where comments are added
        self._body = None
        self._anchor = None

    def document(self, draft: Draft) -> DocxDocument:
        """The draft as a python-docx Document (on the reference, when there is one)."""
        tail: list = []
        if self.reference:
            doc, tail = self.reference.doc, self.reference.tail
            if self.keep_reference_styles:
                _ensure_missing_styles(doc)
            else:
                from .reference import use_gongwen_styles

                use_gongwen_styles(self.reference)
            if not _has_footer(doc):
                gongwen.add_page_numbers(doc)
        else:
            doc = gongwen.base_document()
        self._doc = doc
        self._fill(doc.element.body, draft, tail)
        self._properties(doc.core_properties, draft)
        return doc

    def _fill(self, body, draft: Draft, tail=()) -> None:
        """Write the draft's blocks into `body`, before its w:sectPr, then `tail` after them."""
        sect = body.find(qn("w:sectPr"))
        self._body, self._anchor = body, sect
        for block in draft.blocks:
            self._block(block)
        for el in tail:
            if sect is not None:
                sect.addprevious(el)
            else:
                body.append(el)

    def _write_package(self, draft: Draft, stream: BinaryIO) -> None:
        """The plain draft, written from `gongwen.base_package()` (see the module docstring)."""
        members = gongwen.base_package()
        filled = {gongwen.DOCUMENT_PART: None, gongwen.CORE_PART: None}
        for m in members:
            if m.name in filled:
                filled[m.name] = parse_xml(m.data)
        self._fill(filled[gongwen.DOCUMENT_PART].body, draft)
        self._properties(CoreProperties(filled[gongwen.CORE_PART]), draft)
        zipcopy.write(stream, [zipcopy.Member(m.name, serialize_part_xml(filled[m.name])) if m.name in filled else m
                               for m in members])

    @staticmethod
    def _properties(props: CoreProperties, draft: Draft) -> None:
        """File properties Word shows (title, author): the draft's, not python-docx's defaults."""
        title = next((b for b in draft.blocks if isinstance(b, Title)), None)
        signature = next((b for b in draft.blocks if isinstance(b, Signature)), None)
        props.title = "".join(plain(line) for line in title.lines) if title else ""
        props.author = props.last_modified_by = plain(signature.org) if signature else ""
        props.comments = "drafter 生成的初稿"
        props.created = props.modified = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
        props.revision = 1
        props.keywords = props.subject = props.category = ""

    def _paragraph(self, style_id: Optional[str] = None):
        return _paragraph(self._body, style_id, self._anchor)

    def _last_paragraph(self):
        """The paragraph added last (just before the anchor, or at the end of the body)."""
        last = self._anchor.getprevious() if self._anchor is not None else self._body[-1]
        return last if last is not None and last.tag == _P else None

    def write(self, draft: Draft, stream: BinaryIO) -> None:
        if self.reference is None and not self.annotate:
            self._write_package(draft, stream)
        else:
            self.document(draft).save(stream)

    # -- blocks ------------------------------------------------------------------------
    def _block(self, block) -> None:
        if isinstance(block, Title):
            p = self._paragraph(IDS["title"])
            for i, line in enumerate(block.lines):
                if i:  # python-docx's add_run().add_break(): <w:r><w:br/></w:r>
                    etree.SubElement(etree.SubElement(p, _R), _BR)
                self._spans(p, line)
            self._paragraph()  # 标题下空一行
        elif isinstance(block, Heading):
            p = self._paragraph(IDS[f"h{min(block.level, 4)}"])
            self._spans(p, [Span(block.number)] + block.text)
            if block.body:
                # A run-in heading is a body paragraph: keeping it with the next one would chain
                # a whole part together and push it to the next page.
                ooxml.set_keep_together(p.get_or_add_pPr(), False)
                self._spans(p, block.body, char_style=IDS["body_char"], unbold=block.level == 3)
        elif isinstance(block, Paragraph):
            p = self._paragraph()
            self._spans(p, block.spans)
        elif isinstance(block, Signature):
            self._signature(block)

    def _spans(self, p, spans: Spans, char_style: Optional[str] = None, unbold: bool = False) -> None:
        for span in spans:
            if not span.text:
                continue
            r = ooxml.add_run(p, span.text,
                              style_id=IDS["placeholder_char"] if span.placeholder else char_style,
                              highlight=gongwen.PLACEHOLDER_HIGHLIGHT if span.placeholder else None,
                              bold=False if unbold else None)
            if self.annotate and span.source is not None:
                line = f"第 {span.source.line} 行" if span.source.line else ""
                doc = self._doc
                doc.add_comment(Run(r, DocxParagraph(p, doc._body)),
                                text=f"来源：{self.sheet_name} {line} {span.source.path}".strip(),
                                author="drafter", initials="DR")

    def _signature(self, block: Signature) -> None:
        """落款 and 成文日期 (GB/T 9704 7.3.5): sealed (7.3.5.1) — room for the seal, 成文日期右空四字,
        署名以成文日期为准居中; unsealed (7.3.5.2) — 正文下空一行, 署名右空二字, 日期首字比署名首字右移二字.
        Both stay on one page with the last lines of the body (gongwen.keep_with_signature)."""
        gongwen.keep_with_signature(self._last_paragraph())
        sig_width, date_width = _width(block.org), _width(block.date)
        if block.sealed:
            date_right = 4.0
            sig_right = max(2.0, date_right + (date_width - sig_width) / 2)
            if sig_width > date_width + 4:  # a long name: 署名右空二字, date starts two characters in
                sig_right, date_right = 2.0, max(2.0, sig_width - date_width)
        else:
            sig_right = 2.0
            date_right = sig_right + sig_width - 2 - date_width
            if date_right < 2.0:  # the date would reach past 右空二字 (it is as long as the name or longer):
                # move the name right so the date is 右空二字 and still starts two characters after it
                sig_right, date_right = date_width + 4.0 - sig_width, 2.0
        for _ in range(gongwen.SEALED_GAP_LINES if block.sealed else 1):
            gongwen.keep_with_signature(self._paragraph())
        for spans, style, right in ((block.org, IDS["signature"], sig_right), (block.date, IDS["date"], date_right)):
            p = self._paragraph(style)
            ooxml.set_para_props(p.get_or_add_pPr(), right_chars=right, first_line_chars=0)
            if style == IDS["signature"]:  # also where a reference document's 落款 style lacks it
                ooxml.set_keep_together(p.get_or_add_pPr(), True)
            self._spans(p, spans)


def _width(spans: Spans) -> float:
    """Printed width in characters: half-width digits and letters count half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for s in spans for ch in s.text)


def write_docx(draft: Draft, stream: BinaryIO, *, reference: Optional[Reference] = None,
               annotate: bool = False, sheet_name: str = "", keep_reference_styles: bool = False) -> None:
    DocxWriter(reference, annotate, sheet_name, keep_reference_styles).write(draft, stream)
