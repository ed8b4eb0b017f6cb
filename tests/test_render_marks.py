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


def test_xml_illegal_characters_written_as_escapes_are_refused_with_what_to_do(run, tmp_path) -> None:
    body = MINIMAL_SHEET.replace("points: [建成紧密型县域医共体]", 'points: ["\\uffff", "\\ud83d\\ude00", "\\a"]')
    sheet = write_sheet(tmp_path, body)
    result = run("validate", sheet)
    assert result.exit_code == 1
    assert "achievements[0].points[0]（要点）: 这里有一个 Unicode 非字符（U+FFFF），它不表示任何文字，无法写进 Word 文档" in result.output
    assert ("achievements[0].points[1]（要点）: 这里把一个字符写成了两个代理转义（U+D83D U+DE00），YAML 不会把它们合成一个字符；"
            "请直接写出这个字符“😀”，或写成 \\U0001F600") in result.output
    assert "achievements[0].points[2]（要点）: 这里有一个不可见的控制字符（U+0007），无法写进 Word 文档" in result.output
