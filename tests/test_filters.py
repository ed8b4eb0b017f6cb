"""Numbers, figures and enumerations as a report writes them (drafter.compose.filters)."""
from __future__ import annotations

import pytest

from drafter.compose.filters import (cn_numeral, date_cn, describe_figure, enumerate_points, format_amount,
                                     format_number, number_marker, phrase_figure, sentence, year_text)


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


def phrase(label: str, value, unit: str, previous=None, *, index: int = 0, half_year: bool = False) -> tuple:
    found = phrase_figure(label, value, unit, previous, half_year=half_year, index=index)
    return found.rule, found.text


# Each rule of the module docstring, with the wording a report writer would use.
@pytest.mark.parametrize("args, expected", [
    # rule 2: rates change by 个百分点 / 个千分点, never by a percentage of themselves
    (("义务教育巩固率", 99.6, "%", 99.2), ("rate_points", "义务教育巩固率99.6%，比上年提高0.4个百分点")),
    (("辍学率", 0.2, "％", 0.5), ("rate_points", "辍学率0.2％，比上年下降0.3个百分点")),
    (("人口自然增长率", 3.2, "‰", 3.8), ("rate_points", "人口自然增长率3.2‰，比上年下降0.6个千分点")),
    (("基层诊疗量占比", 66.3, "%", 63.8), ("rate_points", "基层诊疗量占比66.3%，比上年提高2.5个百分点")),
    (("任务完成率", 105, "%", 98), ("rate_points", "任务完成率105%，比上年提高7个百分点")),
    (("达标率", 100, "%", 100), ("rate_keep_full", "达标率保持100%")),
    (("覆盖率", 100, "%", 96.5), ("rate_reach_points", "覆盖率达到100%，比上年提高3.5个百分点")),
    (("覆盖率", 100, "%", None), ("rate_reach", "覆盖率达到100%")),
    (("辍学率", 0, "%", 0), ("rate_keep_zero", "辍学率继续保持为零")),
    (("辍学率", 0, "%", 0.3), ("rate_to_zero", "辍学率降为零，比上年下降0.3个百分点")),
    (("就业率", 96, "%", 96), ("same", "就业率96%，与上年持平")),
    (("综合覆盖率", 0.95, "", 0.9), ("level_change", "综合覆盖率0.95，比上年提高0.05")),
    # a growth rate compares its 增幅; a negative growth is a fall
    (("地区生产总值增长", 6.5, "%", 5.8), ("growth_points", "地区生产总值增长6.5%，增幅比上年提高0.7个百分点")),
    (("营业收入增长", -3.2, "%", 4.8), ("growth_points", "营业收入下降3.2%，增幅比上年回落8个百分点")),
    (("营业收入增长", 120, "%", None), ("plain", "营业收入增长120%")),
    (("税收增长", 5, "%", 5), ("growth_same", "税收增长5%，增幅与上年持平")),
    # rule 3: levels change by their difference, 提高/下降
    (("PM2.5平均浓度", 32, "微克/立方米", 34), ("level_change", "PM2.5平均浓度32微克/立方米，比上年下降2微克/立方米")),
    (("学生体质健康平均分数", 82.5, "分", 80), ("level_change", "学生体质健康平均分数82.5分，比上年提高2.5分")),
    # rule 4: small counts from → to; aggregates with a percentage
    (("新建红色示范支部", 12, "个", 8), ("small_count", "新建红色示范支部由上年的8个增至12个")),
    (("评选学科带头人", 39, "人", 41), ("small_count", "评选学科带头人由上年的41人减至39人")),
    (("新增就业岗位", 320, "个", 280), ("change_pct", "新增就业岗位320个，比上年增加40个，增长14.3%")),
    (("教育经费投入", 48143, "万元", 45620), ("change_pct", "教育经费投入48143万元，比上年增加2523万元，增长5.5%")),
    (("新建健身站点", 28, "个", 28), ("same", "新建健身站点28个，与上年持平")),
    (("引进各类人才", 35, "人", None), ("plain", "引进各类人才35人")),
    # rule 5: no percentage from zero, across a sign change or between losses
    (("新增学位", 120, "个", 0), ("from_zero", "新增学位120个，比上年增加120个")),
    (("利润", -35, "万元", 20), ("turn", "利润由上年盈利20万元转为亏损35万元")),
    (("经营利润", 20, "万元", -35), ("turn", "经营利润由上年亏损35万元转为盈利20万元")),
    (("利润", 0, "万元", -35), ("turn", "利润由上年亏损35万元转为收支平衡")),
    (("利润", -15, "万元", -35), ("loss_change", "利润亏损15万元，比上年减亏20万元")),
    (("利润", -50, "万元", -35), ("loss_change", "利润亏损50万元，比上年增亏15万元")),
    (("利润", -35, "万元", None), ("loss", "利润亏损35万元")),
    (("利润", -35, "万元", 0), ("turn", "利润由上年收支平衡转为亏损35万元")),
    (("利润", -35, "万元", -35), ("loss_same", "利润亏损35万元，与上年持平")),
    (("户籍人口净增", -35, "人", -35), ("same", "户籍人口净增-35人，与上年持平")),
    (("户籍人口净增", -35, "人", 20), ("signed_from_to", "户籍人口净增由上年的20人变为-35人")),
    # rule 6: zeros as a writer writes them
    (("较大及以上安全生产事故", 0, "起", 0), ("event_none", "全年未发生较大及以上安全生产事故")),
    (("安全生产事故", 0, "起", 3), ("event_none_down", "全年未发生安全生产事故，比上年减少3起")),
    (("安全生产事故", 0, "起", None), ("event_none", "全年未发生安全生产事故")),
    (("56人以上大班额", 0, "个", 14), ("cleared", "56人以上大班额实现清零，比上年减少14个")),
    (("新增学位", 0, "个", 0), ("zero_both", "新增学位与上年同为零")),
    (("新增学位", 0, "个", None), ("zero", "新增学位为零")),
    # rule 7: one unit per clause, by convention, never rounding what the user gave
    (("教育经费投入", 12500, "万元", 13000), ("change_pct", "教育经费投入1.25亿元，比上年减少0.05亿元，下降3.8%")),
    (("税收", 2.36, "亿元", 2.18), ("change_pct", "税收2.36亿元，比上年增加0.18亿元，增长8.3%")),
    (("城镇居民人均可支配收入", 4.52, "万元", 4.31), ("change_pct", "城镇居民人均可支配收入45200元，比上年增加2100元，增长4.9%")),
    (("粮食产量", 0.35, "万吨", 0.32), ("change_pct", "粮食产量3500吨，比上年增加300吨，增长9.4%")),
    (("高标准农田", 0.8, "万亩", None), ("plain", "高标准农田8000亩")),
    (("家庭医生签约", 21.6, "万人", 19.9), ("change_pct", "家庭医生签约21.6万人，比上年增加1.7万人，增长8.5%")),
    (("奖补资金", 35000, "元", None), ("plain", "奖补资金3.5万元")),
    (("奖补资金", 35001, "元", None), ("plain", "奖补资金35001元")),
])
def test_each_rule_phrases_its_figures(args: tuple, expected: tuple) -> None:
    assert phrase(*args) == expected


