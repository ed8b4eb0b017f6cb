"""Breaking a long title into lines by meaning (GB/T 9704-2012 7.3.1: 回行时词意完整，排列对称，
长短适宜，使用梯形或菱形).

Without a word segmenter on the render path, a title may break only where its grammar shows a
seam: after the organisation's name, after the year (2024年, 2025年上半年), before the
conjunction that joins the summary to the plan (及, 暨, 和 followed by a year or 下半年),
before 关于.  Among the
ways to break there, the fewest lines that fit win, then the most even ones, and an hourglass
(a short middle line) never wins over a trapezoid or diamond.
"""
from __future__ import annotations

import itertools
import re
from typing import List, Sequence

from ..draft import Span, Spans

LINE_CHARS = 20.0  # 2号 (22 pt) characters on one line of the 156 mm 版心
MAX_LINES = 4

_YEAR = re.compile(r"\d{4}年(?:度|上半年|下半年|前三季度|一季度)?|上半年")
_JOINER = re.compile(r"(?<=.)(?:及(?!时)|暨|和(?=\d{4}年|下半年|下一步|明年|今后|\d))")


def width(text: str) -> float:
    """Printed width in characters: half-width digits and letters count half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def seams(text: str, org: str) -> List[int]:
    """Positions where the title may break without splitting a word."""
    cuts = set()
    if org:
        at = text.find(org)
        if at >= 0:
            cuts.add(at + len(org))
    cuts.update(m.start() for m in re.finditer("关于", text))  # 某某办公室 / 关于…的报告
    cuts.update(m.end() for m in _YEAR.finditer(text))
    cuts.update(m.start() for m in _JOINER.finditer(text))
    return sorted(c for c in cuts if 0 < c < len(text))


def _score(widths: Sequence[float]) -> tuple:
    hourglass = any(widths[i] < widths[i - 1] and widths[i] < widths[i + 1] for i in range(1, len(widths) - 1))
    mean = sum(widths) / len(widths)
    return (len(widths), hourglass, sum((w - mean) ** 2 for w in widths))


def line_breaks(text: str, org: str = "") -> List[int]:
    """The positions to break `text` at; empty when it fits on one line or cannot break well."""
    if width(text) <= LINE_CHARS:
        return []
    cuts = seams(text, org)
    upto = list(itertools.accumulate((width(ch) for ch in text), initial=0.0))  # exact: halves and ones
    best: tuple = ()
    best_cuts: List[int] = []
    for n in range(1, min(len(cuts), MAX_LINES - 1) + 1):
        for chosen in itertools.combinations(cuts, n):
            bounds = [0, *chosen, len(text)]
            widths = [upto[b] - upto[a] for a, b in zip(bounds, bounds[1:])]
            if max(widths) > LINE_CHARS:
                continue
            score = _score(widths)
            if not best or score < best:
                best, best_cuts = score, list(chosen)
        if best:
            break
    return best_cuts if best else _wrap(text, cuts)


_NO_LINE_START = "，。、；：？！”’）》】…"


def _wrap(text: str, cuts: Sequence[int]) -> List[int]:
    """No combination of seams fits: fill each line, breaking at its last seam when it has one,
    otherwise at the width limit but never inside a run of digits/letters, a quotation, or
    before closing punctuation."""
    out: List[int] = []
    start = 0
    while width(text[start:]) > LINE_CHARS and len(out) < 2 * MAX_LINES:
        end = start
        while end < len(text) and width(text[start:end + 1]) <= LINE_CHARS:
            end += 1
        inside = [c for c in cuts if start < c <= end and width(text[start:c]) >= LINE_CHARS / 2]
        cut = inside[-1] if inside else end
        if not inside and 0 < width(text[cut:]) <= 3:  # no orphaned 的报告 on a line of its own
            cut -= 4
        while cut > start + 1 and not _can_break(text, cut):
            cut -= 1
        out.append(cut)
        start = cut
    return out


def _can_break(text: str, at: int) -> bool:
    before, after = text[at - 1], text[at]
    if after in _NO_LINE_START or before in "“‘（《【":
        return False
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return False
    return text[:at].count("“") <= text[:at].count("”")


def split_spans(spans: Spans, cuts: Sequence[int]) -> List[Spans]:
    """`spans` cut at character positions `cuts`, each piece keeping its source and placeholder flag."""
    lines: List[Spans] = [[]]
    bounds = list(cuts)
    pos = 0
    for span in spans:
        text = span.text
        while bounds and pos + len(text) > bounds[0]:
            head = bounds.pop(0) - pos
            if head:
                lines[-1].append(Span(text[:head], span.source, span.placeholder))
            lines.append([])
            text, pos = text[head:], pos + head
        if text:
            lines[-1].append(Span(text, span.source, span.placeholder))
        pos += len(text)
    return [line for line in lines if line]


def break_title(spans: Spans, org: str) -> List[Spans]:
    text = "".join(s.text for s in spans)
    cuts = line_breaks(text, org)
    return split_spans(spans, cuts) if cuts else [spans]
