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


def model_threads() -> int | None:
    """The BLAS thread limit of model calls (None: numpy's own setting)."""
    return _THREADS.wanted


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


@_locked
def morph_tagger() -> Any:
    """natasha's NewsMorphTagger: UD POS and features."""
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
