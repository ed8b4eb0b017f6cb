"""Which canonical part each section is: structure, position and words together.

The model.  Top-level sections are labelled together by a Viterbi pass over additive scores:
each section's *emission* per part sums (1) its heading's words — the built-in prior of the
genre plus the vocabulary learned from a corpus, halved for the non-work parts when the heading
is a theme sentence (a comma, more than 18 characters, a figure, or a result such as 水平不断提高),
and a heading naming two parts (存在的问题及下一步打算) leaning to the one it names first;
(2) its position — the first numbered part after the opening is usually this year's work, the
last one usually the plan; (3) its size and content — a part holding most of the text under
several subsections is the year's work whatever its heading says (重点工作及特色亮点), figures and
past actions point to the work, future tense (将/力争/计划) to the plan; suggestions to the
superior body (几点建议, 意见和想法) are other, never plan; (4) a part with no heading keeps the
part its opening sentence signals.  Transitions cost a penalty for going back in the usual order
(主要工作 → 特色亮点 → 存在问题 → 工作打算) and for returning to the work after an “other” part, so
theme headings without part words inherit the part they stand in.  Nested sections keep their
parent's part unless their own words clearly say otherwise (inside the work: highlights, problems,
plan, other; inside the problems: the plan, on stronger evidence).  Every contribution is recorded as
a line of evidence (`drafter analyze --explain`).
"""
from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Sequence

from .lexicon import BODY_PRIOR, LESSONS, NOT_CUES, PRIOR, PROBLEM_AS_ACTION
from .tree import Section

PARTS = ("achievements", "highlights", "problems", "other", "plan")
_ORDER = {"achievements": 0, "highlights": 1, "problems": 2, "plan": 3}
BACKWARD = 2.5  # cost of going back in the usual order of parts
THEME_DEFAULT = 0.6  # a heading with no part words is, by default, a theme of the work done
LAST_IS_PLAN = 0.4
OVERRIDE_MIN = 3.0  # a nested heading leaves its parent's part only on this much evidence
PART_HEADING_MAX = 16  # a heading naming a part is short; a longer one states a theme
LEARNED_MAX = 1.5
OTHER_THEN_WORK = 1.5  # the year's work rarely resumes after a part such as 面临的形势 or 荣誉
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_JOINED = re.compile(r"及|和|与|暨|以及")
COMBINED_FIRST = 4.0  # a heading naming two parts (问题及打算) is the part its text starts with


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
        return max(set(found), key=lambda y: (found.count(y), -y))  # a tie: the later year is the plan's
    return None


_THEME_RESULT = re.compile(
    r"(?:不断|持续|显著|稳步|明显|进一步|全面|大幅|有效)(?:提高|提升|增强|加强|改善|完善|优化|扩大|加快|深化|巩固|向好)"
    r"|取得(?:新|明显|显著|积极)?(?:成效|进展|突破|成果)|水平(?:不断|持续|稳步|显著)")
_FIGURE_IN_HEADING = re.compile(r"(?<![\d年])\d+(?:\.\d+)?\s*(?:项|个|人|次|件|所|场|%|万|亿|家|名|篇|条|户|公里)")
_SUGGESTION = re.compile(r"建议|意见和想法|意见与想法|意见和建议|意见建议|几点想法|几点思考|几点意见|请求|恳请")


def _note(notes: Optional[List[str]], text: str) -> None:
    if notes is not None:
        notes.append(text)


def _zh(part: str) -> str:
    from .model import PART_NAMES_ZH

    return PART_NAMES_ZH.get(part, part)


