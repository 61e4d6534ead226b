"""natasha's slovnet models run over our words: the same network calls, no per-word records.

slovnet's ``map`` wraps every word and every tag in a record and re-encodes the words for
each model; on news, that bookkeeping costs as much as the networks. Here the words are
encoded once (a word's vocabulary and shape ids are cached, navec's vectors looked up
once for the networks of a call), the encoders run over one flat sequence (``flat``), the
heads are slovnet's own modules on batches of sentences cut from it, and the outputs are
read as arrays, each tag parsed once. The weights are slovnet's, so the tags are.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy
from slovnet.conll import parse_conll_tag
from slovnet.shape import word_shape

from . import flat, models

#: a sentence's words in, the model's reading of each word out
Words = list[str]


def morph(items: list[Words]) -> list[list[tuple[str, dict[str, str]]]]:
    """(POS, features) of every word, per item."""
    return morph_and_syntax(items, syntax=False)[0]


def syntax(items: list[Words]) -> list[tuple[list[int], list[str]]]:
    """Per item: each word's head (its index in the item, -1 for the root) and relation."""
    return morph_and_syntax(items, morph=False)[1]


def morph_and_syntax(
    items: list[Words], *, morph: bool = True, syntax: bool = True
) -> tuple[list[list[tuple[str, dict[str, str]]]], list[tuple[list[int], list[str]]]]:
    """Both readings of the same items, their words looked up once."""
    inputs = _Inputs.of(items)
    tagged: list = []
    parsed: list = []
    with models.limited_threads():  # one BLAS thread unless asked otherwise: see models
        if morph and items:
            tagged = _morph(inputs)
        if syntax and items:
            parsed = _syntax(inputs)
    return tagged, parsed


def ner(items: list[Words]) -> list[list[str]]:
    """BIO tags of every word, per item."""
    if not items:
        return []
    inputs = _Inputs.of(items)
    with models.limited_threads():
        nets = models.networks()
        tags = nets.ner_tags
        emissions = nets.ner.head(inputs.encoded(nets.ner))
        out: list = [None] * len(items)
        for chunk, rows, pad in flat.batches(inputs.flat, HEAD_BATCH):
            for k, ids in zip(chunk, nets.ner.head.crf.decode(emissions[rows], ~pad)):
                out[k] = [tags[int(i)] for i in ids]
    return out


#: sentences a head reads at once (the encoder reads a whole call at once)
HEAD_BATCH = 32


def _morph(inputs: "_Inputs") -> list[list[tuple[str, dict[str, str]]]]:
    nets = models.networks()
    tags, model = nets.morph_tags, nets.morph
    x = inputs.encoded(model)
    best = model.head.decode(model.head(x[inputs.flat.tokens]))
    out, at = [], 0
    for length in inputs.flat.lengths:
        out.append([_parsed(tags[int(i)]) for i in best[at : at + length]])
        at += length
    return out


def _syntax(inputs: "_Inputs") -> list[tuple[list[int], list[str]]]:
    nets = models.networks()
    model, rels = nets.syntax, nets.rels
    x = inputs.encoded(model)
    out: list = [None] * len(inputs.flat.lengths)
    for chunk, rows, pad in flat.batches(inputs.flat, HEAD_BATCH):
        x_pad, mask = x[rows], ~pad
        heads = model.head.decode(model.head(x_pad), mask)
        relations = model.rel.decode(model.rel(x_pad, heads), mask)
        for k, length, head, rel in zip(chunk, inputs.flat.lengths[chunk], heads, relations):
            out[k] = [int(h) - 1 for h in head[:length]], [rels[int(r)] for r in rel[:length]]
    return out


class _Inputs:
    """The items' words as the networks read them: vocabulary and shape ids, and their
    flat layout."""

    def __init__(self, items: list[Words]) -> None:
        ids = [_word_ids(word) for item in items for word in item]
        self.word_ids = numpy.fromiter((w for w, _ in ids), dtype=numpy.int64, count=len(ids))
        self.shape_ids = numpy.fromiter((s for _, s in ids), dtype=numpy.int64, count=len(ids))
        self.flat = flat.layout([len(item) for item in items])

    @classmethod
    def of(cls, items: list[Words]) -> "_Inputs":
        if any(not item for item in items):
            raise ValueError("the networks read sentences of one word or more")
        return cls(items)

    def encoded(self, model: Any) -> numpy.ndarray:
        return flat.encode(model, self.flat, self.word_ids, self.shape_ids)


@lru_cache(maxsize=200_000)
def _word_ids(word: str) -> tuple[int, int]:
    """A word's vocabulary id (lowercased) and shape id, as slovnet's encoder makes them."""
    nets = models.networks()
    return nets.words.get(word.lower(), nets.word_unknown), nets.shapes.get(word_shape(word), nets.shape_unknown)


@lru_cache(maxsize=4096)
def _parsed(tag: str) -> tuple[str, dict[str, str]]:
    """POS and features of a tag string ("NOUN|Case=Nom|..."), parsed once."""
    return parse_conll_tag(tag)
