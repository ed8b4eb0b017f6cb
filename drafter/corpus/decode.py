"""Bytes of a report file → text: byte-order marks, UTF-8, then GB18030/Big5/UTF-16 by detection.

Offices save reports from Windows tools (GBK/GB18030), Notepad ("Unicode" = UTF-16 with BOM) and
web scrapers (UTF-8, sometimes cut off mid-character), so UTF-8 is tried strictly first and any
other encoding is detected by charset-normalizer, never assumed, and then checked for plausibility.
"""
from __future__ import annotations

import codecs
from typing import Optional, Tuple

from ..errors import DecodeProblem

# What a file that is not a text report starts with, and what to tell the user about it.
MAGIC = (
    (b"%PDF", "暂不支持 PDF 文件", "请用 WPS 或 Word 打开后另存为 .docx，或把正文复制到 .txt 文件"),
    (b"\xd0\xcf\x11\xe0", "不支持旧版 Word（.doc/.wps）文件", "请在 Word 或 WPS 中“另存为”.docx 格式"),
    (b"{\\rtf", "不支持 RTF 文件", "请在 Word 或 WPS 中“另存为”.docx 格式"),
    (b"\x89PNG", "这是一张图片，不是报告文本", None),
    (b"\xff\xd8\xff", "这是一张图片，不是报告文本", None),
    (b"Rar!", "这是一个压缩包，不是报告文本", "请先解压"),
    (b"\x1f\x8b", "这是一个压缩包，不是报告文本", "请先解压"),
)
ZIP_MAGIC = b"PK\x03\x04"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CANDIDATES = ["gb18030", "big5", "utf_16", "utf_8"]


def sniff(data: bytes) -> Optional[Tuple[str, Optional[str]]]:
    """The (message, hint) for a known non-text format, or None."""
    for magic, message, hint in MAGIC:
        if data.startswith(magic):
            return message, hint
    return None


def _plausible(text: str) -> bool:
    """Mostly printable text with some Chinese: what a decoded report looks like."""
    if not text:
        return False
    sample = text[:20000]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f")
    odd = sum(1 for ch in sample if 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd")
    return (control + odd) / len(sample) < 0.02


_CONTROL = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    control = len(head) - len(head.translate(None, _CONTROL))
    return b"\x00" in head or control / max(1, len(head)) > 0.05


def decode_bytes(data: bytes) -> Tuple[str, str]:
    """(text, encoding name) or DecodeProblem."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise DecodeProblem("文件是空的")
    known = sniff(data)
    if known:
        raise DecodeProblem(known[0], hint=known[1])
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding.replace("-le", "").replace("-be", "")
            except UnicodeDecodeError as exc:
                raise DecodeProblem(f"文件以 {encoding} 标记开头，但内容无法按该编码读取") from exc
    if _looks_binary(data):
        guess = _utf16_without_bom(data)  # full of NUL bytes too, but only on one side
        if guess is not None:
            return guess
        raise DecodeProblem("不是文本文件（看起来是二进制文件）")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason.startswith("unexpected end"):
            # A scraper or a download cut the file inside the last character.
            return data[: exc.start].decode("utf-8"), "utf-8"
    guess = _detect(data)
    if guess is not None:
        return guess
    relaxed = data.decode("utf-8", errors="replace")
    if relaxed.count("\ufffd") <= max(2, len(relaxed) // 5000):
        return relaxed, "utf-8"
    raise DecodeProblem("无法识别文件的编码", hint="请用记事本或 WPS 打开后另存为 UTF-8 编码的 .txt 文件")


def _utf16_without_bom(data: bytes) -> Optional[Tuple[str, str]]:
    head = data[:8192]
    if len(head) % 2:
        head = head[:-1]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if not even + odd or min(even, odd) * 4 > max(even, odd):
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, "utf-16") if _plausible(text) else None


def _detect(data: bytes) -> Optional[Tuple[str, str]]:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if not _plausible(text):
        return None
    name = {"utf_16": "utf-16", "utf_8": "utf-8"}.get(best.encoding, best.encoding)
    return text, name
