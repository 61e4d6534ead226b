"""Where a meeting's parties and places stand around its trigger: partners, guests,
the one called, where a trip goes and where the meeting is. Words, not yet values: the
slots of ``meeting`` resolve them."""

from __future__ import annotations

from functools import cache

from .base import Candidate
from .context import ArticleContext
from .lexicon import trigger_rules, word_list
from .syntax import ahead, bare_case, ended, objects, owners, stray_dependents, with_preposition


def called(c: Candidate) -> list:
    """Whom a call verb calls: its dative ("позвонил Лукашенко") or "с" partner."""
    if c.rule.mode != "call" or c.anchor.pos_ != "VERB":
        return []
    return bare_case(c.anchor, "Dat", ("iobj", "obl", "obj")) + with_preposition(c.anchor, word_list("partner_mark"), "Ins")


def guests(c: Candidate) -> list:
    """Who is hosted: the object, an animate genitive the parse hung on the place before
    it ("принял в Елисейском дворце канцлера ФРГ": an animate accusative reads as a
    genitive), the subject of a passive, the genitive of a reception."""
    places = with_preposition(c.anchor, word_list("place_mark"), "Loc")
    misread = [t for p in places for t in bare_case(p, "Gen", ("nmod",)) if t.morph.get("Animacy") == ["Anim"]]
    hosted = [t for t in c.anchor.children if t.dep_ == "nsubj:pass" and t.morph.get("Case") == ["Nom"]]  # "Коул был принят Лукашенко"
    received = owners(c.anchor) if c.anchor.pos_ == "NOUN" else []  # "прием президента Азербайджана"
    return objects(c.anchor) + misread + hosted + received




@cache
def meeting_nouns() -> frozenset[str]:
    """One-word nominal triggers: a visit to a summit is a meeting."""
    return frozenset(
        rule.pattern[0][0] for rule in trigger_rules("meeting") if len(rule.pattern) == 1 and rule.mode != "visit"
    )


def partners(c: Candidate) -> list:
    """Who the parties meet with: "с" + instrumental on the trigger, its predicate (not
    for a meeting over before it), its object ("обсудил вопросы с лидерами") or its owner
    ("встреча Мерца с Трампом", where the parse hangs the partner on the name)."""
    owners_ = owners(c.anchor) if c.anchor.pos_ in ("NOUN", "PROPN") else []
    owners_ += [t for o in owners_ for t in o.children if t.dep_ in ("appos", "flat:name", "nmod")]  # "встречей канцлера Мерца с Трампом"
    own = ended(c.anchor) or ahead(c.anchor)  # "после переговоров с Путиным встретится с Зеленским", "перед саммитом ... поговорил с"
    words = list(c.span) if own else heads(c) + occurrence(c)  # "переговоры ведутся между Минском и Вашингтоном"
    words += [t for h in words for t in h.children if t.lemma_ in word_list("separately")]  # "встретился по отдельности с A и с B"
    found = [t for head in words + objects(c.anchor) + owners_ for t in with_preposition(head, word_list("partner_mark") | word_list("between_mark"), "Ins")]
    if c.anchor.pos_ in ("NOUN", "PROPN"):
        found += [t for t in stray_dependents(c.anchor, word_list("partner_mark") | word_list("between_mark"), "Ins") if t not in found]
    return found


def heads(c: Candidate) -> list:
    """The trigger's words and its predicate: where partners and places attach."""
    verb = c.arg_verb
    return list(c.span) + ([verb] if verb is not None and verb not in c.span else [])


def destinations(c: Candidate) -> list:
    """Where a trip goes: on the trigger, or on its predicate unless the trigger is a
    meeting already over ("по завершении встречи отправился в ...", "после переговоров
    вылетел в ...": the next stop, not the meeting's place) or a trip noun naming its
    own way ("прибыл в Ирландию, откуда началось его турне по Европе")."""
    own = ended(c.anchor) or (c.anchor.pos_ == "NOUN" and own_way(c))
    out = []
    for head in list(c.span) if own else heads(c):
        out += with_preposition(head, word_list("place_mark"), "Acc")
        out += with_preposition(head, word_list("towards_mark"), "Dat")
        if head.lemma_ in word_list("visit_object"):
            out += objects(head) + bare_case(head, "Gen", ("nmod",))
    return out


def own_way(c: Candidate) -> bool:
    """A trip noun names where it goes or passes: "турне по Европе", "поездка в Китай"."""
    return any(
        with_preposition(w, word_list("place_mark"), "Acc") or with_preposition(w, word_list("across_mark"), "Dat") for w in c.span
    )


def occurrence(c: Candidate) -> list:
    """The verb of the event taking place, when the trigger is its subject ("встреча
    состоялась", "встреча может состояться")."""
    verb = c.verb
    if verb is None:
        return []
    occur = word_list("occur")
    return [v for v in [verb, *(t for t in verb.children if t.dep_ == "xcomp")] if v.lemma_ in occur]


def places(c: Candidate) -> list:
    """Where the meeting is: "в"/"на" + prepositional on the trigger, its predicate, the
    verb of its taking place ("встреча состоялась в Санкт-Петербурге"), its partners
    ("встретился с Шольцем в Берлине") and what a trip visits ("посетить парад в
    Москве"); "по" + dative ("турне по Европе"); a place within a place ("в Белом доме в
    Вашингтоне"); a place named by its genitive ("в столице Таджикистана"); a place the
    parse hangs on the meeting's owner ("встречей канцлера ... в Белом доме"). Places of
    what a trip visits come last: a state there is where it goes, not a host."""
    owners_ = owners(c.anchor) if c.anchor.pos_ in ("NOUN", "PROPN") else []  # "встреча канцлера ... в Белом доме"
    return places_on(heads(c) + occurrence(c) + partners(c) + owners_) + places_on(destinations(c))


def places_on(heads: list) -> list:
    """The places in "в"/"на" + prepositional and "по" + dative on these words."""
    out = []
    for head in heads:
        out += with_preposition(head, word_list("place_mark"), "Loc")
        out += with_preposition(head, word_list("across_mark"), "Dat")
    out += [t for p in out for t in with_preposition(p, word_list("within_mark"), "Loc")]
    named = [t for p in out if p.lemma_ in word_list("place_noun") for t in p.children if t.dep_ in ("appos", "flat:name")]
    return out + named + [t for p in out if p.lemma_ in word_list("place_noun") for t in bare_case(p, "Gen", ("nmod",))]

def is_place(value, ctx: ArticleContext) -> bool:
    entity = ctx.entities.get(value.entity or "")
    return entity.type == "LOC" if entity is not None else ctx.is_state(value)
