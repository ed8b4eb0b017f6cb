"""`drafter learn`: stream a corpus of reports into a learned outline, in two passes.

Pass one labels each report with the built-in prior only and counts, with jieba, the words of
the headings that name each part; pass two labels the reports again with that vocabulary —
exactly as `analyze` will with the resulting file — and aggregates them, mining the phrase bank
on the way.  Reports are read one at a time and dropped, so memory does not grow with the corpus.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Set, Tuple

from ..corpus.files import Skipped, expand_paths
from ..errors import InputFileError
from . import tokenizer
from .aggregate import OutlineBuilder, defining_sections
from .classify import Vocabulary
from .counting import BoundedCounter
from .lexicon import STOPWORDS
from .model import Outline
from .parallel import NO_BODY, analysed, default_jobs
from .phrases import PhraseBank
from .tree import Report


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
    fallbacks: List[Tuple[str, str]] = field(default_factory=list)  # (part, why) using the shipped headings


def _is_word(token: str) -> bool:
    return len(token) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in token) and token not in STOPWORDS


def _heading_texts(report: Report) -> Iterator[Tuple[str, str]]:
    for section, _parent in defining_sections(report):
        if section.canonical != "overview" and section.text:
            yield section.canonical, section.text


def heading_words(report: Report, lcut: Callable[[str], List[str]] = tokenizer.lcut
                  ) -> Iterator[Tuple[str, Set[str]]]:
    """(part, words) of each heading that names a part."""
    for part, text in _heading_texts(report):
        yield part, {t for t in lcut(text) if _is_word(t)}


def heading_texts(report: Report) -> Iterator[str]:
    """What `heading_words` tokenises (for `learn --jobs`, which tokenises in the workers)."""
    return (text for _part, text in _heading_texts(report))


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


def part_paragraphs(report: Report) -> Iterator[str]:
    """What the phrase bank tokenises (for `learn --jobs`, which tokenises in the workers)."""
    for texts in part_texts(report).values():
        yield from texts


class Learner:
    def __init__(self, progress: Optional[Progress] = None, jobs: Optional[int] = None) -> None:
        self.progress = progress or Progress()
        self.jobs = jobs or default_jobs()

    def _reports(self, files: Sequence[Path], vocabulary: Vocabulary, skipped: Optional[List[Skipped]],
                 texts_of: Callable[[Report], Iterator[str]]
                 ) -> Iterator[Tuple[Path, Report, Callable[[str], List[str]]]]:
        """(path, report, lcut) of each readable file, in order; lcut may answer from the worker."""
        for item in analysed(files, vocabulary, texts_of, self.jobs):
            if item.report is None:
                if skipped is not None:
                    skipped.append(Skipped(item.path, item.error or NO_BODY))
                self.progress.advance(item.path)
                continue
            yield item.path, item.report, item.lcut
            self.progress.advance(item.path)

    def learn(self, paths: Sequence[Path]) -> LearnResult:
        files, skipped = expand_paths(paths)
        self.progress.start(2 * len(files))
        unreadable: List[Skipped] = []
        counts: Dict[str, BoundedCounter] = {}
        readable: List[Path] = []
        for path, report, lcut in self._reports(files, Vocabulary(), unreadable, heading_texts):
            readable.append(path)
            for part, words in heading_words(report, lcut):
                counts.setdefault(part, BoundedCounter(10_000)).update(sorted(words))
        vocabulary = Vocabulary({part: dict(c.most_common()) for part, c in counts.items()})
        taken = set(readable)
        for path in files:
            if path not in taken:  # keep the bar honest: these are not read again
                self.progress.advance(path)
        builder = OutlineBuilder()
        bank = PhraseBank()
        for _path, report, lcut in self._reports(readable, vocabulary, None, part_paragraphs):
            builder.add(report)
            bank.add_report(part_texts(report), lcut)
        self.progress.finish()
        skipped = sorted(skipped + unreadable, key=lambda s: str(s.path))
        if not readable:
            listed = "\n".join(f"  {item.path}：{item.reason}" for item in skipped)  # why each one was set aside
            raise InputFileError("没有可以学习的报告：所有文件都无法读取或没有正文",
                                 detail=f"跳过的文件：\n{listed}" if listed else None,
                                 hint="请给出 .txt、.md 或 .docx 格式的工作总结")
        outline = builder.build(counts, bank.result(), skipped=len(skipped), shipped=_shipped_outline())
        return LearnResult(outline, readable, skipped, builder.fallbacks)


def _shipped_outline() -> Optional[Outline]:
    """The outline drafter ships (learned from seeds/), or None when it cannot be read."""
    from ..errors import DrafterError
    from ..resources import default_outline_path
    from .model import load_outline

    try:
        path = default_outline_path()
        return load_outline(path) if path.is_file() else None
    except (DrafterError, RuntimeError):
        return None


def learn(paths: Sequence[Path], progress: Optional[Progress] = None, jobs: Optional[int] = None) -> LearnResult:
    """Learn an outline from report files and folders (see `Learner`); `jobs` processes (default:
    the cores) read and tokenise the files, with the same result as one."""
    return Learner(progress, jobs).learn(paths)
