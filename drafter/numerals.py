"""Chinese heading numerals and numbering patterns, shared by outline learning and compose.

A neutral module so that drafter.outline (which prints learned numbering) does not import
drafter.compose (issue 10: the analysis side must not depend on the rendering side).
"""
from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (heading and 一是 numbering)."""
    if n < 0:
        raise ValueError("cn_numeral takes a non-negative integer")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _DIGITS[rest] if rest < 10 else
                                      (_DIGITS[1] + cn_numeral(rest) if rest < 20 else cn_numeral(rest)))
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def number_marker(pattern: str, n: int) -> str:
    """Format a learned numbering pattern: ``（{cn}）`` with 2 → ``（二）``, ``{n}.`` → ``2.``."""
    return pattern.replace("{cn}", cn_numeral(n)).replace("{n}", str(n))
