"""The one error family users see.

Every failure a user can cause (a missing file, a sheet that does not parse, an output that
already exists) is raised as a `DrafterError` where it arises, with the file, line and column
known at that point.  The CLI is the only place that catches it: it prints `str(error)` on
stderr and exits 1, so no traceback ever reaches a user.
"""
from __future__ import annotations

import os
from typing import Optional, Union

from .record import record

# A str or a pathlib.Path (any os.PathLike): spelt without importing pathlib, which `drafter
# validate` does not otherwise need (~3.5 ms with the urllib.parse it imports).
PathLike = Union[str, "os.PathLike[str]"]


@record(frozen=True)
class Location:
    """A place in a file: 1-based line and column, either may be unknown."""

    path: str
    line: Optional[int] = None
    column: Optional[int] = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class DrafterError(Exception):
    """A problem with the user's input, worded in Chinese for the user.

    `str(error)` is the whole message as printed: ``FILE:LINE:COL: 说明`` when the place is
    known, followed by an optional excerpt (e.g. the offending line with a caret) and hint.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Optional[PathLike] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        detail: Optional[str] = None,
        hint: Optional[str] = None,
        code: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code  # a stable identifier for JSON reports ("file.too-large"), when there is one
        self.location = Location(str(path), line, column) if path is not None else None
        self.detail = detail
        self.hint = hint

    def __str__(self) -> str:
        head = f"{self.location}: {self.message}" if self.location else self.message
        lines = [head]
        if self.detail:
            lines.append(self.detail)
        if self.hint:
            lines.append(f"提示：{self.hint}")
        return "\n".join(lines)


class InputFileError(DrafterError):
    """A file the user named cannot be found, read or decoded."""


class DecodeProblem(InputFileError):
    """Bytes that are not a readable report, found before the file's name is known to the decoder;
    the reader re-raises it with the path (`with_path`)."""

    def with_path(self, path: PathLike) -> InputFileError:
        return InputFileError(self.message, path=path, hint=self.hint, code=self.code)


class OutputFileError(DrafterError):
    """The output cannot be written (exists without --force, folder missing, no permission)."""


class FactSheetError(DrafterError):
    """A fact sheet that does not parse or does not validate."""


class TemplateError(DrafterError):
    """A template that does not parse or fails while rendering."""


class OutlineError(DrafterError):
    """A learned outline file that cannot be used."""


class ReportError(DrafterError):
    """A report that cannot be analysed."""
