"""ooxml.add_run builds exactly the XML python-docx's setters built before (issue 12's speed-up)."""
from __future__ import annotations

import itertools

import docx
import pytest
from lxml import etree

from drafter.writers import ooxml


def _through_python_docx(text: str, style_id, highlight, bold):
    """The former path: python-docx's add_r / rPr.style setter, then set_run_props."""
    p = docx.Document().add_paragraph()
    r = p._p.add_r()
    t = ooxml.element("w:t")
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    if style_id or highlight is not None or bold is not None:
        rpr = r.get_or_add_rPr()
        if style_id:
            rpr.style = style_id
        if highlight is not None:
            ooxml.set_run_props(rpr, highlight=highlight)
        if bold is not None:
            ooxml.set_run_props(rpr, bold=bold)
    return p._p


@pytest.mark.parametrize("text, style_id, highlight, bold", list(itertools.product(
    ["全年开展集中学习18次", " 前有空格", "后有空格 ", "【待补充：领导机关】"],
    [None, "PlaceholderChar", "BodyChar"],
    [None, "yellow"],
    [None, False, True],
)))
def test_a_run_is_the_same_xml_as_python_docx_built(text, style_id, highlight, bold) -> None:
    expected = _through_python_docx(text, style_id, highlight, bold)
    p = docx.Document().add_paragraph()._p
    returned = ooxml.add_run(p, text, style_id=style_id, highlight=highlight, bold=bold)
    assert returned is p[-1]
    assert etree.tostring(p) == etree.tostring(expected)


def test_runs_follow_each_other_in_the_paragraph() -> None:
    p = docx.Document().add_paragraph()._p
    for text in ("一是", "二是", "三是"):
        ooxml.add_run(p, text)
    assert [r.text for r in docx.text.paragraph.Paragraph(p, None).runs] == ["一是", "二是", "三是"]
