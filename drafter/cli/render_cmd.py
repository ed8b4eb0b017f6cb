"""`drafter render` and `drafter templates …`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from .base import command, group

from ..render import FORMATS, RenderOptions, guess_format, render
from ..templates_admin import check_templates, eject_templates, list_templates, show_template

_FILE = click.Path(path_type=Path, dir_okay=False)


@command("render")
@click.argument("facts", type=_FILE, metavar="事实表.yaml")
@click.option("-o", "--output", "out", type=_FILE, default=None,
              help="输出文件，默认与事实表同名（扩展名按 --format）；“-”表示输出到屏幕。")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="输出格式：docx（默认）、md 或 txt。")
@click.option("--templates", "templates", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="自定义模板文件夹；其中没有的模板仍用内置模板。")
@click.option("--outline", type=_FILE, default=None, help="用 drafter learn 学到的提纲文件，代替内置提纲。")
@click.option("--reference-docx", type=_FILE, default=None,
              help="本单位的 Word 文档或模板（.docx/.dotx，如红头文件），沿用其页面设置、页眉页脚和红头；"
                   "初稿放在其中写有“【正文】”的段落处，前后内容保留。")
@click.option("--append-after-letterhead", is_flag=True,
              help="参考文档中没有“【正文】”段落时，把初稿接在参考文档已有内容（红头）之后。")
@click.option("--keep-reference-styles", is_flag=True,
              help="使用参考文档自己的正文、标题样式，而不是 GB/T 9704 公文样式。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它（只覆盖普通文件，绝不覆盖输入文件）。")
@click.option("--strict", is_flag=True, help="草稿中还有【待补充】时报错并列出它们，不写出文件。")
@click.option("--annotate", is_flag=True, help="为每个数字和由事实生成的句子标注来源（事实表中的字段和行号）。")
def render_command(facts: Path, out: Optional[Path], fmt: Optional[str], templates: Optional[Path],
                   outline: Optional[Path], reference_docx: Optional[Path], append_after_letterhead: bool,
                   keep_reference_styles: bool, force: bool, strict: bool, annotate: bool) -> None:
    """按事实表生成工作总结初稿（Word、Markdown 或纯文本）。

    事实表中没有给出、而初稿需要的内容，会以醒目的【待补充：…】标出，绝不编造。

    -o - 把 Markdown（或 -f txt 的纯文本）初稿输出到屏幕。

    \b
    示例：
      drafter render samples/edu-bureau-2024.yaml -o 初稿.docx
      drafter render 事实表.yaml -f md
      drafter render 事实表.yaml -o - -f txt
      drafter render 事实表.yaml --templates 我的模板 --reference-docx 红头.docx --force
    """
    if out is None:
        fmt = fmt or "docx"
        out = facts.with_suffix("." + fmt)
    else:
        fmt = guess_format(out, fmt)
    result = render(facts, RenderOptions(out=out, format=fmt, templates=templates, outline=outline,
                                         reference_docx=reference_docx, force=force, strict=strict,
                                         annotate=annotate, append_after_letterhead=append_after_letterhead,
                                         keep_reference_styles=keep_reference_styles))
    for notice in result.notices:
        click.echo(f"警告：{notice}", err=True)
    # With -o - the draft alone goes to stdout; the summary goes to stderr.
    summary_to_stderr = result.text is not None
    if result.text is not None:
        click.echo(result.text, nl=False)
    else:
        click.echo(f"已生成：{result.out}")
    places = result.draft.placeholder_places()
    if places:
        click.echo(f"还有 {len(places)} 处【待补充】，请在事实表中补齐后重新生成，或在初稿中直接填写：",
                   err=summary_to_stderr)
        for where, text in places:
            click.echo(f"  {where}：{text}", err=summary_to_stderr)
    else:
        click.echo("没有【待补充】的内容。", err=summary_to_stderr)
    if result.warnings:
        click.echo(f"事实表有 {result.warnings} 个警告，运行 drafter validate {facts} 查看。", err=True)


@group("templates")
def templates_group() -> None:
    """查看和导出模板，以便不写程序就能修改初稿的措辞。

    \b
    示例：
      drafter templates list
      drafter templates show achievements.j2
      drafter templates eject 我的模板
      drafter templates check 我的模板
      drafter render 事实表.yaml --templates 我的模板
    """


@templates_group.command("list", options_metavar="[选项]")
@click.option("--templates", "templates", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="同时列出此自定义模板文件夹中的模板。")
def templates_list(templates: Optional[Path]) -> None:
    """列出模板及其用途；自定义文件夹中覆盖了内置模板的会标出。

    \b
    示例：
      drafter templates list --templates 我的模板
    """
    for line in list_templates(templates):
        click.echo(line)


@templates_group.command("show", options_metavar="[选项]")
@click.argument("name", metavar="模板名")
@click.option("--templates", "templates", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="优先从此自定义模板文件夹中查找。")
def templates_show(name: str, templates: Optional[Path]) -> None:
    """显示一个模板的内容。

    \b
    示例：
      drafter templates show overview.j2
    """
    click.echo(show_template(name, templates), nl=False)


@templates_group.command("eject", options_metavar="[选项]")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), metavar="文件夹")
@click.option("--force", is_flag=True, help="覆盖文件夹中已有的同名模板。")
def templates_eject(directory: Path, force: bool) -> None:
    """把内置模板复制到一个文件夹，修改后用 render --templates 使用。

    \b
    示例：
      drafter templates eject 我的模板
    """
    for path in eject_templates(directory, force=force):
        click.echo(f"已复制：{path}")
    click.echo(f"修改其中的模板后，运行 drafter render 事实表.yaml --templates {directory}")


@templates_group.command("check", options_metavar="[选项]")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False, exists=True), metavar="文件夹")
@click.option("--outline", type=_FILE, default=None, help="用这个提纲文件代替模板文件夹中的或内置的提纲。")
def templates_check(directory: Path, outline: Optional[Path]) -> None:
    """检查一个模板文件夹：编译每个模板，并用每份示例事实表试生成，一次列出全部问题。

    示例事实表涵盖年度、半年和缺项等情形，因此平时走不到的分支里的错误也会被发现。有问题时退出码为 1。

    \b
    示例：
      drafter templates check 我的模板
    """
    result = check_templates(directory, outline)
    for notice in result.notices:
        click.echo(f"警告：{notice}", err=True)
    for problem in result.problems:
        click.echo(f"错误：{problem}", err=True)
    summary = f"检查了 {len(result.checked)} 个模板，用 {len(result.sheets)} 份示例事实表试生成"
    if result.problems:
        click.echo(f"{summary}：发现 {len(result.problems)} 个问题。", err=True)
        raise SystemExit(1)
    click.echo(f"{summary}：没有发现问题。")
