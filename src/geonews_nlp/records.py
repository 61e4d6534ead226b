"""Public records: the contract between geonews_nlp and its users.

Plain frozen dataclasses with ``to_dict()`` and ``from_dict()``; nothing here depends on
spaCy, so a user who never heard of it gets values that compare, hash and serialise as
JSON, and read back from it. Offsets are Python string indices into the article text,
end exclusive.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

EntityType = Literal["PER", "ORG", "LOC"]
EventTypeName = Literal["meeting", "commitment", "security_guarantee"]
Status = Literal["actual", "planned", "hypothetical", "negated"]

ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")
EVENT_TYPES: tuple[str, ...] = ("meeting", "commitment", "security_guarantee")
STATUSES: tuple[str, ...] = ("actual", "planned", "hypothetical", "negated")

R = TypeVar("R")


def _flat(cls: type[R], data: Any, **build: Callable[[dict[str, Any]], Any]) -> R:
    """A record of ``cls`` from the keys of ``data`` that name its fields; ``build``
    makes the nested ones from ``data``."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}.from_dict needs a dict, not {type(data).__name__}")
    values = {f.name: data[f.name] for f in fields(cls) if f.name in data}  # type: ignore[arg-type]
    values.update({name: make(data) for name, make in build.items()})
    return cls(**values)


def _many(record: Any, key: str) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A builder of the nested records listed under ``key``."""
    return lambda data: tuple(map(record.from_dict, data.get(key, ())))


def _pairs(key: str) -> Callable[[dict[str, Any]], tuple[tuple[str, str], ...]]:
    """A builder of the ``(name, value)`` pairs a record keeps of the dict under ``key``."""
    return lambda data: tuple(data.get(key, {}).items())


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
        return _flat(cls, data)


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
    attributes: tuple[tuple[str, str], ...] = ()

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
        return _flat(cls, data, mentions=_many(Mention, "mentions"), attributes=_pairs("attributes"))


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article body (the date header is not one)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return _flat(cls, data)


@dataclass(frozen=True)
class Trigger:
    """The word or short phrase that names an event."""

    start: int
    end: int
    text: str
    lemma: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Trigger:
        return _flat(cls, data)


@dataclass(frozen=True)
class Argument:
    """A participant of an event in a role; ``entity`` is the id of the article entity,
    ``actor`` its code."""

    role: str
    name: str
    entity: str | None
    start: int
    end: int
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "name": self.name,
            "entity": self.entity,
            "actor": self.actor,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Argument:
        return _flat(cls, data)


@dataclass(frozen=True)
class Event:
    """One event mention: a typed occurrence asserted, planned or discussed in a sentence.

    ``rule`` names the extraction rule that produced it, so a user can ask why it exists.
    """

    type: EventTypeName
    trigger: Trigger
    status: Status
    date: str | None
    arguments: tuple[Argument, ...] = ()
    sentence: Sentence | None = None
    rule: str = ""
    source: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "status": self.status,
            "date": self.date,
            "arguments": [a.to_dict() for a in self.arguments],
            "sentence": self.sentence.to_dict() if self.sentence else None,
            "rule": self.rule,
            "source": self.source,
            "attributes": dict(self.attributes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return _flat(
            cls,
            data,
            trigger=lambda d: Trigger.from_dict(d["trigger"]),
            arguments=_many(Argument, "arguments"),
            sentence=lambda d: None if d.get("sentence") is None else Sentence.from_dict(d["sentence"]),
            attributes=_pairs("attributes"),
        )


@dataclass(frozen=True)
class Decision:
    """What the event extractor decided about one trigger match: kept, with the
    conditions of its rule that held, or dropped by the veto or condition named in
    ``dropped_by`` (see ``geonews_nlp.debug``)."""

    type: EventTypeName
    rule: str
    trigger: Trigger
    sentence: Sentence | None
    kept: bool
    reasons: tuple[str, ...] = ()
    dropped_by: str | None = None
    pattern: str = ""

    def __str__(self) -> str:
        t = self.trigger
        verdict = "; ".join(self.reasons) if self.kept else self.dropped_by
        return f"{'KEEP' if self.kept else 'DROP'} {self.rule} {t.text!r} at {t.start}-{t.end}: {verdict or 'no conditions'}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "rule": self.rule,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict() if self.sentence else None,
            "kept": self.kept,
            "reasons": list(self.reasons),
            "dropped_by": self.dropped_by,
            "pattern": self.pattern,
        }


@dataclass(frozen=True)
class Article:
    """What geonews_nlp read in one article."""

    text: str
    date: str | None = None
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    id: str | None = None
    error: str | None = field(default=None, compare=True)

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id; ``KeyError`` if the article has none."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["date"] = self.date
        out["text"] = self.text
        out["sentences"] = [s.to_dict() for s in self.sentences]
        out["entities"] = [e.to_dict() for e in self.entities]
        out["events"] = [e.to_dict() for e in self.events]
        if self.error is not None:
            out["error"] = self.error
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The article ``to_dict()`` (or a line of ``geonews-nlp extract --jsonl``, an
        ``{"id", "error"}`` line included) describes."""
        return _flat(
            cls,
            data,
            text=lambda d: d.get("text", ""),
            sentences=_many(Sentence, "sentences"),
            entities=_many(Entity, "entities"),
            events=_many(Event, "events"),
        )

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict()`` as JSON, non-ASCII kept readable."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)
