"""Which canonical part each section is: heading words, the order parts come in, and position.

Top-level sections are labelled together (a Viterbi pass): each gets word evidence from the
built-in prior and the vocabulary learned from a corpus, and going back in the usual order
(主要工作 → 特色亮点 → 存在问题 → 工作打算) costs a penalty, so theme headings without part words
inherit the part they stand in and a report without a wrapping 主要工作 still reads right.
Nested sections keep their parent's part unless their own words clearly say otherwise.
"""
from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Sequence

from .lexicon import BODY_PRIOR, NOT_CUES, PRIOR, PROBLEM_AS_ACTION
from .tree import Section

PARTS = ("achievements", "highlights", "problems", "other", "plan")
_ORDER = {"achievements": 0, "highlights": 1, "problems": 2, "plan": 3}
BACKWARD = 2.5  # cost of going back in the usual order of parts
THEME_DEFAULT = 0.6  # a heading with no part words is, by default, a theme of the work done
LAST_IS_PLAN = 0.4
OVERRIDE_MIN = 3.0  # a nested heading leaves its parent's part only on this much evidence
PART_HEADING_MAX = 16  # a heading naming a part is short; a longer one states a theme
LEARNED_MAX = 1.5
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


class Vocabulary:
    """Heading words learned from a corpus: part → word → in how many part headings it occurred."""

    def __init__(self, counts: Optional[Mapping[str, Mapping[str, int]]] = None) -> None:
        self.counts = {p: dict(v) for p, v in (counts or {}).items()}
        totals: Dict[str, int] = {}
        for words in self.counts.values():
            for word, n in words.items():
                totals[word] = totals.get(word, 0) + n
        self.weights: Dict[str, Dict[str, float]] = {}
        for part, words in self.counts.items():
            for word, n in words.items():
                weight = LEARNED_MAX * (n / totals[word]) * min(1.0, n / 2)
                if weight >= 0.3:
                    self.weights.setdefault(part, {})[word] = weight

    def score(self, text: str) -> Dict[str, float]:
        out: Dict[str, float] = {}
        for part, words in self.weights.items():
            total = sum(w for word, w in words.items() if word in text)
            if total:
                out[part] = total
        return out


def report_year(title: Optional[str], sections: Sequence[Section], opening: str) -> Optional[int]:
    """The year a report sums up: the year before 总结 in the title, else the title's first year,
    else one less than the year of a plan heading, else the year the opening mentions most."""
    if title:
        years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(title)]
        if years:
            summary = title.find("总结")
            before = [y for pos, y in years if summary == -1 or pos < summary]
            return before[-1] if before else years[0][1]
    for section in sections:
        m = _YEAR.search(section.text)
        if m and any(cue in section.text for cue in PRIOR["plan"] if PRIOR["plan"][cue] >= 2.5):
            return int(m.group(1)) - 1
    found = [int(y) for y in _YEAR.findall(opening[:600])]
    if found:
        return max(set(found), key=lambda y: (found.count(y), y))
    return None


def heading_scores(text: str, year: Optional[int], vocabulary: Vocabulary, body: str = "") -> Dict[str, float]:
    scores = {p: 0.0 for p in PARTS}
    text = NOT_CUES.sub("", text)
    for part, cues in PRIOR.items():
        scores[part] += sum(w for cue, w in cues.items() if cue in text)
    if PROBLEM_AS_ACTION.search(text):
        scores["problems"] *= 0.2
    for part, value in vocabulary.score(text).items():
        if part in scores:
            scores[part] += value
    if year is not None:
        if f"{year + 1}年" in text:
            scores["plan"] += 3.0
        elif f"{year}年" in text:
            scores["achievements"] += 1.5
    if "，" in text or len(text) > 18:  # a theme sentence, not the name of a part
        for part in ("highlights", "problems", "other", "plan"):
            scores[part] *= 0.5
    opening = body[:60]
    for part, cues in BODY_PRIOR.items():
        scores[part] += sum(w for cue, w in cues.items() if cue in opening)
    return scores


def _viterbi(emissions: List[Dict[str, float]]) -> List[str]:
    def transition(a: str, b: str) -> float:
        if a == "other" or b == "other":
            return 0.0
        return -BACKWARD if _ORDER[b] < _ORDER[a] else 0.0

    best: List[Dict[str, float]] = [dict(emissions[0])]
    back: List[Dict[str, str]] = [{}]
    for i in range(1, len(emissions)):
        row: Dict[str, float] = {}
        ptr: Dict[str, str] = {}
        for state in PARTS:
            prev = max(PARTS, key=lambda p: (best[i - 1][p] + transition(p, state), -PARTS.index(p)))
            row[state] = best[i - 1][prev] + transition(prev, state) + emissions[i][state]
            ptr[state] = prev
        best.append(row)
        back.append(ptr)
    state = max(PARTS, key=lambda p: (best[-1][p], -PARTS.index(p)))
    path = [state]
    for i in range(len(emissions) - 1, 0, -1):
        state = back[i][state]
        path.append(state)
    return path[::-1]


def _names_a_part(section: Section) -> bool:
    """Short, not run in, no comma: “（二）特色亮点工作”, not “1、科学谋划教育强区建设蓝图。”."""
    return not section.run_in and len(section.text) <= PART_HEADING_MAX and "，" not in section.text \
        and not section.heading.rstrip().endswith("。") if section.heading else False


def _label_children(section: Section, year: Optional[int], vocabulary: Vocabulary) -> None:
    for child in section.children:
        child.canonical = section.canonical
        if section.canonical == "achievements" and _names_a_part(child):
            scores = heading_scores(child.text, year, vocabulary)
            best = max(("highlights", "problems", "plan", "other"), key=lambda p: scores[p])
            if scores[best] >= OVERRIDE_MIN and scores[best] >= scores["achievements"] + 1.0:
                child.canonical = best
        _label_children(child, year, vocabulary)


def classify(sections: List[Section], year: Optional[int], vocabulary: Vocabulary) -> None:
    """Set `canonical` on every numbered section (the overview is labelled by its builder)."""
    if not sections:
        return
    emissions = []
    for i, section in enumerate(sections):
        scores = heading_scores(section.text, year, vocabulary, section.body[0] if section.body else "")
        scores["achievements"] += THEME_DEFAULT
        if i == len(sections) - 1 and len(sections) > 1:
            scores["plan"] += LAST_IS_PLAN
        emissions.append(scores)
    for section, label in zip(sections, _viterbi(emissions)):
        section.canonical = label
        _label_children(section, year, vocabulary)
