"""Shared helpers for the tests: the CLI runner, the samples and reading back .docx drafts."""
from __future__ import annotations

import os
from pathlib import Path
from typing import List

import docx
import pytest
from click.testing import CliRunner
from hypothesis import settings

from drafter.cli import cli

# On CI (CI=true, as CI services set it) the property tests draw the same examples every run, so
# a landing is judged on its own change and not on a rare draw; locally every run explores anew
# and remembers what failed (.hypothesis/, ignored by git).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
EDU_SAMPLE = ROOT / "samples" / "edu-bureau-2024.yaml"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Keep the tests' template and document caches out of the user's cache folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv("DRAFTER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.fixture
def run():
    """Invoke the real CLI in-process; stdout and stderr kept apart."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


def paragraphs(path: Path) -> List[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def write_sheet(directory: Path, body: str, name: str = "facts.yaml") -> Path:
    path = directory / name
    path.write_text(body, encoding="utf-8")
    return path


MINIMAL_SHEET = """\
report:
  org: 测试县卫生健康局
  year: 2024
  date: "2025-01-06"
achievements:
  - title: 公共卫生服务能力进一步提升
    approach: 以基层为重点
    points: [建成紧密型县域医共体]
"""
