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
from ..corpus.markers import SYMBOL_STYLES, Marker, cn_to_int, marker_at
from .classify import Vocabulary, heading_scores
from .lexicon import OVERVIEW_CUES, PART_OPENERS, WEAK_PART_OPENERS
from .segment import Para
from .tree import Section

PLAIN = "plain"  # an unnumbered heading line: “存在的问题” on its own
ITEMS = "yishi"  # paragraphs opening 一是/二是/三是 in a report with no other headings at all
WORD_LEVELS = 9  # .docx headings numbered by Word itself: styles "h1" … "h9", ranked by level
RANKS = {**MARKER_RANKS, PLAIN: 0, ITEMS: 1, **{f"h{n}": n - 1 for n in range(1, WORD_LEVELS + 1)}}
_WHOLE_LINE = {PLAIN} | {f"h{n}" for n in range(1, WORD_LEVELS + 1)}  # the heading is the paragraph
_ALWAYS = _WHOLE_LINE | set(SYMBOL_STYLES)  # accepted wherever they stand: no number to continue
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
    key: str = ""  # the style as placed in this document ("cn、#2" for 一、 restarted under 一、)


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


_BRACKETED = re.compile(r"^【[^【】]{2,20}】$")  # a whole line in 【】: the page's way of setting a heading in bold


def _plain_headings(paras: List[Para], found: List[Tuple[int, Marker]],
                    bold: Dict[int, bool]) -> List[Tuple[int, Marker]]:
    """Unnumbered part headings (``存在的问题``, ``明年工作打算``) in a report without numbered
    top-level headings: short lines that name a part (or, in .docx, short bold paragraphs),
    followed by text; two at least."""
    if any(RANKS[m.style] <= 1 for _, m in found):
        return []
    numbered = {i for i, _ in found}
    out: List[Tuple[int, Marker]] = []
    for i, para in enumerate(paras[:-1]):
        text = para.norm.strip().rstrip("：:")
        if i in numbered or not PLAIN_CHARS[0] <= len(text) <= PLAIN_CHARS[1] or _NOT_PLAIN.search(text):
            continue
        score = max(heading_scores(text, None, Vocabulary()).values())
        if re.match(r"(?:19|20)\d\d\s*年", text):
            score += 1.0  # “2025年工作安排”: a year names the period the part is about
        if score >= PLAIN_MIN_SCORE or bold.get(para.line) or _BRACKETED.match(text):
            out.append((i, Marker(PLAIN, len(out) + 1, len(para.norm) - len(para.norm.lstrip()))))
    return out if len(out) >= 2 else []


_ITEM = re.compile(r"([一二三四五六七八九十]{1,2})是(?=[^，。；：、\s])")
ITEMS_MIN = 2


def _item_headings(paras: List[Para]) -> List[Tuple[int, Marker]]:
    """A report whose only structure is paragraphs opening 一是…, 二是…, 三是… (in order, two at
    least): each such paragraph is a numbered part, the way a reader takes it.  Used only when the
    text has no headings of any other kind, where 一是 is otherwise an item inside a paragraph."""
    out: List[Tuple[int, Marker]] = []
    for i, para in enumerate(paras):
        text = para.norm.lstrip()
        m = _ITEM.match(text)
        if m and cn_to_int(m.group(1)) == len(out) + 1:
            out.append((i, Marker(ITEMS, len(out) + 1, len(para.norm) - len(text) + m.end())))
    return out if len(out) >= ITEMS_MIN else []


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


_TOP_STYLES = ("part", "di", "dx", "cn、", "cn.", "cn，", "0n")
NESTED = "#2"  # suffix of a style restarted one level down (一、 inside 一、)
VIRTUAL_TOP = "continued"  # reserves level 1 for the part a text starts inside of


def _names_another_part(text: str) -> bool:
    """A short heading whose words name a part other than this year's work (存在的问题, 下一步打算)."""
    text = text.strip()
    if not 2 <= len(text) <= 20 or re.search(r"[。，；！？]", text):
        return False
    scores = heading_scores(text, None, Vocabulary())
    return max(scores[p] for p in ("problems", "plan", "other", "highlights")) >= 2.5


