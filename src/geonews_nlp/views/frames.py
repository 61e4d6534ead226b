"""pandas tables of articles: one row per entity, per event, per event argument, per
occasion.

Needs the ``pandas`` extra (``pip install 'geonews_nlp[pandas]'``). The tables are tidy:
every row carries the article id and date, so tables of many articles concatenate and
group by actor, type, status or date. The ``articles`` table has one row per article,
failed ones included with their ``error``: articles in equal articles out.
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


def articles_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per article: its id, date, error (None when it was read) and how many
    sentences, entities and events it has."""
    rows = [[a.id, a.date, a.error, len(a.sentences), len(a.entities), len(a.events)] for a in articles]
    return _pandas().DataFrame(rows, columns=ARTICLE_COLUMNS)


def entities_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per entity."""
    rows = [
        [a.id, a.date, e.id, e.type, e.name, e.actor, e.kind, len(e.mentions)]
        for a in articles
        for e in a.entities
    ]
    return _pandas().DataFrame(rows, columns=ENTITY_COLUMNS)


def events_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per event; ``event`` numbers the events of an article from 0, ``actors``
    lists the actor codes of its arguments."""
    rows = []
    for a in articles:
        for number, e in enumerate(a.events):
            names = "; ".join(dict.fromkeys(arg.name for arg in e.arguments))
            actors = "; ".join(dict.fromkeys(arg.actor for arg in e.arguments if arg.actor))
            sentence = e.sentence
            rows.append([
                a.id, a.date, number, e.type, e.status, e.date, e.trigger.text, e.rule, e.source,
                names, actors, sentence.start if sentence else None, sentence.end if sentence else None,
                e.occasion,
            ])
    return _pandas().DataFrame(rows, columns=EVENT_COLUMNS)


def arguments_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per event argument."""
    rows = [
        [a.id, a.date, number, e.type, e.status, e.date, arg.role, arg.name, arg.entity, arg.actor]
        for a in articles
        for number, e in enumerate(a.events)
        for arg in e.arguments
    ]
    return _pandas().DataFrame(rows, columns=ARGUMENT_COLUMNS)


def occasions_frame(articles: Iterable[Article]) -> "pandas.DataFrame":
    """One row per occasion of each article (what the article tells of it); after
    ``geonews_nlp.link`` the ids are shared across articles, so grouping by
    ``occasion`` counts real-world events, not sentences."""
    rows = [
        [
            a.id, a.date, o.id, o.type, o.status, o.date, o.place.name if o.place else None,
            "; ".join(dict.fromkeys(p.name for p in o.parties)),
            "; ".join(dict.fromkeys(p.actor for p in o.parties if p.actor)),
            len(o.mentions), "; ".join(o.sources),
        ]
        for a in articles
        for o in a.occasions
    ]
    return _pandas().DataFrame(rows, columns=OCCASION_COLUMNS)


#: every table by name, with its columns
TABLES = {
    "articles": (articles_frame, ARTICLE_COLUMNS),
    "entities": (entities_frame, ENTITY_COLUMNS),
    "events": (events_frame, EVENT_COLUMNS),
    "arguments": (arguments_frame, ARGUMENT_COLUMNS),
    "occasions": (occasions_frame, OCCASION_COLUMNS),
}


def to_frames(articles: Iterable[Article]) -> dict[str, "pandas.DataFrame"]:
    """The tables of many articles: ``articles`` (one row each, with its ``error``),
    ``entities``, ``events``, ``arguments``, ``occasions``."""
    articles = list(articles)
    return {name: build(articles) for name, (build, _) in TABLES.items()}
