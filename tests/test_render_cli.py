"""`drafter render` end to end through the real CLI: files, messages, exit codes."""
from __future__ import annotations

import re
from pathlib import Path

import docx

from conftest import EDU_SAMPLE, MINIMAL_SHEET, paragraphs, write_sheet

CANONICAL_HEADINGS = ["一、全年主要工作", "二、特色亮点工作", "三、存在问题和困难", "四、2025年工作打算"]


def test_sample_renders_every_canonical_part_in_order(run, tmp_path: Path) -> None:
    out = tmp_path / "draft.docx"
    result = run("render", EDU_SAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"已生成：{out}\n")
    assert "没有【待补充】的内容。" in result.stdout
    texts = paragraphs(out)
    assert texts[0] == "青山区教育体育局2024年\n工作总结及2025年工作打算"  # broken by meaning, 梯形
    assert re.match(r"(?:一年来|过去一年|2024年)，在区委、区政府和市教育局的坚强领导下，青山区教育体育局坚持以习近平", texts[2])
    positions = [texts.index(h) for h in CANONICAL_HEADINGS]
    assert positions == sorted(positions)
    assert texts[-2:] == ["青山区教育体育局", "2025年1月10日"]


def test_values_are_data_not_template_code(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET.replace("建成紧密型县域医共体", '"计算{{ 7*7 }}与{% if 1 %}X{% endif %}&<b>标签</b>"'))
    out = tmp_path / "d.docx"
    assert run("render", sheet, "-o", out).exit_code == 0
    body = "\n".join(paragraphs(out))
    assert "计算{{ 7*7 }}与{% if 1 %}X{% endif %}&<b>标签</b>" in body
    assert "49" not in body
    md = tmp_path / "d.md"
    assert run("render", sheet, "-o", md).exit_code == 0
    assert "计算{{ 7\\*7 }}" in md.read_text(encoding="utf-8")


def test_a_newline_in_a_value_starts_a_new_paragraph(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET + "problems:\n  - title: 经费不足\n    detail: |-\n      第一段说明。\n      第二段说明。\n")
    out = tmp_path / "d.docx"
    assert run("render", sheet, "-o", out).exit_code == 0
    texts = paragraphs(out)
    assert "（一）经费不足。第一段说明。" in texts
    assert texts[texts.index("（一）经费不足。第一段说明。") + 1] == "第二段说明。"


def test_missing_facts_become_highlighted_placeholders_and_are_counted(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET)
    out = tmp_path / "d.docx"
    result = run("render", sheet, "-o", out)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "还有 4 处【待补充】，请在事实表中补齐后重新生成，或在初稿中直接填写："
    assert lines[2:] == [
        "  开头：【待补充：领导机关，如：区委、区政府】",
        "  开头：【待补充：主要成效和荣誉】",  # no results given: no claim of 新成效 either
        "  二、存在问题和困难：【待补充：存在的问题和不足】",
        "  三、2025年工作打算：【待补充：下一步工作打算】",
    ]
    assert result.stderr == f"事实表有 4 个警告，运行 drafter validate {sheet} 查看。\n"
    document = docx.Document(str(out))
    holes = [r for p in document.paragraphs for r in p.runs if r.text.startswith("【待补充")]
    assert len(holes) == 4
    assert all(r._r.rPr.highlight_val is not None for r in holes)


def test_optional_parts_are_left_out_and_the_rest_renumbered(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET)
    out = tmp_path / "d.docx"
    run("render", sheet, "-o", out)
    headings = [t for t in paragraphs(out) if re.match(r"^[一二三四五六]、", t)]
    # no highlights in the sheet, and the learned outline has them in under half the reports
    assert headings == ["一、全年主要工作", "二、存在问题和困难", "三、2025年工作打算"]


def test_strict_fails_while_placeholders_remain_and_writes_nothing(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET)
    out = tmp_path / "d.docx"
    result = run("render", sheet, "-o", out, "--strict")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"错误：{sheet}: 草稿中还有 4 处【待补充】，--strict 模式下不写出文件："
    listed = [line for line in lines[1:] if line.startswith("  ")]
    assert len(listed) == 4 and all("【待补充：" in line for line in listed)
    assert "  开头：【待补充：领导机关，如：区委、区政府】" in listed
    assert lines[-1] == "提示：在事实表中补齐这些内容，或去掉 --strict 先生成草稿"
    assert not out.exists()
    assert run("render", EDU_SAMPLE, "-o", out, "--strict").exit_code == 0


