"""The rules about facts that a schema cannot express, as small pure functions.

`semantic` applies them to a whole sheet; the wizard applies the same functions to each
answer as it is typed, so a questionnaire can never write a sheet that `validate` rejects.

Dates.  An annual summary is written when the year is nearly over: offices are commonly
asked for it from November ("11月底前报送"), most write it in December or January.  So a
成文日期 before 1 November of the year reported on is an error (the period is not over),
and one more than half a year after the period ended is a warning (a typo in the year is
likelier than a summary written that late).  A half-year summary may be written from June.

Years.  A summary of a year that has not begun is an error; four digits between 2000 and
2100 are the schema's business.

Percentages.  A figure whose unit is % is a rate.  A share of a whole (巩固率, 覆盖率, 占比 —
`BOUNDED_RATES`) lies in 0–100; another rate may exceed 100 (完成率105%, 增长120%).  None is
negative unless its label says it is a change (增长, 增幅, 同比, 下降 …).

Patterns are compiled on first use (`_pattern`), and a placeholder pattern is tried only on a
text holding what it cannot match without (its `_TRIGGERS`): `validate` checks every text of a
sheet and most hold none, so most runs compile none of them (about 0.5 ms at start-up).
"""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import Optional, Tuple, Union


Number = Union[int, float]

PERCENT_UNITS = ("%", "％")
ANNUAL_EARLIEST = (11, 1)  # month, day of the year reported on
FIRST_HALF_EARLIEST = (6, 1)
UNIT_RATIO_WARNING = 500  # this year / last year beyond this: probably 元 vs 万元

_CHANGE_WORDS = ("增长", "增幅", "增速", "增加", "提高", "提升", "下降", "降低", "降幅", "减少", "同比", "环比", "变化", "变动")

# Leftovers of a template or of the sample; checked in every text of a sheet.  Each with the
# substrings it cannot match without (one of them must be in the text): a match of the first
# holds two of X/x, one of the fourth 待补充, 待填写 or TODO …
PLACEHOLDERS = [
    (r"(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])", "“{}”像是没有替换的占位符"),
    (r"×{2,}|[＊]+|(?<![0-9A-Za-z])\*+(?![0-9A-Za-z])", "“{}”像是没有替换的占位符"),
    (r"[○〇]{2,}", "“{}”像是没有替换的占位符"),
    # not 有待补充完善: only the bracketed or bare marker
    (r"【\s*待补充[^】]*】?|[（(\[]\s*待(?:补充|填写)\s*[)）\]]|^\s*待(?:补充|填写)\s*$|\bTODO\b", "“{}”表示这里还没有填写"),
    (r"^\s*(?:…+|\.{3,}|。{2,})\s*$", "只有省略号“{}”，没有实际内容"),
]
_TRIGGERS = (("X", "x"), ("××", "＊", "*"), ("○", "〇"), ("待补充", "待填写", "TODO"), ("…", "...", "。。"))
SAMPLE_WORDS = r"某某|某单位|某部门"

FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")
_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)$"
DATE_FORM = r"^(\d{4})(?:-(\d{1,2})-(\d{1,2})|/(\d{1,2})/(\d{1,2})|\.(\d{1,2})\.(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$"


@lru_cache(maxsize=None)
def _pattern(source: str) -> "re.Pattern[str]":
    return re.compile(source)


def find_placeholder(text: str) -> Optional[Tuple[int, str, str]]:
    """The first leftover placeholder in `text`: (offset, the text found, message)."""
    found = None
    for (source, message), triggers in zip(PLACEHOLDERS, _TRIGGERS):
        if not any(t in text for t in triggers):
            continue
        match = _pattern(source).search(text)
        if match and (found is None or match.start() < found[0]):
            found = (match.start(), match.group().strip(), message.format(match.group().strip()))
    return found


def sample_word(text: str) -> Optional[str]:
    """The first sample wording (某某, 某单位, 某部门) in `text`, if any."""
    match = _pattern(SAMPLE_WORDS).search(text) if "某" in text else None
    return match.group() if match else None


def date_form(text: str) -> "Optional[re.Match[str]]":
    """`text` (stripped by the caller) matched against the date forms the schema allows."""
    return _pattern(DATE_FORM).match(text)


