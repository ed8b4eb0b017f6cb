"""`drafter validate`, `drafter new` and `drafter schema`.

Paths reach these commands as the strings typed (`click.Path()` without a `path_type`) and
become `pathlib.Path`s inside `new` and `schema`: `validate` never imports pathlib (~3.5 ms of
its start-up, with urllib.parse), `validate_files` spells each name as `str(Path(name))` would.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Optional, Tuple

import click

from ..errors import DrafterError
from .base import EXIT_INPUT_PROBLEM, command

if TYPE_CHECKING:
    from pathlib import Path

_FILE = click.Path(dir_okay=False)

# DRAFTER_INTERACTIVE=1 runs the questionnaire although stdin is not a terminal: answers are
# then read one per line from stdin and echoed, so tests (CliRunner input) and scripts can
# drive the real prompts.  Without it, `new` refuses to start and says how to proceed.
INTERACTIVE_ENV = "DRAFTER_INTERACTIVE"


@command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(), metavar="事实表.yaml...")
@click.option("--strict", is_flag=True, help="把警告也当作错误：有警告时同样以退出码 1 结束。")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式：text 供人阅读，json 供程序处理（每个问题含 file、line、column、field、code、message 等，结构固定）。")
def validate_command(files: Tuple[str, ...], strict: bool, fmt: str) -> None:
    """检查事实表，一次列出全部问题，每个问题都指明文件、行号和列号。

    先检查 YAML 格式和文件编码，再按事实表的 JSON Schema 检查各字段，最后检查内容：年度和成文日期是否合理、百分数是否在 0～100 之间、有没有空的部分、重复的标题和没替换的占位符（xxxx、XX、××、【待补充】）。

    缺少上年数值、没有列出问题等只是警告，不影响生成初稿；加 --strict 后警告也算错误。全部通过时退出码为 0，有错误时为 1。给出文件夹时，检查其中所有的 .yaml 文件。

    \b
    示例：
      drafter validate 事实表.yaml
      drafter validate samples --strict
      drafter validate 事实表.yaml --format json
    """
    from ..facts import validate_files
    from ..facts.reporting import format_json, format_text

    report = validate_files(list(files), strict=strict)
    click.echo(format_json(report) if fmt == "json" else format_text(report), nl=False)
    if not report.ok:
        click.get_current_context().exit(EXIT_INPUT_PROBLEM)


@command("schema")
@click.option("-o", "--output", "out", type=_FILE, default=None, help="写入文件，而不是打印出来。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它。")
@click.option("--fields", is_flag=True, help="以中文列出各字段的含义、是否必填和示例，而不是打印 JSON Schema。")
def schema_command(out: Optional[str], force: bool, fields: bool) -> None:
    """打印事实表的 JSON Schema（2020-12），或以中文列出各字段。

    编辑器（如装了 YAML 插件的 VS Code）读取这个 Schema 后，编写事实表时会提示字段、说明和示例；事实表第一行的 # yaml-language-server: $schema=… 注释指向它。

    \b
    示例：
      drafter schema --fields
      drafter schema -o factsheet.schema.json
    """
    from pathlib import Path

    from ..facts.schemadoc import field_reference
    from ..fsutil import write_text_atomic
    from ..resources import factsheet_schema_path

    text = field_reference() if fields else factsheet_schema_path().read_text(encoding="utf-8")
    if out is None:
        click.echo(text, nl=False)
        return
    target = Path(out)
    write_text_atomic(target, text, force=force)
    click.echo(f"已写入：{target}")


@command("new")
@click.argument("target", type=_FILE, required=False, metavar="[事实表.yaml]")
@click.option("--from", "previous", type=_FILE, default=None, metavar="上一年.yaml|报告",
              help="以上一年的事实表或上一年的报告（.docx、.txt、.md）为基础：年度加一，上年的数据成为“上年数值”，上年的工作打算作为今年主要工作的候选。")
@click.option("--force", is_flag=True, help="目标文件已存在时覆盖它。")
@click.option("--restart", is_flag=True,
              help="不接着上次的进度，从头填写；上次的进度文件改名保存（不会删除）。进度文件损坏无法读取时用它。")
def new_command(target: Optional[str], previous: Optional[str], force: bool, restart: bool) -> None:
    """逐项提问，填写今年的事实表（单位、年度、主要工作、数据、问题、打算）。

    每个回答当场检查，不合格会说明原因并重新提问；直接回车采用方括号中的默认值。每答一题都自动保存进度，中途按 Ctrl-C 退出或程序意外中断都不会丢失，再次运行同一命令可以接着填（沿用上次的 --from，不论这次是否给出）。写出的事实表每个字段都带中文注释，并且能通过 drafter validate。

    需要在终端（命令行窗口）中运行。不便逐项回答时，可以复制 samples 中的示例手工修改，并用 drafter schema --fields 查看各字段的含义。用脚本提供回答时（每行一个回答，从管道输入），设置环境变量 DRAFTER_INTERACTIVE=1。

    \b
    示例：
      drafter new 事实表.yaml
      drafter new 2025年.yaml --from 2024年.yaml
      drafter new 2025年.yaml --from 2024年总结.docx
    """
    from pathlib import Path

    from ..wizard import run_new

    sheet = Path(target if target is not None else "事实表.yaml")
    source = Path(previous) if previous is not None else None
    interactive = sys.stdin.isatty() or os.environ.get(INTERACTIVE_ENV) == "1"
    if not interactive:
        raise DrafterError(
            "drafter new 需要在终端中逐项回答问题，但现在没有可交互的终端（输入来自文件或管道）",
            hint="在命令行窗口中直接运行 drafter new；或复制 samples/edu-bureau-2024.yaml 手工修改，"
                 "用 drafter schema --fields 查看各字段的含义，改好后用 drafter validate 检查",
        )
    code = run_new(sheet, previous=source, force=force, io=_ClickIO(), restart=restart)
    if code:
        click.get_current_context().exit(code)


def _terminal() -> bool:
    return sys.stdin.isatty()


def _line_editing() -> None:
    """Arrow keys, Home/End and backspace over 中文 in `input()`: readline where it exists.

    Imported only for a terminal (it can print escape codes when output is piped).  Windows
    has no readline, but its console already edits the line inside `input()`.
    """
    try:
        import readline  # noqa: F401 - importing it is what turns line editing on
    except ImportError:
        pass


def _echo(text: str, nl: bool = True) -> None:
    """`click.echo`, but a character the output's encoding lacks (GBK output redirected on
    Windows, an answer with ☃ or 造字) is shown as "?" instead of ending the session."""
    try:
        click.echo(text, nl=nl)
    except UnicodeEncodeError:
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        click.echo(text.encode(encoding, "replace").decode(encoding), nl=nl)


class _ClickIO:
    """The terminal as the questionnaire sees it: print a line, read an answer."""

    def __init__(self) -> None:
        self.lines = 0  # answers read from a pipe, for the line number of an undecodable one
        self.editing = False

    def say(self, text: str = "") -> None:
        _echo(text)

    def ask(self, prompt: str) -> str:
        """One line of input; EOFError when the input has ended."""
        from ..wizard import AnswerInputError

        if _terminal():
            if not self.editing:
                _line_editing()
                self.editing = True
            try:
                return input(prompt)
            except UnicodeDecodeError as exc:
                raise AnswerInputError("输入的文字不是终端所用的编码，无法识别",
                                       hint="请检查命令行窗口的编码设置（Windows 可先运行 chcp 65001）") from exc
        _echo(prompt, nl=False)
        stream = getattr(sys.stdin, "buffer", None)
        raw = stream.readline() if stream is not None else sys.stdin.readline()
        if not raw:
            click.echo()
            raise EOFError
        self.lines += 1
        if isinstance(raw, bytes):
            if self.lines == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a BOM from Notepad
                raw = raw[3:]
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                click.echo()
                raise AnswerInputError(f"第 {self.lines} 行回答不是 UTF-8 编码，无法识别",
                                       hint="把回答文件另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8）后重试") from exc
        from ..wizard.answers import clean_answer

        answer = raw.rstrip("\r\n")
        _echo(clean_answer(answer))  # scripted answers are not echoed by a terminal: keep the transcript readable
        return answer
