"""Start-up runs with the garbage collector paused; every command's own work runs with it on."""
from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from drafter.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "edu-bureau-2024.yaml"

# A process started as the `drafter` console script starts it, with one extra command that
# reports the collector's state from inside a command.
_PROBE = """
import gc, sys
import click
from drafter.cli import cli, main

@cli.command("probe")
def probe():
    click.echo(f"enabled={gc.isenabled()} frozen={gc.get_freeze_count() > 0}")

sys.argv = ["drafter", *sys.argv[1:]]
main()
"""


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, cwd=ROOT)


def test_a_command_runs_with_the_collector_on_and_start_up_frozen() -> None:
    done = _run("probe")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "enabled=True frozen=True"


def test_a_real_command_still_works_from_main() -> None:
    done = _run("validate", str(SAMPLE))
    assert done.returncode == 0, done.stderr
    assert "edu-bureau-2024.yaml：通过，没有发现问题。" in done.stdout


def test_the_cli_called_in_process_leaves_the_collector_alone() -> None:
    # A test runner (or a script) calling `cli` directly must not have its objects frozen.
    before = gc.get_freeze_count()
    result = CliRunner().invoke(cli, ["validate", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert gc.isenabled() and gc.get_freeze_count() == before
