"""Dates of events, resolved against the article date.

Finds the date expressions of ``data/dates.txt`` among the words that depend on the
trigger, its predicate or a clause on the trigger ("6 января", "в декабре 2008 года",
"накануне", "вчера", "в понедельник", "на этой неделе", "в прошлом году", "23–24
августа", "переговоры, которые состоятся 3 марта") and turns them into ISO dates. A date
on a reporting verb is not the event's ("12 декабря Трамп объявил, что встретится ..."),
nor a year something began ("впервые с 2018 года"). A weekday or a month without a year
is the nearest one in the direction of the tense.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Span, Token

from ..errors import PatternError
from ..knowledge.datafiles import read_table
from ..text.header import PublicationDate
from .base import Candidate
from .clauses import misplaced_participles
from .lexicon import word_list
from .syntax import clause_siblings, predicate

#: the kinds of ``data/dates.txt`` and what their value is
KINDS = {
    "month": int, "month_adjective": int, "day_offset": int, "weekday": int, "period": str, "offset": int, "since": str,
    "range_end": str,
}
#: the kinds that name a date by themselves (the others modify one)
NAMING_KINDS = {"month", "month_adjective", "day_offset", "weekday", "period"}
#: a day range written in one token ("23–24") or a day
DAYS = re.compile(r"(\d{1,2})(?:[–—-]\d{1,2})?")


@cache
def table() -> dict[str, tuple[str, int | str]]:
    """Lemma -> (kind, value) of the date expressions."""
    out: dict[str, tuple[str, int | str]] = {}
    for lemma, kind, value, *_ in read_table("dates.txt", 3):
        if kind not in KINDS:
            raise PatternError(f"dates.txt: unknown kind {kind!r} for {lemma!r}")
        out[lemma] = (kind, KINDS[kind](value) if value != "-" else value)
    return out


def occasion_date(
    primary: Candidate, others: list[Candidate], article_date: PublicationDate | None, state: str, lead: bool
) -> str | None:
    """The date of an occasion: the first its matches state; else the article's date
    (as far as it is known) for what the sentence reports happening that day: "сегодня",
    a present-tense report ("находится с визитом"), or an actual event told in the
    article's lead (the news of the day: "Фицо встретился с Путиным в Пекине")."""
    stated = False
    for c in [primary, *others]:
        words = date_words(c.anchor, c.verb, c.sentence)
        date = _best_date(words, c.anchor, article_date, tense_of(c.verb))
        if date is not None:
            return date
        stated = stated or bool(words)
    if article_date is None or state not in ("actual", "planned"):
        return None
    if stated:
        return None  # a date the sentence states but the article date cannot place ("вчера" in a June article)
    today = any(table().get(t.lemma_, ("", None)) == ("day_offset", 0) for t in primary.sentence)
    if today or (state == "actual" and (_reported_as_today(primary) or (lead and not _ahead_of_the_news(primary.anchor)))):
        return article_date.iso
    return None


def trigger_date(trigger: Token, article_date: PublicationDate | None) -> str | None:
    """The date the words around one trigger word state: the resolver on its own,
    without an occasion's other matches or the article date as a fallback."""
    verb = predicate(trigger)
    return event_date(trigger, verb, trigger.sent, article_date, tense_of(verb))


def tense_of(verb: Token | None) -> str:
    """The direction a weekday or a month points to: "past", "future" or "other"."""
    if verb is None:
        return "other"
    if verb.lemma_ in word_list("intent"):
        return "future"  # "запланирована на 20 апреля", "намерены подписать в мае"
    tense = verb.morph.get("Tense")
    if "Past" in tense:
        return "past"
    if "Fut" in tense or ("Pres" in tense and "Perf" in verb.morph.get("Aspect")):
        return "future"
    if any(t.dep_ in ("aux", "aux:pass") and t.lemma_ in word_list("auxiliary") and "Past" not in t.morph.get("Tense") for t in verb.children):
        return "future"  # "будет подписан"
    return "other"


