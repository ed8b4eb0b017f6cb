"""Audit: find regular expressions over user text that grow faster than linearly.

Not a test.  Every compiled pattern at module level in drafter.corpus, drafter.outline and
drafter.facts is run (search, and sub when it has no groups) over lines made of one repeated
unit ("[", " ", "**a ", digits, Chinese punctuation …) of N and of 2N units; a pattern whose
time more than triples when the input doubles, and takes over 10 ms, is printed with its worst
unit.  Patterns built inside functions are not seen: audit those by reading them.

    python benchmarks/regex_audit.py          # N = 3000
    python benchmarks/regex_audit.py 5000
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path
from typing import Iterator, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PACKAGES = ("drafter.corpus", "drafter.outline", "drafter.facts")
UNITS = ["[", "![", "[a", "[a](", " ", "\t", "*", "**", "**a ", "__a ", "_", "<a", "<a ", "#", " #", "# ", "-", " -",
         "|", "1", "1 ", "１", "１ ", "1.", "1、", "0.", "一", "一、", "一是", "是", "第", "年", "的", "（", "(", "(一)",
         "、", "、一", "，", "。", "!", "%", ":", "\\", "x", "x ", "a1"]


def patterns() -> Iterator[Tuple[str, "re.Pattern[str]"]]:
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package_name}.{info.name}")
            for name, value in vars(module).items():
                values = value if isinstance(value, (list, tuple)) else [value]
                for item in values:
                    for candidate in item if isinstance(item, tuple) else (item,):
                        if isinstance(candidate, re.Pattern):
                            yield f"{module.__name__}.{name}", candidate


def seconds(pattern: "re.Pattern[str]", text: str) -> float:
    started = time.perf_counter()
    pattern.search(text)
    if pattern.groups == 0:
        pattern.sub("", text)
    return time.perf_counter() - started


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    for name, pattern in patterns():
        worst = None
        for unit in UNITS:
            for tail in ("", "x", "\n"):
                small = seconds(pattern, unit * n + tail)
                if small < 0.002:
                    continue
                large = seconds(pattern, unit * (2 * n) + tail)
                if large > 0.01 and large / small > 3.0 and (worst is None or large > worst[0]):
                    worst = (large, unit, tail, small)
        if worst:
            large, unit, tail, small = worst
            print(f"{name}: {pattern.pattern[:80]!r} — unit {unit!r}+{tail!r}: {small:.3f} s → {large:.3f} s")


if __name__ == "__main__":
    main()
