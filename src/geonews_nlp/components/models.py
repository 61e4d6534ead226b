"""natasha's news models (navec embedding + slovnet taggers), loaded lazily, once.

The model files ship inside the natasha package; nothing is downloaded. Importing this
module costs nothing: the first call of a getter loads, under a lock, and later calls
share the loaded objects, which are read-only during inference and safe across threads.

The networks' matrix products run on one BLAS thread unless asked otherwise
(``set_model_threads``, or the environment variable ``GEONEWS_NLP_BLAS_THREADS``): on a
machine where other processes run, numpy's default threads spin while they wait for a
core and make a call several times slower. The limit holds only while a model runs; the
user's own numpy keeps its setting outside those calls.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

_LOCK = threading.Lock()
_THREADS_ENV = "GEONEWS_NLP_BLAS_THREADS"


class _Threads:
    """The BLAS thread limit of model calls, held while any thread of this process is in one."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.wanted: int | None = _from_environment()
        self.inside = 0
        self.limiter: Any = None


def _from_environment() -> int | None:
    """The limit ``GEONEWS_NLP_BLAS_THREADS`` asks for: a positive count, ``default``
    (numpy's own setting), or 1 when unset."""
    value = os.environ.get(_THREADS_ENV, "1").strip().lower()
    if value in ("default", "none", ""):
        return None
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{_THREADS_ENV} must be a positive count or 'default', not {value!r}")
    return int(value)


_THREADS = _Threads()


def set_model_threads(threads: int | None) -> None:
    """How many BLAS threads the models' matrix products may use: 1 by default, a larger
    count on a machine whose cores are free, None for numpy's own setting."""
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool) or threads < 1):
        raise ValueError(f"threads must be a positive int or None, not {threads!r}")
    with _THREADS.lock:
        _THREADS.wanted = threads


@cache
def _controller() -> Any:
    """threadpoolctl's view of the BLAS libraries loaded (numpy's, once a model ran)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def limited_threads() -> Iterator[None]:
    """Hold BLAS to the model thread limit while the body runs. Nested and concurrent
    calls share one limit, set by the first to enter and restored by the last to leave."""
    state = _THREADS
    with state.lock:
        if state.inside == 0 and state.wanted is not None:
            state.limiter = _controller().limit(limits=state.wanted, user_api="blas")
        state.inside += 1
    try:
        yield
    finally:
        with state.lock:
            state.inside -= 1
            if state.inside == 0 and state.limiter is not None:
                state.limiter.restore_original_limits()
                state.limiter = None


@cache
def _embedding() -> Any:
    from natasha.emb import NewsEmbedding

    return NewsEmbedding()


def _locked(factory):
    """Wrap a loader so concurrent first calls load once."""
    cached = cache(factory)

    def get() -> Any:
        with _LOCK:
            return cached()

    get.__doc__ = factory.__doc__
    return get


@dataclass(frozen=True)
class Networks:
    """natasha's three news networks as ``taggers`` runs them: slovnet's models with their
    weights and navec's codes, and the vocabularies that read their inputs and outputs."""

    morph: Any
    syntax: Any
    ner: Any
    morph_tags: list[str]
    rels: list[str]
    ner_tags: list[str]
    words: dict[str, int]  # lowercased word -> id (the three packs share one vocabulary)
    word_unknown: int
    shapes: dict[str, int]
    shape_unknown: int


@_locked
def networks() -> Networks:
    """The three networks loaded from the packs natasha ships, navec read once: what
    natasha's taggers load, without their second and third copy of the 250,000-word
    vocabulary and without navec's precomputed similarity tables (never used here)."""
    from natasha.emb import NEWS_EMBEDDING
    from natasha.morph.tagger import NEWS_MORPH
    from natasha.ner import NEWS_NER
    from natasha.syntax import NEWS_SYNTAX
    from slovnet.const import REL, SHAPE, TAG, WORD
    from slovnet.exec.model import NER, Morph, Syntax
    from slovnet.exec.pack import Pack, Vocab, decompress, vocab_name

    navec = _navec_codes(NEWS_EMBEDDING)
    loaded: list[tuple[Any, list[str]]] = []
    words = shapes = None
    for path, model_type, output in ((NEWS_MORPH, Morph, TAG), (NEWS_SYNTAX, Syntax, REL), (NEWS_NER, NER, TAG)):
        with Pack(path) as pack:
            pack.load_meta().check_protocol()
            model = pack.load_model(model_type)
            arrays = dict(pack.load_arrays(model.weights))
            word_bytes, shape_bytes = (decompress(pack.read(vocab_name(kind))) for kind in (WORD, SHAPE))
            if words is None:
                words, shapes = ((raw, Vocab(raw.decode("utf8").splitlines())) for raw in (word_bytes, shape_bytes))
            elif (word_bytes, shape_bytes) != (words[0], shapes[0]):
                raise ValueError(f"{path}: its word or shape vocabulary is not the other networks'")
            outputs = pack.load_vocab(output).items
        loaded.append((model.inject_arrays(arrays).inject_navec(navec), outputs))
    assert words is not None and shapes is not None
    (morph, morph_tags), (syntax, rels), (ner, ner_tags) = loaded
    return Networks(morph, syntax, ner, morph_tags, rels, ner_tags,
                    words[1].item_ids, words[1].unk_id, shapes[1].item_ids, shapes[1].unk_id)


def _navec_codes(path: str) -> Any:
    """navec's id, and its product-quantized codes (each word's centroid per subvector,
    and the centroids), as slovnet's models take them."""
    from types import SimpleNamespace

    import numpy
    from navec.meta import Meta
    from navec.navec import META, PQ_
    from navec.tar import Tar

    with Tar(path) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        data = tar.load(PQ_).read()
    vectors, _, qdim, centroids = numpy.frombuffer(data[:16], numpy.uint32)
    indexes = numpy.frombuffer(data[16 : 16 + vectors * qdim], numpy.uint8).reshape(vectors, qdim)
    codes = numpy.frombuffer(data[16 + vectors * qdim :], numpy.float32).reshape(qdim, centroids, -1)
    return SimpleNamespace(meta=meta, pq=SimpleNamespace(indexes=indexes, codes=codes))


@_locked
def morph_tagger() -> Any:
    """natasha's NewsMorphTagger: UD POS and features (the reference the tests and
    benchmarks compare ``networks`` with)."""
    from natasha.morph.tagger import NewsMorphTagger

    return NewsMorphTagger(_embedding())


@_locked
def syntax_parser() -> Any:
    """natasha's NewsSyntaxParser: UD heads and relations."""
    from natasha.syntax import NewsSyntaxParser

    return NewsSyntaxParser(_embedding())


@_locked
def ner_tagger() -> Any:
    """natasha's NewsNERTagger: PER, LOC, ORG spans."""
    from natasha.ner import NewsNERTagger

    return NewsNERTagger(_embedding())


@_locked
def morph_analyzer() -> Any:
    """pymorphy3's analyzer for Russian (natasha's MorphVocab needs pymorphy2: not used)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
