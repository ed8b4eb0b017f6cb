"""Script detection counts line by line (issue 12: no list of every character of a long report)."""
from __future__ import annotations

from typing import Iterator

from drafter.corpus.normalize import TRADITIONAL_RATIO, detect_script, han_count


def _lines(traditional: int, simplified: int) -> Iterator[str]:
    """A generator: detection must not need the lines twice or all at once."""
    for _ in range(traditional):
        yield "國"
    for _ in range(simplified):
        yield "国 abc，123"


def test_the_threshold_is_a_share_of_han_characters() -> None:
    at = round(100 * TRADITIONAL_RATIO)
    assert detect_script(_lines(at, 100 - at)) == "traditional"
    assert detect_script(_lines(at - 1, 101 - at)) == "simplified"


def test_no_han_characters_is_simplified() -> None:
    assert detect_script(iter(["abc", "", "123，。"])) == "simplified"
    assert detect_script(iter([])) == "simplified"


def test_han_count_counts_only_cjk_unified_ideographs() -> None:
    assert han_count("一年来，ABC 全年18次〇") == 6
