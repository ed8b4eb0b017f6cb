"""Top-level precision/recall and title accuracy of `analyze` over the hand-labelled fixtures.

Run as ``python tests/outline_scores.py [NAME-PART]``; prints one line per file that differs and
the totals, and the same for the level-2 sections of the parts whose labels list them.  (Not a test: the assertion lives in tests/test_analyze.py.)
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from drafter.outline.analyze import analyze_file

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
LABELS = HERE / "fixtures" / "seed-labels"
REPORTS = HERE / "fixtures" / "reports"


def cases():
    for label in sorted(LABELS.glob("*.labels.yaml")):
        yield SEEDS / label.name.replace(".labels.yaml", ".txt"), label
    for expected in sorted(REPORTS.glob("*.expected.yaml")):
        stem = expected.name[: -len(".expected.yaml")]
        yield next(p for p in REPORTS.glob(stem + ".*") if not p.name.endswith(".expected.yaml")), expected


def key(section: dict) -> tuple:
    return (section["canonical"], section["heading"], section.get("line") if section["heading"] is None else None,
            bool(section.get("continued")))


def _children(sections: list, want: list) -> tuple:
    """(true positive, false positive, false negative) of the (part, heading) pairs of the level-2
    sections, for the top-level parts whose expectation lists its children."""
    by_heading = {(s["canonical"], s["heading"]): s for s in sections}
    tp = fp = fn = 0
    for expected in want:
        if "children" not in expected:
            continue
        got_section = by_heading.get((expected["canonical"], expected["heading"]), {"children": []})
        got = {(c["canonical"], c["heading"]) for c in got_section["children"]}
        wanted = {(c["canonical"], c["heading"]) for c in expected["children"]}
        tp, fp, fn = tp + len(got & wanted), fp + len(got - wanted), fn + len(wanted - got)
    return tp, fp, fn


def main(only: str = "") -> None:
    tp = fp = fn = titles = total = 0
    sub = [0, 0, 0]
    for source, expected_file in cases():
        if only and only not in source.name:
            continue
        expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
        report = analyze_file(source).to_dict()
        want_lines = {s["heading"]: s.get("line") for s in expected["sections"]}
        got = {key({**s, "line": s["line"] if want_lines.get(s["heading"], 0) is not None else None})
               for s in report["sections"]}
        want = {key(s) for s in expected["sections"]}
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        total += 1
        titles += report["title"] == expected["title"]
        sub = [a + b for a, b in zip(sub, _children(report["sections"], expected["sections"]))]
        if got != want or report["title"] != expected["title"]:
            print(f"{source.name}: title {report['title']!r}" if report["title"] != expected["title"] else source.name)
            for item in sorted(got - want, key=str):
                print("   extra  ", item)
            for item in sorted(want - got, key=str):
                print("   missing", item)
    print(f"files {total}  precision {tp / max(1, tp + fp):.3f}  recall {tp / max(1, tp + fn):.3f}  "
          f"titles {titles}/{total}")
    print(f"subsections (where labelled)  precision {sub[0] / max(1, sub[0] + sub[1]):.3f}  "
          f"recall {sub[0] / max(1, sub[0] + sub[2]):.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
