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
from .batch import error_article, extract_many, parse_record

#: exit codes, as Unix tools have them
OK, FAILED_RECORDS, USAGE = 0, 1, 2
INTERRUPTED = 128 + signal.SIGINT  # Ctrl-C
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
    """Run the command line; the exit status is returned (see ``EXAMPLES``)."""
    args = parser().parse_args(argv)
    if args.command == "debug":
        return debug_command(args)
    if args.command == "link":
        return link_command.link_command(args)
    if args.resume and not args.output:
        parser().error("--resume needs -o/--output")
    if args.workers < 1:
        parser().error("--workers must be at least 1")
    try:
        return extract_command(args)
    except UsageError as error:
        print(f"geonews-nlp: {error}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        return INTERRUPTED
    except BrokenPipeError:
        # the reader is gone: stop writing, and let nothing flush into the closed pipe
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE


class UsageError(Exception):
    """The inputs and options do not fit together (found after the options were read)."""


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
        for article in extract_many(records, n_process=args.workers):
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
            text = _open(args.file, stack).read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"geonews-nlp: cannot read {args.file}: {error}", file=sys.stderr)
        return FAILED_RECORDS
    for decision in debug(text, args.date):
        print(json.dumps(decision.to_dict(), ensure_ascii=False) if args.json else decision)
    return OK


def output_record(article: Article) -> dict[str, Any]:
    """The output line of one article: its JSON, or its id and error."""
    if article.error is not None:
        return {"id": article.id, "error": article.error}
    return article.to_dict() | {"id": article.id}


def _open(path: str, stack: ExitStack) -> IO[str]:
    if path == "-":
        return sys.stdin
    return stack.enter_context(open(path, encoding="utf-8", errors="strict"))


def text_records(paths: list[str], date: str | None, stack: ExitStack) -> Iterator[Any]:
    """One record per text file, its path as id."""
    for path in paths:
        try:
            yield {"id": path, "text": _open(path, stack).read(), "date": date}
        except (OSError, UnicodeDecodeError) as error:
            yield error_article(path, f"cannot read {path}: {error}")


def jsonl_records(paths: list[str], date: str | None, stack: ExitStack) -> Iterator[Any]:
    """One record per JSONL line; unreadable lines become error results, not gaps, and
    an unreadable file one error result. ``date`` fills in the records without one."""
    for path in paths:
        try:
            handle = sys.stdin.buffer if path == "-" else stack.enter_context(open(path, "rb"))
        except OSError as error:
            yield error_article(path, f"cannot read {path}: {error}")
            continue
        for number, raw in enumerate(handle, 1):
            if not raw.strip() and not raw.endswith(b"\n"):
                continue  # trailing whitespace after the last line; a blank line is a record
            record = parse_record(raw, f"{path}:{number}")
            if date is not None and isinstance(record, dict) and record.get("date") is None:
                record["date"] = date
            yield record


def finished(path: str) -> list[dict[str, Any]]:
    """The complete lines of an earlier run's output; a line cut short by a kill is
    removed, so that the run goes on from the record it was writing."""
    if not os.path.exists(path):
        return []
    with open(path, "rb+") as f:
        data = f.read()
        keep = data.rfind(b"\n") + 1
        if keep != len(data):
            f.truncate(keep)
    return [json.loads(line) for line in data[:keep].decode("utf-8").splitlines() if line.strip()]


def skip_done(records: Iterator[Any], done: list[Any]) -> Iterator[Any]:
    """The records after the ``len(done)`` already written, which must carry those ids
    (ids are strings in the output, whatever their JSON type in the input)."""
    for position, record in enumerate(records):
        if position < len(done):
            record_id = record.id if isinstance(record, Article) else record.get("id")
            if (None if record_id is None else str(record_id)) != done[position]:
                raise UsageError(
                    f"cannot resume: output line {position + 1} has id {done[position]!r}, "
                    f"the input has {record_id!r} there"
                )
            continue
        yield record


def count_records(args: argparse.Namespace) -> int | None:
    """How many records the inputs hold, when they are files (for the ETA)."""
    if not args.jsonl:
        return len(args.files)
    if "-" in args.files:
        return None
    total = 0
    for path in args.files:
        try:
            with open(path, "rb") as f:
                total += sum(1 for _ in f)  # every line is a record, blank ones too
        except OSError:
            return None
    return total


def progress_bar(wanted: bool | None, total: int | None, done: int) -> Any:
    """A tqdm bar on stderr: articles/s, and the ETA when the total is known. Shown when
    asked for, or by default when stderr is a terminal."""
    if wanted is False or (wanted is None and not sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    return tqdm(total=total, initial=done, unit="article", file=sys.stderr, dynamic_ncols=True)


if __name__ == "__main__":
    sys.exit(main())
