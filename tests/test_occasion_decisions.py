"""The weighing that decides occasions: tables of records that join and that stay apart,
within an article and across articles, each decision's reasons, the time every record
is given, and the evidence table as data. Records are built by hand (no model)."""

from __future__ import annotations

import datetime as dt

import pytest

from geonews_nlp import explain, link
from geonews_nlp.errors import PatternError
from geonews_nlp.linking import decision as decision_module
from geonews_nlp.linking.occasions import groups
from geonews_nlp.linking.time import joined, window
from occasion_records import article, record

TRUMP_XI = ("Дональд Трамп", "Си Цзиньпин")
PUTIN_MODI = ("Владимир Путин", "Нарендра Моди")


def summit(*parties: str, **kw) -> object:
    return record(parties=parties, mode="summit", lemma="саммит", **kw)


def signing(*parties: str, committed: str, **kw) -> object:
    return record("commitment", parties, mode="signing", lemma="подписать", committed=committed, **kw)


#: (what it shows, the records of one article published on 2025-12-05, how they group)
WITHIN = [
    # joined
    ("a boycott tells of the summit it negates",
     [summit("США", status="negated"), summit("США", "ЮАР")], [[0, 1]]),
    ("a summit named again by its word, each account naming other participants",
     [summit("ЮАР"), summit("США")], [[0, 1]]),
    ("a declaration adopted and the same declaration refused by one of its parties",
     [record("commitment", ("ЮАР", "Китай"), mode="approval", lemma="принять", committed="декларация"),
      record("commitment", ("ЮАР",), mode="approval", lemma="признать", committed="декларация", status="negated")],
     [[0, 1]]),
    ("a treaty signed by the leaders and initialled by their ministers is one document",
     [signing("Никол Пашинян", "Ильхам Алиев", committed="соглашение"),
      signing("Арарат Мирзоян", "Джейхун Байрамов", committed="соглашение")],
     [[0, 1]]),
    ("a visit and the talks of its host, told in two sentences",
     [record(parties=("Владимир Путин", "Индия"), mode="visit", lemma="визит"), record(parties=PUTIN_MODI, mode="talks")],
     [[0, 1]]),
    # kept apart
    ("a bilateral on the sidelines of a bloc's summit",
     [summit("ШОС", "Китай", date="2025-08-31"),
      record(parties=("Владимир Путин", "Си Цзиньпин"), mode="meeting", lemma="встретиться", date="2025-08-31")],
     [[0], [1]]),
    ("a peace agreement and a joint declaration signed at one ceremony",
     [signing("Армения", "Азербайджан", committed="соглашение"), signing("Армения", "Азербайджан", committed="декларация")],
     [[0], [1]]),
    ("a bilateral and the trilateral held the same day, each told as such",
     [record(parties=("Дональд Трамп", "Никол Пашинян"), date="2025-08-08", sides="2"),
      record(parties=("Дональд Трамп", "Никол Пашинян", "Ильхам Алиев"), date="2025-08-08", mode="talks",
             lemma="переговоры", sides="3")],
     [[0], [1]]),
    ("a treaty signed and money pledged by the same states",
     [signing("Армения", "Азербайджан", committed="соглашение"),
      record("commitment", ("Армения", "Азербайджан"), mode="pledge", lemma="выделить", committed="средства")],
     [[0], [1]]),
    ("one leader meeting two different counterparts",
     [record(parties=TRUMP_XI), record(parties=("Дональд Трамп", "Никол Пашинян", "Ильхам Алиев"))],
     [[0], [1]]),
    ("a meeting still to come and one held months before",
     [record(parties=PUTIN_MODI, status="planned"), record(parties=PUTIN_MODI, date="2025-09-01")],
     [[0], [1]]),
    ("two meetings of other parties named by one word",
     [record(parties=("Россия", "Индия")), record(parties=("США", "Китай"))],
     [[0], [1]]),
]


