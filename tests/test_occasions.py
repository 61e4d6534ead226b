"""Occasions: which event records tell of one real-world event, within an article and
across articles. The decisions are tested on records built by hand (no model), so a
failure points at the grouping, not at extraction; a few tests run the whole pipeline."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geonews_nlp import Article, Linker, extract, link
from geonews_nlp.errors import PatternError
from geonews_nlp.linking import signature as signature_module
from geonews_nlp.linking import with_occasions
from geonews_nlp.linking.occasions import groups
from geonews_nlp.linking.signature import same_surname
from occasion_records import article, record

PUTIN_MODI = ("Владимир Путин", "Нарендра Моди")

#: (what it shows, the records of one article, how they group)
WITHIN = [
    # one occasion
    ("a meeting announced, then held",
     [record(parties=PUTIN_MODI, date="2025-12", status="planned"), record(parties=PUTIN_MODI, date="2025-12-05")],
     [[0, 1]]),
    ("a visit and the talks of its second day",
     [record(parties=("Владимир Путин", "Индия"), date="2025-12-04", mode="visit", lemma="визит"),
      record(parties=PUTIN_MODI, date="2025-12-05", mode="talks", lemma="переговоры")],
     [[0, 1]]),
    ("a name the article inflects is the same person",
     [record(parties=("Владимира Путина", "Нарендра Моди")), record(parties=PUTIN_MODI)],
     [[0, 1]]),
    ("a record naming no party is the article's occasion of its type",
     [record(parties=PUTIN_MODI, date="2025-12-05"), record(lemma="беседа", mode="talks")],
     [[0, 1]]),
    ("a call and the talks held in it",
     [record(parties=("Си Цзиньпин", "Лула да Силва"), mode="call", lemma="разговор"),
      record(parties=("Си Цзиньпин", "Лула да Силва"), mode="talks", lemma="обсудить")],
     [[0, 1]]),
    ("a city the gazetteer does not know cannot contradict a known state",
     [record(parties=("США",), place="Йоханнесбург", mode="summit"), record(parties=("США",), place="ЮАР", mode="summit")],
     [[0, 1]]),
    # two occasions
    ("two rounds of talks on different days",
     [record(parties=PUTIN_MODI, date="2025-12-05", mode="talks"), record(parties=PUTIN_MODI, date="2025-12-07", mode="talks")],
     [[0], [1]]),
    ("different types are never one occasion",
     [record(parties=("Россия", "Индия")), record("commitment", ("Россия", "Индия"), lemma="пообещать")],
     [[0], [1]]),
    ("a phone call is not a meeting in person",
     [record(parties=PUTIN_MODI, mode="call", lemma="разговор"), record(parties=PUTIN_MODI)],
     [[0], [1]]),
    ("a call during a summit is not the summit",
     [record(parties=("Россия", "Индия", "США"), mode="summit", lemma="саммит"), record(parties=PUTIN_MODI, mode="call")],
     [[0], [1]]),
    ("talks that mention a forum are not the forum",
     [record(parties=("Си Цзиньпин", "Лула да Силва"), mode="talks", lemma="обсудить"),
      record(parties=("Китай",), mode="summit", lemma="форум", status="planned")],
     [[0], [1]]),
    ("daily meetings do not chain into one occasion",
     [record(parties=PUTIN_MODI, date="2025-12-01"), record(parties=PUTIN_MODI, date="2025-12-02")],
     [[0], [1]]),
    ("one state, two people: two meetings of one visit",
     [record(parties=PUTIN_MODI), record(parties=("Владимир Путин", "Драупади Мурму"))],
     [[0], [1]]),
    ("talks in Geneva and talks in Riyadh",
     [record(parties=("США", "Украина"), place="Женева", mode="talks"),
      record(parties=("США", "Украина"), place="Эр-Рияд", mode="talks")],
     [[0], [1]]),
    ("no shared party",
     [record(parties=("Россия",)), record(parties=("США",))],
     [[0], [1]]),
    ("records naming no party with no occasion to join",
     [record(lemma="переговоры", mode="talks", date="2025-12-01"), record(lemma="переговоры", mode="talks", date="2025-12-09")],
     [[0], [1]]),
]


@pytest.mark.parametrize("what, events, expected", WITHIN, ids=[w for w, _, _ in WITHIN])
def test_occasions_within_an_article(what, events, expected):
    assert [group.members for group in groups(article(*events))] == expected


def test_occasion_record_gathers_its_mentions():
    held = record(parties=PUTIN_MODI, date="2025-12-05", place="Индия")
    announced = record(parties=("Владимир Путин", "Индия"), date="2025-12", status="planned")
    (occasion,) = with_occasions(article(announced, held)).occasions
    assert occasion.status == "actual"  # what happened wins over what was planned
    assert occasion.date == "2025-12-05"  # the most specific date
    assert {p.name for p in occasion.parties} == {"Владимир Путин", "Нарендра Моди", "Индия"}
    assert occasion.place.name == "Индия"
    assert [m.event for m in occasion.mentions] == [0, 1]


def _call(day: str, article_id: str, published: str) -> Article:
    return article(record(parties=("Си Цзиньпин", "Лула да Силва"), date=day, mode="call"), date=published, id=article_id)


def test_outlets_reporting_one_call_share_its_occasion():
    linked = link([_call("2025-08-11", "a", "2025-08-12"), _call("2025-08-12", "b", "2025-08-12"),
                   _call(None, "c", "2025-08-13")])
    ids = {a.events[0].occasion for a in linked.articles}
    assert len(ids) == 1
    (occasion,) = linked.occasions
    assert (len(occasion.articles), len(occasion.mentions)) == (3, 3)
    assert (occasion.first_seen, occasion.last_seen) == ("2025-08-12", "2025-08-13")


def test_reports_a_day_apart_join_but_do_not_chain():
    """Each outlet's date may be off by a day; an occasion still lasts no longer than
    its kind lets it: meetings dated on four days in a row are not one."""
    def meeting(day: str, article_id: str) -> Article:
        return article(record(parties=PUTIN_MODI, date=day), date=day, id=article_id)

    linked = link([meeting(f"2025-12-0{d}", f"m{d}") for d in (1, 2, 3, 4, 5)])
    ids = [a.events[0].occasion for a in linked.articles]
    assert ids[0] == ids[1] and len(set(ids)) >= 2


def test_the_same_parties_weeks_apart_are_two_occasions():
    linked = link([_call(None, "a", "2025-08-12"), _call(None, "b", "2025-09-30")])
    assert len({a.events[0].occasion for a in linked.articles}) == 2


def test_ids_are_stable_and_deterministic():
    first = [_call("2025-08-11", "a", "2025-08-12"), article(record(parties=PUTIN_MODI), id="b")]
    linker = Linker()
    before = [linker.add(a).events[0].occasion for a in first]
    later = linker.add(_call(None, "c", "2025-08-12")).events[0].occasion
    assert later == before[0]  # a new article joins the known occasion, whose id stays
    assert [a.events[0].occasion for a in link(first).articles] == before  # same input, same ids


def test_linked_articles_round_trip_through_json():
    linked = link([_call("2025-08-11", "a", "2025-08-12")]).articles[0]
    assert Article.from_dict(json.loads(linked.to_json())) == linked


def test_extract_groups_the_records_of_an_article():
    text = (
        "Президент России Владимир Путин прибыл в Нью-Дели. "
        "Путин провел переговоры с премьер-министром Индии Нарендрой Моди."
    )
    a = extract(text, "2025-12-05", id="x")
    assert len(a.events) == 2 and len(a.occasions) == 1
    assert {e.occasion for e in a.events} == {a.occasions[0].id} == {"x:O1"}
    assert json.loads(a.to_json())["occasions"][0]["articles"] == 1


def test_surnames_in_two_cases_are_one():
    assert same_surname("путина", "путин") and same_surname("лавров", "лаврова")
    assert not same_surname("мурму", "моди") and not same_surname("ким", "кимура")


def test_a_bad_line_of_the_occasion_rules_names_its_file_and_line(monkeypatch):
    monkeypatch.setattr(signature_module, "rows", lambda name: iter([("occasions.txt:3", ["meeting", "participant"])]))
    signature_module.type_rules.cache_clear()
    try:
        with pytest.raises(PatternError, match="occasions.txt:3"):
            signature_module.type_rules()
    finally:
        signature_module.type_rules.cache_clear()


def test_command_line_link(tmp_path):
    from geonews_nlp.runners.cli import main

    lines = [_call("2025-08-11", "a", "2025-08-12").to_json(), '{"id": "bad", "error": "cannot read"}',
             _call(None, "b", "2025-08-12").to_json(), "not json"]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, occasions = tmp_path / "out.jsonl", tmp_path / "occasions.jsonl"
    assert main(["link", str(tmp_path / "in.jsonl"), "-o", str(out), "--occasions", str(occasions)]) == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in records] == ["a", "bad", "b", None]  # every line, in order
    assert records[0]["events"][0]["occasion"] == records[2]["events"][0]["occasion"]
    assert "error" in records[3]
    (occasion,) = [json.loads(line) for line in occasions.read_text(encoding="utf-8").splitlines()]
    assert (occasion["articles"], len(occasion["mentions"])) == (2, 2)
    again = tmp_path / "again.jsonl"
    main(["link", str(tmp_path / "in.jsonl"), "-o", str(again)])
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")  # ids are deterministic


def test_closed_occasions_are_finished_and_forgotten():
    linker = Linker()
    linker.add(_call("2025-08-11", "a", "2025-08-12"))
    assert linker.close(dt.date(2025, 8, 1)) == ()  # not over yet
    (closed,) = linker.close(dt.date(2025, 9, 30))
    assert closed.mentions[0].article == "a" and linker.occasions() == ()
    later = linker.add(_call(None, "b", "2025-08-12")).events[0].occasion
    assert later != closed.id  # a closed occasion is not joined again


def test_occasions_table():
    import pandas

    from geonews_nlp.views.frames import events_frame, occasions_frame

    linked = link([_call("2025-08-11", "a", "2025-08-12"), _call(None, "b", "2025-08-12")]).articles
    table = occasions_frame(linked)
    assert isinstance(table, pandas.DataFrame) and len(table) == 2
    assert table["occasion"].nunique() == 1 == events_frame(linked)["occasion"].nunique()


def test_dask_links_as_the_linker_does_in_publication_order():
    import dask
    import dask.bag as db

    from geonews_nlp.runners.dask import link_bag

    articles = [_call(None, "c", "2025-08-13"), _call("2025-08-11", "a", "2025-08-12"),
                article(record(parties=PUTIN_MODI), id="b", date="2025-08-12"), _call(None, "d", "2025-10-01")]
    records = [a.to_dict() for a in articles] + [{"id": "bad", "error": "cannot read"}]
    with dask.config.set(scheduler="synchronous"):
        linked = {r["id"]: r for r in link_bag(db.from_sequence(records, npartitions=2)).compute()}
    expected = link(sorted(articles, key=lambda a: (a.date, a.id))).articles
    assert {a.id: [e.occasion for e in a.events] for a in expected} == {
        key: [e["occasion"] for e in r["events"]] for key, r in linked.items() if "events" in r
    }
    assert linked["bad"] == {"id": "bad", "error": "cannot read"}


def _id_trouble() -> list[Article]:
    """Articles whose ids repeat, are missing or are numbers: two stories, Putin and
    Modi's meeting and Trump and Xi's, each told under the same id as the other."""
    import dataclasses

    trump_xi = ("Дональд Трамп", "Си Цзиньпин")
    return [
        article(record(parties=PUTIN_MODI), id="x"),
        article(record(parties=trump_xi), id="x"),
        dataclasses.replace(article(record(parties=PUTIN_MODI)), id=None),
        dataclasses.replace(article(record(parties=trump_xi)), id=None),
        dataclasses.replace(article(record(parties=PUTIN_MODI)), id=7),
    ]


def _story(a: Article) -> str:
    return a.events[0].arguments[0].name


def test_repeated_missing_and_numeric_ids_lose_nothing_and_join_nothing():
    given = _id_trouble()
    linked = link(given)
    assert len(linked.articles) == len(given) and len(linked.occasions) == 2
    by_story: dict[str, set[str]] = {}
    for a in linked.articles:
        by_story.setdefault(_story(a), set()).add(a.events[0].occasion)
    assert all(len(ids) == 1 for ids in by_story.values()) and len(by_story) == 2  # one occasion a story


def test_dask_keeps_every_article_whatever_its_id():
    import dask
    import dask.bag as db

    from geonews_nlp.runners.dask import link_bag

    given = _id_trouble()
    records = [a.to_dict() for a in given] + [{"id": None, "error": "cannot read"}] * 2
    with dask.config.set(scheduler="synchronous"):
        out = link_bag(db.from_sequence(records, npartitions=3)).compute()
    assert len(out) == len(records)
    assert sum("error" in r for r in out) == 2

    expected = sorted((_story(a), a.events[0].occasion) for a in link(given).articles)
    assert sorted((r["events"][0]["arguments"][0]["name"], r["events"][0]["occasion"]) for r in out if "events" in r) == expected


def test_command_line_link_with_repeated_ids(tmp_path):
    from geonews_nlp.runners.cli import main

    given = _id_trouble()
    (tmp_path / "in.jsonl").write_text("".join(a.to_json() + "\n" for a in given), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["link", str(tmp_path / "in.jsonl"), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in records] == [a.id for a in given]
    assert [r["events"][0]["occasion"] for r in records] == [a.events[0].occasion for a in link(given).articles]
