"""Golden cases: each folder of tests/cases holds a sheet and the exact output of validating it.

    tests/cases/valid/<name>/facts.yaml     must pass (exit 0), possibly with warnings
    tests/cases/invalid/<name>/facts.yaml   must fail (exit 1)
    <case>/expected.txt                     `drafter validate facts.yaml` output, byte for byte
    <case>/args                             optional extra options, e.g. --strict

A new case is a new folder; nothing here needs to change.  The sheets are stored byte for
byte (.gitattributes: -text), so encodings and line endings are part of the case.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import cli

CASES = Path(__file__).resolve().parent / "cases"
ALL = sorted(p.parent for p in CASES.glob("*/*/facts.yaml"))


def test_there_are_cases_of_both_kinds() -> None:
    kinds = {case.parent.name for case in ALL}
    assert kinds == {"valid", "invalid"}
    assert len(ALL) >= 20


@pytest.mark.parametrize("case", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_validate_output_is_exactly_as_expected(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    args = (case / "args").read_text(encoding="utf-8").split() if (case / "args").exists() else []
    result = CliRunner().invoke(cli, ["validate", "facts.yaml", *args], catch_exceptions=False)
    assert result.output == (case / "expected.txt").read_text(encoding="utf-8")
    assert result.exit_code == (0 if case.parent.name == "valid" else 1)


@pytest.mark.parametrize("case", [c for c in ALL if c.parent.name == "valid"], ids=lambda p: p.name)
def test_valid_cases_render(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.docx"
    result = CliRunner().invoke(cli, ["render", str(case / "facts.yaml"), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"
