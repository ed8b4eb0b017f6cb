"""`schemacheck.parse_json` reads what `json.loads` reads, and fails where it fails (issue 12)."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.schemacheck import parse_json

ROOT = Path(__file__).resolve().parent.parent

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20)


@pytest.mark.parametrize("name", ["factsheet.schema.json", "outline.schema.json"])
def test_the_published_schemas_read_as_json_reads_them(name: str) -> None:
    text = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert parse_json(text) == json.loads(text)


@settings(max_examples=500, deadline=None)
@given(JSON, st.sampled_from(["", " ", "\n", "\t\r\n "]), st.booleans())
def test_any_document_reads_as_json_reads_it(value: object, blank: str, ascii_only: bool) -> None:
    text = blank + json.dumps(value, ensure_ascii=ascii_only, indent=1 if ascii_only else None) + blank
    assert parse_json(text) == json.loads(text)


def test_constants_and_errors_are_jsons() -> None:
    assert math.isnan(parse_json("NaN")) and parse_json("[-Infinity]") == [float("-inf")]
    for broken in ["", "[1,", "{} x", "\ufeff{}", "{'a': 1}"]:
        with pytest.raises(json.JSONDecodeError) as ours:
            parse_json(broken)
        with pytest.raises(json.JSONDecodeError) as theirs:
            json.loads(broken)
        assert str(ours.value) == str(theirs.value)
