"""`render --reference-docx`: the office's letterhead and page setup, drafter's GB/T 9704 look."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from conftest import EDU_SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def letterhead(tmp_path: Path, *, marker: bool = True, name: str = "红头.docx") -> Path:
    """A plain letterhead as an office makes one in Word: python-docx's default document, whose
    Normal is 11 pt Calibri and whose headings are blue."""
    ref = docx.Document()
    ref.sections[0].top_margin = Mm(45)
    head = ref.add_paragraph("青山区教育体育局文件")
    head.runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)
    head.runs[0].font.size = Pt(26)
    if marker:
        ref.add_paragraph("【正文】")
    ref.add_paragraph("抄送：区委办公室。")
    path = tmp_path / name
    ref.save(str(path))
    return path


def style_xml(doc, style_id: str):
    return doc.styles.element.xpath(f'w:style[@w:styleId="{style_id}"]')[0]


def test_plain_letterhead_keeps_gbt9704_body_and_its_own_letterhead(run, tmp_path: Path) -> None:
    out = tmp_path / "d.docx"
    result = run("render", EDU_SAMPLE, "-o", out, "--reference-docx", letterhead(tmp_path))
    assert result.exit_code == 0, result.stderr
    doc = docx.Document(str(out))
    assert round(doc.sections[0].top_margin.mm) == 45  # page setup from the reference
    normal = style_xml(doc, "Normal")
    assert normal.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"  # 16 pt
    assert normal.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    assert normal.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "200"
    heading = style_xml(doc, "Heading1")
    assert heading.find(f"{W}rPr/{W}color").get(f"{W}val") == "000000"  # not Word's blue
    assert heading.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "黑体"
    paras = doc.paragraphs
    body = next(p for p in paras if "的坚强领导下" in p.text)  # the opening
    assert body._p.pPr is None or body._p.pPr.find(qn("w:pStyle")) is None  # plain Normal: 16 pt 仿宋
    # The letterhead and 抄送 keep the reference's own Normal (11 pt Calibri, no indent).
    assert paras[0].text == "青山区教育体育局文件" and paras[-1].text == "抄送：区委办公室。"
    assert paras[0].style.style_id == paras[-1].style.style_id == "ReferenceNormal"
    assert "【正文】" not in [p.text for p in paras]


def test_no_marker_is_refused_with_what_to_add_and_the_append_option_works(run, tmp_path: Path) -> None:
    ref = letterhead(tmp_path, marker=False)
    out = tmp_path / "d.docx"
    result = run("render", EDU_SAMPLE, "-o", out, "--reference-docx", ref)
    assert result.exit_code == 1
    assert result.stderr == (
        f"错误：{ref}: 参考文档中没有写着“【正文】”的段落，不知道初稿该放在哪里；为免删掉红头、抄送等内容，未生成初稿\n"
        "提示：在 Word 中打开参考文档，在红头之后另起一段，只输入“【正文】”并保存；"
        "或加 --append-after-letterhead，把初稿接在参考文档已有内容之后\n")
    assert not out.exists()
    assert run("render", EDU_SAMPLE, "-o", out, "--reference-docx", ref, "--append-after-letterhead").exit_code == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[:2] == ["青山区教育体育局文件", "抄送：区委办公室。"]
    assert texts[2].replace("\n", "") == "青山区教育体育局2024年工作总结及2025年工作打算"


def test_two_markers_name_both_paragraphs(run, tmp_path: Path) -> None:
    ref = docx.Document()
    for text in ("红头", "【正文】", "中间", "【正文】"):
        ref.add_paragraph(text)
    path = tmp_path / "two.docx"
    ref.save(str(path))
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--reference-docx", path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}: 参考文档中有 2 处“【正文】”（第 2 段、第 4 段），只能有一处\n")


def test_marker_in_a_table_or_header_is_refused(run, tmp_path: Path) -> None:
    ref = docx.Document()
    ref.add_table(rows=1, cols=1).cell(0, 0).text = "【正文】"
    table = tmp_path / "table.docx"
    ref.save(str(table))
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--reference-docx", table)
    assert result.exit_code == 1
    assert "参考文档的“【正文】”写在表格里；初稿只能放在正文中单独的一段" in result.stderr
    ref = docx.Document()
    ref.sections[0].header.paragraphs[0].text = "【正文】"
    ref.add_paragraph("【正文】")
    header = tmp_path / "header.docx"
    ref.save(str(header))
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--reference-docx", header)
    assert result.exit_code == 1
    assert "参考文档的“【正文】”写在页眉里；初稿只能放进正文" in result.stderr


def test_missing_reference_is_reported_before_the_sheet_is_read(run, tmp_path: Path) -> None:
    broken_sheet = tmp_path / "facts.yaml"
    broken_sheet.write_text("report: [", encoding="utf-8")
    missing = tmp_path / "红头.docx"
    result = run("render", broken_sheet, "-o", tmp_path / "d.docx", "--reference-docx", missing)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{missing}: 找不到文件")


def rewrite(path: Path, target: Path, **parts: bytes) -> Path:
    """A copy of the package `path` with some parts replaced (or removed when given b"")."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = parts.get(info.filename.replace("/", "_").replace(".", "_"), src.read(info))
            if data:
                dst.writestr(info, data)
    target.write_bytes(out.getvalue())
    return target


