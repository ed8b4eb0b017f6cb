"""The draft's voice: how the unit names itself after the first mention, which stock sentence
each slot takes, and which shape each work theme is written in.

Every choice is deterministic: the sheet's org, year and period seed it (through sha256, not
Python's salted `hash`), so one sheet always renders the same draft while different sheets
read differently, and each slot has its own seed so no two paragraphs share a mould.  What
the learned outline offers wins over our stock: a part's learned lead-in sentence, and among
a slot's candidate phrases the ones the learned reports use most (by document frequency), so
an outline learned from an office's own archive gives that office's voice.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any, Iterable, List, Sequence

from ..facts.model import Fact, Report
from ..outline.model import Outline

# Suffix of the unit's name → how it names itself (longest and most specific first).
SELF_REFERENCES = (
    ("街道办事处", "街道"), ("街道党工委", "街道"),
    ("镇人民政府", "我镇"), ("乡人民政府", "我乡"), ("县人民政府", "我县"), ("区人民政府", "我区"),
    ("市人民政府", "我市"),
    ("居民委员会", "我社区"), ("村民委员会", "我村"), ("居委会", "我社区"), ("村委会", "我村"),
    ("委员会", "我委"), ("委", "我委"),
    ("幼儿园", "我园"), ("学校", "我校"), ("中学", "我校"), ("小学", "我校"), ("大学", "我校"),
    ("科学院", "我院"), ("研究院", "我院"), ("设计院", "我院"), ("学院", "我校"), ("医院", "我院"), ("卫生院", "我院"), ("院", "我院"),
    ("中心", "我中心"), ("分局", "我局"), ("局", "我局"), ("厅", "我厅"),
    ("办公室", "我办"), ("办", "我办"), ("处", "我处"), ("所", "我所"), ("站", "我站"),
    ("馆", "我馆"), ("队", "我队"), ("部", "我部"), ("社区", "社区"),
    ("街道", "街道"), ("镇", "我镇"), ("乡", "我乡"), ("村", "我村"),
)
FALLBACK_SELF = "我单位"
# Units that govern a place: only they speak of 稳中求进工作总基调 and the like.
GOVERNMENT_SELF = ("我镇", "我乡", "我县", "我区", "我市", "街道")
# Units that serve rather than govern or administer (a school, a hospital, a weather bureau):
# they do not speak of 奋力攻坚 like a 县政府 does.  Read from the unit's name.
SERVICE_WORDS = ("学校", "中学", "小学", "大学", "学院", "幼儿园", "医院", "卫生院", "气象", "疾控", "妇幼", "图书馆",
                 "博物馆", "文化馆", "研究院", "研究所", "设计院", "中心", "站")
# What a unit of a field says right after its guidance (…为指导，全面贯彻党的教育方针，…), by its name.
MISSIONS = (
    (("教育", "学校", "中学", "小学", "大学", "学院", "幼儿园"),
     ("全面贯彻党的教育方针", "全面贯彻党的教育方针，落实立德树人根本任务")),
    (("卫生", "卫健", "医院", "疾控", "妇幼"), ("坚持以人民健康为中心",)),
)
_MISSION_EXCEPT = re.compile("科学院|研究院|设计院|兽医")
# The spirit of the opening (…，凝心聚力、真抓实干，各项工作…), by kind of unit; "" says none.
# A unit that governs a place may be 奋力攻坚; a department 真抓实干; a school or a hospital says
# no such thing unless the sentence needs a verb (then the plainest one).
SPIRITS = {
    "government": ("凝心聚力、真抓实干", "担当作为、奋力攻坚", "锐意进取、务实笃行", ""),
    "department": ("凝心聚力、真抓实干", "担当作为、务实笃行", ""),
    "service": ("",),
}
NEEDED_SPIRIT = "扎实履行职责"  # a service unit's opening with no other verb
_TRAILING = re.compile(r"[\s（(【\[].*$")  # "某某局（党组）" names itself by 某某局

_OPENING_WORDS = re.compile(r"^(?:一年来|半年来|过去一年|上半年|今年以来)[，,]")

# Words of a title that promise a plan part (…工作总结及2025年工作打算).
PLAN_WORDS = ("打算", "计划", "谋划", "思路", "安排", "要点")


# What a part of `others` is, by what its title says (composer places it by kind; other.j2
# runs honours together into one paragraph).
OTHER_KINDS = (
    ("honours", ("荣誉", "表彰", "奖项", "获奖", "殊荣")),
    ("lessons", ("体会", "经验", "启示")),
    ("outlook", ("机遇", "挑战", "形势", "展望", "面临")),
)


def other_kind(title: str) -> str:
    """获得的荣誉 → honours; 几点体会 → lessons; 面临的机遇和挑战 → outlook; anything else → misc."""
    return next((kind for kind, words in OTHER_KINDS if any(w in title for w in words)), "misc")


def self_reference(org: str) -> str:
    """青山区教育体育局 → 我局; 东城街道办事处 → 街道; 不认识的名称 → 我单位."""
    name = _TRAILING.sub("", org.strip()) or org.strip()
    for suffix, ref in SELF_REFERENCES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return ref
    return FALLBACK_SELF


def _seed(*parts: Any) -> int:
    text = "\u241f".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


# Shapes of a work theme (see achievements.j2): the classic run-in 以X为Y，标题。一是…；二是…,
# the approach moved into the body (标题。以X为Y，A；B。), 一方面…另一方面… for two points,
# and plain parallel clauses (A；B；C。).
THEME_SHAPES = ("classic", "approach_first", "classic", "plain")


class Voice:
    """What templates ask for as `voice`: `voice.self`, `voice.choice(slot, n)`, …"""

    def __init__(self, report: Report, outline: Outline, parts: Sequence[str] = ()) -> None:
        self.report = report
        self.outline = outline
        self.parts = tuple(parts)  # keys of the parts this draft has, in order
        self.key = (str(report.org), report.year, report.period)
        given = report.self_reference
        self.self: Any = given if given else Fact(self_reference(str(report.org)), report.org.source)
        self.government = self_reference(str(report.org)) in GOVERNMENT_SELF
        name = _TRAILING.sub("", str(report.org).strip()) or str(report.org)
        self.unit_kind = "government" if self.government else \
            "service" if any(w in name for w in SERVICE_WORDS) else "department"
        field = _MISSION_EXCEPT.sub("", name)  # 省农业科学院 is not a school
        self._missions = next((said for words, said in MISSIONS if any(w in field for w in words)), ())

    # -- choices ---------------------------------------------------------------------------
    def choice(self, slot: str, n: int) -> int:
        """A stable index in range(n) for this sheet and slot."""
        return _seed(*self.key, slot) % max(1, int(n))

    def phrase(self, part: str, candidates: Iterable[str]) -> str:
        """The candidate the learned reports of `part` use most; by the sheet's seed among equals."""
        options = [str(c) for c in candidates]
        if not options:
            return ""
        bank = {p.text: p.df for p in self.outline.phrases.get(part, [])}
        best = max(bank.get(o, 0) for o in options)
        pool = [o for o in options if bank.get(o, 0) == best]
        return pool[self.choice(f"phrase:{part}:{'|'.join(options)}", len(pool))]

    def mission(self) -> str:
        """What a school or a health unit says after its guidance (全面贯彻党的教育方针 …), or ""
        for a unit of no such field; among a field's wordings by the sheet's seed."""
        if not self._missions:
            return ""
        return self._missions[self.choice("overview.mission", len(self._missions))]

    def spirit(self, needed: bool = False) -> str:
        """The opening's spirit phrase for this kind of unit, or "" for none; `needed` when the
        sentence has no other verb for the unit (then never "")."""
        pool = [p for p in SPIRITS[self.unit_kind] if p or not needed] or [NEEDED_SPIRIT]
        return pool[self.choice("overview.spirit", len(pool))]

    def lead_in(self, part: str) -> str:
        """The learned lead-in sentence of `part` fitting this period (most reports first), or ""."""
        found = self.outline.part(part)
        lead_ins = list(getattr(found, "lead_ins", None) or []) if found is not None else []
        half = self.report.half_year
        fitting = [p for p in lead_ins if _fits(p.text, half)]
        if not fitting:
            return ""
        best = max(p.df for p in fitting)
        pool = [p for p in fitting if p.df == best]
        text = pool[self.choice(f"lead_in:{part}", len(pool))].text
        text = text.replace("{year}", str(self.report.year)).replace("{next_year}", str(self.report.next_year))
        # The opening already starts 一年来/上半年: a part must not start the same way again.
        text = _OPENING_WORDS.sub("", text) or text
        return text if text[-1:] in "。：:！" else text.rstrip("，,；;") + "："

    def theme_shapes(self, part: str, themes: Sequence[Any]) -> List[str]:
        """One shape per theme: the first in the classic mould that sets the part's tone, the
        rest rotated from the sheet's seed, never the same twice in a row when another shape
        fits, and only shapes the theme's facts can fill."""
        start = self.choice(f"shapes:{part}", len(THEME_SHAPES))
        out: List[str] = []
        for i, theme in enumerate(themes):
            if i == 0:
                out.append("classic")
                continue
            fits = [s for s in _rotation(start + i) if _shape_fits(s, theme)]
            pick = next((s for s in fits if not out or s != out[-1]), fits[0] if fits else "classic")
            if pick == "plain" and len(_points(theme)) == 2 and self.choice(f"pair:{part}:{i}", 2):
                pick = "pair"
            out.append(pick)
        return out

    # -- facts about the draft ------------------------------------------------------------
    @property
    def title_says_report(self) -> bool:
        """A title of the 关于…情况的报告 kind: the opening then says 报告如下, never 汇报如下."""
        return self.report.title is not None and "报告" in str(self.report.title)

    def kind(self, part: Any) -> str:
        """The kind of a part of `others` (other.j2: `voice.kind(part)`)."""
        return other_kind(str(getattr(part, "title", "")))

    def has(self, part: str) -> bool:
        return part in self.parts

    @property
    def title_promises_plan(self) -> bool:
        """Whether the title (the user's, or ours, which always names the plan) names a plan."""
        title = self.report.title
        return title is None or any(w in str(title) for w in PLAN_WORDS)


def _rotation(start: int) -> List[str]:
    n = len(THEME_SHAPES)
    return [THEME_SHAPES[(start + k) % n] for k in range(n)]


def _points(theme: Any) -> list:
    return [p for p in getattr(theme, "points", []) if str(p).strip()]


def _shape_fits(shape: str, theme: Any) -> bool:
    points = _points(theme)
    if shape == "approach_first":
        return bool(getattr(theme, "approach", None)) and bool(points)
    if shape == "plain":
        return len(points) >= 2
    return True


def _fits(text: str, half_year: bool) -> bool:
    if half_year:
        return "{next_year}" not in text and "{year}年" not in text and "一年来" not in text \
            and "明年" not in text and "新的一年" not in text
    return not any(w in text for w in ("上半年", "下半年", "半年"))

