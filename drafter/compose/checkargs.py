"""Template helpers and filters check their arguments against their own type hints.

A template can pass anything to a helper (``'abc'|num``, ``heading('x')``, ``figures(3)``).  A
wrong argument is the template's mistake and must be reported at its line in Chinese; an
error *inside* a helper called with fitting arguments is drafter's bug and must not be pinned
on the user.  Checking the arguments before the call separates the two: the wrapper raises a
`TemplateError` for arguments that do not fit the helper's annotations (plus a few value rules
the types cannot say, such as a date's form), and lets everything else through untouched.

A helper's signature and type hints are worked out on its first call, not when the environment
is built: a draft calls a handful of the helpers and none of the filters, and resolving every
string annotation up front was a few milliseconds of each render's start-up (issue 12).
"""
from __future__ import annotations

import collections.abc
import inspect
import re
import typing
from typing import Any, Callable, Dict, Optional, Tuple

import jinja2

from ..errors import TemplateError

# Value rules beyond the type: (check, what the argument must be), keyed by helper name.
_DATE = r"\s*\d{4}-\d{1,2}-\d{1,2}\s*$"  # compiled by `re` on first use (few templates date anything)
VALUE_RULES: Dict[str, Dict[str, tuple]] = {
    "date_cn": {"value": (lambda v: bool(re.match(_DATE, str(v))), "形如 2025-01-10 的日期")},
    "cn": {"n": (lambda v: 0 <= v <= 9999, "0～9999 的整数")},
    "num": {"places": (lambda v: v is None or 0 <= v <= 10, "0～10 的小数位数")},
}


def _kind(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if any(a in (int, float) for a in args) and all(a in (int, float) or getattr(a, "__name__", "") == "Decimal"
                                                       for a in args):
            return "数"
        return "或".join(dict.fromkeys(_kind(a) for a in args))
    if hint is bool:
        return "真假值（true/false）"
    if hint is int:
        return "整数"
    if hint is float:
        return "数"
    if hint is str:
        return "文字"
    if origin in (list, tuple, collections.abc.Sequence, collections.abc.Iterable):
        return "列表"
    if isinstance(hint, type):
        return {"Figure": "数据项（figures 中的一项）"}.get(hint.__name__, hint.__name__)
    return str(hint)


def _shown(value: Any) -> str:
    if isinstance(value, jinja2.Undefined):
        return "一个未定义的值"
    if value is None:
        return "空值（None）"
    if isinstance(value, bool):
        return f"真假值 {value}"
    if isinstance(value, (int, float)):
        return f"数 {value}"
    if isinstance(value, str):
        text = value if len(value) <= 20 else value[:20] + "…"
        return f"文字“{text}”"
    if isinstance(value, dict):
        return "一个字典"
    if isinstance(value, (list, tuple)):
        return f"一个有 {len(value)} 项的列表"
    return f"一个 {type(value).__name__} 类型的值"


def fits(value: Any, hint: Any) -> bool:
    if hint is Any or hint is inspect.Parameter.empty:
        return True
    if isinstance(value, jinja2.Undefined):
        return False
    origin = typing.get_origin(hint)
    if origin is typing.Union:
        return any(fits(value, a) for a in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, (bool, int))
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin in (list, tuple, collections.abc.Sequence, collections.abc.Iterable):
        if isinstance(value, (str, dict)) or not isinstance(value, collections.abc.Iterable):
            return False
        args = typing.get_args(hint)
        if args and isinstance(value, (list, tuple)):
            return all(fits(item, args[0]) for item in value)
        return True
    if origin is collections.abc.Callable or hint is collections.abc.Callable:
        return callable(value)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def _binding_problem(exc: TypeError) -> str:
    text = str(exc)
    for pattern, say in ((r"missing a required argument: '(\w+)'", "缺少参数 {}"),
                         (r"got an unexpected keyword argument '(\w+)'", "没有名为 {} 的参数"),
                         (r"too many positional arguments", "的参数过多"),
                         (r"multiple values for argument '(\w+)'", "的参数 {} 给了两次")):
        match = re.search(pattern, text)
        if match:
            return say.format(*match.groups())
    return "的参数不对"


def _spec(func: Callable[..., Any]) -> Tuple[inspect.Signature, Dict[str, Any]]:
    """`func`'s signature and resolved type hints."""
    return inspect.signature(func), hints_of(func)


def hints_of(func: Callable[..., Any]) -> Dict[str, Any]:
    """`typing.get_type_hints(func)` for a plain function with string annotations (what
    ``from __future__ import annotations`` makes): each string evaluated in the function's
    module, a fifth of get_type_hints' cost.  Anything else, or an annotation that does not
    evaluate, goes to get_type_hints; one it cannot resolve means no type check (``{}``)."""
    try:
        namespace = func.__globals__  # type: ignore[attr-defined]
        return {name: type(None) if value is None else value
                for name, value in ((name, eval(text, namespace) if isinstance(text, str) else text)  # noqa: S307
                                    for name, text in func.__annotations__.items())}
    except Exception:  # noqa: BLE001 - the general path below decides
        pass
    try:
        return typing.get_type_hints(func)
    except Exception:  # noqa: BLE001 - an unresolvable annotation just means no type check
        return {}


def like(wrapper: Callable[..., Any], func: Callable[..., Any]) -> Callable[..., Any]:
    """`wrapper` carrying `func`'s name, doc and marks (Jinja's pass_context…): what
    `functools.wraps` copies, at a fraction of its cost for the ~60 filters each draft wraps."""
    marks = getattr(func, "__dict__", None)  # builtins such as len (Jinja's |length) have none
    if marks:
        wrapper.__dict__.update(marks)
    wrapper.__name__ = getattr(func, "__name__", wrapper.__name__)
    wrapper.__qualname__ = getattr(func, "__qualname__", wrapper.__qualname__)
    wrapper.__doc__ = getattr(func, "__doc__", None)
    wrapper.__wrapped__ = func  # type: ignore[attr-defined]
    return wrapper


def checked(func: Callable[..., Any], name: str, *, is_filter: bool) -> Callable[..., Any]:
    """`func` with its arguments checked against its annotations before each call."""
    takes_context = getattr(func, "jinja_pass_arg", None) is not None
    what = f"过滤器“{name}”" if is_filter else f"{name}() "
    rules = VALUE_RULES.get(name, {})
    spec: Optional[Tuple[inspect.Signature, Dict[str, Any]]] = None  # worked out on the first call

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal spec
        if spec is None:
            spec = _spec(func)
        signature, hints = spec
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as exc:
            raise TemplateError(f"{what}{_binding_problem(exc)}") from None
        for index, (param, value) in enumerate(bound.arguments.items()):
            if takes_context and index == 0 or param == "caller":
                continue
            hint = hints.get(param, Any)
            if not fits(value, hint):
                which = "要处理的值" if is_filter and index == (1 if takes_context else 0) else f"参数 {param} "
                raise TemplateError(f"{what}的{which}应为{_kind(hint)}，这里是{_shown(value)}")
            rule = rules.get(param)
            if rule and value is not None and not rule[0](value):
                raise TemplateError(f"{what}的参数 {param} 应为{rule[1]}，这里是{_shown(value)}")
        return func(*args, **kwargs)

    return like(wrapper, func)


def checked_all(funcs: Dict[str, Callable[..., Any]], *, is_filter: bool) -> Dict[str, Callable[..., Any]]:
    return {name: checked(func, name, is_filter=is_filter) for name, func in funcs.items()}


__all__ = ["checked", "checked_all", "fits", "Optional"]
