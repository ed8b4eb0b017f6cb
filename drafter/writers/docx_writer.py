"""Draft → .docx, formatted per GB/T 9704 (see `gongwen`), optionally on an office's own
reference document.

With `reference` (see `reference`), the office's page setup, header/footer and letterhead are
kept and drafter's GB/T 9704 styles replace theirs; with `keep_reference_styles` their styles
win and we only add the ones they lack.  Without it, python-docx's default
document is restyled from scratch.  `annotate` adds a Word comment on every run that came
from the fact sheet, naming the sheet's path and line, so a reviewer can check each number.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import BinaryIO, Optional

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from ..draft import Draft, Heading, Paragraph, Signature, Span, Spans, Title, plain
from . import gongwen, ooxml
from .reference import Reference, use_gongwen_styles

IDS = gongwen.style_ids()


def _paragraph(doc: DocxDocument, style_id: Optional[str] = None, anchor=None):
    """A new body paragraph with the given style id, placed before `anchor` (the body's
    w:sectPr, looked up once per document by the writer) or at the end of the body.

    The id is written straight into w:pStyle: python-docx's style setter searches the whole
    style sheet on every call.  And `doc.add_paragraph` looks the sectPr up among all body
    children on every call, which made a draft of many paragraphs quadratic.
    """
    p = ooxml.element("w:p")
    if anchor is not None:
        anchor.addprevious(p)
    else:
        doc.element.body.append(p)
    if style_id:
        p.get_or_add_pPr().style = style_id
    return DocxParagraph(p, doc._body)


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
        self._anchor = None

    def document(self, draft: Draft) -> DocxDocument:
        tail: list = []
        if self.reference:
            doc, tail = self.reference.doc, self.reference.tail
            if self.keep_reference_styles:
                _ensure_missing_styles(doc)
            else:
                use_gongwen_styles(self.reference)
            if not _has_footer(doc):
                gongwen.add_page_numbers(doc)
        else:
            doc = gongwen.base_document()
        sect = doc.element.body.find(qn("w:sectPr"))
        self._anchor = sect
        for block in draft.blocks:
            self._block(doc, block)
        for el in tail:
            if sect is not None:
                sect.addprevious(el)
            else:
                doc.element.body.append(el)
        self._properties(doc, draft)
        return doc

    @staticmethod
    def _properties(doc: DocxDocument, draft: Draft) -> None:
        """File properties Word shows (title, author): the draft's, not python-docx's defaults."""
        props = doc.core_properties
        title = next((b for b in draft.blocks if isinstance(b, Title)), None)
        signature = next((b for b in draft.blocks if isinstance(b, Signature)), None)
        props.title = "".join(plain(line) for line in title.lines) if title else ""
        props.author = props.last_modified_by = plain(signature.org) if signature else ""
        props.comments = "drafter 生成的初稿"
        props.created = props.modified = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
        props.revision = 1
        props.keywords = props.subject = props.category = ""

    def _paragraph(self, doc: DocxDocument, style_id: Optional[str] = None):
        return _paragraph(doc, style_id, self._anchor)

    def _last_paragraph(self, doc: DocxDocument):
        """The paragraph added last (just before the anchor, or at the end of the body)."""
        last = self._anchor.getprevious() if self._anchor is not None else doc.element.body[-1]
        return last if last is not None and last.tag == qn("w:p") else None

    def write(self, draft: Draft, stream: BinaryIO) -> None:
        self.document(draft).save(stream)

    # -- blocks ------------------------------------------------------------------------
    def _block(self, doc: DocxDocument, block) -> None:
        if isinstance(block, Title):
            p = self._paragraph(doc, IDS["title"])
            for i, line in enumerate(block.lines):
                if i:
                    p.add_run().add_break()
                self._spans(doc, p, line)
            self._paragraph(doc)  # 标题下空一行
        elif isinstance(block, Heading):
            p = self._paragraph(doc, IDS[f"h{min(block.level, 4)}"])
            self._spans(doc, p, [Span(block.number)] + block.text)
            if block.body:
                # A run-in heading is a body paragraph: keeping it with the next one would chain
                # a whole part together and push it to the next page.
                ooxml.set_keep_together(p._p.get_or_add_pPr(), False)
                self._spans(doc, p, block.body, char_style=IDS["body_char"], unbold=block.level == 3)
        elif isinstance(block, Paragraph):
            p = self._paragraph(doc)
            self._spans(doc, p, block.spans)
        elif isinstance(block, Signature):
            self._signature(doc, block)

    def _spans(self, doc: DocxDocument, paragraph, spans: Spans, char_style: Optional[str] = None,
               unbold: bool = False) -> None:
        for span in spans:
            if not span.text:
                continue
            r = ooxml.add_run(paragraph._p, span.text,
                              style_id=IDS["placeholder_char"] if span.placeholder else char_style,
                              highlight=gongwen.PLACEHOLDER_HIGHLIGHT if span.placeholder else None,
                              bold=False if unbold else None)
            if self.annotate and span.source is not None:
                line = f"第 {span.source.line} 行" if span.source.line else ""
                doc.add_comment(Run(r, paragraph), text=f"来源：{self.sheet_name} {line} {span.source.path}".strip(),
                                author="drafter", initials="DR")

    def _signature(self, doc: DocxDocument, block: Signature) -> None:
        """落款 and 成文日期 (GB/T 9704 7.3.5): sealed (7.3.5.1) — room for the seal, 成文日期右空四字,
        署名以成文日期为准居中; unsealed (7.3.5.2) — 正文下空一行, 署名右空二字, 日期首字比署名首字右移二字.
        Both stay on one page with the last lines of the body (gongwen.keep_with_signature)."""
        gongwen.keep_with_signature(self._last_paragraph(doc))
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
            gongwen.keep_with_signature(self._paragraph(doc)._p)
        for spans, style, right in ((block.org, IDS["signature"], sig_right), (block.date, IDS["date"], date_right)):
            p = self._paragraph(doc, style)
            ooxml.set_para_props(p._p.get_or_add_pPr(), right_chars=right, first_line_chars=0)
            if style == IDS["signature"]:  # also where a reference document's 落款 style lacks it
                ooxml.set_keep_together(p._p.get_or_add_pPr(), True)
            self._spans(doc, p, spans)


def _width(spans: Spans) -> float:
    """Printed width in characters: half-width digits and letters count half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for s in spans for ch in s.text)


def write_docx(draft: Draft, stream: BinaryIO, *, reference: Optional[Reference] = None,
               annotate: bool = False, sheet_name: str = "", keep_reference_styles: bool = False) -> None:
    DocxWriter(reference, annotate, sheet_name, keep_reference_styles).write(draft, stream)
