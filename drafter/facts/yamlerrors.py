"""PyYAML's syntax errors, retold in Chinese at the place where the problem *starts*.

PyYAML reports where it gave up, which is often not where the mistake is: an unclosed
quote is reported at the end of the file, a full-width colon (``org：青山区``, the most common
mistake of Chinese users) one line further down as "mapping values are not allowed here".
So, for each kind of error we know, we pick the better place:

* unclosed quote or bracket → the opening quote or bracket (PyYAML's *context* mark);
* a line whose key is followed by ``：`` or by ``:`` without a space, at or above the line
  where PyYAML stopped → that line;
* "mapping values are not allowed here" → we re-scan the tokens: if the plain text before
  the colon began on an earlier line as a value, the later line is indented too far; if it
  began as a line without a colon, that line lacks its colon;
* a quoted value that ran over several lines before the parser choked → its opening quote.

Everything else is reported where PyYAML stopped, with a Chinese description.  Messages
never contain PyYAML's English.
"""
from __future__ import annotations

import re
from typing import Any, List, Optional, Tuple

import yaml

from .findings import LoadError
from .excerpt import position
from .yamlload import LoadedYaml, Mark, _Loader

_GENERIC_HINT = "检查这一行和上一行：字段名后是否是英文冒号加空格“: ”，缩进是否只用了空格并且对齐，引号和括号是否成对"

