"""FactSheet + learned Outline + templates → Draft.

The outline decides the structure: which parts, in which order, under which heading wording,
numbered in which style.  Templates decide the sentences inside each part.  Numbers are
generated here from the outline's numbering patterns, so templates never type them and
leaving a part out renumbers the rest.  A part the sheet says nothing about is dropped when
the learned outline shows it is optional (present in under half the reports), and otherwise
kept with a visible placeholder.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from ..draft import Draft, Heading, Paragraph, Signature, Span, Spans, Title
from ..facts.model import Fact, FactSheet, OtherPart
from ..outline.model import CANONICAL_PARTS, Outline, Part
from . import filters, marks, usertext
from .templating import TemplateSet, render_template
from .titles import break_title
from .voice import OTHER_KINDS, Voice, other_kind

EXPECTED_RATE = 0.5  # parts present in at least half the learned reports are expected

# A short honours list (this many items at most, each at most this long) is woven into the
# opening's results sentence, as a writer does; a longer one keeps its own part.
WOVEN_HONOURS_MAX = 3
WOVEN_HONOUR_CHARS = 30

# Where a part of `others` goes, by what its title says it is: honours, lessons and other work
# follow the work they come from (after 特色亮点), 机遇和挑战 and other outlooks lead into the plan.
OTHER_ANCHORS = {"honours": "after_work", "lessons": "after_work", "outlook": "before_plan",
                 "misc": "after_work"}

# Heading wording when the outline has no variant fitting the period.
FALLBACK_HEADINGS = {
    "achievements": {"annual": "{year}年主要工作", "first-half": "上半年主要工作"},
    "highlights": {"annual": "特色亮点工作", "first-half": "特色亮点工作"},
    "problems": {"annual": "存在的问题和不足", "first-half": "存在的问题和不足"},
    "plan": {"annual": "{next_year}年工作打算", "first-half": "下半年工作打算"},
}
PART_TEMPLATES = {
    "overview": "overview.j2",
    "achievements": "achievements.j2",
    "highlights": "highlights.j2",
    "problems": "problems.j2",
    "plan": "plan.j2",
    "other": "other.j2",
}


def _fits_period(variant: str, period: str) -> bool:
    half = _half_year_wording(variant)
    if period == "first-half":
        return half or not any(w in variant for w in ("全年", "{next_year}", "年度", "{year}年"))
    return not half


def _half_year_wording(variant: str) -> bool:
    return any(w in variant for w in ("上半年", "下半年", "半年"))


def part_heading(part: Part, period: str, year: int) -> str:
    """The most common learned wording that fits the period, with the year filled in.

    A half-year report takes a half-year wording (上半年主要工作, 下半年工作打算) where the
    outline has one, and our own otherwise for the parts whose wording names the period."""
    fitting = [v.text for v in part.headings if _fits_period(v.text, period)]
    if period == "first-half":
        half = [t for t in fitting if _half_year_wording(t)]
        fallback = FALLBACK_HEADINGS.get(part.key, {}).get(period)
        if half:
            fitting = half
        elif fallback and _half_year_wording(fallback):
            fitting = [fallback]
    if fitting:
        return filters.year_text(fitting[0], year)
    return filters.year_text(FALLBACK_HEADINGS.get(part.key, {}).get(period, part.key), year)


def _has_content(sheet: FactSheet, key: str) -> bool:
    return {
        "overview": True,
        "achievements": bool(sheet.achievements),
        "highlights": bool(sheet.highlights),
        "problems": bool(sheet.problems),
        "plan": bool(sheet.plans.items or sheet.plans.intro),
        "other": bool(sheet.others),
    }[key]


class _Numbering:
    """Counters per level; a heading resets all deeper levels."""

    def __init__(self, patterns: Dict[int, str]) -> None:
        self.patterns = patterns
        self.counts: Dict[int, int] = {}

    def next(self, level: int) -> str:
        self.counts[level] = self.counts.get(level, 0) + 1
        for deeper in [k for k in self.counts if k > level]:
            del self.counts[deeper]
        pattern = self.patterns.get(level) or self.patterns[max(self.patterns)]
        return filters.number_marker(pattern, self.counts[level])


class Composer:
    def __init__(self, sheet: FactSheet, outline: Outline, templates: TemplateSet) -> None:
        self.sheet = usertext.normalise_sheet(sheet)  # what users typed, as the draft writes it
        self.outline = outline
        self.table = marks.SourceTable()
        self.env = templates.environment(self.table)
        self.numbering = _Numbering(self.outline.numbering)
        self.draft = Draft()
        self.woven = _woven_honours(self.sheet.others)
        self.voice = Voice(sheet.report, outline, [p.key for p in self.present_parts()])

    # -- context -------------------------------------------------------------------------
    def context(self, **extra: Any) -> Dict[str, Any]:
        s = self.sheet
        ctx: Dict[str, Any] = {
            "report": s.report,
            "overview": s.overview,
            "achievements": s.achievements,
            "highlights": s.highlights,
            "problems": s.problems,
            "plans": s.plans,
            "others": s.others,
            "voice": self.voice,
            "honours": self.honours(),
        }
        ctx.update(extra)
        return ctx

    def render(self, name: str, **extra: Any) -> List[marks.Piece]:
        return marks.parse(render_template(self.env, name, self.context(**extra)), self.table)

    # -- blocks --------------------------------------------------------------------------
    def title(self) -> Title:
        report = self.sheet.report
        if report.title:
            spans = marks.parse(marks.fact(report.title, report.title.source, self.table), self.table)[0].spans
        else:
            pieces = self.render("title.j2")
            spans = pieces[0].spans if pieces else []
        return Title(break_title(spans, str(report.org)))

    def add_pieces(self, pieces: List[marks.Piece], base_level: int) -> None:
        for piece in pieces:
            if piece.depth is None:
                self.draft.blocks.append(Paragraph(piece.spans))
                continue
            level = base_level + piece.depth
            self.draft.blocks.append(Heading(level, self.numbering.next(level), piece.spans, piece.body or []))

    def part(self, part: Part, level: int, others: Optional[List[OtherPart]] = None) -> None:
        key = part.key
        report = self.sheet.report
        if key == "overview":
            self.add_pieces(self.render(PART_TEMPLATES[key]), level)
            return
        if key == "other":
            for other in others or []:
                self.draft.blocks.append(Heading(level, self.numbering.next(level), _fact_spans(other.title),
                                                 part="other"))
                self.add_pieces(self.render(PART_TEMPLATES[key], part=other), level)
            return
        heading = part_heading(part, report.period, report.year)
        self.draft.blocks.append(Heading(level, self.numbering.next(level), [Span(heading)], part=key))
        self.add_pieces(self.render(PART_TEMPLATES[key]), level)
        if key == "achievements" and self.highlights_nested():
            hl = self.outline.part("highlights")
            assert hl is not None
            self.part(hl, level + 1)

    def highlights_nested(self) -> bool:
        """Highlights go inside the achievements part when the learned reports mostly put them there."""
        hl = self.outline.part("highlights")
        if hl is None or not hl.levels or not self.include(hl):
            return False
        return max(hl.levels, key=lambda lvl: (hl.levels[lvl], -lvl)) > 1

    def include(self, part: Part) -> bool:
        return _has_content(self.sheet, part.key) or (
            part.key != "other" and self.outline.rate(part.key) >= EXPECTED_RATE)

    def parts(self) -> List[Part]:
        """The outline's parts in learned order, plus any part the sheet has facts for that the
        outline lacks (an office's own archive may never mention 特色亮点): facts are never
        dropped, so such a part goes in its canonical place after the parts that precede it."""
        parts = list(self.outline.parts)
        keys = [p.key for p in parts]
        for key in CANONICAL_PARTS:
            if key in keys or not _has_content(self.sheet, key):
                continue
            before = CANONICAL_PARTS[: CANONICAL_PARTS.index(key)]
            at = max((i + 1 for i, k in enumerate(keys) if k in before), default=0)
            parts.insert(at, Part(key=key, presence=0))
            keys.insert(at, key)
        return parts

    def honours(self) -> List[Any]:
        """The woven honours' points, less any the results already say (typed in both places)."""
        said = {filters.strip_end(str(r)) for r in self.sheet.overview.results}
        out: List[Any] = []
        for point in (p for other in self.woven for p in other.points if str(p).strip()):
            if filters.strip_end(str(point)) not in said:
                said.add(filters.strip_end(str(point)))
                out.append(point)
        return out

    def others(self) -> List[OtherPart]:
        """The parts of `others` that get their own heading (not the honours woven into the opening)."""
        return [o for o in self.sheet.others if not any(o is w for w in self.woven)]

    def present_parts(self) -> List[Part]:
        """The parts this draft has, in learned order (highlights count even when nested)."""
        return [p for p in self.parts() if self.include(p) and p.key != "other"] + (
            [Part(key="other", presence=0)] if self.others() else [])

    def layout(self) -> List[Tuple[Part, List[OtherPart]]]:
        """Parts in order, with each of `others` placed by its kind rather than where the
        learned outline happens to keep its one 其他 part (often after the problems)."""
        order = [p for p in self.parts() if self.include(p) and p.key != "other"]
        nested = self.highlights_nested()
        if nested:
            order = [p for p in order if p.key != "highlights"]
        keys = [p.key for p in order]
        groups: Dict[str, List[OtherPart]] = {"after_work": [], "before_plan": []}
        for other in sorted(self.others(), key=lambda o: [k for k, _ in OTHER_KINDS].index(_other_kind(o))
                            if _other_kind(o) != "misc" else len(OTHER_KINDS)):
            groups[OTHER_ANCHORS[_other_kind(other)]].append(other)
        out: List[Tuple[Part, List[OtherPart]]] = [(p, []) for p in order]
        other_part = self.outline.part("other") or Part(key="other", presence=0)
        work = [i for i, k in enumerate(keys) if k in ("achievements", "highlights")]
        at_work = (work[-1] + 1) if work else min(1, len(out))
        plan = keys.index("plan") if "plan" in keys else len(out)
        # insert the later anchor first so the earlier index stays valid
        if groups["before_plan"]:
            out.insert(max(plan, at_work), (other_part, groups["before_plan"]))
        if groups["after_work"]:
            out.insert(at_work, (other_part, groups["after_work"]))
        return out

    def compose(self) -> Draft:
        self.draft.blocks.append(self.title())
        for part, others in self.layout():
            self.part(part, 0 if part.key == "overview" else 1, others)
        report = self.sheet.report
        org = report.signature or report.org
        self.draft.blocks.append(Signature(
            org=_fact_spans(org),
            date=_fact_spans(Fact(filters.date_cn(report.date), report.date.source)),
            sealed=report.seal,
        ))
        return self.draft


def _woven_honours(others: List[OtherPart]) -> List[OtherPart]:
    """The honours parts to weave into the opening: all of them when together they are a short
    list of short items (医院被评为“省级改善医疗服务示范医院”), else none, so a long list stays
    one part of its own rather than being split between the opening and a heading."""
    honours = [o for o in others if _other_kind(o) == "honours"]
    items = [str(p) for o in honours for p in o.points if str(p).strip()]
    if not items or len(items) > WOVEN_HONOURS_MAX:
        return []
    if any(len(filters.strip_end(i)) > WOVEN_HONOUR_CHARS for i in items):
        return []
    if any(not [p for p in o.points if str(p).strip()] for o in honours):
        return []  # a titled part without points keeps its heading and its 【待补充】
    return honours


def _other_kind(other: OtherPart) -> str:
    return other_kind(str(other.title))


def _fact_spans(value: Fact) -> Spans:
    return [Span(marks.scrub(str(value)), value.source)]


def compose(sheet: FactSheet, outline: Outline, templates: TemplateSet) -> Draft:
    return Composer(sheet, outline, templates).compose()
