"""The ``Doc._`` extensions geonews_nlp writes, registered once and never over another's."""

from __future__ import annotations

from spacy.tokens import Doc

from ..errors import ExtensionConflict

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
    """Register the extensions; raise if another package took one of the names."""
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
        return doc.user_data.get(key, default)

    get.__geonews_owner__ = _OWNER  # type: ignore[attr-defined]
    return get


def _setter(name: str):
    key = f"_{name}"

    def set_(doc: Doc, value: object) -> None:
        doc.user_data[key] = value

    return set_
