"""`drafter check DRAFT.docx FACTS.yaml`: does a draft edited in Word still say what its sheet says?

Every paragraph of the document is read with the figure grammar (`grammar.read_figures`).  A
figure statement is matched to the sheet figure with the same label (equal, else one contained
in the other); its value, and every comparison the renderer derived (比上年增加7人, 增长25.0%,
提高0.4个百分点, 与上年持平), is recomputed from the sheet's value and previous and compared.
Numbers that stand in the sheet's own texts (a point ``组建教育集团7个`` written as text) are
checked by their clause: the clause must stand in the document as the draft writes it (the
sheet's text normalised by `facts.typing_checks`, so a typed 1. or "…" is no false alarm).  The
comparison is by meaning, not by wording, so a sentence rephrased in Word is fine as long as
its numbers agree.  Years and the 成文日期 are checked too (`_Dates`): the title must name the
report's year, the 落款 date must be the sheet's, and any other year must stand in the sheet.

JSON output (``--format json``, ``ensure_ascii=False``)::

    {"draft": "初稿.docx", "facts": "事实表.yaml", "ok": false,
     "counts": {"changed": 1, "not_in_sheet": 0, "missing": 0, "placeholder": 0},
     "problems": [
       {"kind": "changed",            # a figure differs from the sheet's (value or a comparison)
        "paragraph": 14,              # 1-based paragraph of the .docx (line of a .txt/.md)
        "sentence": "引进各类教育人才36人，比上年增加7人，增长25.0%",
        "field": "achievements[2].points[0].figures[0]", "line": 48,   # the sheet figure nearest
        "message": "第 14 段：引进各类教育人才36人，事实表为35人（achievements[2]…，第 48 行）"},
       {"kind": "not_in_sheet", …},   # a number the sheet does not hold; field/line null if nothing near
       {"kind": "missing", "paragraph": null, "sentence": null, …},  # a sheet figure no longer stated
       {"kind": "placeholder", "paragraph": 9, "sentence": "【待补充：…】", "field": null, "line": null, …}
     ]}

Exit code 0 when `problems` is empty, 1 otherwise.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

from ..compose.filters import names_label
from ..corpus.normalize import normalize_width
from ..corpus.readers import read_document
from ..errors import FactSheetError
from ..facts.rules import parse_date
from ..facts.typing_checks import label_unit, normalise, roles
from ..schemacheck import dotted_path
from . import grammar

_PLACEHOLDER = re.compile(r"【\s*待补充[^】]*】")
_DIGIT = re.compile(r"\d")
_ENUM = re.compile(r"^[一二三四五六七八九十]{1,3}是")
_YEAR = re.compile(r"(?<![0-9])([12][0-9]{3})年")
_DATE_LINE = re.compile(r"^\s*([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日\s*$")
_TITLE_WORDS = re.compile(r"总结|报告|工作情况|工作打算")


@dataclass
class SheetFigure:
    path: str
    line: Optional[int]
    label: str
    value: Decimal
    unit: str
    previous: Optional[Decimal]
    stated: bool = False

    def show(self, value: Optional[Decimal] = None) -> str:
        return f"{grammar.plain(self.value if value is None else value)}{self.unit}"


@dataclass
class Problem:
    kind: str
    message: str
    paragraph: Optional[int] = None
    sentence: Optional[str] = None
    field: Optional[str] = None
    line: Optional[int] = None


@dataclass
class CheckResult:
    draft: Path
    facts: Path
    problems: List[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def count(self, kind: str) -> int:
        return sum(1 for p in self.problems if p.kind == kind)


def _number(value: Any) -> Optional[Decimal]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return Decimal(str(value))


def sheet_figures(data: Dict[str, Any], mark) -> List[SheetFigure]:
    out: List[SheetFigure] = []

    def add(path: Tuple[Any, ...], fig: Any) -> None:
        if not isinstance(fig, dict) or _number(fig.get("value")) is None or not isinstance(fig.get("label"), str):
            return
        found = mark(path)
        # as the draft writes it: 新增就业岗位（个） with no unit is 新增就业岗位, unit 个
        label, unit, _ = label_unit(normalise(fig["label"], "label").text, str(fig.get("unit") or ""))
        out.append(SheetFigure(dotted_path(path), found.line if found else None, label.strip(),
                               _number(fig["value"]), unit, _number(fig.get("previous"))))

    for key in ("achievements", "highlights"):
        for t, theme in enumerate(data.get(key) or []):
            if not isinstance(theme, dict):
                continue
            for p, point in enumerate(theme.get("points") or []):
                if isinstance(point, dict):
                    for f, fig in enumerate(point.get("figures") or []):
                        add((key, t, "points", p, "figures", f), fig)
            for f, fig in enumerate(theme.get("figures") or []):
                add((key, t, "figures", f), fig)
    return out


def _texts(node: Any, path: Tuple[Any, ...], role_of: Dict[Tuple[Any, ...], str]) -> Iterator[Tuple[Tuple[Any, ...], str]]:
    """Every text of the sheet with its path, as the draft writes it (a typed 1. or "…" is not in
    the draft, its normalised form is: see facts.typing_checks)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("figures", "date", "year"):
                yield from _texts(value, path + (key,), role_of)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, path + (index,), role_of)
    elif isinstance(node, str):
        role = role_of.get(path)
        yield path, normalise(node, role).text if role else node


