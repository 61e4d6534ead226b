"""The spaCy pipeline and the cached default behind ``extract``.

``load()`` builds a blank Russian ``Language`` with the razdel tokenizer and our
components; models inside the components load on first use. ``extract`` runs the cached
default pipeline and turns the Doc into public records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import events  # noqa: F401  (events registers the geonews_events factory)
from .components import actors, entities, lemmas, models, morphology, ner  # noqa: F401  (register factories)
from .components.spacy_ext import text_of
from .components.tokenizer import REGISTERED_NAME, RazdelTokenizer, sentence_record, sentence_spans
from .linking import with_occasions
from .records import Article, Decision, Sentence
from .text.chunks import CHUNK_CHARS, chunk_bounds, merge
from .text.header import is_missing, normalize_date

#: the components of the default pipeline, in the order they run
PIPES: tuple[str, ...] = (
    "geonews_morphology",
    "geonews_lemmatizer",
    "geonews_ner",
    "geonews_entities",
    "geonews_actors",
    "geonews_events",
)

#: lone UTF-16 surrogates, which decoding with "surrogateescape" or "surrogatepass" leaves
SURROGATE = re.compile("[\ud800-\udfff]")

_DEFAULT: Language | None = None
_LOCK = threading.Lock()


def load(*, types: Iterable[str] | None = None) -> Language:
    """A new pipeline: razdel tokens, natasha morphology, syntax and NER, our entity and
    actor layers and event extractors (their events of ``types`` only, when given:
    ``load(types=["meeting"])``; spaCy's config: ``[components.geonews_events] types``)."""
    kept = events.event_types(types)
    nlp = spacy.blank("ru", config={"nlp": {"tokenizer": {"@tokenizers": REGISTERED_NAME}}})
    for name in PIPES:
        config = {"types": sorted(kept)} if name == "geonews_events" and kept is not None else {}
        nlp.add_pipe(name, config=config)
    return nlp


def default_pipeline() -> Language:
    """The pipeline ``extract`` uses, built once per process."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = load()
        return _DEFAULT


def warm() -> Language:
    """The default pipeline with every model loaded now rather than on first use."""
    nlp = default_pipeline()
    for load_model in (models.networks, models.morph_analyzer):
        load_model()
    return nlp


def extract(
    text: str,
    date: str | dt.date | None = None,
    *,
    id: str | None = None,
    nlp: Language | None = None,
    types: Iterable[str] | None = None,
) -> Article:
    """Read one article: its sentences, entities and events.

    ``date`` is the publication date (ISO ``YYYY-MM-DD`` or a ``datetime.date``); without
    it, a leading ``date YYYY-MM-DD`` header of the text gives it. Offsets in the result
    refer to ``text`` exactly as given. ``types`` keeps the events of those types only
    (``types=("meeting",)``): the same records a run of every type gives for them.
    """
    kept = events.event_types(types)
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("text must be str, not bytes: decode it first, e.g. data.decode('utf-8')")
    if is_missing(text):
        raise TypeError("text is missing (None, or an empty cell of a table): there is nothing to read")
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    date = normalize_date(date)
    nlp = nlp or default_pipeline()
    # spaCy cannot store lone surrogates: read a copy where each is U+FFFD (same offsets)
    readable = SURROGATE.sub("\ufffd", text)
    if len(readable) > CHUNK_CHARS:
        article = _extract_long(readable, date, id, nlp, kept)
    else:
        article = with_occasions(_records(nlp(make_doc(nlp, readable, date)), id, kept))
    return article if readable == text else with_text(article, text)


def debug(text: str, date: str | dt.date | None = None, *, nlp: Language | None = None) -> tuple[Decision, ...]:
    """Every trigger match the event rules found in a text, kept or dropped, with the
    conditions that kept it or the veto or condition that dropped it, in text order:
    the way to see why an event is missing or there.

    >>> for decision in debug("Матч пройдет в субботу, встреча начнется в 19:00."):
    ...     print(decision)
    DROP meeting.meeting_noun 'встреча' at 24-31: veto sentence:sports,holiday,court ('Матч')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    nlp = nlp or default_pipeline()
    doc = make_doc(nlp, SURROGATE.sub("\ufffd", text), normalize_date(date))
    return nlp.get_pipe("geonews_events").debug(nlp(doc))


def _extract_long(text: str, date: str | None, id: str | None, nlp: Language, kept: frozenset[str] | None) -> Article:
    """A text over the size guard, read piece by piece (see ``chunks``)."""
    pieces = []
    for start, end in chunk_bounds(text):
        # only the article's start can hold the header; its date dates every piece
        doc = make_doc(nlp, text[start:end], date, header=start == 0)
        date = doc._.geonews_date
        pieces.append((start, _records(nlp(doc), None, kept)))
    return with_occasions(merge(pieces, text, date, id))


def make_doc(nlp: Language, text: str, date: str | None, *, header: bool = True) -> Doc:
    """The tokenized, dated Doc of a text (see ``RazdelTokenizer.make``)."""
    if not isinstance(nlp.tokenizer, RazdelTokenizer):
        raise TypeError(
            "extract and debug need a pipeline from geonews_nlp.load() (its razdel tokenizer dates the Doc); "
            f"this one has {type(nlp.tokenizer).__name__}: call it as nlp(text) instead"
        )
    return nlp.tokenizer.make(text, date, header=header)


def to_article(doc: Doc, *, id: str | None = None) -> Article:
    """Public records from a Doc that went through the pipeline, its events grouped into
    occasions."""
    return with_occasions(_records(doc, id))


def _records(doc: Doc, id: str | None = None, kept: frozenset[str] | None = None) -> Article:
    """The records of a Doc (its events of the ``kept`` types, when given), before its
    events are grouped into occasions (a piece of a long article is grouped with the
    others, once they are merged)."""
    found = doc._.geonews_events or ()
    return Article(
        text=text_of(doc),
        date=doc._.geonews_date,
        sentences=sentences(doc),
        entities=doc._.geonews_entities or (),
        events=found if kept is None else tuple(e for e in found if e.type in kept),
        id=id,
    )


def with_text(article: Article, text: str) -> Article:
    """The article with every text field cut from ``text`` (offsets are the same)."""

    def cut(record):
        return dataclasses.replace(record, text=text[record.start : record.end])

    return dataclasses.replace(
        article,
        text=text,
        sentences=tuple(map(cut, article.sentences)),
        entities=tuple(dataclasses.replace(e, mentions=tuple(map(cut, e.mentions))) for e in article.entities),
        events=tuple(
            dataclasses.replace(e, trigger=cut(e.trigger), sentence=e.sentence and cut(e.sentence))
            for e in article.events
        ),
    )


def sentences(doc: Doc) -> tuple[Sentence, ...]:
    """The body's sentences, trimmed of surrounding whitespace."""
    text = text_of(doc)
    records = (sentence_record(sent, text) for sent in sentence_spans(doc))
    return tuple(r for r in records if r is not None and r.start >= doc._.geonews_body_start)