def test_an_existing_output_is_not_overwritten_without_force(run, tmp_path: Path) -> None:
    out = tmp_path / "d.docx"
    out.write_bytes(b"keep me")
    result = run("render", EDU_SAMPLE, "-o", out)
    assert result.exit_code == 1
    assert result.stderr == f"错误：{out}: 输出文件已存在，为免覆盖未写入\n提示：换一个文件名，或加 --force 覆盖原文件\n"
    assert out.read_bytes() == b"keep me"
    assert run("render", EDU_SAMPLE, "-o", out, "--force").exit_code == 0
    assert out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["d.docx"]  # no temporary file left behind


def test_a_failed_write_leaves_no_partial_file(run, tmp_path: Path, monkeypatch) -> None:
    import drafter.writers.docx_writer as writer

    def explode(self, draft, stream):
        stream.write(b"half a document")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.DocxWriter, "write", explode)
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx")
    assert result.exit_code == 1
    assert result.stderr == (f"错误：{tmp_path / 'd.docx'}: 磁盘空间不足，初稿未写入（没有留下不完整的文件）\n"
                             "提示：清理磁盘空间，或用 -o 写到另一个磁盘\n")
    assert list(tmp_path.iterdir()) == []


def test_missing_sheet_and_broken_yaml_name_the_file_and_place(run, tmp_path: Path) -> None:
    result = run("render", tmp_path / "nope.yaml", "-o", tmp_path / "d.docx")
    assert result.exit_code == 1
    assert result.stderr == f"错误：{tmp_path / 'nope.yaml'}: 找不到文件\n"
    broken = write_sheet(tmp_path, "report:\n  org: [未闭合\n  year: 2024\n")
    result = run("render", broken, "-o", tmp_path / "d.docx")
    assert result.exit_code == 1
    assert re.match(rf"错误：{re.escape(str(broken))}:\d+:\d+: ", result.stderr)
    assert "Traceback" not in result.output


def test_output_format_follows_the_suffix_or_the_option(run, tmp_path: Path) -> None:
    assert run("render", EDU_SAMPLE, "-o", tmp_path / "d.md").exit_code == 0
    md = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert md.startswith("# 青山区教育体育局2024年工作总结及2025年工作打算\n")
    assert "\n## 一、全年主要工作\n" in md
    assert run("render", EDU_SAMPLE, "-o", tmp_path / "d.out", "--format", "txt").exit_code == 0
    txt = (tmp_path / "d.out").read_text(encoding="utf-8")
    assert "\n\u3000\u3000一、全年主要工作\n" in txt


def test_default_output_name_is_the_sheet_name(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, EDU_SAMPLE.read_text(encoding="utf-8"), "年度.yaml")
    assert run("render", sheet).exit_code == 0
    assert (tmp_path / "年度.docx").exists()


def test_annotate_ties_figures_to_their_sheet_line(run, tmp_path: Path) -> None:
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--annotate").exit_code == 0
    lines = EDU_SAMPLE.read_text(encoding="utf-8").splitlines()
    line_no = next(i for i, l in enumerate(lines, 1) if "引进各类教育人才" in l)
    comments = [c.text for c in docx.Document(str(out)).comments]
    assert f"来源：edu-bureau-2024.yaml 第 {line_no} 行 achievements[2].points[0].figures[0]" in comments
    md = tmp_path / "d.md"
    assert run("render", EDU_SAMPLE, "-o", md, "--annotate").exit_code == 0
    assert f"来源 edu-bureau-2024.yaml:{line_no} achievements[2].points[0].figures[0]" in md.read_text(encoding="utf-8")


def test_markdown_run_in_heading_followed_by_a_placeholder_keeps_both_bold(run, tmp_path: Path) -> None:
    sheet = tmp_path / "sparse.yaml"
    sheet.write_text(
        "report:\n  org: 柳林镇中心小学\n  year: 2024\n  date: '2025-01-06'\n"
        "overview:\n  results: [学校获评“县级文明校园”]\n"
        "achievements:\n  - title: 教学质量稳中有升\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft.md"
    result = run("render", str(sheet), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "****" not in text
    assert "**（一）教学质量稳中有升。** **【待补充" in text
