"""`drafter validate` through the real CLI: messages, summaries, JSON, --strict, exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))

CLEAN = """\
report:
  org: 青山区教育体育局
  year: 2024
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


@pytest.fixture
def validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)

    def run(*args: str, **files: str):
        for name, text in files.items():
            (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
        return CliRunner().invoke(cli, ["validate", *args], catch_exceptions=False)

    return run


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_passes_without_errors_or_warnings(sample: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(sample), "--strict"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (0, f"{sample}：通过，没有发现问题。\n")


def test_a_clean_sheet(validate) -> None:
    result = validate("a.yaml", a=CLEAN)
    assert (result.exit_code, result.output) == (0, "a.yaml：通过，没有发现问题。\n")


def test_every_problem_at_once_errors_before_warnings(validate) -> None:
    text = CLEAN.replace("year: 2024", 'year: "2024年"').replace("period", "x") \
        .replace("    points: [补充教师]\n", "    points: [补充教师]\n    figures:\n      - { label: 巩固率, value: 996, unit: \"%\" }\n") \
        .replace("  leadership: 区委、区政府\n", "  leader: 区委、区政府\n")
    result = validate("a.yaml", a=text)
    assert result.exit_code == 1
    assert result.output == """\
a.yaml:3:9: report.year（总结年度）: 应为整数，而这里是文字“2024年”
     3 |   year: "2024年"
       |         ^
    提示：年份只写四位数字，例如 year: 2024
a.yaml:4:3: report.leader: 没有“leader”这个字段
     4 |   leader: 区委、区政府
       |   ^
    提示：是否想写 leadership（领导机关）？
a.yaml:14:30: achievements[1].figures[0].value（今年数值）: 百分数应在 0～100 之间，而这里是 996%
    14 |       - { label: 巩固率, value: 996, unit: "%" }
       |                                 ^
    提示：百分数写 99.6 而不是 0.996；增长率等变化量请在名称中写明“增长”
a.yaml:1:1: report.leadership（领导机关）: 警告：没有填写领导机关（leadership），初稿开头“在…的坚强领导下”处将出现【待补充】
     1 | report:
       | ^
    提示：例如 leadership: 区委、区政府
a.yaml:14:9: achievements[1].figures[0]（数据）: 警告：没有上年数值（previous），初稿不会写出与上年的比较
    14 |       - { label: 巩固率, value: 996, unit: "%" }
       |         ^
    提示：加上 previous: 上年数值（与今年同一单位）

a.yaml：未通过，3 个错误，2 个警告。
"""


def test_warnings_alone_pass_unless_strict(validate) -> None:
    text = CLEAN.replace("problems:\n  - title: 学位紧张\n    detail: 班额偏大。\n", "")
    result = validate("a.yaml", a=text)
    assert result.exit_code == 0
    assert result.output == (
        "a.yaml:1:1: problems（存在的问题和不足）: 警告：没有列出存在的问题和不足（problems），初稿中这一部分将是【待补充】\n"
        "    提示：总结一般要写 2～4 个问题，例如 problems: [{title: …, detail: …}]\n"
        "\n"
        "a.yaml：通过，有 1 个警告。\n"
    )
    strict = validate("a.yaml", "--strict")
    assert strict.exit_code == 1
    assert strict.output.splitlines()[0] == ("a.yaml:1:1: problems（存在的问题和不足）: 警告（--strict 下按错误处理）："
                                             "没有列出存在的问题和不足（problems），初稿中这一部分将是【待补充】")
    assert strict.output.splitlines()[-1] == "a.yaml：未通过（--strict：警告按错误处理），0 个错误，1 个警告。"


def test_several_files_each_reported_then_a_total(validate) -> None:
    result = validate("a.yaml", "b.yaml", "missing.yaml", a=CLEAN, b="report: [\n")
    assert result.exit_code == 1
    assert result.output.splitlines()[-4:] == [
        "a.yaml：通过，没有发现问题。",
        "b.yaml：未通过，1 个错误。",
        "missing.yaml：未通过，1 个错误。",
        "共检查 3 个文件：1 个通过，2 个未通过；共 2 个错误、0 个警告。",
    ]


def test_a_folder_stands_for_its_sheets(validate, tmp_path: Path) -> None:
    (tmp_path / "sheets").mkdir()
    (tmp_path / "sheets" / "b.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "sheets" / "a.yml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "sheets" / "notes.txt").write_text("x", encoding="utf-8")
    result = validate("sheets")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{Path('sheets', 'a.yml')}：通过，没有发现问题。",
        f"{Path('sheets', 'b.yaml')}：通过，没有发现问题。",
        "共检查 2 个文件：2 个通过，0 个未通过；共 0 个错误、0 个警告。",
    ]


def test_json_output_has_a_stable_shape(validate) -> None:
    result = validate("a.yaml", "b.yaml", "--format", "json", a=CLEAN, b=CLEAN.replace("2024", "2024.5"))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data == {
        "version": 1, "valid": False, "strict": False,
        "summary": {"files": 2, "valid": 1, "invalid": 1, "errors": 1, "warnings": 0},
        "files": [
            {"file": "a.yaml", "valid": True, "errors": 0, "warnings": 0, "problems": []},
            {"file": "b.yaml", "valid": False, "errors": 1, "warnings": 0, "problems": [{
                "file": "b.yaml", "severity": "error", "code": "schema.type", "line": 3, "column": 9,
                "field": "report.year", "pointer": "/report/year", "title": "总结年度",
                "message": "应为整数，而这里是数字 2024.5", "hint": "这里只能写整数"}]},
        ],
    }
    assert "\\u" not in result.output  # Chinese stays readable


def test_json_for_an_unreadable_file(validate) -> None:
    result = validate("nope.yaml", "-f", "json")
    problem = json.loads(result.output)["files"][0]["problems"][0]
    assert problem == {"file": "nope.yaml", "severity": "error", "code": "file.not-found", "line": None,
                       "column": None, "field": "", "pointer": "", "title": None, "message": "找不到文件",
                       "hint": None}


def test_usage_errors_exit_2_in_chinese(validate) -> None:
    result = validate()
    assert result.exit_code == 2
    assert "缺少参数" in result.output
    result = validate("a.yaml", "--format", "xml", a=CLEAN)
    assert result.exit_code == 2


def test_help_is_chinese_with_examples() -> None:
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert "用法: validate [选项] 事实表.yaml..." in result.output or "事实表.yaml..." in result.output
    assert "drafter validate 事实表.yaml --format json" in result.output


def test_render_lists_every_error_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(CLEAN.replace("2024", "1999").replace("新建学校", "新建xxxx学校"),
                                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", "a.yaml", "-o", "d.docx"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == """\
错误：a.yaml: 事实表有 2 个错误，未生成初稿：
a.yaml:3:9: report.year（总结年度）: 应不小于 2000，而这里是 1999
     3 |   year: 1999
       |         ^
    提示：写四位数字的年份，例如 2024
a.yaml:21:18: plans.items[0].points[0]（要点）: “xxxx”像是没有替换的占位符
    21 |       points: [新建xxxx学校]
       |                    ^
    提示：填写实际内容；暂时没有的，删掉这一项，初稿会在相应位置标出【待补充】
提示：改正后重新运行；也可以先运行 drafter validate a.yaml 检查
"""
    assert not (tmp_path / "d.docx").exists()


def test_render_is_not_stopped_by_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(CLEAN.replace("    detail: 班额偏大。\n", ""), encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", "a.yaml", "-o", "d.md"], catch_exceptions=False)
    assert result.exit_code == 0
    assert (tmp_path / "d.md").exists()
