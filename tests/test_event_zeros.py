"""Event zeros side by side are one clause (全年未发生A、B和C), and each keeps its own fact: its own
source mark for --annotate, and a figure `drafter check` and `drafter extract` read back."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from drafter.compose.filters import in_one_sentence, joiners, one_sentence, phrase_figure
from drafter.harvest.grammar import read_figures

SHEET = {
    "report": {"org": "白杨乡人民政府", "year": 2024, "date": "2025-01-10", "leadership": "县委、县政府"},
    "overview": {"results": ["全乡地区生产总值达到9.8亿元"]},
    "achievements": [{
        "title": "平安建设基础更加牢固", "approach": "以矛盾纠纷多元化解为重点",
        "points": [{"text": "抓实安全生产和森林防火", "figures": [
            {"label": "森林火灾", "value": 0, "unit": "起", "previous": 0},
            {"label": "安全生产事故", "value": 0, "unit": "起", "previous": 0},
            {"label": "群体性事件", "value": 0, "unit": "起"}]}, "排查化解矛盾纠纷"],
        "figures": [{"label": "较大及以上安全生产事故", "value": 0, "unit": "起", "previous": 0},
                    {"label": "刑事案件", "value": 0, "unit": "起", "previous": 2},
                    {"label": "越级访", "value": 0, "unit": "批次", "previous": 0},
                    {"label": "重大群体性事件", "value": 0, "unit": "起", "previous": 0}]}],
    "problems": [{"title": "产业链条较短", "detail": "精深加工能力不足。"}],
    "plans": {"items": [{"title": "做强特色产业", "points": ["新建中药材初加工厂1个"]}]},
}


def _sheet(tmp_path: Path) -> Path:
    path = tmp_path / "平安.yaml"
    path.write_text(yaml.safe_dump(SHEET, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_plain_event_zeros_in_one_sentence_are_one_clause() -> None:
    phrases = [phrase_figure("较大安全生产事故", 0, "起", 0), phrase_figure("森林火灾", 0, "起", None, index=1),
               phrase_figure("群体性事件", 0, "起", 0, index=2), phrase_figure("一般安全生产事故", 0, "起", 3, index=3),
               phrase_figure("越级访", 0, "批次", 0, index=4), phrase_figure("刑事案件", 0, "起", None, index=5)]
    assert in_one_sentence(phrases) == ["全年未发生较大安全生产事故", "森林火灾", "群体性事件",
                                        "未发生一般安全生产事故，比上年减少3起", "未发生越级访", "刑事案件"]
    assert joiners(phrases, "，") == ["", "、", "和", "，", "，", "和"]
    # one with a comparison keeps its own clause: 和 would make 减少3起 read as the sum of both
    assert one_sentence(phrases) == ("全年未发生较大安全生产事故、森林火灾和群体性事件，未发生一般安全生产事故，比上年减少3起，"
                                     "未发生越级访和刑事案件")
    half = [phrase_figure("安全生产事故", 0, "起", None, True), phrase_figure("火灾", 0, "起", None, True, 1)]
    assert one_sentence(half, "；") == "上半年未发生安全生产事故和火灾"


def test_a_label_holding_he_is_never_merged_so_it_reads_back_whole() -> None:
    phrases = [phrase_figure("森林火灾", 0, "起", None), phrase_figure("危险化学品和烟花爆竹事故", 0, "起", None, index=1),
               phrase_figure("刑事案件", 0, "起", None, index=2)]
    text = one_sentence(phrases)
    assert text == "全年未发生森林火灾，未发生危险化学品和烟花爆竹事故，未发生刑事案件"
    assert [r.label for r in read_figures(text + "。")[0]] == ["森林火灾", "危险化学品和烟花爆竹事故", "刑事案件"]


def test_merged_event_zeros_read_back_one_figure_each() -> None:
    reads, other = read_figures("全年未发生较大安全生产事故、森林火灾和群体性事件，未发生一般安全生产事故，同比减少3起。")
    assert [(r.label, r.value, r.previous) for r in reads] == [
        ("较大安全生产事故", 0, None), ("森林火灾", 0, None), ("群体性事件", 0, None), ("一般安全生产事故", 0, 3)]
    assert other == []


def test_the_draft_merges_them_and_each_keeps_its_own_mark(run, tmp_path: Path) -> None:
    sheet = _sheet(tmp_path)
    out = tmp_path / "d.md"
    assert run("render", sheet, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "一是抓实安全生产和森林防火，全年未发生森林火灾、安全生产事故和群体性事件；" in text
    assert "全年未发生较大及以上安全生产事故；未发生刑事案件，同比减少2起；未发生越级访和重大群体性事件。" in text
    assert not re.search(r"未发生[^，。；、和]+[，；]未发生[^，。；、和]+(?=[；。])", text)  # before: 全年未发生A，未发生B
    annotated = tmp_path / "a.md"
    assert run("render", sheet, "-o", annotated, "--annotate").exit_code == 0
    marked = annotated.read_text(encoding="utf-8")
    # one footnote per fact, right after its own words; the 、 and 和 between them belong to none
    assert re.search(r"全年未发生森林火灾\[\^\d+\]、安全生产事故\[\^\d+\]和群体性事件\[\^\d+\]；", marked), marked
    assert re.search(r"未发生越级访\[\^\d+\]和重大群体性事件\[\^\d+\]。", marked), marked
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", marked, re.M))
    for words, field in (("森林火灾", "points[0].figures[0]"), ("、安全生产事故", "points[0].figures[1]"),
                         ("和群体性事件", "points[0].figures[2]"), ("未发生越级访", "achievements[0].figures[2]"),
                         ("和重大群体性事件", "achievements[0].figures[3]")):
        note = re.search(re.escape(words) + r"\[\^(\d+)\]", marked).group(1)
        assert notes[note].endswith(field), (words, notes[note])


def test_check_and_extract_find_every_merged_figure(run, tmp_path: Path) -> None:
    sheet = _sheet(tmp_path)
    docx_out = tmp_path / "d.docx"
    assert run("render", sheet, "-o", docx_out).exit_code == 0
    result = run("check", docx_out, sheet, "--format", "json")
    report = json.loads(result.stdout)
    assert report["ok"] and report["counts"]["missing"] == 0, report
    back = tmp_path / "back.yaml"
    assert run("extract", docx_out, "-o", back).exit_code == 0
    data = yaml.safe_load(back.read_text(encoding="utf-8"))
    labels = [f["label"] for t in data["achievements"] for f in t.get("figures", [])] + [
        f["label"] for t in data["achievements"] for p in t.get("points", []) if isinstance(p, dict)
        for f in p.get("figures", [])]
    for label in ("森林火灾", "安全生产事故", "群体性事件", "较大及以上安全生产事故", "刑事案件", "越级访", "重大群体性事件"):
        assert label in labels, (label, labels)
