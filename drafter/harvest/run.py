"""`drafter extract REPORT`: read a report, build its fact sheet, check it, write it atomically.

The sheet is validated before it is written, so a sheet that would not pass `drafter validate`
is never left behind — except for the required facts a report may simply not state (单位,
年度, 成文日期): those are written as null with a note and named on the console, rather than
guessed.  The output is never the report itself, whatever --force says.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

from ..corpus.readers import read_document
from ..errors import DrafterError, OutputFileError, ReportError
from .sheet import Harvest, harvest

SUFFIX = ".事实表.yaml"


# Required facts a report may not state: written as null for the user to fill, never guessed.
LEFT_FOR_USER = {("report", "org"): "report.org（单位全称）", ("report", "year"): "report.year（总结年度）",
                 ("report", "date"): "report.date（成文日期）"}


@dataclass
class ExtractResult:
    out: Path
    harvest: Harvest
    warnings: int
    unread: List[str] = field(default_factory=list)  # required fields the report did not give


def default_output(report: Path) -> Path:
    return report.with_name(report.stem + SUFFIX)


@lru_cache(maxsize=4)
def _vocabulary(outline: Optional[Path]):
    from ..outline.analyze import default_vocabulary

    return default_vocabulary(outline)


def harvest_file(report: Path, outline: Optional[Path] = None) -> Harvest:
    """The fact sheet of one report file (plain data with notes), or a `DrafterError`."""
    return harvest(read_document(report), _vocabulary(outline), report.name)


def sheet_text(found: Harvest, report: Path, out: Path) -> str:
    from ..facts.writer import dump_sheet, schema_reference

    header = [f"由 drafter extract 从 {report.name} 读出的事实表（{found.sheet['report'].get('year') or '?'} 年）。",
              "每项后的注释写明它来自报告的第几行（.docx 为第几段）；null 表示报告中没有，需要补充。",
              "请逐项核对；用 drafter new 今年.yaml --from 本文件 开始填写下一年。"]
    return dump_sheet(found.sheet, schema_ref=schema_reference(out), header=header, notes=found.notes)


def extract_report(report: Path, out: Optional[Path] = None, *, force: bool = False,
                   outline: Optional[Path] = None) -> ExtractResult:
    from ..facts.validate import check_text
    from ..fsutil import check_writable, write_text_atomic

    out = out if out is not None else default_output(report)
    try:
        same = out.resolve() == report.resolve()
    except OSError:
        same = False
    if same:
        raise OutputFileError("输出文件就是报告本身，不能覆盖", path=out, hint="用 -o 另给一个 .yaml 文件名")
    check_writable(out, force=force)
    found = harvest_file(report, outline)
    text = sheet_text(found, report, out)
    checked = check_text(text, out)
    unread = [p for p in checked.errors if p.path in LEFT_FOR_USER]
    others = [p for p in checked.errors if p.path not in LEFT_FOR_USER]
    if others:  # a sheet we built wrong is never written
        first = others[0]
        raise ReportError(f"读出的事实表未通过检查（第 {first.line} 行：{first.message}），未写出",
                          path=report, hint="请把这份报告发给维护人员；也可以复制 samples 中的示例手工填写")
    write_text_atomic(out, text, force=force)
    return ExtractResult(out, found, len(checked.warnings), [LEFT_FOR_USER[p.path] for p in unread])


__all__ = ["DrafterError", "ExtractResult", "extract_report", "harvest_file"]
