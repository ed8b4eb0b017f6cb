"""The fact sheet as typed objects, each text value still knowing the line it came from.

`build_factsheet` turns loaded (and already validated) YAML data into these dataclasses and
fills every optional field with its empty default, so templates can rely on each name
existing.  Text leaves are `Fact` strings: ordinary `str` plus the `Source` they came from,
which lets `render --annotate` tie each sentence of the draft back to the sheet.

A point of a theme is a `Point`: still a `Fact` string (so templates and old sheets treat it
as text), carrying the figures the sheet attached to it (``{text: …, figures: [ … ]}``) so the
number can be written in the sentence it supports rather than in a block after the points.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, List, Optional, Union

from ..record import field, record
from ..source import Source
from ..schemacheck import dotted_path
from .yamlload import LoadedYaml, PathKey

Number = Union[int, float]

PERIODS = ("annual", "first-half")


class Fact(str):
    """A text value of the fact sheet; `source` says where it stands in the sheet."""

    source: Optional[Source]

    def __new__(cls, value: str, source: Optional[Source] = None) -> "Fact":
        obj = super().__new__(cls, value)
        obj.source = source
        return obj


@record
class Figure:
    label: Fact
    value: Number
    unit: Fact
    previous: Optional[Number] = None
    source: Optional[Source] = None


class Point(Fact):
    """A point of a theme: its text, and the figures that belong in its sentence (maybe none)."""

    figures: List[Figure]

    def __new__(cls, value: str, source: Optional[Source] = None,
                figures: Optional[List[Figure]] = None) -> "Point":
        obj = super().__new__(cls, value, source)
        obj.figures = list(figures or [])
        return obj


@record
class Theme:
    """An achievement theme or a highlight: 以{approach}，{title}。一是…"""

    title: Fact
    approach: Optional[Fact] = None
    points: List[Point] = field(default_factory=list)
    figures: List[Figure] = field(default_factory=list)  # figures not attached to a point
    source: Optional[Source] = None

    @property
    def all_figures(self) -> List[Figure]:
        """Every figure of the theme: those in its points, then its own."""
        return [f for p in self.points for f in p.figures] + list(self.figures)


@record
class Problem:
    title: Fact
    detail: Optional[Fact] = None
    source: Optional[Source] = None


@record
class PlanItem:
    title: Fact
    points: List[Fact] = field(default_factory=list)
    source: Optional[Source] = None


@record
class Plans:
    intro: Optional[Fact] = None
    items: List[PlanItem] = field(default_factory=list)


@record
class OtherPart:
    """A part kept outside the canonical slots (获得荣誉, 面临的机遇和挑战 …)."""

    title: Fact
    points: List[Fact] = field(default_factory=list)
    source: Optional[Source] = None


@record
class Report:
    org: Fact
    year: int
    date: Fact
    period: str = "annual"
    title: Optional[Fact] = None
    leadership: Optional[Fact] = None
    guidance: Optional[Fact] = None
    signature: Optional[Fact] = None
    self_reference: Optional[Fact] = None  # 我局/我委…; None: derived from org (compose.voice)
    seal: bool = True  # 落款 laid out for a seal (GB/T 9704 7.3.5.1) or without one (7.3.5.2)

    @property
    def next_year(self) -> int:
        return self.year + 1

    @property
    def half_year(self) -> bool:
        return self.period == "first-half"


@record
class Overview:
    theme: Optional[Fact] = None
    results: List[Fact] = field(default_factory=list)


@record
class FactSheet:
    path: Path
    report: Report
    overview: Overview
    achievements: List[Theme]
    highlights: List[Theme] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    plans: Plans = field(default_factory=Plans)
    others: List[OtherPart] = field(default_factory=list)


class _Builder:
    def __init__(self, loaded: LoadedYaml) -> None:
        self.loaded = loaded

    def source(self, path: PathKey) -> Source:
        mark = self.loaded.mark(path)
        return Source(dotted_path(path), mark.line if mark else None)

    def get(self, path: PathKey) -> Any:
        node: Any = self.loaded.data
        for part in path:
            if isinstance(part, int):
                node = node[part] if isinstance(node, list) and part < len(node) else None
            else:
                node = node.get(part) if isinstance(node, dict) else None
            if node is None:
                return None
        return node

    def text(self, path: PathKey) -> Optional[Fact]:
        value = self.get(path)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return Fact(str(value).strip(), self.source(path))

    def texts(self, path: PathKey) -> List[Fact]:
        items = self.get(path) or []
        return [t for i in range(len(items)) if (t := self.text(path + (i,))) is not None]

    def count(self, path: PathKey) -> int:
        value = self.get(path)
        return len(value) if isinstance(value, list) else 0

    def figure(self, path: PathKey) -> Figure:
        return Figure(
            label=self.text(path + ("label",)) or Fact(""),
            value=self.get(path + ("value",)),
            unit=self.text(path + ("unit",)) or Fact(""),
            previous=self.get(path + ("previous",)),
            source=self.source(path),
        )

    def figures(self, path: PathKey) -> List[Figure]:
        return [self.figure(path + (i,)) for i in range(self.count(path))]

    def point(self, path: PathKey) -> Optional[Point]:
        """A point written as a plain string, or as ``{text: …, figures: [ … ]}``."""
        if isinstance(self.get(path), dict):
            text = self.text(path + ("text",))
            return Point(text, text.source, self.figures(path + ("figures",))) if text is not None else None
        text = self.text(path)
        return Point(text, text.source) if text is not None else None

    def theme(self, path: PathKey) -> Theme:
        points = [self.point(path + ("points", i)) for i in range(self.count(path + ("points",)))]
        return Theme(
            title=self.text(path + ("title",)) or Fact(""),
            approach=self.text(path + ("approach",)),
            points=[p for p in points if p is not None],
            figures=self.figures(path + ("figures",)),
            source=self.source(path),
        )

    def build(self) -> FactSheet:
        r = ("report",)
        report = Report(
            org=self.text(r + ("org",)) or Fact(""),
            year=int(self.get(r + ("year",)) or 0),
            date=self.text(r + ("date",)) or Fact(""),
            period=str(self.get(r + ("period",)) or "annual"),
            title=self.text(r + ("title",)),
            leadership=self.text(r + ("leadership",)),
            guidance=self.text(r + ("guidance",)),
            signature=self.text(r + ("signature",)),
            self_reference=self.text(r + ("self_reference",)),
            seal=self.get(r + ("seal",)) is not False,
        )
        overview = Overview(theme=self.text(("overview", "theme")), results=self.texts(("overview", "results")))
        themes = lambda key: [self.theme((key, i)) for i in range(self.count((key,)))]  # noqa: E731
        problems = [
            Problem(self.text(("problems", i, "title")) or Fact(""), self.text(("problems", i, "detail")),
                    self.source(("problems", i)))
            for i in range(self.count(("problems",)))
        ]
        plans = Plans(
            intro=self.text(("plans", "intro")),
            items=[
                PlanItem(self.text(("plans", "items", i, "title")) or Fact(""),
                         self.texts(("plans", "items", i, "points")), self.source(("plans", "items", i)))
                for i in range(self.count(("plans", "items")))
            ],
        )
        others = [
            OtherPart(self.text(("others", i, "title")) or Fact(""), self.texts(("others", i, "points")),
                      self.source(("others", i)))
            for i in range(self.count(("others",)))
        ]
        return FactSheet(self.loaded.path, report, overview, themes("achievements"), themes("highlights"),
                         problems, plans, others)


def build_factsheet(loaded: LoadedYaml) -> FactSheet:
    """Typed view of a sheet that has passed validation (see `drafter.facts.validate`)."""
    return _Builder(loaded).build()
