"""When the occasion a record tells of can lie: the days its stated date covers, else a
window its publication date and its status give.

A record without a date still has a time: what happened (``actual``) happened shortly
before its article was published, what is ``planned`` or only possible lies after it,
what did not happen may be either. A stated date that its status contradicts (a record
of something held, dated a year after its article) is kept: a date is more often right
than a status. How many days before and after publication an undated record may lie is
per event type (``data/occasions.txt``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

from ..text.header import PublicationDate

#: a first and a last day
Days = tuple[dt.date, dt.date]

#: which side of its publication an undated record of each status lies on
BEFORE, AFTER = frozenset({"actual", "negated"}), frozenset({"planned", "hypothetical", "negated"})


def window(status: str, published: Days | None, before: int, after: int, slack: int) -> Days | None:
    """The days around publication an undated record of this status may lie in (None
    when the article's date is unknown): ``before`` days back for what happened,
    ``after`` days ahead for what is to come, ``slack`` days on the other side (a report
    written on the eve of its publication date, a meeting held the day it is announced)."""
    if published is None:
        return None
    first = shifted(published[0], -(before if status in BEFORE else slack))
    last = shifted(published[1], after if status in AFTER else slack)
    return first, last


def shifted(day: dt.date, days: int) -> dt.date:
    """The day ``days`` after ``day``, held inside the calendar (a sentinel 9999-12-31
    has no day after it)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


@lru_cache(maxsize=65536)
def span(iso: str | None) -> Days | None:
    """The first and last day an ISO date at its precision covers."""
    date = PublicationDate.parse(iso) if iso else None
    if date is None:
        return None
    if date.day:
        day = dt.date(date.year, date.month or 1, date.day)
        return day, day
    if date.month:
        first = dt.date(date.year, date.month, 1)
        return first, dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)


def overlap(a: Days | None, b: Days | None) -> Days | None:
    """The days both spans cover (a missing span covers every day); None if none."""
    if a is None or b is None:
        return a or b
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def widened(days: Days, slack: int) -> Days:
    """The days give or take ``slack`` on each side."""
    return shifted(days[0], -slack), shifted(days[1], slack)


def joined(a: Days | None, b: Days | None) -> Days | None:
    """The days two accounts of one occasion state together: the narrower where one
    holds the other ("в декабре" and "5 декабря" is the 5th), else from the first day
    either states to the last (a visit on the 4th, its talks on the 5th)."""
    if a is None or b is None:
        return a or b
    both = overlap(a, b)
    if both in (a, b):
        return both
    return min(a[0], b[0]), max(a[1], b[1])
