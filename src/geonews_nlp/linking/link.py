"""Occasions across articles: the records of many articles that tell of one event.

``Linker`` takes articles one at a time (a stream, a day's feed after yesterday's): each
occasion of an article joins the first known occasion the weighing lets it join
(``decision.decide``, the same weighing as within an article, its core parties weighed;
those sharing most parties with it first), or opens a new one. No pair of articles is compared: known occasions are
indexed by what must agree (type, party, week), so an occasion is compared only with
those sharing its type, a party and its time; the cost of a record is logarithmic in the
occasions known, and the articles themselves are not kept. An occasion's id is made when
it opens, from the article and the place of the occasion among the article's occasions
of its type, and never changes: an occasion that later articles join keeps it, and the
same articles in the same order give the same ids (``link`` reads them in publication
order).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..records import Article, Occasion
from .occasions import combine, groups, occasion
from .decision import Decision, decide, weigh
from .signature import Signature
from .time import Days, widened

#: the width of the time index: occasions are looked up by the weeks their time spans
WEEK = 7
#: how many occasions of one party and week a new account is weighed against: those most
#: recently entered. A hub (a leader meeting a partner an hour) would otherwise make every
#: account weigh every occasion of the day, and linking grow with the square of a feed;
#: an occasion that shares a rarer party with the account is found under that party.
LATEST = 64
#: a party of an occasion is one of its core parties when at least this share of the
#: articles telling of it name it
CORE_SHARE = 0.34


@dataclasses.dataclass(frozen=True)
class Linked:
    """Articles with one id space for the occasions of their events, and the occasions."""

    articles: tuple[Article, ...]
    occasions: tuple[Occasion, ...]


class Linker:
    """Occasions of a growing set of articles."""

    def __init__(self) -> None:
        self._signatures: dict[str, Signature] = {}
        self._parts: dict[str, list[Occasion]] = {}
        # (type, party, week) -> the occasions under it, in the order they were entered
        self._index: dict[tuple[str, str, int | None], dict[str, None]] = defaultdict(dict)
        self._weeks_of: dict[tuple[str, str], set[int | None]] = defaultdict(set)
        self._entries: dict[str, set[tuple[str, str, int | None]]] = defaultdict(set)
        self._opened: dict[str, int] = {}
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)  # party -> accounts naming it
        self._cores: dict[str, tuple[int, frozenset[str]]] = {}  # the core parties, by the accounts counted
        self._ends: list[tuple[int, str]] = []  # (last day, occasion): what close() looks at first
        self._days: dict[str, Days | None] = {}  # the days each occasion can lie in
        self._names: Counter[str] = Counter()  # articles read under each name
        self._count = 0  # occasions opened: their order

    def add(self, article: Article) -> Article:
        """The article with the id of its occasion on every event (new ones opened)."""
        name = _name(article)
        self._names[name] += 1
        if self._names[name] > 1:  # the same id again: its occasions get ids of their own
            name = f"{name}#{self._names[name]}"
        ids: dict[int, str] = {}
        parts = []
        numbers: Counter[str] = Counter()  # the article's occasions of each type so far
        for group in groups(article):
            mine, members = group.told, group.members
            numbers[mine.type] += 1
            found, why = self._find(mine)
            if found is None:
                found = _occasion_id(name, mine.type, numbers[mine.type])
                self._signatures[found] = mine
                self._parts[found] = []
                self._opened[found] = self._count = self._count + 1
            else:
                self._signatures[found] = self._signatures[found].merged(mine)
            self._enter(found, mine)
            self._counts[found].update(mine.parties)
            part = occasion(found, article, members, {k: f"article: {group.why[k]} | across: {why}" for k in members})
            self._parts[found].append(part)
            parts.append(part)
            ids.update(dict.fromkeys(members, found))
        events = tuple(dataclasses.replace(e, occasion=ids[k]) for k, e in enumerate(article.events))
        return dataclasses.replace(article, events=events, occasions=tuple(parts))

    def occasions(self) -> tuple[Occasion, ...]:
        """Every open occasion, in the order they opened, with all their mentions."""
        return tuple(combine(key, parts) for key, parts in self._parts.items())

    def close(self, before: dt.date | str) -> tuple[Occasion, ...]:
        """Finish and forget the occasions whose days all lie before ``before`` (a date,
        or its ISO ``YYYY-MM-DD``): for a
        stream in publication order, those that no article published after ``before``
        plus the type's days can join. The Linker's memory then follows the occasions of
        a window of time, not the whole stream; an article that later tells of a closed
        occasion opens a new one."""
        before = _as_date(before)
        done = []
        while self._ends and self._ends[0][0] < before.toordinal():
            _, key = heapq.heappop(self._ends)
            days = self._days.get(key)
            if key not in self._signatures or (days and days[1].toordinal() >= before.toordinal()):
                continue  # closed already, or it grew later than this entry says
            for entry in self._entries.pop(key, ()):
                self._index[entry].pop(key, None)
                if not self._index[entry]:  # nothing left under it: the week is gone from the index
                    del self._index[entry]
                    self._weeks_of[entry[:2]].discard(entry[2])
            done.append(combine(key, self._parts.pop(key)))
            del self._signatures[key], self._opened[key], self._counts[key], self._days[key]
            self._cores.pop(key, None)
        return tuple(sorted(done, key=lambda o: o.id))

    def _find(self, mine: Signature) -> tuple[str | None, str]:
        """The known occasion this one joins: the first the weighing lets it join
        (``decision.weigh``, the occasion's core parties weighed), of those sharing a core
        party with it, most shared first, then the earliest opened; and why it joins it,
        or, when none, what kept it out of the nearest (no veto, the highest score)."""
        shared = sorted(
            (-len(core & mine.parties), self._opened[key], key)
            for key in self._candidates(mine)
            if (core := self._core(key)) & mine.parties
        )
        nearest: tuple[tuple[bool, int], str] | None = None
        for _, _, key in shared:
            joins, vetoed, score = weigh(self._signatures[key], mine, "across", parties=self._core(key))
            if joins:
                return key, f"joined {key}: {self._decide(key, mine)}"
            if nearest is None or (not vetoed, score) > nearest[0]:
                nearest = (not vetoed, score), key
        if nearest is None:
            return None, "opened"
        return None, f"opened; not {nearest[1]}: {self._decide(nearest[1], mine)}"

    def _decide(self, key: str, mine: Signature) -> Decision:
        """The decision on this account and a known occasion, with its reasons."""
        return decide(self._signatures[key], mine, "across", parties=self._core(key))

    def _core(self, key: str) -> frozenset[str]:
        """The parties most accounts of an occasion name: those a new account is weighed
        on. A party one article in many named does not draw every occasion of that party
        in."""
        accounts = len(self._parts[key])
        cached = self._cores.get(key)
        if cached is None or cached[0] != accounts:
            core = frozenset(party for party, n in self._counts[key].items() if n >= CORE_SHARE * accounts)
            told = self._signatures[key].parties
            cached = accounts, told if core == told else core  # most often all of them: kept once
            self._cores[key] = cached
        return cached[1]

    def _candidates(self, mine: Signature) -> list[str]:
        """The known occasions sharing the type, a party and a week with this one, whose
        days meet its days."""
        found: set[str] = set()
        days = _days(mine)
        around = set(_weeks(days)) | {None} if days else None
        for party in mine.parties:
            for week in around or {*self._weeks_of.get((mine.type, party), set()), None}:
                found.update(_latest(self._index.get((mine.type, party, week), {})))
        if days is None:
            return list(found)
        first, last = days
        return [key for key in found if (theirs := self._days[key]) is None or (theirs[0] <= last and first <= theirs[1])]

    def _enter(self, key: str, mine: Signature) -> None:
        days = _days(mine)
        weeks = _weeks(days) if days else [None]
        for party in mine.parties:
            for week in weeks:
                entry = (mine.type, party, week)
                self._index[entry].pop(key, None)  # entered again: now the latest
                self._index[entry][key] = None
                self._entries[key].add(entry)
                self._weeks_of[(mine.type, party)].add(week)
        whole = self._days[key] = _days(self._signatures[key])
        if whole is not None:
            heapq.heappush(self._ends, (whole[1].toordinal(), key))


def link(articles: Iterable[Article]) -> Linked:
    """The articles, in the order given, with one id space for their occasions, and the
    occasions (see ``Linker``). The articles are read in publication order (then by id),
    as a stream of news arrives and as ``runners.dask.link_bag`` reads them: the same
    articles in any order give the same occasions and ids."""
    given = list(articles)
    linker = Linker()
    linked: dict[int, Article] = {}
    for k in sorted(range(len(given)), key=lambda k: publication_order(given[k])):
        linked[k] = linker.add(given[k])
    return Linked(tuple(linked[k] for k in range(len(given))), linker.occasions())


def _as_date(value: dt.date | str) -> dt.date:
    """A day given as a date (a datetime counts as its day) or as ISO ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected a day as YYYY-MM-DD, got {value!r}") from None
    raise TypeError(f"expected a date or an ISO YYYY-MM-DD string, not {type(value).__name__}")


def publication_order(article: Article) -> tuple[str, str]:
    """The key articles are linked in: publication date, then id (an article without a
    date first, as it cannot be placed)."""
    return article.date or "", str(article.id)


def _name(article: Article) -> str:
    """What an article's occasions are named after: its id and its text (ids repeat in
    feeds; two articles alike in both are one story told twice, read under ``name#2``)."""
    return f"{article.id}\0" + hashlib.sha1(article.text.encode()).hexdigest()[:12]


def _days(mine: Signature | None) -> Days | None:
    """The days an occasion can lie in: those its records state (give or take the
    slack), else those around their publication."""
    if mine is None or not (mine.span or mine.window):
        return None
    if mine.span is None:
        return mine.window
    return widened(mine.span, mine.slack)


def _latest(bucket: dict[str, None]) -> Iterable[str]:
    """The ``LATEST`` occasions most recently entered under one index entry."""
    return bucket if len(bucket) <= LATEST else itertools.islice(reversed(bucket), LATEST)


def _weeks(days: Days) -> list[int]:
    first, last = (d.toordinal() // WEEK for d in days)
    return list(range(first, last + 1))


def _occasion_id(article: str, kind: str, number: int) -> str:
    """A stable id: the article that opened the occasion, its type and its place among
    the article's occasions of that type (so that linking each type apart, as
    ``link_bag`` does, gives the same ids)."""
    return "O-" + hashlib.sha1(f"{article}\0{kind}\0{number}".encode()).hexdigest()[:12]
