"""Numbers inside a sentence, found with jieba's part-of-speech tags: a numeral (m) and its quantifier.

The figure grammar reads a figure that ends its clause (``全年开展集中学习18次``); a number in the
middle of a clause (``对62所学校开展廉政风险排查``) has no label a sheet could hold, so it is only
listed, from jieba's tags: a numeral token with digits (m; eng for a digit run, as jieba tags it
without its HMM), then a quantifier (q), a numeral-tagged unit (``万元``) or a word from `UNITS`.  jieba is loaded on first use, and only for clauses that
hold a digit, which keeps it off every path but `extract`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Sequence, Tuple

from .grammar import FigureRead, is_not_figure

UNITS = frozenset("个人名所家件户项次场篇门栋套台辆册本期批支座处条株吨元亩天位种类间床辆架艘块片张份")
MULTI_UNITS = ("万元", "亿元", "万人次", "人次", "万人", "场次", "平方米", "万平方米", "公里", "千米", "小时", "课时",
               "学时", "个百分点", "万册", "余人", "余名", "余个", "余所", "余家", "余次", "余场")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def pos_tokenizer():  # -> jieba.posseg.POSTokenizer
    from ..outline.tokenizer import tokenizer
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer())


def inline_numbers(text: str, reads: Sequence[FigureRead] = ()) -> List[str]:
    """The numbers with units in `text` that no figure in `reads` covers, as written (``62所``)."""
    if not _DIGIT.search(text):
        return []
    covered = [(r.start, r.end) for r in reads]
    out: List[str] = []
    for m in re.finditer(r"[^，。；：！？]+", text):
        if _DIGIT.search(m.group(0)) and not any(a <= m.start() and m.end() <= b for a, b in covered):
            out.extend(_clause_numbers(m.group(0), m.start(), covered))
    return out


def _clause_numbers(text: str, offset: int, covered: Sequence[Tuple[int, int]]) -> List[str]:
    # Without HMM: numerals and quantifiers are dictionary words (or digit runs), and the HMM's
    # guesses for unknown words, which cost most of jieba's time, never touch a number.
    out: List[str] = []
    pos = offset
    words = [(w.word, w.flag) for w in pos_tokenizer().cut(text, HMM=False)]
    for k, (word, flag) in enumerate(words):
        start = pos
        pos += len(word)
        if not (_DIGIT.search(word) and flag in ("m", "eng")) or any(a <= start < b for a, b in covered):
            continue
        unit = ""
        if k + 1 < len(words):
            nxt, nflag = words[k + 1]
            if nflag in ("q", "m") and not _DIGIT.search(nxt) or nxt in UNITS or nxt in MULTI_UNITS \
                    or (nxt[:1] in UNITS and nflag in ("n", "c", "t")):
                unit = nxt if (nflag in ("q", "m") or nxt in UNITS or nxt in MULTI_UNITS) else nxt[:1]
        if unit in ("%", "％") or (k + 1 < len(words) and words[k + 1][0] in ("%", "％")):
            unit = "%"
        local = start - offset
        if not unit or is_not_figure(text[max(0, local - 2):local], word, unit):
            continue
        out.append(word + unit)
    return out
