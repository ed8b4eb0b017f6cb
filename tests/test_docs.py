"""The documentation cannot drift from the code it describes."""
from __future__ import annotations

import importlib.util
import re

from conftest import ROOT


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_cli_reference", ROOT / "docs" / "build_cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_matches_the_commands_help() -> None:
    builder = _load_builder()
    assert builder.REFERENCE.read_text(encoding="utf-8") == builder.reference(), (
        "docs/cli-reference.md is stale: run python docs/build_cli_reference.py")


def test_every_command_help_is_chinese_with_an_example() -> None:
    reference = _load_builder().reference()
    sections = re.split(r"^## ", reference, flags=re.M)[1:]
    assert len(sections) >= 4
    for section in sections:
        name = section.splitlines()[0]
        assert "示例" in section, f"{name} 的帮助缺少示例"
        assert "用法:" in section and "选项:" in section, name
        assert "Show this message" not in section and "Usage:" not in section, name


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    marker = readme.index("<!-- ci:test-command -->")
    command = [line for line in readme[marker:].splitlines()[1:] if line and not line.startswith("```")][0]
    assert "pip install '.[test]'" in command and "pytest" in command
    assert "ci:test-command" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
