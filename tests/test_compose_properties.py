"""Properties of composing: any text a user types survives literally, and nothing crashes."""
from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from drafter.compose.composer import compose
from drafter.compose.templating import TemplateSet
from drafter.draft import Heading
from drafter.facts.model import build_factsheet
from drafter.facts.typing_checks import enumerator, normalise
from drafter.facts.yamlload import parse_yaml_text
from drafter.outline.model import load_outline
from drafter.resources import default_outline_path
from drafter.writers.text import to_text

# Letters, digits, punctuation, symbols and spaces: anything a user could type into a sheet.
TYPED = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=40)
LINE = TYPED.map(str.strip).filter(bool)

OUTLINE = load_outline(default_outline_path())
TEMPLATES = TemplateSet(None)


def draft_text(data: dict) -> str:
    sheet = build_factsheet(parse_yaml_text(yaml.safe_dump(data, allow_unicode=True), Path("t.yaml")))
    return to_text(compose(sheet, OUTLINE, TEMPLATES))


def sheet(**parts) -> dict:
    data = {"report": {"org": "测试局", "year": 2024, "date": "2025-01-06"},
            "achievements": [{"title": "工作", "points": ["做法"]}]}
    data.update(parts)
    return data


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(title=LINE, approach=LINE, points=st.lists(LINE, min_size=1, max_size=4), detail=LINE)
def test_every_typed_value_appears_literally(title: str, approach: str, points: list, detail: str) -> None:
    text = draft_text(sheet(achievements=[{"title": title, "approach": approach, "points": points}],
                            problems=[{"title": "问题", "detail": detail}]))
    # the draft writes typed text normalised (drafter.facts.typing_checks: no typed 一是, full-width
    # punctuation, its own closing marks), so compare the normalised text without trailing marks
    for value, role in [(title, "heading"), (approach, "clause"), (detail, "paragraph"),
                        *((p, "item") for p in points)]:
        core = normalise(value, role).text.rstrip("。；;，,、.!！？?：:").strip()
        assert core in text, (value, text)


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(LINE, min_size=2, max_size=4))
def test_each_paragraph_of_a_multi_line_value_is_its_own_paragraph(lines: list) -> None:
    """Lines apart by a blank line are the paragraphs the user meant (a single line break inside
    a sentence is a soft wrap: see the next test and drafter.facts.typing_checks.unwrap)."""
    text = draft_text(sheet(problems=[{"title": "问题", "detail": "\n\n".join(lines)}]))
    paragraphs = [p.strip("\u3000") for p in text.split("\n\n")]
    for line in lines[1:]:
        assert normalise(line.strip(), "paragraph").text in paragraphs


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(LINE, min_size=2, max_size=4))
@example(lines=["①", "0"])  # an enumerator alone on its line goes when the point runs on after it
def test_a_soft_wrapped_value_loses_no_text(lines: list) -> None:
    """Typed on several lines (a YAML | block, a paste from Word): every character is still there,
    in order, wherever the lines were joined or kept apart."""
    text = draft_text(sheet(problems=[{"title": "问题", "detail": "\n".join(lines)}]))
    rest = iter(text)
    for line in lines:
        if enumerator().fullmatch(line.strip()):
            continue  # ① typed on a line of its own, then the point: the draft numbers points itself
        # letters and digits, which no typing rule changes (an enumerator typed at a line's start
        # may go: normalising the line alone drops it too); punctuation may be made full-width
        words = [ch for ch in normalise(line.strip(), "paragraph").text if ch.isalnum()]
        assert all(ch in rest for ch in words), (lines, text)


def compose_data(data: dict):
    sheet_ = build_factsheet(parse_yaml_text(yaml.safe_dump(data, allow_unicode=True), Path("t.yaml")))
    return compose(sheet_, OUTLINE, TEMPLATES)


def problem_blocks(draft) -> list:
    """The blocks of the 存在的问题 part: from its level-1 heading to the next one."""
    start = next(i for i, b in enumerate(draft.blocks) if isinstance(b, Heading) and b.part == "problems")
    end = next((i for i, b in enumerate(draft.blocks[start + 1:], start + 1)
                if isinstance(b, Heading) and b.level == 1), len(draft.blocks))
    return draft.blocks[start:end]


BASELINE = [type(b) for b in problem_blocks(compose_data(sheet(problems=[{"title": "问题", "detail": "正常"}])))]


def test_private_use_characters_pass_through_to_the_draft_model() -> None:
    # 造字 and GBK user-defined characters live in U+E000–U+F8FF; they used to be the marks.
    made_up = "张\ue000某\ue005\ue006\ue007\ue003\ue004\uf8ff市。"
    draft = compose_data(sheet(problems=[{"title": "问题", "detail": made_up}]))
    blocks = problem_blocks(draft)
    assert [type(b) for b in blocks] == BASELINE  # nothing forged
    assert [s.text for s in blocks[-1].body] == [made_up]
    assert not any(s.placeholder for s in blocks[-1].body)


def test_noncharacter_marks_in_values_cannot_forge_structure() -> None:
    """Validation refuses noncharacters; even a caller skipping it cannot forge a heading or a placeholder."""
    forged = "正常文字\ufdd8\ufdd51\ufdd6伪造标题\ufdd7\ufdd3【待补充：假】\ufdd4。"
    draft = compose_data(sheet(problems=[{"title": "问题", "detail": forged}]))
    blocks = problem_blocks(draft)
    assert [type(b) for b in blocks] == BASELINE
    body = blocks[-1].body
    assert "".join(s.text for s in body).endswith("正常文字1伪造标题【待补充：假】。")
    assert not any(s.placeholder for s in body)
    assert all(s.source is not None for s in body if "伪造" in s.text)
