"""Read a fact sheet's bytes and turn them into text, or say clearly why they are not one.

Staff edit sheets in Notepad, WPS or Word, so the bytes may be UTF-8 (with or without a BOM),
UTF-16 ("Unicode" in old Notepad), GBK/GB18030 (ANSI on a Chinese Windows), or not text at
all (a .docx picked by mistake, a corrupt download).  We decide in this order:

1. not a regular file, or more than `limits.FACT_SHEET.max_bytes` → rejected before reading
   the rest (a sheet is a few KB; a 60 MB file is a mistake and would take PyYAML minutes);
2. a BOM → that encoding;  a known binary signature → "this is a Word file / a picture";
3. a NUL byte → binary;
4. strict UTF-8;
5. mostly valid UTF-8 with a few bad bytes → rejected at the first bad byte (a file where
   someone pasted GBK text into UTF-8, or a truncated copy) — decoding it as GBK would
   silently turn all the good text into mojibake;
6. strict GB18030 (a superset of GBK and GB2312) → accepted, with a warning to re-save it;
7. anything else → rejected as an unknown encoding, at the first byte that is not UTF-8.

Finally the text must be printable the way YAML requires; control characters are reported
at their line and column (many of them mean binary junk that happened to decode).
"""
from __future__ import annotations

import codecs
import os
from typing import TYPE_CHECKING, Optional

from ..errors import DrafterError
from ..limits import FACT_SHEET, FileKind, read_bounded
from ..record import record
from .findings import LoadError
from .excerpt import NON_PRINTABLE, excerpt, position, split_lines

if TYPE_CHECKING:  # annotations only: `validate` passes the names as typed (str)
    from pathlib import Path

GBK_NOTE = "文件是 GBK（GB18030）编码，已按此编码读取；建议用记事本“另存为”UTF-8 编码"

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
]

_SIGNATURES = [
    (b"PK\x03\x04", "Word、Excel 文档或 ZIP 压缩包（.docx/.xlsx/.zip）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word 或 Excel 文档（.doc/.xls/.wps）"),
    (b"%PDF", "PDF 文件"),
    (b"{\\rtf", "RTF 格式的文档"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "GZIP 压缩包"),
]

_NOT_TEXT_HINT = "事实表应是用记事本等编辑器编写的 .yaml 文本文件；可以复制 samples 文件夹中的示例修改，或运行 drafter new 按提问生成"
_SAVE_AS_UTF8 = "用记事本打开文件，选择“另存为”，编码选 UTF-8 后保存，再试一次"


@record(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-16", "gb18030" …
    note: Optional[str] = None  # a warning for the user, e.g. GBK_NOTE


def read_limited(path: Path, kind: FileKind = FACT_SHEET) -> bytes:
    """The file's bytes within the limits of `drafter.limits` for its kind (never more is read)."""
    if os.path.isdir(path):
        raise LoadError("file.is-directory", f"这是一个文件夹，里面没有{kind.name}（.yaml 文件）", path=path)
    try:
        return read_bounded(path, kind)
    except DrafterError as exc:
        loc = exc.location
        raise LoadError(exc.code or "file.unreadable", exc.message, path=path, line=loc.line if loc else None,
                        column=loc.column if loc else None, hint=exc.hint) from None


def _fail(path: Path, code: str, message: str, raw: bytes, offset: int, hint: str, *,
          show: bool = True) -> LoadError:
    """An error at a byte offset; line and column count characters of a lenient UTF-8 reading.

    The line is shown only when it is mostly readable text (`show`), not for binary junk.
    """
    before = raw[:offset].decode("utf-8", errors="replace")
    line, column = position(before, len(before))
    detail = excerpt(split_lines(raw.decode("utf-8", errors="replace")), line, column) if show else None
    return LoadError(code, message, path=path, line=line, column=column, detail=detail, hint=hint)


def decode_bytes(raw: bytes, path: Path) -> Decoded:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return check_printable(Decoded(raw[len(bom):].decode(codec), name.lower()), path)
            except UnicodeDecodeError as exc:
                raise _fail(path, "file.encoding", f"文件开头标明是 {name} 编码，但内容不是有效的 {name}",
                            raw, exc.start + len(bom), _SAVE_AS_UTF8) from exc
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            raise LoadError("file.not-text", f"这不是 YAML 文本文件，而是{kind}", path=path, line=1, column=1,
                                 hint=_NOT_TEXT_HINT)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise _fail(path, "file.binary", "文件里有二进制数据（空字节），不是文本文件", raw, nul, _NOT_TEXT_HINT, show=False)
    try:
        return check_printable(Decoded(raw.decode("utf-8"), "utf-8"), path)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lenient = raw.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad
    if good >= 3 and good >= bad:
        raise _fail(path, "file.encoding", "文件是 UTF-8 编码，但这里有无法识别的字节（可能混入了其他编码的文字，或文件已损坏）",
                    raw, first_bad, "在编辑器中重新输入这一处的文字，以 UTF-8 编码保存后再试")
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise _fail(path, "file.encoding", "无法识别文件的编码：既不是 UTF-8，也不是 GBK/GB18030", raw, first_bad,
                    _SAVE_AS_UTF8, show=False) from exc
    return check_printable(Decoded(text, "gb18030", GBK_NOTE), path)


def check_printable(decoded: Decoded, path: Path) -> Decoded:
    text = decoded.text
    match = NON_PRINTABLE.search(text)
    if match is None:
        return decoded
    line, column = position(text, match.start())
    many = len(NON_PRINTABLE.findall(text, 0, match.start() + 4096)) > 8
    detail = None if many else excerpt(split_lines(text), line, column)
    if many:
        raise LoadError("file.binary", "文件里有大量不可见的控制字符，像是二进制数据而不是文本", path=path, line=line,
                             column=column, detail=detail, hint=_NOT_TEXT_HINT)
    raise LoadError(
        "file.control-character", f"这里有一个不可见的控制字符（U+{ord(match.group()):04X}），YAML 文件里不允许出现",
        path=path, line=line, column=column, detail=detail, hint="删除这个字符（可先删掉整行再重新输入）",
    )


def read_text(path: Path, kind: FileKind = FACT_SHEET) -> Decoded:
    """The decoded text of a fact sheet (or another YAML file: see the module docstring)."""
    return decode_bytes(read_limited(path, kind), path)
