"""Heading number markers as reports type them: 一、 一. （一） 1. 1、 （1） 1） ① 第一部分 第一、 壹、 and bullets ■ ◆ ●.

Markers are matched on normalised text (so ``(一)`` and ``（一）``, ``1．`` and ``1.`` are one
style each); a style id names the shape and `pattern` gives the form the renderer writes, with
``{cn}`` for a Chinese numeral and ``{n}`` for an Arabic one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Optional

_CN = "一二三四五六七八九十"
CN_NUM = f"[{_CN}]{{1,3}}"
_DAXIE = "壹贰叁参肆伍陆柒捌玖拾"  # capital numerals (壹、貳、參、 after t2s), common in 港澳台 reports
DX_NUM = f"[{_DAXIE}]{{1,3}}"
_DAXIE_VALUE = {"壹": "一", "贰": "二", "叁": "三", "参": "三", "肆": "四", "伍": "五", "陆": "六", "柒": "七",
                "捌": "八", "玖": "九", "拾": "十"}

# Bullet shapes, grouped by family (a report may use ◆ and ◇ for one level).
SYMBOL_FAMILIES = ("■□▪▫", "◆◇❖", "●○◎•", "▲△▶►▸", "★☆✦", "✔√☑")
SYMBOL_STYLES = tuple(f"sym{family[0]}" for family in SYMBOL_FAMILIES)

# style id → (regex, pattern for the renderer, conventional rank: 0 is the outermost)
_STYLE_DEFS = (
    ("part", rf"第\s*({CN_NUM}|\d{{1,2}})\s*(?:部分|篇|章)\s*[、，：.]?", "第{cn}部分", 0),
    # 第一、/第一，: the ordinal form; the renderer keeps its own numbering for it (no pattern)
    ("di", rf"第\s*({CN_NUM})\s*[、，]", "", 1),
    ("dx", rf"({DX_NUM})\s*[、.，]", "", 0),
    ("cn、", rf"({CN_NUM})\s*、", "{cn}、", 1),
    ("cn.", rf"({CN_NUM})\s*\.(?:(?!\d)|(?=(?:19|20)\d\d年))", "{cn}.", 1),
    # 一，: a slip for 一、 (the comma key is next to it); a sequence of them is a top level
    ("cn，", rf"({CN_NUM})\s*，", "", 1),
    ("(cn)", rf"（\s*({CN_NUM})\s*）\s*[、.]?", "（{cn}）", 2),
    ("n.", r"(\d{1,2})\s*\.(?:(?!\d)|(?=(?:19|20)\d\d年))", "{n}.", 3),
    ("n、", r"(\d{1,2})\s*、", "{n}、", 3),
    ("(n)", r"（\s*(\d{1,2})\s*）\s*[、.]?", "（{n}）", 4),
    ("n)", r"(\d{1,2})\s*）", "{n}）", 4),
    ("circled", r"([\u2460-\u2473])", "", 5),
    # 01 02 03 …, set apart by a space or a bar: how WeChat posts number their parts
    ("0n", r"0([1-9])(?:\s*[|｜]\s*|\s+)(?=[^\d\s]|(?:19|20)\d\d年)", "", 1),
    # Unnumbered bullets that reports exported from slides or WeChat posts use for headings; one
    # style per shape family, so ■ parts and ● subsections are two levels.
    *((f"sym{family[0]}", f"([{family}])", "", 2) for family in SYMBOL_FAMILIES),
)
STYLES = tuple(s[0] for s in _STYLE_DEFS)
PATTERNS: Dict[str, str] = {s[0]: s[2] for s in _STYLE_DEFS}
RANKS: Dict[str, int] = {s[0]: s[3] for s in _STYLE_DEFS}
_STYLE_RES = tuple((s[0], re.compile(s[1])) for s in _STYLE_DEFS)
# One regex for "does a marker start here?", tried before the per-style ones.
_ANY = re.compile(r"第\s*[一二三四五六七八九十\d]|[壹贰叁参肆伍陆柒捌玖拾]{1,3}\s*[、.，]|[一二三四五六七八九十]{1,3}\s*[、.，]|（\s*[一二三四五六七八九十\d]|\d{1,2}\s*[.、）]|0[1-9]\s|0[1-9]\s*[|｜]|[\u2460-\u2473]"
                  "|[" + "".join(SYMBOL_FAMILIES) + "]")
# What right after a marker shows it is not a heading: "一、二年级", "1、2、3", "3）%" …
_NOT_AFTER = re.compile(rf"{CN_NUM}\s*[、年]|\d{{1,2}}\s*[、.）]|[%％、，。）：；]")


@dataclass(frozen=True)
class Marker:
    style: str
    ordinal: int
    end: int  # offset just after the marker (and the spaces after it)

    @property
    def pattern(self) -> str:
        return PATTERNS[self.style]


def cn_to_int(text: str) -> Optional[int]:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    text = "".join(_DAXIE_VALUE.get(c, c) for c in text)
    if not text or any(c not in digits and c != "十" for c in text):
        return None
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def marker_at(text: str, pos: int = 0) -> Optional[Marker]:
    """The heading marker starting at `pos` of normalised text, if any."""
    if not _ANY.match(text, pos):
        return None
    for style, regex in _STYLE_RES:
        m = regex.match(text, pos)
        if not m:
            continue
        number = m.group(1)
        if style == "circled":
            ordinal: Optional[int] = ord(number) - 0x2460 + 1
        elif style in SYMBOL_STYLES:
            ordinal = 1  # bullets carry no number: every one is accepted (like unnumbered lines)
        elif number.isdigit():
            ordinal = int(number)
        else:
            ordinal = cn_to_int(number)
        if not ordinal:
            return None
        end = m.end()
        while end < len(text) and text[end] == " ":
            end += 1
        if end >= len(text) or _NOT_AFTER.match(text, end):
            return None
        return Marker(style, ordinal, end)
    return None


def starts_with_marker(text: str) -> bool:
    stripped = text.lstrip()
    return marker_at(stripped) is not None
