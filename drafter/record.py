"""`record`: the part of `@dataclass` that drafter's start-up records use, without its import cost.

`@dataclass` compiles an `__init__`, `__eq__`, `__repr__` … per class with `exec` at import time
(~0.5 ms a class, plus ~1 ms for the module); `drafter validate` creates a dozen such records
before it reads a line, which was a tenth of its time over the bare `import yaml, click` (issue 12).
`record` builds the same methods from closures shared by every class: same constructor signature
(positional or keyword, defaults, `field(default_factory=…)`), same equality, hash (frozen) or
unhashability (not frozen), the same repr, and frozen instances refuse assignment with an
AttributeError, as dataclasses' FrozenInstanceError is one.  `dataclasses.replace`/`asdict` do not
apply; `record.replace` does what `dataclasses.replace` does.  A class may define its own
`__init__` (a hot record such as yamlload.Mark does, for speed); `record` then keeps it.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

_MISSING: Any = object()


class _Field:
    __slots__ = ("default", "default_factory", "compare")

    def __init__(self, default: Any, default_factory: Optional[Callable[[], Any]], compare: bool) -> None:
        self.default, self.default_factory, self.compare = default, default_factory, compare


def field(*, default: Any = _MISSING, default_factory: Optional[Callable[[], Any]] = None, compare: bool = True,
          hash: Optional[bool] = None) -> Any:  # noqa: A002 - the name dataclasses uses
    """Like `dataclasses.field` for the options drafter uses (`hash` follows `compare`, as there)."""
    return _Field(default, default_factory, compare)


def record(cls: Optional[type] = None, *, frozen: bool = False) -> Any:
    """Decorate a class whose annotations are its fields (see the module docstring)."""
    if cls is None:
        return lambda c: _build(c, frozen)
    return _build(cls, frozen)


def _build(cls: type, frozen: bool) -> type:
    names: List[str] = []
    defaults: Dict[str, _Field] = {}
    for name, hint in cls.__dict__.get("__annotations__", {}).items():
        if "ClassVar" in str(hint):
            continue
        names.append(name)
        value = cls.__dict__.get(name, _MISSING)
        if isinstance(value, _Field):
            defaults[name] = value
            if value.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, value.default)
        elif value is not _MISSING:
            defaults[name] = _Field(value, None, True)
    fields: Tuple[str, ...] = tuple(names)
    compared = tuple(n for n in names if n not in defaults or defaults[n].compare)
    setter = object.__setattr__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__}.__init__() takes {len(fields) + 1} positional arguments "
                            f"but {len(args) + 1} were given")
        for name, value in zip(fields, args):
            if name in kwargs:
                raise TypeError(f"{cls.__name__}.__init__() got multiple values for argument '{name}'")
            setter(self, name, value)
        for name in fields[len(args):]:
            if name in kwargs:
                setter(self, name, kwargs.pop(name))
            elif name in defaults:
                spec = defaults[name]
                setter(self, name, spec.default_factory() if spec.default_factory is not None else spec.default)
            else:
                raise TypeError(f"{cls.__name__}.__init__() missing required argument: '{name}'")
        if kwargs:
            raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")

    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in fields)
        return f"{type(self).__qualname__}({inner})"

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        # tuples, as dataclasses compare: identity first, then ==
        return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)

    if "__init__" not in cls.__dict__:
        cls.__init__ = __init__  # type: ignore[misc]
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = __repr__  # type: ignore[assignment]
    cls.__eq__ = __eq__  # type: ignore[assignment]
    if frozen:
        def __hash__(self: Any) -> int:
            return hash(tuple(getattr(self, n) for n in compared))

        def __setattr__(self: Any, name: str, value: Any) -> None:
            raise AttributeError(f"cannot assign to field '{name}'")

        def __delattr__(self: Any, name: str) -> None:
            raise AttributeError(f"cannot delete field '{name}'")

        cls.__hash__ = __hash__  # type: ignore[assignment]
        cls.__setattr__ = __setattr__  # type: ignore[assignment]
        cls.__delattr__ = __delattr__  # type: ignore[assignment]
    else:
        cls.__hash__ = None  # type: ignore[assignment]
    cls.__match_args__ = fields  # type: ignore[attr-defined]
    cls.__record_fields__ = fields  # type: ignore[attr-defined]
    return cls


def replace(obj: Any, **changes: Any) -> Any:
    """A new record like `obj` with `changes`, built through `__init__` as `dataclasses.replace` does."""
    fields = type(obj).__record_fields__
    unknown = set(changes) - set(fields)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field '{sorted(unknown)[0]}'")
    return type(obj)(**{name: changes[name] if name in changes else getattr(obj, name) for name in fields})
