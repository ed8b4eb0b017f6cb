"""The renderer's own figure phrasing, read back: every template of `filters.PHRASES` as a regex.

Each template (``{label}由{base}的{previous}{toverb}{value}``) is compiled once into a regular
expression with named groups, and `MEANING` says, per rule name, what its numbers are: this
year's value, last year's (written or derived exactly from the difference), and the
comparison clauses a check recomputes.  A new rule in filters.py needs one entry in `MEANING`;
tests/test_harvest_grammar.py fails for a rule without one and renders every rule's output
to read it back.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Dict, List, Optional, Pattern, Tuple

from ..compose import filters
from .grammar import NUMBER, VERSUS, Comparison, FigureRead, convert, to_decimal

_UNIT = r"[^\d，。；、：:（）()“”\s]{0,6}?"  # 微克/立方米
_WORDS = {
    # the renderer's words and the other ways reports say it (比去年, 与上年相比 …)
    "versus": "|".join(sorted({w for ws in filters.VERSUS.values() for w in ws}, key=len, reverse=True)) + "|"
              + VERSUS[3:-1],
    "base": "|".join(sorted(set(filters.BASE.values()), key=len, reverse=True)),
    "period": "全年|上半年",
    "updown": "提高|下降|回落|缩短|延长",
    "moreless": "增加|减少",
    "growfall": "增长|下降",
    "lessmore": "减亏|增亏",
    "toverb": "增至|减至",
    "was": "盈利|亏损|收支平衡",
    "now": "盈利|亏损|收支平衡",
    "points": "百分点|千分点",
}
_UP = ("提高", "增加", "增长", "减亏", "增至", "延长")


def _compile(template: str) -> Pattern[str]:
    out = ""
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out += re.escape(template[pos:m.start()])
        name = m.group(1)
        if name == "label":
            out += r"(?P<label>[^，。；]+?)"
        elif name in ("value", "previous", "diff"):
            # 由上年的-1人变为零 writes a zero as 零; 由上年收支平衡转为盈利5万元 leaves a number out
            zero = rf"|(?P<{name}_zero>零)" if "变为" in template else ""
            out += rf"(?:(?P<{name}>{NUMBER})(?P<{name}_u>{_UNIT}){zero})"
            if "{now}" in template or "{was}" in template:
                out += "?"
        elif name == "period":  # 全年未发生A，未发生B: the second event zero drops its period
            out += rf"(?P<period>{_WORDS['period']})?"
        elif name == "pct":
            out += rf"(?P<pct>{NUMBER})"
        else:
            out += rf"(?P<{name}>{_WORDS[name]})"
        pos = m.end()
    out += re.escape(template[pos:])
    return re.compile(rf"^{out}$")


@dataclass
class Parts:
    """What a statement's groups mean, before signs: this year's, last year's, comparisons."""

    value: Decimal
    unit: str
    previous: Optional[Decimal]
    comparisons: List[Comparison]


def _num(m: "re.Match[str]", name: str) -> Optional[Decimal]:
    text = m.groupdict().get(name)
    if not text and m.groupdict().get(f"{name}_zero"):
        return Decimal(0)
    return to_decimal(text) if text else None


def _unit(m: "re.Match[str]", *names: str) -> str:
    for name in names:
        found = m.groupdict().get(f"{name}_u")
        if found:
            return found
    return ""


def _sign(m: "re.Match[str]", group: str) -> int:
    return 1 if m.group(group) in _UP else -1


def _clause(m: "re.Match[str]", group: str) -> str:
    """The clause of the statement that holds `group` (what a message quotes)."""
    start = m.start(group)
    text = m.group(0)
    return text[text.rfind("，", 0, start) + 1: (text.find("，", start) + 1 or len(text) + 1) - 1]


def _diff(m: "re.Match[str]", group: Optional[str], sign: int = 0, kind: str = "diff") -> Comparison:
    sign = sign or _sign(m, group)  # type: ignore[arg-type]
    unit = "个" + m.group("points") if kind == "points" else _unit(m, "diff")
    return Comparison(kind, _num(m, "diff"), unit, sign, _clause(m, "diff"))


