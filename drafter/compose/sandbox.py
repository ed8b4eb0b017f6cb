"""The bounded Jinja sandbox: a user's template may not run long, build giant values or recurse.

Jinja's `SandboxedEnvironment` already keeps templates away from Python internals; this adds
the bounds of `drafter.limits`, through the sandbox's own hooks:

- `call` (every call a template makes) checks the time budget and the nesting depth (a
  recursive macro ends after TEMPLATE_MAX_RECURSION levels) and refuses huge integer arguments
  (``'x'.ljust(10**9)``, ``'x'|center(10**9)``);
- `call_binop` bounds ``*``, ``+``, ``**`` and ``%`` *before* computing them (``'x' * 10**9``,
  ``9 ** 10**9``, ``'%999999999d' % 1``);
- `getattr`/`getitem` check the time budget and refuse values past the output limit, so a
  string doubled through a namespace is stopped;
- `range` is bounded by TEMPLATE_MAX_RANGE and checks the budget while it is iterated;
- the rendered output is consumed chunk by chunk and checked for size and time.

A loop that makes no calls at all cannot be stopped by hooks, so a watchdog thread raises
`TemplateTimeout` asynchronously in the rendering thread when the budget is spent
(`PyThreadState_SetAsyncExc`, which works on Windows as well as POSIX).  There is one watchdog
per `Budget` (per draft), started by the first template and fed nothing after: a
`threading.Timer` per template cost a thread start and its hand-shake six times a draft, on a
busy machine more than all of the draft's Jinja work (issue 12).
"""
from __future__ import annotations

import _thread
import re
import time
from typing import Any, Iterator, Optional

from jinja2.sandbox import SandboxedEnvironment

from .. import limits
from ..errors import TemplateError
from .checkargs import like


class TemplateLimitError(TemplateError):
    """A template went past one of the limits of `drafter.limits`."""


class TemplateTimeout(BaseException):
    """Raised asynchronously in the rendering thread when the time budget is spent; a
    BaseException so that no `except Exception` in a helper or in Jinja can swallow it."""


def too_long() -> TemplateLimitError:
    return TemplateLimitError(f"模板运行超过 {limits.TEMPLATE_MAX_SECONDS:g} 秒仍未结束，已停止（可能是循环过多或死循环）",
                              hint="检查模板中的 {% for %} 循环和宏调用")


def _too_big(what: str = "模板生成的内容") -> TemplateLimitError:
    return TemplateLimitError(f"{what}超过 {limits.TEMPLATE_MAX_OUTPUT_CHARS:,} 个字符的上限，已停止",
                              hint="检查模板中的循环和字符串重复（如 'x' * 很大的数）")


HARD_STOP_GRACE = 0.5  # seconds past the budget before the watchdog stops a template that makes no calls


class Budget:
    """The time budget of one draft, shared by all templates rendered for it."""

    def __init__(self, seconds: Optional[float] = None) -> None:
        self.seconds = limits.TEMPLATE_MAX_SECONDS if seconds is None else seconds
        self.deadline = time.monotonic() + self.seconds
        self._watchdog: Optional[_Watchdog] = None

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise too_long()

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def watchdog(self) -> "_Watchdog":
        """The hard stop of this budget, started on first use."""
        if self._watchdog is None:
            self._watchdog = _Watchdog(self.deadline + HARD_STOP_GRACE)
        return self._watchdog


class _Watchdog:
    """One thread that sleeps until `at` (monotonic) and then raises `TemplateTimeout` in the
    thread that is rendering a template at that moment, if any (`rendering`/`done`).

    A plain `_thread` thread: `threading.Thread.start` waits for the new thread to run, which
    is what made a timer per template dear.  It is never woken early either (waking it when
    the draft is done cost the rendering thread a GIL hand-over): it sleeps its time out and
    ends, and a process that exits first does not wait for it.  `_lock` makes "raise now"
    and "rendering ended" exclusive, so a stop never lands in drafter's own code after the
    template returned."""

    def __init__(self, at: float) -> None:
        self._lock = _thread.allocate_lock()
        self._target: Optional[int] = None
        self.fired = False
        _thread.start_new_thread(self._run, (at,))

    def _run(self, at: float) -> None:
        time.sleep(max(0.0, at - time.monotonic()))
        with self._lock:
            if self._target is not None:
                self.fired = True
                _raise_in(self._target, TemplateTimeout)

    def rendering(self) -> None:
        with self._lock:
            self._target = _thread.get_ident()

    def done(self) -> None:
        with self._lock:
            self._target = None
            if self.fired:
                self.fired = False
                _raise_in(_thread.get_ident(), None)  # a stop that fired but has not landed yet is withdrawn


