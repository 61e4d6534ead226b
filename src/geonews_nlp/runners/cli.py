"""Command line: ``geonews-nlp extract``.

JSONL input holds ``{"id", "text", "date"?}`` records; every input line gives exactly one
output line with the same ``id``, in input order: a record that cannot be read gives
``{"id", "error"}``. ``--resume`` continues a run that was stopped: the records already
in OUT are skipped and the rest appended.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from importlib.metadata import version
from typing import IO, Any

from ..records import Article
from ..text.header import normalize_date
from . import link_command
from .batch import extract_many
from .inputs import (
    UsageError,
    check_paths,
    count_records,
    finished,
    jsonl_records,
    read_text,
    skip_done,
    text_records,
)

#: exit codes, as Unix tools have them
OK, FAILED_RECORDS, USAGE = 0, 1, 2
IO_ERROR = 74  # sysexits' EX_IOERR: an output (or debug's input) cannot be opened, read or written
INTERRUPTED = 128 + signal.SIGINT  # Ctrl-C
TERMINATED = 128 + signal.SIGTERM  # kill, timeout, a scheduler
BROKEN_PIPE = 128 + signal.SIGPIPE  # the reader went away ("| head")

EXAMPLES = """\
examples:
  geonews-nlp extract article.txt other.txt            # one JSON object per file, id = path
  geonews-nlp extract --date 2026-01-06 article.txt    # the publication date of plain texts
  geonews-nlp extract --jsonl in.jsonl -o out.jsonl    # records {"id", "text", "date"?}
  geonews-nlp extract --jsonl in.jsonl -o out.jsonl --workers 2 --progress
  geonews-nlp extract --jsonl in.jsonl -o out.jsonl --resume   # after a stopped run
  cat in.jsonl | geonews-nlp extract --jsonl - | head -n 3
  geonews-nlp debug article.txt                        # every trigger match, kept or dropped, and why
  geonews-nlp link out.jsonl -o linked.jsonl --occasions occasions.jsonl   # occasions across articles

exit status:
  0    every record was read
  1    some records failed: each gave an {"id", "error"} line; stderr says how many
  2    usage error (a bad option, a bad --date); nothing was read
  130  interrupted (Ctrl-C)
  141  the output pipe was closed
