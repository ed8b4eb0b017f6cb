"""Where the shipped data lives: default templates, schemas and seed reports.

The brief keeps `templates/`, `schemas/` and `seeds/` at the top of the repository; the wheel
copies them into `drafter/_data/` (see pyproject.toml).  So an installed package finds them
beside its code, and a source checkout or editable install finds them one folder up.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise RuntimeError(f"drafter is installed without its {name}/ folder")


def templates_dir() -> Path:
    """The default template set shipped with drafter."""
    return _data_dir("templates")


def schemas_dir() -> Path:
    return _data_dir("schemas")


def seeds_dir() -> Path:
    """The seed reports the shipped outline was learned from."""
    return _data_dir("seeds")


def samples_dir() -> Path:
    """The example fact sheets (`drafter templates check` renders every template against each)."""
    return _data_dir("samples")


def default_outline_path() -> Path:
    """The outline learned from the seeds, used when `render` is given no `--outline`."""
    return templates_dir() / "outline.yaml"


def factsheet_schema_path() -> Path:
    return schemas_dir() / "factsheet.schema.json"


def user_cache_dir() -> Path:
    """Where drafter may keep caches (compiled templates, jieba's dictionary cache).

    Worked out by hand rather than with platformdirs, whose import alone costs ~25 ms on the
    render path.  DRAFTER_CACHE_DIR overrides it (tests, read-only home folders).
    """
    override = os.environ.get("DRAFTER_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "drafter" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "drafter"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"
