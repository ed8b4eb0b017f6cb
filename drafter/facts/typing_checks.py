"""What users type that a draft must not repeat as typed: the rules, and `validate`'s warnings.

Each text of a sheet has a *role* (a heading, a clause set inside a template sentence, an item
of 一是…二是…, a paragraph of its own, the report's title, a figure's label).  `normalise`
applies the rules that fit the role and lists every change it made (`Change`, with the
offset in the text as typed), so one table of rules serves both sides: compose writes the
normalised text (`drafter.compose.usertext`), and `validate` warns about each change at its
FILE:LINE:COL (`typing_problems`), so the author learns what the draft did and why.

The rules: line breaks are read first, for what the user meant (`unwrap`: a break inside a
sentence is joined, and validate says where a line with no mark at its end was); an enumerator
the user typed (一是, 1., （1）, ① …) goes, since the draft numbers points itself; half-width
``, ; : ( ) ! ?`` and ASCII quotes between Chinese characters become full-width (never inside
5G, PM2.5, URLs, 1,000 or 10:30); a doubled mark (，，) is written
once; closing punctuation is dropped where the template adds its own, and a paragraph gets a
full stop; a title never ends in punctuation; a unit typed into a label (岗位（个）) is not
repeated.  Two findings are warnings only, never changed: a doubled word (教育教育) and a
落款 that names the unit's 办公室.  Points ending in 。 are common and harmless, so dropping that
。 is silent; every other change is reported.

Speed: `validate` runs on every render, so compiling patterns at import is paid by every command.
The CJK character classes cost ~2 ms each to compile (the regex compiler walks the ranges one
character at a time), so single characters are tested by comparing code points, the enumerator
pattern is compiled only when a text could start with one, and a doubled word is first found
with a pattern without those classes.  `normalise` is memoised: render validates the sheet and
then writes the same texts, and both ask for the same (text, role).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator, List, Optional, Tuple

from ..limits import FACT_SHEET_YAML
from ..record import field, record
from .findings import WARNING, PathKey, Problem
from .schema import Checker
from .yamlload import LoadedYaml, Mark

ROLES = ("heading", "clause", "item", "paragraph", "intro", "title", "label")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))  # the same, as code points
_CN_PUNCT = "，。、；：？！“”‘’（）《》【】…—"
_CN_NUM = "一二三四五六七八九十"
# what an enumerator can start with (after spaces): see `enumerator()`
_ENUMERATOR_FIRST = frozenset(_CN_NUM + "第（(•·●▪-")


def _ideograph(ch: str) -> bool:
    """`ch` (one character) is in `_CJK`."""
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _has_ideograph(text: str) -> bool:
    return any(_ideograph(ch) for ch in text)


@lru_cache(maxsize=1)
def enumerator() -> "re.Pattern[str]":
    """一是 / 第一， / （1） (一) / 1. 1、 1) / 一、 / ① ⑴ ⒈ / • - ·  — at the start of a text."""
    return re.compile(
    rf"\s*(?:[{_CN_NUM}]{{1,3}}是[，,：:]?"
    rf"|第[{_CN_NUM}]{{1,3}}[，,、：:]"
    rf"|[（(]\s*(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})\s*[)）][、.．]?"
    rf"|\d{{1,2}}(?:[.．](?!\d)|[、）)])"
    rf"|[{_CN_NUM}]{{1,3}}、(?![{_CN_NUM}])"
    r"|[\u2460-\u2473\u2474-\u2487\u2488-\u249b]"
    r"|[•·●▪\-]\s)\s*")


def _may_enumerate(text: str, at: int) -> bool:
    """False when `enumerator()` cannot match at `at` (spares compiling it for most texts)."""
    first = text[at:].lstrip()[:1]
    return bool(first) and (first in _ENUMERATOR_FIRST or first.isdecimal() or "\u2460" <= first <= "\u249b")
# {1,64}: an e-mail's local part is at most 64 characters, and a bounded run keeps finditer linear
# on a long run of letters and dots without an "@" (with + it retried the run from every start).
_PROTECTED = r"(?:https?://|www\.)[^\s，。；、“”（）]+|[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+"  # re.ASCII
_WORD = re.compile(r"\w")
_HALF = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_DOUBLED_PUNCT = r"([，、；：。！？])\1+|[，、；：]+(?=。)"
# what a match of it holds: a mark twice, or one of ，、；： just before 。
_DOUBLED_PUNCT_SEEDS = tuple(c + c for c in "，、；：。！？") + tuple(c + "。" for c in "，、；：")
# a repeat of 2-4 characters of any kind: the candidates for a doubled word (see `_doubled_words`)
_REPEAT = re.compile(r"(?=(.{2,4})\1)")
_END = "。；;，,、.!！？?：:"
_SPACE = " \t\u3000"
_SENTENCE_END = "。！？…"
_CLOSERS = "”’）)》】"
_LABEL_UNIT = r"(?<!\s)\s*[（(]\s*(?:单位\s*[:：]\s*)?([^（）()0-9]{1,4})\s*[)）]\s*$"


@lru_cache(maxsize=None)
def _pattern(source: str, flags: int = 0) -> "re.Pattern[str]":
    """Compiled on first use: most texts never need `_PROTECTED`, `_DOUBLED_PUNCT`, `_LABEL_UNIT`
    (each is tried only on a text holding what it cannot match without)."""
    return re.compile(source, flags)


@record(frozen=True)
class Change:
    code: str  # typing.enumerator, typing.halfwidth … (listed in reporting)
    offset: int  # where in the text as typed
    found: str  # the characters as typed
    message: str  # Chinese, says what the draft does


@record
class Typed:
    text: str
    changes: List[Change] = field(default_factory=list)


def _chinese(ch: str) -> bool:
    return bool(ch) and (ch[0] in _CN_PUNCT or _ideograph(ch[0]))


def _protected_spans(text: str) -> List[Tuple[int, int]]:
    if "@" not in text and "://" not in text and "www." not in text:
        return []
    return [m.span() for m in _pattern(_PROTECTED, re.ASCII).finditer(text)]


def _inside(spans: List[Tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


# -- the rules (each: text → (new text, changes found in that text)) ----------------------------
def strip_enumerator(text: str) -> Tuple[str, List[Change]]:
    """一是… → …; a doubled one (一是一是, 1.（1）) goes as a whole."""
    at = 0
    for _ in range(len(text)):  # each match consumes at least one character
        match = enumerator().match(text, at) if _may_enumerate(text, at) else None
        if not match or not _WORD.search(text, match.end()):  # an enumerator alone is the text (no copy)
            break
        at = match.end()
    typed = text[:at].strip()
    if not typed:
        return text, []
    return text[at:], [Change("typing.enumerator", text.index(typed[0]), typed,
                              f"开头的“{typed}”不用写：初稿会自动编号（一是…二是…），已去掉")]


def fullwidth(text: str) -> Tuple[str, List[Change]]:
    """Half-width , ; : ! ? ( ) and ASCII quotes in Chinese context → full-width.  A mark made
    full-width is Chinese context for its neighbours (",,一"), so passes repeat until stable."""
    changes: List[Change] = []
    for _ in range(len(text) + 1):  # each pass converts at least one mark or ends
        new, found = _fullwidth_pass(text)
        if new == text:
            break
        text = new
        changes += found
    return text, sorted(changes, key=lambda c: c.offset)


# every character `_fullwidth_pass` may change: a text without one (most, typed in Chinese) is
# returned as it is without walking it character by character
_HALF_MARKS = frozenset(_HALF) | set("()\"'")


def _fullwidth_pass(text: str) -> Tuple[str, List[Change]]:
    if _HALF_MARKS.isdisjoint(text):
        return text, []
    chars = list(text)
    keep = _protected_spans(text)
    changes: List[Change] = []

    def before(i: int) -> str:  # neighbours as converted so far, so one pass is enough
        return chars[i - 1] if i > 0 else ""

    def after(i: int) -> str:
        return chars[i + 1] if i + 1 < len(chars) else ""

    for i, ch in enumerate(text):
        if ch not in _HALF or _inside(keep, i):
            continue
        b, a = before(i), after(i)
        if b.isdigit() and a.isdigit():  # 1,000 and 10:30 are numbers
            continue
        if _chinese(b) or _chinese(a):
            chars[i] = _HALF[ch]
            changes.append(Change("typing.halfwidth", i, ch, f"半角标点“{ch}”在中文里应为全角“{_HALF[ch]}”，初稿中已改为全角"))
    # Brackets: a pair around or next to Chinese becomes （）.
    stack: List[int] = []
    for i, ch in enumerate(text):
        if _inside(keep, i):
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            inner = text[start + 1:i]
            if _has_ideograph(inner) or _chinese(before(start)) or _chinese(after(i)):
                chars[start], chars[i] = "（", "）"
                changes.append(Change("typing.halfwidth", start, "(", "半角括号“()”在中文里应为全角“（）”，初稿中已改为全角"))
    # Quotes: ASCII pairs around Chinese become “” / ‘’.
    for quote, pair in (('"', "“”"), ("'", "‘’")):
        spots = [i for i, ch in enumerate(text) if ch == quote and not _inside(keep, i)]
        for start, end in zip(spots[::2], spots[1::2]):
            inner = text[start + 1:end]
            near = _chinese(before(start)) or _chinese(after(end))
            if _has_ideograph(inner) or (quote == '"' and near):  # not the apostrophe of don't
                chars[start], chars[end] = pair[0], pair[1]
                changes.append(Change("typing.ascii-quote", start, quote,
                                      f"英文引号 {quote}…{quote} 在中文里应为 {pair[0]}…{pair[1]}，初稿中已改为中文引号"))
    return "".join(chars), sorted(changes, key=lambda c: c.offset)


def collapse_punct(text: str) -> Tuple[str, List[Change]]:
    """，， → ，  and ，。 → 。 (repeated until stable: ，，。。 → 。)."""
    if not any(seed in text for seed in _DOUBLED_PUNCT_SEEDS):
        return text, []
    doubled = _pattern(_DOUBLED_PUNCT)
    changes = [Change("typing.doubled-punct", m.start(), m.group() + ("" if m.group(1) else "。"),
                      f"标点“{m.group()}{'' if m.group(1) else '。'}”重复，初稿中只保留一个")
               for m in doubled.finditer(text)]
    for _ in range(len(text)):
        new = doubled.sub(lambda m: m.group(1) or "", text)
        if new == text:
            break
        text = new
    return text, changes


def strip_trailing(text: str, silent: str = "") -> Tuple[str, List[Change]]:
    """Closing punctuation dropped where the template adds its own; those in `silent` quietly."""
    stripped = text.rstrip(_END + _SPACE)
    tail = text.rstrip()[len(stripped):].strip()
    if not tail or not stripped:
        return text, []
    if all(ch in silent for ch in tail):
        return stripped, []
    return stripped, [Change("typing.trailing-punct", len(stripped), tail,
                             f"末尾的“{tail}”不用写：初稿会接上合适的标点，已去掉")]


def end_sentence(text: str) -> Tuple[str, List[Change]]:
    """A paragraph of its own ends as a sentence: 。！？… or such a mark inside a closing quote."""
    text = text.rstrip()
    last = text[-1:]
    if not text or last in _SENTENCE_END + "】" or (last in _CLOSERS and text[-2:-1] in _SENTENCE_END):
        return text, []
    stripped = text.rstrip(_END + _SPACE)
    return stripped + "。", [Change("typing.no-full-stop", len(text), text[len(stripped):] or last,
                                   "这一段没有以句号结尾，初稿中补上了“。”")]


def end_intro(text: str) -> Tuple[str, List[Change]]:
    """An intro leads into the items: it ends with ： or as a sentence."""
    text = text.rstrip()
    if text[-1:] in _SENTENCE_END + "：" or (text[-1:] in _CLOSERS and text[-2:-1] in _SENTENCE_END):
        return text, []
    stripped = text.rstrip(_END + _SPACE)
    return stripped + "：", [Change("typing.no-full-stop", len(text), text[len(stripped):] or text[-1:],
                                   "引语没有以“：”或句号结尾，初稿中补上了“：”")]


def strip_title_end(text: str) -> Tuple[str, List[Change]]:
    stripped = text.rstrip(_END + _SPACE)
    tail = text.rstrip()[len(stripped):]
    if not tail or not stripped:
        return text, []
    return stripped, [Change("typing.title-punct", len(stripped), tail, f"标题末尾不加标点，初稿中去掉了“{tail}”")]


def label_unit(label: str, unit: str) -> Tuple[str, str, List[Change]]:
    """新增就业岗位（个） with unit 个 → 新增就业岗位; with no unit the bracket becomes the unit."""
    match = _pattern(_LABEL_UNIT).search(label) if "(" in label or "（" in label else None
    if not match or not label[:match.start()].strip():
        return label, unit, []
    typed, written = match.group(1).strip(), unit.strip()
    if written and typed != written:
        return label, unit, []
    message = (f"名称中的“{match.group().strip()}”与单位重复，初稿中不再写它" if written else
               f"单位“{typed}”写在了名称里，初稿中按单位处理；请把它写到 unit")
    return label[:match.start()], written or typed, [Change("typing.unit-in-label", match.start(), match.group().strip(),
                                                            message)]


def doubled_words(text: str) -> List[Change]:
    """教育教育.  A two-character repeat inside a run of characters is often two words meeting
    (义务教育 + 教育集团), so it counts only next to punctuation or an end of the text."""
    found = []
    for start, end, word in _doubled_words(text):
        whole = text[start:end]
        inside = start > 0 and _ideograph(text[start - 1]) and end < len(text) and _ideograph(text[end])
        if len(word) > 2 or not inside:
            found.append(Change("typing.doubled-word", start, whole, f"“{whole}”重复了“{word}”，请检查是否多打了一遍"))
    return found


def _doubled_words(text: str) -> Iterator[Tuple[int, int, str]]:
    """(start, end, word) of each match of ``([CJK]{2,4})\\1``, as `re.finditer` finds them: the
    leftmost, the longest word first, never overlapping.  Such a match can only start where some
    2-4 characters repeat (`_REPEAT`, rare in prose), so only those places are tried."""
    end = 0
    for candidate in _REPEAT.finditer(text):
        start = candidate.start()
        if start < end:
            continue
        for size in (4, 3, 2):
            word = text[start:start + size]
            if len(word) == size and text[start + size:start + 2 * size] == word and all(map(_ideograph, word)):
                end = start + 2 * size
                yield start, end, word
                break


def office_signature(signature: str, org: str) -> List[Change]:
    name = signature.strip()
    if not name.endswith("办公室") or org.strip().endswith("办公室"):
        return []
    return [Change("typing.office-signature", len(name) - 3, "办公室",
                   f"落款“{name}”是单位的办公室；工作总结以单位名义落款，一般写“{org.strip() or name[:-3]}”")]


def normalise(text: str, role: str) -> Typed:
    """`text` as the draft writes it in `role`, with every change made (label: see `label_unit`).
    Its line breaks are read first (`unwrap`): the paragraphs that remain are normalised one by
    one, and every change keeps its offset in the text as typed."""
    typed, changes = _normalised(text, role)
    return Typed(typed, list(changes))  # a fresh list: the cached tuple is shared


# Render asks for each (text, role) twice, validate once.  An LRU smaller than one sheet's texts
# would miss on every second pass (same order), so it holds as many as a sheet may have values.
@lru_cache(maxsize=FACT_SHEET_YAML.max_nodes)
def _normalised(text: str, role: str) -> Tuple[str, Tuple[Change, ...]]:
    out = _normalise(text, role)
    return out.text, tuple(out.changes)


def _normalise(text: str, role: str) -> Typed:
    if "\n" not in text.strip():
        return _normalise_line(text, role)
    out = Typed("")
    texts = []
    for para in _unwrapped(text, role in PARAGRAPH_ROLES):
        one = _normalise_line(para.text, role)
        texts.append(one.text)
        out.changes.extend(para.changes)
        out.changes.extend(Change(c.code, para.origin[min(c.offset, len(para.text))], c.found, c.message)
                           for c in one.changes)
    out.text = "\n".join(texts)
    return out


# -- line breaks: what the user meant ---------------------------------------------------------
# Text typed on two lines of a YAML ``|`` block, or pasted from a PDF with hard wraps, is one
# sentence: a break inside a sentence is joined (no space between Chinese characters, one
# between Latin words).  A blank line, a line that ends a sentence, an indented line or a typed
# list item starts a new paragraph, and only texts that are paragraphs of their own
# (`PARAGRAPH_ROLES`) keep it as one.  Where a line ends with no mark at all the user may have
# meant a clause break (配比偏低⏎专业化水平有待提高): the draft cannot know, so validate says where.
PARAGRAPH_ROLES = ("paragraph", "intro")
_LINE_SENTENCE_END = "。！？!?…"
_LINE_CLOSERS = "”’）)》】」』"
_CLAUSE_MARKS = "，,；;：:、"
_INDENT = ("\u3000", "  ", "\t")  # Word's 首行缩进, pasted as spaces
_LINE_SPACES = " \t\u3000"


@record
class _Paragraph:
    text: str  # the paragraph with its soft breaks joined
    origin: List[int]  # for each offset in `text` (and its end), the offset in the text as typed
    changes: List[Change] = field(default_factory=list)  # the joins validate reports


def unwrap(value: str, paragraphs: bool) -> str:
    """`value` with its soft line breaks joined.  With `paragraphs`, the paragraphs the user meant
    stay apart, one a line (marks.fact writes each line as a paragraph); without, they run on
    in one (a heading, an item of 一是…, a clause).  Only spaces at a line's ends are dropped."""
    if "\n" not in value.strip():
        return value
    return "\n".join(p.text for p in _unwrapped(value, paragraphs))