def parse_date(text: str) -> Tuple[Optional[date], Optional[str]]:
    """(the date, None) or (None, why it is no date) for the forms the schema allows."""
    match = date_form(text.strip())
    if not match:
        return None, "日期应写成 2025-01-10 或 2025年1月10日 的形式"
    numbers = [int(g) for g in match.groups() if g is not None]
    year, month, day = numbers
    if not 1 <= month <= 12:
        return None, f"月份应在 1～12 之间，而这里是 {month}"
    try:
        return date(year, month, day), None
    except ValueError:
        return None, f"{year}年{month}月没有 {day} 日"


def date_problem(written: date, year: int, period: str) -> Optional[Tuple[str, str]]:
    """("error"|"warning", message) when the date does not fit the period reported on."""
    half = period == "first-half"
    month, day = FIRST_HALF_EARLIEST if half else ANNUAL_EARLIEST
    earliest = date(year, month, day)
    what = f"{year}年上半年" if half else f"{year}年"
    if written < earliest:
        return "error", (f"成文日期 {written:%Y-%m-%d} 早于 {earliest:%Y-%m-%d}：{what}的总结应在"
                         f"{'上半年即将结束或结束后' if half else '当年即将结束或结束后'}成文")
    latest = date(year, 12, 31) if half else date(year + 1, 6, 30)
    if written > latest:
        return "warning", f"成文日期 {written:%Y-%m-%d} 距{what}结束已超过半年，请确认年份没有写错"
    return None


def year_problem(year: int, today: date) -> Optional[str]:
    if today.year >= 2020 and year > today.year:  # a clock before 2020 is wrong, not the sheet
        return f"{year} 年还没有开始，无法总结；今年是 {today.year} 年"
    return None


def is_percent(unit: object) -> bool:
    return isinstance(unit, str) and unit.strip() in PERCENT_UNITS


BOUNDED_RATES = ("覆盖率", "巩固率", "普及率", "入学率", "合格率", "达标率", "参保率", "签约率", "接种率", "知晓率",
                 "满意率", "满意度", "占比", "比重", "比例", "及格率", "优良率", "通过率", "到位率", "办结率")


def percent_problem(label: object, value: Number) -> Optional[str]:
    text = label.strip() if isinstance(label, str) else ""
    if any(word in text for word in _CHANGE_WORDS):
        return None
    if value < 0:
        return f"百分数应在 0～100 之间，而这里是 {value}%"
    if value > 100 and text.endswith(BOUNDED_RATES):
        return f"百分数应在 0～100 之间，而这里是 {value}%"
    return None


def finite(value: object) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def unit_mismatch(value: Number, previous: Number) -> bool:
    """Last year's and this year's value differ so much that their units probably differ."""
    if value == 0 or previous == 0 or (value > 0) != (previous > 0):
        return False
    ratio = abs(value) / abs(previous)
    return ratio >= UNIT_RATIO_WARNING or ratio <= 1 / UNIT_RATIO_WARNING


def percent_scale_mismatch(value: Number, previous: Number) -> bool:
    """One rate written as a fraction (0.996) and the other as a percentage (99.2)."""
    if value <= 0 or previous <= 0:
        return False
    low, high = sorted((value, previous))
    return low <= 1 < high and high / low >= 50


_TITLE_NOISE = frozenset("。；;，,、.！!")


def title_key(text: str) -> str:
    r"""Titles that differ only in spaces or closing punctuation are the same title: what
    ``re.sub(r"[\s。；;，,、.！!]+", "", text)`` leaves (\s is `str.isspace`), without the pattern."""
    return "".join(ch for ch in text if ch not in _TITLE_NOISE and not ch.isspace())


def as_number(text: str) -> Optional[str]:
    """``"3,240"`` → ``"3240"``, ``"３５"`` → ``"35"``; None when it is no number."""
    cleaned = text.translate(FULLWIDTH_DIGITS).replace(",", "").replace("，", "").replace(" ", "").strip()
    return cleaned if _pattern(_NUMBER).match(cleaned) else None


def parse_number(text: str) -> Optional[Number]:
    """A typed answer as a number: ``3,240`` → 3240, ``99.6`` → 99.6; None if it is none."""
    cleaned = as_number(text)
    if cleaned is None:
        return None
    number = float(cleaned)
    return int(number) if number.is_integer() and "." not in cleaned else number
