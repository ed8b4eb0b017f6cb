"""Numbers and enumerations as a Chinese report writes them.

Every number in a draft passes through here: figures with their comparison to last year,
amounts in the unit a report uses, and 成文日期 in Arabic numerals.  Pure functions, no
Jinja or docx.  (Heading numerals live in `drafter.numerals`.)

Figure phrasing is a list of small named rules (`RULES`, tried in order by `phrase_figure`);
each rule's wording is one template in `PHRASES`, so a reader of drafts (`drafter extract`,
`drafter check`) parses a clause back with the same table (`drafter.harvest.phrases`, which
also keeps the wordings this module used to write, so older drafts and reports still read).
The rules:

1. Kind.  A *rate* has the unit %, ％ or ‰, or a label ending 率/占比/覆盖率/比重/比例; a
   *level* names a 浓度、分数、得分、水平、指数、均值、平均、寿命、满意度, or is a *duration* (a time
   unit 天/小时/分钟… and a label such as 平均住院日、办结时限、等候时间); a *count* has a counting
   unit (个、人、所、项、件、次 …); everything else is an *amount* (元, 万元, 吨, 亩 …).
2. Rates change by 个百分点 (‰: 个千分点), never by a percentage of themselves, with 提高/下降.
   A rate may exceed 100 (完成率105%).  100% both years is 保持100%; 0 both years is
   继续保持为零; reaching 100% is 达到100%; falling to 0 is 降为零.  A growth rate (a label
   ending 增长/增速/增幅) compares its 增幅: 增长6.5%，增幅比上年提高0.7个百分点; a negative
   growth is a fall: 营业收入增长 -3.2% → 营业收入下降3.2%，增幅比上年回落8个百分点.
3. Verbs fit the quantity: counts and amounts 增加/减少 (and 增长/下降 for the percentage);
   rates and levels 提高/下降; durations 缩短/延长.  A level changes by its absolute difference only.
4. Absolute or relative by kind: a small count (both years below `SMALL_COUNT`) reads
   由上年的8个增至12个 (one in three, by index, 12个，较上年增加4个, so three in a draft are not one
   mould; never a percentage); aggregates (amounts, larger counts) read 比上年增加2523万元，增长5.5%.
5. No percentage unless both years are positive, so no “增长…%” from zero and never a fall of
   100% or more.  A sign change reads 由上年盈利20万元转为亏损35万元 for a profit-like label
   (利润、盈利、结余 …) and 由上年的20万元变为-35万元 otherwise; two losses read 减亏/增亏.  A fall
   just short of 100% keeps the decimals it needs (下降99.95%) rather than rounding to 100.0%.
6. Zeros read as a writer writes them: an event (事故、案件、火灾 …) at 0 is 全年未发生…; another
   figure cleared to 0 is …比上年减少3个，实现清零 (the comparison, then the result); 0 in both
   years is 与上年同为零 — never “0个，与上年持平”.  Up from 0 is new, never a percentage: a
   label that builds or wins (新建、引进、获评 …) 实现零的突破，达到3个, anything else 2起，上年为零
   (so a bad thing is never a 突破).  Event zeros in one sentence say 全年 once, and plain ones
   side by side are one clause (`in_one_sentence`: 全年未发生A、B和C; 全年未发生A，未发生B，比上年减少3起).
7. Units: the figures a clause states (this year's value, and last year's when it is written)
   share one unit, chosen so that the larger is at least 1 and every number stays exact with at
   most two decimals (48143万元 stays 万元; 12500万元 becomes 1.25亿元).  A difference is written
   by its own size, in that unit or a smaller one, as a writer does: 1.25亿元，比上年减少500万元;
   3.2万人，比上年增加800人; 1.2万亩，增加2500亩 (0.0537亿元 is 537万元, 0.05371亿元 537.1万元).  人均
   amounts are written in 元; 万吨/万亩/万人 (万件, 万次 …) below 1 in 吨/亩/人 (件, 次 …).  Arithmetic is decimal and exact:
   a figure the user gave is never rounded; only the derived percentage is (half-up, 1 place).
   A label ending in its own two-character unit says it once: 门急诊人次 38.6万人次 →
   门急诊38.6万人次 (the number and unit untouched; one-character units such as 人 are left,
   since 参训人 → 参训 would change the words).
8. The comparison word varies with the figure's index in the draft (比上年 / 同比 / 较上年;
   half-year: 同比 / 比去年同期 / 较去年同期), so the same sheet always gives the same draft.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Dict, Iterable, Optional, Sequence, Tuple, Union

# Heading numerals live in drafter.numerals so that outline code can use them without compose.
from ..numerals import cn_numeral, number_marker  # noqa: F401  (re-exported for compose and templates)
from ..record import record, replace

Number = Union[int, float]


# -- kinds -------------------------------------------------------------------------------------
PERCENT_UNITS = ("%", "％")
PERMILLE_UNITS = ("‰",)
RATE_ENDINGS = ("率", "占比", "覆盖率", "比重", "比例")
LEVEL_WORDS = ("浓度", "分数", "得分", "评分", "水平", "指数", "均值", "平均", "寿命", "满意度")
COUNT_UNITS = frozenset("个人家所项件次户名支座条场批台套辆起例篇部本间张册处栋幢株棵份宗届班位种门期") | {
    "人次", "场次", "户次", "件次", "家次", "批次", "架次"}
PROFIT_WORDS = ("利润", "盈利", "盈亏", "结余", "收支", "损益", "净收益", "经营收益")
EVENT_WORDS = ("事故", "案件", "事件", "火灾", "火情", "疫情", "伤亡", "死亡", "纠纷", "上访", "信访", "越级访", "违法", "违纪",
               "违规", "投诉", "灾害", "险情", "命案", "刑事案", "群体性")
GROWTH_ENDINGS = ("增长", "增速", "增幅")
# A label starting so counts something built or won: up from zero it is 实现零的突破.
BREAKTHROUGH_STARTS = ("新建", "新增", "建成", "创建", "创成", "引进", "获评", "获得", "获批", "培育", "打造", "开通",
                       "开设", "开展", "落地", "签约", "吸引", "招引", "新开")
# A duration (its unit a time unit, its label a time it takes) falls as 缩短 and rises as 延长.
TIME_UNITS = ("天", "日", "个工作日", "工作日", "小时", "分钟", "秒", "周", "个月", "月", "年")
DURATION_WORDS = ("住院日", "时限", "时间", "时长", "周期", "用时", "耗时", "等候", "等待", "办结", "审批", "工期",
                  "天数", "日数", "年限")
TOTAL_WORDS = ("累计", "总", "志愿", "服务时长", "培训")  # 志愿服务时长12万小时 is an amount, not a duration
SMALL_COUNT = 100  # counts below this in both years read 由8个增至12个 rather than 增长50.0%
SMALL_COUNT_PLAIN = 2  # …and one in three (by the figure's index) 12个，较上年增加4个, so a draft varies

# Units a clause may be rewritten in: (unit, how many of the base unit it holds).
UNIT_SCALES: Dict[str, Tuple[Tuple[str, Union[int, Decimal]], ...]] = {
    "元": (("亿元", 10**8), ("万元", 10**4), ("元", 1)),
    "万元": (("亿元", 10**4), ("万元", 1), ("元", Decimal("0.0001"))),
    "亿元": (("亿元", 1), ("万元", Decimal("0.0001"))),
    "万吨": (("万吨", 1), ("吨", Decimal("0.0001"))),
    "万亩": (("万亩", 1), ("亩", Decimal("0.0001"))),
    "万人": (("万人", 1), ("人", Decimal("0.0001"))),
    "万人次": (("万人次", 1), ("人次", Decimal("0.0001"))),
    "万户": (("万户", 1), ("户", Decimal("0.0001"))),
}
# Any other 万 + counting unit (万件, 万次, 万册 …) is written like 万人: 2.36万件，增加7800件.
UNIT_SCALES.update({f"万{u}": ((f"万{u}", 1), (u, Decimal("0.0001"))) for u in sorted(COUNT_UNITS)
                    if f"万{u}" not in UNIT_SCALES})
PER_CAPITA = "人均"

VERSUS = {False: ("比上年", "同比", "较上年"), True: ("同比", "比去年同期", "较去年同期")}
BASE = {False: "上年", True: "去年同期"}  # 由上年的8个增至12个 / 与去年同期持平

# The wording of every rule; {versus} is one of VERSUS, {base} one of BASE.
PHRASES: Dict[str, str] = {
    "plain": "{label}{value}",
    "rate_reach": "{label}达到{value}",
    "rate_keep_full": "{label}保持{value}",
    "rate_keep_zero": "{label}继续保持为零",
    "rate_points": "{label}{value}，{versus}{updown}{diff}个{points}",
    "rate_reach_points": "{label}达到{value}，{versus}提高{diff}个{points}",
    "rate_to_zero": "{label}降为零，{versus}下降{diff}个{points}",
    "growth_points": "{label}{value}，增幅{versus}{updown}{diff}个{points}",  # label 增长 → 下降 below 0
    "growth_same": "{label}{value}，增幅与{base}持平",
    "same": "{label}{value}，与{base}持平",
    "event_none": "{period}未发生{label}",
    "event_none_down": "{period}未发生{label}，{versus}减少{diff}",
    "zero": "{label}为零",
    "zero_both": "{label}与{base}同为零",
    "cleared": "{label}{versus}减少{diff}，实现清零",  # the comparison first, then the result
    "turn": "{label}由{base}{was}{previous}转为{now}{value}",
    "loss_change": "{label}亏损{value}，{versus}{lessmore}{diff}",
    "loss": "{label}亏损{value}",
    "loss_same": "{label}亏损{value}，与{base}持平",
    "signed_from_to": "{label}由{base}的{previous}变为{value}",
    "from_zero": "{label}实现零的突破，达到{value}",  # something built or won, up from nothing
    "from_zero_none": "{label}{value}，{base}为零",  # anything else up from nothing: no percentage
    "small_count": "{label}由{base}的{previous}{toverb}{value}",
    "level_change": "{label}{value}，{versus}{updown}{diff}",
    "change_pct": "{label}{value}，{versus}{moreless}{diff}，{growfall}{pct}%",
    "change": "{label}{value}，{versus}{moreless}{diff}",
}


@record(frozen=True)
class FigureFacts:
    """One figure with everything the rules look at."""

    label: str
    value: Decimal
    unit: str
    previous: Optional[Decimal]
    half_year: bool
    index: int

    @property
    def kind(self) -> str:
        if self.unit in PERCENT_UNITS + PERMILLE_UNITS or self.label.endswith(RATE_ENDINGS):
            return "rate"
        if self.duration:
            return "level"  # changes by its difference, no percentage
        if any(w in self.label for w in LEVEL_WORDS):
            return "level"
        return "count" if self.unit in COUNT_UNITS else "amount"

    @property
    def duration(self) -> bool:
        return (self.unit in TIME_UNITS and any(w in self.label for w in DURATION_WORDS)
                and not any(w in self.label for w in TOTAL_WORDS))

    def updown(self, up: bool) -> str:
        """提高/下降; a duration 延长/缩短."""
        if self.duration:
            return "延长" if up else "缩短"
        return "提高" if up else "下降"

    @property
    def diff(self) -> Decimal:
        assert self.previous is not None
        return self.value - self.previous

    def words(self, **extra: str) -> Dict[str, str]:
        return {"label": self.label, **extra, "versus": VERSUS[self.half_year][self.index % 3],
                "base": BASE[self.half_year], "period": "上半年" if self.half_year else "全年"}


@record(frozen=True)
class Phrase:
    rule: str  # a key of PHRASES
    text: str


def _say(rule: str, **words: str) -> Phrase:
    return Phrase(rule, PHRASES[rule].format(**words))


def _decimal(value: Number) -> Decimal:
    return Decimal(str(value))


def format_number(value: Union[Number, Decimal], places: Optional[int] = None) -> str:
    """35 → 35; 35.0 → 35; 1311.60 → 1311.6; with `places` rounded half-up to that many."""
    d = value if isinstance(value, Decimal) else _decimal(value)
    if places is not None:
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return f"{d:f}"
    if d == d.to_integral_value():
        return f"{d.to_integral_value():f}"
    return f"{d.normalize():f}"


def _exact(d: Decimal) -> bool:
    """Readable in a report: at most two decimals, so nothing is rounded to fit."""
    return d == d.quantize(Decimal("0.01"))


def choose_unit(numbers: Sequence[Decimal], unit: str, label: str = "") -> Tuple[str, Decimal]:
    """(unit, factor) to write all `numbers` of one clause in: the largest unit in which the
    largest number is at least 1 and every number exact with two decimals; 人均 amounts in 元."""
    scales = UNIT_SCALES.get(unit)
    if not scales:
        return unit, Decimal(1)
    if PER_CAPITA in label and unit.endswith("元"):
        scales = tuple(s for s in scales if s[0] == "元") or scales
    top = max((abs(n) for n in numbers), default=Decimal(0))
    for name, given in scales:
        factor = Decimal(given)
        if (top / factor >= 1 or name == scales[-1][0]) and all(_exact(n / factor) for n in numbers):
            return name, factor
    return unit, Decimal(1)


def format_amount(value: Number, unit: str, label: str = "") -> str:
    """An amount in the unit a report would use: 12500万元 → 1.25亿元, 0.35万人 → 3500人.

    Conversions are exact: 48143万元 stays 48143万元 rather than becoming 4.8143亿元 or a
    rounded 4.81亿元, so no figure of the sheet is lost or changed in the draft.
    """
    d = _decimal(value)
    name, factor = choose_unit([d], unit or "", label)
    return format_number(d / factor) + name


def _writer(f: FigureFacts, *numbers: Decimal) -> Callable[[Decimal], str]:
    """How this clause writes an amount: one unit for all its numbers (rule 7)."""
    if f.kind == "rate" and f.unit not in UNIT_SCALES:  # a 率 in 万元 is still an amount of money
        return lambda d: format_number(d) + f.unit
    name, factor = choose_unit(list(numbers), f.unit, f.label)
    return lambda d: format_number(d / factor) + name


def _diff_writer(f: FigureFacts, *stated: Decimal) -> Callable[[Decimal], str]:
    """How a difference is written next to the `stated` figures (rule 7): in their unit when it
    reads as at least 1 there, else in the largest smaller unit where it does (1.25亿元 → 减少500万元),
    always exact, so 0.05371亿元 is 537.1万元 and never a rounded 537万元."""
    if f.kind == "rate" and f.unit not in UNIT_SCALES:
        return _writer(f)
    scales = [(n, Decimal(g)) for n, g in UNIT_SCALES.get(f.unit, ())]
    if PER_CAPITA in f.label and f.unit.endswith("元"):
        scales = [s for s in scales if s[0] == "元"] or scales
    if stated:  # never in a larger unit than the figure beside it (48143万元，增加10000万元, not 1亿元)
        top = choose_unit(list(stated), f.unit, f.label)[1]
        scales = [s for s in scales if s[1] <= top] or scales

    def write(d: Decimal) -> str:
        for unit, given in scales:
            if abs(d) / given >= 1 and _exact(d / given):
                return format_number(d / given) + unit
        for unit, given in reversed(scales):  # below 1 even in the smallest unit (0.4元): as it is
            if _exact(d / given):
                return format_number(d / given) + unit
        return format_number(d) + f.unit  # exact in the unit the user gave
    return write


# -- the rules, in the order they are tried -------------------------------------------------
def rule_growth(f: FigureFacts) -> Optional[Phrase]:
    """A growth rate (…增长6.5%): a fall reads 下降3.2%; it compares as 增幅比上年提高/回落…个百分点."""
    if f.kind != "rate" or not f.label.endswith(GROWTH_ENDINGS) or f.unit not in PERCENT_UNITS + PERMILLE_UNITS:
        return None
    label, value = f.label, f.value
    if value < 0 and label.endswith("增长"):
        label, value = label[:-2] + "下降", -value
    show = _writer(f)
    points = "千分点" if f.unit in PERMILLE_UNITS else "百分点"
    if f.previous is None:
        return _say("plain", **f.words(label=label, value=show(value)))
    if f.diff == 0:
        return _say("growth_same", **f.words(label=label, value=show(value)))
    return _say("growth_points", **f.words(label=label, value=show(value), updown="提高" if f.diff > 0 else "回落",
                                           diff=format_number(abs(f.diff)), points=points))


def rule_rate(f: FigureFacts) -> Optional[Phrase]:
    """Rates compare in 个百分点 / 个千分点, never as a percentage of themselves (rule 2)."""
    if f.kind != "rate":
        return None
    show = _writer(f)
    if f.unit not in PERCENT_UNITS + PERMILLE_UNITS:  # a 率 given as a plain number: as a level
        return None
    points = "千分点" if f.unit in PERMILLE_UNITS else "百分点"
    full = f.unit in PERCENT_UNITS and f.value == 100
    if f.previous is None:
        return _say("rate_reach" if full else "plain", **f.words(value=show(f.value)))
    if f.diff == 0:
        if full:
            return _say("rate_keep_full", **f.words(value=show(f.value)))
        if f.value == 0:
            return _say("rate_keep_zero", **f.words())
        return _say("same", **f.words(value=show(f.value)))
    diff = format_number(abs(f.diff))
    if f.value == 0:
        return _say("rate_to_zero", **f.words(diff=diff, points=points))
    if full and f.diff > 0:
        return _say("rate_reach_points", **f.words(value=show(f.value), diff=diff, points=points))
    return _say("rate_points", **f.words(value=show(f.value), updown="提高" if f.diff > 0 else "下降",
                                         diff=diff, points=points))


def rule_zero(f: FigureFacts) -> Optional[Phrase]:
    """This year's value is zero: 未发生…, …实现清零, …与上年同为零 (rule 6)."""
    if f.value != 0:
        return None
    event = any(w in f.label for w in EVENT_WORDS)
    down = f.previous is not None and f.previous > 0
    show = _diff_writer(f)  # the difference is last year's value, by its own size
    if event:
        return (_say("event_none_down", **f.words(diff=show(f.previous)))  # type: ignore[arg-type]
                if down else _say("event_none", **f.words()))
    if down:
        return _say("cleared", **f.words(diff=show(f.previous)))  # type: ignore[arg-type]
    if f.previous == 0:
        return _say("zero_both", **f.words())
    return None if f.previous is not None else _say("zero", **f.words())


