"""Customising without Python: the template search path, template errors, the learned outline."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import EDU_SAMPLE, MINIMAL_SHEET, ROOT, paragraphs, write_sheet

SHIPPED = sorted(p.name for p in (ROOT / "templates").glob("*.j2"))


def test_list_shows_every_shipped_template_with_its_purpose(run) -> None:
    result = run("templates", "list")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == SHIPPED
    assert "achievements.j2   主要工作" in result.stdout


def test_show_prints_the_template_and_rejects_unknown_names(run) -> None:
    result = run("templates", "show", "plan")
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "templates" / "plan.j2").read_text(encoding="utf-8")
    result = run("templates", "show", "nope.j2")
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：没有名为“nope.j2”的模板\n提示：可用的模板：achievements.j2、")


def test_eject_copies_templates_and_refuses_to_overwrite(run, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    result = run("templates", "eject", target)
    assert result.exit_code == 0
    assert sorted(p.name for p in target.glob("*.j2")) == SHIPPED
    assert (target / "outline.yaml").exists()
    (target / "plan.j2").write_text("改过的", encoding="utf-8")
    result = run("templates", "eject", target)
    assert result.exit_code == 1
    assert "文件夹中已有同名模板，为免覆盖未复制" in result.stderr
    assert (target / "plan.j2").read_text(encoding="utf-8") == "改过的"


def test_user_templates_override_file_by_file(run, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "problems.j2").write_text(
        "对照先进地区，我们还存在以下差距：\n\n{% for p in problems %}{{ heading(1, p.title) }}{% endfor %}\n",
        encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--templates", mine).exit_code == 0
    texts = paragraphs(out)
    assert "对照先进地区，我们还存在以下差距：" in texts
    assert "（一）城区学位供给仍然紧张" in texts  # not run-in: a heading of its own
    assert "的坚强领导下" in texts[2]  # the other parts still come from the defaults
    listing = run("templates", "list", "--templates", mine).stdout
    assert f"problems.j2       存在的问题和不足（自定义：{mine / 'problems.j2'}）" in listing


def _render_with(run, tmp_path: Path, name: str, body: str):
    mine = tmp_path / "mine"
    mine.mkdir(exist_ok=True)
    (mine / name).write_text(body, encoding="utf-8")
    return run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--templates", mine), mine / name


def test_a_syntax_error_names_the_template_file_and_line(run, tmp_path: Path) -> None:
    result, path = _render_with(run, tmp_path, "plan.j2", "第一行\n{% for x in plans.items %}\n没有结束\n")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}:3: 模板语法错误：")
    assert not (tmp_path / "d.docx").exists()


def test_a_misspelled_name_names_the_template_file_and_line(run, tmp_path: Path) -> None:
    result, path = _render_with(run, tmp_path, "plan.j2", "第一行\n\n{{ plans.itmes }}\n")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}:3: 模板引用了不存在的名称：")
    assert "itmes" in result.stderr


def test_templates_are_sandboxed(run, tmp_path: Path) -> None:
    result, path = _render_with(run, tmp_path, "plan.j2", "{{ report.__class__.__mro__ }}\n")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}:1: ")
    assert "Traceback" not in result.output


def test_printing_a_missing_optional_value_is_an_error_not_the_word_none(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "overview.j2").write_text("开头\n坚持以{{ report.guidance }}为指导\n", encoding="utf-8")
    result = run("render", sheet, "-o", tmp_path / "d.docx", "--templates", mine)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{mine / 'overview.j2'}:2: 模板输出了一个空值（None）")


def test_a_different_outline_changes_headings_and_order(run, tmp_path: Path) -> None:
    outline = yaml.safe_load((ROOT / "templates" / "outline.yaml").read_text(encoding="utf-8"))
    parts = {p["key"]: p for p in outline["parts"]}
    parts["plan"]["headings"] = [{"text": "{next_year}年工作思路", "count": 9}]
    parts["problems"]["headings"] = [{"text": "存在的困难和短板", "count": 9}]
    order = ["overview", "achievements", "plan", "problems", "highlights", "other"]
    outline["parts"] = [parts[k] for k in order]
    outline["numbering"] = {1: "第{cn}部分 ", 2: "{n}、"}
    path = tmp_path / "outline.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--outline", path).exit_code == 0
    headings = [t for t in paragraphs(out) if re.match(r"^第.部分", t)]
    assert headings == ["第一部分 全年主要工作", "第二部分 2025年工作思路", "第三部分 存在的困难和短板",
                        "第四部分 特色亮点工作"]
    assert any(t.startswith("1、以政治建设为统领") for t in paragraphs(out))


def test_an_outline_in_the_template_folder_is_used(run, tmp_path: Path) -> None:
    result = run("templates", "eject", tmp_path / "mine")
    assert result.exit_code == 0
    outline_path = tmp_path / "mine" / "outline.yaml"
    outline = yaml.safe_load(outline_path.read_text(encoding="utf-8"))
    for part in outline["parts"]:
        if part["key"] == "achievements":
            part["headings"] = [{"text": "{year}年工作回顾", "count": 9}]
    outline_path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--templates", tmp_path / "mine").exit_code == 0
    assert "一、2024年工作回顾" in paragraphs(out)


def test_a_broken_outline_file_is_a_clear_error(run, tmp_path: Path) -> None:
    bad = tmp_path / "outline.yaml"
    bad.write_text("parts: [\n", encoding="utf-8")
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.docx", "--outline", bad)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{bad}:")
    assert "提纲文件不是合法的 YAML" in result.stderr


def test_highlights_nest_inside_achievements_when_the_outline_says_so(run, tmp_path: Path) -> None:
    outline = yaml.safe_load((ROOT / "templates" / "outline.yaml").read_text(encoding="utf-8"))
    for part in outline["parts"]:
        if part["key"] == "highlights":
            part["levels"] = {1: 1, 2: 3}  # most reports put 特色亮点 inside 主要工作
    path = tmp_path / "outline.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", EDU_SAMPLE, "-o", out, "--outline", path).exit_code == 0
    texts = paragraphs(out)
    top = [t for t in texts if re.match(r"^[一二三四五]、", t)]
    assert top == ["一、全年主要工作", "二、存在问题和困难", "三、2025年工作打算"]
    nested = texts.index("（六）特色亮点工作")
    assert texts[nested + 1].startswith("1.")
    assert "智慧教育示范区建设成效明显。" in texts[nested + 1] and "以数字化转型为引领" in texts[nested + 1]
    assert texts[nested + 2].startswith("2.") and "以课程建设为载体" in texts[nested + 2]


def test_facts_for_a_part_the_outline_lacks_are_not_dropped(run, tmp_path: Path) -> None:
    outline = yaml.safe_load((ROOT / "templates" / "outline.yaml").read_text(encoding="utf-8"))
    outline["parts"] = [p for p in outline["parts"] if p["key"] not in ("highlights", "other")]
    path = tmp_path / "outline.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    sheet = yaml.safe_load((ROOT / "samples" / "health-commission-2024.yaml").read_text(encoding="utf-8"))
    sheet["others"][0]["points"] += [f"第{n}卫生院获评“群众满意的乡镇卫生院”。" for n in range(1, 3)]  # too long to weave in
    (tmp_path / "health.yaml").write_text(yaml.safe_dump(sheet, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "d.docx"
    assert run("render", tmp_path / "health.yaml", "-o", out, "--outline", path).exit_code == 0
    top = [t for t in paragraphs(out) if re.match(r"^[一二三四五六]、", t)]
    # in canonical order: highlights after achievements, honours after the highlights
    assert top == ["一、全年主要工作", "二、特色亮点工作", "三、获得市级以上荣誉", "四、存在问题和困难",
                   "五、2025年工作打算"]
