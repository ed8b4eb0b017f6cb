"""JSON Schema (2020-12) checking for drafter's own published schemas, without jsonschema.

`render` checks the fact sheet and the learned outline on every run, and importing
`jsonschema` (with referencing, rpds and attrs) costs about 70 ms — half the time budget of a
whole render — while the keywords our schemas use take a page to implement.  The interpreter
supports exactly `SUPPORTED` (2020-12 semantics: every keyword applies independently,
type-specific keywords ignore other types) plus annotations; tests fail if a schema uses
anything else, and check against jsonschema's `Draft202012Validator` that it finds the same
problems.  Issues come out one per place and keyword, which is what a message pointing at a
line needs.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple, Union

from .errors import PathLike
from .record import field, record

PathKey = Tuple[Union[str, int], ...]
Schema = Dict[str, Any]


def dotted_path(path: PathKey) -> str:
    """``("achievements", 0, "title")`` → ``achievements[0].title`` (how messages name a field)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

SUPPORTED = frozenset({
    "type", "enum", "const", "required", "properties", "additionalProperties", "propertyNames", "items",
    "minItems", "minLength", "pattern", "minimum", "maximum", "$ref",
})
ANNOTATIONS = frozenset({
    "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default",
    "enumDescriptions", "markdownDescription", "patternErrorMessage", "defaultSnippets",
})


@record(frozen=True)
class SchemaIssue:
    """One failed keyword at one place of the instance."""

    keyword: str
    path: PathKey  # where in the instance; for `required` the missing key is appended
    schema: Schema = field(compare=False, hash=False)  # the (merged) subschema that failed
    value: Any = field(compare=False, hash=False, default=None)


@lru_cache(maxsize=None)
def load_schema(path: PathLike) -> Schema:
    """A published schema, read once per process."""
    with open(path, encoding="utf-8") as stream:
        return parse_json(stream.read())


class _ScanContext:
    """What `_json.make_scanner` reads from a `json.JSONDecoder`: its defaults."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}.__getitem__


def parse_json(text: str) -> Any:
    """`json.loads(text)`, by the C scanner `json` itself decodes with, without importing `json`.

    The json package compiles seven patterns at import (~1.2 ms, a twentieth of `drafter
    validate`'s time over its floor) around the scanner that does the work.  A document the
    scanner does not take whole, or a Python without `_json`, goes to `json.loads` (whose
    error then says what is wrong).
    """
    try:
        from _json import make_scanner
    except ImportError:  # not CPython
        make_scanner = None
    if make_scanner is not None:
        blanks = " \t\n\r"
        start = len(text) - len(text.lstrip(blanks))
        try:
            value, end = make_scanner(_ScanContext)(text, start)
        except (StopIteration, ValueError):
            pass
        else:
            if not text[end:].strip(blanks):
                return value
    import json

    return json.loads(text)


_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    return bool(a == b)


class Checker:
    """The schema, with `$ref`s resolved and merged once, applied to instances."""

    def __init__(self, schema: Schema) -> None:
        self.root = schema
        self._merged: Dict[int, Schema] = {}

    def resolve(self, schema: Schema) -> Schema:
        """`schema` with its `$ref` target merged in (its own keywords win)."""
        key = id(schema)
        if key not in self._merged:
            merged = dict(schema)
            if "$ref" in schema:
                ref = merged.pop("$ref")
                target: Any = self.root
                for part in ref.lstrip("#/").split("/"):
                    target = target[part]
                merged = {**self.resolve(target), **merged}
            self._merged[key] = merged
        return self._merged[key]

    def subschema(self, path: PathKey) -> Optional[Schema]:
        """The schema that applies at an instance path, or None beyond the schema."""
        schema = self.resolve(self.root)
        for part in path:
            if isinstance(part, int):
                nxt = schema.get("items")
            else:
                nxt = schema.get("properties", {}).get(part)
            if not isinstance(nxt, dict):
                return None
            schema = self.resolve(nxt)
        return schema

    def title(self, path: PathKey) -> Optional[str]:
        """The Chinese name of the field at `path` (``单位全称``), if the schema knows it."""
        schema = self.subschema(path) if path else None
        return schema.get("title") if schema else None

    def check(self, instance: Any) -> List[SchemaIssue]:
        issues: List[SchemaIssue] = []
        self._check(self.root, instance, (), issues)
        return issues

    def _check(self, raw: Schema, value: Any, path: PathKey, out: List[SchemaIssue]) -> None:
        s = self._merged.get(id(raw)) or self.resolve(raw)
        if "type" in s:
            types = s["type"] if isinstance(s["type"], list) else (s["type"],)
            for name in types:
                if _TYPES[name](value):
                    break
            else:
                out.append(SchemaIssue("type", path, s, value))
        if "enum" in s and not any(_equal(value, option) for option in s["enum"]):
            out.append(SchemaIssue("enum", path, s, value))
        if "const" in s and not _equal(value, s["const"]):
            out.append(SchemaIssue("const", path, s, value))
        if isinstance(value, str):
            if "minLength" in s and len(value) < s["minLength"]:
                out.append(SchemaIssue("minLength", path, s, value))
            if "pattern" in s and not re.search(s["pattern"], value):
                out.append(SchemaIssue("pattern", path, s, value))
        if isinstance(value, (int, float)) and not isinstance(value, bool):  # _TYPES["number"]
            if "minimum" in s and value < s["minimum"]:
                out.append(SchemaIssue("minimum", path, s, value))
            if "maximum" in s and value > s["maximum"]:
                out.append(SchemaIssue("maximum", path, s, value))
        if isinstance(value, list):
            if "minItems" in s and len(value) < s["minItems"]:
                out.append(SchemaIssue("minItems", path, s, value))
            if isinstance(s.get("items"), dict):
                for index, item in enumerate(value):
                    self._check(s["items"], item, path + (index,), out)
        if isinstance(value, dict):
            properties = s.get("properties", {})
            for name in s.get("required", []):
                if name not in value:
                    out.append(SchemaIssue("required", path + (name,), s, value))
            extra = s.get("additionalProperties")
            names = s.get("propertyNames")
            for name, item in value.items():
                if isinstance(names, dict):
                    bad_name: List[SchemaIssue] = []
                    self._check(names, name, path + (name,), bad_name)
                    if bad_name:
                        out.append(SchemaIssue("propertyNames", path + (name,), s, name))
                if name in properties:
                    self._check(properties[name], item, path + (name,), out)
                elif extra is False:
                    out.append(SchemaIssue("additionalProperties", path + (name,), s, item))
                elif isinstance(extra, dict):
                    self._check(extra, item, path + (name,), out)


def schema_keywords(schema: Any) -> set:
    """Every keyword used anywhere in a schema (to test that we support them all)."""
    found: set = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            found.add(key)
            if key in ("properties", "$defs"):
                for sub in value.values():
                    found |= schema_keywords(sub)
            elif key in ("items", "additionalProperties", "propertyNames") and isinstance(value, dict):
                found |= schema_keywords(value)
    return found
