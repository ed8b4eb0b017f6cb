"""What users typed, as the draft writes it: one normalised copy of the fact sheet per render.

The rules live in `drafter.facts.typing_checks`, where `validate` reports each change as a
warning; this module only walks the typed sheet and applies them by role, so templates
receive text that is ready to set into their sentences (no typed 一是, no “，，”, full-width
punctuation, paragraphs that end as sentences, titles without a closing mark, no unit
repeated after a label).  Every value keeps its `Source`, so `--annotate` still points at the
line the user typed; the sheet itself is never modified.

Line breaks are read for what the user meant (`unwrap`) before any rule: text typed on two lines
of a YAML ``|`` block, or pasted from Word with hard wraps, is one sentence, so a break inside a
sentence is joined; a blank line, a line that ends a sentence, an indented line or a typed list
item starts a new paragraph — and only texts that are paragraphs of their own keep it as one.
"""
from __future__ import annotations

from typing import List, Optional, TypeVar

from ..facts.model import Fact, FactSheet, Figure, Point, Theme
from ..facts.typing_checks import enumerator, label_unit, normalise
from ..record import replace

F = TypeVar("F", bound=Fact)

# Roles whose text is a paragraph of its own (or several): they keep the paragraphs a user meant.
PARAGRAPH_ROLES = ("paragraph", "intro")
_SENTENCE_END = "。！？!?…"
_CLOSERS = "”’）)》】」』"
_INDENT = ("\u3000", "  ", "\t")  # Word's 首行缩进, pasted as spaces
_SPACES = " \t\u3000"


def _ends_sentence(line: str) -> bool:
    core = line.rstrip(_CLOSERS)
    if core[-1:] in _SENTENCE_END:
        return True
    return core[-1:] == "." and len(core) > 1 and not core[-2].isascii()  # 。 typed half-width after Chinese


def _listed(line: str) -> bool:
    """The line starts with an enumerator the user typed (一是, 1., （2）, ① …)."""
    found = enumerator().match(line)
    return found is not None and found.end() > 0


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _join(pieces: List[str]) -> str:
    """Lines of one sentence run on: no space between Chinese characters, one between Latin words;
    a typed list item run on after words that do not end a clause gets ；."""
    out = pieces[0]
    for piece in pieces[1:]:
        if _listed(piece):
            out += "" if out[-1] in "，,；;：:。！？!?…" + _CLOSERS else "；"
        elif _latin(out[-1]) and _latin(piece[0]):
            out += " "
        out += piece
    return out


def unwrap(value: str, paragraphs: bool) -> str:
    """`value` with its soft line breaks joined.  With `paragraphs`, the paragraphs the user meant
    stay apart, one a line (marks.fact writes each line as a paragraph); without, they run on
    in one (a heading, an item of 一是…, a clause).  Only spaces at a line's ends are dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in value.strip():
        return value
    found: List[List[str]] = []  # the paragraphs, each its lines
    blank = True
    for raw in value.split("\n"):
        line = raw.strip(_SPACES)
        if not line:
            blank = True
            continue
        if blank or raw.startswith(_INDENT) or _listed(line) or _ends_sentence(found[-1][-1]):
            found.append([line])
        else:
            found[-1].append(line)
        blank = False
    joined = [_join(lines) for lines in found]
    return "\n".join(joined) if paragraphs else _join(joined)


def text(value: F, role: str) -> F:
    """`value` normalised for `role` (see `typing_checks.ROLES`), still tied to its source."""
    new = normalise(unwrap(str(value), role in PARAGRAPH_ROLES), role).text
    if new == str(value):
        return value
    if isinstance(value, Point):
        return Point(new, value.source, value.figures)  # type: ignore[return-value]
    return type(value)(new, value.source)  # type: ignore[return-value]


def optional(value: Optional[F], role: str) -> Optional[F]:
    return None if value is None else text(value, role)


def figure(fig: Figure) -> Figure:
    label, unit, _ = label_unit(normalise(unwrap(str(fig.label), False), "label").text, str(fig.unit))
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
