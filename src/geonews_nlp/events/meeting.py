"""Meetings: two or more parties meet or talk, or one visits another.

Participants are the subjects of the trigger's predicate, its partners ("с" +
instrumental), the genitive of a nominal trigger ("встреча Зеленского"), the host of an
audience ("у" + genitive) and the states of adjectives ("американо-украинские
переговоры"). The location is where it happens ("в"/"на" + prepositional) or where a
visit goes ("в" + accusative, the object of "посетить"); a visited state is a
participant too.
"""

from __future__ import annotations

import dataclasses

import re

from ..knowledge.gazetteer import lookup
from ..records import Event
from .base import Candidate, EventType, Found, Slots, owned_elsewhere, still_wanted
from .context import ArticleContext, Value
from .lexicon import word_list
from .offices import adjective_values
from .resolve import resolve_all
from .meeting_words import called, destinations, guests, heads, is_place, partners, places, places_on
from .syntax import SUBJECT, agents_of_passive, owners, subjects, with_preposition


def slots(c: Candidate, ctx: ArticleContext) -> Slots:
    """Participants are the genitive, the host ("у"), the state adjectives, the partners
    and the subjects; places and destinations resolved here, since what a value is
    decides its role (a visited state hosts the visit)."""
    roles: Slots = []
    anchor, verb = c.anchor, c.arg_verb
    participants = []
    own_name = ctx.mention(anchor)  # "Генеральная ассамблея ООН": a session named by its body
    if anchor.pos_ in ("NOUN", "PROPN"):
        participants += [t for t in owners(anchor) if own_name is None or not own_name.start <= t.i < own_name.end]
        participants += with_preposition(anchor, word_list("host_mark"), "Gen")
        for named in (t for t in anchor.children if t.dep_ == "appos" and ctx.mention(t) is not None):
            roles += [("participant", v) for v in format_parts(named, ctx)] or [("participant", named)]
        roles += [("participant", v) for v in adjective_values(anchor, ctx)]
    participants += partners(c) + [t for t in called(c) if t not in participants]
    if verb is not None:
        if not owned_elsewhere(c):
            participants += subjects(verb)
        if anchor.dep_ in ("nsubj", "nsubj:pass"):  # "у Лаврова запланированы встречи"
            participants += with_preposition(verb, word_list("host_mark"), "Gen")
    if "guest" in c.rule.needs:  # who is hosted: "принял Лаврова"; the host of a passive ("был принят Лукашенко")
        participants += guests(c) + agents_of_passive(anchor)
    if own_name is not None and own_name.label_ == "ORG":  # the body in session
        roles.append(("participant", ctx.value(own_name)))
    for token in participants:
        # a town as the subject is where it happens ("Аддис-Абеба, 16 февраля ..."); a
        # state or a capital stands for its government
        values = list(resolve_all([token], ctx))
        towns = [v for v in values if (e := ctx.entities.get(v.entity or "")) is not None and e.kind == "location"]
        if token.dep_ in ("nsubj", "nsubj:pass") and values and len(towns) == len(values):
            roles += [("location", v) for v in towns]
        else:
            roles.append(("participant", token))
    visited = {t.i for t in places_on(destinations(c))}
    for token in places(c):
        for value in resolve_all([token], ctx):
            if is_place(value, ctx):
                roles.append(("location", value))
                if c.rule.mode == "visit" and ctx.is_state(value) and token.i not in visited:
                    roles.append(("participant", value))  # a visited state hosts the visit
    for value in resolve_all(destinations(c), ctx):
        if is_place(value, ctx):
            roles.append(("location", value))
            if ctx.is_state(value):
                roles.append(("participant", value))
        else:
            roles.append(("participant", value))
    return roles


def format_parts(token, ctx: ArticleContext) -> list[Value]:
    """The parties a meeting's format names: "саммит «Центральная Азия – Россия»" is
    the parties Центральная Азия and Россия; none for a name that is no such list."""
    span = ctx.mention(token)
    parts = [p.strip() for p in re.split(r"\s[–—-]\s|\+", span.text)] if span is not None else []
    if len(parts) < 2:
        return []
    start = span.start_char
    out = []
    for part in parts:
        known = lookup(part)  # a format is named in the nominative
        offset = span.text.find(part)
        name, actor = (known.name, known.code) if known is not None else (part, None)
        out.append(Value(name, None, start + offset, start + offset + len(part), actor))
    return out


def hosted_by(visit: Candidate, talks: Candidate, ctx: ArticleContext) -> bool:
    """A visit and the talks told beside it with its host are one occasion: "Эрдоган
    посетит Москву и проведет переговоры с Путиным" (the host: a party acting for the
    visited state). Talks with a third party stay apart ("посетит саммит во Франции,
    проведет встречу с Медведевым")."""
    if visit.rule.mode != "visit" or visit.verb is None or talks.verb is None:
        return False
    if talks.verb not in visit.verb.conjuncts:
        return False
    visited = {v.actor for v in resolve_all(destinations(visit) + places(visit), ctx) if v.actor}
    met = {v.actor for v in resolve_all(partners(talks), ctx) if v.actor}
    return bool(visited & met)


def joins(first: Candidate, second: Candidate, ctx: ArticleContext) -> bool:
    """Whether the occasion of the first match takes in the second's: the talks of a
    visit with its host (``hosted_by``), or taking part in the occasion just told
    ("саммит проходит в Тяньцзине, в нем принимают участие 20 лидеров")."""
    return (
        hosted_by(first, second, ctx)
        or taking_part_in(first, second)
        or taking_part_in(second, first)
        or going_to(first, second)
        or going_to(second, first)
        or said_of_them(first, second, ctx)
    )