def heading_scores(text: str, year: Optional[int], vocabulary: Vocabulary, body: str = "",
                   notes: Optional[List[str]] = None) -> Dict[str, float]:
    scores = {p: 0.0 for p in PARTS}
    text = NOT_CUES.sub("", text)
    if LESSONS.search(text) and "做法" in text:  # 主要做法和经验: the lessons drawn, not the work itself
        text = text.replace("做法", "  ")
        _note(notes, "标题把做法和经验、体会并提，讲的是经验：“做法”不算主要工作的用词")
    first_at: Dict[str, int] = {}
    for part, cues in PRIOR.items():
        hits = [cue for cue in cues if cue in text]
        if hits:
            scores[part] += sum(cues[c] for c in hits)
            first_at[part] = min(text.find(c) for c in hits)
            _note(notes, f"标题用词“{'、'.join(hits)}”→{_zh(part)} +{sum(cues[c] for c in hits):.1f}")
    named = [p for p in ("achievements", "highlights", "problems", "plan") if scores[p] >= 2.5]
    if len(named) >= 2 and _JOINED.search(text):  # 存在的问题及下一步打算: one part holding two
        first = min(named, key=lambda p: first_at[p])
        scores[first] += COMBINED_FIRST
        _note(notes, f"标题并提两个部分，先说的是{_zh(first)} +{COMBINED_FIRST}")
    if PROBLEM_AS_ACTION.search(text) and scores["problems"]:
        scores["problems"] *= 0.2
        _note(notes, "标题是解决问题的工作（如“补齐短板”），不是问题本身：存在问题 ×0.2")
    for part, value in vocabulary.score(text).items():
        if part in scores:
            scores[part] += value
            _note(notes, f"学到的标题用词→{_zh(part)} +{value:.1f}")
    if year is not None:
        if f"{year + 1}年" in text:
            scores["plan"] += 3.0
            _note(notes, f"标题写的是下一年（{year + 1}年）→工作打算 +3.0")
        elif f"{year}年" in text:
            scores["achievements"] += 1.5
            _note(notes, f"标题写的是总结年度（{year}年）→主要工作 +1.5")
    if _SUGGESTION.search(text):
        scores["other"] += 3.0
        scores["plan"] *= 0.3
        _note(notes, "标题是向上级提的建议或意见→其他 +3.0，工作打算 ×0.3")
    opening = body[:60]
    for part, cues in BODY_PRIOR.items():
        hits = [cue for cue in cues if cue in opening]
        if hits:
            scores[part] += sum(cues[c] for c in hits)
            _note(notes, f"正文开头用词“{'、'.join(hits)}”→{_zh(part)} +{sum(cues[c] for c in hits):.1f}")
    # After the body words: under a theme heading (廉洁自律，严守纪律规矩) “未发生…问题” is work.
    theme = _THEME_RESULT.search(text) or _FIGURE_IN_HEADING.search(text)
    if "，" in text or len(text) > 18 or theme:  # a theme sentence, not the name of a part
        for part in ("highlights", "problems", "other", "plan"):
            scores[part] *= 0.5
        if theme:
            scores["achievements"] += 2.0
        _note(notes, "标题是一项工作的主题句（" + ("写了成效或数字" if theme else "较长或带逗号") + "），不像部分名称："
              + ("主要工作 +2.0，" if theme else "") + "其余部分 ×0.5")
    return scores


_FIGURE = re.compile(r"(?<!\d)\d+(?:\.\d+)?\s*(?:%|万|亿|个|人|次|件|所|场|项|公里|元|户|家|座|亩|名|篇|条|间|台|处|吨|平方米|百分点)")
# (?<!\d) in _FIGURE: one try per run of digits (a long run was quadratic); counts are unchanged.
_FUTURE = re.compile(r"将(?!军)|力争|争取|计划|拟|确保|要(?=[加进坚全深持狠抓把做切]|以)")
CONTENT_MIN_CHARS = 80
SIZE_SHARE = 0.5
SIZE_BONUS = 4.0


def _content_text(section: Section) -> str:
    return "".join(s.text + "".join(s.body) for s in section.walk())


def _structure(section: Section, index: int, sections: Sequence[Section], scores: Dict[str, float],
               notes: Optional[List[str]], total: int) -> None:
    """Position, size and content evidence, added to a top-level section's word scores."""
    if section.opened_by:
        scores[section.opened_by] += 10.0
        _note(notes, f"没有标题，开头句表明是{_zh(section.opened_by)} +10.0")
    if index == 0 and not section.continued:
        scores["achievements"] += 1.0
        _note(notes, "位置：开头之后的第一个部分（通常是本年工作）→主要工作 +1.0")
    if index == len(sections) - 1 and len(sections) > 1:
        scores["plan"] += LAST_IS_PLAN
        _note(notes, f"位置：最后一个部分→工作打算 +{LAST_IS_PLAN}")
    if total and len(section.children) >= 2 and section.chars() >= SIZE_SHARE * total and len(sections) > 1:
        scores["achievements"] += SIZE_BONUS
        for part in ("highlights", "other"):
            scores[part] *= 0.5
        _note(notes, f"篇幅：占全文 {section.chars() * 100 // total}%，含 {len(section.children)} 个小标题，"
              f"是全年工作的主体→主要工作 +{SIZE_BONUS}，特色亮点、其他 ×0.5")
    content = _content_text(section)
    if len(content) >= CONTENT_MIN_CHARS:
        figures, future = len(_FIGURE.findall(content)), len(_FUTURE.findall(content))
        if figures >= 2 and figures > future:
            scores["achievements"] += 1.0
            _note(notes, f"内容：{figures} 处数字、{future} 处将来时→主要工作 +1.0")
        elif future >= 3 and future > 2 * figures:
            scores["plan"] += 1.0
            _note(notes, f"内容：{future} 处将来时（将、力争、计划……）、{figures} 处数字→工作打算 +1.0")


