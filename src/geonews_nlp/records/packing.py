"""Records inside msgpack: how srsly packs the records a spaCy Doc's extensions hold.

spaCy packs ``doc.user_data`` with srsly's msgpack when a Doc crosses a process
(``nlp.pipe(n_process=2)``) or is saved (``doc.to_bytes()``, ``DocBin(store_user_data=True)``).
The encoder and decoder are registered when the pipeline is built (not as srsly entry
points: srsly loads those while spaCy itself is being imported, before geonews_nlp can
be). A process that reads such a Doc without having imported geonews_nlp sees each
record as a dict ``{"__geonews_nlp__": "Event", "data": event.to_dict()}``;
``decode_records`` makes it the record again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .entities import Entity
from .events import Event

#: the records a Doc's extensions hold, by the name their packed form carries
_PACKED: dict[str, Any] = {"Entity": Entity, "Event": Event}
_TAG = "__geonews_nlp__"


def encode_records(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """srsly's msgpack encoder: a record as its ``to_dict()`` and its class name."""
    if isinstance(obj, (Entity, Event)):
        return {_TAG: type(obj).__name__, "data": obj.to_dict()}
    return chain(obj) if chain is not None else obj


def decode_records(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """srsly's msgpack decoder: the record a packed dict stands for."""
    if isinstance(obj, dict) and _TAG in obj:
        return _PACKED[obj[_TAG]].from_dict(obj["data"])
    return chain(obj) if chain is not None else obj


def register_packing() -> None:
    """Tell srsly how to pack and unpack the records (idempotent)."""
    import srsly.msgpack

    srsly.msgpack.msgpack_encoders.register("geonews_nlp", func=encode_records)
    srsly.msgpack.msgpack_decoders.register("geonews_nlp", func=decode_records)
