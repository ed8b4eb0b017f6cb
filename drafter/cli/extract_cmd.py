"""`drafter extract` and `drafter check`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from .base import EXIT_INPUT_PROBLEM, command

_FILE = click.Path(path_type=Path, dir_okay=False)


@command("extract")
@click.argument("report", type=_FILE, metavar="报告")
@click.option("-o", "--output", "out", type=_FILE, default=None,
              help="输出的事实表，默认为报告同名加“.事实表.yaml”。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它（报告本身永远不会被覆盖）。")
@click.option("--outline", type=_FILE, default=None, help="用 drafter learn 学到的提纲文件识别各部分。")
def extract_command(report: Path, out: Optional[Path], force: bool, outline: Optional[Path]) -> None:
    """从一份已有的工作总结（.docx、.txt、.md）读出它的事实表。

    读出单位、年度、领导机关和指导思想、开头的主要成效、各项工作的抓手、标题、做法和数据（数据尽量连同报告写明的上年数值）、特色亮点、存在问题和工作打算。每一项后面的注释写明它来自报告的第几行（.docx 为第几段）；报告中没有的写成 null 并注明，绝不猜测。

    第一年使用 drafter 时，用它把去年的报告变成事实表，再用 drafter new --from 开始今年的。

    \b
    示例：
      drafter extract 去年总结.docx -o 2024年.yaml
      drafter new 2025年.yaml --from 去年总结.docx
    """
    from ..harvest.run import extract_report

    result = extract_report(report, out, force=force, outline=outline)
    sheet = result.harvest.sheet
    themes = len(sheet.get("achievements", [])) + len(sheet.get("highlights", []))
    click.echo(f"已写出：{result.out}")
    click.echo(f"单位：{sheet['report'].get('org') or '（未读出）'}　年度：{sheet['report'].get('year') or '（未读出）'}　"
               f"工作主题 {themes} 项，数据 {result.harvest.figures} 项，"
               f"问题 {len(sheet.get('problems', []))} 项，打算 {len(sheet.get('plans', {}).get('items', []))} 项")
    if result.unread:
        click.echo(f"报告中没有读出：{'、'.join(result.unread)}。请在事实表中填写后再使用")
    if result.warnings:
        click.echo(f"提示：有 {result.warnings} 处需要补充（如上年数值），用 drafter validate {result.out} 查看")


@command("check")
@click.argument("draft", type=_FILE, metavar="初稿.docx")
@click.argument("facts", type=_FILE, metavar="事实表.yaml")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式：text 供人阅读，json 供程序处理。")
def check_command(draft: Path, facts: Path, fmt: str) -> None:
    """核对在 Word 中改过的初稿与事实表：数字是否一致、有没有删掉的数据、还剩哪些【待补充】。

    列出文档中事实表没有的数字（第几段、哪一句、事实表中同名数据的数值和行号），事实表中文档不再写出的数据，以及文档中剩下的【待补充】。由事实表推算的比较（比上年增加7人、增长25.0%、提高0.4个百分点）也重新计算并核对。全部一致时退出码为 0，否则为 1。

    \b
    示例：
      drafter check 初稿.docx 事实表.yaml
      drafter check 初稿.docx 事实表.yaml --format json
    """
    from ..harvest.check import check_draft, format_json, format_text

    result = check_draft(draft, facts)
    click.echo(format_json(result) if fmt == "json" else format_text(result), nl=False)
    if not result.ok:
        click.get_current_context().exit(EXIT_INPUT_PROBLEM)
