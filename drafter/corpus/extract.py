"""Where the report is inside the file: its title, the first and last line of its text.

A scraped page repeats the title (page header, then article header) with chrome and a teaser in
between, so the body starts after the title's last repetition; it ends at the first chrome
trigger after the last line that reads like report text.  The closing 落款 and 成文日期 are
set aside too, and so is a 附件 list: they belong to the document but are not a section of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from . import chrome
from .markers import starts_with_marker
from .normalize import detect_script, normalize_lines
from .readers import Document
from .runs import Run

HEAD_LINES = 80  # the title is looked for among the first lines only
_TITLE_WORD = re.compile(r"总结|汇报|报告|打算|计划|谋划|安排|要点|述职|材料|情况|回顾|思路")
_STRONG_TITLE = re.compile(r"总结|汇报|报告")
_SITE = re.compile(r"网$|网站|之家|大全|文库|频道|论坛|首页|范文网|[_|｜]|\s[-–—]\s|下载|精选\s*\d*\s*篇|(?<!\d)\d+\s*篇")  # (?<!\d): linear on long digit runs
_TITLE_PUNCT = re.compile(r"[。，；！？]")
_SITE_SEPARATOR = re.compile(r"[_|｜]|\s[-–—]\s")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ORG_END = re.compile(r"(?:局|委|委员会|办|办公室|厅|处|院|校|学校|中学|小学|幼儿园|中心|政府|街道|办事处|镇|乡|村|社区|公司|医院|站|所|队|馆|会)$")
_SUBTITLE = re.compile(r"^(?:[（][^（）]{2,40}[）]|——.*|[-—]{1,2}\s*在.*|.{0,12}(?:\d{4}|[〇零一二三四五六七八九]{4})年\d{1,2}月\d{1,2}日.{0,4})$")
_DATE_LINE = re.compile(r"^(?:(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:[〇零一二三四五六七八九]{4}|(?:19|20)\d\d)年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2})$")
_GLUED_TITLE = re.compile(r"(?:工作总结|总结|汇报材料|汇报|报告|工作打算|打算|工作计划|计划|谋划|安排|要点)(?:范文)?")


@dataclass
class Extracted:
    """The report inside a file: title (as it stands), body runs, script."""

    title: Optional[str]
    title_norm: Optional[str]
    title_line: Optional[int]
    body: List[Run]
    script: str
    closing: List[Run] = field(default_factory=list)  # 落款 and 成文日期
    annex: List[Run] = field(default_factory=list)  # the 附件 list at the end (file names, not headings)


def _substantial(norm: str) -> bool:
    text = norm.strip()
    return (len(text) >= 30 and bool(re.search(r"[。，；]", text))) or starts_with_marker(text)


def _title_ok(norm: str) -> bool:
    text = norm.strip()
    return (4 <= len(text) <= 60 and not _TITLE_PUNCT.search(text) and bool(_TITLE_WORD.search(text))
            and not _SITE.search(text) and not starts_with_marker(text))


# What hosting sites put around a title: 文档介绍：, 【篇一】, 篇1：, 《…》, …范文1, (2), （精选5篇）
_TITLE_PREFIX = re.compile(
    r"(?:(?:文档介绍|文档简介|内容简介|内容摘要|标题)\s*[：]\s*|【\s*篇\s*[一二三四五六七八九十\d]{1,3}\s*】\s*"
    r"|篇\s*[一二三四五六七八九十\d]{1,3}\s*[：、.]\s*|第\s*[一二三四五六七八九十\d]{1,3}\s*篇\s*[：、.]?\s*"
    r"|范文\s*[一二三四五六七八九十\d]{1,3}\s*[：、.]\s*|【[^】]{1,10}】\s*|《"
    r"|(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}：\d{2}(?:：\d{2})?)?\s+)")
_TITLE_SUFFIX = re.compile(
    # (?<!\s) before each leading \s*: one try per run of spaces, not one per space (was quadratic)
    r"(?:》|范文\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})|\.(?:docx?|pdf|txt|wps)"
    r"|(?<!\s)\s*[-—–_|｜]\s*[^-—–_|｜\s]{1,12}(?:网|文库|之家|大全|频道|范文|文档)|(?<!\s)\s*[（][^（）]{0,6}(?:全文|完整版|最新|word|可编辑|下载)[^（）]{0,6}[）]|(?<=[结告划算料排点])\s*\d{1,2}|(?<!\s)\s*[（]\s*\d{1,2}\s*[）]|(?<!\s)\s*[（][^（）]{0,8}(?:精选|通用|合集|篇|范文)[^（）]{0,8}[）]"
    r"|(?<!\s)\s*(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}(?:\s+\d{1,2}：\d{2}(?:：\d{2})?)?)$")


def _title_span(norm: str) -> Optional[Tuple[int, int]]:
    """(start, end) of the title a line holds: the line without what a hosting site wraps around
    it, or what precedes a site name (``…总结_某某网``)."""
    lead = len(norm) - len(norm.lstrip())
    a, b = lead, len(norm.rstrip())
    cut = _SITE_SEPARATOR.search(norm, a)
    for end in ([b] + ([cut.start()] if cut else [])):
        start, stop = a, end
        wrapped = False
        for _ in range(4):  # bounded: at most a few layers of wrapping
            before = (start, stop)
            m = _TITLE_PREFIX.match(norm, start, stop)
            if m and m.end() > start:
                start, wrapped = m.end(), True
            m = _TITLE_SUFFIX.search(norm[start:stop])
            if m and m.start() > 0:
                stop, wrapped = start + m.start(), True
            elif wrapped and norm[start:stop].endswith("范文"):
                stop -= 2  # a bare …范文 is part of a title unless the site wrapped it otherwise too
            while stop > start and norm[stop - 1] == " ":
                stop -= 1
            if (start, stop) == before:
                break
        if _title_ok(norm[start:stop]):
            return start, stop
    return None


def _title_text(norm: str) -> Optional[str]:
    span = _title_span(norm)
    return norm[span[0]:span[1]] if span else None


_SPEECH_SUBTITLE = re.compile(r"^[-—–]{1,2}\s*在.{2,50}(?:会议|大会|会|座谈会|论坛|仪式|典礼)上的.{0,12}(?:报告|讲话|发言|致辞)")
_SPEAKER = re.compile(r"(?:局长|书记|主任|县长|市长|区长|镇长|乡长|校长|院长|行长|主席|部长|处长|厅长|所长|站长|馆长)\s*[^\s，。]{2,4}$")


def _speech_title(runs: List[Run], flags: List[bool], limit: int) -> Optional[Tuple[int, int, int, int]]:
    """(title index, subtitle index, start, end) of a speech-style report: a main title line,
    then ——在…会议上的工作报告 (its main title need not say 总结 or 报告)."""
    for i in range(1, limit):
        if not _SPEECH_SUBTITLE.match(runs[i].norm.strip()):
            continue
        j = i - 1
        while j >= 0 and not runs[j].norm.strip():
            j -= 1
        text = runs[j].norm.strip() if j >= 0 else ""
        if j >= 0 and not flags[j] and 4 <= len(text) <= 50 and not _TITLE_PUNCT.search(text) \
                and not starts_with_marker(text):
            lead = len(runs[j].norm) - len(runs[j].norm.lstrip())
            return j, i, lead, lead + len(text)
    return None


def _find_title(runs: List[Run], flags: List[bool], styles: List[str]) -> Optional[Tuple[int, int, int, int]]:
    """(index of the title line, index of its last repetition, start and end of the title in it)."""
    limit = min(len(runs), HEAD_LINES)
    for i in range(limit):
        if starts_with_marker(runs[i].norm.strip()):
            limit = i
            break
    speech = _speech_title(runs, flags, limit)
    if speech is not None:
        return speech
    best: Optional[Tuple[float, int, int, int, int]] = None
    for i in range(limit):
        dated = flags[i] and _DATED.match(runs[i].norm.strip())  # “2023-12-28 09:15 …总结”: a time stamp first
        span = None if flags[i] and not dated else _title_span(runs[i].norm)
        if span is None:
            continue
        text = runs[i].norm[span[0]:span[1]]
        last = i
        for j in range(i + 1, limit):
            if text in runs[j].norm and _title_text(runs[j].norm) == text:  # a span of the line, so in it
                last = j
        score = 1.0 + (3 if last > i else 0) + (2 if _STRONG_TITLE.search(text) else 0)
        score += 1 if _YEAR.search(text) else 0
        score += 5 if styles[i].lower() == "title" else 0
        score -= 1 if text != runs[i].norm.strip() else 0
        following = next((r for r in runs[last + 1:] if r.norm.strip() and not chrome.is_chrome(r.norm, False)), None)
        if following is not None and _substantial(following.norm):
            score += 2
        if best is None or score > best[0]:
            best = (score, i, last, span[0], span[1])
    return (best[1], best[2], best[3], best[4]) if best else None


_DATED = re.compile(r"(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\s+\d{1,2}：\d{2}(?:：\d{2})?\s+\S")
_ORG_THEN_YEAR = re.compile(r"^[^\d]{2,30}?(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})\s*年")


def _next_title(runs: List[Run], flags: List[bool], i: int, title: Optional[Run]) -> bool:
    """The title of the next report on a collection page: an organisation's ``…2022年工作总结``
    line, not a heading, followed by report text."""
    text = runs[i].norm.strip()
    if flags[i] or starts_with_marker(text) or not _STRONG_TITLE.search(text) or not _ORG_THEN_YEAR.match(text):
        return False
    found = _title_text(text)
    if found is None or (title is not None and found == title.norm.strip()):
        return False
    following = next((r for k, r in enumerate(runs[i + 1:i + 4], i + 1) if r.norm.strip() and not flags[k]), None)
    return following is not None and _substantial(following.norm) and not starts_with_marker(following.norm.strip())


def _opening_before_repeat(runs: List[Run], flags: List[bool], index: int, last: int) -> bool:
    """A site that repeats the title after the opening paragraph: the text between the two is the
    opening (not a teaser) when what follows the repetition is a heading, not another opening."""
    between = [r for k, r in enumerate(runs[index + 1:last], index + 1) if not flags[k] and _substantial(r.norm)]
    if not between:
        return False
    after = next((r for k, r in enumerate(runs[last + 1:], last + 1)
                  if r.norm.strip() and not flags[k]), None)
    return after is not None and starts_with_marker(after.norm.strip())


def _split_glued_title(run: Run) -> Optional[Tuple[Run, Run]]:
    """A title glued to the opening when line breaks were lost: ``XX局2023年工作总结 2023年，…``."""
    text = run.norm
    stop = re.search(r"[。，；：！？]", text)
    window = text[: stop.start() if stop else min(len(text), 60)][:60]
    ends = [m.end() for m in _GLUED_TITLE.finditer(window)]
    for end in reversed(ends):
        head = window[:end].strip()
        if len(head) >= 6 and (_YEAR.search(head) or re.search(r"年度|半年", head)) and len(text) - end >= 10:
            return run.cut(0, end).strip(), run.cut(end).strip()
    return None


def _join_org_line(runs: List[Run], flags: List[bool], index: int) -> Optional[Run]:
    """A title set over two lines: the organisation, then ``2023年工作总结``."""
    title = runs[index].norm.strip()
    if not re.match(r"(?:19|20)\d\d|上半年|下半年|年度|关于|全年", title):
        return None
    for j in range(index - 1, max(-1, index - 3), -1):
        text = runs[j].norm.strip()
        if not text:
            continue
        if flags[j] or len(text) > 25 or _TITLE_PUNCT.search(text) or not _ORG_END.search(text):
            return None
        return runs[j]
    return None


def _byline(text: str) -> bool:
    """An organisation's name alone under the title (``某某县教育局``), as some reports sign at the
    top, or a speaker's office and name (``县教育局局长  某某某``)."""
    return len(text) <= 30 and not _TITLE_PUNCT.search(text) and bool(_ORG_END.search(text) or _SPEAKER.search(text)) \
        and not starts_with_marker(text)