_FULLWIDTH_COLON = re.compile(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w.-]*[ \t]*(：)")
_NO_SPACE_COLON = re.compile(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*(:)[^\s:/]")
_FULLWIDTH_INDENT = re.compile(r"^[ \t]*(\u3000)[ \t\u3000]*(?:-[ \t\u3000]+)?[A-Za-z_][\w.-]*[ \t]*[:：]")


def _at(loaded: LoadedYaml, line: int, column: int, message: str, hint: Optional[str] = None) -> LoadError:
    mark = Mark(line, column)
    return LoadError("yaml.syntax", f"YAML 格式错误：{message}", path=loaded.path, line=line, column=column,
                          detail=loaded.excerpt(mark), hint=hint)


def _pos(pymark: Any) -> Tuple[int, int]:
    return pymark.line + 1, pymark.column + 1


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def lint_line(text: str) -> Optional[Tuple[int, str, str]]:
    """A typical typing mistake on one line: (1-based column, message, hint), or None."""
    match = _FULLWIDTH_INDENT.match(text)
    if match:
        return (match.start(1) + 1, "这一行用了全角空格（　）缩进；YAML 只能用半角空格缩进",
                "把行首的全角空格换成半角空格（每一级缩进两个空格）")
    match = _FULLWIDTH_COLON.match(text)
    if match:
        return (match.start(1) + 1, "字段名后面用了中文冒号“：”；应是英文冒号加一个空格“: ”",
                "把“：”改成英文冒号“:”，并在冒号后加一个空格")
    match = _NO_SPACE_COLON.match(text)
    if match:
        return (match.start(1) + 1, "冒号后面缺少空格；字段名后应写英文冒号加一个空格“: ”",
                "在冒号后面加一个空格，例如 org: 青山区教育体育局")
    return None


def _first_lint(loaded: LoadedYaml, upto_line: int) -> Optional[LoadError]:
    for number, text in enumerate(loaded.lines[:upto_line], 1):
        if text.lstrip().startswith("#"):
            continue
        found = lint_line(text)
        if found:
            return _at(loaded, number, found[0], found[1], found[2])
    return None


def _tokens_before(loaded: LoadedYaml, line: int, column: int) -> List[yaml.Token]:
    """The tokens PyYAML produced before (0-based) `line`, `column` — the last few suffice."""
    tokens: List[yaml.Token] = []
    loader = _Loader(loaded.text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if (token.start_mark.line, token.start_mark.column) >= (line, column):
                break
            tokens = (tokens + [token])[-4:]
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return tokens


def _mapping_value_here(loaded: LoadedYaml, pm: Any) -> LoadError:
    """"mapping values are not allowed here": find the line where it went wrong."""
    line, column = _pos(pm)
    tokens = _tokens_before(loaded, pm.line, pm.column)
    scalar = tokens[-1] if tokens and isinstance(tokens[-1], yaml.ScalarToken) else None
    if scalar is None or scalar.start_mark.line == pm.line:
        return _at(loaded, line, column, "值里面不能直接出现“: ”（冒号加空格）",
                   "给整个值加上引号，例如 detail: \"说明: 内容\"；或把冒号改成中文冒号“：”")
    start_line = scalar.start_mark.line + 1
    after_value = len(tokens) >= 2 and isinstance(tokens[-2], yaml.ValueToken)
    here = loaded.lines[line - 1]
    if after_value and _indent(here) > _indent(loaded.lines[start_line - 1]):
        return _at(loaded, line, _indent(here) + 1,
                   f"这一行缩进多了：上面第 {start_line} 行的字段已经写了值，它下面不能再有下一级字段",
                   "让这一行与上一行的字段左对齐；若上一行的值应写在下面，请删掉上一行冒号后的值")
    return _at(loaded, start_line, scalar.start_mark.column + 1,
               "这一行缺少冒号：字段名后面应写英文冒号加一个空格“: ”，再写值",
               "例如 org: 青山区教育体育局；若这一行是上一项的续写，请把它和上一行合并")


def _block_end(loaded: LoadedYaml, exc: yaml.MarkedYAMLError) -> LoadError:
    """"expected <block end>, but found …": stray text, a stray bracket or bad indentation."""
    pm: Any = exc.problem_mark
    line, column = _pos(pm)
    found = (exc.problem or "").rsplit("but found", 1)[-1].strip(" '")
    tokens = _tokens_before(loaded, pm.line, pm.column)
    quoted = next((t for t in reversed(tokens) if isinstance(t, yaml.ScalarToken)), None)
    if found == "<scalar>" and quoted is not None and quoted.style in ("'", '"'):
        if quoted.end_mark.line > quoted.start_mark.line:
            q_line, q_col = _pos(quoted.start_mark)
            return _at(loaded, q_line, q_col,
                       f"这里开始的引号（{quoted.style}）没有在本行闭合，一直延续到了第 {quoted.end_mark.line + 1} 行",
                       "在这一行的值末尾补上引号")
        return _at(loaded, line, column, "引号结束后不能再接文字", "把整个值都放进引号里，例如 title: \"…“…”…\"")
    if found in ("]", "}"):
        return _at(loaded, line, column, f"多了一个“{found}”，前面没有与它配对的括号")
    if found == ":":
        return _at(loaded, line, column, "冒号前面缺少字段名")
    here = loaded.lines[line - 1] if line <= len(loaded.lines) else ""
    previous = next((t for t in reversed(loaded.lines[: line - 1]) if t.strip() and not t.lstrip().startswith("#")), "")
    if _indent(here) == _indent(previous) and previous.lstrip().startswith("-") and not here.lstrip().startswith("-"):
        return _at(loaded, line, _indent(here) + 1, "这一行与上一行的列表项“- ”对齐了，它自己却不是列表项",
                   "如果这是列表的新一项，在前面加“- ”；如果它属于上一项，请再多缩进两个空格，与上一项“- ”后面的文字对齐")
    if _indent(here) == _indent(previous):
        return _at(loaded, line, column, "这一行的缩进与上文对不齐", _GENERIC_HINT)
    return _at(loaded, line, _indent(here) + 1,
               f"缩进对不齐：这一行缩进了 {_indent(here)} 个空格，上一行缩进了 {_indent(previous)} 个空格",
               "同一层的字段要左对齐；下一层比上一层多缩进两个空格；列表项的“- ”要对齐")


def _flow(loaded: LoadedYaml, exc: yaml.MarkedYAMLError) -> LoadError:
    context = exc.context or ""
    opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
    pm, cm = exc.problem_mark, exc.context_mark
    if cm is not None and (pm is None or pm.line != cm.line or "<stream end>" in (exc.problem or "")):
        line, column = _pos(cm)
        return _at(loaded, line, column, f"这里的“{opening}”没有配对的“{closing}”",
                   f"在这一项的末尾补上“{closing}”；如果值本身以“{opening}”开头，请给整个值加上引号")
    line, column = _pos(pm)
    return _at(loaded, line, column, f"“{opening} {closing}”里的各项之间要用英文逗号“,”隔开",
               f"检查这里是否漏了逗号，或多了冒号；文字里有逗号或冒号时，给这一项加上引号")


def translate_syntax_error(exc: yaml.YAMLError, loaded: LoadedYaml) -> LoadError:
    """A Chinese `LoadError` at the place where the problem starts."""
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        offset = getattr(exc, "position", None)
        if isinstance(offset, int):
            line, column = position(loaded.text, offset)
            return _at(loaded, line, column, "这里有 YAML 不允许的字符")
        return LoadError("yaml.syntax", "YAML 格式错误：无法读取这个文件", path=loaded.path, hint=_GENERIC_HINT)
    problem, context = exc.problem or "", exc.context or ""
    pm, cm = exc.problem_mark, exc.context_mark
    line, column = _pos(pm)
    quoted = "quoted scalar" in context
    if not quoted:
        linted = _first_lint(loaded, line)
        if linted is not None:
            return linted
    if "'\\t'" in problem:
        return _at(loaded, line, column, "这里有制表符（Tab）；YAML 只能用空格缩进和分隔",
                   "把 Tab 换成空格（每一级缩进两个空格）；可在编辑器中打开“显示空白字符”查看")
    if quoted and ("end of stream" in problem or "document separator" in problem):
        q_line, q_col = _pos(cm)
        return _at(loaded, q_line, q_col, "这里开始的引号一直没有闭合", "在这段文字的末尾补上同样的引号")
    if "escape" in problem or "hexadecimal" in problem:
        return _at(loaded, line, column, "双引号里的反斜杠“\\”后面不是有效的转义字符",
                   "值里要写反斜杠时（如文件路径），改用单引号把整个值括起来，或把“\\”写成“\\\\”")
    if context.startswith("while parsing a flow") or "expected ',' or" in problem:
        return _flow(loaded, exc)
    if "mapping values are not allowed" in problem:
        return _mapping_value_here(loaded, pm)
    if "sequence entries are not allowed" in problem:
        return _at(loaded, line, column, "列表项“- ”不能和字段名写在同一行",
                   "换到下一行，比字段名多缩进两个空格再写“- ”；如果“-”是文字的一部分，请给整个值加上引号")
    if "alias" in context or "anchor" in context:
        c_line, c_col = _pos(cm or pm)
        return _at(loaded, c_line, c_col, "“*”和“&”在 YAML 中有特殊含义（别名和锚点），不能作为值的开头",
                   "给整个值加上引号，例如 \"*重点工作\"")
    if "could not find expected ':'" in problem:
        c_line, c_col = _pos(cm or pm)
        return _at(loaded, c_line, c_col, "这一行缺少冒号：字段名后面应写英文冒号加一个空格“: ”",
                   "例如 org: 青山区教育体育局")
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if problem.count("'") >= 2 else ""
        return _at(loaded, line, column, f"值不能以“{char}”开头", f"给整个值加上引号，例如 \"{char}…\"")
    if "block scalar" in context:
        return _at(loaded, line, column, "“|”或“>”后面只能写“-”“+”或数字，正文要从下一行开始",
                   "把这一行“|”后面的文字移到下一行，并比字段名多缩进两个空格")
    if "directive" in context:
        return _at(loaded, line, column, "以“%”开头的行是 YAML 指令", "如果这是文字，请给整个值加上引号")
    if "expected <block end>" in problem:
        return _block_end(loaded, exc)
    if "<document start>" in problem:
        return _at(loaded, line, column, f"这里多出了不属于{loaded.what}的内容（可能是缩进有误，或前面有“...”结束标记）",
                   _GENERIC_HINT)
    return _at(loaded, line, column, "这里的写法不符合 YAML 格式", _GENERIC_HINT)
