"""Meetings: two or more parties meet or talk, or one visits another.

Participants are the subjects of the trigger's predicate, its partners ("с" +
instrumental), the genitive of a nominal trigger ("встреча Зеленского"), the host of an
audience ("у" + genitive) and the states of adjectives ("американо-украинские
переговоры"). The location is where it happens ("в"/"на" + prepositional) or where a
visit goes ("в" + accusative, the object of "посетить"); a visited state is a
participant too.
"""

from __future__ import annotations

import re
from functools import cache

from ..knowledge.gazetteer import lookup
from .base import Candidate, EventType, Found, Slots, owned_elsewhere
from .context import ArticleContext, Value
from .lexicon import trigger_rules, word_list
from .offices import adjective_values
from .resolve import resolve_all
from .syntax import (
    agents_of_passive,
    bare_case,
    ended,
    objects,
    owners,
    stray_dependents,
    subjects,
    with_preposition,
)


def called(c: Candidate) -> list:
    """Whom a call verb calls: its dative ("позвонил Лукашенко") or "с" partner."""
    if c.rule.mode != "call" or c.anchor.pos_ != "VERB":
        return []
    return bare_case(c.anchor, "Dat", ("iobj", "obl", "obj")) + with_preposition(c.anchor, word_list("partner_mark"), "Ins")


def guests(c: Candidate) -> list:
    """Who is hosted: the object, or an animate genitive the parse hung on the place
    before it ("принял в Елисейском дворце канцлера ФРГ": an animate accusative reads
    as a genitive)."""
    places = with_preposition(c.anchor, word_list("place_mark"), "Loc")
    misread = [t for p in places for t in bare_case(p, "Gen", ("nmod",)) if t.morph.get("Animacy") == ["Anim"]]
    hosted = [t for t in c.anchor.children if t.dep_ == "nsubj:pass" and t.morph.get("Case") == ["Nom"]]  # "Коул был принят Лукашенко"
    return objects(c.anchor) + misread + hosted




@cache
def meeting_nouns() -> frozenset[str]:
    """One-word nominal triggers: a visit to a summit is a meeting."""
    return frozenset(
        rule.pattern[0][0] for rule in trigger_rules("meeting") if len(rule.pattern) == 1 and rule.mode != "visit"
    )


def _partners(c: Candidate) -> list:
    """Who the parties meet with: "с" + instrumental on the trigger, its predicate (not
    for a meeting over before it), its object ("обсудил вопросы с лидерами") or its owner
    ("встреча Мерца с Трампом", where the parse hangs the partner on the name)."""
    owners_ = owners(c.anchor) if c.anchor.pos_ in ("NOUN", "PROPN") else []
    owners_ += [t for o in owners_ for t in o.children if t.dep_ in ("appos", "flat:name", "nmod")]  # "встречей канцлера Мерца с Трампом"
    heads = list(c.span) if ended(c.anchor) else _heads(c)  # "после переговоров с Путиным встретится с Зеленским"
    found = [t for head in heads + objects(c.anchor) + owners_ for t in with_preposition(head, word_list("partner_mark") | word_list("between_mark"), "Ins")]
    if c.anchor.pos_ in ("NOUN", "PROPN"):
        found += [t for t in stray_dependents(c.anchor, word_list("partner_mark") | word_list("between_mark"), "Ins") if t not in found]
    return found


def _heads(c: Candidate) -> list:
    """The trigger's words and its predicate: where partners and places attach."""
    verb = c.arg_verb
    return list(c.span) + ([verb] if verb is not None and verb not in c.span else [])


def destinations(c: Candidate) -> list:
    """Where a trip goes: on the trigger, or on its predicate unless the trigger is a
    meeting already over ("по завершении встречи отправился в ...", "после переговоров
    вылетел в ...": the next stop, not the meeting's place) or a trip noun naming its
    own way ("прибыл в Ирландию, откуда началось его турне по Европе")."""
    own = ended(c.anchor) or (c.anchor.pos_ == "NOUN" and _own_way(c))
    out = []
    for head in list(c.span) if own else _heads(c):
        out += with_preposition(head, word_list("place_mark"), "Acc")
        out += with_preposition(head, word_list("towards_mark"), "Dat")
        if head.lemma_ in word_list("visit_object"):
            out += objects(head) + bare_case(head, "Gen", ("nmod",))
    return out


