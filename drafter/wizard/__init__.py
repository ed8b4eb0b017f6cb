"""`drafter new`: fill a fact sheet by answering questions, one at a time.

`run_new` is the whole job: check that the target may be written (before the first
question, not after the last), offer to resume saved progress, walk the questionnaire,
write the sheet with comments, check it with the same validation as `drafter validate`,
and remove the progress file.  Ctrl-C or the end of input leave the progress file in
place and say how to continue.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from ..facts.reporting import format_problem
from ..facts.validate import check_text
from ..facts.writer import dump_sheet, schema_reference
from ..fsutil import check_writable, write_text_atomic
from .model import Context
from .progress import Progress, progress_path
from .questions import QUESTIONNAIRE
from .rollover import seed_from
from .runner import IO, NO, YES, Runner

EXIT_INPUT_ENDED = 1
EXIT_INTERRUPTED = 130

INTRO = [
    "drafter 工作总结事实表填写向导",
    "将依次填写：基本情况、开头概述、主要工作、特色亮点工作、存在的问题、工作打算。",
    "直接回车采用方括号 [ ] 中的默认值。每答一题都会自动保存，可以随时按 Ctrl-C 退出，下次运行同一命令接着填。",
]


def _resume(io: IO, saved: Progress) -> bool:
    io.say(f"发现上次没有填完的进度：已回答 {len(saved.answers)} 题（保存在 {saved.path}）。")
    while True:
        answer = io.ask("接着上次的进度继续填写吗？选 n 将清除上次的回答，从头开始 [Y/n]：").strip().lower()
        if answer in ("",) or answer in YES:
            return True
        if answer in NO:
            return False
        io.say("  请回答 y（是）或 n（否）。")


def _today() -> date:
    """Today, for defaults and date checks (one place for tests to fix the clock)."""
    return date.today()


def run_new(target: Path, *, previous: Optional[Path], force: bool, io: IO, today: Optional[date] = None) -> int:
    """Fill and write the sheet `target`; returns the exit code (0 when written)."""
    check_writable(target, force=force)
    seed = seed_from(previous) if previous is not None else None
    today = today or _today()
    progress = Progress(progress_path(target), source=str(previous) if previous else None)
    replay = []
    try:
        saved = Progress.load(progress.path)
        if saved is not None and saved.answers:
            if _resume(io, saved):
                replay = saved.answers
                progress.started = saved.started
            else:
                saved.remove()
        for line in INTRO:
            io.say(line)
        if seed is not None:
            io.say(f"以 {previous} 为基础：年度加一，去年的数据作为“上年数值”，去年的工作打算作为今年主要工作的候选。")
        runner = Runner(QUESTIONNAIRE, io, progress, Context({}, {}, today, seed), replay)
        sheet = runner.run()
    except (KeyboardInterrupt, EOFError) as stop:
        io.say("")
        io.say("已中断。" if isinstance(stop, KeyboardInterrupt) else "输入已结束，问题还没有答完。")
        if progress.answers:
            io.say(f"已回答的 {len(progress.answers)} 题已保存在 {progress.path}；再次运行同一命令即可接着填写。")
        return EXIT_INTERRUPTED if isinstance(stop, KeyboardInterrupt) else EXIT_INPUT_ENDED
    header = [f"{sheet['report']['org']} {sheet['report']['year']} 年工作总结事实表，由 drafter new 于 {today:%Y-%m-%d} 生成。",
              f"检查：drafter validate {target.name}　　生成初稿：drafter render {target.name} -o 初稿.docx"]
    text = dump_sheet(sheet, schema_ref=schema_reference(target), header=header)
    report = check_text(text, target, today)
    write_text_atomic(target, text, force=force)
    progress.remove()
    io.say("")
    io.say(f"已写入：{target}")
    for problem in report.problems:
        io.say(format_problem(str(target), problem))
    if report.errors:  # the questions check what validate checks; this would be a bug worth reporting
        io.say("事实表还有错误，请按上面的提示修改后用 drafter validate 检查。")
        return EXIT_INPUT_ENDED
    if report.warnings:
        io.say(f"以上 {len(report.warnings)} 个警告不影响生成初稿，可以以后在事实表中补充。")
    io.say(f"下一步：drafter render {target} -o 初稿.docx")
    return 0