def test_the_comparison_word_varies_by_index_and_is_stable() -> None:
    words = [phrase("新增就业岗位", 320, "个", 280, index=i)[1].split("，")[1][:3] for i in range(6)]
    assert words == ["比上年", "同比增", "较上年"] * 2
    assert phrase("x", 320, "个", 280, index=4) == phrase("x", 320, "个", 280, index=4)


def test_half_year_figures_compare_with_the_same_period() -> None:
    assert describe_figure("受理诉求", 3862, "件", 4120, half_year=True) == "受理诉求3862件，同比减少258件，下降6.3%"
    assert describe_figure("办结率", 99.1, "%", 97.6, half_year=True, index=1) == "办结率99.1%，比去年同期提高1.5个百分点"
    assert describe_figure("站点", 5, "个", 5, half_year=True) == "站点5个，与去年同期持平"
    assert describe_figure("信访事件", 0, "件", None, half_year=True) == "上半年未发生信访事件"
    assert describe_figure("新建站点", 12, "个", 8, half_year=True, index=2) == "新建站点由去年同期的8个增至12个"


def test_growth_rates_round_half_up() -> None:
    # 1/8 = 12.5% exactly; 1/16 = 6.25% → 6.3 (half-up, not banker's rounding)
    assert describe_figure("x", 1800, "万元", 1600).endswith("增长12.5%")
    assert describe_figure("x", 1700, "万元", 1600).endswith("增长6.3%")