def _own_way(c: Candidate) -> bool:
    """A trip noun names where it goes or passes: "турне по Европе", "поездка в Китай"."""
    return any(
        with_preposition(w, word_list("place_mark"), "Acc") or with_preposition(w, word_list("across_mark"), "Dat") for w in c.span
    )


def _occurrence(c: Candidate) -> list:
    """The verb of the event taking place, when the trigger is its subject ("встреча
    состоялась", "встреча может состояться")."""
    verb = c.verb
    if verb is None:
        return []
    occur = word_list("occur")
    return [v for v in [verb, *(t for t in verb.children if t.dep_ == "xcomp")] if v.lemma_ in occur]


def _places(c: Candidate) -> list:
    """Where the meeting is: "в"/"на" + prepositional on the trigger, its predicate, the
    verb of its taking place ("встреча состоялась в Санкт-Петербурге"), its partners
    ("встретился с Шольцем в Берлине") and what a trip visits ("посетить парад в
    Москве"); "по" + dative ("турне по Европе"); a place within a place ("в Белом доме в
    Вашингтоне"); a place named by its genitive ("в столице Таджикистана"); a place the
    parse hangs on the meeting's owner ("встречей канцлера ... в Белом доме"). Places of
    what a trip visits come last: a state there is where it goes, not a host."""
    owners_ = owners(c.anchor) if c.anchor.pos_ in ("NOUN", "PROPN") else []  # "встреча канцлера ... в Белом доме"
    return _places_on(_heads(c) + _occurrence(c) + _partners(c) + owners_) + _places_on(destinations(c))


def _places_on(heads: list) -> list:
    """The places in "в"/"на" + prepositional and "по" + dative on these words."""
    out = []
    for head in heads:
        out += with_preposition(head, word_list("place_mark"), "Loc")
        out += with_preposition(head, word_list("across_mark"), "Dat")
    out += [t for p in out for t in with_preposition(p, word_list("within_mark"), "Loc")]
    named = [t for p in out if p.lemma_ in word_list("place_noun") for t in p.children if t.dep_ in ("appos", "flat:name")]
    return out + named + [t for p in out if p.lemma_ in word_list("place_noun") for t in bare_case(p, "Gen", ("nmod",))]


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
    participants += _partners(c) + [t for t in called(c) if t not in participants]
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
    visited = {t.i for t in _places_on(destinations(c))}
    for token in _places(c):
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
    visited = {v.actor for v in resolve_all(destinations(visit) + _places(visit), ctx) if v.actor}
    partners = {v.actor for v in resolve_all(_partners(talks), ctx) if v.actor}
    return bool(visited & partners)


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
    )


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


def is_place(value, ctx: ArticleContext) -> bool:
    entity = ctx.entities.get(value.entity or "")
    return entity.type == "LOC" if entity is not None else ctx.is_state(value)


def attributes(c: Candidate, ctx: ArticleContext) -> dict[str, str]:
    return {"mode": c.rule.mode}


#: modes of meetings that have two sides: one party found leaves the other to look for
TWO_SIDED = frozenset({"talks", "call", "meeting", "audience"})


def wants(c: Candidate, found: Found) -> frozenset[str]:
    """What the argument search still looks for: participants while a two-sided meeting
    has fewer than two (a summit or a visit may have one), a place while it has none."""
    participants = {v.entity or v.name for role, v in found.roles if role == "participant"}
    out = set()
    if not participants or (len(participants) == 1 and c.rule.mode in TWO_SIDED):
        out.add("participant")
    if not any(role == "location" for role, _ in found.roles):
        out.add("location")
    return frozenset(out)


MEETING = EventType(
    "meeting",
    ("participant", "location"),
    slots,
    attributes,
    party_roles=frozenset({"participant"}),
    joins=joins,
    wants=wants,
    modes=frozenset({"audience", "call", "meeting", "session", "summit", "talks", "visit"}),
)