@pytest.mark.parametrize("what, events, expected", WITHIN, ids=[w for w, _, _ in WITHIN])
def test_decisions_within_an_article(what, events, expected):
    assert [group.members for group in groups(article(*events))] == expected


def _occasions(linked) -> dict[str, str]:
    """Each article's (first) record's occasion id, by article id."""
    return {a.id: a.events[0].occasion for a in linked.articles}


def test_a_hub_person_in_occasions_of_different_months():
    """Trump in a meeting held in October (told by two outlets), a visit planned for April
    and a board meeting in February: records naming him with no date still have a time,
    and times that cannot meet never join."""
    ids = _occasions(link([
        article(record(parties=TRUMP_XI), date="2025-10-30", id="held"),
        article(record(parties=TRUMP_XI, mode="talks", lemma="переговоры"), date="2025-10-31", id="held-again"),
        article(record(parties=("Дональд Трамп", "Китай"), mode="visit", lemma="визит", status="planned", date="2026-04"),
                date="2025-11-01", id="april-visit"),
        article(record(parties=("Дональд Трамп", "Совет мира"), mode="session", lemma="заседание"),
                date="2026-02-20", id="board"),
    ]))
    assert ids["held"] == ids["held-again"]
    assert len({ids["held"], ids["april-visit"], ids["board"]}) == 3


def test_a_planned_visit_and_its_later_holding_are_one():
    ids = _occasions(link([
        article(record(parties=("Владимир Путин", "Индия"), mode="visit", lemma="визит", status="planned", date="2025-12"),
                date="2025-11-20", id="announced"),
        article(record(parties=("Владимир Путин", "Индия"), mode="visit", lemma="прибыть"), date="2025-12-04", id="arrived"),
        article(record(parties=PUTIN_MODI, mode="talks", lemma="переговоры", date="2025-12-05"), date="2025-12-06", id="talks"),
    ]))
    assert len(set(ids.values())) == 1


def test_a_bilateral_on_the_sidelines_across_articles():
    linked = link([
        article(summit("ШОС", "Китай", date="2025-08-31", place="Тяньцзинь"), date="2025-08-31", id="summit"),
        article(record(parties=("Владимир Путин", "Си Цзиньпин"), mode="meeting", lemma="встретиться", date="2025-08-31"),
                date="2025-09-01", id="bilateral"),
        article(summit("ШОС", date="2025-09-01"), date="2025-09-01", id="summit-again"),
    ])
    ids = _occasions(linked)
    assert ids["summit"] == ids["summit-again"] != ids["bilateral"]
    bilateral = next(o for o in linked.occasions if o.id == ids["bilateral"])
    assert "sidelines" in explain(bilateral)  # what kept it out of the summit


def test_explain_names_why_each_mention_joined():
    linked = link([
        article(record(parties=PUTIN_MODI, date="2025-12-05"), date="2025-12-05", id="a"),
        article(record(parties=PUTIN_MODI, mode="talks", lemma="переговоры"), date="2025-12-06", id="b"),
    ])
    (occasion,) = linked.occasions
    text = explain(occasion)
    lines = text.splitlines()
    assert "2 mentions in 2 articles" in lines[0]
    assert "article a event 0" in text and "across: opened" in lines[2]
    assert "across: joined" in lines[3] and "party" in lines[3] and "путин" in lines[3]
    assert occasion.mentions[1].why == lines[3].split("): ", 1)[1]  # the JSON keeps it too


def test_linking_does_not_depend_on_the_order_articles_are_given():
    articles = [
        article(record(parties=TRUMP_XI), date="2025-10-30", id="x"),
        article(record(parties=TRUMP_XI, status="planned"), date="2025-10-20", id="y"),
        article(record(parties=PUTIN_MODI), date="2025-10-25", id="z"),
    ]
    forward, backward = link(articles), link(articles[::-1])
    assert _occasions(forward) == _occasions(backward)
    assert [a.id for a in backward.articles] == ["z", "y", "x"]  # handed back in the order given


