"""What an event record says about its real-world event.

A ``Signature`` keeps what an occasion is recognised by: its type, its parties (by actor
code, else by folded name; a person by surname too), the people acting for each state,
its place, the days it can lie in, its media, what it commits to and the words that
name it; ``decision.decide`` weighs two of them. What the parties and places of each
type are, how each trigger mode places an occasion and the kinds of thing committed to
are data (``data/occasions.txt``, ``data/occasion_modes.txt``,
``data/occasion_objects.txt``), read once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from functools import cache, lru_cache

from ..errors import PatternError
from ..knowledge.datafiles import rows
from ..knowledge.gazetteer import fold
from ..records import EVENT_TYPES, Article, Event
from .time import Days, joined, overlap, span, widened, window


@dataclass(frozen=True)
class TypeRule:
    """What the occasions of one event type are made of (a line of ``occasions.txt``)."""

    party_roles: frozenset[str]
    place_roles: frozenset[str]
    before: int  # days before publication an undated record of what happened may lie
    after: int  # days after publication an undated record of what is to come may lie
    slack: int


@cache
def type_rules() -> dict[str, TypeRule]:
    """The rules of ``data/occasions.txt`` by type, checked: every event type once."""
    out: dict[str, TypeRule] = {}
    for where, cells in rows("occasions.txt"):
        if len(cells) != 6 or cells[0] not in EVENT_TYPES or not "".join(cells[3:]).isdigit() or cells[0] in out:
            raise PatternError(f"{where}: expected 'type | party roles | place roles | before | after | slack' for a new type")
        parties, places = (frozenset(c.split()) - {"-"} for c in cells[1:3])
        out[cells[0]] = TypeRule(parties, places, int(cells[3]), int(cells[4]), int(cells[5]))
    missing = set(EVENT_TYPES) - set(out)
    if missing:
        raise PatternError(f"occasions.txt: no line for {sorted(missing)}")
    return out


@dataclass(frozen=True)
class ModeRule:
    """How the records of one trigger mode place an occasion (a line of ``occasion_modes.txt``)."""

    medium: str
    days: int
    goes_with: frozenset[str]


#: the rule of a mode the file does not list: it goes with every medium
ANY_MODE = ModeRule("any", 0, frozenset())


@cache
def mode_rules() -> dict[str, ModeRule]:
    """The rules of ``data/occasion_modes.txt`` by mode, checked against the modes the
    trigger rules give and against the media the file names."""
    known = {cells[2] for name in EVENT_TYPES for _, cells in rows(f"{name}.txt") if len(cells) > 2}
    lines = list(rows("occasion_modes.txt"))
    media = {cells[1] for _, cells in lines if len(cells) > 1}
    out: dict[str, ModeRule] = {}
    for where, cells in lines:
        if len(cells) != 4 or cells[0] not in known or not cells[2].isdigit():
            raise PatternError(f"{where}: expected 'mode | medium | days | goes with' for a mode of the trigger rules")
        goes_with = frozenset(cells[3].split()) - {"-"}
        unknown = goes_with - media
        if unknown:
            raise PatternError(f"{where}: no mode has the media {sorted(unknown)}")
        out[cells[0]] = ModeRule(cells[1], int(cells[2]), goes_with)
    return out


@cache
def object_kinds() -> dict[str, str]:
    """The kind of each lemma of ``data/occasion_objects.txt`` (what a commitment commits
    to: "соглашение" is an agreement, "декларация" a declaration), checked: one kind a lemma."""
    out: dict[str, str] = {}
    for where, cells in rows("occasion_objects.txt"):
        if len(cells) != 2 or not cells[0] or not cells[1] or any(w in out for w in cells[1].split()):
            raise PatternError(f"{where}: expected 'kind | lemma lemma ...', each lemma of one kind")
        out.update(dict.fromkeys(cells[1].split(), cells[0]))
    return out


@cache
def goes_with() -> dict[str, frozenset[str]]:
    """The media each medium goes with."""
    return {rule.medium: rule.goes_with for rule in mode_rules().values()}


@cache
def lasting() -> dict[str, int]:
    """The most days an occasion of each medium lasts."""
    out: dict[str, int] = {}
    for rule in mode_rules().values():
        out[rule.medium] = max(out.get(rule.medium, 0), rule.days)
    return out


@cache
def _media_order() -> dict[str, int]:
    """The media in the order the file lists them: the first is the most telling."""
    return {medium: n for n, medium in enumerate(dict.fromkeys(rule.medium for rule in mode_rules().values()))}


@cache
def medium(media: frozenset[str]) -> str:
    """The medium of an occasion told in several media: the most telling of them (a
    call told as "разговор" and "обсудили" is a call; a visit with its talks, a visit)."""
    order = _media_order()
    return min(media, key=lambda m: order.get(m, len(order)))


@dataclass(frozen=True)
class Signature:
    """What one or more records say of an occasion."""

    type: str
    parties: frozenset[str]
    people: frozenset[tuple[str, str]]  # (state code, person key) of the people acting for a state
    places: frozenset[str]
    span: Days | None  # the days the stated dates cover, with the days the mode lasts
    media: frozenset[str] = frozenset({"any"})
    window: Days | None = None  # undated: the days around publication its status allows
    slack: int = 0  # days an outlet's date may be off by (weighed across articles only)
    objects: frozenset[str] = frozenset()  # the kinds of thing committed ("declaration", "aid")
    words: frozenset[str] = frozenset()  # the lemmas of the triggers
    blocs: frozenset[str] = frozenset()  # the parties that are blocs ("SCO"): a gathering of many
    sides: frozenset[str] = frozenset()  # the sides a meeting's format states ("2": "двусторонняя")

    kind: str = field(init=False, repr=False, compare=False)  # the medium (see ``medium``)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", medium(self.media))

    def acting(self, code: str) -> frozenset[str]:
        """The people acting for a state."""
        return frozenset(person for state, person in self.people if state == code)

    def states(self, person: str) -> frozenset[str]:
        """The states a person acts for: the codes a person brings along as parties."""
        return frozenset(state for state, who in self.people if who == person)

    def merged(self, other: Signature) -> Signature:
        """What both say together (they agree): the days both state (see
        ``time.joined``), the days around publication both allow."""
        return Signature(
            self.type,
            _union(self.parties, other.parties),
            _union(self.people, other.people),
            _union(self.places, other.places),
            joined(self.span, other.span),
            _union(self.media, other.media),
            overlap(self.window, other.window),
            max(self.slack, other.slack),
            _union(self.objects, other.objects),
            _union(self.words, other.words),
            _union(self.blocs, other.blocs),
            _union(self.sides, other.sides),
        )


def _union(a: frozenset[Any], b: frozenset[Any]) -> frozenset[Any]:
    """Both sets as one, the one that holds the other kept as it is (no new set to hold
    for every account of an occasion that says nothing new)."""
    if b <= a:
        return a
    return b if a <= b else a | b


@lru_cache(maxsize=4096)
def one(value: str) -> frozenset[str]:
    """A set of one, made once for every record that has it (a medium, a trigger word)."""
    return frozenset({value})


def signatures(article: Article) -> list[Signature]:
    """The signatures of an article's event records, in order."""
    kinds = {e.id: e.kind for e in article.entities}
    return [signature(event, article, kinds) for event in article.events]


