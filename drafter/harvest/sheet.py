"""A report's outline (as `analyze` finds it) → the report's own fact sheet, each value with its source.

The tree gives the parts; here each part's text is cut into what the sheet holds: the opening
formula (在…的坚强领导下 / 以…为指导) into `report`, theme headings into approach + title where
they have the 以X为Y form, 一是…二是… items and sentences into points, sentences made only of
figure clauses into figures (read by `grammar`), problems into title + detail, plan items.
Every value is paired with the line or paragraph it came from; what is not in the report is
left `null` with a note saying so.  jieba is used only to list numbers that stand inside a
sentence (``对62所学校开展…``), which stay in the point's text rather than becoming figures that
a draft would state a second time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..corpus.extract import extract
from ..corpus.readers import Document
from ..outline.analyze import analyze_document
from ..outline.classify import Vocabulary
from ..outline.segment import paragraphs
from ..outline.tree import Report, Section
from . import grammar
from .numbers import inline_numbers

Path = Tuple[Any, ...]

_APPROACH = re.compile(
    r"^(?P<a>(?:坚持|始终|持续|着力)?以.{2,30}?为(?:抓手|统领|引领|根本|关键|基础|载体|导向|突破口|突破|保障|核心|重点|主线|"
    r"目标|契机|中心|动力|支撑|龙头|着力点|切入点|落脚点|出发点|牵引|依托|指导|遵循|基石|主题|手段|途径|平台|前提|支点))"
    r"[，,、](?P<t>.{2,})$")
_LEADERSHIP = re.compile(r"在(?P<x>[^，。；]{2,40}?)的(?:坚强|正确|亲切|大力|有力|精心)?(?:领导|指导)下")
_GUIDANCE = re.compile(r"以(?P<x>[^，。；]{4,60}?)为(?:指导|指引|根本遵循)")
_THEME = re.compile(r"紧紧围绕(?P<x>[^，。；]{2,40})")
_REPORT_AS = re.compile(r"现将.{0,40}(?:如下|报告|汇报)|汇报如下|报告如下|总结如下")
_ITEM = re.compile(r"(?:^|(?<=[。；;：:，]))\s*([一二三四五六七八九十]{1,3}是|一方面|另一方面)")
_ORG_SUFFIX = (r"(?:教育体育局|教育文体局|教育局|卫生健康委员会|卫健委|卫生健康局|委员会|办事处|人民政府|政府|"
               r"支行|分行|银行|党支部|支部|党委|村委会|居委会|"
               r"局|委|办|厅|处|院|中心|街道|镇|乡|村|学校|中学|小学|幼儿园|医院|公司|社区|站|所|馆)")
_ORG_IN_OPENING = re.compile(rf"(?:领导下|指导下|支持下|以来|年来|上半年|年)，(?P<x>[\u4e00-\u9fff]{{2,16}}?{_ORG_SUFFIX})"
                             r"(?:坚持|紧紧|始终|认真|按照|围绕|以|全面|深入|积极|扎实|聚焦|立足|在|把|将|牢牢|锚定|持续|主动|切实)")
_ORG_WORD = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,8}?(?:局|办事处|委员会)|(?:[省市区县])?[\u4e00-\u9fff]{2,4}(?:局|办事处)")
_TITLE_ORG = re.compile(rf"^(?:篇\s*\d+\s*[：:]\s*)?(?P<x>[^：:]{{2,30}}?{_ORG_SUFFIX})(?:关于)?(?:(?:19|20)\d\d|上半年|年度|全年|工作)")
_SPEAKER_ORG = re.compile(rf"(?:我|我们)?代表(?P<x>[\u4e00-\u9fff]{{2,16}}?{_ORG_SUFFIX})(?:党组|班子)?(?:作|向)")
_PLACEHOLDER_ORG = re.compile(r"[xX×＊*]{2,}|^[xX*]")  # 某某 is a name the report gives (validate warns)
_DATE = re.compile(r"((?:19|20)\d\d)\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
_SOURCE_DATE = re.compile(r"成文日期\s*[：:]\s*((?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?)")
_HALF = re.compile(r"上半年|半年")
_INTRO = re.compile(r"[：:]$|^(?:在肯定成绩的同时|虽然|但是|同时|当然|回顾|总的来看|成绩的取得)|突出表现|主要表现|具体如下|"
                    r"存在.{0,12}(?:问题|不足|困难)$")
_RESULT_WORDS = re.compile(r"获评|荣获|获得|评为|入选|位居|位列|排名|名列|列入|授予|评审|验收|达标|认定|命名")
_FORMULA = re.compile(r"领导下|指导下|为指导|紧紧围绕|现将|汇报|报告如下|取得了?.{0,6}成效|奠定了?.{0,4}基础")
_MASKS = (re.compile(r"(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])"), re.compile(r"×{2,}|[＊]+|(?<![0-9A-Za-z])\*+(?![0-9A-Za-z])"),
          re.compile(r"[○〇]{2,}"))
MAX_ITEMS = 200  # bound on points kept per theme: a collapsed web page can hold thousands of sentences


@dataclass
class Harvest:
    """The sheet as plain data, a note per path (its source or why it is null), and what was seen."""

    sheet: Dict[str, Any]
    notes: Dict[Path, str] = field(default_factory=dict)
    figures: int = 0
    inline: int = 0


class _Lines:
    """Where each paragraph of the analysed text stands in the file."""

    def __init__(self, doc: Document) -> None:
        self.kind = "段" if doc.kind == "docx" else "行"
        self.by_text: Dict[str, List[int]] = {}
        for para in paragraphs(extract(doc).body):
            self.by_text.setdefault(para.norm.strip(), []).append(para.line)

    def line(self, text: str, fallback: int) -> int:
        found = self.by_text.get(text.strip())
        return found[0] if found else fallback


class Builder:
    def __init__(self, doc: Document, report: Report, source_name: str) -> None:
        self.doc = doc
        self.report = report
        self.name = source_name
        self.lines = _Lines(doc)
        self.out = Harvest({})

    # -- notes ---------------------------------------------------------------------------
    def note(self, path: Path, line: Optional[int], extra: str = "") -> None:
        where = f"来自 {self.name} 第 {line} {self.lines.kind}" if line else f"来自 {self.name}"
        self.out.notes[path] = where + (f"；{extra}" if extra else "")

    def missing(self, path: Path, why: str) -> None:
        self.out.notes[path] = why

    # -- text units ----------------------------------------------------------------------
    def units(self, section: Section) -> List[Tuple[str, int]]:
        """(text, line) of each item (一是…) or sentence of a section's own body."""
        return [(text, line) for text, line, _ in self.pieces(section)]

    def pieces(self, section: Section) -> List[Tuple[str, int, bool]]:
        """(text, line, is an enumerated item) of each item or sentence of a section's own body."""
        out: List[Tuple[str, int, bool]] = []
        for n, para in enumerate(section.body):
            line = section.line if n == 0 and section.run_in else self.lines.line(para, section.line)
            for piece, item in split_pieces(para):
                out.append((piece, line, item))
        return out[:MAX_ITEMS]

    def listed(self, section: Section) -> List[Tuple[str, int]]:
        """The items of a part written as one text: its 一是… items when it has them (the words
        around them lead in or sum up), else its sentences without a lead-in."""
        pieces = self.pieces(section)
        if any(item for _, _, item in pieces):
            return [(t, line) for t, line, item in pieces if item]
        return [(t, line) for t, line, _ in pieces if not (_INTRO.search(t) and len(pieces) > 1)]

    def theme(self, section: Section, path: Path) -> Optional[Dict[str, Any]]:
        text = section.text.strip()
        if not text:
            return None
        item: Dict[str, Any] = {}
        m = _APPROACH.match(text)
        if m:
            item["title"] = grammar_strip(m.group("t"))
            item["approach"] = m.group("a")
            self.note(path + ("approach",), section.line)
        else:
            item["title"] = grammar_strip(text)
        self.note(path + ("title",), section.line)
        points: List[Any] = []
        figures: List[Dict[str, Any]] = []
        units = self.pieces(section)
        if "approach" not in item and units:  # {title}。{approach}，A；B。 (the approach opens the body)
            first = _APPROACH.match(units[0][0])
            if first:
                item["approach"] = first.group("a")
                self.note(path + ("approach",), units[0][1])
                units[0] = (first.group("t"), units[0][1], units[0][2])
        for child in section.children:
            head = grammar_strip(child.text)
            body = "。".join(t for t, _ in self.units(child))
            units.append(((head + "。" + body) if body else head, child.line, True))
        for text_, line, enumerated in units:
            reads, other = grammar.read_figures(text_)
            if reads and not other and not enumerated:  # a sentence made of figures only
                for read in reads:
                    fpath = path + ("figures", len(figures))
                    figures.append(grammar.describe(read))
                    self.figure_note(fpath, read, line)
                continue
            ppath = path + ("points", len(points))
            lead, tail = trailing_figures(text_, reads, other)
            if lead is not None:  # 实施…工程，新建支部12个，比上年增加4个 → {text, figures}
                points.append({"text": lead, "figures": [grammar.describe(r) for r in tail]})
                self.note(ppath + ("text",), line)
                for k, read in enumerate(tail):
                    self.figure_note(ppath + ("figures", k), read, line)
                stated = [r.text for r in reads if r not in tail] + inline_numbers(lead, reads)
            else:
                points.append(text_)
                stated = [r.text for r in reads] + inline_numbers(text_, reads)
            self.out.inline += len(stated)
            if lead is None or stated:
                self.note(ppath if lead is None else ppath + ("text",), line,
                          ("含数据（留在句中）：" + "、".join(stated)) if stated else "")
        if points:
            item["points"] = points
        if figures:
            item["figures"] = figures
        if not points and not figures:
            return None  # a heading without text (a truncated page) is no theme
        return item

    def figure_note(self, path: Path, read: grammar.FigureRead, line: int) -> None:
        self.out.figures += 1
        if read.previous is not None:
            extra = ""
        elif read.comparisons:
            extra = "上年数值：报告只给出增长率，无法准确推算，请填写"
        else:
            extra = "上年数值：报告中没有，请填写"
        self.note(path, line, extra)

    # -- parts ---------------------------------------------------------------------------
    def add_theme(self, section: Section, key: str) -> None:
        items = self.out.sheet.setdefault(key, [])
        theme = self.theme(section, (key, len(items)))
        if theme is not None:
            items.append(theme)

    def work_part(self, section: Section) -> None:
        """主要工作 or 特色亮点: a part heading whose subsections are themes, or a theme itself."""
        if not (section.children and section.level <= 1):
            self.add_theme(section, "highlights" if section.canonical == "highlights" else "achievements")
            return
        for child in section.children:
            if child.canonical in ("problems", "plan", "other"):
                self.part(child)
            elif child.canonical == "highlights" and section.canonical != "highlights" and child.children:
                for grandchild in child.children:  # （二）特色亮点工作 nested in 主要工作
                    self.add_theme(grandchild, "highlights")
            else:
                self.add_theme(child, "highlights" if "highlights" in (child.canonical, section.canonical)
                               else "achievements")

    def problems(self, section: Section) -> None:
        items = self.out.sheet.setdefault("problems", [])
        sources = [(grammar_strip(c.text), "".join(t for t, _ in self.units(c)), c.line) for c in section.children]
        if not sources:
            for text, line in self.listed(section):
                title, detail = split_title(text)
                sources.append((title, detail, line))
        for title, detail, line in sources:
            if not title:
                continue
            path: Path = ("problems", len(items))
            item = {"title": title, "detail": detail or None}
            self.note(path + ("title",), line)
            if detail:
                self.note(path + ("detail",), line)
            else:
                self.missing(path + ("detail",), "报告中没有写具体表现，请补充")
            items.append(item)

    def plans(self, section: Section) -> None:
        plans = self.out.sheet.setdefault("plans", {"intro": None})
        items = plans.setdefault("items", [])
        children = section.children
        if not children:
            pairs = [(split_title(t), line) for t, line in self.listed(section)]
            entries = [(title, [detail] if detail else [], line) for (title, detail), line in pairs]
        else:
            entries = []
            for child in children:
                sub = [t for t, _ in self.units(child)]
                sub += [grammar_strip(g.text) + ("。" + "".join(t for t, _ in self.units(g)) if g.body else "")
                        for g in child.children]
                entries.append((grammar_strip(child.text), [s for s in sub if s], child.line))
        for title, points, line in entries:
            if not title:
                continue
            path: Path = ("plans", "items", len(items))
            item: Dict[str, Any] = {"title": title}
            self.note(path + ("title",), line)
            if points:
                item["points"] = points[:MAX_ITEMS]
                for n in range(len(item["points"])):
                    self.note(path + ("points", n), line)
            items.append(item)
        if not items:
            del plans["items"]

    def other(self, section: Section) -> None:
        items = self.out.sheet.setdefault("others", [])
        points = [t for t, _ in self.units(section)]
        points += [grammar_strip(c.text) for c in section.children if c.text.strip()]
        title = grammar_strip(section.text) or "其他"
        if not points:
            return
        path: Path = ("others", len(items))
        self.note(path + ("title",), section.line)
        items.append({"title": title, "points": points[:MAX_ITEMS]})

    def part(self, section: Section) -> None:
        if section.canonical in ("achievements", "highlights"):
            self.work_part(section)
        elif section.canonical == "problems":
            self.problems(section)
        elif section.canonical == "plan":
            self.plans(section)
        elif section.canonical == "other":
            self.other(section)

    # -- report and overview -------------------------------------------------------------
    def opening(self, section: Optional[Section]) -> None:
        sheet = self.out.sheet
        report = sheet["report"]
        overview: Dict[str, Any] = {}
        if section is None:
            return
        text = "".join(section.body)
        line = section.line
        for key, pattern in (("leadership", _LEADERSHIP), ("guidance", _GUIDANCE)):
            m = pattern.search(text)
            if m and not _PLACEHOLDER_ORG.search(m.group("x")):
                report[key] = m.group("x")
                self.note(("report", key), self.lines.line(self._para_of(section, m.group(0)), line))
        m = _THEME.search(text)
        if m:
            overview["theme"] = m.group("x")
            self.note(("overview", "theme"), self.lines.line(self._para_of(section, m.group(0)), line))
        results: List[str] = []
        for para in section.body:
            for sentence in split_units(para):
                if _REPORT_AS.search(sentence):
                    continue
                # 成效与荣誉 are the clauses that name an honour or a figure, wherever they stand
                for clause in sentence.split("，"):
                    clause = grammar_strip(clause)
                    if len(clause) < 6 or _FORMULA.search(clause):
                        continue
                    if _RESULT_WORDS.search(clause) or grammar.read_figures(clause)[0]:
                        self.note(("overview", "results", len(results)), self.lines.line(para, line))
                        results.append(clause)
        if results:
            overview["results"] = results[:MAX_ITEMS]
        if overview:
            sheet["overview"] = overview

    @staticmethod
    def _para_of(section: Section, fragment: str) -> str:
        return next((p for p in section.body if fragment in p), section.body[0] if section.body else "")

    def report_fields(self, opening: Optional[Section]) -> None:
        found = extract(self.doc)
        closing = [r.norm.strip() for r in found.closing]
        closing_lines = [r.line for r in found.closing]
        title = self.report.title_norm or ""
        report: Dict[str, Any] = {}
        self.out.sheet["report"] = report
        title_line = found.title_line
        # 单位: the signature, else the title, else the opening, else the most named organisation
        org, org_line = None, None
        if len(closing) == 2 and not _PLACEHOLDER_ORG.search(closing[0]):
            org, org_line = closing[0], closing_lines[0]
        if org is None:
            m = _TITLE_ORG.match(title)
            if m and not _PLACEHOLDER_ORG.search(m.group("x")):
                org, org_line = m.group("x"), title_line
        opening_text = "".join(opening.body) if opening else ""
        if org is None or len(org) <= 4:
            m = _ORG_IN_OPENING.search(opening_text[:600])
            if m and not _PLACEHOLDER_ORG.search(m.group("x")) and len(m.group("x")) > len(org or ""):
                org, org_line = m.group("x"), opening.line if opening else None
        if org is None:
            m = _SPEAKER_ORG.search(opening_text[:400])  # 下面，我代表县教育局作工作报告
            if m:
                org, org_line = m.group("x"), opening.line if opening else None
        if org is None:
            org, org_line = self.frequent_org()
        inferred = None
        if org is None:
            inferred = self.inferred_org(title, opening_text)
            org, org_line = inferred, None
        year = self.report.year
        half = bool(_HALF.search(title)) or bool(re.match(r"^(?:(?:19|20)\d\d年)?上半年", opening_text))
        report["org"] = org
        if inferred:
            self.missing(("report", "org"), f"报告中没有写明单位：按标题和“在…领导下”推断为“{inferred}”，请核对")
        elif org:
            self.note(("report", "org"), org_line)
        else:
            self.missing(("report", "org"), "报告中没有找到单位名称，请填写")
        report["year"] = year
        if year:
            self.note(("report", "year"), title_line or (opening.line if opening else None))
        else:
            self.missing(("report", "year"), "报告中没有找到总结的年度，请填写")
        report["period"] = "first-half" if half else "annual"
        report["title"] = self.report.title.strip() if self.report.title else None
        if report["title"]:
            self.note(("report", "title"), title_line)
        report["leadership"] = None
        report["guidance"] = None
        self.missing(("report", "leadership"), "报告开头没有“在…的领导下”，请填写")
        self.missing(("report", "guidance"), "报告开头没有“以…为指导”，可留空")
        date, date_line = None, None
        if closing:
            m = _DATE.search(closing[-1])
            if m:
                date, date_line = f"{m.group(1)}-{int(m.group(2))}-{int(m.group(3))}", closing_lines[-1]
        if date is None:
            for number, text in self.doc.lines[:80]:
                m = _SOURCE_DATE.search(text)
                if m:
                    d = _DATE.search(m.group(1))
                    if d:
                        date, date_line = f"{d.group(1)}-{int(d.group(2))}-{int(d.group(3))}", number
                    break
        if date is not None and year and not (year <= int(date[:4]) <= year + 1):
            date = None
        if date is not None:
            report["date"] = date
            self.note(("report", "date"), date_line)
        elif year:
            # The schema needs a date: the end of the period, marked as not read from the report.
            report["date"] = f"{year}-06-30" if half else f"{year}-12-31"
            self.missing(("report", "date"), "报告中没有成文日期：暂填所总结时期的最后一天，请改为实际日期")
        else:
            report["date"] = None
            self.missing(("report", "date"), "报告中没有成文日期，请填写")
        if len(closing) == 2:
            report["signature"] = closing[0]
            self.note(("report", "signature"), closing_lines[0])
        else:
            report["signature"] = None
            self.missing(("report", "signature"), "报告末尾没有落款，留空则用单位全称")

    @staticmethod
    def inferred_org(title: str, opening: str) -> Optional[str]:
        """教育工作情况汇报 under 在县委、县政府的领导下 → 县教育局 (said so in the note)."""
        topic = re.match(r"^(?:(?:19|20)\d\d年)?([\u4e00-\u9fff]{2,6}?)工作", title)
        level = re.search(r"在(省|市|区|县|州|旗|镇|乡)(?:委|政府)", opening)
        if not topic or not level:
            return None
        return f"{level.group(1)}{topic.group(1)}局"

    def frequent_org(self) -> Tuple[Optional[str], Optional[int]]:
        counts: Dict[str, int] = {}
        first: Dict[str, int] = {}
        for section in self.report.walk():
            for para in section.body[:50]:
                for m in _ORG_WORD.finditer(para):
                    name = m.group(0)
                    if len(name) >= 4 and not _PLACEHOLDER_ORG.search(name) and not name.startswith(("在", "由", "各", "全")) \
                            and not re.search(r"政府|党委|[省市区县]委|人大|政协|中央|国务院", name):
                        counts[name] = counts.get(name, 0) + 1
                        first.setdefault(name, self.lines.line(para, section.line))
        if not counts:
            return None, None
        best = max(counts, key=lambda n: (counts[n], len(n)))
        return (best, first[best]) if counts[best] >= 2 else (None, None)

    def build(self) -> Harvest:
        sections = self.report.sections
        opening = next((s for s in sections if s.canonical == "overview" and s.level == 0), None)
        self.report_fields(opening)
        self.opening(opening)
        for section in sections:
            if section is opening:
                continue
            self.part(section)
        if not self.out.sheet.get("achievements"):
            self.out.sheet["achievements"] = [{"title": "（报告中没有读出主要工作，请填写）", "points": ["请填写"]}]
            self.missing(("achievements", 0, "title"), "报告中没有读出主要工作的主题，请按实际填写")
        if "plans" in self.out.sheet and not self.out.sheet["plans"].get("items"):
            del self.out.sheet["plans"]
        for key in ("highlights", "problems", "others", "overview"):
            if not self.out.sheet.get(key, True):  # a part found empty: the schema wants it absent
                del self.out.sheet[key]
        self.out.sheet = self.unmask(self.out.sheet, ())
        return self.out

    def unmask(self, node: Any, path: Path) -> Any:
        """A report's own placeholders (xxx区, **学院) become 某, and the note keeps the original:
        a sheet with placeholders cannot pass validation, and the user must fill the name anyway."""
        if isinstance(node, dict):
            return {k: self.unmask(v, path + (k,)) for k, v in node.items()}
        if isinstance(node, list):
            return [self.unmask(v, path + (i,)) for i, v in enumerate(node)]
        if not isinstance(node, str):
            return node
        from ..facts.rules import find_placeholder

        text = node
        for pattern in _MASKS:
            text = pattern.sub("某", text)
        if text != node or find_placeholder(text):
            if find_placeholder(text):
                text = re.sub(r"【\s*待补充[^】]*】?", "", text) or "（请填写）"
            before = self.out.notes.get(path, "")
            self.out.notes[path] = (before + "；" if before else "") + f"原文“{_short(node)}”中有占位符，已改作“某”，请填写实际内容"
        return text


