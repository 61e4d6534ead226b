"""The tests the evidence table names: what two accounts of an occasion share and what
separates them, each a function of the two signatures weighed (a ``Pair``).

A test gives what it found, as things that read as words (the shared parties, the two
spans of days that cannot meet), or nothing; ``decision`` weighs them as
``data/occasion_evidence.txt`` says.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from .signature import Signature, goes_with, lasting, same_surname
from .time import Days, overlap, widened

#: a test of two signatures weighed (a ``Pair``): what it found (shared parties, the days
#: that differ: anything that reads as words), or nothing; the number of items found
#: counts for evidence weighed per item
Test = Callable[["Pair"], Collection[object]]


class Pair:
    """Two signatures weighed, with what several tests read computed once."""

    __slots__ = ("a", "b", "parties", "slack", "_matched")

    def __init__(self, a: Signature, b: Signature, scope: str, parties: frozenset[str]) -> None:
        self.a, self.b = a, b
        self.parties = parties  # the parties of ``a`` weighed
        self.slack = max(a.slack, b.slack) if scope == "across" else 0  # one outlet's day against another's
        self._matched: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None

    @property
    def matched(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The parties both name, those only ``a`` names, those only ``b`` names."""
        if self._matched is None:
            self._matched = _matched(self.a, self.parties, self.b)
        return self._matched


def _other_type(pair: Pair) -> tuple[str, ...]:
    a, b = pair.a, pair.b
    return (f"{a.type} and {b.type}",) if a.type != b.type else ()


def _days_apart(pair: Pair) -> tuple[object, ...]:
    """The days two signatures allow do not meet (dates give or take the slack; undated,
    the days around publication), or an occasion made of both would last longer than its
    media let one last: two meetings a day apart do not chain into a week."""
    a, b = pair.a, pair.b
    days_a, days_b = a.span or a.window, b.span or b.window
    if a.span and b.span:  # each outlet's date may be off by the slack
        if overlap(widened(a.span, pair.slack), widened(b.span, pair.slack)) is None:
            return (_Apart(days_a, days_b),)
        if overlap(a.span, b.span) in (a.span, b.span):
            return ()  # one holds the other ("в декабре", "5 декабря")
        first, last = min(a.span[0], b.span[0]), max(a.span[1], b.span[1])
        longest = max((lasting().get(m, 0) for m in a.media | b.media), default=0)
        apart = (last - first).days > longest + 2 * pair.slack
    else:
        apart = bool(days_a and days_b and overlap(days_a, days_b) is None)
    return (_Apart(days_a, days_b),) if apart else ()


@dataclass(frozen=True)
class _Sides:
    """The parties each of two accounts names alone, read as words when asked."""

    mine: Collection[str]
    theirs: Collection[str]

    def __str__(self) -> str:
        return f"{'/'.join(sorted(self.mine))} and {'/'.join(sorted(self.theirs))}"


@dataclass(frozen=True)
class _Apart:
    """Two spans of days that cannot be one occasion's, read as words when asked."""

    a: Days | None
    b: Days | None

    def __str__(self) -> str:
        return f"{_days(self.a)} and {_days(self.b)}"


def _days(days: Days | None) -> str:
    if days is None:
        return "any day"
    first, last = days
    return first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"


def _media_apart(pair: Pair) -> tuple[str, ...]:
    """Occasions of these media cannot be one: neither the same medium nor one that goes
    with the other."""
    a, b = pair.a, pair.b
    x, y = a.kind, b.kind
    rules = goes_with()
    if x == y or "any" in (x, y) or y in rules.get(x, ()) or x in rules.get(y, ()):
        return ()
    return (f"{x} and {y}",)


def _places_apart(pair: Pair) -> tuple[str, ...]:
    """The places stated are two: places the gazetteer codes under different states, or,
    where neither is coded, names that are not one name in two cases or spellings
    ("Пусане", "Пусан"; "Тяньцзинь", "Тяньцзин"). A name it does not know cannot
    contradict a coded one ("Йоханнесбург" may be in "ЮАР")."""
    a, b = pair.a, pair.b
    if not a.places or not b.places:
        return ()
    coded_a, coded_b = {p for p in a.places if p.isupper()}, {p for p in b.places if p.isupper()}  # codes; names are folded
    if coded_a and coded_b:
        apart = not coded_a & coded_b
    elif coded_a or coded_b:
        apart = False
    else:
        apart = not any(same_surname(x.split()[-1], y.split()[-1]) for x in a.places for y in b.places)
    return (f"{'/'.join(sorted(a.places))} and {'/'.join(sorted(b.places))}",) if apart else ()


