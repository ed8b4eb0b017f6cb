"""Benchmark `drafter learn`: throughput against bare jieba by corpus size and --jobs, peak
memory, and a warm `learn` over the seeds against another checkout.

Not a test (timings depend on the machine).  For each --sizes (MB) the seed reports are copied
into a temporary folder until it holds that much, then, in one run:

* bare jieba: ``jieba.lcut`` (its default mode, HMM on) over the full text of every file, the
  files already read into memory, in this one process — the cost of tokenising the corpus and
  nothing else;
* learn --jobs 1 and learn --jobs N (default: the cores): ``drafter.outline.learn.learn`` over the
  folder — reading, decoding, chrome stripping, two analysis passes, aggregation and the phrase
  bank — tokenizers initialised beforehand;
* with --memory, the peak memory of `learn` in a fresh process (tracemalloc peak of Python
  allocations, and the process's maximum resident size).

--seeds-warm times ``drafter learn -o OUT --force`` over the shipped seeds as fresh processes,
warm (jieba's dictionary cache already filled), interleaved with the same command run from
--baseline DIR (another checkout, imported through PYTHONPATH; each keeps its own cache).

    python benchmarks/bench_learn.py                       # 10 MB and 40 MB
    python benchmarks/bench_learn.py --sizes 5 --memory
    python benchmarks/bench_learn.py --seeds-warm --baseline /path/to/old/checkout --runs 7
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.outline import tokenizer  # noqa: E402
from drafter.outline.learn import learn  # noqa: E402
from drafter.outline.parallel import default_jobs  # noqa: E402
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
    """Seconds for jieba.lcut over the text of every file (read beforehand)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


def timed_learn(folder: Path, jobs: int) -> float:
    tokenizer.tokenizer()  # initialised outside the timing, as for bare jieba
    start = time.perf_counter()
    learn([folder], jobs=jobs)
    return time.perf_counter() - start


def child(folder: Path) -> None:
    """In a fresh process: learn once (one job) under tracemalloc; print the peaks as JSON."""
    tokenizer.tokenizer()
    tracemalloc.start()
    learn([folder], jobs=1)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"traced_peak": peak, "maxrss": maxrss_kb * (1 if sys.platform == "darwin" else 1024)}))


def memory(folder: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def throughput(sizes: List[float], jobs: int, with_memory: bool) -> None:
    print(f"python {sys.version.split()[0]}, {default_jobs()} cores; learn --jobs {jobs}")
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        for size_mb in sizes:
            folder = Path(tmp) / f"{size_mb:g}MB"
            size = make_corpus(folder, size_mb)
            mb = size / 1e6
            files = len(list(folder.glob("*.txt")))
            jieba_s = bare_jieba(folder)
            one = timed_learn(folder, 1)
            many = timed_learn(folder, jobs)
            print(f"corpus {mb:5.1f} MB, {files} files")
            print(f"  bare jieba.lcut   : {jieba_s:7.2f} s  {mb / jieba_s:6.2f} MB/s")
            print(f"  learn --jobs 1    : {one:7.2f} s  {mb / one:6.2f} MB/s = {100 * jieba_s / one:3.0f}% of bare jieba")
            print(f"  learn --jobs {jobs:<4} : {many:7.2f} s  {mb / many:6.2f} MB/s = {100 * jieba_s / many:3.0f}% of "
                  f"bare jieba, {one / many:.2f}x --jobs 1")
            if with_memory:
                peak = memory(folder)
                print(f"  peak memory (--jobs 1): Python allocations {peak['traced_peak'] / 1e6:6.1f} MB, "
                      f"process max RSS {peak['maxrss'] / 1e6:6.1f} MB")
            shutil.rmtree(folder)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def seeds_warm(baseline: Optional[Path], runs: int) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        # PYTHONPATH names each checkout explicitly, and the commands run in the temporary folder:
        # `python -m` puts the working directory first on sys.path.
        trees: Dict[str, Dict[str, str]] = {"drafter": dict(env, PYTHONPATH=str(ROOT),
                                                            DRAFTER_CACHE_DIR=str(Path(tmp) / "cache-new"))}
        if baseline is not None:
            trees["baseline"] = dict(env, PYTHONPATH=str(baseline.resolve()),
                                     DRAFTER_CACHE_DIR=str(Path(tmp) / "cache-old"))
        cmd = [sys.executable, "-m", "drafter", "learn", str(ROOT / "seeds"), "-o", str(Path(tmp) / "o.yaml"),
               "--force"]
        for tree_env in trees.values():  # cold run: fills each cache
            subprocess.run(cmd, check=True, capture_output=True, env=tree_env, cwd=tmp)
        times: Dict[str, List[float]] = {tree: [] for tree in trees}
        cpu: Dict[str, List[float]] = {tree: [] for tree in trees}
        for _ in range(runs):
            for tree, tree_env in trees.items():
                used, start = _children_cpu(), time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, env=tree_env, cwd=tmp)
                times[tree].append(time.perf_counter() - start)
                cpu[tree].append(_children_cpu() - used)
    print(f"learn over seeds/, warm, {runs} interleaved runs each")
    for tree, values in times.items():
        print(f"  {tree:9}: wall median {statistics.median(values):6.2f} s  min {min(values):6.2f} s   "
              f"CPU median {statistics.median(cpu[tree]):6.2f} s")
    if baseline is not None:
        wall = statistics.median(times["baseline"]) / statistics.median(times["drafter"])
        used = statistics.median(cpu["baseline"]) / statistics.median(cpu["drafter"])
        print(f"  drafter is {wall:.2f}x as fast as the baseline by wall time, {used:.2f}x by CPU time "
              f"(goal >= 1.5x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda s: [float(x) for x in s.split(",")], default=[10.0, 40.0],
                        help="corpus sizes in MB, comma-separated")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--memory", action="store_true", help="also measure peak memory in a fresh process")
    parser.add_argument("--seeds-warm", action="store_true", help="time warm learn over the seeds instead")
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
    elif args.seeds_warm:
        seeds_warm(args.baseline, args.runs)
    else:
        throughput(args.sizes, args.jobs, args.memory)


if __name__ == "__main__":
    main()
