"""`drafter templates list | show | eject`: the template set, without Python."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import List, Optional

from .compose.templating import TEMPLATE_PURPOSE, TemplateSet
from .errors import OutputFileError, TemplateError


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
