"""What users type: each normalisation rule, and `validate`'s warning for it at FILE:LINE:COL."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write_sheet
from drafter.facts.typing_checks import label_unit, normalise, office_signature

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)


@pytest.mark.parametrize("typed, role, written, codes", [
    # enumerators the user typed: the draft numbers points itself
    ("一是深入开展“清廉学校”建设", "item", "深入开展“清廉学校”建设", ["typing.enumerator"]),
    ("1.推进集团化办学", "item", "推进集团化办学", ["typing.enumerator"]),
    ("2、推进集团化办学", "item", "推进集团化办学", ["typing.enumerator"]),
    ("（3）推进集团化办学", "heading", "推进集团化办学", ["typing.enumerator"]),
    ("(一)党建引领", "heading", "党建引领", ["typing.enumerator"]),
    ("①新建学校", "item", "新建学校", ["typing.enumerator"]),
    ("第二，新建学校", "item", "新建学校", ["typing.enumerator"]),
    ("1.5万人次参加", "item", "1.5万人次参加", []),  # a number, not an enumerator
    ("一、二年级全覆盖", "item", "一、二年级全覆盖", []),
    ("2024年完成", "item", "2024年完成", []),
    # half-width punctuation and ASCII quotes in Chinese context
    ('开展"三会一课",完成率100%;落实(新建12个)', "item", "开展“三会一课”，完成率100%；落实（新建12个）",
     ["typing.ascii-quote", "typing.halfwidth", "typing.halfwidth", "typing.halfwidth"]),
    ("目标:建成", "item", "目标：建成", ["typing.halfwidth"]),
    ("建成5G基站120个", "item", "建成5G基站120个", []),
    ("PM2.5浓度下降", "item", "PM2.5浓度下降", []),
    ("共1,000人，10:30开始", "item", "共1,000人，10:30开始", []),
    ("见https://www.example.gov.cn/a,b:c网站", "item", "见https://www.example.gov.cn/a,b:c网站", []),
    ("联系zhang@example.cn,电话", "item", "联系zhang@example.cn，电话", ["typing.halfwidth"]),
    ("Word, Excel", "item", "Word, Excel", []),
    # doubled marks once; closing marks left to the template
    ("严格执行制度，，推进改革", "item", "严格执行制度，推进改革", ["typing.doubled-punct"]),
    ("严格执行制度、、推进。。", "paragraph", "严格执行制度、推进。", ["typing.doubled-punct", "typing.doubled-punct"]),
    ("以政治建设为统领，", "clause", "以政治建设为统领", ["typing.trailing-punct"]),
    ("推进集团化办学。", "item", "推进集团化办学", []),  # a full stop at the end of a point is harmless
    ("推进集团化办学，", "item", "推进集团化办学", ["typing.trailing-punct"]),
    ("党建引领作用持续增强。", "heading", "党建引领作用持续增强", []),
    # every body paragraph ends as a sentence; a title never ends in punctuation
    ("部分学校班额仍然偏大", "paragraph", "部分学校班额仍然偏大。", ["typing.no-full-stop"]),
    ("部分学校班额仍然偏大，", "paragraph", "部分学校班额仍然偏大。", ["typing.no-full-stop"]),
    ("区急救中心获评“全国五一劳动奖状”", "paragraph", "区急救中心获评“全国五一劳动奖状”。", ["typing.no-full-stop"]),
    ("他说：“要抓落实。”", "paragraph", "他说：“要抓落实。”", []),
    ("重点抓好以下几方面工作", "intro", "重点抓好以下几方面工作：", ["typing.no-full-stop"]),
    ("关于2024年工作情况的报告。", "title", "关于2024年工作情况的报告", ["typing.title-punct"]),
    ("关于开展“双减”工作的总结", "title", "关于开展“双减”工作的总结", []),
])
def test_each_rule_normalises_what_was_typed(typed: str, role: str, written: str, codes: list) -> None:
    found = normalise(typed, role)
    assert found.text == written
    assert sorted(c.code for c in found.changes) == sorted(codes)


def test_a_unit_typed_into_a_label_is_not_repeated() -> None:
    assert label_unit("新增就业岗位（个）", "个")[:2] == ("新增就业岗位", "个")
    assert label_unit("新增就业岗位(人)", "")[:2] == ("新增就业岗位", "人")
    assert label_unit("培训（万人次）", "个")[:2] == ("培训（万人次）", "个")  # not the unit: kept as typed
    assert label_unit("新建“红色示范支部”", "个")[:2] == ("新建“红色示范支部”", "个")


def test_doubled_words_and_office_signatures_are_found() -> None:
    assert [c.found for c in normalise("加强教育教育，提高质量", "item").changes] == ["教育教育"]
    assert normalise("组建义务教育教育集团7个", "item").changes == []  # two words meeting
    assert [c.code for c in office_signature("青山区教育体育局办公室", "青山区教育体育局")] == ["typing.office-signature"]
    assert office_signature("区人民政府办公室", "区人民政府办公室") == []


MESSY = """\
report:
  org: 测试县教育局
  year: 2024
  leadership: 县委、县政府，
  date: "2025-01-06"
  title: 测试县教育局2024年工作总结。
  signature: 测试县教育局办公室
