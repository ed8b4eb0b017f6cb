"""`learn --jobs N` gives the same outline, summary and skipped files as `--jobs 1`, byte for byte."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from drafter.cli import cli
from drafter.outline import parallel

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"


def _corpus(folder: Path) -> Path:
    """Enough files for two workers: the fixture reports and seeds, plus two that are skipped."""
    folder.mkdir()
    sources = sorted(REPORTS.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    for index, source in enumerate(sources):
        shutil.copyfile(source, folder / f"{index:02d}_{source.name}")
    (folder / "50_empty.txt").write_text("", encoding="utf-8")
    (folder / "51_binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    assert len(list(folder.iterdir())) >= 2 * parallel.FILES_PER_WORKER
    return folder


def test_jobs_change_nothing_but_the_time(tmp_path: Path, monkeypatch) -> None:
    corpus = _corpus(tmp_path / "corpus")
    pools = []
    real = parallel.ProcessPoolExecutor

    def spy(*args, **kwargs):
        pools.append(kwargs["max_workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", spy)
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"outline-{jobs}.yaml"
        result = CliRunner().invoke(cli, ["learn", str(corpus), "-o", str(out), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        runs[jobs] = (out.read_bytes(), result.stdout.replace(str(out), "OUT"))
    assert pools == [2, 2]  # both passes of --jobs 2 ran on two workers; --jobs 1 on none
    assert runs["2"] == runs["1"]
    assert "跳过 2 个" in runs["1"][1]


def test_jobs_must_be_a_positive_count(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["learn", str(SEEDS), "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_a_small_corpus_starts_no_process(tmp_path: Path, monkeypatch) -> None:
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for five files")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    result = CliRunner().invoke(cli, ["learn", str(SEEDS), "-o", str(tmp_path / "o.yaml"), "--jobs", "4"])
    assert result.exit_code == 0, result.output
