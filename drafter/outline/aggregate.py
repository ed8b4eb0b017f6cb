"""Many analysed reports → one learned `Outline`: order, presence, headings, numbering, shape.

Only counts are kept per report (bounded histograms and counters), never the reports; parts are
ordered by pairwise votes (in how many reports part A comes before part B), which is robust to
truncated reports that simply lack the later parts.  Every canonical part is listed, learned or
not, so a fact sheet's problems are never dropped because a corpus happened to lack them.
"""
from __future__ import annotations

import re
from typing import Dict, Iterator, List, Optional, Tuple

from ..corpus.markers import PATTERNS
from .counting import BoundedCounter, Histogram
from .leadins import LeadInCounter, report_lead_ins
from .model import CANONICAL_PARTS, DEFAULT_NUMBERING, Cue, HeadingVariant, Outline, Part, Phrase
from .tree import Report, Section
from .variants import ranked

THIN_PRESENCE = 2  # a part seen in fewer reports has no wording of its own worth trusting
_ITEM = re.compile(r"(?:^|[。；：，])\s*[一二三四五六七八九十]{1,2}是")
VARIANTS_KEPT = 12
CUES_KEPT = 30


def defining_sections(report: Report) -> Iterator[Tuple[Section, Optional[Section]]]:
    """Sections that open a part: the top level, and nested ones whose part differs from their parent's."""
    def walk(section: Section, parent: Optional[Section]) -> Iterator[Tuple[Section, Optional[Section]]]:
        if parent is None or section.canonical != parent.canonical:
            yield section, parent
        for child in section.children:
            yield from walk(child, section)

    for top in report.sections:
        yield from walk(top, None)


def variant_text(text: str, year: Optional[int]) -> str:
    """A heading wording to store: years as {year}/{next_year}, no closing punctuation."""
    text = text.strip().rstrip("。：；，、 ")
    if year:
        text = text.replace(str(year + 1), "{next_year}").replace(str(year), "{year}")
    return text


