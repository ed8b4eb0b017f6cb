"""Fact sheets: load with line marks, validate, and turn into a typed `FactSheet`.

For callers:

* `load_factsheet(path)` — what `render` uses: the same validation as `drafter validate`;
  raises the `LoadError` of an unreadable file as is, or a `FactSheetInvalid` that lists
  every error (one ``FILE:LINE:COL: …`` block each).  Warnings never stop it unless
  `strict=True`.
* `load_factsheet_checked(path, strict=False)` — the same, returning the sheet *and* its
  warnings, so `render` can print them (or `render --strict` can fail on them).
* `validate_files(paths, strict=…)` → `ValidationReport`; `reporting.format_text/format_json`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Tuple

from ..errors import FactSheetError
from .findings import LoadError, Problem
from .validate import FileReport, ValidationReport, check_file, validate_files

if TYPE_CHECKING:
    from pathlib import Path

    from .model import FactSheet

# `validate` never builds a FactSheet: the model (and its dataclasses) is imported when rendering.


def __getattr__(name: str) -> Any:
    if name == "FactSheet":
        from .model import FactSheet

        return FactSheet
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["FactSheet", "FactSheetInvalid", "LoadError", "Problem", "ValidationReport", "check_file",
           "load_factsheet", "load_factsheet_checked", "validate_files"]


class FactSheetInvalid(FactSheetError):
    """A readable sheet with errors (or, when strict, warnings); `str()` lists them all."""

    def __init__(self, report: FileReport, *, strict: bool = False) -> None:
        from .reporting import format_problem

        failing = report.failing(strict)
        errors = len(report.errors)
        warnings = len(failing) - errors
        counts = "、".join(x for x in (f"{errors} 个错误" if errors else "",
                                       f"{warnings} 个警告（--strict 下按错误处理）" if warnings else "") if x)
        super().__init__(
            f"事实表有 {counts}，未生成初稿：", path=report.file,
            detail="\n".join(format_problem(report.file, p, strict=strict) for p in failing),
            hint=f"改正后重新运行；也可以先运行 drafter validate {report.file} 检查",
        )
        self.report = report
        self.problems = failing


def load_factsheet_checked(path: Path, *, strict: bool = False) -> Tuple[FactSheet, List[Problem]]:
    """The sheet and its warnings; raises `FactSheetError` when it has errors."""
    report = check_file(path)
    if report.fatal is not None:
        raise report.fatal
    if not report.ok(strict):
        raise FactSheetInvalid(report, strict=strict)
    assert report.loaded is not None
    from .model import build_factsheet

    return build_factsheet(report.loaded), report.warnings


def load_factsheet(path: Path, *, strict: bool = False) -> FactSheet:
    """Load a fact sheet for rendering, after the same validation as `drafter validate`."""
    return load_factsheet_checked(path, strict=strict)[0]
