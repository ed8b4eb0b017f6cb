"""The fact-sheet schema (`schemas/factsheet.schema.json`) as a checker.

The schema file is the single source of truth: editors read it through the
yaml-language-server modeline, `drafter schema` prints it, and `factsheet_checker` checks
sheets against it with drafter's own interpreter (`drafter.schemacheck`, no jsonschema).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..resources import factsheet_schema_path
from ..schemacheck import ANNOTATIONS, SUPPORTED, Checker, PathKey, Schema, SchemaIssue, schema_keywords
from ..schemacheck import load_schema as _load_schema

__all__ = ["ANNOTATIONS", "SUPPORTED", "Checker", "PathKey", "Schema", "SchemaIssue", "factsheet_checker",
           "load_schema", "schema_keywords"]


def load_schema(path: Optional[Path] = None) -> Schema:
    """The published fact-sheet schema (or another schema file), read once per process."""
    return _load_schema(path or factsheet_schema_path())


@lru_cache(maxsize=None)
def factsheet_checker() -> Checker:
    """The checker for the published fact-sheet schema, built once per process."""
    return Checker(load_schema())
