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
        assert [m.text for m in entity.mentions] == want["mentions"], want["name"]


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
    spans = [(m.start, m.end) for e in article.entities for m in e.mentions]
    assert len(spans) == len(set(spans))
    for s1, e1 in spans:
        for s2, e2 in spans:
            crossing = s1 < s2 < e1 < e2
            assert not crossing, (s1, e1, s2, e2)
