"""`drafter new` and what users actually type: numbers with units, terminal debris, odd bytes.

Driven through the real prompts like tests/test_wizard.py (same fixture and answers).
"""
from __future__ import annotations

import builtins
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import cli, facts_cmd
from drafter.facts.yamlload import load_yaml_file
from drafter.wizard.answers import clean_answer
from drafter.wizard.schemafields import field_info
from test_wizard import ANSWERS, EXPECTED, new  # noqa: F401 - `new` is the fixture

FIGURE = ANSWERS.index("新建示范支部")  # label, value, unit, previous follow


def _validates(path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_the_value_is_asked_before_the_unit_and_a_unit_with_a_digit_is_refused(new, tmp_path: Path) -> None:
    answers = list(ANSWERS)
    answers[FIGURE + 2:FIGURE + 3] = ["35人", "个"]  # the unit typed with a number, then corrected
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0, result.output
    assert ("数据名称（如：引进各类教育人才）：新建示范支部\n"
            "今年数值（只写数字，单位下一题再写，如：35）：12\n"
            "单位（没有单位直接回车，如：人、个、万元、%）：35人\n"
            "  输入有误：单位里不能有数字：数值写在上一题“今年数值”里，这里只写单位，如 人、个、万元、%。请重新输入。\n"
            "单位（没有单位直接回车，如：人、个、万元、%）：个\n") in result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED
    _validates(tmp_path / "facts.yaml")


@pytest.mark.parametrize("typed, said", [
    ("1" * 400, "这个数太大了，请检查是否多写了数字（最大到 10 的 15 次方，即千万亿）"),
    ("12345678901234567890", "这个数太大了，请检查是否多写了数字（最大到 10 的 15 次方，即千万亿）"),
    ("0.0000001", "这个数太小了，请检查小数点的位置（最小到百万分之一）"),
])
def test_numbers_out_of_any_sane_range_are_asked_again(new, tmp_path: Path, typed: str, said: str) -> None:
    answers = ANSWERS[:FIGURE + 1] + [typed] + ANSWERS[FIGURE + 1:]
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0, result.output
    assert f"：{typed}\n  输入有误：{said}。请重新输入。\n今年数值" in result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_a_unit_that_makes_the_value_wrong_asks_the_value_again(new, tmp_path: Path) -> None:
    at = ANSWERS.index("义务教育巩固率")
    answers = ANSWERS[:at + 1] + ["120", "%", "99.6"] + ANSWERS[at + 3:]
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0, result.output
    assert ("今年数值（只写数字，单位下一题再写，如：35）：120\n"
            "单位（没有单位直接回车，如：人、个、万元、%）：%\n"
            "  输入有误：今年数值：百分数应在 0～100 之间，而这里是 120%。请重新填写这一项。\n"
            "今年数值（只写数字，单位下一题再写，如：35）：99.6\n"
            "上年数值（与今年同一单位；不知道就直接回车，如：28）：99.2\n") in result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_a_figure_can_be_written_into_the_point_it_supports(new, tmp_path: Path) -> None:
    answers = list(ANSWERS)
    answers[FIGURE + 4] = "1"  # into point 1 instead of after the theme
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0, result.output
    assert ("    1. 开展集中学习18次\n    2. 不写进哪一条，单独列在这项工作的最后\n"
            "这项数据写进哪一条做法 [2]：1\n") in result.output
    theme = load_yaml_file(tmp_path / "facts.yaml").data["achievements"][0]
    assert theme == {"title": "党建统领作用进一步发挥", "approach": "以政治建设为统领", "points": [
        {"text": "开展集中学习18次", "figures": [{"label": "新建示范支部", "value": 12, "unit": "个", "previous": 8}]}]}
    _validates(tmp_path / "facts.yaml")
    rendered = CliRunner().invoke(cli, ["render", "facts.yaml", "-o", "d.md", "-f", "md"], catch_exceptions=False)
    assert rendered.exit_code == 0, rendered.output
    line = next(x for x in (tmp_path / "d.md").read_text(encoding="utf-8").splitlines() if "开展集中学习18次" in x)
    assert "新建示范支部" in line and "12个" in line  # the figure stands in its point's sentence


def test_prompts_choices_and_bounds_come_from_the_schema(new, monkeypatch: pytest.MonkeyPatch) -> None:
    # change the schema's bound and its example: the questionnaire follows
    from drafter.facts import schema as schema_module
    from drafter.wizard import schemafields

    real = schema_module.load_schema()
    patched = {**real, "properties": {**real["properties"], "report": {
        **real["properties"]["report"], "properties": {
            **real["properties"]["report"]["properties"],
            "org": {**real["properties"]["report"]["properties"]["org"], "examples": ["某县卫生健康局"]},
            "year": {**real["properties"]["report"]["properties"]["year"], "minimum": 2020}}}}}
    from drafter.schemacheck import Checker

    monkeypatch.setattr(schema_module, "factsheet_checker", lambda: Checker(patched))
    monkeypatch.setattr("drafter.facts.validate.factsheet_checker", lambda: Checker(patched))
    monkeypatch.setattr(schemafields, "factsheet_checker", lambda: Checker(patched))
    schemafields.field_info.cache_clear()
    try:
        assert schemafields.prompt("report.org") == "单位全称（如：某县卫生健康局）"
        answers = ANSWERS[:1] + ["2019"] + ANSWERS[1:]
        result = new(answers, "facts.yaml")
        assert "  输入有误：应不小于 2020，而这里是 2019（写四位数字的年份，例如 2024）。请重新输入。\n" in result.output
    finally:
        schemafields.field_info.cache_clear()
    period = field_info("report.period")
    assert period.kind == "choice" and [v for v, _ in period.choices] == ["annual", "first-half"]
    assert field_info("report.year").kind == "int" and field_info("achievements.figures.value").kind == "number"


@pytest.mark.parametrize("typed, kept", [
    ("部分学校\x1b[D\x1b[D班额仍然偏大。", "部分学校班额仍然偏大。"),  # arrow keys without line editing
    ("部分学校\x1b[1;5C班额\x1bOA仍然偏大。", "部分学校班额仍然偏大。"),  # ctrl-arrow, keypad
    ("部分学校\u2028班额仍然偏大。", "部分学校班额仍然偏大。"),  # a line separator between Chinese: nothing
    ("部分学校\r班额仍然偏大。", "部分学校班额仍然偏大。"),
    ("班额 56\r人以上 3\x85个", "班额 56 人以上 3 个"),  # beside a digit: one space
    ("部分学校\u2029\u2029班额\x07仍然\x00偏大。", "部分学校班额仍然偏大。"),
    ("张\ue000某等学校班额偏大", "张\ue000某等学校班额偏大"),  # 造字 in the private-use area is kept
])
def test_escape_codes_and_line_breaks_never_reach_the_sheet(new, tmp_path: Path, typed: str, kept: str) -> None:
    answers = list(ANSWERS)
    answers[answers.index("部分学校班额仍然偏大。")] = typed
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0, result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data["problems"][0]["detail"] == kept
    assert "\x1b" not in (tmp_path / "facts.yaml").read_text(encoding="utf-8")
    _validates(tmp_path / "facts.yaml")


def test_clean_answer_keeps_ordinary_text() -> None:
    for text in ["青山区教育体育局", "以“双减”为抓手，课后服务覆盖率 100%", "A+B 方案 (试行)", "３５人"]:
        assert clean_answer(text) == text


def test_a_terminal_gets_line_editing_and_windows_without_readline_still_works(
        new, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    typed = iter(ANSWERS)
    prompts = []

    def fake_input(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    imported = []
    real_import = builtins.__import__

    def no_readline(name, *args, **kwargs):  # as on Windows: there is no readline module
        if name == "readline":
            imported.append(name)
            raise ImportError("No module named 'readline'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(facts_cmd, "_terminal", lambda: True)
    monkeypatch.setattr(builtins, "input", fake_input)
    monkeypatch.setattr(builtins, "__import__", no_readline)
    monkeypatch.delitem(sys.modules, "readline", raising=False)
    result = new([], "facts.yaml")
    assert result.exit_code == 0, result.output
    assert imported == ["readline"]  # tried once, lazily, for the terminal
    assert prompts[0] == "单位全称（如：青山区教育体育局）："
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_input_that_is_not_utf8_is_a_chinese_message_and_keeps_the_answers(new, tmp_path: Path) -> None:
    data = "".join(a + "\n" for a in ANSWERS[:3]).encode("utf-8") + "标题\n".encode("gbk")
    result = CliRunner().invoke(cli, ["new", "facts.yaml"], input=data, env={"DRAFTER_INTERACTIVE": "1"})
    assert result.exit_code == 1
    assert result.stderr == ("错误：第 4 行回答不是 UTF-8 编码，无法识别\n"
                             "提示：把回答文件另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8）后重试\n")
    assert "已回答的 3 题已保存在 facts.yaml.进度.json" in result.output
    assert "Traceback" not in result.output + result.stderr


def test_answers_saved_by_notepad_with_a_bom_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.wizard as wizard
    from datetime import date

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(wizard, "_today", lambda: date(2025, 1, 15))
    data = b"\xef\xbb\xbf" + "".join(a + "\r\n" for a in ANSWERS).encode("utf-8")
    result = CliRunner().invoke(cli, ["new", "facts.yaml"], input=data, env={"DRAFTER_INTERACTIVE": "1"})
    assert result.exit_code == 0, result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_a_bad_choice_lists_its_options_once(new) -> None:
    answers = ANSWERS[:2] + ["3"] + ANSWERS[2:]
    output = new(answers, "facts.yaml").output
    assert ("总结类型 [1]：3\n  输入有误：请输入序号 1～2（1 年度总结，即全年，2 上半年总结）。请重新输入。\n总结类型 [1]：1\n"
            in output)
    assert output.count("2. first-half（上半年总结）") == 1


def test_the_intro_counts_the_parts_it_asks(new) -> None:
    output = new(ANSWERS, "facts.yaml").output
    assert ("将依次填写 7 个部分：基本情况、开头概述、主要工作、特色亮点工作、存在的问题和不足、下一步工作打算、其他部分。\n"
            in output)
    assert output.count("\n【") == 7


@pytest.mark.parametrize("year, period, shown", [
    ("2024", "1", "2025-01-15"),  # today fits the 2024 annual report
    ("2023", "1", "2024-01-10"),  # today is too late for 2023: early the next year
    ("2024", "2", "2024-07-10"),  # a first-half report of 2024: July of that year
])
def test_the_default_date_follows_the_report_year(new, tmp_path: Path, year: str, period: str, shown: str) -> None:
    answers = list(ANSWERS)
    answers[1], answers[2], answers[6] = year, period, ""
    result = new(answers, "facts.yaml")
    assert f"成文日期（如：2025-01-10） [{shown}]：\n" in result.output
    assert result.exit_code == 0, result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data["report"]["date"] == shown


def test_a_terminal_in_another_encoding_is_a_chinese_message(new, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    typed = iter(ANSWERS[:2])

    def fake_input(prompt: str) -> str:
        answer = next(typed, None)
        if answer is None:
            raise UnicodeDecodeError("utf-8", b"\xb1\xea", 0, 1, "invalid start byte")
        return answer

    monkeypatch.setattr(facts_cmd, "_terminal", lambda: True)
    monkeypatch.setattr(builtins, "input", fake_input)
    result = new([], "facts.yaml")
    assert result.exit_code == 1
    assert result.stderr == ("错误：输入的文字不是终端所用的编码，无法识别\n"
                             "提示：请检查命令行窗口的编码设置（Windows 可先运行 chcp 65001）\n")
    assert "已回答的 2 题已保存在 facts.yaml.进度.json" in result.output


def test_a_text_that_looks_like_an_impossible_date_is_written_quoted(new, tmp_path: Path) -> None:
    answers = list(ANSWERS)
    answers[3] = "2025-02-30"  # as a title: plain YAML would read it as a (broken) date
    result = new(answers, "facts.yaml")
    assert result.exit_code == 0, result.stderr
    assert load_yaml_file(tmp_path / "facts.yaml").data["report"]["title"] == "2025-02-30"
    _validates(tmp_path / "facts.yaml")


def test_an_output_that_cannot_show_a_character_does_not_end_the_session(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.wizard as wizard
    from datetime import date

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(wizard, "_today", lambda: date(2025, 1, 15))
    answers = ["青山\u2603区教育体育局", *ANSWERS[1:]]  # ☃ has no GBK code: a redirected cmd.exe window
    data = "".join(a + "\n" for a in answers).encode("utf-8")
    result = CliRunner(charset="gbk").invoke(cli, ["new", "facts.yaml"], input=data, env={"DRAFTER_INTERACTIVE": "1"})
    assert result.exit_code == 0, result.stderr
    assert "单位全称（如：青山区教育体育局）：青山?区教育体育局\n" in result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data["report"]["org"] == "青山\u2603区教育体育局"  # kept as typed
