"""Last year's sheet as a starting point for this year's (`drafter new --from LAST.yaml`).

What carries over, and why:

* the report's stable facts (单位, 类型, 领导机关, 指导思想, 落款, 工作主线) become defaults,
  the year becomes year + 1 and the date is cleared (it must be this year's);
* last year's plan items (下一步工作打算) are what this year's work was meant to be: they
  are offered one by one as candidates for this year's achievements;
* every figure of last year becomes a candidate figure of this year: its value is this
  year's ``previous``, its label and unit are kept, and the theme it stood under is
  remembered so the questionnaire can propose where to put it.

The title is not carried (it names last year), nor are problems, results or points, which
are facts of last year.  A sheet with errors can still be rolled over: only values of the
right type are taken.  A sheet that cannot be read at all is an error.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

from ..facts.validate import check_file

CARRIED_REPORT_FIELDS = ("org", "period", "leadership", "guidance", "signature")


@dataclass
class Seed:
    source: Path
    defaults: Dict[str, Any] = field(default_factory=dict)  # "report.org" → value, "overview.theme" …
    candidates: List[Dict[str, Any]] = field(default_factory=list)  # {"title", "points"}
    figures: List[Dict[str, Any]] = field(default_factory=list)  # {"label", "unit", "previous", "theme"}


def _text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def seed_from(path: Path) -> Seed:
    report = check_file(path)
    if report.fatal is not None:
        raise report.fatal
    assert report.loaded is not None
    data: Dict[str, Any] = report.loaded.data
    seed = Seed(path)
    last: Dict[str, Any] = data["report"] if isinstance(data.get("report"), dict) else {}
    for name in CARRIED_REPORT_FIELDS:
        if _text(last.get(name)):
            seed.defaults[f"report.{name}"] = _text(last.get(name))
    if _number(last.get("year")):
        seed.defaults["report.year"] = int(last["year"]) + 1
    overview: Dict[str, Any] = data["overview"] if isinstance(data.get("overview"), dict) else {}
    if _text(overview.get("theme")):
        seed.defaults["overview.theme"] = _text(overview["theme"])
    plans: Dict[str, Any] = data["plans"] if isinstance(data.get("plans"), dict) else {}
    for item in plans.get("items") or []:
        if isinstance(item, dict) and _text(item.get("title")):
            points = [p.strip() for p in item.get("points") or [] if _text(p)]
            seed.candidates.append({"title": _text(item["title"]), "points": points})
    for key in ("achievements", "highlights"):
        for theme in data.get(key) or []:
            if not isinstance(theme, dict):
                continue
            attached = [f for p in theme.get("points") or [] if isinstance(p, dict) for f in p.get("figures") or []]
            for figure in attached + list(theme.get("figures") or []):
                if isinstance(figure, dict) and _text(figure.get("label")) and _number(figure.get("value")):
                    seed.figures.append({
                        "label": _text(figure["label"]),
                        "unit": figure.get("unit") if isinstance(figure.get("unit"), str) else "",
                        "previous": figure["value"],
                        "theme": _text(theme.get("title")),
                    })
    return seed
