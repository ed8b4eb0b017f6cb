"""The Draft: a small list of typed blocks (title, heading, paragraph, signature), the seam between templates and writers.

Templates (via `drafter.compose`) produce a Draft; writers (docx, markdown, text) consume it.
Neither side knows the other: templates never see python-docx, writers never see fact sheets.
Text is a list of spans so that a writer can highlight placeholders and tie each fact back to
the line of the fact sheet it came from (`render --annotate`).
"""
from __future__ import annotations

from typing import List, Optional, Tuple, Union

from .record import field, record
from .source import Source  # re-exported: drafts carry the sources of their facts


@record(frozen=True)
class Span:
    """A run of text; `placeholder` marks a fact the sheet did not give (【待补充：…】)."""

    text: str
    source: Optional[Source] = None
    placeholder: bool = False

    def __init__(self, text: str, source: Optional[Source] = None, placeholder: bool = False) -> None:
        # A draft builds hundreds of spans: written out, this is a fifth of `record`'s generic
        # constructor (fields set straight into the instance, past the frozen __setattr__).
        fields = self.__dict__
        fields["text"] = text
        fields["source"] = source
        fields["placeholder"] = placeholder


Spans = List[Span]


def plain(spans: Spans) -> str:
    return "".join(s.text for s in spans)


@record
class Title:
    lines: List[Spans]


@record
class Heading:
    """A numbered heading.  `number` is generated (``一、`` ``（二）``); `body` holds the text of a
    run-in heading, which continues in the same paragraph after the heading's closing ``。``."""

    level: int
    number: str
    text: Spans
    body: Spans = field(default_factory=list)
    part: Optional[str] = None  # canonical part key of a level-1 heading


@record
class Paragraph:
    spans: Spans


@record
class Signature:
    """落款 and 成文日期, placed at the end; `sealed`: laid out for a seal (GB/T 9704 7.3.5.1)."""

    org: Spans
    date: Spans
    sealed: bool = True


Block = Union[Title, Heading, Paragraph, Signature]


@record
class Draft:
    blocks: List[Block] = field(default_factory=list)

    def placeholders(self) -> List[Span]:
        return [s for s in self.spans() if s.placeholder]

    def placeholder_places(self) -> List[Tuple[str, str]]:
        """Each placeholder with where it stands: ``("三、存在的问题和不足", "【待补充：…】")``."""
        out: List[Tuple[str, str]] = []
        trail: List[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                # a run-in heading's own 。 is no part of the place: （一）校园安全：【待补充…】, never 。：
                trail = trail[: block.level - 1] + [block.number + plain(block.text).rstrip("。")]
                where = " › ".join(trail)
            elif isinstance(block, Title):
                where = "标题"
            elif isinstance(block, Signature):
                where = "落款"
            else:
                where = " › ".join(trail) or "开头"
            out.extend((where, s.text) for s in _block_spans(block) if s.placeholder)
        return out

    def spans(self) -> List[Span]:
        out: List[Span] = []
        for block in self.blocks:
            out.extend(_block_spans(block))
        return out


def _block_spans(block: Block) -> List[Span]:
    out: List[Span] = []
    if isinstance(block, Title):
        for line in block.lines:
            out.extend(line)
    elif isinstance(block, Heading):
        out.extend(block.text)
        out.extend(block.body)
    elif isinstance(block, Paragraph):
        out.extend(block.spans)
    elif isinstance(block, Signature):
        out.extend(block.org)
        out.extend(block.date)
    return out