def said_of_them(meeting: Candidate, talks: Candidate, ctx: ArticleContext) -> bool:
    """Talks told right after a meeting of the same parties, by a word that points back
    to them or by none, are that meeting's talks: "встретились в Астане, стороны
    обсудили торговлю", "встретиться и провести переговоры с коллегой"."""
    if talks.rule.mode != "talks" or meeting.verb is None or meeting.rule.mode in ("talks", "visit"):
        return False  # a visit takes in the talks with its host only (``hosted_by``)
    if meeting.anchor.pos_ != "VERB" and meeting.verb.lemma_ not in word_list("carrier") | word_list("occur"):
        return False  # a meeting only mentioned ("объявил бойкот саммита") holds no talks
    held = talks.anchor if talks.anchor.pos_ == "VERB" else talks.verb  # "встретиться и провести переговоры"
    if held is None or (held not in meeting.verb.conjuncts and held.head != meeting.verb):
        return False
    said_by = [t for t in held.children if t.dep_ in SUBJECT]
    back = word_list("parties") | word_list("refers_back")
    if not all(t.lemma_ in back for t in said_by):
        return False
    theirs = {v.entity or v.name for v in resolve_all(partners(talks), ctx)}
    ours = {v.entity or v.name for v in resolve_all(partners(meeting), ctx)}
    return not theirs or not ours or theirs <= ours  # "встретился с Токаевым, а затем провел переговоры с Си": two


def going_to(visit: Candidate, occasion: Candidate) -> bool:
    """A trip to a meeting is that meeting's occasion: "после прибытия Трампа на саммит
    АСЕАН", "прилетел на переговоры"."""
    return visit.rule.mode == "visit" and occasion.anchor in destinations(visit)


def taking_part_in(occasion: Candidate, part: Candidate) -> bool:
    """The second match takes part in the first: its "в"/"на" object is a pronoun
    after the first's trigger, or the first's trigger itself."""
    if "participation" not in part.rule.needs:
        return False
    heads = [part.anchor, *([part.verb] if part.verb is not None else [])]
    attended = [t for h in heads for t in with_preposition(h, word_list("place_mark"), "Loc")]
    return any(t == occasion.anchor or (t.pos_ == "PRON" and t.i > occasion.anchor.i) for t in attended)




#: the word lists of the formats a meeting states, and the number of sides each names
SIDES = {"bilateral": "2", "trilateral": "3", "quadrilateral": "4", "multilateral": "many"}


def attributes(c: Candidate, ctx: ArticleContext) -> dict[str, str]:
    """The mode, and the sides the trigger's own adjective states ("двусторонняя
    встреча": 2): a bilateral is not the trilateral held beside it."""
    out = {"mode": c.rule.mode}
    for child in c.anchor.children:
        sides = next((n for name, n in SIDES.items() if child.dep_ == "amod" and child.lemma_ in word_list(name)), None)
        if sides:
            out["sides"] = sides
    return out


def split(event: Event, c: Candidate, ctx: ArticleContext) -> list[Event]:
    """The occasions one match tells: a visit to each state it goes to, a meeting with
    each partner met separately."""
    return [one for visit in per_visited_state(event) for one in per_partner(visit, c, ctx)]


def per_visited_state(event: Event) -> list[Event]:
    """A visit to several states is one occasion per state ("посетил Вьетнам и Лаос":
    two), each with the visitor and the other parties; a visit to one is itself."""
    if dict(event.attributes).get("mode") != "visit":
        return [event]
    hosts = {(a.entity or a.name) for a in event.arguments if a.role == "participant"}
    states = [a for a in event.arguments if a.role == "location" and a.actor and (a.entity or a.name) in hosts]
    if len({a.actor for a in states}) < 2:
        return [event]
    keys = {a.entity or a.name for a in states}
    shared = tuple(a for a in event.arguments if (a.entity or a.name) not in keys)
    return [
        dataclasses.replace(event, arguments=shared + tuple(a for a in event.arguments if (a.entity or a.name) == key))
        for key in dict.fromkeys(a.entity or a.name for a in states)
    ]


def per_partner(event: Event, c: Candidate, ctx: ArticleContext) -> list[Event]:
    """Meetings held separately with each partner are one occasion each ("встретился по
    отдельности с Фиданом и с Аракчи": two), each with the parties who met them."""
    marks = [t for h in heads(c) for t in h.children if t.lemma_ in word_list("separately")]
    partners = [t for m in [*marks, *(h for h in heads(c) if marks)] for t in with_preposition(m, word_list("partner_mark"), "Ins")]
    keys = list(dict.fromkeys(v.entity or v.name for v in resolve_all(partners, ctx)))
    if len(keys) < 2:
        return [event]
    shared = tuple(a for a in event.arguments if (a.entity or a.name) not in keys)
    return [dataclasses.replace(event, arguments=shared + tuple(a for a in event.arguments if (a.entity or a.name) == key)) for key in keys]


#: modes of meetings that have two sides: one party found leaves the other to look for
TWO_SIDED = frozenset({"talks", "call", "meeting", "audience"})


def wants(c: Candidate, found: Found) -> frozenset[str]:
    """What the argument search still looks for: participants while a two-sided meeting
    has fewer than two (a summit or a visit may have one), a place while it has none."""
    return still_wanted(found, "participant", "location", c.rule.mode in TWO_SIDED)


MEETING = EventType(
    "meeting",
    ("participant", "location"),
    slots,
    attributes,
    party_roles=frozenset({"participant"}),
    joins=joins,
    wants=wants,
    splits=split,
    modes=frozenset({"audience", "call", "meeting", "session", "summit", "talks", "visit"}),
)
