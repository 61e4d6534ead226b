"""What every record module shares: the closed vocabularies and the ``from_dict`` builders."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields
from typing import Any, Literal, TypeVar

EntityType = Literal["PER", "ORG", "LOC"]
EventTypeName = Literal["meeting", "commitment", "security_guarantee"]
Status = Literal["actual", "planned", "hypothetical", "negated"]

ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")
EVENT_TYPES: tuple[str, ...] = ("meeting", "commitment", "security_guarantee")
STATUSES: tuple[str, ...] = ("actual", "planned", "hypothetical", "negated")

R = TypeVar("R")


def flat(cls: type[R], data: Any, **build: Callable[[dict[str, Any]], Any]) -> R:
    """A record of ``cls`` from the keys of ``data`` that name its fields; ``build``
    makes the nested ones from ``data``."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}.from_dict needs a dict, not {type(data).__name__}")
    values = {f.name: data[f.name] for f in fields(cls) if f.name in data}  # type: ignore[arg-type]
    values.update({name: make(data) for name, make in build.items()})
    return cls(**values)


def many(record: Any, key: str) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A builder of the nested records listed under ``key``."""
    return lambda data: tuple(map(record.from_dict, data.get(key, ())))


class Attributes(Mapping[str, str]):
    """A record's named attributes (``event.attributes["mode"]``): a read-only mapping
    that hashes, as a frozen record's fields must, and equals a dict of the same items.

    >>> Attributes({"mode": "visit"})["mode"], dict(Attributes([("sides", "2")]))
    ('visit', {'sides': '2'})
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._items: dict[str, str] = dict(items)

    def __getitem__(self, name: str) -> str:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"Attributes({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return Attributes, (tuple(self._items.items()),)


def as_attributes(value: Any) -> Attributes:
    """The attributes a record was given (a mapping or ``(name, value)`` pairs) as ``Attributes``."""
    return value if isinstance(value, Attributes) else Attributes(value)


def pairs(key: str) -> Callable[[dict[str, Any]], Attributes]:
    """A builder of the attributes a record keeps of the dict under ``key``."""
    return lambda data: Attributes(data.get(key) or {})
