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

``link_bag`` gives the extracted articles one id space of occasions, by a groupby.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..linking import Linker
from ..linking.link import publication_order
from ..records import Article
from ..views.frames import TABLES, table
from .batch import extract_item, frame_records
from .frames import check_tables


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
    (``dask.compute(*frames.values())``) they share one extraction. The tables are those
    of ``runners.frames.extract_frames`` on each partition: the same dtypes, each row
    indexed by the input row it comes from."""
    import pandas

    names = check_tables(tables)
    columns = [c for c in (id, text) if c not in frame.columns]
    if columns:
        raise ValueError(f"the frame has no column {columns[0]!r}")

    def articles(part: Any) -> Any:
        records = frame_records(part, text=text, id=id, date=date)
        return pandas.Series([(list(part.index), [extract_item(r) for r in records])])

    extracted = frame.map_partitions(articles, meta=(None, "object"))
    out = {}
    for name in names:
        meta = table(name, [], []).set_axis(pandas.Index([], dtype=frame.index.dtype))

        def one(cell: Any, name: str = name) -> Any:
            index, done = cell.iloc[0]
            return table(name, done, index)

        out[name] = extracted.map_partitions(one, meta=meta)
    return out


def link_bag(bag: Any) -> Any:
    """A bag of linked article dicts (``"occasion"`` on every event, the article's
    ``"occasions"`` under those ids) from a bag of extracted article dicts (the output of
    ``extract_bag``, or the lines of ``geonews-nlp extract --jsonl`` read as JSON).

    The Linker's blocking as a groupby: the records of each event type (records of
    different types are never one occasion) are grouped by type and publication year,
    and each group is linked by a ``Linker`` in publication order, then by article id
    (blocked further by party and week), as ``link`` reads them: the occasions and ids
    are those ``link`` gives, with two exceptions: an occasion whose accounts were
    published in two years (reported on 31 December and on 2 January) stays two, and
    the records of an article with neither a publication date nor a dated record of the
    type are linked only among such records. Error records pass through, and every
    input comes out once: articles are told apart by their place in the bag, not by
    their ids (which may repeat, or be missing)."""
    import dask
    import dask.bag as db

    keyed = db.from_delayed([dask.delayed(_keyed)(part, k) for k, part in enumerate(bag.to_delayed())])
    articles = keyed.map(lambda item: (item[0], ("article", item[1])))
    links = keyed.map(_pieces).flatten().groupby(_block, shuffle="tasks").map(_link_block).flatten()
    return db.concat([articles, links]).groupby(_first, shuffle="tasks").map(_merge)


def _keyed(records: list[dict[str, Any]], partition: int) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    """Each record with its place in the bag (partition, position): the key it is
    grouped by, unique whatever the ids, and the order ``link`` reads equal dates in."""
    return [((partition, k), record) for k, record in enumerate(records)]


def _block(piece: tuple[Any, ...]) -> str:
    return piece[0]


def _first(item: tuple[str, Any]) -> str:
    return item[0]


def _pieces(item: tuple[tuple[int, int], dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The article's events of each type, each piece keyed by its block (type, year): the
    year of publication, or, for an article without a date, of its first dated record
    of the type."""
    key, record = item
    if "error" in record or not record.get("events"):
        return []
    article = Article.from_dict(record)
    out = []
    for kind in dict.fromkeys(e.type for e in article.events):
        indices = [k for k, e in enumerate(article.events) if e.type == kind]
        year = (article.date or next((article.events[k].date for k in indices if article.events[k].date), ""))[:4]
        piece = dataclasses.replace(article, events=tuple(article.events[k] for k in indices), occasions=())
        out.append((f"{kind} {year}", (publication_order(article), key), key, indices, piece.to_dict()))
    return out


def _link_block(block: tuple[Any, list[tuple[Any, ...]]]) -> list[tuple[str, Any]]:
    """Link the pieces of one block, in publication order; each article's share back."""
    _, pieces = block
    linker = Linker()
    out = []
    for _, _, key, indices, data in sorted(pieces, key=lambda piece: piece[1]):
        linked = linker.add(Article.from_dict(data))
        ids = [[indices[k], e.occasion] for k, e in enumerate(linked.events)]
        occasions = [
            dataclasses.replace(o, mentions=tuple(dataclasses.replace(m, event=indices[m.event]) for m in o.mentions))
            for o in linked.occasions
        ]
        out.append((key, ("links", ids, [o.to_dict() for o in occasions])))
    return out


def _merge(group: tuple[str, list[tuple[str, Any]]]) -> dict[str, Any]:
    """The article record with the occasions its pieces were given."""
    _, items = group
    record = dict(next(value for _, value in items if value[0] == "article")[1])
    ids: dict[int, str] = {}
    occasions = []
    for _, (kind, *rest) in items:
        if kind == "links":
            ids.update((index, occasion) for index, occasion in rest[0])
            occasions += rest[1]
    if ids:
        record["events"] = [dict(e, occasion=ids.get(k)) for k, e in enumerate(record["events"])]
        record["occasions"] = sorted(occasions, key=lambda o: min(m["event"] for m in o["mentions"]))
    return record
