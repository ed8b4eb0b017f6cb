"""`drafter analyze`: headings, levels and canonical parts, against hand-written expectations."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import docx
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.cli import cli
from drafter.corpus.markers import Marker, cn_to_int, marker_at
from drafter.corpus.readers import Document
from drafter.outline.analyze import analyze_document, analyze_file

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
LABELS = HERE / "fixtures" / "seed-labels"
REPORTS = HERE / "fixtures" / "reports"
EXPECTED = sorted(REPORTS.glob("*.expected.yaml"))


def _source(expected: Path) -> Path:
    stem = expected.name[: -len(".expected.yaml")]
    return next(p for p in REPORTS.glob(stem + ".*") if not p.name.endswith(".expected.yaml"))


def _compare(section: Any, want: Dict[str, Any]) -> List[Tuple[str, Any, Any]]:
    """Differences between an analysed section and a hand-written one (only the keys it gives)."""
    got = section.to_dict()
    diffs = [(key, got[key], want[key]) for key in ("canonical", "heading", "line", "level") if key in want
             and got[key] != want[key]]
    if got.get("continued", False) != want.get("continued", False):
        diffs.append(("continued", got.get("continued", False), want.get("continued", False)))
    if "children" in want:
        got_children = [(c["canonical"], c["heading"]) for c in got["children"]]
        want_children = [(c["canonical"], c["heading"]) for c in want["children"]]
        if got_children != want_children:
            diffs.append(("children", got_children, want_children))
        else:
            for child, wanted in zip(section.children, want["children"]):
                diffs.extend(_compare(child, wanted))
    return diffs


# -- markers --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("一、2020年工作总结", Marker("cn、", 1, 2)),
    ("十二、打算", Marker("cn、", 12, 3)),
    ("一.工作", Marker("cn.", 1, 2)),
    ("（一）、总体思路", Marker("(cn)", 1, 4)),
    ("1. 加强", Marker("n.", 1, 3)),
    ("2.2020年省小学语文诵读活动中", Marker("n.", 2, 2)),
    ("10、加强", Marker("n、", 10, 3)),
    ("（3）加强", Marker("(n)", 3, 3)),
    ("3）加强", Marker("n)", 3, 2)),
    ("第二部分 存在问题", Marker("part", 2, 5)),
    ("一年来，在区委的领导下", None),
    ("一是加强党的建设", None),
    ("六.2025年工作计划", Marker("cn.", 6, 2)),  # 一. before a year (一．2025年 with a full-width dot)
    ("■ 主要工作", Marker("sym■", 1, 2)),
    ("◆粮食生产再获丰收。", Marker("sym◆", 1, 1)),
    ("●", None),
    ("一，主要工作及成效", Marker("cn，", 1, 2)),  # 一， typed for 一、
    ("一，二年级", None),
    ("01 安全生产保持平稳", Marker("0n", 1, 3)),  # WeChat posts number their parts 01 02 …
    ("05 2025年工作思路", Marker("0n", 5, 3)),
    ("01  3个项目", None),
    ("一、二年级学生", None),
    ("1、2、3号楼", None),
    ("1.5万元", None),
    ("2020年是收官之年", None),
])
def test_marker_at(text: str, expected: Any) -> None:
    assert marker_at(text) == expected


def test_chinese_numerals() -> None:
    assert [cn_to_int(t) for t in ("一", "十", "十二", "二十", "二十三", "九十九", "十十", "")] == \
        [1, 10, 12, 20, 23, 99, None, None]


# -- the seeds against their hand labels ----------------------------------------------------
@pytest.mark.parametrize("label", sorted(LABELS.glob("*.labels.yaml")), ids=lambda p: p.name[:3])
def test_seed_matches_its_hand_labels(label: Path) -> None:
    expected = yaml.safe_load(label.read_text(encoding="utf-8"))
    result = CliRunner().invoke(cli, ["analyze", str(SEEDS / label.name.replace(".labels.yaml", ".txt")), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["title"] == expected["title"]
    assert report["script"] == expected["script"]
    assert [(s["canonical"], s["heading"]) for s in report["sections"]] == \
        [(s["canonical"], s["heading"]) for s in expected["sections"]]
    for got, want in zip(report["sections"], expected["sections"]):
        if "children" in want:
            assert [(c["canonical"], c["heading"]) for c in got["children"]] == \
                [(c["canonical"], c["heading"]) for c in want["children"]]
        assert got["level"] == (0 if want["heading"] is None else 1)


def test_seed_lines_point_into_the_file() -> None:
    """`line` is the 1-based line in the file as given, before any chrome was stripped."""
    for label in sorted(LABELS.glob("*.labels.yaml")):
        expected = yaml.safe_load(label.read_text(encoding="utf-8"))
        source = SEEDS / label.name.replace(".labels.yaml", ".txt")
        lines = source.read_text(encoding="utf-8").splitlines()
        report = analyze_file(source)
        for section, want in zip(report.sections, expected["sections"]):
            text = lines[section.line - 1]
            if want["heading"] is not None:
                assert text.strip() == want["heading"]
            assert text.replace(",", "，").startswith(want["first_line"].replace(",", "，")) or want["heading"]


# -- reports of other agencies against hand-written expectations ----------------------------
@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_report_matches_hand_written_expectation(expected_file: Path) -> None:
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    report = analyze_file(_source(expected_file))
    assert report.title == expected["title"]
    assert report.script == expected["script"]
    assert [(s.canonical, s.heading) for s in report.sections] == \
        [(s["canonical"], s["heading"]) for s in expected["sections"]]
    for section, want in zip(report.sections, expected["sections"]):
        assert _compare(section, want) == []


def test_precision_and_recall_of_top_level_parts_over_all_fixtures() -> None:
    true_positive = false_positive = false_negative = titles = 0
    cases = [(SEEDS / p.name.replace(".labels.yaml", ".txt"), p) for p in sorted(LABELS.glob("*.labels.yaml"))]
    cases += [(_source(p), p) for p in EXPECTED]
    for source, expected_file in cases:
        expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
        report = analyze_file(source)
        got = {(s.canonical, s.heading) for s in report.sections}
        want = {(s["canonical"], s["heading"]) for s in expected["sections"]}
        true_positive += len(got & want)
        false_positive += len(got - want)
        false_negative += len(want - got)
        titles += report.title == expected["title"]
    assert true_positive / (true_positive + false_positive) >= 0.9
    assert true_positive / (true_positive + false_negative) >= 0.9
    assert titles == len(cases)


# -- .docx reports ---------------------------------------------------------------------------
def test_docx_report_with_two_line_title_run_in_headings_and_signature(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("某某区医疗保障局", "2024年工作总结", "",
                 "2024年，区医保局在区委、区政府的坚强领导下，坚持以人民为中心，各项工作取得新成效。现将有关情况报告如下：",
                 "一、2024年工作开展情况",
                 "（一）全民参保扎实推进。全区基本医疗保险参保人数达到52.3万人。",
                 "（二）基金监管持续加强。追回医保基金1260万元。",
                 "二、存在的问题",
                 "基层医保经办服务能力不足。",
                 "三、2025年工作计划",
                 "（一）巩固提升参保质量。确保参保率稳定在97%以上。",
                 "", "某某区医疗保障局", "2025年1月6日"):
        document.add_paragraph(text)
    path = tmp_path / "医保局.docx"
    document.save(str(path))
    report = analyze_file(path)
    assert report.title == "某某区医疗保障局2024年工作总结"
    assert [s.to_dict() for s in report.sections] == [
        {"canonical": "overview", "heading": None, "line": 4, "level": 0, "children": []},
        {"canonical": "achievements", "heading": "一、2024年工作开展情况", "line": 5, "level": 1, "children": [
            {"canonical": "achievements", "heading": "（一）全民参保扎实推进。", "line": 6, "level": 2, "children": []},
            {"canonical": "achievements", "heading": "（二）基金监管持续加强。", "line": 7, "level": 2, "children": []},
        ]},
        {"canonical": "problems", "heading": "二、存在的问题", "line": 8, "level": 1, "children": []},
        {"canonical": "plan", "heading": "三、2025年工作计划", "line": 10, "level": 1, "children": [
            {"canonical": "plan", "heading": "（一）巩固提升参保质量。", "line": 11, "level": 2, "children": []},
        ]},
    ]


def test_docx_headings_numbered_by_word_itself(tmp_path: Path) -> None:
    """Word's own list numbering is not in the paragraph text; the heading style gives the level."""
    document = docx.Document()
    document.add_paragraph("某某县统计局2023年工作总结", style="Title")
    document.add_paragraph("2023年，县统计局坚持依法统计，各项工作取得新成效。")
    for text, style in (("主要工作", "Heading 1"), ("统计调查工作", "Heading 2"), ("圆满完成经济普查清查工作。", None),
                        ("存在的问题", "Heading 1"), ("基层统计力量薄弱。", None),
                        ("2024年工作计划", "Heading 1"), ("全面完成经济普查登记工作。", None)):
        document.add_paragraph(text, style=style)
    path = tmp_path / "统计局.docx"
    document.save(str(path))
    report = analyze_file(path)
    assert report.title == "某某县统计局2023年工作总结"
    assert [(s.canonical, s.heading, s.line, s.level) for s in report.walk()] == [
        ("overview", None, 2, 0), ("achievements", "主要工作", 3, 1), ("achievements", "统计调查工作", 4, 2),
        ("problems", "存在的问题", 6, 1), ("plan", "2024年工作计划", 8, 1)]


