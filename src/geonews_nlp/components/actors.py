"""Actors: who is who across articles.

Runs after the entity layer. Every entity gets the code it is counted under and its
kind: known states, capitals, seats of power, bodies, blocs and media from the
gazetteer; an organization named after a state ("МИД Франции") takes the state's code;
a person takes the state of the office around the name ("Президент Франции Эмманюэль
Макрон", "начальник Генерального штаба ВСУ Андрей Гнатов") or of the people list, and
keeps the title, position and organization as attributes; a later bare office the
article ties to that person ("глава государства", "президент Франции") becomes a
mention of kind ``title``. Adjectives that stand for a state ("американская сторона",
"американо-украинские переговоры") become mentions of that state, of kind
``adjective``.
"""

from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..knowledge.datafiles import word_lists
from ..knowledge.gazetteer import adjective_states, by_code, lookup_person
from ..records import Entity, entity_id
from .entities import set_entities
from .lemmas import lemma
from .names import name_head
from .spacy_ext import register_extensions

#: kinds whose code is a state's or a bloc's: an organization named after one takes it
CODED_KINDS = {"state", "bloc", "capital", "seat", "government", "military"}


@Language.factory(
    "geonews_actors",
    requires=["doc.spans", "doc._.geonews_entities", "token.lemma", "token.dep"],
    assigns=["doc.spans", "doc._.geonews_entities"],
)
def make_actors(nlp: Language, name: str) -> "ActorLayer":
    register_extensions()
    return ActorLayer()


class ActorLayer:
    """A spaCy component setting ``actor``, ``kind`` and ``attributes`` on entities."""

    def __call__(self, doc: Doc) -> Doc:
        entities = {e.id: e for e in doc._.geonews_entities or ()}
        mentions = list(doc.spans.get("geonews_mentions", []))
        spans_of: dict[str, list[Span]] = {}
        for span in mentions:
            spans_of.setdefault(span.kb_id_, []).append(span)
        people = [e for e in entities.values() if e.type == "PER"]
        # shorter names first: "МИД Индии" is coded before "Посольство МИД Индии" takes its code
        others = sorted((e for e in entities.values() if e.type != "PER"), key=lambda e: len(e.name))
        for entity in others + people:
            entities[entity.id] = code_entity(entity, spans_of.get(entity.id, []), entities, mentions)
        for person_id, token in title_mentions(doc, entities, mentions):
            mentions.append(mention_span(entities[person_id], token, "title"))
        for code, token in adjective_mentions(doc, mentions):
            target = next((e for e in entities.values() if e.actor == code and e.kind == "state"), None)
            if target is None:  # a state the article names only by its adjective
                actor = by_code()[code]
                target = Entity(entity_id(len(entities)), "LOC", actor.name, (), code, "state")
            entities.setdefault(target.id, target)
            mentions.append(mention_span(target, token, "adjective"))
        set_entities(doc, entities.values(), mentions)
        return doc


def mention_span(entity: Entity, token: Token, kind: str) -> Span:
    """A one-word mention of ``kind`` (title, adjective) of an entity."""
    return Span(token.doc, token.i, token.i + 1, label=entity.type, kb_id=entity.id, span_id=kind)


def code_entity(entity: Entity, spans: list[Span], entities: dict[str, Entity], mentions: list[Span]) -> Entity:
    """The entity with its actor code, kind and attributes."""
    if entity.type == "PER":
        return _person(entity, spans, entities, mentions)
    if entity.kind is not None:  # a known actor: the entity layer found it in the gazetteer
        return entity
    code = None
    for span in spans:  # a state named inside: "МИД Франции", "Посольство США"
        for inner in mentions:
            if span.start <= inner.start and inner.end <= span.end and inner.kb_id_ != entity.id:
                owner = entities.get(inner.kb_id_)
                if owner is not None and owner.kind in CODED_KINDS and owner.actor:
                    code = code or owner.actor
        for token in [*span, *_adjectives_before(span)]:  # "Минфин России", "в российском Минфине"
            code = code or next(iter(adjective_states(token.lemma_)), None)
    head = name_head(spans[0]).lemma_ if spans else ""
    lists = word_lists("roles.txt")
    if head in lists["military"]:
        kind = "military"
    elif head in lists["government"]:
        kind = "government"
    else:
        kind = "location" if entity.type == "LOC" else "organization"
    return dataclasses.replace(entity, actor=code, kind=kind)


def _adjectives_before(span: Span) -> list[Token]:
    """Adjectives on the name from outside it: "российском" of "в российском Минфине"."""
    head = name_head(span)
    return [t for t in head.children if t.dep_ == "amod" and t.i < span.start]


