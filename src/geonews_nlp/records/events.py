"""Event mentions: their trigger, arguments and sentence, and the extractor's decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import Attributes, EventTypeName, Status, as_attributes, flat, many, pairs


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
        return flat(cls, data)


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
        return flat(cls, data)


@dataclass(frozen=True)
class Argument:
    """A participant of an event in a role; ``entity`` is the id of the article entity,
    ``actor`` its code, ``layer`` where the argument search found it: the trigger's own
    clause (``trigger``), the predicate governing a noun trigger (``governor``), a clause
    tied to the trigger (``clause``), another event of the sentence (``related``) or the
    article before (``discourse``); None in records written before layers existed."""

    role: str
    name: str
    entity: str | None
    start: int
    end: int
    actor: str | None = None
    layer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "name": self.name,
            "entity": self.entity,
            "actor": self.actor,
            "start": self.start,
            "end": self.end,
            "layer": self.layer,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Argument:
        return flat(cls, data)


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
    attributes: Attributes = Attributes()
    occasion: str | None = None  # the id of the occasion it tells of (``Article.occasions``)

    def __post_init__(self) -> None:
        object.__setattr__(self, "attributes", as_attributes(self.attributes))  # pairs or a dict: read-only

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
            "occasion": self.occasion,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return flat(
            cls,
            data,
            trigger=lambda d: Trigger.from_dict(d["trigger"]),
            arguments=many(Argument, "arguments"),
            sentence=lambda d: None if d.get("sentence") is None else Sentence.from_dict(d["sentence"]),
            attributes=pairs("attributes"),
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
