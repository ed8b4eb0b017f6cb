"""The learned outline: what `drafter learn` writes and `drafter render` follows.

It is stored as YAML (described by schemas/outline.schema.json) so an office can read and
adjust it.  Only aggregate counts are kept — no file names, dates or paths — so that learning
the same reports twice gives the same file byte for byte.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from ..errors import OutlineError

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


@dataclass
class HeadingVariant:
    """A heading wording without its number; years replaced by {year} / {next_year}."""

    text: str
    count: int


@dataclass
class Part:
    key: str
    presence: int  # how many reports have this part
    levels: Dict[int, int] = field(default_factory=dict)  # level → how many reports have it there
    headings: List[HeadingVariant] = field(default_factory=list)
    subsections: Dict[str, float] = field(default_factory=dict)  # typical count, chars …

    def rate(self, reports: int) -> float:
        return self.presence / reports if reports else 0.0


@dataclass
class Phrase:
    text: str
    df: int  # document frequency: in how many reports it occurs


@dataclass
class Outline:
    reports: int
    parts: List[Part]
    numbering: Dict[int, str] = field(default_factory=lambda: dict(DEFAULT_NUMBERING))
    phrases: Dict[str, List[Phrase]] = field(default_factory=dict)
    skipped: int = 0

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
                }
                for p in self.parts
            ],
            "numbering": dict(sorted(self.numbering.items())),
            "phrases": {k: [{"text": ph.text, "df": ph.df} for ph in v] for k, v in self.phrases.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Outline":
        parts = [
            Part(
                key=p["key"],
                presence=int(p.get("presence", 0)),
                levels={int(k): int(v) for k, v in (p.get("levels") or {}).items()},
                headings=[HeadingVariant(h["text"], int(h.get("count", 1))) for h in p.get("headings") or []],
                subsections=dict(p.get("subsections") or {}),
            )
            for p in data.get("parts") or []
        ]
        numbering = dict(DEFAULT_NUMBERING)
        numbering.update({int(k): str(v) for k, v in (data.get("numbering") or {}).items()})
        phrases = {k: [Phrase(ph["text"], int(ph.get("df", 1))) for ph in v or []]
                   for k, v in (data.get("phrases") or {}).items()}
        return cls(reports=int(data.get("reports", 0)), parts=parts, numbering=numbering, phrases=phrases,
                   skipped=int(data.get("skipped", 0)))


def load_outline(path: Path) -> Outline:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise OutlineError("找不到提纲文件", path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise OutlineError("无法读取提纲文件（应为 UTF-8 编码的 YAML）", path=path) from exc
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise OutlineError("提纲文件不是合法的 YAML", path=path, line=mark.line + 1 if mark else None,
                           column=mark.column + 1 if mark else None) from exc
    if not isinstance(data, dict) or not isinstance(data.get("parts"), list):
        raise OutlineError("提纲文件缺少 parts 列表，请用 drafter learn 重新生成", path=path)
    try:
        return Outline.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise OutlineError(f"提纲文件内容不完整（{exc}），请用 drafter learn 重新生成", path=path) from exc