def rule_sign(f: FigureFacts) -> Optional[Phrase]:
    """A negative value or base: no percentage; 盈利/亏损 for a profit-like label (rule 5)."""
    if f.previous is None:
        if f.value < 0 and any(w in f.label for w in PROFIT_WORDS):
            return _say("loss", **f.words(value=_writer(f, f.value)(abs(f.value))))
        return None
    if f.value >= 0 and f.previous >= 0:
        return None
    show = _writer(f, f.value, f.previous, f.diff)
    profit = any(w in f.label for w in PROFIT_WORDS)
    if f.diff == 0:
        return _say("loss_same", **f.words(value=show(abs(f.value)))) if profit else None  # rule_same
    if not profit:
        said = lambda d: show(d) if d else "零"  # noqa: E731  (由上年的-1人变为零, never 0人)
        return _say("signed_from_to", **f.words(previous=said(f.previous), value=said(f.value)))
    if f.value < 0 and f.previous < 0:
        return _say("loss_change", **f.words(value=_writer(f, f.value)(abs(f.value)),
                                             lessmore="减亏" if f.diff > 0 else "增亏",
                                             diff=_diff_writer(f, f.value)(abs(f.diff))))
    sign = {1: "盈利", -1: "亏损", 0: ""}
    was = sign[(f.previous > 0) - (f.previous < 0)]
    now = sign[(f.value > 0) - (f.value < 0)]
    return _say("turn", **f.words(was=was or "收支平衡", previous=show(abs(f.previous)) if was else "",
                                  now=now or "收支平衡",
                                  value=show(abs(f.value)) if now else ""))


