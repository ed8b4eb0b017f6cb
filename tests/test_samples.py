"""Every shipped sample renders cleanly, and every fact of it survives into the draft."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import SAMPLES, paragraphs

NOT_PRINTED_AS_GIVEN = ("period", "year", "date", "title", "signature", "intro")


def _stated_value(value: float, unit: str) -> str:
    """How the draft must state a figure's value, worked out independently of the filters."""
    if unit == "%":
        return f"{value:g}%"
    if unit == "万元" and value >= 10000 and round(value / 10000, 2) == value / 10000:
        return f"{value / 10000:g}亿元"
    return f"{value:g}{unit}"


def facts_of(data) -> list:
    """(path, text the draft must contain) for every text value and figure of a sheet."""
    out = []

    def walk(node, path):
        if isinstance(node, dict) and {"label", "value", "unit"} <= node.keys():
            out.append((path, node["label"] + _stated_value(node["value"], node["unit"])))
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in NOT_PRINTED_AS_GIVEN:
                    walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")
        elif isinstance(node, str):
            out.append((path, node.rstrip("。；")))

    walk(data, "")
    return out


def test_there_are_samples_of_three_kinds() -> None:
    kinds = {yaml.safe_load(p.read_text(encoding="utf-8"))["report"]["period"] for p in SAMPLES}
    assert len(SAMPLES) >= 3 and kinds == {"annual", "first-half"}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_renders_without_placeholders_and_keeps_every_fact(run, tmp_path: Path, sample: Path) -> None:
    out = tmp_path / "d.docx"
    result = run("render", sample, "-o", out, "--strict")
    assert result.exit_code == 0, result.output
    text = "\n".join(paragraphs(out))
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))
    missing = [(path, want) for path, want in facts_of(data) if want not in text]
    assert missing == []
    assert "【待补充" not in text and "None" not in text


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_has_no_leftover_placeholders_of_the_seeds(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    for token in ("xxxx", "XX", "＊", "××", "【待补充"):
        assert token not in text
