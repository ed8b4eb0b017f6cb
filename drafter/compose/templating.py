"""The Jinja side of rendering: one ordered template search path, sandboxed and strict.

Search path, first match wins: the user's `--templates DIR` → the defaults shipped in
`templates/`.  So a user overrides file by file and everything else falls back to the
defaults.  The environment is a `SandboxedEnvironment` with `StrictUndefined`: a misspelled
name fails with the template's own file and line, and templates cannot reach Python.
Fact values enter templates as data (`Fact` strings): `finalize` marks them on output, so a
value such as ``{{ 7*7 }}`` or ``& < >`` is printed literally, never evaluated or escaped.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import jinja2

from ..errors import TemplateError
from ..facts.model import Fact, Figure
from ..record import record
from ..resources import templates_dir, user_cache_dir
from . import filters, marks
from .checkargs import checked_all
from .loader import TemplateLoader
from .sandbox import BoundedSandbox, bound_filters, generate_bounded

TEMPLATE_SUFFIX = ".j2"
MAX_HEADING_DEPTH = 3  # below a part (一、): （一） 1. （1）, the four levels GB/T 9704 names

# What each shipped template writes, for `drafter templates list`.
TEMPLATE_PURPOSE = {
    "title.j2": "标题",
    "overview.j2": "开头概述（一年来，在…的坚强领导下…现将…汇报如下：）",
    "achievements.j2": "主要工作（每个工作主题一段，写法在几种之间轮换）",
    "highlights.j2": "特色亮点工作",
    "problems.j2": "存在的问题和不足",
    "plan.j2": "下一步工作打算",
    "other.j2": "其他部分（获得荣誉、机遇和挑战等）",
}


@record(frozen=True)
class TemplateFile:
    name: str
    path: Path
    overridden: bool  # True when it comes from the user's folder


class TemplateSet:
    """The template search path of one render."""

    def __init__(self, user_dir: Optional[Path] = None) -> None:
        if user_dir is not None and not user_dir.is_dir():
            raise TemplateError("模板文件夹不存在", path=user_dir)
        self.user_dir = user_dir
        self.default_dir = templates_dir()

    @property
    def search_path(self) -> List[Path]:
        return [d for d in (self.user_dir, self.default_dir) if d is not None]

    def files(self) -> List[TemplateFile]:
        """Every template name with the file that wins for it."""
        found: Dict[str, TemplateFile] = {}
        for directory in self.search_path:
            for path in sorted(directory.rglob(f"*{TEMPLATE_SUFFIX}")):
                name = path.relative_to(directory).as_posix()
                found.setdefault(name, TemplateFile(name, path, directory == self.user_dir))
        return sorted(found.values(), key=lambda f: f.name)

    def user_files(self) -> List[Path]:
        """Every file of the user's template folder (the output may overwrite none of them)."""
        if self.user_dir is None:
            return []
        return list(itertools.islice((p for p in self.user_dir.rglob("*") if p.is_file()), 10_000))

    def notices(self) -> List[str]:
        """Files in the user's folder that look like templates but will not be used."""
        if self.user_dir is None:
            return []
        return [misnamed_notice(path, self.user_dir) for path in misnamed_templates(self.user_dir)]

    def find(self, name: str) -> Optional[Path]:
        """The file that wins for `name` (a template or a data file such as outline.yaml)."""
        for directory in self.search_path:
            if (directory / name).is_file():
                return directory / name
        return None

    def environment(self, table: marks.SourceTable) -> BoundedSandbox:
        env = BoundedSandbox(
            loader=TemplateLoader(self.search_path),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=lambda value: _finalize(value, table),
            bytecode_cache=_bytecode_cache(),
        )
        env.filters.update(checked_all(filters.all_filters(), is_filter=True))
        bound_filters(env)
        env.globals.update(checked_all(_helpers(table), is_filter=False))
        return env


def misnamed_templates(directory: Path) -> List[Path]:
    """Files such as `plan.j2.txt` (Notepad's added suffix) or `Plan.J2` (case) in `directory`."""
    found = []
    for path in sorted(directory.iterdir()):
        name = path.name
        if name.endswith(TEMPLATE_SUFFIX) or not path.is_file():
            continue
        lower = name.lower()
        if lower.endswith(TEMPLATE_SUFFIX) or f"{TEMPLATE_SUFFIX}." in lower:
            found.append(path)
    return found