def rule_same(f: FigureFacts) -> Optional[Phrase]:
    if f.previous is None or f.diff != 0:
        return None
    return _say("same", **f.words(value=_writer(f, f.value)(f.value)))


def rule_from_zero(f: FigureFacts) -> Optional[Phrase]:
    """Up from nothing: 实现零的突破 for something built or won, else 上年为零; no percentage (rule 5)."""
    if f.previous != 0:
        return None
    show = _writer(f, f.value)
    won = f.label.startswith(BREAKTHROUGH_STARTS) and not any(w in f.label for w in EVENT_WORDS)
    return _say("from_zero" if won else "from_zero_none", **f.words(value=show(f.value)))


def rule_small_count(f: FigureFacts) -> Optional[Phrase]:
    """A small count reads 由上年的8个增至12个 (rule 4)."""
    if f.kind != "count" or f.previous is None or max(f.value, f.previous) >= SMALL_COUNT:
        return None
    show = _writer(f, f.value, f.previous)
    if f.index % 3 == SMALL_COUNT_PLAIN:  # not every small count 由…增至…: 新建站点6个，较去年同期增加2个
        return _say("change", **f.words(value=show(f.value), moreless="增加" if f.diff > 0 else "减少",
                                        diff=show(abs(f.diff))))
    return _say("small_count", **f.words(previous=show(f.previous), value=show(f.value),
                                         toverb="增至" if f.diff > 0 else "减至"))


