"""A run: a stretch of one line of the file, as it stands and in its normalised analysis form.

`raw` and `norm` always have the same length, so a cut made while reading `norm` (at a heading's
closing 。, before a watermark) cuts `raw` at the same place; `line` and `col` say where the run
starts in the file, which is all `analyze` needs to report positions.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    line: int
    col: int
    raw: str
    norm: str

    def __len__(self) -> int:
        return len(self.norm)

    def cut(self, start: int, end: int | None = None) -> "Run":
        end = len(self.norm) if end is None else end
        return Run(self.line, self.col + start, self.raw[start:end], self.norm[start:end])

    def strip(self) -> "Run":
        """Without leading and trailing whitespace (judged on the normalised text)."""
        lead = len(self.norm) - len(self.norm.lstrip())
        body = self.norm.strip()
        return self.cut(lead, lead + len(body))

    def blank(self, start: int, end: int) -> "Run":
        """The same run with [start, end) removed, e.g. a watermark in the middle of a line."""
        return Run(self.line, self.col, self.raw[:start] + self.raw[end:], self.norm[:start] + self.norm[end:])
