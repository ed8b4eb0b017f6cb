"""A user's template: every failure a Chinese message at TEMPLATE:LINE, bounded in time and size,
read as Notepad saves it; drafter's own bugs never pinned on it; `templates check` finds all."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EDU_SAMPLE, MINIMAL_SHEET, write_sheet
from drafter import limits


def render_with(run, tmp_path: Path, body: str, name: str = "overview.j2", sheet: Path = EDU_SAMPLE):
    mine = tmp_path / "mine"
    mine.mkdir(exist_ok=True)
    (mine / name).write_text(body, encoding="utf-8")
    return run("render", sheet, "-o", tmp_path / "d.md", "--templates", mine), mine / name


@pytest.mark.parametrize("body, line, message", [
    ("一年来。\n{% if report.org %}a{% endfi %}\n",
     2, "模板语法错误：不认识的标签 {% endfi %}；这里应为 {% elif %}、{% else %}、{% endif %}（需要结束的是 {% if %}）"),
    ("{{ report.org|orgname }}\n", 1, "模板语法错误：没有名为“orgname”的过滤器"),
    ("\n\n{{ report.orgname }}\n", 3, "模板引用了不存在的名称：'Report' 没有属性 'orgname'"),
    ("{{ report.year / 0 }}\n", 1, "模板运行出错：除数为零"),
    ("{{ report.year + report.org }}\n", 1, "模板运行出错：运算 + 不能用于 int 和 Fact 类型的值"),
    ('一年来{{ "\\x07" }}。\n', 1, "模板输出了一个不可见的控制字符（U+0007），它无法写进 Word 文档"),
    ('{{ heading(-1, "标题") }}\n', 1, "heading() 的第一个参数是标题级别，应为 1～3 的整数，这里是 -1"),
    ("{{ 'abc'|num }}\n", 1, "过滤器“num”的要处理的值应为数，这里是文字“abc”"),
    ("{{ figures(3) }}\n", 1, "figures() 的参数 items 应为列表，这里是数 3"),
    ("{{ range(10**9)|list }}\n", 1, "参数 1,000,000,000 过大（上限 5,000,000）"),
    ("{% for i in range(20000) %}{% endfor %}\n", 1, "range() 要生成 20,000 个数，超过上限 10,000 个"),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}\n", 1,
     "宏或函数调用嵌套超过 50 层，已停止（可能是宏在无限地调用自己）"),
    ("{{ 'x' * 10**9 }}\n", 1, "字符串或列表重复后超过 5,000,000 个字符的上限，已停止"),
    ("{% set ns = namespace(s='xy') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n", 1,
     "模板生成的内容超过 5,000,000 个字符的上限，已停止"),
    ("{{ '%999999999d' % 1 }}\n", 1, "格式串中的宽度 999999999 过大，已停止"),
    ("{{ 'x'|center(999999999) }}\n", 1, "参数 999,999,999 过大（上限 5,000,000）"),
    ("{% include 'nosuch.j2' %}\n", 1, "找不到模板 nosuch.j2"),
])
def test_every_template_failure_is_chinese_at_its_line(run, tmp_path: Path, body: str, line: int, message: str) -> None:
    result, path = render_with(run, tmp_path, body)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}:{line}: {message}")
    assert "内部错误" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "d.md").exists()


def test_a_loop_that_makes_no_calls_is_stopped_by_the_time_limit(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "TEMPLATE_MAX_SECONDS", 0.5)
    body = "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}\n"
    result, path = render_with(run, tmp_path, body)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}:1: 模板运行超过 0.5 秒仍未结束，已停止")


# Iterating a string makes no call, attribute or range step the sandbox's hooks could see: only
# the watchdog's asynchronous stop ends this loop at its line (finished, ~1e8 empty steps later,
# it would be refused after the fact without a line).  One watchdog serves the whole draft, so a
# template rendered after others (plan.j2) is stopped as the first one (overview.j2) is.
CALL_FREE_LOOP = "{% set s = 'x' * 20000 %}{% for a in s %}{% for b in s[:5000] %}{% endfor %}{% endfor %}\n"


@pytest.mark.parametrize("name", ["overview.j2", "plan.j2"])
def test_a_loop_the_hooks_cannot_see_is_stopped_by_the_draft_watchdog(run, tmp_path: Path, monkeypatch,
                                                                       name: str) -> None:
    monkeypatch.setattr(limits, "TEMPLATE_MAX_SECONDS", 0.2)
    result, path = render_with(run, tmp_path, CALL_FREE_LOOP, name=name)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}:1: 模板运行超过 0.2 秒仍未结束，已停止")
    assert not (tmp_path / "d.md").exists()


def test_the_watchdog_never_stops_drafters_own_code_between_templates() -> None:
    import time

    from drafter.compose.sandbox import HARD_STOP_GRACE, Budget

    budget = Budget(0.01)
    watchdog = budget.watchdog()
    watchdog.rendering()  # a template renders, and returns well before the hard stop
    watchdog.done()
    ended = time.monotonic() + 0.01 + HARD_STOP_GRACE + 0.5
    while time.monotonic() < ended:  # drafter's own code while the hard stop comes due: never interrupted
        sum(range(100))
    assert watchdog.fired is False


def test_output_beyond_the_size_limit_is_stopped(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "TEMPLATE_MAX_OUTPUT_CHARS", 10_000)
    result, path = render_with(run, tmp_path, "{% for i in range(5000) %}一年来{% endfor %}\n")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}: 模板生成的内容超过 10,000 个字符的上限，已停止")


def test_a_bug_in_drafters_own_helper_is_not_blamed_on_the_template(run, tmp_path: Path, monkeypatch) -> None:
    import drafter.compose.filters as filters

    # A helper that, called with fitting arguments, fails inside drafter's code.
    monkeypatch.setattr(filters, "cn_list", lambda items, sep="、": filters.format_number("not a number"))
    result, path = render_with(run, tmp_path, "{{ ['a', 'b']|cn_list }}\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("drafter 内部错误：InvalidOperation")
    assert "这不是您的操作问题。" in result.stderr
    assert str(path) not in result.stderr


def test_bom_and_gbk_templates_are_read_and_undecodable_ones_named(run, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "overview.j2").write_bytes("\ufeff一年来，我们扎实工作。\n".encode("utf-8"))
    (mine / "problems.j2").write_bytes("工作中还存在一些不足：\n{% for p in problems %}{{ p.title }}{% endfor %}\n".encode("gbk"))
    result = run("render", EDU_SAMPLE, "-o", "-", "--templates", mine)
    assert result.exit_code == 0, result.stderr
    assert "\ufeff" not in result.stdout
    assert "一年来，我们扎实工作。" in result.stdout and "工作中还存在一些不足：" in result.stdout
    (mine / "plan.j2").write_bytes("第一行\n第二".encode("utf-8") + b"\xff\xff")
    result = run("render", EDU_SAMPLE, "-o", "-", "--templates", mine)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{mine / 'plan.j2'}:2:3: 模板文件的编码无法识别：既不是 UTF-8，也不是 GBK\n")


def test_a_control_character_typed_into_a_template_is_refused_at_its_place(run, tmp_path: Path) -> None:
    result, path = render_with(run, tmp_path, "一年来，\n我们\x0c扎实工作。\n")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{path}:2:3: 模板中有一个不可见的控制字符（U+000C），它会原样进入初稿")


def test_misnamed_templates_are_warned_about(run, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "plan.j2.txt").write_text("下一步。\n", encoding="utf-8")
    (mine / "Overview.J2").write_text("一年来。\n", encoding="utf-8")
    result = run("render", EDU_SAMPLE, "-o", tmp_path / "d.md", "--templates", mine)
    assert result.exit_code == 0
    assert (f"警告：{mine / 'Overview.J2'}：这个文件不会被当作模板使用：扩展名须为小写的 .j2；"
            "如果它是模板，请改名为 overview.j2\n") in result.stderr
    assert (f"警告：{mine / 'plan.j2.txt'}：这个文件不会被当作模板使用：扩展名后面多了一段（记事本保存时可能自动加上了 .txt）；"
            "如果它是模板，请改名为 plan.j2\n") in result.stderr


def test_private_use_and_values_with_template_syntax_stay_data(run, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path, MINIMAL_SHEET.replace("[建成紧密型县域医共体]", '["{{ 7*7 }}{% endfi %}\\ue000"]'))
    result = run("render", sheet, "-o", "-", "-f", "txt")
    assert result.exit_code == 0
    assert "{{ 7*7 }}{% endfi %}\ue000" in result.stdout


def test_templates_check_reports_every_problem_of_every_branch(run, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    # Only the half-year sample takes this branch; only the minimal sheet has no plan intro.
    (mine / "overview.j2").write_text("{% if report.half_year %}{{ halfyear_typo }}{% endif %}一年来。\n", encoding="utf-8")
    (mine / "problems.j2").write_text("问题：\n{{ problems|nofilt }}\n", encoding="utf-8")
    (mine / "plan.j2").write_text("{% if plans.items %}打算。{% else %}{{ missing(3) }}{% endif %}\n", encoding="utf-8")
    (mine / "plan.j2.txt").write_text("x", encoding="utf-8")
    result = run("templates", "check", mine)
    assert result.exit_code == 1
    err = result.stderr
    assert f"警告：{mine / 'plan.j2.txt'}：这个文件不会被当作模板使用" in err
    assert f"错误：{mine / 'problems.j2'}:2: 模板语法错误：没有名为“nofilt”的过滤器\n" in err
    assert f"错误：{mine / 'overview.j2'}:1: 模板引用了不存在的名称：'halfyear_typo'\n" in err
    assert "（用示例事实表 street-office-2025-h1.yaml 生成时）" in err
    assert f"错误：{mine / 'plan.j2'}:1: missing() 的参数 label 应为文字，这里是数 3\n    （用示例事实表 （最简事实表） 生成时）" in err
    assert err.endswith("发现 3 个问题。\n")


def test_templates_check_passes_the_shipped_templates(run, tmp_path: Path) -> None:
    assert run("templates", "eject", tmp_path / "mine").exit_code == 0
    result = run("templates", "check", tmp_path / "mine")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("没有发现问题。\n")


def test_helper_and_filter_hints_are_what_typing_resolves() -> None:
    # checkargs evaluates the annotation strings itself (cheaper): the same hints as the stdlib's
    import typing

    from drafter.compose import filters, marks
    from drafter.compose.checkargs import hints_of
    from drafter.compose.templating import _helpers

    funcs = {**filters.all_filters(), **_helpers(marks.SourceTable())}
    assert len(funcs) > 10
    for name, func in funcs.items():
        assert hints_of(func) == typing.get_type_hints(func), name
    assert hints_of(len) == {}  # a builtin has no hints to check against
