"""Reading report files: encodings, formats, normalisation, chrome, title and body extraction."""
from __future__ import annotations

import codecs
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.corpus import chrome
from drafter.corpus.decode import DecodeProblem, decode_bytes
from drafter.corpus.extract import extract
from drafter.corpus.files import expand_paths
from drafter.corpus.normalize import detect_script, digit_years, normalize_width, sentence_stops, to_simplified
from drafter.corpus.readers import read_document
from drafter.errors import InputFileError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
LABELS = Path(__file__).resolve().parent / "fixtures" / "seed-labels"
REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"

REPORT = "某局2023年工作总结\n一年来，我局扎实推进各项工作。\n一、主要工作\n二、存在的问题\n"


# -- decoding ------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8"),
    ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16"),
    ("utf-16-le", "utf-16"),  # no byte-order mark
    ("utf-16-be", "utf-16"),
])
def test_decodes_the_encodings_offices_use(encoding: str, expected: str) -> None:
    text, found = decode_bytes(REPORT.encode(encoding))
    assert text == REPORT
    assert found == expected


def test_decodes_big5_traditional() -> None:
    traditional = "某縣教育局2022年工作總結\n一年來，我局紮實推進各項工作，取得了明顯成效。\n一、主要工作情況\n"
    text, found = decode_bytes(traditional.encode("big5"))
    assert text == traditional
    assert found == "big5"


def test_a_utf8_file_cut_inside_its_last_character_is_still_read() -> None:
    data = REPORT.encode("utf-8") + "况".encode("utf-8")[:2]
    text, found = decode_bytes(data)
    assert text == REPORT and found == "utf-8"


@pytest.mark.parametrize("data, message", [
    (b"", "文件是空的"),
    (b"  \r\n\r\n", "文件是空的"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "暂不支持 PDF 文件"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "不支持旧版 Word（.doc/.wps）文件"),
    (bytes(range(256)) * 4, "不是文本文件（看起来是二进制文件）"),
])
def test_bytes_that_are_not_a_report_say_why(data: bytes, message: str) -> None:
    with pytest.raises(DecodeProblem) as caught:
        decode_bytes(data)
    assert caught.value.message == message


def test_gbk_fixture_with_crlf_reads_line_by_line() -> None:
    doc = read_document(REPORTS / "health-county-2023-gbk.txt")
    assert doc.encoding == "gb18030"
    assert doc.lines[0] == (1, "县卫生健康局2023年工作总结和2024年工作计划")
    assert doc.lines[4] == (5, "一、2023年工作完成情况")


# -- files ----------------------------------------------------------------------------------
def test_read_document_errors_name_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError) as caught:
        read_document(empty)
    assert str(caught.value) == f"{empty}: 文件是空的"
    with pytest.raises(InputFileError) as caught:
        read_document(tmp_path / "没有.txt")
    assert str(caught.value) == f"{tmp_path / '没有.txt'}: 找不到文件"
    with pytest.raises(InputFileError) as caught:
        read_document(tmp_path)
    assert "这是一个文件夹" in str(caught.value)
    old = tmp_path / "旧.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    with pytest.raises(InputFileError) as caught:
        read_document(old)
    assert str(caught.value) == f"{old}: 不支持旧版 Word（.doc）文件\n提示：请在 Word 或 WPS 中“另存为”.docx 格式"
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip at all")
    with pytest.raises(InputFileError) as caught:
        read_document(broken)
    assert "不是有效的 .docx 文件（可能已损坏或加密）" in str(caught.value)


