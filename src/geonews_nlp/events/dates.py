"""Dates of events, resolved against the article date.

Finds date expressions among the words that depend on the trigger or its predicate
("6 января", "в декабре 2008 года", "накануне", "вчера", "в понедельник",
"в начале января", "декабрьском") and turns them into ISO dates; a date on a
reporting verb is not the event's.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from ..header import PublicationDate
from .syntax import clause_siblings

MONTHS = {
    name: number
    for number, name in enumerate(
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(), 1
    )
}
MONTH_ADJECTIVES = {
    name: number
    for number, name in enumerate(
        "январский февральский мартовский апрельский майский июньский июльский августовский "
        "сентябрьский октябрьский ноябрьский декабрьский".split(),
        1,
    )
}
RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "позавчера": -2, "завтра": 1, "послезавтра": 2, "накануне": -1}
WEEKDAYS = {
    name: number
    for number, name in enumerate("понедельник вторник среда четверг пятница суббота воскресенье".split())
}


def event_date(
    anchor: Token, verb: Token | None, sentence: Span, article_date: PublicationDate | None, tense: str
) -> str | None:
    """The event's date from the words that attach to the trigger or its predicate.

    The predicate's date reaches the predicates coordinated with it ("28 февраля
    отрекся ..., простился с кардиналами") and a gerund's head ("пообещав"); a
    participle on the trigger carries its date ("договор, подписанный 15 мая").
    Of several dates the most specific, then the nearest, wins. Against an article date
    known only to the month or the year, what needs the day ("вчера", "в субботу")
    gives nothing.
    """
    targets = {anchor.i}
    for node in (anchor, verb):
        while node is not None:
            targets.add(node.i)
            targets |= {t.i for t in clause_siblings(node)}
            node = node.head if node.dep_ in ("conj", "advcl") and node.head != node else None
    targets |= {c.i for c in anchor.children if c.dep_ in ("acl", "amod") and c.pos_ == "VERB"}
    found = []
    for token in sentence:
        if not _attached(token, targets):
            continue
        value = _read(token, article_date, tense)
        if value is not None:
            found.append((-len(value), abs(token.i - anchor.i), value))
    return min(found)[2] if found else None


def _attached(token: Token, targets: set[int]) -> bool:
    """The token hangs, within three steps and below any other verb, on a target."""
    node = token
    for _ in range(3):
        if node.head == node or node.dep_ == "ROOT":  # a line joined to its sentence
            return False
        node = node.head
        if node.i in targets:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _year_after(token: Token) -> int | None:
    """A year right after a date word: "января 2026 года", "2008 г."."""
    for nxt in token.doc[token.i + 1 : token.i + 3]:
        if nxt.like_num and len(nxt.text) == 4 and nxt.text.isdigit():
            return int(nxt.text)
        if not nxt.is_space:
            break
    return None


def _read(token: Token, article_date: PublicationDate | None, tense: str) -> str | None:
    base = article_date.date if article_date else None
    lemma = token.lemma_
    if lemma in MONTHS:
        month = MONTHS[lemma]
        year = _year_after(token) or (article_date.year if article_date else None)
        day = _day_before(token)
        if year is None:
            return None
        if day is not None:
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
        return f"{year:04d}-{month:02d}"
    if lemma in MONTH_ADJECTIVES and article_date is not None:
        return f"{article_date.year:04d}-{MONTH_ADJECTIVES[lemma]:02d}"
    if lemma == "год" and token.i > 0:
        prev = token.doc[token.i - 1]
        if prev.text.isdigit() and len(prev.text) == 4 and not _is_month(token.doc[token.i - 2] if token.i > 1 else None):
            return prev.text
    if lemma in RELATIVE_DAYS and base is not None and token.pos_ == "ADV":
        if lemma == "накануне" and any(c.dep_ in ("obl", "nmod") for c in token.children):
            return None  # "накануне поездки": the eve of something, not yesterday
        return (base + dt.timedelta(days=RELATIVE_DAYS[lemma])).isoformat()
    if lemma in WEEKDAYS and base is not None:
        delta = (WEEKDAYS[lemma] - base.weekday()) % 7
        if tense == "past":
            delta = delta - 7 if delta else 0
        return (base + dt.timedelta(days=delta)).isoformat()
    return None


def _is_month(token: Token | None) -> bool:
    return token is not None and token.lemma_ in MONTHS


def _day_before(token: Token) -> int | None:
    """The day number of "6 января"."""
    for prev in reversed(token.doc[max(0, token.i - 2) : token.i]):
        if prev.is_space:
            continue
        if prev.text.isdigit() and 1 <= int(prev.text) <= 31:
            return int(prev.text)
        return None
    return None
