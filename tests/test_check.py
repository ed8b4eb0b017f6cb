"""`drafter check`: a draft edited with python-docx against the sheet it was rendered from."""
from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from conftest import EDU_SAMPLE, SAMPLES


def _edit(path: Path, old: str, new: str) -> int:
    """Replace text inside one run (as Word keeps a typed change); returns the paragraph number."""
    document = docx.Document(str(path))
    for number, paragraph in enumerate(document.paragraphs, 1):
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new, 1)
                document.save(str(path))
                return number
        if old in paragraph.text:  # across runs: retype the paragraph as one run
            text = paragraph.text.replace(old, new, 1)
            for run in paragraph.runs[1:]:
                run.text = ""
            paragraph.runs[0].text = text
            document.save(str(path))
            return number
    raise AssertionError(f"{old} not in the draft")


@pytest.fixture
def draft(run, tmp_path: Path) -> Path:
    out = tmp_path / "初稿.docx"
    assert run("render", EDU_SAMPLE, "-o", out).exit_code == 0
    return out


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_an_untouched_draft_agrees(run, tmp_path: Path, sample: Path) -> None:
    out = tmp_path / "d.docx"
    assert run("render", sample, "-o", out).exit_code == 0
    result = run("check", out, sample)
    assert result.exit_code == 0, result.output
    assert "一致" in result.output


def test_a_changed_figure_names_both_numbers(run, draft: Path) -> None:
    number = _edit(draft, "引进各类教育人才由上年的28人增至35人", "引进各类教育人才由上年的28人增至36人")
    result = run("check", draft, EDU_SAMPLE)
    assert result.exit_code == 1
    assert f"第 {number} 段：引进各类教育人才由上年的28人增至36人，事实表为35人（achievements[2].points[0].figures[0]，第 " \
        in result.output


def test_a_changed_comparison_is_recomputed_from_the_sheet(run, draft: Path) -> None:
    _edit(draft, "增加440个", "增加450个")
    result = run("check", draft, EDU_SAMPLE)
    assert result.exit_code == 1 and "按事实表应为增加440个" in result.output
    _edit(draft, "增加450个", "增加440个")
    _edit(draft, "增长15.7%", "增长16.7%")
    result = run("check", draft, EDU_SAMPLE)
    assert result.exit_code == 1 and "中“增长16.7%”，按事实表应为增长15.7%" in result.output
    _edit(draft, "增长16.7%", "增长15.7%")
    _edit(draft, "提高0.4个百分点", "提高0.5个百分点")
    result = run("check", draft, EDU_SAMPLE)
    assert result.exit_code == 1 and "按事实表应为提高0.4个百分点" in result.output


def test_a_deleted_sentence_is_missing(run, draft: Path) -> None:
    _edit(draft, "；义务教育巩固率99.6%，比上年提高0.4个百分点", "")
    result = run("check", draft, EDU_SAMPLE)
    assert result.exit_code == 1
    assert "文档中不再写出的事实表数据（1 处）" in result.output and "义务教育巩固率99.6%" in result.output


