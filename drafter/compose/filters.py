"""Numbers and enumerations as a Chinese report writes them.

Every number in a draft passes through here: Chinese numerals for headings and 一是/二是,
figures with their comparison to last year (增加/减少/持平, 增长/下降 %, 个百分点 for rates),
amounts in 万元/亿元, and 成文日期 in Arabic numerals.  Pure functions, no Jinja or docx.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Optional, Sequence, Union

# Heading numerals live in drafter.numerals so that outline code can use them without compose.
from ..numerals import cn_numeral, number_marker  # noqa: F401  (re-exported for compose and templates)

Number = Union[int, float]


def _decimal(value: Number) -> Decimal:
    return Decimal(str(value))


def format_number(value: Number, places: Optional[int] = None) -> str:
    """35 → 35; 35.0 → 35; 1311.60 → 1311.6; with `places` rounded half-up to that many."""
    d = _decimal(value)
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return f"{d:f}"
    if d == d.to_integral_value():
        return f"{d.to_integral_value():f}"
    return f"{d.normalize():f}"


def _scaled(d: Decimal, factor: int, unit: str) -> Optional[str]:
    """`d / factor` in `unit` when it reads naturally (at most two decimals), else None."""
    scaled = d / factor
    if scaled != scaled.quantize(Decimal("0.01")):
        return None
    return format_number(scaled) + unit


def format_amount(value: Number, unit: str) -> str:
    """An amount in the unit a report would use: 12500万元 → 1.25亿元, 35000元 → 3.5万元.

    Conversions are exact: 48143万元 stays 48143万元 rather than becoming 4.8143亿元 or a
    rounded 4.81亿元, so no figure of the sheet is lost or changed in the draft.
    """
    d = _decimal(value)
    if unit == "元" and abs(d) >= 100_000_000:
        return _scaled(d, 100_000_000, "亿元") or _scaled(d, 10_000, "万元") or format_number(value) + unit
    if unit == "元" and abs(d) >= 10_000:
        return _scaled(d, 10_000, "万元") or format_number(value) + unit
    if unit == "万元" and abs(d) >= 10_000:
        return _scaled(d, 10_000, "亿元") or format_number(value) + unit
    if unit == "亿元" and 0 < abs(d) < 1:  # 0.18亿元 reads as 1800万元
        return format_number(d * 10_000) + "万元"
    return format_number(value) + unit


PERCENT_UNITS = ("%", "％")


def describe_figure(label: str, value: Number, unit: str, previous: Optional[Number] = None,
                    half_year: bool = False) -> str:
    """One figure as a clause, with its comparison to the previous year when one is given.

    引进各类人才35人，比上年增加7人，增长25.0%
    投入经费1.25亿元，比上年减少500万元，下降3.8%
    义务教育巩固率99.2%，比上年提高0.4个百分点
    A half-year report compares with the same period last year: 同比增加…, 与去年同期持平.
    """
    unit = unit or ""
    versus, same = ("同比", "与去年同期持平") if half_year else ("比上年", "与上年持平")
    percent = unit in PERCENT_UNITS
    text = f"{label}{format_number(value)}%" if percent else f"{label}{format_amount(value, unit)}"
    if previous is None:
        return text
    diff = _decimal(value) - _decimal(previous)
    if diff == 0:
        return f"{text}，{same}"
    more = diff > 0
    if percent:  # rates compare in percentage points, not as a growth of the rate
        return f"{text}，{versus}{'提高' if more else '下降'}{format_number(abs(diff))}个百分点"
    clause = f"{text}，{versus}{'增加' if more else '减少'}{format_amount(abs(diff), unit)}"
    # A rate is meaningless from zero, and "下降100%" for a figure cleared to zero reads oddly.
    if _decimal(previous) != 0 and _decimal(value) != 0:
        rate = abs(diff) / abs(_decimal(previous)) * 100
        clause += f"，{'增长' if more else '下降'}{format_number(rate, 1)}%"
    return clause


_END_PUNCT = "。；;，,、.!！？?：:"


def strip_end(text: str) -> str:
    """A clause without its closing punctuation, so we can choose the right one."""
    return text.rstrip().rstrip(_END_PUNCT).rstrip()


def sentence(text: str) -> str:
    """Close a clause with 。 unless it already ends a sentence."""
    text = text.rstrip()
    if not text or text[-1] in "。！？!?…”》）)":
        return text
    return strip_end(text) + "。"


def enumerate_points(points: Sequence[str]) -> str:
    """一是…；二是…。  Points that are whole sentences themselves are joined with 。 instead."""
    items = [p.strip() for p in points if p and p.strip()]
    if not items:
        return ""
    if len(items) == 1:
        return sentence(items[0])
    multi_sentence = any("。" in strip_end(p) for p in items)
    if multi_sentence:
        return "".join(f"{cn_numeral(i)}是{sentence(p)}" for i, p in enumerate(items, 1))
    return "；".join(f"{cn_numeral(i)}是{strip_end(p)}" for i, p in enumerate(items, 1)) + "。"


def join_clauses(clauses: Iterable[str], sep: str = "，") -> str:
    return sep.join(strip_end(c) for c in clauses if c and c.strip())


_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$")


def date_cn(value: str) -> str:
    """成文日期 in Arabic numerals without zero padding: 2025-01-10 → 2025年1月10日."""
    m = _ISO_DATE.match(str(value))
    if not m:
        return str(value)
    y, mth, d = m.groups()
    return f"{y}年{int(mth)}月{int(d)}日"


def year_text(template: str, year: int) -> str:
    """Fill a learned heading variant: ``{year}年工作打算`` → ``2025年工作打算``."""
    return template.replace("{year}", str(year)).replace("{next_year}", str(year + 1))


def cn_list(items: Sequence[str], sep: str = "、") -> str:
    return sep.join(strip_end(i) for i in items if i and i.strip())


def all_filters() -> dict:
    """The filters templates may use, by name."""
    return {
        "cn": cn_numeral,
        "num": format_number,
        "amount": format_amount,
        "sentence": sentence,
        "strip_end": strip_end,
        "points": enumerate_points,
        "clauses": join_clauses,
        "date_cn": date_cn,
        "cn_list": cn_list,
    }


