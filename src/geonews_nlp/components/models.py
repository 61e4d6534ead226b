"""natasha's news models (navec embedding + slovnet taggers), loaded lazily, once.

The model files ship inside the natasha package; nothing is downloaded. Importing this
module costs nothing: the first call of a getter loads, under a lock, and later calls
share the loaded objects, which are read-only during inference and safe across threads.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

_LOCK = threading.Lock()


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