def _viterbi(emissions: List[Dict[str, float]]) -> List[str]:
    def transition(a: str, b: str, i: int) -> float:
        if a == "other" and b == "achievements":
            # the work can only resume after an other part it came before: an other part first
            # (一、基本情况 about the office) leads into the work at no cost
            return -OTHER_THEN_WORK if i > 1 else 0.0
        if a == "other" or b == "other":
            return 0.0
        return -BACKWARD if _ORDER[b] < _ORDER[a] else 0.0

    best: List[Dict[str, float]] = [dict(emissions[0])]
    back: List[Dict[str, str]] = [{}]
    for i in range(1, len(emissions)):
        row: Dict[str, float] = {}
        ptr: Dict[str, str] = {}
        for state in PARTS:
            prev = max(PARTS, key=lambda p: (best[i - 1][p] + transition(p, state, i), -PARTS.index(p)))
            row[state] = best[i - 1][prev] + transition(prev, state, i) + emissions[i][state]
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


# Parts a nested heading may leave its parent's part for, and on how much evidence: the work may
# hold highlights, problems or the plan (特色亮点工作 inside 主要工作); a part holding the problems
# may go on to the plan (二、存在的问题及下一步打算 › （二）下一步打算), which its own problem
# subsections (工作计划执行不到位) must not be taken for, hence the higher bar.
_NESTED_OVERRIDES = {"achievements": (("highlights", "problems", "plan", "other"), OVERRIDE_MIN),
                     "problems": (("plan",), OVERRIDE_MIN + 1.0)}


def _label_children(section: Section, year: Optional[int], vocabulary: Vocabulary) -> None:
    for child in section.children:
        child.canonical = section.canonical
        if section.canonical in _NESTED_OVERRIDES and _names_a_part(child):
            parts, needed = _NESTED_OVERRIDES[section.canonical]
            scores = heading_scores(child.text, year, vocabulary)
            best = max(parts, key=lambda p: scores[p])
            if scores[best] >= needed and scores[best] >= scores[section.canonical] + 1.0:
                child.canonical = best
        _label_children(child, year, vocabulary)


def classify(sections: List[Section], year: Optional[int], vocabulary: Vocabulary) -> None:
    """Set `canonical` on every numbered section (the overview is labelled by its builder)."""
    if not sections:
        return
    emissions = []
    total = sum(s.chars() for s in sections)  # once: per section it made long reports quadratic
    for i, section in enumerate(sections):
        notes: List[str] = []
        scores = heading_scores(section.text, year, vocabulary, section.body[0] if section.body else "", notes)
        scores["achievements"] += THEME_DEFAULT
        _note(notes, f"默认：一级标题多为本年工作→主要工作 +{THEME_DEFAULT}")
        _structure(section, i, sections, scores, notes, total)
        emissions.append(scores)
        section.evidence = notes
    labels = _viterbi(emissions)
    for i, (section, label) in enumerate(zip(sections, labels)):
        section.canonical = label
        ranked = sorted(PARTS, key=lambda p: -emissions[i][p])
        runner = next(p for p in ranked if p != label)
        section.evidence.append(f"合计：{_zh(label)} {emissions[i][label]:.1f}，其次{_zh(runner)} "
                                f"{emissions[i][runner]:.1f}" + ("" if ranked[0] == label else
                                                                 "（按各部分的先后顺序选定）"))
        _label_children(section, year, vocabulary)
