"""The learned outline: what `drafter learn` writes and `drafter render` follows.

It is stored as YAML (described by schemas/outline.schema.json) so an office can read and
adjust it.  Only aggregate counts are kept — no file names, dates or paths — so that learning
the same reports twice gives the same file byte for byte.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional

import yaml

from ..errors import OutlineError
from ..record import field, record

CANONICAL_PARTS = ("overview", "achievements", "highlights", "problems", "plan", "other")

PART_NAMES_ZH = {
    "overview": "开头概述",
    "achievements": "主要工作",
    "highlights": "特色亮点",
    "problems": "存在问题",
    "plan": "工作打算",
    "other": "其他",
}

# Numbering patterns: {cn} is a Chinese numeral (一, 十二), {n} an Arabic one.
DEFAULT_NUMBERING = {1: "{cn}、", 2: "（{cn}）", 3: "{n}.", 4: "（{n}）"}


@record
class HeadingVariant:
    """A heading wording without its number; years replaced by {year} / {next_year}."""

    text: str
    count: int


@record
class Cue:
    """A word of this part's headings (found with jieba) and in how many such headings it occurs."""

    text: str
    count: int


@record
class Part:
    key: str
    presence: int  # how many reports have this part
    levels: Dict[int, int] = field(default_factory=dict)  # level → how many reports have it there
    headings: List[HeadingVariant] = field(default_factory=list)
    # typical shape: count (subsections), chars (per subsection), items (一是… per subsection),
    # run_in (share of run-in subsection headings), part_chars (the whole part)
    subsections: Dict[str, float] = field(default_factory=dict)
    vocabulary: List[Cue] = field(default_factory=list)  # learned heading words, for `analyze`
    # generic sentences that open this part before its first subsection (kind "lead_in"), with
    # the year as {year}/{next_year} and never an organisation's name or a figure; drafts uses
    # them and falls back to its own stock wording when the list is empty
    lead_ins: List["Phrase"] = field(default_factory=list)

    def rate(self, reports: int) -> float:
        return self.presence / reports if reports else 0.0


PHRASE_KINDS = ("phrase", "opener", "lead_in")


@record
class Phrase:
    text: str
    df: int  # document frequency: in how many reports it occurs
    kind: str = "phrase"  # "phrase": stock multi-word phrase; "opener": how sentences start; "lead_in"


