"""Benchmark: `drafter render` end to end against the bare-import floor.

Issue 5's goal: rendering a sample (process start to file written) costs at most 1.5x the
time of merely importing docx, jinja2, yaml and click in a fresh process.  Both are timed as
fresh processes of the same interpreter, interleaved so that machine noise hits both alike;
the first (cache-filling) render is run once before timing, as any user's second render is.

    python benchmarks/bench_render.py [--runs 30] [--sample samples/edu-bureau-2024.yaml]

Also checks that the render path never imports jieba.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import docx, jinja2, yaml, click"]
JIEBA_PROBE = ("import sys, runpy; sys.argv = ['drafter', 'render', {sample!r}, '-o', {out!r}, '--force'];\n"
               "try:\n    runpy.run_module('drafter', run_name='__main__')\nexcept SystemExit:\n    pass\n"
               "print('jieba' in sys.modules)")


def drafter_command(sample: Path, out: Path) -> list:
    script = shutil.which("drafter", path=str(Path(sys.executable).parent))
    head = [script] if script else [sys.executable, "-m", "drafter"]
    return head + ["render", str(sample), "-o", str(out), "--force"]


# A user's `pip install` leaves compiled .pyc files; an environment that forbids writing them
# (PYTHONDONTWRITEBYTECODE) would make every run recompile drafter, measuring the compiler.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sample", type=Path, default=ROOT / "samples" / "edu-bureau-2024.yaml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.docx"
        render = drafter_command(args.sample, out)
        subprocess.run(render, check=True, stdout=subprocess.DEVNULL, env=ENV)  # fill the caches once
        floor, full = [], []
        for _ in range(args.runs):
            floor.append(timed(FLOOR))
            full.append(timed(render))
        probe = subprocess.run([sys.executable, "-c", JIEBA_PROBE.format(sample=str(args.sample), out=str(out))],
                               check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    f_med, r_med = statistics.median(floor), statistics.median(full)
    print(f"python            {sys.version.split()[0]} ({sys.executable})")
    print(f"runs              {args.runs} each, interleaved")
    print(f"import floor      median {f_med * 1000:6.1f} ms   mean {statistics.mean(floor) * 1000:6.1f} ms")
    print(f"drafter render    median {r_med * 1000:6.1f} ms   mean {statistics.mean(full) * 1000:6.1f} ms")
    print(f"ratio             {r_med / f_med:.2f}x  (goal <= 1.50x)")
    print(f"jieba imported    {probe}")


if __name__ == "__main__":
    main()
