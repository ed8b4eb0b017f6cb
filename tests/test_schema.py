"""The published schema: valid 2020-12, documented in Chinese, and checked the same way as jsonschema does.

drafter interprets the schema itself (jsonschema is too slow to import on every render);
these tests hold the interpreter to jsonschema's `Draft202012Validator` on the samples, the
golden cases and generated documents.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator, Set, Tuple

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.cli import cli
from drafter.facts.schema import ANNOTATIONS, SUPPORTED, factsheet_checker, load_schema, schema_keywords
from drafter.facts.validate import check_text
from drafter.facts.yamlload import load_yaml_file
from drafter.resources import factsheet_schema_path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = load_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _readable(path: Path) -> bool:
    from drafter.facts.findings import LoadError

    try:
        load_yaml_file(path)
    except LoadError:
        return False
    return True


# Golden cases that are YAML at all (the others are for the loader, not the schema).
CASES = [p for p in sorted((ROOT / "tests" / "cases").glob("*/*/facts.yaml")) if _readable(p)]


def reference_issues(instance: Any) -> Set[Tuple[str, Tuple]]:
    """jsonschema's errors as (keyword, path), one per missing or unknown key like ours."""
    found: Set[Tuple[str, Tuple]] = set()
    for error in VALIDATOR.iter_errors(instance):
        path = tuple(error.absolute_path)
        if error.validator == "required":
            found |= {("required", path + (k,)) for k in error.validator_value if k not in error.instance}
        elif error.validator == "additionalProperties":
            known = error.schema.get("properties", {})
            found |= {("additionalProperties", path + (k,)) for k in error.instance if k not in known}
        else:
            found.add((error.validator, path))
    return found


def our_issues(instance: Any) -> Set[Tuple[str, Tuple]]:
    return {(i.keyword, i.path) for i in factsheet_checker().check(instance)}


def test_the_schema_is_valid_json_schema_2020_12() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_interpreter_supports_every_keyword_the_schema_uses() -> None:
    assert schema_keywords(SCHEMA) <= SUPPORTED | ANNOTATIONS


def fields(schema: dict, path: str = "") -> Iterator[Tuple[str, dict]]:
    checker = factsheet_checker()
    for name, sub in schema.get("properties", {}).items():
        resolved = checker.resolve(sub)
        yield f"{path}{name}", resolved
        yield from fields(resolved, f"{path}{name}.")
        if isinstance(resolved.get("items"), dict):
            yield from fields(checker.resolve(resolved["items"]), f"{path}{name}[].")


def test_every_field_has_a_chinese_title_description_and_examples() -> None:
    missing = [(name, key) for name, schema in fields(SCHEMA) for key in ("title", "description", "examples")
               if not schema.get(key)]
    assert missing == []
    for name, schema in fields(SCHEMA):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in schema["title"] + schema["description"]), name


def test_every_example_is_valid_for_its_field() -> None:
    for name, schema in [("", SCHEMA), *fields(SCHEMA)]:
        validator = jsonschema.Draft202012Validator({**schema, "$defs": SCHEMA["$defs"]})
        for example in schema.get("examples", []):
            assert list(validator.iter_errors(example)) == [], (name, example)


def test_samples_and_their_modeline() -> None:
    for sample in sorted((ROOT / "samples").glob("*.yaml")):
        first = sample.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/factsheet.schema.json", sample
        assert list(VALIDATOR.iter_errors(load_yaml_file(sample).data)) == []


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_same_issues_as_jsonschema_on_the_golden_cases(case: Path) -> None:
    data = load_yaml_file(case).data
    assert our_issues(data) == reference_issues(data)


# -- generated documents: shaped like sheets, with mistakes anywhere -----------------------------

JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 3000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", " ", "文字", "2025-01-10", "2025年1月10日", "annual", "35人", "%"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["title", "x", "org"]), inner, max_size=2),
    max_leaves=6,
)


def from_schema(raw: dict, depth: int = 0) -> st.SearchStrategy:
    schema = factsheet_checker().resolve(raw)
    types = schema.get("type", [])
    types = types if isinstance(types, list) else [types]
    if "enum" in schema:
        good = st.sampled_from(schema["enum"])
    elif "object" in types:
        props = schema.get("properties", {})
        good = st.fixed_dictionaries({}, optional={k: from_schema(v, depth + 1) for k, v in props.items()})
    elif "array" in types:
        good = st.lists(from_schema(schema["items"], depth + 1), max_size=3)
    elif "integer" in types:
        good = st.integers(1990, 2110)
    elif "number" in types:
        good = st.integers(-5, 10**6) | st.floats(-1e6, 1e6, allow_nan=False)
    else:
        good = st.text(max_size=8) | st.sampled_from(["2025-01-10", "2025年1月10日", "2025-13-40"])
    if "null" in types:
        good = good | st.none()
    return st.one_of(good, good, good, JUNK) if depth < 6 else good


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(from_schema(SCHEMA))
def test_same_issues_as_jsonschema_on_generated_documents(instance: Any) -> None:
    assert our_issues(instance) == reference_issues(instance)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(from_schema(SCHEMA))
def test_validating_any_such_document_never_crashes(instance: Any) -> None:
    text = yaml.safe_dump(instance, allow_unicode=True)
    report = check_text(text, Path("a.yaml"))
    for problem in report.problems:
        assert problem.message and problem.code
        assert problem.line is None or problem.line >= 1


# -- drafter schema ---------------------------------------------------------------------------

def test_drafter_schema_prints_the_published_file() -> None:
    result = CliRunner().invoke(cli, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == factsheet_schema_path().read_text(encoding="utf-8")
    assert json.loads(result.output)["title"] == "年度工作总结事实表"


def test_drafter_schema_fields_lists_every_field_in_chinese() -> None:
    result = CliRunner().invoke(cli, ["schema", "--fields"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "  org（单位全称，必填，文字）：写在标题、开头和落款中的单位全称。 例：青山区教育体育局" in result.output
    for name, _ in fields(SCHEMA):
        assert f"{name.rsplit('.', 1)[-1].replace('[]', '')}（" in result.output, name


def test_drafter_schema_writes_a_file_and_will_not_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["schema", "-o", str(out)]).output == f"已写入：{out}\n"
    assert json.loads(out.read_text(encoding="utf-8")) == SCHEMA
    again = runner.invoke(cli, ["schema", "-o", str(out)])
    assert again.exit_code == 1
    assert "输出文件已存在" in again.stderr
    assert runner.invoke(cli, ["schema", "-o", str(out), "--force"]).exit_code == 0
