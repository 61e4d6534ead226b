"""The ``Doc._`` extensions geonews_nlp writes, registered once and never over another's.

Their values live in ``doc.user_data``, which spaCy packs with msgpack whenever a Doc
crosses a process (``nlp.pipe(n_process=2)``) or is saved (``doc.to_bytes()``,
``DocBin(store_user_data=True)``): ``records.packing`` tells srsly how to pack them.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from ..errors import ExtensionConflict
from ..records.packing import register_packing

#: name -> default; every name carries the package prefix so it cannot clash by accident.
DOC_EXTENSIONS: dict[str, object] = {
    "geonews_date": None,  # the publication date: ISO at its precision (day, month or year), or None
    "geonews_body_start": 0,  # where the text after the date header starts
    "geonews_units": None,  # where razdel starts a sentence (a blank line also cuts one): the units of occasions
    "geonews_entities": None,  # tuple of records.Entity, set by the entity layer
    "geonews_events": None,  # tuple of records.Event, set by the event extractors
}

_OWNER = "geonews_nlp"


def register_extensions() -> None:
    """Register the extensions (and the records' packing); raise if another package took
    one of the names."""
    register_packing()
    for name, default in DOC_EXTENSIONS.items():
        if Doc.has_extension(name):
            # our own registration carries the owner mark in its default getter slot
            _, _, getter, _ = Doc.get_extension(name)
            if getter is not None and getattr(getter, "__geonews_owner__", None) == _OWNER:
                continue
            raise ExtensionConflict(f"Doc._.{name} is already registered by another package")
        Doc.set_extension(name, getter=_getter(name, default), setter=_setter(name))


def _getter(name: str, default: object):
    key = f"_{name}"

    def get(doc: Doc) -> object:
        value = doc.user_data.get(key, default)
        return tuple(value) if isinstance(value, list) else value  # msgpack gives lists back

    get.__geonews_owner__ = _OWNER  # type: ignore[attr-defined]
    return get


def _setter(name: str):
    key = f"_{name}"

    def set_(doc: Doc, value: object) -> None:
        doc.user_data[key] = value

    return set_



def date_from_context(doc: Doc) -> None:
    """Date the Doc from the context ``nlp.pipe(..., as_tuples=True)`` passes with its
    text, when that context is a mapping with a ``"date"`` (ISO, or a ``datetime.date``):
    ``nlp.pipe([(text, {"date": "2025-05-06"})], as_tuples=True)`` dates the Doc as
    ``extract(text, "2025-05-06")`` does, over the text's own date header."""
    from ..text.header import normalize_date

    context = getattr(doc, "_context", None)
    if isinstance(context, Mapping) and context.get("date") is not None:
        doc._.geonews_date = normalize_date(context["date"])


_TEXT = "_geonews_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, kept after its first reading: spaCy joins it anew from every token
    each time it is asked for. The razdel tokenizer keeps the text it was given (the
    Doc holds every character of it)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Keep the text a Doc was made from, as ``text_of`` gives it."""
    doc.user_data[_TEXT] = text
