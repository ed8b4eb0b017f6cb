"""The questions `drafter new` asks, declared as data, in the order of the fact sheet.

Each question names its field in the schema (``report.year``); its Chinese name, examples,
kind of answer and choices come from there (`schemafields`), and every answer is checked by
`drafter validate` itself on the sheet being built (`runner` → `sheetcheck`), so bounds are
never retyped here and an answer accepted here never becomes an error there.  What remains
here is what the schema cannot say: the order, the wording that explains a field to a
first-time user, defaults from last year's sheet (`--from`) or from the date, and checks
whose message is clearer in a conversation (a repeated title, a digit in a unit).

A figure asks its value before its unit: asked the other way round, people typed the number
into the unit ("35人") and the draft said "12.635人".

The default 成文日期 follows the report year: today when today is a plausible date for that
report (for an annual report 1 November of the year to 30 June of the next, for a first-half
report 1 June to 31 December), else 10 January of the next year (annual) or 10 July of the
year (first-half) — the middle of the weeks in which such reports are usually signed.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Optional, Sequence

from ..facts import rules
from .model import Context, Group, PathKey, Question, Questionnaire, Section
from .schemafields import field_info, prompt


def ask(dotted: str, note: str = "", *, name: Optional[str] = None, examples: int = 1, optional: bool = False,
        **options: Any) -> Question:
    """A question for the schema field `dotted`: prompt, kind, choices and bounds from the schema."""
    info = field_info(dotted)
    examples = 0 if info.kind == "choice" else examples  # the choices are listed above the prompt
    options.setdefault("prompt", prompt(dotted, note, name=name, examples=examples, optional=optional))
    options.setdefault("kind", info.kind)
    if info.kind == "choice":
        options.setdefault("choices", list(info.choices))
        if info.default is not None:
            options.setdefault("default", lambda c, d=info.default, key=dotted: c.seeded(key) or d)
    if info.kind == "list" and options.get("required"):
        options.setdefault("min_items", max(1, info.min_items))
    return Question(info.name, **options)


# -- checks ---------------------------------------------------------------------------------
def _titles(ctx: Context, *keys: str) -> List[str]:
    found = []
    for key in keys:
        items = ctx.sheet.get(key, []) if key != "plans" else ctx.sheet.get("plans", {}).get("items", [])
        found += [rules.title_key(i.get("title", "")) for i in items if isinstance(i, dict) and i is not ctx.item]
    return found


def unique_title(*keys: str) -> Any:
    def check(value: Any, ctx: Context) -> Optional[str]:
        if rules.title_key(value) in _titles(ctx, *keys):
            return "前面已经有同样的标题了，请换一个，或把两项合并"
        return None
    return check


def _figures_so_far(ctx: Context) -> List[Dict[str, Any]]:
    """Every figure already in the sheet, with last year's carried ones that got a value."""
    found = [f for key in ("achievements", "highlights") for theme in ctx.sheet.get(key, [])
             for f in theme.get("figures", []) if f is not ctx.item]
    return found + [f for f in ctx.sheet.get("_carried", []) if f.get("value") is not None and f is not ctx.item]


def new_figure(value: Any, ctx: Context) -> Optional[str]:
    """The same figure twice would be stated twice in the draft."""
    if any(rules.title_key(f.get("label", "")) == rules.title_key(value) for f in _figures_so_far(ctx)):
        return "前面已经写过这项数据了（同一个数据在初稿中只写一次），请换一个名称，或直接回车跳过"
    return None


def unit_without_digits(value: Any, ctx: Context) -> Optional[str]:
    if isinstance(value, str) and re.search(r"\d", value.translate(rules.FULLWIDTH_DIGITS)):
        units = "、".join(str(e) for e in field_info("achievements.figures.unit").examples)
        return f"单位里不能有数字：数值写在上一题“今年数值”里，这里只写单位，如 {units}"
    return None


