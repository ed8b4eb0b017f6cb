"""`drafter new` driven through its real prompts with scripted answers.

CliRunner's stdin is not a terminal; DRAFTER_INTERACTIVE=1 (documented in `drafter new`'s
module) lets the questionnaire run anyway, which is also how a user can pipe answers in.
The clock is fixed at 2025-01-15 so defaults and date checks do not depend on the day the
tests run.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import List

import pytest
from click.testing import CliRunner

import drafter.wizard as wizard
from drafter.cli import cli
from drafter.facts.schema import factsheet_checker
from drafter.facts.yamlload import load_yaml_file
from drafter.wizard.questions import QUESTIONNAIRE

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "edu-bureau-2024.yaml"

ANSWERS = [
    "青山区教育体育局", "2024", "1", "", "区委、区政府", "", "2025-01-10", "",  # 基本情况
    "建设“宜学青山”", "区教研室获评先进集体", "",  # 开头概述
    "党建统领作用进一步发挥", "以政治建设为统领", "开展集中学习18次", "",  # 主要工作 1
    "y", "新建示范支部", "12", "个", "8", "", "n",  # "" : not written into a point
    "y", "教师队伍素质进一步提高", "", "补充教师", "", "n",  # 主要工作 2
    "", "办学条件进一步改善", "以项目建设为抓手", "完成校舍改造", "",  # 主要工作 3 (回车 = 再写一项)
    "y", "义务教育巩固率", "99.6", "%", "99.2", "", "n",
    "n",  # 不再写主要工作
    "n",  # 没有特色亮点
    "", "城区学位供给仍然紧张", "部分学校班额仍然偏大。", "n",  # 问题
    "", "聚焦学位供给，加快学校建设", "新建学校2所", "", "n",  # 打算
    "n",  # 没有其他部分
]

EXPECTED = {
    "report": {"org": "青山区教育体育局", "year": 2024, "period": "annual", "title": None,
               "leadership": "区委、区政府", "guidance": None, "date": "2025-01-10", "signature": None},
    "overview": {"theme": "建设“宜学青山”", "results": ["区教研室获评先进集体"]},
    "achievements": [
        {"title": "党建统领作用进一步发挥", "approach": "以政治建设为统领", "points": ["开展集中学习18次"],
         "figures": [{"label": "新建示范支部", "value": 12, "unit": "个", "previous": 8}]},
        {"title": "教师队伍素质进一步提高", "points": ["补充教师"]},
        {"title": "办学条件进一步改善", "approach": "以项目建设为抓手", "points": ["完成校舍改造"],
         "figures": [{"label": "义务教育巩固率", "value": 99.6, "unit": "%", "previous": 99.2}]},
    ],
    "problems": [{"title": "城区学位供给仍然紧张", "detail": "部分学校班额仍然偏大。"}],
    "plans": {"items": [{"title": "聚焦学位供给，加快学校建设", "points": ["新建学校2所"]}]},
}


@pytest.fixture
def new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(wizard, "_today", lambda: date(2025, 1, 15))

    def run(answers: List[str], *args: str, interactive: bool = True):
        env = {"DRAFTER_INTERACTIVE": "1"} if interactive else {"DRAFTER_INTERACTIVE": ""}
        text = "".join(a + "\n" for a in answers)
        return CliRunner().invoke(cli, ["new", *args], input=text, env=env, catch_exceptions=False)

    return run


def test_without_a_terminal_it_says_how_to_proceed(new, tmp_path: Path) -> None:
    result = new(ANSWERS, "facts.yaml", interactive=False)
    assert result.exit_code == 1
    assert result.stderr == (
        "错误：drafter new 需要在终端中逐项回答问题，但现在没有可交互的终端（输入来自文件或管道）\n"
        "提示：在命令行窗口中直接运行 drafter new；或复制 samples/edu-bureau-2024.yaml 手工修改，"
        "用 drafter schema --fields 查看各字段的含义，改好后用 drafter validate 检查\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_complete_questionnaire_writes_a_sheet_that_validates_and_renders(new, tmp_path: Path) -> None:
    result = new(ANSWERS, "facts.yaml")
    assert result.exit_code == 0, result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED
    assert result.output.endswith("\n\n已写入：facts.yaml\n下一步：drafter render facts.yaml -o 初稿.docx\n")
    assert not (tmp_path / "facts.yaml.进度.json").exists()
    text = (tmp_path / "facts.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "  org: 青山区教育体育局                 # 单位全称\n" in text
    runner = CliRunner()
    assert runner.invoke(cli, ["validate", "facts.yaml", "--strict"]).output == "facts.yaml：通过，没有发现问题。\n"
    rendered = runner.invoke(cli, ["render", "facts.yaml", "-o", "初稿.docx"], catch_exceptions=False)
    assert rendered.exit_code == 0
    assert (tmp_path / "初稿.docx").read_bytes()[:2] == b"PK"


def test_the_prompts_are_chinese_with_defaults_and_sections(new) -> None:
    output = new(ANSWERS, "facts.yaml").output
    for fragment in ["【一、基本情况】", "单位全称（如：青山区教育体育局）：青山区教育体育局\n", "总结年度（四位数字） [2024]：2024\n",
                     "    1. annual（年度总结，即全年）\n    2. first-half（上半年总结）\n总结类型 [1]：",
                     "成文日期（如：2025-01-10） [2025-01-15]：2025-01-10\n", "【三、主要工作】", "—— 第 2 项主要工作 ——",
                     "还要再写一项主要工作吗？（已写 1 项） [Y/n]：", "还要再写一项主要工作吗？（已写 3 项） [y/N]：",
                     "要写2025年的工作打算吗？ [Y/n]："]:
        assert fragment in output, fragment


@pytest.mark.parametrize("bad, message", [
    ("二〇二四", "输入有误：请用阿拉伯数字填写。请重新输入。"),
    ("2024年", "输入有误：只写数字，不要带单位或文字。请重新输入。"),
    ("24", "输入有误：应不小于 2000，而这里是 24（写四位数字的年份，例如 2024）。请重新输入。"),
    ("2101", "输入有误：应不大于 2100，而这里是 2101（写四位数字的年份，例如 2024）。请重新输入。"),
    ("2026", "输入有误：2026 年还没有开始，无法总结；今年是 2025 年。请重新输入。"),
])
def test_a_bad_year_is_asked_again(new, bad: str, message: str) -> None:
    answers = ANSWERS[:1] + [bad] + ANSWERS[1:]
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0
    assert f"总结年度（四位数字） [2024]：{bad}\n  {message}\n总结年度（四位数字） [2024]：2024\n" in result.output


@pytest.mark.parametrize("bad, message", [
    ("2025-02-30", "2025年2月没有 30 日"),
    ("明年一月", "日期应写成 2025-01-10 或 2025年1月10日 的形式"),
    ("2024-03-01", "成文日期 2024-03-01 早于 2024-11-01：2024年的总结应在当年即将结束或结束后成文"),
])
def test_a_bad_date_is_asked_again(new, bad: str, message: str) -> None:
    answers = ANSWERS[:6] + [bad] + ANSWERS[6:]
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0
    assert f"成文日期（如：2025-01-10） [2025-01-15]：{bad}\n  输入有误：{message}。请重新输入。\n" in result.output


def test_other_answers_are_checked_as_they_are_given(new, tmp_path: Path) -> None:
    answers = ["", "XX局", *ANSWERS]  # empty, then a placeholder, then the real name
    at = answers.index("党建统领作用进一步发挥", 10)
    answers[at + 5:at + 5] = []
    value = answers.index("12")
    answers[value:value] = ["12个"]
    title = answers.index("教师队伍素质进一步提高")
    answers[title:title] = ["党建统领作用进一步发挥。"]
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0, result.output
    for message in ["这一项必须填写", "“XX”像是没有替换的占位符", "只写数字，不要带单位或文字",
                    "前面已经有同样的标题了，请换一个，或把两项合并"]:
        assert f"  输入有误：{message}。请重新输入。" in result.output, message
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_an_existing_sheet_is_not_overwritten_and_nothing_is_asked(new, tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text("keep", encoding="utf-8")
    result = new(ANSWERS, "facts.yaml")
    assert result.exit_code == 1
    assert result.output == "错误：facts.yaml: 输出文件已存在，为免覆盖未写入\n提示：换一个文件名，或加 --force 覆盖原文件\n"
    assert new(ANSWERS, "facts.yaml", "--force").exit_code == 0
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_answers_survive_the_end_of_input_and_the_next_run_continues(new, tmp_path: Path) -> None:
    first = new(ANSWERS[:20], "facts.yaml")
    assert first.exit_code == 1
    assert first.output.endswith("：\n\n输入已结束，问题还没有答完。\n"
                                 "已回答的 20 题已保存在 facts.yaml.进度.json；再次运行同一命令即可接着填写。\n")
    assert not (tmp_path / "facts.yaml").exists()
    saved = json.loads((tmp_path / "facts.yaml.进度.json").read_text(encoding="utf-8"))
    assert saved["answers"][:2] == [["report.org", "青山区教育体育局"], ["report.year", "2024"]]
    second = new(["y", *ANSWERS[20:]], "facts.yaml")
    assert second.exit_code == 0, second.output
    assert second.output.startswith("发现上次没有填完的进度：已回答 20 题（保存在 facts.yaml.进度.json）。\n")
    assert "（已恢复上次的 20 个回答，下面接着填写）" in second.output
    assert "单位全称" not in second.output  # replayed, not asked again
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED
    assert not (tmp_path / "facts.yaml.进度.json").exists()


def test_declining_to_resume_starts_again(new, tmp_path: Path) -> None:
    new(ANSWERS[:5], "facts.yaml")
    result = new(["n", *ANSWERS], "facts.yaml")
    assert result.exit_code == 0
    assert "单位全称（如：青山区教育体育局）：青山区教育体育局\n" in result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_ctrl_c_keeps_what_was_answered(new, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.cli import facts_cmd

    real_ask = facts_cmd._ClickIO.ask
    calls = []

    def ask(self, prompt: str) -> str:
        calls.append(prompt)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real_ask(self, prompt)

    monkeypatch.setattr(facts_cmd._ClickIO, "ask", ask)
    result = new(ANSWERS, "facts.yaml")
    assert result.exit_code == 130
    assert result.output.endswith("\n已中断。\n已回答的 3 题已保存在 facts.yaml.进度.json；再次运行同一命令即可接着填写。\n")
    saved = json.loads((tmp_path / "facts.yaml.进度.json").read_text(encoding="utf-8"))
    assert [key for key, _ in saved["answers"]] == ["report.org", "report.year", "report.period"]


def test_a_crash_after_some_answers_loses_none(new, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.wizard.runner as runner

    real = runner.parse_value

    def parse(kind: str, text: str, choices=()):
        if kind == "date":
            raise RuntimeError("boom")
        return real(kind, text, choices)

    monkeypatch.setattr(runner, "parse_value", parse)
    result = new(ANSWERS, "facts.yaml")
    assert result.exit_code == 1
    assert "drafter 内部错误：RuntimeError: boom" in result.stderr
    saved = json.loads((tmp_path / "facts.yaml.进度.json").read_text(encoding="utf-8"))
    assert len(saved["answers"]) == 6  # everything before the date


def test_from_last_year_rolls_the_sheet_over(new, tmp_path: Path) -> None:
    answers = [
        "", "", "", "", "", "", "2026-01-08", "",  # report: defaults from last year, a new date
        "", "",  # theme kept, no results
        "y", "党建引领作用持续增强", "", "深化校长负责制", "", "n",  # plan item 1 taken as a theme
        "n", "y", "学位供给能力进一步提升", "", "新建学校2所", "", "n", "n",  # 2 no, 3 yes, 4 no
        "y", "教师队伍建设取得新进展", "", "实施名师工程", "", "n",  # one more theme
        "n",  # no more themes
        "15", "1",  # 新建“红色示范支部”: 15 under theme 1
        "",  # 56人以上大班额 (written in a point of theme 2 last year) skipped
        "3300", "2",  # 新增义务教育学位: 3300 under theme 2
        "99.8", "2",  # 义务教育巩固率
        "", "", "", "", "",  # the other five figures skipped
        "n",  # no highlights
        "y", "", "城区学位需求仍在增长。", "", "",  # last year's problem 1 is still there (title kept), 2 and 3 not
        "n", "", "继续扩充学位", "新建学校", "", "n", "n",
    ]
    result = new(answers, "2025.yaml", "--from", str(SAMPLE))
    assert result.exit_code == 0, result.output
    data = load_yaml_file(tmp_path / "2025.yaml").data
    assert data["report"] == {"org": "青山区教育体育局", "year": 2025, "period": "annual", "title": None,
                              "leadership": "区委、区政府和市教育局", "guidance": "习近平新时代中国特色社会主义思想",
                              "date": "2026-01-08", "signature": None}
    assert data["overview"] == {"theme": "建设“宜学青山”"}
    assert [t["title"] for t in data["achievements"]] == ["党建引领作用持续增强", "学位供给能力进一步提升", "教师队伍建设取得新进展"]
    assert data["achievements"][0]["figures"] == [{"label": "新建“红色示范支部”", "value": 15, "unit": "个", "previous": 12}]
    assert data["achievements"][1]["figures"] == [
        {"label": "新增义务教育学位", "value": 3300, "unit": "个", "previous": 3240},
        {"label": "义务教育巩固率", "value": 99.8, "unit": "%", "previous": 99.6}]
    assert "去年工作打算第 1 项：“聚焦党建引领，推动教育高质量发展”。今年把它写成一项主要工作吗？ [Y/n]：" in result.output
    assert "  去年的打算是：深化中小学校党组织领导的校长负责制；持续推进“清廉学校”建设" in result.output
    assert "新增义务教育学位：去年 3240个，今年的数值（直接回车表示今年不写）：3300\n" in result.output
    assert "去年存在的问题第 2 项：“教师队伍结构性矛盾依然存在”。今年仍然存在吗？ [y/N]：\n" in result.output
    assert "  去年的表述是：随着城市化进程加快，城区义务教育阶段学位需求持续增长，部分学校班额仍然偏大。\n" in result.output
    assert data["problems"] == [{"title": "城区学位供给仍然紧张", "detail": "城区学位需求仍在增长。"}]
    assert CliRunner().invoke(cli, ["validate", "2025.yaml"]).exit_code == 0


def test_every_question_writes_a_field_the_schema_knows() -> None:
    checker = factsheet_checker()
    known = set()
    for path in [("report",), ("overview",), ("achievements", 0), ("achievements", 0, "figures", 0),
                 ("problems", 0), ("plans",), ("plans", "items", 0), ("others", 0)]:
        known |= set(checker.subschema(path)["properties"])
    for question in QUESTIONNAIRE.questions():  # "_…" are working fields, never written
        assert question.field in known or question.field.startswith("_"), question.field


def test_a_broken_last_year_sheet_is_reported_before_any_question(new, tmp_path: Path) -> None:
    (tmp_path / "2023.yaml").write_text("report:\n  org: [未闭合\n", encoding="utf-8")
    result = new(ANSWERS, "facts.yaml", "--from", "2023.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：2023.yaml:2:8: YAML 格式错误：这里的“[”没有配对的“]”\n")
    assert "单位全称" not in result.output


def test_choices_by_number_value_or_words_and_repeated_points(new, tmp_path: Path) -> None:
    answers = list(ANSWERS)
    answers[2] = "上半年"  # the period by its Chinese name
    answers[6] = "2024-07-05"
    at = answers.index("开展集中学习18次")
    answers[at + 1:at + 1] = ["开展集中学习18次。"]  # the same point again: refused, then the list ends
    result = new(answers, "h.yaml")
    assert result.exit_code == 0, result.output
    assert "  输入有误：这一条和前面的重复了。请重新输入。" in result.output
    data = load_yaml_file(tmp_path / "h.yaml").data
    assert (data["report"]["period"], data["report"]["date"]) == ("first-half", "2024-07-05")
    assert "要写下半年的工作打算吗？ [Y/n]：" in result.output
