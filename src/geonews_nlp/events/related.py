"""The ``related`` layer: a match still wanting parties takes them from another event of
its sentence that it is part of (the summit whose declaration is adopted, the talks in
whose course an agreement is signed, the treaty a security guarantee is signed in)."""

from __future__ import annotations

from .base import Candidate, EventType, Found
from .layers import at_layer, role_of
from .lexicon import word_list
from .syntax import SUBJECT


def relate(kept: dict[Candidate, "Found"], extractors: dict[str, EventType]) -> None:
    """The ``related`` layer: a match still wanting parties takes those of another event
    of its sentence it is part of: the occasion that is its predicate's subject
    ("саммит БРИКС принял декларацию") or that frames it ("по итогам переговоров стороны
    подписали", "на саммите приняли декларацию"); the agreement signed with a security
    treaty's signers. Found values are added in place, at the ``related`` layer."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in kept:
        by_sentence.setdefault(c.sentence.start, []).append(c)
    for group in by_sentence.values():
        for c in group:
            event_type = extractors[c.rule.type]
            wanting = event_type.wanting(c, kept[c])
            if not wanting:
                continue
            role = role_of(event_type, "party", c.rule.mode)
            if role not in wanting:
                continue
            for other in (o for o in group if o is not c and o.rule.type != c.rule.type and _part_of(c, o)):
                party_roles = extractors[other.rule.type].party_roles
                values = [v for r, v in kept[other].roles if r in party_roles]
                kept[c].roles += [(role, at_layer(v, "related")) for v in values]
                if values:
                    break


def _part_of(c: Candidate, other: Candidate) -> bool:
    """Whether a match is part of another event: the other's trigger is the subject of
    its predicate, frames it ("в ходе", "по итогам", "на" + the occasion), or is what it
    signs ("подписали соглашение о безопасности")."""
    verb = c.verb if c.verb is not None else c.anchor
    anchor = other.anchor
    if anchor.head == verb and anchor.dep_ in SUBJECT:
        return True
    framed = anchor.head == verb or (anchor.head.head == verb and anchor.head.lemma_ in word_list("frame_mark"))
    marks = {t.lemma_ for t in anchor.children if t.dep_ in ("case", "fixed")} | {anchor.head.lemma_}
    marks |= {f.lemma_ for t in anchor.children if t.dep_ == "case" for f in t.children if f.dep_ == "fixed"}  # "во время"
    if framed and marks & (word_list("frame_mark") | word_list("session_mark")):
        return True
    signed = anchor.head == c.anchor and anchor.dep_ in ("obj", "nsubj:pass") and anchor.lemma_ in word_list("agreement_object")
    return signed or (c.anchor.head == other.anchor and c.anchor.dep_ == "nmod" and c.anchor.head.lemma_ in word_list("agreement_object"))