# -- defaults -------------------------------------------------------------------------------
def default_year(ctx: Context) -> int:
    # January to June one writes last year's annual summary, later this year's.
    return ctx.seeded("report.year") or (ctx.today.year - 1 if ctx.today.month <= 6 else ctx.today.year)


def default_date(ctx: Context) -> str:
    """Today when it fits the report's year and period, else a usual date for it (module docstring)."""
    report = ctx.sheet.get("report", {})
    year, period = report.get("year", ctx.today.year), report.get("period", "annual")
    if rules.date_problem(ctx.today, year, period) is None:
        return ctx.today.isoformat()
    return (date(year, 7, 10) if period == "first-half" else date(year + 1, 1, 10)).isoformat()


def _year_word(ctx: Context, *, plan: bool = False) -> str:
    report = ctx.sheet.get("report", {})
    if report.get("period") == "first-half":
        return "下半年" if plan else "上半年"
    year = report.get("year", ctx.today.year)
    return f"{year + 1}年" if plan else f"{year}年"


def _carried_match(ctx: Context) -> Optional[Dict[str, Any]]:
    """Last year's figure of the label just typed (its unit and value become the defaults)."""
    label = rules.title_key(ctx.item.get("label", ""))
    for figure in ctx.seed.figures if ctx.seed else []:
        if rules.title_key(figure["label"]) == label:
            return figure
    return None


# -- the questions --------------------------------------------------------------------------
FIGURE = "achievements.figures"


def _theme_points(ctx: Context) -> List[Any]:
    """The points of the theme the current figure belongs to (its path: …, theme, "figures", n)."""
    theme: Any = ctx.sheet
    for part in (ctx.path or ())[:-2]:
        theme = theme[part]
    return theme.get("points", []) if isinstance(theme, dict) else []


def _point_choices(ctx: Context) -> List[tuple]:
    points = [p["text"] if isinstance(p, dict) else p for p in _theme_points(ctx)]
    shown = [(str(n), p if len(p) <= 30 else p[:30] + "…") for n, p in enumerate(points, 1)]
    return shown + [(str(len(points) + 1), "不写进哪一条，单独列在这项工作的最后")]


def _figure_questions() -> tuple:
    return (
        ask(f"{FIGURE}.label", name="数据名称", required=True, validator=new_figure),
        ask(f"{FIGURE}.value", "只写数字，单位下一题再写", required=True),
        ask(f"{FIGURE}.unit", "没有单位直接回车", examples=4, validator=unit_without_digits,
            default=lambda c: (_carried_match(c) or {}).get("unit") or None),
        ask(f"{FIGURE}.previous", "与今年同一单位；不知道就直接回车",
            default=lambda c: (_carried_match(c) or {}).get("previous")),
        # points may carry their own figures (schema `point.figures`): the number then stands in
        # the sentence it supports.  "_point" is a working field, moved into place by `finish`.
        Question("_point", "这项数据写进哪一条做法", "choice", required=True, choices=_point_choices,
                 default=lambda c: _point_choices(c)[-1][0],
                 condition=lambda c: bool(c.path) and bool(_theme_points(c))),
    )


def _theme_questions() -> tuple:
    return (
        ask("achievements.title", "小标题", required=True,
            default=lambda c: c.candidate["title"] if c.candidate else None,
            validator=unique_title("achievements", "highlights")),
        ask("achievements.approach", "“以…为…”", optional=True),
        ask("achievements.points", "每行一条，写完直接回车结束", required=True,
            help=lambda c: ("去年的打算是：" + "；".join(c.candidate["points"])) if c.candidate and c.candidate["points"] else ""),
        Group("figures", "数据", _figure_questions(),
              start_prompt="这项工作有要写的数据吗（如人数、金额、百分比）？",
              more_prompt="还有别的数据吗？"),
    )