def rule_level(f: FigureFacts) -> Optional[Phrase]:
    """A 浓度、分数、水平 … changes by its difference, 提高/下降 (rule 3)."""
    if f.kind not in ("level", "rate") or f.previous is None or f.diff == 0 or 0 in (f.value, f.previous):
        return None  # the same, or a zero: rule_same, rule_zero and rule_sign speak
    show = _writer(f, f.value)
    return _say("level_change", **f.words(value=show(f.value), updown=f.updown(f.diff > 0),
                                          diff=_diff_writer(f, f.value)(abs(f.diff))))


def rule_change(f: FigureFacts) -> Optional[Phrase]:
    """Aggregates: 比上年增加2523万元，增长5.5% (both years positive here, rule 5)."""
    if f.previous is None:
        return None
    show = _writer(f, f.value)
    diff = _diff_writer(f, f.value)(abs(f.diff))
    more = f.diff > 0
    pct = _percentage(abs(f.diff) / f.previous * 100, fall=not more)
    if pct is None:
        return _say("change", **f.words(value=show(f.value), moreless="增加" if more else "减少", diff=diff))
    return _say("change_pct", **f.words(value=show(f.value), moreless="增加" if more else "减少",
                                        diff=diff, growfall="增长" if more else "下降", pct=pct))