def trailing_figures(text: str, reads: Sequence[grammar.FigureRead], other: Sequence[Tuple[int, int]]
                     ) -> Tuple[Optional[str], List[grammar.FigureRead]]:
    """(the point's own words, the figures that follow them) when the point ends in figure
    statements (what the renderer writes for a point with figures), else (None, []): the point
    then stays one string.  Figures before the last plain clause stay in the words."""
    if not reads or not other:
        return None, []
    last = max(b for _, b in other)
    tail = [r for r in reads if r.start >= last]
    if not tail:
        return None, []
    lead = grammar_strip(text[: tail[0].start])
    return (lead, tail) if lead else (None, [])


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def grammar_strip(text: str) -> str:
    return text.strip().rstrip("。；;，,：: ").strip()


def split_title(text: str) -> Tuple[str, str]:
    """A problem or plan item without a heading of its own: its first clause is the title."""
    text = grammar_strip(text)
    m = re.search(r"[。；：]", text)
    if m and 4 <= m.start() <= 40:
        return grammar_strip(text[: m.start()]), grammar_strip(text[m.end():])
    m = re.search(r"，", text)
    if m and 4 <= m.start() <= 30:
        return grammar_strip(text[: m.start()]), grammar_strip(text[m.end():])
    return text, ""


def split_units(para: str) -> List[str]:
    return [text for text, _ in split_pieces(para)]


