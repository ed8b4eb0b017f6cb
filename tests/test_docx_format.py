"""The .docx draft follows GB/T 9704 as offices apply it, read back through python-docx's XML."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import EDU_SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> docx.document.Document:
    from click.testing import CliRunner

    from drafter.cli import cli

    out = tmp_path_factory.mktemp("fmt") / "d.docx"
    assert CliRunner().invoke(cli, ["render", str(EDU_SAMPLE), "-o", str(out)]).exit_code == 0
    return docx.Document(str(out))


def style_of(document, style_id: str):
    return next(s for s in document.styles if s.style_id == style_id)


def east_asia_font(style) -> str:
    fonts = style.element.find(f"{W}rPr/{W}rFonts")
    assert fonts is not None and fonts.get(qn("w:eastAsiaTheme")) is None and fonts.get(qn("w:asciiTheme")) is None
    return fonts.get(qn("w:eastAsia"))


def test_page_is_a4_with_gbt_margins(draft) -> None:
    section = draft.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    text_height_pt = docx.shared.Length(Mm(297) - section.top_margin - section.bottom_margin).pt
    line_pt = int(section._sectPr.find(qn("w:docGrid")).get(qn("w:linePitch"))) / 20
    assert int(text_height_pt / line_pt) == 22  # 22 lines a page


@pytest.mark.parametrize("style_id, font, size, bold, level", [
    ("Title", "方正小标宋简体", 22, False, None),
    ("Heading1", "黑体", 16, False, 0),
    ("Heading2", "楷体_GB2312", 16, False, 1),
    ("Heading3", "仿宋_GB2312", 16, True, 2),
    ("Heading4", "仿宋_GB2312", 16, False, 3),
    ("Normal", "仿宋_GB2312", 16, None, None),
])
def test_styles_set_east_asian_fonts_sizes_and_outline_levels(draft, style_id, font, size, bold, level) -> None:
    style = style_of(draft, style_id)
    assert east_asia_font(style) == font
    assert style.font.size.pt == size
    if bold is not None:
        assert bool(style.font.bold) is bold
    outline = style.element.find(f"{W}pPr/{W}outlineLvl")
    assert (int(outline.get(qn("w:val"))) if outline is not None else None) == level
    assert style.font.color.rgb in (None, docx.shared.RGBColor(0, 0, 0))


def test_body_and_headings_have_fixed_pitch_and_two_character_indent(draft) -> None:
    for style_id in ("Normal", "Heading1", "Heading2", "Heading3", "Heading4"):
        ppr = style_of(draft, style_id).element.find(f"{W}pPr")
        spacing, ind = ppr.find(f"{W}spacing"), ppr.find(f"{W}ind")
        assert spacing.get(qn("w:lineRule")) == "exact"
        assert 28 * 20 <= int(spacing.get(qn("w:line"))) <= 29.5 * 20
        assert ind.get(qn("w:firstLineChars")) == "200"
    title = style_of(draft, "Title").element.find(f"{W}pPr")
    assert title.find(f"{W}jc").get(qn("w:val")) == "center"


def test_headings_use_real_heading_styles(draft) -> None:
    by_text = {p.text: p.style.style_id for p in draft.paragraphs}
    assert by_text["一、全年主要工作"] == "Heading1"
    runin = next(p for p in draft.paragraphs if p.text.startswith("（一）以政治建设为统领"))
    assert runin.style.style_id == "Heading2"
    # the body after a run-in heading is set in 仿宋 through a character style
    body_run = next(r for r in runin.runs if r.text.startswith("一是"))
    assert east_asia_font(style_of(draft, body_run.style.style_id)) == "仿宋_GB2312"


def test_page_numbers_odd_right_even_left_with_dashes(draft) -> None:
    assert draft.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    section = draft.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer.paragraphs[0]
        xml = p._p.xml
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p.paragraph_format.alignment is not None and p.paragraph_format.alignment.name.lower() == side
        assert 'w:fldCharType="begin"' in xml
    assert style_of(draft, "Footer").font.size.pt == 14


def test_signature_and_date_close_the_draft_right_aligned(draft) -> None:
    sig, date = draft.paragraphs[-2], draft.paragraphs[-1]
    assert (sig.text, date.text) == ("青山区教育体育局", "2025年1月10日")
    assert date.style.style_id == "DocumentDate"
    ind = date._p.pPr.find(f"{W}ind")
    assert ind.get(qn("w:rightChars")) == "400"  # 右空四字
    # the name is centred over the date: same midpoint, in characters (digits are half width)
    sig_right = int(sig._p.pPr.find(f"{W}ind").get(qn("w:rightChars"))) / 100
    date_width = 3 + 7 * 0.5  # 年月日 + the digits 2025 1 10
    assert sig_right + len(sig.text) / 2 == pytest.approx(4 + date_width / 2)


def test_reference_docx_supplies_page_setup_and_with_keep_reference_styles_its_styles(run, tmp_path: Path) -> None:
    ref = docx.Document()
    section = ref.sections[0]
    section.top_margin, section.left_margin = Mm(50), Mm(30)
    ref.styles["Heading 1"].font.size = docx.shared.Pt(18)
    ref.sections[0].footer.paragraphs[0].text = "某某区教育体育局（页脚）"
    ref.add_paragraph("【正文】")
    ref_path = tmp_path / "letterhead.docx"
    ref.save(str(ref_path))
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--reference-docx", ref_path, "--keep-reference-styles").exit_code == 0
    result = docx.Document(str(out))
    assert round(result.sections[0].top_margin.mm) == 50
    assert result.styles["Heading 1"].font.size.pt == 18
    assert result.sections[0].footer.paragraphs[0].text == "某某区教育体育局（页脚）"
    texts = [p.text for p in result.paragraphs]
    assert "【正文】" not in texts
    assert "一、全年主要工作" in texts
    # styles the reference lacks are added so 落款 and placeholders still work
    assert any(s.style_id == "DocumentDate" for s in result.styles)


def test_reference_docx_that_is_not_a_docx_is_a_clear_error(run, tmp_path: Path) -> None:
    bad = tmp_path / "ref.docx"
    bad.write_text("not a zip", encoding="utf-8")
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--reference-docx", bad)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{bad}: 不是有效的 .docx 文件")
    assert not (tmp_path / "d.docx").exists()


def test_a_damaged_style_cache_is_rebuilt(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    assert run("render", EDU_SAMPLE, "-o", tmp_path / "a.docx").exit_code == 0
    cached = list((tmp_path / "cache").glob("gongwen-base-*.docx"))
    assert len(cached) == 1
    cached[0].write_bytes(b"garbage")
    assert run("render", EDU_SAMPLE, "-o", tmp_path / "b.docx").exit_code == 0
    rebuilt = docx.Document(str(tmp_path / "b.docx"))
    assert east_asia_font(style_of(rebuilt, "Heading1")) == "黑体"
    assert docx.Document(str(cached[0])).styles is not None  # the cache holds a document again


def test_draft_carries_its_own_file_properties(draft) -> None:
    props = draft.core_properties
    assert props.title == "青山区教育体育局2024年工作总结及2025年工作打算"
    assert props.author == "青山区教育体育局"
    # python-docx's default document brings a thumbnail and a stale style copy: both dropped
    rels = [r.reltype for r in draft.part.package.rels.values()] + [r.reltype for r in draft.part.rels.values()]
    assert not [r for r in rels if r.endswith(("/thumbnail", "/stylesWithEffects"))]


def test_reference_docx_keeps_a_letterhead_around_the_body_marker(run, tmp_path: Path) -> None:
    ref = docx.Document()
    head = ref.add_paragraph("青山区教育体育局文件")
    head.runs[0].font.color.rgb = docx.shared.RGBColor(0xFF, 0, 0)
    ref.add_paragraph("【正文】")
    ref.add_paragraph("抄送：区委办公室，区政府办公室。")
    ref_path = tmp_path / "红头.docx"
    ref.save(str(ref_path))
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--reference-docx", ref_path).exit_code == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "青山区教育体育局文件"
    assert texts[1] == "青山区教育体育局2024年\n工作总结及2025年工作打算"
    assert texts[-1] == "抄送：区委办公室，区政府办公室。"
    assert texts[-2] == "2025年1月10日"
    assert "【正文】" not in texts
