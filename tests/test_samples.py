"""Every shipped sample renders cleanly, and every fact of it survives into the draft."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLES, paragraphs
from drafter.compose.filters import MEASURE_ENDS

NOT_PRINTED_AS_GIVEN = ("period", "year", "date", "title", "signature", "intro")


# Units a draft may restate a figure in, and how many of the given unit each holds.
RESTATED = {"万元": [("亿元", 10**-4), ("元", 10**4)], "元": [("万元", 10**-4), ("亿元", 10**-8)],
            "亿元": [("万元", 10**4)], "万人": [("人", 10**4)], "万吨": [("吨", 10**4)], "万亩": [("亩", 10**4)]}
ZERO_WORDS = ("清零", "未发生", "为零")


def _stated_values(value: float, unit: str) -> list:
    """The ways a draft may state a figure's value, worked out independently of the filters."""
    if value == 0:
        return list(ZERO_WORDS)
    value = abs(value)  # a loss reads 亏损35万元
    forms = [f"{value:g}{unit}"]
    for name, factor in RESTATED.get(unit, []):
        scaled = round(value * factor, 6)
        forms.append(f"{scaled:g}{name}")
    return forms


class Figure(tuple):
    """A figure: its label must stand in the draft with its value stated in the same clause."""

    def found_in(self, text: str) -> bool:
        label, value, unit = self
        if value < 0 and label.endswith("增长") and unit in ("%", "％", "‰"):
            label = label[:-2] + "下降"  # a negative growth reads as a fall
        at = text.find(label)
        base = str(unit).lstrip("万亿千百")
        if at < 0 and len(base) >= 2 and label.endswith(base):  # 门急诊人次 38.6万人次 → 门急诊38.6万人次
            label = label[: -len(base)]
            at = text.find(label)
        if at < 0:
            at = _near_label(label, text)
        if at < 0:
            at = _split_label(label, text)
        if at < 0:
            return False
        start = max(text.rfind(mark, 0, at) for mark in "，；。") + 1  # 全年未发生… starts before the label
        clause = text[start:at] + re.split("[；。]", text[at:], maxsplit=1)[0]
        return any(form in clause for form in _stated_values(value, unit))


def _split_label(label: str, text: str) -> int:
    """Where a point ends with the label's first words and the figure goes on with the rest
    (严打电信网络诈骗，立案数312起; a two-character rest keeps two more: …签约服务，服务人数…), or -1."""
    if not label.endswith(MEASURE_ENDS):
        return -1  # only a rest that measures the point's words is split off
    for size in range(len(label) - 2, 3, -1):
        rest = label[size:] if len(label) - size >= 3 else label[size - 2:]
        at = text.find(f"{label[:size]}，{rest}")
        if at >= 0:
            return at + size + 1  # the clause that states the value starts after the ，
    return -1


def _near_label(label: str, text: str) -> int:
    """Where the draft names the label in a point's own words (发布各类预警信号 for 发布预警信号:
    every character in order, at most 4 more, the same head noun at the end), or -1."""
    if len(label) < 3:
        return -1
    pattern = re.escape(label[0]) + "".join(f"[^，；。]{{0,4}}?{re.escape(c)}" for c in label[1:])
    for m in re.finditer(pattern, text):
        if len(m.group()) - len(label) <= 4 and m.group().endswith(label[-2:]):
            return m.start()
    return -1


def facts_of(data) -> list:
    """(path, what the draft must contain) for every text value and figure of a sheet."""
    out = []

    def walk(node, path):
        if isinstance(node, dict) and {"label", "value", "unit"} <= node.keys():
            out.append((path, Figure((node["label"], node["value"], node["unit"]))))
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


def present(want, text: str) -> bool:
    return want.found_in(text) if isinstance(want, Figure) else want in text


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
    missing = [(path, want) for path, want in facts_of(data) if not present(want, text)]
    assert missing == []
    assert "【待补充" not in text and "None" not in text


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_has_no_leftover_placeholders_of_the_seeds(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    for token in ("xxxx", "XX", "＊", "××", "【待补充"):
        assert token not in text
