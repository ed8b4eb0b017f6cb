"""The output path: never an input, never anything but a regular file, exclusive, nothing left behind."""
from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

import pytest

import drafter.writers.docx_writer as writer
from conftest import EDU_SAMPLE, MINIMAL_SHEET, write_sheet

posix_only = pytest.mark.skipif(os.name != "posix", reason="special files and signals as on POSIX")


def test_output_equal_to_the_fact_sheet_is_refused_even_with_force(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET)
    before = sheet.read_bytes()
    for out in (sheet, tmp_path / "sub" / ".." / "facts.yaml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        result = run("render", sheet, "-o", out, "--force", "-f", "txt")
        assert result.exit_code == 1
        assert result.stderr.startswith(f"错误：{out}: 输出文件就是输入文件 {sheet}，写出会毁掉它，加 --force 也不会覆盖\n")
    os.link(sheet, tmp_path / "same.txt")  # another name for the same file
    result = run("render", sheet, "-o", tmp_path / "same.txt", "--force")
    assert result.exit_code == 1 and "输出文件就是输入文件" in result.stderr
    assert sheet.read_bytes() == before


def test_output_equal_to_a_template_outline_or_reference_is_refused(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET)
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "overview.j2").write_text("一年来。\n", encoding="utf-8")
    outline = tmp_path / "outline.yaml"
    outline.write_text("x", encoding="utf-8")
    for args, given in ((["--outline", outline], outline), (["--reference-docx", tmp_path / "r.docx"], tmp_path / "r.docx")):
        given.write_bytes(given.read_bytes() if given.exists() else b"x")
        result = run("render", sheet, "-o", given, "--force", *args)
        assert result.exit_code == 1 and f"输出文件就是输入文件 {given}" in result.stderr
    template = templates / "overview.j2"
    result = run("render", sheet, "-o", template, "-f", "txt", "--force", "--templates", templates)
    assert result.exit_code == 1 and f"输出文件就是输入文件 {template}" in result.stderr
    assert template.read_text(encoding="utf-8") == "一年来。\n"


def test_format_contradicting_the_suffix_is_refused_with_a_hint(run, tmp_path: Path) -> None:
    out = tmp_path / "初稿.md"
    result = run("render", EDU_SAMPLE, "-o", out, "-f", "docx")
    assert result.exit_code == 1
    assert result.stderr == (f"错误：{out}: 输出文件的扩展名 .md 表示 md 格式，与 -f docx 矛盾\n"
                             "提示：改用 -o 初稿.docx，或去掉 -f 按扩展名输出\n")
    assert not out.exists()


def test_dash_writes_text_to_stdout_and_refuses_docx(run, tmp_path: Path) -> None:
    result = run("render", EDU_SAMPLE, "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# 青山区教育体育局2024年工作总结及2025年工作打算\n")
    assert "已生成" not in result.stdout and "没有【待补充】的内容。" in result.stderr
    txt = run("render", EDU_SAMPLE, "-o", "-", "-f", "txt")
    assert txt.stdout.startswith("青山区教育体育局") and "\u3000\u3000过去一年，在区委" in txt.stdout
    refused = run("render", EDU_SAMPLE, "-o", "-", "-f", "docx")
    assert refused.exit_code == 1
    assert refused.stderr == ("错误：Word 文档（docx）不能输出到屏幕（-o -）\n"
                              "提示：用 -f md 或 -f txt 输出文本，或用 -o 给出 .docx 文件名\n")


@posix_only
def test_only_regular_files_are_replaced_even_with_force(run, tmp_path: Path) -> None:
    fifo = tmp_path / "out.docx"
    os.mkfifo(fifo)
    result = run("render", EDU_SAMPLE, "-o", fifo, "--force")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{fifo}: 输出路径不是普通文件，而是命名管道（FIFO）；drafter 只会替换普通文件，加 --force 也不会\n")
    assert fifo.is_fifo()
    link = tmp_path / "null.docx"
    link.symlink_to("/dev/null")
    result = run("render", EDU_SAMPLE, "-o", link, "--force")
    assert result.exit_code == 1 and "而是字符设备" in result.stderr
    assert link.is_symlink()
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    assert run("render", EDU_SAMPLE, "-o", folder, "--force").exit_code in (1, 2)
    assert folder.is_dir()


@posix_only
def test_a_symlink_to_a_regular_file_is_followed_and_kept(run, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run("render", EDU_SAMPLE, "-o", link, "--force").exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")


def _competitor_appears(out: Path, monkeypatch) -> None:
    """Another render creates `out` while ours is writing its temporary file."""
    original = writer.DocxWriter.write

    def write(self, draft, stream):
        original(self, draft, stream)
        out.write_bytes(b"the other render")

    monkeypatch.setattr(writer.DocxWriter, "write", write)


def test_a_new_output_is_created_exclusively(run, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "d.docx"
    _competitor_appears(out, monkeypatch)
    result = run("render", EDU_SAMPLE, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{out}: 输出文件已存在，为免覆盖未写入\n")
    assert out.read_bytes() == b"the other render"
    assert [p.name for p in tmp_path.iterdir()] == ["d.docx"]


def test_without_hard_links_the_name_is_still_taken_exclusively(run, tmp_path: Path, monkeypatch) -> None:
    def no_links(src, dst, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out).exit_code == 0
    assert out.read_bytes()[:2] == b"PK" and [p.name for p in tmp_path.iterdir()] == ["d.docx"]
    other = tmp_path / "e.docx"
    _competitor_appears(other, monkeypatch)
    result = run("render", EDU_SAMPLE, "-o", other)
    assert result.exit_code == 1 and "输出文件已存在" in result.stderr
    assert other.read_bytes() == b"the other render"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.docx", "e.docx"]


@posix_only
@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130)])
def test_a_signal_mid_write_leaves_no_temporary_file(run, tmp_path: Path, monkeypatch, signum, code) -> None:
    def interrupted(self, draft, stream):
        stream.write(b"half a document")
        os.kill(os.getpid(), signum)

    monkeypatch.setattr(writer.DocxWriter, "write", interrupted)
    # A shell starts background jobs with SIGINT ignored; Ctrl-C at a terminal raises KeyboardInterrupt.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert result.exit_code == code
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is not None  # the handler was put back


def test_a_full_disk_while_syncing_is_one_message_and_nothing_left(run, tmp_path: Path, monkeypatch) -> None:
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.txt")
    assert result.exit_code == 1
    assert result.stderr == (f"错误：{tmp_path / 'd.txt'}: 磁盘空间不足，初稿未写入（没有留下不完整的文件）\n"
                             "提示：清理磁盘空间，或用 -o 写到另一个磁盘\n")
    assert list(tmp_path.iterdir()) == []


CHILD = """
import sys, time
import drafter.writers.docx_writer as writer
def slow(self, draft, stream):
    stream.write(b"half a document")
    stream.flush()
    time.sleep(30)
writer.DocxWriter.write = slow
from drafter.cli import cli
cli(sys.argv[1:], prog_name="drafter")
"""


@posix_only
def test_sigterm_from_another_process_mid_write_leaves_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    out = tmp_path / "d.docx"
    child = subprocess.Popen([sys.executable, "-c", CHILD, "render", str(EDU_SAMPLE), "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while not list(tmp_path.glob(".d.docx.*.tmp")):
            assert time.monotonic() < deadline and child.poll() is None, "the render never started writing"
            time.sleep(0.05)
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=20) == 128 + signal.SIGTERM
    finally:
        if child.poll() is None:
            child.kill()
        child.stderr.close()
    assert list(tmp_path.iterdir()) == []