def _ends_sentence(line: str) -> bool:
    core = line.rstrip(_LINE_CLOSERS)
    if core[-1:] in _LINE_SENTENCE_END:
        return True
    return core[-1:] == "." and len(core) > 1 and not core[-2].isascii()  # 。 typed half-width after Chinese


def _listed(line: str) -> bool:
    """The line starts with an enumerator the user typed (一是, 1., （2）, ① …)."""
    if not _may_enumerate(line, 0):
        return False
    found = enumerator().match(line)
    return found is not None and found.end() > 0


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_LINE_END = re.compile("\r\n|\r|\n")


def _lines(value: str) -> Iterator[Tuple[int, str]]:
    """(offset, line) of each line of `value`; \\r\\n, \\r and \\n all end a line."""
    at = 0
    for end in _LINE_END.finditer(value):  # one pass: a find per line would rescan the text
        yield at, value[at:end.start()]
        at = end.end()
    yield at, value[at:]


def _unwrapped(value: str, paragraphs: bool) -> List[_Paragraph]:
    found: List[List[Tuple[int, str]]] = []  # the paragraphs, each its (offset, line)
    blank = True
    for at, raw in _lines(value):
        line = raw.strip(_LINE_SPACES)
        if not line:
            blank = True
            continue
        start = at + len(raw) - len(raw.lstrip(_LINE_SPACES))
        if blank or raw.startswith(_INDENT) or _listed(line) or _ends_sentence(found[-1][-1][1]):
            found.append([(start, line)])
        else:
            found[-1].append((start, line))
        blank = False
    joined = [_join(lines) for lines in found]
    if paragraphs or len(joined) < 2:
        return joined
    # one paragraph of them all: the paragraphs themselves run on as lines do
    return [_join([(p.origin[0], p.text) for p in joined], joined)]


