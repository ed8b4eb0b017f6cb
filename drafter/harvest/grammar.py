"""The figure grammar: how a report states a figure, as data, read back into label/value/unit/previous.

A figure statement is a head clause that names the figure (``引进各类教育人才35人``, ``由8个增至12个``)
followed by comparison clauses (``比上年增加7人``, ``增长25.0%``, ``提高0.4个百分点``, ``与上年持平``).
Both kinds are small rules in the tables `HEADS` and `COMPARISONS` below — a regular expression
with named groups and the arithmetic that gives last year's value — so a new phrasing written
by drafter/compose/filters.py is one more row here (tests/test_harvest_grammar.py renders every
phrasing the renderer writes and reads it back).  Arithmetic is done in `Decimal` and a
`previous` is only ever derived from an exact difference, never from a rounded rate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Callable, Dict, List, Optional, Pattern, Sequence, Tuple

NUMBER = r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?"
# What may follow a number as its unit when the number ends its clause (“…46场次”).
UNIT = r"[^\d，。；;、：:（）()“”\s]{0,4}"
VERSUS = r"(?:比上年|比去年|较上年|较去年|同比|比去年同期|较去年同期|与上年相比|与去年相比|与去年同期相比|比上年同期|较上年同期)"
SAME = r"(?:与上年|与去年|与去年同期|与上年同期|和上年|同比)(?:基本)?持平"
UP = ("增加", "增长", "提高", "上升", "提升", "增多", "延长")
DOWN = ("减少", "下降", "降低", "减低", "回落", "缩短")  # 缩短/延长: durations (平均住院日)
MONEY = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
PERCENT = ("%", "％")
RATE_POINTS = {"个百分点": ("%", "％"), "个千分点": ("‰",)}


def to_decimal(text: str) -> Optional[Decimal]:
    try:
        return Decimal(text.replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None


def unit_key(unit: str) -> str:
    return "%" if unit in PERCENT else unit


def convert(amount: Decimal, unit: str, to_unit: str) -> Optional[Decimal]:
    """`amount` in `unit` expressed in `to_unit`, exactly; None when they are not the same kind."""
    if unit_key(unit) == unit_key(to_unit):
        return amount
    if unit in MONEY and to_unit in MONEY:
        return amount * MONEY[unit] / MONEY[to_unit]
    a, base_a = _scale(unit)
    b, base_b = _scale(to_unit)
    if base_a and base_a == base_b:  # 5000人 and 4.6万人
        return amount * a / b
    return None


def _scale(unit: str) -> Tuple[Decimal, str]:
    for prefix, factor in (("万", Decimal(10_000)), ("亿", Decimal(100_000_000))):
        if unit.startswith(prefix) and len(unit) > 1:
            return factor, unit[1:]
    return Decimal(1), unit


def same_quantity(a: Decimal, unit_a: str, b: Decimal, unit_b: str) -> bool:
    if a == 0 and b == 0 and (not unit_a or not unit_b):  # 实现清零 / 未发生 write no unit
        return True
    converted = convert(a, unit_a, unit_b)
    return converted is not None and converted == b


def plain(value: Decimal):
    """A Decimal as the int or float a YAML sheet holds (exact: only short decimals occur)."""
    value = value.normalize() if value != value.to_integral_value() else value.to_integral_value()
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Comparison:
    """One comparison clause as read: what kind, the number written, its unit, the direction."""

    kind: str  # "diff" (增加7人) | "rate" (增长25.0%) | "points" (提高0.4个百分点) | "same" (持平)
    number: Optional[Decimal]
    unit: str
    sign: int  # +1 more, -1 less, 0 same
    text: str

    @property
    def places(self) -> int:
        """Decimal places as written (增长25.0% → 1), for checking a recomputed rate."""
        if self.number is None:
            return 0
        exponent = self.number.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0


@dataclass
class FigureRead:
    """A figure statement read from text; `start`/`end` are offsets of the statement in it."""

    label: str
    value: Decimal
    unit: str
    previous: Optional[Decimal] = None
    comparisons: List[Comparison] = field(default_factory=list)
    start: int = 0
    end: int = 0
    text: str = ""
    how: str = ""  # which head rule read it

    def apply(self, comparison: Comparison) -> None:
        """Derive `previous` from a comparison when the arithmetic is exact."""
        self.comparisons.append(comparison)
        if self.previous is not None:
            return
        if comparison.kind == "same":
            self.previous = self.value
        elif comparison.kind == "diff" and comparison.number is not None:
            if self.value == 0 and not self.unit:  # 实现清零 / 未发生 name no unit: the comparison does
                self.unit = comparison.unit
            diff = convert(comparison.number, comparison.unit, self.unit)
            if diff is not None:
                self.previous = self.value - comparison.sign * diff
        elif comparison.kind == "points" and comparison.number is not None \
                and self.unit in RATE_POINTS.get(comparison.unit, ()):
            self.previous = self.value - comparison.sign * comparison.number


# -- the rules ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    name: str
    pattern: Pattern[str]
    read: Callable[["re.Match[str]"], object]


def _signed(word: str) -> int:
    return 1 if word in UP or word == "增幅" else -1


def _comparison(kind: str) -> Callable[["re.Match[str]"], Comparison]:
    def read(m: "re.Match[str]") -> Comparison:
        if kind == "same":
            return Comparison("same", None, "", 0, m.group(0))
        number = to_decimal(m.group("n"))
        unit = m.group("u") or ""
        if kind == "auto":  # 增长25.0% is a rate, 增加7人 an amount, 提高0.4个百分点 points
            found = "points" if unit in RATE_POINTS else "rate" if unit in PERCENT else "diff"
            return Comparison(found, number, unit, _signed(m.group("w")), m.group(0))
        return Comparison(kind, number, unit, _signed(m.group("w")), m.group(0))
    return read


_WORDS = "|".join(UP + DOWN)
COMPARISONS: Sequence[Rule] = (
    Rule("same", re.compile(rf"^{SAME}$"), _comparison("same")),
    # 比上年增加7人 / 同比下降3.8% / 较上年提高0.4个百分点 (the rate of a percent figure is "points")
    Rule("versus", re.compile(rf"^{VERSUS}(?P<w>{_WORDS})(?P<n>{NUMBER})(?P<u>个百分点|个千分点|{UNIT})$"),
         _comparison("auto")),
    # 增长25.0% / 下降3.8% after an amount comparison
    Rule("rate", re.compile(rf"^(?P<w>增长|下降|增幅|降幅)(?:了|为|达)?(?P<n>{NUMBER})(?P<u>%|％)$"),
         _comparison("rate")),
    # 增加7人 without 比上年, after a head that said 比上年 elsewhere
    Rule("bare", re.compile(rf"^(?P<w>{_WORDS})(?P<n>{NUMBER})(?P<u>个百分点|个千分点|{UNIT})$"), _comparison("diff")),
)


def _head_simple(m: "re.Match[str]"):
    return m.group("label"), to_decimal(m.group("n")), m.group("u"), None


def _head_from_to(m: "re.Match[str]"):
    """由8个增至12个 / 由14个减少到0个: this year's value and last year's, both stated."""
    unit = m.group("u2") or m.group("u1") or ""
    old = to_decimal(m.group("n1"))
    if old is not None and m.group("u1") and m.group("u2") and m.group("u1") != m.group("u2"):
        old = convert(old, m.group("u1"), m.group("u2"))
    return m.group("label"), to_decimal(m.group("n2")), unit, old


def _head_profit(m: "re.Match[str]"):
    """由上年盈利20万元转为亏损35万元: a loss is a negative value."""
    sign = {"盈利": 1, "亏损": -1, "盈余": 1, "结余": 1}
    old, new = to_decimal(m.group("n1")), to_decimal(m.group("n2"))
    if old is None or new is None:
        return None
    old = convert(old, m.group("u1"), m.group("u2"))
    if old is None:
        return None
    return m.group("label"), sign[m.group("w2")] * new, m.group("u2"), sign[m.group("w1")] * old


def _head_keep(m: "re.Match[str]"):
    """保持100%: the same value both years."""
    value = to_decimal(m.group("n"))
    return m.group("label"), value, m.group("u"), value


def _head_cleared(m: "re.Match[str]"):
    """（由14个）实现清零: this year's value is 0; last year's only when stated."""
    old = to_decimal(m.group("n1")) if m.group("n1") else None
    return m.group("label"), Decimal(0), m.group("u1") or "", old


_TO = r"(?:增至|增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|减少到|减少至|减至|降至|降低到|降低至|下降到|下降至|降到|达到)"
HEADS: Sequence[Rule] = (
    Rule("profit", re.compile(rf"^(?P<label>.+?)由(?:上年|去年|去年同期|上年同期)?(?P<w1>盈利|亏损|盈余|结余)(?P<n1>{NUMBER})(?P<u1>万元|亿元|元)"
                              rf"转为(?P<w2>盈利|亏损|盈余|结余)(?P<n2>{NUMBER})(?P<u2>万元|亿元|元)$"), _head_profit),
    Rule("from-to", re.compile(rf"^(?P<label>.+?)由(?:上年|去年|去年同期|上年同期)?(?P<n1>{NUMBER})(?P<u1>{UNIT}){_TO}(?P<n2>{NUMBER})(?P<u2>{UNIT})$"),
         _head_from_to),
    Rule("cleared", re.compile(rf"^(?P<label>.+?)(?:由(?:上年|去年|去年同期|上年同期)?(?P<n1>{NUMBER})(?P<u1>{UNIT}))?(?:实现|全部|已)?清零$"),
         _head_cleared),
    Rule("keep", re.compile(rf"^(?P<label>.+?)(?:继续|持续|始终)?保持(?:在)?(?P<n>{NUMBER})(?P<u>{UNIT})$"), _head_keep),
    Rule("simple", re.compile(rf"^(?P<label>.*?[^\d.,])(?P<n>{NUMBER})(?P<u>{UNIT})$"), _head_simple),
)

# A number that is a date, a year or an ordinal is not a figure.
_NOT_FIGURE_UNIT = re.compile(r"^(?:年(?!度)|月|日|号|时|点|时期|届|期|批次)$|^(?:年|月)")
_ORDINAL_BEFORE = re.compile(r"(?:第|No\.?|NO\.?|编号|序号|《)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
LEADING = re.compile(r"^(?:[一二三四五六七八九十]+是|其中|同时|此外|另外|全年共|共|并|且|和|及)")


def is_not_figure(label: str, number: str, unit: str) -> bool:
    if _NOT_FIGURE_UNIT.match(unit) or _ORDINAL_BEFORE.search(label):
        return True
    if _YEAR.match(number) and unit.startswith("年"):
        return True
    return label.endswith(("“", "《", "-", "—", "～", "~")) or unit.startswith(("-", "～", "~", "—"))


def clean_label(label: str) -> str:
    """The label as the sheet keeps it: without a leading 一是 or connective."""
    return label.strip()


def read_head(clause: str) -> Optional[Tuple[str, Decimal, str, Optional[Decimal], str]]:
    """(label, value, unit, previous or None, rule name) when `clause` names a figure."""
    text = clause.strip()
    for rule in HEADS:
        m = rule.pattern.match(text)
        if not m:
            continue
        read = rule.read(m)
        if read is None:
            continue
        label, value, unit, previous = read  # type: ignore[misc]
        label = clean_label(label)
        if value is None or not label or len(label) > 40:
            continue
        number = m.groupdict().get("n") or m.groupdict().get("n2") or m.groupdict().get("n1") or ""
        if rule.name == "simple" and is_not_figure(label, number, unit):
            return None
        if rule.name == "simple" and re.search(rf"{VERSUS}|{_TO}|持平", label):
            return None  # a comparison, not a head
        return label, value, unit or "", previous, rule.name
    return None


def read_comparison(clause: str) -> Optional[Comparison]:
    text = clause.strip()
    for rule in COMPARISONS:
        m = rule.pattern.match(text)
        if m:
            return rule.read(m)  # type: ignore[return-value]
    return None


_CLAUSE_SPLIT = re.compile(r"[，,]")
_STATEMENT_SPLIT = re.compile(r"[。；;！？!?]")


def clauses(text: str, start: int = 0, end: Optional[int] = None) -> List[Tuple[int, int]]:
    """(start, end) of each clause of text[start:end], split at ， and at sentence ends."""
    end = len(text) if end is None else end
    out: List[Tuple[int, int]] = []
    pos = start
    for m in re.finditer(r"[，,。；;！？!?]", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    if pos < end:
        out.append((pos, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def read_figures(text: str) -> Tuple[List[FigureRead], List[Tuple[int, int]]]:
    """The figure statements in `text`, and the clauses that are not part of one.

    At each clause the renderer's own templates (`phrases.TEMPLATES`, which may span several
    clauses) are tried first, then the head rules above; a comparison clause (`COMPARISONS`)
    attaches to the figure just before it in the same sentence.
    """
    from .phrases import MAX_SPAN, read_statement, split_events

    figures: List[FigureRead] = []
    other: List[Tuple[int, int]] = []
    current: Optional[FigureRead] = None
    spans = clauses(text)
    i = 0
    while i < len(spans):
        a, b = spans[i]
        if i and re.search(r"[。；;！？!?]", text[spans[i - 1][1]:a]):
            current = None  # a new sentence: comparisons do not reach back
        clause = text[a:b]
        lead = LEADING.match(clause.strip())
        offset = (len(clause) - len(clause.lstrip())) + (lead.end() if lead else 0)
        start = a + offset
        taken = None
        for k in range(min(MAX_SPAN, len(spans) - i), 0, -1):
            end = spans[i + k - 1][1]
            joints = [text[spans[j][1]:spans[j + 1][0]] for j in range(i, i + k - 1)]
            if any(j != "，" for j in joints):
                continue
            read = read_statement(text[start:end], k)
            if read is not None:
                read.start, read.end = start, end
                taken = (read, k)
                break
        if taken is not None:
            current, k = taken
            split = split_events(current)  # 全年未发生A和B: one zero per event
            figures.extend(split)
            current = split[-1]
            i += k
            continue
        body = text[start:b]
        if current is not None:
            comparison = read_comparison(body)
            if comparison is not None:
                current.apply(comparison)
                current.end = b
                current.text = text[current.start:b]
                i += 1
                continue
        head = read_head(body)
        if head is not None:
            label, value, unit, previous, how = head
            current = FigureRead(label, value, unit, previous, start=start, end=b, text=body, how=how)
            figures.append(current)
        else:
            current = None
            other.append((a, b))
        i += 1
    return figures, other


def describe(read: FigureRead) -> Dict[str, object]:
    """The figure as a sheet entry."""
    out: Dict[str, object] = {"label": read.label, "value": plain(read.value), "unit": read.unit}
    out["previous"] = plain(read.previous) if read.previous is not None else None
    return out