# -- the CLI ---------------------------------------------------------------------------------
SMALL = """某某县水利局2023年工作总结

2023年，县水利局坚持以习近平新时代中国特色社会主义思想为指导，扎实推进各项工作。

一、主要工作完成情况
（一）水利工程建设加快推进。全年完成水利投资3.2亿元。
（二）河湖长制全面落实。
二、存在的困难和问题
三、2024年工作打算
"""


def test_analyze_json_is_exactly_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "水利局.txt"
    path.write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "title": "某某县水利局2023年工作总结",
        "script": "simplified",
        "sections": [
            {"canonical": "overview", "heading": None, "line": 3, "level": 0, "children": []},
            {"canonical": "achievements", "heading": "一、主要工作完成情况", "line": 5, "level": 1, "children": [
                {"canonical": "achievements", "heading": "（一）水利工程建设加快推进。", "line": 6, "level": 2,
                 "children": []},
                {"canonical": "achievements", "heading": "（二）河湖长制全面落实。", "line": 7, "level": 2,
                 "children": []},
            ]},
            {"canonical": "problems", "heading": "二、存在的困难和问题", "line": 8, "level": 1, "children": []},
            {"canonical": "plan", "heading": "三、2024年工作打算", "line": 9, "level": 1, "children": []},
        ],
    }
    assert "\\u" not in result.stdout  # Chinese as Chinese


