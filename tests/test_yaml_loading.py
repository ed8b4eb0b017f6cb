"""Broken sheets of every kind: each is rejected fast, in Chinese, at the line where the problem starts.

Every case goes through the real CLI (`drafter validate`, and `render` for a few): exit code
1, a message naming the file, line and column, the offending line with a caret — and no
traceback (the runner does not catch exceptions, so one would fail the test).
"""
from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Union

import pytest
from click.testing import CliRunner

from drafter.cli import cli

GOOD_TAIL = "achievements:\n  - title: 党建统领作用进一步发挥\n    points: [开展学习]\n"


@pytest.fixture
def sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write `content` to facts.yaml in an empty folder (the cwd) and validate it."""
    monkeypatch.chdir(tmp_path)

    def check(content: Union[str, bytes], *extra: str):
        path = tmp_path / "facts.yaml"
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        started = time.perf_counter()
        result = CliRunner().invoke(cli, ["validate", "facts.yaml", *extra], catch_exceptions=False)
        check.seconds = time.perf_counter() - started
        return result

    return check


def first_line(result) -> str:
    return result.output.splitlines()[0]


# -- syntax errors: the place where the problem starts ---------------------------------------

def test_unclosed_quote_is_reported_at_the_opening_quote(sheet) -> None:
    result = sheet('report:\n  org: "青山区教育体育局\n  year: 2024\n  date: x\n')
    assert result.exit_code == 1
    assert result.output == (
        "facts.yaml:2:8: YAML 格式错误：这里开始的引号一直没有闭合\n"
        '     2 |   org: "青山区教育体育局\n'
        "       |        ^\n"
        "    提示：在这段文字的末尾补上同样的引号\n"
        "\n"
        "facts.yaml：未通过，1 个错误。\n"
    )


def test_a_quote_closed_lines_later_is_reported_at_its_opening_line(sheet) -> None:
    result = sheet('report:\n  org: "青山区\n  year: 2024\n  date: "2025-01-10"\n')
    assert first_line(result) == 'facts.yaml:2:8: YAML 格式错误：这里开始的引号（"）没有在本行闭合，一直延续到了第 4 行'


def test_single_quotes_too(sheet) -> None:
    assert first_line(sheet("report:\n  org: '青山区\n")) == "facts.yaml:2:8: YAML 格式错误：这里开始的引号一直没有闭合"


@pytest.mark.parametrize("text, expected", [
    ("report:\n  points: [一, 二\n  year: 2024\n", "facts.yaml:2:11: YAML 格式错误：这里的“[”没有配对的“]”"),
    ("a:\n  - { label: x, value: 3\n  - { label: y }\n", "facts.yaml:2:5: YAML 格式错误：这里的“{”没有配对的“}”"),
    ("a: [1, 2\n", "facts.yaml:1:4: YAML 格式错误：这里的“[”没有配对的“]”"),
    ("a: { label: x, value: 3 unit: 个 }\n", "facts.yaml:1:29: YAML 格式错误：“{ }”里的各项之间要用英文逗号“,”隔开"),
    ("a: [1, 2]]\n", "facts.yaml:1:10: YAML 格式错误：多了一个“]”，前面没有与它配对的括号"),
])
def test_brackets(sheet, text: str, expected: str) -> None:
    result = sheet(text)
    assert result.exit_code == 1
    assert first_line(result) == expected


def test_a_tab_in_the_indentation(sheet) -> None:
    result = sheet("report:\n\torg: 青山区\n")
    assert result.exit_code == 1
    assert result.output.splitlines()[:4] == [
        "facts.yaml:2:1: YAML 格式错误：这里有制表符（Tab）；YAML 只能用空格缩进和分隔",
        "     2 |     org: 青山区",
        "       | ^",
        "    提示：把 Tab 换成空格（每一级缩进两个空格）；可在编辑器中打开“显示空白字符”查看",
    ]


@pytest.mark.parametrize("text, expected", [
    # an over-indented key under a value: the over-indented line, not the line PyYAML names
    ("report:\n  org: 青山区\n    year: 2024\n",
     "facts.yaml:3:5: YAML 格式错误：这一行缩进多了：上面第 2 行的字段已经写了值，它下面不能再有下一级字段"),
    ("report:\n  org: 青山区\n year: 2024\n",
     "facts.yaml:3:2: YAML 格式错误：缩进对不齐：这一行缩进了 1 个空格，上一行缩进了 2 个空格"),
    ("a:\n  - x\n  b: 1\n", "facts.yaml:3:3: YAML 格式错误：这一行与上一行的列表项“- ”对齐了，它自己却不是列表项"),
    ("a:\n  - x\n - y\n", "facts.yaml:3:2: YAML 格式错误：缩进对不齐：这一行缩进了 1 个空格，上一行缩进了 2 个空格"),
])
def test_bad_indentation(sheet, text: str, expected: str) -> None:
    assert first_line(sheet(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the most common slip of a Chinese keyboard: PyYAML stops a line later
    ("report:\n  org：青山区\n  year: 2024\n",
     "facts.yaml:2:6: YAML 格式错误：字段名后面用了中文冒号“：”；应是英文冒号加一个空格“: ”"),
    ("report:\n  org:青山区\n  year: 2024\n",
     "facts.yaml:2:6: YAML 格式错误：冒号后面缺少空格；字段名后应写英文冒号加一个空格“: ”"),
    ("report:\n  org 青山区\n  year: 2024\n",
     "facts.yaml:2:3: YAML 格式错误：这一行缺少冒号：字段名后面应写英文冒号加一个空格“: ”，再写值"),
    ("report:\n  org: a\n  year 2024\n",
     "facts.yaml:3:3: YAML 格式错误：这一行缺少冒号：字段名后面应写英文冒号加一个空格“: ”"),
    ("report:\n\u3000\u3000org: 青山区\n", "facts.yaml:2:1: 这一行用了全角空格（　）缩进；YAML 只能用半角空格缩进"),
    ("a: 说明: 内容\n", "facts.yaml:1:6: YAML 格式错误：值里面不能直接出现“: ”（冒号加空格）"),
    ('a: "x" y\n', "facts.yaml:1:8: YAML 格式错误：引号结束后不能再接文字"),
    ("a: - x\n", "facts.yaml:1:4: YAML 格式错误：列表项“- ”不能和字段名写在同一行"),
    ("a: *重点工作\n", "facts.yaml:1:4: YAML 格式错误：“*”和“&”在 YAML 中有特殊含义（别名和锚点），不能作为值的开头"),
    ("a: @x\n", "facts.yaml:1:4: YAML 格式错误：值不能以“@”开头"),
    ('a: "C:\\data"\n', "facts.yaml:1:8: YAML 格式错误：双引号里的反斜杠“\\”后面不是有效的转义字符"),
    ("a: |x\n  b\n", "facts.yaml:1:5: YAML 格式错误：“|”或“>”后面只能写“-”“+”或数字，正文要从下一行开始"),
    (": x\n", "facts.yaml:1:1: YAML 格式错误：冒号前面缺少字段名"),
])
def test_typing_slips(sheet, text: str, expected: str) -> None:
    result = sheet(text)
    assert result.exit_code == 1
    assert first_line(result) == expected


def test_duplicate_keys_are_errors_at_the_second_key_and_validation_goes_on(sheet) -> None:
    result = sheet("report:\n  org: 甲单位\n  year: 2024\n  org: 乙单位\n  date: \"2025-01-10\"\n" + GOOD_TAIL)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "facts.yaml:4:3: report.org（单位全称）: 字段“org”重复出现（第 2 行已有同名字段），以先出现的为准"
    assert lines[1:3] == ["     4 |   org: 乙单位", "       |   ^"]
    assert "warning" not in result.output and "Traceback" not in result.output
    assert lines[-1] == "facts.yaml：未通过，1 个错误，4 个警告。"


def test_several_documents(sheet) -> None:
    result = sheet("report: 1\n---\nb: 2\n")
    assert first_line(result) == "facts.yaml:2:1: 文件里有不止一份 YAML 文档（这里的“---”开始了第二份）；事实表只能有一份"


# -- not a mapping ---------------------------------------------------------------------------

@pytest.mark.parametrize("content, expected", [
    ("", "facts.yaml:1:1: 文件是空的，没有任何内容"),
    ("\n\n   \n", "facts.yaml:1:1: 文件是空的，没有任何内容"),
    ("# 只有注释\n# 第二行\n", "facts.yaml:1:1: 文件里只有注释，没有内容"),
    ("---\n", "facts.yaml:1:1: 文件里没有任何字段，只有一个空值"),
    ("# 注释\n~\n", "facts.yaml:1:1: 文件里没有任何字段，只有一个空值"),
    ("- 一\n- 二\n", "facts.yaml:1:1: 事实表的最外层应是“字段: 值”的映射（report:、achievements: …），而这里是一个列表"),
    ("\n\n就一句话\n", "facts.yaml:3:1: 事实表的最外层应是“字段: 值”的映射（report:、achievements: …），而这里是一个单独的值“就一句话”"),
    ("2024\n", "facts.yaml:1:1: 事实表的最外层应是“字段: 值”的映射（report:、achievements: …），而这里是一个单独的值“2024”"),
])
def test_empty_and_non_mapping_documents(sheet, content: str, expected: str) -> None:
    result = sheet(content)
    assert result.exit_code == 1
    assert first_line(result) == expected
    assert "提示：可以复制 samples/edu-bureau-2024.yaml 修改" in result.output


# -- encodings ---------------------------------------------------------------------------------

VALID = ("report:\n  org: 青山区教育体育局\n  year: 2024\n  leadership: 区委、区政府\n  date: \"2025-01-10\"\n"
         "achievements:\n  - title: 党建统领作用进一步发挥\n    points: [开展学习]\n"
         "  - title: 教师队伍素质进一步提高\n    points: [补充教师]\n"
         "  - title: 办学条件进一步改善\n    points: [改造校舍]\n"
         "problems:\n  - title: 学位紧张\n    detail: 班额偏大。\n"
         "plans:\n  items:\n    - title: 聚焦学位供给\n      points: [新建学校]\n")


def test_a_gbk_file_from_a_windows_editor_is_read_with_a_warning(sheet) -> None:
    result = sheet(VALID.encode("gbk"))
    assert result.exit_code == 0
    assert result.output == (
        "facts.yaml:1:1: 警告：文件是 GBK（GB18030）编码，已按此编码读取；建议用记事本“另存为”UTF-8 编码\n"
        "\n"
        "facts.yaml：通过，有 1 个警告。\n"
    )
    assert sheet(VALID.encode("gbk"), "--strict").exit_code == 1


def test_gb18030_characters_outside_gbk(sheet) -> None:
    result = sheet(VALID.replace("青山区", "䶮山区").encode("gb18030"))
    assert result.exit_code == 0
    assert "GBK（GB18030）" in result.output


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_unicode_files_with_a_byte_order_mark(sheet, encoding: str) -> None:
    result = sheet(VALID.encode(encoding))
    assert (result.exit_code, result.output) == (0, "facts.yaml：通过，没有发现问题。\n")


def test_utf8_with_stray_gbk_bytes_is_rejected_at_the_bad_byte(sheet) -> None:
    content = VALID.encode("utf-8").replace("改造校舍".encode(), "改造校舍".encode("gbk"))
    result = sheet(content)
    assert result.exit_code == 1
    assert first_line(result) == ("facts.yaml:12:14: 文件是 UTF-8 编码，但这里有无法识别的字节"
                                  "（可能混入了其他编码的文字，或文件已损坏）")
    assert "提示：在编辑器中重新输入这一处的文字，以 UTF-8 编码保存后再试" in result.output


def test_an_unknown_encoding_is_rejected_with_advice(sheet) -> None:
    result = sheet(b"report:\n  org: \x81\x20\xff\xfe\x80\n")
    assert result.exit_code == 1
    assert first_line(result) == "facts.yaml:2:8: 无法识别文件的编码：既不是 UTF-8，也不是 GBK/GB18030"
    assert "编码选 UTF-8" in result.output


def test_a_control_character(sheet) -> None:
    result = sheet("report:\n  org: 青山\x07区\n")
    assert result.output.splitlines()[:3] == [
        "facts.yaml:2:10: 这里有一个不可见的控制字符（U+0007），YAML 文件里不允许出现",
        "     2 |   org: 青山?区",
        "       |            ^",
    ]


# -- hostile and absurd input: fast, clean, at a line -----------------------------------------

def test_an_alias_bomb_is_refused_in_well_under_a_second(sheet) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        prev, cur = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [{','.join(['*' + prev] * 9)}]")
    result = sheet("\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert first_line(result).startswith("facts.yaml:6:8: 内容展开后超过 100000 项")
    assert "别名炸弹" in first_line(result)
    assert sheet.seconds < 1


def test_an_alias_that_contains_itself(sheet) -> None:
    assert first_line(sheet("a: &a [1, *a]\n")) == "facts.yaml:1:11: 别名“*a”引用了包含它自己的内容（循环引用）"


def test_a_60_mb_file_is_refused_without_reading_it(sheet) -> None:
    content = b"report:\n  org: " + b"x" * (60 * 1024 * 1024) + b"\n"
    result = sheet(content)
    assert result.exit_code == 1
    assert first_line(result) == ("facts.yaml:1:1: 文件太大（60.0 MB），不像是事实表：事实表一般只有几 KB 到几十 KB，"
                                  "上限为 1 MB")
    assert sheet.seconds < 2


@pytest.mark.parametrize("seed", range(5))
def test_binary_junk(sheet, seed: int) -> None:
    junk = random.Random(seed).randbytes(20_000)
    result = sheet(junk)
    assert result.exit_code == 1
    assert first_line(result).startswith("facts.yaml:")
    assert any(word in first_line(result) for word in ("二进制", "编码", "控制字符"))
    assert sheet.seconds < 2


@pytest.mark.parametrize("signature, kind", [
    (b"PK\x03\x04", "Word、Excel 文档或 ZIP 压缩包（.docx/.xlsx/.zip）"),
    (b"%PDF-1.7", "PDF 文件"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Word 或 Excel 文档（.doc/.xls/.wps）"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
])
def test_documents_picked_by_mistake_are_named(sheet, signature: bytes, kind: str) -> None:
    result = sheet(signature + bytes(range(256)))
    assert first_line(result) == f"facts.yaml:1:1: 这不是 YAML 文本文件，而是{kind}"


def test_deep_nesting_is_refused_fast(sheet) -> None:
    result = sheet("a: " + "[" * 200_000 + "\n")
    assert first_line(result) == "facts.yaml:1:35: 嵌套层次太深（超过 32 层），不像是事实表"
    assert sheet.seconds < 2


@pytest.mark.parametrize("text, expected", [
    ("a: !!python/object:os.system x\n", "facts.yaml:1:4: 不支持 YAML 标签“!!python/object:os.system”"),
    ("a: !!binary aGVsbG8=\n", "facts.yaml:1:4: 不支持 YAML 标签“!!binary”"),
    ("a: !!bool maybe\n", "facts.yaml:1:4: “maybe”不是有效的是/否（布尔值）"),
    ("? [a, b]\n: c\n", "facts.yaml:1:3: 字段名应是一个词，这里却是一个列表或映射"),
])
def test_only_plain_data(sheet, text: str, expected: str) -> None:
    assert first_line(sheet(text)) == expected


def test_a_missing_file_a_folder_and_an_unreadable_file(sheet, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["validate", "nope.yaml"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (1, "nope.yaml: 找不到文件\n\nnope.yaml：未通过，1 个错误。\n")
    (tmp_path / "folder.yaml").mkdir()
    result = runner.invoke(cli, ["validate", "folder.yaml"], catch_exceptions=False)
    assert first_line(result) == "folder.yaml: 这是一个文件夹，里面没有事实表（.yaml 文件）"


def test_render_stops_at_a_broken_sheet_with_the_same_message(sheet, tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text('report:\n  org: "青山区\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", "facts.yaml", "-o", "d.docx"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == (
        "错误：facts.yaml:2:8: YAML 格式错误：这里开始的引号一直没有闭合\n"
        '     2 |   org: "青山区\n'
        "       |        ^\n"
        "提示：在这段文字的末尾补上同样的引号\n"
    )
    assert not (tmp_path / "d.docx").exists()


def test_dates_stay_strings_and_merge_keys_work(tmp_path: Path) -> None:
    from drafter.facts.yamlload import load_yaml_file

    path = tmp_path / "x.yaml"
    path.write_text("d: 2025-01-10\nbase: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n", encoding="utf-8")
    loaded = load_yaml_file(path)
    assert loaded.data == {"d": "2025-01-10", "base": {"x": 1, "y": 2}, "c": {"x": 1, "y": 3}}
    assert (loaded.marks[("c", "y")].line, loaded.key_marks[("c", "y")].column) == (5, 3)
