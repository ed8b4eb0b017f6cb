"""Drafts laid out by a real word processor: 落款 and 成文日期 share a page with body text.

python-docx cannot paginate, so each sample (and variants of the half-year sample whose length
moves the signature across the bottom of a page) is converted to PDF by LibreOffice and read
back page by page with pdftotext.  Skipped, with the reason, where LibreOffice or poppler is
not installed; `.ci/run` installs both.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT
from drafter.cli import cli

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT),
    reason="layout check needs LibreOffice (soffice) and poppler-utils (pdftotext); .ci/run installs them")

# the samples and the fixture sheets written as other offices would write them
SAMPLES = sorted((ROOT / "samples").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "fixtures" / "sheets").glob("*.yaml"))
HALF_YEAR = ROOT / "samples" / "street-office-2025-h1.yaml"
EXTRA_POINTS = range(0, 12, 2)  # half-year variants: the signature lands at different heights
PAGE_NUMBER = re.compile(r"^—\s*\d+\s*—$")


def _sheets(folder: Path) -> Dict[str, Path]:
    sheets = {p.stem: p for p in SAMPLES}
    data = yaml.safe_load(HALF_YEAR.read_text(encoding="utf-8"))
    for extra in EXTRA_POINTS:
        variant = yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))
        variant["plans"]["items"][-1]["points"] += [f"推进第{n}项民生实事落地见效" for n in range(1, extra + 1)]
        variant["report"]["seal"] = bool(extra % 4)  # sealed and unsealed 落款 both
        path = folder / f"h1-plus-{extra}.yaml"
        path.write_text(yaml.safe_dump(variant, allow_unicode=True, sort_keys=False), encoding="utf-8")
        sheets[path.stem] = path
    return sheets


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory) -> Dict[str, Tuple[List[str], dict]]:
    """name → (text of each PDF page, the sheet's data)."""
    folder = tmp_path_factory.mktemp("layout")
    sheets = _sheets(folder)
    docs = []
    for name, sheet in sheets.items():
        out = folder / f"{name}.docx"
        result = CliRunner().invoke(cli, ["render", str(sheet), "-o", str(out)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        docs.append(str(out))
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), *docs],
                   check=True, capture_output=True, timeout=600, env={**os.environ, "HOME": str(folder)})
    pages = {}
    for name, sheet in sheets.items():
        text = subprocess.run([PDFTOTEXT, "-layout", str(folder / f"{name}.pdf"), "-"], check=True,
                              capture_output=True, timeout=120).stdout.decode("utf-8")
        pages[name] = (text.split("\f"), yaml.safe_load(sheet.read_text(encoding="utf-8")))
    return pages


def _lines(page: str) -> List[str]:
    return [re.sub(r"\s+", "", line) for line in page.splitlines() if line.strip()]


def _date_cn(value: str) -> str:
    y, m, d = re.findall(r"\d+", str(value))
    return f"{int(y)}年{int(m)}月{int(d)}日"


def test_each_layout_was_produced(laid_out) -> None:
    assert set(p.stem for p in SAMPLES) <= set(laid_out)
    assert all(len([p for p in pages if p.strip()]) >= 2 for pages, _ in laid_out.values())


@pytest.mark.parametrize("name", [p.stem for p in SAMPLES] + [f"h1-plus-{n}" for n in EXTRA_POINTS])
def test_signature_and_date_share_a_page_with_body_text(laid_out, name: str) -> None:
    pages, data = laid_out[name]
    org = data["report"].get("signature") or data["report"]["org"]
    date = _date_cn(data["report"]["date"])
    last = max(i for i, page in enumerate(pages) if page.strip())
    lines = _lines(pages[last])
    assert org in lines and date in lines, f"{name}: 落款/成文日期不在最后一页：{lines}"
    assert lines.index(org) < lines.index(date)
    body = [line for line in lines if line not in (org, date) and not PAGE_NUMBER.match(line)]
    assert body, f"{name}: 最后一页只有落款和成文日期"
    # the body lines on that page come before the signature
    assert all(lines.index(line) < lines.index(org) for line in body)
