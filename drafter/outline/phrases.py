"""The phrase bank: stock multi-word phrases and sentence openers of each part, by document frequency.

Words come from jieba; a candidate phrase is two or three words inside one clause, one of them a
word of official prose (推进, 进一步, 扎实 …), so that what recurs across reports is the genre's
stock phrasing (扎实推进, 取得新成效) rather than the topic (教育教学); an opener is how clauses and
sentences start (一年来, 同时, 主要表现在).  Each report counts once per phrase and part.
"""
from __future__ import annotations

import math
from typing import Dict, Iterable, List, Set, Tuple

from .counting import BoundedCounter
from .model import Phrase

# A stock phrase opens with a word of official prose (manner, action) …
HEADS = frozenset("""
进一步 不断 全面 深入 扎实 切实 积极 持续 大力 着力 加强 推进 提升 提高 完善 强化 落实 坚持 围绕 聚焦
取得 有效 稳步 认真 努力 确保 推动 加快 加大 深化 巩固 健全 统筹 狠抓 夯实 全力 精心 主动 广泛 严格 始终
紧紧 牢固 充分 高度 圆满 顺利 逐步 有序 继续 力争 着重 不够 有待 仍然 依然 亟待 存在 坚强 正确 各项 一年来
截至 目前 同时 此外 主要 发挥 营造 打造 构建 形成 凝聚 进行 不断完善 认真贯彻 深入学习 学习贯彻 贯彻落实
""".split())
# … and closes with one (what the work does or achieves, who leads it, what it builds on).
TAILS = frozenset("""
成效 成绩 领导 指导 部署 要求 抓手 载体 契机 保障 作用 落实 推进 开展 实施 完善 提升 提高 加强 突破 进展
成果 氛围 合力 新成效 新突破 新台阶 新局面 不足 差距 短板 弱项 水平 能力 底线 全覆盖 常态化 制度化
学习 工作 优化 缓解 规范 创新 深化 巩固 健全 统筹 建设 管理 服务 机制 体系 发挥 到位 有力 显著 明显
""".split())
# Words of official prose too plain to be worth listing as a sentence opener on their own.
_NOT_OPENERS = frozenset("主要 各项 存在 进行 形成 目前 同时 此外".split())
# One-character words that may open a stock phrase: 以…为抓手, 为重点, 在…领导下.
SHORT_HEADS = frozenset("以为在")
_CLAUSE_PUNCT = frozenset("，。；：！？、“”‘’《》（）,.;:!?()\"' ")
_SENTENCE_PUNCT = frozenset("。；！？!?;")
_OPENER_END = frozenset("，：,:")
PHRASE_CHARS = (3, 8)
OPENER_CHARS = (2, 6)
TOP = 30


def _clauses(tokens: Iterable[str]) -> Iterable[Tuple[bool, List[str], str]]:
    """(starts a sentence, words, the punctuation after it) for each clause of Han words.

    Anything else (numbers, ``x`` placeholders) ends a clause, and what follows it is no start."""
    clause: List[str] = []
    starts = True
    for token in tokens:
        if "\u4e00" <= token[0] <= "\u9fff":
            clause.append(token)
            continue
        if token in _CLAUSE_PUNCT or not token.strip():
            if clause:
                yield starts, clause, token
            clause = []
            starts = token in _SENTENCE_PUNCT or (starts and token.strip() == "")
            continue
        if clause:
            yield starts, clause, ""
        clause = []
        starts = False
    if clause:
        yield starts, clause, ""


def _stock(gram: List[str]) -> bool:
    first, last = gram[0], gram[-1]
    if len(last) < 2 or (len(first) < 2 and first not in SHORT_HEADS):
        return False
    if len(first) < 2:
        return len(gram) == 2 and last in TAILS
    return first in HEADS and last in TAILS


def mine(tokens: Iterable[str]) -> Tuple[Set[str], Set[str]]:
    """(stock phrases, sentence openers) occurring in one text."""
    phrases: Set[str] = set()
    openers: Set[str] = set()
    low, high = PHRASE_CHARS
    for sentence_start, words, after in _clauses(tokens):
        n = len(words)
        for i in range(n - 1):
            first = words[i]
            if first not in HEADS and first not in SHORT_HEADS:
                continue
            for size in (2, 3):
                if i + size > n:
                    break
                gram = words[i:i + size]
                if _stock(gram):
                    text = "".join(gram)
                    if low <= len(text) <= high:
                        phrases.add(text)
        if not sentence_start:
            continue
        whole = "".join(words)
        if n <= 3 and after in _OPENER_END and OPENER_CHARS[0] <= len(whole) <= OPENER_CHARS[1]:
            openers.add(whole)  # 一年来， 同时， 主要表现在：
        head = words[0]
        if head in HEADS and len(head) >= 2 and head not in _NOT_OPENERS:
            openers.add(head)  # 进一步…
            if n >= 2 and len(words[1]) >= 2 and OPENER_CHARS[0] < len(head + words[1]) <= OPENER_CHARS[1] \
                    and (words[1] in HEADS or words[1] in TAILS):
                openers.add(head + words[1])  # 扎实推进…
    return phrases, openers


class PhraseBank:
    """Document frequencies of phrases and openers, per part, over a stream of reports."""

    def __init__(self, cap: int = 200_000) -> None:
        self.cap = cap
        self.phrases: Dict[str, BoundedCounter] = {}
        self.openers: Dict[str, BoundedCounter] = {}
        self.reports: Dict[str, int] = {}

    def add_report(self, texts: Dict[str, List[str]], cut) -> None:
        """`texts`: part → its text in one report; `cut`: the tokenizer."""
        for part, paragraphs in texts.items():
            phrases: Set[str] = set()
            openers: Set[str] = set()
            for paragraph in paragraphs:
                p, o = mine(cut(paragraph))
                phrases |= p
                openers |= o
            self.reports[part] = self.reports.get(part, 0) + 1
            self.phrases.setdefault(part, BoundedCounter(self.cap)).update(sorted(phrases))
            self.openers.setdefault(part, BoundedCounter(self.cap)).update(sorted(openers))

    @staticmethod
    def _shortest(items: List[Tuple[str, int]]) -> List[Tuple[str, int]]:
        """Drop a phrase that only extends a shorter one at least as frequent (扎实推进各项 → 扎实推进)."""
        kept: List[Tuple[str, int]] = []
        for text, df in items:
            if any(other != text and other in text and odf >= df for other, odf in items):
                continue
            kept.append((text, df))
        return kept

    def result(self, top: int = TOP) -> Dict[str, List[Phrase]]:
        out: Dict[str, List[Phrase]] = {}
        for part in self.reports:
            minimum = max(2, math.ceil(0.1 * self.reports[part]))
            phrases = self._shortest(self.phrases[part].most_common(minimum)[: top * 5])[:top]
            openers = self._shortest(self.openers[part].most_common(minimum)[: top * 5])[:top]
            bank = [Phrase(t, df, "phrase") for t, df in phrases] + [Phrase(t, df, "opener") for t, df in openers]
            if bank:
                out[part] = bank
        return out
