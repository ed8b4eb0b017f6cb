"""Invisible marks that carry structure through Jinja's plain-text output.

Templates produce text; the draft needs more: which words came from which fact (for
`--annotate`), which are placeholders (highlighted), where a heading starts and where its
run-in body begins.  Template helpers wrap such text in Unicode private-use characters, and
`parse` turns the rendered text back into typed blocks.  Fact values are scrubbed of these
characters before they reach a template, so no value can forge a mark: values stay data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from ..draft import Source, Span, Spans

FACT_OPEN, FACT_SEP, FACT_CLOSE = "\ue000", "\ue001", "\ue002"
HOLE_OPEN, HOLE_CLOSE = "\ue003", "\ue004"
HEAD_OPEN, HEAD_SEP, HEAD_CLOSE = "\ue005", "\ue006", "\ue007"
PARA_BREAK = "\ue008"

_MARKS = re.compile("[\ue000-\ue00f]")
PLACEHOLDER_FORMAT = "【待补充：{}】"


def scrub(text: str) -> str:
    """Remove anything that could pass for a mark from a user's value."""
    return _MARKS.sub("", text)


class SourceTable:
    """Numbers the sources used in one render, so a mark carries a short id, not a path."""

    def __init__(self) -> None:
        self.sources: List[Source] = []
        self._ids: dict = {}

    def id_of(self, source: Source) -> int:
        if source not in self._ids:
            self._ids[source] = len(self.sources)
            self.sources.append(source)
        return self._ids[source]


def fact(text: str, source: Optional[Source], table: SourceTable) -> str:
    """Mark `text` as coming from `source`; a newline in a value starts a new paragraph."""
    text = scrub(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    if source is None:
        return PARA_BREAK.join(lines)
    sid = table.id_of(source)
    return PARA_BREAK.join(f"{FACT_OPEN}{sid}{FACT_SEP}{line}{FACT_CLOSE}" for line in lines)


def hole(label: str) -> str:
    """A visible placeholder for a fact the sheet does not give."""
    return f"{HOLE_OPEN}{PLACEHOLDER_FORMAT.format(scrub(label))}{HOLE_CLOSE}"


def heading(depth: int, text: str, runin: bool) -> str:
    start = f"{PARA_BREAK}{HEAD_OPEN}{depth}{HEAD_SEP}{text}{HEAD_CLOSE}"
    return start if runin else start + PARA_BREAK


@dataclass
class Piece:
    """One paragraph of rendered output: a heading (depth, text, run-in body) or plain text."""

    spans: Spans
    depth: Optional[int] = None  # set for headings: 1 = first level below the part
    body: Optional[Spans] = None


def _spans(text: str, table: SourceTable) -> Spans:
    """Text with fact and placeholder marks → spans (marks may nest; innermost source wins)."""
    spans: Spans = []
    stack: List[Optional[Source]] = []
    hole_depth = 0
    buf = ""

    def flush() -> None:
        nonlocal buf
        if buf:
            src = next((s for s in reversed(stack) if s is not None), None)
            spans.append(Span(buf, src, hole_depth > 0))
            buf = ""

    i = 0
    while i < len(text):
        ch = text[i]
        if ch == FACT_OPEN:
            flush()
            sep = text.index(FACT_SEP, i)
            stack.append(table.sources[int(text[i + 1:sep])])
            i = sep + 1
            continue
        if ch == FACT_CLOSE:
            flush()
            if stack:
                stack.pop()
        elif ch == HOLE_OPEN:
            flush()
            hole_depth += 1
        elif ch == HOLE_CLOSE:
            flush()
            hole_depth = max(0, hole_depth - 1)
        elif ch not in (HEAD_OPEN, HEAD_SEP, HEAD_CLOSE, PARA_BREAK):
            buf += ch
        i += 1
    flush()
    return _merge(spans)


def _merge(spans: Spans) -> Spans:
    out: Spans = []
    for s in spans:
        if out and out[-1].source == s.source and out[-1].placeholder == s.placeholder:
            out[-1] = Span(out[-1].text + s.text, s.source, s.placeholder)
        else:
            out.append(s)
    return out


def _paragraph_texts(rendered: str) -> List[str]:
    """Split on blank lines and paragraph marks; lines inside a paragraph join without spaces,
    as Chinese text is written across template lines."""
    out = []
    for chunk in re.split(r"\n[ \t\u3000]*\n", rendered):
        joined = "".join(line.strip() for line in chunk.split("\n"))
        out.extend(p for p in joined.split(PARA_BREAK))
    return [p for p in out if _MARKS.sub("", p).strip()]


def parse(rendered: str, table: SourceTable) -> List[Piece]:
    pieces: List[Piece] = []
    for para in _paragraph_texts(rendered):
        head: Optional[Tuple[int, str, str]] = None
        if HEAD_OPEN in para:
            before, _, rest = para.partition(HEAD_OPEN)
            if _MARKS.sub("", before).strip():
                pieces.append(Piece(_spans(before, table)))
            depth, _, rest = rest.partition(HEAD_SEP)
            text, _, body = rest.partition(HEAD_CLOSE)
            head = (int(depth), text, body)
        if head:
            depth, text, body = head
            pieces.append(Piece(_spans(text, table), depth=depth, body=_spans(body, table)))
        else:
            pieces.append(Piece(_spans(para, table)))
    return pieces
