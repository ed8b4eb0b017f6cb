"""The input limits of `drafter.limits`, through the real CLI: special files, sizes, walks, bombs.

Every special file and every bomb is made by the test in tmp_path (nothing hostile is stored).
The runner does not catch exceptions, so a traceback fails the test; a limit that did not hold
would hang or exhaust memory instead of answering, which fails the run as well.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import MINIMAL_SHEET, write_sheet
from drafter import limits
from drafter.corpus.readers import markdown_lines

REPORT = """\
青山区教育体育局2024年工作总结

一年来，在区委、区政府的坚强领导下，我局各项工作取得了新成效。现将有关情况汇报如下：
一、主要工作
（一）以党建为引领，党建统领作用进一步发挥。深入开展主题教育。
二、存在的问题和不足
学位供给仍然紧张。
三、下一步工作打算
聚焦学位供给，新建学校三所。
"""

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def report_file(folder: Path, name: str = "2024年总结.txt") -> Path:
    path = folder / name
    path.write_text(REPORT, encoding="utf-8")
    return path


def error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "内部错误" not in result.output
    return result.stderr.splitlines()[0]


# -- what a file may be ------------------------------------------------------------------------
@needs_fifo
def test_a_fifo_is_refused_by_name_as_report_sheet_outline_and_previous(run, tmp_path: Path, monkeypatch) -> None:
    pipe = fifo(tmp_path / "管道.txt")
    assert error_line(run("analyze", pipe)) == \
        f"错误：{pipe}: 这不是普通文件，而是命名管道（FIFO）；drafter 只读取普通文件"
    sheet_pipe = fifo(tmp_path / "facts.yaml")
    result = run("validate", sheet_pipe)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{sheet_pipe}: 这不是普通文件，而是命名管道（FIFO）；drafter 只读取普通文件")
    report = report_file(tmp_path)
    outline_pipe = fifo(tmp_path / "提纲.yaml")
    assert error_line(run("analyze", report, "--outline", outline_pipe)) == \
        f"错误：{outline_pipe}: 这不是普通文件，而是命名管道（FIFO）；drafter 只读取普通文件"
    good = write_sheet(tmp_path, MINIMAL_SHEET, "good.yaml")
    result = run("render", good, "--outline", outline_pipe, "-o", tmp_path / "d.docx")
    assert error_line(result).endswith("这不是普通文件，而是命名管道（FIFO）；drafter 只读取普通文件")
    assert not (tmp_path / "d.docx").exists()
    monkeypatch.setenv("DRAFTER_INTERACTIVE", "1")
    result = run("new", tmp_path / "2025.yaml", "--from", sheet_pipe, input="\n" * 5)
    assert result.exit_code == 1
    assert "命名管道（FIFO）" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_dev_zero_is_refused_without_reading(run, tmp_path: Path) -> None:
    link = tmp_path / "报告.txt"
    link.symlink_to("/dev/zero")
    assert error_line(run("analyze", link)) == f"错误：{link}: 这不是普通文件，而是字符设备；drafter 只读取普通文件"
    sheet = tmp_path / "facts.yaml"
    sheet.symlink_to("/dev/zero")
    result = run("validate", sheet)
    assert result.exit_code == 1 and "字符设备" in result.stdout


def test_read_bounded_never_reads_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * (limits.FACT_SHEET.max_bytes + 10))
    with pytest.raises(limits.LimitError) as caught:
        limits.read_bounded(path, limits.FACT_SHEET)
    assert caught.value.code == "file.too-large"
    assert str(caught.value).startswith(f"{path}:1:1: 文件太大（1.0 MB），不像是事实表")


def test_a_one_line_text_report_over_the_limit_is_refused_by_size(run, tmp_path: Path) -> None:
    big = tmp_path / "一行.txt"
    big.write_bytes("工作".encode("utf-8") * (limits.REPORT_TEXT.max_bytes // 6 + 1000))
    assert error_line(run("analyze", big)) == (
        f"错误：{big}:1:1: 文件太大（5.0 MB），不像是报告文件：一份工作总结的文本一般只有几十 KB，上限为 5 MB")


# -- folder walks ------------------------------------------------------------------------------
def test_learn_walks_through_symlink_loops_once_and_sets_special_files_aside(run, tmp_path: Path) -> None:
    archive = tmp_path / "存档"
    (archive / "2023").mkdir(parents=True)
    report_file(archive / "2023")
    (archive / "2023" / "回到上级").symlink_to(archive, target_is_directory=True)
    (archive / "自己").symlink_to(archive, target_is_directory=True)
    if hasattr(os, "mkfifo"):
        fifo(archive / "管道.txt")
    if os.path.exists("/dev/zero"):
        (archive / "零.txt").symlink_to("/dev/zero")
    out = tmp_path / "提纲.yaml"
    result = run("learn", archive, "-o", out)
    assert result.exit_code == 0, result.output
    assert "学到 1 份报告" in result.stdout
    assert f"  {archive / '自己'}：文件夹已经读过（符号链接指回了它），不再重复读取" in result.stdout
    assert f"  {archive / '2023' / '回到上级'}：文件夹已经读过（符号链接指回了它），不再重复读取" in result.stdout
    if hasattr(os, "mkfifo"):
        assert f"  {archive / '管道.txt'}：不是普通文件（命名管道（FIFO）），不读取" in result.stdout
    if os.path.exists("/dev/zero"):
        assert f"  {archive / '零.txt'}：不是普通文件（字符设备），不读取" in result.stdout


def test_a_walk_deeper_than_the_limit_is_refused(run, tmp_path: Path) -> None:
    deep = tmp_path / "深"
    folder = deep
    for level in range(limits.MAX_WALK_DEPTH + 1):
        folder = folder / f"{level}"
    folder.mkdir(parents=True)
    report_file(folder)
    result = run("learn", deep, "-o", tmp_path / "o.yaml")
    assert error_line(result).endswith(f"文件夹嵌套超过 {limits.MAX_WALK_DEPTH} 层，不像是报告的存档")


def test_a_walk_over_too_many_entries_is_refused(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("drafter.corpus.files.MAX_WALK_ENTRIES", 5)
    (tmp_path / "多").mkdir()
    for i in range(6):
        report_file(tmp_path / "多", f"{i}.txt")
    assert error_line(run("learn", tmp_path / "多", "-o", tmp_path / "o.yaml")) == \
        f"错误：{tmp_path / '多'}: 文件夹中的文件超过 5 个，不像是报告的存档"


# -- .docx expansion ---------------------------------------------------------------------------
def _docx_with_document_xml(path: Path, payload_bytes: int) -> Path:
    """A real .docx whose word/document.xml is padded with `payload_bytes` of whitespace: a bomb."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, data)
                continue
            with dst.open("word/document.xml", "w", force_zip64=True) as out:
                head, tail = data.split(b"<w:body>", 1)
                out.write(head + b"<w:body>")
                chunk = b" " * (1024 * 1024)
                for _ in range(payload_bytes // len(chunk)):
                    out.write(chunk)
                out.write(tail)
    return path


def test_a_zip_bomb_docx_is_refused_before_parsing(run, tmp_path: Path) -> None:
    bomb = _docx_with_document_xml(tmp_path / "炸弹.docx", 4 * 1024 * 1024)  # 4 MB of spaces in a few KB
    assert bomb.stat().st_size < 100_000
    line = error_line(run("analyze", bomb))
    assert line.startswith(f"错误：{bomb}: 这个 .docx 解压后过大：部件 word/document.xml 的压缩比超过 200 倍")
    assert line.endswith("不像是正常的 Word 文档（可能是恶意构造的“压缩炸弹”）")


def test_a_docx_part_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    bomb = _docx_with_document_xml(tmp_path / "大.docx", limits.DOCX_MAX_PART_BYTES + 1024 * 1024)
    with pytest.raises(limits.LimitError) as caught:
        limits.check_input_file(bomb, limits.REFERENCE_DOCX)  # what --reference-docx calls first
    assert "部件 word/document.xml 解压后" in str(caught.value) and "超过上限 32 MB" in str(caught.value)


def test_a_docx_of_too_many_paragraphs_is_refused(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("drafter.corpus.readers.DOCX_MAX_PARAGRAPHS", 50)
    document = docx.Document()
    for i in range(51):
        document.add_paragraph(f"第{i}段")
    path = tmp_path / "多.docx"
    document.save(str(path))
    assert error_line(run("analyze", path)) == f"错误：{path}: 段落超过 50 个，不像是一份工作总结"


def test_learn_sets_a_zip_bomb_aside_with_its_reason(run, tmp_path: Path) -> None:
    archive = tmp_path / "存档"
    archive.mkdir()
    report_file(archive)
    _docx_with_document_xml(archive / "炸弹.docx", 4 * 1024 * 1024)
    result = run("learn", archive, "-o", tmp_path / "o.yaml")
    assert result.exit_code == 0, result.output
    assert f"  {archive / '炸弹.docx'}：这个 .docx 解压后过大" in result.stdout


def test_a_docx_of_many_paragraphs_keeps_heading_styles(run, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("青山区教育体育局2024年工作总结")
    document.add_paragraph("一年来，在区委、区政府的坚强领导下，各项工作取得了新成效。")
    document.add_paragraph("一、主要工作", style="Heading 1")
    for i in range(300):
        document.add_paragraph(f"深入开展第{i}项工作，取得明显成效。")
    document.add_paragraph("二、下一步工作打算", style="Heading 1")
    document.add_paragraph("聚焦学位供给。")
    path = tmp_path / "长.docx"
    document.save(str(path))
    result = run("analyze", path)
    assert result.exit_code == 0, result.output
    assert "  [主要工作] 一、主要工作  （第 3 段）" in result.stdout
    assert "  [工作打算] 二、下一步工作打算  （第 304 段）" in result.stdout


# -- YAML expansion ----------------------------------------------------------------------------
def test_an_alias_bomb_in_an_outline_file_is_refused(run, tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    bomb = tmp_path / "提纲.yaml"
    bomb.write_text("\n".join(lines) + "\nparts: []\n", encoding="utf-8")
    line = error_line(run("analyze", report_file(tmp_path), "--outline", bomb))
    assert re.fullmatch(rf"错误：{re.escape(str(bomb))}:\d+:\d+: 内容展开后超过 500000 项，远超提纲文件的正常规模（可能是恶意构造的“别名炸弹”）",
                        line), line


def test_aliases_of_one_long_string_are_bounded_by_size(run, tmp_path: Path) -> None:
    long = "很长的文字" * 40_000  # 200,000 characters, 600 KB: under the file limit
    sheet = write_sheet(tmp_path, MINIMAL_SHEET + f"others:\n  - title: &t \"{long}\"\n    points: [{', '.join(['*t'] * 12)}]\n")
    result = run("validate", sheet)
    assert result.exit_code == 1
    assert re.match(rf"{re.escape(str(sheet))}:\d+:\d+: 内容展开后超过 2097152 个字符，远超事实表的正常规模", result.stdout)
    outline = tmp_path / "提纲.yaml"
    outline.write_text(f"x: &t \"{long}\"\nparts: [{', '.join(['*t'] * 100)}]\n", encoding="utf-8")
    line = error_line(run("analyze", report_file(tmp_path), "--outline", outline))
    assert "内容展开后超过 16777216 个字符，远超提纲文件的正常规模" in line


def test_an_outline_file_with_a_syntax_error_names_its_place(run, tmp_path: Path) -> None:
    outline = tmp_path / "提纲.yaml"
    outline.write_text('version: 1\nparts: [\n  {key: "overview}\n', encoding="utf-8")
    line = error_line(run("analyze", report_file(tmp_path), "--outline", outline))
    assert line.startswith(f"错误：{outline}:3:") and "提纲文件不是合法的 YAML" in line


# -- linear Markdown -----------------------------------------------------------------------------
def test_a_line_of_a_million_brackets_is_read(run, tmp_path: Path) -> None:
    path = tmp_path / "报告.md"
    path.write_text(REPORT + "[" * 1_000_000 + "\n" + "**a " * 100_000 + "\n" + " " * 100_000 + "#\n", encoding="utf-8")
    result = run("analyze", path)
    assert result.exit_code == 0, result.output
    assert "  [主要工作] 一、主要工作  （第 4 行）" in result.stdout


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


@pytest.mark.parametrize("line, expected", [
    ("见[通知](http://a.cn/1)和![图](p.png)。", "见通知和。"),
    ("[a![x](y)](z)", "a"),
    ("**重点**与__要点__，** 不是 **", "重点与要点，** 不是 **"),
    ("[][x](y)", "[]x"),
    ("## 标题 ##", "标题"),
])
def test_markdown_markup_is_removed_as_before(line: str, expected: str) -> None:
    assert markdown_lines([line]) == [(1, expected)]
    if not line.startswith("#"):  # the patterns the scans replaced give the same text
        assert _STRONG.sub(r"\2", _LINK.sub(r"\1", _IMAGE.sub("", line))) == expected


@needs_fifo
def test_a_fifo_swapped_in_after_the_check_is_refused_without_blocking(tmp_path: Path, monkeypatch) -> None:
    pipe = fifo(tmp_path / "换成管道.txt")
    monkeypatch.setattr(limits, "check_regular", lambda path, kind: None)  # as if it was a file when checked
    with pytest.raises(limits.LimitError) as caught:
        limits.read_bounded(pipe, limits.REPORT_TEXT)  # O_NONBLOCK: the open returns, fstat says FIFO
    assert caught.value.message == "这不是普通文件，而是命名管道（FIFO）；drafter 只读取普通文件"
