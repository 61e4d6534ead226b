"""What an event record says about its real-world event, and when two such accounts agree.

A ``Signature`` keeps what an occasion is recognised by: its type, its parties (by actor
code, else by folded name; a person by surname too), the people acting for each state,
its place, the days it can lie in and its media. ``agree`` is the one test both
the grouping within an article and the linking across articles use: same type, a shared
party, nothing contradicting. What the parties and places of each type are and how each
trigger mode places an occasion are data (``data/occasions.txt``,
``data/occasion_modes.txt``), read once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import cache

from ..errors import PatternError
from ..knowledge.datafiles import rows
from ..knowledge.gazetteer import fold
from ..records import EVENT_TYPES, Article, Event
from ..text.header import PublicationDate

#: a first and a last day
Days = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class TypeRule:
    """What the occasions of one event type are made of (a line of ``occasions.txt``)."""

    party_roles: frozenset[str]
    place_roles: frozenset[str]
    days: int
    slack: int


@cache
def type_rules() -> dict[str, TypeRule]:
    """The rules of ``data/occasions.txt`` by type, checked: every event type once."""
    out: dict[str, TypeRule] = {}
    for where, cells in rows("occasions.txt"):
        if len(cells) != 5 or cells[0] not in EVENT_TYPES or not (cells[3] + cells[4]).isdigit() or cells[0] in out:
            raise PatternError(f"{where}: expected 'type | party roles | place roles | days | slack' for a new type")
        parties, places = (frozenset(c.split()) - {"-"} for c in cells[1:3])
        out[cells[0]] = TypeRule(parties, places, int(cells[3]), int(cells[4]))
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
def _goes_with() -> dict[str, frozenset[str]]:
    """The media each medium goes with."""
    return {rule.medium: rule.goes_with for rule in mode_rules().values()}


@cache
def _media_order() -> dict[str, int]:
    """The media in the order the file lists them: the first is the most telling."""
    return {medium: n for n, medium in enumerate(dict.fromkeys(rule.medium for rule in mode_rules().values()))}


def medium(media: frozenset[str]) -> str:
    """The medium of an occasion told in several media: the most telling of them (a
    call told as "разговор" and "обсудили" is a call; a visit with its talks, a visit)."""
    order = _media_order()
    return min(media, key=lambda m: order.get(m, len(order)))


def _media_agree(a: Signature, b: Signature) -> bool:
    """Whether occasions of these media can be one: the same medium, or one that goes
    with the other."""
    x, y = medium(a.media), medium(b.media)
    rules = _goes_with()
    return x == y or "any" in (x, y) or y in rules.get(x, ()) or x in rules.get(y, ())


@dataclass(frozen=True)
class Signature:
    """What one or more records say of an occasion."""

    type: str
    parties: frozenset[str]
    people: frozenset[tuple[str, str]]  # (state code, person key) of the people acting for a state
    places: frozenset[str]
    span: Days | None  # the days the stated dates cover, with the days the mode lasts
    negated: bool
    media: frozenset[str] = frozenset({"any"})
    window: Days | None = None  # for undated records: the days around publication it lies in
    slack: int = 0  # days an outlet's date may be off by (records of different articles)

    def merged(self, other: Signature) -> Signature:
        """What both say together (they agree): the days from the first either states to
        the last (a visit on the 4th, its talks on the 5th), the days around publication
        both allow."""
        return Signature(
            self.type,
            self.parties | other.parties,
            self.people | other.people,
            self.places | other.places,
            _hull(self.span, other.span),
            self.negated,
            self.media | other.media,
            _overlap(self.window, other.window),
            max(self.slack, other.slack),
        )


def signature(event: Event, article: Article) -> Signature:
    """The signature of an event record of an article (an undated record can lie at
    any time: see ``near_publication``)."""
    rule = type_rules()[event.type]
    kinds = {e.id: e.kind for e in article.entities}
    parties, people, places = set(), set(), set()
    for argument in event.arguments:
        key = argument.actor or fold(argument.name)
        if argument.role in rule.party_roles:
            parties.add(key)
            if kinds.get(argument.entity or "") == "person":  # known by name too: a code may be missing
                parties.add(surname(argument.name))
                if argument.actor:
                    people.add((argument.actor, surname(argument.name)))
        elif argument.role in rule.place_roles:
            places.add(key)
    mode = mode_rules().get(dict(event.attributes).get("mode", ""), ANY_MODE)
    span = _span(event.date)
    if span is not None:
        span = (span[0], span[1] + dt.timedelta(days=mode.days))
    return Signature(
        event.type,
        frozenset(parties),
        frozenset(people),
        frozenset(places),
        span,
        event.status == "negated",
        frozenset({mode.medium}),
    )


def near_publication(mine: Signature, article: Article) -> Signature:
    """A signature as records of different articles are compared: its dates with the
    type's slack, and, undated, placed within the type's days of the article's
    publication date."""
    rule = type_rules()[mine.type]
    published = _span(article.date)
    if mine.span is not None or published is None:
        return dataclasses.replace(mine, slack=rule.slack)
    days = dt.timedelta(days=rule.days)
    return dataclasses.replace(mine, window=(published[0] - days, published[1] + days), slack=rule.slack)


def agree(a: Signature, b: Signature, *, party: bool = True) -> bool:
    """Whether two signatures can tell of one occasion: same type, a shared party (unless
    ``party`` is False) and nothing contradicting: the days, the media, the places, two
    people for one state, one negated and one not."""
    if a.type != b.type or a.negated != b.negated or (party and not a.parties & b.parties):
        return False
    if not _days_agree(a, b):
        return False
    if not _media_agree(a, b):
        return False
    if _different_places(a.places, b.places):
        return False
    return not _different_people(a.people, b.people)


def _days_agree(a: Signature, b: Signature) -> bool:
    """Whether the days two signatures allow meet (dates give or take the slack; undated,
    the days around publication), and an occasion made of both would last no longer
    than its media let one last: two meetings a day apart do not chain into a week."""
    if a.span and b.span:  # each outlet's date may be off by its slack
        if _overlap(_widened(a.span, a.slack), _widened(b.span, b.slack)) is None:
            return False
        if _overlap(a.span, b.span) in (a.span, b.span):
            return True  # one holds the other ("в декабре", "5 декабря")
        first, last = min(a.span[0], b.span[0]), max(a.span[1], b.span[1])
        lasting = max((_lasting().get(m, 0) for m in a.media | b.media), default=0)
        return (last - first).days <= lasting + 2 * max(a.slack, b.slack)
    days_a, days_b = a.span or a.window, b.span or b.window
    return not (days_a and days_b and _overlap(days_a, days_b) is None)


@cache
def _lasting() -> dict[str, int]:
    """The most days an occasion of each medium lasts."""
    out: dict[str, int] = {}
    for rule in mode_rules().values():
        out[rule.medium] = max(out.get(rule.medium, 0), rule.days)
    return out


def _different_places(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether the places stated are two: places the gazetteer codes under different
    states, or, where neither is coded, different names. A name it does not know cannot
    contradict a coded one ("Йоханнесбург" may be in "ЮАР")."""
    coded_a, coded_b = {p for p in a if p.isupper()}, {p for p in b if p.isupper()}  # codes; names are folded
    if coded_a and coded_b:
        return not coded_a & coded_b
    return bool(a and b and not coded_a and not coded_b and not a & b)


