"""Figures attached to a point (``{text: …, figures: [ … ]}``): valid, checked, written in its sentence."""
from __future__ import annotations

from pathlib import Path

from conftest import MINIMAL_SHEET, write_sheet

POINTED = """\
report:
  org: 测试县卫生健康局
  year: 2024
  date: "2025-01-06"
achievements:
  - title: 公共卫生服务能力进一步提升
    approach: 以基层为重点
    points:
      - 建成紧密型县域医共体
      - text: 做实家庭医生签约服务
        figures:
          - { label: 签约服务重点人群, value: 4200, unit: 人, previous: 3900 }
      - 推进“优质服务基层行”活动
    figures:
      - { label: 财政投入, value: 1200, unit: 万元, previous: 1000 }
"""


def _render_txt(run, sheet: Path, tmp_path: Path) -> str:
    out = tmp_path / "d.txt"
    result = run("render", sheet, "-o", out, "--format", "txt")
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_a_point_with_figures_is_valid_and_old_string_points_still_are(run, tmp_path: Path) -> None:
    assert run("validate", write_sheet(tmp_path, POINTED, "new.yaml")).exit_code == 0
    assert run("validate", write_sheet(tmp_path, MINIMAL_SHEET, "old.yaml")).exit_code == 0


def test_the_figure_sits_in_the_sentence_of_its_point(run, tmp_path: Path) -> None:
    text = _render_txt(run, write_sheet(tmp_path, POINTED), tmp_path)
    para = next(line for line in text.splitlines() if "一是" in line)
    assert "二是做实家庭医生签约服务，签约服务重点人群4200人，" in para
    # the point's figure comes before the third point; the theme's own figure after all points
    assert para.index("4200人") < para.index("三是") < para.index("财政投入")


def test_a_point_mapping_without_text_is_an_error_at_its_line(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, POINTED.replace("      - text: 做实家庭医生签约服务\n", "      - txt: 做实家庭医生签约服务\n"))
    result = run("validate", sheet)
    assert result.exit_code == 1
    assert f"{sheet}:10:9:" in result.output
    assert "txt" in result.output


def test_figures_in_points_get_the_same_checks(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, POINTED.replace("value: 4200", "value: .inf"))
    result = run("validate", sheet)
    assert result.exit_code == 1
    assert f"{sheet}:12:" in result.output and "无穷大" in result.output


def test_a_point_repeated_as_a_mapping_is_a_duplicate(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, POINTED.replace("推进“优质服务基层行”活动", "做实家庭医生签约服务。"))
    result = run("validate", sheet)
    assert "与第 10 行的内容重复" in result.output
