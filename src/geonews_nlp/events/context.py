"""What the event rules know of the whole article: its date, entities and mentions, and
who among them can be a party of an event.

An event stands on its parties. A value is ``official`` when it can act in an official
capacity (a state, a capital or seat standing for it, a region, a government or
military body, a bloc, a political body, a person holding an office or known to act
for a state), an ``organization`` (a company, a club, a court), ``media`` (a source,
never a party) or ``private`` (a person with no office, no state and no official
body). A word with no entity behind it is an ``office`` (an office or a state's side:
"президент", "делегация", "стороны"), ``unnamed`` (parties the text does not name:
"союзники", "участники"), ``other`` (someone who is no party: "синоптики",
"пользователь", a pronoun that names nothing) or a ``thing``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Doc, Span, Token

from ..components.names import name_head
from ..knowledge.gazetteer import by_code, lookup
from ..records import Entity
from ..text.header import PublicationDate
from .lexicon import word_list


@dataclass(frozen=True)
class Value:
    """An argument value: an article entity (or a known state the text only implies),
    with the layer of the argument search that found it (``layers.LAYERS``)."""

    name: str
    entity: str | None
    start: int
    end: int
    actor: str | None = None
    layer: str = "trigger"


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
    def parties(self) -> "Parties":
        """The party kinds of the article's entities."""
        return Parties(self)

    @cached_property
    def salient_person(self) -> Entity | None:
        """The person the article is most about."""
        return _most_mentioned(e for e in self.entities.values() if e.type == "PER")

    @cached_property
    def salient_state(self) -> Entity | None:
        """The state the article is most about."""
        return _most_mentioned(e for e in self.entities.values() if e.kind == "state")

    def subject_before(self, token: Token) -> Span | None:
        """The person a subject pronoun continues: the subject of the nearest earlier
        clause, in its sentence or the one before, that is a person of the pronoun's
        gender ("Макрон провел переговоры с Шольцем. Потом он прибыл в Рим.")."""
        gender = token.morph.get("Gender")
        start = token.sent.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        for word in reversed(self.doc[start : token.i]):
            if word.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            span = self.mention_at.get(word.i) or self._named_in_apposition(word)
            if span is None or span.label_ != "PER":
                continue
            head = max(span, key=lambda t: t.dep_ in ("nsubj", "nsubj:pass"))
            if not gender or head.morph.get("Gender") in ([], gender):
                return span
        return None

    def _named_in_apposition(self, word: Token) -> Span | None:
        """The person a title names ("Премьер-министр Польши Дональд Туск")."""
        for child in word.children:
            if child.dep_ in ("appos", "flat:name", "flat") and (span := self.mention_at.get(child.i)) is not None:
                return span
        return None

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


#: kinds of known actors that act for a state or a bloc by themselves
OFFICIAL_KINDS = frozenset({"state", "capital", "seat", "government", "military", "bloc", "movement"})


@cache
def office_words() -> frozenset[str]:
    """Nouns of offices, state sides and political bodies ("сенаторы", "правительство")."""
    return word_list("role") | word_list("group") | word_list("office") | word_list("political_body")


@cache
def context_words() -> frozenset[str]:
    """Nouns that make a sentence political by themselves: offices, political bodies,
    "стороны"; not the general words for a state's side ("власти", "руководство")."""
    return word_list("role") | word_list("office") | word_list("political_body") | word_list("parties")


