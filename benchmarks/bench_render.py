"""Benchmark: `drafter render` and `drafter validate` end to end against their import floors.

Issue 12's goals: rendering a sample (process start to file written) costs at most 1.25x the time
of merely importing docx, jinja2, yaml and click in a fresh process, and validating it at most
1.3x importing yaml and click.  Every command is timed as a fresh process of the same
interpreter, all of them interleaved round by round so that machine noise hits each alike; the
first (cache-filling) run is made once before timing, as any user's second render is.  Ratios
are of medians.

    python benchmarks/bench_render.py [--runs 30] [--sample samples/edu-bureau-2024.yaml]
    python benchmarks/bench_render.py --themes 1000 --runs 5 --baseline /path/to/old/checkout

--themes N renders a fact sheet of N achievement themes (the sample's, repeated) instead of the
sample; --baseline DIR also times the same commands with drafter imported from another checkout
(PYTHONPATH=DIR), for before/after figures in one interleaved run.  Also checks that neither
render nor validate imports jieba.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {"render": "import docx, jinja2, yaml, click", "validate": "import yaml, click"}
GOALS = {"render": 1.25, "validate": 1.3}
JIEBA_PROBE = ("import sys, runpy; sys.argv = {argv!r};\n"
               "try:\n    runpy.run_module('drafter', run_name='__main__')\nexcept SystemExit:\n    pass\n"
               "print('jieba' in sys.modules)")

# A user's `pip install` leaves compiled .pyc files; an environment that forbids writing them
# (PYTHONDONTWRITEBYTECODE) would make every run recompile drafter, measuring the compiler.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}


def big_sheet(themes: int, out: Path) -> Path:
    import yaml

    sheet = yaml.safe_load((ROOT / "samples" / "edu-bureau-2024.yaml").read_text(encoding="utf-8"))
    base = sheet["achievements"]
    sheet["achievements"] = [dict(base[i % len(base)], title=f"{base[i % len(base)]['title']}（第{i + 1}项）")
                             for i in range(themes)]
    out.write_text(yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: List[str], env: Dict[str, str], cwd: str) -> Tuple[float, float]:
    """(wall seconds, CPU seconds) of one run.  CPU time is the steadier figure on a busy machine:
    waiting for a core or for the disk does not count."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    return time.perf_counter() - start, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--sample", type=Path, default=ROOT / "samples" / "edu-bureau-2024.yaml")
    parser.add_argument("--themes", type=int, default=0, help="render a generated sheet of this many themes")
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample = big_sheet(args.themes, Path(tmp) / "big.yaml") if args.themes else args.sample.resolve()
        out = Path(tmp) / "draft.docx"
        argv = {"render": ["render", str(sample), "-o", str(out), "--force"], "validate": ["validate", str(sample)]}
        # PYTHONPATH names each checkout explicitly, and the commands run in the temporary folder:
        # `python -m` puts the working directory first on sys.path.
        trees: Dict[str, Path] = {"drafter": ROOT}
        if args.baseline:
            trees["baseline"] = args.baseline.resolve()
        cases: Dict[str, tuple] = {}
        for name, code in FLOORS.items():
            cases[f"floor {name}"] = ([sys.executable, "-c", code], ENV)
        for tree, path in trees.items():
            env = dict(ENV, PYTHONPATH=str(path))
            for name, rest in argv.items():
                cases[f"{tree} {name}"] = ([sys.executable, "-m", "drafter", *rest], env)
        for cmd, env in cases.values():  # fill the caches once
            subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp)
        times: Dict[str, List[float]] = {label: [] for label in cases}
        cpu: Dict[str, List[float]] = {label: [] for label in cases}
        for _ in range(args.runs):
            for label, (cmd, env) in cases.items():
                wall, used = timed(cmd, env, tmp)
                times[label].append(wall)
                cpu[label].append(used)
        jieba = {name: subprocess.run([sys.executable, "-c", JIEBA_PROBE.format(argv=["drafter", *rest])],
                                      check=True, capture_output=True, text=True, env=dict(ENV, PYTHONPATH=str(ROOT)),
                                      cwd=tmp).stdout.strip().splitlines()[-1]
                 for name, rest in argv.items()}
    median = {label: statistics.median(values) for label, values in times.items()}
    cpu_median = {label: statistics.median(values) for label, values in cpu.items()}
    what = f"{args.themes} themes (generated)" if args.themes else str(args.sample)
    print(f"python      {sys.version.split()[0]} ({sys.executable})")
    print(f"fact sheet  {what}")
    print(f"runs        {args.runs} of each, interleaved")
    for label, values in times.items():
        print(f"{label:18} wall median {median[label] * 1000:7.1f} ms  min {min(values) * 1000:7.1f} ms"
              f"   CPU median {cpu_median[label] * 1000:7.1f} ms")
    for name in argv:
        goal = "" if args.themes else f"  (goal <= {GOALS[name]}x)"
        for tree in trees:
            wall = median[f"{tree} {name}"] / median[f"floor {name}"]
            used = cpu_median[f"{tree} {name}"] / cpu_median[f"floor {name}"]
            print(f"{tree} {name} / floor: wall {wall:.2f}x, CPU {used:.2f}x{goal}")
        if args.baseline:
            wall = 1 - median[f"drafter {name}"] / median[f"baseline {name}"]
            used = 1 - cpu_median[f"drafter {name}"] / cpu_median[f"baseline {name}"]
            print(f"{name}: drafter takes {100 * wall:.0f}% less wall time, {100 * used:.0f}% less CPU than the baseline")
        print(f"jieba imported by {name}: {jieba[name]}")


if __name__ == "__main__":
    main()
