"""What the command line reads: text files, JSONL records, and the output of an earlier
run it resumes. A file or line that cannot be read becomes an error record, never a
crash; options that do not fit the inputs raise ``UsageError``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

from ..records import Article
from .batch import error_article, parse_record


class UsageError(Exception):
    """The inputs and options do not fit together (found after the options were read)."""


def read_text(path: str, stack: ExitStack) -> str:
    """A text file's (or stdin's) text, without the byte order mark some editors write
    at its start (``utf-8-sig``): offsets are those of the text after it."""
    if path == "-":
        return sys.stdin.read().removeprefix("\ufeff")
    return stack.enter_context(open(path, encoding="utf-8-sig", errors="strict")).read()


def text_records(paths: list[str], date: str | None, stack: ExitStack) -> Iterator[Any]:
    """One record per text file, its path as id."""
    for path in paths:
        try:
            yield {"id": path, "text": read_text(path, stack), "date": date}
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
    removed, so that the run goes on from the record it was writing. A file that is no
    such output (not UTF-8, a complete line that is no JSON object with an ``id``) is
    refused before anything in it is changed."""
    if not os.path.exists(path):
        return []
    with open(path, "rb+") as f:
        data = f.read()
        keep = data.rfind(b"\n") + 1
        done = _records_written(path, data[:keep])
        if keep != len(data):
            f.truncate(keep)
    return done


def _records_written(path: str, data: bytes) -> list[dict[str, Any]]:
    """The records of an output's complete lines, or ``UsageError`` naming the first line
    that is none."""
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise UsageError(f"cannot resume: {path} is not UTF-8 ({error}): not an output of geonews-nlp extract") from None
    done = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            record = None
        if not isinstance(record, dict) or "id" not in record:
            raise UsageError(f"cannot resume: {path}:{number} is no record of geonews-nlp extract")
        done.append(record)
    return done


def skip_done(records: Iterator[Any], done: list[Any]) -> Iterator[Any]:
    """The records after the ``len(done)`` already written, which must carry those ids
    (ids are strings in the output, whatever their JSON type in the input)."""
    position = -1
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
    if position + 1 < len(done):
        raise UsageError(
            f"cannot resume: the output holds {len(done)} records, the input only {position + 1}: "
            "is it the output of another input?"
        )


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


def check_paths(inputs: list[str], outputs: list[str | None]) -> None:
    """Refuse, before anything is opened for writing, an output that is one of the inputs
    or another output (the same file by ``os.path.samefile`` where both exist, else by
    their resolved paths): writing it would destroy what is being read."""
    seen = [(path, "input") for path in inputs if path and path != "-"]
    for path in outputs:
        if not path or path == "-":
            continue
        for other, what in seen:
            if _same_file(path, other):
                raise UsageError(f"{path} is also the {what} {other}: write the output elsewhere")
        seen.append((path, "output"))


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return os.path.realpath(a) == os.path.realpath(b)