def _people_apart(pair: Pair) -> tuple[str, ...]:
    """A state acts through different people in the two: "Путин и Моди" against "Путин и
    Мурму" (two meetings of one visit), not "Путин в Индии" against "Путин и Моди"."""
    a, b = pair.a, pair.b
    if not a.people or not b.people:
        return ()
    out = []
    for code in sorted({state for state, _ in a.people} & {state for state, _ in b.people}):
        mine, theirs = a.acting(code), b.acting(code)
        if not mine & theirs and not any(same_surname(x, y) for x in mine for y in theirs):
            out.append(f"{code}: {'/'.join(sorted(mine))} and {'/'.join(sorted(theirs))}")
    return tuple(out)


def _objects_apart(pair: Pair) -> tuple[str, ...]:
    """They commit to different kinds of thing (an agreement, a declaration)."""
    a, b = pair.a, pair.b
    if a.objects and b.objects and not a.objects & b.objects:
        return (f"{'/'.join(sorted(a.objects))} and {'/'.join(sorted(b.objects))}",)
    return ()


def _other_format(pair: Pair) -> tuple[str, ...]:
    """Each states its format, and they differ: a bilateral and the trilateral held the
    same day ("двусторонняя встреча ..., а также трехсторонние переговоры")."""
    a, b = pair.a, pair.b
    if a.sides and b.sides and not a.sides & b.sides:
        return (f"{'/'.join(sorted(a.sides))} sides and {'/'.join(sorted(b.sides))}",)
    return ()


def _sidelines(pair: Pair) -> tuple[str, ...]:
    """One is a gathering of a bloc, the other a meeting of parties none of which is a
    bloc: a bilateral on the summit's sidelines, a visit around it."""
    a, b = pair.a, pair.b
    if not a.blocs and not b.blocs:
        return ()
    for x, y in ((a, b), (b, a)):
        if x.blocs and y.parties and not y.blocs and y.kind not in ("gathering", "any"):
            return (f"{'/'.join(sorted(x.blocs))} and a meeting of {'/'.join(sorted(y.parties))}",)
    return ()


def _matched(a: Signature, mine: frozenset[str], b: Signature) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The parties both name (``mine``: those of ``a`` weighed), those only ``a`` names
    and those only ``b`` names, leaving out the state codes of the people they share
    (Trump is one party, not Trump and the United States)."""
    shared = mine & b.parties
    only_a, only_b = mine - shared, b.parties - shared
    people = [person for person in shared if not person.isupper()] if a.people or b.people else []
    codes = frozenset().union(*(side.states(person) for person in people for side in (a, b)))
    if codes:
        return shared - codes, only_a - codes, only_b - codes
    return shared, only_a, only_b


def _shared_parties(pair: Pair) -> Collection[object]:
    """The parties both name, a person once (by surname, not again by the state code
    that person brings)."""
    return pair.matched[0]


def _other_counterparts(pair: Pair) -> tuple[str, ...]:
    """Beside the parties they share, each names a party the other does not: the same
    leader meeting two different counterparts ("Трамп и Си" against "Трамп, Пашинян и
    Алиев"), not one account naming more of the same meeting."""
    shared, mine, theirs = pair.matched
    return (_Sides(mine, theirs),) if shared and mine and theirs else ()


def _parties_apart(pair: Pair) -> tuple[str, ...]:
    """Both name parties, and none in common."""
    return ("no party in common",) if pair.parties and pair.b.parties and not pair.matched[0] else ()


def _same_word(pair: Pair) -> tuple[str, ...]:
    both = pair.a.words & pair.b.words
    return (min(both),) if both else ()


def _same_medium(pair: Pair) -> tuple[str, ...]:
    a, b = pair.a, pair.b
    return (a.kind,) if a.kind == b.kind and a.kind != "any" else ()


def _same_object(pair: Pair) -> tuple[str, ...]:
    both = pair.a.objects & pair.b.objects
    return (min(both),) if both else ()


def _same_place(pair: Pair) -> tuple[str, ...]:
    both = pair.a.places & pair.b.places
    return (min(both),) if both else ()


#: the tests the evidence table may name
TESTS: dict[str, Test] = {
    "type": _other_type,
    "time": _days_apart,
    "media": _media_apart,
    "place": _places_apart,
    "people": _people_apart,
    "object": _objects_apart,
    "sidelines": _sidelines,
    "format": _other_format,
    "party": _shared_parties,
    "counterparts": _other_counterparts,
    "apart": _parties_apart,
    "word": _same_word,
    "medium": _same_medium,
    "same_object": _same_object,
    "same_place": _same_place,
}
