"""Writing output files safely: atomically, and never over an existing file by accident."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, BinaryIO

from .errors import OutputFileError


def _default_file_mode() -> int:
    # mkstemp creates 0600 files; a draft should get the permissions any new file would get.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def check_writable(path: Path, *, force: bool) -> None:
    """Fail early, before any work, when `path` cannot or may not be written."""
    if path.exists() and path.is_dir():
        raise OutputFileError("输出路径是一个文件夹，请给出文件名", path=path)
    if path.exists() and not force:
        raise OutputFileError(
            "输出文件已存在，为免覆盖未写入", path=path, hint="换一个文件名，或加 --force 覆盖原文件"
        )
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputFileError(f"输出文件夹不存在：{parent}", path=path)


def write_atomic(path: Path, write: Callable[[BinaryIO], None], *, force: bool) -> None:
    """Write through `write(stream)` into a temporary file beside `path`, then rename it over.

    A crash or Ctrl-C mid-way leaves either the old file or none, never half a document.
    """
    check_writable(path, force=force)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputFileError(f"无法在此文件夹写入文件（{exc.strerror}）", path=path) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, _default_file_mode())
        if not force and path.exists():  # appeared while we were writing
            raise OutputFileError("输出文件已存在，为免覆盖未写入", path=path,
                                  hint="换一个文件名，或加 --force 覆盖原文件")
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputFileError(f"写入失败（{exc.strerror}）", path=path) from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text_atomic(path: Path, text: str, *, force: bool) -> None:
    write_atomic(path, lambda stream: stream.write(text.encode("utf-8")), force=force)
