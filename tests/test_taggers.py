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
