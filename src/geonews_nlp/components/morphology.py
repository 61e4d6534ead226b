"""POS, morphological features and dependency syntax from natasha's news models.

Runs natasha's ``NewsMorphTagger`` and ``NewsSyntaxParser`` over our razdel tokens, one
sentence at a time, and writes ``token.pos_``, ``token.morph``, ``token.head`` and
``token.dep_``, so spaCy's ``Matcher`` and ``DependencyMatcher`` work over them.
Whitespace tokens and the date header get no tags; they hang off a neighbouring root.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from . import taggers
from .spacy_ext import register_extensions
from .tokenizer import ensure_sentences

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
        for piece, tags, (tree, rels) in zip(pieces, taggers.morph(words), taggers.syntax(words)):
            for token, (pos, feats) in zip(piece, tags):
                token.pos_ = pos
                if feats:
                    token.set_morph(feats)
            for token, head, rel in zip(piece, valid_tree(tree), rels):
                heads[token.i] = token.i if head < 0 else piece[head].i
                deps[token.i] = "ROOT" if head < 0 else rel
                if head >= 0 and rel == "root":  # a second root: a coordinated clause
                    deps[token.i] = "conj" if token.pos_ in ("VERB", "AUX") else "parataxis"
        attach_rest(doc, pieces, heads)
        array = numpy.zeros((len(doc), 2), dtype="uint64")
        array[:, 0] = (heads - numpy.arange(len(doc), dtype="int64")).view("uint64")
        array[:, 1] = [doc.vocab.strings.add(d) for d in deps]
        doc.from_array([HEAD, DEP], array)
        return doc


def body_pieces(doc: Doc) -> Iterator[list]:
    """The non-space tokens of each body sentence, cut at line breaks (a headline razdel
    glued to the next sentence is parsed on its own) and into pieces of at most
    ``MAX_SENTENCE_TOKENS``."""
    body_start = doc._.geonews_body_start
    for sent in doc.sents:
        lines: list[list] = [[]]
        for token in sent:
            if token.is_space and "\n" in token.text:
                lines.append([])
            elif not token.is_space and token.idx >= body_start:
                lines[-1].append(token)
        for tokens in lines:
            for i in range(0, len(tokens), MAX_SENTENCE_TOKENS):
                piece = tokens[i : i + MAX_SENTENCE_TOKENS]
                if piece:
                    yield piece


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
    for a, b in zip(pieces, pieces[1:]):
        if a[-1].sent == b[0].sent:
            heads[b[0].i + _root_offset(heads, b)] = a[0].i + _root_offset(heads, a)
    sent_root: dict[int, int] = {}
    for sent in doc.sents:
        body = [t for t in sent if t.i in tagged]
        sent_root[sent.start] = body[0].i + _root_offset(heads, body) if body else sent.start
    for sent in doc.sents:
        root = sent_root[sent.start]
        for token in sent:
            if token.i not in tagged and token.i != root:
                heads[token.i] = root


def _root_offset(heads: numpy.ndarray, piece: list) -> int:
    for k, token in enumerate(piece):
        if heads[token.i] == token.i:
            return k
    return 0