def _percentage(pct: Decimal, fall: bool) -> Optional[str]:
    """One decimal, half-up; a fall just short of 100% keeps the places it needs (下降99.95%), so
    rounding never states a fall of 100%.  A change too small to show at one place (增长0.0%,
    a rise that reads as none) gives no percentage: the difference says it."""
    if format_number(pct, 1) == "0.0":
        return None
    for places in range(1, 7):
        text = format_number(pct, places)
        if not fall or Decimal(text) < 100:
            return text
    return None


def rule_plain(f: FigureFacts) -> Optional[Phrase]:
    return _say("plain", **f.words(value=_writer(f, f.value)(f.value)))


RULES: Tuple[Callable[[FigureFacts], Optional[Phrase]], ...] = (
    rule_growth, rule_rate, rule_level, rule_zero, rule_sign, rule_same, rule_from_zero, rule_small_count,
    rule_change, rule_plain,
)


def phrase_figure(label: str, value: Number, unit: str, previous: Optional[Number] = None,
                  half_year: bool = False, index: int = 0) -> Phrase:
    """The first rule that speaks for this figure, with its wording."""
    facts = FigureFacts(label.strip(), _decimal(value), (unit or "").strip(),
                        None if previous is None else _decimal(previous), half_year, index)
    for rule in RULES:
        found = rule(facts)
        if found is not None:
            return _without_doubled_unit(facts, rule, found)
    raise AssertionError("rule_plain always speaks")  # pragma: no cover