def _mid_report_start(found: List[Tuple[int, Marker]]) -> Optional[Tuple[str, int]]:
    """(top style, its first ordinal) when the text starts inside a part: lower headings come
    first and the top-level style, when it appears, does not start at one (a page 2 of 3)."""
    if not found:
        return None
    first = found[0][1]
    for _, marker in found:
        if marker.style in _TOP_STYLES and RANKS[marker.style] < RANKS[first.style]:
            return (marker.style, marker.ordinal) if marker.ordinal >= 2 else None
    if first.style not in _TOP_STYLES and first.style in RANKS and first.ordinal >= 3 \
            and not any(m.style == first.style and m.ordinal == 1 for _, m in found):
        return (VIRTUAL_TOP, 1)  # the whole text is inside one part: （三）（四）… and no top level
    return None


def assign_levels(paras: List[Para], outline_levels: Optional[Dict[int, int]] = None,
                  bold: Optional[Dict[int, bool]] = None) -> Tuple[List[Accepted], bool]:
    """(the paragraphs that open a section with their level, whether the text starts mid-report).

    Levels are decided per document: a style's level is where it first appears, except that a
    style restarting at 一 right under a heading of its own style is a level further down, and a
    text whose top-level numbering starts at 二 after lower headings has started mid-report."""
    found = [(i, m) for i, p in enumerate(paras) for m in [marker_at(p.norm)] if m is not None]
    midway = _mid_report_start(found)
    if midway is None:  # lower headings before the first top-level one are a list in the opening
        found = _demote_leading_lists(found)
    found = sorted(found + _word_headings(paras, outline_levels or {}, found), key=lambda item: item[0])
    plain = _plain_headings(paras, found, bold or {})
    found = sorted(found + plain, key=lambda item: item[0])
    if not found:
        found = _item_headings(paras)
    style_level: Dict[str, int] = {PLAIN: 1} if plain else {}
    last_global: Dict[str, int] = {}
    if midway is not None:
        style_level[midway[0]] = 1
        last_global[midway[0]] = midway[1] - 1
    last_in_parent: Dict[Tuple[int, str], int] = {}
    stack: List[Accepted] = []
    accepted: List[Accepted] = []
    lenient = midway is not None  # the first lower headings continue a sequence begun on an earlier page

    def fits(key: str, n: int) -> Tuple[bool, int, List[Accepted]]:
        level = style_level.get(key, len(style_level) + 1)
        parents = [a for a in stack if a.level < level]
        parent = parents[-1].index if parents else -1
        previous = last_in_parent.get((parent, key))
        if key.split("#")[0] in _ALWAYS:
            ok = True
        elif key not in style_level:
            ok = n <= 2 or lenient
        elif previous is None:
            ok = n == 1 or n == last_global.get(key, 0) + 1 or (lenient and level > 1)
        else:
            ok = n in (previous + 1, previous + 2) or (n == 1 and level > 1)
        return ok, level, parents

    for index, marker in found:
        style, n = marker.style, marker.ordinal
        nested = style + NESTED
        candidates = [style]
        if style in style_level and style not in _ALWAYS:
            if n == 1 and stack and stack[-1].key == style:
                candidates = [nested]  # 一、 right under 一、: the style restarts one level down
            elif nested in style_level and any(a.key == nested for a in stack):
                candidates = [nested, style]
        choice = None
        for key in candidates:
            ok, level, parents = fits(key, n)
            if not ok and key == style and n == last_in_parent.get((parents[-1].index if parents else -1, key)) \
                    and level == 1 and _short_heading(paras[index].norm[marker.end:]):
                ok = True  # a repeated 二、 on a short line is a numbering slip
            if ok:
                choice = (key, level, parents)
                if key == nested and len(candidates) > 1 and _names_another_part(paras[index].norm[marker.end:]):
                    alt_ok, alt_level, alt_parents = fits(style, n)
                    if alt_ok:
                        choice = (style, alt_level, alt_parents)
                break
        if choice is None:
            continue
        key, level, parents = choice
        if key not in style_level:
            style_level[key] = level
        if level == 1:
            lenient = False
        parent = parents[-1].index if parents else -1
        item = Accepted(index, marker, level, key)
        stack = parents + [item]
        last_in_parent[(parent, key)] = n
        last_global[key] = n
        accepted.append(item)
    return accepted, midway is not None or bool(accepted and accepted[0].level == 1
                                                and accepted[0].marker.style in _TOP_STYLES
                                                and accepted[0].marker.ordinal >= 2)


