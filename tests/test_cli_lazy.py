"""Each command imports only what it uses (issue 12): lazy registration in drafter.cli."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "edu-bureau-2024.yaml"

_PROBE = (
    "import sys\n"
    "from click.testing import CliRunner\n"
    "from drafter.cli import cli\n"
    "r = CliRunner().invoke(cli, {args!r})\n"
    "assert r.exit_code == 0, r.output\n"
    "print(' '.join(sorted(sys.modules)))\n"
)


def _modules(args: list, cwd: Path) -> set:
    done = subprocess.run([sys.executable, "-c", _PROBE.format(args=args)], capture_output=True, text=True,
                          cwd=cwd)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def _top_level_modules(args: list, cwd: Path) -> set:
    return {name.split(".")[0] for name in _modules(args, cwd)}


def test_validate_loads_neither_the_render_path_nor_jieba(tmp_path: Path) -> None:
    modules = _modules(["validate", str(SAMPLE)], tmp_path)
    loaded = {name.split(".")[0] for name in modules}
    assert {"yaml", "click"} <= loaded
    assert not loaded & {"jinja2", "docx", "lxml", "jieba", "opencc", "charset_normalizer", "zipfile"}
    # validate checks the sheet but never builds the typed FactSheet or composes anything
    assert "drafter.facts.typing_checks" in modules
    assert not modules & {"drafter.facts.model", "drafter.source", "drafter.compose", "drafter.draft",
                          "drafter.render", "drafter.writers"}


def test_render_does_not_load_jieba(tmp_path: Path) -> None:
    loaded = _top_level_modules(["render", str(SAMPLE), "-o", str(tmp_path / "x.docx")], tmp_path)
    assert {"jinja2", "docx"} <= loaded
    assert "jieba" not in loaded
    assert "ctypes" not in loaded  # the sandbox's hard stop imports it only when a template runs out of time
    assert (tmp_path / "x.docx").stat().st_size > 0


def test_a_render_whose_templates_work_loads_no_template_error_translation(tmp_path: Path) -> None:
    modules = _modules(["render", str(SAMPLE), "-o", str(tmp_path / "x.md")], tmp_path)
    assert "drafter.compose.templating" in modules
    # template_errors (a dozen message patterns) is imported only when a template fails
    assert "drafter.compose.template_errors" not in modules
    assert (tmp_path / "x.md").read_text(encoding="utf-8").strip()


def test_every_lazy_command_resolves_and_is_listed() -> None:
    import click

    from drafter.cli import LAZY_COMMANDS, cli

    ctx = click.Context(cli, info_name="drafter")
    assert set(LAZY_COMMANDS) <= set(cli.list_commands(ctx))
    for name in LAZY_COMMANDS:
        command = cli.get_command(ctx, name)
        assert isinstance(command, click.Command) and command.name == name


@pytest.mark.parametrize("command", ["validate", "render"])
def test_validate_and_render_build_their_records_without_dataclasses(tmp_path: Path, command: str) -> None:
    # drafter.record, not @dataclass (~0.5 ms of exec per class at import).  Run as the user does,
    # `python -m drafter`: click.testing itself imports dataclasses, so the CliRunner probe cannot tell.
    args = [command, str(SAMPLE)] + (["-o", str(tmp_path / "x.docx")] if command == "render" else [])
    probe = ("import sys, runpy\n"
             f"sys.argv = ['drafter'] + {args!r}\n"
             "try:\n    runpy.run_module('drafter', run_name='__main__')\nexcept SystemExit as stop:\n"
             "    assert not stop.code, stop.code\n"
             "print('dataclasses' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False"


def _modules_run_as_the_user_does(args: list, cwd: Path) -> set:
    """The modules `python -m drafter ARGS` has loaded when it ends (CliRunner would add its own)."""
    probe = ("import sys, runpy\n"
             f"sys.argv = ['drafter'] + {args!r}\n"
             "try:\n    runpy.run_module('drafter', run_name='__main__')\nexcept SystemExit as stop:\n"
             "    assert not stop.code, stop.code\n"
             "print(' '.join(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.splitlines()[-1].split())


def test_validate_does_without_pathlib_json_and_unicodedata(tmp_path: Path) -> None:
    # pathlib costs ~3.5 ms with urllib.parse and ipaddress, a sixth of validate's time over the
    # floor; json ~1.2 ms (the schema is read by its C scanner alone)
    modules = _modules_run_as_the_user_does(["validate", str(SAMPLE)], tmp_path)
    assert "drafter.facts.typing_checks" in modules
    assert not modules & {"pathlib", "urllib.parse", "copy", "json", "unicodedata"}
