"""jieba's prefix dictionary is kept in drafter's own cache, read at once, and rebuilt when stale."""
from __future__ import annotations

import marshal
import warnings
from pathlib import Path
from typing import Iterator, List

import pytest

from drafter.outline import tokenizer

TEXT = "一年来，在区委、区政府的坚强领导下，扎实推进各项工作，圆满完成了全年目标任务。"


@pytest.fixture()
def builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[List[int]]:
    """A fresh cache folder and tokenizer; the list counts how often jieba built the dictionary."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    calls: List[int] = []
    original = jieba.Tokenizer.gen_pfdict

    def counting(f):  # gen_pfdict is a staticmethod
        calls.append(1)
        return original(f)

    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", staticmethod(counting))
    tokenizer.tokenizer.cache_clear()
    yield calls
    tokenizer.tokenizer.cache_clear()


def _bare_jieba_words(text: str) -> List[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    return jieba.Tokenizer().lcut(text)


def test_first_use_builds_and_caches_then_reads_the_cache(builds: List[int]) -> None:
    words = tokenizer.lcut(TEXT)
    assert builds == [1] and tokenizer.cache_path().is_file()
    first = tokenizer.tokenizer()
    tokenizer.tokenizer.cache_clear()
    assert tokenizer.lcut(TEXT) == words
    assert builds == [1], "the second tokenizer must come from the cache"
    again = tokenizer.tokenizer()
    assert again is not first and again.FREQ == first.FREQ and again.total == first.total
    assert words == _bare_jieba_words(TEXT)


def test_a_cache_for_another_dictionary_is_rebuilt(builds: List[int]) -> None:
    tokenizer.tokenizer()
    key, freq, total = marshal.loads(tokenizer.cache_path().read_bytes())
    stale = (key[0], key[1], key[2] + 1, key[3])  # dict.txt changed size
    tokenizer.cache_path().write_bytes(marshal.dumps((stale, {"假": 1}, 1)))
    tokenizer.tokenizer.cache_clear()
    assert tokenizer.lcut(TEXT) == _bare_jieba_words(TEXT)
    assert builds == [1, 1]
    assert marshal.loads(tokenizer.cache_path().read_bytes())[0] == key


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", None])
def test_a_damaged_cache_is_rebuilt(builds: List[int], damage: bytes) -> None:
    tokenizer.tokenizer()
    data = tokenizer.cache_path().read_bytes()
    tokenizer.cache_path().write_bytes(data[: len(data) // 2] if damage is None else damage)
    tokenizer.tokenizer.cache_clear()
    assert tokenizer.lcut(TEXT) == _bare_jieba_words(TEXT)
    assert builds == [1, 1]


def test_an_unwritable_cache_folder_only_costs_time(builds: List[int], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker / "cache"))
    assert tokenizer.lcut(TEXT) == _bare_jieba_words(TEXT)
    assert not (blocker / "cache").exists()
