"""How much drafter accepts: one small policy for every input, each value with its reason.

Every file a user names (reports for `analyze`/`learn`, a fact sheet, `--from`, `--outline`,
`--reference-docx`, a template) passes through here before anything parses it, so no input can
hang drafter or exhaust memory, and each refusal is one Chinese message naming the file and the
limit.  Values are set far above anything real (a year-end summary is 10–50 KB of text, a fact
sheet 5 KB) and far below what would take minutes or gigabytes; change a value here, nowhere else.

What a file may be: a regular file only.  A FIFO, device or socket is refused by name, checked
with `os.stat` *before* opening, and the file is opened with ``O_NONBLOCK`` and checked again with
`fstat`, so a FIFO swapped in between the two cannot block the open.  How big: we never trust
``st_size`` alone (``/dev/zero`` and ``/proc`` files report 0) — we read at most limit + 1 bytes.

The template constants at the end are enforced by `drafter.compose.templating` (render side).
"""
from __future__ import annotations

import io
import os
import stat
from typing import Optional

from .errors import InputFileError, PathLike
from .record import record

KB = 1024
MB = 1024 * 1024


# -- what a file may be and how big ------------------------------------------------------------
@record(frozen=True)
class FileKind:
    """One kind of input file: its Chinese name, its size limit and what a real one weighs."""

    name: str  # 报告文件, 事实表 … as the message names it
    max_bytes: int
    typical: str  # said in the message, so the user sees why the limit is where it is
    docx: bool = False  # a zip package: its expansion is checked too (`check_docx`)


# A .txt/.md report: a long summary is 50 KB; 5 MB is a whole archive pasted into one file.
REPORT_TEXT = FileKind("报告文件", 5 * MB, "一份工作总结的文本一般只有几十 KB")
# A .docx report: pictures make it large, but 50 MB is already a photo album.
REPORT_DOCX = FileKind("报告文件", 50 * MB, "一份 .docx 工作总结一般在几 MB 以内", docx=True)
# A fact sheet: the shipped sample is 5 KB; PyYAML would take minutes on tens of MB.
FACT_SHEET = FileKind("事实表", 1 * MB, "事实表一般只有几 KB 到几十 KB")
# A learned outline: learning 200 reports writes about 100 KB.
OUTLINE = FileKind("提纲文件", 8 * MB, "drafter learn 写出的提纲一般只有几十 KB")
# A reference .docx (letterhead, page setup): a logo or two.
REFERENCE_DOCX = FileKind("参考文档", 50 * MB, "带红头和页面设置的参考文档一般只有几百 KB", docx=True)
# One template file (.j2): the shipped ones are 1–3 KB each.
TEMPLATE = FileKind("模板文件", 1 * MB, "一个模板文件一般只有几 KB")

# -- how far a folder walk goes (learn PATHS…) -------------------------------------------------
# An archive is 年份/科室/文件 — three or four levels; 32 means a loop or a mistake.
MAX_WALK_DEPTH = 32
# Entries looked at in all folders together: 20 years × a few hundred reports, with room to spare.
MAX_WALK_ENTRIES = 20_000

# -- how much a .docx may expand (reports and reference documents) -----------------------------
# A .docx is a zip: its declared sizes are checked before anything is decompressed, and the
# actual decompressed bytes are counted while reading, so a lying header cannot get past either.
DOCX_MAX_MEMBERS = 5_000  # parts in the package; Word writes 10–30 plus one per picture
DOCX_MAX_PART_BYTES = 32 * MB  # one part, uncompressed; word/document.xml of 100k paragraphs is ~10 MB
DOCX_MAX_TOTAL_BYTES = 256 * MB  # all parts, uncompressed; python-docx holds them all in memory
# Ratio of uncompressed to compressed size, checked for parts over DOCX_RATIO_FLOOR: Word's XML
# compresses 5–20×, highly repetitive XML up to ~100×; zip bombs are 1000× and more.
DOCX_MAX_RATIO = 200
DOCX_RATIO_FLOOR = 1 * MB
# Paragraphs of a report .docx: a long summary has 300, an archive merged into one file a few
# thousand; 32 MB of empty ``<w:p/>`` would be five million, each a line to analyse.
DOCX_MAX_PARAGRAPHS = 200_000

# -- how much YAML may expand after aliases ----------------------------------------------------


@record(frozen=True)
class YamlLimits:
    """Bounds on one YAML document after aliases are expanded (checked while composing)."""

    max_depth: int  # nesting levels
    max_nodes: int  # values (scalars and containers) after expanding aliases
    max_chars: int  # characters of all scalars after expanding aliases: the memory that is built


