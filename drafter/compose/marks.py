"""Invisible marks that carry structure through Jinja's plain-text output.

Templates produce text; the draft needs more: which words came from which fact (for
`--annotate`), which are placeholders (highlighted), where a heading starts and where its
run-in body begins.  Template helpers wrap such text in Unicode *noncharacters*
(U+FDD0–U+FDEF), and `parse` turns the rendered text back into typed blocks.

Noncharacters are reserved by Unicode for exactly this, internal use inside one program, and
validation refuses them in fact values, so no value can forge a mark.  Private-use characters
(U+E000–U+F8FF) are *not* marks: they are the code points of offices' self-made characters
(造字) and of GBK's user-defined area, and pass through to the draft untouched.

Parsing is one linear scan with a regex tokenizer: a 1 MB value costs milliseconds, where
appending to a string one character at a time made it quadratic.
"""
from __future__ import annotations

import re
from typing import Iterator, List, Optional, Tuple

from ..draft import Source, Span, Spans
from ..errors import TemplateError
from ..record import record

FACT_OPEN, FACT_SEP, FACT_CLOSE = "\ufdd0", "\ufdd1", "\ufdd2"
HOLE_OPEN, HOLE_CLOSE = "\ufdd3", "\ufdd4"
HEAD_OPEN, HEAD_SEP, HEAD_CLOSE = "\ufdd5", "\ufdd6", "\ufdd7"
PARA_BREAK = "\ufdd8"

NONCHARACTERS = "\ufdd0-\ufdef"
_MARKS = re.compile(f"[{NONCHARACTERS}]")
# One token: a fact opening with its source id, any other single mark, or a run of text.
_TOKEN = re.compile(f"{FACT_OPEN}([0-9]{{1,9}}){FACT_SEP}|([{NONCHARACTERS}])|([^{NONCHARACTERS}]+)")
_HEADING = re.compile(f"{HEAD_OPEN}([0-9]{{1,2}}){HEAD_SEP}([^{HEAD_OPEN}{HEAD_CLOSE}]*){HEAD_CLOSE}")
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
PLACEHOLDER_FORMAT = "【待补充：{}】"


def scrub(text: str) -> str:
    """Remove anything that could pass for a mark from a value.

    Validation already refuses noncharacters in fact values, so on a validated sheet this
    changes nothing; it keeps marks unforgeable for callers that skip validation."""
    return _MARKS.sub("", text)


class SourceTable:
    """Numbers the sources used in one render, so a mark carries a short id, not a path."""

    def __init__(self) -> None:
        self.sources: List[Source] = []
        self._ids: dict = {}

    def id_of(self, source: Source) -> int:
        sid = self._ids.get(source)  # one hash of the (frozen record) source, not three
        if sid is None:
            sid = self._ids[source] = len(self.sources)
            self.sources.append(source)
        return sid


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


@record
class Piece:
    """One paragraph of rendered output: a heading (depth, text, run-in body) or plain text."""

    spans: Spans
    depth: Optional[int] = None  # set for headings: 1 = first level below the part
    body: Optional[Spans] = None


class MarkError(TemplateError):
    """Rendered text holds a mark character no helper wrote (a template typed one itself)."""


def _stray(ch: str) -> MarkError:
    return MarkError(f"模板输出了一个不该出现的内部标记字符（U+{ord(ch):04X}）",
                     hint="U+FDD0–U+FDEF 是 drafter 内部使用的字符，请从模板中删除它")


def _spans(text: str, table: SourceTable) -> Spans:
    """Text with fact and placeholder marks → spans (marks may nest; innermost source wins)."""
    runs: List[Tuple[List[str], Optional[Source], bool]] = []
    stack: List[Source] = []
    holes = 0
    for match in _TOKEN.finditer(text):
        sid, mark, chunk = match.groups()
        if sid is not None:
            index = int(sid)
            if index >= len(table.sources):
                raise _stray(FACT_OPEN)
            stack.append(table.sources[index])
        elif mark == FACT_CLOSE:
            if stack:
                stack.pop()
        elif mark == HOLE_OPEN:
            holes += 1
        elif mark == HOLE_CLOSE:
            holes = max(0, holes - 1)
        elif mark is not None:
            if mark not in (HEAD_OPEN, HEAD_SEP, HEAD_CLOSE, PARA_BREAK):
                raise _stray(mark)
        else:
            source, placeholder = (stack[-1] if stack else None), holes > 0
            if runs and runs[-1][1] == source and runs[-1][2] == placeholder:
                runs[-1][0].append(chunk)  # merged once at the end: linear, not quadratic
            else:
                runs.append(([chunk], source, placeholder))
    return [Span("".join(parts), source, placeholder) for parts, source, placeholder in runs]


def _paragraph_texts(rendered: str) -> Iterator[str]:
    """Split on blank lines and paragraph marks; lines inside a paragraph join without spaces,
    as Chinese text is written across template lines."""
    for chunk in _BLANK_LINE.split(rendered):
        joined = "".join(line.strip() for line in chunk.split("\n"))
        for para in joined.split(PARA_BREAK):
            if _MARKS.sub("", para).strip():
                yield para


def parse(rendered: str, table: SourceTable) -> List[Piece]:
    pieces: List[Piece] = []
    for para in _paragraph_texts(rendered):
        head = _HEADING.search(para)
        if head is None:
            if HEAD_OPEN in para or HEAD_CLOSE in para:
                raise _stray(HEAD_OPEN if HEAD_OPEN in para else HEAD_CLOSE)
            pieces.append(Piece(_spans(para, table)))
            continue
        before, body = para[: head.start()], para[head.end():]
        if _MARKS.sub("", before).strip():
            pieces.append(Piece(_spans(before, table)))
        pieces.append(Piece(_spans(head.group(2), table), depth=int(head.group(1)), body=_spans(body, table)))
    return pieces