def _without_doubled_unit(facts: FigureFacts, rule: Callable[[FigureFacts], Optional[Phrase]],
                          found: Phrase) -> Phrase:
    """门急诊人次38.6万人次 → 门急诊38.6万人次: a label ending in its (two-character) unit, right
    before its number, drops that ending; the number and its unit are never touched."""
    base = facts.unit.lstrip("万亿千百")
    if len(base) < 2 or not facts.label.endswith(base) or len(facts.label) < len(base) + 2:
        return found
    if not PHRASES[found.rule].startswith("{label}{value}"):
        return found
    short = rule(replace(facts, label=facts.label[: -len(base)]))
    return short if short is not None and short.rule == found.rule else found


EVENT_RULES = ("event_none", "event_none_down")
_PERIOD = re.compile(r"^(?:全年|上半年)(?=未发生)")
_NONE = re.compile(r"^(?:全年|上半年)?未发生(?P<label>[^、和，。；]+)$")
EVENT_JOINS = ("、", "和")  # 全年未发生A、B和C; harvest.phrases.split_events reads them apart


def _merges(before: Phrase, phrase: Phrase) -> bool:
    """Two plain event zeros side by side are one clause (全年未发生A和B); one with a comparison
    (未发生B，比上年减少3起) keeps its own, and a label holding 、 or 和 is never merged, so a
    reader splits the merged clause back into exactly its figures."""
    return all(p.rule == "event_none" and _NONE.match(p.text) for p in (before, phrase))


