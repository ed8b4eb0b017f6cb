"""Fact sheets: load with line marks, check, and turn into a typed `FactSheet`."""
from __future__ import annotations

from pathlib import Path

from ..errors import FactSheetError
from .model import FactSheet, build_factsheet
from .yamlload import LoadedYaml, load_yaml_file

__all__ = ["FactSheet", "load_factsheet"]


def _require(loaded: LoadedYaml, path: tuple, what: str) -> None:
    node = loaded.data
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    if node in (None, "", []):
        mark = loaded.mark(path)
        raise FactSheetError(f"缺少必填字段 {'.'.join(path)}（{what}）", path=loaded.path,
                             line=mark.line if mark else None, column=mark.column if mark else None)


def load_factsheet(path: Path) -> FactSheet:
    """Load a fact sheet for rendering; raise `FactSheetError` at its first problem."""
    loaded = load_yaml_file(path)
    if not isinstance(loaded.data, dict):
        raise FactSheetError("事实表的最外层应是“字段: 值”的映射", path=path, line=1, column=1)
    for field_path, what in [(("report", "org"), "单位全称"), (("report", "year"), "总结年度"),
                             (("report", "date"), "成文日期"), (("achievements",), "主要工作")]:
        _require(loaded, field_path, what)
    return build_factsheet(loaded)
