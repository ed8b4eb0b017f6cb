"""Checks beyond the schema: plausible facts, nothing empty or repeated, nothing left unfilled.

Runs after the schema check on the same data and looks only at values of the right type
(a wrong type is already an error), so one mistake is never reported twice.  Errors are
facts that would make a wrong or broken draft; warnings are gaps the draft will show as
【待补充】 or that usually mean something was forgotten (see `rules` for the thresholds).
"""
from __future__ import annotations

import re
import math
from datetime import date
from functools import lru_cache
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from ..limits import NUMBER_MAX_ABS, NUMBER_MIN_ABS
from . import rules
from .findings import ERROR, WARNING, PathKey, Problem
from .schema import Checker
from .yamlload import LoadedYaml, Mark

THEME_LISTS = ("achievements", "highlights")
# Characters a value may not hold: C0 controls other than tab/newline/CR, lone surrogates, and
# the Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF), which drafter uses as its own
# hidden marks.  Private-use characters (造字, GBK user-defined) are allowed.  Every one of them
# is unprintable (`str.isprintable`), so the pattern is compiled, and run, only for a text that
# holds an unprintable character (a newline, an ideographic space …).
UNUSABLE_CHARACTER = ("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                      + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                for plane in range(1, 17)) + "]")


@lru_cache(maxsize=1)
def _unusable() -> "re.Pattern[str]":
    return re.compile(UNUSABLE_CHARACTER)


def unusable_character(text: str) -> "Optional[re.Match[str]]":
    """The first character of `text` that no value may hold (see `UNUSABLE_CHARACTER`), if any."""
    return None if text.isprintable() else _unusable().search(text)


def _character_problem(ch: str, after: str = "") -> str:
    code = f"U+{ord(ch):04X}"
    if 0xD800 <= ord(ch) <= 0xDBFF and after[:1] and 0xDC00 <= ord(after[0]) <= 0xDFFF:
        whole = (ch + after[0]).encode("utf-16", "surrogatepass").decode("utf-16")
        return (f"这里把一个字符写成了两个代理转义（{code} U+{ord(after[0]):04X}），YAML 不会把它们合成一个字符；"
                f"请直接写出这个字符“{whole}”，或写成 \\U{ord(whole):08X}")
    if 0xD800 <= ord(ch) <= 0xDFFF:
        return f"这里有一个不成对的代理字符（{code}），它不是一个完整的字符，无法写进 Word 文档"
    if ord(ch) < 0x20:
        return f"这里有一个不可见的控制字符（{code}），无法写进 Word 文档"
    if 0xFDD0 <= ord(ch) <= 0xFDEF:
        return f"这里有一个 Unicode 非字符（{code}），它不表示任何文字，drafter 内部用作隐藏标记，不能出现在事实表中"
    return f"这里有一个 Unicode 非字符（{code}），它不表示任何文字，无法写进 Word 文档"


FEW_ACHIEVEMENTS = 3
SHEET = Mark(1, 1)  # a problem of the sheet as a whole (something missing): no line to show


