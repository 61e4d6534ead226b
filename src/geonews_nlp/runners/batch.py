"""Many articles at once: ``extract_many``, streaming, in order, on one or more processes.

Every input gives exactly one ``Article`` in input order. A record that cannot be read
(not a string, not a record, a bad date, a failure inside a component) gives an
``Article`` whose ``error`` says why, with the record's ``id``: the batch goes on.
Memory stays bounded for an endless input: at most ``batch_size`` records per process
are in flight.
"""

from __future__ import annotations

import gc
import itertools
import os
import sys
import json
import multiprocessing
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from ..records import Article
from ..text.header import is_missing

#: what ``extract_many`` accepts: texts, or records ``{"id", "text", "date"?}``
Item = Any


def extract_many(
    items: Iterable[Item], *, n_process: int = 1, batch_size: int = 64, types: Iterable[str] | None = None
) -> Iterator[Article]:
    """Extract many articles, yielding one ``Article`` per input in input order.

    ``items`` are texts, records ``{"id", "text", "date"?}``, or a pandas DataFrame with a
    ``text`` column (``id`` and ``date`` columns are read when there). ``n_process > 1``
    runs that many worker processes, each loading the models once; the output equals the
    single-process output. ``types`` keeps the events of those types only.
    """
    from ..events import event_types

    if n_process < 1 or batch_size < 1:
        raise ValueError("n_process and batch_size must be at least 1")
    kept = event_types(types)
    items = frame_records(items) if _is_frame(items) else items
    if isinstance(items, (str, bytes, dict)):
        raise TypeError(f"extract_many takes many items (texts or records), not one {type(items).__name__}")
    if n_process == 1:
        return (extract_item(item, kept) for item in items)
    return _parallel(items, n_process, batch_size, kept)


def _is_frame(items: object) -> bool:
    return type(items).__name__ == "DataFrame" and hasattr(items, "columns")


def frame_records(frame: Any, *, text: str = "text", id: str = "id", date: str | None = "date") -> Iterator[dict[str, Any]]:
    """The records ``{"id", "text", "date"}`` of a DataFrame's rows: ``text`` is required,
    ``id`` and ``date`` are read when the frame has them (``date=None``: no date read)."""
    if text not in frame.columns:
        raise ValueError(f"the DataFrame has no {text!r} column (its columns: {', '.join(map(str, frame.columns))})")
    columns = {"text": text} | ({"id": id} if id in frame.columns else {}) | ({"date": date} if date is not None and date in frame.columns else {})
    rows = frame[list(columns.values())].itertuples(index=False, name=None)
    return (dict(zip(columns, row)) for row in rows)


#: records a worker takes at a time: articles cost tens of milliseconds each, so the
#: hand-over is cheap and small chunks keep every worker busy to the end
CHUNK = 2


def _parallel(items: Iterable[Item], n_process: int, batch_size: int, kept: frozenset[str] | None) -> Iterator[Article]:
    workers = _Workers(n_process, kept)
    limit = max(1, n_process * batch_size // CHUNK)  # chunks in flight
    pending: deque[tuple[list[Item], Future[list[Article]]]] = deque()
    try:
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, CHUNK)):
            pending.append((chunk, workers.submit(chunk)))
            while len(pending) >= limit:
                yield from workers.collect(pending)
        while pending:
            yield from workers.collect(pending)
    finally:
        workers.shutdown()


class _Workers:
    """A pool of worker processes that survives the death of one of them.

    A worker killed mid-record (out of memory, a signal, a crash in native code) breaks
    the whole pool: the pool is then replaced, the oldest chunk is retried record by
    record, and a record that kills a worker on its own gets an error result. The other
    chunks in flight are resubmitted as they were.
    """

    def __init__(self, n_process: int, kept: frozenset[str] | None = None) -> None:
        self.kept = kept
        # fork where the platform has it: workers share the loaded models and a script
        # needs no ``if __name__ == "__main__"`` guard; spawn elsewhere
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        if self.context.get_start_method() == "fork":
            from ..pipeline import warm

            warm()  # load once here; the forked workers share the loaded models
        self.n_process = n_process
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # the workers start at the first task; started while the parent's objects are
        # frozen, their garbage collector leaves the inherited objects alone, so the
        # pages they share with the parent are not copied
        gc.freeze()
        try:
            pool = ProcessPoolExecutor(
                self.n_process, mp_context=self.context, initializer=_worker_setup, initargs=(os.getpid(),)
            )
            pool.submit(int).result()
        finally:
            gc.unfreeze()
        return pool

    def submit(self, chunk: list[Item]) -> Future[list[Article]]:
        """The chunk handed to the pool; a pool that broke since the last collect gives
        a future holding that break, which ``collect`` recovers like any other."""
        try:
            return self.pool.submit(_extract_chunk, chunk, self.kept)
        except BrokenProcessPool as error:
            broken: Future[list[Article]] = Future()
            broken.set_exception(error)
            return broken

    def collect(self, pending: deque[tuple[list[Item], Future[list[Article]]]]) -> list[Article]:
        """The results of the oldest chunk in flight."""
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
            results = [self._alone(item) for item in chunk]  # nothing else runs meanwhile
            for i, (waiting, future) in enumerate(pending):
                if future.cancelled() or isinstance(future.exception(), BrokenProcessPool):
                    pending[i] = (waiting, self.submit(waiting))
            return results
        except Exception:  # the chunk could not be sent or returned (pickling): one by one
            return [self._alone(item) for item in chunk]

    def _restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new_pool()

    def _alone(self, item: Item) -> Article:
        record_id = item.get("id") if isinstance(item, dict) else None
        record_id = None if record_id is None else str(record_id)
        try:
            return self.submit([item]).result()[0]
        except BrokenProcessPool:
            self._restart()
            return error_article(record_id, "a worker process died reading this record")
        except Exception as error:
            return error_article(record_id, f"{type(error).__name__}: {error}")

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _worker_setup(parent: int) -> None:
    """A worker keeps numpy to one thread: the processes already use every core, and
    BLAS threads on top of them halve the throughput. Ctrl-C is the parent's to handle:
    it stops the workers itself, and they print no tracebacks of their own. A worker
    ends with its parent, however the parent ends (``kill -9`` included): on Linux the
    kernel sends it SIGKILL then."""
    import signal

    from threadpoolctl import threadpool_limits

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with(parent)
    threadpool_limits(1)


