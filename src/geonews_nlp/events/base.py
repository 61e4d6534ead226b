"""The parts every event type is made of: a trigger match, the type's own rules, and the
arguments its slots find."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..errors import PatternError
from ..records import EVENT_TYPES, Event
from .context import ArticleContext, Value
from .lexicon import TriggerRule, trigger_rules, word_list
from .resolve import resolve_all
from .status import StatusRules
from .syntax import argument_predicate, owners, predicate


@dataclass(frozen=True)
class Candidate:
    """A trigger rule matched in a sentence: the raw material of an event (internal)."""

    rule: TriggerRule
    span: Span
    sentence: Span

    @cached_property
    def anchor(self) -> Token:
        """The trigger's syntactic head: the word its arguments attach to."""
        for token in self.span:
            if not (self.span.start <= token.head.i < self.span.end) or token.head == token:
                return token
        return self.span[0]

    @cached_property
    def verb(self) -> Token | None:
        """The predicate of the trigger's clause (the trigger itself when it is a verb)."""
        return predicate(self.anchor)

    @cached_property
    def arg_verb(self) -> Token | None:
        """The predicate whose subject and partners are the event's parties."""
        return argument_predicate(self.anchor)

    def sentence_lemmas(self) -> set[str]:
        return {t.lemma_ for t in self.sentence if t.i < self.span.start or t.i >= self.span.end}


def owned_elsewhere(c: Candidate) -> bool:
    """A noun trigger that names its own parties ("переговоры Трампа с Путиным"), the
    object of a verb that does not carry it: the verb's subject speaks of the occasion
    ("Макрон раскритиковал переговоры Трампа"), it does not hold it ("провели
    переговоры")."""
    anchor, verb = c.anchor, c.arg_verb
    if anchor.pos_ not in ("NOUN", "PROPN") or anchor.dep_ != "obj" or verb is None or verb != anchor.head:
        return False  # one at an occasion ("заявил на встрече", "поехала на саммит") takes part in it
    if verb.lemma_ in word_list("carrier") or verb.lemma_ in word_list("occur"):
        return False
    return bool(owners(anchor))


#: what a type's slots find: a role and the word in it, or a value known without a word
#: of its own (the state of an adjective)
Slots = list[tuple[str, "Token | Value"]]
Roles = list[tuple[str, Value]]


@dataclass
class Found:
    """The arguments of one match: the values in each role, and the words in a role that
    name no entity ("синоптики", "союзники"), which the party condition weighs."""

    roles: Roles = field(default_factory=list)
    unnamed: list[tuple[str, Token]] = field(default_factory=list)


def fill(slots: Slots, ctx: ArticleContext) -> Found:
    """Resolve the words of the slots to values."""
    found = Found()
    for role, item in slots:
        if isinstance(item, Value):
            found.roles.append((role, item))
            continue
        values = list(resolve_all([item], ctx))
        if values:
            found.roles += [(role, v) for v in values]
        else:
            found.unnamed.append((role, item))
    return found


@dataclass(frozen=True)
class EventType:
    """One event type: its trigger rules, the roles of its parties and the functions that
    find and describe a match's arguments."""

    name: str
    roles: tuple[str, ...]
    slots: Callable[[Candidate, ArticleContext], Slots]
    attributes: Callable[[Candidate, ArticleContext], dict[str, str]]
    #: the roles whose values are the event's parties, and the kinds of party that count
    #: (``parties.Parties``): who must be there for the event to stand
    party_roles: frozenset[str] = frozenset()
    party_kinds: frozenset[str] = frozenset({"official"})
    #: a party takes one role only (no agent is its own recipient); a meeting's visited
    #: state is both participant and location
    one_role_each: bool = False
    #: whether a match is mutual, so that each party takes both roles ("взаимные гарантии")
    mutual: Callable[[Candidate], bool] | None = None
    #: whether the occasion of the first match takes in the occasion of the second, where
    #: syntax alone keeps them apart
    joins: Callable[[Candidate, Candidate, ArticleContext], bool] | None = None
    #: how the status resolver reads this type (``status.StatusRules``): whether a noun
    #: phrase no predicate asserts is only discussed, whether "в случае нападения" states
    #: the type's own terms
    status_rules: StatusRules = StatusRules()
    #: the modes its rules may give (the ``mode`` column of its rule file), each read by
    #: its slots, occasions or status
    modes: frozenset[str] = frozenset()
    #: the roles a match still wants after its trigger's clause was read, so that the
    #: argument search reads on (``layers``); by default its roles without a value
    wants: Callable[[Candidate, Found], frozenset[str]] | None = None
    #: the records one occasion's record stands for where a match tells several (a visit
    #: to each of several states); by default the record itself
    splits: Callable[[Event, Candidate, ArticleContext], list[Event]] | None = None

    @property
    def rules(self) -> tuple[TriggerRule, ...]:
        return trigger_rules(self.name)

    def check_modes(self) -> None:
        """Every rule gives a mode the type knows, or ``PatternError`` at its line."""
        for rule in self.rules:
            if rule.mode not in self.modes:
                raise PatternError(f"{rule.source}: unknown mode {rule.mode!r}; {self.name} knows {', '.join(sorted(self.modes))}")

    def wanting(self, c: Candidate, found: Found) -> frozenset[str]:
        """The roles the argument search still looks for."""
        if self.wants is not None:
            return self.wants(c, found)
        return frozenset(self.roles) - {role for role, _ in found.roles}

    def split(self, event: Event, c: Candidate, ctx: ArticleContext) -> list[Event]:
        """The records of one occasion's record (``splits``)."""
        return self.splits(event, c, ctx) if self.splits is not None else [event]

    def arguments(self, c: Candidate, ctx: ArticleContext) -> Roles:
        """The values of a match's roles."""
        return fill(self.slots(c, ctx), ctx).roles


def still_wanted(found: Found, party: str, other: str, two_sided: bool) -> frozenset[str]:
    """What the argument search still looks for: the ``party`` role while none is found,
    or while a two-sided event has one side only; the ``other`` role while none is found."""
    parties = {v.entity or v.name for role, v in found.roles if role == party}
    out = set()
    if not parties or (len(parties) == 1 and two_sided):
        out.add(party)
    if not any(role == other for role, _ in found.roles):
        out.add(other)
    return frozenset(out)


#: the span group of the event triggers, labelled by type: what displaCy's span style
#: draws (``displacy.render(doc, style="span", options={"spans_key": "geonews_events"})``)
TRIGGER_SPANS = "geonews_events"


def trigger_spans(doc: Doc, found: tuple[Event, ...]) -> list[Span]:
    """The triggers of the events as spans labelled by their type."""
    spans = (doc.char_span(e.trigger.start, e.trigger.end, label=e.type, alignment_mode="expand") for e in found)
    return [span for span in spans if span is not None]


def event_types(types: object) -> frozenset[str] | None:
    """The event types asked for, checked (None: every type)."""
    if types is None:
        return None
    if isinstance(types, str):
        types = (types,)
    try:
        asked = frozenset(types)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"types must be event type names, not {type(types).__name__}") from None
    known = set(EVENT_TYPES)
    unknown = sorted(map(str, asked - known))
    if unknown:
        raise ValueError(f"unknown event type {unknown[0]!r}; known: {', '.join(sorted(known))}")
    return asked
