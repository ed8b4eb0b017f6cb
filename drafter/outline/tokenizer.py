"""The one place jieba is used: a private `jieba.Tokenizer`, quiet, cached in the user's cache folder.

jieba costs most of a second to import and build its prefix dictionary, so it is imported only
when a function here is first called — by `learn`, never by `render`, `validate` or `analyze` —
and its dictionary cache goes to the user cache directory instead of the shared temp folder.
"""
from __future__ import annotations

import logging
import os
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Iterator, List

from ..resources import user_cache_dir

CACHE_FILE = "jieba.cache"


def cache_dir() -> Path:
    return user_cache_dir()


@lru_cache(maxsize=1)
def tokenizer():  # -> jieba.Tokenizer
    """The shared tokenizer, initialised on first use."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba may import pkg_resources
        import jieba
    logger = logging.getLogger("jieba")
    logger.setLevel(logging.CRITICAL)
    logger.propagate = False
    tk = jieba.Tokenizer()
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder, os.W_OK)
    except OSError:
        writable = False
    if writable:
        tk.tmp_dir = str(folder)
        tk.cache_file = CACHE_FILE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tk.initialize()
    return tk


def cut(text: str) -> Iterator[str]:
    """Words of `text` (jieba's precise mode, with HMM for unknown words)."""
    return tokenizer().cut(text)


def lcut(text: str) -> List[str]:
    return list(tokenizer().cut(text))