def _ahead_of_the_news(anchor: Token) -> bool:
    """An occasion the sentence tells as still ahead ("накануне поездки", "перед
    встречей"): the lead's news is what was done before it."""
    return any(
        c.dep_ == "case" and (c.lemma_ in word_list("before_mark") or table().get(c.lemma_, ("",))[0] == "day_offset")
        for c in anchor.children
    )


def _reported_as_today(c: Candidate) -> bool:
    """The trigger is, or directly depends on, a present-tense imperfective predicate
    ("находится с визитом"): what it reports happens on the article's day."""
    verb = c.verb
    if verb is None or "Pres" not in verb.morph.get("Tense") or "Perf" in verb.morph.get("Aspect"):
        return False
    return c.anchor == verb or c.anchor.head == verb


def event_date(
    anchor: Token, verb: Token | None, sentence: Span, article_date: PublicationDate | None, tense: str
) -> str | None:
    """The event's date from the words that attach to the trigger or its predicate.

    The predicate's date reaches the predicates coordinated with it ("28 февраля
    отрекся ..., простился с кардиналами") and a gerund's head ("пообещав"); a
    participle or a relative clause on the trigger carries its date ("договор,
    подписанный 15 мая", "переговоры, которые состоятся 3 марта"). Of several dates the
    most specific, then the nearest, wins. Against an article date known only to the
    month or the year, what needs the day ("вчера", "в субботу") gives nothing.
    """
    return _best_date(date_words(anchor, verb, sentence), anchor, article_date, tense)


def _best_date(words: list[Token], anchor: Token, article_date: PublicationDate | None, tense: str) -> str | None:
    """Of the dates these words name, the most specific, then the nearest the trigger."""
    found = []
    for token in words:
        value = read(token, article_date, tense)
        if value is not None:
            found.append((-len(value), abs(token.i - anchor.i), value))
    return min(found)[2] if found else None


def date_words(anchor: Token, verb: Token | None, sentence: Span) -> list[Token]:
    """The words of ``data/dates.txt`` and the years that attach to the trigger, its
    predicate, the predicates coordinated with it or a clause on the trigger."""
    targets = {anchor.i}
    for node in (anchor, verb):
        while node is not None:
            targets.add(node.i)
            targets |= {t.i for t in clause_siblings(node)}
            node = node.head if node.dep_ in ("conj", "advcl") and node.head != node else None
    targets |= {c.i for c in anchor.children if c.dep_ in ("acl", "amod", "acl:relcl") and c.pos_ == "VERB"}
    targets |= {c.i for c in misplaced_participles(anchor)}
    return [t for t in sentence if _names_a_date(t) and (_attached(t, targets) or _hung_on(t, targets))]


def _names_a_date(token: Token) -> bool:
    """A calendar word ("декабрь", "вчера", "суббота", "неделя") or a year ("2018 год")."""
    if _year_noun(token):
        return True
    return table().get(token.lemma_, ("",))[0] in NAMING_KINDS


def _hung_on(token: Token, targets: set[int]) -> bool:
    """A date word the parser made the head of the predicate ("Послезавтра министры
    проведут", read as "послезавтра" with "проведут" below it)."""
    return token.pos_ == "ADV" and any(c.i in targets and c.dep_ in ("conj", "parataxis") for c in token.children)


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


def read(token: Token, article_date: PublicationDate | None, tense: str) -> str | None:
    """The date a word names (``tense``: "past" or "other"), or None."""
    kind, value = table().get(token.lemma_, ("", 0))
    base = article_date.date if article_date else None
    if kind == "month":
        return _month(token, int(value), article_date, tense)
    if kind == "month_adjective" and article_date is not None:
        return _month_of(int(value), article_date, tense, None)
    if _year_noun(token):
        if token.i > 1 and table().get(token.doc[token.i - 2].lemma_, ("",))[0] in ("since", "month"):
            return None  # "с 2018 года": since then; "января 2026 года": read with the month
        return token.doc[token.i - 1].text
    if kind == "period":
        return _period(token, str(value), article_date)
    if kind == "day_offset" and base is not None and token.pos_ == "ADV":
        if any(c.dep_ in ("obl", "nmod") for c in token.children):
            return None  # "накануне поездки": the eve of something, not yesterday
        return (base + dt.timedelta(days=int(value))).isoformat()
    if kind == "weekday" and base is not None:
        delta = (int(value) - base.weekday()) % 7
        if tense == "past":
            delta = delta - 7 if delta else 0
        return (base + dt.timedelta(days=delta)).isoformat()
    return None


