"""Every figure phrasing the renderer writes reads back to the same value and previous."""
from __future__ import annotations

import inspect
from decimal import Decimal

import pytest

from drafter.compose import filters
from drafter.harvest.grammar import read_figures, same_quantity

UNITS = ["人", "个", "万元", "元", "亿元", "%", "万人次", "场次", "所", "‰"]
PAIRS = [(35, 28), (39, 41), (28, 28), (0, 14), (12, 0), (99.6, 99.2), (48143, 45620), (21600, 23800),
         (12500, 12000), (2.36, 2.18), (35000, None), (100, 100), (-35, 20), (0, 0), (1.5, 2)]


def _describe(label, value, unit, previous, half_year):
    params = inspect.signature(filters.describe_figure).parameters
    kwargs = {"half_year": half_year} if "half_year" in params else {}
    return filters.describe_figure(label, value, unit, previous, **kwargs)


def _rate_ok(unit: str, value, previous) -> bool:
    return unit not in ("%", "‰") or (0 <= value <= 100 and (previous is None or 0 <= previous <= 100))


CASES = [(u, v, p) for u in UNITS for v, p in PAIRS if _rate_ok(u, v, p)]


@pytest.mark.parametrize("half_year", [False, True])
@pytest.mark.parametrize("unit,value,previous", CASES)
def test_every_rendered_figure_reads_back(unit: str, value, previous, half_year: bool) -> None:
    text = _describe("引进各类人才", value, unit, previous, half_year)
    reads, other = read_figures(text + "。")
    assert len(reads) == 1 and not other, text
    read = reads[0]
    assert same_quantity(read.value, read.unit, Decimal(str(value)), unit), text
    if previous is not None and "%" not in text.split("，")[-1] or previous == value:
        # an exact comparison was written (增加/减少/个百分点/持平/由…至…): previous comes back exactly
        if previous is not None:
            assert read.previous is not None, text
            assert same_quantity(read.previous, read.unit, Decimal(str(previous)), unit), text


def test_a_figure_sentence_of_several_statements() -> None:
    reads, other = read_figures("新增学位3240个，比上年增加440个，增长15.7%；巩固率99.6%，比上年提高0.4个百分点；大班额0个，比上年减少14个。")
    assert not other
    assert [(r.label, r.previous) for r in reads] == [("新增学位", 2800), ("巩固率", Decimal("99.2")), ("大班额", 14)]


def test_a_rate_alone_gives_no_previous() -> None:
    reads, _ = read_figures("门诊量12.8万人次，同比增长25%。")
    assert reads[0].previous is None and reads[0].comparisons[0].kind == "rate"


def test_years_dates_and_ordinals_are_not_figures() -> None:
    reads, _ = read_figures("2024年，办好第十届运动会，2025年1月10日")
    assert reads == []