# The addressee of a 公文 report or the audience of a speech, on its own line after the title:
# 县委、县政府： / 市人民政府： / 各位领导、同志们：
_ADDRESSEE = re.compile(r"^(?:[^\s，。；！？：]{1,20}?(?:委|委员会|政府|局|厅|办|部|院|处|组|会|领导|同志|代表|同志们)[、，和]?){1,6}：$")


# A collection page's next report: 【篇二】, 篇2：, 第二篇, 范文二
_NEXT_REPORT = re.compile(r"^(?:【\s*篇\s*(?:[二三四五六七八九十]|[2-9]|\d\d)\s*】|篇\s*(?:[二三四五六七八九十]|[2-9]|\d\d)\s*[：、.]"
                          r"|第\s*[二三四五六七八九十]\s*篇|范文\s*(?:[二三四五六七八九十]|[2-9])\s*[：、.])")


_ANNEX = re.compile(r"^(?:附件|附表|附：)\s*[：:\d一二三四五六七八九十]|^(?:附件|附表)$")
ANNEX_LINES = 12  # an attachment list names a few files; it is looked for among the last lines only
ANNEX_LINE_CHARS = 60


def _annex(body: List[Run]) -> int:
    """Where the 附件 list at the end starts (len(body) when there is none): a line opening 附件：
    followed only by short lines naming files (``2.2024年…情况表``), which are not headings."""
    for i in range(len(body) - 1, max(-1, len(body) - 1 - ANNEX_LINES), -1):
        if _ANNEX.match(body[i].norm.strip()):
            rest = body[i:]
            if all(len(r.norm.strip()) <= ANNEX_LINE_CHARS and "。" not in r.norm for r in rest):
                return i
            break
    return len(body)