class OutlineBuilder:
    """Accumulates counts over labelled reports, one at a time."""

    def __init__(self) -> None:
        self.reports = 0
        self.presence: Dict[str, int] = {}
        self.levels: Dict[str, Dict[int, int]] = {}
        self.headings: Dict[str, BoundedCounter] = {}
        self.before: Dict[Tuple[str, str], int] = {}
        self.numbering: Dict[int, BoundedCounter] = {}
        self.children = {p: Histogram(1) for p in CANONICAL_PARTS}
        self.child_chars = {p: Histogram(10) for p in CANONICAL_PARTS}
        self.items = {p: Histogram(1) for p in CANONICAL_PARTS}
        self.paragraphs = {p: Histogram(1) for p in CANONICAL_PARTS}
        self.part_chars = {p: Histogram(50) for p in CANONICAL_PARTS}
        self.run_in: Dict[str, List[int]] = {p: [0, 0] for p in CANONICAL_PARTS}
        self.lead_ins = LeadInCounter()
        self.top_themes: Dict[str, int] = {}  # reports listing the part as several level-1 themes
        self.fallbacks: List[Tuple[str, str]] = []  # (part, why) whose headings came from the shipped outline

    def add(self, report: Report) -> None:
        self.reports += 1
        first_line: Dict[str, int] = {}
        levels: Dict[str, set] = {}
        sections: Dict[str, List[Section]] = {}
        for section, _parent in defining_sections(report):
            key = section.canonical
            first_line.setdefault(key, section.line)
            levels.setdefault(key, set()).add(section.level)
            sections.setdefault(key, []).append(section)
        for key, found in sections.items():
            self.presence[key] = self.presence.get(key, 0) + 1
            for level in levels[key]:
                self.levels.setdefault(key, {})[level] = self.levels.get(key, {}).get(level, 0) + 1
            # A part listed as several top-level themes has no wrapper heading to learn: the
            # report teaches "themes at level 1" instead.
            if key not in ("overview", "other") and sum(1 for f in found if f.level == 1 and f.heading) > 1:
                self.top_themes[key] = self.top_themes.get(key, 0) + 1
            if key != "overview" and (len(found) == 1 or key == "other"):
                counter = self.headings.setdefault(key, BoundedCounter(5000))
                for section in found:
                    text = variant_text(section.text, report.year) if section.heading else ""
                    if text:
                        counter.add(text)
            self._shape(key, found)
        self.lead_ins.add(report_lead_ins(report, defining_sections(report)))
        for a in first_line:
            for b in first_line:
                if a != b and first_line[a] < first_line[b]:
                    self.before[(a, b)] = self.before.get((a, b), 0) + 1
        self._numbering(report)

    def _shape(self, key: str, found: List[Section]) -> None:
        self.part_chars[key].add(sum(s.chars() for s in found))
        for section in found:
            self.paragraphs[key].add(len(section.body))
            if key == "overview":
                continue
            self.children[key].add(len(section.children))
            for child in section.children:
                self.child_chars[key].add(child.chars())
                self.items[key].add(sum(len(_ITEM.findall(p)) for s in child.walk() for p in s.body))
                self.run_in[key][0] += child.run_in
                self.run_in[key][1] += 1

    def _numbering(self, report: Report) -> None:
        seen: Dict[int, str] = {}
        for section in report.walk():
            if section.style and section.level not in seen:
                seen[section.level] = section.style
        for level, style in sorted(seen.items()):
            pattern = PATTERNS.get(style, "")
            if pattern:
                self.numbering.setdefault(level, BoundedCounter(100)).add(pattern)

    # -- result -------------------------------------------------------------------------
    def order(self) -> List[str]:
        """Parts by pairwise wins (Copeland); parts never seen go to their usual place."""
        present = [p for p in CANONICAL_PARTS if self.presence.get(p)]
        wins = {p: sum(1 for q in present if q != p and self.before.get((p, q), 0) > self.before.get((q, p), 0))
                for p in present}
        ordered = sorted(present, key=lambda p: (-wins[p], CANONICAL_PARTS.index(p)))
        for part in CANONICAL_PARTS:
            if part in ordered:
                continue
            index = CANONICAL_PARTS.index(part)
            earlier = [i for i, p in enumerate(ordered) if CANONICAL_PARTS.index(p) < index]
            ordered.insert(earlier[-1] + 1 if earlier else 0, part)
        return ordered

    def numbering_patterns(self) -> Tuple[Dict[int, str], Dict[int, Dict[str, int]]]:
        chosen: Dict[int, str] = {}
        counts: Dict[int, Dict[str, int]] = {}
        for level in sorted(set(self.numbering) | set(DEFAULT_NUMBERING)):
            ranked = self.numbering[level].most_common() if level in self.numbering else []
            counts.update({level: dict(ranked)} if ranked else {})
            used = set(chosen.values())
            options = [p for p, _ in ranked] + [DEFAULT_NUMBERING.get(level, "")] + list(DEFAULT_NUMBERING.values())
            chosen[level] = next(p for p in options if p and p not in used)
        return chosen, counts

    def shape(self, key: str) -> Dict[str, float]:
        if not self.presence.get(key):
            return {}
        out = {"part_chars": self.part_chars[key].median(), "paragraphs": self.paragraphs[key].median()}
        if key != "overview" and self.children[key].total:
            done, total = self.run_in[key]
            out.update({
                "count": self.children[key].median(),
                "chars": self.child_chars[key].median(),
                "items": self.items[key].median(),
                "run_in": done / total if total else 0.0,
            })
        if self.top_themes.get(key):
            out["top_themes"] = self.top_themes[key] / self.presence[key]
        return {k: round(float(v), 2) for k, v in out.items()}

    def _headings(self, key: str, shipped: Optional[Outline]) -> List[HeadingVariant]:
        """The plausible wordings, clustered, default first; the shipped outline's when thin."""
        variants = ranked(self.headings[key].most_common(), key)[:VARIANTS_KEPT] if key in self.headings else []
        presence = self.presence.get(key, 0)
        thin = None
        if key == "overview":
            return []
        if presence and presence < THIN_PRESENCE:
            thin = f"只有 {presence} 份报告有这一部分"
        elif presence and not variants:
            thin = "没有学到像样的标题"
        fallback = shipped.part(key) if shipped is not None else None
        if thin and fallback is not None and fallback.headings:
            self.fallbacks.append((key, thin))
            return [HeadingVariant(h.text, h.count) for h in fallback.headings]
        return [HeadingVariant(t, n) for t, n in variants]

    def build(self, vocabulary: Dict[str, BoundedCounter], phrases: Dict[str, List[Phrase]],
              skipped: int, shipped: Optional[Outline] = None) -> Outline:
        """The outline; `shipped` (the outline that comes with drafter) gives the headings of
        parts the corpus has too little evidence for."""
        parts = []
        self.fallbacks = []
        for key in self.order():
            cues = vocabulary[key].most_common()[:CUES_KEPT] if key in vocabulary else []
            parts.append(Part(
                key=key,
                presence=self.presence.get(key, 0),
                levels=dict(sorted(self.levels.get(key, {}).items())),
                headings=self._headings(key, shipped),
                subsections=self.shape(key),
                vocabulary=[Cue(t, n) for t, n in cues],
                lead_ins=self.lead_ins.result(key),
            ))
        numbering, counts = self.numbering_patterns()
        ordered_phrases = {p.key: phrases[p.key] for p in parts if p.key in phrases}
        return Outline(reports=self.reports, parts=parts, numbering=numbering, phrases=ordered_phrases,
                       skipped=skipped, numbering_styles=counts)
