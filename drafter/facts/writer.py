"""Write a fact sheet as YAML a person can read and edit, with a Chinese comment on each field.

`yaml.dump` cannot write comments and picks its own layout, so the sheet is written here
line by line in the layout of the shipped sample: block style, one figure per line as a
flow mapping, comments aligned in one column (measured in display cells, as the
Chinese text is twice as wide), the yaml-language-server modeline first.  Every value is
written plain when that reads back as the same string, and double-quoted otherwise —
decided by actually reading it back, so no value can change its meaning (``yes``, ``2024``,
``null``, ``a: b``, ``#`` …).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import yaml

from .excerpt import cell_width
from .schema import factsheet_checker

COMMENT_COLUMN = 40

# Comments richer than the schema's field titles; everything else uses the title.
COMMENTS: Dict[str, str] = {
    "report.period": "annual 年度 | first-half 上半年",
    "report.title": "标题，留空则为：{单位}{年度}年工作总结及{下一年}年工作打算",
    "report.leadership": "领导机关：“在…的坚强领导下”",
    "report.guidance": "指导思想：“坚持以…为指导”",
    "report.signature": "落款，留空则用单位全称",
    "report.self_reference": "正文中的自称，如“我局”；留空则按单位名称推断",
    "report.seal": "落款处是否加盖印章（true/false）",
    "overview": "开头概述（不加标题）",
    "overview.theme": "全年工作主线：“紧紧围绕…”",
    "overview.results": "主要成效与荣誉，写进开头一段",
    "achievements": "主要工作，每项一个主题",
    "achievements.title": "成效，作小标题",
    "achievements.approach": "抓手：“以…为…”",
    "achievements.points": "具体做法 → 一是…；二是…",
    "achievements.figures": "数据：名称、今年数值、单位、上年数值（与今年同一单位）",
    "plans.intro": "引语，留空则使用标准表述",
    "others": "其他部分，如获得荣誉、机遇和挑战",
}
for _key in ("title", "approach", "points", "figures"):
    COMMENTS[f"highlights.{_key}"] = COMMENTS[f"achievements.{_key}"]

ORDER = {
    (): ["report", "overview", "achievements", "highlights", "problems", "plans", "others"],
    ("report",): ["org", "year", "period", "title", "leadership", "guidance", "date", "signature",
                  "self_reference", "seal"],
    ("overview",): ["theme", "results"],
    ("plans",): ["intro", "items"],
}
ITEM_ORDER = ["title", "text", "approach", "points", "figures", "detail"]  # text: a point with figures
FIGURE_KEYS = ["label", "value", "unit", "previous"]


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _plain_ok(text: str, flow: bool) -> bool:
    """Whether `text` written without quotes reads back as the same string (dates do not)."""
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    probe, expected = (f"k: {{ x: {text} }}", {"k": {"x": text}}) if flow else (f"k: {text}", {"k": text})
    try:
        return bool(yaml.load(probe, Loader=_LOADER) == expected)
    except (yaml.YAMLError, ValueError, OverflowError):  # ValueError: a plain 2025-02-30 is read as a bad date
        return False


def literal_ok(text: str) -> bool:
    """Whether a text of several lines can be written as a ``|-`` block and read back unchanged."""
    if "\n" not in text:
        return False
    block = "k: |-\n" + "\n".join(f"  {line}".rstrip() for line in text.split("\n")) + "\n"
    try:
        return bool(yaml.load(block, Loader=_LOADER) == {"k": text})
    except (yaml.YAMLError, ValueError, OverflowError):  # ValueError: a plain 2025-02-30 is read as a bad date
        return False


# JSON leaves these raw, but YAML may not hold them raw: C1 controls, DEL, lone surrogates and
# U+FFFE/U+FFFF are not printable (the file would not load again), and NEL, U+2028 and U+2029
# are line breaks a double-quoted scalar folds into a space.  They are written as \uXXXX escapes.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _quoted(text: str) -> str:
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def scalar(value: Any, *, flow: bool = False) -> str:
    """One value as YAML: plain if that reads back unchanged, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    return text if _plain_ok(text, flow) else _quoted(text)