"""


def parser() -> argparse.ArgumentParser:
    """The argument parser, with usage examples in its help."""
    top = argparse.ArgumentParser(
        prog="geonews-nlp",
        description="Entities and events (meetings, commitments, security guarantees) from Russian news.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"geonews-nlp {version('geonews_nlp')}")
    commands = top.add_subparsers(dest="command", required=True)
    ex = commands.add_parser(
        "extract",
        help="extract entities and events as JSON",
        description=__doc__.split("\n\n", 1)[1].strip(),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("files", nargs="+", metavar="FILE", help="text files (JSONL with --jsonl), or - for stdin")
    ex.add_argument("--jsonl", action="store_true", help="inputs are JSONL records {id, text, date?}")
    ex.add_argument(
        "--date",
        type=_date,
        help="publication date (YYYY-MM-DD, YYYY-MM or YYYY) of plain texts; with --jsonl, of the records without one",
    )
    ex.add_argument("-o", "--output", help="write here instead of stdout")
    ex.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")
    ex.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    ex.add_argument(
        "--types",
        action="append",
        metavar="TYPES",
        help="keep the events of these types only (meeting, commitment, security_guarantee; comma-separated "
        "or repeated)",
    )
    ex.add_argument("--resume", action="store_true", help="skip the records already in OUTPUT, append the rest")
    ex.add_argument("--html", metavar="HTML", help="also write every article of OUTPUT as highlighted HTML")
    progress = ex.add_mutually_exclusive_group()
    progress.add_argument("--progress", action="store_true", default=None, help="show a progress bar")
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="never show one")
    db = commands.add_parser(
        "debug",
        help="list every trigger match of a text, kept or dropped, and why",
        description="Every trigger match the event rules found, one line each: KEEP with the "
        "conditions of its rule that held, or DROP with the veto or condition that dropped it.",
    )
    db.add_argument("file", metavar="FILE", help="a text file, or - for stdin")
    db.add_argument("--date", type=_date, help="publication date (YYYY-MM-DD, YYYY-MM or YYYY)")
    db.add_argument("--json", action="store_true", help="one JSON object per decision")
    link_command.add_parser(commands)
    return top


def _date(value: str) -> str | None:
    try:
        return normalize_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit status is returned (see ``EXAMPLES``): every way a
    run ends has its status and at most one line on stderr, never a traceback."""
    args = parser().parse_args(argv)
    if args.command == "extract":
        _check_extract_options(args)
    previous = _on_sigterm()
    try:
        if args.command == "debug":
            return debug_command(args)
        if args.command == "link":
            return link_command.link_command(args)
        check_paths(args.files, [args.output, args.html])
        return extract_command(args)
    except UsageError as error:
        print(f"geonews-nlp: {error}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        return INTERRUPTED
    except Terminated:
        return TERMINATED
    except BrokenPipeError:
        # the reader is gone: stop writing, and let nothing flush into the closed pipe
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE
    except OSError as error:  # an output that cannot be opened or written: a directory, a full disk
        print(f"geonews-nlp: {error}", file=sys.stderr)
        return IO_ERROR
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _check_extract_options(args: argparse.Namespace) -> None:
    """Options of ``extract`` that do not fit together end the run as a usage error."""
    if args.resume and not args.output:
        parser().error("--resume needs -o/--output")
    if args.workers < 1:
        parser().error("--workers must be at least 1")
    if args.indent is not None and (args.jsonl or args.resume):
        parser().error("--indent spreads each record over lines, which JSONL readers (read_jsonl, --resume) "
                       "cannot read: leave it out for JSONL")
    try:
        args.types = _types(args.types)
    except ValueError as error:
        parser().error(str(error))


class Terminated(BaseException):
    """SIGTERM arrived (``kill``, ``timeout``, a scheduler): the run stops as on Ctrl-C,
    its workers stopped with it. Not an ``Exception``: no record handler may catch it."""


def _on_sigterm() -> Any:
    """Make SIGTERM raise ``Terminated`` in the main thread; the handler it replaces
    (None off the main thread, where signals cannot be handled)."""

    def terminate(signum: int, frame: Any) -> None:
        raise Terminated

    try:
        return signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread
        return None


def _types(given: list[str] | None) -> list[str] | None:
    """The event types ``--types`` names (comma-separated or repeated), checked."""
    from ..events import event_types

    if given is None:
        return None
    names = [name.strip() for value in given for name in value.split(",") if name.strip()]
    event_types(names)
    return names


def extract_command(args: argparse.Namespace) -> int:
    with ExitStack() as stack:
        records: Iterator[Any] = (
            jsonl_records(args.files, args.date, stack) if args.jsonl else text_records(args.files, args.date, stack)
        )
        done = finished(args.output) if args.resume else []
        records = skip_done(records, [d.get("id") for d in done])
        if args.output:
            out: IO[str] = stack.enter_context(open(args.output, "a" if args.resume else "w", encoding="utf-8"))
        else:
            out = sys.stdout
        total = count_records(args) if args.output else None
        bar = progress_bar(args.progress, total, len(done))
        html = stack.enter_context(open(args.html, "w", encoding="utf-8")) if args.html else None
        articles = [Article.from_dict(d) for d in done] if html is not None else []
        failed = sum("error" in d for d in done)
        for article in extract_many(records, n_process=args.workers, types=args.types):
            out.write(json.dumps(output_record(article), ensure_ascii=False, indent=args.indent) + "\n")
            out.flush()
            failed += article.error is not None
            if html is not None:
                articles.append(article)
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()
        if html is not None:
            from ..views.render import render_page

            html.write(render_page(articles))
    if failed:
        print(f"geonews-nlp: {failed} record{'s' if failed > 1 else ''} failed (see their \"error\")", file=sys.stderr)
        return FAILED_RECORDS
    return OK


def debug_command(args: argparse.Namespace) -> int:
    """``geonews-nlp debug FILE``: the decisions about every trigger match."""
    from ..pipeline import debug

    try:
        with ExitStack() as stack:
            text = read_text(args.file, stack)
    except (OSError, UnicodeDecodeError) as error:
        print(f"geonews-nlp: cannot read {args.file}: {error}", file=sys.stderr)
        return IO_ERROR
    for decision in debug(text, args.date):
        print(json.dumps(decision.to_dict(), ensure_ascii=False) if args.json else decision)
    return OK


def output_record(article: Article) -> dict[str, Any]:
    """The output line of one article: its JSON, or its id and error."""
    if article.error is not None:
        return {"id": article.id, "error": article.error}
    return article.to_dict() | {"id": article.id}


def progress_bar(wanted: bool | None, total: int | None, done: int) -> Any:
    """A tqdm bar on stderr: articles/s, and the ETA when the total is known. Shown when
    asked for, or by default when stderr is a terminal."""
    if wanted is False or (wanted is None and not sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    return tqdm(total=total, initial=done, unit="article", file=sys.stderr, dynamic_ncols=True)


if __name__ == "__main__":
    sys.exit(main())
