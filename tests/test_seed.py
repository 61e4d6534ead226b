"""The project's seed article against its hand-checked expectation."""

import pytest

from geonews_nlp import extract


@pytest.fixture(scope="module")
def article(seed_text):
    return extract(seed_text)


def test_date_from_header(article, seed_expected):
    assert article.date == seed_expected["date"]


def test_expected_entities(article, seed_expected):
    got = {e.name: e for e in article.entities}
    for want in seed_expected["entities"]:
        entity = got.get(want["name"])
        assert entity is not None, f"missing {want['name']}; got {sorted(got)}"
        assert entity.type == want["type"], want["name"]
        assert [m.text for m in entity.names] == want["mentions"], want["name"]


def test_names_are_unique(article):
    names = [e.name for e in article.entities]
    assert len(names) == len(set(names))


def test_offset_invariant(article, seed_text):
    for entity in article.entities:
        for m in entity.mentions:
            assert seed_text[m.start : m.end] == m.text
    for s in article.sentences:
        assert seed_text[s.start : s.end] == s.text
    for event in article.events:
        assert seed_text[event.trigger.start : event.trigger.end] == event.trigger.text
        for a in event.arguments:
            assert 0 <= a.start <= a.end <= len(seed_text)


def test_mentions_nest_but_never_cross(article):
    spans = [(m.start, m.end) for e in article.entities for m in e.names]
    assert len(spans) == len(set(spans))
    for s1, e1 in spans:
        for s2, e2 in spans:
            crossing = s1 < s2 < e1 < e2
            assert not crossing, (s1, e1, s2, e2)


def _args(event):
    return {(a.role, a.name) for a in event.arguments}


def test_visit_to_paris(article):
    visits = [e for e in article.events if e.type == "meeting" and ("location", "Париж") in _args(e)]
    first = visits[0]
    assert first.status == "actual" and first.date == "2026-01-06"
    assert ("participant", "Владимир Зеленский") in _args(first)
    assert dict(first.attributes)["mode"] == "visit"


def test_guarantees_for_ukraine_by_the_usa(article):
    guarantees = [e for e in article.events if e.type == "security_guarantee"]
    assert any({("guarantor", "США"), ("beneficiary", "Украина")} <= _args(e) for e in guarantees)


def test_agreed_military_document(article):
    agreed = [e for e in article.events if e.type == "commitment" and e.trigger.text == "согласовали"]
    assert len(agreed) == 1
    assert _args(agreed[0]) >= {("agent", "Киев"), ("agent", "Вашингтон")}
    assert agreed[0].status == "actual"


def test_reuters_is_the_source_of_what_it_reports(article, seed_text):
    cited = seed_text.index("Об этом сообщает Reuters")
    before = [e for e in article.events if e.sentence.end <= cited]
    assert before and before[-1].source == "Reuters"
    assert all(e.source != "Reuters" for e in article.events if e.sentence.start > cited)


def test_every_event_names_its_rule(article):
    from geonews_nlp import explain

    for event in article.events:
        assert event.rule.startswith(("meeting.", "commitment.", "security."))
        assert event.rule in explain(event)


def test_values_are_from_the_contract(article):
    from geonews_nlp.records import ENTITY_TYPES, EVENT_TYPES, STATUSES

    assert {e.type for e in article.entities} <= set(ENTITY_TYPES)
    assert {e.type for e in article.events} == set(EVENT_TYPES)
    assert {e.status for e in article.events} <= set(STATUSES)
