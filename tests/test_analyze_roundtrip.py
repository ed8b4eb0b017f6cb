"""Every draft drafter renders, fed back through `drafter analyze`, yields its canonical outline.

The expected outline is read off the Draft the renderer built (its title and level-1 headings
with their part), not computed by the analyser, and checked for .docx, .md and .txt output.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
import yaml

from drafter.draft import Heading, Paragraph, Title
from drafter.outline.analyze import analyze_file
from drafter.render import RenderOptions, render

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def _variants() -> List[Tuple[str, Dict[str, Any]]]:
    out = []
    for sample in SAMPLES:
        data = yaml.safe_load(sample.read_text(encoding="utf-8"))
        out.append((sample.stem, data))
        half = copy.deepcopy(data)
        half["report"]["period"] = "first-half"
        out.append((sample.stem + "-first-half", half))
        other = copy.deepcopy(data)
        other.pop("highlights", None)
        other["others"] = [{"title": "获得市级以上荣誉", "points": ["区教研室获评省级先进集体"]},
                           {"title": "当前面临的形势和挑战", "points": ["学位需求持续增长"]}]
        out.append((sample.stem + "-others", other))
        bare = {"report": copy.deepcopy(data["report"]), "achievements": copy.deepcopy(data["achievements"][:1])}
        out.append((sample.stem + "-bare", bare))
    return out


def _expected(draft) -> Tuple[str, List[Tuple[str, str]], bool]:
    title = next(b for b in draft.blocks if isinstance(b, Title))
    text = "".join(span.text for line in title.lines for span in line)
    parts = [(b.part or "", b.number + "".join(s.text for s in b.text))
             for b in draft.blocks if isinstance(b, Heading) and b.level == 1]
    first_heading = next(i for i, b in enumerate(draft.blocks) if isinstance(b, Heading))
    opening = any(isinstance(b, Paragraph) for b in draft.blocks[:first_heading])
    return text, parts, opening


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
@pytest.mark.parametrize("name, data", _variants(), ids=lambda v: v if isinstance(v, str) else "")
def test_rendered_draft_analyses_back_to_its_outline(tmp_path: Path, name: str, data: Dict[str, Any],
                                                     fmt: str) -> None:
    sheet = tmp_path / f"{name}.yaml"
    sheet.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / f"{name}.{fmt}"
    result = render(sheet, RenderOptions(out=out, format=fmt))
    title, parts, opening = _expected(result.draft)
    report = analyze_file(out)
    assert report.title == title
    got = [(s.canonical, s.heading) for s in report.sections]
    assert got == ([("overview", None)] if opening else []) + parts


def test_nested_highlights_come_back_nested(tmp_path: Path) -> None:
    outline = (ROOT / "templates" / "outline.yaml").read_text(encoding="utf-8")
    assert "  levels: {1: 1, 2: 1}\n" in outline  # highlights, as learned from the seeds
    nested = tmp_path / "nested.yaml"
    nested.write_text(outline.replace("  levels: {1: 1, 2: 1}\n", "  levels: {2: 3}\n"), encoding="utf-8")
    out = tmp_path / "draft.docx"
    result = render(SAMPLES[0], RenderOptions(out=out, outline=nested))
    report = analyze_file(out)
    achievements = report.sections[1]
    wanted = [(b.part or "achievements", b.number + "".join(s.text for s in b.text))
              for b in result.draft.blocks if isinstance(b, Heading) and b.level == 2][:len(achievements.children)]
    assert [(c.canonical, c.heading) for c in achievements.children] == wanted
    assert achievements.children[-1].canonical == "highlights"
