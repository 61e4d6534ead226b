"""Command line: ``geonews-nlp extract``.

    geonews-nlp extract article.txt other.txt        # one JSON object per file
    geonews-nlp extract --jsonl articles.jsonl -o out.jsonl
    cat articles.jsonl | geonews-nlp extract --jsonl -

JSONL input holds ``{"id", "text", "date"?}`` records; every input line gives exactly one
output line with the same ``id``: a record that cannot be read gives ``{"id", "error"}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import IO, Any

from . import __version__
from .pipeline import extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="geonews-nlp", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"geonews-nlp {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("extract", help="extract entities and events as JSON")
    ex.add_argument("files", nargs="+", metavar="FILE", help="text files, or - for stdin")
    ex.add_argument("--jsonl", action="store_true", help="inputs are JSONL records {id, text, date?}")
    ex.add_argument("--date", help="publication date (YYYY-MM-DD) for plain text inputs")
    ex.add_argument("-o", "--output", help="write here instead of stdout")
    ex.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")
    args = parser.parse_args(argv)

    with ExitStack() as stack:
        out: IO[str] = (
            stack.enter_context(open(args.output, "w", encoding="utf-8"))
            if args.output
            else sys.stdout
        )
        records = jsonl_records(args.files, stack) if args.jsonl else text_records(args.files, args.date, stack)
        for record in records:
            out.write(json.dumps(process(record), ensure_ascii=False, indent=args.indent) + "\n")
    return 0


def _open(path: str, stack: ExitStack) -> IO[str]:
    if path == "-":
        return sys.stdin
    return stack.enter_context(open(path, encoding="utf-8", errors="strict"))


def text_records(paths: list[str], date: str | None, stack: ExitStack) -> Iterator[dict[str, Any]]:
    """One record per text file, its path as id."""
    for path in paths:
        try:
            yield {"id": path, "text": _open(path, stack).read(), "date": date}
        except (OSError, UnicodeDecodeError) as error:
            yield {"id": path, "error": f"cannot read {path}: {error}"}


def jsonl_records(paths: list[str], stack: ExitStack) -> Iterator[dict[str, Any]]:
    """One record per JSONL line; unreadable lines become error records, not gaps."""
    for path in paths:
        for number, line in enumerate(_open(path, stack), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield {"id": None, "error": f"{path}:{number}: not JSON: {error}"}
                continue
            if not isinstance(record, dict):
                yield {"id": None, "error": f"{path}:{number}: expected a JSON object"}
                continue
            yield record


def process(record: dict[str, Any]) -> dict[str, Any]:
    """The output object of one input record."""
    if "error" in record:
        return {"id": record.get("id"), "error": record["error"]}
    try:
        article = extract(record.get("text"), record.get("date"), id=record.get("id"))
    except Exception as error:  # one bad record must not stop the batch
        return {"id": record.get("id"), "error": f"{type(error).__name__}: {error}"}
    out = article.to_dict()
    out["id"] = record.get("id")
    return out


if __name__ == "__main__":
    sys.exit(main())
