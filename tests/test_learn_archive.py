"""Learning from a messy archive: every hand-written fixture (scraped pages, collections,
truncated pages, Traditional script, unnumbered parts) and the seeds as one corpus.

The learned outline must still draft every sample with a plausible heading for each part —
no theme sentence or page junk as a part heading — and with this year's work before the
problems and the problems before the plan.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from drafter.draft import Heading
from drafter.outline.learn import learn
from drafter.outline.model import Outline, dump_outline
from drafter.render import RenderOptions, render

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
REPORTS = ROOT / "tests" / "fixtures" / "reports"
# What a part heading of a year-end summary may say (the genre's words for the part).
PART_WORDS = {
    "achievements": r"工作|成效|成绩|总结|回顾|情况",
    "highlights": r"亮点|特色|创新",
    "problems": r"问题|不足|困难|短板|差距",
    "plan": r"打算|计划|思路|安排|谋划|重点|方向",
}
JUNK = re.compile(r"下载|侵权|删除|版权|文档|小编|范文|网站|[，。；]|\d{3,}")


@pytest.fixture(scope="module")
def archive_outline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    for path in sorted(REPORTS.iterdir()):
        if not path.name.endswith(".expected.yaml"):
            shutil.copy(path, folder / path.name)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    outline: Outline = learn([folder]).outline
    out = folder.parent / "archive-outline.yaml"
    out.write_text(dump_outline(outline), encoding="utf-8")
    return out


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_archive_outline_drafts_every_sample_plausibly_and_in_order(
        archive_outline: Path, sample: Path, tmp_path: Path) -> None:
    result = render(sample, RenderOptions(out=tmp_path / "draft.md", format="md", outline=archive_outline))
    tops = [(b.part, "".join(s.text for s in b.text)) for b in result.draft.blocks
            if isinstance(b, Heading) and b.level == 1]
    parts = [part for part, _ in tops]
    for part, text in tops:
        if part in PART_WORDS:
            assert re.search(PART_WORDS[part], text), (part, text)
            assert not JUNK.search(re.sub(r"^(?:19|20)\d\d年", "", text)), (part, text)
            assert len(text) <= 16, (part, text)
    order = [p for p in ("achievements", "problems", "plan") if p in parts]
    assert [p for p in parts if p in order] == sorted((p for p in parts if p in order), key=order.index)
    assert parts.index("achievements") < parts.index("plan")


def test_archive_outline_lists_the_parts_in_the_usual_order(archive_outline: Path) -> None:
    from drafter.outline.model import load_outline

    outline = load_outline(archive_outline)
    keys = [p.key for p in outline.parts if p.key != "other"]
    assert keys == ["overview", "achievements", "highlights", "problems", "plan"]
    defaults = {p.key: p.headings[0].text for p in outline.parts if p.headings}
    for key, text in defaults.items():
        if key in PART_WORDS:
            assert re.search(PART_WORDS[key], text) and not JUNK.search(text), (key, text)
