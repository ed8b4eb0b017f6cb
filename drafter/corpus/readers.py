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

from ..errors import DecodeProblem, InputFileError
from ..limits import DOCX_MAX_PARAGRAPHS, REPORT_DOCX, REPORT_TEXT, LimitError, check_docx, read_bounded, too_large
from .decode import ZIP_MAGIC, decode_bytes, sniff

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
    levels: Dict[int, int] = field(default_factory=dict)  # .docx/.md: paragraph or line → outline level (1-9)
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
        raise problem.with_path(path) from None
    raw_lines = text.splitlines()
    levels: Dict[int, int] = {}
    if suffix in (".md", ".markdown"):
        lines = markdown_lines(raw_lines, levels)
        kind = "md"
    else:
        lines = [(i, line) for i, line in enumerate(raw_lines, 1)]
        kind = "txt"
    if not any(t.strip() for _, t in lines):
        raise InputFileError("文件中没有文字", path=path)
    return Document(path, kind, lines, encoding, levels=levels)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes within the larger (.docx) report limit; a text report is held to its own
    smaller limit once we know it is not a zip package."""
    try:
        data = read_bounded(path, REPORT_DOCX)
    except LimitError as exc:
        if exc.code == "file.too-large" and path.suffix.lower() not in DOCX_SUFFIXES:
            raise too_large(path, REPORT_TEXT, path.stat().st_size) from None  # say the text report's limit
        raise
    if not data.startswith(ZIP_MAGIC) and len(data) > REPORT_TEXT.max_bytes:
        raise too_large(path, REPORT_TEXT, len(data))
    return data


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
    import io

    check_docx(io.BytesIO(data), REPORT_DOCX, path=path)  # before python-docx decompresses anything
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import docx
        from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputFileError("不是有效的 .docx 文件（可能已损坏或加密）", path=path,
                             hint="请用 Word 或 WPS 打开后重新保存为 .docx") from exc
    except Exception as exc:  # lxml syntax errors and the like inside a damaged package
        raise InputFileError(f"无法读取 .docx 文件（{type(exc).__name__}）", path=path,
                             hint="请用 Word 或 WPS 打开后重新保存为 .docx") from exc
    resolved = _Styles(document)
    lines: List[Tuple[int, str]] = []
    styles: Dict[int, str] = {}
    levels: Dict[int, int] = {}
    bold: Dict[int, bool] = {}
    from docx.oxml.ns import qn
    from docx.text.run import Run

    run_tag, link_tag = qn("w:r"), qn("w:hyperlink")
    for number, p in enumerate(document.element.body.iterchildren(qn("w:p")), 1):  # = document.paragraphs
        if number > DOCX_MAX_PARAGRAPHS:
            raise LimitError(f"段落超过 {DOCX_MAX_PARAGRAPHS} 个，不像是一份工作总结", path=path,
                             code="limit.docx-paragraphs", hint="请确认选对了文件；多份报告请分别保存为单独的文件")
        # The text as python-docx's `paragraph.text` gives it (runs, and runs inside hyperlinks),
        # read in one pass over the children instead of an XPath query per paragraph and run.
        texts, direct = [], []
        for child in p.iterchildren(run_tag, link_tag):
            if child.tag == run_tag:
                text = child.text
                texts.append(text)
                if text.strip():
                    direct.append(child)
            else:
                texts.extend(r.text for r in child.iterchildren(run_tag))
        lines.append((number, _join_breaks("".join(texts))))
        style, styles[number], style_level, style_bold = resolved.get(p.style)
        level = _outline_level(p.pPr, style_level)
        if level:
            levels[number] = level
        if direct and all(b if b is not None else style_bold for b in (Run(r, None).bold for r in direct)):  # type: ignore[arg-type]
            bold[number] = True
    if not any(t.strip() for _, t in lines):
        raise InputFileError("文件中没有文字", path=path)
    return Document(path, "docx", lines, None, styles, levels, bold)


_NO_LEVEL = (False, None)


def _level_set_on(pPr: object) -> Tuple[bool, Optional[int]]:
    """(whether w:outlineLvl is set here, the level it gives: 0-8 → 1-9; 9 "body text" → None)."""
    from docx.oxml.ns import qn

    found = pPr.find(qn("w:outlineLvl")) if pPr is not None else None  # type: ignore[attr-defined]
    if found is None:
        return _NO_LEVEL
    try:
        value = int(found.get(qn("w:val")))
    except (TypeError, ValueError):
        return True, None
    return True, (value + 1 if 0 <= value <= 8 else None)


def _outline_level(pPr: object, style_level: Optional[int]) -> Optional[int]:
    """The paragraph's 大纲级别: set on the paragraph itself, else on its style chain."""
    here, level = _level_set_on(pPr)
    return level if here else style_level