class _Checks:
    def __init__(self, loaded: LoadedYaml, checker: Checker, today: date) -> None:
        self.loaded = loaded
        self.data: Dict[str, Any] = loaded.data
        self.checker = checker
        self.today = today
        self.out: List[Problem] = []

    # -- helpers -------------------------------------------------------------------------
    def add(self, severity: str, code: str, message: str, path: PathKey, mark: Optional[Mark] = None,
            hint: Optional[str] = None) -> None:
        """A problem at `mark` (default: the value at `path`); `SHEET` means the sheet as a whole."""
        whole = mark is SHEET
        mark = mark or self.loaded.mark(path)
        schema = self.checker.subschema(path)
        self.out.append(Problem(severity, code, message, path, mark.line if mark else None,
                                mark.column if mark else None, hint, schema.get("title") if schema else None,
                                None if whole else self.loaded.excerpt(mark)))

    def key_mark(self, path: PathKey) -> Optional[Mark]:
        return self.loaded.key_marks.get(path) or self.loaded.mark(path)

    def get(self, *path: Any) -> Any:
        node: Any = self.data
        for part in path:
            if isinstance(part, int):
                node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            else:
                node = node.get(part) if isinstance(node, dict) else None
        return node

    def items(self, *path: Any) -> Iterator[Tuple[PathKey, Dict[str, Any]]]:
        value = self.get(*path)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield tuple(path) + (index,), item

    @staticmethod
    def blank(value: Any) -> bool:
        return value is None or (isinstance(value, str) and not value.strip()) or value == [] or value == {}

    # -- checks --------------------------------------------------------------------------
    def run(self) -> List[Problem]:
        self.report()
        self.texts(self.data, ())
        self.themes()
        self.sections()
        self.duplicates()
        self.gaps()
        return self.out

    def report(self) -> None:
        year, period, written = self.get("report", "year"), self.get("report", "period"), self.get("report", "date")
        year_ok = isinstance(year, int) and not isinstance(year, bool) and 2000 <= year <= 2100
        if year_ok:
            why = rules.year_problem(year, self.today)
            if why:
                self.add(ERROR, "check.year", why, ("report", "year"))
        if not isinstance(written, str) or not rules.date_form(written.strip()):
            return  # missing or malformed: the schema said so
        parsed, why = rules.parse_date(written)
        if parsed is None:
            self.add(ERROR, "check.date", f"日期不存在：{why}", ("report", "date"))
        elif year_ok and period in (None, "annual", "first-half"):
            found = rules.date_problem(parsed, year, period or "annual")
            if found:
                self.add(found[0], "check.date-period", found[1], ("report", "date"),
                         hint="成文日期写这份总结定稿的日期" if found[0] == ERROR else None)

    def texts(self, node: Any, path: PathKey) -> None:
        """Every text of the sheet: leftover placeholders and sample wording."""
        if isinstance(node, dict):
            for key, value in node.items():
                self.texts(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self.texts(value, path + (index,))
        elif isinstance(node, (int, float)) and not isinstance(node, bool):
            bounded = self.checker.subschema(path) or {}
            why = None if "maximum" in bounded and "minimum" in bounded else number_problem(node)  # the schema's range says it
            if why:
                self.add(ERROR, "check.number", why[0], path, hint=why[1])
        elif isinstance(node, str):
            if path and path[-1] == "unit" and any(ch.isdecimal() for ch in node):
                self.add(ERROR, "check.unit-digit", f"单位“{node}”里有数字：单位只写计量单位，数值写在 value 中", path,
                         hint="例如 value: 35 和 unit: 人；“35人”会被读成单位，初稿里就成了“12.635人”")
            bad = unusable_character(node)
            if bad:
                # Marks in the draft are noncharacters, and XML cannot hold the rest: refuse
                # them here, at their line, rather than drop them silently when rendering.
                self.add(ERROR, "check.character", _character_problem(bad.group(), node[bad.end():bad.end() + 1]), path,
                         self._inner_mark(path, bad.group()), hint="删除这个字符；它多半是从别处复制时带进来的")
                return
            found = rules.find_placeholder(node)
            if found:
                self.add(ERROR, "check.placeholder", found[2], path, self._inner_mark(path, found[1]),
                         hint="填写实际内容；暂时没有的，删掉这一项，初稿会在相应位置标出【待补充】")
            elif rules.sample_word(node):
                word = rules.sample_word(node)
                self.add(WARNING, "check.sample-text", f"“{word}”像是示例文字，请换成实际名称", path,
                         self._inner_mark(path, word))

    def _inner_mark(self, path: PathKey, found: str) -> Optional[Mark]:
        """The column of `found` inside the value when it stands on the value's own line."""
        mark = self.loaded.mark(path)
        if mark is None or mark.line > len(self.loaded.lines):
            return mark
        column = self.loaded.lines[mark.line - 1].find(found, mark.column - 1)
        return Mark(mark.line, column + 1) if column >= 0 else mark

    def themes(self) -> None:
        for key in THEME_LISTS:
            for path, theme in self.items(key):
                if self.blank(theme.get("points")) and self.blank(theme.get("figures")):
                    # A warning, not an error: the draft keeps the title and marks the body 【待补充】.
                    self.add(WARNING, "check.title-only",
                             "这项工作只有标题，还没有具体做法（points）或数据（figures），初稿中将出现【待补充】",
                             path, hint="在下面加上 points:（每条做法一行“- …”）或 figures:")
                for fpath, figure in self.items(*path, "figures"):
                    self.figure(fpath, figure)
                for ppath, _point in self.items(*path, "points"):  # a point written as {text, figures}
                    for fpath, figure in self.items(*ppath, "figures"):
                        self.figure(fpath, figure)

    def figure(self, path: PathKey, figure: Dict[str, Any]) -> None:
        value: Any = figure.get("value")
        previous: Any = figure.get("previous")
        unit: Any = figure.get("unit")
        numbers = [(name, v) for name, v in (("value", value), ("previous", previous))
                   if isinstance(v, (int, float)) and not isinstance(v, bool)]
        numbers = [(name, n) for name, n in numbers if number_problem(n) is None]  # others: an error already
        for name, number in numbers:
            if rules.is_percent(unit):
                why = rules.percent_problem(figure.get("label"), number)
                if why:
                    self.add(ERROR, "check.percent", why, path + (name,),
                             hint="百分数写 99.6 而不是 0.996；增长率等变化量请在名称中写明“增长”")
        finite = [n for _, n in numbers]
        if "previous" not in figure or previous is None:
            self.add(WARNING, "check.no-previous", "没有上年数值（previous），初稿不会写出与上年的比较", path,
                     hint="加上 previous: 上年数值（与今年同一单位）")
        elif len(finite) == 2 and rules.is_percent(unit) and rules.percent_scale_mismatch(value, previous):
            self.add(WARNING, "check.percent-scale",
                     f"今年 {value}% 与上年 {previous}% 相差几十倍以上：是否有一个按小数写了（百分数写 99.6 而不是 0.996）？",
                     path + ("value",))
        elif len(finite) == 2 and rules.unit_mismatch(value, previous):
            self.add(WARNING, "check.unit-mismatch",
                     f"今年 {value} 与上年 {previous} 相差几百倍以上，请确认两者单位相同（都以“{unit or '同一单位'}”计）",
                     path + ("previous",), hint="上年数值要先换算成今年的单位，例如元换算成万元")

    def sections(self) -> None:
        overview = self.get("overview")
        if isinstance(overview, dict) and self.blank(overview.get("theme")) and self.blank(overview.get("results")):
            self.add(WARNING, "check.empty-overview", "开头概述是空的，初稿开头的主要成效处将出现【待补充】",
                     ("overview",), self.key_mark(("overview",)), hint="填写 theme（工作主线）或 results（主要成效和荣誉）")
        plans = self.get("plans")
        if isinstance(plans, dict) and self.blank(plans.get("intro")) and self.blank(plans.get("items")):
            self.add(ERROR, "check.empty-section", "下一步工作打算是空的：请填写 items，或删掉这一项",
                     ("plans",), self.key_mark(("plans",)))
        for path, part in self.items("others"):
            if self.blank(part.get("points")):
                self.add(ERROR, "check.empty-section", "这一部分只有标题，没有内容（points）", path)

    def duplicates(self) -> None:
        groups: List[List[PathKey]] = [[("achievements",), ("highlights",)], [("problems",)], [("plans", "items")],
                                       [("others",)]]
        for group in groups:
            seen: Dict[str, Tuple[PathKey, str]] = {}
            for base in group:
                for path, item in self.items(*base):
                    title = item.get("title")
                    if not isinstance(title, str) or not title.strip():
                        continue
                    key = rules.title_key(title)
                    if key in seen:
                        first = self.loaded.mark(seen[key][0] + ("title",))
                        where = f"第 {first.line} 行" if first else "前面"
                        self.add(ERROR, "check.duplicate-title", f"与{where}的标题“{seen[key][1]}”重复",
                                 path + ("title",), hint="合并这两项，或改写其中一个标题")
                    else:
                        seen[key] = (path, title.strip())
                    self.duplicate_points(path + ("points",))
        self.duplicate_points(("overview", "results"))

    def duplicate_points(self, path: PathKey) -> None:
        points = self.get(*path)
        if not isinstance(points, list):
            return
        seen: Dict[str, int] = {}
        for index, point in enumerate(points):
            if isinstance(point, dict):  # {text: …, figures: …}
                point = point.get("text")
            if not isinstance(point, str) or not point.strip():
                continue
            key = rules.title_key(point)
            if key in seen:
                first = self.loaded.mark(path + (seen[key],))
                self.add(WARNING, "check.duplicate-point", f"与第 {first.line if first else '?'} 行的内容重复",
                         path + (index,))
            else:
                seen[key] = index

    def gaps(self) -> None:
        """What the draft will show as 【待补充】 or what a summary usually has."""
        report = self.get("report")
        if isinstance(report, dict) and self.blank(report.get("leadership")):
            self.add(WARNING, "check.no-leadership", "没有填写领导机关（leadership），初稿开头“在…的坚强领导下”处将出现【待补充】",
                     ("report", "leadership"), self.key_mark(("report",)), hint="例如 leadership: 区委、区政府")
        achievements = self.get("achievements")
        if isinstance(achievements, list) and 0 < len(achievements) < FEW_ACHIEVEMENTS:
            self.add(WARNING, "check.few-achievements",
                     f"主要工作只有 {len(achievements)} 项；年度总结一般写 3～6 项", ("achievements",),
                     self.key_mark(("achievements",)))
        if "problems" not in self.data:
            self.add(WARNING, "check.no-problems", "没有列出存在的问题和不足（problems），初稿中这一部分将是【待补充】",
                     ("problems",), SHEET, hint="总结一般要写 2～4 个问题，例如 problems: [{title: …, detail: …}]")
        for path, problem in self.items("problems"):
            if self.blank(problem.get("detail")):
                self.add(WARNING, "check.no-detail", "这个问题没有具体表现（detail），初稿中将出现【待补充】", path)
        plans = self.get("plans")
        if "plans" not in self.data:
            self.add(WARNING, "check.no-plans", "没有下一步工作打算（plans），初稿中这一部分将是【待补充】",
                     ("plans",), SHEET, hint="例如 plans: {items: [{title: …, points: [ … ]}]}")
        elif isinstance(plans, dict) and not self.blank(plans.get("intro")) and "items" not in plans:
            self.add(WARNING, "check.no-plans", "只有引语，没有具体打算（items），初稿中将出现【待补充】",
                     ("plans",), self.key_mark(("plans",)))
        for path, item in self.items("plans", "items"):
            if self.blank(item.get("points")):
                self.add(WARNING, "check.no-points", "这项打算没有具体措施（points），初稿中将出现【待补充】", path)


def shown_number(number: Union[int, float]) -> str:
    """A number as a message shows it: a 400-digit integer is cut to its first digits and length."""
    if isinstance(number, int):
        digits = str(abs(number))
        if len(digits) > 20:
            return f"{'-' if number < 0 else ''}{digits[:6]}…（共 {len(digits)} 位）"
        return str(number)
    return repr(number)


def number_problem(number: Union[int, float]) -> Optional[Tuple[str, str]]:
    """(message, hint) for a number no report can state (bounds in `drafter.limits`), else None."""
    if isinstance(number, float) and not math.isfinite(number):
        return "应为一个具体的数，而这里是无穷大或非数（.inf/.nan）", "填写实际数值"
    if abs(number) > NUMBER_MAX_ABS:
        return (f"数值 {shown_number(number)} 太大（绝对值超过 10 的 15 次方），不像是统计数字",
                "请检查是否多打了数字；金额很大时可以换用“万元”“亿元”作单位")
    if number and abs(number) < NUMBER_MIN_ABS:
        return (f"数值 {shown_number(number)} 太小（绝对值小于百万分之一），不像是统计数字",
                "请检查数值；很小的数可以换用更小的单位，比率可以写成百分数（unit: %）")
    return None


def semantic_problems(loaded: LoadedYaml, checker: Checker, today: date) -> List[Problem]:
    return _Checks(loaded, checker, today).run()
