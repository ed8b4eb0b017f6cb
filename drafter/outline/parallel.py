"""`learn --jobs N`: read, analyse and tokenise report files in worker processes.

Only the per-file work moves to the workers — reading, decoding, `analyze_document` and the
jieba tokenisation of the texts that `learn` will mine — and its results come back in file order,
so the learner consumes exactly the same sequence as with one job and its output is identical
byte for byte.  At most a few files per worker are in flight (`AHEAD`), so memory stays bounded
however large the archive.  A pool is only started when there are enough files to pay for it.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Deque, Dict, Iterator, List, Optional, Sequence

from ..corpus.readers import read_document
from ..errors import InputFileError, ReportError
from . import tokenizer
from .analyze import analyze_document
from .classify import Vocabulary
from .tree import Report

FILES_PER_WORKER = 8  # below this a worker's start-up costs more than it saves
AHEAD = 4  # files queued per worker

NO_BODY = "没有找到报告正文"


@dataclass
class Analysed:
    """One file's result: its report or why it was skipped, and the words of its texts."""

    path: Path
    report: Optional[Report] = None
    error: Optional[str] = None
    words: Dict[str, List[str]] = field(default_factory=dict)

    def lcut(self, text: str) -> List[str]:
        """jieba's words of `text`, computed in the worker when it was foreseen."""
        found = self.words.get(text)
        return list(found) if found is not None else tokenizer.lcut(text)


def default_jobs() -> int:
    """The cores this process may use."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


TextsOf = Callable[[Report], Iterator[str]]

_vocabulary: Optional[Vocabulary] = None
_texts_of: Optional[TextsOf] = None


def analyse(path: Path, vocabulary: Vocabulary, texts_of: Optional[TextsOf]) -> Analysed:
    """Read and analyse one file; tokenise the texts `texts_of(report)` names."""
    try:
        report = analyze_document(read_document(path), vocabulary)
        if not report.sections:
            raise ReportError(NO_BODY, path=path)
    except (InputFileError, ReportError) as error:
        return Analysed(path, error=error.message)
    words: Dict[str, List[str]] = {}
    if texts_of is not None:
        for text in texts_of(report):
            if text not in words:
                words[text] = tokenizer.lcut(text)
    return Analysed(path, report, words=words)


def _start_worker(vocabulary: Vocabulary, texts_of: Optional[TextsOf]) -> None:
    global _vocabulary, _texts_of
    _vocabulary, _texts_of = vocabulary, texts_of
    tokenizer.tokenizer()


def _analyse_in_worker(path: Path) -> Analysed:
    assert _vocabulary is not None
    return analyse(path, _vocabulary, _texts_of)


def analysed(files: Sequence[Path], vocabulary: Vocabulary, texts_of: Optional[TextsOf] = None,
             jobs: int = 1) -> Iterator[Analysed]:
    """`analyse` of each file, in the order of `files`, on up to `jobs` processes.

    `texts_of` must be a module-level function (it is sent to the workers).  With one job, or
    too few files, no process is started and texts are tokenised when asked for.
    """
    workers = min(jobs, len(files) // FILES_PER_WORKER)
    if workers < 2:
        for path in files:
            yield analyse(path, vocabulary, None)
        return
    tokenizer.tokenizer()  # once here: forked workers inherit it
    executor = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                   initargs=(vocabulary, texts_of))
    try:
        pending: Deque[Future] = deque()
        queue = iter(files)
        for path in queue:
            pending.append(executor.submit(_analyse_in_worker, path))
            if len(pending) >= workers * AHEAD:
                break
        while pending:
            result = pending.popleft().result()
            following = next(queue, None)
            if following is not None:
                pending.append(executor.submit(_analyse_in_worker, following))
            yield result
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