# A fact sheet nests five levels and holds ~200 values; max_chars is twice what the largest
# allowed file can hold without aliases, so only an expansion trick can reach it.
FACT_SHEET_YAML = YamlLimits(max_depth=32, max_nodes=100_000, max_chars=2 * FACT_SHEET.max_bytes)
# A learned outline holds a few thousand values (phrases per part).
OUTLINE_YAML = YamlLimits(max_depth=32, max_nodes=500_000, max_chars=2 * OUTLINE.max_bytes)

# -- numbers in a fact sheet -------------------------------------------------------------------
# Above 10^15 a float no longer holds every integer exactly (2^53 ≈ 9×10^15), so a sheet value
# could not be written back digit for digit; no office counts beyond 千万亿.
NUMBER_MAX_ABS = 10 ** 15
# Below 10^-6 (but not 0) a number is a typo or an exponent trick (1e-300); divided into a
# growth rate it would overflow.  One millionth is finer than any 统计 figure is reported.
NUMBER_MIN_ABS = 1e-6

# -- templates (enforced on the render side by the output engineer) ----------------------------
# wall time for composing one draft; the shipped set takes ~50 ms, a 1 MB value ~0.3 s.  Kept
# under 10 s so a runaway template ends (with its message) before a 10 s watchdog would.
TEMPLATE_MAX_SECONDS = 8.0
TEMPLATE_MAX_OUTPUT_CHARS = 5_000_000  # characters one draft may hold: 100× a long report
TEMPLATE_MAX_RANGE = 10_000  # items `range()` may produce in a template
TEMPLATE_MAX_RECURSION = 50  # nested macro calls (recursive macros); the shipped templates use 2


# -- the checks --------------------------------------------------------------------------------
class LimitError(InputFileError):
    """An input refused by this policy (not a regular file, too big, expands too far)."""


def _size(n: int) -> str:
    """A limit (1 MB, 64 MB) or a measured size (60.3 MB) as the message shows it."""
    if n >= MB:
        return f"{n // MB} MB" if n % MB == 0 else f"{n / MB:.1f} MB"
    return f"{n // KB} KB" if n >= KB and n % KB == 0 else (f"{n / KB:.1f} KB" if n >= KB else f"{n} 字节")


_SPECIAL = (
    (stat.S_ISFIFO, "命名管道（FIFO）"),
    (stat.S_ISCHR, "字符设备"),
    (stat.S_ISBLK, "块设备"),
    (stat.S_ISSOCK, "套接字"),
)


def special_kind(mode: int) -> Optional[str]:
    """The Chinese name of a file type drafter never reads, or None for a regular file/folder."""
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "特殊文件"


def _os_error(exc: OSError, path: PathLike) -> InputFileError:
    if isinstance(exc, FileNotFoundError):
        return InputFileError("找不到文件", path=path, code="file.not-found")
    if isinstance(exc, PermissionError):
        return InputFileError("没有读取这个文件的权限", path=path, code="file.no-permission")
    if isinstance(exc, IsADirectoryError):
        return InputFileError("这是一个文件夹，不是文件", path=path, code="file.is-directory")
    if exc.errno == getattr(os, "ELOOP", -1):
        return InputFileError("符号链接形成了循环，指不到真正的文件", path=path, code="file.unreadable")
    return InputFileError(f"无法读取文件（{exc.strerror or exc}）", path=path, code="file.unreadable")


def _not_regular(path: PathLike, mode: int, kind: FileKind) -> InputFileError:
    if stat.S_ISDIR(mode):
        return InputFileError(f"这是一个文件夹，不是{kind.name}", path=path, code="file.is-directory")
    return LimitError(f"这不是普通文件，而是{special_kind(mode)}；drafter 只读取普通文件", path=path,
                      code="limit.not-regular", hint=f"请给出保存在磁盘上的{kind.name}")


def too_large(path: PathLike, kind: FileKind, size: Optional[int] = None) -> LimitError:
    shown = f"{size / MB:.1f} MB" if size else f"超过 {_size(kind.max_bytes)}"
    return LimitError(f"文件太大（{shown}），不像是{kind.name}：{kind.typical}，上限为 {_size(kind.max_bytes)}",
                      path=path, line=1, column=1, code="file.too-large", hint="请确认选对了文件")


def check_regular(path: PathLike, kind: FileKind) -> os.stat_result:
    """The file's stat, or an error if it is missing, a folder or not a regular file."""
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise _os_error(exc if isinstance(exc, OSError) else OSError(str(exc)), path) from None
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(path, info.st_mode, kind)
    if info.st_size > kind.max_bytes:
        raise too_large(path, kind, info.st_size)
    return info


