"""drafter.record behaves as @dataclass does for what drafter's records use (issue 12)."""
from __future__ import annotations

import dataclasses
from typing import List, Optional

import pytest

from drafter.record import field, record, replace


def _pair(frozen: bool):
    def body(deco, fld):
        @deco
        class Item:
            code: str
            offset: int = 0
            note: Optional[str] = fld(default=None, compare=False)
            tags: List[str] = fld(default_factory=list)
        return Item

    return (body(dataclasses.dataclass(frozen=frozen), dataclasses.field),
            body(record(frozen=frozen), field))


@pytest.mark.parametrize("frozen", [True, False])
def test_record_matches_dataclass(frozen: bool) -> None:
    old, new = _pair(frozen)
    for args, kwargs in [(("a",), {}), (("a", 2), {"note": "x"}), ((), {"code": "b", "tags": ["t"]})]:
        a, b = old(*args, **kwargs), new(*args, **kwargs)
        assert repr(a) == repr(b)
        assert (a.code, a.offset, a.note, a.tags) == (b.code, b.offset, b.note, b.tags)
    assert new("a", 1, "x") == new("a", 1, "y")  # compare=False
    assert new("a", 1) != new("a", 2) and new("a") != "a"
    assert new("a").tags is not new("a").tags  # a fresh list per instance
    for args, kwargs in [((), {}), (("a", 1, None, [], 5), {}), (("a",), {"code": "b"}), (("a",), {"nope": 1})]:
        with pytest.raises(TypeError):
            new(*args, **kwargs)
    item = new("a")
    if frozen:
        with pytest.raises(AttributeError):
            item.code = "b"
    else:
        with pytest.raises(TypeError):
            hash(item)
        item.code = "b"
        assert item.code == "b"


def test_frozen_records_hash_by_their_compared_fields() -> None:
    @record(frozen=True)
    class Mark:
        line: int
        column: int
        note: str = field(default="", compare=False)

    assert hash(Mark(1, 2, "x")) == hash(Mark(1, 2, "y")) and {Mark(1, 2), Mark(1, 2, "z")} == {Mark(1, 2)}


def test_replace_matches_dataclasses_replace() -> None:
    old, new = _pair(True)
    a, b = old("a", 1, "n", ["t"]), new("a", 1, "n", ["t"])
    assert repr(dataclasses.replace(a, offset=5, note=None)) == repr(replace(b, offset=5, note=None))
    assert replace(b) == b and replace(b) is not b
    with pytest.raises(TypeError):
        replace(b, nope=1)