def _join(lines: List[Tuple[int, str]], parts: Optional[List[_Paragraph]] = None) -> _Paragraph:
    """Lines of one sentence run on: no space between Chinese characters, one between Latin words;
    a typed list item run on after words that do not end a clause gets ；.  With `parts`, the
    lines are those paragraphs, whose offsets and changes are kept."""
    first = lines[0][1]
    texts = [first]  # joined once at the end: adding to one string would copy it per line
    origin = parts[0].origin[:-1] if parts else list(range(lines[0][0], lines[0][0] + len(first)))
    changes = list(parts[0].changes) if parts else []
    for index, (at, piece) in enumerate(lines[1:], 1):
        end = origin[-1] + 1  # just after the last character kept
        last = texts[-1][-1]
        glue = ""
        marked = last in _CLAUSE_MARKS + _LINE_CLOSERS + "。！？!?…—"
        if _listed(piece):
            glue = "" if marked else "；"
        elif parts is not None and not marked:  # paragraphs the user set apart, in a text of one
            glue = "，"
            changes.append(Change("typing.paragraphs-joined", end, last,
                                  "这里另起了一段，但这项内容在初稿中只写成一段：两段之间接上了“，”"))
        elif _latin(last) and _latin(piece[0]):
            glue = " "
        elif not marked:
            changes.append(Change("typing.line-joined", end, last,
                                  "这一行末尾没有标点，初稿中与下一行接成了一句；如果这里是两句话，请在行末加上“，”或“。”"))
        texts += [glue, piece] if glue else [piece]
        origin += [end] * len(glue)
        if parts:
            origin += parts[index].origin[:-1]
            changes += parts[index].changes
        else:
            origin += range(at, at + len(piece))
    origin.append(origin[-1] + 1)
    return _Paragraph("".join(texts), origin, changes)


