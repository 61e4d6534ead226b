"""Whether an event happened, is planned, is only possible, or did not happen.

Read from the grammar around the trigger: the words above it in its clause (through
infinitives into governing modal verbs, through frames like "в ходе" up to the clause's
predicate), the tense of that predicate and its auxiliaries, modal and intention words,
conditions ("если", "в случае"), negation and refusal.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import word_list

#: relations that end a clause: status words above them speak of another event
CLAUSE_BOUNDARY = {"ccomp", "parataxis", "acl:relcl", "root", "ROOT", "csubj", "conj", "advcl"}
#: relations by which a word is a direct argument of the predicate above it
DIRECT = {"obj", "obl", "xcomp", "iobj", "nsubj:pass", "csubj"}
#: relations by which a modal word governs what it makes hypothetical: its infinitive,
#: its object or its noun complement, not a circumstance ("обсудили на заседании")
MODAL_SCOPE = {"xcomp", "obj", "iobj", "csubj", "nsubj", "nsubj:pass", "nmod", "acl"}
#: direct arguments that a negated predicate negates ("не подписал соглашение"); a
#: subject is negated only by an occurrence verb ("встреча не состоялась", not
#: "обещание не выполнено")
NEGATED_WITH = {"obj", "obl", "xcomp", "iobj", "csubj"}


def clause_path(trigger: Token) -> list[Token]:
    """The trigger and the words above it up to its clause's predicate.

    A trigger that depends on a noun which is itself a subject ("участники встречи")
    stays in its own frame; one under an adverbial frame ("в ходе переговоров")
    climbs to the predicate.
    """
    path = [trigger]
    node = trigger
    while node.head != node and node.dep_ not in CLAUSE_BOUNDARY and len(path) < 8:
        if node.dep_ == "nmod" and node.head.dep_ in ("nsubj", "nsubj:pass"):
            break
        node = node.head
        path.append(node)
    return path


def status(trigger: Token) -> str:
    """One of ``actual``, ``planned``, ``hypothetical``, ``negated``."""
    path = clause_path(trigger)
    top = path[-1]
    if _conditional(path):
        return "hypothetical"
    if any(c.dep_ == "amod" and c.lemma_ in word_list("future_adjective") for c in trigger.children):
        return "planned"
    modal = _modal(path)
    if modal is not None:
        return "negated" if _has_not(modal) and modal.pos_ in ("VERB", "AUX") else "hypothetical"
    if _negated(path):
        return "negated"
    if _purpose(top) or _planned(trigger, path):
        return "planned"
    return "actual"


def _has_not(token: Token) -> bool:
    return any(c.lemma_ == "не" and c.dep_ in ("advmod", "neg", "discourse", "dep") for c in token.children)


def _conditional(path: list[Token]) -> bool:
    """"если" over the trigger's clause, "бы", or "в случае" on a word above the trigger
    that the trigger is not the subject of."""
    marks, nouns = word_list("conditional_mark"), word_list("condition_noun")
    for lower, node in zip([None, *path], path):
        for child in node.children:
            if child.dep_ == "mark" and child.lemma_ in marks:
                return True
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lemma_ in marks for m in child.children):
                return True  # "если Тегеран согласится, переговоры возобновятся"
            if child.lemma_ == "бы" and child.dep_ != "fixed":
                return True
            if child.lemma_ in nouns and any(c.lemma_ == "в" for c in child.children):
                if lower is None or lower.dep_ not in ("nsubj", "nsubj:pass"):
                    return True
    return False


def _modal(path: list[Token]) -> Token | None:
    """The modal word governing the trigger through an infinitive, a complement or a
    frame ("может встретиться", "стремятся согласовать", "о готовности обсуждать"); an
    attempt in the past is not one."""
    modal, attempt = word_list("modal"), word_list("attempt")
    for child in path[0].children:
        if child.lemma_ in modal and child.dep_ in ("amod", "aux", "advmod"):
            return child
    for lower, upper in zip(path, path[1:]):
        if upper.lemma_ in modal and lower.dep_ in MODAL_SCOPE:
            if "Part" in upper.morph.get("VerbForm"):
                continue
            if upper.lemma_ in attempt and "Past" in upper.morph.get("Tense"):
                continue
            return upper
    top = path[-1]
    if top.dep_ in ("csubj", "ccomp", "advcl") and top.head.lemma_ in modal:
        if any(c.dep_ == "mark" for c in top.children):  # "необходимо, чтобы ратифицировали"
            return top.head
        if top.dep_ == "csubj" and "Inf" in top.morph.get("VerbForm"):  # "необходимо провести"
            return top.head
    return None


def _negated(path: list[Token]) -> bool:
    """"не" on the trigger or on the predicate it is a direct argument of (or the subject
    of an occurrence verb: "встреча не состоялась"); a refusal above it."""
    if _has_not(path[0]):
        return True
    for lower, upper in zip(path, path[1:]):
        direct = lower.dep_ in NEGATED_WITH or (
            lower.dep_ in ("nsubj", "nsubj:pass") and upper.lemma_ in word_list("occur")
        )
        if not direct:
            break
        if _has_not(upper) or upper.lemma_ in word_list("negating"):
            return True
    return False


def _purpose(top: Token) -> bool:
    """A purpose clause ("чтобы зафиксировать обязательства") is planned."""
    return top.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lemma_ in word_list("purpose_mark") for c in top.children
    )


def _future(token: Token) -> bool:
    """Future tense, with natasha's tagging of "будет" and perfectives as present."""
    tense = token.morph.get("Tense")
    if "Fut" in tense:
        return True
    if "Pres" in tense and (token.lemma_ == "быть" or "Perf" in token.morph.get("Aspect")):
        return True
    return False


def _planned(trigger: Token, path: list[Token]) -> bool:
    intent = word_list("intent")
    for child in trigger.children:  # "встреча, назначенная на воскресенье"
        if child.dep_ in ("acl", "amod") and child.lemma_ in intent:
            return True
    for node in path:
        if node.pos_ in ("VERB", "AUX") and _future(node):
            return True
        if node.lemma_ in intent and node != trigger:
            return True
        if any(c.dep_ in ("aux", "aux:pass", "cop") and _future(c) for c in node.children):
            return True
    return False
