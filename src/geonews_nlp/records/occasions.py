"""Occasions: one real-world event behind the event records that tell of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import EventTypeName, Status, flat, many


@dataclass(frozen=True)
class Party:
    """A party of an occasion in a role: the name its mentions give, and its actor code."""

    role: str
    name: str
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "name": self.name, "actor": self.actor}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Party:
        return flat(cls, data)


@dataclass(frozen=True)
class OccasionMention:
    """One event record behind an occasion: its article (id and publication date), its
    place in the article's ``events``, its status, its source, and why it joined the
    occasion (the evidence weighed, or what kept it out of the nearest other occasion
    when it opened this one)."""

    article: str | None
    event: int
    date: str | None = None
    status: Status = "actual"
    source: str | None = None
    why: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "event": self.event,
            "date": self.date,
            "status": self.status,
            "source": self.source,
            "why": self.why,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OccasionMention:
        return flat(cls, data)


@dataclass(frozen=True)
class Occasion:
    """A real-world event: the union of what its mentions say of it.

    ``date`` is the most specific date the mentions agree on; ``status`` is the surest a
    mention gives (what happened wins over what was planned, what was planned over what
    was only discussed: actual > planned > hypothetical > negated); ``mentions`` are the
    event records, in the order they were read; ``first_seen`` and ``last_seen`` are the
    earliest and latest publication dates of their articles.
    """

    id: str
    type: EventTypeName
    status: Status
    date: str | None = None
    place: Party | None = None
    parties: tuple[Party, ...] = ()
    mentions: tuple[OccasionMention, ...] = ()

    @property
    def articles(self) -> tuple[str | None, ...]:
        """The articles that tell of it, each once, in the order they were read."""
        return tuple(dict.fromkeys(m.article for m in self.mentions))

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources the mentions cite, each once."""
        return tuple(dict.fromkeys(m.source for m in self.mentions if m.source))

    @property
    def first_seen(self) -> str | None:
        return min((m.date for m in self.mentions if m.date), default=None)

    @property
    def last_seen(self) -> str | None:
        return max((m.date for m in self.mentions if m.date), default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "status": self.status,
            "date": self.date,
            "place": self.place.to_dict() if self.place else None,
            "parties": [p.to_dict() for p in self.parties],
            "mentions": [m.to_dict() for m in self.mentions],
            "articles": len(self.articles),
            "sources": list(self.sources),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Occasion:
        return flat(
            cls,
            data,
            place=lambda d: Party.from_dict(d["place"]) if d.get("place") else None,
            parties=many(Party, "parties"),
            mentions=many(OccasionMention, "mentions"),
        )
