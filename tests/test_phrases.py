"""The phrase bank: stock phrases and openers by document frequency; the bounded counters under it."""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter.outline.counting import BoundedCounter, Histogram
from drafter.outline.learn import learn
from drafter.outline.model import Outline
from drafter.outline.phrases import PhraseBank, mine

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_mine_finds_stock_phrases_and_openers() -> None:
    tokens = ["一年", "来", "，", "在", "区委", "的", "坚强", "领导", "下", "，", "我局", "扎实", "推进", "各项", "工作",
              "，", "以", "项目", "为", "抓手", "。", "进一步", "加强", "管理", "。", "主要", "表现", "在", "：",
              "教育", "教学", "质量", "提升", "。"]
    phrases, openers = mine(tokens)
    assert phrases == {"坚强领导", "扎实推进", "各项工作", "推进各项工作", "为抓手", "进一步加强", "加强管理",
                       "进一步加强管理"}
    assert openers == {"一年来", "进一步", "进一步加强", "主要表现在"}


def test_numbers_and_placeholders_break_phrases() -> None:
    phrases, openers = mine(["xxxx", "年", "工作", "扎实", "，", "2023", "年", "扎实", "推进", "。"])
    assert phrases == {"扎实推进"}
    assert openers == set()  # “年工作” after a number is no opener


def test_document_frequency_counts_each_report_once() -> None:
    bank = PhraseBank()
    texts = {"achievements": ["扎实推进各项工作。扎实推进重点项目。"], "plan": ["扎实推进。"]}
    cut = lambda text: {"扎实推进各项工作。扎实推进重点项目。": ["扎实", "推进", "各项", "工作", "。", "扎实", "推进",
                                                         "重点项目", "。"],
                        "扎实推进。": ["扎实", "推进", "。"]}[text]
    for _ in range(3):
        bank.add_report(texts, cut)
    bank.add_report({"achievements": ["扎实推进。"]}, cut)
    result = bank.result()
    assert [(p.text, p.df, p.kind) for p in result["achievements"]] == [
        ("扎实推进", 4, "phrase"), ("各项工作", 3, "phrase"), ("扎实", 4, "opener")]
    assert [(p.text, p.df) for p in result["plan"]] == [("扎实推进", 3), ("扎实", 3)]


def test_a_phrase_seen_in_one_report_only_is_not_stock() -> None:
    bank = PhraseBank()
    bank.add_report({"overview": ["x"]}, lambda _: ["扎实", "推进"])
    bank.add_report({"overview": ["x"]}, lambda _: ["稳步", "推进"])
    assert bank.result() == {}


def test_longer_phrases_that_only_extend_a_frequent_one_are_dropped() -> None:
    assert PhraseBank._shortest([("扎实推进", 5), ("扎实推进各项", 5), ("各项工作", 4), ("各项工作取得", 2)]) == \
        [("扎实推进", 5), ("各项工作", 4)]


@pytest.fixture(scope="module")
def seeds_outline() -> Outline:
    return learn([SEEDS]).outline


def test_seed_phrase_bank_holds_stock_phrasing(seeds_outline: Outline) -> None:
    bank = {part: {(p.text, p.kind): p.df for p in phrases} for part, phrases in seeds_outline.phrases.items()}
    assert bank["overview"][("一年来", "opener")] == 2  # 003 and 004 open with it
    assert bank["overview"][("坚强领导", "phrase")] == 2
    assert bank["achievements"][("扎实推进", "phrase")] == 3
    assert ("为抓手", "phrase") in bank["plan"]
    for phrases in seeds_outline.phrases.values():
        for phrase in phrases:
            assert len(phrase.text) >= 2 and phrase.df >= 2
            assert all("\u4e00" <= ch <= "\u9fff" for ch in phrase.text)
            if phrase.kind == "phrase":
                assert len(phrase.text) >= 3  # multi-word, never one common word


def test_bounded_counter_keeps_order_and_stays_bounded() -> None:
    counter = BoundedCounter(cap=10)
    for i in range(3):
        counter.update(["常见", "次常见"])
    counter.add("常见")
    for i in range(100):
        counter.add(f"罕见{i}")
    assert len(counter) <= 10
    assert counter.most_common(2) == [("常见", 4), ("次常见", 3)]
    assert counter.floor >= 1


def test_bounded_counter_breaks_ties_by_first_appearance() -> None:
    counter = BoundedCounter()
    counter.update(["乙", "甲", "丙", "甲"])
    assert counter.most_common() == [("甲", 2), ("乙", 1), ("丙", 1)]


def test_histogram_median() -> None:
    h = Histogram()
    assert h.median() == 0.0
    for value in (8, 3, 17):
        h.add(value)
    assert h.median() == 8.0
    h.add(4)
    assert h.median() == 6.0
    bucketed = Histogram(10)
    for value in (101, 96, 1234):
        bucketed.add(value)
    assert bucketed.median() == 100.0
