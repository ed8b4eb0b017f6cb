"""Low-level WordprocessingML helpers: the only place that builds XML elements by hand.

python-docx covers paragraphs, runs and sections but not everything a 公文 needs (East Asian
fonts on styles, exact line pitch in twips, outline levels, odd/even footers with a PAGE
field).  OOXML is picky about the order of children, so every setter here inserts in schema
order (ECMA-376 Part 1, CT_PPr / CT_RPr / CT_SectPr sequences).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, Optional, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

# Schema order of the children we touch (ECMA-376 Part 1 §17.3.1.26, §17.3.2.28, §17.6.17).
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
    "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)
SECTPR_ORDER = (
    "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
    "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt",
    "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
    "w:printerSettings", "w:sectPrChange",
)
STYLE_ORDER = (
    "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
    "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal",
    "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr",
    "w:tcPr", "w:tblStylePr",
)

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4


def mm(value: float) -> int:
    """Millimetres → twips."""
    return round(value * TWIPS_PER_MM)


def element(tag: str, attrs: Optional[Dict[str, str]] = None) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        el.set(qn(key), str(value))
    return el


@lru_cache(maxsize=None)
def _later(order: Sequence[str], tag: str) -> FrozenSet[str]:
    """The Clark names of the tags that follow `tag` in `order` (none when `tag` is not in it).

    Worked out once per (order, tag): building the set anew on every call was most of the
    cost of setting a property."""
    return frozenset(qn(t) for t in order[order.index(tag) + 1:]) if tag in order else frozenset()


def set_child(parent, tag: str, attrs: Optional[Dict[str, str]] = None, order: Sequence[str] = ()):
    """Replace (or add) `parent`'s `tag` child, keeping the schema order given by `order`."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    new = element(tag, attrs)
    later = _later(tuple(order), tag)
    if later:
        for i, child in enumerate(parent):
            if child.tag in later:
                parent.insert(i, new)
                return new
    parent.append(new)
    return new


def child(parent, tag: str, order: Sequence[str] = ()):
    """`parent`'s `tag` child, created (in schema order) when missing."""
    found = parent.find(qn(tag))
    return found if found is not None else set_child(parent, tag, None, order)


def remove_children(parent, tags: Iterable[str]) -> None:
    for tag in tags:
        for old in parent.findall(qn(tag)):
            parent.remove(old)


def fonts_attrs(east_asia: str, latin: str) -> Dict[str, str]:
    """w:rFonts with every slot named explicitly: no theme font can win over them."""
    return {"w:ascii": latin, "w:hAnsi": latin, "w:eastAsia": east_asia, "w:cs": latin, "w:hint": "eastAsia"}


def set_run_props(rpr, *, east_asia: Optional[str] = None, latin: Optional[str] = None,
                  size_pt: Optional[float] = None, bold: Optional[bool] = None,
                  color: Optional[str] = None, char_spacing: Optional[int] = None,
                  highlight: Optional[str] = None, lang: Optional[str] = None) -> None:
    if east_asia is not None:
        set_child(rpr, "w:rFonts", fonts_attrs(east_asia, latin or east_asia), RPR_ORDER)
    if bold is not None:
        value = "1" if bold else "0"
        set_child(rpr, "w:b", {"w:val": value}, RPR_ORDER)
        set_child(rpr, "w:bCs", {"w:val": value}, RPR_ORDER)
    if color is not None:
        set_child(rpr, "w:color", {"w:val": color}, RPR_ORDER)
    if char_spacing is not None:
        set_child(rpr, "w:spacing", {"w:val": str(char_spacing)}, RPR_ORDER)
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        set_child(rpr, "w:sz", {"w:val": half_points}, RPR_ORDER)
        set_child(rpr, "w:szCs", {"w:val": half_points}, RPR_ORDER)
    if highlight is not None:
        set_child(rpr, "w:highlight", {"w:val": highlight}, RPR_ORDER)
    if lang is not None:
        set_child(rpr, "w:lang", {"w:val": "en-US", "w:eastAsia": lang, "w:bidi": "ar-SA"}, RPR_ORDER)