def _person(entity: Entity, spans: list[Span], entities: dict[str, Entity], mentions: list[Span]) -> Entity:
    """A person's state from the office around a mention, else from the people list."""
    attributes: dict[str, str] = {}
    code = None
    for span in spans:
        role = _title(span)
        if role is None:
            continue
        attributes.setdefault("title", role.lemma_)
        organization = _organization(role, entities, mentions)
        if organization is not None:
            attributes.setdefault("organization", organization.name)
            code = code or organization.actor
        code = code or next((c for t in role.children if t.dep_ == "amod" for c in adjective_states(t.lemma_)), None)
        position = _position(role, span)
        if position != role.text:
            attributes.setdefault("position", position)
    known = lookup_person(entity.name)
    code = code or (known.code if known else None)
    return dataclasses.replace(entity, actor=code, kind="person", attributes=tuple(attributes.items()))


def _title(span: Span) -> Token | None:
    """The office noun a name stands in apposition to, before or after it."""
    lists = word_lists("roles.txt")
    roles = lists["role"]
    head = name_head(span)
    if head.dep_ in ("appos", "flat:name", "flat", "nmod") and head.head.i < span.start:
        above = head.head
        if above.lemma_ in roles:
            return above
        if above.dep_ == "appos" and above.pos_ == "NOUN" and above.head.lemma_ in roles:
            return above.head  # "представитель России омбудсмен Владимир Лукин"
    return next((c for c in head.children if c.dep_ == "appos" and c.lemma_ in roles and c.i >= span.end), None)


def _organization(role: Token, entities: dict[str, Entity], mentions: list[Span]) -> Entity | None:
    """The body or state an office belongs to: "начальник Генерального штаба ВСУ"."""
    for child in role.children:
        if child.dep_ != "nmod":
            continue
        for node in (child, *(g for g in child.children if g.dep_ == "nmod")):
            owner = next(
                (entities.get(m.kb_id_) for m in mentions if m.start <= node.i < m.end and m.label_ != "PER"), None
            )
            if owner is not None:
                return owner
    return None


def _position(role: Token, name: Span) -> str:
    """The office phrase, the name aside: "начальник Генерального штаба ВСУ"."""
    doc = role.doc
    if role.i < name.start:
        end = name.start
        while end > role.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[role.i : end].text
    words = list(role.subtree)
    return doc[words[0].i : words[-1].i + 1].text


def title_mentions(doc: Doc, entities: dict[str, Entity], mentions: list[Span]) -> list[tuple[str, Token]]:
    """Offices without a name that the article ties to one person: "президент Франции"
    when one person of France holds that title, "глава государства" when one person is a
    head of state."""
    taken = {t.i for span in mentions for t in span}
    lists = word_lists("roles.txt")
    roles = lists["role"]
    people = [e for e in entities.values() if e.type == "PER" and e.attributes]
    out = []
    for token in doc:
        if token.i in taken or token.lemma_ not in roles or token.pos_ != "NOUN":
            continue
        if any(c.dep_ in ("appos", "flat:name") and c.i in taken for c in token.children):
            continue  # the office of a name given right here
        owners = [
            next((entities.get(m.kb_id_) for m in mentions if m.start <= c.i < m.end), None)
            for c in token.children
            if c.dep_ == "nmod"
        ]
        states = {o.actor for o in owners if o is not None and o.actor}
        if states:
            holders = [p for p in people if p.actor in states and dict(p.attributes).get("title") == token.lemma_]
        elif token.lemma_ in lists["head_noun"] and any(c.lemma_ in lists["state_noun"] for c in token.children):
            holders = [p for p in people if dict(p.attributes).get("title") in lists["head_of_state"]]
        else:
            continue
        if len(holders) == 1:
            out.append((holders[0].id, token))
    return out


def adjective_mentions(doc: Doc, mentions: list[Span]) -> list[tuple[str, Token]]:
    """State adjectives that stand for a state: on a state's side or office ("российская
    сторона", "американский президент"), or compounds naming several
    ("американо-украинские переговоры")."""
    taken = {t.i for span in mentions for t in span}
    sides = word_lists("roles.txt")["group"] | word_lists("roles.txt")["role"]
    body_start = doc._.geonews_body_start
    out = []
    for token in doc:
        if token.i in taken or token.idx < body_start:
            continue
        if token.pos_ not in ("ADJ", "DET") and not (token.pos_ == "PROPN" and token.dep_ == "amod"):
            continue
        # a capitalized adjective the tagger took for a name: "Американо-украинские"
        adjective = token.lemma_ if token.pos_ != "PROPN" else lemma(token.text.lower(), "ADJ", str(token.morph))
        codes = adjective_states(adjective)
        if not codes:
            continue
        if len(codes) > 1 or (token.dep_ == "amod" and token.head.lemma_ in sides):
            out += [(code, token) for code in dict.fromkeys(codes)]
    return out