@pytest.mark.parametrize("value, unit, expected", [
    (12345678, "元", "12345678元"), (120000000, "元", "1.2亿元"), (9999, "万元", "9999万元"),
    (20000, "万元", "2亿元"), (1311.6, "万元", "1311.6万元"), (35, "人", "35人"), (0.5, "万元", "5000元"),
    (0.18, "亿元", "1800万元"), (0.35, "万人", "3500人"), (1.5, "万人", "1.5万人"),
])
def test_amounts_change_unit_only_when_exact(value: float, unit: str, expected: str) -> None:
    assert format_amount(value, unit) == expected


def test_per_capita_amounts_stay_in_yuan() -> None:
    assert format_amount(52000, "元", "人均可支配收入") == "52000元"


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


def test_a_fall_is_never_rounded_to_100_percent() -> None:
    assert phrase("引进人才", 1, "人", 2000) == ("change_pct", "引进人才1人，比上年减少1999人，下降99.95%")
    assert phrase("财政投入", 10, "万元", 200) == ("change_pct", "财政投入10万元，比上年减少190万元，下降95.0%")


# -- reading a clause back (drafter.compose.figure_reading) ----------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from drafter.compose.figure_reading import parse_figure  # noqa: E402
from drafter.compose.filters import PHRASES  # noqa: E402


def test_clauses_read_back_to_their_rule_and_words() -> None:
    reading = parse_figure("引进人才由上年的28人增至35人。")
    assert (reading.rule, reading.words["label"], reading.words["previous"], reading.words["value"]) == \
        ("small_count", "引进人才", "28人", "35人")
    reading = parse_figure("人口出生率6.2‰，同比下降0.6个千分点")
    assert (reading.rule, reading.words["value"], reading.words["diff"], reading.words["points"]) == \
        ("rate_points", "6.2‰", "0.6", "千分点")
    assert parse_figure("利润由上年盈利20万元转为亏损35万元").words == {
        "label": "利润", "base": "上年", "was": "盈利", "previous": "20万元", "now": "亏损", "value": "35万元"}
    assert parse_figure("全年未发生较大及以上安全生产事故").rule == "event_none"
    assert parse_figure("PM2.5平均浓度28微克/立方米").words == {"label": "PM2.5平均浓度", "value": "28微克/立方米"}


@settings(max_examples=300, deadline=None)
@given(label=st.sampled_from(["引进人才", "巩固率", "人口出生率", "经营利润", "安全生产事故", "财政投入", "PM2.5平均浓度",
                              "地区生产总值增长", "56人以上大班额", "新建“红色示范支部”"]),
       unit=st.sampled_from(["人", "个", "起", "%", "‰", "万元", "亿元", "万吨", "微克/立方米"]),
       value=st.integers(-60, 30000), previous=st.one_of(st.none(), st.integers(-60, 30000)),
       half_year=st.booleans(), index=st.integers(0, 5))
def test_every_clause_the_rules_write_reads_back(label, unit, value, previous, half_year, index) -> None:
    phrase = phrase_figure(label, value, unit, previous, half_year=half_year, index=index)
    reading = parse_figure(phrase.text)
    assert reading is not None, phrase
    assert PHRASES[reading.rule].format(**reading.words) == phrase.text
    fall = value < 0 and label.endswith("增长") and unit in ("%", "‰")
    assert reading.words["label"] == (label[:-2] + "下降" if fall else label), (phrase, reading)
    assert PHRASES[reading.rule] == PHRASES[phrase.rule], (phrase, reading)