class Parties:
    """The party kinds of an article's entities, judged once per article."""

    def __init__(self, ctx: "ArticleContext") -> None:
        self.ctx = ctx

    @cached_property
    def heads(self) -> dict[str, set[str]]:
        """The head lemmas of each entity's names: "партия" of "Демократическая партия"."""
        out: dict[str, set[str]] = {}
        for span in self.ctx.doc.spans.get("geonews_mentions", []):
            if span.kb_id_ and not span.id_:
                out.setdefault(span.kb_id_, set()).add(name_head(span).lemma_)
        return out

    @cached_property
    def kinds(self) -> dict[str, str]:
        """Entity id -> party kind."""
        entities = self.ctx.entities
        out = {e.id: self._kind(e) for e in entities.values() if e.type != "PER"}
        out |= {e.id: self._person(e, out) for e in entities.values() if e.type == "PER"}
        return out

    def _kind(self, entity: Entity) -> str:
        if entity.kind is None:
            return "official"  # no actor layer ran: nothing to judge the entity by
        if entity.kind in OFFICIAL_KINDS:
            return "official"  # an organization coded by an adjective ("индийская компания") is not
        if entity.kind == "media":
            return "media"
        if entity.type == "LOC":
            return "official"  # a region or city named as a party acts through its government
        if self.heads.get(entity.id, set()) & word_list("political_body"):
            return "official"
        if any(lookup(word) is not None and lookup(word).kind == "state" for word in re.split(r"[\s–—-]+", entity.name)):
            return "official"  # a format of states: "Центральная Азия – Россия", "Россия – Африка"
        return "organization"

    def _person(self, entity: Entity, kinds: dict[str, str]) -> str:
        if entity.kind is None:
            return "official"  # no actor layer ran: nothing to judge the person by
        attributes = dict(entity.attributes)
        if entity.actor or attributes.get("title") in word_list("office"):
            return "official"
        organization = attributes.get("organization")
        if organization is not None:
            owner = next((e for e in self.ctx.entities.values() if e.name == organization), None)
            if owner is not None and kinds.get(owner.id) == "official":
                return "official"
        return "private"

    def of_value(self, value: Value) -> str:
        """The party kind of an argument value (a state the text only implies is official)."""
        if value.entity is None:
            return "official" if value.actor else "other"
        return self.kinds.get(value.entity, "other")

    @staticmethod
    def of_word(token: Token) -> str:
        """The party kind of a word in a party's place that names no entity: an office or
        a side; parties left unnamed ("союзники", an "они" or "стороны" the resolvers
        could not tie); someone else (a person or a pronoun naming no party:
        "синоптики", "пользователь", "он"); or a thing the parse put there ("шаг")."""
        lemma = token.lemma_
        if lemma in office_words():
            return "office"
        if lemma in word_list("unnamed_party") or lemma in word_list("parties"):
            return "unnamed"
        if token.pos_ == "PRON" or token.morph.get("Animacy") == ["Anim"]:
            return "other"
        return "thing"

    def official_mention(self, sentence: Span, skip: frozenset[str] = frozenset()) -> Span | None:
        """The first mention in a sentence of an actor that acts for a state or a bloc
        (not a mere town or region, not an entity of ``skip``); a place where something
        is or goes ("в Москве", "на западе Москвы", "в Москву") acts for no one."""
        kinds = self.kinds
        places = word_list("place_preposition")
        for span in self.ctx.doc.spans.get("geonews_mentions", []):
            if not (sentence.start <= span.start < sentence.end) or kinds.get(span.kb_id_) != "official":
                continue
            entity = self.ctx.entities.get(span.kb_id_)
            if span.kb_id_ in skip or (entity is not None and entity.kind == "location"):
                continue
            if span.label_ == "LOC" and _where(name_head(span), places):
                continue
            return span
        return None

def _where(token: Token, prepositions: frozenset[str]) -> bool:
    """Whether a word names where something is or goes: after a place preposition ("в
    Германии", "в Москву"), or the genitive of such a word ("на западе Москвы")."""
    for node in (token, token.head if token.dep_ == "nmod" else None):
        if node is not None and any(c.dep_ == "case" and c.lemma_ in prepositions for c in node.children):
            return True
    return False


def _most_mentioned(entities: Iterable[Entity]) -> Entity | None:
    """The entity with the most mentions, the first named on a tie; None for none."""
    return max(entities, key=lambda e: (len(e.mentions), -e.mentions[0].start), default=None)
