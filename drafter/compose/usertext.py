"""What users typed, as the draft writes it: one normalised copy of the fact sheet per render.

The rules live in `drafter.facts.typing_checks`, where `validate` reports each change as a
warning; this module only walks the typed sheet and applies them by role, so templates
receive text that is ready to set into their sentences (no typed 一是, no “，，”, full-width
punctuation, paragraphs that end as sentences, titles without a closing mark, no unit
repeated after a label).  Every value keeps its `Source`, so `--annotate` still points at the
line the user typed; the sheet itself is never modified.

Line breaks are read for what the user meant before any rule (`typing_checks.unwrap`): a break
inside a sentence is joined, and only texts that are paragraphs of their own keep the paragraphs
the user meant; `validate` says where a line ended with no mark and was joined.
"""
from __future__ import annotations

from typing import List, Optional, TypeVar

from ..facts.model import Fact, FactSheet, Figure, Point, Theme
from ..facts.typing_checks import label_unit, normalise
from ..record import replace

F = TypeVar("F", bound=Fact)


def text(value: F, role: str) -> F:
    """`value` normalised for `role` (see `typing_checks.ROLES`), still tied to its source."""
    new = normalise(str(value), role).text
    if new == str(value):
        return value
    if isinstance(value, Point):
        return Point(new, value.source, value.figures)  # type: ignore[return-value]
    return type(value)(new, value.source)  # type: ignore[return-value]


def optional(value: Optional[F], role: str) -> Optional[F]:
    return None if value is None else text(value, role)


def figure(fig: Figure) -> Figure:
    label, unit, _ = label_unit(normalise(str(fig.label), "label").text, str(fig.unit))
    return replace(fig, label=Fact(label, fig.label.source), unit=Fact(unit, fig.unit.source))


def point(value: Point) -> Point:
    new = text(value, "item")
    return Point(str(new), new.source, [figure(f) for f in value.figures])


def theme(item: Theme) -> Theme:
    return replace(item, title=text(item.title, "heading"), approach=optional(item.approach, "clause"),
                   points=[point(p) for p in item.points], figures=[figure(f) for f in item.figures])


def texts(values: List[F], role: str) -> List[F]:
    return [text(v, role) for v in values]


def normalise_sheet(sheet: FactSheet) -> FactSheet:
    """A copy of `sheet` with every typed text as the draft writes it."""
    r = sheet.report
    report = replace(r, org=text(r.org, "clause"), title=optional(r.title, "title"),
                     leadership=optional(r.leadership, "clause"), guidance=optional(r.guidance, "clause"),
                     signature=optional(r.signature, "clause"))
    overview = replace(sheet.overview, theme=optional(sheet.overview.theme, "clause"),
                       results=texts(sheet.overview.results, "item"))
    # `replace` everywhere, so fields added to the model later pass through untouched
    problems = [replace(p, title=text(p.title, "heading"), detail=optional(p.detail, "paragraph"))
                for p in sheet.problems]
    plans = replace(sheet.plans, intro=optional(sheet.plans.intro, "intro"),
                    items=[replace(i, title=text(i.title, "heading"), points=texts(i.points, "item"))
                           for i in sheet.plans.items])
    others = [replace(o, title=text(o.title, "heading"), points=texts(o.points, "paragraph")) for o in sheet.others]
    return replace(sheet, report=report, overview=overview, achievements=[theme(t) for t in sheet.achievements],
                   highlights=[theme(t) for t in sheet.highlights], problems=problems, plans=plans, others=others)
