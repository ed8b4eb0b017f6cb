"""`drafter learn`: the learned outline, the shipped file, the command's files, messages and exit codes."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from drafter.cli import cli
from drafter.outline.learn import Progress, learn
from drafter.outline.model import Outline, dump_outline, load_outline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHIPPED = ROOT / "templates" / "outline.yaml"
REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"


@pytest.fixture(scope="module")
def seeds_outline() -> Outline:
    return learn([SEEDS]).outline


def test_learn_seeds_reproduces_the_shipped_outline_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "outline.yaml"
    result = CliRunner().invoke(cli, ["learn", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == SHIPPED.read_bytes()


def test_learning_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "1.yaml", tmp_path / "2.yaml"
    for out in (first, second):
        assert CliRunner().invoke(cli, ["learn", str(SEEDS), "-o", str(out)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_learned_outline_does_not_depend_on_hash_seeds(tmp_path: Path) -> None:
    """Sets of words and phrases must never leak their (per-process random) order into the file."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.yaml"
        done = subprocess.run([sys.executable, "-m", "drafter", "learn", str(REPORTS), "-o", str(out)],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_learned_parts_in_order_with_presence_and_levels(seeds_outline: Outline) -> None:
    # What the seeds' hand labels say: 5 reports; highlights top-level in 000, nested in 003; …
    assert seeds_outline.reports == 5
    assert [(p.key, p.presence, p.levels) for p in seeds_outline.parts] == [
        ("overview", 5, {0: 5}),
        ("achievements", 5, {1: 5}),
        ("highlights", 2, {1: 1, 2: 1}),
        ("problems", 3, {1: 3}),
        ("other", 1, {1: 1}),
        ("plan", 3, {1: 3}),
    ]
    assert seeds_outline.rate("problems") == 0.6


def test_learned_heading_variants_have_years_as_placeholders(seeds_outline: Outline) -> None:
    variants = {p.key: [(h.text, h.count) for h in p.headings] for p in seeds_outline.parts}
    assert variants["highlights"] == [("特色亮点工作", 2)]
    # every wording occurs once: the default is the most central of the group, not the first file's
    assert variants["problems"] == [("存在问题和困难", 1), ("存在的困难和问题", 1), ("存在的问题和不足", 1)]
    assert variants["plan"] == [("{next_year}年工作打算", 1), ("下段工作打算", 1), ("下一步工作打算", 1)]
    assert variants["achievements"][0] == ("全年主要工作", 1)
    assert ("{year}年工作总结", 1) in variants["achievements"]
    assert variants["other"] == [("当前和今后一个时期面临的机遇和挑战", 1), ("获得市级以上荣誉", 1)]


def test_learned_numbering_normalises_half_width_brackets(seeds_outline: Outline) -> None:
    assert seeds_outline.numbering == {1: "{cn}、", 2: "（{cn}）", 3: "{n}.", 4: "（{n}）"}
    # 003 and 002 and 004 and 001 type (一) with half-width brackets; 000 has 1. at level 2; 004 has 1、.
    assert seeds_outline.numbering_styles == {
        1: {"{cn}、": 5}, 2: {"（{cn}）": 4, "{n}.": 1}, 3: {"{n}.": 2, "{n}、": 1}, 4: {"（{n}）": 1}}


def test_learned_shape_of_parts(seeds_outline: Outline) -> None:
    plan = seeds_outline.part("plan")
    assert plan is not None
    assert plan.subsections["count"] == 8.0  # 000 has 8 plan items, 003 has 3, 004 has 17
    problems = seeds_outline.part("problems")
    assert problems is not None and problems.subsections["count"] == 3.0  # 4, 3 and none in 004


def test_vocabulary_is_learned_from_the_part_headings(seeds_outline: Outline) -> None:
    words = {p.key: {c.text: c.count for c in p.vocabulary} for p in seeds_outline.parts}
    assert words["problems"]["问题"] == 3 and words["problems"]["困难"] == 2
    assert words["plan"]["打算"] == 3
    assert words["highlights"] == {"特色": 2, "亮点": 2}
    assert "工作" not in words["achievements"]  # a stop word of the genre


def test_shipped_outline_follows_its_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "outline.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = json.loads(json.dumps(yaml.safe_load(SHIPPED.read_text(encoding="utf-8")), ensure_ascii=False))
    assert sorted(e.message for e in Draft202012Validator(schema).iter_errors(data)) == []
    assert schema["title"] == "drafter 学到的年度工作总结提纲"


def test_outline_yaml_round_trips(tmp_path: Path) -> None:
    outline = load_outline(SHIPPED)
    assert dump_outline(outline) == SHIPPED.read_text(encoding="utf-8")


def test_learn_reports_of_other_agencies(tmp_path: Path) -> None:
    outline = learn([REPORTS]).outline
    expectations = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(REPORTS.glob("*.expected.yaml"))]
    assert outline.reports == len(expectations)
    def labels(sections):
        for section in sections:
            yield section["canonical"]
            yield from labels(section.get("children", []))

    for part in outline.parts:
        assert part.presence == sum(part.key in set(labels(e["sections"])) for e in expectations), part.key
    # reports listing their work as level-1 themes (no wrapper) teach exactly that, and no theme
    # sentence of theirs becomes the achievements heading
    themed = [e for e in expectations if sum(1 for s in e["sections"] if s["canonical"] == "achievements"
                                             and s["heading"]) > 1]
    achievements = outline.part("achievements")
    assert achievements.subsections["top_themes"] == round(len(themed) / achievements.presence, 2)
    assert all("，" not in h.text and "不断" not in h.text for h in achievements.headings)
    order = [p.key for p in outline.parts]
    # “other” stands before the plan in some fixtures and after it (几点建议) in others
    assert [k for k in order if k != "other"] == ["overview", "achievements", "highlights", "problems", "plan"]


