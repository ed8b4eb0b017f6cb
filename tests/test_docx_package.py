"""A plain draft is written straight from the cached base package (issue 12's speed-up); every
part must be the XML that the python-docx Document path writes for the same draft."""
from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import ROOT, SAMPLES
from drafter.render import RenderOptions, render
from drafter.writers.docx_writer import DocxWriter

SHEETS = SAMPLES + sorted((ROOT / "tests" / "fixtures" / "sheets").glob("*.yaml"))
# Only the time of writing may differ between two renders.
_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)")


def _members(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        return [(info.filename, _STAMPS.sub(rb"\1T\2", package.read(info))) for info in package.infolist()]


def _through_python_docx(draft) -> bytes:
    buffer = io.BytesIO()
    DocxWriter().document(draft).save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.stem)
def test_every_part_is_what_the_python_docx_path_writes(sheet: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.docx"
    result = render(sheet, RenderOptions(out))
    assert _members(out.read_bytes()) == _members(_through_python_docx(result.draft))


def test_a_cold_cache_a_warm_cache_and_no_cache_write_the_same(tmp_path: Path, monkeypatch) -> None:
    sheet = SAMPLES[0]
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    cold, warm = tmp_path / "cold.docx", tmp_path / "warm.docx"
    draft = render(sheet, RenderOptions(cold)).draft
    assert len(list((tmp_path / "cache").glob("gongwen-base-*.docx"))) == 1
    render(sheet, RenderOptions(warm))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    uncached = tmp_path / "uncached.docx"
    render(sheet, RenderOptions(uncached))
    expected = _members(_through_python_docx(draft))
    for path in (cold, warm, uncached):
        assert _members(path.read_bytes()) == expected


def test_a_cache_without_the_document_part_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    render(SAMPLES[0], RenderOptions(tmp_path / "a.docx"))
    cached, = (tmp_path / "cache").glob("gongwen-base-*.docx")
    with zipfile.ZipFile(cached, "w") as package:
        package.writestr("docProps/core.xml", b"<x/>")
    render(SAMPLES[0], RenderOptions(tmp_path / "b.docx"))
    doc = docx.Document(str(tmp_path / "b.docx"))
    assert doc.paragraphs[0].style.style_id == "Title"
    assert "word/document.xml" in zipfile.ZipFile(cached).namelist()  # the cache is whole again


_PROBE = (
    "import sys\n"
    "from drafter.cli import cli\n"
    "try:\n    cli({args!r}, prog_name='drafter')\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
    "print('drafter.writers.reference' in sys.modules)\n"
)


def test_the_reference_code_is_loaded_only_for_a_reference(tmp_path: Path) -> None:
    def loads_reference(*args) -> bool:
        done = subprocess.run([sys.executable, "-c", _PROBE.format(args=[str(a) for a in args])],
                              capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()[-1] == "True"

    assert not loads_reference("render", SAMPLES[0], "-o", tmp_path / "plain.docx")
    assert not loads_reference("render", SAMPLES[0], "-o", tmp_path / "annotated.docx", "--annotate")
    ref = docx.Document()
    ref.add_paragraph("【正文】")
    ref.save(str(tmp_path / "ref.docx"))
    assert loads_reference("render", SAMPLES[0], "-o", tmp_path / "ref-d.docx", "--reference-docx", tmp_path / "ref.docx")
