"""Walk a declared questionnaire: ask, read, check, ask again — and remember every answer.

Input and output go through a small `IO` object (the CLI passes the terminal, tests a
script), so this module never imports click.  Each answer has a stable key (``report.org``,
``achievements[1].points[0]``, ``achievements+more[2]``); after it is accepted it is
appended to the progress log and saved.  To resume, the runner is given the old log and
*replays* it: while the next logged key is the key being asked, the logged answer is used
instead of asking (silently, and checked as if typed); at the first mismatch or rejected
answer it falls back to asking.

Every answer is cleaned first (`answers.clean_answer`: no escape codes, one line) and then
checked twice: by the question's own reading and validator, and by `drafter validate` on the
sheet with the answer in it (`sheetcheck`).  An answer that makes an *earlier* answer of the
same item wrong (unit ``%`` after a value of 120) asks that earlier question again.  An
empty answer that took a default is logged as the default's value, so a resumed session
gets the same value even when the default (today's year) has moved.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Protocol, Sequence, Tuple, Union

from .. import limits
from ..facts import rules
from ..facts.findings import Problem
from .answers import clean_answer
from .model import Context, Group, Question, Questionnaire, Section, resolve
from .progress import Progress
from .rollover import carry_silent
from .sheetcheck import error_at, sheet_errors

YES = {"y", "yes", "是", "是的", "好", "要", "对", "1", "需要", "有"}
NO = {"n", "no", "否", "不", "不要", "没有", "无", "0", "不用", "不需要"}


class IO(Protocol):
    def say(self, text: str = "") -> None: ...

    def ask(self, prompt: str) -> str:  # raises EOFError when the input has ended
        ...


class Runner:
    def __init__(self, questionnaire: Questionnaire, io: IO, progress: Progress, ctx: Context,
                 replay: Sequence[Tuple[str, str]] = ()) -> None:
        self.questionnaire = questionnaire
        self.io = io
        self.progress = progress
        self.ctx = ctx
        self.replay: List[Tuple[str, str]] = list(replay)
        self.pos = 0
        self.errors: List[Problem] = []  # the sheet's errors after the last answer checked

    # -- input and output ---------------------------------------------------------------
    @property
    def replaying(self) -> bool:
        return self.pos < len(self.replay)

    def say(self, text: str = "") -> None:
        if not self.replaying:
            self.io.say(text)

    def stop_replay(self) -> None:
        if self.replay:
            self.io.say(f"（已恢复上次的 {self.pos} 个回答，下面接着填写）")
            if self.pos < len(self.replay):  # the rest no longer fits: keep it where it can be read
                kept = self.progress.keep_copy()
                self.io.say(f"（上次还有 {len(self.replay) - self.pos} 个回答与现在的问题对不上，没有采用；"
                            f"上次的全部回答另存在 {kept}）")
        self.replay, self.pos = [], 0

    def raw(self, key: str, prompt: str, live: bool = False) -> Tuple[str, bool]:
        """(the answer, whether it came from the saved progress); `live`: ask the user in any case."""
        if live:
            return self.io.ask(prompt), False
        if self.replaying:
            logged_key, answer = self.replay[self.pos]
            if logged_key == key:
                self.pos += 1
                return answer, True
        self.stop_replay()
        return self.io.ask(prompt), False

    def record(self, key: str, answer: str) -> None:
        self.progress.answers.append((key, answer))
        if not self.replaying:  # while replaying, the file already holds these answers (and more)
            self.progress.save()

    def read(self, key: str, prompt: str, parse: Any, preamble: Sequence[str] = (),
             logged: Any = None) -> Any:
        """Ask until `parse(answer)` returns (value, None); record the accepted answer
        (as `logged(answer)` when given: an empty answer is logged as the default it took)."""
        for line in preamble:
            self.say(line)
        live = False
        while True:
            answer, replayed = self.raw(key, prompt, live)
            answer = clean_answer(answer)
            value, error = parse(answer)
            if error is None:
                self.record(key, logged(answer) if logged is not None else answer)
                if replayed and not self.replaying:
                    self.stop_replay()  # the last saved answer: say so before the next question
                return value
            if replayed:  # no longer acceptable: ask the user this one, then go on replaying
                live = True
                for line in preamble:
                    self.io.say(line)
                self.io.say(f"  上次保存的回答“{answer}”现在不能采用：{error}。请重新输入。")
                continue
            self.io.say(f"  输入有误：{error}。请重新输入。")

    # -- kinds of answers ---------------------------------------------------------------
    def yesno(self, key: str, prompt: str, default: bool) -> bool:
        def parse(answer: str) -> Tuple[Optional[bool], Optional[str]]:
            text = answer.strip().lower()
            if not text:
                return default, None
            if text in YES:
                return True, None
            if text in NO:
                return False, None
            return None, "请回答 y（是）或 n（否）"
        return bool(self.read(key, f"{prompt} [{'Y/n' if default else 'y/N'}]：", parse))

    def question(self, q: Question, ctx: Context, key: str) -> Any:
        self.errors = []  # only a checked answer can make an earlier one wrong
        if q.kind == "list":
            return self.list_answer(q, ctx, key)
        default = resolve(q.default, ctx)
        choices: List[Tuple[str, str]] = list(resolve(q.choices, ctx)) if q.kind == "choice" else []
        preamble = [f"  {resolve(q.help, ctx)}"] if resolve(q.help, ctx) else []
        shown_default = default
        if choices:
            preamble += [f"    {n}. {label if value == str(n) else f'{value}（{label}）'}"
                         for n, (value, label) in enumerate(choices, 1)]
            shown_default = next((str(n) for n, (v, _) in enumerate(choices, 1) if v == default), default)
        prompt = str(resolve(q.prompt, ctx)) + (f" [{shown_default}]" if shown_default not in (None, "") else "") + "："

        def parse(answer: str) -> Tuple[Any, Optional[str]]:
            text = answer.strip()
            if not text and default in (None, ""):
                return (None, "这一项必须填写") if q.required else (None, None)
            value, error = (default, None) if not text else parse_value(q.kind, text, choices)
            if error is None and q.validator is not None:
                error = q.validator(value, ctx)
            if error is None:
                error = self.check_in_sheet(ctx, q.field, value)
            return value, error

        def logged(answer: str) -> str:
            return answer if answer.strip() or default in (None, "") else str(default)

        return self.read(key, prompt, parse, preamble, logged)

    def check_in_sheet(self, ctx: Context, field: str, value: Any, sub: Tuple[Any, ...] = ()) -> Optional[str]:
        """validate's message for `field` (or `field[sub]`) of the current item holding `value`."""
        missing = object()
        before = ctx.item.get(field, missing)
        ctx.item[field] = value
        try:
            placed = ctx.probe()
            if placed is None:
                return None
            self.errors = sheet_errors(placed[0], ctx.today)
        finally:
            if before is missing:
                del ctx.item[field]
            else:
                ctx.item[field] = before
        found = error_at(self.errors, tuple(placed[1]) + (field,) + sub)
        return said(found) if found else None

    def earlier_problem(self, ctx: Context, answered: Sequence[Question]) -> Optional[Tuple[Question, Problem]]:
        """An earlier answer of this item that the last answer made wrong (value 120, then unit %)."""
        placed = ctx.probe()
        if placed is None:
            return None
        for question in answered:
            found = error_at(self.errors, tuple(placed[1]) + (question.field,))
            if found is not None:
                return question, found
        return None

    def list_answer(self, q: Question, ctx: Context, key: str) -> List[str]:
        self.say(str(resolve(q.prompt, ctx)))
        if resolve(q.help, ctx):
            self.say(f"  {resolve(q.help, ctx)}")
        values: List[str] = []
        while True:
            def parse(answer: str) -> Tuple[Optional[str], Optional[str]]:
                text = answer.strip()
                if not text:
                    return ("", None) if len(values) >= q.min_items else ("", f"至少要写 {q.min_items} 条")
                if rules.title_key(text) in (rules.title_key(v) for v in values):
                    return None, "这一条和前面的重复了"
                error = q.validator(text, ctx) if q.validator else None
                return text, error or self.check_in_sheet(ctx, q.field, values + [text], (len(values),))
            value = self.read(f"{key}[{len(values)}]", f"  第 {len(values) + 1} 条：", parse)
            if not value:
                return values
            values.append(value)

    # -- structure ------------------------------------------------------------------------
    def items(self, items: Sequence[Union[Question, Group]], ctx: Context, prefix: str) -> None:
        answered: List[Question] = []
        for entry in items:
            if entry.condition is not None and not entry.condition(ctx):
                continue
            if isinstance(entry, Group):
                self.group(entry, ctx, prefix)
                continue
            self.answer(entry, ctx, prefix)
            while (wrong := self.earlier_problem(ctx, answered)) is not None:
                question, problem = wrong
                self.io.say(f"  输入有误：{problem.title or question.field}：{said(problem)}。请重新填写这一项。")
                self.answer(question, ctx, prefix)
            answered.append(entry)

    def answer(self, q: Question, ctx: Context, prefix: str) -> None:
        value = self.question(q, ctx, prefix + q.field)
        if value not in (None, []):
            ctx.item[q.field] = value
        elif q.keep_empty:
            ctx.item[q.field] = None
        else:
            ctx.item.pop(q.field, None)

    def group(self, g: Group, ctx: Context, prefix: str) -> None:
        items: List[Dict[str, Any]] = ctx.item.setdefault(g.field, [])
        base = prefix + g.field
        if resolve(g.intro, ctx):
            self.say(str(resolve(g.intro, ctx)))
        for number, candidate in enumerate(g.candidates(ctx) if g.candidates else []):
            key = f"{base}.candidate[{number}]"
            if g.candidate_prompt is None or self.yesno(key, g.candidate_prompt(candidate, number), g.candidate_default):
                self.item(g, ctx, items, key + ".", candidate)
        while True:
            count = len(items)
            if count < g.min_items:
                pass
            elif count == 0 and g.start_prompt is not None:
                if not self.yesno(f"{base}+start", str(resolve(g.start_prompt, ctx)), g.start_default):
                    break
            elif g.more_prompt is not None:
                if not self.yesno(f"{base}+more[{count}]", str(resolve(g.more_prompt, ctx)), g.more_default(count)):
                    break
            else:
                break
            self.item(g, ctx, items, f"{base}[{count}].", None)
        if not items:
            del ctx.item[g.field]

    def item(self, g: Group, ctx: Context, items: List[Dict[str, Any]], prefix: str,
             candidate: Optional[Dict[str, Any]]) -> None:
        item: Dict[str, Any] = g.start_item(candidate) if (candidate is not None and g.start_item) else {}
        items.append(item)
        if g.item_header:
            self.say(f"—— 第 {len(items)} 项{g.noun} ——")
        index = len(items) - 1
        path = None if g.placed is not None or ctx.path is None else tuple(ctx.path) + (g.field, index)
        self.items(g.questions, ctx.within(item, candidate=candidate, index=index, path=path, placed=g.placed), prefix)
        if not g.keep(item):
            items.pop()

    def section(self, section: Section) -> None:
        if section.condition is not None and not section.condition(self.ctx):
            return
        self.say("")
        self.say(f"【{section.title}】")
        if section.intro:
            self.say(section.intro)
        target = self.ctx.sheet.setdefault(section.field, {}) if section.field else self.ctx.sheet
        self.items(section.items, self.ctx.within(target, path=(section.field,) if section.field else ()),
                   f"{section.field}." if section.field else "")
        if section.field and not target:
            del self.ctx.sheet[section.field]

    def run(self) -> Dict[str, Any]:
        for section in self.questionnaire.sections:
            self.section(section)
        self.stop_replay()
        sheet = self.questionnaire.finish(self.ctx.sheet)
        return carry_silent(self.ctx.seed, sheet) if self.ctx.seed else sheet


