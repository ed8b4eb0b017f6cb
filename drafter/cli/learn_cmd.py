"""`drafter learn` and `drafter analyze`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional, Tuple

import click

from .base import command

MIN_FILES_FOR_BAR = 20  # below this, a bar only flickers (unless stderr is a terminal)

_FILE = click.Path(path_type=Path, dir_okay=False)


class _Bar:
    """`learn`'s progress on stderr: one click progress bar per pass, each counting files.

    `learn` reads every report twice (structure, then phrasing) and reports a step for each
    read, so the steps are split into two bars of one count per file rather than one bar that
    shows twice as many steps as there are files.
    """

    LABELS = ("第一遍：识别结构", "第二遍：学习表述")

    def __init__(self) -> None:
        self.bar = None
        self.files = 0
        self.steps = 0

    def start(self, total: int) -> None:
        self.files, self.steps = (total + 1) // 2, 0
        if self.files and (sys.stderr.isatty() or self.files >= MIN_FILES_FOR_BAR):
            self._open(0)

    def _open(self, number: int) -> None:
        self.bar = click.progressbar(length=self.files, label=self.LABELS[number], file=sys.stderr, show_pos=True,
                                     item_show_func=lambda p: p.name if p else "")
        self.bar.__enter__()

    def advance(self, path: Path) -> None:
        self.steps += 1
        if self.bar is None:
            return
        if self.steps == self.files + 1:  # the first pass is done
            self.bar.__exit__(None, None, None)
            self._open(1)
        self.bar.update(1, path)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@command("learn")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[报告或文件夹]...")
@click.option("-o", "--output", "out", type=_FILE, default=None,
              help="把学到的提纲写入此文件（YAML）；不给出时，输出被重定向（> 文件、管道）才打印 YAML，在命令行窗口中只显示统计。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它。")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="个数",
              help="同时处理报告的进程数，默认为本机的处理器核数；结果与 --jobs 1 完全相同。报告很多时更快。")
def learn_command(paths: Tuple[Path, ...], out: Optional[Path], force: bool, jobs: Optional[int]) -> None:
    """从往年的工作总结中学习提纲和常用表述。

    读取给出的报告文件（.txt、.md、.docx）和文件夹中的全部报告，统计各部分的顺序、出现次数、常见标题、编号方式和常用表述，得到一份YAML格式的提纲。不给出报告时，学习drafter自带的示例报告。无法读取的文件会列出并跳过。

    \b
    示例：
      drafter learn 往年总结 -o 我的提纲.yaml
      drafter learn 2022年总结.docx 2023年总结.docx -o 我的提纲.yaml
      drafter learn 档案室 -o 我的提纲.yaml --jobs 4
      drafter learn
      drafter render 事实表.yaml --outline 我的提纲.yaml
    """
    from ..fsutil import check_writable, write_text_atomic
    from ..outline.learn import learn
    from ..outline.model import dump_outline
    from ..outline.summary import format_summary
    from ..resources import seeds_dir

    if out is not None:
        check_writable(out, force=force)
    bar = _Bar()
    try:
        result = learn(list(paths) or [seeds_dir()], progress=bar, jobs=jobs)  # type: ignore[arg-type]
    finally:
        bar.finish()
    text = dump_outline(result.outline)
    if out is None and _stdout_is_terminal():
        # Thousands of lines of YAML would scroll the summary away and save nothing.
        click.echo(format_summary(result))
        click.echo("\n提纲没有保存。要保存，请加上 -o 和文件名，例如：drafter learn … -o 我的提纲.yaml")
    elif out is None:
        click.echo(text, nl=False)
        click.echo(format_summary(result), err=True)
    else:
        write_text_atomic(out, text, force=force)
        click.echo(format_summary(result))
        click.echo(f"\n提纲已写入：{out}")


@command("analyze")
@click.argument("report", type=click.Path(path_type=Path), metavar="报告文件")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（供脚本使用）。")
@click.option("--outline", type=_FILE, default=None,
              help="用 drafter learn 学到的提纲来识别各部分，代替内置提纲。")
@click.option("--depth", type=click.IntRange(min=1), default=None, metavar="层数",
              help="只显示到第几层标题（不影响 --json）。")
@click.option("--explain", is_flag=True, help="在每个一级部分下列出判断依据（标题用词、位置、篇幅、内容）。")
def analyze_command(report: Path, as_json: bool, outline: Optional[Path], depth: Optional[int],
                    explain: bool) -> None:
    """分析一份报告的结构：标题、各部分及其层级。

    识别报告的标题和各级标题（一、（一）1.（1）等），并判断每一部分属于开头概述、主要工作、特色亮点、存在问题、工作打算还是其他。支持.txt（UTF-8或GBK编码）、.md和.docx文件，从网页上复制下来的导航、版权声明等内容会被忽略。

    \b
    示例：
      drafter analyze 2023年工作总结.docx
      drafter analyze 报告.txt --json
      drafter analyze 报告.txt --depth 2
      drafter analyze 报告.txt --explain
    """
    from ..outline.analyze import analyze_file
    from ..outline.tree import format_tree

    result = analyze_file(report, outline)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_tree(result, depth=depth, explain=explain))
