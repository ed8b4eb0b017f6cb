"""`.docx` reports whose structure is Word's, not typed: bold short paragraphs, outline levels,
heading styles — analysed and learned from (documents built here with python-docx)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence, Tuple

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.outline.analyze import analyze_file
from drafter.outline.learn import learn

Para = Tuple[str, Optional[str]]  # text, and "bold" / "outline:N" / a style name / None


def _build(path: Path, title: str, paragraphs: Sequence[Para]) -> Path:
    document = docx.Document()
    document.add_paragraph(title, style="Title")
    for text, how in paragraphs:
        if how is not None and how.startswith("Heading"):
            document.add_paragraph(text, style=how)
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if how == "bold":
            run.bold = True
        elif how is not None and how.startswith("outline:"):
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(int(how.split(":")[1]) - 1))
            paragraph._p.get_or_add_pPr().append(level)
    document.save(str(path))
    return path


BANK = [
    ("2023年，支行坚持稳健经营，各项业务平稳增长，年末各项存款余额达到42.6亿元。", None),
    ("全年工作回顾", "bold"),
    ("存款业务稳步增长。个人存款余额较年初增加3.1亿元。", None),
    ("信贷投放持续加大。新增普惠小微贷款2.2亿元。", None),
    ("存在的不足", "bold"),
    ("客户经理队伍年轻，综合营销能力不强。", None),
    ("2024年工作思路", "bold"),
    ("坚持存款立行，做大普惠金融，守牢风险底线。", None),
]


def test_bold_short_paragraphs_are_part_headings(tmp_path: Path) -> None:
    path = _build(tmp_path / "支行.docx", "某某银行某某支行2023年工作总结", BANK)
    report = analyze_file(path)
    assert report.title == "某某银行某某支行2023年工作总结"
    assert [(s.canonical, s.heading, s.line, s.level) for s in report.sections] == [
        ("overview", None, 2, 0), ("achievements", "全年工作回顾", 3, 1), ("problems", "存在的不足", 6, 1),
        ("plan", "2024年工作思路", 8, 1)]


def test_outline_levels_give_the_levels_without_heading_styles(tmp_path: Path) -> None:
    path = _build(tmp_path / "水利局.docx", "某某县水利局2023年工作总结", [
        ("2023年，县水利局围绕防汛保安和水资源保护，扎实推进各项工作。", None),
        ("主要工作完成情况", "outline:1"),
        ("水利工程建设", "outline:2"),
        ("完成水利投资3.2亿元。", None),
        ("河湖长制落实", "outline:2"),
        ("全年巡河1.2万人次。", None),
        ("存在的困难和问题", "outline:1"),
        ("基层水利技术人员不足。", None),
        ("2024年工作打算", "outline:1"),
        ("加快水库除险加固。", None),
    ])
    report = analyze_file(path)
    assert [(s.canonical, s.heading, s.level) for s in report.walk()] == [
        ("overview", None, 0), ("achievements", "主要工作完成情况", 1), ("achievements", "水利工程建设", 2),
        ("achievements", "河湖长制落实", 2), ("problems", "存在的困难和问题", 1), ("plan", "2024年工作打算", 1)]


def test_bold_emphasis_in_a_numbered_report_is_not_a_heading(tmp_path: Path) -> None:
    path = _build(tmp_path / "局.docx", "某某县统计局2023年工作总结", [
        ("2023年，县统计局坚持依法统计，各项工作取得新成效。", None),
        ("一、主要工作", None),
        ("统计调查", "bold"),
        ("圆满完成经济普查清查。", None),
        ("数据质量", "bold"),
        ("二、存在的问题", None),
        ("基层统计力量薄弱。", None),
    ])
    report = analyze_file(path)
    assert [(s.canonical, s.heading) for s in report.sections] == [
        ("overview", None), ("achievements", "一、主要工作"), ("problems", "二、存在的问题")]


def test_learn_on_a_folder_of_docx_uses_words_structure(tmp_path: Path) -> None:
    folder = tmp_path / "往年"
    folder.mkdir()
    _build(folder / "2022.docx", "某某银行某某支行2022年工作总结",
           [(t.replace("2023", "2022").replace("2024", "2023"), how) for t, how in BANK])
    _build(folder / "2023.docx", "某某银行某某支行2023年工作总结", BANK)
    _build(folder / "2024.docx", "某某银行某某支行2024年工作总结", [
        ("2024年，支行各项业务保持稳健发展。", None),
        ("一年来的主要工作", "Heading 1"), ("存款业务。余额增长8%。", None),
        ("存在的问题", "Heading 1"), ("营销能力不强。", None),
        ("2025年工作思路", "Heading 1"), ("做大普惠金融。", None),
    ])
    outline = learn([folder]).outline
    assert outline.reports == 3
    assert [p.key for p in outline.parts if p.presence] == ["overview", "achievements", "problems", "plan"]
    headings = {p.key: [(h.text, h.count) for h in p.headings] for p in outline.parts}
    assert headings["plan"][0] == ("{next_year}年工作思路", 3)
    assert ("全年工作回顾", 2) in headings["achievements"]
    assert ("存在的不足", 2) in headings["problems"]
