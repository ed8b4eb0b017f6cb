"""A reader that goes away (`drafter … | head`) ends drafter quietly, never with 内部错误."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "edu-bureau-2024.yaml"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pipe")
@pytest.mark.parametrize("args", [
    ["schema"],
    ["--help"],
    ["render", str(SAMPLE), "-f", "md", "-o", "-"],
])
def test_closed_stdout_is_not_an_internal_error(args: list) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before drafter writes a byte
    try:
        result = subprocess.run(
            [sys.executable, "-m", "drafter", *args],
            stdout=write_end, stderr=subprocess.PIPE, timeout=60,
        )
    finally:
        os.close(write_end)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "内部错误" not in stderr
    assert "Traceback" not in stderr
    assert result.returncode in (0, 1)