def _numbered_clauses(text: str) -> List[str]:
    """The clauses of a text that hold a number that is a figure (not a year or a date)."""
    out = []
    for a, b in grammar.clauses(text):
        clause = _figure_clause(text[a:b])
        if clause is not None:
            out.append(clause)
    return out


def _figure_clause(raw: str) -> Optional[str]:
    """`raw` without its 一是/二是, when it holds a number that is a figure; else None."""
    clause = _ENUM.sub("", raw.strip())
    return clause if _DIGIT.search(clause) and _holds_figure(clause) else None


def _holds_figure(clause: str) -> bool:
    for m in re.finditer(grammar.NUMBER, clause):
        unit = re.match(grammar.UNIT, clause[m.end():]).group(0)  # type: ignore[union-attr]
        if not grammar.is_not_figure(clause[: m.start()], m.group(0), unit):
            return True
    return False


def _label_match(doc_label: str, sheet_label: str) -> int:
    """2 equal, 1 one contains the other, 0 not the same figure."""
    a, b = doc_label.strip(), sheet_label.strip()
    if a == b:
        return 2
    # 发布各类预警信号 for 发布预警信号: the draft names the label in its point's words
    return 1 if a and b and (a in b or b in a or names_label(a, b)) else 0


def _expected(sheet: SheetFigure, comparison: grammar.Comparison) -> Optional[str]:
    """None when `comparison` agrees with the sheet, else what the sheet makes of it."""
    v, p = sheet.value, sheet.previous
    if p is None:
        return "事实表没有上年数值"
    diff = v - p
    sign = (diff > 0) - (diff < 0)
    if comparison.kind == "same":
        return None if diff == 0 else f"按事实表应为{'增加' if diff > 0 else '减少'}{grammar.plain(abs(diff))}{sheet.unit}"
    if comparison.kind == "diff":
        number = grammar.convert(comparison.number, comparison.unit, sheet.unit) if comparison.number is not None else None
        if number is not None and comparison.sign == sign and number == abs(diff):
            return None
        return f"按事实表应为{'增加' if sign > 0 else '减少' if sign < 0 else '持平'}{grammar.plain(abs(diff))}{sheet.unit}"
    if comparison.kind == "points":
        if comparison.sign == sign and comparison.number == abs(diff):
            return None
        return f"按事实表应为{'提高' if sign > 0 else '下降'}{grammar.plain(abs(diff))}个百分点"
    if comparison.kind == "rate":
        if p == 0:
            return "上年为0，无法计算增长率"
        rate = (abs(diff) / abs(p) * 100).quantize(Decimal(1).scaleb(-comparison.places), rounding=ROUND_HALF_UP)
        if comparison.sign == sign and comparison.number == rate:
            return None
        return f"按事实表应为{'增长' if sign > 0 else '下降'}{rate}%"
    return None


