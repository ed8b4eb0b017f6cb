"""The report files named on the command line: folders walked, order fixed, strays set aside.

Files are returned in sorted path order so that learning the same archive twice gives the same
outline byte for byte; files that cannot be reports (images, spreadsheets, Word lock files) are
returned as skipped with a reason instead of failing the whole run.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Tuple

from ..errors import InputFileError
from .readers import SUPPORTED_SUFFIXES, UNSUPPORTED_HINTS


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


def _walk(folder: Path) -> Iterable[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise InputFileError(f"无法读取文件夹（{exc.strerror or exc}）", path=folder) from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _folder_entry(path: Path) -> Tuple[bool, str]:
    """(take it, why not) for a file found inside a folder."""
    if path.name.startswith("~$"):
        return False, "Word 临时文件"
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return True, ""
    if suffix in UNSUPPORTED_HINTS:
        return False, UNSUPPORTED_HINTS[suffix][0]
    return False, "不是报告文件（只读取 .txt、.md、.docx）"


def expand_paths(paths: Iterable[Path]) -> Tuple[List[Path], List[Skipped]]:
    """Report files to read (sorted, each once) and files set aside; a missing path is an error."""
    files: List[Path] = []
    skipped: List[Skipped] = []
    seen = set()
    for given in paths:
        if not given.exists():
            raise InputFileError("找不到文件或文件夹", path=given)
        if given.is_dir():
            for found in _walk(given):
                take, reason = _folder_entry(found)
                (files if take else skipped).append(found if take else Skipped(found, reason))  # type: ignore[arg-type]
        else:
            files.append(given)  # named explicitly: try it whatever its extension
    unique: List[Path] = []
    for path in sorted(files, key=str):
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, sorted(skipped, key=lambda s: str(s.path))
