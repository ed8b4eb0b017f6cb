"""Checking an outline file against schemas/outline.schema.json, with the line of the problem.

An office may edit its learned outline by hand; a mistake there should read like any other
drafter error — ``outline.yaml:12:5: parts[2].presence：应为整数`` — so the YAML is composed
into nodes once more to find where the value that failed the schema stands.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Sequence, Tuple, Union

import yaml

from ..errors import OutlineError
from ..resources import schemas_dir
from ..schemacheck import Checker, dotted_path, load_schema

_MESSAGES = {
    "type": "类型不对，应为{expected}",
    "required": "缺少必填字段",
    "enum": "不是允许的值之一",
    "const": "值不对",
    "minimum": "不能小于 {limit}",
    "minLength": "不能为空",
    "pattern": "格式不对",
    "additionalProperties": "有不认识的字段",
    "propertyNames": "字段名不对",
}
_TYPES = {"integer": "整数", "number": "数字", "string": "文字", "object": "映射（键: 值）", "array": "列表",
          "boolean": "是/否"}


@lru_cache(maxsize=1)
def _checker() -> Checker:
    return Checker(load_schema(schemas_dir() / "outline.schema.json"))


def _mark(root: Optional[yaml.Node], path: Sequence[Union[str, int]]) -> Tuple[Optional[int], Optional[int]]:
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if str(k.value) == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        if node is None:
            break
    if node is None:
        return None, None
    return node.start_mark.line + 1, node.start_mark.column + 1


def check_outline(text: str, data: Any, path: Path) -> None:
    """Raise `OutlineError` at the first place where `data` does not follow the schema.

    `data` is what `facts.yamlload` read: JSON's kinds of value, every key a str (it keeps keys
    as written), so it is checked as it is."""
    issues = sorted(_checker().check(data), key=lambda i: [str(p) for p in i.path])
    if not issues:
        return
    issue = issues[0]
    where = list(issue.path)
    if issue.keyword == "required":
        message = f"缺少必填字段“{where[-1]}”"
        where = where[:-1]
    else:
        expected = issue.schema.get("type", "")
        expected = _TYPES.get(str(expected), str(expected))
        message = _MESSAGES.get(issue.keyword, "不符合格式").format(expected=expected, limit=issue.schema.get("minimum"))
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        root = None
    line, column = _mark(root, where)
    label = dotted_path(tuple(where))
    raise OutlineError(f"提纲文件不符合格式：{label + '：' if label else ''}{message}", path=path, line=line,
                       column=column, hint="可以用 drafter learn 重新生成提纲文件")
