"""Draft → Markdown or plain text, for a quick read of the draft without Word.

Markdown keeps the heading structure (# for the title, ## for 一、 …) and marks placeholders
in bold; plain text indents paragraphs with two ideographic spaces as a printed report does.
With `annotate`, each fact-derived passage gets a numbered note listing its sheet path and line.
"""
from __future__ import annotations

from typing import List

from ..draft import Draft, Heading, Paragraph, Signature, Spans, Title

INDENT = "\u3000\u3000"


class _Renderer:
    def __init__(self, markdown: bool, annotate: bool, sheet_name: str) -> None:
        self.markdown = markdown
        self.annotate = annotate
        self.sheet_name = sheet_name
        self.notes: List[str] = []

    def spans(self, spans: Spans) -> str:
        out = []
        for span in spans:
            text = span.text
            if self.markdown:
                text = _md_escape(text)
                if span.placeholder:
                    text = f"**{text}**"
            out.append(text)
            if self.annotate and span.source is not None:
                self.notes.append(f"{self.sheet_name}:{span.source.line or '?'} {span.source.path}")
                out.append(f"[^{len(self.notes)}]" if self.markdown else f"〔注{len(self.notes)}〕")
        return "".join(out)

    def block(self, block) -> str:
        md = self.markdown
        if isinstance(block, Title):
            # Title lines are broken for the printed page (docx); a text file keeps the title whole.
            lines = [self.spans(line) for line in block.lines]
            return ("# " if md else "") + "".join(lines)
        if isinstance(block, Heading):
            head = block.number + self.spans(block.text)
            body = self.spans(block.body)
            if md:
                if body:  # run-in: bold clause, body in the same paragraph
                    # "**head****【待补充…】**" is not bold twice in Markdown but four stray
                    # asterisks; a space keeps the two bold runs apart.
                    gap = " " if body.startswith("**") else ""
                    return f"**{head}**{gap}{body}"
                return "#" * (block.level + 1) + " " + head
            return INDENT + head + body
        if isinstance(block, Paragraph):
            return ("" if md else INDENT) + self.spans(block.spans)
        if isinstance(block, Signature):
            org, date = self.spans(block.org), self.spans(block.date)
            if md:
                return f'<p align="right">{org}<br>{date}</p>'
            return f"{org:>30}\n{date:>30}"
        raise TypeError(block)

    def render(self, draft: Draft) -> str:
        parts = [self.block(b) for b in draft.blocks]
        if self.notes:
            if self.markdown:
                parts.append("\n".join(f"[^{i}]: 来源 {n}" for i, n in enumerate(self.notes, 1)))
            else:
                parts.append("来源注释：\n" + "\n".join(f"〔注{i}〕{n}" for i, n in enumerate(self.notes, 1)))
        return "\n\n".join(parts) + "\n"


def _md_escape(text: str) -> str:
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def to_markdown(draft: Draft, *, annotate: bool = False, sheet_name: str = "") -> str:
    return _Renderer(True, annotate, sheet_name).render(draft)


def to_text(draft: Draft, *, annotate: bool = False, sheet_name: str = "") -> str:
    return _Renderer(False, annotate, sheet_name).render(draft)
