"""Regenerate docs/cli-reference.md from click's own help texts.

    python docs/build_cli_reference.py

tests/test_docs.py fails when the committed file differs from what this produces, so the
reference cannot drift from the commands.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, List, Tuple

import click
from click.testing import CliRunner

from drafter.cli import cli

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "cli-reference.md"


def _commands(group: click.Group, prefix: List[str]) -> Iterator[Tuple[List[str], click.Command]]:
    ctx = click.Context(group, info_name="drafter")
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield prefix + [name], command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + [name])


def reference() -> str:
    runner = CliRunner()
    out = ["# drafter 命令参考", "", "本文件由 `python docs/build_cli_reference.py` 从各命令的 `--help` 生成，请勿手改。", ""]
    for path, _ in [([], cli), *_commands(cli, [])]:
        result = runner.invoke(cli, [*path, "--help"], prog_name="drafter", terminal_width=100)
        title = " ".join(["drafter", *path])
        out += [f"## {title}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    REFERENCE.write_text(reference(), encoding="utf-8")
    print(f"wrote {REFERENCE}")
