"""The built-in prior: general words of the genre that point a heading to a canonical part.

These are the words any 年度工作总结 uses to name its parts (问题, 打算, 亮点 …), not the
headings of the seeds; `learn` adds the vocabulary it finds in a corpus on top of them, and the
classifier also weighs position and order, so a word here is evidence, never a verdict.
"""
from __future__ import annotations

import re
from typing import Dict

PRIOR: Dict[str, Dict[str, float]] = {
    "achievements": {
        "主要工作": 3.0, "工作情况": 2.0, "开展情况": 2.5, "完成情况": 2.5, "进展情况": 2.0, "推进情况": 2.0,
        "落实情况": 2.0, "执行情况": 2.0, "工作开展": 2.0, "主要成效": 2.5, "工作成效": 2.5, "成效": 1.5,
        "主要成绩": 2.5, "成绩": 1.5, "工作回顾": 3.0, "回顾": 2.0, "工作总结": 2.5, "总结": 1.5,
        "主要做法": 2.0, "做法": 1.2, "主要措施": 1.5, "措施": 0.8, "上半年": 1.5, "全年": 1.5, "本年度": 1.5,
        "今年": 1.0, "履职": 1.5, "取得": 1.0, "完成": 0.8, "工作基本情况": 6.0,
        "做了以下": 3.0, "以下几方面工作": 2.0, "主要做了": 2.0,  # 一年来主要做了以下几方面工作：
    },
    "highlights": {
        "亮点": 4.0, "特色": 3.0, "创新": 1.5, "品牌": 1.5, "典型": 1.2, "示范": 0.8, "突破": 1.0,
    },
    "problems": {
        "问题": 3.0, "不足": 3.0, "困难": 3.0, "短板": 3.0, "差距": 2.5, "薄弱": 2.0, "瓶颈": 2.5,
        "矛盾": 1.5, "隐患": 1.5, "教训": 2.0, "存在": 1.5, "制约": 1.5, "弱项": 2.5, "难点": 1.5,
    },
    "plan": {
        "打算": 3.5, "计划": 3.0, "思路": 3.0, "安排": 2.5, "谋划": 3.0, "下一步": 3.5, "下步": 3.0, "下半年": 3.0,
        "明年": 3.0, "来年": 3.0, "新的一年": 3.0, "下一年": 3.0, "下段": 2.5, "今后": 1.5, "设想": 2.5,
        "展望": 2.5, "要点": 2.0, "目标": 1.2, "任务": 0.8, "努力方向": 2.5, "举措": 1.0, "规划": 1.5,
    },
    "other": {
        "机遇": 3.0, "挑战": 2.5, "荣誉": 3.5, "表彰": 2.5, "获奖": 2.5, "奖项": 2.5, "形势": 1.0, "面临": 2.0,
        "体会": 3.0, "启示": 3.0, "经验": 3.0, "建议": 2.5, "意见": 1.0, "附件": 3.0, "附表": 3.0,
        "基本情况": 4.5, "概况": 3.0, "单位简介": 4.0,
    },
}

# Words in the opening sentences of a part's body (weighed far less than heading words).
BODY_PRIOR: Dict[str, Dict[str, float]] = {
    "problems": {"存在": 1.0, "不足": 1.5, "问题": 1.0, "差距": 1.0, "短板": 1.0, "清醒": 1.5, "困难": 1.0},
    "plan": {"将": 0.6, "计划": 1.0, "明年": 1.5, "下一步": 1.5, "新的一年": 1.5, "下半年": 1.5, "重点抓好": 1.5,
             "着力做好": 1.5, "以下工作": 1.0},
    "other": {"机遇": 1.0, "挑战": 1.0, "荣誉": 1.0, "表彰": 1.0},
}

# A theme heading that acts on a problem ("补齐短板", "坚持问题导向") is work done, not a problem.
PROBLEM_AS_ACTION = re.compile(
    r"(?:补齐|补强|补足|补短|解决|破解|化解|攻克|攻坚|整改|弥补|聚焦|直面|针对|排查|回应|销号|清零)\S{0,6}"
    r"(?:问题|短板|弱项|不足|困难|瓶颈|难题|难点|隐患)|问题导向|问题整改|整改问题")

# Words that make a heading about lessons drawn: with them, 做法 (主要做法和经验) is not the work.
LESSONS = re.compile(r"经验|体会|启示")

# Fixed terms that contain a part word without meaning it: 计划生育 is not a plan.
NOT_CUES = re.compile(r"计划生育|计划单列|问题导向|问题清单|安排部署|工作安排部署|表彰大会")

# Words that never carry part evidence when learned from a corpus.
STOPWORDS = frozenset(
    "工作 一个 以上 以及 进行 方面 有关 相关 我们 我局 全局 全区 全市 全县 全镇 本局 单位 部门 "
    "年度 年 及 和 与 的 了 在 是 等 各项 主要 一些".split()
)

# Sentences that open a part which has no heading line of its own: the problems after the work
# (虽然取得了一定成绩，但…) and the plan (下一步，我们将…).  Matched at the start of a paragraph.
PART_OPENERS: Dict[str, "re.Pattern[str]"] = {
    "problems": re.compile(
        r"^(?:虽然|尽管)[^。]{0,30}(?:成绩|成效|进展|成果)[^。]{0,12}但"
        r"|^在(?:肯定|看到|总结)[^。]{0,12}(?:成绩|成效|成果)的同时"
        r"|^(?:但|但是|同时)?[，]?(?:我们)?(?:也)?(?:清醒地|清醒)(?:看到|认识到)[^。]{0,24}(?:存在|不足|问题|差距)"),
    "plan": re.compile(r"^下一步[，：]|^下一步(?:我们|我局|我院|我校|我镇|我村|我们将|将|要)|^新的一年[，里中]"),
}
# Weaker signals, also said in passing inside a theme (目前仍存在…, 明年，将…): they open a part
# only right after a top-level section, never inside a subsection.
WEAK_PART_OPENERS: Dict[str, "re.Pattern[str]"] = {
    "problems": re.compile(
        r"^(?:但|但是|同时)?[，]?(?:我们)?(?:也)?(?:要|应|应当|必须)?(?:清醒地|清醒)?(?:看到|认识到)[^。]{0,24}"
        r"(?:存在|不足|问题|差距|短板)"
        r"|^(?:当前|目前|同时|但)[，]?[^。]{0,20}(?:还|仍|依然|也)存在(?:着)?(?:一些|不少|诸多)?(?:问题|不足|困难|短板)"
        r"|^(?:(?:当然|但是|但|同时|不过)[，]?)?(?:工作中|发展中)(?:还|也|仍){1,2}存在"),
    "plan": re.compile(r"^(?:明年|来年|今后|展望未来|面向未来|下半年|下阶段|下一阶段)[，里中]"),
}
# Words an opening paragraph of the whole report uses: such a text is an overview, not the tail
# of a part continued from an earlier page.
OVERVIEW_CUES = re.compile(r"领导下|现将|如下|一年来|今年以来|半年来|年初以来|回顾")