def read_bounded(path: PathLike, kind: FileKind) -> bytes:
    """All bytes of a regular file of at most `kind.max_bytes`, never reading more than that + 1."""
    check_regular(path, kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _os_error(exc, path) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # swapped for a FIFO or device after the stat above
            raise _not_regular(path, mode, kind)
        chunks = []
        left = kind.max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, MB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _os_error(exc, path) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > kind.max_bytes:
        raise too_large(path, kind)
    return data


def check_input_file(path: PathLike, kind: FileKind = REFERENCE_DOCX) -> bytes:
    """The bytes of an input, refused before any work is done if it is missing, special, too big
    or (for a .docx kind) a zip that expands too far.  `--reference-docx` calls this first."""
    data = read_bounded(path, kind)
    if kind.docx:
        check_docx(io.BytesIO(data), kind, path=path)
    return data


def check_docx(source: "PathLike | object", kind: FileKind, *, path: Optional[PathLike] = None) -> None:
    """Refuse a .docx (a path or a binary stream) whose zip would expand too far when parsed.

    Declared sizes and ratios are checked first; then every part is decompressed in chunks and
    counted, so a member whose header lies about its size is caught as well.  Nothing is kept.
    """
    where = path if path is not None else source
    import zipfile  # here, not at the top: validate never opens a .docx, and zipfile brings bz2 and lzma
    try:
        archive = zipfile.ZipFile(source)  # type: ignore[arg-type]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputFileError("不是有效的 .docx 文件（可能已损坏或加密）", path=where,  # type: ignore[arg-type]
                             code="docx.invalid", hint="请用 Word 或 WPS 打开后重新保存为 .docx") from exc
    with archive:
        members = archive.infolist()
        if len(members) > DOCX_MAX_MEMBERS:
            raise _expands(where, f"包含 {len(members)} 个部件，超过上限 {DOCX_MAX_MEMBERS} 个")
        declared = 0
        for info in members:
            declared += info.file_size
            _check_part(where, info.filename, info.file_size, info.compress_size)
        if declared > DOCX_MAX_TOTAL_BYTES:
            raise _expands(where, f"解压后共 {_size(declared)}，超过上限 {_size(DOCX_MAX_TOTAL_BYTES)}")
        actual = 0
        for info in members:
            count = 0
            try:
                with archive.open(info) as stream:
                    while True:
                        chunk = stream.read(MB)
                        if not chunk:
                            break
                        count += len(chunk)
                        if count > DOCX_MAX_PART_BYTES or actual + count > DOCX_MAX_TOTAL_BYTES:
                            raise _expands(where, f"部件 {info.filename} 解压后超过上限 {_size(DOCX_MAX_PART_BYTES)}")
            except LimitError:
                raise
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
                # RuntimeError: an encrypted part; NotImplementedError: an unknown compression
                raise InputFileError(f"不是有效的 .docx 文件（部件 {info.filename} 无法解压，可能已损坏或加密）",
                                     path=where, code="docx.invalid",  # type: ignore[arg-type]
                                     hint="请用 Word 或 WPS 打开后重新保存为 .docx") from exc
            _check_part(where, info.filename, count, info.compress_size)
            actual += count


def _check_part(where: object, name: str, size: int, compressed: int) -> None:
    if size > DOCX_MAX_PART_BYTES:
        raise _expands(where, f"部件 {name} 解压后 {_size(size)}，超过上限 {_size(DOCX_MAX_PART_BYTES)}")
    if size > DOCX_RATIO_FLOOR and size > DOCX_MAX_RATIO * max(1, compressed):
        raise _expands(where, f"部件 {name} 的压缩比超过 {DOCX_MAX_RATIO} 倍（{_size(compressed)} 解压为 {_size(size)}）")


def _expands(where: object, what: str) -> LimitError:
    return LimitError(f"这个 .docx 解压后过大：{what}，不像是正常的 Word 文档（可能是恶意构造的“压缩炸弹”）",
                      path=where, code="limit.docx-expansion",  # type: ignore[arg-type]
                      hint="请用 Word 或 WPS 打开后重新保存为 .docx")


__all__ = [
    "DOCX_MAX_MEMBERS", "DOCX_MAX_PARAGRAPHS", "DOCX_MAX_PART_BYTES", "DOCX_MAX_RATIO", "DOCX_MAX_TOTAL_BYTES", "FACT_SHEET",
    "FACT_SHEET_YAML", "FileKind", "LimitError", "MAX_WALK_DEPTH", "MAX_WALK_ENTRIES", "NUMBER_MAX_ABS",
    "NUMBER_MIN_ABS", "OUTLINE", "OUTLINE_YAML", "REFERENCE_DOCX", "REPORT_DOCX", "REPORT_TEXT", "TEMPLATE",
    "TEMPLATE_MAX_OUTPUT_CHARS", "TEMPLATE_MAX_RANGE", "TEMPLATE_MAX_RECURSION", "TEMPLATE_MAX_SECONDS",
    "YamlLimits", "check_docx", "check_input_file", "check_regular", "read_bounded", "special_kind", "too_large",
]