def _carried_figures(ctx: Context) -> Sequence[Dict[str, Any]]:
    """Last year's figures not already typed by hand under a theme (never asked twice)."""
    typed = {rules.title_key(f.get("label", "")) for f in _figures_so_far(ctx)}
    return [f for f in (ctx.seed.figures if ctx.seed else []) if rules.title_key(f["label"]) not in typed]


def _carried_item(candidate: Dict[str, Any]) -> Dict[str, Any]:
    return {k: candidate[k] for k in ("label", "unit", "previous")} | {"last_theme": candidate.get("theme")}


def _carried_probe(sheet: Dict[str, Any], item: Dict[str, Any]) -> tuple:
    """A carried figure is checked as it will stand: a figure under a theme."""
    figure = {k: item[k] for k in ("label", "value", "unit", "previous") if k in item}
    probe = {"report": sheet.get("report", {}), "achievements": [{"title": "上年数据", "figures": [figure]}]}
    path: PathKey = ("achievements", 0, "figures", 0)
    return probe, path


def _theme_choices(ctx: Context) -> List[tuple]:
    return [(str(i + 1), t["title"]) for i, t in enumerate(ctx.sheet.get("achievements", []))]


def _theme_default(ctx: Context) -> str:
    titles = [rules.title_key(t["title"]) for t in ctx.sheet.get("achievements", [])]
    last = rules.title_key(ctx.item.get("last_theme") or "")
    return str(titles.index(last) + 1) if last in titles else "1"


def _into_points(theme: Dict[str, Any]) -> None:
    """Move each figure whose `_point` names one of the theme's points into that point."""
    points, kept = theme.get("points", []), []
    for figure in theme.get("figures", []):
        number = int(figure.pop("_point", 0) or 0)
        if 1 <= number <= len(points):
            point = points[number - 1]
            if not isinstance(point, dict):
                point = points[number - 1] = {"text": point}
            point.setdefault("figures", []).append(figure)
        else:
            kept.append(figure)
    if kept:
        theme["figures"] = kept
    else:
        theme.pop("figures", None)


def finish(sheet: Dict[str, Any]) -> Dict[str, Any]:
    """Put last year's figures under the theme chosen for each, and figures into the points
    chosen for them; keep the sheet's field order."""
    for figure in sheet.pop("_carried", []):
        theme = sheet["achievements"][int(figure["theme"]) - 1]
        theme.setdefault("figures", []).append({k: figure[k] for k in ("label", "value", "unit", "previous")})
    for key in ("achievements", "highlights"):
        for theme in sheet.get(key, []):
            _into_points(theme)
    return sheet