def set_para_props(ppr, *, line_twips: Optional[int] = None, first_line_chars: Optional[float] = None,
                   font_pt: float = 16, right_chars: Optional[float] = None, left_chars: Optional[float] = None,
                   jc: Optional[str] = None, outline_level: Optional[int] = None,
                   keep_next: Optional[bool] = None) -> None:
    """Paragraph properties; indents are given in characters of `font_pt` (字符 units)."""
    if keep_next:
        set_child(ppr, "w:keepNext", None, PPR_ORDER)
        set_child(ppr, "w:keepLines", None, PPR_ORDER)
    if line_twips is not None:
        set_child(ppr, "w:spacing", {"w:before": "0", "w:after": "0", "w:beforeLines": "0",
                                     "w:afterLines": "0", "w:line": str(line_twips),
                                     "w:lineRule": "exact"}, PPR_ORDER)
    if first_line_chars is not None or right_chars is not None or left_chars is not None:
        one_char = font_pt * TWIPS_PER_PT
        attrs: Dict[str, str] = {}
        for name, chars in (("firstLine", first_line_chars), ("right", right_chars), ("left", left_chars)):
            chars = chars or 0
            attrs[f"w:{name}Chars"] = str(round(chars * 100))
            attrs[f"w:{name}"] = str(round(chars * one_char))
        set_child(ppr, "w:ind", attrs, PPR_ORDER)
    if jc is not None:
        set_child(ppr, "w:jc", {"w:val": jc}, PPR_ORDER)
    if outline_level is not None:
        set_child(ppr, "w:outlineLvl", {"w:val": str(outline_level)}, PPR_ORDER)


def set_keep_together(ppr, keep: bool) -> None:
    """Direct keepNext/keepLines, overriding what the paragraph's style says."""
    value = "1" if keep else "0"
    set_child(ppr, "w:keepNext", {"w:val": value}, PPR_ORDER)
    set_child(ppr, "w:keepLines", {"w:val": value}, PPR_ORDER)


_R, _RPR, _T = qn("w:r"), qn("w:rPr"), qn("w:t")
_RSTYLE, _B, _BCS, _HIGHLIGHT, _VAL = qn("w:rStyle"), qn("w:b"), qn("w:bCs"), qn("w:highlight"), qn("w:val")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def add_run(p, text: str, *, style_id: Optional[str] = None, highlight: Optional[str] = None,
            bold: Optional[bool] = None):
    """Append to paragraph element `p` a w:r holding `text` as one w:t, with an optional
    character style, highlight and bold, and return it.

    The same XML as python-docx's `add_r()`, `rPr.style = …` and `set_run_props`, built in one
    pass with lxml: python-docx finds each child's place by scanning its successor tags on every
    setter, which was most of the time of rendering a long draft.  The children are appended
    in schema order (RPR_ORDER: rStyle, b, bCs, highlight), so nothing needs moving.
    """
    r = etree.SubElement(p, _R)
    if style_id or highlight is not None or bold is not None:
        rpr = etree.SubElement(r, _RPR)
        if style_id:
            etree.SubElement(rpr, _RSTYLE).set(_VAL, style_id)
        if bold is not None:
            value = "1" if bold else "0"
            etree.SubElement(rpr, _B).set(_VAL, value)
            etree.SubElement(rpr, _BCS).set(_VAL, value)
        if highlight is not None:
            etree.SubElement(rpr, _HIGHLIGHT).set(_VAL, highlight)
    t = etree.SubElement(r, _T)
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(_XML_SPACE, "preserve")
    return r


def page_field_runs(make_run) -> list:
    """The runs of a PAGE field (begin, instruction, separate, shown value, end)."""
    runs = []
    for kind, payload in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        run = make_run()
        if kind == "instr":
            instr = element("w:instrText", {"xml:space": "preserve"})
            instr.text = payload
            run.append(instr)
        elif kind == "text":
            t = element("w:t")
            t.text = payload
            run.append(t)
        else:
            run.append(element("w:fldChar", {"w:fldCharType": kind}))
        runs.append(run)
    return runs