@pytest.mark.parametrize("status, expected", [
    ("actual", ("2025-11-28", "2025-12-06")),
    ("planned", ("2025-12-04", "2026-01-04")),
    ("hypothetical", ("2025-12-04", "2026-01-04")),
    ("negated", ("2025-11-28", "2026-01-04")),
])
def test_an_undated_record_lies_where_its_status_puts_it(status, expected):
    published = (dt.date(2025, 12, 5), dt.date(2025, 12, 5))
    first, last = window(status, published, before=7, after=30, slack=1)
    assert (first.isoformat(), last.isoformat()) == expected
    assert window(status, None, before=7, after=30, slack=1) is None  # no publication date: no window


def test_days_two_accounts_state_together():
    december = (dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    fifth, sixth = (dt.date(2025, 12, 5),) * 2, (dt.date(2025, 12, 6),) * 2
    assert joined(december, fifth) == fifth  # "в декабре" and "5 декабря": the 5th
    assert joined(fifth, sixth) == (fifth[0], sixth[0])  # a visit on the 5th, its talks on the 6th
    assert joined(None, fifth) == fifth


def test_a_decision_lists_its_evidence_and_stops_at_a_veto():
    from geonews_nlp.linking.decision import decide
    from geonews_nlp.linking.signature import signature

    published = article(record(parties=PUTIN_MODI, date="2025-12-05"), record(parties=PUTIN_MODI, date="2025-12-05"),
                        record(parties=PUTIN_MODI, mode="call", lemma="разговор", date="2025-12-05"))
    a, b, call = (signature(e, published) for e in published.events)
    verdict = decide(a, b, "article")
    assert verdict.joins and verdict.veto is None and verdict.score >= 4
    assert any(reason.startswith("party ") for reason in verdict.reasons)
    refused = decide(a, call, "article")
    assert not refused.joins and refused.veto == "media: meeting and call"


@pytest.mark.parametrize("line, message", [
    (["party", "two", "-", "both"], "weight or veto"),
    (["kinship", "2", "-", "both"], "no test 'kinship'"),
    (["party", "2", "boat", "both"], "unknown media"),
    (["party", "2", "-", "everywhere"], "weight or veto"),
])
def test_a_bad_line_of_the_evidence_table_names_its_file_and_line(monkeypatch, line, message):
    monkeypatch.setattr(decision_module, "rows", lambda name: iter([("occasion_evidence.txt:7", line)]))
    decision_module.evidence.cache_clear()
    try:
        with pytest.raises(PatternError, match=f"occasion_evidence.txt:7.*{message}"):
            decision_module.evidence()
    finally:
        decision_module.evidence.cache_clear()


def test_dask_gives_the_ids_link_gives():
    """Articles of two types, given out of publication order, one without a date: the
    Dask grouping weighs as ``link`` does and names the occasions alike."""
    import dask
    import dask.bag as db

    from geonews_nlp.runners.dask import link_bag

    pledge = record("commitment", ("Россия", "Индия"), mode="pledge", lemma="пообещать", committed="помощь")
    articles = [
        article(record(parties=PUTIN_MODI, mode="talks", lemma="переговоры"), pledge, date="2025-12-06", id="b"),
        article(pledge, record(parties=PUTIN_MODI, date="2025-12-05"), date="2025-12-05", id="a"),
        article(record(parties=PUTIN_MODI, date="2025-12-05"), date=None, id="undated"),
        article(record(parties=TRUMP_XI), date="2025-10-30", id="c"),
    ]
    with dask.config.set(scheduler="synchronous"):
        bagged = link_bag(db.from_sequence([a.to_dict() for a in articles], npartitions=2)).compute()
    expected = {a.id: [e.occasion for e in a.events] for a in link(articles).articles}
    assert {r["id"]: [e["occasion"] for e in r["events"]] for r in bagged} == expected
    assert expected["a"][1] == expected["b"][0] == expected["undated"][0]  # the talks and the meeting of one day
