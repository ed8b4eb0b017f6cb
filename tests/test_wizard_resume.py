"""`drafter new`: progress that is never lost, and rollover that never asks twice.

Driven through the real prompts like tests/test_wizard.py (same fixture and answers).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from drafter.facts.yamlload import load_yaml_file
from test_wizard import ANSWERS, EXPECTED, SAMPLE, new  # noqa: F401 - `new` is the fixture

PROGRESS = "facts.yaml.进度.json"

# --from the sample: report defaults, no results, plan item 1 taken, 2–4 not, one theme more
ROLLOVER = [
    "", "", "", "", "", "", "2026-01-08", "",
    "", "",
    "y", "党建引领作用持续增强", "", "深化校长负责制", "",
    "y", "新增义务教育学位", "3300", "", "", "", "n",  # typed by hand: unit and previous from last year
    "n", "n", "n",
    "n",  # no more themes
]
CARRIED = ["15", "1"] + [""] * 7  # 新建“红色示范支部” 15; the other seven skipped (学位 is not asked)
REST = ["n", "", "", "", "", "学位依然紧张", "", "n", "", "继续扩充学位", "新建学校", "", "n", "n"]  # 3 old problems solved


def test_rollover_never_asks_twice_for_a_figure_typed_by_hand(new, tmp_path: Path) -> None:
    result = new(ROLLOVER + CARRIED + REST, "2025.yaml", "--from", str(SAMPLE))
    assert result.exit_code == 0, result.output
    assert "单位（没有单位直接回车，如：人、个、万元、%） [个]：\n" in result.output
    assert "上年数值（与今年同一单位；不知道就直接回车，如：28） [3240]：\n" in result.output
    assert "新增义务教育学位：去年" not in result.output  # not asked again under 【上年数据】
    figures = [f for t in load_yaml_file(tmp_path / "2025.yaml").data["achievements"] for f in t.get("figures", [])]
    assert figures == [{"label": "新增义务教育学位", "value": 3300, "unit": "个", "previous": 3240},
                       {"label": "新建“红色示范支部”", "value": 15, "unit": "个", "previous": 12}]


def test_a_figure_is_never_written_twice(new, tmp_path: Path) -> None:
    answers = list(ANSWERS)
    at = answers.index("义务教育巩固率")
    answers[at:at] = ["新建示范支部"]  # the label of theme 1's figure again under theme 3
    result = new(answers, "facts.yaml")
    assert "  输入有误：前面已经写过这项数据了（同一个数据在初稿中只写一次），请换一个名称，或直接回车跳过。请重新输入。\n" \
        in result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_a_session_started_with_from_resumes_everything_without_it(new, tmp_path: Path) -> None:
    first = new(ROLLOVER, "facts.yaml", "--from", str(SAMPLE))
    assert first.exit_code == 1
    saved = json.loads((tmp_path / PROGRESS).read_text(encoding="utf-8"))
    assert len(saved["answers"]) == len(ROLLOVER) and saved["from"] == str(SAMPLE)
    second = new(["y", *CARRIED, *REST], "facts.yaml")  # no --from this time
    assert second.exit_code == 0, second.output
    assert f"上次是以 {SAMPLE} 为基础填写的，继续沿用它。\n" in second.output
    assert f"（已恢复上次的 {len(ROLLOVER)} 个回答，下面接着填写）" in second.output
    data = load_yaml_file(tmp_path / "facts.yaml").data
    assert data["report"]["org"] == "青山区教育体育局" and data["report"]["year"] == 2025
    assert [t["title"] for t in data["achievements"]] == ["党建引领作用持续增强"]


def test_a_resumed_session_does_not_need_the_from_file_any_more(new, tmp_path: Path) -> None:
    last = tmp_path / "2024.yaml"
    last.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    new(ROLLOVER, "facts.yaml", "--from", "2024.yaml")
    last.unlink()
    second = new(["y", *CARRIED, *REST], "facts.yaml", "--from", "other.yaml")
    assert second.exit_code == 0, second.output
    assert "上次是以 2024.yaml 为基础填写的，继续沿用它（没有改用 other.yaml；要改用它从头填写，请加 --restart）。\n" \
        in second.output


def test_defaults_are_saved_as_values_so_a_later_resume_gets_the_same(new, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.wizard as wizard
    from datetime import date

    answers = list(ANSWERS)
    answers[1] = answers[6] = ""  # the year and the date by default (2024, 2025-01-15)
    new(answers[:10], "facts.yaml")
    saved = json.loads((tmp_path / PROGRESS).read_text(encoding="utf-8"))["answers"]
    assert ["report.year", "2024"] in saved and ["report.date", "2025-01-15"] in saved
    monkeypatch.setattr(wizard, "_today", lambda: date(2025, 7, 2))  # the default year is 2025 now
    result = new(["y", *answers[10:]], "facts.yaml")
    assert result.exit_code == 0, result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data["report"] == {**EXPECTED["report"], "date": "2025-01-15"}


@pytest.mark.parametrize("content", ["{\"version\": 2, \"answers\": [\n  [\"report.org\", \"青山", "garbage",
                                     "{\"version\": 99, \"answers\": []}", "{\"answers\": 5}"])
def test_unreadable_progress_is_kept_and_never_overwritten(new, tmp_path: Path, content: str) -> None:
    (tmp_path / PROGRESS).write_text(content, encoding="utf-8")
    result = new(ANSWERS, "facts.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{PROGRESS}: ")
    assert "提示：这个文件没有被改动。要放弃其中的回答、从头填写，请加 --restart（它会被改名为 facts.yaml.进度.旧.json 保存起来，不会删除）\n" \
        in result.stderr
    assert "单位全称" not in result.output
    assert (tmp_path / PROGRESS).read_text(encoding="utf-8") == content
    assert not (tmp_path / "facts.yaml").exists()
    restarted = new(ANSWERS, "facts.yaml", "--restart")
    assert restarted.exit_code == 0, restarted.output
    assert restarted.output.startswith("按 --restart 从头填写；上次的进度已改名保存为 facts.yaml.进度.旧.json。\n")
    assert (tmp_path / "facts.yaml.进度.旧.json").read_text(encoding="utf-8") == content
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_declining_to_resume_moves_the_old_progress_aside(new, tmp_path: Path) -> None:
    new(ANSWERS[:5], "facts.yaml")
    before = (tmp_path / PROGRESS).read_text(encoding="utf-8")
    stopped = new(["n"], "facts.yaml")  # starts over, then the input ends before the first answer
    assert stopped.exit_code == 1
    assert "上次的进度已改名保存为 facts.yaml.进度.旧.json，现在从头填写。\n" in stopped.output
    assert (tmp_path / "facts.yaml.进度.旧.json").read_text(encoding="utf-8") == before
    again = new(ANSWERS, "facts.yaml")
    assert again.exit_code == 0, again.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED
    assert (tmp_path / "facts.yaml.进度.旧.json").read_text(encoding="utf-8") == before  # still there


def test_a_saved_answer_that_is_no_longer_accepted_is_asked_alone(new, tmp_path: Path) -> None:
    new(ANSWERS[:10], "facts.yaml")
    progress = tmp_path / PROGRESS
    data = json.loads(progress.read_text(encoding="utf-8"))
    data["answers"][6][1] = "2024-03-01"  # a 成文日期 the checks refuse (as a newer drafter might)
    progress.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = new(["y", "2025-01-10", *ANSWERS[10:]], "facts.yaml")
    assert result.exit_code == 0, result.output
    assert ("  上次保存的回答“2024-03-01”现在不能采用：成文日期 2024-03-01 早于 2024-11-01：2024年的总结应在当年即将结束"
            "或结束后成文。请重新输入。\n成文日期（如：2025-01-10） [2025-01-15]：2025-01-10\n"
            "（已恢复上次的 10 个回答，下面接着填写）\n") in result.output
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_saved_answers_that_no_longer_fit_are_kept_in_a_copy(new, tmp_path: Path) -> None:
    new(ANSWERS[:10], "facts.yaml")
    progress = tmp_path / PROGRESS
    data = json.loads(progress.read_text(encoding="utf-8"))
    data["answers"][7][0] = "report.seal"  # a question this drafter does not ask (a newer one might)
    progress.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = new(["y", *ANSWERS[7:]], "facts.yaml")
    assert result.exit_code == 0, result.output
    assert ("（已恢复上次的 7 个回答，下面接着填写）\n"
            "（上次还有 3 个回答与现在的问题对不上，没有采用；上次的全部回答另存在 facts.yaml.进度.旧.json）\n"
            "落款（直接回车则用单位全称）：\n") in result.output
    kept = json.loads((tmp_path / "facts.yaml.进度.旧.json").read_text(encoding="utf-8"))
    assert kept["answers"] == data["answers"]
    assert load_yaml_file(tmp_path / "facts.yaml").data == EXPECTED


def test_progress_is_written_atomically(new, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.fsutil as fsutil

    replaced = []
    real = os.replace

    def spy(src, dst):
        replaced.append(Path(dst).name)
        return real(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", spy)
    new(ANSWERS[:3], "facts.yaml")
    assert replaced == [PROGRESS] * 3
    assert [p.name for p in tmp_path.iterdir()] == [PROGRESS]  # no temporary file left behind


@pytest.mark.parametrize("sheet, where, said", [
    ("achievements: 5\n", "2:15", "achievements（主要工作）: 应为列表"),
    ("achievements:\n  - title: 党建\n    figures: 新建支部12个\n", "4:14", "achievements[0].figures（数据）: 应为列表"),
    ("achievements:\n  - title: 党建\n    points: 7\n", "4:13", "achievements[0].points（具体做法）: 应为列表"),
])
def test_from_a_sheet_of_the_wrong_shape_is_a_message_at_its_line(new, tmp_path: Path, sheet: str, where: str,
                                                                  said: str) -> None:
    (tmp_path / "2024.yaml").write_text("report: {org: 青山区教育体育局, year: 2024, date: '2025-01-10'}\n" + sheet,
                                        encoding="utf-8")
    result = new(ANSWERS, "facts.yaml", "--from", "2024.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：2024.yaml:{where}: 上一年的事实表格式有误，无法沿用：{said}")
    assert "提示：请先用 drafter validate 2024.yaml 检查并改正，再运行 drafter new --from\n" in result.stderr
    assert "单位全称" not in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_from_a_fifo_is_refused_without_blocking(new, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "2024.yaml")
    result = new(ANSWERS, "facts.yaml", "--from", "2024.yaml")
    assert result.exit_code == 1
    assert result.stderr == ("错误：2024.yaml: 这不是普通文件，而是命名管道（FIFO）；drafter 只读取普通文件\n"
                             "提示：请给出保存在磁盘上的事实表\n")


def test_a_progress_folder_or_fifo_is_not_read(new, tmp_path: Path) -> None:
    (tmp_path / PROGRESS).mkdir()
    result = new(ANSWERS, "facts.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：{PROGRESS}: 进度文件不是普通文件，无法读取\n")
