"""The offending line of a file with a caret under the column, as compilers print it.

Columns are counted in characters (as PyYAML and editors count them), but the caret must
land under the right character on a terminal, where a Chinese character takes two cells.
So the padding before the caret is measured in display cells, and tabs are shown as four
spaces on both lines so that they cannot shift the caret either.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Optional, Tuple

# The line breaks YAML itself counts (PyYAML's reader), so our line numbers agree with its marks
# (compiled on first use: only a problem to show needs the lines of a file).
LINE_BREAK = "\r\n|[\r\n\x85\u2028\u2029]"
# Characters YAML does not allow in a stream (PyYAML's reader, same set); shown as "?".  The very
# string of yaml.reader.Reader.NON_PRINTABLE, so re's cache hands back the pattern yaml compiled
# at its import (compiling it again would cost ~3.5 ms).
NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
TAB_WIDTH = 4
MAX_SHOWN = 120  # cells of a line shown around the caret


@lru_cache(maxsize=1)
def _line_break() -> "re.Pattern[str]":
    return re.compile(LINE_BREAK)


def split_lines(text: str) -> List[str]:
    return _line_break().split(text)


def position(text: str, offset: int) -> Tuple[int, int]:
    """1-based line and column of a character offset, counting lines as YAML does."""
    parts = split_lines(text[:offset])
    return len(parts), len(parts[-1]) + 1


def cell_width(char: str) -> int:
    import unicodedata  # only an excerpt (a problem to show) needs it

    if char == "\t":
        return TAB_WIDTH
    if NON_PRINTABLE.match(char):
        return 1
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _shown(char: str) -> str:
    if char == "\t":
        return " " * TAB_WIDTH
    return "?" if NON_PRINTABLE.match(char) else char


def excerpt(lines: List[str], line: Optional[int], column: Optional[int]) -> Optional[str]:
    """``   12 | date: 2025-13-01`` and a caret under `column` (both 1-based), or None."""
    if line is None or not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    col = max(1, min(column or 1, len(text) + 1))
    # Long lines (a minified file, binary junk) are cut to a window around the column.
    start = col - 1
    before = 0
    fits = len(text) <= MAX_SHOWN and sum(cell_width(c) for c in text) <= MAX_SHOWN
    while start > 0 and (fits or before + cell_width(text[start - 1]) <= MAX_SHOWN // 2):
        start -= 1
        before += cell_width(text[start])
    shown_chars = []
    width = 0
    for char in text[start:]:
        width += cell_width(char)
        if width > MAX_SHOWN:
            shown_chars.append(" ...")
            break
        shown_chars.append(_shown(char))
    prefix = "..." if start else ""
    number = f"{line:>6} | "
    pad = before + len(prefix)
    gutter = " " * (len(number) - 2) + "| "
    return f"{number}{prefix}{''.join(shown_chars)}".rstrip() + "\n" + gutter + " " * pad + "^"
