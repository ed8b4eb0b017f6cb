"""How wide text is on a terminal: a Chinese character takes two columns, Latin text one."""
from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