def _month(token: Token, month: int, article_date: PublicationDate | None, tense: str) -> str | None:
    """"6 января", "в декабре 2008 года", "23–24 августа" (a range: its start), "с 8 по
    13 октября" (its start)."""
    year = _year_after(token)
    if year is None and article_date is None:
        return None
    day = _day_before(token)
    if year is None:
        return _month_of(month, article_date, tense, day)
    return _iso(year, month, day)


def _month_of(month: int, article_date: PublicationDate, tense: str, day: int | None) -> str | None:
    """A month without a year: the article's year, or the year before or after where the
    tense points there ("в декабре подписали" in a February article: the December
    before)."""
    year = article_date.year
    if article_date.month is not None:
        if tense == "past" and month > article_date.month:
            year -= 1
        elif tense == "future" and month < article_date.month:
            year += 1
    return _iso(year, month, day)


def _iso(year: int, month: int, day: int | None) -> str | None:
    """The month, or the day where one is given and real, as ISO."""
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _period(token: Token, unit: str, article_date: PublicationDate | None) -> str | None:
    """"на этой неделе", "на следующей неделе" (the week's month, if it lies in one),
    "в прошлом году", "в следующем месяце"."""
    offsets = [v for c in token.children if c.dep_ in ("amod", "det") and (v := table().get(c.lemma_, ("", 0)))[0] == "offset"]
    if not offsets or article_date is None:
        return None
    offset = int(offsets[0][1])
    if unit == "year":
        return f"{article_date.year + offset:04d}"
    if unit == "month" and article_date.month is not None:
        number = article_date.year * 12 + article_date.month - 1 + offset
        return f"{number // 12:04d}-{number % 12 + 1:02d}"
    if unit == "week" and article_date.date is not None:
        monday = article_date.date - dt.timedelta(days=article_date.date.weekday()) + dt.timedelta(weeks=offset)
        sunday = monday + dt.timedelta(days=6)
        return f"{monday.year:04d}-{monday.month:02d}" if monday.month == sunday.month else None
    return None


def _kind(token: Token) -> str:
    """The kind ``data/dates.txt`` gives a word (by its lower-cased form), or ""."""
    return str(table().get(token.lower_, ("",))[0])


def _year_noun(token: Token) -> bool:
    """"год" after a year: "в 2018 году"."""
    return table().get(token.lemma_) == ("period", "year") and token.i > 0 and _is_year(token.doc[token.i - 1])


def _is_year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4


def _year_after(token: Token) -> int | None:
    """A year right after a date word: "января 2026 года", "2008 г."."""
    for nxt in token.doc[token.i + 1 : token.i + 3]:
        if nxt.like_num and _is_year(nxt):
            return int(nxt.text)
        if not nxt.is_space:
            break
    return None


def _day_before(token: Token) -> int | None:
    """The day of "6 января", the start of "23–24 августа" and of "с 8 по 13 октября"."""
    words = [t for t in token.doc[max(0, token.i - 5) : token.i] if not t.is_space]
    if not words:
        return None
    match = DAYS.fullmatch(words[-1].text)
    if match is None or not 1 <= int(match.group(1)) <= 31:
        return None
    if len(words) >= 4 and _kind(words[-2]) == "range_end" and DAYS.fullmatch(words[-3].text) and _kind(words[-4]) == "since":
        return int(DAYS.fullmatch(words[-3].text).group(1))  # "с 8 по 13 октября"
    return int(match.group(1))
