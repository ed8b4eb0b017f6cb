"""What a typed answer may contain: the text the user meant, without terminal debris.

Without line editing an arrow key types ``ESC [ D`` into the answer, a paste from Word may
bring U+2028 or ``\\r``, and a pipe may bring ``\\r\\n``.  None of that is content: escape
sequences and control characters are removed, and a line break inside an answer (every
answer is one line) becomes one space — or nothing between two Chinese characters, where a
space would be a visible gap.  Everything else (private-use 造字, full-width forms) is kept
exactly as typed.
"""
from __future__ import annotations

import re

# ESC [ … final (CSI: arrows, F-keys), ESC ] … BEL/ST (OSC: terminal titles), ESC O x (SS3
# keypad keys), and any other two-character ESC sequence.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|O.?|.?)|\x9b[0-?]*[ -/]*[@-~]?",
                      re.DOTALL)
_BREAK = re.compile(r"[ \t]*(?:(?:\r\n|[\r\n\x0b\x0c\x85\u2028\u2029])[ \t]*)+")
# C0 and C1 controls, DEL, and lone surrogates (undecodable bytes): never text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _join(match: re.Match) -> str:
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return "" if (_WIDE.match(before) and _WIDE.match(after)) or not before or not after else " "


def clean_answer(text: str) -> str:
    """`text` as the sheet stores it: one line, no escape codes or control characters."""
    text = _ESCAPES.sub("", text)
    text = _BREAK.sub(_join, text)
    text = text.replace("\t", " ")
    return _CONTROL.sub("", text)