def in_one_sentence(phrases: Sequence[Phrase]) -> list:
    """The texts of figures written in one sentence: an event zero right after another one
    drops its period (全年未发生A，未发生B), since a writer says 全年 once, and plain event zeros
    side by side keep only their labels after the first (全年未发生A + B + C, joined by
    `joiners` as 全年未发生A、B和C).  One text per figure, so each keeps its own source mark."""
    out = []
    for i, phrase in enumerate(phrases):
        if i > 0 and _merges(phrases[i - 1], phrase):
            out.append(_NONE.match(phrase.text).group("label"))  # type: ignore[union-attr]
            continue
        again = i > 0 and phrase.rule in EVENT_RULES and phrases[i - 1].rule in EVENT_RULES
        out.append(_PERIOD.sub("", phrase.text) if again else phrase.text)
    return out


def joiners(phrases: Sequence[Phrase], sep: str) -> list:
    """What goes before each text of `in_one_sentence`: nothing before the first, `sep` between
    clauses, 、 and, before the last of a run of merged event zeros, 和."""
    out = []
    for i in range(len(phrases)):
        if i == 0:
            out.append("")
        elif _merges(phrases[i - 1], phrases[i]):
            last = i + 1 == len(phrases) or not _merges(phrases[i], phrases[i + 1])
            out.append(EVENT_JOINS[1] if last else EVENT_JOINS[0])
        else:
            out.append(sep)
    return out


def one_sentence(phrases: Sequence[Phrase], sep: str = "，") -> str:
    """The figures of one sentence as plain text (what templating writes, without marks)."""
    return "".join(j + t for j, t in zip(joiners(phrases, sep), in_one_sentence(phrases)))


def describe_figure(label: str, value: Number, unit: str, previous: Optional[Number] = None,
                    half_year: bool = False, index: int = 0) -> str:
    """One figure as a clause, with its comparison to the previous year when one is given.

    `index` (the figure's place in the draft) picks the comparison word: 比上年 / 同比 / 较上年.
    """
    return phrase_figure(label, value, unit, previous, half_year, index).text


_END_PUNCT = "。；;，,、.!！？?：:"


def strip_end(text: str) -> str:
    """A clause without its closing punctuation, so we can choose the right one."""
    return text.rstrip().rstrip(_END_PUNCT).rstrip()


def sentence(text: str) -> str:
    """Close a clause with 。 unless it already ends a sentence."""
    text = text.rstrip()
    if not text or text[-1] in "。！？!?…”》）)":
        return text
    return strip_end(text) + "。"


