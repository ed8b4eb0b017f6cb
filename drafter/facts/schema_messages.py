"""Schema issues → Chinese problems that point at the right line, with a way to fix them.

One function per keyword.  Each chooses the place the user should look (the value for a
wrong type, the *key* for an unknown field or an empty value, the parent's key for a missing
field), says what is expected in words a non-programmer knows (文字, 数字, 列表, “字段: 值”),
and where it can, guesses the fix: ``35人`` → value 35 and unit 人; ``年度`` → annual;
``orgname`` → org; ``org`` at the top level → it belongs under report.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from .findings import ERROR, PathKey, Problem
from .rules import FULLWIDTH_DIGITS, as_number
from .schema import Checker, SchemaIssue
from .semantic import shown_number
from .yamlload import LoadedYaml, Mark

_TYPE_WORDS = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "array": "列表（每项单独一行，以“- ”开头）",
    "object": "“字段: 值”形式的内容（下一级字段换行并多缩进两个空格）",
    "null": "空值",
    "boolean": "是/否",
}

_NUMBER_WITH_UNIT = re.compile(r"^\s*([+-]?\d[\d,，]*(?:\.\d+)?)\s*(?![eE][+-]?\d)([^\d\s].{0,5})\s*$")


def describe(value: Any) -> str:
    """A value as a user would name it: 文字“…”, 数字 35, 空值, 列表 …"""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return f"是/否值 {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"数字 {shown_number(value)}"
    if isinstance(value, str):
        return f"文字“{short(value)}”"
    if isinstance(value, list):
        return f"列表（{len(value)} 项）"
    return "“字段: 值”形式的内容"


def short(text: str, limit: int = 24) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "…"


class Translator:
    def __init__(self, checker: Checker, loaded: LoadedYaml) -> None:
        self.checker = checker
        self.loaded = loaded
        self.meant: Dict[PathKey, str] = {}  # a missing field → the misspelled key written instead

    # -- places and names ----------------------------------------------------------------
    def title(self, path: PathKey) -> Optional[str]:
        schema = self.checker.subschema(path)
        return schema.get("title") if schema else None

    def value_mark(self, path: PathKey) -> Optional[Mark]:
        return self.loaded.mark(path)

    def key_mark(self, path: PathKey) -> Optional[Mark]:
        """The key naming `path` (a list item has none: its own start)."""
        return self.loaded.key_marks.get(tuple(path)) or self.loaded.mark(path)

    def problem(self, code: str, message: str, path: PathKey, mark: Optional[Mark], hint: Optional[str] = None,
                severity: str = ERROR) -> Problem:
        return Problem(severity, code, message, path, mark.line if mark else None, mark.column if mark else None,
                       hint, self.title(path), self.loaded.excerpt(mark))

    # -- keywords ------------------------------------------------------------------------
    def translate(self, issue: SchemaIssue) -> Problem:
        handler = getattr(self, "_" + issue.keyword, None)
        if handler is None:  # pragma: no cover - schema_keywords() test keeps this unreachable
            return self.problem("schema.other", "不符合格式要求", issue.path, self.value_mark(issue.path))
        return handler(issue)

    def _required(self, issue: SchemaIssue) -> Problem:
        parent = issue.path[:-1]
        name = issue.path[-1]
        example = self._example(issue.path)
        where = f"在 {self._field(parent)} 下面" if parent else "在文件中"
        hint = f"{where}加一行 {name}: {example}" if example else f"{where}加上“{name}:”这一部分，写法可参照 samples 中的示例"
        if not parent:  # a whole part is missing: there is no line to show
            return Problem(ERROR, "schema.required", "缺少这个必填部分", issue.path, 1, 1, hint, self.title(issue.path))
        return self.problem("schema.required", "缺少这个必填字段", issue.path, self.key_mark(parent), hint)

    def _additionalProperties(self, issue: SchemaIssue) -> Problem:
        name = str(issue.path[-1])
        parent = issue.path[:-1]
        schema = self.checker.subschema(parent) or {}
        known: Dict[str, Any] = schema.get("properties", {})
        hint = self._misplaced(name, parent)
        if hint is None:
            meant, hint = self._closest(name, known)
            if meant is not None:
                self.meant[parent + (meant,)] = name
        if hint is None:
            listing = "、".join(f"{k}（{self.title(parent + (k,))}）" for k in known)
            hint = f"这里可以写的字段有：{listing}"
        return Problem(ERROR, "schema.unknown-field", f"没有“{short(name)}”这个字段", issue.path,
                       *self._line_col(self.key_mark(issue.path)), hint, None,
                       self.loaded.excerpt(self.key_mark(issue.path)))

    def _type(self, issue: SchemaIssue) -> Problem:
        schema, value, path = issue.schema, issue.value, issue.path
        expected = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        wanted = "或".join(_TYPE_WORDS[t] for t in expected if t != "null")
        if value is None:
            if "array" in expected:
                return self.problem("schema.empty", "是空的：请在下面逐行写“- 内容”，或删掉这一行", path,
                                    self.key_mark(path))
            return self.problem("schema.empty", "是空的：请填写内容，或删掉这一行", path, self.key_mark(path))
        if schema.get("pattern", r"\S") != r"\S" and "string" in expected:  # a date written as a number …
            digits = str(value)
            hint = f"写成 \"{digits[:4]}-{digits[4:6]}-{digits[6:]}\"" if re.fullmatch(r"\d{8}", digits) else None
            return self.problem("schema.type", f"{schema.get('patternErrorMessage', '格式不对')}，而这里是{describe(value)}", path,
                                self.value_mark(path), hint)
        message = f"应为{wanted}，而这里是{describe(value)}"
        return self.problem("schema.type", message, path, self.value_mark(path), self._type_hint(expected, value, path))

    def _type_hint(self, expected: List[str], value: Any, path: PathKey) -> Optional[str]:
        if ("number" in expected or "integer" in expected) and isinstance(value, str):
            number = as_number(value)
            if number is not None:
                return f"只写数字，不加引号和千位分隔符：{number}"
            match = _NUMBER_WITH_UNIT.match(value.translate(FULLWIDTH_DIGITS))
            if match and path and path[-1] == "year":
                return f"年份只写四位数字，例如 year: {as_number(match.group(1))}"
            if match:
                return f"数值只写数字，单位另写在 unit 里，例如 value: {as_number(match.group(1))}，unit: {match.group(2)}"
            return "请用阿拉伯数字填写"
        if "integer" in expected and isinstance(value, float):
            return "这里只能写整数"
        if "string" in expected and isinstance(value, bool):
            return "yes、no、on、off、true、false 在 YAML 中表示“是/否”；要作为文字，请加上引号"
        if "string" in expected and isinstance(value, (int, float)):
            return f"如果这里就要写这个数，请给它加上引号，例如 \"{value}\""
        if "object" in expected and isinstance(value, str):
            if re.match(r"^[A-Za-z_]\w*\s*：", value):
                return "字段名后面用了中文冒号“：”；应是英文冒号加一个空格“: ”"
            if re.match(r"^[A-Za-z_]\w*:\S", value):
                return "冒号后面缺少空格：字段名后应写英文冒号加一个空格“: ”"
            return "下一级的字段要另起一行，并比上一级多缩进两个空格"
        if "array" in expected and isinstance(value, dict):
            return "列表的每一项前面要有“- ”"
        if "array" in expected and isinstance(value, str):
            return "把内容写在下一行，比字段名多缩进两个空格，并以“- ”开头；多条就写多行"
        return None

    def _enum(self, issue: SchemaIssue) -> Problem:
        options = issue.schema["enum"]
        labels = issue.schema.get("enumDescriptions", [""] * len(options))
        named = [f"{o}（{d}）" if d else str(o) for o, d in zip(options, labels)]
        listing = " 或 ".join(named) if len(named) == 2 else "、".join(named) + " 之一"
        value = issue.value
        hint = None
        if isinstance(value, str) and value.strip():
            text = value.strip()
            for option, label in zip(options, labels):
                if text.lower() == str(option).lower() or (label and (text in label or label.split("（")[0] in text)):
                    hint = f"是否想写 {option}？"
                    break
            else:
                import difflib

                close = difflib.get_close_matches(text, [str(o) for o in options], n=1, cutoff=0.6)
                hint = f"是否想写 {close[0]}？" if close else None
        return self.problem("schema.enum", f"只能写 {listing}，而这里是{describe(value)}", issue.path,
                            self.value_mark(issue.path), hint)

    def _minimum(self, issue: SchemaIssue) -> Problem:
        return self._bound(issue, f"应不小于 {issue.schema['minimum']}")

    def _maximum(self, issue: SchemaIssue) -> Problem:
        return self._bound(issue, f"应不大于 {issue.schema['maximum']}")

    def _bound(self, issue: SchemaIssue, said: str) -> Problem:
        hint = "写四位数字的年份，例如 2024" if issue.path and issue.path[-1] == "year" else None
        return self.problem("schema.range", f"{said}，而这里是 {shown_number(issue.value) if isinstance(issue.value, (int, float)) else issue.value}", issue.path,
                            self.value_mark(issue.path), hint)

    def _pattern(self, issue: SchemaIssue) -> Problem:
        if not str(issue.value).strip():
            return self._empty_text(issue)
        message = issue.schema.get("patternErrorMessage") or "格式不对"
        return self.problem("schema.format", f"{message}，而这里是{describe(issue.value)}", issue.path,
                            self.value_mark(issue.path))

    def _minLength(self, issue: SchemaIssue) -> Problem:
        return self._empty_text(issue)

    def _empty_text(self, issue: SchemaIssue) -> Problem:
        return self.problem("schema.empty", "不能为空（或只有空格）：请填写内容，或删掉这一行", issue.path,
                            self.value_mark(issue.path))

    def _minItems(self, issue: SchemaIssue) -> Problem:
        return self.problem("schema.empty", "是空的：请至少写一项，或删掉这一行", issue.path, self.key_mark(issue.path))

    # -- suggestions ---------------------------------------------------------------------
    def _line_col(self, mark: Optional[Mark]) -> Tuple[Optional[int], Optional[int]]:
        return (mark.line, mark.column) if mark else (None, None)

    def _field(self, path: PathKey) -> str:
        return Problem(ERROR, "", "", path).field

    def _example(self, path: PathKey) -> Optional[str]:
        schema = self.checker.subschema(path) or {}
        for example in schema.get("examples", []):
            if isinstance(example, (str, int, float)) and not isinstance(example, bool):
                return f"\"{example}\"" if path[-1] == "date" else str(example)
        return None

    def _closest(self, name: str, known: Dict[str, Any]) -> Tuple[Optional[str], Optional[str]]:
        """(the field probably meant, how to say so)."""
        lowered = {k.lower(): k for k in known}
        if name.lower() in lowered:
            key = lowered[name.lower()]
            return key, f"字段名区分大小写，应写 {key}"
        import difflib  # only when there is a misspelling to explain

        close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
        close = close or [k for k in lowered if len(k) >= 3 and len(name) >= 3 and
                          (name.lower().startswith(k) or k.startswith(name.lower()))][:1]
        if close:
            key = lowered[close[0]]
            return key, f"是否想写 {key}（{self.checker.resolve(known[key]).get('title')}）？"
        for key, schema in known.items():
            title = self.checker.resolve(schema).get("title") or ""
            if title and (name in title or title in name):
                return key, f"字段名要用英文：“{title}”应写作 {key}"
        return None, None

    def _misplaced(self, name: str, parent: PathKey) -> Optional[str]:
        """A known field written one level too high or too low (an indentation slip)."""
        schema = self.checker.subschema(parent) or {}
        for child, sub in schema.get("properties", {}).items():
            resolved = self.checker.resolve(sub)
            if name in resolved.get("properties", {}):
                return f"{name} 是 {self._field(parent + (child,))} 下面的字段：是否少缩进了？应写在“{child}:”下面，并多缩进两个空格"
            items = resolved.get("items")
            if isinstance(items, dict) and name in self.checker.resolve(items).get("properties", {}):
                return f"{name} 是 {child} 中每一项的字段：是否少缩进了，或漏写了“- ”？"
        if len(parent) >= 1:
            grand = parent[:-1] if not isinstance(parent[-1], int) else parent[:-2]
            above = self.checker.subschema(grand) or {}
            if name in above.get("properties", {}) and grand != parent:
                where = self._field(grand) or "最外层"
                return f"{name} 是{where}的字段：是否多缩进了？"
        return None


def translate(issues: List[SchemaIssue], checker: Checker, loaded: LoadedYaml) -> List[Problem]:
    """Chinese problems for schema issues; a missing field that was only misspelled is said once."""
    translator = Translator(checker, loaded)
    unknown = [translator.translate(i) for i in issues if i.keyword == "additionalProperties"]
    rest = [translator.translate(i) for i in issues
            if i.keyword != "additionalProperties" and not (i.keyword == "required" and i.path in translator.meant)]
    return unknown + rest
