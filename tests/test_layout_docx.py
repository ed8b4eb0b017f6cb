"""Layout a word processor must honour: 落款 kept with the body, sealed and unsealed 落款
(GB/T 9704 7.3.5.1 / 7.3.5.2), title lines broken by meaning, zh-CN theme font language."""
from __future__ import annotations

from pathlib import Path
from typing import List

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from conftest import EDU_SAMPLE
from drafter.compose.titles import LINE_CHARS, line_breaks, width


def _render(run, tmp_path: Path, seal: bool = True, **report) -> docx.document.Document:
    data = yaml.safe_load(EDU_SAMPLE.read_text(encoding="utf-8"))
    data["report"].update(seal=seal, **report)
    sheet = tmp_path / "s.yaml"
    sheet.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", sheet, "-o", out, "--force").exit_code == 0
    return docx.Document(str(out))


def _on(ppr, tag: str) -> bool:
    el = ppr.find(qn(tag)) if ppr is not None else None
    return el is not None and el.get(qn("w:val")) not in ("0", "false")


def _indent_chars(p, side: str) -> float:
    ind = p._p.pPr.find(qn("w:ind"))
    return int(ind.get(qn(f"w:{side}Chars"))) / 100


@pytest.mark.parametrize("seal, gap", [(True, 2), (False, 1)])
def test_signature_is_kept_with_the_last_body_lines(run, tmp_path: Path, seal: bool, gap: int) -> None:
    paras = _render(run, tmp_path, seal).paragraphs
    date, sig = paras[-1], paras[-2]
    blanks = paras[-2 - gap:-2]
    last_body = paras[-3 - gap]
    assert [p.text for p in blanks] == [""] * gap
    assert last_body.text.strip()
    # keepNext chains body → blank line(s) → 落款 → 成文日期 (the style carries it for 落款)
    for p in [last_body, *blanks]:
        assert _on(p._p.pPr, "w:keepNext"), p.text
    sig_style = sig.part.document.styles.element.xpath('w:style[@w:styleId="Signature"]')[0]
    assert _on(sig_style.pPr, "w:keepNext")
    assert _on(sig._p.pPr, "w:keepNext")  # directly too: a reference document's 落款 style may lack it
    assert date.text == "2025年1月10日" and sig.text == "青山区教育体育局"


def test_sealed_and_unsealed_signature_indents(run, tmp_path: Path) -> None:
    sealed = _render(run, tmp_path, True).paragraphs
    sig_w, date_w = 8.0, 6.5  # 青山区教育体育局; 2025年1月10日 with half-width digits
    assert _indent_chars(sealed[-1], "right") == 4.0  # 成文日期右空四字
    assert _indent_chars(sealed[-2], "right") == 4.0 - (sig_w - date_w) / 2  # centred over the date
    for signature, width in (("青山区教育体育局机关党委", 12.0), ("青山区教育体育局", sig_w)):
        unsealed = _render(run, tmp_path, False, signature=signature).paragraphs
        # 署名右空二字 unless the date, two characters further in, would then pass 右空二字
        assert _indent_chars(unsealed[-2], "right") == (2.0 if width == 12.0 else date_w + 4.0 - width)
        assert _indent_chars(unsealed[-1], "right") >= 2.0
        # 成文日期首字比署名首字右移二字
        sig_start = _indent_chars(unsealed[-2], "right") + width
        date_start = _indent_chars(unsealed[-1], "right") + date_w
        assert sig_start - date_start == 2.0


def test_unsealed_with_a_date_longer_than_the_name_keeps_the_date_two_from_the_edge(run, tmp_path: Path) -> None:
    paras = _render(run, tmp_path, False, signature="青山区教育局").paragraphs
    assert _indent_chars(paras[-1], "right") == 2.0
    assert _indent_chars(paras[-2], "right") + 6.0 - (_indent_chars(paras[-1], "right") + 6.5) == 2.0


def test_theme_font_language_is_chinese(run, tmp_path: Path) -> None:
    lang = _render(run, tmp_path).settings.element.find(qn("w:themeFontLang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def _lines(title: str, org: str) -> List[str]:
    cuts = line_breaks(title, org)
    bounds = [0, *cuts, len(title)]
    return [title[a:b] for a, b in zip(bounds, bounds[1:])]


@pytest.mark.parametrize("title, org, lines", [
    ("青山区教育体育局2024年工作总结", "青山区教育体育局", ["青山区教育体育局2024年工作总结"]),
    ("东城街道办事处2025年上半年工作总结和下半年工作打算", "东城街道办事处",
     ["东城街道办事处2025年上半年", "工作总结和下半年工作打算"]),
    ("江北区卫生健康委员会2024年工作总结及2025年工作打算", "江北区卫生健康委员会",
     ["江北区卫生健康委员会2024年", "工作总结及2025年工作打算"]),
    ("关于青山区教育体育局2024年度工作情况和2025年工作思路的报告", "青山区教育体育局",
     ["关于青山区教育体育局2024年度", "工作情况和2025年工作思路的报告"]),
    ("某某市某某区人民政府办公室关于2024年度法治政府建设工作情况的报告", "某某市某某区人民政府办公室",
     ["某某市某某区人民政府办公室", "关于2024年度法治政府建设工作情况的报告"]),
])
def test_long_titles_break_by_meaning(title: str, org: str, lines: List[str]) -> None:
    assert _lines(title, org) == lines


def test_a_title_without_seams_still_never_breaks_inside_a_quotation_or_number() -> None:
    title = "某某县推进“数字政府”和“放管服”改革暨优化营商环境工作三年行动计划实施情况报告2024"
    lines = _lines(title, "")
    assert "".join(lines) == title
    assert all(width(line) <= LINE_CHARS for line in lines)
    for line in lines:
        assert line.count("“") == line.count("”")
    assert not lines[-1].startswith(("”", "，")) and "2024" in lines[-1]


def test_the_title_paragraph_holds_its_lines_as_line_breaks(run, tmp_path: Path) -> None:
    title = _render(run, tmp_path).paragraphs[0]
    assert title.text == "青山区教育体育局2024年\n工作总结及2025年工作打算"
