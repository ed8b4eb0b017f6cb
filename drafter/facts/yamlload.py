"""Load a YAML fact sheet into plain data while remembering where every value stood.

We build the data from PyYAML's *event* stream ourselves instead of calling `yaml.safe_load`:

* safe_load forgets line numbers; here `LoadedYaml.marks` maps each value's path
  (``("achievements", 0, "title")``) to its 1-based line and column, and `key_marks` the
  line of each key, so every later message can point at the right place;
* safe_load keeps the last of two duplicate keys without a word; here each duplicate is
  an error at the second key that names the line of the first;
* safe_load turns ``2025-01-10`` into a `date`; here dates stay strings (no timestamp
  resolver);
* the composer and constructor of PyYAML recurse once per nesting level, and expand
  aliases without limit; here one loop with an explicit stack walks the events, nesting
  deeper than the profile's `max_depth` is refused at the line where it happens, and the size
  after expanding aliases — values (`max_nodes`) *and* characters (`max_chars`) — is counted
  before anything is copied, so an alias bomb ("billion laughs", or a few aliases of one huge
  string) is refused in milliseconds instead of eating the memory;
* only plain data is built: strings, numbers, booleans, null, lists and mappings.  Any
  other tag (``!!python/object``, ``!!binary``, ``!custom``) is an error at its line.

This is drafter's one YAML loader: fact sheets and learned outline files both go through it,
each with a `YamlProfile` (its name in messages and its limits from `drafter.limits`).

Syntax errors are translated into Chinese by `yamlerrors`; problems that do not stop the
reading (duplicate keys, a GBK file) are collected in `LoadedYaml.problems` so that
`drafter validate` reports them together with everything else.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Set, Tuple, Union

import yaml

from ..limits import FACT_SHEET, FACT_SHEET_YAML, FileKind, YamlLimits
from ..record import field, record
from .findings import LoadError
from .decode import Decoded, check_printable, read_text
from .excerpt import excerpt, split_lines

if TYPE_CHECKING:  # annotations only: `validate` passes the names as typed (str)
    from pathlib import Path

PathKey = Tuple[Union[str, int], ...]

_START_HINT = "可以复制 samples/edu-bureau-2024.yaml 修改，运行 drafter new 按提问生成，或运行 drafter schema --fields 查看各字段"


@record(frozen=True)
class YamlProfile:
    """What kind of YAML file is read: its Chinese name, size limits and how to start one."""

    name: str  # 事实表 | 提纲文件
    file: FileKind
    limits: YamlLimits
    start_hint: str
    top_keys: str  # the top-level fields, for the "not a mapping" message


FACT_SHEET_PROFILE = YamlProfile("事实表", FACT_SHEET, FACT_SHEET_YAML, _START_HINT, "report:、achievements: …")

_STANDARD_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}
_TYPE_NAMES = {"str": "文字", "int": "整数", "float": "数字", "bool": "是/否（布尔值）", "null": "空值"}
_MAP_TAG = "tag:yaml.org,2002:map"
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@record(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int) -> None:  # one per YAML node: no generic signature
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "column", column)


@record(frozen=True)
class LoadProblem:
    """Something found while reading that does not stop it (a duplicate key, a GBK file)."""

    severity: str  # "error" | "warning"
    code: str
    message: str
    path: PathKey
    mark: Optional[Mark]
    hint: Optional[str] = None


@record
class LoadedYaml:
    path: Path
    data: Any
    marks: Dict[PathKey, Mark] = field(default_factory=dict)
    key_marks: Dict[PathKey, Mark] = field(default_factory=dict)
    text: str = ""
    encoding: str = "utf-8"
    problems: List[LoadProblem] = field(default_factory=list)
    what: str = "事实表"  # the profile's name, for messages
    _lines: Optional[List[str]] = None

    def mark(self, path: PathKey) -> Optional[Mark]:
        """The mark of the value at `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path)

    def key_mark(self, path: PathKey) -> Optional[Mark]:
        """The mark of the key naming `path` (``report:`` for ``("report",)``), else the value's."""
        return self.key_marks.get(tuple(path)) or self.mark(path)

    @property
    def lines(self) -> List[str]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def excerpt(self, mark: Optional[Mark]) -> Optional[str]:
        return excerpt(self.lines, mark.line, mark.column) if mark else None


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates are strings in a fact sheet."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# Resolves plain scalars to tags and constructs them; holds no state between calls.
_RESOLVER = _Loader("")
_CParser: Any = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _mark(pymark: Any) -> Mark:
    return Mark(pymark.line + 1, pymark.column + 1)


class _Frame:
    """An open mapping or sequence (a plain class: made for every container, on every load)."""

    __slots__ = ("value", "is_map", "path", "mark", "anchor", "weight", "chars", "key", "key_is_merge", "explicit")

    def __init__(self, value: Union[Dict[str, Any], List[Any]], path: PathKey, mark: Mark,
                 anchor: Optional[str]) -> None:
        self.value = value
        self.is_map = isinstance(value, dict)
        self.path = path
        self.mark = mark
        self.anchor = anchor
        self.weight = 1
        self.chars = 0  # characters of the keys and scalars inside, after expanding aliases
        self.key: Optional[str] = None  # a mapping's key waiting for its value
        self.key_is_merge = False
        self.explicit: Set[str] = set()


class _Composer:
    """Events → plain data + marks, with one explicit stack instead of recursion."""

    def __init__(self, text: str, out: LoadedYaml, *, fast: bool, limits: YamlLimits = FACT_SHEET_YAML) -> None:
        # libyaml's parser gives the same events and marks 15x faster; PyYAML's own parser is
        # used when it is missing, and to word errors (yamlerrors knows its messages).
        self.parser: Any = _CParser(text) if fast and _CParser is not None else _Loader(text)
        self.out = out
        self.limits = limits
        self.stack: List[_Frame] = []
        self.anchors: Dict[str, Tuple[Any, int, int]] = {}  # name → (value, values, characters)
        self.open_anchors: Set[str] = set()
        self.total = 0
        self.total_chars = 0
        self.documents = 0
        self.root: Any = None
        self.root_mark: Optional[Mark] = None

    def error(self, code: str, message: str, pymark: Any, hint: Optional[str] = None) -> LoadError:
        mark = _mark(pymark)
        return LoadError(code, message, path=self.out.path, line=mark.line, column=mark.column,
                              detail=self.out.excerpt(mark), hint=hint)

    def run(self) -> Any:
        # Both parsers make events of exactly these classes: look the handler up by class (the
        # isinstance chain of `handle` stays for anything else).
        by_class = {yaml.ScalarEvent: self.scalar, yaml.MappingStartEvent: self.start,
                    yaml.SequenceStartEvent: self.start, yaml.MappingEndEvent: self.end,
                    yaml.SequenceEndEvent: self.end}
        get_event = self.parser.get_event
        try:
            while True:
                event = get_event()
                if event is None or isinstance(event, yaml.StreamEndEvent):
                    return self.root
                handler = by_class.get(type(event))
                if handler is None:
                    self.handle(event)
                else:
                    handler(event)
        finally:
            self.parser.dispose()

    def end(self, event: Union[yaml.MappingEndEvent, yaml.SequenceEndEvent]) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.value, frame.weight, frame.chars)
            self.open_anchors.discard(frame.anchor)
        self.deliver(frame.value, frame.mark, frame.weight, frame.chars)

    def handle(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.error("yaml.multiple-documents", "文件里有不止一份 YAML 文档（这里的“---”开始了第二份）；"
                                 f"{self.out.what}只能有一份",
                                 event.start_mark, hint="删掉这一行的“---”及其后多余的内容，或把它们拆到另一个文件")
        elif isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
            return
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.end(event)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.start(event)

    # -- nodes -------------------------------------------------------------------------
    def taking_key(self) -> bool:
        top = self.stack[-1] if self.stack else None
        return top is not None and top.is_map and top.key is None

    def child_path(self) -> PathKey:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.is_map:
            return top.path + (top.key,)  # type: ignore[operator]
        return top.path + (len(top.value),)

    def count(self, weight: int, chars: int, pymark: Any) -> None:
        """Add what a value will hold once built; refuse before building past the limits."""
        self.total += weight
        self.total_chars += chars
        what = self.out.what
        if self.total > self.limits.max_nodes:
            raise self.error(
                "yaml.too-large", f"内容展开后超过 {self.limits.max_nodes} 项，远超{what}的正常规模（可能是恶意构造的“别名炸弹”）",
                pymark, hint=f"{what}不需要用“&”和“*”（锚点和别名）；请删除它们")
        if self.total_chars > self.limits.max_chars:
            raise self.error(
                "yaml.too-large", f"内容展开后超过 {self.limits.max_chars} 个字符，远超{what}的正常规模（可能是恶意构造的“别名炸弹”）",
                pymark, hint=f"{what}不需要用“&”和“*”（锚点和别名）；请删除它们")

    def start(self, event: Union[yaml.MappingStartEvent, yaml.SequenceStartEvent]) -> None:
        if self.taking_key():
            raise self.error("yaml.complex-key", "字段名应是一个词，这里却是一个列表或映射", event.start_mark,
                             hint="字段名后面写“: ”再写值，例如 org: 青山区教育体育局")
        is_map = isinstance(event, yaml.MappingStartEvent)
        if event.tag not in (None, "!", _MAP_TAG if is_map else _SEQ_TAG):
            raise self.error("yaml.tag", f"不支持 YAML 标签“{_shown_tag(event.tag)}”", event.start_mark,
                             hint="删掉以“!”开头的标签")
        if len(self.stack) >= self.limits.max_depth:
            raise self.error("yaml.too-deep", f"嵌套层次太深（超过 {self.limits.max_depth} 层），不像是{self.out.what}",
                             event.start_mark)
        self.count(1, 0, event.start_mark)
        path = self.child_path()
        mark = _mark(event.start_mark)
        self.out.marks.setdefault(path, mark)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame({} if is_map else [], path, mark, event.anchor))

    def scalar(self, event: Any) -> None:  # a ScalarEvent of PyYAML or of libyaml
        stack = self.stack
        if stack and stack[-1].is_map and stack[-1].key is None:
            self.key(event)
            return
        tag = event.tag
        text = event.value
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(yaml.ScalarNode, text, event.implicit)
        elif tag not in _STANDARD_SCALAR_TAGS:
            raise self.error("yaml.tag", f"不支持 YAML 标签“{_shown_tag(tag)}”", event.start_mark, hint="删掉以“!”开头的标签")
        if tag == _STR_TAG:  # what SafeConstructor.construct_yaml_str returns: the text
            value: Any = text
        elif tag == _NULL_TAG:  # construct_yaml_null
            value = None
        else:
            node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
            try:
                value = _RESOLVER.yaml_constructors[tag](_RESOLVER, node)
            except (ValueError, KeyError, TypeError, OverflowError, yaml.YAMLError) as exc:
                kind = _TYPE_NAMES.get(tag.rsplit(":", 1)[-1], "值")
                raise self.error("yaml.tag", f"“{text}”不是有效的{kind}", event.start_mark, hint="删掉以“!!”开头的标签") from exc
        chars = len(text)
        self.count(1, chars, event.start_mark)
        mark = _mark(event.start_mark)
        self.out.marks.setdefault(self.child_path(), mark)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1, chars)
        self.deliver(value, mark, 1, chars)

    def key(self, event: yaml.ScalarEvent) -> None:
        # Field names are taken as written: `yes:` stays "yes", `2024:` stays "2024".
        top = self.stack[-1]
        assert isinstance(top.value, dict)
        name = event.value
        mark = _mark(event.start_mark)
        if name.startswith("\u3000"):
            raise self.error("yaml.syntax", "这一行用了全角空格（　）缩进；YAML 只能用半角空格缩进", event.start_mark,
                             hint="把行首的全角空格换成半角空格（每一级缩进两个空格）")
        top.key_is_merge = name == "<<" and not event.style  # plain: None (PyYAML) or "" (libyaml)
        if name in top.explicit and not top.key_is_merge:
            first = self.out.key_marks.get(top.path + (name,))
            where = f"第 {first.line} 行" if first else "上文"
            self.out.problems.append(LoadProblem(
                "error", "yaml.duplicate-key", f"字段“{name}”重复出现（{where}已有同名字段），以先出现的为准",
                top.path + (name,), mark, hint="删掉其中一个，或把两处的内容合并"))
            name = f"\x00dup{len(self.out.problems)}"  # read the value, then drop it
        elif not top.key_is_merge:
            top.explicit.add(name)
            self.out.key_marks[top.path + (name,)] = mark
        top.key = name
        self.count(0, len(event.value), event.start_mark)
        top.chars += len(event.value)

    def alias(self, event: yaml.AliasEvent) -> None:
        if self.taking_key():
            raise self.error("yaml.complex-key", "字段名不能用别名（*）", event.start_mark)
        name = event.anchor
        if name in self.open_anchors:
            raise self.error("yaml.alias", f"别名“*{name}”引用了包含它自己的内容（循环引用）", event.start_mark,
                             hint="删掉这个别名")
        if name not in self.anchors:
            raise self.error("yaml.alias", f"别名“*{name}”没有对应的锚点“&{name}”", event.start_mark,
                             hint="以“*”开头的值在 YAML 里表示别名；如果这是文字，请给整个值加上引号")
        value, weight, chars = self.anchors[name]
        self.count(weight, chars, event.start_mark)
        self.out.marks.setdefault(self.child_path(), _mark(event.start_mark))
        from copy import deepcopy  # aliases are rare in a sheet (and limited, see `count`)

        self.deliver(deepcopy(value), _mark(event.start_mark), weight, chars)

    def deliver(self, value: Any, mark: Mark, weight: int, chars: int) -> None:
        """Put a finished value into its parent (or make it the document's root)."""
        if not self.stack:
            self.root, self.root_mark = value, mark
            return
        top = self.stack[-1]
        top.weight += weight
        top.chars += chars
        if not top.is_map:
            top.value.append(value)
            return
        key = top.key
        top.key = None
        assert key is not None
        if top.key_is_merge:
            self.merge(top, value, mark)
        elif not key.startswith("\x00dup"):
            top.value[key] = value

    def merge(self, top: _Frame, value: Any, mark: Mark) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            raise LoadError("yaml.merge", "合并键“<<”的值应是一个映射（或映射的列表）", path=self.out.path, line=mark.line,
                                 column=mark.column, detail=self.out.excerpt(mark))
        assert isinstance(top.value, dict)
        from copy import deepcopy

        for source in sources:
            for k, v in source.items():
                top.value.setdefault(k, deepcopy(v))


def parse_yaml_text(text: str, path: Path, *, encoding: str = "utf-8",
                    profile: YamlProfile = FACT_SHEET_PROFILE) -> LoadedYaml:
    """Parse decoded text; raise `LoadError` (in Chinese, at the right line) if it is not YAML."""
    check_printable(Decoded(text, encoding), path)
    loaded = LoadedYaml(path=path, data=None, text=text, encoding=encoding, what=profile.name)
    composer = _Composer(text, loaded, fast=True, limits=profile.limits)
    try:
        root = composer.run()
    except yaml.YAMLError:
        loaded = LoadedYaml(path=path, data=None, text=text, encoding=encoding, what=profile.name)
        composer = _Composer(text, loaded, fast=False, limits=profile.limits)
        try:
            root = composer.run()
        except yaml.YAMLError as exc:
            from .yamlerrors import translate_syntax_error  # it imports this module

            raise translate_syntax_error(exc, loaded) from None
    if composer.documents == 0 or root is None:
        written = [line.strip() for line in loaded.lines if line.strip()]
        message = ("文件是空的，没有任何内容" if not written else
                   "文件里只有注释，没有内容" if all(line.startswith("#") for line in written) else
                   "文件里没有任何字段，只有一个空值")
        raise LoadError("yaml.empty", message, path=path, line=1, column=1, hint=profile.start_hint)
    mark = composer.root_mark or Mark(1, 1)
    if not isinstance(root, dict):
        what = "一个列表" if isinstance(root, list) else f"一个单独的值“{str(root)[:20]}”"
        raise LoadError("yaml.not-mapping", f"{profile.name}的最外层应是“字段: 值”的映射（{profile.top_keys}），而这里是{what}",
                        path=path, line=mark.line, column=mark.column, detail=loaded.excerpt(mark),
                        hint=profile.start_hint)
    loaded.data = root
    return loaded


def load_yaml_file(path: Path, profile: YamlProfile = FACT_SHEET_PROFILE) -> LoadedYaml:
    """Read (within the profile's file limits), decode and parse one YAML file."""
    decoded: Decoded = read_text(path, profile.file)
    loaded = parse_yaml_text(decoded.text, path, encoding=decoded.encoding, profile=profile)
    if decoded.note:
        loaded.problems.insert(0, LoadProblem("warning", "file.encoding", decoded.note, (), Mark(1, 1)))
    return loaded