def _closing(body: List[Run]) -> Tuple[List[Run], List[Run]]:
    """Split off 落款 (organisation) and 成文日期 at the very end."""
    if not body or not _DATE_LINE.match(body[-1].norm.strip()):
        return body, []
    end = len(body) - 1
    if end > 0:
        org = body[end - 1].norm.strip()
        if len(org) <= 30 and not re.search(r"[。，；：！？]", org) and not starts_with_marker(org):
            end -= 1
    return body[:end], body[end:]


def extract(doc: Document) -> Extracted:
    """Find the report's title and text inside the lines of a file."""
    texts = doc.texts
    script = detect_script(texts)
    norms = normalize_lines(texts, script)
    runs = [Run(number, 0, raw, norm) for (number, raw), norm in zip(doc.lines, norms)]
    heading_like = [starts_with_marker(n.strip()) for n in norms]
    # A table of contents stands before the text, so only the first lines are looked at for one.
    flags = [chrome.is_chrome(n, h) or (not h and chrome.is_site_intro(n)) or (i < HEAD_LINES and chrome.is_toc(n))
             for i, (n, h) in enumerate(zip(norms, heading_like))]
    styles = [doc.styles.get(number, "") for number, _ in doc.lines]

    title_run: Optional[Run] = None
    title_line: Optional[int] = None
    title_index = -1
    start = 0
    found = _find_title(runs, flags, styles)
    if found is not None:
        index, last, a, b = found
        title_index = index
        title_run = runs[index].cut(a, b)
        org = _join_org_line(runs, flags, index)
        if org is not None:
            org = org.strip()
            title_run = Run(org.line, org.col, org.raw + title_run.raw, org.norm + title_run.norm)
        title_line = title_run.line
        start = last + 1
        if last > index and _opening_before_repeat(runs, flags, index, last):
            start = index + 1
        while start < len(runs) and (not runs[start].norm.strip() or flags[start]
                                     or _SUBTITLE.match(runs[start].norm.strip())
                                     or _byline(runs[start].norm.strip())
                                     or _ADDRESSEE.match(runs[start].norm.strip())):
            start += 1
    else:
        while start < len(runs) and (flags[start] or not _substantial(runs[start].norm)):
            start += 1

    last_text = max((i for i in range(start, len(runs)) if _substantial(runs[i].norm) and not flags[i]),
                    default=len(runs) - 1)
    end = next((i for i in range(last_text + 1, len(runs)) if chrome.is_tail_trigger(runs[i].norm)), len(runs))
    end = next((i for i in range(start, end) if _NEXT_REPORT.match(runs[i].norm.strip())
                or (i >= start + 3 and _next_title(runs, flags, i, title_run))), end)

    title_norm = title_run.norm if title_run else None
    body: List[Run] = []
    for i in range(start, end):
        run = runs[i]
        if flags[i] or chrome.is_noise(run.norm):
            continue
        if title_norm and run.norm.strip().startswith(title_norm) and len(run.norm.strip()) > len(title_norm) + 10:
            continue  # a teaser gluing the title to the opening lines
        if title_norm and i != title_index and title_norm.strip() in run.norm \
                and _title_text(run.norm) == title_norm.strip():  # _title_text gives a span of the line
            continue  # the title repeated by the site after the opening
        for a, b in reversed(chrome.inline_chrome_spans(run.norm)):
            run = run.blank(a, b)
        run = run.strip()
        if run.norm:
            body.append(run)

    if title_run is None and body:
        glued = _split_glued_title(body[0])
        if glued is not None:
            title_run, body[0] = glued
            title_line = title_run.line
    at = _annex(body)
    body, annex = body[:at], body[at:]
    annex, closing = _closing(annex)  # 落款 and date after the list …
    if not closing:
        body, closing = _closing(body)  # … or before it
    return Extracted(
        title=title_run.raw.strip() if title_run else None,
        title_norm=title_run.norm.strip() if title_run else None,
        title_line=title_line,
        body=body,
        script=script,
        closing=closing,
        annex=annex,
    )
