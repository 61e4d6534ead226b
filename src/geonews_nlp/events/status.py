"""Whether an event happened, is planned, is only possible, or did not happen.

Read from the grammar around the trigger: the tense of its predicate and of the
auxiliaries, modal and intention words governing it, conditions ("если", "в случае"),
negation and refusal.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import predicate
from .lexicon import word_list

#: relations that end a clause: status words above them speak of another event
CLAUSE_BOUNDARY = {"ccomp", "parataxis", "acl:relcl", "root", "ROOT", "csubj"}


def clause_path(trigger: Token) -> list[Token]:
    """The trigger and the words above it up to its clause's top, through ``xcomp``
    into governing modal verbs ("попытаются согласовать")."""
    path = [trigger]
    node = trigger
    while node.head != node and node.dep_ not in CLAUSE_BOUNDARY and len(path) < 8:
        if node.dep_ == "advcl" and path[-1] is not trigger:
            break
        node = node.head
        path.append(node)
    return path


def status(trigger: Token) -> str:
    """One of ``actual``, ``planned``, ``hypothetical``, ``negated``."""
    path = clause_path(trigger)
    verb = predicate(trigger)
    if _conditional(path):
        return "hypothetical"
    if _negated(trigger, verb, path):
        return "negated"
    if _modal(trigger, path):
        return "hypothetical"
    if _planned(trigger, verb, path):
        return "planned"
    return "actual"


def _conditional(path: list[Token]) -> bool:
    marks, nouns = word_list("conditional_mark"), word_list("condition_noun")
    for node in path:
        for child in node.children:
            if child.lemma_ in marks and child.dep_ == "mark":
                return True
            if child.lemma_ == "бы":
                return True
        if node.lemma_ in nouns and any(c.lemma_ == "в" for c in node.children):
            return True
    return False


def _negated(trigger: Token, verb: Token | None, path: list[Token]) -> bool:
    negating = word_list("negating")
    for node in (trigger, verb):
        if node is not None and any(c.lemma_ == "не" for c in node.children):
            return True
    return any(node.lemma_ in negating for node in path[1:])


def _modal(trigger: Token, path: list[Token]) -> bool:
    """A modal governs the trigger's clause through an infinitive or is the trigger's
    own predicate ("может встретиться", "стремятся согласовать")."""
    modal = word_list("modal")
    for child in trigger.children:
        if child.lemma_ in modal and child.dep_ in ("amod", "aux", "advmod"):
            return True
    for lower, upper in zip(path, path[1:]):
        if upper.lemma_ in modal and lower.dep_ in ("xcomp", "csubj", "obj", "nsubj", "nsubj:pass"):
            return True
        if lower.dep_ not in ("xcomp", "obj", "nmod", "nsubj:pass", "obl", "conj"):
            break
    return False


def _planned(trigger: Token, verb: Token | None, path: list[Token]) -> bool:
    intent, future = word_list("intent"), word_list("future_adjective")
    if any(c.dep_ == "amod" and c.lemma_ in future for c in trigger.children):
        return True
    for node in path:
        if "Fut" in node.morph.get("Tense") and node.pos_ in ("VERB", "AUX"):
            return True
        if node.lemma_ in intent:
            return True
        if any(c.dep_ in ("aux", "aux:pass", "cop") and "Fut" in c.morph.get("Tense") for c in node.children):
            return True
        if node is verb:
            break
    return False
