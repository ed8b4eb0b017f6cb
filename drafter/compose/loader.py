"""Reading template files as Windows users save them: UTF-8 with or without BOM, or GBK.

Notepad on a Chinese Windows saves "ANSI" (GBK) by default and "UTF-8" with a BOM in older
versions.  Both are accepted: a BOM is dropped (it would put U+FEFF into the draft) and a file
that is not UTF-8 but decodes as GB18030 is read as such.  Anything else is a Chinese message
naming the file, line and column.  Control characters and drafter's mark characters in a
template are refused at their place, because they would reach the draft invisibly.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Callable, List, Optional, Tuple

import jinja2
from jinja2.loaders import split_template_path

from .. import limits
from ..errors import TemplateError
from .marks import NONCHARACTERS

_BAD_CHARACTER = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f{NONCHARACTERS}\\ufffe\\uffff]")
_SAVE_AS = "用记事本打开模板，“另存为”时把编码选为 UTF-8"


def _position(text: str, index: int) -> Tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode_template(raw: bytes, path: Path) -> str:
    """The text of a template file (see the module docstring for the rules)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode" (UTF-16)
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            pass  # refused below with the usual message
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            head = raw[: exc.start].decode("utf-8", errors="replace")
            line, column = _position(head, len(head))
            raise TemplateError("模板文件的编码无法识别：既不是 UTF-8，也不是 GBK", path=path, line=line,
                                column=column, hint=_SAVE_AS) from None
    bad = _BAD_CHARACTER.search(text)
    if bad:
        line, column = _position(text, bad.start())
        raise TemplateError(f"模板中有一个不可见的控制字符（U+{ord(bad.group()):04X}），它会原样进入初稿", path=path,
                            line=line, column=column, hint="删除这个字符（可先删掉整行再重新输入）")
    return text.replace("\r\n", "\n")


class TemplateLoader(jinja2.BaseLoader):
    """One ordered search path (first folder that has the name wins), read per `decode_template`."""

    def __init__(self, search_path: List[Path]) -> None:
        self.search_path = search_path

    def get_source(self, environment: jinja2.Environment, template: str) -> Tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses "../" and absolute names
        for directory in self.search_path:
            path = directory.joinpath(*pieces)
            try:  # one stat answers "there?", "a folder?" and "when changed?" (was three calls a template)
                found = os.stat(path)
            except (OSError, ValueError):
                if not os.path.lexists(path):
                    continue
                mtime = None  # a dangling link: refused by name below
            else:
                if stat.S_ISDIR(found.st_mode):
                    continue
                mtime = found.st_mtime
            # a FIFO, a device or a giant file named like a template is refused by name, not skipped
            raw = limits.read_bounded(path, limits.TEMPLATE)
            return decode_template(raw, path), str(path), lambda: _mtime(path) == mtime
        raise jinja2.TemplateNotFound(template)

    def source_path(self, template: str) -> str:
        """The file that wins for `template` (for messages), or the name itself."""
        for directory in self.search_path:
            path = directory.joinpath(*split_template_path(template))
            if os.path.lexists(path):
                return str(path)
        return template

    def list_templates(self) -> List[str]:
        found = set()
        for directory in self.search_path:
            for path in directory.rglob("*.j2"):
                found.add(path.relative_to(directory).as_posix())
        return sorted(found)


def _mtime(path: Path) -> Optional[float]:
    try:
        return os.path.getmtime(path)
    except OSError:
        return None