@record
class Outline:
    reports: int
    parts: List[Part]
    numbering: Dict[int, str] = field(default_factory=lambda: dict(DEFAULT_NUMBERING))
    phrases: Dict[str, List[Phrase]] = field(default_factory=dict)
    skipped: int = 0
    numbering_styles: Dict[int, Dict[str, int]] = field(default_factory=dict)  # level → pattern → reports

    def part(self, key: str) -> Optional[Part]:
        return next((p for p in self.parts if p.key == key), None)

    def rate(self, key: str) -> float:
        part = self.part(key)
        return part.rate(self.reports) if part else 0.0

    def to_dict(self) -> dict:
        return {
            "version": 1,
            "reports": self.reports,
            "skipped": self.skipped,
            "parts": [
                {
                    "key": p.key,
                    "presence": p.presence,
                    "levels": dict(sorted(p.levels.items())),
                    "headings": [{"text": h.text, "count": h.count} for h in p.headings],
                    "subsections": dict(p.subsections),
                    "vocabulary": [{"text": c.text, "count": c.count} for c in p.vocabulary],
                    "lead_ins": [{"text": ph.text, "df": ph.df} for ph in p.lead_ins],
                }
                for p in self.parts
            ],
            "numbering": dict(sorted(self.numbering.items())),
            "numbering_styles": {level: dict(styles) for level, styles in sorted(self.numbering_styles.items())},
            "phrases": {k: [{"text": ph.text, "df": ph.df, "kind": ph.kind} for ph in v]
                        for k, v in self.phrases.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Outline":
        parts = [
            Part(
                key=p["key"],
                presence=int(p.get("presence", 0)),
                levels={int(k): int(v) for k, v in (p.get("levels") or {}).items()},
                headings=[HeadingVariant(h["text"], int(h.get("count", 1))) for h in p.get("headings") or []],
                subsections={str(k): float(v) for k, v in (p.get("subsections") or {}).items()},
                vocabulary=[Cue(c["text"], int(c.get("count", 1))) for c in p.get("vocabulary") or []],
                lead_ins=[Phrase(ph["text"], int(ph.get("df", 1)), "lead_in") for ph in p.get("lead_ins") or []],
            )
            for p in data.get("parts") or []
        ]
        numbering = dict(DEFAULT_NUMBERING)
        numbering.update({int(k): str(v) for k, v in (data.get("numbering") or {}).items()})
        styles = {int(level): {str(k): int(v) for k, v in (counts or {}).items()}
                  for level, counts in (data.get("numbering_styles") or {}).items()}
        phrases = {k: [Phrase(ph["text"], int(ph.get("df", 1)), str(ph.get("kind", "phrase"))) for ph in v or []]
                   for k, v in (data.get("phrases") or {}).items()}
        return cls(reports=int(data.get("reports", 0)), parts=parts, numbering=numbering, phrases=phrases,
                   skipped=int(data.get("skipped", 0)), numbering_styles=styles)


class _Dumper(yaml.SafeDumper):
    """Block style for the structure, flow style for small leaf mappings: readable and stable."""


def _represent_dict(dumper: yaml.SafeDumper, data: dict) -> yaml.Node:
    leaf = all(not isinstance(v, (dict, list)) for v in data.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=leaf and bool(data))


_Dumper.add_representer(dict, _represent_dict)

HEADER = (
    "# drafter 学到的年度工作总结提纲：由 `drafter learn` 从 {reports} 份报告生成。\n"
    "# 各部分按常见顺序排列；presence 为含有该部分的报告数，levels 为所在层级，headings 为常见标题（不含编号，\n"
    "# {{year}}/{{next_year}} 代表总结年度/下一年度），vocabulary 为标题用词，phrases 为常用表述（df 为出现在几份报告中）。\n"
    "# 可以手工调整后用 drafter render --outline 使用；结构见 schemas/outline.schema.json。\n"
)


def dump_outline(outline: Outline) -> str:
    """The YAML text of an outline, the same bytes for the same outline."""
    body = yaml.dump(outline.to_dict(), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120,
                     default_flow_style=False)
    return HEADER.format(reports=outline.reports) + body


_OWN_WORDS = ("yaml.too-large", "yaml.too-deep", "yaml.not-mapping", "yaml.empty")  # already say what is wrong


def load_outline(path: Path) -> Outline:
    from ..facts.findings import LoadError
    from ..facts.yamlload import YamlProfile, load_yaml_file
    from ..limits import OUTLINE, OUTLINE_YAML

    profile = YamlProfile("提纲文件", OUTLINE, OUTLINE_YAML, "可以用 drafter learn 重新生成提纲文件", "version:、parts: …")
    try:
        loaded = load_yaml_file(path, profile)  # the one YAML loader: marks, limits, alias bombs refused
    except LoadError as exc:
        loc = exc.location
        syntax = exc.code.startswith("yaml.") and exc.code not in _OWN_WORDS
        message = f"提纲文件不是合法的 YAML：{exc.message}" if syntax else exc.message
        raise OutlineError(message, path=path, line=loc.line if loc else None, column=loc.column if loc else None,
                           detail=exc.detail, hint=profile.start_hint, code=exc.code) from None
    text, data = loaded.text, loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("parts"), list):
        raise OutlineError("提纲文件缺少 parts 列表，请用 drafter learn 重新生成", path=path)
    from .schema_check import check_outline

    check_outline(text, data, path)
    try:
        return Outline.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise OutlineError(f"提纲文件内容不完整（{exc}），请用 drafter learn 重新生成", path=path) from exc
