"""Heading variants of a part → the wording a draft uses: plausible ones only, clustered by meaning.

Reports word a part's heading in many ways (工作开展情况及主要措施 / 主要工作开展情况 / 全年主要工作),
and in a small corpus every wording occurs once, so "the most frequent" would be whichever file was
read first.  Variants are therefore grouped by shared character bigrams (single link, Jaccard ≥
LINK), the largest group (by reports) wins, and its most representative member — the one most
similar to the others, weighted by their counts — becomes the default, listed first.

A variant must read as a heading of its part: short, no sentence punctuation, no figure, not a
theme sentence (水平不断提高), not page chrome or a host's disclaimer, and the genre's own words for
that part must be in it.  Scraped archives put theme sentences and junk into heading slots;
`plausible` keeps them out of the learned outline.
"""
from __future__ import annotations

import re
from typing import Dict, List, Sequence, Tuple

from ..corpus import chrome
from .lexicon import PRIOR

LINK = 0.3  # bigram Jaccard at which two wordings are variants of one heading
CLUSTERED_MAX = 200  # only the most frequent wordings are clustered (pairwise cost is quadratic)
HEADING_CHARS = (2, 16)
PART_WORDS_MIN = 2.0
_PUNCT = re.compile(r"[。，；！？：:、,;!?]")
_DIGIT = re.compile(r"\d")
_THEME = re.compile(r"(?:不断|持续|显著|稳步|明显|进一步|全面|大幅|有效)(?:提高|提升|增强|加强|改善|完善|优化|扩大|加快|深化)"
                    r"|取得(?:新|明显|显著|积极)?(?:成效|进展|突破)|水平(?:不断|持续|稳步|显著)|以.{1,8}为")
_JUNK = re.compile(r"侵权|删除|版权|下载|文档|上传|声明|网站|本站|小编|免费|会员|登录|点击|阅读|转载|联系")
_PLACEHOLDER = re.compile(r"\{(?:next_)?year\}")


def _core(text: str) -> str:
    return "".join(ch for ch in _PLACEHOLDER.sub("", text) if "\u4e00" <= ch <= "\u9fff")


def _bigrams(text: str) -> frozenset:
    core = _core(text)
    return frozenset(core[i:i + 2] for i in range(len(core) - 1)) or frozenset([core])


def similarity(a: str, b: str) -> float:
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / len(x | y) if x or y else 0.0


def part_word_score(text: str, part: str) -> float:
    """The weight of the genre's words for `part` in a heading; the year placeholders count too."""
    score = sum(w for cue, w in PRIOR.get(part, {}).items() if cue in text)
    if part == "plan" and "{next_year}" in text:
        score += 3.0
    if part == "achievements" and "{year}" in text:
        score += 1.5
    return score


def plausible(text: str, part: str) -> bool:
    """Whether `text` reads as the heading of `part` (see the module docstring)."""
    core = _PLACEHOLDER.sub("", text)
    if not HEADING_CHARS[0] <= len(core) <= (24 if part == "other" else HEADING_CHARS[1]):
        return False
    if _PUNCT.search(core) or _DIGIT.search(core) or _JUNK.search(core) or _THEME.search(core):
        return False
    if chrome.is_chrome(core, False) or chrome.is_site_intro(core):
        return False
    own = part_word_score(text, part)
    if part == "other":
        return own >= PART_WORDS_MIN
    return own >= PART_WORDS_MIN and all(part_word_score(text, p) < own for p in PRIOR if p != part)


def clusters(variants: Sequence[Tuple[str, int]]) -> List[List[Tuple[str, int]]]:
    """Single-link groups of similar wordings, largest (by reports) first, deterministic."""
    items = list(variants)[:CLUSTERED_MAX]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if similarity(items[i][0], items[j][0]) >= LINK:
                a, b = root(i), root(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: Dict[int, List[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    out = [[items[i] for i in members] for members in groups.values()]
    return sorted(out, key=lambda g: (-sum(n for _, n in g), -max(n for _, n in g), min(t for t, _ in g)))


def _centrality(text: str, group: Sequence[Tuple[str, int]]) -> float:
    return sum(n * (1.0 if other == text else similarity(text, other)) for other, n in group)


def ranked(variants: Sequence[Tuple[str, int]], part: str) -> List[Tuple[str, int]]:
    """The plausible variants, the default first: groups by size, each led by its most central
    member, the rest of a group by count."""
    kept = [(t, n) for t, n in variants if plausible(t, part)]
    out: List[Tuple[str, int]] = []
    for group in clusters(kept):
        order = sorted(group, key=lambda v: (-_centrality(v[0], group), -v[1], len(v[0]), v[0]))
        out.append(order[0])
        out.extend(sorted(order[1:], key=lambda v: (-v[1], -_centrality(v[0], group), v[0])))
    return out
