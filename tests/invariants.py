"""The checks every result must pass, whatever the input: offsets that point into the
text, and names that never cross each other."""

from __future__ import annotations

from geonews_nlp import Article


def check_article(article: Article, text: str) -> None:
    assert article.text == text
    for s in article.sentences:
        assert text[s.start : s.end] == s.text
    names = []
    for entity in article.entities:
        assert entity.mentions, entity
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
            if m.kind == "name":
                names.append((m.start, m.end))
    for s1, e1 in names:
        for s2, e2 in names:
            assert not (s1 < s2 < e1 < e2), "names cross"
    ids = {e.id for e in article.entities}
    for event in article.events:
        t = event.trigger
        assert text[t.start : t.end] == t.text
        if event.sentence is not None:
            assert text[event.sentence.start : event.sentence.end] == event.sentence.text
            assert event.sentence.start <= t.start < event.sentence.end
        for a in event.arguments:
            assert 0 <= a.start <= a.end <= len(text)
            assert a.entity is None or a.entity in ids
