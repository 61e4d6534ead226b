"""Many articles at once: ``extract_many``, streaming, in order, on one or more processes.

Every input gives exactly one ``Article`` in input order. A record that cannot be read
(not a string, not a record, a bad date, a failure inside a component) gives an
``Article`` whose ``error`` says why, with the record's ``id``: the batch goes on.
Memory stays bounded for an endless input: at most ``batch_size`` records per process
are in flight.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from .records import Article

#: what ``extract_many`` accepts: texts, or records ``{"id", "text", "date"?}``
Item = Any


def extract_many(items: Iterable[Item], *, n_process: int = 1, batch_size: int = 64) -> Iterator[Article]:
    """Extract many articles, yielding one ``Article`` per input in input order.

    ``n_process > 1`` runs that many worker processes, each loading the models once; the
    output equals the single-process output.
    """
    if n_process < 1 or batch_size < 1:
        raise ValueError("n_process and batch_size must be at least 1")
    if n_process == 1:
        return map(extract_item, items)
    return _parallel(items, n_process, batch_size)


def _parallel(items: Iterable[Item], n_process: int, batch_size: int) -> Iterator[Article]:
    # fork where the platform has it: workers share the loaded models and a script needs
    # no ``if __name__ == "__main__"`` guard; spawn elsewhere
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if context.get_start_method() == "fork":
        from .pipeline import warm

        warm()  # load once here; the forked workers share the loaded models
    iterator = iter(items)
    with context.Pool(n_process, initializer=_one_blas_thread) as pool:
        while True:
            window = list(itertools.islice(iterator, n_process * batch_size))
            if not window:
                return
            # small chunks keep both workers busy to the end of the window
            yield from pool.imap(extract_item, window, chunksize=max(1, batch_size // 8))


def _one_blas_thread() -> None:
    """A worker keeps numpy to one thread: the processes already use every core, and
    BLAS threads on top of them halve the throughput."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def extract_item(item: Item) -> Article:
    """One input as an ``Article``, or an ``Article`` carrying the error it caused."""
    from .pipeline import extract

    if isinstance(item, Article):  # a record that already failed to be read
        return item
    record_id = None
    text: Any = item
    date = None
    if isinstance(item, dict):
        record_id, text, date = item.get("id"), item.get("text"), item.get("date")
        if record_id is not None and not isinstance(record_id, str):
            record_id = str(record_id)
    elif not isinstance(item, str):
        return error_article(None, f"expected a text or a record {{'id', 'text', 'date'}}, got {type(item).__name__}")
    try:
        return extract(text, date, id=record_id)
    except Exception as error:  # one bad record must not stop the batch
        return error_article(record_id, f"{type(error).__name__}: {error}", text if isinstance(text, str) else "")


def error_article(record_id: str | None, message: str, text: str = "") -> Article:
    """The result of an input that could not be read."""
    return Article(text=text, id=record_id, error=message)
