"""What a calendar word names, against the article date: the normalizations of
``data/dates.txt`` ("6 января", "в апреле следующего года", "вчера", "в субботу", "на
этой неделе", "25 лет назад", "05.09.24"), the day of a range ("23–24 августа", "с 8 по
13 октября", "22 и 23 ноября") and a month's year. ``dates`` finds which words are the
event's."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Token

from ..errors import PatternError
from ..knowledge.datafiles import read_table
from ..text.header import PublicationDate

#: the kinds of ``data/dates.txt`` and what their value is
KINDS = {
    "month": int, "month_adjective": int, "day_offset": int, "weekday": int, "period": str, "offset": int, "since": str,
    "range_end": str, "ago": str,
}
#: the kinds that name a date by themselves (the others modify one)
NAMING_KINDS = {"month", "month_adjective", "day_offset", "weekday", "period"}
#: a day range written in one token ("23–24") or a day
DAYS = re.compile(r"(\d{1,2})(?:[–—-]\d{1,2})?")
#: a day written in figures: "05.09.24", "19.03.2025"
NUMERIC = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")


@cache
def table() -> dict[str, tuple[str, int | str]]:
    """Lemma -> (kind, value) of the date expressions."""
    out: dict[str, tuple[str, int | str]] = {}
    for lemma, kind, value, *_ in read_table("dates.txt", 3):
        if kind not in KINDS:
            raise PatternError(f"dates.txt: unknown kind {kind!r} for {lemma!r}")
        out[lemma] = (kind, KINDS[kind](value) if value != "-" else value)
    return out


def read(token: Token, article_date: PublicationDate | None, tense: str) -> str | None:
    """The date a word names (``tense``: "past" or "other"), or None."""
    kind, value = table().get(token.lemma_, ("", 0))
    base = article_date.date if article_date else None
    if kind == "month":
        return _month(token, int(value), article_date, tense)
    if kind == "month_adjective" and article_date is not None:
        return _month_of(int(value), article_date, tense, None)
    if year_noun(token):
        if token.i > 1 and table().get(token.doc[token.i - 2].lemma_, ("",))[0] in ("since", "month"):
            return None  # "с 2018 года": since then; "января 2026 года": read with the month
        return token.doc[token.i - 1].text
    if kind == "period":
        return _ago(token, article_date) or _period(token, str(value), article_date)
    numeric = NUMERIC.fullmatch(token.text)
    if numeric is not None:  # "05.09.24", "19.03.2025"
        day, month, year = (int(g) for g in numeric.groups())
        return _iso(year + 2000 if year < 100 else year, month, day) if 1 <= month <= 12 else None
    if kind == "day_offset" and base is not None and token.pos_ == "ADV":
        if any(c.dep_ in ("obl", "nmod") for c in token.children):
            return None  # "накануне поездки": the eve of something, not yesterday
        return _shifted(base, int(value))
    if kind == "weekday" and base is not None:
        delta = (int(value) - base.weekday()) % 7
        if tense == "past" or (tense == "other" and token.pos_ == "ADJ"):  # "пятничные консультации": the Friday before
            delta = delta - 7 if delta else 0
        return _shifted(base, delta)
    return None


def _shifted(base: dt.date, days: int) -> str | None:
    """The day ``days`` after ``base`` as ISO, or None where it leaves the calendar
    (yesterday of 0001-01-01, tomorrow of 9999-12-31: a sentinel date, not a day)."""
    try:
        return (base + dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return None


def _year(year: int) -> str | None:
    """A year as ISO, or None outside the calendar's years 1 to 9999."""
    return f"{year:04d}" if 1 <= year <= 9999 else None


def _month_number(number: int) -> str | None:
    """A month counted from year 0 (``year * 12 + month - 1``) as ISO, or None outside
    the calendar."""
    return f"{number // 12:04d}-{number % 12 + 1:02d}" if 12 <= number < 120_000 else None


def _month(token: Token, month: int, article_date: PublicationDate | None, tense: str) -> str | None:
    """"6 января", "в декабре 2008 года", "23–24 августа" (a range: its start), "с 8 по
    13 октября" (its start)."""
    year = _year_after(token)
    if year is None and article_date is not None:
        year = _year_of_period(token, article_date)  # "в апреле следующего года", "в октябре этого года"
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


def _year_of_period(token: Token, article_date: PublicationDate) -> int | None:
    """The year a month's genitive "года" counts from the article ("апреле следующего
    года": the next)."""
    for child in token.children:
        if table().get(child.lemma_) == ("period", "year"):
            offsets = [v for c in child.children if (v := table().get(c.lemma_, ("", 0)))[0] == "offset"]
            if offsets:
                return article_date.year + int(offsets[0][1])
    return None


def _ago(token: Token, article_date: PublicationDate | None) -> str | None:
    """"25 лет назад", "три месяца назад": a period unit counted back from the article."""
    unit = table().get(token.lemma_, ("", ""))
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if unit[0] != "period" or after is None or table().get(after.lemma_, ("",))[0] != "ago" or article_date is None:
        return None
    count = next((int(t.text) for t in token.children if t.text.isdigit()), None)
    if count is None and token.i > 0 and token.doc[token.i - 1].text.isdigit():
        count = int(token.doc[token.i - 1].text)
    if count is None:
        return None
    if unit[1] == "year":
        return _year(article_date.year - count)
    if unit[1] == "month" and article_date.month is not None:
        return _month_number(article_date.year * 12 + article_date.month - 1 - count)
    return None


def _iso(year: int, month: int, day: int | None) -> str | None:
    """The month, or the day where one is given and real, as ISO."""
    if not 1 <= year <= 9999:
        return None
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
        return _year(article_date.year + offset)
    if unit == "month" and article_date.month is not None:
        return _month_number(article_date.year * 12 + article_date.month - 1 + offset)
    if unit == "week" and article_date.date is not None:
        try:
            monday = article_date.date - dt.timedelta(days=article_date.date.weekday()) + dt.timedelta(weeks=offset)
            sunday = monday + dt.timedelta(days=6)
        except OverflowError:
            return None
        return f"{monday.year:04d}-{monday.month:02d}" if monday.month == sunday.month else None
    return None


def _kind(token: Token) -> str:
    """The kind ``data/dates.txt`` gives a word (by its lower-cased form), or ""."""
    return str(table().get(token.lower_, ("",))[0])


def year_noun(token: Token) -> bool:
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
    if len(words) >= 3 and words[-2].text in ("и", "-", "–", "—") and DAYS.fullmatch(words[-3].text):
        return int(DAYS.fullmatch(words[-3].text).group(1))  # "22 и 23 ноября": its first day
    return int(match.group(1))
