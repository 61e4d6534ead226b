"""What the event rules know of the whole article: its date, entities and mentions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..gazetteer import by_code, lookup
from ..header import PublicationDate
from ..records import Entity


@dataclass(frozen=True)
class Value:
    """An argument value: an article entity (or a known state the text only implies)."""

    name: str
    entity: str | None
    start: int
    end: int
    actor: str | None = None


class ArticleContext:
    """Lookups from tokens to entities, built once per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        date = doc._.geonews_date
        self.date: PublicationDate | None = PublicationDate.parse(date) if date else None
        self.entities: dict[str, Entity] = {e.id: e for e in doc._.geonews_entities or ()}
        mentions = sorted(doc.spans.get("geonews_mentions", []), key=lambda s: s.end - s.start, reverse=True)
        self.mention_at: dict[int, Span] = {}
        for span in mentions:  # shorter spans last: a token maps to its innermost mention
            for token in span:
                self.mention_at[token.i] = span
        self.by_code: dict[str, Entity] = {}
        for entity in self.entities.values():
            if entity.actor and entity.kind in ("state", "bloc"):
                self.by_code.setdefault(entity.actor, entity)

    def value(self, span: Span) -> Value:
        entity = self.entities.get(span.kb_id_)
        if entity is None:
            return Value(span.text, None, span.start_char, span.end_char)
        return Value(entity.name, entity.id, span.start_char, span.end_char, entity.actor)

    def mention(self, token: Token) -> Span | None:
        return self.mention_at.get(token.i)

    def state(self, code: str, token: Token) -> Value | None:
        """The article's entity for a state, or the state by its known name."""
        end = token.idx + len(token.text)
        entity = self.by_code.get(code)
        if entity is not None:
            return Value(entity.name, entity.id, token.idx, end, code)
        actor = by_code().get(code)
        return Value(actor.name, None, token.idx, end, code) if actor else None

    def is_state(self, value: Value) -> bool:
        entity = self.entities.get(value.entity or "")
        if entity is not None:
            return entity.kind == "state"
        actor = lookup(value.name)
        return actor is not None and actor.kind == "state"

    @cached_property
    def salient_person(self) -> Entity | None:
        """The person the article is most about: most mentions, first named on a tie."""
        people = [e for e in self.entities.values() if e.type == "PER"]
        if not people:
            return None
        return max(people, key=lambda e: (len(e.mentions), -e.mentions[0].start))

    def person_before(self, token: Token, window: int = 400, skip: set[int] = frozenset()) -> Span | None:
        """The last person mentioned before a token, within ``window`` characters, not
        counting mentions at the token positions in ``skip``."""
        best = None
        for span in self.doc.spans.get("geonews_mentions", []):
            if span.label_ != "PER" or span.end > token.i or span.start in skip:
                continue
            if token.idx - span.start_char <= window and (best is None or span.start > best.start):
                best = span
        return best
