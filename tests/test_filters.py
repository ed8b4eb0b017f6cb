"""Numbers, figures and enumerations as a report writes them (drafter.compose.filters)."""
from __future__ import annotations

import pytest

from drafter.compose.filters import (cn_numeral, date_cn, describe_figure, enumerate_points, format_amount,
                                     format_number, number_marker, sentence, year_text)


@pytest.mark.parametrize("n, expected", [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (25, "二十五"),
    (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (115, "一百一十五"), (230, "二百三十"),
])
def test_chinese_numerals(n: int, expected: str) -> None:
    assert cn_numeral(n) == expected


@pytest.mark.parametrize("pattern, n, expected", [
    ("{cn}、", 3, "三、"), ("（{cn}）", 12, "（十二）"), ("{n}.", 7, "7."), ("（{n}）", 2, "（2）"), ("第{cn}部分", 1, "第一部分"),
])
def test_number_markers(pattern: str, n: int, expected: str) -> None:
    assert number_marker(pattern, n) == expected


@pytest.mark.parametrize("args, expected", [
    (("引进各类人才", 35, "人", 28), "引进各类人才35人，比上年增加7人，增长25.0%"),
    (("评选学科带头人", 39, "人", 41), "评选学科带头人39人，比上年减少2人，下降4.9%"),
    (("新建健身站点", 28, "个", 28), "新建健身站点28个，与上年持平"),
    (("引进各类人才", 35, "人", None), "引进各类人才35人"),
    (("新增学位", 120, "个", 0), "新增学位120个，比上年增加120个"),
    (("大班额", 0, "个", 14), "大班额0个，比上年减少14个"),
    (("义务教育巩固率", 99.6, "%", 99.2), "义务教育巩固率99.6%，比上年提高0.4个百分点"),
    (("辍学率", 0.2, "%", 0.5), "辍学率0.2%，比上年下降0.3个百分点"),
    (("达标率", 100, "%", 100), "达标率100%，与上年持平"),
    (("教育经费投入", 12500, "万元", 13000), "教育经费投入1.25亿元，比上年减少500万元，下降3.8%"),
    (("教育经费投入", 48143, "万元", 45620), "教育经费投入48143万元，比上年增加2523万元，增长5.5%"),
    (("奖补资金", 35000, "元", None), "奖补资金3.5万元"),
])
def test_figures_are_phrased_with_their_comparison(args: tuple, expected: str) -> None:
    assert describe_figure(*args) == expected


def test_half_year_figures_compare_with_the_same_period() -> None:
    assert describe_figure("受理诉求", 3862, "件", 4120, half_year=True) == "受理诉求3862件，同比减少258件，下降6.3%"
    assert describe_figure("办结率", 99.1, "%", 97.6, half_year=True) == "办结率99.1%，同比提高1.5个百分点"
    assert describe_figure("站点", 5, "个", 5, half_year=True) == "站点5个，与去年同期持平"
    assert describe_figure("税收", 2.36, "亿元", 2.18) == "税收2.36亿元，比上年增加1800万元，增长8.3%"


def test_growth_rates_round_half_up() -> None:
    # 1/8 = 12.5% exactly; 1/16 = 6.25% → 6.3 (half-up, not banker's rounding)
    assert describe_figure("x", 18, "个", 16).endswith("增长12.5%")
    assert describe_figure("x", 17, "个", 16).endswith("增长6.3%")


@pytest.mark.parametrize("value, unit, expected", [
    (12345678, "元", "12345678元"), (120000000, "元", "1.2亿元"), (9999, "万元", "9999万元"),
    (20000, "万元", "2亿元"), (1311.6, "万元", "1311.6万元"), (35, "人", "35人"),
])
def test_amounts_change_unit_only_when_exact(value: float, unit: str, expected: str) -> None:
    assert format_amount(value, unit) == expected


def test_number_formatting() -> None:
    assert format_number(35.0) == "35"
    assert format_number(1311.60) == "1311.6"
    assert format_number(2.345, 2) == "2.35"


def test_points_become_yi_shi_er_shi() -> None:
    assert enumerate_points(["深入落实A。", "开展B；", "推进C"]) == "一是深入落实A；二是开展B；三是推进C。"
    assert enumerate_points(["只有一点"]) == "只有一点。"
    # points that are several sentences keep their own full stops
    assert enumerate_points(["落实A。持续推进B", "开展C"]) == "一是落实A。持续推进B。二是开展C。"
    assert enumerate_points([]) == ""


def test_sentence_and_dates() -> None:
    assert sentence("已完成") == "已完成。"
    assert sentence("已完成；") == "已完成。"
    assert sentence("获评“先进集体”") == "获评“先进集体”"
    assert date_cn("2025-01-10") == "2025年1月10日"
    assert date_cn("2025/12/01") == "2025年12月1日"
    assert year_text("{year}年工作总结及{next_year}年打算", 2024) == "2024年工作总结及2025年打算"
