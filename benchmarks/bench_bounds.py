"""Benchmark: `analyze` and `learn` stay linear — time and peak memory at 1×, 10× and 100× input.

Not a test (timings depend on the machine).  Each case builds its input at three sizes in a
temporary folder, then runs the real code in a fresh process per measurement (so imports and
caches are paid equally and the peak resident size is that run's own), interleaving the sizes
(1×, 10×, 100×, 1×, …) and keeping each size's fastest of --repeat runs.  Linear means the
time ratio 100×/1× stays near 100 (less, while start-up still dominates), not near 10 000.

Cases:

* ``txt``  — a report of 500 lines × scale;
* ``docx`` — a .docx of 1 000 paragraphs × scale (100× = the 100k-paragraph report of issue 13);
* ``md``   — a report of 250 lines × scale as Markdown (links, bold, headings) plus one hostile line of
  10 000 × scale ``[`` and ``**a `` (100× = the million-bracket line of issue 13);
* ``learn`` — a folder holding the five seed reports × scale (``--jobs 1``).

Run from the repository:

    python benchmarks/bench_bounds.py                 # every case, 2 runs per size
    python benchmarks/bench_bounds.py --case docx --repeat 3
"""
from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCALES = (1, 10, 100)
LINE = "一是深入开展第{i}项工作，落实各项措施，取得明显成效。"


def report_lines(count: int) -> List[str]:
    lines = ["青山区教育体育局2024年工作总结", "一年来，在区委、区政府的坚强领导下，我局各项工作取得了新成效。现将有关情况汇报如下："]
    lines.append("一、主要工作")
    for i in range(count):
        if i % 50 == 0:
            lines.append(f"（{i // 50 + 1}）以党建为引领，第{i // 50 + 1}项工作进一步加强。")
        else:
            lines.append(LINE.format(i=i))
    lines += ["二、存在的问题和不足", "学位供给仍然紧张。", "三、下一步工作打算", "聚焦学位供给，新建学校三所。"]
    return lines


def make_txt(folder: Path, scale: int) -> Path:
    path = folder / f"report-{scale}.txt"
    path.write_text("\n".join(report_lines(500 * scale)) + "\n", encoding="utf-8")
    return path


def make_md(folder: Path, scale: int) -> Path:
    lines = report_lines(250 * scale)  # 100× stays under the 5 MB limit with the hostile lines
    md = [f"# {lines[0]}", ""] + [
        (f"## {line}" if line.startswith(("一、", "二、", "三、")) else
         f"**{line[:4]}**{line[4:]}见[通知](http://example.cn/{i})" if i % 7 == 0 else line)
        for i, line in enumerate(lines[1:])
    ]
    md += ["[" * (10_000 * scale), "**a " * (2_500 * scale)]
    path = folder / f"report-{scale}.md"
    path.write_text("\n".join(md) + "\n", encoding="utf-8")
    return path


def make_docx(folder: Path, scale: int) -> Path:
    """A real .docx built from python-docx's default package, its body written directly (fast)."""
    import docx
    from xml.sax.saxutils import escape

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    paragraphs = []
    for line in report_lines(1000 * scale):
        style = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' if line[:2] in ("一、", "二、", "三、") else ""
        paragraphs.append(f"<w:p>{style}<w:r><w:t>{escape(line)}</w:t></w:r></w:p>")
    path = folder / f"report-{scale}.docx"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                head, rest = data.decode("utf-8").split("<w:body>", 1)
                tail = rest[rest.index("<w:sectPr"):]
                data = (head + "<w:body>" + "".join(paragraphs) + tail).encode("utf-8")
            dst.writestr(info.filename, data)
    return path


def make_corpus(folder: Path, scale: int) -> Path:
    from drafter.resources import seeds_dir

    target = folder / f"corpus-{scale}"
    target.mkdir()
    for copy in range(scale):
        for seed in sorted(seeds_dir().glob("*.txt")):
            shutil.copyfile(seed, target / f"{copy:04d}_{seed.name}")
    return target


# Runs in the fresh process: time the call, then report CPU, wall time and peak resident size.
CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
{setup}
wall, cpu = time.perf_counter(), time.process_time()
{call}
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"wall": wall, "cpu": cpu, "peak_mb": peak / 1024 if sys.platform != "darwin" else peak / 2**20}}))
"""

ANALYZE = ("from drafter.outline.analyze import analyze_file\n"
           "analyze_file(Path({path!r}))  # warm the imports and the shipped outline first", "analyze_file(Path({path!r}))")
LEARN = ("from drafter.outline.learn import learn\nfrom drafter.outline import tokenizer\ntokenizer.lcut('预热分词器')",
         "learn([Path({path!r})], jobs=1)")

CASES: Dict[str, tuple] = {
    "txt": (make_txt, ANALYZE),
    "docx": (make_docx, ANALYZE),
    "md": (make_md, ANALYZE),
    "learn": (make_corpus, LEARN),
}


def measure(path: Path, code: tuple) -> dict:
    setup, call = code
    if code is ANALYZE:  # the warm-up runs the smallest input, not this one
        setup = setup.replace("analyze_file(Path({path!r}))", "analyze_file(Path({small!r}))")
    script = CHILD.format(root=str(ROOT), setup=setup.format(path=str(path), small=str(path).replace("-10.", "-1.")
                                                             .replace("-100.", "-1.")), call=call.format(path=str(path)))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_case(name: str, make: Callable[[Path, int], Path], code: tuple, repeat: int, folder: Path) -> None:
    inputs = {scale: make(folder, scale) for scale in SCALES}
    best: Dict[int, dict] = {}
    for _ in range(repeat):
        for scale in SCALES:  # interleaved, so a busy moment on the machine hits every size
            result = measure(inputs[scale], code)
            if scale not in best or result["cpu"] < best[scale]["cpu"]:
                best[scale] = result
    size = {scale: (sum(f.stat().st_size for f in p.iterdir()) if p.is_dir() else p.stat().st_size)
            for scale, p in inputs.items()}
    print(f"\n{name}")
    print(f"  {'scale':>5}  {'input':>9}  {'cpu s':>7}  {'wall s':>7}  {'peak MB':>8}  cpu ratio to 1×")
    for scale in SCALES:
        r = best[scale]
        ratio = r["cpu"] / max(best[1]["cpu"], 1e-9)
        print(f"  {scale:>4}×  {size[scale] / 1024:>7.0f} K  {r['cpu']:>7.2f}  {r['wall']:>7.2f}  {r['peak_mb']:>8.0f}  {ratio:>6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES), action="append")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.case or list(CASES):
            make, code = CASES[name]
            case_dir = Path(tmp) / name
            case_dir.mkdir()
            run_case(name, make, code, args.repeat, case_dir)


if __name__ == "__main__":
    main()