def _plain(m):
    return Parts(_num(m, "value"), _unit(m, "value"), None, [])  # type: ignore[arg-type]


def _keep(m):
    value = _num(m, "value")
    return Parts(value, _unit(m, "value"), value, [Comparison("same", None, "", 0, "保持")])  # type: ignore[arg-type]


def _zero(previous: Optional[Decimal] = None):
    def read(m):
        return Parts(Decimal(0), "", previous, [] if previous is None else [Comparison("same", None, "", 0, "为零")])
    return read


def _with_diff(kind: str, group: Optional[str], sign: int = 0):
    """{value}，{versus}{updown}{diff}: last year's value is this year's minus the difference."""
    def read(m):
        value = _num(m, "value") if m.groupdict().get("value") else Decimal(0)
        unit = _unit(m, "value", "diff")
        comparison = _diff(m, group, sign, kind)
        diff = comparison.number if kind == "points" else convert(comparison.number, comparison.unit or unit, unit)
        previous = None if diff is None else value - comparison.sign * diff
        comparisons = [comparison]
        if m.groupdict().get("pct"):
            comparisons.append(Comparison("rate", _num(m, "pct"), "%", _sign(m, "growfall"), _clause(m, "pct")))
        return Parts(value, unit, previous, comparisons)  # type: ignore[arg-type]
    return read


def _loss(m):
    parts = _with_diff("diff", "lessmore")(m) if m.groupdict().get("diff") else _plain(m)
    value = -parts.value
    previous = None
    if parts.comparisons:
        comparison = parts.comparisons[0]
        diff = convert(comparison.number, comparison.unit or parts.unit, parts.unit)
        previous = None if diff is None else value - comparison.sign * diff
    return Parts(value, parts.unit, previous, parts.comparisons)


def _from_to(m):
    unit = _unit(m, "value", "previous")
    previous = convert(_num(m, "previous"), _unit(m, "previous") or unit, unit)  # type: ignore[arg-type]
    return Parts(_num(m, "value"), unit, previous, [])  # type: ignore[arg-type]


def _turn(m):
    signs = {"盈利": 1, "亏损": -1, "收支平衡": 0}
    unit = _unit(m, "value", "previous")
    value = signs[m.group("now")] * (_num(m, "value") or Decimal(0))
    previous = convert(signs[m.group("was")] * (_num(m, "previous") or Decimal(0)), _unit(m, "previous") or unit, unit)
    return Parts(value, unit, previous, [])


def _to_zero_points(m):
    diff = _num(m, "diff")
    return Parts(Decimal(0), "%" if m.group("points") == "百分点" else "‰", diff,
                 [Comparison("points", diff, "个" + m.group("points"), -1, m.group(0))])


def _cleared(m):
    diff = _num(m, "diff")
    return Parts(Decimal(0), _unit(m, "diff"), diff, [Comparison("diff", diff, _unit(m, "diff"), -1, m.group(0))])


# rule name in filters.PHRASES → what its numbers mean
MEANING: Dict[str, Callable[["re.Match[str]"], Parts]] = {
    "plain": _plain,
    "rate_reach": _plain,
    "rate_keep_full": _keep,
    "rate_keep_zero": _zero(Decimal(0)),
    "rate_points": _with_diff("points", "updown"),
    "rate_reach_points": _with_diff("points", None, sign=1),
    "rate_to_zero": _to_zero_points,
    "growth_points": _with_diff("points", "updown"),
    "growth_same": _keep,
    "same": _keep,
    "event_none": _zero(),
    "event_none_down": _cleared,
    "zero": _zero(),
    "zero_both": _zero(Decimal(0)),
    "cleared": _cleared,
    "turn": _turn,
    "loss_change": _loss,
    "loss": _loss,
    "loss_same": lambda m: Parts(-_num(m, "value"), _unit(m, "value"), -_num(m, "value"),  # type: ignore[operator]
                                 [Comparison("same", None, "", 0, m.group(0))]),
    "signed_from_to": _from_to,
    "from_zero": lambda m: Parts(_num(m, "value"), _unit(m, "value"), Decimal(0), []),  # type: ignore[arg-type]
    "from_zero_none": lambda m: Parts(_num(m, "value"), _unit(m, "value"), Decimal(0), []),  # type: ignore[arg-type]
    "small_count": _from_to,
    "level_change": _with_diff("diff", "updown"),
    "change_pct": _with_diff("diff", "moreless"),
    "change": _with_diff("diff", "moreless"),
}

