"""drafter's own JSON Schema interpreter on the outline schema agrees with jsonschema.

`render` checks the learned outline on every run without importing jsonschema (see
drafter.schemacheck); here jsonschema is the referee on the shipped outline and on broken ones.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from drafter.errors import OutlineError
from drafter.outline.model import load_outline
from drafter.schemacheck import ANNOTATIONS, SUPPORTED, Checker, schema_keywords

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "outline.schema.json").read_text(encoding="utf-8"))
SHIPPED = yaml.safe_load((ROOT / "templates" / "outline.yaml").read_text(encoding="utf-8"))


def plain(data):
    return json.loads(json.dumps(data, ensure_ascii=False))  # YAML's integer keys become strings


def broken_outlines():
    def change(edit):
        data = copy.deepcopy(SHIPPED)
        edit(data)
        return data

    yield "presence as text", change(lambda d: d["parts"][1].update(presence="五"))
    yield "unknown part key", change(lambda d: d["parts"][1].update(key="summary"))
    yield "level name not a digit", change(lambda d: d["parts"][1]["levels"].update({"x": 1}))
    yield "numbering not a string", change(lambda d: d["numbering"].update({1: 5}))
    yield "missing reports", change(lambda d: d.pop("reports"))
    yield "unknown top-level field", change(lambda d: d.update(extra=1))
    yield "wrong version", change(lambda d: d.update(version=2))
    yield "negative count", change(lambda d: d["parts"][1]["headings"][0].update(count=-1))


def test_the_interpreter_supports_every_keyword_the_outline_schema_uses() -> None:
    assert schema_keywords(SCHEMA) <= SUPPORTED | ANNOTATIONS


def test_the_shipped_outline_is_valid_for_both() -> None:
    assert Checker(SCHEMA).check(plain(SHIPPED)) == []
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(plain(SHIPPED))) == []


@pytest.mark.parametrize("name, data", list(broken_outlines()), ids=[n for n, _ in broken_outlines()])
def test_broken_outlines_fail_for_both(name: str, data: dict) -> None:
    ours = Checker(SCHEMA).check(plain(data))
    theirs = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(plain(data)))
    assert bool(ours) and bool(theirs)


def test_a_hand_edit_mistake_names_the_line(tmp_path: Path) -> None:
    text = (ROOT / "templates" / "outline.yaml").read_text(encoding="utf-8")
    broken = text.replace("presence: 3", "presence: 三", 1)
    line = next(i for i, l in enumerate(broken.splitlines(), 1) if "presence: 三" in l)
    path = tmp_path / "outline.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(OutlineError) as caught:
        load_outline(path)
    assert str(caught.value).startswith(f"{path}:{line}:13: 提纲文件不符合格式：parts[")
    assert "presence：类型不对，应为整数" in str(caught.value)
