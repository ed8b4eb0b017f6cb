"""The `render` job end to end: fact sheet → Draft → file.

Everything the CLI's `render` command does lives here, so it can be called from tests and
scripts without click.  The output path is checked before any work so that a user who forgot
`--force` learns it at once, and the file is written atomically.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .compose.composer import compose
from .compose.templating import TemplateSet
from .draft import Draft
from .errors import DrafterError
from .facts import load_factsheet_checked
from .fsutil import check_writable, write_atomic, write_text_atomic
from .outline.model import Outline, load_outline
from .resources import default_outline_path

FORMATS = ("docx", "md", "txt")


@dataclass
class RenderOptions:
    out: Path
    format: str = "docx"
    templates: Optional[Path] = None
    outline: Optional[Path] = None
    reference_docx: Optional[Path] = None
    force: bool = False
    strict: bool = False
    annotate: bool = False


@dataclass
class RenderResult:
    out: Path
    draft: Draft
    warnings: int = 0  # the sheet's validation warnings (they never stop a render)


class StrictRenderError(DrafterError):
    """`--strict` and the draft still has placeholders."""


SUFFIX_FORMATS = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt"}


def guess_format(out: Path, given: Optional[str]) -> str:
    """`--format` when given, else what the output's suffix says, else docx."""
    return given or SUFFIX_FORMATS.get(out.suffix.lower(), "docx")


def resolve_outline(templates: TemplateSet, explicit: Optional[Path]) -> Outline:
    """`--outline FILE`, else an outline.yaml in the user's template folder, else the shipped one."""
    if explicit is not None:
        return load_outline(explicit)
    return load_outline(templates.find("outline.yaml") or default_outline_path())


def render(facts: Path, options: RenderOptions) -> RenderResult:
    check_writable(options.out, force=options.force)
    templates = TemplateSet(options.templates)
    outline = resolve_outline(templates, options.outline)
    sheet, warnings = load_factsheet_checked(facts)
    draft = compose(sheet, outline, templates)
    holes = draft.placeholders()
    if options.strict and holes:
        raise StrictRenderError(
            f"草稿中还有 {len(holes)} 处【待补充】，--strict 模式下不写出文件",
            path=facts, hint="在事实表中补齐这些内容，或去掉 --strict 先生成草稿",
        )
    fmt = options.format
    sheet_name = facts.name
    if fmt == "docx":
        from .writers.docx_writer import write_docx

        write_atomic(options.out, lambda stream: write_docx(
            draft, stream, reference=options.reference_docx, annotate=options.annotate, sheet_name=sheet_name),
            force=options.force)
    else:
        from .writers.text import to_markdown, to_text

        text = (to_markdown if fmt == "md" else to_text)(draft, annotate=options.annotate, sheet_name=sheet_name)
        write_text_atomic(options.out, text, force=options.force)
    return RenderResult(options.out, draft, len(warnings))
