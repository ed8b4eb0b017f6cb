"""Writing output files safely: atomically, never over an input, never over anything but a file.

Rules, each for a failure seen in practice:
- Only a regular file (or a path that does not exist yet) is ever replaced.  A folder, FIFO,
  device or socket is refused even with `--force`; a symbolic link to a regular file is
  followed (the file it points at is replaced and the link kept), a link to anything else is
  refused.
- The output may not be one of the command's inputs (same resolved path or same inode), so
  ``render sheet.yaml -o sheet.yaml --force`` cannot destroy the fact sheet.
- The draft is written to a temporary file beside the target and only then moved into place.
  Without `--force` the final name is created *exclusively* with ``os.link(temp, final)``,
  which fails if another process created it meanwhile — two racing renders can never both
  win.  Where the file system has no hard links (FAT, some network shares) the name is first
  reserved with ``O_CREAT | O_EXCL`` and then replaced, which is just as exclusive.
- The temporary file is removed on every error, on Ctrl-C and on SIGTERM (a handler raises
  `SystemExit` so `finally` runs), and a full disk is one Chinese message.
"""
from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional

from .errors import OutputFileError
from .limits import special_kind

_EXISTS_HINT = "换一个文件名，或加 --force 覆盖原文件"
# errno values meaning "this file system cannot make hard links", not "the name is taken".
_NO_HARD_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, getattr(errno, "ENOTSUP", -1),
                  getattr(errno, "EOPNOTSUPP", -1), errno.ENOSYS, errno.EACCES}


def _default_file_mode() -> int:
    # mkstemp creates 0600 files; a draft should get the permissions any new file would get.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _parent(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def target_of(path: Path) -> Path:
    """The file that writing `path` replaces: the path itself, or what a symlink points at.

    Raises when that is anything but a regular file or a new name in an existing folder."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputFileError(f"无法访问输出路径（{exc.strerror}）", path=path) from exc
    target = path
    if info is not None and stat.S_ISLNK(info.st_mode):
        try:
            target = path.resolve(strict=True)
            info = os.stat(target)
        except FileNotFoundError:
            raise OutputFileError("输出路径是一个指向不存在位置的符号链接，不会写入", path=path,
                                  hint="换一个文件名，或先删除这个链接") from None
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on old Pythons
            raise OutputFileError("输出路径是一个无法解析的符号链接（可能形成了循环），不会写入", path=path) from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputFileError("输出路径是一个文件夹，请给出文件名", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise OutputFileError(f"输出路径不是普通文件，而是{special_kind(info.st_mode)}；drafter 只会替换普通文件，"
                                  "加 --force 也不会", path=path, hint="换一个普通的文件名")
    parent = _parent(target)
    if not parent.is_dir():
        raise OutputFileError(f"输出文件夹不存在：{parent}", path=path)
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return os.path.samefile(a, b)
    except (OSError, RuntimeError, ValueError):
        return False


def check_writable(path: Path, *, force: bool, inputs: Iterable[Optional[Path]] = ()) -> None:
    """Fail early, before any work, when `path` cannot or may not be written."""
    for given in inputs:
        if given is not None and _same_file(path, given):
            raise OutputFileError(f"输出文件就是输入文件 {given}，写出会毁掉它，加 --force 也不会覆盖", path=path,
                                  hint="用 -o 给初稿另起一个文件名")
    target = target_of(path)
    if not force and os.path.lexists(target):
        raise OutputFileError("输出文件已存在，为免覆盖未写入", path=path, hint=_EXISTS_HINT)


# -- temporary files removed on signals ---------------------------------------------------------
_pending: "set[Path]" = set()


def _remove_pending() -> None:
    for tmp in list(_pending):
        with contextlib.suppress(OSError):
            tmp.unlink()
        _pending.discard(tmp)


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While writing, SIGTERM (and SIGHUP) end the process through `SystemExit`, so `finally`
    blocks remove the temporary file; without this the default action kills us mid-write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous = {}

    def handler(signum: int, frame: object) -> None:
        _remove_pending()
        raise SystemExit(128 + signum)

    for name in names:
        sig = getattr(signal, name)
        with contextlib.suppress(OSError, ValueError):
            previous[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(sig, old)


def _write_error(exc: OSError, path: Path) -> OutputFileError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return OutputFileError("磁盘空间不足，初稿未写入（没有留下不完整的文件）", path=path,
                               hint="清理磁盘空间，或用 -o 写到另一个磁盘")
    if isinstance(exc, PermissionError):
        return OutputFileError("没有在这里写入文件的权限", path=path, hint="换一个文件夹，或用 -o 写到别处")
    return OutputFileError(f"写入失败（{exc.strerror or exc}）", path=path)


def _link_exclusively(tmp: Path, final: Path, shown: Path) -> None:
    """Give `tmp`'s content the name `final`, failing if `final` exists (no check-then-rename)."""
    try:
        os.link(tmp, final)
        return
    except FileExistsError:
        raise OutputFileError("输出文件已存在，为免覆盖未写入", path=shown, hint=_EXISTS_HINT) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
    # No hard links here: reserve the name exclusively, then move the finished file over it.
    try:
        fd = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        raise OutputFileError("输出文件已存在，为免覆盖未写入", path=shown, hint=_EXISTS_HINT) from None
    os.close(fd)
    try:
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            final.unlink()
        raise


def write_atomic(path: Path, write: Callable[[BinaryIO], None], *, force: bool,
                 inputs: Iterable[Optional[Path]] = ()) -> None:
    """Write through `write(stream)` into a temporary file beside `path`, then move it into place.

    A crash, Ctrl-C or SIGTERM mid-way leaves either the old file or none, never half a document
    and never the temporary file."""
    check_writable(path, force=force, inputs=inputs)
    final = target_of(path)
    with _terminate_cleanly():
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=_parent(final))
        except OSError as exc:
            raise _write_error(exc, path) from exc
        tmp = Path(tmp_name)
        _pending.add(tmp)
        try:
            with os.fdopen(fd, "wb") as stream:
                write(stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(tmp, _default_file_mode())
            if force:
                target_of(path)  # still a regular file (or gone), not swapped for a FIFO meanwhile
                os.replace(tmp, final)
            else:
                _link_exclusively(tmp, final, path)
        except OSError as exc:
            raise _write_error(exc, path) from exc
        finally:
            with contextlib.suppress(OSError):
                if os.path.lexists(tmp):
                    tmp.unlink()
            _pending.discard(tmp)


def write_text_atomic(path: Path, text: str, *, force: bool, inputs: Iterable[Optional[Path]] = ()) -> None:
    write_atomic(path, lambda stream: stream.write(text.encode("utf-8")), force=force, inputs=inputs)