QUESTIONNAIRE = Questionnaire(sections=(
    Section("一、基本情况", field="report", items=(
        ask("report.org", required=True, default=lambda c: c.seeded("report.org")),
        ask("report.year", "四位数字", examples=0, required=True, default=default_year),
        ask("report.period", required=True),
        ask("report.title", "直接回车则自动生成", examples=0, keep_empty=True),
        ask("report.leadership", "“在…的坚强领导下”", keep_empty=True, default=lambda c: c.seeded("report.leadership")),
        ask("report.guidance", "“坚持以…为指导”", examples=0, optional=True, keep_empty=True,
            default=lambda c: c.seeded("report.guidance")),
        ask("report.date", kind="date", required=True, default=default_date),
        ask("report.signature", "直接回车则用单位全称", examples=0, keep_empty=True,
            default=lambda c: c.seeded("report.signature")),
    )),
    Section("二、开头概述", field="overview", intro="开头一段不加标题，写全年工作主线和主要成效。", items=(
        ask("overview.theme", "“紧紧围绕…”", optional=True, default=lambda c: c.seeded("overview.theme")),
        ask("overview.results", "每行一条，写完直接回车结束；没有就直接回车", examples=0),
    )),
    Section("三、主要工作", intro="每项主要工作是一个主题：成效作小标题，再写具体做法和数据。一般写 3～6 项。", items=(
        Group("achievements", "主要工作", _theme_questions(), min_items=1,
              more_prompt=lambda c: f"还要再写一项主要工作吗？（已写 {len(c.sheet.get('achievements', []))} 项）",
              more_default=lambda count: count < 3,
              candidates=lambda c: c.seed.candidates if c.seed else [],
              candidate_prompt=lambda cand, i: f"去年工作打算第 {i + 1} 项：“{cand['title']}”。今年把它写成一项主要工作吗？"),
    )),
    Section("上年数据", condition=lambda c: bool(_carried_figures(c)),
            intro="去年的事实表中有以下数据：逐项填写今年的数值（去年的数值会作为“上年数值”），再选择放在哪一项主要工作下。",
            items=(
                Group("_carried", "上年数据", (
                    ask(f"{FIGURE}.value", prompt=lambda c: f"{c.item['label']}：去年 {c.item['previous']}"
                                                            f"{c.item['unit']}，今年的数值（直接回车表示今年不写）"),
                    ask(f"{FIGURE}.unit", "去年写的单位里有数字，请改正", examples=4, required=True,
                        validator=unit_without_digits,
                        condition=lambda c: c.item.get("value") is not None and bool(unit_without_digits(c.item.get("unit"), c))),
                    Question("theme", "放在哪一项主要工作下", "choice", required=True, choices=_theme_choices,
                             default=_theme_default, condition=lambda c: c.item.get("value") is not None),
                ), candidates=_carried_figures, start_item=_carried_item, item_header=False,
                    keep=lambda item: item.get("value") is not None, placed=_carried_probe),
            )),
    Section("四、特色亮点工作", items=(
        Group("highlights", "特色亮点工作", _theme_questions(),
              start_prompt="有要单独写的特色亮点工作吗？", more_prompt="还要再写一项特色亮点工作吗？"),
    )),
    Section("五、存在的问题和不足", intro="一般写 2～4 个问题：先概括问题，再写具体表现。", items=(
        Group("problems", "问题", (
            ask("problems.title", required=True, validator=unique_title("problems"),
                default=lambda c: c.candidate["title"] if c.candidate else None),
            ask("problems.detail", "可留空，初稿中会标出【待补充】", examples=0,
                help=lambda c: f"去年的表述是：{c.candidate['detail']}" if c.candidate and c.candidate.get("detail") else ""),
        ), start_prompt="要写存在的问题和不足吗？", start_default=True, more_prompt="还要再写一个问题吗？",
            more_default=lambda count: count < 2,
            # last year's problems (--from): each one is either solved or still to be written this year
            candidates=lambda c: c.seed.problems if c.seed else [], candidate_default=False,
            candidate_prompt=lambda cand, i: f"去年存在的问题第 {i + 1} 项：“{cand['title']}”。今年仍然存在吗？"),
    )),
    Section("六、下一步工作打算", field="plans", items=(
        Group("items", "工作打算", (
            ask("plans.items.title", required=True, validator=unique_title("plans"),
                prompt=lambda c: f"{_year_word(c, plan=True)}的一项工作打算（如：{field_info('plans.items.title').examples[0]}）"),
            ask("plans.items.points", "每行一条，写完直接回车结束", examples=0, required=True),
        ), start_prompt=lambda c: f"要写{_year_word(c, plan=True)}的工作打算吗？", start_default=True,
            more_prompt="还要再写一项工作打算吗？", more_default=lambda count: count < 3),
    )),
    Section("七、其他部分", items=(
        Group("others", "其他部分", (
            ask("others.title", required=True, validator=unique_title("others")),
            ask("others.points", name="内容", note="每行一段，写完直接回车结束", examples=0, required=True),
        ), start_prompt="还有要单独成为一部分的内容吗（如获得荣誉、机遇和挑战）？", more_prompt="还要再写一个部分吗？"),
    )),
), finish=finish)
