"""Benchmark `drafter extract` over the seeds replicated to 10 MB, against bare jieba in the same run.

Not a test (timings depend on the machine).  The seed reports are copied into a temporary folder
until it holds --size-mb megabytes; then, interleaved for --rounds rounds so both see the same
machine load:

* bare jieba: ``jieba.cut`` (default mode, HMM on) over the text of every file, read beforehand;
* extract: for every file what `drafter extract` does short of writing — read, decode, find the
  report, analyse its outline, build the sheet (figure grammar, jieba part-of-speech tags for the
  numbers inside sentences), write it as commented YAML and validate that text.

Both tokenisers are initialised before timing.  Prints MB/s of each and their ratio.

    python benchmarks/bench_extract.py                 # 10 MB, 2 rounds
    python benchmarks/bench_extract.py --size-mb 2 --rounds 1
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.facts.validate import check_text  # noqa: E402
from drafter.harvest.numbers import pos_tokenizer  # noqa: E402
from drafter.harvest.run import harvest_file, sheet_text  # noqa: E402
from bench_learn import make_corpus  # noqa: E402  (same folder: the seeds replicated to a size)


def bare_jieba(files) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    jieba.setLogLevel(60)
    tk = jieba.Tokenizer()
    tk.initialize()
    texts = [p.read_text(encoding="utf-8") for p in files]
    start = time.perf_counter()
    for text in texts:
        for _ in tk.cut(text):
            pass
    return time.perf_counter() - start


def extract_all(files, out: Path) -> float:
    start = time.perf_counter()
    for path in files:
        found = harvest_file(path)
        text = sheet_text(found, path, out)
        if check_text(text, out).errors:
            raise SystemExit(f"{path}: the sheet does not validate")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    pos_tokenizer()  # jieba initialised outside the timing, as for bare jieba
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        size = make_corpus(folder, args.size_mb)
        files = sorted(folder.glob("*.txt"))
        out = Path(tmp) / "sheet.yaml"
        jieba_times, extract_times = [], []
        for _ in range(args.rounds):
            jieba_times.append(bare_jieba(files))
            extract_times.append(extract_all(files, out))
        mb = size / 1_000_000
        j, e = statistics.median(jieba_times), statistics.median(extract_times)
        print(f"corpus: {mb:.1f} MB in {len(files)} files; median of {args.rounds} interleaved rounds")
        print(f"bare jieba.cut : {j:7.2f} s  {mb / j:6.2f} MB/s")
        print(f"drafter extract: {e:7.2f} s  {mb / e:6.2f} MB/s  ({e / j:.2f} × bare jieba's time)")


if __name__ == "__main__":
    main()
