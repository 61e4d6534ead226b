"""The argument search: where an event's parties are looked for, the nearest place first.

News names the parties of an event on its trigger, but just as often on the verb that
governs a noun trigger, in a clause tied to it, in another event of the sentence or in
the sentences before. The search reads these places in order, each a named layer:

1. ``trigger``: the trigger's own words and its clause's predicate (each type's slots);
2. ``governor``: the predicate that governs a noun trigger through other nouns ("Анкара
   передала Афинам требования к новому раунду переговоров": Турция, Греция);
3. ``clause``: a clause tied to the trigger (a participle on it, a relative clause
   whose noun its predicate governs);
4. ``related``: another event of the sentence this one is part of (the parties of the
   talks at which an agreement is signed), see ``related.relate``;
5. ``discourse``: the article: the speaker of a quote or of the sentence, the parties
   a plural word refers back to (the resolvers mark values they tie this way).

A later layer fills only the roles the earlier ones left wanting (``EventType.wanting``),
so the nearer layer wins where two would disagree; what a layer finds takes its role
from ``data/argument_roles.txt`` by the function of the word (subject, dative, partner,
...), and every value keeps the layer that found it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Token

from ..components.tokenizer import DATELINE
from ..errors import PatternError
from ..knowledge.datafiles import rows
from .base import Candidate, EventType, Found, fill
from .context import ArticleContext, Value
from .lexicon import word_list
from .speakers import speakers
from .syntax import (
    PREDICATE_POS,
    bare_case,
    owners,
    predicate,
    short_adjective,
    subjects,
    with_preposition,
)

#: the layers, nearest first
LAYERS = ("trigger", "governor", "clause", "related", "discourse")
#: how a word found beyond the trigger's clause stands to the event
FUNCTIONS = frozenset({"subject", "receiver", "dative", "partner", "host", "benefit", "place", "speaker", "party"})
#: relations by which a noun trigger hangs on the noun above it on the way to its governor
GOVERNED = frozenset({"nmod", "obl", "obj", "iobj"})

#: a layer's finder: (function, word or value) pairs for a match
Finder = Callable[[Candidate, ArticleContext], "list[tuple[str, Token | Value]]"]


@dataclass(frozen=True)
class Relay:
    """One line of ``argument_roles.txt``: what a function gives in one event type."""

    type: str
    function: str
    role: str
    modes: frozenset[str] | None  # None: every mode
    source: str


@cache
def relays() -> dict[str, tuple[Relay, ...]]:
    """The lines of ``argument_roles.txt`` by event type, checked for their cells."""
    out: dict[str, list[Relay]] = {}
    for where, cells in rows("argument_roles.txt"):
        if len(cells) != 4 or not all(cells):
            raise PatternError(f"{where}: expected 'event type | function | role | modes'")
        event_type, function, role, modes = cells
        if function not in FUNCTIONS:
            raise PatternError(f"{where}: unknown function {function!r} (known: {', '.join(sorted(FUNCTIONS))})")
        out.setdefault(event_type, []).append(Relay(event_type, function, role, None if modes == "-" else frozenset(modes.split()), where))
    return {name: tuple(lines) for name, lines in out.items()}


def check_relays(event_type: EventType) -> None:
    """The lines of a type name its roles and modes, or ``PatternError`` at their line."""
    for relay in relays().get(event_type.name, ()):
        if relay.role not in event_type.roles:
            raise PatternError(f"{relay.source}: {event_type.name} has no role {relay.role!r}")
        unknown = (relay.modes or frozenset()) - event_type.modes
        if unknown:
            raise PatternError(f"{relay.source}: {event_type.name} has no mode {min(unknown)!r}")


def role_of(event_type: EventType, function: str, mode: str) -> str | None:
    """The role a word of this function takes in a match of this mode, if any."""
    for relay in relays().get(event_type.name, ()):
        if relay.function == function and (relay.modes is None or mode in relay.modes):
            return relay.role
    return None


def search(c: Candidate, event_type: EventType, ctx: ArticleContext) -> Found:
    """The arguments of a match, layer by layer (the ``related`` layer needs the other
    events of the sentence and runs later, in ``related.relate``)."""
    found = fill(event_type.slots(c, ctx), ctx)
    for layer, finder in FINDERS:
        wanting = event_type.wanting(c, found)
        if not wanting:
            break
        items = [(role, item) for function, item in finder(c, ctx) if (role := role_of(event_type, function, c.rule.mode)) in wanting]
        found.roles += [(role, at_layer(v, layer)) for role, v in fill(items, ctx).roles]
    return found


def at_layer(value: Value, layer: str) -> Value:
    """A value found in a layer: the farther of that layer and the one its word was
    resolved in (a pronoun in the governor's subject is the discourse's)."""
    return value if LAYERS.index(value.layer) >= LAYERS.index(layer) else replace(value, layer=layer)


def governor(c: Candidate, ctx: ArticleContext) -> list[tuple[str, Token | Value]]:
    """The parties on the predicate that governs a noun trigger through other nouns, where
    the trigger's own predicate stops short of it ("требования к раунду переговоров");
    whom the one at an occasion addressed there ("на встрече Коул сообщил Лукашенко")."""
    anchor = c.anchor
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return []
    if c.arg_verb is not None:  # "на встрече в Минске Коул сообщил Лукашенко": whom the one there addressed
        addressing = word_list("speech") | word_list("giving")
        if anchor.head != c.arg_verb or anchor.dep_ != "obl" or c.arg_verb.lemma_ not in addressing:
            return []
        return [(f, t) for f, t in on_predicate(c.arg_verb, [anchor]) if f in ("dative", "partner")]
    path = [anchor]
    node = anchor
    said: list[tuple[str, Token | Value]] = []
    for _ in range(4):
        if node.dep_ not in GOVERNED or node.head == node:
            return said  # a subject's predicate speaks of the occasion ("участники встречи заявили")
        node = node.head
        if node.pos_ in PREDICATE_POS or short_adjective(node):
            break
        if node.lemma_ in word_list("said_at"):  # "его слова на совместной пресс-конференции"
            said += [("subject", t) for t in owners(node)]
        path.append(node)
    else:
        return said
    return said or on_predicate(node, path)


def on_predicate(verb: Token, path: list[Token]) -> list[tuple[str, Token | Value]]:
    """The subject, dative, partner, host and beneficiary of a predicate, none of them on
    ``path`` (the words between it and the trigger)."""
    taken = {t.i for word in path for t in word.subtree}
    receiving = verb.lemma_ in word_list("receiving")
    out: list[tuple[str, Token | Value]] = [("receiver" if receiving else "subject", s) for s in subjects(verb)]
    out += [("dative", t) for t in bare_case(verb, "Dat", ("iobj", "obl"))]
    out += [("partner", t) for t in with_preposition(verb, word_list("partner_mark"), "Ins")]
    out += [("partner", t) for t in with_preposition(verb, word_list("between_mark"), None)]  # "достигнутых между лидерами"
    out += [("host", t) for t in with_preposition(verb, word_list("host_mark"), "Gen")]
    out += [("benefit", t) for t in with_preposition(verb, word_list("benefit_mark"), "Gen")]
    return [(f, t) for f, t in out if isinstance(t, Value) or t.i not in taken]


def clause(c: Candidate, ctx: ArticleContext) -> list[tuple[str, Token | Value]]:
    """The clauses tied to the trigger: a relative clause or a participle on a noun
    trigger ("в ходе встречи, которая состоялась в Минске", "прошедший в Бразилиа
    саммит", "разговор, в течение которого Лула и Си обсудили"); the clause on an
    occasion that holds the trigger ("провели переговоры, по итогам которых подписали
    меморандум": the talks' parties sign); what a promise says another party gets
    ("пообещал, что Словения получит компенсацию"); the phrases inside what the trigger
    names ("обязательства по поставкам удобрений для Судана", "соглашение о прекращении
    огня с повстанцами")."""
    anchor = c.anchor
    out: list[tuple[str, Token | Value]] = []
    if anchor.pos_ in ("NOUN", "PROPN"):
        for verb in (t for t in anchor.children if t.dep_ in ("acl:relcl", "acl", "amod") and t.pos_ in PREDICATE_POS):
            out += [(f, t) for f, t in on_predicate(verb, []) if not _stands_for(t, anchor) and t.dep_ != "nsubj:pass"]
            out += [("place", t) for t in with_preposition(verb, word_list("place_mark"), "Loc")]
    verb = c.verb
    if verb is not None and verb.dep_ == "acl:relcl" and not subjects(verb):
        above = predicate(verb.head) if verb.head != verb else None
        if above is not None and above != verb:  # the occasion's own clause
            out += [("subject", t) for t in subjects(above)]
            out += [("partner", t) for t in with_preposition(verb.head, word_list("partner_mark"), "Ins")]
    for content in (t for t in anchor.children if t.dep_ == "ccomp" and t.pos_ in PREDICATE_POS):
        receiving = content.lemma_ in word_list("receiving")
        out += [("receiver", t) for t in subjects(content) if receiving]
        out += [("dative", t) for t in bare_case(content, "Dat", ("iobj", "obl"))]
    for inner in _named_inside(anchor):
        out += [("benefit", t) for t in with_preposition(inner, word_list("benefit_mark"), "Gen")]
        out += [("partner", t) for t in with_preposition(inner, word_list("partner_mark"), "Ins")]
        out += [("partner", t) for t in with_preposition(inner, word_list("between_mark"), None)]  # "о прекращении огня между Израилем и ХАМАС"
    return out


def _stands_for(token: Token, noun: Token) -> bool:
    """A relative pronoun standing for the noun its clause is on ("встреча, которая
    состоялась"): the occasion itself, no party of it."""
    return token.lemma_ in word_list("relative")


def _named_inside(anchor: Token) -> list[Token]:
    """The nouns inside what a trigger names, three levels down: "обязательства по
    поставкам удобрений", "соглашение о прекращении огня", "переговоры по формализации
    гарантий безопасности с США"."""
    out = [t for t in anchor.children if t.dep_ == "nmod" or (t.dep_ == "obj" and anchor.pos_ == "VERB")]
    level = out
    for _ in range(2):
        level = [g for t in level for g in t.children if g.dep_ == "nmod"]
        out += level
    return out
















def dateline(c: Candidate, ctx: ArticleContext) -> list[tuple[str, Token | Value]]:
    """The city of the agency's dateline just before the lead is where an event the lead
    tells as done took place ("АСТАНА, 3 марта (Синьхуа) -- Путин провел переговоры с
    Токаевым"): the place of a past verb's occasion that names none."""
    verb = c.verb
    start = c.sentence.start
    if verb is None or "Past" not in verb.morph.get("Tense") or start == 0:
        return []
    if verb != c.anchor and verb.lemma_ not in word_list("carrier") | word_list("occur"):
        return []  # "анонсировал встречу": the meeting is not told as held
    before = c.sentence.doc[start - 1].sent
    if AGENCY_MARK.fullmatch(before.text.strip()) and before.start > 0:  # "МОСКВА, 19 декабря. /ТАСС/."
        before = c.sentence.doc[before.start - 1].sent
    if not (DATELINE.fullmatch(before.text.strip()) or CITY_AND_DAY.fullmatch(before.text.strip())):
        return []
    return [("place", t) for t in before if t.pos_ == "PROPN" and ctx.mention(t) is not None][:1]


#: the agency's mark after a TASS-style dateline ("/ТАСС/.")
AGENCY_MARK = re.compile(r"/[\w .-]{2,30}/\.?")
#: a dateline razdel cut before its agency: "МОСКВА, 19 декабря."
CITY_AND_DAY = re.compile(r"[А-ЯЁ][А-ЯЁ-]+(?:[ -][А-ЯЁ-]+)*,\s+\d{1,2}\s+[а-я]{3,8}\.?")


#: the layers after the trigger's own that read the sentence and the article, in order
FINDERS: tuple[tuple[str, Finder], ...] = (
    ("governor", governor),
    ("clause", clause),
    ("discourse", speakers),
    ("discourse", dateline),
)


__all__ = ["LAYERS", "check_relays", "relays", "role_of", "search"]
