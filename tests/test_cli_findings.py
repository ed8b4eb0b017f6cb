"""Smaller CLI findings of issue 10: choices listed once, every skipped file explained, a progress
bar that counts files, and `learn` on a terminal that does not scroll YAML past the user."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_sheet, MINIMAL_SHEET

REPORT = """\
青山区教育体育局{n}年工作总结
一年来，在区委、区政府的坚强领导下，我局各项工作取得了新成效。
一、主要工作
（一）以党建为引领，党建统领作用进一步发挥。深入开展主题教育。
二、下一步工作打算
聚焦学位供给，新建学校三所。
"""


def test_a_bad_choice_lists_the_options_once(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET)
    result = run("validate", sheet, "-f", "xml")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "错误：'-f' / '--format' 的值无效：'xml' 不是可选值之一（'text', 'json'）。"


def test_learn_says_why_each_file_was_skipped_when_all_were(run, tmp_path: Path) -> None:
    (tmp_path / "空.txt").write_bytes(b"")
    (tmp_path / "图.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    result = run("learn", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "错误：没有可以学习的报告：所有文件都无法读取或没有正文",
        "跳过的文件：",
        f"  {tmp_path / '图.png'}：不是报告文件（只读取 .txt、.md、.docx）",
        f"  {tmp_path / '旧.doc'}：不支持旧版 Word（.doc）文件",
        f"  {tmp_path / '空.txt'}：文件是空的",
        "提示：请给出 .txt、.md 或 .docx 格式的工作总结",
    ]


def test_the_progress_bar_counts_each_file_once_per_pass(tmp_path: Path) -> None:
    from drafter.cli.learn_cmd import _Bar

    files = [tmp_path / f"{n}.txt" for n in range(20)]
    bar = _Bar()
    bar.start(2 * len(files))  # what learn announces: every file is read twice
    seen = []
    for path in files + files:
        bar.advance(path)
        seen.append((bar.bar.label, bar.bar.length, bar.bar.pos))
    bar.finish()
    assert seen[0] == ("第一遍：识别结构", 20, 1) and seen[19] == ("第一遍：识别结构", 20, 20)
    assert seen[20] == ("第二遍：学习表述", 20, 1) and seen[-1] == ("第二遍：学习表述", 20, 20)


def test_learn_on_a_terminal_without_output_does_not_print_yaml(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("drafter.cli.learn_cmd._stdout_is_terminal", lambda: True)
    (tmp_path / "a.txt").write_text(REPORT.format(n=2024), encoding="utf-8")
    result = run("learn", tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("学习完成：共 1 个文件，学到 1 份报告，跳过 0 个。")
    assert result.stdout.endswith("\n提纲没有保存。要保存，请加上 -o 和文件名，例如：drafter learn … -o 我的提纲.yaml\n")
    assert "parts:" not in result.output