def _width(text: str) -> int:
    return sum(cell_width(c) for c in text)


class _Writer:
    def __init__(self, notes: Optional[Mapping[Tuple[Any, ...], str]] = None) -> None:
        self.lines: List[str] = []
        self.checker = factsheet_checker()
        self.notes = notes or {}

    def comment_for(self, path: List[Any]) -> Optional[str]:
        if tuple(path) in self.notes:  # a note given for this very value (e.g. where it came from)
            return self.notes[tuple(path)]
        names = [p for p in path if isinstance(p, str)]
        key = ".".join(names)
        if key in COMMENTS:
            return COMMENTS[key]
        schema = self.checker.subschema(tuple(path))
        return schema.get("title") if schema else None

    def emit(self, text: str, comment: Optional[str]) -> None:
        if comment:
            pad = max(2, COMMENT_COLUMN - _width(text))
            text = f"{text}{' ' * pad}# {comment}"
        self.lines.append(text)

    def mapping(self, data: Dict[str, Any], path: List[Any], indent: str, first_prefix: Optional[str] = None) -> None:
        order = ITEM_ORDER if path and isinstance(path[-1], int) else ORDER.get(tuple(path), [])
        keys = [k for k in order if k in data] + [k for k in data if k not in order]
        for n, key in enumerate(keys):
            lead = first_prefix if (n == 0 and first_prefix is not None) else indent
            self.field(key, data[key], path + [key], lead, indent)

    def field(self, key: str, value: Any, path: List[Any], lead: str, indent: str) -> None:
        comment = self.comment_for(path)
        if isinstance(value, dict) and value:
            self.emit(f"{lead}{key}:", comment)
            self.mapping(value, path, indent + "  ")
        elif isinstance(value, list) and value:
            self.emit(f"{lead}{key}:", comment)
            for index, item in enumerate(value):
                self.item(item, path + [index], indent + "  ")
        elif isinstance(value, str) and literal_ok(value):
            self.emit(f"{lead}{key}: |-", comment)
            for line in value.split("\n"):
                self.lines.append(f"{indent}  {line}".rstrip())
        else:
            written = "[]" if isinstance(value, list) else "{}" if isinstance(value, dict) else scalar(value)
            self.emit(f"{lead}{key}: {written}", comment)

    def item(self, item: Any, path: List[Any], indent: str) -> None:
        if isinstance(item, dict) and path[-2] == "figures":
            parts = [f"{k}: {scalar(item[k], flow=True)}" for k in FIGURE_KEYS if k in item]
            parts += [f"{k}: {scalar(v, flow=True)}" for k, v in item.items() if k not in FIGURE_KEYS]
            self.emit(f"{indent}- {{ {', '.join(parts)} }}", self.notes.get(tuple(path)))
        elif isinstance(item, dict):
            self.mapping(item, path, indent + "  ", first_prefix=f"{indent}- ")
        else:
            self.emit(f"{indent}- {scalar(item)}", self.notes.get(tuple(path)))


def dump_sheet(sheet: Dict[str, Any], *, schema_ref: Optional[str] = None, header: Sequence[str] = (),
               notes: Optional[Mapping[Tuple[Any, ...], str]] = None) -> str:
    """The sheet as commented YAML text (the modeline first when `schema_ref` is given).
    `notes` maps a value's path (``("achievements", 0, "title")``) to the comment written beside
    it instead of the field's usual explanation."""
    writer = _Writer(notes)
    if schema_ref:
        writer.lines.append(f"# yaml-language-server: $schema={schema_ref}")
    writer.lines.extend(f"# {line}" for line in header)
    for key in [k for k in ORDER[()] if k in sheet] + [k for k in sheet if k not in ORDER[()]]:
        writer.lines.append("")
        writer.field(key, sheet[key], [key], "", "")
    return "\n".join(writer.lines).lstrip("\n") + "\n"


def schema_reference(target: Path) -> str:
    """How `target` should name the schema in its modeline: a relative path when possible."""
    import os

    from ..resources import factsheet_schema_path

    schema = factsheet_schema_path().resolve()
    try:
        return Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return schema.as_uri()
