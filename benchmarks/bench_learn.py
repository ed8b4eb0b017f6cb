"""Benchmark `drafter learn` on a large corpus: throughput against bare jieba, peak memory by size.

Not a test (timings depend on the machine).  The seed reports are copied into a temporary folder
until it holds at least --size-mb megabytes, then:

* bare jieba: ``jieba.cut`` (its default mode, HMM on) over the full text of every file, the
  files already read into memory — the cost of tokenising the corpus and nothing else;
* learn: ``drafter.outline.learn.learn`` over the folder — reading, decoding, chrome stripping,
  two analysis passes, aggregation and the jieba phrase bank;
* peak memory of `learn` in a fresh process (tracemalloc peak of Python allocations, and the
  process's maximum resident size) at --size-mb and at twice that, to show it does not grow.

Both tokenisers are initialised before timing.  Run from the repository:

    python benchmarks/bench_learn.py            # 10 MB and 20 MB
    python benchmarks/bench_learn.py --size-mb 5
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.outline import tokenizer  # noqa: E402
from drafter.outline.learn import learn  # noqa: E402
from drafter.resources import seeds_dir  # noqa: E402


def make_corpus(folder: Path, size_mb: float) -> int:
    """Copy the seeds into `folder` until it holds `size_mb` MB; return the byte count."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(seeds_dir().glob("*.txt"))
    total = copy = 0
    while total < size_mb * 1_000_000:
        copy += 1
        for seed in seeds:
            target = folder / f"{copy:05d}_{seed.name}"
            shutil.copyfile(seed, target)
            total += target.stat().st_size
    return total


def bare_jieba(folder: Path) -> float:
    """Seconds for jieba.cut over the text of every file (read beforehand)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(60)
    tk = jieba.Tokenizer()
    tk.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        for _ in tk.cut(text):
            pass
    return time.perf_counter() - start


def timed_learn(folder: Path) -> float:
    tokenizer.tokenizer()  # initialised outside the timing, as for bare jieba
    start = time.perf_counter()
    learn([folder])
    return time.perf_counter() - start


def child(folder: Path) -> None:
    """In a fresh process: learn once under tracemalloc; print the peaks as JSON."""
    tokenizer.tokenizer()
    tracemalloc.start()
    learn([folder])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"traced_peak": peak, "maxrss": maxrss_kb * (1 if sys.platform == "darwin" else 1024)}))


def memory(folder: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        small_bytes = make_corpus(small, args.size_mb)
        large_bytes = make_corpus(large, 2 * args.size_mb)
        files = len(list(small.glob("*.txt")))
        mb = small_bytes / 1e6
        jieba_s = bare_jieba(small)
        learn_s = timed_learn(small)
        print(f"corpus: {files} files, {mb:.1f} MB (the {len(list(seeds_dir().glob('*.txt')))} seeds replicated)")
        print(f"bare jieba.cut : {jieba_s:7.2f} s  {mb / jieba_s:6.2f} MB/s")
        print(f"drafter learn  : {learn_s:7.2f} s  {mb / learn_s:6.2f} MB/s  "
              f"= {100 * jieba_s / learn_s:.0f}% of bare jieba's throughput (goal: at least 70%)")
        for folder, size in ((small, small_bytes), (large, large_bytes)):
            peak = memory(folder)
            print(f"peak memory, {size / 1e6:5.1f} MB corpus: Python allocations {peak['traced_peak'] / 1e6:6.1f} MB, "
                  f"process max RSS {peak['maxrss'] / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
