"""`drafter templates list | show | eject | check`: the template set, without Python.

`check` compiles every template of a folder and renders each part template against every
shipped sample sheet plus a minimal one that leaves the optional parts empty, so branches a
single sheet never takes (half-year wording, a missing detail, an empty plan) are exercised.
Each template is rendered on its own, so one broken template does not hide another's
problems; the same message from several sheets is reported once.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Dict, List, Optional

from .compose.templating import TEMPLATE_PURPOSE, TemplateSet
from .errors import DrafterError, OutputFileError, TemplateError
from .record import field, record


def list_templates(user_dir: Optional[Path]) -> List[str]:
    lines = []
    for f in TemplateSet(user_dir).files():
        origin = f"（自定义：{f.path}）" if f.overridden else ""
        lines.append(f"{f.name:<18}{TEMPLATE_PURPOSE.get(f.name, '')}{origin}")
    return lines


def show_template(name: str, user_dir: Optional[Path]) -> str:
    templates = TemplateSet(user_dir)
    path = templates.find(name) or templates.find(name + ".j2")
    if path is None:
        names = "、".join(f.name for f in templates.files())
        raise TemplateError(f"没有名为“{name}”的模板", hint=f"可用的模板：{names}")
    return path.read_text(encoding="utf-8")


def eject_templates(directory: Path, *, force: bool) -> List[Path]:
    """Copy the shipped templates (and the outline they follow) into `directory`."""
    source = TemplateSet(None).default_dir
    files = sorted(p for p in source.iterdir() if p.is_file())
    targets = [directory / p.name for p in files]
    clashes = [t for t in targets if t.exists()]
    if clashes and not force:
        raise OutputFileError("文件夹中已有同名模板，为免覆盖未复制", path=clashes[0],
                              hint="换一个文件夹，或加 --force 覆盖")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for src, dst in zip(files, targets):
            shutil.copyfile(src, dst)
    except OSError as exc:
        raise OutputFileError(f"无法复制模板（{exc.strerror}）", path=directory) from exc
    return targets


# A sheet with only what validation requires: every optional branch (missing()) is taken.
MINIMAL_SHEET = """\
report:
  org: 示例单位
  year: 2024
  date: "2025-01-06"
achievements:
  - title: 示例工作进一步推进
    points: [示例做法]
"""


@record
class TemplateCheck:
    checked: List[str] = field(default_factory=list)  # template names compiled
    sheets: List[str] = field(default_factory=list)  # sample sheets rendered against
    problems: List[str] = field(default_factory=list)  # each a full message, FILE:LINE: …
    notices: List[str] = field(default_factory=list)  # misnamed files: warnings, not problems


def _sheets() -> Dict[str, object]:
    from .facts import load_factsheet
    from .facts.model import build_factsheet
    from .facts.yamlload import parse_yaml_text
    from .resources import samples_dir

    sheets: Dict[str, object] = {}
    try:
        sample_files = sorted(samples_dir().glob("*.yaml"))
    except RuntimeError:  # installed without samples: the minimal sheet still runs
        sample_files = []
    for path in sample_files:
        sheets[path.name] = load_factsheet(path)
    sheets["（最简事实表）"] = build_factsheet(parse_yaml_text(MINIMAL_SHEET, Path("最简事实表.yaml")))
    return sheets


def check_templates(directory: Path, outline: Optional[Path] = None) -> TemplateCheck:
    """Every problem of the templates in `directory` (with the defaults filling the gaps)."""
    from .compose import marks
    from .compose.composer import PART_TEMPLATES, Composer
    from .compose.template_errors import translate
    from .render import resolve_outline

    templates = TemplateSet(directory)
    report = TemplateCheck(notices=templates.notices())
    seen: Dict[str, List[str]] = {}

    def note(message: str, sheet: Optional[str] = None) -> None:
        places = seen.setdefault(message, [])
        if sheet and sheet not in places:
            places.append(sheet)

    env = templates.environment(marks.SourceTable())
    for f in templates.files():
        report.checked.append(f.name)
        try:
            env.get_template(f.name)
        except BaseException as exc:  # noqa: BLE001 - sorted by translate; drafter's bugs go on
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            found = translate(exc, f.name, str(f.path))
            if found is exc and not isinstance(exc, DrafterError):
                raise
            note(str(found))
    broken = {name for name in report.checked if any(name in m for m in seen)}
    resolved = resolve_outline(templates, outline)
    names = ["title.j2", *PART_TEMPLATES.values()]
    for sheet_name, sheet in _sheets().items():
        report.sheets.append(sheet_name)
        composer = Composer(sheet, resolved, templates)  # type: ignore[arg-type]
        for name in names:
            if name in broken:
                continue
            runs = [{"part": other} for other in sheet.others] if name == "other.j2" else [{}]  # type: ignore[attr-defined]
            for extra in runs:
                try:
                    composer.render(name, **extra)
                except DrafterError as exc:
                    note(str(exc), sheet_name)
    for message, sheets in seen.items():
        report.problems.append(message + (f"\n    （用示例事实表 {'、'.join(sheets)} 生成时）" if sheets else ""))
    return report
