"""The fact-sheet schema (`schemas/factsheet.schema.json`) as a checker.

The schema file is the single source of truth: editors read it through the
yaml-language-server modeline, `drafter schema` prints it, and `factsheet_checker` checks
sheets against it with drafter's own interpreter (`drafter.schemacheck`, no jsonschema).

`schema_file` finds it where `drafter.resources.factsheet_schema_path` does, spelt with
`os.path`: `drafter validate` has no other use for pathlib, whose import is ~3.5 ms of its start.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Optional

from ..errors import PathLike
from ..schemacheck import ANNOTATIONS, SUPPORTED, Checker, PathKey, Schema, SchemaIssue, schema_keywords
from ..schemacheck import load_schema as _load_schema

__all__ = ["ANNOTATIONS", "SUPPORTED", "Checker", "PathKey", "Schema", "SchemaIssue", "factsheet_checker",
           "load_schema", "schema_keywords"]


def schema_file() -> str:
    """`resources.factsheet_schema_path()` as a str: in the wheel's drafter/_data/schemas, else in the
    schemas/ folder beside the package (a source checkout or an editable install)."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    for folder in (os.path.join(package, "_data", "schemas"), os.path.join(os.path.dirname(package), "schemas")):
        if os.path.isdir(folder):
            return os.path.join(folder, "factsheet.schema.json")
    from ..resources import factsheet_schema_path

    return str(factsheet_schema_path())  # raises the RuntimeError of an installation without schemas/


def load_schema(path: Optional[PathLike] = None) -> Schema:
    """The published fact-sheet schema (or another schema file), read once per process."""
    return _load_schema(path or schema_file())


@lru_cache(maxsize=None)
def factsheet_checker() -> Checker:
    """The checker for the published fact-sheet schema, built once per process."""
    return Checker(load_schema())
