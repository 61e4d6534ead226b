"""The slovnet models run through ``taggers`` read every word as slovnet's own API does."""

import pytest

from geonews_nlp import load
from geonews_nlp.components import models, taggers
from geonews_nlp.components.morphology import body_pieces

TEXTS = [
    "Президент Франции Эмманюэль Макрон прибыл в Берлин, где встретился с канцлером.",
    "Матч пройдет в субботу.",
    "В понедельник, 6 января 2026 года, министры обсудили гарантии безопасности для Украины.",
    "Да.",
    "«Газпром» (ПАО) сообщил о поставках; Reuters пишет, что сделка близка — но не завершена!",
    "Он сказал: «Мы готовы к переговорам, если стороны согласятся».",
] * 2 + ["Длинное " * 40 + "предложение."]


def _items() -> list[list[str]]:
    nlp = load()
    return [[t.text for t in piece] for text in TEXTS for piece in body_pieces(nlp.make_doc(text))]


def _by_length(tag, items):
    """slovnet's own API over the items in the order taggers batches them."""
    order = sorted(range(len(items)), key=lambda k: len(items[k]))
    out = [None] * len(items)
    for k, result in zip(order, tag([items[k] for k in order])):
        out[k] = result
    return out


def test_morphology_is_slovnets():
    items = _items()
    ours = taggers.morph(items)
    theirs = _by_length(models.morph_tagger().map, items)
    assert ours == [[(t.pos, t.feats) for t in markup.tokens] for markup in theirs]


def test_syntax_is_slovnets():
    items = _items()
    ours = taggers.syntax(items)
    theirs = _by_length(models.syntax_parser().map, items)
    assert ours == [([int(t.head_id) - 1 for t in m.tokens], [t.rel for t in m.tokens]) for m in theirs]


def test_ner_is_slovnets():
    items = _items()
    infer = models.ner_tagger().infer

    def tag(words):  # slovnet's encoder, model and decoder, in slovnet's batches
        for at in range(0, len(words), 8):
            yield from infer.decoder(infer.process(infer.encoder(words[at : at + 8])))

    assert taggers.ner(items) == _by_length(lambda words: list(tag(words)), items)


@pytest.mark.parametrize("items", [[], [["Слово"]]])
def test_edge_sizes(items):
    assert len(taggers.morph(items)) == len(taggers.syntax(items)) == len(taggers.ner(items)) == len(items)


def test_the_word_cache_changes_no_reading():
    """Words' first-layer shares kept or not, filled in any order: the same readings."""
    import geonews_nlp
    from geonews_nlp.components import flat

    texts = [text for text in TEXTS[:6]] + ["Министры обсудили поставки газа в Германию и Польшу."]
    try:
        geonews_nlp.set_word_cache(0)
        none = [geonews_nlp.extract(t) for t in texts]
        geonews_nlp.set_word_cache(20_000)
        forward = [geonews_nlp.extract(t) for t in texts]
        geonews_nlp.set_word_cache(20_000)
        backward = [geonews_nlp.extract(t) for t in reversed(texts)][::-1]
        geonews_nlp.set_word_cache(5)  # full after the first call
        small = [geonews_nlp.extract(t) for t in texts]
        assert none == forward == backward == small
        assert 0 < flat.encoder(models.networks().morph).kept <= 5
    finally:
        geonews_nlp.set_word_cache(flat._cache_from_environment())


@pytest.mark.parametrize("bad", [-1, 1.5, "10", True])
def test_a_bad_word_cache_size_is_refused(bad):
    import geonews_nlp

    with pytest.raises(ValueError, match="words must be"):
        geonews_nlp.set_word_cache(bad)
