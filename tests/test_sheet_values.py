"""Values a fact sheet may not hold (issue 10): validate names each at FILE:LINE:COL, render agrees.

Characters XML cannot carry and drafter's own hidden marks, numbers no report can state, a unit
that swallowed its number — each is a validation error, and render stops on the same sheet with
the same message instead of failing inside.  Private-use characters (造字) are legal user text.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import write_sheet

HEAD = """\
report:
  org: 测试县卫生健康局
  year: {year}
  leadership: 县委、县政府
  date: "2025-01-06"
achievements:
  - title: {title}
    points: [建成紧密型县域医共体]
    figures:
      - {{label: 家庭医生签约人数, value: {value}, unit: {unit}, previous: {previous}}}
"""


def sheet_text(title: str = "公共卫生服务能力进一步提升", value: str = "12", unit: str = "万人",
               previous: str = "10", year: str = "2024") -> str:
    return HEAD.format(title=title, value=value, unit=unit, previous=previous, year=year)


def validate_and_render(run, tmp_path: Path, text: str):
    path = write_sheet(tmp_path, text)
    checked = run("validate", path)
    rendered = run("render", path, "-o", tmp_path / "d.docx")
    for result in (checked, rendered):
        assert "内部错误" not in result.output and "Traceback" not in result.output
    return path, checked, rendered


@pytest.mark.parametrize("escape, message", [
    (r"\a", "这里有一个不可见的控制字符（U+0007），无法写进 Word 文档"),
    (r"\x1b", "这里有一个不可见的控制字符（U+001B），无法写进 Word 文档"),
    (r"\ud800", "这里有一个不成对的代理字符（U+D800），它不是一个完整的字符，无法写进 Word 文档"),
    (r"\uFFFE", "这里有一个 Unicode 非字符（U+FFFE），它不表示任何文字，无法写进 Word 文档"),
    (r"\uFFFF", "这里有一个 Unicode 非字符（U+FFFF），它不表示任何文字，无法写进 Word 文档"),
    (r"\uFDD0", "这里有一个 Unicode 非字符（U+FDD0），它不表示任何文字，drafter 内部用作隐藏标记，不能出现在事实表中"),
    (r"\uFDEF", "这里有一个 Unicode 非字符（U+FDEF），它不表示任何文字，drafter 内部用作隐藏标记，不能出现在事实表中"),
])
def test_characters_xml_cannot_hold_are_errors_in_validate_and_render(run, tmp_path: Path, escape: str,
                                                                     message: str) -> None:
    path, checked, rendered = validate_and_render(run, tmp_path, sheet_text(title=f'"服务{escape}提升"'))
    expected = f"{path}:7:12: achievements[0].title（成效）: {message}"
    assert checked.exit_code == 1 and checked.stdout.splitlines()[0] == expected
    assert rendered.exit_code == 1 and expected in rendered.stderr.splitlines()
    assert not (tmp_path / "d.docx").exists()


def test_private_use_characters_pass_untouched(run, tmp_path: Path) -> None:
    title = "\ue000\ue001"  # 造字 only: a title made of self-made characters
    path, checked, rendered = validate_and_render(
        run, tmp_path, sheet_text(title=f'"{title}"').replace("县委、县政府", "张\ue000某县委"))
    assert checked.exit_code == 0, checked.output
    assert rendered.exit_code == 0, rendered.output
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "d.docx")).paragraphs)
    assert title in text and "张\ue000某县委" in text


@pytest.mark.parametrize("field, written, message", [
    ("value", "9" * 400, "数值 999999…（共 400 位） 太大（绝对值超过 10 的 15 次方），不像是统计数字"),
    ("value", "-2.0e+16", "数值 -2e+16 太大（绝对值超过 10 的 15 次方），不像是统计数字"),
    ("previous", "1.0e-300", "数值 1e-300 太小（绝对值小于百万分之一），不像是统计数字"),
    ("previous", ".inf", "应为一个具体的数，而这里是无穷大或非数（.inf/.nan）"),
    ("value", ".nan", "应为一个具体的数，而这里是无穷大或非数（.inf/.nan）"),
])
def test_numbers_outside_the_sane_range_are_errors(run, tmp_path: Path, field: str, written: str,
                                                   message: str) -> None:
    path, checked, rendered = validate_and_render(run, tmp_path, sheet_text(**{field: written}))
    assert checked.exit_code == 1 and rendered.exit_code == 1
    title = "今年数值" if field == "value" else "上年数值"
    errors = [line for line in checked.stdout.splitlines() if line.startswith(f"{path}:10:")]
    assert errors == [f"{errors[0].split(': ')[0]}: achievements[0].figures[0].{field}（{title}）: {message}"]


def test_numbers_at_the_bounds_are_accepted(run, tmp_path: Path) -> None:
    path, checked, rendered = validate_and_render(run, tmp_path, sheet_text(value=str(10 ** 15), previous="0.000001"))
    assert checked.exit_code == 0, checked.output
    assert rendered.exit_code == 0, rendered.output


def test_a_400_digit_year_is_one_short_error(run, tmp_path: Path) -> None:
    path, checked, rendered = validate_and_render(run, tmp_path, sheet_text(year="9" * 400))
    assert checked.stdout.splitlines()[0] == f"{path}:3:9: report.year（总结年度）: 应不大于 2100，而这里是 999999…（共 400 位）"
    assert rendered.exit_code == 1


@pytest.mark.parametrize("unit", ["35人", "１２个", "m2"])
def test_a_unit_holding_a_digit_is_an_error_with_a_hint(run, tmp_path: Path, unit: str) -> None:
    path, checked, rendered = validate_and_render(run, tmp_path, sheet_text(value="12.6", unit=unit))
    lines = checked.stdout.splitlines()
    assert lines[0].startswith(f"{path}:10:")
    assert lines[0].endswith(f"achievements[0].figures[0].unit（单位）: 单位“{unit}”里有数字：单位只写计量单位，数值写在 value 中")
    assert "    提示：例如 value: 35 和 unit: 人；“35人”会被读成单位，初稿里就成了“12.635人”" in lines
    assert rendered.exit_code == 1 and not (tmp_path / "d.docx").exists()


def test_units_with_chinese_numerals_and_symbols_stay_valid(run, tmp_path: Path) -> None:
    for unit in ("万元", "亿元", "㎡", "m²", "%"):
        path = write_sheet(tmp_path, sheet_text(unit=f'"{unit}"', value="12", previous="10"))
        result = run("validate", path)
        assert "check.unit-digit" not in result.output and "里有数字" not in result.output, unit