def said(problem: Problem) -> str:
    """validate's message as an answer to a question: a range keeps its hint (写四位数字的年份…);
    other hints speak of editing the file, which the user is not doing."""
    if problem.code == "schema.range" and problem.hint:
        return f"{problem.message}（{problem.hint}）"
    return problem.message


_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_value(kind: str, text: str, choices: Sequence[Tuple[str, str]] = ()) -> Tuple[Any, Optional[str]]:
    """A typed answer as the value the sheet stores, or (None, why not)."""
    if kind == "text":
        return text, None
    if kind in ("int", "number"):
        number = rules.parse_number(text)
        if number is None:
            return None, "只写数字，不要带单位或文字" if re.search(r"\d", text) else "请用阿拉伯数字填写"
        if kind == "int" and not isinstance(number, int):
            return None, "请写整数"
        if not rules.finite(number) or abs(number) > limits.NUMBER_MAX_ABS:
            return None, "这个数太大了，请检查是否多写了数字（最大到 10 的 15 次方，即千万亿）"
        if 0 < abs(number) < limits.NUMBER_MIN_ABS:
            return None, "这个数太小了，请检查小数点的位置（最小到百万分之一）"
        return number, None
    if kind == "date":
        compact = _COMPACT_DATE.match(text)
        parsed, why = rules.parse_date(f"{compact[1]}-{compact[2]}-{compact[3]}" if compact else text)
        return (parsed.isoformat(), None) if parsed else (None, why)
    if kind == "choice":
        for n, (value, label) in enumerate(choices, 1):
            if text in (str(n), value) or text == label or (len(text) >= 2 and text in label):
                return value, None
        listing = "，".join(f"{n} {label or value}" for n, (value, label) in enumerate(choices, 1))
        return None, f"请输入序号 1～{len(choices)}（{listing}）"
    raise ValueError(f"unknown kind {kind}")  # pragma: no cover - kinds are checked in Question
