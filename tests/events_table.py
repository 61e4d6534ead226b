"""Shared helper of the event table tests: an article's events of one type, as plain data."""

from __future__ import annotations

from geonews_nlp import extract


def events_of(text: str, event_type: str, date: str | None = None) -> list[dict]:
    """Events of one type: status, date and the set of (role, name) arguments."""
    article = extract(text, date)
    return [
        {
            "status": e.status,
            "date": e.date,
            "args": {(a.role, a.name) for a in e.arguments},
            "rule": e.rule,
        }
        for e in article.events
        if e.type == event_type
    ]


def check(text: str, event_type: str, expected: list[tuple[str, set]]) -> None:
    """The sentence yields exactly the expected events: (status, arguments) each."""
    got = events_of(text, event_type)
    assert [(e["status"], e["args"]) for e in got] == [(s, set(a)) for s, a in expected], got
