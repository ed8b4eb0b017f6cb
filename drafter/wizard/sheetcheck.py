"""Every answer checked by the same validation as `drafter validate`, on the sheet as written.

The sheet built so far is written out exactly as `drafter new` will write it and validated
(schema, then the semantic rules) after each answer; an error at the field just answered
refuses the answer with validate's own message.  So whatever validate checks — bounds from
the schema, percentages, units, characters a .docx cannot hold — the questionnaire checks
too, without a second copy of any rule, and the sheet it writes always passes.  It costs a
few milliseconds an answer (a sheet is a few kilobytes).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional

from ..facts.findings import PathKey, Problem
from ..facts.validate import check_text
from ..facts.writer import dump_sheet

_PROBE = Path("事实表.yaml")


def public(value: Any) -> Any:
    """`value` without the questionnaire's working fields (keys starting with "_")."""
    if isinstance(value, dict):
        return {k: public(v) for k, v in value.items() if not (isinstance(k, str) and k.startswith("_"))}
    if isinstance(value, list):
        return [public(v) for v in value]
    return value


def sheet_errors(sheet: Dict[str, Any], today: date) -> List[Problem]:
    """The errors of `sheet` as `drafter validate` would report them (warnings left out)."""
    report = check_text(dump_sheet(public(sheet)), _PROBE, today)
    return list(report.problems if report.fatal is not None else report.errors)


def error_at(problems: List[Problem], path: PathKey) -> Optional[Problem]:
    """The first problem at `path` or inside it; one of the whole file (the sheet no longer
    loads) counts everywhere."""
    for problem in problems:
        if not problem.path or problem.path[:len(path)] == tuple(path):
            return problem
    return None