class _Styles:
    """Paragraph styles by id, each resolved once: (style, name, outline level, bold).

    python-docx's `paragraph.style` searches the whole style sheet for every paragraph (and for
    the default style each time), and walking `base_style` searches again per step; that made a
    100k-paragraph report take minutes.  An id that is missing or names a style of another type
    falls back to the default paragraph style, as python-docx does.
    """

    def __init__(self, document: object) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.by_id: Dict[str, object] = {}
        self.default: object = None
        try:
            for style in document.styles:  # type: ignore[attr-defined]
                if style.type == WD_STYLE_TYPE.PARAGRAPH and style.style_id is not None:
                    self.by_id.setdefault(style.style_id, style)
            self.default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
        except (KeyError, ValueError, AttributeError):
            pass  # a damaged style sheet: no heading styles, the text is still read
        self.cache: Dict[Optional[str], Tuple[object, str, Optional[int], bool]] = {}

    def get(self, style_id: Optional[str]) -> Tuple[object, str, Optional[int], bool]:
        if style_id not in self.cache:
            style = self.by_id.get(style_id, self.default) if style_id is not None else self.default
            try:
                name = (style.name or "") if style is not None else ""  # type: ignore[attr-defined]
            except (KeyError, ValueError):
                name = ""
            self.cache[style_id] = (style, name, self._level(style), self._bold(style))
        return self.cache[style_id]

    @staticmethod
    def _level(style: object) -> Optional[int]:
        seen = 0
        while style is not None and seen < 10:  # bounded: style chains are short, a loop is malformed
            here, level = _level_set_on(style.element.pPr)  # type: ignore[attr-defined]
            if here:
                return level
            try:
                style, seen = style.base_style, seen + 1  # type: ignore[attr-defined]
            except (KeyError, ValueError):
                return None
        return None

    @staticmethod
    def _bold(style: object) -> bool:
        try:
            return bool(style is not None and style.font.bold)  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            return False


# -- .md -----------------------------------------------------------------------------------
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|^\s{0,3}#{1,6}$")
_MD_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(?=\S)")
_MD_RULE = re.compile(r"^\s{0,3}([-*_]\s*){3,}$")
_MD_TABLE_CELL = re.compile(r":?-{3,}:?")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


# The inline markup below is removed by scans rather than by regular expressions: the obvious
# patterns (``\[([^\]]+)\]\(…\)``, ``(\*\*)(.+?)\1``, ``\s+#+\s*$``) backtrack once per
# starting character, so a line of a million ``[`` took minutes.  Each scan below gives the same
# result as its pattern and looks at every character a bounded number of times.
def _is_table_rule(line: str) -> bool:
    """``| --- | :---: |``: the rule under a Markdown table header."""
    cells = line.strip()
    cells = cells[1:] if cells.startswith("|") else cells
    cells = cells[:-1] if cells.endswith("|") else cells
    return all(_MD_TABLE_CELL.fullmatch(cell.strip()) for cell in cells.split("|"))