def test_a_new_number_is_not_in_the_sheet(run, draft: Path) -> None:
    number = _edit(draft, "严格执行标准化学校班额", "严格执行标准化学校班额，新增校车15辆")
    result = run("check", draft, EDU_SAMPLE, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False and data["counts"]["not_in_sheet"] == 1
    problem = data["problems"][0]
    assert (problem["kind"], problem["paragraph"], problem["sentence"]) == ("not_in_sheet", number, "新增校车15辆")


def test_a_changed_number_in_a_point_text(run, draft: Path) -> None:
    _edit(draft, "覆盖学校28所", "覆盖学校29所")
    result = run("check", draft, EDU_SAMPLE)
    assert result.exit_code == 1
    assert "覆盖学校29所" in result.output and "事实表中的“覆盖学校28所”在文档中找不到" in result.output


def test_placeholders_left_are_listed(run, tmp_path: Path) -> None:
    sheet = tmp_path / "s.yaml"
    sheet.write_text(EDU_SAMPLE.read_text(encoding="utf-8").replace("  leadership: 区委、区政府和市教育局", "  leadership: null"),
                     encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", sheet, "-o", out).exit_code == 0
    result = run("check", out, sheet)
    assert result.exit_code == 1 and "还没有补充的【待补充】（1 处）" in result.output and "【待补充：领导机关" in result.output


# -- years and the 成文日期 ------------------------------------------------------------------
# The renderer writes the report's year and the next one, and the sheet's date in the 落款; a
# year retyped in the title or a date changed in Word is as wrong as a changed figure.

def test_a_changed_year_in_the_title_is_found(run, draft: Path) -> None:
    number = _edit(draft, "2024年", "2023年")  # the title's, its first paragraph
    assert number == 1
    result = run("check", draft, EDU_SAMPLE)
    assert result.exit_code == 1
    assert f"第 {number} 段：“2023年”，事实表的年度为2024年（report.year，第 7 行）" in result.output


def test_the_title_must_name_the_report_year_first(run, draft: Path) -> None:
    # 2025 is a year the draft may state (the plan's), but not as the year summed up.
    number = _edit(draft, "2024年", "2025年")
    assert number == 1
    result = run("check", draft, EDU_SAMPLE)
    assert result.exit_code == 1
    assert f"第 {number} 段：标题中的年份为2025年、2025年，按事实表应为2024年（report.year，第 7 行）" in result.output


def test_a_changed_date_of_writing_is_found(run, draft: Path) -> None:
    number = _edit(draft, "2025年1月10日", "2025年1月20日")
    result = run("check", draft, EDU_SAMPLE, "--format", "json")
    assert result.exit_code == 1
    problem = json.loads(result.output)["problems"][0]
    assert problem["kind"] == "changed" and problem["field"] == "report.date" and problem["paragraph"] == number
    assert problem["message"] == f"第 {number} 段：成文日期2025年1月20日，事实表为2025年1月10日（report.date，第 12 行）"


def test_years_the_sheet_itself_states_are_fine(run, tmp_path: Path) -> None:
    sheet = tmp_path / "s.yaml"
    text = EDU_SAMPLE.read_text(encoding="utf-8").replace("  title: null ", "  title: 青山区教育体育局2024年度工作总结 ", 1)
    text = text.replace("      - 完成12所学校", "      - 完成2019年以来规划的12所学校", 1)
    assert "2019年以来" in text and "2024年度工作总结" in text
    sheet.write_text(text, encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", sheet, "-o", out).exit_code == 0
    result = run("check", out, sheet)
    assert result.exit_code == 0, result.output
    _edit(out, "2019年以来", "2018年以来")
    result = run("check", out, sheet)
    assert result.exit_code == 1 and "“2018年”，事实表的年度为2024年" in result.output


FIXTURE_SHEETS = sorted((Path(__file__).parent / "fixtures" / "sheets").glob("*.yaml"))


@pytest.mark.parametrize("sheet", FIXTURE_SHEETS, ids=lambda p: p.stem)
def test_an_untouched_draft_of_any_office_agrees(run, tmp_path: Path, sheet: Path) -> None:
    # Before, messy typing (1. typed, "…", 岗位（个）) and a point naming its label in its own words
    # (发布各类预警信号 for 发布预警信号) made check report figures missing from a draft it had not seen edited.
    out = tmp_path / "d.docx"
    assert run("render", sheet, "-o", out).exit_code == 0
    result = run("check", out, sheet, "--format", "json")
    problems = [p for p in json.loads(result.output)["problems"] if p["kind"] != "placeholder"]
    assert problems == []


def test_a_changed_date_is_found_whatever_form_the_sheet_writes_it_in(run, tmp_path: Path) -> None:
    sheet = tmp_path / "s.yaml"
    sheet.write_text(EDU_SAMPLE.read_text(encoding="utf-8").replace('date: "2025-01-10"', "date: 2025年1月10日", 1),
                     encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", sheet, "-o", out).exit_code == 0
    assert run("check", out, sheet).exit_code == 0
    number = _edit(out, "2025年1月10日", "2025年1月20日")
    result = run("check", out, sheet)
    assert result.exit_code == 1
    assert f"第 {number} 段：成文日期2025年1月20日，事实表为2025年1月10日（report.date，第 12 行）" in result.output
