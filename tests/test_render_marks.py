"""Hidden marks: private-use characters (造字) reach the draft; noncharacters are refused at their line."""
from __future__ import annotations

import docx

from conftest import MINIMAL_SHEET, write_sheet


def test_private_use_character_survives_render_to_docx_and_text(run, tmp_path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET.replace("org: 测试县卫生健康局", 'org: "张\\ue000某市卫生健康局"'))
    result = run("render", sheet, "-o", tmp_path / "d.docx")
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(tmp_path / "d.docx")).paragraphs]
    assert any("张\ue000某市卫生健康局" in t for t in texts)
    assert run("render", sheet, "-o", tmp_path / "d.txt").exit_code == 0
    assert "张\ue000某市卫生健康局" in (tmp_path / "d.txt").read_text(encoding="utf-8")


def test_noncharacter_in_a_value_is_refused_at_its_place(run, tmp_path) -> None:
    body = MINIMAL_SHEET.replace("points: [建成紧密型县域医共体]", 'points: ["建成\\ufdd5紧密型县域医共体"]')
    sheet = write_sheet(tmp_path, body)
    line = body.splitlines().index('    points: ["建成\\ufdd5紧密型县域医共体"]') + 1
    result = run("validate", sheet)
    assert result.exit_code == 1
    assert f"{sheet}:{line}:14: achievements[0].points[0]（要点）: 这里有一个 Unicode 非字符（U+FDD5）" in result.output
    rendered = run("render", sheet, "-o", tmp_path / "d.docx")
    assert rendered.exit_code == 1
    assert "U+FDD5" in rendered.stderr and not (tmp_path / "d.docx").exists()
