"""Every figure phrasing the renderer writes (each rule of filters.PHRASES) reads back exactly."""
from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.compose import filters
from drafter.harvest.grammar import read_figures, same_quantity
from drafter.harvest.phrases import MEANING

LABELS = [("引进各类人才", "人"), ("组建教育集团", "个"), ("全年教育经费投入", "万元"), ("人均补助", "元"),
          ("完成税收", "亿元"), ("义务教育巩固率", "%"), ("婴儿死亡率", "‰"), ("地区生产总值增长", "%"),
          ("学生体质测试平均分数", "分"), ("安全生产事故", "起"), ("经营利润", "万元"), ("净资产", "万元"),
          ("参与劳动实践活动", "万人次"), ("家庭医生签约服务人数", "万人"),
          ("门急诊人次", "万人次"), ("平均住院日", "天"), ("企业开办办结时限", "个工作日")]
PAIRS = [(35, 28), (39, 41), (28, 28), (0, 14), (12, 0), (99.6, 99.2), (48143, 45620), (21600, 23800),
         (12500, 12000), (2.36, 2.18), (35000, None), (100, 100), (100, 98.5), (-35, 20), (20, -35), (-10, -25),
         (-25, -10), (0, 0), (1.5, 2), (0.35, 0.3), (0, None), (100, None), (-10, -10), (0.01, 100), (0, -5), (-5, 0), (5, 0), (1, 1000000000), (-3.2, 1.5), (0, 0.4), (-5, None), (150, 120)]
# rules whose wording states last year's value or an exact difference
EXACT = {"rate_keep_full", "rate_keep_zero", "rate_points", "rate_reach_points", "rate_to_zero", "growth_points",
         "growth_same", "same", "event_none_down", "zero_both", "cleared", "turn", "loss_change", "signed_from_to",
         "from_zero", "small_count", "level_change", "change_pct", "change", "loss_same"}


def _cases():
    for label, unit in LABELS:
        for value, previous in PAIRS:
            if unit in ("%", "‰") and not label.endswith("增长") and (value < 0 or (previous or 0) < 0):
                continue  # validation refuses a negative share
            for half_year in (False, True):
                for index in (0, 1, 2):
                    yield label, unit, value, previous, half_year, index


CASES = list(_cases())


def test_every_rule_of_the_renderer_has_a_reading() -> None:
    assert set(filters.PHRASES) == set(MEANING)


def test_the_cases_reach_every_rule() -> None:
    hit = {filters.phrase_figure(l, v, u, p, h, i).rule for l, u, v, p, h, i in CASES}
    assert hit == set(filters.PHRASES)


@pytest.mark.parametrize("label,unit,value,previous,half_year,index", CASES)
def test_every_rendered_figure_reads_back(label, unit, value, previous, half_year, index) -> None:
    phrase = filters.phrase_figure(label, value, unit, previous, half_year, index)
    reads, other = read_figures(phrase.text + "。")
    assert len(reads) == 1 and not other, phrase
    read = reads[0]
    real = Decimal(str(value))
    if read.label != label and label.endswith("人次") and read.label == label[:-2]:  # 门急诊38.6万人次
        label = read.label
    if read.label != label:  # 增长 −3.2% is written 下降3.2%
        assert read.label == label[:-2] + "下降" and read.value == -real, phrase
    else:
        assert same_quantity(read.value, read.unit or unit, real, unit), phrase
    if phrase.rule in EXACT and read.label == label:
        assert read.previous is not None, phrase
        assert same_quantity(read.previous, read.unit or unit, Decimal(str(previous)), unit), phrase
    elif read.previous is not None and read.label == label:
        assert same_quantity(read.previous, read.unit or unit, Decimal(str(previous)), unit), phrase


def test_a_figure_sentence_of_several_statements() -> None:
    reads, other = read_figures("新增学位3240个，比上年增加440个，增长15.7%；巩固率99.6%，比上年提高0.4个百分点；"
                                "大班额实现清零，同比减少14个；新建支部由上年的8个增至12个。")
    assert not other
    assert [(r.label, r.previous) for r in reads] == [("新增学位", 2800), ("巩固率", Decimal("99.2")), ("大班额", 14),
                                                      ("新建支部", 8)]


def test_a_rate_alone_gives_no_previous() -> None:
    reads, _ = read_figures("门诊量12.8万人次，同比增长25%。")
    assert reads[0].previous is None and reads[0].comparisons[0].kind == "rate"


def test_years_dates_and_ordinals_are_not_figures() -> None:
    reads, _ = read_figures("2024年，办好第十届运动会，2025年1月10日")
    assert reads == []


@pytest.mark.parametrize("text", ["空壳村较上年减少3个，实现清零。", "空壳村实现清零，较上年减少3个。",
                                  "空壳村比去年减少3个，实现清零。", "空壳村实现清零，比去年减少3个。",
                                  "空壳村与上年相比减少3个，实现清零。"])
def test_cleared_reads_last_year_in_either_order(text: str) -> None:
    """Reports write the result first or the comparison first; both give last year's 3."""
    reads, other = read_figures(text)
    assert not other and [(r.label, r.value, r.previous) for r in reads] == [("空壳村", 0, 3)]


def test_the_second_event_zero_without_its_period_reads_back() -> None:
    reads, other = read_figures("全年未发生较大安全生产事故，未发生一般安全生产事故，比上年减少3起。")
    assert not other
    assert [(r.label, r.value, r.previous) for r in reads] == [("较大安全生产事故", 0, None), ("一般安全生产事故", 0, 3)]


@pytest.mark.parametrize("text, label, value, previous", [
    ("老年食堂就餐1.86万人次，上年为零。", "老年食堂就餐", Decimal("1.86"), 0),
    ("新建站点实现零的突破，达到3个。", "新建站点", 3, 0),
    ("就餐人次1.86万人次，比上年增加1.86万人次。", "就餐人次", Decimal("1.86"), 0),  # the former wording
    ("平均住院日7.8天，较上年缩短0.5天。", "平均住院日", Decimal("7.8"), Decimal("8.3")),
    ("办结时限3天，比去年延长1天。", "办结时限", 3, 2),
])
def test_new_from_zero_and_duration_wordings_read_back(text: str, label: str, value, previous) -> None:
    reads, other = read_figures(text)
    assert not other and [(r.label, r.value, r.previous) for r in reads] == [(label, value, previous)]
