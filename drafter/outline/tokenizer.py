"""The one place jieba is used: a private `jieba.Tokenizer`, quiet, cached in the user's cache folder.

jieba costs most of a second to import and build its prefix dictionary, so it is imported only
when a function here is first called — by `learn`, never by `render`, `validate` or `analyze`.

The prefix dictionary (~500 000 entries) is kept in our own cache file rather than jieba's: jieba
reads its cache with `marshal.load` on an open file, which reads in small pieces and takes three
times as long as `marshal.loads` on the whole file read at once.  The file names the Python
version (marshal's format is not stable across versions) and records the size and mtime of
jieba's dict.txt and jieba's version; if any differ, or the file is unreadable, the dictionary
is rebuilt by jieba and the cache rewritten.
"""
from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

from ..resources import user_cache_dir

CACHE_FORMAT = "drafter-jieba-prefix-1"


def cache_dir() -> Path:
    return user_cache_dir()


def cache_path() -> Path:
    return cache_dir() / f"jieba-prefix-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _dictionary_key(jieba: Any) -> Optional[Tuple[Any, ...]]:
    """What the cached prefix dictionary depends on; None when dict.txt cannot be found."""
    path = Path(jieba.__file__).with_name("dict.txt")
    try:
        stat = path.stat()
    except OSError:
        return None
    return (CACHE_FORMAT, getattr(jieba, "__version__", ""), stat.st_size, stat.st_mtime_ns)


def _read_cache(key: Tuple[Any, ...]) -> Optional[Tuple[Dict[str, int], int]]:
    try:
        stored = marshal.loads(cache_path().read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == key
            and isinstance(stored[1], dict) and isinstance(stored[2], int)):
        return stored[1], stored[2]
    return None


def _write_cache(key: Tuple[Any, ...], freq: Dict[str, int], total: int) -> None:
    """Best effort, atomically: a cache that cannot be written only costs time next run."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".jieba-prefix.", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(marshal.dumps((key, freq, total)))
        os.replace(tmp, cache_path())
    except OSError:
        pass
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _load_prefix_dictionary(tk: Any, jieba: Any) -> None:
    key = _dictionary_key(jieba)
    cached = _read_cache(key) if key is not None else None
    if cached is None:
        if key is None:  # not a plain install of jieba: let it find its dictionary itself
            tk.initialize()
            return
        with tk.get_dict_file() as stream:
            freq, total = tk.gen_pfdict(stream)
        _write_cache(key, freq, total)
    else:
        freq, total = cached
    tk.FREQ, tk.total = freq, total
    tk.initialized = True


def _import_jieba() -> Any:
    """`import jieba`, without letting it import pkg_resources.

    jieba uses pkg_resources (when setuptools is installed, as in every Python 3.11 virtualenv)
    only to open its own dict.txt, and falls back to a plain open() without it; importing it
    costs more than the rest of jieba together.  A None entry in sys.modules makes that one
    import fail; it is removed again so that nothing else is affected.
    """
    block = "pkg_resources" not in sys.modules
    if block:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import jieba
    finally:
        if block and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def tokenizer():  # -> jieba.Tokenizer
    """The shared tokenizer, initialised on first use."""
    jieba = _import_jieba()
    logger = logging.getLogger("jieba")
    logger.setLevel(logging.CRITICAL)
    logger.propagate = False
    tk = jieba.Tokenizer()
    # Should jieba ever initialise itself, its own cache goes beside ours, not to the shared temp folder.
    tk.tmp_dir = str(cache_dir())
    tk.cache_file = "jieba.cache"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _load_prefix_dictionary(tk, jieba)
    return tk


def cut(text: str) -> Iterator[str]:
    """Words of `text` (jieba's precise mode, with HMM for unknown words)."""
    return tokenizer().cut(text)


def lcut(text: str) -> List[str]:
    return list(tokenizer().cut(text))
