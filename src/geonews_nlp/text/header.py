"""The article's publication date: given by the caller, or read from a header line.

Scraped articles may open with a ``date YYYY-MM-DD`` line; the header gives the
publication date and is not part of any sentence or entity, and the offsets of
everything else still refer to the text as given. Archives often know only the month or
the year of an article, so a publication date has a precision: ``2025-06-14``,
``2025-06`` or ``2025``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from dataclasses import dataclass
from functools import cached_property

HEADER = re.compile(r"\A\ufeff?\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\w-])[ \t]*")
#: a byte order mark, which a file read without "utf-8-sig" leaves at the start of its text
BOM = "\ufeff"
ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class PublicationDate:
    """A publication date known to the day, the month or the year.

    >>> PublicationDate.parse("2025-06")
    PublicationDate(year=2025, month=6, day=None)
    >>> PublicationDate.parse("2025-06").iso
    '2025-06'
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PublicationDate | None:
        """The date an ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` string names; None if
        it names no real day, month or year."""
        match = ISO.fullmatch(text.strip())
        if match is None:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    def before(self, iso: str | None) -> bool:
        """Whether an ISO date lies after this one, at the coarser of the two precisions
        ("2025-12" is after 2025-10-02; "2025-10" is not).

        >>> PublicationDate.parse("2025-10-02").before("2025-12")
        True
        >>> PublicationDate.parse("2025-10-02").before("2025-10")
        False
        """
        if iso is None:
            return False
        size = min(len(iso), len(self.iso))
        return iso[:size] > self.iso[:size]

    @property
    def iso(self) -> str:
        """The date as ISO, at its own precision."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @cached_property
    def date(self) -> dt.date | None:
        """The day, when it is known (made once: the date resolver asks for every word)."""
        return dt.date(self.year, self.month, self.day) if self.month and self.day else None


@dataclass(frozen=True)
class Header:
    """The parsed header: the date it states and where the article body starts."""

    date: str | None
    body_start: int


def parse_header(text: str) -> Header:
    """Find the date header; a header whose date is not a real day is not a header.

    >>> parse_header(" date 2026-01-06 Президент прибыл.")
    Header(date='2026-01-06', body_start=17)
    >>> parse_header("date 2025-06\\nПрезидент прибыл.")
    Header(date='2025-06', body_start=12)
    >>> parse_header("Президент прибыл.")
    Header(date=None, body_start=0)

    A byte order mark a file left at the start is no part of the body:

    >>> parse_header("\\ufeffПрезидент прибыл.")
    Header(date=None, body_start=1)
    """
    match = HEADER.match(text)
    if match is None or PublicationDate.parse(match.group(1)) is None:
        return Header(None, 1 if text.startswith(BOM) else 0)
    return Header(match.group(1), match.end())


def is_missing(value: object) -> bool:
    """Whether a value is what a container stores for "no value": None, a float NaN,
    pandas' ``NA`` and ``NaT``.

    >>> is_missing(None), is_missing(float("nan")), is_missing("2026-01-06")
    (True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    pandas = sys.modules.get("pandas")  # only a pandas value can be pandas' NA or NaT
    if pandas is not None and (value is pandas.NA or value is pandas.NaT):
        return True
    return False


def normalize_date(value: object) -> str | None:
    """A publication date given by the caller, as ISO at its precision; None for a
    missing value; ``ValueError`` for anything else.

    >>> normalize_date(dt.date(2026, 1, 6))
    '2026-01-06'
    >>> normalize_date("2026-01-06"), normalize_date("2025-06"), normalize_date("2025")
    ('2026-01-06', '2025-06', '2025')
    """
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and (date := PublicationDate.parse(value)) is not None:
        return date.iso
    raise ValueError(
        f"date must be a datetime.date or an ISO 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' string, got {value!r}"
    )
