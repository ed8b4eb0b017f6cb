"""`load_factsheet`, what `render` calls: the same validation as `drafter validate`, and lean."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_SHEET as MINIMAL
from drafter.errors import FactSheetError
from drafter.facts import FactSheetInvalid, LoadError, load_factsheet, load_factsheet_checked

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "edu-bureau-2024.yaml"


def test_the_sample_loads_into_the_typed_model() -> None:
    sheet, warnings = load_factsheet_checked(SAMPLE)
    assert warnings == []
    assert (sheet.report.org, sheet.report.year, sheet.report.date) == ("青山区教育体育局", 2024, "2025-01-10")
    assert sheet.achievements[1].figures[1].unit == "%"
    assert sheet.achievements[0].title.source.line == 22


def test_warnings_are_returned_not_raised_unless_strict(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    sheet, warnings = load_factsheet_checked(path)
    assert [w.code for w in warnings] == ["check.no-leadership", "check.no-problems", "check.no-plans",
                                          "check.few-achievements"]
    assert load_factsheet(path).report.org == "测试县卫生健康局"
    with pytest.raises(FactSheetInvalid) as caught:
        load_factsheet(path, strict=True)
    assert str(caught.value).startswith(f"{path}: 事实表有 4 个警告（--strict 下按错误处理），未生成初稿：\n")


def test_every_error_is_listed_in_one_exception(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.replace("2024", "2024年").replace("测试县", "XX县"), encoding="utf-8")
    with pytest.raises(FactSheetInvalid) as caught:
        load_factsheet(path)
    error = caught.value
    assert isinstance(error, FactSheetError)
    assert [p.code for p in error.problems] == ["check.placeholder", "schema.type"]
    text = str(error).splitlines()
    assert text[0] == f"{path}: 事实表有 2 个错误，未生成初稿："
    assert text[1] == f"{path}:2:8: report.org（单位全称）: “XX”像是没有替换的占位符"
    assert text[-1] == f"提示：改正后重新运行；也可以先运行 drafter validate {path} 检查"


def test_an_unreadable_sheet_raises_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_factsheet(tmp_path / "nope.yaml")
    assert str(caught.value) == f"{tmp_path / 'nope.yaml'}: 找不到文件"
    assert caught.value.code == "file.not-found"


def test_validation_imports_neither_jsonschema_nor_jieba() -> None:
    code = ("import sys; from pathlib import Path; from drafter.facts import load_factsheet; "
            f"load_factsheet(Path({str(SAMPLE)!r})); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'jieba', 'difflib')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
