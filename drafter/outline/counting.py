"""Bounded, deterministic counters for learning over a corpus of any size.

`learn` streams reports one at a time and keeps only counts, and the counts themselves are
bounded: histograms bucket their values, and `BoundedCounter` drops its rarest keys when it
grows past a cap (a key dropped and seen again restarts from zero, so a count may be short by
at most `floor` per pruning), so memory stays flat as the corpus grows while the result depends
only on the reports and their order.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Tuple


class Histogram:
    """Counts of (bucketed) numbers, enough for a median without keeping the numbers."""

    def __init__(self, bucket: float = 1.0) -> None:
        self.bucket = bucket
        self.counts: Dict[float, int] = {}
        self.total = 0

    def add(self, value: float) -> None:
        key = round(value / self.bucket) * self.bucket
        self.counts[key] = self.counts.get(key, 0) + 1
        self.total += 1

    def _at(self, index: int) -> float:
        seen = 0
        for key in sorted(self.counts):
            seen += self.counts[key]
            if seen > index:
                return key
        return max(self.counts)

    def median(self) -> float:
        if not self.total:
            return 0.0
        return (self._at((self.total - 1) // 2) + self._at(self.total // 2)) / 2


class BoundedCounter:
    """key → count with first-seen order; at most `cap` keys (the rarest are dropped first)."""

    def __init__(self, cap: int = 200_000) -> None:
        self.cap = cap
        self.counts: Dict[str, int] = {}
        self.first: Dict[str, int] = {}
        self.seen = 0
        self.floor = 0  # the largest count ever dropped: counts kept may be this much too low

    def add(self, key: str, n: int = 1) -> None:
        if key in self.counts:
            self.counts[key] += n
        else:
            self.counts[key] = n
            self.first[key] = self.seen
            self.seen += 1
            if len(self.counts) > self.cap:
                self._prune()

    def update(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.add(key)

    def _prune(self) -> None:
        """Drop the rarest keys (count 1, then 2 …) until half the cap is left."""
        threshold = 0
        while len(self.counts) > self.cap // 2:
            threshold += 1
            for key in [k for k, v in self.counts.items() if v <= threshold]:
                del self.counts[key]
                del self.first[key]
        self.floor = max(self.floor, threshold)

    def most_common(self, minimum: int = 1) -> List[Tuple[str, int]]:
        """Keys with at least `minimum`, by count (desc), ties by first appearance."""
        items = [(k, v) for k, v in self.counts.items() if v >= minimum]
        items.sort(key=lambda kv: (-kv[1], self.first[kv[0]]))
        return items

    def __len__(self) -> int:
        return len(self.counts)