class BoundedRange:
    """`range()` for templates: at most TEMPLATE_MAX_RANGE items, checking the budget while iterated."""

    def __init__(self, budget: Budget, *args: int) -> None:
        for arg in args:
            if isinstance(arg, bool) or not isinstance(arg, int):
                raise TemplateError(f"range() 的参数应为整数，这里是 {_shown(arg)}")
        self._range = range(*args)
        if len(self._range) > limits.TEMPLATE_MAX_RANGE:
            raise TemplateLimitError(f"range() 要生成 {len(self._range):,} 个数，超过上限 {limits.TEMPLATE_MAX_RANGE:,} 个")
        self._budget = budget

    def __iter__(self) -> Iterator[int]:
        for i, n in enumerate(self._range):
            if not i & 255:
                self._budget.check()
            yield n

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, index: Any) -> Any:
        return self._range[index]

    def __repr__(self) -> str:
        return repr(self._range)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


_FORMAT_WIDTH = r"%[-+ #0]*(\d*)(?:\.(\d*))?"  # compiled by `re` when a template first uses %


class BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset(["*", "+", "**", "%"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = Budget()
        self.depth = 0
        self.globals["range"] = lambda *a: BoundedRange(self.budget, *a)

    # -- hooks -------------------------------------------------------------------------------
    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        __self.budget.check()
        _check_args(args, kwargs)
        if __self.depth >= limits.TEMPLATE_MAX_RECURSION:
            raise TemplateLimitError(f"宏或函数调用嵌套超过 {limits.TEMPLATE_MAX_RECURSION} 层，已停止（可能是宏在无限地调用自己）",
                                     hint="给递归的宏加上结束条件")
        __self.depth += 1
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            __self.depth -= 1

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.check()
        cap = limits.TEMPLATE_MAX_OUTPUT_CHARS
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if _size(seq) and isinstance(n, int) and _size(seq) * max(n, 0) > cap:
                    raise _too_big("字符串或列表重复后")
        elif operator == "+":
            if _size(left) + _size(right) > cap:
                raise _too_big("拼接后的字符串或列表")
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and \
                    right * max(1, abs(left).bit_length()) > 64 * 1024:
                raise TemplateLimitError(f"乘方 {_shown(left)} ** {_shown(right)} 的结果过大，已停止")
        elif operator == "%" and isinstance(left, str):
            for match in re.finditer(_FORMAT_WIDTH, left):
                for digits in match.groups():
                    if digits and int(digits) > 10_000:
                        raise TemplateLimitError(f"格式串中的宽度 {digits} 过大，已停止")
        result = super().call_binop(context, operator, left, right)
        if _size(result) > cap:
            raise _too_big()
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.check()
        value = super().getattr(obj, attribute)
        if _size(value) > limits.TEMPLATE_MAX_OUTPUT_CHARS:
            raise _too_big()
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.check()
        return super().getitem(obj, argument)


# -- rendering with a hard stop ------------------------------------------------------------
def _raise_in(thread_id: int, exc: Optional[type]) -> None:
    import ctypes  # ~1.6 ms at start-up, and only a template that runs out of time needs it

    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    set_async(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None)


def generate_bounded(env: BoundedSandbox, template: Any, context: dict) -> str:
    """Render `template` chunk by chunk, within the output limit and the time budget."""
    budget = env.budget
    budget.check()
    watchdog = budget.watchdog()
    chunks = []
    total = 0
    try:
        watchdog.rendering()
        for chunk in template.generate(context):
            total += len(chunk)
            if total > limits.TEMPLATE_MAX_OUTPUT_CHARS:
                raise _too_big()
            budget.check()
            chunks.append(chunk)
    finally:
        watchdog.done()
    return "".join(chunks)


def _check_args(args: Any, kwargs: Any) -> None:
    for arg in (*args, *kwargs.values()):
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > limits.TEMPLATE_MAX_OUTPUT_CHARS:
            raise TemplateLimitError(f"参数 {arg:,} 过大（上限 {limits.TEMPLATE_MAX_OUTPUT_CHARS:,}）")


def bound_filters(env: BoundedSandbox) -> None:
    """Filters are called directly by compiled templates, not through `call`: wrap each so
    ``'x'|center(10**9)`` or a giant ``join`` is refused like any other call."""
    for name, func in list(env.filters.items()):
        env.filters[name] = _bounded(func, env.budget)


def _bounded(func: Any, budget: Budget) -> Any:
    def bounded(*args: Any, **kwargs: Any) -> Any:
        budget.check()
        _check_args(args, kwargs)
        result = func(*args, **kwargs)
        if _size(result) > limits.TEMPLATE_MAX_OUTPUT_CHARS:
            raise _too_big()
        return result

    return like(bounded, func)  # keeps Jinja's pass_context/pass_environment marks
