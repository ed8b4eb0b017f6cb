"""The `render` job end to end: fact sheet → Draft → file.

Everything the CLI's `render` command does lives here, so it can be called from tests and
scripts without click.  The output path and the reference document are checked before any
work, so a user who forgot `--force` or mistyped a file name learns it at once; the file is
written atomically (see `fsutil`).
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from .compose.composer import compose
from .compose.templating import TemplateSet
from .draft import Draft
from .errors import DrafterError, OutputFileError
from .facts import load_factsheet_checked
from .fsutil import check_writable, write_atomic, write_text_atomic
from .outline.model import Outline, load_outline
from .record import field, record
from .resources import default_outline_path

FORMATS = ("docx", "md", "txt")


STDOUT = Path("-")


@record
class RenderOptions:
    out: Path  # Path("-") writes a text draft to standard output
    format: str = "docx"
    templates: Optional[Path] = None
    outline: Optional[Path] = None
    reference_docx: Optional[Path] = None
    force: bool = False
    strict: bool = False
    annotate: bool = False
    append_after_letterhead: bool = False  # a reference without 【正文】: put the draft after all it holds
    keep_reference_styles: bool = False


@record
class RenderResult:
    out: Path
    draft: Draft
    warnings: int = 0  # the sheet's validation warnings (they never stop a render)
    text: Optional[str] = None  # the draft itself when written to standard output
    notices: List[str] = field(default_factory=list)  # e.g. misnamed files in the template folder


class StrictRenderError(DrafterError):
    """`--strict` and the draft still has placeholders."""


SUFFIX_FORMATS = {".docx": "docx", ".dotx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt"}


def guess_format(out: Path, given: Optional[str]) -> str:
    """`--format` when given, else what the output's suffix says, else docx (md for `-o -`).

    A `--format` that contradicts a known suffix is refused: a .md file holding a Word package
    (or the reverse) opens as garbage."""
    if out == STDOUT:
        fmt = given or "md"
        if fmt == "docx":
            raise OutputFileError("Word 文档（docx）不能输出到屏幕（-o -）", hint="用 -f md 或 -f txt 输出文本，或用 -o 给出 .docx 文件名")
        return fmt
    implied = SUFFIX_FORMATS.get(out.suffix.lower())
    if given and implied and given != implied:
        raise OutputFileError(f"输出文件的扩展名 {out.suffix} 表示 {implied} 格式，与 -f {given} 矛盾", path=out,
                              hint=f"改用 -o {out.with_suffix('.' + given).name}，或去掉 -f 按扩展名输出")
    return given or implied or "docx"


def resolve_outline(templates: TemplateSet, explicit: Optional[Path]) -> Outline:
    """`--outline FILE`, else an outline.yaml in the user's template folder, else the shipped one."""
    if explicit is not None:
        return load_outline(explicit)
    return load_outline(templates.find("outline.yaml") or default_outline_path())


def _strict_refusal(facts: Path, draft: Draft) -> StrictRenderError:
    places = draft.placeholder_places()
    listing = "\n".join(f"  {where}：{text}" for where, text in places)
    return StrictRenderError(
        f"草稿中还有 {len(places)} 处【待补充】，--strict 模式下不写出文件：", path=facts, detail=listing,
        hint="在事实表中补齐这些内容，或去掉 --strict 先生成草稿",
    )


def render(facts: Path, options: RenderOptions) -> RenderResult:
    fmt = guess_format(options.out, options.format)
    to_stdout = options.out == STDOUT
    templates = TemplateSet(options.templates)
    inputs = [facts, options.templates, options.outline, options.reference_docx, *templates.user_files()]
    if not to_stdout:
        # Before any work: a user who forgot --force (or named an input) learns it at once.
        check_writable(options.out, force=options.force, inputs=inputs)
    reference = None
    if options.reference_docx is not None:
        if fmt != "docx":
            raise OutputFileError("--reference-docx 只用于生成 Word 文档（docx）", path=options.reference_docx,
                                  hint="去掉 --reference-docx，或输出 .docx")
        from .writers.reference import open_reference

        reference = open_reference(options.reference_docx, append=options.append_after_letterhead)
    outline = resolve_outline(templates, options.outline)
    sheet, warnings = load_factsheet_checked(facts)
    draft = compose(sheet, outline, templates)
    result = RenderResult(options.out, draft, len(warnings), notices=templates.notices())
    if options.strict and draft.placeholders():
        raise _strict_refusal(facts, draft)
    sheet_name = facts.name
    if fmt == "docx":
        from .writers.docx_writer import write_docx

        write_atomic(options.out, lambda stream: write_docx(
            draft, stream, reference=reference, annotate=options.annotate, sheet_name=sheet_name,
            keep_reference_styles=options.keep_reference_styles), force=options.force, inputs=inputs)
        return result
    from .writers.text import to_markdown, to_text

    text = (to_markdown if fmt == "md" else to_text)(draft, annotate=options.annotate, sheet_name=sheet_name)
    if to_stdout:
        result.text = text
    else:
        write_text_atomic(options.out, text, force=options.force, inputs=inputs)
    return result
