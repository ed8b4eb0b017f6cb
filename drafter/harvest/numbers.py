"""Numbers inside a sentence, found with jieba's part-of-speech tags: a numeral (m) and its quantifier.

The figure grammar reads a figure that ends its clause (``全年开展集中学习18次``); a number in the
middle of a clause (``对62所学校开展廉政风险排查``) has no label a sheet could hold, so it is only
listed, from jieba's tags: a numeral token with digits, then a quantifier (q), a numeral-tagged
unit (``万元``) or a word from `UNITS`.  jieba is loaded on first use, and only for clauses that
hold a digit, which keeps it off every path but `extract`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Sequence

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
    pos = 0
    words = [(w.word, w.flag) for w in pos_tokenizer().cut(text)]
    for k, (word, flag) in enumerate(words):
        start = pos
        pos += len(word)
        if not (_DIGIT.search(word) and flag == "m") or any(a <= start < b for a, b in covered):
            continue
        unit = ""
        if k + 1 < len(words):
            nxt, nflag = words[k + 1]
            if nflag in ("q", "m") and not _DIGIT.search(nxt) or nxt in UNITS or nxt in MULTI_UNITS \
                    or (nxt[:1] in UNITS and nflag in ("n", "c", "t")):
                unit = nxt if (nflag in ("q", "m") or nxt in UNITS or nxt in MULTI_UNITS) else nxt[:1]
        if unit in ("%", "％") or (k + 1 < len(words) and words[k + 1][0] in ("%", "％")):
            unit = "%"
        if not unit or is_not_figure(text[max(0, start - 2):start], word, unit):
            continue
        out.append(word + unit)
    return out
