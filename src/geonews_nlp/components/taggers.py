"""natasha's slovnet models run over our words: the same network calls, no per-word records.

slovnet's ``map`` wraps every word and every tag in a record and re-encodes the words for
each model; on news, that bookkeeping costs as much as the networks. Here the words are
encoded once (a word's vocabulary and shape ids are cached), the three models get the
batches slovnet would give them (items sorted by length, slovnet's batch size), and the
outputs are read as arrays, each tag parsed once. The networks and their weights are
slovnet's own, called as slovnet calls them, so the tags are slovnet's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import numpy
from slovnet.conll import parse_conll_tag
from slovnet.exec.mask import split_masked
from slovnet.exec.pad import pad_sequence
from slovnet.shape import word_shape

from . import models

#: a sentence's words in, the model's reading of each word out
Words = list[str]


def morph(items: list[Words]) -> list[list[tuple[str, dict[str, str]]]]:
    """(POS, features) of every word, per item."""
    infer = models.morph_tagger().infer
    tags = infer.decoder.tags_vocab.items

    def run(word_id: numpy.ndarray, shape_id: numpy.ndarray, pad_mask: numpy.ndarray) -> Iterator[list]:
        pred = infer.model.head.decode(infer.model(word_id, shape_id, pad_mask))
        for ids in split_masked(pred, ~pad_mask):
            yield [_parsed(tags[int(i)]) for i in ids]

    return _batched(run, items)


def syntax(items: list[Words]) -> list[tuple[list[int], list[str]]]:
    """Per item: each word's head (its index in the item, -1 for the root) and relation."""
    infer = models.syntax_parser().infer
    rels = infer.decoder.rels_vocab.items

    def run(word_id: numpy.ndarray, shape_id: numpy.ndarray, pad_mask: numpy.ndarray) -> Iterator[tuple]:
        model, mask = infer.model, ~pad_mask
        pred = model(word_id, shape_id, pad_mask)
        heads = split_masked(model.head.decode(pred.head_id, mask), mask)
        relations = split_masked(model.rel.decode(pred.rel_id, mask), mask)
        for head, rel in zip(heads, relations):
            yield [int(h) - 1 for h in head], [rels[int(r)] for r in rel]

    return _batched(run, items)


def ner(items: list[Words]) -> list[list[str]]:
    """BIO tags of every word, per item."""
    infer = models.ner_tagger().infer
    tags = infer.decoder.tags_vocab.items

    def run(word_id: numpy.ndarray, shape_id: numpy.ndarray, pad_mask: numpy.ndarray) -> Iterator[list]:
        pred = infer.model(word_id, shape_id, pad_mask)
        for ids in infer.model.head.crf.decode(pred, ~pad_mask):
            yield [tags[int(i)] for i in ids]

    return _batched(run, items)


def _batched(run: Callable[..., Iterator[Any]], items: list[Words]) -> list:
    """``run`` over slovnet's batches of the items, results in the items' order: sorted
    by length (the model pads a batch to its longest item, so like lengths waste least),
    in chunks of slovnet's batch size."""
    encoder = models.morph_tagger().infer.encoder  # the three models share words and shapes
    word_pad, shape_pad = encoder.words_vocab.pad_id, encoder.shapes_vocab.pad_id
    order = sorted(range(len(items)), key=lambda k: len(items[k]))
    results: list = [None] * len(items)
    with models.limited_threads():  # one BLAS thread unless asked otherwise: see models
        for at in range(0, len(order), encoder.batch_size):
            chunk = order[at : at + encoder.batch_size]
            ids = [[_word_ids(word) for word in items[k]] for k in chunk]
            word_id = pad_sequence([numpy.array([w for w, _ in item]) for item in ids], word_pad)
            shape_id = pad_sequence([numpy.array([s for _, s in item]) for item in ids], shape_pad)
            for k, result in zip(chunk, run(word_id, shape_id, word_id == word_pad)):
                results[k] = result
    return results


@lru_cache(maxsize=200_000)
def _word_ids(word: str) -> tuple[int, int]:
    """A word's vocabulary id (lowercased) and shape id, as slovnet's encoder makes them."""
    encoder = models.morph_tagger().infer.encoder
    return encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word))


@lru_cache(maxsize=4096)
def _parsed(tag: str) -> tuple[str, dict[str, str]]:
    """POS and features of a tag string ("NOUN|Case=Nom|..."), parsed once."""
    return parse_conll_tag(tag)