def misnamed_notice(path: Path, directory: Path) -> str:
    name = path.name
    lower = name.lower()
    meant = name[: lower.index(TEMPLATE_SUFFIX) + len(TEMPLATE_SUFFIX)]
    meant = meant[: -len(TEMPLATE_SUFFIX)] + TEMPLATE_SUFFIX
    if meant.lower() in TEMPLATE_PURPOSE:
        meant = meant.lower()
    why = "扩展名后面多了一段（记事本保存时可能自动加上了 .txt）" if not lower.endswith(TEMPLATE_SUFFIX) else "扩展名须为小写的 .j2"
    return f"{path}：这个文件不会被当作模板使用：{why}；如果它是模板，请改名为 {meant}"


def _bytecode_cache() -> Optional[jinja2.BytecodeCache]:
    """Compiled templates cached on disk: compiling them is most of a render's Jinja time.
    Entries are keyed by file name and source checksum, so edited templates recompile."""
    directory = user_cache_dir() / "templates"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only home folder only costs speed
    return jinja2.FileSystemBytecodeCache(str(directory))


# What XML (and so Word) cannot hold: C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _finalize(value: Any, table: marks.SourceTable) -> Any:
    if isinstance(value, str) and not isinstance(value, Fact):
        bad = UNWRITABLE.search(value)
        if bad:
            raise TemplateError(f"模板输出了一个不可见的控制字符（U+{ord(bad.group()):04X}），它无法写进 Word 文档",
                                hint="检查这一行的字符串和 format")
    if isinstance(value, Fact):
        return marks.fact(value, value.source, table)
    if value is None:
        # A None printed as "None" would be an invented word in the draft.
        raise TemplateError("模板输出了一个空值（None）；请先用 {% if … %} 判断，或用 missing(\"…\") 标出待补充")
    return value


