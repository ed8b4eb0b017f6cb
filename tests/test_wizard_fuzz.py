"""No sequence of answers makes `drafter new` fail with an internal error, and what it writes validates.

Answers are drawn from the real transcript, from typical mistakes and from arbitrary text
(control characters, escapes, separators, surrogates excluded by the terminal, huge
numbers); the run ends when the answers run out.  Kept small (each run is ~0.3 s); set
FUZZ_N=400 for a longer search.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import drafter.wizard as wizard
from drafter.cli import cli
from test_wizard import ANSWERS

TRICKY = ["", "y", "n", "1", "2", "3", "0", "-5", "1e9", "1" * 40, "12个", "35人", "%", "99.6", "120", "XX",
          "2024", "2026", "2025-02-30", "20250110", "【待补充】", "\x1b[D", "a\u2028b", "\r", "\ufdd0", "\ue000",
          "　", "yes", "是", "上半年", "…"]
answer = st.one_of(st.sampled_from(ANSWERS), st.sampled_from(TRICKY),
                   st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))


@st.composite
def mutated(draw) -> list:
    """The real transcript with a few answers replaced or inserted: runs get far, often to the end."""
    answers = list(ANSWERS)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(answers)))
        if draw(st.booleans()) and at < len(answers):
            answers[at] = draw(answer)
        else:
            answers.insert(at, draw(answer))
    return answers + [""] * draw(st.integers(0, 30))


@settings(max_examples=int(__import__("os").environ.get("FUZZ_N", "15")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(st.one_of(mutated(), st.lists(answer, max_size=60)), st.booleans())
def test_no_answers_make_an_internal_error(tmp_path_factory, answers, from_sample) -> None:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    real_today = wizard._today
    wizard._today = lambda: date(2025, 1, 15)
    try:
        args = ["new", str(folder / "facts.yaml")]
        if from_sample:
            args += ["--from", str(Path(__file__).resolve().parent.parent / "samples" / "edu-bureau-2024.yaml")]
        text = "".join(a.replace("\n", " ") + "\n" for a in answers)
        result = CliRunner().invoke(cli, args, input=text.encode("utf-8", "surrogatepass"),
                                    env={"DRAFTER_INTERACTIVE": "1"})
    finally:
        wizard._today = real_today
    assert result.exit_code in (0, 1), (result.exit_code, result.output[-2000:], result.stderr)
    assert "内部错误" not in result.stderr, result.stderr
    if result.exit_code == 0:
        checked = CliRunner().invoke(cli, ["validate", str(folder / "facts.yaml")])
        assert checked.exit_code == 0, checked.output
