"""Benchmark: peak memory and time of `drafter analyze` on one large report.

Issue 12's goal: analysing a 10 MB report peaks under 150 MB.  The seed reports are joined into
one .txt file of --size-mb megabytes; each measurement runs in a fresh process: the process's
maximum resident size (what the user's PC must have) and the peak of Python allocations
(tracemalloc, in a second process because tracing slows everything).  Since the reader refuses
.txt reports over `limits.REPORT_TEXT` (5 MB: a real summary is tens of KB), the child raises
that limit for the measurement; a .docx of the same text is accepted as it is (--docx).

    python benchmarks/bench_analyze.py               # 10 MB
    python benchmarks/bench_analyze.py --size-mb 5 --docx
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_report(path: Path, size_mb: float, docx: bool) -> int:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [s.read_text(encoding="utf-8", errors="replace") for s in seeds]
    parts, total = [], 0
    while total < size_mb * 1_000_000:
        for text in texts:
            parts.append(text)
            total += len(text.encode("utf-8"))
    if not docx:
        path.write_text("".join(parts), encoding="utf-8")
        return path.stat().st_size
    import docx as python_docx

    document = python_docx.Document()
    for line in "".join(parts).splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return total


def child(path: Path, trace: bool) -> None:
    from drafter import limits
    from drafter.corpus import readers
    from drafter.outline.analyze import analyze_file

    readers.REPORT_TEXT = limits.FileKind("报告文件", 64 * limits.MB, "benchmark")
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    result = analyze_file(path, None)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    print(json.dumps({"seconds": seconds, "traced_peak": peak, "maxrss": maxrss,
                      "sections": len(result.to_dict()["sections"])}))


def measure(path: Path, trace: bool) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(path)] + (["--trace"] if trace else []),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--docx", action="store_true", help="a .docx report instead of .txt")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.trace)
        return
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        path = Path(tmp) / ("report.docx" if args.docx else "report.txt")
        size = make_report(path, args.size_mb, args.docx)
        plain = measure(path, trace=False)
        traced = measure(path, trace=True)
    print(f"report            {path.suffix}, {size / 1e6:.1f} MB of text, {plain['sections']} top-level sections")
    print(f"analyze           {plain['seconds']:.2f} s")
    print(f"peak memory       process max RSS {plain['maxrss'] / 1e6:.1f} MB (goal < 150 MB), "
          f"Python allocations {traced['traced_peak'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
