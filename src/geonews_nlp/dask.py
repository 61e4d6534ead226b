"""Dask: extract a bag of texts or records, or a dataframe of articles, partition by
partition on a cluster.

Needs the ``dask`` extra (``pip install 'geonews_nlp[dask]'``). Each worker process
builds the pipeline once, on its first partition, and keeps it for the next ones.

    import dask.bag as db
    from geonews_nlp.dask import extract_bag
    articles = extract_bag(db.read_text("news/*.jsonl").map(json.loads)).compute()
"""

from __future__ import annotations

from typing import Any

from .batch import extract_item
from .frames import (
    ARGUMENT_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    arguments_frame,
    entities_frame,
    events_frame,
)

TABLES = {
    "events": (events_frame, EVENT_COLUMNS),
    "arguments": (arguments_frame, ARGUMENT_COLUMNS),
    "entities": (entities_frame, ENTITY_COLUMNS),
}


def extract_bag(bag: Any, *, as_dicts: bool = True) -> Any:
    """A bag of ``Article`` records (as ``to_dict()`` dicts, or the records themselves)
    from a bag of texts or ``{"id", "text", "date"?}`` records; one per input."""
    return bag.map_partitions(_partition, as_dicts)


def _partition(items: Any, as_dicts: bool) -> list[Any]:
    articles = [extract_item(item) for item in items]
    if not as_dicts:
        return articles
    return [a.to_dict() | ({"error": a.error} if a.error else {}) for a in articles]


def extract_dataframe(
    frame: Any, *, table: str = "events", text: str = "text", id: str = "id", date: str | None = "date"
) -> Any:
    """A Dask dataframe of the ``events``, ``arguments`` or ``entities`` (see
    ``geonews_nlp.frames``) of a Dask dataframe with one article per row."""
    if table not in TABLES:
        raise ValueError(f"table must be one of {sorted(TABLES)}, got {table!r}")
    import pandas

    build, columns = TABLES[table]
    meta = pandas.DataFrame({c: pandas.Series(dtype="object") for c in columns})

    def partition(part: Any) -> Any:
        records = [
            {"id": row[id], "text": row[text], "date": row[date] if date in part.columns else None}
            for _, row in part.iterrows()
        ]
        result = build([extract_item(r) for r in records])
        return result.astype(object) if len(result) else meta

    return frame.map_partitions(partition, meta=meta)