def _different_people(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether a state acts through different people in the two: "Путин и Моди" against
    "Путин и Мурму" (two meetings of one visit), not "Путин в Индии" against "Путин и Моди"."""
    states = {code for code, _ in a} & {code for code, _ in b}
    return any(
        not any(same_surname(x, y) for x in {p for c, p in a if c == code} for y in {p for c, p in b if c == code})
        for code in states
    )


def surname(name: str) -> str:
    """A person's last name, folded: the key of a person whatever else the name holds."""
    words = fold(name).split()
    return words[-1] if words else ""


def same_surname(a: str, b: str) -> bool:
    """Whether two surnames are one in two cases or spellings: "путин" and "путина" (a
    name the article inflects), not "мурму" and "моди"."""
    if a == b:
        return True
    shared = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return shared >= 4 and shared >= min(len(a), len(b)) - 1


def _span(iso: str | None) -> Days | None:
    """The first and last day an ISO date at its precision covers."""
    date = PublicationDate.parse(iso) if iso else None
    if date is None:
        return None
    if date.day:
        day = dt.date(date.year, date.month or 1, date.day)
        return day, day
    if date.month:
        first = dt.date(date.year, date.month, 1)
        last = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1) - dt.timedelta(days=1)
        return first, last
    return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)


def _overlap(a: Days | None, b: Days | None) -> Days | None:
    """The days both spans cover (a missing span covers every day); None if none."""
    if a is None or b is None:
        return a or b
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def _widened(days: Days, slack: int) -> Days:
    return days[0] - dt.timedelta(days=slack), days[1] + dt.timedelta(days=slack)


def _hull(a: Days | None, b: Days | None) -> Days | None:
    """The days from the first of either span to the last (a missing span covers every day)."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])
