"""The building blocks of a questionnaire: questions, repeated groups and sections, as data.

A questionnaire is a tuple of `Section`s; a section holds `Question`s and `Group`s; a group
repeats its questions once per item (one 工作主题, one 数据 …) and may first offer
candidates (last year's plan items).  Every question says what it writes (`field`), how
the answer is read (`kind`), what it defaults to, which values are allowed, how to check
the answer, and when it is asked at all (`condition`).  The runner (`runner.py`) walks this
structure; nothing here does any input or output.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

from .rollover import Seed

PathKey = Tuple[Union[str, int], ...]
# Where an item stands for validation: (a sheet holding it, its path there).
Placement = Callable[[Dict[str, Any], Dict[str, Any]], Tuple[Dict[str, Any], PathKey]]

KINDS = ("text", "int", "number", "date", "choice", "yesno", "list")


@dataclass
class Context:
    """What a question's callables may look at while the sheet is being filled."""

    sheet: Dict[str, Any]  # the whole sheet built so far
    item: Dict[str, Any]  # the mapping the current questions write into
    today: date
    seed: Optional[Seed] = None
    candidate: Optional[Dict[str, Any]] = None  # the rollover candidate this item started from
    index: int = 0  # the item's position in its group
    path: Optional[PathKey] = ()  # where `item` stands in the sheet; None: not in it (see `placed`)
    placed: Optional[Placement] = None  # for an item kept outside the sheet until the end

    def within(self, item: Dict[str, Any], *, candidate: Optional[Dict[str, Any]] = None,
               index: int = 0, path: Optional[PathKey] = None, placed: Optional[Placement] = None) -> "Context":
        return Context(self.sheet, item, self.today, self.seed, candidate, index, path, placed)

    def probe(self) -> Optional[Tuple[Dict[str, Any], PathKey]]:
        """(a sheet to validate, the current item's path in it), or None when it has no place."""
        if self.placed is not None:
            return self.placed(self.sheet, self.item)
        return (self.sheet, self.path) if self.path is not None else None

    def seeded(self, key: str) -> Any:
        return self.seed.defaults.get(key) if self.seed else None


Dynamic = Union[Any, Callable[[Context], Any]]
Validator = Callable[[Any, Context], Optional[str]]


def resolve(value: Dynamic, ctx: Context) -> Any:
    return value(ctx) if callable(value) else value


@dataclass(frozen=True)
class Question:
    field: str  # key written in the current mapping
    prompt: Dynamic  # str or callable(ctx) -> str
    kind: str = "text"  # one of KINDS
    help: Dynamic = ""  # a line shown before the question
    default: Dynamic = None  # used when the answer is empty
    choices: Dynamic = ()  # for "choice": [(value, label), …]
    validator: Optional[Validator] = None  # returns a Chinese reason when the answer is not acceptable
    condition: Optional[Callable[[Context], bool]] = None  # asked only when true
    required: bool = False
    min_items: int = 0  # for "list"
    keep_empty: bool = False  # write `field: null` when unanswered, so the sheet shows the field

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind


@dataclass(frozen=True)
class Group:
    """A list of items (`field` in the current mapping), each filled by `questions`."""

    field: str
    noun: str  # "主要工作" → "第 2 项主要工作"
    questions: Tuple[Union[Question, "Group"], ...]
    min_items: int = 0
    start_prompt: Optional[Dynamic] = None  # yes/no before the first free item when min_items == 0
    start_default: bool = False
    more_prompt: Optional[Dynamic] = None  # yes/no before each further item; None: no free items
    more_default: Callable[[int], bool] = lambda count: False
    candidates: Optional[Callable[[Context], Sequence[Dict[str, Any]]]] = None
    candidate_prompt: Optional[Callable[[Dict[str, Any], int], str]] = None  # None: ask the questions directly
    candidate_default: bool = True  # the answer to candidate_prompt on a plain Enter
    start_item: Optional[Callable[[Dict[str, Any]], Dict[str, Any]]] = None  # an item's contents from its candidate
    keep: Callable[[Dict[str, Any]], bool] = lambda item: True  # drop items left empty (skipped candidates)
    condition: Optional[Callable[[Context], bool]] = None
    intro: Dynamic = ""
    item_header: bool = True  # print "—— 第 2 项主要工作 ——" before each item
    placed: Optional[Placement] = None  # items kept outside the sheet: where to validate them


@dataclass(frozen=True)
class Section:
    title: str  # "一、基本情况"
    items: Tuple[Union[Question, Group], ...]
    field: Optional[str] = None  # questions write into sheet[field] (a mapping) when given
    intro: str = ""
    condition: Optional[Callable[[Context], bool]] = None


@dataclass(frozen=True)
class Questionnaire:
    sections: Tuple[Section, ...]
    finish: Callable[[Dict[str, Any]], Dict[str, Any]] = lambda sheet: sheet  # final touches to the sheet

    def questions(self) -> List[Question]:
        """Every question, depth first (for tests and documentation)."""
        out: List[Question] = []

        def walk(items: Sequence[Union[Question, Group]]) -> None:
            for item in items:
                if isinstance(item, Group):
                    walk(item.questions)
                else:
                    out.append(item)

        for section in self.sections:
            walk(section.items)
        return out


Choices = List[Tuple[str, str]]
__all__ = ["Context", "Group", "Question", "Questionnaire", "Section"]