COLON_LINE_TAIL = 24


def _colon_line(text: str, colon: int) -> bool:
    """A heading line with a colon inside it and nothing run in after it (``一、德：坚定理想信念，
    政治立场坚定``): what follows the colon is short, has no full stop, semicolon or 一是 item."""
    tail = text[colon + 1:].rstrip()
    return len(tail) <= COLON_LINE_TAIL and not re.search(r"[。；！？]|一是|\d", tail)


def heading_end(para: Para, marker: Marker) -> int:
    """Where the heading stops: after its closing 。 when run in, after a short ``…：``, before an
    ``一是`` that starts the body, else at the end of the paragraph — or, in text whose breaks
    were lost, where the heading's words stop (``三、2024年工作打算2024年，我局将…``)."""
    text = para.norm
    if marker.style in _WHOLE_LINE:
        return len(text.rstrip())
    stop = text.find("。", marker.end)
    colon = text.find("：", marker.end)
    if colon != -1 and (stop == -1 or colon < stop) and colon - marker.end <= COLON_HEAD_MAX \
            and len(text) - colon > 5 and not _colon_line(text, colon):
        return colon + 1
    end = stop + 1 if stop != -1 else len(text)
    first_item = text.find("一是", marker.end)
    if first_item != -1 and first_item - marker.end >= 4 and first_item < end \
            and not _CLAUSE_END.search(text, marker.end, first_item):
        return first_item
    space = text.find(" ", marker.end + 4, min(end, marker.end + 21))
    if RANKS[marker.style] <= 1 and space != -1 and not _CLAUSE_END.search(text, marker.end, space) \
            and (re.match(r"[^。；！？]{2,}，", text[space:end].strip()) or para.collapsed):
        return space  # “一、主要工作 今年以来，我局……”: the heading ends where the text starts
    if para.collapsed and RANKS[marker.style] <= 1 and end - marker.end > 20:
        clause = _CLAUSE_END.search(text, marker.end)
        first = text[marker.end: clause.start() if clause else len(text)]
        cuts = [m.end() for m in _HEAD_END.finditer(first[:25])]
        if cuts and len(first) - cuts[-1] >= 2:
            return marker.end + cuts[-1]
    return end


WRAP_TAIL_CHARS = 10


def _wrapped_tail(text: str, following: str) -> bool:
    """`following` is the rest of a heading that a PDF export wrapped onto the next line
    (``三、2025年工作思路和主要`` / ``举措``): a few characters, no punctuation, after a heading that
    stops where no heading ends (on 和, 主要, 的 …, not on a word such as 问题 or 打算)."""
    tail = following.strip()
    if not 0 < len(tail) <= WRAP_TAIL_CHARS or re.search(r"[。，；：！？、（）“”]", tail) or not text \
            or re.search(r"[。：]$", text) or marker_at(tail) is not None:
        return False
    # A line cannot start with 和/及/与 (…存在的困难 / 和问题); else the heading must stop mid-phrase.
    return tail[0] in "和及与并" or not (_HEAD_END.search(text[-2:]) or text.endswith("工作"))


def _clean_title(text: str) -> str:
    return text.strip().rstrip("。：:；; ").strip()


