"""The public API: input checks, empty input, records and their JSON."""

import dataclasses
import json

import pytest

from geonews_nlp import Article, Entity, Mention, extract


@pytest.mark.parametrize("bad", [42, ["текст"], {"text": "x"}])
def test_non_str_raises_type_error_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        extract(bad)


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_a_missing_text_is_called_missing(missing):
    with pytest.raises(TypeError, match="text is missing"):
        extract(missing)


def test_bytes_say_decode_first():
    with pytest.raises(TypeError, match="decode"):
        extract("Текст".encode())


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "...!?", "12345 678", " date 2026-01-06 "])
def test_empty_articles_are_well_formed(text):
    article = extract(text)
    assert article.text == text
    assert article.entities == () and article.events == ()
    json.loads(article.to_json())


def test_records_are_frozen():
    m = Mention(0, 3, "США")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 1  # type: ignore[misc]


def test_json_contract():
    text = "Эмманюэль Макрон прибыл в Берлин."
    data = json.loads(extract(text, "2026-01-06", id="a1").to_json())
    assert set(data) >= {"id", "date", "text", "sentences", "entities", "events"}
    assert data["id"] == "a1" and data["date"] == "2026-01-06"
    for entity in data["entities"]:
        assert set(entity) == {"id", "type", "name", "actor", "kind", "attributes", "mentions"}
        assert entity["type"] in ("PER", "ORG", "LOC")
        for m in entity["mentions"]:
            assert set(m) == {"start", "end", "text", "kind"}
            assert text[m["start"] : m["end"]] == m["text"]
    assert {e["name"] for e in data["entities"]} == {"Эмманюэль Макрон", "Берлин"}


def test_entity_lookup_by_id():
    article = extract("Эмманюэль Макрон прибыл в Берлин.")
    first = article.entities[0]
    assert article.entity(first.id) is first
    with pytest.raises(KeyError):
        article.entity("nope")


def test_article_equality_is_by_value():
    a = Article("x", entities=(Entity("E1", "LOC", "США", (Mention(0, 3, "США"),)),))
    b = Article("x", entities=(Entity("E1", "LOC", "США", (Mention(0, 3, "США"),)),))
    assert a == b and hash(a.entities) == hash(b.entities)


def test_pymorphy2_is_never_used(monkeypatch):
    """natasha's pymorphy2-based MorphVocab breaks in fresh environments: not used."""
    import natasha.morph.vocab
    import pymorphy2

    from geonews_nlp import load

    def refuse(*args, **kwargs):
        raise AssertionError("pymorphy2 used")

    # every analyzer, natasha's MorphVocab (a subclass bound at import) included, is refused
    monkeypatch.setattr(pymorphy2.analyzer.MorphAnalyzer, "__init__", refuse)
    with pytest.raises(AssertionError, match="pymorphy2 used"):
        natasha.morph.vocab.MorphVocab()  # the guard holds
    article = extract("Канцлер Германии встретился с президентом Франции в Париже.", nlp=load())
    assert {e.name for e in article.entities} >= {"Германия", "Франция", "Париж"}
