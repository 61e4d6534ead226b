"""Entities and their mentions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import Attributes, EntityType, as_attributes, flat, many, pairs


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text: by ``name``, or by an ``adjective`` that
    stands for a state ("американская сторона", "американо-украинские переговоры")."""

    start: int
    end: int
    text: str
    kind: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return flat(cls, data)


def entity_id(number: int) -> str:
    """The id of an article's entity by its place in the article, from 0: "E1", "E2", ..."""
    return f"E{number + 1}"


@dataclass(frozen=True)
class Entity:
    """A person, organization or location with all its mentions in one article.

    ``name`` is the canonical nominative name: the fullest form the article uses for a
    person, the common short name for a state ("США"). ``actor`` is the code it counts
    under across articles (ISO 3166-1 alpha-3 for a state and for what acts for it: its
    capital, its bodies, its officials; a stable code for a bloc), ``kind`` one of
    state, capital, seat, government, military, bloc, person, organization, media,
    location; ``attributes`` hold a person's title, position and organization.
    """

    id: str
    type: EntityType
    name: str
    mentions: tuple[Mention, ...]
    actor: str | None = None
    kind: str | None = None
    attributes: Attributes = Attributes()

    def __post_init__(self) -> None:
        object.__setattr__(self, "attributes", as_attributes(self.attributes))  # pairs or a dict: read-only

    @property
    def names(self) -> tuple[Mention, ...]:
        """The mentions by name (not by adjective)."""
        return tuple(m for m in self.mentions if m.kind == "name")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "actor": self.actor,
            "kind": self.kind,
            "attributes": dict(self.attributes),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return flat(cls, data, mentions=many(Mention, "mentions"), attributes=pairs("attributes"))
