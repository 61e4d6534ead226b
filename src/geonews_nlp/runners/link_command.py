"""Command line: ``geonews-nlp link ARTICLES.jsonl -o LINKED.jsonl [--occasions OCC.jsonl]``.

Reads the output of ``geonews-nlp extract --jsonl`` (one article a line) and writes the
same articles, in the same order, with one id space for the occasions of their events:
``"occasion"`` on every event, the article's ``"occasions"`` under those ids. An
``{"id", "error"}`` line passes through as it is. ``--occasions`` also writes one line per
occasion, with all its mentions, articles and sources. The articles are linked in
publication order, as ``link`` links them (the whole file is read first); with
``--horizon`` the file is a feed already in publication order, linked line by line, each
occasion written when it closes: memory stays flat. The same input gives the same ids.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from contextlib import ExitStack
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..linking import Linker
from ..linking.link import publication_order
from ..linking.time import shifted
from ..records import EVENT_TYPES, STATUSES, Article, Occasion
from ..text.header import PublicationDate, normalize_date
from .batch import parse_record
from .inputs import UsageError, check_paths


def add_parser(commands: Any) -> None:
    """The ``link`` subcommand on the top parser's subcommands."""
    sub = commands.add_parser(
        "link",
        help="give the events of many extracted articles one id per real-world occasion",
        description=__doc__.split("\n\n", 1)[1].strip(),
    )
    sub.add_argument("articles", metavar="ARTICLES", help="JSONL from 'geonews-nlp extract --jsonl', or - for stdin")
    sub.add_argument("-o", "--output", help="write the linked articles here instead of stdout")
    sub.add_argument("--occasions", metavar="OCCASIONS", help="also write one JSON line per occasion here")
    sub.add_argument(
        "--horizon",
        type=int,
        metavar="DAYS",
        help="for a feed in publication order: link line by line, closing the occasions over DAYS days older "
        "than the newest article as the feed goes (memory stays flat; a later report of a closed one opens a "
        "new one); without it the whole file is read and linked in publication order",
    )


def link_command(args: argparse.Namespace) -> int:
    """Link the articles; 1 if a line could not be read (it is written back as an error line)."""
    if args.horizon is not None and args.horizon < 0:
        raise UsageError(f"--horizon must be a number of days, 0 or more, not {args.horizon}")
    check_paths([args.articles], [args.output, args.occasions])
    with ExitStack() as stack:
        source: IO[bytes] = sys.stdin.buffer if args.articles == "-" else stack.enter_context(open(args.articles, "rb"))
        out: IO[str] = stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output else sys.stdout
        occasions = stack.enter_context(open(args.occasions, "w", encoding="utf-8")) if args.occasions else None
        lines = _records(source, args.articles)
        if args.horizon is None:
            failed = _link_file(lines, out, occasions)
        else:
            failed = _link_feed(lines, out, occasions, args.horizon)
    if failed:
        print(f"geonews-nlp: {failed} line(s) were no article", file=sys.stderr)
    return 1 if failed else 0


def _records(source: IO[bytes], name: str) -> Iterator[Article | dict[str, Any]]:
    """The articles of the input, and the lines that are none as ``{"id", "error"}``
    (not UTF-8, not JSON, not an article ``Article.from_dict`` reads)."""
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        record = parse_record(line, where)
        if isinstance(record, Article):  # a line that is no JSON object
            yield {"id": record.id, "error": record.error, "unread": True}
        elif "error" in record or "text" not in record:
            yield {**record, "unread": "text" not in record}
        else:
            try:
                yield checked(Article.from_dict(record))
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                record_id = record.get("id")
                message = f"{where}: not an extracted article: {type(error).__name__}: {error}"
                yield {"id": None if record_id is None else str(record_id), "error": message, "unread": True}


def checked(article: Article) -> Article:
    """The article, if the linker can read it: its dates are ISO dates, its events of
    known types and statuses; else ValueError."""
    for date in (article.date, *(e.date for e in article.events)):
        if date is not None:
            if not isinstance(date, str):
                raise ValueError(f"a date must be an ISO string, not {date!r}")
            normalize_date(date)
    for event in article.events:
        if event.type not in EVENT_TYPES or event.status not in STATUSES:
            raise ValueError(f"unknown event type or status {event.type!r}, {event.status!r}")
    return article


def _link_file(records: Iterable[Article | dict[str, Any]], out: IO[str], occasions: IO[str] | None) -> int:
    """Link every article in publication order; write them in the order read."""
    given = list(records)
    articles = [k for k, r in enumerate(given) if isinstance(r, Article)]
    linker = Linker()
    for k in sorted(articles, key=lambda k: publication_order(given[k])):  # type: ignore[arg-type]
        given[k] = linker.add(given[k])  # type: ignore[arg-type]
    failed = sum(_put(out, record) for record in given)
    _write(occasions, linker.occasions())
    return failed


def _link_feed(records: Iterable[Article | dict[str, Any]], out: IO[str], occasions: IO[str] | None, horizon: int) -> int:
    """Link a feed line by line, closing the occasions ``horizon`` days older than the
    newest article read."""
    linker = Linker()
    try:
        return _feed(records, out, occasions, horizon, linker)
    finally:  # stopped or not, the occasions still open are written
        _write(occasions, linker.occasions())


def _feed(records: Iterable[Article | dict[str, Any]], out: IO[str], occasions: IO[str] | None, horizon: int,
          linker: Linker) -> int:
    failed = late = 0
    newest: dt.date | None = None
    last = ""
    for record in records:
        if not isinstance(record, Article):
            failed += _put(out, record)
            continue
        if record.date and record.date < last:
            late += 1
            if late == 1:
                print(
                    f"geonews-nlp: article {record.id!r} ({record.date}) comes after one of {last}: the feed is not in "
                    "publication order, and --horizon links it as read (without --horizon the file is sorted first)",
                    file=sys.stderr,
                )
        last = max(last, record.date or "")
        article = linker.add(record)
        _put(out, article)
        published = PublicationDate.parse(article.date) if article.date else None
        if published is not None and published.date is not None:
            newest = max(newest or published.date, published.date)
            _write(occasions, linker.close(shifted(newest, -horizon)))
    if late > 1:
        print(f"geonews-nlp: {late} articles came after newer ones", file=sys.stderr)
    return failed


def _put(out: IO[str], record: Article | dict[str, Any]) -> int:
    """Write one line back; 1 if it was a line that held no article."""
    if isinstance(record, Article):
        out.write(record.to_json() + "\n")
        return 0
    unread = record.pop("unread", False)
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return int(unread)


def _write(out: IO[str] | None, occasions: tuple[Occasion, ...]) -> None:
    if out is not None:
        for occasion in occasions:
            out.write(json.dumps(occasion.to_dict(), ensure_ascii=False) + "\n")

