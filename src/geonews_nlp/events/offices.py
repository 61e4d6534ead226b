"""Who an office, a side or an adjective stands for: the person of the article who
holds an office, the article's one bloc, the states of adjectives, the people a plural
office names."""

from __future__ import annotations

from spacy.tokens import Token

from ..knowledge.gazetteer import adjective_states
from ..records import Entity
from .context import ArticleContext, Value
from .lexicon import word_list
from .syntax import SUBJECT, coordinated


def the_bloc(token: Token, ctx: ArticleContext) -> Value | None:
    """The one bloc the article names, for a common noun that refers to it ("альянс")."""
    blocs = [e for e in ctx.entities.values() if e.kind == "bloc"]
    if len(blocs) != 1:
        return None
    return Value(blocs[0].name, blocs[0].id, token.idx, token.idx + len(token.text), blocs[0].actor)


def office_holder(token: Token, code: str, ctx: ArticleContext) -> Value | None:
    """The one person of the article who holds this office for this state: the same
    title, or a leader's ("лидер", "глава") title of a head of state or government."""
    leaders = word_list("leader_title")
    holders = [
        e
        for e in ctx.entities.values()
        if e.type == "PER"
        and e.actor == code
        and (
            dict(e.attributes).get("title") == token.lemma_
            or (token.lemma_ in word_list("leader_word") and dict(e.attributes).get("title") in leaders)
        )
    ]
    if len(holders) != 1:
        return None
    return Value(holders[0].name, holders[0].id, token.idx, token.idx + len(token.text), code, "discourse")


def may_be(person: Entity, token: Token) -> bool:
    """Whether an office noun may stand for the article's main person: the person holds
    that title, or is not named in the same sentence (where a title names someone else:
    "после встречи с Макроном канцлер вылетел")."""
    if dict(person.attributes).get("title") == token.lemma_:
        return True
    sentence = token.sent
    return not any(sentence.start_char <= m.start < sentence.end_char for m in person.mentions if m.kind == "name")


def listed_people(token: Token, ctx: ArticleContext) -> list[Value]:
    """The people a plural office names before its verb, each with an office of their
    own ("Министры иностранных дел Азербайджана Джейхун Байрамов и Армении Арарат
    Мирзоян обсудили": both, however the parse hangs the second)."""
    if token.lemma_ not in word_list("role") or token.morph.get("Number") != ["Plur"] or token.dep_ not in SUBJECT:
        return []
    verb = token.head
    if verb.i <= token.i:
        return []
    people = {}
    for word in token.doc[token.i + 1 : verb.i]:
        span = ctx.mention(word)
        if span is not None and span.label_ == "PER":
            value = ctx.value(span)
            people.setdefault(value.entity or value.name, value)
    return list(people.values()) if len(people) > 1 else []


def adjective_values(token: Token, ctx: ArticleContext) -> list[Value]:
    """States named by adjectives on a noun: "американо-украинских переговоров"."""
    out = []
    for child in token.children:
        if child.dep_ == "amod":
            out += [v for code in adjective_states(child.lemma_) if (v := ctx.state(code, child))]
    return out

def named_holders(token: Token, ctx: ArticleContext) -> list[Value]:
    """The people a plural office names in apposition: "встреча президентов Дональда
    Трампа и Владимира Путина" (both, not the first alone)."""
    if token.lemma_ not in word_list("role") or token.morph.get("Number") != ["Plur"]:
        return []
    names = [t for c in token.children if c.dep_ == "appos" for t in coordinated(c)]
    values = {}
    for name in names:
        span = ctx.mention(name)
        if span is not None and span.label_ == "PER":
            value = ctx.value(span)
            values.setdefault(value.entity or value.name, value)
    return list(values.values()) if len(values) > 1 else []
