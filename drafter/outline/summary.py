"""The table `drafter learn` prints at the end, in Chinese, aligned for a terminal.

Columns are padded by display width (a Chinese character takes two cells), so the table stays
straight in a console whatever mix of Chinese and digits it holds.
"""
from __future__ import annotations

from typing import List, Sequence

from ..numerals import number_marker
from ..textwidth import display_width
from .learn import LearnResult
from .model import PART_NAMES_ZH

LEVEL_NAMES = {0: "开头", 1: "一级", 2: "二级", 3: "三级", 4: "四级", 5: "五级", 6: "六级"}
PHRASES_SHOWN = 6


def as_read(text: str) -> str:
    """A learned wording as a reader says it: the outline file keeps {year}/{next_year}."""
    return text.replace("{next_year}年", "下一年").replace("{year}年", "本年度")


def pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - display_width(text))


def table(rows: Sequence[Sequence[str]], gap: int = 2) -> List[str]:
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["".join(pad(cell, w + gap) if i < len(row) - 1 else cell
                    for i, (cell, w) in enumerate(zip(row, widths))).rstrip() for row in rows]


def format_summary(result: LearnResult) -> str:
    outline = result.outline
    total = len(result.files) + len(result.skipped)
    lines = [f"学习完成：共 {total} 个文件，学到 {outline.reports} 份报告，跳过 {len(result.skipped)} 个。", ""]
    rows = [["部分", "出现", "所在层级", "最常见的标题"]]
    for part in outline.parts:
        levels = "，".join(f"{LEVEL_NAMES.get(lv, f'{lv}级')} {n} 份" for lv, n in sorted(part.levels.items())) or "—"
        if part.key == "overview":
            heading = "（无标题的开头段落）" if part.presence else "—"
        elif part.headings:
            top = part.headings[0]
            heading = f"{as_read(top.text)}（{top.count} 份）"
            if len(part.headings) > 1:
                heading += f" 等 {len(part.headings)} 种"
        else:
            heading = "—"
        rows.append([PART_NAMES_ZH.get(part.key, part.key), f"{part.presence}/{outline.reports}", levels, heading])
    lines.extend(table(rows))
    numbering = " › ".join(number_marker(outline.numbering[lv], 1) for lv in sorted(outline.numbering))
    lines += ["", f"标题编号：{numbering}"]
    themed = [f"{PART_NAMES_ZH.get(p.key, p.key)} {round(p.subsections['top_themes'] * p.presence)} 份"
              for p in outline.parts if p.subsections.get("top_themes")]
    if themed:
        lines.append(f"直接按主题列为一级标题（没有总标题）的报告：{'，'.join(themed)}")
    shown = []
    for part in outline.parts:
        bank = outline.phrases.get(part.key) or []
        if bank:
            phrases = [p.text for p in bank if p.kind == "phrase"][:PHRASES_SHOWN]
            openers = [p.text for p in bank if p.kind == "opener"][:PHRASES_SHOWN]
            text = "、".join(phrases) or "—"
            if openers:
                text += f"（句首：{'、'.join(openers)}）"
            shown.append(f"  {PART_NAMES_ZH.get(part.key, part.key)}：{text}")
    if shown:
        lines += ["常用表述（出现在最多报告中的几条）："] + shown
    leads = [f"  {PART_NAMES_ZH.get(p.key, p.key)}：{as_read(p.lead_ins[0].text)}（{p.lead_ins[0].df} 份）"
             + (f" 等 {len(p.lead_ins)} 句" if len(p.lead_ins) > 1 else "")
             for p in outline.parts if p.lead_ins]
    if leads:
        lines += ["各部分的开头句（出现在最多报告中的一句）："] + leads
    if result.fallbacks:
        lines += ["", "证据不足、沿用内置提纲标题的部分："]
        lines += [f"  {PART_NAMES_ZH.get(key, key)}：{why}" for key, why in result.fallbacks]
    if result.skipped:
        lines += ["", "跳过的文件："]
        lines += [f"  {item.path}：{item.reason}" for item in result.skipped]
    return "\n".join(lines)
