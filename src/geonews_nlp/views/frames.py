"""pandas tables of articles: one row per entity, per event, per event argument, per
occasion.

Needs the ``pandas`` extra (``pip install 'geonews_nlp[pandas]'``). The tables are tidy:
every row carries the article id and date, so tables of many articles concatenate and
group by actor, type, status or date. The ``articles`` table has one row per article,
failed ones included with their ``error``: articles in equal articles out. Columns have
declared dtypes, the same in pandas and Dask: text (ids, dates, names, codes) as pandas'
string dtype, counts and offsets as nullable integers, ``pandas.NA`` for every missing
value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..records import Article

if TYPE_CHECKING:
    import pandas

ARTICLE_COLUMNS = ["article", "date", "error", "sentences", "entities", "events"]
ENTITY_COLUMNS = ["article", "date", "entity", "type", "name", "actor", "kind", "mentions"]
EVENT_COLUMNS = [
    "article", "date", "event", "type", "status", "event_date", "trigger", "rule", "source",
    "participants", "actors", "sentence_start", "sentence_end", "occasion",
]
ARGUMENT_COLUMNS = ["article", "date", "event", "type", "status", "event_date", "role", "name", "entity", "actor"]
OCCASION_COLUMNS = [
    "article", "date", "occasion", "type", "status", "occasion_date", "place", "parties", "actors", "mentions",
    "sources",
]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("tables need pandas: pip install 'geonews_nlp[pandas]'") from None
    return pandas


#: columns holding counts and offsets (nullable integers); every other column is text
#: (pandas' string dtype). Either way a missing value is ``pandas.NA``.
COUNT_COLUMNS = frozenset({"sentences", "entities", "events", "mentions", "event", "sentence_start", "sentence_end"})

Row = tuple[int, list[Any]]  # the article's position among those given, the row's values


def dtypes(columns: list[str]) -> dict[str, str]:
    """The declared dtype of each column of a table."""
    return {c: "Int64" if c in COUNT_COLUMNS else "string" for c in columns}


def _article_rows(articles: list[Article]) -> Iterable[Row]:
    for k, a in enumerate(articles):
        yield k, [a.id, a.date, a.error, len(a.sentences), len(a.entities), len(a.events)]


def _entity_rows(articles: list[Article]) -> Iterable[Row]:
    for k, a in enumerate(articles):
        for e in a.entities:
            yield k, [a.id, a.date, e.id, e.type, e.name, e.actor, e.kind, len(e.mentions)]


def _event_rows(articles: list[Article]) -> Iterable[Row]:
    for k, a in enumerate(articles):
        for number, e in enumerate(a.events):
            names = "; ".join(dict.fromkeys(arg.name for arg in e.arguments))
            actors = "; ".join(dict.fromkeys(arg.actor for arg in e.arguments if arg.actor))
            sentence = e.sentence
            yield k, [
                a.id, a.date, number, e.type, e.status, e.date, e.trigger.text, e.rule, e.source,
                names, actors, sentence.start if sentence else None, sentence.end if sentence else None,
                e.occasion,
            ]


def _argument_rows(articles: list[Article]) -> Iterable[Row]:
    for k, a in enumerate(articles):
        for number, e in enumerate(a.events):
            for arg in e.arguments:
                yield k, [a.id, a.date, number, e.type, e.status, e.date, arg.role, arg.name, arg.entity, arg.actor]


def _occasion_rows(articles: list[Article]) -> Iterable[Row]:
    for k, a in enumerate(articles):
        for o in a.occasions:
            yield k, [
                a.id, a.date, o.id, o.type, o.status, o.date, o.place.name if o.place else None,
                "; ".join(dict.fromkeys(p.name for p in o.parties)),
                "; ".join(dict.fromkeys(p.actor for p in o.parties if p.actor)),
                len(o.mentions), "; ".join(o.sources),
            ]


def table(name: str, articles: Iterable[Article], index: list[Any] | None = None) -> "pandas.DataFrame":
    """One table of the articles, its columns of their declared dtypes. Its index is
    ``index[k]`` on the rows of the k-th article when ``index`` is given (the input
    rows' index, in ``extract_frame`` and Dask), else 0, 1, 2...."""
    pandas = _pandas()
    articles = _articles(articles)
    rows_of, columns = TABLES[name]
    positions, rows = [], []
    for k, row in rows_of(articles):
        positions.append(k)
        rows.append(row)
    frame = pandas.DataFrame(rows, columns=columns).astype(dtypes(columns))  # a numeric id becomes its string
    if index is not None:
        frame.index = pandas.Index([index[k] for k in positions])
    return frame


def _articles(articles: Iterable[Article]) -> list[Article]:
    """The articles as a list (``link``'s result gives its articles), or a clear error
    for what is none."""
    if isinstance(articles, Article):
        articles = [articles]
    articles = list(getattr(articles, "articles", articles))
    wrong = next((a for a in articles if not isinstance(a, Article)), None)
    if wrong is not None:
        raise TypeError(f"tables take Article records, not {type(wrong).__name__}")
    return articles


def articles_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per article: its id, date, error (missing when it was read) and how many
    sentences, entities and events it has."""
    return table("articles", articles)


def entities_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per entity."""
    return table("entities", articles)


def events_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per event; ``event`` numbers the events of an article from 0, ``actors``
    lists the actor codes of its arguments."""
    return table("events", articles)


def arguments_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per event argument."""
    return table("arguments", articles)


def occasions_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per occasion of each article (what the article tells of it); after
    ``geonews_nlp.link`` the ids are shared across articles, so grouping by
    ``occasion`` counts real-world events, not sentences."""
    return table("occasions", articles)


#: every table by name, with its columns
TABLES = {
    "articles": (_article_rows, ARTICLE_COLUMNS),
    "entities": (_entity_rows, ENTITY_COLUMNS),
    "events": (_event_rows, EVENT_COLUMNS),
    "arguments": (_argument_rows, ARGUMENT_COLUMNS),
    "occasions": (_occasion_rows, OCCASION_COLUMNS),
}


def to_frames(articles: Iterable[Article]) -> dict[str, "pandas.DataFrame"]:
    """The tables of many articles: ``articles`` (one row each, with its ``error``),
    ``entities``, ``events``, ``arguments``, ``occasions``."""
    articles = _articles(articles)
    return {name: table(name, articles) for name in TABLES}
