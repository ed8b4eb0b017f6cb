"""`drafter validate` names files as `str(Path(name))` does, without importing pathlib (issue 12).

pathlib is the referee: every spelling `validate` keeps as typed must be one pathlib keeps too
(for both flavours, so the Windows rules are checked on any machine), and a folder's files
come out in pathlib's order and spelling.
"""
from __future__ import annotations

import os
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.cli import cli
from drafter.facts.validate import _child, _suffix, expand, path_text, spelt_as_pathlib_does

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "edu-bureau-2024.yaml"

NAMES = st.text(alphabet="ab./\\: 中", max_size=12)


@settings(max_examples=3000, deadline=None)
@given(NAMES)
def test_a_name_kept_as_typed_is_one_pathlib_keeps(name: str) -> None:
    for windows, flavour in ((False, PurePosixPath), (True, PureWindowsPath)):
        if spelt_as_pathlib_does(name, windows):
            assert str(flavour(name)) == name, (windows, name)


@settings(max_examples=2000, deadline=None)
@given(NAMES, st.text(alphabet="ab.中 Y", min_size=1, max_size=8))
def test_names_suffixes_and_children_match_pathlib(name: str, child: str) -> None:
    assert path_text(name) == str(Path(name))
    assert _suffix(child) == PurePath(child).suffix
    if child not in (".", ".."):
        assert _child(path_text(name), child) == str(Path(name) / child)


def test_common_spellings_need_no_pathlib() -> None:
    for name in ("事实表.yaml", "samples/edu-bureau-2024.yaml", "/home/张三/2024年.yaml", ".", "../上一年/x.yml"):
        assert spelt_as_pathlib_does(name, windows=False)
    for name in ("事实表.yaml", "资料\\2024年.yaml", "..\\上一年\\x.yml"):
        assert spelt_as_pathlib_does(name, windows=True)
    # drives, "/" and doubled separators are left to pathlib on Windows
    for name in ("C:\\资料\\x.yaml", "资料/x.yaml", "\\\\server\\share\\x.yaml"):
        assert not spelt_as_pathlib_does(name, windows=True)


def test_a_folder_lists_its_yaml_files_in_pathlibs_order_and_spelling(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "表"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for name in ("b.yaml", "A.YML", "c.yml", ".yaml", "z.", "notes.txt", "B.yaml"):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "sub.yaml").mkdir()  # a folder named like a sheet is not one
    monkeypatch.chdir(tmp_path)
    for typed in ("表", "表/", "./表", "表//", str(folder), str(folder) + "/"):
        expected = [str(p) for p in sorted(Path(typed).iterdir())
                    if p.suffix.lower() in (".yaml", ".yml") and p.is_file()]
        assert expand([typed]) == expected
        assert expand([Path(typed)]) == expected
        result = CliRunner().invoke(cli, ["validate", typed])
        assert result.exit_code == 0, result.output
        summaries = [line.split("：")[0] for line in result.output.splitlines() if "：通过" in line]
        assert summaries == expected


def test_a_missing_file_is_named_as_pathlib_spells_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for typed in ("没有/./这个.yaml", "没有//这个.yaml", "./没有.yaml"):
        result = CliRunner().invoke(cli, ["validate", typed])
        assert result.exit_code == 1
        assert result.output.startswith(f"{Path(typed)}: 找不到文件"), result.output
        assert os.sep + os.sep not in result.output.splitlines()[0]
