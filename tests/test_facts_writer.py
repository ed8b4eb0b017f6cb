"""Writing a sheet: every value reads back unchanged, every field carries a Chinese comment."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.facts.writer import dump_sheet, schema_reference, scalar
from drafter.facts.yamlload import load_yaml_file, parse_yaml_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "edu-bureau-2024.yaml"

# What a person may type or paste, or what last year's report may hold: any character but a lone
# surrogate (which no UTF-8 file can hold), with YAML's troublemakers drawn often — NEL, U+2028/9
# and the C1 controls, which YAML may not hold raw.
TEXT = st.text(st.characters(blacklist_categories=("Cs",))
               | st.sampled_from(list("\n :#'\"-{}[],&*!|>%@`?~\x85\u2028\u2029\x7f\x9f\ufeff\ufffe\t\r")),
               max_size=12) \
    | st.sampled_from(["yes", "null", "2024", "1e3", "0x1F", "- a", "a: b", "a #b", " x", "x ", "2025-01-10",
                       "\n", "a\n", "\na", "  a\nb", "a\n\nb", "a \nb", "."])
NUMBER = st.integers(-10**9, 10**9) | st.floats(-1e9, 1e9, allow_nan=False).map(lambda f: round(f, 3))
FIGURE = st.fixed_dictionaries({"label": TEXT, "value": NUMBER, "unit": TEXT},
                               optional={"previous": st.none() | NUMBER})
THEME = st.fixed_dictionaries({"title": TEXT}, optional={"approach": st.none() | TEXT,
                                                         "points": st.lists(TEXT, min_size=1, max_size=3),
                                                         "figures": st.lists(FIGURE, min_size=1, max_size=2)})
SHEET = st.fixed_dictionaries(
    {"report": st.fixed_dictionaries({"org": TEXT, "year": st.integers(2000, 2100), "date": TEXT},
                                     optional={"title": st.none() | TEXT, "leadership": st.none() | TEXT}),
     "achievements": st.lists(THEME, min_size=1, max_size=2)},
    optional={"problems": st.lists(st.fixed_dictionaries({"title": TEXT}, optional={"detail": TEXT}), min_size=1,
                                   max_size=2),
              "plans": st.fixed_dictionaries({}, optional={"intro": st.none() | TEXT,
                                                           "items": st.lists(THEME, min_size=1, max_size=2)})})


@settings(max_examples=300, deadline=None)
@given(SHEET)
def test_every_value_reads_back_unchanged(sheet: Dict[str, Any]) -> None:
    text = dump_sheet(sheet, schema_ref="x.json")
    assert parse_yaml_text(text, Path("a.yaml")).data == sheet


@given(TEXT)
def test_scalars_in_flow_mappings_read_back(value: str) -> None:
    line = "- { label: " + scalar(value, flow=True) + ", value: 1 }"
    assert parse_yaml_text("k:\n  " + line + "\n", Path("a.yaml")).data == {"k": [{"label": value, "value": 1}]}


def test_characters_yaml_cannot_hold_raw_are_escaped() -> None:
    # Before: NEL came back as a space, and DEL, C1 controls and U+FFFE made a file that no longer
    # loaded ("unacceptable character").
    for value in ("第一\x85第二", "a\u2028b", "a\u2029b", "a\x7fb", "a\x80b", "a\x9fb", "a\ufffeb"):
        written = scalar(value)
        assert written.isprintable() and "\\u" in written
        assert parse_yaml_text(f"k: {written}\n", Path("a.yaml")).data == {"k": value}


def test_the_sample_written_again_keeps_its_data_and_layout() -> None:
    data = load_yaml_file(SAMPLE).data
    text = dump_sheet(data, schema_ref="../schemas/factsheet.schema.json")
    assert parse_yaml_text(text, Path("a.yaml")).data == data
    assert text.startswith("# yaml-language-server: $schema=../schemas/factsheet.schema.json\n")
    assert '  date: "2025-01-10"                    # 成文日期\n' in text
    assert "      - { label: 义务教育巩固率, value: 99.6, unit: \"%\", previous: 99.2 }\n" in text


def test_every_field_line_has_a_chinese_comment() -> None:
    text = dump_sheet(load_yaml_file(SAMPLE).data)
    for line in text.splitlines():
        if re.match(r"^\s*(- )?[a-z]+:", line):
            assert re.search(r"  # \S", line) and re.search(r"[\u4e00-\u9fff]", line.split("#", 1)[1]), line


def test_schema_reference_is_relative_when_it_can_be(tmp_path: Path) -> None:
    ref = schema_reference(tmp_path / "事实表.yaml")
    assert ref.endswith("schemas/factsheet.schema.json")
    assert (tmp_path / ref).resolve().is_file() or ref.startswith("file:")
