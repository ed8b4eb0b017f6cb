"""Paragraphs → a tree of numbered sections: which markers are headings, at which level.

Levels follow the order in which numbering styles first appear in the document (a report whose
top level is （一） has it at level 1), and a marker only counts when it continues its sequence
(一 after nothing, 二 after 一 …), which is what keeps stray ``3、`` or ``一、二年级`` out.  A list
typed before the first top-level heading (``1.…2.…`` in the opening) is text, not a level;
unnumbered lines count as part headings only in reports with no typed top-level numbering.
"""
from __future__ import annotations

import itertools

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from ..corpus.markers import RANKS as MARKER_RANKS
from ..corpus.markers import Marker, marker_at
from .classify import Vocabulary, heading_scores
from .segment import Para
from .tree import Section

PLAIN = "plain"  # an unnumbered heading line: “存在的问题” on its own
WORD_LEVELS = 9  # .docx headings numbered by Word itself: styles "h1" … "h9", ranked by level
RANKS = {**MARKER_RANKS, PLAIN: 0, **{f"h{n}": n - 1 for n in range(1, WORD_LEVELS + 1)}}
_ALWAYS = {PLAIN} | {f"h{n}" for n in range(1, WORD_LEVELS + 1)}
PLAIN_CHARS = (4, 20)
PLAIN_MIN_SCORE = 3.0
_NOT_PLAIN = re.compile(r"如下$|现将|汇报|特此|报告如下|[。，；！？]")

_HEAD_END = re.compile(r"问题|不足|困难|短板|打算|计划|思路|措施|情况|成效|挑战|荣誉|安排|谋划|举措|建议|目标|任务|亮点|成绩|总结|回顾|展望|做法|经验")
_CLAUSE_END = re.compile(r"[。，；：！？]")
COLON_HEAD_MAX = 12  # “（一）总体思路：……” — a short lead-in ending with ： is the heading


@dataclass
class Accepted:
    index: int
    marker: Marker
    level: int


def _demote_leading_lists(found: List[Tuple[int, Marker]]) -> List[Tuple[int, Marker]]:
    """Drop a list that precedes the first heading of a conventionally higher style."""
    counts: Dict[str, int] = {}
    for _, marker in found:
        counts[marker.style] = counts.get(marker.style, 0) + 1
    repeated = [s for s, n in counts.items() if n >= 2] or list(counts)
    if not repeated:
        return found
    top = min(repeated, key=lambda s: RANKS[s])
    first_top = next(i for i, (_, m) in enumerate(found) if m.style == top)
    return [(i, m) for k, (i, m) in enumerate(found) if k >= first_top or RANKS[m.style] <= RANKS[top]]


def _short_heading(text: str) -> bool:
    """A line that can only be a heading (a repeated 二、 is then a numbering slip, not text)."""
    text = text.strip()
    return 0 < len(text) <= 20 and not re.search(r"[。，；！？]", text)


def _plain_headings(paras: List[Para], found: List[Tuple[int, Marker]]) -> List[Tuple[int, Marker]]:
    """Unnumbered part headings (``存在的问题``, ``明年工作打算``) in a report without numbered
    top-level headings: short lines that name a part, followed by text; two at least."""
    if any(RANKS[m.style] <= 1 for _, m in found):
        return []
    numbered = {i for i, _ in found}
    out: List[Tuple[int, Marker]] = []
    for i, para in enumerate(paras[:-1]):
        text = para.norm.strip().rstrip("：:")
        if i in numbered or not PLAIN_CHARS[0] <= len(text) <= PLAIN_CHARS[1] or _NOT_PLAIN.search(text):
            continue
        if max(heading_scores(text, None, Vocabulary()).values()) >= PLAIN_MIN_SCORE:
            out.append((i, Marker(PLAIN, len(out) + 1, len(para.norm) - len(para.norm.lstrip()))))
    return out if len(out) >= 2 else []


def _word_headings(paras: List[Para], outline_levels: Dict[int, int],
                   found: List[Tuple[int, Marker]]) -> List[Tuple[int, Marker]]:
    """Paragraphs in a Word heading style whose number Word generates (it is not in the text)."""
    numbered = {i for i, _ in found}
    out = []
    for i, para in enumerate(paras):
        level = outline_levels.get(para.line)
        if level and i not in numbered and len(para.runs) == 1 and para.runs[0].col == 0 and para.norm.strip():
            out.append((i, Marker(f"h{min(level, WORD_LEVELS)}", 1, len(para.norm) - len(para.norm.lstrip()))))
    return out


