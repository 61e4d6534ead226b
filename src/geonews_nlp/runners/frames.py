"""pandas in, pandas out: the tables of ``views.frames`` from a DataFrame of articles.

``extract_frame(df)`` reads one article per row (``text``; ``id`` and ``date`` when the
frame has them) and gives one table; ``extract_frames(df)`` gives several from one
extraction. A table's rows carry the index of the input row they come from, so a table
joins back to the input frame (the ``articles`` table has exactly the input's index).
The Dask runner gives the same tables, partition by partition, with the same dtypes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..views.frames import TABLES, table
from .batch import extract_many, frame_records


def extract_frames(
    frame: Any,
    *,
    tables: Iterable[str] = tuple(TABLES),
    text: str = "text",
    id: str = "id",
    date: str = "date",
    n_process: int = 1,
    types: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Several tables (``articles``, ``entities``, ``events``, ``arguments``,
    ``occasions``) of the articles of a DataFrame, by name."""
    names = check_tables(tables)
    records = frame_records(frame, text=text, id=id, date=date)
    articles = list(extract_many(records, n_process=n_process, types=types))
    index = list(frame.index)
    return {name: table(name, articles, index) for name in names}


def extract_frame(frame: Any, table: str = "events", **options: Any) -> Any:
    """One table of the articles of a DataFrame (see ``extract_frames``)."""
    return extract_frames(frame, tables=(table,), **options)[table]


def check_tables(tables: Iterable[str]) -> tuple[str, ...]:
    """The table names asked for, checked."""
    names = (tables,) if isinstance(tables, str) else tuple(tables)
    unknown = [t for t in names if t not in TABLES]
    if unknown:
        raise ValueError(f"table must be one of {sorted(TABLES)}, got {unknown[0]!r}")
    return names
