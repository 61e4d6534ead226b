"""Command line: ``geonews-nlp link ARTICLES.jsonl -o LINKED.jsonl [--occasions OCC.jsonl]``.

Reads the output of ``geonews-nlp extract --jsonl`` (one article a line) and writes the
same articles, in the same order, with one id space for the occasions of their events:
``"occasion"`` on every event, the article's ``"occasions"`` under those ids. An
``{"id", "error"}`` line passes through as it is. ``--occasions`` also writes one line per
occasion, with all its mentions, articles and sources; with ``--horizon`` an occasion is
written when it closes, else all at the end. The same input gives the same ids.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from contextlib import ExitStack
from typing import IO, Any

from ..linking import Linker
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
        help="for a feed in publication order: close the occasions over DAYS days older than the newest "
        "article as the feed goes (memory stays flat; a later report of a closed one opens a new one)",
    )


def link_command(args: argparse.Namespace) -> int:
    """Link the articles; 1 if a line could not be read (it is written back as an error line)."""
    linker = Linker()
    failed = 0
    newest: dt.date | None = None
    with ExitStack() as stack:
        source: IO[str] = sys.stdin if args.articles == "-" else stack.enter_context(open(args.articles, encoding="utf-8"))
        out: IO[str] = stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output else sys.stdout
        occasions = stack.enter_context(open(args.occasions, "w", encoding="utf-8")) if args.occasions else None
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            record = parse_record(line, f"{args.articles}:{number}")
            if isinstance(record, Article):  # a line that is no JSON object
                record = {"id": record.id, "error": record.error}
            if "error" in record or "text" not in record:
                failed += "text" not in record
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            article = linker.add(Article.from_dict(record))
            out.write(article.to_json() + "\n")
            published = PublicationDate.parse(article.date) if article.date else None
            if args.horizon is not None and published is not None and published.date is not None:
                newest = max(newest or published.date, published.date)
                _write(occasions, linker.close(newest - dt.timedelta(days=args.horizon)))
        _write(occasions, linker.occasions())
    if failed:
        print(f"geonews-nlp: {failed} line(s) were no article", file=sys.stderr)
    return 1 if failed else 0


def _write(out: IO[str] | None, occasions: tuple[Occasion, ...]) -> None:
    if out is not None:
        for occasion in occasions:
            out.write(json.dumps(occasion.to_dict(), ensure_ascii=False) + "\n")

