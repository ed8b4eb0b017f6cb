"""Read a figure clause back: the grammar of `filters.PHRASES`, for `drafter extract` / `check`.

Each wording in `PHRASES` becomes one regular expression with a named group per slot, so a
clause the renderer wrote (or an author kept) parses back to its rule and its words:
``parse_figure("引进人才由上年的28人增至35人")`` → rule ``small_count``, label 引进人才,
previous 28人, value 35人.  Templates with more fixed wording are tried first, so the plain
“label + value” is the last resort; two rules that write the same words (from_zero and change)
read back alike.  Numbers are returned as written (with their unit), never converted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Pattern, Tuple

from .filters import BASE, PHRASES, VERSUS

_NUMBER = r"-?\d+(?:\.\d+)?[^\d，；。]*?"
SLOTS = {
    "label": r"[^，；。]+?",
    "value": _NUMBER,
    "previous": _NUMBER + "|零",
    "diff": _NUMBER,
    "pct": r"\d+(?:\.\d+)?",
    "versus": "|".join(sorted({w for words in VERSUS.values() for w in words}, key=len, reverse=True)),
    "base": "|".join(BASE.values()),
    "period": "全年|上半年",
    "updown": "提高|下降|回落",
    "moreless": "增加|减少",
    "growfall": "增长|下降",
    "toverb": "增至|减至",
    "lessmore": "减亏|增亏",
    "points": "百分点|千分点",
    "was": "盈利|亏损|收支平衡",
    "now": "盈利|亏损|收支平衡",
}
# Slots a rule may leave empty: 由上年收支平衡转为亏损35万元 has no previous amount.
OPTIONAL = {("turn", "previous"), ("turn", "value"), ("signed_from_to", "value")}


@dataclass(frozen=True)
class Reading:
    rule: str
    words: Dict[str, str]


def _compile(rule: str, template: str) -> Pattern[str]:
    out = ""
    for literal, slot in re.findall(r"([^{]*)(?:\{(\w+)\})?", template):
        out += re.escape(literal)
        if slot:
            body = SLOTS[slot] + ("|零" if slot == "value" and rule == "signed_from_to" else "")
            out += f"(?P<{slot}>{body})" + ("?" if (rule, slot) in OPTIONAL else "")
    return re.compile(out + "$")


@lru_cache(maxsize=1)
def patterns() -> List[Tuple[str, Pattern[str]]]:
    """(rule, pattern), the rules with the most fixed wording first."""
    fixed = {rule: len(re.sub(r"\{\w+\}", "", t)) for rule, t in PHRASES.items()}
    return [(rule, _compile(rule, PHRASES[rule])) for rule in sorted(PHRASES, key=lambda r: -fixed[r])]


def parse_figure(clause: str) -> Optional[Reading]:
    """The rule and words of one figure clause, or None when no rule wrote it."""
    text = clause.strip().rstrip("。；")
    for rule, pattern in patterns():
        match = pattern.match(text)
        if match:
            return Reading(rule, {k: v or "" for k, v in match.groupdict().items()})
    return None