# Wordings the renderer no longer writes but reports (and older drafts) do, with their meaning,
# so extract/check read either order (空壳村实现清零，较上年减少3个 / 空壳村较上年减少3个，实现清零).
FORMER: Dict[str, Tuple[str, Callable[["re.Match[str]"], Parts]]] = {
    "cleared_result_first": ("{label}实现清零，{versus}减少{diff}", _cleared),
    "from_zero_diff": ("{label}{value}，{versus}增加{diff}", _with_diff("diff", None, sign=1)),
}
READERS: Dict[str, Callable[["re.Match[str]"], Parts]] = {**MEANING, **{n: read for n, (_, read) in FORMER.items()}}
WORDING: Dict[str, str] = {**{n: filters.PHRASES[n] for n in MEANING}, **{n: text for n, (text, _) in FORMER.items()}}

# (rule, regex, clauses it spans): most clauses first, then the renderer's own wordings before
# former ones (引进人才2人，较上年增加1人 is today's `change`, though the former from-zero wording
# reads it alike), then most fixed words, so 达到100% is read by its own rule rather than as a
# plain figure whose label ends in 达到
TEMPLATES: List[Tuple[str, Pattern[str], int]] = sorted(
    ((name, _compile(text), text.count("，") + 1) for name, text in WORDING.items()),
    key=lambda t: (-t[2], t[0] in FORMER, -len(re.sub(r"\{\w+\}", "", WORDING[t[0]]))))


MAX_SPAN = max(span for _, _, span in TEMPLATES)


def read_statement(text: str, clauses: int) -> Optional[FigureRead]:
    """`text` (exactly `clauses` clauses joined by ，) read as one rendered figure statement."""
    for name, pattern, span in TEMPLATES:
        if span != clauses:
            continue
        m = pattern.match(text)
        if not m or name == "plain" and _not_plain(m):
            continue
        try:
            parts = READERS[name](m)
        except (TypeError, KeyError):
            continue
        if parts.value is None:
            continue
        label = m.group("label").strip()
        if not label or re.search(rf"{_WORDS['versus']}|{VERSUS}|持平", label):  # 比去年减少3个 is a comparison
            continue
        read = FigureRead(label, parts.value, parts.unit, parts.previous, how=name, text=text)
        read.comparisons = parts.comparisons
        return read
    return None


def split_events(read: FigureRead) -> List[FigureRead]:
    """全年未发生A、B和C (the renderer's merged event zeros, or a report's) as one zero per event,
    when every part names an event (事故、案件 …); 未发生危险化学品和烟花爆竹事故 stays one."""
    if read.how != "event_none":
        return [read]
    parts = re.split("|".join(filters.EVENT_JOINS), read.label)
    if len(parts) < 2 or not all(p and any(w in p for w in filters.EVENT_WORDS) for p in parts):
        return [read]
    out = []
    for part in parts:
        one = FigureRead(part, read.value, read.unit, read.previous, how=read.how, text=read.text,
                         start=read.start, end=read.end)
        one.comparisons = list(read.comparisons)
        out.append(one)
    return out


def _not_plain(m: "re.Match[str]") -> bool:
    """A plain figure whose label holds a change (由8个增至…) is another phrasing, read elsewhere."""
    from .grammar import _TO, is_not_figure

    label = m.group("label")
    return is_not_figure(label, m.group("value"), m.group("value_u") or "") \
        or bool(re.search(rf"{_TO}|由[^，]*\d", label))
