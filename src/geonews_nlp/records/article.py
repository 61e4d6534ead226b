"""The article: everything read in one text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .base import flat, many
from .entities import Entity
from .events import Event, Sentence
from .occasions import Occasion


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
    occasions: tuple[Occasion, ...] = ()  # the real-world events its event records tell of

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
        out["events"] = [_by_offsets(e.to_dict()) for e in self.events]
        out["occasions"] = [o.to_dict() for o in self.occasions]
        if self.error is not None:
            out["error"] = self.error
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The article ``to_dict()`` (or a line of ``geonews-nlp extract --jsonl``, an
        ``{"id", "error"}`` line included) describes. An event's sentence is cut from
        the text by its offsets (files that also wrote its text read the same)."""
        text = data.get("text", "") if isinstance(data, dict) else ""
        return flat(
            cls,
            data,
            text=lambda d: text,
            sentences=many(Sentence, "sentences"),
            entities=many(Entity, "entities"),
            events=lambda d: tuple(Event.from_dict(_with_text(e, text)) for e in d.get("events", ())),
            occasions=many(Occasion, "occasions"),
        )

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict()`` as JSON, non-ASCII kept readable."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)


def _by_offsets(event: dict[str, Any]) -> dict[str, Any]:
    """An event's dict whose sentence is its offsets only: the article holds the text
    once, and an event repeating its sentence would make the JSON of one long sentence
    grow with the square of its length."""
    sentence = event.get("sentence")
    if sentence is not None:
        event["sentence"] = {"start": sentence["start"], "end": sentence["end"]}
    return event


def _with_text(event: Any, text: str) -> Any:
    """An event's dict with its sentence's text cut from the article's text, when the
    dict gives only the offsets."""
    sentence = event.get("sentence") if isinstance(event, dict) else None
    if isinstance(sentence, dict) and "text" not in sentence and "start" in sentence and "end" in sentence:
        return {**event, "sentence": {**sentence, "text": text[sentence["start"] : sentence["end"]]}}
    return event
