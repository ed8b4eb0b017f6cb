"""`drafter learn`: stream a corpus of reports into a learned outline, in two passes.

Pass one labels each report with the built-in prior only and counts, with jieba, the words of
the headings that name each part; pass two labels the reports again with that vocabulary —
exactly as `analyze` will with the resulting file — and aggregates them, mining the phrase bank
on the way.  Reports are read one at a time and dropped, so memory does not grow with the corpus.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Set, Tuple

from ..corpus.files import Skipped, expand_paths
from ..corpus.readers import read_document
from ..errors import InputFileError, ReportError
from . import tokenizer
from .aggregate import OutlineBuilder, defining_sections
from .analyze import analyze_document
from .classify import Vocabulary
from .counting import BoundedCounter
from .lexicon import STOPWORDS
from .model import Outline
from .phrases import PhraseBank
from .tree import Report

NO_BODY = "没有找到报告正文"


class Progress:
    """What `learn` tells about its progress; the CLI draws a bar from it."""

    def start(self, total: int) -> None:
        """`total` steps are coming (each file is read twice)."""

    def advance(self, path: Path) -> None:
        """One step done."""

    def finish(self) -> None:
        """All steps done."""


@dataclass
class LearnResult:
    outline: Outline
    files: List[Path]  # the report files read
    skipped: List[Skipped] = field(default_factory=list)


def _is_word(token: str) -> bool:
    return len(token) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in token) and token not in STOPWORDS


def heading_words(report: Report) -> Iterator[Tuple[str, Set[str]]]:
    """(part, words) of each heading that names a part."""
    for section, _parent in defining_sections(report):
        if section.canonical != "overview" and section.text:
            yield section.canonical, {t for t in tokenizer.lcut(section.text) if _is_word(t)}


def part_texts(report: Report) -> Dict[str, List[str]]:
    """The running text of each part (bodies and subsection headings, not the part headings)."""
    out: Dict[str, List[str]] = {}
    defining = {id(s) for s, _ in defining_sections(report)}
    for section in report.walk():
        texts = out.setdefault(section.canonical, [])
        if section.text and id(section) not in defining:
            texts.append(section.text)
        texts.extend(section.body)
    return out


class Learner:
    def __init__(self, progress: Optional[Progress] = None) -> None:
        self.progress = progress or Progress()

    def _reports(self, files: Sequence[Path], vocabulary: Vocabulary,
                 skipped: Optional[List[Skipped]]) -> Iterator[Tuple[Path, Report]]:
        for path in files:
            try:
                report = analyze_document(read_document(path), vocabulary)
                if not report.sections:
                    raise ReportError(NO_BODY, path=path)
            except (InputFileError, ReportError) as error:
                if skipped is not None:
                    skipped.append(Skipped(path, error.message))
                self.progress.advance(path)
                continue
            yield path, report
            self.progress.advance(path)

    def learn(self, paths: Sequence[Path]) -> LearnResult:
        files, skipped = expand_paths(paths)
        self.progress.start(2 * len(files))
        unreadable: List[Skipped] = []
        counts: Dict[str, BoundedCounter] = {}
        readable: List[Path] = []
        for path, report in self._reports(files, Vocabulary(), unreadable):
            readable.append(path)
            for part, words in heading_words(report):
                counts.setdefault(part, BoundedCounter(10_000)).update(sorted(words))
        vocabulary = Vocabulary({part: dict(c.most_common()) for part, c in counts.items()})
        taken = set(readable)
        for path in files:
            if path not in taken:  # keep the bar honest: these are not read again
                self.progress.advance(path)
        builder = OutlineBuilder()
        bank = PhraseBank()
        for _path, report in self._reports(readable, vocabulary, None):
            builder.add(report)
            bank.add_report(part_texts(report), tokenizer.cut)
        self.progress.finish()
        skipped = sorted(skipped + unreadable, key=lambda s: str(s.path))
        if not readable:
            raise InputFileError("没有可以学习的报告：所有文件都无法读取或没有正文",
                                 hint="请给出 .txt、.md 或 .docx 格式的工作总结")
        outline = builder.build(counts, bank.result(), skipped=len(skipped))
        return LearnResult(outline, readable, skipped)


def learn(paths: Sequence[Path], progress: Optional[Progress] = None) -> LearnResult:
    """Learn an outline from report files and folders (see `Learner`)."""
    return Learner(progress).learn(paths)
