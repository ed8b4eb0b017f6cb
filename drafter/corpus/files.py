"""The report files named on the command line: folders walked, order fixed, strays set aside.

Files are returned in sorted path order so that learning the same archive twice gives the same
outline byte for byte; files that cannot be reports (images, spreadsheets, Word lock files) are
returned as skipped with a reason instead of failing the whole run.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Set, Tuple

from ..errors import InputFileError
from ..limits import MAX_WALK_DEPTH, MAX_WALK_ENTRIES, LimitError, special_kind
from .readers import SUPPORTED_SUFFIXES, UNSUPPORTED_HINTS


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


class _Walk:
    """A bounded walk of report folders (see `drafter.limits` for the bounds).

    A symlink to a folder is followed once: each folder is identified by (st_dev, st_ino), so
    a link back to a folder already walked is set aside instead of looping.  Special files
    (FIFOs, devices, sockets) are set aside by name; they are never opened.
    """

    def __init__(self) -> None:
        self.seen: Set[Tuple[int, int]] = set()
        self.entries = 0
        self.files: List[Path] = []
        self.skipped: List[Skipped] = []

    def folder(self, folder: Path, depth: int, top: Path) -> None:
        try:
            info = os.stat(folder)
        except OSError as exc:
            raise InputFileError(f"无法读取文件夹（{exc.strerror or exc}）", path=folder) from None
        key = (info.st_dev, info.st_ino)
        if key in self.seen:
            if depth == 1:
                return  # the same folder named twice on the command line
            self.skipped.append(Skipped(folder, "文件夹已经读过（符号链接指回了它），不再重复读取"))
            return
        self.seen.add(key)
        if depth > MAX_WALK_DEPTH:
            raise LimitError(f"文件夹嵌套超过 {MAX_WALK_DEPTH} 层，不像是报告的存档", path=folder,
                             code="limit.walk-depth", hint="请直接给出存放报告的文件夹")
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError as exc:
            raise InputFileError(f"无法读取文件夹（{exc.strerror or exc}）", path=folder) from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            self.entries += 1
            if self.entries > MAX_WALK_ENTRIES:
                raise LimitError(f"文件夹中的文件超过 {MAX_WALK_ENTRIES} 个，不像是报告的存档", path=top,
                                 code="limit.walk-entries", hint="请只给出存放报告的文件夹")
            path = Path(entry.path)
            try:
                mode = entry.stat().st_mode  # follows symlinks
            except OSError:
                self.skipped.append(Skipped(path, "无法读取（链接指向的文件不存在或没有权限）"))
                continue
            if stat.S_ISDIR(mode):
                self.folder(path, depth + 1, top)
            elif stat.S_ISREG(mode):
                take, reason = _folder_entry(path)
                if take:
                    self.files.append(path)
                else:
                    self.skipped.append(Skipped(path, reason))
            else:
                self.skipped.append(Skipped(path, f"不是普通文件（{special_kind(mode)}），不读取"))


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
    walk = _Walk()
    files, skipped = walk.files, walk.skipped
    seen = set()
    for given in paths:
        if not given.exists():
            raise InputFileError("找不到文件或文件夹", path=given)
        if given.is_dir():
            walk.folder(given, 1, given)
        else:
            files.append(given)  # named explicitly: try it whatever its extension or type (read refuses)
    unique: List[Path] = []
    for path in sorted(files, key=str):
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique, sorted(skipped, key=lambda s: str(s.path))
