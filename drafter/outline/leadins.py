"""Lead-ins: the generic sentence that opens a part before its first subsection.

在肯定成绩的同时，我们也清醒地看到… / 下一步，我们将重点抓好以下工作： — a draft can open a part with
one, so `learn` keeps them per part with their document frequency.  Only sentences that would
fit any office are kept: years become {year}/{next_year}, and a sentence that still holds a
figure, a placeholder (xx, 某某) or a named organisation (县教育局, 区委) is dropped rather than
edited, because a half-generic sentence in a draft is worse than the drafter's stock wording.
A lead-in must occur in two reports at least (DF_MIN): one report's opening sentence is its own
wording, and a draft given none uses the drafter's stock variants instead.  A stock opening
(在肯定成绩的同时 / 虽然…但 / 下一步) is cut after its introducing verb (看到, 认识到, 以下工作),
before the office's particulars.
"""
from __future__ import annotations

import re
from typing import Dict, Iterator, List, Optional, Tuple

from .counting import BoundedCounter
from .model import Phrase
from .tree import Report, Section

PARTS = ("achievements", "highlights", "problems", "plan")
LEAD_IN_CHARS = (6, 60)
LEAD_INS_KEPT = 5
_SENTENCE = re.compile(r"^[^。！？：]*[。！？：]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NOT_GENERIC = re.compile(r"\d|[xX×*＊]{1,}|某某|[A-Za-z]|“|”|《")
# Organisation words; one preceded by a self-reference (我局, 本院, 全镇, 各单位) is not a name.
_ORG = re.compile(r"局|委|政府|街道|办事处|办公室|中心|公司|社区|银行|支行|学校|医院|党支部|镇|村|乡|院|校|馆|厅|署|县|市|区")
_SELF = "我本全该各贵"
_STOCK = re.compile(r"^(?:一年来|半年来|在肯定|在看到|虽然|尽管|下一步|新的一年|今后|展望)")
DF_MIN = 2
_INTRO_END = re.compile(r"(?:看到|认识到|意识到|发现|如下|以下工作|以下几个方面|以下几方面|重点抓好|着力抓好|主要是)[，：。]?$")


def _generic(sentence: str) -> bool:
    if _NOT_GENERIC.search(sentence):
        return False
    for m in _ORG.finditer(sentence):
        if m.start() == 0 or sentence[m.start() - 1] not in _SELF:
            return False
    return True


def lead_in(section: Section, year: Optional[int]) -> Optional[str]:
    """The generic first sentence of a part's own text, years as placeholders, or None."""
    if section.run_in or not section.body:
        return None
    text = section.body[0].strip()
    m = _SENTENCE.match(text)
    sentence = m.group(0) if m else text
    if year:
        sentence = sentence.replace(f"{year + 1}年", "{next_year}年").replace(f"{year}年", "{year}年")
    if _YEAR.search(sentence.replace("{year}", "").replace("{next_year}", "")):
        return None
    if not LEAD_IN_CHARS[0] <= len(sentence) <= LEAD_IN_CHARS[1]:
        return None
    if _STOCK.match(sentence):
        # A stock opening followed by this office's particulars: keep the introduction up to its
        # seeing/announcing verb (…我们也清醒地看到，统计工作… → …我们也清醒地看到：).
        kept = ""
        for clause in re.findall(r"[^，]*，?", sentence):
            if not clause:
                break
            kept += clause
            if _INTRO_END.search(clause):
                break
        if kept != sentence:
            sentence = kept.rstrip("，") + "："
    check = sentence.replace("{year}", "").replace("{next_year}", "")
    return sentence if _generic(check) and len(sentence) >= LEAD_IN_CHARS[0] else None


def report_lead_ins(report: Report, sections: Iterator[Tuple[Section, Optional[Section]]]
                    ) -> Dict[str, str]:
    """part → the lead-in of its first defining section in this report."""
    out: Dict[str, str] = {}
    for section, _parent in sections:
        if section.canonical in PARTS and section.canonical not in out:
            found = lead_in(section, report.year)
            if found:
                out[section.canonical] = found
    return out


class LeadInCounter:
    """Document frequency of lead-ins per part, bounded."""

    def __init__(self) -> None:
        self.counts: Dict[str, BoundedCounter] = {}

    def add(self, found: Dict[str, str]) -> None:
        for part, sentence in found.items():
            self.counts.setdefault(part, BoundedCounter(5000)).add(sentence)

    def result(self, part: str) -> List[Phrase]:
        counter = self.counts.get(part)
        if counter is None:
            return []
        items = sorted(counter.most_common(DF_MIN), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))
        return [Phrase(text, df, "lead_in") for text, df in items[:LEAD_INS_KEPT]]