def _normalise_line(text: str, role: str) -> Typed:
    out = Typed(text)

    def apply(rule: Any, *args: Any) -> None:
        out.text, found = rule(out.text, *args)
        out.changes.extend(found)

    if role in ("heading", "item", "paragraph"):
        apply(strip_enumerator)
    # closing marks first, so a half-width mark at the end is reported once, as what it is
    if role == "heading":
        apply(strip_trailing, "。；;")
    elif role == "item":
        apply(strip_trailing, "。；;.")
    elif role == "clause":
        apply(strip_trailing)
    elif role == "paragraph":
        apply(end_sentence)
    elif role == "intro":
        apply(end_intro)
    elif role == "title":
        apply(strip_title_end)
    apply(fullwidth)
    apply(collapse_punct)
    out.changes.extend(doubled_words(text))
    return out


# -- which text has which role ----------------------------------------------------------------
def roles(data: Any) -> Iterator[Tuple[PathKey, str]]:
    """(path, role) for every text of a sheet that the draft writes."""
    if not isinstance(data, dict):
        return
    for name in ("org", "leadership", "guidance", "signature"):
        yield ("report", name), "clause"
    yield ("report", "title"), "title"
    yield ("overview", "theme"), "clause"
    overview: dict = data["overview"] if isinstance(data.get("overview"), dict) else {}
    for i, _ in enumerate(_list(overview.get("results"))):
        yield ("overview", "results", i), "item"
    for key in ("achievements", "highlights"):
        for i, theme in enumerate(_list(data.get(key))):
            yield (key, i, "title"), "heading"
            yield (key, i, "approach"), "clause"
            theme = theme if isinstance(theme, dict) else {}
            for j, point in enumerate(_list(theme.get("points"))):
                yield ((key, i, "points", j, "text") if isinstance(point, dict) else (key, i, "points", j)), "item"
                for k, _ in enumerate(_list(point.get("figures") if isinstance(point, dict) else None)):
                    yield (key, i, "points", j, "figures", k, "label"), "label"
            for k, _ in enumerate(_list(theme.get("figures"))):
                yield (key, i, "figures", k, "label"), "label"
    for i, _ in enumerate(_list(data.get("problems"))):
        yield ("problems", i, "title"), "heading"
        yield ("problems", i, "detail"), "paragraph"
    plans: dict = data["plans"] if isinstance(data.get("plans"), dict) else {}
    yield ("plans", "intro"), "intro"
    for i, item in enumerate(_list(plans.get("items"))):
        yield ("plans", "items", i, "title"), "heading"
        for j, _ in enumerate(_list(item.get("points") if isinstance(item, dict) else None)):
            yield ("plans", "items", i, "points", j), "item"
    for i, part in enumerate(_list(data.get("others"))):
        yield ("others", i, "title"), "heading"
        for j, _ in enumerate(_list(part.get("points") if isinstance(part, dict) else None)):
            yield ("others", i, "points", j), "paragraph"


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _get(data: Any, path: PathKey) -> Any:
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and 0 <= part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