def _rough_part(section: Section, year: Optional[int] = None) -> str:
    """The part a heading's own words point to (achievements when they point nowhere)."""
    if section.opened_by:
        return section.opened_by
    scores = heading_scores(section.text, year, Vocabulary())
    best = max(PART_ORDER, key=lambda p: scores.get(p, 0.0))
    return best if scores.get(best, 0.0) >= 2.5 else "achievements"


PART_ORDER = {"achievements": 0, "highlights": 0, "problems": 1, "plan": 2}


def _unheaded_part(text: str, year: Optional[int], top_level: bool) -> Optional[str]:
    """The part a paragraph opens when it starts like one (下一步，我们将… / 虽然…但…); the weak
    signals count only when the paragraph follows a top-level section directly."""
    text = text.lstrip()
    for part, pattern in PART_OPENERS.items():
        if pattern.match(text):
            return part
    for part, pattern in WEAK_PART_OPENERS.items():
        if top_level and pattern.match(text):
            return part
    m = re.match(r"((?:19|20)\d\d)\s*年[，,][^。]{0,16}将", text)
    if m and year is not None and int(m.group(1)) == year + 1:
        return "plan"
    return None


def build_sections(paras: List[Para], outline_levels: Optional[Dict[int, int]] = None,
                   bold: Optional[Dict[int, bool]] = None, year: Optional[int] = None
                   ) -> Tuple[List[Para], List[Section]]:
    """(the opening paragraphs before any heading, the top-level sections).  `outline_levels`:
    line → heading level of .docx paragraphs in a Word heading style or outline level; `bold`:
    line → whether the paragraph is bold; `year`: the year the title names, if any.

    Two kinds of section have no heading: the part a text starts inside of (marked continued)
    and a part signalled only by its opening sentence after the work (虽然…但… / 下一步，…),
    accepted only where every later top-level heading belongs to a later part."""
    accepted, midway = assign_levels(paras, outline_levels, bold)
    opening: List[Para] = []
    roots: List[Section] = []
    stack: List[Section] = []
    by_index = {a.index: a for a in accepted}
    first_top = next((a.index for a in accepted if a.level == 1), len(paras))
    if midway and first_top > 0 and not OVERVIEW_CUES.search("".join(p.norm for p in paras[:min(first_top, 2)
                                                                                          ] if p.norm)[:80]):
        first = paras[0]
        head = Section("achievements", None, first.line, 1, continued=True)
        roots.append(head)
        stack.append(head)
    tops = [a for a in accepted if a.level == 1]
    wrapped = -1  # the paragraph that is the second line of a heading wrapped by a PDF export
    for i, para in enumerate(paras):
        item = by_index.get(i)
        if i == wrapped:
            continue
        if item is None:
            # The first paragraph under a part heading is that part's own opening, whatever it says
            # (五、锚定目标，谋划好2025年各项工作。 then 2025年，我局将…).
            heading_first = bool(stack) and stack[-1].level == 1 and stack[-1].heading is not None \
                and not stack[-1].body and not stack[-1].children
            signal = _unheaded_part(para.norm, year, bool(stack) and stack[-1].level == 1) \
                if roots and not heading_first else None
            if signal is not None and PART_ORDER[signal] > PART_ORDER.get(_rough_part(roots[-1], year), 9):
                later = [_rough_part_of_text(paras[a.index], a, year) for a in tops if a.index > i]
                if all(PART_ORDER.get(p, 9) > PART_ORDER[signal] for p in later):
                    section = Section(signal, None, para.line, 1, body=[para.norm], opened_by=signal)
                    roots.append(section)
                    stack = [section]
                    continue
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
        elif i + 1 < len(paras) and i + 1 not in by_index and _wrapped_tail(section.text, paras[i + 1].norm):
            section.text += paras[i + 1].norm.strip()  # the words count for the part; the heading stays its line
            wrapped = i + 1
        while stack and stack[-1].level >= item.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return opening, roots


def _rough_part_of_text(para: Para, item: Accepted, year: Optional[int] = None) -> str:
    text = _clean_title(para.norm[item.marker.end:heading_end(para, item.marker)])
    return _rough_part(Section("achievements", None, para.line, 1, text=text), year)
