"""The analysed report: a tree of sections, with the `analyze --json` contract and the text view.

Each section keeps, next to what the contract prints (heading as it stands, line, level,
canonical part), what learning needs: the heading in Simplified Chinese without its number,
its numbering style and the section's own text; none of that extra reaches the JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional

from .model import PART_NAMES_ZH

SCRIPT_NAMES_ZH = {"simplified": "简体", "traditional": "繁体"}


@dataclass
class Section:
    canonical: str
    heading: Optional[str]  # as it stands in the file, number included; None for the overview
    line: int
    level: int
    children: List["Section"] = field(default_factory=list)
    style: Optional[str] = None  # numbering style id, e.g. "(cn)"
    text: str = ""  # the heading without its number, normalised Simplified
    run_in: bool = False
    body: List[str] = field(default_factory=list)  # normalised Simplified paragraphs (and run-in tails)
    continued: bool = False  # the text starts inside this part (a later page of an article)
    opened_by: Optional[str] = None  # no heading: the part its opening sentence signals (下一步，我们将…)
    evidence: List[str] = field(default_factory=list)  # why it got its label, for `analyze --explain`

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def chars(self) -> int:
        """Characters of text in this section and its subsections, headings included."""
        return len(self.text) + sum(len(p) for p in self.body) + sum(c.chars() for c in self.children)

    def to_dict(self) -> Dict[str, object]:
        out: Dict[str, object] = {
            "canonical": self.canonical,
            "heading": self.heading,
            "line": self.line,
            "level": self.level,
            "children": [c.to_dict() for c in self.children],
        }
        if self.continued:  # the contract's extension: absent means false
            out["continued"] = True
        return out


@dataclass
class Report:
    title: Optional[str]
    script: str
    sections: List[Section]
    year: Optional[int] = None
    title_norm: Optional[str] = None
    kind: str = "txt"  # of the file read: "docx" numbers paragraphs (第 N 段), the others lines

    def to_dict(self) -> Dict[str, object]:
        """Exactly the `drafter analyze --json` contract."""
        return {"title": self.title, "script": self.script, "sections": [s.to_dict() for s in self.sections]}

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_tree(report: Report, *, depth: Optional[int] = None, width: int = 40, explain: bool = False) -> str:
    """The outline as an indented tree with Chinese part names, for people; with `explain`, each
    top-level part is followed by the evidence its label was chosen on."""
    lines = [f"标题：{report.title or '（未找到）'}", f"文字：{SCRIPT_NAMES_ZH.get(report.script, report.script)}"]
    if not report.sections:
        lines.append("（未找到正文）")
    unit = "段" if report.kind == "docx" else "行"

    def add(section: Section, indent: int) -> None:
        if depth is not None and section.level > depth:
            return
        name = PART_NAMES_ZH.get(section.canonical, section.canonical)
        if section.heading:
            heading = _short(section.heading, width)
        elif section.continued:
            heading = "（接上页，本部分的开头不在此文件中）"
        elif section.level:
            heading = "（无标题，以开头句起始）"
        else:
            heading = "（无标题的开头段落）"
        lines.append(f"{'  ' * indent}[{name}] {heading}  （第 {section.line} {unit}）")
        if explain:
            evidence = section.evidence or (["没有编号标题之前的开头段落→开头概述"] if section.level == 0 else [])
            lines.extend(f"{'  ' * (indent + 2)}· {note}" for note in evidence)
        for child in section.children:
            add(child, indent + 1)

    for section in report.sections:
        add(section, 1)
    return "\n".join(lines)
