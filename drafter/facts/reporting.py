"""Print a `ValidationReport` for people (text) or for programs (JSON).

Text: one block per problem — ``FILE:LINE:COL: 字段路径（中文名）: 说明``, the line with a
caret, a hint — errors before warnings, then one summary line per file (and a total when
there are several).  JSON (`format_json`; the shape is a contract for scripts: fields are only
ever added, and ``"version"`` changes if one must change or go):

    {"version": 1, "valid": false, "strict": false,
     "summary": {"files": 1, "valid": 0, "invalid": 1, "errors": 1, "warnings": 0},
     "files": [{"file": "a.yaml", "valid": false, "errors": 1, "warnings": 0,
                "problems": [{"file": "a.yaml", "severity": "error", "code": "schema.type",
                              "line": 3, "column": 9, "field": "report.year",
                              "pointer": "/report/year", "title": "总结年度",
                              "message": "应为整数，而这里是文字“2024年”",
                              "hint": "年份只写四位数字，例如 year: 2024"}]}]}

``severity`` is "error" or "warning" (kept as found; with ``--strict`` warnings make
``valid`` false).  ``line``/``column`` are 1-based, null when the file as a whole is meant
(not found).  ``field`` is the dotted path (empty for the file), ``pointer`` the same as a
JSON Pointer, ``title`` the field's Chinese name from the schema.  ``code`` is stable:
``file.*`` (not-found, is-directory, no-permission, unreadable, too-large, not-text, binary,
encoding, control-character), ``yaml.*`` (syntax, duplicate-key, multiple-documents, empty,
not-mapping, too-deep, too-large, alias, tag, complex-key, merge), ``schema.*`` (required,
unknown-field, type, empty, enum, range, format) and ``check.*`` (year, date, date-period,
placeholder, sample-text, empty-section, empty-overview, title-only, duplicate-title, duplicate-point, percent,
percent-scale, number, unit-mismatch, no-previous, no-leadership, few-achievements,
no-problems, no-detail, no-plans, no-points) and ``typing.*`` (warnings of what the draft
normalises in what was typed — enumerator, halfwidth, ascii-quote, doubled-punct,
trailing-punct, no-full-stop, title-punct, unit-in-label — and doubled-word,
office-signature; see `typing_checks`).
"""
from __future__ import annotations

from typing import Any, Dict, List

from .findings import Problem
from .validate import FileReport, ValidationReport

JSON_VERSION = 1


def problem_heading(file: str, problem: Problem, *, strict: bool = False) -> str:
    place = file
    if problem.line is not None:
        place += f":{problem.line}"
        if problem.column is not None:
            place += f":{problem.column}"
    prefix = ""
    if not problem.is_error:
        prefix = "警告（--strict 下按错误处理）：" if strict else "警告："
    name = problem.field
    if name and problem.title:
        name += f"（{problem.title}）"
    return f"{place}: {name + ': ' if name else ''}{prefix}{problem.message}"


def format_problem(file: str, problem: Problem, *, strict: bool = False) -> str:
    lines = [problem_heading(file, problem, strict=strict)]
    if problem.detail:
        lines.append(problem.detail)
    if problem.hint:
        lines.append(f"    提示：{problem.hint}")
    return "\n".join(lines)


def format_problems(report: FileReport, *, strict: bool = False, warnings: bool = True) -> str:
    shown = report.problems if warnings else report.errors
    return "\n".join(format_problem(report.file, p, strict=strict) for p in shown)


def file_summary(report: FileReport, strict: bool) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    if report.ok(strict):
        return f"{report.file}：通过" + (f"，有 {warnings} 个警告。" if warnings else "，没有发现问题。")
    why = "（--strict：警告按错误处理）" if strict and not errors else ""
    counts = [f"{errors} 个错误"] + ([f"{warnings} 个警告"] if warnings else [])
    return f"{report.file}：未通过{why}，{'，'.join(counts)}。"


def format_text(report: ValidationReport) -> str:
    blocks: List[str] = []
    for file in report.files:
        if file.problems:
            blocks.append(format_problems(file, strict=report.strict))
    summary = [file_summary(f, report.strict) for f in report.files]
    if len(report.files) > 1:
        passed = sum(1 for f in report.files if f.ok(report.strict))
        errors = sum(len(f.errors) for f in report.files)
        warnings = sum(len(f.warnings) for f in report.files)
        summary.append(f"共检查 {len(report.files)} 个文件：{passed} 个通过，{len(report.files) - passed} 个未通过；"
                       f"共 {errors} 个错误、{warnings} 个警告。")
    body = "\n".join(blocks)
    return (body + "\n\n" if body else "") + "\n".join(summary) + "\n"


def problem_json(file: str, problem: Problem) -> Dict[str, Any]:
    return {
        "file": file,
        "severity": problem.severity,
        "code": problem.code,
        "line": problem.line,
        "column": problem.column,
        "field": problem.field,
        "pointer": problem.pointer,
        "title": problem.title,
        "message": problem.message,
        "hint": problem.hint,
    }


def report_json(report: ValidationReport) -> Dict[str, Any]:
    files = [{
        "file": f.file,
        "valid": f.ok(report.strict),
        "errors": len(f.errors),
        "warnings": len(f.warnings),
        "problems": [problem_json(f.file, p) for p in f.problems],
    } for f in report.files]
    passed = sum(1 for f in files if f["valid"])
    return {
        "version": JSON_VERSION,
        "valid": report.ok,
        "strict": report.strict,
        "summary": {
            "files": len(files),
            "valid": passed,
            "invalid": len(files) - passed,
            "errors": sum(f["errors"] for f in files),
            "warnings": sum(f["warnings"] for f in files),
        },
        "files": files,
    }


def format_json(report: ValidationReport) -> str:
    import json  # only --format json

    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
