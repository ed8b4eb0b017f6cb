"""What the fact-sheet schema says about a field, in the form a question needs.

The schema (`schemas/factsheet.schema.json`) is the one place where a field's name, examples,
allowed values and bounds are written; the questionnaire reads them from here instead of
retyping them, so a bound changed in the schema changes the question too.  The bounds
themselves are enforced by running the real validation on every answer (`sheetcheck`);
this module gives the words: the prompt, the example, the kind of answer, the choices.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

from ..facts.schema import factsheet_checker


@dataclass(frozen=True)
class FieldInfo:
    name: str  # the field's key, e.g. "year"
    title: str  # the schema's Chinese name, e.g. "总结年度"
    kind: str  # how the answer is read: text, int, number, choice, list
    examples: Tuple[Any, ...]
    choices: Tuple[Tuple[str, str], ...]  # (value, Chinese label) of an enum
    default: Any
    min_items: int  # minItems of a list (0 when the schema sets none)


def _resolve_items(schema: Dict[str, Any]) -> Dict[str, Any]:
    checker = factsheet_checker()
    while "properties" not in schema and isinstance(schema.get("items"), dict):
        schema = checker.resolve(schema["items"])
    return schema


@lru_cache(maxsize=None)
def field_info(dotted: str) -> FieldInfo:
    """The field at ``achievements.figures.unit`` (list items implied), as the schema says it."""
    checker = factsheet_checker()
    schema = checker.resolve(checker.root)
    for name in dotted.split("."):
        found = _resolve_items(schema).get("properties", {}).get(name)
        if not isinstance(found, dict):
            raise KeyError(f"the fact-sheet schema has no field {dotted}")  # a questionnaire bug
        schema = checker.resolve(found)
    types = schema.get("type", [])
    types = [types] if isinstance(types, str) else list(types)
    if "enum" in schema:
        kind = "choice"
    elif "array" in types:
        kind = "list"
    elif "integer" in types:
        kind = "int"
    elif "number" in types:
        kind = "number"
    else:
        kind = "text"
    examples = schema.get("examples", [])
    if kind == "list" and isinstance(schema.get("items"), dict):
        examples = checker.resolve(schema["items"]).get("examples", [])
    options = schema.get("enum", [])
    labels = schema.get("enumDescriptions", [""] * len(options))
    return FieldInfo(
        name=dotted.split(".")[-1],
        title=schema.get("title", dotted),
        kind=kind,
        examples=tuple(e for e in examples if isinstance(e, (str, int, float)) and not isinstance(e, bool)),
        choices=tuple((str(o), str(label)) for o, label in zip(options, labels)),
        default=schema.get("default"),
        min_items=int(schema.get("minItems", 0)),
    )


def prompt(dotted: str, note: str = "", *, name: Optional[str] = None, examples: int = 1,
           optional: bool = False) -> str:
    """``单位全称（如：青山区教育体育局）``: the schema's title, a note, its first examples."""
    info = field_info(dotted)
    parts: List[str] = [note] if note else []
    shown = [str(e) for e in info.examples[:examples]]
    if shown:
        parts.append("如：" + "、".join(shown))
    inner = "，".join(parts) + ("；可留空" if optional else "")
    return f"{name or info.title}（{inner}）" if inner else (name or info.title)