def enumerate_points(points: Sequence[str]) -> str:
    """一是…；二是…。  Points that are whole sentences themselves are joined with 。 instead."""
    items = [p.strip() for p in points if p and p.strip()]
    if not items:
        return ""
    if len(items) == 1:
        return sentence(items[0])
    multi_sentence = any("。" in strip_end(p) for p in items)
    if multi_sentence:
        return "".join(f"{cn_numeral(i)}是{sentence(p)}" for i, p in enumerate(items, 1))
    return "；".join(f"{cn_numeral(i)}是{strip_end(p)}" for i, p in enumerate(items, 1)) + "。"


def join_clauses(clauses: Iterable[str], sep: str = "，") -> str:
    return sep.join(strip_end(c) for c in clauses if c and c.strip())


_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$")


def date_cn(value: str) -> str:
    """成文日期 in Arabic numerals without zero padding: 2025-01-10 → 2025年1月10日."""
    m = _ISO_DATE.match(str(value))
    if not m:
        return str(value)
    y, mth, d = m.groups()
    return f"{y}年{int(mth)}月{int(d)}日"


def year_text(template: str, year: int) -> str:
    """Fill a learned heading variant: ``{year}年工作打算`` → ``2025年工作打算``."""
    return template.replace("{year}", str(year)).replace("{next_year}", str(year + 1))


def cn_list(items: Sequence[str], sep: str = "、") -> str:
    return sep.join(strip_end(i) for i in items if i and i.strip())


def all_filters() -> dict:
    """The filters templates may use, by name."""
    return {
        "cn": cn_numeral,
        "num": format_number,
        "amount": format_amount,
        "sentence": sentence,
        "strip_end": strip_end,
        "points": enumerate_points,
        "clauses": join_clauses,
        "date_cn": date_cn,
        "cn_list": cn_list,
    }


# -- a point that already says its figure's label ------------------------------------------
def _last_clause(said: str) -> str:
    """What a point says after its last separator: the words a figure would follow."""
    return said[max(said.rfind(sep) for sep in "，,；;：:") + 1:]


NEAR_LABEL_EXTRA = 4  # at most this many words of the point's own (各类, 农村) around the label's


def names_label(said: str, label: str) -> bool:
    """Whether a point's last clause already names a figure's label, so the figure may follow it
    without the label: the clause ends with the label, or (a near repeat) ends with the label's
    last two characters — its head noun — and holds every character of the label in order with
    at most NEAR_LABEL_EXTRA more (发布各类预警信号 names 发布预警信号).  The label's meaning is then
    still said by the point; anything looser keeps the label."""
    if not label:
        return False
    if said.endswith(label):
        return True
    clause = _last_clause(said)
    if len(label) < 3 or not clause.endswith(label[-2:]) or clause[:1] != label[:1]:
        return False
    if len(clause) - len(label) > NEAR_LABEL_EXTRA:
        return False
    rest = iter(clause)
    return all(ch in rest for ch in label)


LABEL_OVERLAP_MIN = 4  # characters the point's last words and the label's first must share
MEASURE_ENDS = ("率", "数", "量", "额", "面积", "比例", "占比", "规模", "人次")  # what a rest may measure


def label_tail(said: str, label: str) -> str:
    """What of a figure's label is left to say after a point that ends with the label's first
    words, when the rest only measures them (严打电信网络诈骗 + 电信网络诈骗立案数 → 立案数,
    推行垃圾分类 + 垃圾分类知晓率 → 知晓率); "" when they share less than LABEL_OVERLAP_MIN
    characters or the rest names something of its own (签约服务 + 签约服务重点人群 keeps the label).
    A rest of two characters (人数) keeps the two before it, so it still names what is counted:
    家庭医生签约服务 + …签约服务人数 → 服务人数."""
    clause = _last_clause(said)
    for size in range(min(len(clause), len(label) - 2), LABEL_OVERLAP_MIN - 1, -1):
        if clause.endswith(label[:size]):
            rest = label[size:]
            if not rest.endswith(MEASURE_ENDS):
                return ""
            return rest if len(rest) >= 3 else label[size - 2:]
    return ""