class _Dates:
    """The years a draft may state and the 成文日期 it must carry, from the sheet.

    The renderer writes only the report's year and the next one (标题, 开头, 工作打算) and the
    成文日期; any other year must come from the sheet's own texts (到2027年, 2020年以来).  A year
    edited in the title or a date changed in the 落款 is a wrong statement like a wrong figure."""

    def __init__(self, data: Dict[str, Any], mark) -> None:
        report = data.get("report") if isinstance(data.get("report"), dict) else {}
        year = report.get("year")
        self.year = year if isinstance(year, int) and not isinstance(year, bool) else None
        found = mark(("report", "year"))
        self.year_line = found.line if found else None
        # every form the schema allows (2025-01-10, 2025/1/10, 2025年1月10日 …), as validate reads it
        written = parse_date(report["date"])[0] if isinstance(report.get("date"), str) else None
        self.date = (written.year, written.month, written.day) if written else None
        found = mark(("report", "date"))
        self.date_line = found.line if found else None
        self.allowed = {str(y) for y in (self.year, self.year + 1) if y is not None} if self.year is not None else set()
        if self.date:
            self.allowed.add(str(self.date[0]))
        for text in _all_texts(data):
            self.allowed.update(m.group(1) for m in _YEAR.finditer(normalize_width(text)))
        title = report.get("title")
        # The title's years, in order: those of the sheet's own title, else the report's year first.
        self.title_years = [m.group(1) for m in _YEAR.finditer(normalize_width(title))] \
            if isinstance(title, str) and title.strip() else None
        found = mark(("report", "title"))
        self.title_line = found.line if found else None
        self.title_seen = False

    def check(self, para: str, number: int, where: str) -> Iterator[Problem]:
        date = _DATE_LINE.match(para)
        if date:
            if self.date is not None and tuple(int(g) for g in date.groups()) != self.date:
                y, m, d = self.date
                yield Problem("changed", f"{where}：成文日期{para.strip()}，事实表为{y}年{m}月{d}日"
                                         f"（report.date，第 {self.date_line} 行）", number, para.strip(), "report.date",
                              self.date_line)
            return
        if self.year is None:
            return
        years = [m.group(1) for m in _YEAR.finditer(para)]
        if years and not self.title_seen and _TITLE_WORDS.search(para):
            self.title_seen = True  # the first paragraph naming a year and a report is the title
            expected = self.title_years if self.title_years is not None else [str(self.year)]
            if years[: len(expected)] != expected and set(years) <= self.allowed:
                said = "、".join(f"{y}年" for y in years)
                should = "、".join(f"{y}年" for y in expected) if self.title_years is not None else f"{self.year}年"
                origin, line = ("report.title", self.title_line) if self.title_years is not None \
                    else ("report.year", self.year_line)
                yield Problem("changed", f"{where}：标题中的年份为{said}，按事实表应为{should}（{origin}，第 {line} 行）",
                              number, para.strip(), origin, line)
        for m in _YEAR.finditer(para):
            if m.group(1) not in self.allowed:
                yield Problem("changed", f"{where}：“{m.group(0)}”，事实表的年度为{self.year}年"
                                         f"（report.year，第 {self.year_line} 行）", number, m.group(0), "report.year",
                              self.year_line)


def _all_texts(node: Any) -> Iterator[str]:
    """Every string of the sheet, figure labels included."""
    stack: List[Any] = [node]
    while stack:  # the loaded sheet is bounded by the loader's limits; no recursion
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            yield item


def check_draft(draft: Path, facts: Path) -> CheckResult:
    from ..facts.validate import check_file

    report = check_file(facts)
    if report.fatal is not None:
        raise report.fatal
    if report.loaded is None or not isinstance(report.loaded.data, dict):
        raise FactSheetError("事实表是空的", path=facts)
    loaded = report.loaded
    figures = sheet_figures(loaded.data, loaded.mark)
    text_clauses: List[Tuple[str, str, Optional[int]]] = []  # (clause, field, line)
    role_of = dict(roles(loaded.data))
    for path, text in _texts(loaded.data, (), role_of):
        mark = loaded.mark(path)
        for clause in _numbered_clauses(normalize_width(text)):
            text_clauses.append((clause, dotted_path(path), mark.line if mark else None))
    dates = _Dates(loaded.data, loaded.mark)
    doc = read_document(draft)
    unit = "段" if doc.kind == "docx" else "行"
    result = CheckResult(draft, facts)
    whole: List[str] = []
    for number, raw in doc.lines:
        para = normalize_width(raw)
        whole.append(para)
        where = f"第 {number} {unit}"
        for m in _PLACEHOLDER.finditer(para):
            result.problems.append(Problem("placeholder", f"{where}：还有{m.group(0)}", number, m.group(0)))
        if not _DIGIT.search(para):
            continue
        result.problems.extend(dates.check(para, number, where))
        reads, other = grammar.read_figures(para)
        for read in reads:
            _check_statement(result, read, figures, text_clauses, number, where)
        for a, b in other:
            clause = _figure_clause(para[a:b])
            if clause is None:
                continue
            if any(clause == c or clause in c for c, _, _ in text_clauses):
                continue
            result.problems.append(_unknown(clause, number, where, None))
    full = "\n".join(whole)
    for fig in figures:
        if not fig.stated:
            result.problems.append(Problem(
                "missing", f"事实表中的数据在文档中找不到：{fig.label}{fig.show()}（{fig.path}，第 {fig.line} 行）",
                None, None, fig.path, fig.line))
    for clause, path, line in text_clauses:
        if clause not in full:
            result.problems.append(Problem(
                "missing", f"事实表中的“{clause}”在文档中找不到（{path}，第 {line} 行）", None, None, path, line))
    return result