# -- validate -----------------------------------------------------------------------------------
def _mark_of(loaded: LoadedYaml, path: PathKey, text: str, change: Change) -> Optional[Mark]:
    """The line and column of the change in the file, when the value stands on one line as typed
    or in a literal block (``|``); else the value's own place."""
    mark = loaded.mark(path)
    if mark is None or mark.line > len(loaded.lines):
        return mark
    if "\n" in text:
        return _block_mark(loaded, mark, text, change.offset) or mark
    line = loaded.lines[mark.line - 1]
    context = text[max(0, change.offset - 3):change.offset]
    at = line.find(context + change.found, mark.column - 1) if change.found else -1
    if at >= 0:
        return Mark(mark.line, at + len(context) + 1)
    at = line.find(change.found, mark.column - 1) if change.found else -1
    return Mark(mark.line, at + 1) if at >= 0 else mark


def _block_mark(loaded: LoadedYaml, mark: Mark, text: str, offset: int) -> Optional[Mark]:
    """In a literal block each line of the value is a line of the file after the ``|``, indented."""
    if not loaded.lines[mark.line - 1][mark.column - 1:].lstrip().startswith("|"):
        return None
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", start)
    typed = text[start:end if end >= 0 else len(text)]
    number = mark.line + 1 + text.count("\n", 0, start)
    if not typed.strip() or number > len(loaded.lines):
        return None
    at = loaded.lines[number - 1].find(typed)
    return Mark(number, at + offset - start + 1) if at >= 0 else None


