"""Occasions across articles: the records of many articles that tell of one event.

``Linker`` takes articles one at a time (a stream, a day's feed after yesterday's): each
occasion of an article joins the known occasion it agrees with most, or opens a new one.
No pair of articles is compared: known occasions are indexed by what must agree (type,
party, week), so an occasion is compared only with those sharing its type, a party and
its time; the cost of a record is logarithmic in the occasions known, and the articles
themselves are not kept. An occasion's id is made when it opens, from the article and
the place of the occasion in it, and never changes: an occasion that later articles join
keeps it, and the same articles in the same order give the same ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..records import Article, Occasion
from .occasions import combine, groups, occasion
from .signature import Days, Signature, agree, near_publication

#: the width of the time index: occasions are looked up by the weeks their time spans
WEEK = 7
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
        self._index: dict[tuple[str, str, int | None], set[str]] = defaultdict(set)
        self._weeks_of: dict[tuple[str, str], set[int | None]] = defaultdict(set)
        self._entries: dict[str, set[tuple[str, str, int | None]]] = defaultdict(set)
        self._opened: dict[str, int] = {}
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)  # party -> accounts naming it
        self._cores: dict[str, tuple[int, set[str]]] = {}  # the core parties, by the accounts they were counted on
        self._ends: list[tuple[int, str]] = []  # (last day, occasion): what close() looks at first
        self._articles = 0
        self._count = 0  # occasions opened: their order

    def add(self, article: Article) -> Article:
        """The article with the id of its occasion on every event (new ones opened)."""
        self._articles += 1
        name = article.id if article.id is not None else f"#{self._articles}"
        ids: dict[int, str] = {}
        parts = []
        for n, (told, members) in enumerate(groups(article), 1):
            mine = near_publication(told, article)
            found = self._find(mine)
            if found is None:
                found = _occasion_id(name, n)
                self._signatures[found] = mine
                self._parts[found] = []
                self._opened[found] = self._count = self._count + 1
            else:
                self._signatures[found] = self._signatures[found].merged(mine)
            self._enter(found, mine)
            self._counts[found].update(mine.parties)
            part = occasion(found, article, members)
            self._parts[found].append(part)
            parts.append(part)
            ids.update(dict.fromkeys(members, found))
        events = tuple(dataclasses.replace(e, occasion=ids[k]) for k, e in enumerate(article.events))
        return dataclasses.replace(article, events=events, occasions=tuple(parts))

    def occasions(self) -> tuple[Occasion, ...]:
        """Every open occasion, in the order they opened, with all their mentions."""
        return tuple(combine(key, parts) for key, parts in self._parts.items())

    def close(self, before: dt.date) -> tuple[Occasion, ...]:
        """Finish and forget the occasions whose days all lie before ``before``: for a
        stream in publication order, those that no article published after ``before``
        plus the type's days can join. The Linker's memory then follows the occasions of
        a window of time, not the whole stream; an article that later tells of a closed
        occasion opens a new one."""
        done = []
        while self._ends and self._ends[0][0] < before.toordinal():
            _, key = heapq.heappop(self._ends)
            days = _days(self._signatures.get(key))
            if key not in self._signatures or (days and days[1].toordinal() >= before.toordinal()):
                continue  # closed already, or it grew later than this entry says
            for entry in self._entries.pop(key, ()):
                self._index[entry].discard(key)
                if not self._index[entry]:  # nothing left under it: the week is gone from the index
                    del self._index[entry]
                    self._weeks_of[entry[:2]].discard(entry[2])
            done.append(combine(key, self._parts.pop(key)))
            del self._signatures[key], self._opened[key], self._counts[key]
            self._cores.pop(key, None)
        return tuple(sorted(done, key=lambda o: o.id))

    def _find(self, mine: Signature) -> str | None:
        """The known occasion this one agrees with most: most shared parties, then the
        earliest opened."""
        ranked = sorted(
            (-len(shared), self._opened[key], key)
            for key in self._candidates(mine)
            if (shared := self._core(key) & mine.parties)
        )
        return next((key for _, _, key in ranked if agree(self._signatures[key], mine)), None)

    def _core(self, key: str) -> set[str]:
        """The parties most accounts of an occasion name: what a new account must share.
        A party one article in many named does not draw every occasion of that party in."""
        accounts = len(self._parts[key])
        cached = self._cores.get(key)
        if cached is None or cached[0] != accounts:
            cached = accounts, {party for party, n in self._counts[key].items() if n >= CORE_SHARE * accounts}
            self._cores[key] = cached
        return cached[1]

    def _candidates(self, mine: Signature) -> set[str]:
        """The known occasions sharing the type, a party and a week with this one."""
        found: set[str] = set()
        days = _days(mine)
        for party in mine.parties:
            weeks = _weeks(days) if days else self._weeks_of.get((mine.type, party), set())
            for week in {*weeks, None}:
                found |= self._index.get((mine.type, party, week), set())
        return found

    def _enter(self, key: str, mine: Signature) -> None:
        days = _days(mine)
        for party in mine.parties:
            for week in _weeks(days) if days else [None]:
                entry = (mine.type, party, week)
                self._index[entry].add(key)
                self._entries[key].add(entry)
                self._weeks_of[(mine.type, party)].add(week)
        whole = _days(self._signatures[key])
        if whole is not None:
            heapq.heappush(self._ends, (whole[1].toordinal(), key))


def link(articles: Iterable[Article]) -> Linked:
    """The articles with one id space for their occasions, and the occasions (see
    ``Linker``; the same articles in the same order give the same ids)."""
    linker = Linker()
    linked = tuple(linker.add(a) for a in articles)
    return Linked(linked, linker.occasions())


def _days(mine: Signature | None) -> Days | None:
    """The days an occasion can lie in: those its records state (give or take the
    slack), else those around their publication."""
    if mine is None or not (mine.span or mine.window):
        return None
    if mine.span is None:
        return mine.window
    slack = dt.timedelta(days=mine.slack)
    return mine.span[0] - slack, mine.span[1] + slack


def _weeks(days: Days) -> list[int]:
    first, last = (d.toordinal() // WEEK for d in days)
    return list(range(first, last + 1))


def _occasion_id(article: str, number: int) -> str:
    """A stable id: the article that opened the occasion and its place there."""
    return "O-" + hashlib.sha1(f"{article}\0{number}".encode()).hexdigest()[:12]
