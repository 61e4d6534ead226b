"""The article header: an optional ``date YYYY-MM-DD`` line that opens scraped articles.

The header gives the publication date; it is not part of any sentence or entity, and the
offsets of everything else still refer to the text as given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")


@dataclass(frozen=True)
class Header:
    """The parsed header: the date it states and where the article body starts."""

    date: str | None
    body_start: int


def parse_header(text: str) -> Header:
    """Find the date header; a header whose date is not a real day is not a header.

    >>> parse_header(" date 2026-01-06 Президент прибыл.")
    Header(date='2026-01-06', body_start=17)
    >>> parse_header("Президент прибыл.")
    Header(date=None, body_start=0)
    """
    match = HEADER.match(text)
    if match is None:
        return Header(None, 0)
    try:
        dt.date.fromisoformat(match.group(1))
    except ValueError:
        return Header(None, 0)
    return Header(match.group(1), match.end())


def normalize_date(value: object) -> str | None:
    """An article date given by the caller as ISO ``YYYY-MM-DD``; ``ValueError`` otherwise.

    >>> normalize_date(dt.date(2026, 1, 6))
    '2026-01-06'
    >>> normalize_date("2026-01-06")
    '2026-01-06'
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise ValueError(
        f"date must be a datetime.date or an ISO 'YYYY-MM-DD' string, got {value!r}"
    )
