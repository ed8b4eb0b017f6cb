"""One report file → its outline (`drafter analyze`): read, find the report, build and label the tree.

The classifier's learned vocabulary comes from an outline file (the shipped one by default), so
`analyze` never needs jieba: learned words are matched as substrings of the normalised heading.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..corpus.extract import extract
from ..corpus.readers import Document, read_document
from ..errors import ReportError
from .classify import Vocabulary, classify, report_year
from .headings import build_sections
from .model import Outline, load_outline
from .segment import paragraphs
from .tree import Report, Section


def analyze_document(doc: Document, vocabulary: Optional[Vocabulary] = None) -> Report:
    """The labelled outline of a document already read."""
    found = extract(doc)
    paras = paragraphs(found.body)
    opening, sections = build_sections(paras, doc.outline_levels, doc.bold,
                                       report_year(found.title_norm, [], ""))
    opening_text = "".join(p.norm for p in opening)
    year = report_year(found.title_norm, sections, opening_text)
    classify(sections, year, vocabulary or Vocabulary())
    if opening:
        overview = Section("overview", None, opening[0].line, 0, body=[p.norm for p in opening])
        sections = [overview] + sections
    return Report(found.title, found.script, sections, year, found.title_norm)


def vocabulary_of(outline: Optional[Outline]) -> Vocabulary:
    if outline is None:
        return Vocabulary()
    return Vocabulary({p.key: {c.text: c.count for c in p.vocabulary} for p in outline.parts if p.vocabulary})


def default_vocabulary(outline_path: Optional[Path] = None) -> Vocabulary:
    """The vocabulary of `outline_path`, else of the shipped outline (none if it is missing)."""
    if outline_path is not None:
        return vocabulary_of(load_outline(outline_path))
    from ..resources import default_outline_path

    try:
        path = default_outline_path()
    except RuntimeError:
        return Vocabulary()
    return vocabulary_of(load_outline(path)) if path.is_file() else Vocabulary()


def analyze_file(path: Path, outline_path: Optional[Path] = None) -> Report:
    """`drafter analyze REPORT`: the outline of one report file, or a `DrafterError`."""
    doc = read_document(path)
    report = analyze_document(doc, default_vocabulary(outline_path))
    report.kind = doc.kind
    if not report.sections:
        raise ReportError("没有找到报告正文（文件中只有网页导航、版权声明之类的内容）", path=path)
    return report
