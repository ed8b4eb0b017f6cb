"""Where a fact came from: the neutral type that fact sheets and drafts both use.

It lives on its own so that `drafter.facts` (which attaches a source to every value it loads)
does not import `drafter.draft` (which only carries it through to the writers): facts come
before drafts in the data flow, and neither should depend on the other.
"""
from __future__ import annotations

from typing import Optional

from .record import record


@record(frozen=True)
class Source:
    """Where a fact came from: its path in the sheet (``achievements[0].figures[1]``) and line."""

    path: str
    line: Optional[int] = None
