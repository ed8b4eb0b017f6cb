"""`new --from` keeps how the unit names itself and its 落款 layout: nothing in the questionnaire
asks for `report.self_reference` or `report.seal`, so without carrying them a rolled-over sheet
would silently lose them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import drafter.wizard as wizard
from conftest import ROOT
from drafter.cli import cli
from drafter.facts.yamlload import load_yaml_file
from drafter.wizard.rollover import Seed, carry_silent, seed_from_data

SAMPLE = ROOT / "samples" / "edu-bureau-2024.yaml"
# the answers of test_wizard's roll-over: defaults, a new date, plan items taken or not, figures skipped
ANSWERS = [
    "", "", "", "", "", "", "2026-01-08", "",
    "", "",
    "y", "党建引领作用持续增强", "", "深化校长负责制", "", "n",
    "n", "y", "学位供给能力进一步提升", "", "新建学校2所", "", "n", "n",
    "y", "教师队伍建设取得新进展", "", "实施名师工程", "", "n",
    "n",
    "15", "1", "", "3300", "2", "99.8", "2", "", "", "", "", "",
    "n",
    "y", "", "城区学位需求仍在增长。", "", "",
    "n", "", "继续扩充学位", "新建学校", "", "n", "n",
]


def test_new_from_last_year_keeps_self_reference_and_seal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["report"].update(self_reference="本局", seal=False)
    (tmp_path / "2024.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(wizard, "_today", lambda: date(2025, 1, 15))
    result = CliRunner().invoke(cli, ["new", "2025.yaml", "--from", "2024.yaml"], input="".join(a + "\n" for a in ANSWERS),
                                env={"DRAFTER_INTERACTIVE": "1"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = load_yaml_file(tmp_path / "2025.yaml").data["report"]
    assert report["self_reference"] == "本局" and report["seal"] is False
    assert report["year"] == 2025


def test_the_carried_fields_survive_the_progress_file_and_never_overwrite() -> None:
    seed = seed_from_data(Path("2024.yaml"), {"report": {"org": "某局", "self_reference": "本局", "seal": False}})
    again = Seed.from_json(seed.to_json())
    assert again.defaults["report.seal"] is False and again.defaults["report.self_reference"] == "本局"
    assert carry_silent(again, {"report": {"org": "某局", "seal": True}})["report"] == {
        "org": "某局", "seal": True, "self_reference": "本局"}
    assert "report.seal" not in seed_from_data(Path("x.yaml"), {"report": {"seal": "否"}}).defaults