def _unknown(sentence: str, number: int, where: str, near: Optional[Tuple[str, str, Optional[int]]]) -> Problem:
    if near is None:
        return Problem("not_in_sheet", f"{where}：{sentence}，事实表中没有这个数", number, sentence)
    text, path, line = near
    return Problem("not_in_sheet", f"{where}：{sentence}，事实表为“{text}”（{path}，第 {line} 行）",
                   number, sentence, path, line)


def _check_statement(result: CheckResult, read: grammar.FigureRead, figures: List[SheetFigure],
                     text_clauses: List[Tuple[str, str, Optional[int]]], number: int, where: str) -> None:
    head = read.text.split("，")[0]
    if any(read.text in c or (head in c and len(read.comparisons) == 0) for c, _, _ in text_clauses):
        return  # a number the sheet states in one of its texts, as it stands there
    if read.label.endswith("下降") and read.how == "growth_points":  # 增长 −3% is written 下降3%
        shown = read.value
        read.label, read.value = read.label[:-2] + "增长", -shown
        if read.previous is not None:  # the difference was written for the real (negative) value
            read.previous = read.previous - 2 * shown
    scored = [(_label_match(read.label, f.label), f) for f in figures
              if not read.unit or grammar.convert(Decimal(1), read.unit, f.unit) is not None]
    scored = [(s, f) for s, f in scored if s]
    # the best label first; among equals, the one that agrees in value, then one not yet used
    scored.sort(key=lambda sf: (-sf[0], not grammar.same_quantity(read.value, read.unit, sf[1].value, sf[1].unit),
                                sf[1].stated))
    if not scored:
        if not _DIGIT.search(read.text):
            return  # 全年未发生…事故 as a sentence of the sheet's text: a wording, not a number
        near = next(((c, p, ln) for c, p, ln in text_clauses
                     if (found := grammar.read_head(c)) and _label_match(read.label, found[0])), None)
        result.problems.append(_unknown(read.text, number, where, near))
        return
    fig = scored[0][1]
    fig.stated = True
    place = f"（{fig.path}，第 {fig.line} 行）"
    if not grammar.same_quantity(read.value, read.unit, fig.value, fig.unit):
        result.problems.append(Problem("changed", f"{where}：{head}，事实表为{fig.show()}{place}",
                                       number, read.text, fig.path, fig.line))
        return
    for comparison in read.comparisons:
        why = _expected(fig, comparison)
        if why:
            result.problems.append(Problem("changed", f"{where}：{read.text}中“{comparison.text}”，{why}{place}",
                                           number, read.text, fig.path, fig.line))
            return
    if read.previous is not None and (fig.previous is None or not grammar.same_quantity(
            read.previous, read.unit, fig.previous, fig.unit)):
        sheet_says = f"为{fig.show(fig.previous)}" if fig.previous is not None else "没有写"
        result.problems.append(Problem("changed", f"{where}：{read.text}，事实表的上年数值{sheet_says}{place}",
                                       number, read.text, fig.path, fig.line))


def format_text(result: CheckResult) -> str:
    if result.ok:
        return f"{result.draft} 与 {result.facts} 一致：数据都对得上，没有【待补充】。\n"
    titles = {"changed": "与事实表不一致的数据", "not_in_sheet": "事实表中没有的数据",
              "missing": "文档中不再写出的事实表数据", "placeholder": "还没有补充的【待补充】"}
    lines: List[str] = []
    for kind, title in titles.items():
        found = [p for p in result.problems if p.kind == kind]
        if found:
            lines.append(f"{title}（{len(found)} 处）：")
            lines.extend(f"  {p.message}" for p in found)
    lines.append(f"共 {len(result.problems)} 处需要核对。")
    return "\n".join(lines) + "\n"


def format_json(result: CheckResult) -> str:
    data = {
        "draft": str(result.draft), "facts": str(result.facts), "ok": result.ok,
        "counts": {k: result.count(k) for k in ("changed", "not_in_sheet", "missing", "placeholder")},
        "problems": [{"kind": p.kind, "paragraph": p.paragraph, "sentence": p.sentence, "field": p.field,
                      "line": p.line, "message": p.message} for p in result.problems],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
