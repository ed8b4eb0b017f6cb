"""Report files → numbered lines of text: `.txt`, `.md` and `.docx`.

A `Document` keeps each line with its 1-based number in the file (the paragraph index for
`.docx`), so everything downstream can point back to where a heading stands; Markdown markup
is removed here, because for a `.md` report the text "as it stands" is the text a reader sees.
"""
from __future__ import annotations

import html
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from ..errors import InputFileError
from .decode import ZIP_MAGIC, DecodeProblem, decode_bytes, sniff

MAX_BYTES = 50 * 1024 * 1024
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
DOCX_SUFFIXES = (".docx", ".docm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES
UNSUPPORTED_HINTS = {
    ".doc": ("不支持旧版 Word（.doc）文件", "请在 Word 或 WPS 中“另存为”.docx 格式"),
    ".wps": ("不支持 WPS 文字（.wps）文件", "请在 WPS 中“另存为”.docx 格式"),
    ".pdf": ("暂不支持 PDF 文件", "请用 WPS 或 Word 打开后另存为 .docx，或把正文复制到 .txt 文件"),
    ".yaml": ("这是 YAML 文件（事实表或提纲），不是报告", "请给出 .txt、.md 或 .docx 格式的工作总结"),
    ".yml": ("这是 YAML 文件（事实表或提纲），不是报告", "请给出 .txt、.md 或 .docx 格式的工作总结"),
}


@dataclass
class Document:
    """The lines of one report file as they stand in it."""

    path: Path
    kind: str  # "txt" | "md" | "docx"
    lines: List[Tuple[int, str]]  # (1-based line or paragraph number, text); a number may repeat
    encoding: Optional[str] = None
    styles: Dict[int, str] = field(default_factory=dict)  # .docx: paragraph number → style name
    levels: Dict[int, int] = field(default_factory=dict)  # .docx: paragraph number → outline level (1-9)
    bold: Dict[int, bool] = field(default_factory=dict)  # .docx: paragraph number → all its text bold

    @property
    def outline_levels(self) -> Dict[int, int]:
        """.docx: paragraph number → level, for paragraphs in a Word heading style (标题 1, Heading 2 …)
        or with an outline level set on the paragraph or its style (大纲级别)."""
        out = dict(self.levels)
        for number, name in self.styles.items():
            m = _HEADING_STYLE.match(name or "")
            if m:
                out[number] = int(m.group(1))
        return out

    @property
    def texts(self) -> List[str]:
        return [text for _, text in self.lines]


def read_document(path: Path) -> Document:
    """Read one report file, or raise `InputFileError` saying in Chinese what is wrong with it."""
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if data.startswith(ZIP_MAGIC):  # a .docx, whatever its name says
        return _read_docx(path, data)
    if suffix in UNSUPPORTED_HINTS:
        message, hint = UNSUPPORTED_HINTS[suffix]
        raise InputFileError(message, path=path, hint=hint)
    if suffix in DOCX_SUFFIXES:
        known = sniff(data)
        if known:
            raise InputFileError(known[0], path=path, hint=known[1])
        raise InputFileError("不是有效的 .docx 文件（可能已损坏或加密）", path=path,
                             hint="请用 Word 或 WPS 打开后重新保存为 .docx")
    try:
        text, encoding = decode_bytes(data)
    except DecodeProblem as problem:
        raise InputFileError(problem.message, path=path, hint=problem.hint) from None
    raw_lines = text.splitlines()
    if suffix in (".md", ".markdown"):
        lines = markdown_lines(raw_lines)
        kind = "md"
    else:
        lines = [(i, line) for i, line in enumerate(raw_lines, 1)]
        kind = "txt"
    if not any(t.strip() for _, t in lines):
        raise InputFileError("文件中没有文字", path=path)
    return Document(path, kind, lines, encoding)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise InputFileError("这是一个文件夹，请给出报告文件", path=path)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputFileError("文件过大（超过 50 MB），不像是一份工作总结", path=path)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputFileError("找不到文件", path=path) from None
    except PermissionError:
        raise InputFileError("没有读取此文件的权限", path=path) from None
    except OSError as exc:
        raise InputFileError(f"无法读取文件（{exc.strerror or exc}）", path=path) from None


# -- .docx ---------------------------------------------------------------------------------
def _join_breaks(text: str) -> str:
    """A line break inside a paragraph (a two-line title) is layout, not text: drop it, keeping a
    space only between two Latin letters or digits."""
    if "\n" not in text and "\r" not in text:
        return text
    parts = re.split(r"[\r\n]+", text)
    out = parts[0]
    for part in parts[1:]:
        if out and part and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out


def _read_docx(path: Path, data: bytes) -> Document:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    import io

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputFileError("不是有效的 .docx 文件（可能已损坏或加密）", path=path,
                             hint="请用 Word 或 WPS 打开后重新保存为 .docx") from exc
    except Exception as exc:  # lxml syntax errors and the like inside a damaged package
        raise InputFileError(f"无法读取 .docx 文件（{type(exc).__name__}）", path=path,
                             hint="请用 Word 或 WPS 打开后重新保存为 .docx") from exc
    lines: List[Tuple[int, str]] = []
    styles: Dict[int, str] = {}
    levels: Dict[int, int] = {}
    bold: Dict[int, bool] = {}
    for number, paragraph in enumerate(document.paragraphs, 1):
        lines.append((number, _join_breaks(paragraph.text)))
        try:
            style = paragraph.style
            styles[number] = style.name if style is not None else ""
        except (KeyError, ValueError):
            style, styles[number] = None, ""
        level = _outline_level(paragraph._p, style)
        if level:
            levels[number] = level
        runs = [r for r in paragraph.runs if r.text.strip()]
        if runs and all(_is_bold(r, style) for r in runs):
            bold[number] = True
    if not any(t.strip() for _, t in lines):
        raise InputFileError("文件中没有文字", path=path)
    return Document(path, "docx", lines, None, styles, levels, bold)


def _outline_level(p_element, style) -> Optional[int]:
    """The paragraph's 大纲级别 (w:outlineLvl 0-8 → level 1-9) set on it or on its style chain."""
    from docx.oxml.ns import qn

    holders = [p_element.pPr] if p_element.pPr is not None else []
    seen = 0
    while style is not None and seen < 10:  # bounded: style chains are short, a loop is malformed
        holders.append(style.element.pPr)
        style, seen = style.base_style, seen + 1
    for pPr in holders:
        if pPr is None:
            continue
        found = pPr.find(qn("w:outlineLvl"))
        if found is not None:
            try:
                value = int(found.get(qn("w:val")))
            except (TypeError, ValueError):
                return None
            return value + 1 if 0 <= value <= 8 else None  # 9 is “body text”
    return None


def _is_bold(run, style) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    try:
        return bool(style is not None and style.font.bold)
    except (AttributeError, ValueError):
        return False


# -- .md -----------------------------------------------------------------------------------
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|^\s{0,3}#{1,6}$")
_MD_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(?=\S)")
_MD_RULE = re.compile(r"^\s{0,3}([-*_]\s*){3,}$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def markdown_lines(raw_lines: List[str]) -> List[Tuple[int, str]]:
    """The visible text of each Markdown line (an HTML ``<br>`` splits one into two)."""
    out: List[Tuple[int, str]] = []
    in_code = False
    in_front_matter = bool(raw_lines) and raw_lines[0].strip() == "---"
    for number, line in enumerate(raw_lines, 1):
        stripped = line.strip()
        if in_front_matter:
            if number > 1 and stripped in ("---", "..."):
                in_front_matter = False
            out.append((number, ""))
            continue
        if stripped.startswith("```") or stripped.startswith("~~~"):
            in_code = not in_code
            out.append((number, ""))
            continue
        if in_code or _MD_RULE.match(line) or _MD_TABLE_RULE.match(line):
            out.append((number, ""))
            continue
        text = _MD_HEADING.sub("", line).rstrip()
        text = re.sub(r"\s+#+\s*$", "", text)
        text = _MD_QUOTE.sub("", text)
        text = _MD_BULLET.sub("", text)
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_STRONG.sub(r"\2", text)
        if "|" in text and text.strip().startswith("|"):
            text = " ".join(cell.strip() for cell in text.strip().strip("|").split("|"))
        pieces = _HTML_BREAK.split(text)
        for piece in pieces:
            piece = _MD_ESCAPE.sub(r"\1", _HTML_TAG.sub("", piece))
            out.append((number, html.unescape(piece)))
    return out