achievements:
  - title: （一）党建引领作用持续增强
    approach: 以政治建设为统领,
    points:
      - 一是严格执行"三会一课"制度
      - 2.开展"清廉学校"建设，，对62所学校开展排查
    figures:
      - { label: 新增就业岗位（个）, value: 320, unit: 个, previous: 280 }
problems:
  - title: 学位供给仍然紧张
    detail: 部分学校班额仍然偏大
"""


def test_validate_warns_of_each_normalisation_at_its_place(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MESSY)
    result = run("validate", sheet)
    assert result.exit_code == 0, result.output
    out = result.output
    lines = MESSY.splitlines()
    for line, typed, what in [
        (4, "，", "末尾的“，”不用写"),
        (6, "。", "标题末尾不加标点，初稿中去掉了“。”"),
        (7, "办公室", "落款“测试县教育局办公室”是单位的办公室"),
        (9, "（一）", "开头的“（一）”不用写"),
        (10, ",", "末尾的“,”不用写"),
        (12, "一是", "开头的“一是”不用写"),
        (12, '"', "英文引号"),
        (13, "2.", "开头的“2.”不用写"),
        (13, "，，", "标点“，，”重复"),
        (15, "（个）", "名称中的“（个）”与单位重复"),
        (18, "偏大", "这一段没有以句号结尾"),
    ]:
        column = lines[line - 1].index(typed) + 1 + (len(typed) - 1 if what.startswith("这一段") else 0)  # at the last character
        head = f"{sheet}:{line}:{column}: "
        assert head in out and what in out.split(head, 1)[1].split("\n")[0], (head, what, out)
    assert run("validate", sheet, "--strict").exit_code == 1


def test_render_writes_the_messy_sheet_as_a_writer_would(run, tmp_path: Path) -> None:
    out = tmp_path / "d.txt"
    assert run("render", write_sheet(tmp_path, MESSY), "-o", out, "--format", "txt").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "测试县教育局2024年工作总结"
    assert "在县委、县政府的坚强领导下" in text
    assert "（一）以政治建设为统领，党建引领作用持续增强。一是严格执行“三会一课”制度；二是开展“清廉学校”建设，对62所学校开展排查。" in text
    assert "新增就业岗位320个，" in text
    assert "部分学校班额仍然偏大。" in text


def test_render_normalises_each_text_once(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Render validates the sheet, then writes its texts: both ask for the same normalisations,
    which are computed once (issue 12: it was ~30% of a long sheet's render, done twice)."""
    from drafter.facts import typing_checks

    calls: list = []
    real = typing_checks._normalise
    monkeypatch.setattr(typing_checks, "_normalise", lambda text, role: calls.append((text, role)) or real(text, role))
    typing_checks._normalised.cache_clear()
    out = tmp_path / "d.txt"
    assert run("render", write_sheet(tmp_path, MESSY), "-o", out, "--format", "txt").exit_code == 0
    assert ("2.开展\"清廉学校\"建设，，对62所学校开展排查", "item") in calls  # validate's and compose's question
    assert len(calls) == len(set(calls)) > 10
    assert "二是开展“清廉学校”建设，对62所学校开展排查。" in out.read_text(encoding="utf-8")


# -- properties ---------------------------------------------------------------------------------
MESSY_PIECES = st.lists(st.one_of(
    st.text(CJK, min_size=1, max_size=6),
    st.sampled_from([",", ";", ":", "(", ")", '"', "，，", "、、", "。。", "一是", "1.", "（2）", "①", "5G", "PM2.5",
                     "1,000", "10:30", "3.5", "https://a.cn/x,y", " "]),
), min_size=1, max_size=12).map("".join)


def _content(text: str) -> str:
    """Letters and digits: what normalising may never drop or change."""
    return "".join(ch for ch in text if ch.isalnum())


@settings(max_examples=300, deadline=None)
@given(typed=MESSY_PIECES, role=st.sampled_from(["heading", "clause", "item", "paragraph", "intro", "title"]))
def test_normalising_never_loses_a_word_and_leaves_no_messy_typing(typed: str, role: str) -> None:
    written = normalise(typed, role).text
    # only typed enumerators at the start may go (一是, 1., （2）, ①)
    assert _content(typed).endswith(_content(written)), (typed, written)
    gone = _content(typed)[:len(_content(typed)) - len(_content(written))]
    assert set(gone) <= set("一二三四五六七八九十是第0123456789①"), (typed, written)
    assert normalise(written, role).text == written  # normalising twice changes nothing more
    for doubled in ("，，", "。。", "、、", "；；"):
        assert doubled not in written