def typing_problems(loaded: LoadedYaml, checker: Checker) -> List[Problem]:
    """One warning for each normalisation the draft will make, at its place in the file."""
    data = loaded.data
    out: List[Problem] = []

    def warn(path: PathKey, text: str, change: Change) -> None:
        mark = _mark_of(loaded, path, text, change)
        schema = checker.subschema(path)
        out.append(Problem(WARNING, change.code, change.message, path, mark.line if mark else None,
                           mark.column if mark else None, None, schema.get("title") if schema else None,
                           loaded.excerpt(mark)))

    for path, role in roles(data):
        text = _get(data, path)
        if not isinstance(text, str) or not text.strip():
            continue
        changes = list(normalise(text, role).changes)
        if role == "label":
            unit = _get(data, path[:-1] + ("unit",))
            changes += label_unit(text, unit if isinstance(unit, str) else "")[2]
        if path == ("report", "signature"):
            org = _get(data, ("report", "org"))
            changes += office_signature(text, org if isinstance(org, str) else "")
        by_code: dict = {}
        for change in changes:  # one warning per kind of change in a text, at its first place
            by_code.setdefault(change.code, []).append(change)
        for found in by_code.values():
            first = found[0]
            if len(found) > 1:
                first = Change(first.code, first.offset, first.found, f"{first.message}（共 {len(found)} 处）")
            warn(path, text, first)
    return out
