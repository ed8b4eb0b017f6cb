"""The answers given so far, saved after every answer so that nothing typed is ever lost.

The progress file sits next to the sheet being written (``事实表.yaml.进度.json``), visible
on purpose: a user who stopped half-way sees it and knows.  It is a log of
``[question key, answer as typed]`` in the order asked.  Resuming replays the log through
the same questionnaire: each answer is checked again as if typed, so a log from an older
drafter, or answers that no longer fit, simply stop the replay at that question and the
user is asked from there.  Every save is atomic (temporary file, then rename), so a crash
while saving leaves the previous log intact.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import List, Optional, Tuple

from ..fsutil import write_text_atomic

SUFFIX = ".进度.json"
VERSION = 1


def progress_path(target: Path) -> Path:
    return target.with_name(target.name + SUFFIX)


@dataclass
class Progress:
    path: Path
    answers: List[Tuple[str, str]] = field(default_factory=list)
    source: Optional[str] = None  # the --from sheet, for the resume message
    started: str = ""

    @classmethod
    def load(cls, path: Path) -> Optional["Progress"]:
        """The saved progress, or None when there is none or it cannot be used."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            answers = [(str(k), str(v)) for k, v in data["answers"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if data.get("version") != VERSION:
            return None
        return cls(path, answers, data.get("from"), data.get("started", ""))

    def save(self) -> None:
        if not self.started:
            self.started = datetime.now().isoformat(timespec="seconds")
        head = json.dumps({"version": VERSION, "from": self.source, "started": self.started}, ensure_ascii=False)
        answers = ",\n".join("  " + json.dumps(list(pair), ensure_ascii=False) for pair in self.answers)
        text = head[:-1] + ', "answers": [\n' + answers + "\n]}\n"  # one answer a line: readable, diffable
        write_text_atomic(self.path, text, force=True)

    def remove(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
