"""The checks that skip a pattern when a text cannot match it find what the pattern finds (issue 12).

`rules`, `semantic` and `typing_checks` compile their patterns on first use and try one only on
a text holding what any match of it holds.  Each gate is checked here against its pattern run
on every text, over texts dense in the characters the patterns look for.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.facts import rules, semantic, typing_checks

TEXTS = st.text(alphabet="Xx×＊*○〇待TOD补充填写【】（）()[] …。.，、；：！？@:/w中a1\n\u3000\x01\ufdd0\ufffe某单位部门", max_size=24)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_placeholders_and_sample_words_are_found_as_by_every_pattern(text: str) -> None:
    found = None
    for source, message in rules.PLACEHOLDERS:
        match = re.search(source, text)
        if match and (found is None or match.start() < found[0]):
            found = (match.start(), match.group().strip(), message.format(match.group().strip()))
    assert rules.find_placeholder(text) == found
    sample = re.search(rules.SAMPLE_WORDS, text)
    assert rules.sample_word(text) == (sample.group() if sample else None)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_an_unusable_character_is_found_as_by_the_pattern(text: str) -> None:
    expected = re.search(semantic.UNUSABLE_CHARACTER, text)
    got = semantic.unusable_character(text)
    assert (got.span() if got else None) == (expected.span() if expected else None)


def test_every_unusable_character_is_unprintable() -> None:
    pattern = re.compile(semantic.UNUSABLE_CHARACTER)
    assert not [c for c in range(0x110000) if pattern.match(chr(c)) and chr(c).isprintable()]


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_doubled_punctuation_protected_spans_and_label_units_as_by_their_patterns(text: str) -> None:
    doubled = re.compile(typing_checks._DOUBLED_PUNCT)
    collapsed, found = typing_checks.collapse_punct(text)
    assert [(c.offset, c.found) for c in found] == \
        [(m.start(), m.group() + ("" if m.group(1) else "。")) for m in doubled.finditer(text)]
    expected = text
    for _ in range(len(text)):
        new = doubled.sub(lambda m: m.group(1) or "", expected)
        if new == expected:
            break
        expected = new
    assert collapsed == expected
    spans = [m.span() for m in re.finditer(typing_checks._PROTECTED, text, re.ASCII)]
    assert typing_checks._protected_spans(text) == spans
    label = re.search(typing_checks._LABEL_UNIT, text)
    typed, _unit, unit_changes = typing_checks.label_unit(text, "")
    if label is None or not text[:label.start()].strip():
        assert (typed, unit_changes) == (text, [])
    else:
        assert typed == text[:label.start()]


class _EveryCharacter:
    def isdisjoint(self, text: str) -> bool:
        return False


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="中a1 ,;:!?()\"'“”（）。@w.", max_size=16))
def test_a_text_without_half_width_marks_is_left_as_the_full_pass_leaves_it(text: str) -> None:
    gated = typing_checks._fullwidth_pass(text)
    original = typing_checks._HALF_MARKS
    try:
        typing_checks._HALF_MARKS = _EveryCharacter()  # type: ignore[assignment]
        walked = typing_checks._fullwidth_pass(text)
    finally:
        typing_checks._HALF_MARKS = original
    assert gated == walked


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="中a 。；;，,、.！!\t\n\u3000\xa0\u2028\x1c\x85题", max_size=16))
def test_a_title_key_is_what_the_pattern_leaves(text: str) -> None:
    assert rules.title_key(text) == re.sub(r"[\s。；;，,、.！!]+", "", text)


def test_the_non_printable_pattern_is_yamls_own_spelling() -> None:
    # re's cache then returns the pattern PyYAML compiled at its import instead of compiling it again
    import yaml.reader

    from drafter.facts import excerpt

    assert excerpt.NON_PRINTABLE.pattern == yaml.reader.Reader.NON_PRINTABLE.pattern
