"""jieba's prefix dictionary is kept in drafter's own cache, read at once, and rebuilt when stale.

Building the dictionary takes seconds, so it is built once for the module (`built`) and each test
starts from a copy of that cache file.
"""
from __future__ import annotations

import marshal
import warnings
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

from drafter.outline import tokenizer

FAKE = {"扎实": 5, "扎": 0, "推进": 4, "推": 0}
TEXT = "一年来，在区委、区政府的坚强领导下，扎实推进各项工作，圆满完成了全年目标任务。"


def _jieba():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    return jieba


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, object]]:
    """One cold start in an empty cache folder: the cache it wrote and what jieba itself says."""
    jieba = _jieba()
    monkeypatch = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("cold")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(folder))
    tokenizer.tokenizer.cache_clear()
    words = tokenizer.lcut(TEXT)
    tk = tokenizer.tokenizer()
    yield {"cache": tokenizer.cache_path().read_bytes(), "words": words, "freq": tk.FREQ, "total": tk.total,
           "jieba_words": jieba.Tokenizer().lcut(TEXT)}
    monkeypatch.undo()
    tokenizer.tokenizer.cache_clear()


@pytest.fixture()
def builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: Dict[str, object]) -> Iterator[List[int]]:
    """A cache folder holding a copy of the valid cache; the list counts dictionary builds.

    A build here returns the tiny FAKE dictionary instead of spending seconds on jieba's.
    """
    jieba = _jieba()
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    tokenizer.cache_path().parent.mkdir(parents=True)
    tokenizer.cache_path().write_bytes(built["cache"])  # type: ignore[arg-type]
    calls: List[int] = []

    def counting(f):  # gen_pfdict is a staticmethod
        calls.append(1)
        f.close()
        return dict(FAKE), sum(FAKE.values())

    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", staticmethod(counting))
    tokenizer.tokenizer.cache_clear()
    yield calls
    tokenizer.tokenizer.cache_clear()


def test_the_cold_start_tokenises_as_jieba_does(built: Dict[str, object]) -> None:
    assert built["words"] == built["jieba_words"]
    assert marshal.loads(built["cache"])[1] == built["freq"]  # type: ignore[arg-type]


def test_a_valid_cache_is_read_without_building(builds: List[int], built: Dict[str, object]) -> None:
    assert tokenizer.lcut(TEXT) == built["words"]
    tk = tokenizer.tokenizer()
    assert builds == [] and tk.FREQ == built["freq"] and tk.total == built["total"]


def test_a_cache_for_another_dictionary_is_rebuilt(builds: List[int], built: Dict[str, object]) -> None:
    key, _freq, _total = marshal.loads(tokenizer.cache_path().read_bytes())
    stale = (key[0], key[1], key[2] + 1, key[3])  # dict.txt changed size
    tokenizer.cache_path().write_bytes(marshal.dumps((stale, {"假": 1}, 1)))
    assert tokenizer.tokenizer().FREQ == FAKE
    assert builds == [1]
    assert marshal.loads(tokenizer.cache_path().read_bytes()) == (key, FAKE, 9)


def test_a_damaged_cache_is_rebuilt(builds: List[int], built: Dict[str, object]) -> None:
    data = tokenizer.cache_path().read_bytes()
    key = marshal.loads(data)[0]
    tokenizer.cache_path().write_bytes(data[: len(data) // 2])
    assert tokenizer.tokenizer().FREQ == FAKE
    assert builds == [1]
    assert marshal.loads(tokenizer.cache_path().read_bytes()) == (key, FAKE, 9)


def test_an_unwritable_cache_folder_only_costs_time(builds: List[int], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   built: Dict[str, object]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker / "cache"))
    assert tokenizer.lcut("扎实推进") == ["扎实", "推进"]
    assert builds == [1]


def test_jieba_is_imported_without_pkg_resources(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    script = (
        "import importlib.util, sys\n"
        "from drafter.outline import tokenizer\n"
        "assert tokenizer.lcut('扎实推进') == ['扎实', '推进']\n"
        "assert 'pkg_resources' not in sys.modules, 'jieba imported pkg_resources'\n"
        "if importlib.util.find_spec('pkg_resources') is not None:\n"
        "    import warnings; warnings.simplefilter('ignore')\n"
        "    import pkg_resources  # still importable by anyone else\n"
    )
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
