"""Benchmark: `drafter render` time and peak memory at 1×, 10× and 100× value length.

Issue 13's goal: render is linear in the length of the values.  A fact sheet is built with one
long point (one line, and the same text as many short lines of a block scalar, which become
many paragraphs), at 1×/10×/100× a base length; the 100× sheet is just under the 1 MB fact-sheet
limit.  Each render runs in a fresh process that reports its own wall time and peak RSS; the
scales are interleaved so machine noise hits all alike, and the median of the runs is shown
with its ratio to 1×.  Linear means the time ratio at 100× stays near 100× the *value work*,
far below the 10,000× a quadratic step would give (in practice well under 100×, because the
fixed start-up cost dominates at 1×).

    python benchmarks/bench_render_scaling.py [--runs 3] [--base 3000] [--format docx|md]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SCALES = (1, 10, 100)
PHRASE = "建成紧密型县域医共体，"  # 11 characters, 33 bytes of UTF-8

# Runs in the child: render in-process and report time and peak RSS (KB on Linux, bytes on macOS).
CHILD = """
import json, resource, sys, time
from drafter.cli import cli
start = time.perf_counter()
try:
    code = cli(sys.argv[1:], prog_name="drafter", standalone_mode=False)
finally:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":
        peak //= 1024
    print(json.dumps({"seconds": time.perf_counter() - start, "peak_kb": peak}), file=sys.stderr)
sys.exit(code or 0)
"""


def sheet(chars: int, shape: str) -> str:
    text = (PHRASE * (chars // len(PHRASE) + 1))[:chars]
    head = ('report:\n  org: 测试县卫生健康局\n  year: 2024\n  date: "2025-01-06"\n'
            "achievements:\n  - title: 公共卫生服务能力进一步提升\n    approach: 以基层为重点\n    points:\n")
    if shape == "line":
        return head + f"      - {text}\n"
    lines = [text[i:i + len(PHRASE)] for i in range(0, len(text), len(PHRASE))]
    return head + "      - |\n" + "".join(f"        {line}\n" for line in lines)


def run_once(path: Path, out: Path, fmt: str) -> dict:
    cmd = [sys.executable, "-c", CHILD, "render", str(path), "-o", str(out), "-f", fmt, "--force"]
    done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"render failed for {path.name}:\n{done.stderr}")
    return json.loads(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--base", type=int, default=2500, help="characters of the value at 1×")
    parser.add_argument("--format", default="docx", choices=("docx", "md", "txt"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [(shape, scale) for shape in ("line", "lines") for scale in SCALES]
        paths = {}
        for shape, scale in cases:
            paths[shape, scale] = folder / f"{shape}-{scale}.yaml"
            paths[shape, scale].write_text(sheet(args.base * scale, shape), encoding="utf-8")
        out = folder / f"draft.{args.format}"
        run_once(paths[cases[0]], out, args.format)  # fill the style and template caches once
        results = {case: [] for case in cases}
        for _ in range(args.runs):
            for case in cases:  # interleaved
                results[case].append(run_once(paths[case], out, args.format))
        print(f"render -f {args.format}, median of {args.runs} runs, value of {args.base:,} characters at 1×")
        print(f"{'shape':<6} {'scale':>5} {'sheet':>9} {'seconds':>8} {'×1':>6} {'peak MB':>8} {'×1':>6}")
        for shape in ("line", "lines"):
            base_t = statistics.median(r["seconds"] for r in results[shape, 1])
            base_m = statistics.median(r["peak_kb"] for r in results[shape, 1])
            for scale in SCALES:
                t = statistics.median(r["seconds"] for r in results[shape, scale])
                m = statistics.median(r["peak_kb"] for r in results[shape, scale])
                size = paths[shape, scale].stat().st_size
                print(f"{shape:<6} {scale:>4}× {size / 1024:>7.0f}KB {t:>8.2f} {t / base_t:>6.1f} "
                      f"{m / 1024:>8.1f} {m / base_m:>6.1f}")


if __name__ == "__main__":
    main()