def _strip_closing_hashes(text: str) -> str:
    """``## 标题 ##`` → ``## 标题``: trailing hashes after a space go, as ``\\s+#+\\s*$`` removed them."""
    trimmed = text.rstrip()
    bare = trimmed.rstrip("#")
    if bare != trimmed and bare and bare[-1].isspace():
        return bare.rstrip()
    return text


def _strip_links(text: str) -> str:
    """``![图](a.png)`` → nothing, then ``[文字](url)`` → ``文字`` (images first, as before)."""
    return _strip_brackets(_strip_brackets(text, image=True), image=False) if "[" in text else text


def _strip_brackets(text: str, *, image: bool) -> str:
    r"""One pass of ``!\[[^\]]*\]\([^)]*\)`` → "" (image) or ``\[([^\]]+)\]\([^)]*\)`` → its text."""
    opener = "![" if image else "["
    out: List[str] = []
    done = 0  # text[:done] is settled
    start = text.find(opener)
    while start >= 0:
        inner = start + len(opener)
        close = text.find("]", inner)
        if close < 0:
            break  # no later opener can close either
        if close == inner and not image:
            start = text.find(opener, start + 1)  # "[]" is no link; the next "[" may be
            continue
        if not text.startswith("(", close + 1):
            # Every opener before `close` meets this same "]" first: none of them is a link.
            start = text.find(opener, close)
            continue
        end = text.find(")", close + 2)
        if end < 0:
            break  # no later link can end either
        out.append(text[done:start])
        if not image:
            out.append(text[inner:close])
        done = end + 1
        start = text.find(opener, done)
    out.append(text[done:])
    return "".join(out)


def _strip_strong(text: str) -> str:
    """``**重点**`` / ``__重点__`` → ``重点`` (the delimiters hug the text, as in CommonMark)."""
    if "**" not in text and "__" not in text:
        return text
    closers = {}
    for mark in ("**", "__"):
        found, at = [], text.find(mark, 1)
        while at >= 0:
            if not text[at - 1].isspace():
                found.append(at)
            at = text.find(mark, at + 1)
        closers[mark] = found
    taken = {"**": 0, "__": 0}
    out: List[str] = []
    done = i = 0
    while i < len(text) - 2:
        mark = text[i:i + 2]
        if mark in closers and not text[i + 2].isspace():
            candidates, k = closers[mark], taken[mark]
            while k < len(candidates) and candidates[k] < i + 3:
                k += 1
            taken[mark] = k
            if k < len(candidates):
                close = candidates[k]
                out.append(text[done:i])
                out.append(text[i + 2:close])
                i = done = close + 2
                continue
        i += 1
    out.append(text[done:])
    return "".join(out)


def markdown_lines(raw_lines: List[str], levels: Optional[Dict[int, int]] = None) -> List[Tuple[int, str]]:
    """The visible text of each Markdown line (an HTML ``<br>`` splits one into two); `levels`,
    when given, receives line → heading level for ``#`` … ``######`` lines, the way a .docx gives
    its outline levels (a heading with no number in its text is still a heading)."""
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
        if in_code or _MD_RULE.match(line) or _is_table_rule(line):
            out.append((number, ""))
            continue
        heading = _MD_HEADING.match(line)
        if heading is not None and levels is not None and line[heading.end():].strip():
            levels[number] = line.count("#", 0, heading.end())
        text = _MD_HEADING.sub("", line).rstrip()
        text = _strip_closing_hashes(text)
        text = _MD_QUOTE.sub("", text)
        text = _MD_BULLET.sub("", text)
        text = _strip_links(text)
        text = _strip_strong(text)
        if "|" in text and text.strip().startswith("|"):
            text = " ".join(cell.strip() for cell in text.strip().strip("|").split("|"))
        pieces = _HTML_BREAK.split(text)
        for piece in pieces:
            piece = _MD_ESCAPE.sub(r"\1", _HTML_TAG.sub("", piece))
            out.append((number, html.unescape(piece)))
    return out
