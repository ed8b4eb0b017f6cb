"""Body runs → paragraphs: undo a document host's page chunks, and split text whose breaks were lost.

A document host prefixes each page chunk with ``1、 2、 …``; such markers run 1, 2, 3 … through
the whole text and either follow a line cut mid-word or carry the report's own 一、 headings
inside them, which real headings never do, so the sequence is removed and the chunks joined.
Mid-line headings are split off only where a heading could stand: after a sentence end, after a
space, or right after a parent heading's short text (``一、主要工作（一）…``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from ..corpus.markers import RANKS, Marker, marker_at
from ..corpus.runs import Run

_CHUNK = re.compile(r"(\d{1,3})\s*[、.](?!\d)\s*")
_TERMINAL = "。！？；：…”’」』）】!?;:\"'"
_STRUCTURAL = ("part", "cn、", "cn.", "(cn)")
_MIDLINE = re.compile(r"第\s*[一二三四五六七八九十\d]|[一二三四五六七八九十]{1,3}\s*[、.]|（\s*[一二三四五六七八九十\d]|\d{1,2}\s*[.、）]")
_LOST_BREAKS_CHARS = 600  # a paragraph this long with headings inside has lost its line breaks


@dataclass
class Para:
    """A paragraph of the report: one or more runs, in order."""

    runs: List[Run]
    collapsed: bool = False  # cut out of a longer line whose breaks were lost
    norm: str = field(init=False)
    raw: str = field(init=False)

    def __post_init__(self) -> None:
        self.norm = "".join(r.norm for r in self.runs)
        self.raw = "".join(r.raw for r in self.runs)

    @property
    def line(self) -> int:
        return self.runs[0].line

    def cut(self, start: int, end: Optional[int] = None) -> "Para":
        end = len(self.norm) if end is None else end
        out: List[Run] = []
        offset = 0
        for run in self.runs:
            a, b = max(start, offset), min(end, offset + len(run))
            if a < b:
                out.append(run.cut(a - offset, b - offset))
            offset += len(run)
        return Para(out or [self.runs[-1].cut(0, 0)], self.collapsed)


def _has_part_heading_inside(text: str, start: int) -> bool:
    """A top-level heading (一、 or 第一部分) in `text` after `start`, at a sentence end or at `start`."""
    for m in _MIDLINE.finditer(text, start):
        marker = marker_at(text, m.start())
        if marker is None or marker.style not in ("part", "cn、"):
            continue
        previous, _ = _char_before(text, m.start(), start)
        if not previous or previous in "。！？：":
            return True
    return False


def _char_before(text: str, pos: int, start: int = 0):
    """(the last non-space character before `pos`, whether spaces stand between) — in O(spaces)."""
    j = pos - 1
    while j >= start and text[j] == " ":
        j -= 1
    return (text[j] if j >= start else ""), j < pos - 1


def _chunk_marker(text: str) -> Optional[Tuple[int, int]]:
    """(number, end) of a ``12、`` at the start of a line, whatever follows it."""
    m = _CHUNK.match(text)
    return (int(m.group(1)), m.end()) if m else None


def _chunk_markers(runs: List[Run]) -> List[Optional[int]]:
    """Where each run's page-chunk marker ends (None for other runs), when the text has them."""
    # The chunk sequence: the longest run of markers numbered 1, 2, 3 … in document order.
    chain: List[Tuple[int, int]] = []
    for i, run in enumerate(runs):
        found = _chunk_marker(run.norm)
        if found is not None and found[0] == len(chain) + 1:
            chain.append((i, found[1]))
    if len(chain) < 2:
        return [None] * len(runs)
    mid_sentence = 0
    for i, _ in chain:
        if i == 0:
            continue
        before = runs[i - 1].norm.rstrip()
        if before and before[-1] not in _TERMINAL and len(before) >= 20 and marker_at(before) is None:
            mid_sentence += 1
    # Chunks cut at sentence ends give themselves away by the report's own headings inside them.
    holding_parts = sum(1 for i, end in chain if _has_part_heading_inside(runs[i].norm, end))
    chunky = mid_sentence > 0 and mid_sentence * 2 >= len(chain) - (1 if chain[0][0] == 0 else 0)
    if not chunky and holding_parts * 2 < len(chain):
        return [None] * len(runs)
    out: List[Optional[int]] = [None] * len(runs)
    for i, end in chain:
        out[i] = end
    return out


def join_chunks(runs: List[Run]) -> List[Para]:
    """One paragraph per run, except that page chunks are glued back to what they continue."""
    ends = _chunk_markers(runs)
    paras: List[Para] = []
    for run, end in zip(runs, ends):
        if end is None:
            paras.append(Para([run]))
            continue
        rest = run.cut(end)
        starts_part = marker_at(rest.norm.lstrip()) is not None and \
            marker_at(rest.norm.lstrip()).style in _STRUCTURAL
        if paras and not starts_part:  # a chunk that opens with a heading continues nothing
            previous = paras[-1]
            paras[-1] = Para(previous.runs + [rest], previous.collapsed)
        elif rest.norm:
            paras.append(Para([rest]))
    return paras


def _split_points(text: str, lost_breaks: bool) -> List[int]:
    points: List[int] = []
    head: Optional[Tuple[int, Marker]] = None  # the marker the current segment starts with
    first = marker_at(text)
    if first is not None:
        head = (0, first)
    for m in _MIDLINE.finditer(text):
        pos = m.start()
        if pos == 0:
            continue
        marker = marker_at(text, pos)
        if marker is None:
            continue
        previous, spaced = _char_before(text, pos)
        if not previous:
            continue
        structural = marker.style in _STRUCTURAL
        ok = False
        if lost_breaks and (previous in "。！？；：!?;:" or (spaced and previous not in "，、")):
            ok = True
        elif previous in "。！？!?" or (spaced and previous not in "，、；：;:"):
            ok = structural  # a sentence ends and a part begins
        elif previous in "：:":
            ok = marker.style in ("part", "cn、")  # “…汇报如下：一、…”; lists after ： stay inline
        elif head is not None and marker.ordinal == 1 and RANKS[marker.style] > RANKS[head[1].style]:
            between = text[head[1].end:pos]
            ok = 0 < len(between.strip()) <= 30 and not re.search(r"[。，；！？]", between)
        if ok:
            points.append(pos)
            head = (pos, marker)
    return points


def split_collapsed(paras: List[Para]) -> List[Para]:
    """Split paragraphs that hold several headings because their line breaks were lost."""
    out: List[Para] = []
    for para in paras:
        lost = len(para.norm) >= _LOST_BREAKS_CHARS
        points = _split_points(para.norm, lost)
        if not points:
            out.append(para)
            continue
        bounds = [0] + points + [len(para.norm)]
        for a, b in zip(bounds, bounds[1:]):
            piece = para.cut(a, b)
            stripped = piece.norm.strip()
            if not stripped:
                continue
            lead = len(piece.norm) - len(piece.norm.lstrip())
            piece = piece.cut(lead, lead + len(stripped))
            piece.collapsed = True
            out.append(piece)
    return out


def paragraphs(runs: List[Run]) -> List[Para]:
    return split_collapsed(join_chunks(runs))
