"""Load a YAML fact sheet into plain data while remembering where every value stood.

We compose the document into nodes ourselves instead of calling `yaml.safe_load`, because
safe_load forgets line numbers, silently keeps the last of two duplicate keys and turns
``2025-01-10`` into a `date`.  Here dates stay strings, duplicate keys are errors, and
`Marks` maps each value's path (``("achievements", 0, "title")``) to its line and column.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Tuple, Union

import yaml

from ..errors import FactSheetError

PathKey = Tuple[Union[str, int], ...]


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class LoadedYaml:
    path: Path
    data: Any
    marks: Dict[PathKey, Mark] = field(default_factory=dict)
    key_marks: Dict[PathKey, Mark] = field(default_factory=dict)

    def mark(self, path: PathKey) -> Mark | None:
        """The mark of the value at `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path)


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates are strings in a fact sheet."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def parse_yaml_text(text: str, path: Path) -> LoadedYaml:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise FactSheetError(
            f"YAML 格式错误：{exc.problem or exc.context}",
            path=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from exc
    except yaml.YAMLError as exc:
        raise FactSheetError(f"YAML 格式错误：{exc}", path=path) from exc
    finally:
        loader.dispose()
    loaded = LoadedYaml(path=path, data=None)
    if root is None:
        raise FactSheetError("文件是空的，没有任何内容", path=path, line=1, column=1)
    loaded.data = _construct(root, (), loader, loaded)
    return loaded


def _construct(node: yaml.Node, path: PathKey, loader: _Loader, out: LoadedYaml) -> Any:
    out.marks[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: Dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = out.key_marks[path + (key,)]
                raise FactSheetError(
                    f"字段“{key}”重复出现（第 {first.line} 行已有同名字段）",
                    path=out.path, line=key_node.start_mark.line + 1, column=key_node.start_mark.column + 1,
                )
            out.key_marks[path + (key,)] = _mark(key_node)
            result[key] = _construct(value_node, path + (key,), loader, out)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (i,), loader, out) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load_yaml_file(path: Path) -> LoadedYaml:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise FactSheetError("找不到文件", path=path) from exc
    except IsADirectoryError as exc:
        raise FactSheetError("这是一个文件夹，不是事实表文件", path=path) from exc
    except OSError as exc:
        raise FactSheetError(f"无法读取文件（{exc.strerror}）", path=path) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FactSheetError(
            "文件不是 UTF-8 编码", path=path, hint="请用记事本“另存为”并选择 UTF-8 编码后再试"
        ) from exc
    return parse_yaml_text(text, path)