#: prctl's option asking the kernel for a signal when the parent process ends (Linux)
PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Ask the kernel to kill this process when its parent ends; end now if it already has."""
    import ctypes
    import ctypes.util
    import signal

    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)


def _extract_chunk(chunk: list[Item], kept: frozenset[str] | None = None) -> list[Article]:
    """A worker's task: a few records, one ``Article`` each."""
    return [extract_item(item, kept) for item in chunk]


def extract_item(item: Item, kept: frozenset[str] | None = None) -> Article:
    """One input as an ``Article`` (its events of the ``kept`` types, when given), or an
    ``Article`` carrying the error it caused."""
    from ..pipeline import extract

    if isinstance(item, Article):  # a record that already failed to be read
        return item
    record_id = None
    text: Any = item
    date = None
    if isinstance(item, dict):
        record_id, text, date = item.get("id"), item.get("text"), item.get("date")
        if is_missing(record_id):  # None, or the NaN of a table's empty cell
            record_id = None
        elif not isinstance(record_id, str):
            record_id = str(record_id)  # ids are strings in every result
    elif not isinstance(item, str):
        return error_article(None, f"expected a text or a record {{'id', 'text', 'date'}}, got {type(item).__name__}")
    try:
        return extract(text, date, id=record_id, types=kept)
    except Exception as error:  # one bad record must not stop the batch
        return error_article(record_id, f"{type(error).__name__}: {error}", text if isinstance(text, str) else "")


def parse_record(line: bytes | str, where: str = "line") -> Item:
    """One JSONL line as a record ``{"id", "text", "date"?}``, or, for a line that is not
    UTF-8, not JSON or not an object (a blank line too), an error ``Article`` that
    ``extract_item`` passes through: a bad line is a result, never a crash. ``where``
    names the line in the message ("in.jsonl:7"). A byte order mark before the line (a
    file's first, as some editors write them) is not part of it; a lone surrogate that a
    ``\\ud800`` escape makes is read as U+FFFD (so the record can be written back), and
    a line nested too deep or holding a number too long for Python is an error too."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return error_article(None, f"{where}: not UTF-8: {error}")
    line = line.removeprefix("\ufeff")
    if not line.strip():
        return error_article(None, f"{where}: empty line")
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:  # JSONDecodeError, digits over the limit, deep nesting
        return error_article(None, f"{where}: not JSON: {type(error).__name__}: {str(error)[:200]}")
    if not isinstance(record, dict):
        return error_article(None, f"{where}: expected a JSON object")
    return _without_surrogates(record) if SURROGATE_ESCAPE.search(line) else record


#: a JSON escape of a UTF-16 surrogate: the only way a lone one gets into a parsed line
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(record: dict[str, Any]) -> dict[str, Any]:
    """The record with every lone surrogate of its strings, at any depth, as U+FFFD (one
    character for one: offsets into its text stay the same)."""

    def clean(value: Any) -> Any:
        return SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value

    record = {clean(k): clean(v) for k, v in record.items()}
    stack: list[Any] = [record]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            if isinstance(value, str):
                node[key] = clean(value)
            elif isinstance(value, (dict, list)):
                stack.append(value)
    return record


def error_article(record_id: str | None, message: str, text: str = "") -> Article:
    """The result of an input that could not be read."""
    return Article(text=text, id=record_id, error=message)


def read_jsonl(path: str | Path) -> Iterator[Article]:
    """The articles of a JSONL file written by ``geonews-nlp extract --jsonl`` (or of
    ``Article.to_json()`` lines), in file order; a line that is not such an article
    raises ``ValueError`` naming the file and line."""
    with open(path, encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield Article.from_dict(json.loads(line))
            except (ValueError, TypeError, KeyError) as error:
                raise ValueError(f"{path}:{number}: not an article: {error}") from None
