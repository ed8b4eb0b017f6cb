"""Every failure of a user's template as a Chinese message at TEMPLATE:LINE — and drafter's own
bugs kept apart from it.

Jinja's messages are English; the common ones are translated here by pattern, the rest keep
Jinja's wording after a Chinese lead.  Who is to blame is read off the traceback: an error
raised in the template's own code (or in Jinja or Python builtins it called) is the template's,
shown at the template line; one raised inside drafter's package is a bug of drafter and is
re-raised untouched, so it surfaces as an internal error instead of being pinned on the user.
A helper that receives bad arguments says so itself with a `TemplateError` (see `checkargs`).
"""
from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Optional, Tuple

import jinja2

from ..errors import DrafterError, TemplateError
from .sandbox import TemplateLimitError, TemplateTimeout, too_long

TEMPLATE_SUFFIX = ".j2"
_PACKAGE = str(Path(__file__).resolve().parent.parent)

_TOKENS = {
    "end of print statement": "}}", "end of statement block": "%}", "end of template": "模板结尾",
    "name": "一个名称", "end of variable block": "}}", "begin of print statement": "{{",
}


def _token(text: str) -> str:
    return _TOKENS.get(text, text)


def _tags(listing: str) -> str:
    return "、".join(f"{{% {t} %}}" for t in re.findall(r"'(\w+)'", listing))


_SYNTAX = [
    (re.compile(r"Encountered unknown tag '(\w+)'\.(?: Jinja was looking for the following tags: (.*?)\.)?"
                r"(?: The innermost block that needs to be closed is '(\w+)'\.)?$"),
     lambda m: f"不认识的标签 {{% {m[1]} %}}" + (f"；这里应为 {_tags(m[2])}" if m[2] else "")
     + (f"（需要结束的是 {{% {m[3]} %}}）" if m[3] else "")),
    (re.compile(r"Unexpected end of template\.(?: Jinja was looking for the following tags: (.*?)\.)?"
                r"(?: The innermost block that needs to be closed is '(\w+)'\.)?$"),
     lambda m: "模板在标签结束之前就结束了" + (f"：缺少 {_tags(m[1])}" if m[1] else "")
     + (f"（需要结束的是 {{% {m[2]} %}}）" if m[2] else "")),
    (re.compile(r"No filter named '([^']+)'\.?(?: found\.)?$"), lambda m: f"没有名为“{m[1]}”的过滤器"),
    (re.compile(r"No test named '([^']+)'\.?(?: found\.)?$"), lambda m: f"没有名为“{m[1]}”的判断（is …）"),
    (re.compile(r"unexpected '([^']+)', expected '([^']+)'$"),
     lambda m: f"这里不应出现 {_token(m[1])}，应为 {_token(m[2])}"),
    (re.compile(r"unexpected '([^']+)'$"), lambda m: f"这里不应出现 {_token(m[1])}"),
    (re.compile(r"unexpected char '(.)' at \d+$"), lambda m: f"这里不应出现字符“{m[1]}”"),
    (re.compile(r"expected token '([^']+)', got '([^']+)'$"),
     lambda m: f"这里应为 {_token(m[1])}，实际是 {_token(m[2])}"),
    (re.compile(r"Expected an expression, got '([^']+)'$"), lambda m: f"这里缺少表达式，实际是 {_token(m[1])}"),
    (re.compile(r"unexpected end of template, expected '([^']+)'\.?$"),
     lambda m: f"模板意外结束，缺少 {_token(m[1])}"),
    (re.compile(r"block '(\w+)' defined twice$"), lambda m: f"区块 {m[1]} 定义了两次"),
]


def syntax_message(message: str) -> str:
    for pattern, say in _SYNTAX:
        match = pattern.match(message.strip())
        if match:
            return "模板语法错误：" + say(match)
    return f"模板语法错误（Jinja 的说明：{message}）"


_NOT_ABLE = {"iterable": "不能用于 for 循环", "callable": "不能当作函数调用", "subscriptable": "不能用 [ ] 取值"}

