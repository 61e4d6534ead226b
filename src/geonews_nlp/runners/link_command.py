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
from ..records import Article, Occasion
from ..text.header import PublicationDate
from .batch import parse_record


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
    with ExitStack() as stack:
        source: IO[str] = sys.stdin if args.articles == "-" else stack.enter_context(open(args.articles, encoding="utf-8-sig"))
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


def _records(source: IO[str], name: str) -> Iterator[Article | dict[str, Any]]:
    """The articles of the input, and the lines that are none as ``{"id", "error"}``."""
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        record = parse_record(line, f"{name}:{number}")
        if isinstance(record, Article):  # a line that is no JSON object
            yield {"id": record.id, "error": record.error, "unread": True}
        elif "error" in record or "text" not in record:
            yield {**record, "unread": "text" not in record}
        else:
            yield Article.from_dict(record)


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
            _write(occasions, linker.close(newest - dt.timedelta(days=horizon)))
    _write(occasions, linker.occasions())
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