def test_analyze_text_shows_an_indented_tree_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "水利局.txt"
    path.write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 0
    assert result.stdout == (
        "标题：某某县水利局2023年工作总结\n"
        "文字：简体\n"
        "  [开头概述] （无标题的开头段落）  （第 3 行）\n"
        "  [主要工作] 一、主要工作完成情况  （第 5 行）\n"
        "    [主要工作] （一）水利工程建设加快推进。  （第 6 行）\n"
        "    [主要工作] （二）河湖长制全面落实。  （第 7 行）\n"
        "  [存在问题] 二、存在的困难和问题  （第 8 行）\n"
        "  [工作打算] 三、2024年工作打算  （第 9 行）\n"
    )
    shallow = CliRunner().invoke(cli, ["analyze", str(path), "--depth", "1"])
    assert "（一）" not in shallow.stdout and "[工作打算] 三、2024年工作打算" in shallow.stdout


@pytest.mark.parametrize("content, message", [
    (b"", "文件是空的"),
    (b"\x00\x01\x02\x03" * 100, "不是文本文件（看起来是二进制文件）"),
    ("会员登录 注册\n打印本页 关闭窗口\n".encode("utf-8"), "没有找到报告正文（文件中只有网页导航、版权声明之类的内容）"),
])
def test_analyze_unreadable_report_exits_1_with_the_file_named(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"错误：{path}: {message}\n"
    assert result.stdout == ""


def test_analyze_missing_file_and_a_fact_sheet_given_by_mistake(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "没有这个.txt")])
    assert (result.exit_code, result.stderr) == (1, f"错误：{tmp_path / '没有这个.txt'}: 找不到文件\n")
    sheet = tmp_path / "facts.yaml"
    sheet.write_text("report: {org: x}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(sheet)])
    assert result.exit_code == 1
    assert result.stderr == (f"错误：{sheet}: 这是 YAML 文件（事实表或提纲），不是报告\n"
                             "提示：请给出 .txt、.md 或 .docx 格式的工作总结\n")


def test_analyze_usage_errors_exit_2() -> None:
    assert CliRunner().invoke(cli, ["analyze"]).exit_code == 2
    assert CliRunner().invoke(cli, ["analyze", "x.txt", "--depth", "0"]).exit_code == 2


def test_analyze_with_a_broken_outline_names_the_line(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(SMALL, encoding="utf-8")
    outline = tmp_path / "提纲.yaml"
    outline.write_text("version: 1\nreports: 2\nparts:\n- key: overview\n  presence: 两\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(report), "--outline", str(outline)])
    assert result.exit_code == 1
    assert result.stderr == (f"错误：{outline}:5:13: 提纲文件不符合格式：parts[0].presence：类型不对，应为整数\n"
                             "提示：可以用 drafter learn 重新生成提纲文件\n")


# -- robustness ------------------------------------------------------------------------------
_PIECES = st.sampled_from([
    "一、", "二、", "（一）", "(二)", "1.", "2、", "（1）", "第一部分", "一是", "一年来，", "。", "，", "：", " ", "\t",
    "存在的问题", "下一步工作打算", "主要工作", "特色亮点", "2023年", "xx", "**", "打印本页", "索引号", "工作总结",
    "扎实推进各项工作", "關於", "\u3000", "①", "—", "\ufeff",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_PIECES, max_size=12).map("".join), min_size=0, max_size=25))
def test_any_text_analyses_without_an_exception(lines: List[str]) -> None:
    doc = Document(Path("x.txt"), "txt", [(i, line) for i, line in enumerate(lines, 1)])
    report = analyze_document(doc)
    numbers = {i for i, _ in doc.lines}
    for section in report.walk():
        assert section.line in numbers
        assert section.canonical in ("overview", "achievements", "highlights", "problems", "plan", "other")
        if section.heading is not None:
            assert section.heading in lines[section.line - 1] or section.heading.replace(" ", "") in \
                "".join(lines).replace(" ", "")


def test_analyze_explain_prints_the_evidence_for_each_label() -> None:
    path = REPORTS / "health-2023-wrapper-highlights.txt"
    result = CliRunner().invoke(cli, ["analyze", str(path), "--explain", "--depth", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("  [主要工作] 一、重点工作及特色亮点  （第 5 行）")
    evidence = lines[start + 1: lines.index("  [存在问题] 二、存在的问题  （第 10 行）")]
    assert "      · 标题用词“亮点、特色”→特色亮点 +7.0" in evidence
    assert "      · 篇幅：占全文 71%，含 4 个小标题，是全年工作的主体→主要工作 +4.0，特色亮点、其他 ×0.5" in evidence
    assert evidence[-1].startswith("      · 合计：主要工作 ")
    assert "      · 没有编号标题之前的开头段落→开头概述" in lines
    plain = CliRunner().invoke(cli, ["analyze", str(path), "--depth", "1"])
    assert "·" not in plain.stdout


def test_a_report_on_one_huge_line_is_analysed_not_called_page_chrome(tmp_path: Path) -> None:
    """Issue 13: a report whose line breaks were all lost (one line of ~1 MB) has its parts found."""
    body = ("2023年，县教育局坚持立德树人，各项工作取得新成效。一、主要工作（一）学前教育普及普惠。新建公办幼儿园4所。"
            + "全年开展教研活动，教学质量稳步提升，群众满意度持续提高。" * 12000
            + "二、存在的问题 城乡教育资源配置不均衡。三、2024年工作打算（一）扩大优质教育资源。")
    path = tmp_path / "一行.txt"
    path.write_text("某某县教育局2023年工作总结 " + body, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["title"] == "某某县教育局2023年工作总结"
    assert [(s["canonical"], s["heading"], s["line"]) for s in report["sections"]] == [
        ("overview", None, 1), ("achievements", "一、主要工作", 1), ("problems", "二、存在的问题", 1),
        ("plan", "三、2024年工作打算", 1)]
