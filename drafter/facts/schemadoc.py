"""The schema as a field list a non-programmer can read (`drafter schema --fields`).

The JSON Schema is for editors and programs; people who fill a sheet in Notepad need the
same information as an indented list: field name, Chinese name, required or not, what to
write, an example.  Generated from the schema so it cannot drift from it.
"""
from __future__ import annotations

import json
from typing import Any, List

from .schema import Checker, Schema, factsheet_checker

_KINDS = {"string": "文字", "integer": "整数", "number": "数字", "array": "列表", "object": "下级字段",
          "null": "可留空", "boolean": "是/否"}


def _kind(schema: Schema) -> str:
    if "enum" in schema:
        return "取值：" + " | ".join(str(o) for o in schema["enum"])
    types = schema.get("type", [])
    types = types if isinstance(types, list) else [types]
    return "，".join(_KINDS[t] for t in types)


def _example(schema: Schema) -> str:
    for example in schema.get("examples", []):
        if example is not None and not isinstance(example, (dict, list)):
            return json.dumps(example, ensure_ascii=False) if isinstance(example, str) and ":" in example else str(example)
    return ""


def _lines(checker: Checker, schema: Schema, indent: str, out: List[str]) -> None:
    required = set(schema.get("required", []))
    for name, raw in schema.get("properties", {}).items():
        sub = checker.resolve(raw)
        flags = ["必填" if name in required else "可选", _kind(sub)]
        line = f"{indent}{name}（{sub.get('title', '')}，{'，'.join(f for f in flags if f)}）：{sub.get('description', '')}"
        example = _example(sub)
        out.append(line + (f" 例：{example}" if example else ""))
        items: Any = sub.get("items")
        if sub.get("properties"):
            _lines(checker, sub, indent + "  ", out)
        elif isinstance(items, dict):
            item = checker.resolve(items)
            if item.get("properties"):
                out.append(f"{indent}  每一项（以“- ”开头）：")
                _lines(checker, item, indent + "    ", out)


def field_reference() -> str:
    checker = factsheet_checker()
    root = checker.resolve(checker.root)
    out = [f"{root['title']}的字段（带“必填”的必须写；其余可以不写或写 null）：", ""]
    _lines(checker, root, "", out)
    out += ["", "完整的 JSON Schema：drafter schema；示例：samples/edu-bureau-2024.yaml"]
    return "\n".join(out) + "\n"
