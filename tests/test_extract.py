"""`drafter extract` and `new --from REPORT`: samples rendered and read back, the seeds, own fixtures."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml

from drafter.harvest.grammar import same_quantity
from drafter.wizard.rollover import seed_from

from conftest import ROOT, SAMPLES

SEEDS = sorted((ROOT / "seeds").iterdir())
FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def _figures(sheet: Dict[str, Any]) -> List[Dict[str, Any]]:
    out = []
    for key in ("achievements", "highlights"):
        for theme in sheet.get(key) or []:
            for point in theme.get("points") or []:
                if isinstance(point, dict):
                    out.extend(point.get("figures") or [])
            out.extend(theme.get("figures") or [])
    return out


def _same(a: Dict[str, Any], b: Dict[str, Any], key: str = "value") -> bool:
    if a.get(key) is None or b.get(key) is None:
        return False
    return same_quantity(Decimal(str(a[key])), a.get("unit") or "", Decimal(str(b[key])), b.get("unit") or "")


def _label_ok(a: str, b: str) -> bool:
    return a in b or b in a


def _extract(run, report: Path, out: Path) -> Dict[str, Any]:
    result = run("extract", report, "-o", out)
    assert result.exit_code == 0, result.output
    validated = run("validate", out)
    assert validated.exit_code == 0, validated.output
    return yaml.safe_load(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["docx", "txt", "md"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_a_rendered_sample_reads_back_its_figures_and_texts(run, tmp_path: Path, sample: Path, fmt: str) -> None:
    draft = tmp_path / f"draft.{fmt}"
    assert run("render", sample, "-o", draft).exit_code == 0
    got = _extract(run, draft, tmp_path / "back.yaml")
    want = yaml.safe_load(sample.read_text(encoding="utf-8"))
    found = _figures(got)
    expected = _figures(want)
    same_value = [f for f in expected if any(_same(f, g) and _label_ok(f["label"], g["label"]) for g in found)]
    assert len(same_value) >= 0.95 * len(expected), [f for f in expected if f not in same_value]
    with_previous = [f for f in expected if f.get("previous") is not None]
    same_previous = [f for f in with_previous
                     if any(_same(f, g) and _same(f, g, "previous") and _label_ok(f["label"], g["label"]) for g in found)]
    assert len(same_previous) >= 0.9 * len(with_previous)
    assert got["report"]["org"] == want["report"]["org"] and got["report"]["year"] == want["report"]["year"]
    assert got["report"]["period"] == want["report"]["period"]
    for key in ("leadership", "guidance"):
        assert got["report"][key] == want["report"][key]
    titles = [t["title"] for t in got["achievements"] + got.get("highlights", [])]
    for theme in want["achievements"] + want.get("highlights", []):
        assert theme["title"] in titles
    assert [p["title"] for p in got["problems"]] == [p["title"] for p in want["problems"]]
    assert [p["detail"].rstrip("。") for p in got["problems"]] == [p["detail"].rstrip("。") for p in want["problems"]]
    assert [i["title"] for i in got["plans"]["items"]] == [i["title"] for i in want["plans"]["items"]]
    # a short honours list is woven into the opening's results sentence, so it reads back as results
    results, wanted = got["overview"]["results"], want["overview"]["results"]
    honours = [str(p).rstrip("。") for o in want.get("others") or [] if "荣誉" in o["title"] for p in o["points"]]
    assert results[:len(wanted)] == wanted and all(r in honours for r in results[len(wanted):])


# (org, year) as each seed states them; 003 names no organisation, so it is inferred and said so.
SEED_FACTS = {"000": ("教育体育局", 2024), "001": ("市教育局", 2023), "002": ("教育文体局", 2020),
              "003": ("县教育局", 2020), "004": ("市县教育局", 2011)}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_each_seed_gives_a_valid_sheet_naming_its_org_and_year(run, tmp_path: Path, seed: Path) -> None:
    out = tmp_path / "seed.yaml"
    sheet = _extract(run, seed, out)
    org, year = SEED_FACTS[seed.name[:3]]
    assert (sheet["report"]["org"], sheet["report"]["year"]) == (org, year)
    assert "validate" not in run("validate", out).output  # no error lines at all
    text = out.read_text(encoding="utf-8")
    assert f"# 来自 {seed.name} 第 " in text


def test_a_hand_written_report_gives_exact_previous_values_and_no_guesses(run, tmp_path: Path) -> None:
    sheet = _extract(run, FIXTURES / "county-health-2023.txt", tmp_path / "out.yaml")
    report = sheet["report"]
    assert (report["org"], report["year"], report["leadership"], report["date"], report["signature"]) == \
        ("丰源县卫生健康局", 2023, "县委、县政府", "2024-1-12", "丰源县卫生健康局")
    figures = {f["label"]: f for f in _figures(sheet)}
    assert figures["引进医学专业人才"] == {"label": "引进医学专业人才", "value": 35, "unit": "人", "previous": 28}
    assert figures["乡镇卫生院门诊量"]["previous"] is None  # 同比增长25% alone: no rounded guess
    assert figures["家庭医生签约服务人数达"]["previous"] == 4.1  # 4.6万人 − 5000人, exactly
    assert figures["适龄儿童免疫规划疫苗接种率"]["previous"] == 98.5  # 保持98.5%
    assert sheet["achievements"][0]["approach"] == "以医共体建设为抓手"
    assert sheet["problems"][0] == {"title": "人才短缺", "detail": "乡镇卫生院全科医生不足，部分岗位长期空缺"}
    text = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert "guidance: null" in text and "报告开头没有“以…为指导”" in text
    assert "上年数值：报告只给出增长率，无法准确推算" in text


def test_a_markdown_half_year_report(run, tmp_path: Path) -> None:
    sheet = _extract(run, FIXTURES / "town-2024-h1.md", tmp_path / "out.yaml")
    assert sheet["report"]["period"] == "first-half" and sheet["report"]["org"] == "青石镇"
    figures = {f["label"]: f for f in _figures(sheet)}
    assert figures["完成固定资产投资"]["previous"] == 2.1  # 2.4亿元 − 3000万元
    assert (figures["新引进企业"]["value"], figures["新引进企业"]["previous"]) == (12, 8)  # 由8个增至12个
    assert figures["城乡居民医保参保率"]["previous"] == 98.6  # 提高0.6个百分点
    text = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert 'date: "2024-06-30"' in text and "报告中没有成文日期" in text


def test_extract_never_overwrites_without_force_nor_the_report(run, tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text((FIXTURES / "county-health-2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "o.yaml"
    out.write_text("old", encoding="utf-8")
    refused = run("extract", report, "-o", out)
    assert refused.exit_code == 1 and "已存在" in refused.stderr and out.read_text(encoding="utf-8") == "old"
    assert run("extract", report, "-o", out, "--force").exit_code == 0
    same = run("extract", report, "-o", report, "--force")
    assert same.exit_code == 1 and "报告本身" in same.stderr
    assert report.read_text(encoding="utf-8").startswith("丰源县")


def test_an_unreadable_report_is_a_chinese_error(run, tmp_path: Path) -> None:
    result = run("extract", tmp_path / "没有.docx")
    assert result.exit_code == 1 and "找不到文件" in result.stderr


def test_new_from_a_report_rolls_over_like_a_sheet(tmp_path: Path) -> None:
    seed = seed_from(FIXTURES / "county-health-2023.txt")
    assert seed.defaults["report.year"] == 2024 and seed.defaults["report.org"] == "丰源县卫生健康局"
    previous = {f["label"]: f["previous"] for f in seed.figures}
    assert previous["引进医学专业人才"] == 35
    assert [c["title"] for c in seed.candidates] == ["深化医共体改革", "加强人才队伍建设"]
    assert [p["title"] for p in seed.problems] == ["人才短缺", "设备老化"]


REPORT_FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures" / "reports").iterdir()
                         if p.suffix in (".txt", ".md", ".docx"))


@pytest.mark.parametrize("report", REPORT_FIXTURES, ids=lambda p: p.stem)
def test_every_analyze_fixture_gives_a_sheet_whose_only_errors_are_facts_left_to_fill(run, tmp_path: Path,
                                                                                        report: Path) -> None:
    out = tmp_path / "out.yaml"
    result = run("extract", report, "-o", out)
    assert result.exit_code == 0, result.output + result.stderr
    validated = run("validate", out, "--format", "json")
    import json

    errors = [p for f in json.loads(validated.output)["files"] for p in f["problems"] if p["severity"] == "error"]
    assert all(p["field"] in ("report.org", "report.year", "report.date") for p in errors), errors
    for problem in errors:  # each one was said on the console, and is a null with a note in the file
        assert problem["field"] in result.output