def test_expand_paths_walks_folders_in_order_and_sets_strays_aside(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2023.txt", "a.md", "c.docx", "~$c.docx", ".hidden.txt", "表格.xlsx", "扫描件.pdf"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_bytes(b"x")
    files, skipped = expand_paths([tmp_path, tmp_path / "a.md"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.md", "b/2023.txt", "c.docx"]
    assert [(s.path.name, s.reason) for s in skipped] == [
        ("~$c.docx", "Word 临时文件"),
        ("扫描件.pdf", "暂不支持 PDF 文件"),
        ("表格.xlsx", "不是报告文件（只读取 .txt、.md、.docx）"),
    ]
    with pytest.raises(InputFileError) as caught:
        expand_paths([tmp_path / "nope"])
    assert str(caught.value) == f"{tmp_path / 'nope'}: 找不到文件或文件夹"


# -- .docx and .md --------------------------------------------------------------------------
def test_docx_paragraphs_are_lines_and_a_broken_title_is_one_line(tmp_path: Path) -> None:
    document = docx.Document()
    title = document.add_paragraph("某某区医疗保障局", style="Title")
    title.add_run().add_break()
    title.add_run("2024年工作总结")
    document.add_paragraph("")
    document.add_paragraph("一、主要工作")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "表格里的字不是段落"
    document.add_paragraph("二、存在的问题")
    path = tmp_path / "报告.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.kind == "docx"
    assert doc.lines == [(1, "某某区医疗保障局2024年工作总结"), (2, ""), (3, "一、主要工作"), (4, "二、存在的问题")]
    assert doc.styles[1] == "Title"


def test_a_docx_saved_as_txt_is_read_as_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某局2023年工作总结")
    path = tmp_path / "其实是Word.txt"
    document.save(str(path))
    assert read_document(path).lines == [(1, "某局2023年工作总结")]


def test_markdown_markup_is_removed_and_line_numbers_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: x\n---\n# 某校2024年工作总结\n\n## 一、主要工作\n\n**（一）党建。**正文[链接](http://x)。\n"
                    "> 引用\n- 列表项\n| 甲 | 乙 |\n|---|---|\n<p align=\"right\">某校<br>2025年1月15日</p>\n",
                    encoding="utf-8")
    doc = read_document(path)
    assert doc.lines == [
        (1, ""), (2, ""), (3, ""), (4, "某校2024年工作总结"), (5, ""), (6, "一、主要工作"), (7, ""),
        (8, "（一）党建。正文链接。"), (9, "引用"), (10, "列表项"), (11, "甲 乙"), (12, ""),
        (13, "某校"), (13, "2025年1月15日"),
    ]


# -- normalisation ---------------------------------------------------------------------------
def test_normalize_width_unifies_punctuation() -> None:
    assert normalize_width("(一)強基礎,夯實:１２３　ＡＢ．５") == "（一）強基礎，夯實：123 AB.5"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFFEE, blacklist_categories=("Cs",))))
def test_normalisation_keeps_the_length_of_any_line(text: str) -> None:
    assert len(normalize_width(text)) == len(text)
    assert len(to_simplified(text)) == len(text)
    assert len(sentence_stops(text)) == len(text)
    assert len(digit_years(text)) == len(text)


@pytest.mark.parametrize("text, expected", [
    ("二〇二五年，我局将", "2025年，我局将"),
    ("二零二四 年度工作总结", "2024 年度工作总结"),
    ("二〇二五年一月十日", "2025年一月十日"),
    ("第二〇", "第二〇"),  # no 年: not a year
])
def test_years_in_chinese_numerals_read_as_digits(text: str, expected: str) -> None:
    assert digit_years(text) == expected


def test_a_closing_date_in_chinese_numerals_is_still_the_closing(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("某某局二〇二四年工作总结\n\n二〇二四年，我局各项工作取得新成效，现总结如下：\n一、主要工作\n"
                    "全年完成投资12亿元。\n\n某某局\n二〇二五年一月十日\n", encoding="utf-8")
    found = extract(read_document(path))
    assert [r.raw for r in found.closing] == ["某某局", "二〇二五年一月十日"]


@pytest.mark.parametrize("text, expected", [
    ("完成了各项任务.现将有关情况总结如下:", "完成了各项任务。现将有关情况总结如下:"),
    ("1. 高质量完成经济普查. 全区共清查8620个.", "1. 高质量完成经济普查。 全区共清查8620个。"),
    ("及时率100%.", "及时率100%。"),
    ("一.主要工作", "一.主要工作"),  # a heading number, not a full stop
    ("增长2.1万户", "增长2.1万户"),
    ("第五.", "第五."),
])
def test_ascii_full_stops_that_end_chinese_sentences_count_as_full_stops(text: str, expected: str) -> None:
    assert sentence_stops(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("目  录", True),
    ("一、2024年财政工作完成情况……………………1", True),
    ("（二）重点支出保障有力..........12", True),
    ("一、2024年财政工作完成情况", False),
    ("全年完成投资12亿元……", False),
])
def test_table_of_contents_lines(line: str, expected: bool) -> None:
    assert chrome.is_toc(line) is expected


