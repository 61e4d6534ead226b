"""The size guard: an article longer than ``CHUNK_CHARS`` is read in pieces.

Each piece ends at a paragraph break where there is one (else a line break, a sentence
end, a space, or, for one unbroken run of characters, anywhere), is read on its own,
and its records are shifted to offsets in the whole text and merged: entities of the
same type and name across pieces are one entity. Memory then stays bounded by the piece,
not the article, and nothing is cut off.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from ..records import Article, Entity, entity_id

#: the longest text read in one piece (characters)
CHUNK_CHARS = 100_000

#: where a piece may end, best first
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…]\s"), re.compile(r"\s"))


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of at most ``limit`` characters covering ``text``.

    >>> list(chunk_bounds("Один.\\n\\nДва.\\n\\nТри.", 9))
    [(0, 7), (7, 13), (13, 17)]
    """
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        end = start + limit
        for pattern in BREAKS:
            found = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if found:
                end = start + found[-1]
                break
        yield start, end
        start = end
    yield start, len(text)


def shift(record: Any, offset: int) -> Any:
    """A record with ``start`` and ``end`` moved by ``offset``."""
    return dataclasses.replace(record, start=record.start + offset, end=record.end + offset)


def merge(pieces: list[tuple[int, Article]], text: str, date: str | None, id: str | None) -> Article:
    """One article from the articles of its pieces and their offsets."""
    merged: dict[tuple[str, str], Entity] = {}
    renamed: dict[tuple[int, str], str] = {}
    sentences, events = [], []
    for k, (offset, piece) in enumerate(pieces):
        sentences += [shift(s, offset) for s in piece.sentences]
        for entity in piece.entities:
            key = (entity.type, entity.name)
            mentions = tuple(shift(m, offset) for m in entity.mentions)
            if key in merged:
                merged[key] = dataclasses.replace(merged[key], mentions=merged[key].mentions + mentions)
            else:
                merged[key] = dataclasses.replace(entity, id=entity_id(len(merged)), mentions=mentions)
            renamed[(k, entity.id)] = merged[key].id
        for event in piece.events:
            arguments = tuple(
                dataclasses.replace(shift(a, offset), entity=renamed.get((k, a.entity or ""), a.entity))
                for a in event.arguments
            )
            events.append(
                dataclasses.replace(
                    event,
                    trigger=shift(event.trigger, offset),
                    sentence=event.sentence and shift(event.sentence, offset),
                    arguments=arguments,
                )
            )
    return Article(text, date, tuple(sentences), tuple(merged.values()), tuple(events), id)