def _helpers(table: marks.SourceTable) -> Dict[str, Callable[..., str]]:
    def text(value: Any) -> str:
        return marks.fact(value, value.source, table) if isinstance(value, Fact) else str(value)

    def heading(depth: int, title: Any = None, runin: bool = False, caller: Optional[Callable[[], str]] = None) -> str:
        """A numbered heading `depth` levels below its part; numbers are added by the composer.
        A run-in heading (runin=True) ends with 。 and the body follows in the same paragraph."""
        if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= MAX_HEADING_DEPTH:
            raise TemplateError(f"heading() 的第一个参数是标题级别，应为 1～{MAX_HEADING_DEPTH} 的整数，这里是 {depth!r}",
                                hint="1 表示本部分下一级标题（（一）），2 表示再下一级（1.）")
        body = caller() if caller is not None else text(title if title is not None else "")
        # A heading is one paragraph: line breaks inside a value join up.
        body = body.replace(marks.PARA_BREAK, "").strip()
        if runin and marks.scrub(body)[-1:] not in tuple("。！？：:"):
            body += "。"
        return marks.heading(depth, body, runin)

    def missing(label: str) -> str:
        """A placeholder 【待补充：label】 for something the fact sheet does not give."""
        return marks.hole(label)

    counter = itertools.count()  # the figure's place in this render picks 比上年/同比/较上年

    def said(items: Sequence[Figure], half_year: bool, sep: str = "，") -> List[Tuple[str, str]]:
        """The clauses of figures written in one sentence, in draft order, each with what goes
        before it (`sep`, or 、/和 inside 全年未发生A、B和C): plain text, one per figure."""
        phrases = [filters.phrase_figure(str(f.label), f.value, str(f.unit), f.previous, half_year, index=next(counter))
                   for f in items]
        return list(zip(filters.joiners(phrases, sep), filters.in_one_sentence(phrases)))

    def marked(items: Sequence[Figure], clauses: Sequence[Tuple[str, str]]) -> str:
        """Each clause marked with its own figure's source; the joiner before it is not the fact's."""
        return "".join(j + marks.fact(c, f.source, table) for (j, c), f in zip(clauses, items))

    def figure(fig: Figure, half_year: bool = False) -> str:
        """引进各类人才35人，比上年增加7人，增长25.0% (同比… when half_year)."""
        return marks.fact(said([fig], half_year)[0][1], fig.source, table)

    def figures(items: Iterable[Figure], half_year: bool = False, lead: str = "") -> str:
        items = list(items)
        if not items:
            return ""
        return lead + marked(items, said(items, half_year, "；")) + "。"

    @jinja2.pass_context
    def points(ctx: Any, items: Iterable[Any], style: str = "enum") -> str:
        """一是…；二是…。 with each point still tied to its line in the sheet, and the figures
        attached to a point (`Point.figures`) written in that point's sentence.
        style "plain" joins the points as parallel clauses (A；B。), "pair" as 一方面…；另一方面…
        (the shapes drafter.compose.voice varies between themes)."""
        half_year = bool(getattr(ctx.get("report"), "half_year", False))

        def point(item: Any, end: Callable[[str], str]) -> str:
            attached = getattr(item, "figures", None)
            if not attached:
                return text(_as_fact(item, end))
            written = filters.strip_end(str(item))
            first = attached[0]
            clauses = said(list(attached), half_year)
            figure_clause = clauses[0][1]
            label = str(first.label)
            rest = marked(attached[1:], clauses[1:])
            if filters.names_label(written, label) and figure_clause.startswith(label):
                # 办理出入境证件 + 办理出入境证件2.36万件 → 办理出入境证件2.36万件 (never the label twice);
                # 发布各类预警信号 + 发布预警信号由38次增至46次 → 发布各类预警信号由38次增至46次
                lead = text(_as_fact(item, filters.strip_end)) + marks.fact(figure_clause[len(label):], first.source,
                                                                            table)
            elif figure_clause.startswith(label) and (tail := filters.label_tail(written, label)):
                # 严打电信网络诈骗 + 电信网络诈骗立案数312起 → 严打电信网络诈骗，立案数312起
                lead = text(_as_fact(item, filters.strip_end)) + "，" + marks.fact(
                    tail + figure_clause[len(label):], first.source, table)
            else:
                lead = text(_as_fact(item, filters.strip_end)) + "，" + marks.fact(figure_clause, first.source, table)
            clause = lead + rest
            return clause + "。" if end is filters.sentence else clause

        items = [i for i in items if str(i).strip()]
        if not items:
            return ""
        if len(items) == 1:
            return point(items[0], filters.sentence)
        markers = [f"{filters.cn_numeral(n)}是" for n in range(1, len(items) + 1)]
        if style == "plain":
            markers = [""] * len(items)
        elif style == "pair" and len(items) == 2:
            markers = ["一方面", "另一方面"]
        whole = any("。" in filters.strip_end(str(i)) for i in items)
        if whole:
            return "".join(f"{m}{point(i, filters.sentence)}" for m, i in zip(markers, items))
        return "；".join(f"{m}{point(i, filters.strip_end)}" for m, i in zip(markers, items)) + "。"

    def listing(items: Iterable[Any], sep: str = "，", end: str = "。") -> str:
        items = [i for i in items if str(i).strip()]
        if not items:
            return ""
        return sep.join(text(_as_fact(i, filters.strip_end)) for i in items) + end

    return {"heading": heading, "missing": missing, "figure": figure, "figures": figures,
            "points": points, "listing": listing}


def _as_fact(value: Any, change: Callable[[str], str]) -> Any:
    """Apply a text change to a value while keeping its source."""
    changed = change(str(value))
    return Fact(changed, value.source) if isinstance(value, Fact) else changed


def render_template(env: BoundedSandbox, name: str, context: Dict[str, Any]) -> str:
    """Template `name` rendered within the sandbox's bounds; every failure a `TemplateError`
    at the template's file and line, except drafter's own bugs (see `template_errors`)."""
    try:
        rendered = generate_bounded(env, env.get_template(name), context)
    except BaseException as exc:  # noqa: BLE001 - sorted by `translate`; what is not ours goes on
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        from .template_errors import translate  # its message patterns are needed only when a template fails

        translated = translate(exc, name, _source_path(env, name))
        if translated is exc:
            raise
        raise translated from exc
    bad = UNWRITABLE.search(rendered)
    if bad:
        raise TemplateError(f"模板输出了一个不可见的控制字符（U+{ord(bad.group()):04X}），它无法写进 Word 文档",
                            path=_source_path(env, name))
    return rendered


def _source_path(env: BoundedSandbox, name: str) -> str:
    return env.loader.source_path(name) if isinstance(env.loader, TemplateLoader) else name