def test_the_addressee_line_is_not_the_opening(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("某某局关于2024年工作情况的报告\n\n县委、县政府：\n\n2024年，我局各项工作取得新成效。现报告如下：\n"
                    "一、主要工作\n全年完成投资12亿元。\n", encoding="utf-8")
    found = extract(read_document(path))
    assert found.body[0].norm.startswith("2024年，我局")


def test_an_annex_list_at_the_end_is_neither_text_nor_signature(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("某某局2024年工作总结\n\n2024年，我局各项工作取得新成效，现总结如下：\n一、主要工作\n全年完成投资12亿元。\n"
                    "二、下一步打算\n加快项目建设。\n\n附件：1.2024年重点项目完成情况表\n2.2024年资金使用情况表\n\n"
                    "某某局\n2025年1月10日\n", encoding="utf-8")
    found = extract(read_document(path))
    assert [r.norm for r in found.annex] == ["附件：1.2024年重点项目完成情况表", "2.2024年资金使用情况表"]
    assert [r.norm for r in found.closing] == ["某某局", "2025年1月10日"]
    assert found.body[-1].norm == "加快项目建设。"


def test_traditional_is_detected_and_converted() -> None:
    seed = (SEEDS / "003_cd53b06fa843de20.txt").read_text(encoding="utf-8").splitlines()
    assert detect_script(seed) == "traditional"
    assert detect_script((SEEDS / "000_ee5c9945633827f0.txt").read_text(encoding="utf-8").splitlines()) == "simplified"
    assert to_simplified("二、存在的困難和問題") == "二、存在的困难和问题"


# -- chrome ----------------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "会员登录  新用户注册 退出", "您现在的位置是: 首页 > 民生部门 > 教育", "打印本页 关闭窗口",
    "索引号 1133020830895724K/2021-21880", "发布机构: 教育文体局", "查看: 5497|回复: 0",
    "发表于 2012-1-5 12:54:50 | 只看该作者 回帖奖励 |倒序浏览 |阅读模式", "分享到:  QQ好友和群",
    "導語:教育工作情況匯報材料一文來源于網友上傳,不代表本站觀點", "【字体：大 中 小】【打印】【关闭】",
    "版权所有 © 某某镇人民政府", "GMT+8, 2024-11-25 08:01", "文档格式：.docx   页数：4",
])
def test_chrome_lines(line: str) -> None:
    norm = to_simplified(normalize_width(line))
    assert chrome.is_chrome(norm, heading_like=False)


@pytest.mark.parametrize("line", [
    "（三）信访举报工作扎实开展", "一年来，我们做了大量工作，取得了一些成绩，也存在许多困难和不足。",
    "市教育局2023年上半年工作总结和下半年工作谋划", "二、存在的问题和不足",
])
def test_report_lines_are_not_chrome(line: str) -> None:
    norm = normalize_width(line)
    assert not chrome.is_chrome(norm, heading_like=norm.startswith(("（", "二")))


def test_a_watermark_inside_the_last_line_is_cut_out() -> None:
    doc = read_document(SEEDS / "000_ee5c9945633827f0.txt")
    body = extract(doc).body
    assert body[-1].raw.endswith("加快推进校园治理体系和治理能力现代化。")
    assert "转载请注明" not in "".join(run.raw for run in body)


# -- title and body --------------------------------------------------------------------------
@pytest.mark.parametrize("label", sorted(LABELS.glob("*.labels.yaml")), ids=lambda p: p.name[:3])
def test_seed_title_and_where_the_report_starts(label: Path) -> None:
    expected = yaml.safe_load(label.read_text(encoding="utf-8"))
    found = extract(read_document(SEEDS / label.name.replace(".labels.yaml", ".txt")))
    assert found.title == expected["title"]
    assert found.script == expected["script"]
    first = expected["sections"][0]["first_line"]
    assert normalize_width(found.body[0].raw).startswith(normalize_width(first))