def signature(event: Event, article: Article, kinds: dict[str, str] | None = None) -> Signature:
    """The signature of an event record of an article (``kinds``: the kind of each of
    its entities, by id): undated, it lies where its status and the article's
    publication date put it (``time.window``)."""
    rule = type_rules()[event.type]
    if kinds is None:
        kinds = {e.id: e.kind for e in article.entities}
    parties, people, places, blocs = set(), set(), set(), set()
    for argument in event.arguments:
        key = argument.actor or fold(argument.name)
        kind = kinds.get(argument.entity or "")
        if argument.role in rule.party_roles and kind == "person":  # by surname: a code may be missing
            parties.add(surname(argument.name))
            if argument.actor:
                parties.add(argument.actor)
                people.add((argument.actor, surname(argument.name)))
        elif argument.role in rule.party_roles:
            parties.add(key)
            if kind == "bloc":
                blocs.add(key)
        elif argument.role in rule.place_roles:
            places.add(key)
    attributes = dict(event.attributes)
    mode = mode_rules().get(attributes.get("mode", ""), ANY_MODE)
    committed = object_kinds().get(attributes.get("object", ""))
    days = span(event.date)
    if days is not None:
        days = (days[0], widened(days, mode.days)[1])
    undated = window(event.status, span(article.date), rule.before, rule.after, rule.slack) if days is None else None
    return Signature(
        event.type,
        frozenset(parties),
        frozenset(people),
        frozenset(places),
        days,
        one(mode.medium),
        undated,
        rule.slack,
        objects=one(committed) if committed else frozenset(),
        words=one(event.trigger.lemma),
        sides=one(attributes["sides"]) if "sides" in attributes else frozenset(),
        blocs=frozenset(blocs),
    )


@lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """A person's last name, folded and without a case ending: the key of a person
    whatever else the name holds and whatever case an outlet left it in ("Путина",
    "Путиным" and "Путин" are "путин"; "Лула да Силвой" and "Лула да Силва" "силв").

    >>> surname("Владимира Путина"), surname("Нарендра Моди"), surname("Ким Чен Ын")
    ('путин', 'мод', 'ын')
    """
    words = fold(name).split()
    last = words[-1] if words else ""
    for ending in CASE_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            return last[: -len(ending)]
    return last


#: the case endings a surname may carry, longest first (a stem keeps three letters)
CASE_ENDINGS = ("ыми", "ими", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им", "ую", "ая",
                "а", "я", "у", "ю", "е", "и", "ы", "о")


def same_surname(a: str, b: str) -> bool:
    """Whether two surnames are one in two cases or spellings: "путин" and "путина" (a
    name the article inflects), not "мурму" and "моди"."""
    if a == b:
        return True
    shared = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return shared >= 4 and shared >= min(len(a), len(b)) - 1
