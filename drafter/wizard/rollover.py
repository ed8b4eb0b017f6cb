"""Last year's sheet as a starting point for this year's (`drafter new --from LAST.yaml`).

What carries over, and why:

* the report's stable facts (单位, 类型, 领导机关, 指导思想, 落款, 工作主线) become defaults,
  the year becomes year + 1 and the date is cleared (it must be this year's);
* last year's plan items (下一步工作打算) are what this year's work was meant to be: they
  are offered one by one as candidates for this year's achievements;
* every figure of last year becomes a candidate figure of this year: its value is this
  year's ``previous``, its label and unit are kept, and the theme it stood under is
  remembered so the questionnaire can propose where to put it.

The title is not carried (it names last year), nor are results or points, which are facts
of last year.  Last year's problems are offered one by one (今年仍然存在吗？ — by default
not, a problem is expected to be worked on); one still there keeps its title as default.  A sheet with errors in its facts (a date, a percentage) can still
be rolled over; one whose *shape* is wrong (``achievements: 5``, figures written as one
text) cannot, because what it meant is unknown: that is an error at FILE:LINE:COL, like one
that cannot be read at all.  Only regular files are read (a FIFO would block forever).
What was taken is stored in the progress file (`Seed.to_json`), so a resumed session does
not depend on the file any more.

Last year's report (.docx/.txt/.md) rolls over the same way, through the sheet `drafter
extract` reads from it; its problems are kept in `Seed.problems` (to ask 是否已解决).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List

from ..errors import FactSheetError
from ..limits import FACT_SHEET, check_regular
from ..facts.validate import check_file

CARRIED_REPORT_FIELDS = ("org", "period", "leadership", "guidance", "signature")
# Carried without a question (the wizard never asks them): how the unit names itself and its 落款 layout.
SILENT_REPORT_FIELDS = ("self_reference", "seal")


@dataclass
class Seed:
    source: Path
    defaults: Dict[str, Any] = field(default_factory=dict)  # "report.org" → value, "overview.theme" …
    candidates: List[Dict[str, Any]] = field(default_factory=list)  # {"title", "points"}
    figures: List[Dict[str, Any]] = field(default_factory=list)  # {"label", "unit", "previous", "theme"}
    problems: List[Dict[str, Any]] = field(default_factory=list)  # last year's {"title", "detail"}: 是否已解决？

    def to_json(self) -> Dict[str, Any]:
        data = asdict(self)
        data["source"] = str(self.source)
        return data

    @classmethod
    def from_json(cls, data: Dict[str, Any]) -> "Seed":
        """The seed saved in a progress file; entries of the wrong shape (a hand edit) are dropped."""
        defaults = data.get("defaults") if isinstance(data.get("defaults"), dict) else {}
        candidates = [c for c in _list(data.get("candidates")) if isinstance(c, dict) and _text(c.get("title"))
                      and all(isinstance(p, str) for p in _list(c.get("points")))]
        figures = [f for f in _list(data.get("figures")) if isinstance(f, dict) and _text(f.get("label"))
                   and isinstance(f.get("unit"), str) and _number(f.get("previous"))]
        return cls(Path(str(data.get("source", ""))),
                   {k: v for k, v in defaults.items()
                    if isinstance(v, (str, int)) and (not isinstance(v, bool) or k == "report.seal")},
                   [{"title": c["title"], "points": _list(c.get("points"))} for c in candidates], figures,
                   [p for p in _list(data.get("problems")) if isinstance(p, dict) and _text(p.get("title"))])


def _text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _list(value: Any) -> List[Any]:
    return value if isinstance(value, list) else []


REPORT_SUFFIXES = (".docx", ".docm", ".txt", ".text", ".md", ".markdown")


def seed_from(path: Path) -> Seed:
    if path.suffix.lower() in REPORT_SUFFIXES:  # last year's report: read its sheet first (drafter extract)
        from ..harvest.run import harvest_file

        return seed_from_data(path, harvest_file(path).sheet)
    check_regular(path, FACT_SHEET)  # a FIFO would block the read forever
    report = check_file(path)
    if report.fatal is not None:
        raise report.fatal
    assert report.loaded is not None
    shape = [p for p in report.errors if p.code == "schema.type"]
    if shape:
        first = shape[0]
        name = f"{first.field}（{first.title}）" if first.title else first.field
        more = f"共有 {len(shape)} 处这样的错误，" if len(shape) > 1 else ""
        raise FactSheetError(f"上一年的事实表格式有误，无法沿用：{name}: {first.message}", path=path,
                             line=first.line, column=first.column, detail=first.detail,
                             hint=f"{more}请先用 drafter validate {path} 检查并改正，再运行 drafter new --from")
    return seed_from_data(path, report.loaded.data if isinstance(report.loaded.data, dict) else {})


def carry_silent(seed: Seed, sheet: Dict[str, Any]) -> Dict[str, Any]:
    """Last year's `report.self_reference` / `report.seal` into the new sheet (nothing asks for them)."""
    report = sheet.get("report")
    if isinstance(report, dict):
        for name in SILENT_REPORT_FIELDS:
            if f"report.{name}" in seed.defaults and name not in report:
                report[name] = seed.defaults[f"report.{name}"]
    return sheet


def seed_from_data(path: Path, data: Dict[str, Any]) -> Seed:
    seed = Seed(path)
    last: Dict[str, Any] = data["report"] if isinstance(data.get("report"), dict) else {}
    for name in CARRIED_REPORT_FIELDS:
        if _text(last.get(name)):
            seed.defaults[f"report.{name}"] = _text(last.get(name))
    if _text(last.get("self_reference")):
        seed.defaults["report.self_reference"] = _text(last["self_reference"])
    if isinstance(last.get("seal"), bool):
        seed.defaults["report.seal"] = last["seal"]
    if _number(last.get("year")):
        seed.defaults["report.year"] = int(last["year"]) + 1
    overview: Dict[str, Any] = data["overview"] if isinstance(data.get("overview"), dict) else {}
    if _text(overview.get("theme")):
        seed.defaults["overview.theme"] = _text(overview["theme"])
    plans: Dict[str, Any] = data["plans"] if isinstance(data.get("plans"), dict) else {}
    for item in _list(plans.get("items")):
        if isinstance(item, dict) and _text(item.get("title")):
            texts = [p.get("text") if isinstance(p, dict) else p for p in _list(item.get("points"))]
            points = [p.strip() for p in texts if _text(p)]
            seed.candidates.append({"title": _text(item["title"]), "points": points})
    for key in ("achievements", "highlights"):
        for theme in _list(data.get(key)):
            if not isinstance(theme, dict):
                continue
            attached = [f for p in _list(theme.get("points")) if isinstance(p, dict) for f in _list(p.get("figures"))]
            for figure in attached + _list(theme.get("figures")):
                if isinstance(figure, dict) and _text(figure.get("label")) and _number(figure.get("value")):
                    seed.figures.append({
                        "label": _text(figure["label"]),
                        "unit": figure.get("unit") if isinstance(figure.get("unit"), str) else "",
                        "previous": figure["value"],
                        "theme": _text(theme.get("title")),
                    })
    for problem in _list(data.get("problems")):
        if isinstance(problem, dict) and _text(problem.get("title")):
            seed.problems.append({"title": _text(problem["title"]), "detail": _text(problem.get("detail"))})
    return seed