def test_broken_styles_and_bodyless_packages_are_clear_messages(run, tmp_path: Path) -> None:
    good = letterhead(tmp_path)
    broken = rewrite(good, tmp_path / "broken.docx", word_styles_xml=b"<w:styles><w:style>")
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--reference-docx", broken)
    assert result.exit_code == 1
    assert f"错误：{broken}: 参考文档已损坏：其中的 word/styles.xml 第 1 行附近不是完整的 XML" in result.stderr
    bodyless = rewrite(good, tmp_path / "bodyless.docx", word_document_xml=(
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'))
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--reference-docx", bodyless)
    assert result.exit_code == 1
    assert f"错误：{bodyless}: 参考文档没有正文部分" in result.stderr
    assert not (tmp_path / "d.docx").exists()


def with_content_type(path: Path, target: Path, content_type: str) -> Path:
    with zipfile.ZipFile(path) as src:
        types = src.read("[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            content_type.encode())
    return rewrite(path, target, **{"[Content_Types]_xml": types})


def test_a_word_template_is_accepted_and_a_macro_document_refused(run, tmp_path: Path) -> None:
    good = letterhead(tmp_path)
    dotx = with_content_type(good, tmp_path / "红头.dotx",
                             "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--reference-docx", dotx).exit_code == 0
    assert docx.Document(str(out)).paragraphs[0].text == "青山区教育体育局文件"
    docm = with_content_type(good, tmp_path / "红头.docm", "application/vnd.ms-word.document.macroEnabled.main+xml")
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "e.docx", "--reference-docx", docm)
    assert result.exit_code == 1
    assert "参考文档是启用宏的 Word 文件（.docm/.dotm）" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_a_fifo_as_reference_is_refused_without_blocking(run, tmp_path: Path) -> None:
    fifo = tmp_path / "ref.docx"
    os.mkfifo(fifo)
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--reference-docx", fifo)
    assert result.exit_code == 1
    assert "命名管道" in result.stderr


def test_an_untouched_default_page_gives_way_to_the_gbt9704_page(run, tmp_path: Path) -> None:
    """python-docx's and Word's blank documents are US Letter (or A4) with 1-inch margins: nobody
    chose that page, so the draft gets A4 and GB/T 9704 margins; a page the office set is kept."""
    ref = docx.Document()
    assert round(ref.sections[0].page_width.mm) == 216  # US Letter, as it comes
    ref.add_paragraph("青山区教育体育局文件")
    ref.add_paragraph("【正文】")
    path = tmp_path / "plain.docx"
    ref.save(str(path))
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--reference-docx", path).exit_code == 0
    section = docx.Document(str(out)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin,
                                  section.left_margin, section.right_margin)] == [37, 35, 28, 26]
    # --keep-reference-styles keeps the reference's whole look, its page included
    kept = tmp_path / "k.docx"
    assert run("render", EDU_SAMPLE, "-o", kept, "--reference-docx", path, "--keep-reference-styles").exit_code == 0
    assert round(docx.Document(str(kept)).sections[0].page_width.mm) == 216
