"""No input makes a traceback: whatever bytes a file holds, validate answers in Chinese with exit 0 or 1."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.cli import cli
from drafter.facts.validate import check_text

SAMPLE = (Path(__file__).resolve().parent.parent / "samples" / "edu-bureau-2024.yaml").read_text(encoding="utf-8")
YAMLISH = st.lists(st.sampled_from(list(" \t\n:-[]{},#&*!|>'\"%@`?~\u3000：x年0") + ["- ", ": ", "\n  ", "report", "org"]),
                   max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_any_bytes(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("f") / "facts.yaml"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["validate", str(path)], catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert f"{path}" in result.output


@settings(max_examples=400, deadline=None)
@given(YAMLISH)
def test_any_yaml_like_text(text: str) -> None:
    report = check_text(text, Path("a.yaml"))
    for problem in report.problems:
        assert problem.message
        assert problem.line is None or problem.line >= 1


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(SAMPLE) - 1), st.integers(1, 6), YAMLISH)
def test_the_sample_with_a_stretch_replaced(at: int, length: int, junk: str) -> None:
    text = SAMPLE[:at] + junk + SAMPLE[at + length:]
    report = check_text(text, Path("a.yaml"))
    lines = text.count("\n") + 2
    for problem in report.problems:
        assert problem.line is None or 1 <= problem.line <= lines