# -- the command ----------------------------------------------------------------------------
def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "往年总结"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    (folder / "空文件.txt").write_bytes(b"")
    (folder / "图片.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "扫描件.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "只有导航.txt").write_text("会员登录 注册\n打印本页 关闭窗口\n", encoding="utf-8")
    return folder


def test_learn_skips_unreadable_files_by_name_and_counts_them(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    out = tmp_path / "提纲.yaml"
    result = CliRunner().invoke(cli, ["learn", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("学习完成：共 7 个文件，学到 3 份报告，跳过 4 个。\n")
    assert result.stdout.endswith(
        "跳过的文件：\n"
        f"  {folder / '只有导航.txt'}：没有找到报告正文\n"
        f"  {folder / '图片.txt'}：不是文本文件（看起来是二进制文件）\n"
        f"  {folder / '扫描件.pdf'}：暂不支持 PDF 文件\n"
        f"  {folder / '空文件.txt'}：文件是空的\n"
        f"\n提纲已写入：{out}\n")
    learned = load_outline(out)
    assert (learned.reports, learned.skipped) == (3, 4)


def test_learn_summary_table_is_aligned_chinese(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["learn", str(SEEDS), "-o", str(tmp_path / "o.yaml")])
    lines = result.stdout.splitlines()
    assert lines[2] == "部分      出现  所在层级              最常见的标题"
    assert lines[4] == "主要工作  5/5   一级 5 份             全年主要工作（1 份） 等 5 种"
    assert lines[5] == "特色亮点  2/5   一级 1 份，二级 1 份  特色亮点工作（2 份）"
    # the outline file keeps {next_year}; the table says it as a reader would
    assert lines[8] == "工作打算  3/5   一级 3 份             下一年工作打算（1 份） 等 3 种"
    assert "{" not in result.stdout
    assert "{next_year}年工作打算" in (tmp_path / "o.yaml").read_text(encoding="utf-8")
    assert "标题编号：一、 › （一） › 1. › （1）" in lines
    # “other” occurs in one seed only: its wording is the shipped outline's, and the summary says so
    assert lines[lines.index("证据不足、沿用内置提纲标题的部分："):][:2] == [
        "证据不足、沿用内置提纲标题的部分：", "  其他：只有 1 份报告有这一部分"]


def test_learn_without_output_prints_yaml_and_the_summary_on_stderr() -> None:
    result = CliRunner().invoke(cli, ["learn", str(SEEDS / "000_ee5c9945633827f0.txt")])
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    assert data["reports"] == 1 and data["parts"][0]["key"] == "overview"
    assert result.stderr.startswith("学习完成：共 1 个文件，学到 1 份报告，跳过 0 个。")


def test_learn_without_paths_learns_the_seeds() -> None:
    result = CliRunner().invoke(cli, ["learn"])
    assert result.exit_code == 0
    assert result.stdout == SHIPPED.read_text(encoding="utf-8")


def test_learn_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "提纲.yaml"
    out.write_text("旧内容", encoding="utf-8")
    result = CliRunner().invoke(cli, ["learn", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"错误：{out}: 输出文件已存在，为免覆盖未写入\n提示：换一个文件名，或加 --force 覆盖原文件\n"
    assert out.read_text(encoding="utf-8") == "旧内容"
    result = CliRunner().invoke(cli, ["learn", str(SEEDS), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert out.read_bytes() == SHIPPED.read_bytes()


def test_learn_input_problems_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["learn", str(tmp_path / "没有")])
    assert (result.exit_code, result.stderr) == (1, f"错误：{tmp_path / '没有'}: 找不到文件或文件夹\n")
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["learn", str(junk)])
    assert result.exit_code == 1
    assert result.stderr == ("错误：没有可以学习的报告：所有文件都无法读取或没有正文\n"
                             f"跳过的文件：\n  {junk / 'a.txt'}：文件是空的\n"
                             "提示：请给出 .txt、.md 或 .docx 格式的工作总结\n")
    result = CliRunner().invoke(cli, ["learn", str(SEEDS), "-o", str(tmp_path / "无此目录" / "o.yaml")])
    assert result.exit_code == 1
    assert "输出文件夹不存在" in result.stderr


def test_learn_usage_error_exits_2() -> None:
    assert CliRunner().invoke(cli, ["learn", "--no-such-option"]).exit_code == 2


def test_progress_bar_on_many_files_only(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(21):
        shutil.copy(SEEDS / "000_ee5c9945633827f0.txt", folder / f"{i:02d}.txt")
    many = CliRunner().invoke(cli, ["learn", str(folder), "-o", str(tmp_path / "a.yaml")])
    assert many.exit_code == 0
    assert many.stderr == "第一遍：识别结构\n第二遍：学习表述\n"  # without a terminal click shows the labels only
    few = CliRunner().invoke(cli, ["learn", str(SEEDS), "-o", str(tmp_path / "b.yaml")])
    assert few.stderr == ""


def test_progress_is_reported_for_every_file_twice(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)

    class Recorder(Progress):
        def __init__(self) -> None:
            self.total = 0
            self.steps = []

        def start(self, total: int) -> None:
            self.total = total

        def advance(self, path: Path) -> None:
            self.steps.append(path.name)

    recorder = Recorder()
    learn([folder], progress=recorder)
    assert recorder.total == 2 * 6  # the .pdf is set aside before reading
    assert len(recorder.steps) == recorder.total


def test_learned_outline_renders(tmp_path: Path) -> None:
    outline = tmp_path / "o.yaml"
    assert CliRunner().invoke(cli, ["learn", str(REPORTS), "-o", str(outline)]).exit_code == 0
    out = tmp_path / "draft.docx"
    result = CliRunner().invoke(cli, ["render", str(ROOT / "samples" / "edu-bureau-2024.yaml"), "-o", str(out),
                                      "--outline", str(outline)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


# -- jieba stays off the render path ---------------------------------------------------------
def test_render_and_analyze_never_import_jieba(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from drafter.cli import cli\n"
        "assert 'jieba' not in sys.modules, 'imported with the CLI'\n"
        f"r = CliRunner().invoke(cli, ['render', {str(ROOT / 'samples' / 'edu-bureau-2024.yaml')!r}, '-o', "
        f"{str(tmp_path / 'x.docx')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        f"r = CliRunner().invoke(cli, ['analyze', {str(tmp_path / 'x.docx')!r}, '--json'])\n"
        "assert r.exit_code == 0, r.output\n"
        "if 'validate' in cli.commands:\n"
        f"    CliRunner().invoke(cli, ['validate', {str(ROOT / 'samples' / 'edu-bureau-2024.yaml')!r}])\n"
        "assert 'jieba' not in sys.modules, 'imported by render, analyze or validate'\n"
        "from drafter.outline import tokenizer\n"
        "tokenizer.lcut('扎实推进')\n"
        "assert 'jieba' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_jieba_is_wrapped_in_its_own_quiet_tokenizer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = (
        "import logging, sys\n"
        "from drafter.outline import tokenizer\n"
        "tk = tokenizer.tokenizer()\n"
        "import jieba\n"
        "assert tk is not jieba.dt\n"
        "assert tokenizer.lcut('一年来，扎实推进各项工作') == ['一年', '来', '，', '扎实', '推进', '各项', '工作']\n"
        "assert logging.getLogger('jieba').level >= logging.CRITICAL\n"
    )
    env = {**os.environ, "DRAFTER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # jieba's "Building prefix dict…" chatter is silenced
    assert list((tmp_path / "cache").glob("jieba-prefix-py*.marshal"))  # drafter's own dictionary cache


def test_lead_ins_round_trip_through_the_outline_file(tmp_path: Path) -> None:
    from drafter.outline.model import Phrase

    outline = learn([SEEDS]).outline
    outline.part("problems").lead_ins = [Phrase("在肯定成绩的同时，我们也清醒地看到", 3, "lead_in")]
    path = tmp_path / "outline.yaml"
    path.write_text(dump_outline(outline), encoding="utf-8")
    again = load_outline(path)
    assert [(p.text, p.df, p.kind) for p in again.part("problems").lead_ins] == [
        ("在肯定成绩的同时，我们也清醒地看到", 3, "lead_in")]
    assert again.part("plan").lead_ins == [] or all(p.kind == "lead_in" for p in again.part("plan").lead_ins)


def test_outline_and_corpus_do_not_import_compose() -> None:
    """Analysis is upstream of rendering (issue 10): learning must work without the compose package."""
    code = ("import sys, drafter.outline.learn, drafter.outline.summary, drafter.outline.analyze; "
            "print(sorted(m for m in sys.modules if m.startswith('drafter.compose')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_heading_variants_cluster_and_the_default_is_the_most_representative() -> None:
    from drafter.outline.variants import plausible, ranked

    variants = [("工作开展情况及主要措施", 1), ("监测工作水平不断提高", 1), ("主要工作开展情况", 1),
                ("全年主要工作", 1), ("本文档由用户上传，如有侵权请联系删除", 1), ("主要工作", 1)]
    out = ranked(variants, "achievements")
    assert out[0][0] in ("主要工作开展情况", "主要工作")  # the centre of the 主要工作 group
    assert {t for t, _ in out} == {"工作开展情况及主要措施", "主要工作开展情况", "全年主要工作", "主要工作"}
    assert not plausible("监测工作水平不断提高", "highlights")  # a theme sentence
    assert not plausible("图书馆读者服务工作", "plan")  # a subsection title, no plan words
    assert plausible("{next_year}年工作思路", "plan") and plausible("几点建议", "other")


def _report(folder: Path, name: str, year: int, problems_lead: str, plan: bool = True) -> None:
    text = (f"某某县{name}{year}年工作总结\n\n{year}年，县{name}在县委、县政府的领导下扎实推进各项工作。\n\n"
            f"一、主要工作\n（一）基础工作扎实推进。完成年度任务。\n（二）服务水平持续提升。群众满意。\n"
            f"二、存在的问题\n{problems_lead}\n（一）人员力量不足。\n（二）经费保障不够。\n")
    if plan:
        text += f"三、{year + 1}年工作打算\n下一步，我们将重点抓好以下工作：\n（一）加强队伍建设。\n"
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def test_lead_ins_are_learned_generic_with_document_frequency(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    _report(folder, "统计局", 2023, "在肯定成绩的同时，我们也清醒地看到，统计工作还存在一些问题。")
    _report(folder, "档案馆", 2022, "在肯定成绩的同时，我们也清醒地看到，档案馆的工作还存在一些问题。")
    _report(folder, "气象局", 2023, "县气象局在2023年还存在以下问题：")
    result = learn([folder])
    leads = {p.key: [(x.text, x.df, x.kind) for x in p.lead_ins] for p in result.outline.parts}
    assert leads["problems"] == [("在肯定成绩的同时，我们也清醒地看到：", 2, "lead_in")]
    assert leads["plan"] == [("下一步，我们将重点抓好以下工作：", 3, "lead_in")]
    assert leads["achievements"] == [] and leads["overview"] == []
    from drafter.outline.summary import format_summary

    summary = format_summary(result)
    assert "  存在问题：在肯定成绩的同时，我们也清醒地看到：（2 份）" in summary


def test_thin_evidence_falls_back_to_the_shipped_headings_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    _report(folder, "统计局", 2023, "问题如下。", plan=False)
    _report(folder, "档案馆", 2022, "问题如下。", plan=False)
    text = (folder / "档案馆.txt").read_text(encoding="utf-8") + "三、图书馆读者服务工作\n（一）延长开放时间。\n"
    (folder / "档案馆.txt").write_text(text.replace("三、图书馆读者服务工作", "三、下段工作安排"), encoding="utf-8")
    result = learn([folder])
    shipped = load_outline(SHIPPED)
    assert [h.text for h in result.outline.part("plan").headings] == [h.text for h in shipped.part("plan").headings]
    assert ("plan", "只有 1 份报告有这一部分") in result.fallbacks
    from drafter.outline.summary import format_summary

    assert "  工作打算：只有 1 份报告有这一部分" in format_summary(result)