def assign_levels(paras: List[Para], outline_levels: Optional[Dict[int, int]] = None) -> List[Accepted]:
    """The paragraphs that open a section, with their level."""
    found = [(i, m) for i, p in enumerate(paras) for m in [marker_at(p.norm)] if m is not None]
    found = _demote_leading_lists(found)
    found = sorted(found + _word_headings(paras, outline_levels or {}, found), key=lambda item: item[0])
    plain = _plain_headings(paras, found)
    found = sorted(found + plain, key=lambda item: item[0])
    style_level: Dict[str, int] = {PLAIN: 1} if plain else {}
    last_in_parent: Dict[Tuple[int, str], int] = {}
    last_global: Dict[str, int] = {}
    stack: List[Accepted] = []
    accepted: List[Accepted] = []
    for index, marker in found:
        style, n = marker.style, marker.ordinal
        new_style = style not in style_level
        level = style_level.get(style, len(style_level) + 1)
        parents = [a for a in stack if a.level < level]
        parent = parents[-1].index if parents else -1
        previous = last_in_parent.get((parent, style))
        if style in _ALWAYS:
            ok = True
        elif new_style:
            ok = n <= 2
        elif previous is None:
            ok = n == 1 or n == last_global.get(style, 0) + 1
        else:
            ok = n in (previous + 1, previous + 2) or (n == 1 and level > 1) \
                or (n == previous and level == 1 and _short_heading(paras[index].norm[marker.end:]))
        if not ok:
            continue
        if new_style:
            style_level[style] = level
        item = Accepted(index, marker, level)
        stack = parents + [item]
        last_in_parent[(parent, style)] = n
        last_global[style] = n
        accepted.append(item)
    return accepted


def heading_end(para: Para, marker: Marker) -> int:
    """Where the heading stops: after its closing 。 when run in, after a short ``…：``, before an
    ``一是`` that starts the body, else at the end of the paragraph — or, in text whose breaks
    were lost, where the heading's words stop (``三、2024年工作打算2024年，我局将…``)."""
    text = para.norm
    if marker.style in _ALWAYS:
        return len(text.rstrip())
    stop = text.find("。", marker.end)
    colon = text.find("：", marker.end)
    if colon != -1 and (stop == -1 or colon < stop) and colon - marker.end <= COLON_HEAD_MAX \
            and len(text) - colon > 5:
        return colon + 1
    end = stop + 1 if stop != -1 else len(text)
    first_item = text.find("一是", marker.end)
    if first_item != -1 and first_item - marker.end >= 4 and first_item < end \
            and not _CLAUSE_END.search(text, marker.end, first_item):
        return first_item
    space = text.find(" ", marker.end + 4, min(end, marker.end + 21))
    if RANKS[marker.style] <= 1 and space != -1 and not _CLAUSE_END.search(text, marker.end, space) \
            and re.match(r"[^。；！？]{2,}，", text[space:end].strip()):
        return space  # “一、主要工作 今年以来，我局……”: the heading ends where the text starts
    if para.collapsed and RANKS[marker.style] <= 1 and end - marker.end > 20:
        clause = _CLAUSE_END.search(text, marker.end)
        first = text[marker.end: clause.start() if clause else len(text)]
        cuts = [m.end() for m in _HEAD_END.finditer(first[:25])]
        if cuts and len(first) - cuts[-1] >= 2:
            return marker.end + cuts[-1]
    return end


def _clean_title(text: str) -> str:
    return text.strip().rstrip("。：:；; ").strip()


def build_sections(paras: List[Para], outline_levels: Optional[Dict[int, int]] = None
                   ) -> Tuple[List[Para], List[Section]]:
    """(the opening paragraphs before any heading, the top-level sections).  `outline_levels`:
    line → heading level of .docx paragraphs in a Word heading style."""
    accepted = assign_levels(paras, outline_levels)
    opening: List[Para] = []
    roots: List[Section] = []
    stack: List[Section] = []
    by_index = {a.index: a for a in accepted}
    for i, para in enumerate(paras):
        item = by_index.get(i)
        if item is None:
            if stack:
                stack[-1].body.append(para.norm)
            else:
                opening.append(para)
            continue
        # A heading is reported as it stands in the file, so it stops where its line does even
        # when page chunks glued the next line on.
        on_its_line = sum(len(r) for r in itertools.takewhile(lambda r: r.line == para.line, para.runs))
        end = min(heading_end(para, item.marker), on_its_line)
        section = Section(
            canonical="achievements",
            heading=para.cut(0, end).raw.strip(),
            line=para.line,
            level=item.level,
            style=item.marker.style,
            text=_clean_title(para.norm[item.marker.end:end]),
            run_in=end < len(para.norm.rstrip()),
        )
        rest = para.norm[end:].strip()
        if rest:
            section.body.append(rest)
        while stack and stack[-1].level >= item.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return opening, roots
