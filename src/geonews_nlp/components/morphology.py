"""POS, morphological features and dependency syntax from natasha's news models.

Runs natasha's ``NewsMorphTagger`` and ``NewsSyntaxParser`` over our razdel tokens, one
sentence at a time, and writes ``token.pos_``, ``token.morph``, ``token.head`` and
``token.dep_``, so spaCy's ``Matcher`` and ``DependencyMatcher`` work over them.
Whitespace tokens and the date header get no tags; they hang off a neighbouring root.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, MORPH, POS, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.language import Language
from spacy.tokens import Doc

from . import taggers
from .spacy_ext import register_extensions
from .tokenizer import ensure_sentences, sentence_spans

#: Longer sentences are cut into pieces of this many tokens: the parser's cost grows with
#: the square of a sentence's length, and real sentences are far shorter.
MAX_SENTENCE_TOKENS = 200


@Language.factory(
    "geonews_morphology",
    assigns=["token.pos", "token.morph", "token.head", "token.dep", "token.is_sent_start"],
)
def make_morphology(nlp: Language, name: str) -> "Morphology":
    register_extensions()
    return Morphology()


class Morphology:
    """A spaCy component setting POS, features, heads and relations."""

    def __call__(self, doc: Doc) -> Doc:
        ensure_sentences(doc)
        pieces = list(body_pieces(doc))
        if not pieces:
            return doc
        words = [[t.text for t in piece] for piece in pieces]
        heads = numpy.arange(len(doc), dtype="int64")  # every token its own root for now
        deps = ["dep"] * len(doc)
        tags_of = doc.to_array([POS, MORPH]).astype("uint64")  # untagged tokens keep theirs
        morphology = doc.vocab.morphology
        for piece, tags, (tree, rels) in zip(pieces, *taggers.morph_and_syntax(words)):
            for token, (pos, feats) in zip(piece, tags):
                tags_of[token.i] = POS_IDS[pos], _morph_key(morphology, feats)
            for token, (pos, _), head, rel in zip(piece, tags, valid_tree(tree), rels):
                heads[token.i] = token.i if head < 0 else piece[head].i
                deps[token.i] = "ROOT" if head < 0 else rel
                if head >= 0 and rel == "root":  # a second root: a coordinated clause
                    deps[token.i] = "conj" if pos in ("VERB", "AUX") else "parataxis"
        attach_rest(doc, pieces, heads)
        array = numpy.zeros((len(doc), 4), dtype="uint64")
        array[:, 0] = (heads - numpy.arange(len(doc), dtype="int64")).view("uint64")
        array[:, 1] = [doc.vocab.strings.add(d) for d in deps]
        array[:, 2:] = tags_of
        doc.from_array([HEAD, DEP, POS, MORPH], array)
        return doc


def _morph_key(morphology: Any, feats: dict[str, str]) -> int:
    """The key of a feature set in the vocabulary's morphology (0: none), added once."""
    if not feats:
        return 0
    key = tuple(feats.items())
    found = _MORPH_KEYS.get((id(morphology), key))
    if found is None:
        found = _MORPH_KEYS[(id(morphology), key)] = morphology.add(feats)
    return found


_MORPH_KEYS: dict[tuple[int, tuple[tuple[str, str], ...]], int] = {}


def body_pieces(doc: Doc) -> Iterator[list]:
    """The non-space tokens of each body sentence, cut at line breaks (a headline razdel
    glued to the next sentence is parsed on its own) and into pieces of at most
    ``MAX_SENTENCE_TOKENS``. Read from the Doc's arrays: a Token is made only for the
    words a piece holds."""
    if not len(doc):
        return
    body_start = doc._.geonews_body_start
    columns = doc.to_array([SENT_START, IS_SPACE, IDX]).view("int64")
    starts, spaces, offsets = (column.tolist() for column in columns.T)
    lines: list[list[int]] = [[]]
    for i, (start, space, offset) in enumerate(zip(starts, spaces, offsets)):
        if start == 1 and i:
            yield from _pieces(doc, lines)
            lines = [[]]
        if space:
            if "\n" in doc[i].text:
                lines.append([])
        elif offset >= body_start:
            lines[-1].append(i)
    yield from _pieces(doc, lines)


def _pieces(doc: Doc, lines: list[list[int]]) -> Iterator[list]:
    for indices in lines:
        for at in range(0, len(indices), MAX_SENTENCE_TOKENS):
            piece = indices[at : at + MAX_SENTENCE_TOKENS]
            if piece:
                yield [doc[i] for i in piece]


def valid_tree(heads: list[int]) -> list[int]:
    """Heads (index or -1 for the root) repaired into one tree: one root, no cycles.

    >>> valid_tree([1, -1, 1])
    [1, -1, 1]
    >>> valid_tree([-1, -1, 0])
    [-1, 0, 0]
    >>> valid_tree([1, 0, 1])
    [-1, 0, 1]
    """
    n = len(heads)
    heads = [h if 0 <= h < n and h != i else -1 for i, h in enumerate(heads)]
    roots = [i for i, h in enumerate(heads) if h < 0]
    root = roots[0] if roots else 0
    heads[root] = -1
    for i in roots[1:]:
        heads[i] = root
    for i in range(n):
        seen = set()
        j = i
        while heads[j] >= 0 and j not in seen:
            seen.add(j)
            j = heads[j]
        if heads[j] >= 0:  # walked into a cycle: cut it at j (never the root)
            heads[j] = root
    return heads


def attach_rest(doc: Doc, pieces: list[list], heads: numpy.ndarray) -> None:
    """Hang untagged tokens (whitespace, header) and later pieces of a cut sentence."""
    tagged = {t.i for piece in pieces for t in piece}
    sentences = sentence_spans(doc)
    sentence_of = numpy.zeros(len(doc), dtype="int64")
    for number, sent in enumerate(sentences):
        sentence_of[sent.start : sent.end] = number
    for a, b in zip(pieces, pieces[1:]):
        if sentence_of[a[-1].i] == sentence_of[b[0].i]:
            heads[_first_plus_root(heads, [t.i for t in b])] = _first_plus_root(heads, [t.i for t in a])
    for sent in sentences:
        body = [i for i in range(sent.start, sent.end) if i in tagged]
        root = _first_plus_root(heads, body) if body else sent.start
        for i in range(sent.start, sent.end):
            if i not in tagged and i != root:
                heads[i] = root


def _first_plus_root(heads: numpy.ndarray, indices: list[int]) -> int:
    """The first word plus the place of the root among the words (whitespace tokens
    between them not counted): the root where no whitespace lies between, and the token
    every earlier release hung the rest on where some does."""
    return indices[0] + next((k for k, i in enumerate(indices) if heads[i] == i), 0)

