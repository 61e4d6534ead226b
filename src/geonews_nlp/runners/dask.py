"""Dask: extract a bag of texts or records, or a dataframe of articles, partition by
partition on a cluster.

Needs the ``dask`` extra (``pip install 'geonews_nlp[dask]'``). Each worker process
builds the pipeline once, on its first partition, and keeps it for the next ones. Every
input gives one result: a record that cannot be read gives an article with its
``error``, which the ``articles`` table shows, so that articles in equal articles out.
A JSONL file is read line by line with ``parse_record``, which turns a blank or broken
line into such an error instead of failing the whole compute::

    import dask.bag as db
    from geonews_nlp.runners.batch import parse_record
    from geonews_nlp.runners.dask import extract_bag
    articles = extract_bag(db.read_text("news/*.jsonl").map(parse_record)).compute()
"""

from __future__ import annotations

from typing import Any

from ..views.frames import TABLES
from .batch import extract_item


def extract_bag(bag: Any, *, as_dicts: bool = True) -> Any:
    """A bag of ``Article`` records (as ``to_dict()`` dicts, or the records themselves)
    from a bag of texts or ``{"id", "text", "date"?}`` records; one per input."""
    return bag.map_partitions(_partition, as_dicts)


def _partition(items: Any, as_dicts: bool) -> list[Any]:
    articles = [extract_item(item) for item in items]
    if not as_dicts:
        return articles
    return [a.to_dict() | {"id": a.id} for a in articles]


def extract_dataframe(
    frame: Any, *, table: str = "events", text: str = "text", id: str = "id", date: str | None = "date"
) -> Any:
    """A Dask dataframe of one table of ``geonews_nlp.views.frames`` (``articles``,
    ``entities``, ``events`` or ``arguments``) from a Dask dataframe with one article per
    row. A missing date (None, NaN, ``pd.NA``, ``NaT``) is no date; ``table="articles"``
    has one row per input row, with the ``error`` of those that failed."""
    return extract_frames(frame, tables=(table,), text=text, id=id, date=date)[table]


def extract_frames(
    frame: Any,
    *,
    tables: tuple[str, ...] = tuple(TABLES),
    text: str = "text",
    id: str = "id",
    date: str | None = "date",
) -> dict[str, Any]:
    """Several tables of the same articles, each a Dask dataframe. Computed together
    (``dask.compute(*frames.values())``) they share one extraction."""
    unknown = [t for t in tables if t not in TABLES]
    if unknown:
        raise ValueError(f"table must be one of {sorted(TABLES)}, got {unknown[0]!r}")
    import pandas

    columns = [c for c in (id, text) if c not in frame.columns]
    if columns:
        raise ValueError(f"the frame has no column {columns[0]!r}")
    read_date = date is not None and date in frame.columns

    def articles(part: Any) -> list[Any]:
        records = [
            {"id": row[id], "text": row[text], "date": row[date] if read_date else None}
            for row in part.to_dict("records")
        ]
        return [extract_item(r) for r in records]

    extracted = frame.map_partitions(lambda part: pandas.Series([articles(part)]), meta=(None, "object"))
    out = {}
    for name in tables:
        build, columns = TABLES[name]
        meta = pandas.DataFrame({c: pandas.Series(dtype="object") for c in columns})

        def table(cell: Any, build: Any = build, meta: Any = meta) -> Any:
            result = build(cell.iloc[0])
            return result.astype(object) if len(result) else meta

        out[name] = extracted.map_partitions(table, meta=meta)
    return out