def split_pieces(para: str) -> List[Tuple[str, bool]]:
    """(text, is an enumerated item) for the 一是…；二是… items and the other sentences of a
    paragraph, closing punctuation removed."""
    text = para.strip()
    items = list(_ITEM.finditer(text))
    items = [m for k, m in enumerate(items) if _ordinal_ok(items, k)]
    if not items:
        return [(s, False) for s in _sentences(text)]
    out: List[Tuple[str, bool]] = [(s, False) for s in _sentences(text[: items[0].start()])]
    for k, m in enumerate(items):
        end = items[k + 1].start() if k + 1 < len(items) else len(text)
        piece = text[m.end():end]
        if k + 1 == len(items):  # the last item ends at its sentence's end; the rest is text
            stop = piece.find("。")
            if stop != -1:
                out.append((grammar_strip(piece[:stop]), True))
                out.extend((s, False) for s in _sentences(piece[stop + 1:]))
                continue
        out.append((grammar_strip(piece), True))
    return [(t, item) for t, item in out if t]


def _ordinal_ok(items: List["re.Match[str]"], k: int) -> bool:
    from ..corpus.markers import cn_to_int

    word = items[k].group(1)
    if word in ("一方面", "另一方面"):
        return (word == "一方面") == (k == 0) and (k == 0 or items[0].group(1) == "一方面")
    n = cn_to_int(word[:-1])
    return n is not None and (n == k + 1 or k > 0)


def _sentences(text: str) -> List[str]:
    """Sentences, and the parallel clauses of a sentence joined by ；(A；B。)."""
    out = []
    for piece in re.split(r"(?<=[。！？!?；;])", text):
        piece = grammar_strip(piece)
        if len(piece) >= 2:
            out.append(piece)
    return out


def harvest(doc: Document, vocabulary: Optional[Vocabulary], source_name: str) -> Harvest:
    report = analyze_document(doc, vocabulary or Vocabulary())
    return Builder(doc, report, source_name).build()
