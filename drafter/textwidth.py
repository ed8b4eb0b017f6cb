"""How wide text is on a terminal: a Chinese character takes two columns, Latin text one.

unicodedata is imported on the first call (--help, an excerpt), not by the commands that never
measure text (`drafter validate` of a good sheet).
"""
from __future__ import annotations


def display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
