"""The answers given so far, saved after every answer so that nothing typed is ever lost.

The progress file sits next to the sheet being written (``事实表.yaml.进度.json``), visible
on purpose: a user who stopped half-way sees it and knows.  It is a log of
``[question key, answer as typed]`` in the order asked, plus what the session started from
(the ``--from`` file and a copy of what was taken from it), so that a resumed session asks
the same questions whatever the flags of the second run.  Resuming replays the log through
the same questionnaire: each answer is checked again as if typed, so answers that no
longer fit stop the replay at that question and the user is asked from there.

Nothing here ever deletes progress that was not replaced by a good copy: every save is
atomic (temporary file, then rename); a file that cannot be read back is an error that
leaves it untouched (`--restart` moves it aside, it is never removed); only a written and
checked sheet removes it.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from ..errors import DrafterError
from ..fsutil import write_text_atomic

SUFFIX = ".进度.json"
VERSION = 2
READABLE_VERSIONS = (1, 2)  # version 1 had no copy of the --from sheet


class ProgressError(DrafterError):
    """A progress file that exists but cannot be used: it is left as it is."""


def progress_path(target: Path) -> Path:
    return target.with_name(target.name + SUFFIX)


def spare_path(path: Path) -> Path:
    """A free name beside `path` for a copy that must not be lost (``….进度.旧.json``)."""
    stem = path.name[:-len(".json")] if path.name.endswith(".json") else path.name
    for number in range(1, 1000):
        candidate = path.with_name(f"{stem}.旧{number if number > 1 else ''}.json")
        if not candidate.exists():
            return candidate
    raise ProgressError("旧的进度文件太多，无法另存", path=path, hint="删掉不再需要的 .进度.旧*.json 文件后重试")


@dataclass
class Progress:
    path: Path
    answers: List[Tuple[str, str]] = field(default_factory=list)
    source: Optional[str] = None  # the --from file as given
    seed: Optional[Dict[str, Any]] = None  # what was taken from it (rollover.Seed.to_json)
    started: str = ""

    @classmethod
    def load(cls, path: Path) -> Optional["Progress"]:
        """The saved progress; None when there is none; ProgressError when it cannot be read."""
        if not path.exists():
            return None
        hint = (f"这个文件没有被改动。要放弃其中的回答、从头填写，请加 --restart（它会被改名为"
                f" {spare_path(path).name} 保存起来，不会删除）")
        if not path.is_file():  # a folder or a FIFO of that name: reading it would fail or block
            raise ProgressError("进度文件不是普通文件，无法读取", path=path, hint=hint)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "内容不完整或不是有效的 JSON"
            raise ProgressError(f"无法读取上次保存的进度（{why}）", path=path, hint=hint) from exc
        try:
            if not isinstance(data, dict) or data.get("version") not in READABLE_VERSIONS:
                raise TypeError("version")
            answers = [(k, v) for k, v in data["answers"]]
            if not all(isinstance(k, str) and isinstance(v, str) for k, v in answers):
                raise TypeError("answers")
            source, seed = data.get("from"), data.get("seed")
            if not (source is None or isinstance(source, str)) or not (seed is None or isinstance(seed, dict)):
                raise TypeError("from")
        except (KeyError, TypeError, ValueError) as exc:
            raise ProgressError("上次保存的进度文件格式不对，可能被修改过或来自其他版本的 drafter",
                                path=path, hint=hint) from exc
        return cls(path, answers, source, seed, str(data.get("started", "")))

    def save(self) -> None:
        if not self.started:
            self.started = datetime.now().isoformat(timespec="seconds")
        head = json.dumps({"version": VERSION, "from": self.source, "started": self.started, "seed": self.seed},
                          ensure_ascii=False)
        answers = ",\n".join("  " + json.dumps(list(pair), ensure_ascii=False) for pair in self.answers)
        text = head[:-1] + ', "answers": [\n' + answers + "\n]}\n"  # one answer a line: readable, diffable
        write_text_atomic(self.path, text, force=True)

    def keep_copy(self) -> Path:
        """Copy the saved file aside before it is overwritten with fewer answers; the copy's name."""
        spare = spare_path(self.path)
        try:
            shutil.copyfile(self.path, spare)
        except OSError as exc:
            raise ProgressError(f"无法另存上次的进度（{exc.strerror or exc}），为免丢失回答，没有继续", path=self.path,
                                hint="进度文件没有被改动；腾出磁盘空间或检查文件夹权限后再运行同一命令") from exc
        return spare

    def move_aside(self) -> Path:
        """`--restart`: the old file keeps its answers under another name."""
        spare = spare_path(self.path)
        self.path.rename(spare)
        return spare

    def remove(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
