"""What every record module shares: the closed vocabularies and the ``from_dict`` builders."""

from __future__ import annotations

from collections.abc import Callable
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


def pairs(key: str) -> Callable[[dict[str, Any]], tuple[tuple[str, str], ...]]:
    """A builder of the ``(name, value)`` pairs a record keeps of the dict under ``key``."""
    return lambda data: tuple(data.get(key, {}).items())