def test_forum_chrome_after_the_report_is_dropped() -> None:
    found = extract(read_document(SEEDS / "004_9829d01504ea90b4.txt"))
    assert found.body[-1].line == 73
    assert found.body[-1].raw.startswith("17、全面启动创建省级教育强区建设工作")


def test_closing_signature_and_date_are_set_aside() -> None:
    found = extract(read_document(REPORTS / "health-county-2023-gbk.txt"))
    assert [run.raw for run in found.closing] == ["县卫生健康局", "2024年1月8日"]
    assert found.body[-1].raw.startswith("（四）防控并重")


def test_title_over_two_lines_and_a_title_glued_to_the_opening(tmp_path: Path) -> None:
    two = tmp_path / "two.txt"
    two.write_text("某某县交通运输局\n2023年工作总结和2024年工作计划\n\n2023年，我局坚持稳中求进，各项工作取得新成效。\n"
                   "一、主要工作\n", encoding="utf-8")
    assert extract(read_document(two)).title == "某某县交通运输局2023年工作总结和2024年工作计划"
    glued = tmp_path / "glued.txt"
    glued.write_text("某街道2023年工作总结2023年，某街道在区委的坚强领导下，各项工作取得新成效。一、主要工作", encoding="utf-8")
    found = extract(read_document(glued))
    assert found.title == "某街道2023年工作总结"
    assert found.body[0].raw.startswith("2023年，某街道在区委")


def test_byline_and_date_under_the_title_are_not_the_opening(tmp_path: Path) -> None:
    path = tmp_path / "byline.txt"
    path.write_text("某某县教育局2023年工作总结\n某某县教育局\n（2024年1月10日）\n\n2023年，县教育局扎实推进各项工作，取得新成效。\n"
                    "一、主要工作\n", encoding="utf-8")
    found = extract(read_document(path))
    assert found.title == "某某县教育局2023年工作总结"
    assert (found.body[0].line, found.body[0].raw[:5]) == (5, "2023年")


def test_a_title_with_a_site_name_keeps_only_the_title(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("某局2023年工作总结_某某市人民政府网\n2023年，某局在市委、市政府的领导下扎实工作，取得新成效。\n一、主要工作\n",
                    encoding="utf-8")
    assert extract(read_document(path)).title == "某局2023年工作总结"


def test_utf16_with_bom_from_notepad(tmp_path: Path) -> None:
    path = tmp_path / "记事本.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"))
    assert read_document(path).lines[0] == (1, "某局2023年工作总结")


@pytest.mark.parametrize("line, title", [
    ("2023-12-28 09:15 某某局2023年工作总结", "某某局2023年工作总结"),
    ("某某局2023年工作总结.docx", "某某局2023年工作总结"),
    ("某某局2023年工作总结-范文网", "某某局2023年工作总结"),
    ("《某某镇2023年工作总结范文1》", "某某镇2023年工作总结"),
    ("【篇一】某某社区2023年工作总结", "某某社区2023年工作总结"),
    ("文档介绍：某某医院2023年工作总结", "某某医院2023年工作总结"),
    ("某某中学2023年工作总结（2）", "某某中学2023年工作总结"),
    ("教育体育局2024年工作总结及2024年重点工作安排范文", "教育体育局2024年工作总结及2024年重点工作安排范文"),
])
def test_titles_lose_what_hosting_sites_wrap_around_them(tmp_path: Path, line: str, title: str) -> None:
    from drafter.outline.analyze import analyze_file

    path = tmp_path / "r.txt"
    path.write_text(f"{line}\n2023年，我局在上级的领导下，扎实推进各项工作，取得了新成效。\n一、主要工作\n"
                    "（一）抓基础。完成任务。\n二、存在的问题\n力量不足。\n", encoding="utf-8")
    assert analyze_file(path).title == title
