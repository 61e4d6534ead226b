"""Named entities (PER, ORG, LOC) from natasha's ``NewsNERTagger`` into ``doc.ents``.

The tagger runs over our own tokens, sentence by sentence, so every entity is a whole
number of tokens and never crosses a sentence or the date header.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import models
from .morphology import body_pieces


@Language.factory("geonews_ner")
def make_ner(nlp: Language, name: str) -> "NER":
    return NER()


class NER:
    """A spaCy component setting ``doc.ents`` from natasha's news NER."""

    def __call__(self, doc: Doc) -> Doc:
        pieces = list(body_pieces(doc))
        if not pieces:
            doc.ents = []
            return doc
        words = [[t.text for t in piece] for piece in pieces]
        spans = [
            Span(doc, piece[start].i, piece[end - 1].i + 1, label=label)
            for piece, tags in zip(pieces, tag_words(words))
            for start, end, label in bio_spans(tags)
        ]
        doc.ents = spans
        return doc


def tag_words(items: list[list[str]]) -> Iterator[list[str]]:
    """BIO tags for lists of words, batched as the slovnet model wants them."""
    infer = models.ner_tagger().infer
    size = models.ner_tagger().batch_size
    for i in range(0, len(items), size):
        chunk = items[i : i + size]
        yield from infer.decoder(infer.process(infer.encoder(chunk)))


def bio_spans(tags: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) runs of a BIO sequence; a stray ``I-`` opens a span.

    >>> list(bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]))
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'ORG')]
    """
    start, label = -1, ""
    i = -1
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and kind == label and start >= 0:
            continue
        if start >= 0:
            yield start, i, label
            start, label = -1, ""
        if prefix in ("B", "I"):
            start, label = i, kind
    if start >= 0:
        yield start, i + 1, label
