"""What validation finds: `Problem`s (errors and warnings), each at a place in the sheet.

A `Problem` is plain data so that reporters (text, JSON) and callers (render, the wizard)
can use it without knowing where it came from.  `LoadError` is the `FactSheetError` of a
sheet that cannot be read at all (not found, not text, not YAML); it carries a stable
`code` for the JSON report.
"""
from __future__ import annotations

from typing import Optional, Tuple, Union

from ..errors import FactSheetError, PathLike
from ..record import record
from ..schemacheck import dotted_path

PathKey = Tuple[Union[str, int], ...]

ERROR = "error"
WARNING = "warning"


@record(frozen=True)
class Problem:
    severity: str  # ERROR | WARNING
    code: str  # stable identifier, e.g. "schema.type", "check.placeholder" (listed in reporting.py)
    message: str  # Chinese, without the place
    path: PathKey = ()  # the field, e.g. ("achievements", 0, "figures", 1, "value")
    line: Optional[int] = None
    column: Optional[int] = None
    hint: Optional[str] = None
    title: Optional[str] = None  # the field's Chinese name from the schema, e.g. "今年数值"
    detail: Optional[str] = None  # the offending line with a caret

    @property
    def field(self) -> str:
        """``achievements[0].figures[1].value``; empty for the file as a whole."""
        return dotted_path(self.path)

    @property
    def pointer(self) -> str:
        """JSON Pointer (RFC 6901) of the field: ``/achievements/0/figures/1/value``."""
        return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in self.path)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class LoadError(FactSheetError):
    """A sheet that cannot be read: the one problem there is, with a stable code."""

    def __init__(self, code: str, message: str, *, path: Optional[PathLike] = None, line: Optional[int] = None,
                 column: Optional[int] = None, detail: Optional[str] = None, hint: Optional[str] = None) -> None:
        super().__init__(message, path=path, line=line, column=column, detail=detail, hint=hint, code=code)
        self.code: str = code

    def problem(self) -> Problem:
        loc = self.location
        return Problem(ERROR, self.code, self.message, (), loc.line if loc else None, loc.column if loc else None,
                       self.hint, None, self.detail)
