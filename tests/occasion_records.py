"""Event records built by hand for the occasion tests: no model, so a failure points at
the grouping and linking, not at extraction."""

from __future__ import annotations

from geonews_nlp.records import Argument, Article, Entity, Event, Trigger

#: people and states the records below name: name -> (actor code, kind)
KNOWN = {
    "Владимир Путин": ("RUS", "person"),
    "Владимира Путина": ("RUS", "person"),
    "Нарендра Моди": ("IND", "person"),
    "Драупади Мурму": ("IND", "person"),
    "Си Цзиньпин": ("CHN", "person"),
    "Лула да Силва": ("BRA", "person"),
    "Россия": ("RUS", "state"),
    "Китай": ("CHN", "state"),
    "Индия": ("IND", "state"),
    "США": ("USA", "state"),
    "Украина": ("UKR", "state"),
    "Женева": ("CHE", "location"),
    "Эр-Рияд": ("SAU", "capital"),
    "Йоханнесбург": (None, "location"),
    "ЮАР": ("ZAF", "state"),
    "Дональд Трамп": ("USA", "person"),
    "Никол Пашинян": ("ARM", "person"),
    "Ильхам Алиев": ("AZE", "person"),
    "Арарат Мирзоян": ("ARM", "person"),
    "Джейхун Байрамов": ("AZE", "person"),
    "Армения": ("ARM", "state"),
    "Азербайджан": ("AZE", "state"),
    "Малайзия": ("MYS", "state"),
    "Таиланд": ("THA", "state"),
    "Камбоджа": ("KHM", "state"),
    "ШОС": ("SCO", "bloc"),
    "АСЕАН": ("ASEAN", "bloc"),
    "Совет мира": (None, "organization"),
    "Тяньцзинь": ("CHN", "location"),
}
ROLES = {"meeting": "participant", "commitment": "agent", "security_guarantee": "guarantor"}


def record(type_: str = "meeting", parties: tuple[str, ...] = (), *, date: str | None = None,
           status: str = "actual", mode: str = "meeting", place: str | None = None, lemma: str = "встреча",
           committed: str | None = None, sides: str | None = None) -> Event:
    """An event record naming its parties (and place) by the names of ``KNOWN``; a
    commitment to ``committed`` (the lemma of what it commits to); a meeting of the
    ``sides`` its format states."""
    arguments = [Argument(ROLES[type_], name, f"E:{name}", 0, 1, KNOWN[name][0]) for name in parties]
    if place:
        arguments.append(Argument("location", place, f"E:{place}", 0, 1, KNOWN[place][0]))
    attributes = (("mode", mode),) + ((("object", committed),) if committed else ()) + ((("sides", sides),) if sides else ())
    return Event(type_, Trigger(0, 1, lemma, lemma), status, date, tuple(arguments), attributes=attributes)


def article(*events: Event, date: str | None = "2025-12-05", id: str = "a") -> Article:
    """An article holding these records, with an entity for every name they give."""
    names = {a.name for e in events for a in e.arguments}
    entities = tuple(Entity(f"E:{n}", "PER", n, (), KNOWN[n][0], KNOWN[n][1]) for n in sorted(names))
    return Article("", date, (), entities, events, id)


