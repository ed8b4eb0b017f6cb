"""The questions `drafter new` asks, declared as data, in the order of the fact sheet.

Checks use the same functions as `drafter validate` (`drafter.facts.rules`), so an answer
accepted here never becomes an error there.  Defaults come from last year's sheet when
`--from` is given, else from today's date.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from ..facts import rules
from .model import Context, Group, Question, Questionnaire, Section

PERIODS = [("annual", "年度总结"), ("first-half", "上半年总结")]


# -- checks ---------------------------------------------------------------------------------
def no_placeholder(value: Any, ctx: Context) -> Optional[str]:
    found = rules.find_placeholder(value) if isinstance(value, str) else None
    return found[2] + "，请填写实际内容" if found else None


def check_year(value: Any, ctx: Context) -> Optional[str]:
    if not 2000 <= value <= 2100:
        return "请写四位数字的年份，例如 2024"
    return rules.year_problem(value, ctx.today)


def check_date(value: Any, ctx: Context) -> Optional[str]:
    parsed, why = rules.parse_date(value)
    if parsed is None:
        return why
    report = ctx.sheet.get("report", {})
    found = rules.date_problem(parsed, report.get("year", parsed.year), report.get("period", "annual"))
    return found[1] if found and found[0] == "error" else None


def _titles(ctx: Context, *keys: str) -> List[str]:
    found = []
    for key in keys:
        items = ctx.sheet.get(key, []) if key != "plans" else ctx.sheet.get("plans", {}).get("items", [])
        found += [rules.title_key(i.get("title", "")) for i in items if isinstance(i, dict)]
    return found


def unique_title(*keys: str) -> Any:
    def check(value: Any, ctx: Context) -> Optional[str]:
        if rules.title_key(value) in _titles(ctx, *keys):
            return "前面已经有同样的标题了，请换一个，或把两项合并"
        return no_placeholder(value, ctx)
    return check


def check_percent(value: Any, ctx: Context) -> Optional[str]:
    if rules.is_percent(ctx.item.get("unit")):
        return rules.percent_problem(ctx.item.get("label"), value)
    return None


# -- defaults -------------------------------------------------------------------------------
def default_year(ctx: Context) -> int:
    # January to June one writes last year's annual summary, later this year's.
    return ctx.seeded("report.year") or (ctx.today.year - 1 if ctx.today.month <= 6 else ctx.today.year)


def default_date(ctx: Context) -> Optional[str]:
    today = ctx.today.isoformat()
    return None if check_date(today, ctx) else today


def _year_word(ctx: Context, *, plan: bool = False) -> str:
    report = ctx.sheet.get("report", {})
    if report.get("period") == "first-half":
        return "下半年" if plan else "上半年"
    year = report.get("year", ctx.today.year)
    return f"{year + 1}年" if plan else f"{year}年"


# -- the questions --------------------------------------------------------------------------
def _figure_questions(*, carried: bool = False) -> tuple:
    value_prompt = (lambda c: f"今年的数值（{c.candidate['label']}，单位：{c.candidate['unit'] or '无'}；直接回车表示今年不写这项）"
                    if carried else "今年的数值（只写数字）")
    questions = [] if carried else [
        Question("label", "数据名称（如：引进各类人才）", required=True, validator=no_placeholder),
        Question("unit", "单位（如：人、个、万元、%；没有单位直接回车）"),
    ]
    questions.append(Question("value", value_prompt, "number", required=not carried, validator=check_percent))
    if not carried:
        questions.append(Question("previous", "上年的数值（与今年同一单位；不知道就直接回车）", "number",
                                  validator=check_percent))
    return tuple(questions)


def _theme_questions() -> tuple:
    return (
        Question("title", "成效（小标题，如：党建统领作用进一步发挥）", required=True,
                 default=lambda c: c.candidate["title"] if c.candidate else None,
                 validator=unique_title("achievements", "highlights")),
        Question("approach", "抓手（“以…为…”，如：以政治建设为统领；可留空）", validator=no_placeholder),
        Question("points", "具体做法和成效（每行一条，写完直接回车结束）", "list", min_items=1,
                 help=lambda c: ("去年的打算是：" + "；".join(c.candidate["points"])) if c.candidate and c.candidate["points"] else "",
                 validator=no_placeholder),
        Group("figures", "数据", _figure_questions(),
              start_prompt="这项工作有要写的数据吗（如人数、金额、百分比）？",
              more_prompt="还有别的数据吗？"),
    )


def _carried_figures(ctx: Context) -> Sequence[Dict[str, Any]]:
    return ctx.seed.figures if ctx.seed else []


def _carried_item(candidate: Dict[str, Any]) -> Dict[str, Any]:
    return {k: candidate[k] for k in ("label", "unit", "previous")} | {"last_theme": candidate.get("theme")}


def _theme_choices(ctx: Context) -> List[tuple]:
    return [(str(i + 1), t["title"]) for i, t in enumerate(ctx.sheet.get("achievements", []))]


def _theme_default(ctx: Context) -> str:
    titles = [rules.title_key(t["title"]) for t in ctx.sheet.get("achievements", [])]
    last = rules.title_key(ctx.item.get("last_theme") or "")
    return str(titles.index(last) + 1) if last in titles else "1"


def finish(sheet: Dict[str, Any]) -> Dict[str, Any]:
    """Put last year's figures under the theme chosen for each; keep the sheet's field order."""
    for figure in sheet.pop("carried", []):
        theme = sheet["achievements"][int(figure["theme"]) - 1]
        theme.setdefault("figures", []).append(
            {"label": figure["label"], "value": figure["value"], "unit": figure["unit"], "previous": figure["previous"]})
    return sheet


QUESTIONNAIRE = Questionnaire(sections=(
    Section("一、基本情况", field="report", items=(
        Question("org", "单位全称（如：青山区教育体育局）", required=True,
                 default=lambda c: c.seeded("report.org"), validator=no_placeholder),
        Question("year", "总结年度（四位数字）", "int", required=True, default=default_year, validator=check_year),
        Question("period", "总结类型", "choice", required=True, choices=PERIODS,
                 default=lambda c: c.seeded("report.period") or "annual"),
        Question("title", "标题（直接回车则自动生成）", keep_empty=True, validator=no_placeholder),
        Question("leadership", "领导机关（“在…的坚强领导下”，如：区委、区政府）", keep_empty=True,
                 default=lambda c: c.seeded("report.leadership"), validator=no_placeholder),
        Question("guidance", "指导思想（“坚持以…为指导”；可留空）", keep_empty=True,
                 default=lambda c: c.seeded("report.guidance"), validator=no_placeholder),
        Question("date", "成文日期（如 2025-01-10）", "date", required=True, default=default_date,
                 validator=check_date),
        Question("signature", "落款单位（直接回车则用单位全称）", keep_empty=True,
                 default=lambda c: c.seeded("report.signature"), validator=no_placeholder),
    )),
    Section("二、开头概述", field="overview", intro="开头一段不加标题，写全年工作主线和主要成效。", items=(
        Question("theme", "全年工作主线（“紧紧围绕…”，如：建设“宜学青山”；可留空）",
                 default=lambda c: c.seeded("overview.theme"), validator=no_placeholder),
        Question("results", "主要成效和荣誉（每行一条，写完直接回车结束；没有就直接回车）", "list",
                 validator=no_placeholder),
    )),
    Section("三、主要工作", intro="每项主要工作是一个主题：成效作小标题，再写具体做法和数据。一般写 3～6 项。", items=(
        Group("achievements", "主要工作", _theme_questions(), min_items=1,
              more_prompt=lambda c: f"还要再写一项主要工作吗？（已写 {len(c.sheet.get('achievements', []))} 项）",
              more_default=lambda count: count < 3,
              candidates=lambda c: c.seed.candidates if c.seed else [],
              candidate_prompt=lambda cand, i: f"去年工作打算第 {i + 1} 项：“{cand['title']}”。今年把它写成一项主要工作吗？"),
    )),
    Section("上年数据", condition=lambda c: bool(c.seed and c.seed.figures),
            intro="去年的事实表中有以下数据：逐项填写今年的数值（去年的数值会作为“上年数值”），再选择放在哪一项主要工作下。",
            items=(
                Group("carried", "上年数据", (
                    Question("value", lambda c: f"{c.item['label']}：去年 {c.item['previous']}"
                                                f"{c.item['unit']}，今年的数值（直接回车表示今年不写）",
                             "number", validator=check_percent),
                    Question("theme", "放在哪一项主要工作下", "choice", required=True, choices=_theme_choices,
                             default=_theme_default, condition=lambda c: c.item.get("value") is not None),
                ), candidates=_carried_figures, start_item=_carried_item, item_header=False,
                    keep=lambda item: item.get("value") is not None),
            )),
    Section("四、特色亮点工作", items=(
        Group("highlights", "特色亮点工作", _theme_questions(),
              start_prompt="有要单独写的特色亮点工作吗？", more_prompt="还要再写一项特色亮点工作吗？"),
    )),
    Section("五、存在的问题和不足", intro="一般写 2～4 个问题：先概括问题，再写具体表现。", items=(
        Group("problems", "问题", (
            Question("title", "问题（如：城区学位供给仍然紧张）", required=True, validator=unique_title("problems")),
            Question("detail", "具体表现（可留空，初稿中会标出【待补充】）", validator=no_placeholder),
        ), start_prompt="要写存在的问题和不足吗？", start_default=True, more_prompt="还要再写一个问题吗？",
            more_default=lambda count: count < 2),
    )),
    Section("六、下一步工作打算", field="plans", items=(
        Group("items", "工作打算", (
            Question("title", lambda c: f"{_year_word(c, plan=True)}的一项工作打算（如：聚焦党建引领，推动高质量发展）",
                     required=True, validator=unique_title("plans")),
            Question("points", "具体措施（每行一条，写完直接回车结束）", "list", min_items=1, validator=no_placeholder),
        ), start_prompt=lambda c: f"要写{_year_word(c, plan=True)}的工作打算吗？", start_default=True,
            more_prompt="还要再写一项工作打算吗？", more_default=lambda count: count < 3),
    )),
    Section("七、其他部分", items=(
        Group("others", "其他部分", (
            Question("title", "这一部分的标题（如：获得市级以上荣誉）", required=True, validator=unique_title("others")),
            Question("points", "内容（每行一段，写完直接回车结束）", "list", min_items=1, validator=no_placeholder),
        ), start_prompt="还有要单独成为一部分的内容吗（如获得荣誉、机遇和挑战）？", more_prompt="还要再写一个部分吗？"),
    )),
), finish=finish)
