"""The checks beyond the schema, one rule at a time (library level, fixed `today`)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import List, Tuple

import pytest

from drafter.facts import rules
from drafter.facts.validate import check_text

TODAY = date(2025, 3, 1)

BASE = """\
report:
  org: 青山区教育体育局
  year: 2024
  period: annual
  leadership: 区委、区政府
  date: "2025-01-10"
achievements:
  - title: 党建统领作用进一步发挥
    points: [开展学习]
    figures:
      - { label: 新建示范支部, value: 12, unit: 个, previous: 8 }
  - title: 教师队伍素质进一步提高
    points: [补充教师]
  - title: 办学条件进一步改善
    points: [改造校舍]
problems:
  - title: 学位紧张
    detail: 班额偏大。
plans:
  items:
    - title: 聚焦学位供给
      points: [新建学校]
"""


def found(text: str) -> List[Tuple[str, str, str, int]]:
    """(severity, code, field, line) of every problem."""
    report = check_text(text, Path("a.yaml"), TODAY)
    return [(p.severity, p.code, p.field, p.line) for p in report.problems]


def messages(text: str) -> List[str]:
    return [p.message for p in check_text(text, Path("a.yaml"), TODAY).problems]


def test_the_base_sheet_is_clean() -> None:
    assert found(BASE) == []


# -- years and dates -----------------------------------------------------------------------

def test_a_year_that_has_not_begun() -> None:
    text = BASE.replace("year: 2024", "year: 2026").replace("2025-01-10", "2027-01-10")
    assert messages(text) == ["2026 年还没有开始，无法总结；今年是 2025 年"]


@pytest.mark.parametrize("written, period, expected", [
    ("2024-11-01", "annual", None),  # offices are asked for annual summaries from November
    ("2024-10-31", "annual", ("error", "成文日期 2024-10-31 早于 2024-11-01：2024年的总结应在当年即将结束或结束后成文")),
    ("2025-06-30", "annual", None),
    ("2025-07-01", "annual", ("warning", "成文日期 2025-07-01 距2024年结束已超过半年，请确认年份没有写错")),
    ("2024-06-01", "first-half", None),
    ("2024-05-31", "first-half", ("error", "成文日期 2024-05-31 早于 2024-06-01：2024年上半年的总结应在上半年即将结束或结束后成文")),
    ("2025-01-02", "first-half", ("warning", "成文日期 2025-01-02 距2024年上半年结束已超过半年，请确认年份没有写错")),
])
def test_the_date_falls_after_the_period(written: str, period: str, expected) -> None:
    parsed, _ = rules.parse_date(written)
    assert rules.date_problem(parsed, 2024, period) == expected


@pytest.mark.parametrize("written, why", [
    ("2025-02-30", "日期不存在：2025年2月没有 30 日"),
    ("2025-13-01", "日期不存在：月份应在 1～12 之间，而这里是 13"),
    ("2025年2月29日", "日期不存在：2025年2月没有 29 日"),
])
def test_impossible_dates(written: str, why: str) -> None:
    assert messages(BASE.replace('"2025-01-10"', f'"{written}"')) == [why]


def test_all_date_forms_are_accepted() -> None:
    for written in ("2025-1-10", "2025/01/10", "2025.1.10", "2025年1月10日"):
        assert found(BASE.replace('"2025-01-10"', f'"{written}"')) == [], written
    assert found(BASE.replace('"2025-01-10"', "2025-01-10")) == []  # unquoted stays a string


def test_a_malformed_date_is_one_error_not_two() -> None:
    assert found(BASE.replace('"2025-01-10"', '"一月十日"')) == [("error", "schema.format", "report.date", 6)]


# -- figures -----------------------------------------------------------------------------------

def figure(spec: str) -> str:
    return BASE.replace("{ label: 新建示范支部, value: 12, unit: 个, previous: 8 }", spec)


def test_percentages_lie_between_0_and_100() -> None:
    assert found(figure('{ label: 巩固率, value: 99.6, unit: "%", previous: 99.2 }')) == []
    assert found(figure('{ label: 巩固率, value: 101, unit: "%", previous: 99.2 }')) == [
        ("error", "check.percent", "achievements[0].figures[0].value", 11)]
    assert found(figure('{ label: 巩固率, value: 99, unit: "％", previous: -1 }')) == [
        ("error", "check.percent", "achievements[0].figures[0].previous", 11)]


def test_a_change_may_be_negative_or_above_100_percent() -> None:
    assert found(figure('{ label: 营业收入同比增长, value: 150, unit: "%", previous: -3 }')) == []


def test_previous_must_be_a_number_in_the_same_unit() -> None:
    problems = check_text(figure("{ label: 引进人才, value: 35, unit: 人, previous: 28人 }"), Path("a.yaml"), TODAY).problems
    assert [(p.code, p.message, p.hint) for p in problems] == [
        ("schema.type", "应为数字，而这里是文字“28人”", "数值只写数字，单位另写在 unit 里，例如 value: 28，unit: 人")]


def test_a_previous_value_hundreds_of_times_off_suggests_another_unit() -> None:
    assert found(figure("{ label: 经费投入, value: 48143, unit: 万元, previous: 456200000 }")) == [
        ("warning", "check.unit-mismatch", "achievements[0].figures[0].previous", 11)]
    assert found(figure("{ label: 经费投入, value: 48143, unit: 万元, previous: 45620 }")) == []
    assert found(figure("{ label: 大班额, value: 0, unit: 个, previous: 14 }")) == []


def test_a_figure_without_previous_is_a_warning() -> None:
    assert found(figure("{ label: 新建示范支部, value: 12, unit: 个 }")) == [
        ("warning", "check.no-previous", "achievements[0].figures[0]", 11)]
    assert found(figure("{ label: 新建示范支部, value: 12, unit: 个, previous: null }"))[0][1] == "check.no-previous"


def test_infinite_values() -> None:
    assert ("error", "check.number", "achievements[0].figures[0].value", 11) in found(
        figure("{ label: 新建示范支部, value: .inf, unit: 个, previous: 8 }"))


# -- empty, repeated, unfinished ----------------------------------------------------------------

def test_empty_sections_are_errors_at_their_key() -> None:
    text = BASE + "highlights:\nothers: []\noverview:\n  theme: null\n"
    assert found(text) == [
        ("error", "schema.empty", "highlights", 23),
        ("error", "schema.empty", "others", 24),
        ("warning", "check.empty-overview", "overview", 25),  # the draft marks it 【待补充】
    ]
    assert messages(text)[:2] == ["是空的：请在下面逐行写“- 内容”，或删掉这一行", "是空的：请至少写一项，或删掉这一行"]


def test_a_theme_with_only_a_title_is_a_warning() -> None:
    text = BASE.replace("  - title: 办学条件进一步改善\n    points: [改造校舍]\n", "  - title: 办学条件进一步改善\n")
    assert found(text) == [("warning", "check.title-only", "achievements[2]", 14)]


def test_duplicate_titles_across_achievements_and_highlights() -> None:
    text = BASE + "highlights:\n  - title: 办学条件进一步改善。\n    points: [特色]\n"
    assert found(text) == [("error", "check.duplicate-title", "highlights[0].title", 24)]
    assert messages(text) == ["与第 14 行的标题“办学条件进一步改善”重复"]


def test_duplicate_problem_titles_and_points() -> None:
    text = BASE.replace("  - title: 学位紧张\n    detail: 班额偏大。\n",
                        "  - title: 学位紧张\n    detail: 班额偏大。\n  - title: 学位 紧张\n    detail: 另一说明。\n")
    assert found(text) == [("error", "check.duplicate-title", "problems[1].title", 19)]
    text = BASE.replace("points: [开展学习]", "points: [开展学习, 开展学习。]")
    assert found(text) == [("warning", "check.duplicate-point", "achievements[0].points[1]", 9)]


@pytest.mark.parametrize("text, found_text", [
    ("xxxx年完成", "xxxx"), ("XX局", "XX"), ("共＊人", "＊"), ("**重点**", "**"), ("××项目", "××"),
    ("【待补充：数据】", "【待补充：数据】"), ("（待补充）", "（待补充）"), ("……", "……"), ("○○年", "○○"),
])
def test_leftover_placeholders(text: str, found_text: str) -> None:
    hit = rules.find_placeholder(text)
    assert hit is not None and hit[1] == found_text


@pytest.mark.parametrize("text", ["制度有待补充完善", "计算{{ 7*7 }}", "3×4米", "深入落实……", "XXL码", "2x2"])
def test_ordinary_text_is_not_a_placeholder(text: str) -> None:
    assert rules.find_placeholder(text) is None


def test_placeholders_are_pointed_at_inside_the_value() -> None:
    problems = check_text(BASE.replace("org: 青山区教育体育局", "org: XX区教育体育局"), Path("a.yaml"), TODAY).problems
    assert [(p.line, p.column, p.message) for p in problems] == [(2, 8, "“XX”像是没有替换的占位符")]


def test_sample_wording_is_a_warning() -> None:
    assert found(BASE.replace("org: 青山区教育体育局", "org: 某某区教育体育局")) == [
        ("warning", "check.sample-text", "report.org", 2)]


def test_gaps_the_draft_would_show_as_placeholders_are_warnings() -> None:
    text = (BASE.replace("  leadership: 区委、区政府\n", "")
            .replace("    detail: 班额偏大。\n", "")
            .replace("      points: [新建学校]\n", ""))
    assert found(text) == [
        ("warning", "check.no-leadership", "report.leadership", 1),
        ("warning", "check.no-detail", "problems[0]", 16),
        ("warning", "check.no-points", "plans.items[0]", 19),
    ]


def test_few_achievements_no_problems_no_plans() -> None:
    text = BASE.split("  - title: 教师队伍素质进一步提高")[0]
    assert found(text) == [
        ("warning", "check.no-problems", "problems", 1),
        ("warning", "check.no-plans", "plans", 1),
        ("warning", "check.few-achievements", "achievements", 7),
    ]


# -- schema messages: the fix is suggested ------------------------------------------------------

@pytest.mark.parametrize("old, new, message, hint", [
    ("period: annual", "period: 上半年", "只能写 annual（年度总结，即全年） 或 first-half（上半年总结），而这里是文字“上半年”",
     "是否想写 first-half？"),
    ("period: annual", "period: anual", "只能写 annual（年度总结，即全年） 或 first-half（上半年总结），而这里是文字“anual”",
     "是否想写 annual？"),
    ("  org: 青山区教育体育局", "  Org: 青山区教育体育局", "没有“Org”这个字段", "字段名区分大小写，应写 org"),
    ("  org: 青山区教育体育局", "  单位: 青山区教育体育局", "没有“单位”这个字段", "字段名要用英文：“单位全称”应写作 org"),
    ("value: 12,", 'value: "3,240",', "应为数字，而这里是文字“3,240”", "只写数字，不加引号和千位分隔符：3240"),
    ("value: 12,", "value: 十二,", "应为数字，而这里是文字“十二”", "请用阿拉伯数字填写"),
    ("  org: 青山区教育体育局", "  org: 2024", "应为文字，而这里是数字 2024", '如果这里就要写这个数，请给它加上引号，例如 "2024"'),
    ("  org: 青山区教育体育局", "  org: yes", "应为文字，而这里是是/否值 true",
     "yes、no、on、off、true、false 在 YAML 中表示“是/否”；要作为文字，请加上引号"),
])
def test_schema_messages_suggest_the_fix(old: str, new: str, message: str, hint: str) -> None:
    problems = check_text(BASE.replace(old, new, 1), Path("a.yaml"), TODAY).problems
    assert [(p.message, p.hint) for p in problems if p.is_error] == [(message, hint)]


def test_a_key_one_level_too_high_is_explained() -> None:
    text = BASE.replace("  date: \"2025-01-10\"\n", "") + 'date: "2025-01-10"\n'
    problems = [p for p in check_text(text, Path("a.yaml"), TODAY).problems if p.is_error]
    assert [(p.field, p.line, p.message, p.hint) for p in problems] == [
        ("report.date", 1, "缺少这个必填字段", '在 report 下面加一行 date: "2025-01-10"'),
        ("date", 22, "没有“date”这个字段", "date 是 report 下面的字段：是否少缩进了？应写在“report:”下面，并多缩进两个空格"),
    ]


def test_a_key_under_a_list_item_without_its_dash() -> None:
    text = BASE.replace("problems:\n  - title: 学位紧张\n    detail: 班额偏大。\n", "problems:\n  title: 学位紧张\n")
    problems = [p for p in check_text(text, Path("a.yaml"), TODAY).problems if p.is_error]
    assert [(p.field, p.message, p.hint) for p in problems] == [
        ("problems", "应为列表（每项单独一行，以“- ”开头），而这里是“字段: 值”形式的内容", "列表的每一项前面要有“- ”")]


def test_a_full_width_colon_that_parsed_as_text() -> None:
    text = BASE.replace("plans:\n  items:\n    - title: 聚焦学位供给\n      points: [新建学校]\n", "plans:\n  items：见附件\n")
    problems = [p for p in check_text(text, Path("a.yaml"), TODAY).problems if p.is_error]
    assert [(p.line, p.hint) for p in problems] == [(20, "字段名后面用了中文冒号“：”；应是英文冒号加一个空格“: ”")]


def test_a_rate_that_is_not_a_share_may_exceed_100_percent() -> None:
    assert found(figure('{ label: 年度任务完成率, value: 105, unit: "%", previous: 98 }')) == []
    assert found(figure('{ label: 招商引资完成率, value: 120, unit: "%", previous: 101 }')) == []
    assert found(figure('{ label: 基层诊疗量占比, value: 120, unit: "%", previous: 60 }')) == [
        ("error", "check.percent", "achievements[0].figures[0].value", 11)]
    assert found(figure('{ label: 年度任务完成率, value: -5, unit: "%", previous: 98 }')) == [
        ("error", "check.percent", "achievements[0].figures[0].value", 11)]