# Python's own messages for the common slips, tried in order like `_SYNTAX` (left to `re`'s
# cache to compile: they are needed only when a template fails, not at start-up).
_RUNTIME = [
    (r"unsupported operand type\(s\) for (.+): '(\w+)' and '(\w+)'",
     lambda m: f"运算 {m[1]} 不能用于 {m[2]} 和 {m[3]} 类型的值"),
    (r"can only concatenate (\w+) \(not \"(\w+)\"\) to (\w+)",
     lambda m: f"不能把 {m[2]} 类型的值接到 {m[1]} 后面；可先用 |string 转成文字"),
    (r"'(\w+)' object is not (iterable|callable|subscriptable)",
     lambda m: f"{m[1]} 类型的值{_NOT_ABLE[m[2]]}"),
    (r"invalid literal for int\(\) with base 10: (.+)", lambda m: f"无法把 {m[1]} 转为整数"),
    (r"could not convert string to float: (.+)", lambda m: f"无法把 {m[1]} 转为数"),
]


def _runtime_message(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, ZeroDivisionError):
        return "除数为零"
    if isinstance(exc, RecursionError):
        return "宏或函数嵌套调用过深，已停止（可能是宏在无限地调用自己）"
    if isinstance(exc, MemoryError):
        return "模板用尽了内存，已停止（可能是循环或字符串重复过多）"
    if isinstance(exc, OverflowError):
        return f"数值过大（{text}）"
    for pattern, say in _RUNTIME:
        match = re.match(pattern, text)
        if match:
            return say(match)
    kind = {TypeError: "值的类型不对", ValueError: "值不合适", KeyError: "没有这个键", IndexError: "下标超出范围",
            AttributeError: "没有这个属性"}.get(type(exc), "出错")
    return f"{kind}（{type(exc).__name__}: {text}）"


def template_frame(tb: Optional[types.TracebackType]) -> Optional[Tuple[str, int]]:
    """The innermost traceback entry that Jinja mapped back onto a template file and line.

    Jinja maps only an `Exception`'s traceback; a `TemplateTimeout` (a BaseException) keeps the
    compiled template's own frames, whose line numbers are the generated Python's, so those are
    mapped here through the template's debug info as Jinja would."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIX) or filename == "<template>":
            template = tb.tb_frame.f_globals.get("__jinja_template__")
            line = template.get_corresponding_lineno(tb.tb_lineno) if template is not None else tb.tb_lineno
            found = (filename, line)
        tb = tb.tb_next
    return found


def _raised_in_drafter(tb: Optional[types.TracebackType]) -> bool:
    """True when the innermost frame is drafter's own code (not a template, Jinja or Python)."""
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is None:
        return False
    filename = last.tb_frame.f_code.co_filename
    return filename.startswith(_PACKAGE) and not filename.endswith(TEMPLATE_SUFFIX)


def _undefined_name(message: str) -> str:
    # jinja2: "'foo' is undefined" / "'dict object' has no attribute 'x'"
    message = re.sub(r"'(?:\w+\.)+(\w+)( object)?'", r"'\1\2'", message)  # 'drafter.facts.model.Report' → 'Report'
    return (message.replace(" is undefined", "").replace(" has no attribute ", " 没有属性 ")
            .replace(" has no element ", " 没有元素 ").replace(" object", ""))


def translate(exc: BaseException, name: str, source: Optional[str] = None) -> BaseException:
    """The `TemplateError` to raise for `exc`, raised while rendering template `name` (whose
    file is `source`), or `exc` itself when it is drafter's own bug or not the template's."""
    where = template_frame(exc.__traceback__)
    path, line = (where[0], where[1]) if where else (source or name, None)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(syntax_message(exc.message or ""), path=exc.filename or name, line=exc.lineno)
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(f"找不到模板 {exc.name}", path=path, line=line,
                             hint="可用的模板见 drafter templates list")
    if isinstance(exc, TemplateTimeout):
        limit = too_long()
        return TemplateLimitError(limit.message, path=path, line=line, hint=limit.hint)
    if isinstance(exc, DrafterError):
        if isinstance(exc, TemplateError) and exc.location is None:
            return type(exc)(exc.message, path=path, line=line, detail=exc.detail, hint=exc.hint)
        return exc
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError(f"模板引用了不存在的名称：{_undefined_name(str(exc))}", path=path, line=line,
                             hint="检查拼写；可用的名称见 drafter templates show achievements.j2")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return TemplateError(f"模板试图执行不允许的操作（{exc}）", path=path, line=line)
    if isinstance(exc, (RecursionError, MemoryError)):
        return TemplateError(_runtime_message(exc), path=path, line=line)
    if isinstance(exc, Exception) and not _raised_in_drafter(exc.__traceback__):
        return TemplateError(f"模板运行出错：{_runtime_message(exc)}", path=path, line=line)
    return exc
