"""`drafter new`: fill a fact sheet by answering questions, one at a time.

`run_new` is the whole job: check that the target may be written (before the first
question, not after the last), offer to resume saved progress, walk the questionnaire,
write the sheet with comments, check it with the same validation as `drafter validate`,
and remove the progress file.  Ctrl-C, the end of input or input that cannot be read leave
the progress file in place and say how to continue.

A resumed session continues what was started: it uses the ``--from`` sheet stored in the
progress file (a copy of what was taken from it), whatever the flags of the second run,
and says so.  Starting over is explicit (answer n, or ``--restart``), and even then the old
progress is moved aside (``….进度.旧.json``), never deleted.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import List, Optional

from ..errors import DrafterError
from ..facts.reporting import format_problem
from ..facts.validate import check_text
from ..facts.writer import dump_sheet, schema_reference
from ..fsutil import check_writable, write_text_atomic
from .answers import clean_answer
from .model import Context
from .progress import Progress, ProgressError, progress_path
from .questions import QUESTIONNAIRE
from .rollover import Seed, seed_from
from .runner import IO, NO, YES, Runner

EXIT_INPUT_ENDED = 1
EXIT_INTERRUPTED = 130


class AnswerInputError(DrafterError):
    """The answers cannot be read (not UTF-8 …); raised by an `IO`, reported after saving."""


def _resume(io: IO, saved: Progress) -> bool:
    io.say(f"发现上次没有填完的进度：已回答 {len(saved.answers)} 题（保存在 {saved.path}）。")
    while True:
        answer = io.ask("接着上次的进度继续填写吗？选 n 将从头开始（上次的回答改名保存，不会删除） [Y/n]：")
        answer = clean_answer(answer).strip().lower()
        if answer in ("",) or answer in YES:
            return True
        if answer in NO:
            return False
        io.say("  请回答 y（是）或 n（否）。")


def _today() -> date:
    """Today, for defaults and date checks (one place for tests to fix the clock)."""
    return date.today()


def _intro(ctx: Context) -> List[str]:
    parts = [re.sub(r"^[一二三四五六七八九十]+、", "", s.title) for s in QUESTIONNAIRE.sections
             if s.condition is None or s.condition(ctx)]
    return [
        "drafter 工作总结事实表填写向导",
        f"将依次填写 {len(parts)} 个部分：{'、'.join(parts)}。",
        "直接回车采用方括号 [ ] 中的默认值。每答一题都会自动保存，可以随时按 Ctrl-C 退出，下次运行同一命令接着填。",
    ]


def _seed_for(saved: Progress, previous: Optional[Path], io: IO) -> Optional[Seed]:
    """The seed of the session being resumed (not the one this run's flags would give)."""
    if saved.seed is not None:
        seed: Optional[Seed] = Seed.from_json(saved.seed)
    elif saved.source:  # a progress file of version 1: only the name was kept
        seed = seed_from(Path(saved.source))
    else:
        seed = None
    if saved.source and (previous is None or Path(saved.source) != previous):
        io.say(f"上次是以 {saved.source} 为基础填写的，继续沿用它"
               + (f"（没有改用 {previous}；要改用它从头填写，请加 --restart）" if previous else "") + "。")
    elif previous is not None and not saved.source:
        io.say(f"上次没有以上一年的事实表为基础，继续按上次的方式填写（没有使用 {previous}；要使用它从头填写，请加 --restart）。")
    return seed


def run_new(target: Path, *, previous: Optional[Path], force: bool, io: IO, today: Optional[date] = None,
            restart: bool = False) -> int:
    """Fill and write the sheet `target`; returns the exit code (0 when written)."""
    check_writable(target, force=force)
    today = today or _today()
    path = progress_path(target)
    saved: Optional[Progress] = None
    if restart and path.exists():
        spare = Progress(path).move_aside()
        io.say(f"按 --restart 从头填写；上次的进度已改名保存为 {spare}。")
    else:
        saved = Progress.load(path)  # ProgressError: the file is kept and the user told how to go on
    progress = Progress(path)
    replay: list = []
    try:
        resume = saved is not None and bool(saved.answers) and _resume(io, saved)
        if saved is not None and resume:
            seed = _seed_for(saved, previous, io)
            progress = Progress(path, source=saved.source, seed=seed.to_json() if seed else None, started=saved.started)
            replay = saved.answers
        else:
            if saved is not None and saved.answers:  # declined: keep the old answers under another name
                io.say(f"上次的进度已改名保存为 {saved.move_aside()}，现在从头填写。")
            seed = seed_from(previous) if previous is not None else None
            progress = Progress(path, source=str(previous) if previous else None, seed=seed.to_json() if seed else None)
        ctx = Context({}, {}, today, seed)
        for line in _intro(ctx):
            io.say(line)
        if seed is not None:
            io.say(f"以 {seed.source} 为基础：年度加一，去年的数据作为“上年数值”，去年的工作打算作为今年主要工作的候选。")
        runner = Runner(QUESTIONNAIRE, io, progress, ctx, replay)
        sheet = runner.run()
    except (KeyboardInterrupt, EOFError, AnswerInputError) as stop:
        io.say("")
        if not isinstance(stop, AnswerInputError):  # that one is the error message, printed by the CLI
            io.say("已中断。" if isinstance(stop, KeyboardInterrupt) else "输入已结束，问题还没有答完。")
        if progress.answers:
            io.say(f"已回答的 {len(progress.answers)} 题已保存在 {progress.path}；再次运行同一命令即可接着填写。")
        if isinstance(stop, AnswerInputError):
            raise
        return EXIT_INTERRUPTED if isinstance(stop, KeyboardInterrupt) else EXIT_INPUT_ENDED
    header = [f"{sheet['report']['org']} {sheet['report']['year']} 年工作总结事实表，由 drafter new 于 {today:%Y-%m-%d} 生成。",
              f"检查：drafter validate {target.name}　　生成初稿：drafter render {target.name} -o 初稿.docx"]
    text = dump_sheet(sheet, schema_ref=schema_reference(target), header=header)
    report = check_text(text, target, today)
    write_text_atomic(target, text, force=force)
    io.say("")
    io.say(f"已写入：{target}")
    for problem in report.problems:
        io.say(format_problem(str(target), problem))
    if report.errors:  # every answer was checked by validate; this would be a bug worth reporting
        io.say(f"事实表还有错误，请按上面的提示修改后用 drafter validate 检查。回答仍保存在 {progress.path}。")
        return EXIT_INPUT_ENDED
    progress.remove()  # only now: the sheet holds every answer and passed its check
    if report.warnings:
        io.say(f"以上 {len(report.warnings)} 个警告不影响生成初稿，可以以后在事实表中补充。")
    io.say(f"下一步：drafter render {target} -o 初稿.docx")
    return 0


__all__ = ["AnswerInputError", "ProgressError", "run_new"]
