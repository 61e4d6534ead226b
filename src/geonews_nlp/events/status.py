"""Whether an event happened, is planned, is only possible, or did not happen.

One resolver, its cue words as data (``words.txt``, each list with its scope). A trigger
takes its status from the grammar around it, read in this order, the first that speaks
deciding:

1. what the trigger itself says: a suspension or refusal ("приостановили партнерство":
   negated), a participle of its own ("подписанное в июле соглашение": actual);
2. a condition over its clause ("если", "бы", "в случае" on a word above it):
   hypothetical; for commitments and guarantees "в случае нападения" states their
   terms, not a condition;
3. a word that rules it out ("исключил встречу": negated; "не исключил встречи":
   hypothetical);
4. a modal word above it in its clause ("может встретиться", "обсуждают гарантии",
   "поручил подготовить", "попытаются согласовать будущие гарантии", readiness and
   obligation: "готова предоставить", "должны встретиться", tasks and open questions:
   "цель визита", "дата остается неизвестной"): hypothetical, or negated where the
   modal verb itself is ("не смогли договориться") or an obligation went unmet ("должен
   был встретиться"); a clause of "пока ... не" over it: hypothetical;
5. an agreement that talks are about ("переговоры по соглашению"): hypothetical;
6. a future adjective ("предстоящая встреча") or a preposition that puts it ahead
   ("перед встречей"): planned;
7. a negation: "не" on the trigger or on the predicate that carries or intends it
   ("встреча не состоялась", "не провели переговоров", "не планирует визит", not "не
   повлияла на переговоры"), a refusal or cancellation above it ("отменили встречу",
   "о приостановке переговоров");
8. a purpose clause, future tense, an intention above it, or an arrangement whose
   content it is ("договорились о встрече", "готовится визит", "подготовка встречи";
   not "во время встречи договорились"): planned;
9. a commitment or guarantee named by a noun phrase that no predicate asserts (a
   heading "Новые гарантии для Молдовы"): hypothetical; an agreement still being agreed
   ("согласовывают"): hypothetical;
10. else actual.

An occasion under a frame ("в ходе визита", "на полях саммита") keeps its status apart
from the modal or condition on what was done there. A phrase the parser hung across a
predicate into the clause after it ("во время визита дипломат выразил надежду, что ...
поддержит") is read under that predicate. ``resolve_status`` also names the step and the
word that decided, which ``explain`` shows; ``clauses.py`` reads the clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .clauses import clause_path, content_path, imperfective_present, participles, short_form
from .lexicon import word_list
from .status_steps import STEPS, has_not, reported

#: relations by which a modal word governs what it makes hypothetical: its infinitive,
#: its object or its noun complement, not a circumstance ("обсудили на заседании"); a
#: subject only of the modal words in ``modal_subject``
MODAL_SCOPE = {"xcomp", "obj", "iobj", "csubj", "nmod", "acl"}
#: modes of commitments that are the act of committing: stated in the future and reported
#: as made, the pledge was made (guide v1.4)
PLEDGES = frozenset({"pledge", "promise"})
#: modes of agreements that, told in the imperfective present, are still being agreed
AGREEING = {"agreement", "signing"}


@dataclass(frozen=True)
class StatusRules:
    """How one event type reads the grammar around its trigger."""

    #: a noun phrase no predicate asserts is only discussed (commitments and guarantees;
    #: a heading naming a meeting names one held)
    asserted_only: bool = False
    #: "в случае нападения" states the type's own terms (a defence commitment answers an
    #: attack), not a condition on whether it was given
    states_terms: bool = False
    #: its triggers are occasions: a frame ("в ходе визита", "на полях саммита") holds one
    #: apart from what was done there; a commitment "в рамках обороны" has no such frame
    occasions: bool = True


#: what ``resolve_status`` names when nothing in the grammar spoke: the event's date may
#: still put it ahead of the news
NO_CUE = "no cue"

#: how commitments and guarantees read the grammar (the same for both undertakings)
UNDERTAKINGS = StatusRules(asserted_only=True, states_terms=True, occasions=False)


def status(trigger: Token, mode: str = "", rules: StatusRules = StatusRules()) -> str:
    """One of ``actual``, ``planned``, ``hypothetical``, ``negated``. ``mode`` is the
    trigger rule's mode, ``rules`` its type's way of reading the grammar."""
    return resolve_status(trigger, mode, rules)[0]


def resolve_status(trigger: Token, mode: str = "", rules: StatusRules = StatusRules()) -> tuple[str, str]:
    """The status with the step that decided it and the word that spoke ("modal
    'может'"), for ``explain``."""
    own = _own_word(trigger)
    if own is not None:
        return own
    path = _as_agent(clause_path(trigger))
    content = content_path(path) if rules.occasions else path
    condition = _conditional(content, rules.states_terms)
    if condition is not None:
        return "hypothetical", f"condition {condition.text!r}"
    excluded = _excluded(content)
    if excluded is not None:  # "исключил встречу": negated; "не исключил встречи": possible
        return ("hypothetical" if has_not(excluded) else "negated"), f"excluding {excluded.text!r}"
    modal = _modal(content)
    if modal is not None:
        negated = (has_not(modal) and modal.pos_ in ("VERB", "AUX")) or _counterfactual(modal)
        return ("negated" if negated else "hypothetical"), f"modal {modal.text!r}"
    until = _until(path)
    if until is not None:  # "не сдвинутся, пока лидеры не поговорят лично": no negation
        return "hypothetical", f"until {until.text!r}"
    for name, finder, state in STEPS:
        word = finder(trigger, path)
        if word is not None:
            if state == "planned" and mode in PLEDGES and word == trigger and (said := reported(path)) is not None:
                return "actual", f"pledge reported as made {said.text!r}"  # "Германия направит Молдове помощь, объявил канцлер"
            return state, f"{name} {word.text!r}"
    if rules.asserted_only and trigger.pos_ in ("NOUN", "PROPN") and not any(t.pos_ in ("VERB", "AUX") or short_form(t) for t in trigger.sent):
        return "hypothetical", "unasserted noun phrase"  # a heading: under discussion, not asserted
    if mode in AGREEING and trigger.pos_ == "VERB" and imperfective_present(trigger):
        return "hypothetical", "still being agreed"  # "согласовывают"
    return "actual", NO_CUE


def _as_agent(path: list[Token]) -> list[Token]:
    """The path cut after a verb the trigger is the doer of, not the occasion of
    ("нынешние переговоры дадут результат", "переговоры помогли снять напряжение"): what
    governs that verb speaks of the result, not of the talks."""
    if len(path) < 3 or path[0].dep_ not in ("nsubj", "nsubj:pass") or path[1].pos_ != "VERB":
        return path
    speaking = word_list("occur") | word_list("intent") | word_list("negating") | word_list("modal") | word_list("arranged")
    return path if path[1].lemma_ in speaking else path[:2]


def _own_word(trigger: Token) -> tuple[str, str] | None:
    """What the trigger says of itself: a suspension ("приостановили"), a participle of
    its own telling it done ("подписанное соглашение", "уже заключенные сделки")."""
    if trigger.lemma_ in word_list("negating"):
        return "negated", f"negating trigger {trigger.text!r}"
    for participle in participles(trigger):
        if "Past" in participle.morph.get("Tense") and participle.lemma_ not in word_list("intent"):
            return "actual", f"participle {participle.text!r}"  # one of intent is a plan the rest may undo ("намеченные ... сорваны")
    return None




def _counterfactual(modal: Token) -> bool:
    """An obligation in the past that the sentence tells as unmet: "должен был
    встретиться" (negated)."""
    return modal.lemma_ == "должный" and any(
        c.dep_ in ("cop", "aux") and c.lemma_ in word_list("auxiliary") and "Past" in c.morph.get("Tense") for c in modal.children
    )


def _until(path: list[Token]) -> Token | None:
    """A clause of "пока ... не" over the trigger: what waits for it, not its negation."""
    for node in path:
        for child in node.children:
            if child.dep_ == "mark" and child.lemma_ in word_list("until_mark"):
                return child
    return None




def _conditional(path: list[Token], states_terms: bool = False) -> Token | None:
    """"если" over the trigger's clause, "бы", or "в случае" on a word above the trigger
    that the trigger is not the subject of; with ``states_terms``, "в случае нападения"
    is the terms of a commitment, not a condition on it."""
    marks, nouns = word_list("conditional_mark"), word_list("condition_noun")
    for lower, node in zip([None, *path], path):
        for child in node.children:
            if child.dep_ == "mark" and child.lemma_ in marks:
                return child
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lemma_ in marks for m in child.children):
                return child  # "если Тегеран согласится, переговоры возобновятся"
            if child.lemma_ in word_list("subjunctive") and child.dep_ != "fixed":
                return child
            if child.lemma_ in nouns and any(c.lemma_ in word_list("within_mark") for c in child.children):
                if states_terms and any(c.lemma_ in word_list("attack") for c in child.children):
                    continue  # "гарантии защиты в случае угрозы": what the guarantee answers
                if lower is None or lower.dep_ not in ("nsubj", "nsubj:pass"):
                    return child
    return None


def _excluded(path: list[Token]) -> Token | None:
    """A word that rules the trigger out, governing it ("исключил встречу")."""
    for lower, upper in zip(path, path[1:]):
        if upper.lemma_ in word_list("excluding") and _in_scope(lower, upper):
            return upper
    return None






def _modal(path: list[Token]) -> Token | None:
    """The modal word governing the trigger through an infinitive, a complement or a
    frame ("может встретиться", "стремятся согласовать", "о готовности обсуждать"); an
    attempt in the past is not one."""
    modal, attempt = word_list("modal"), word_list("attempt")
    for child in path[0].children:
        if child.lemma_ in modal and child.dep_ in ("amod", "aux", "advmod"):
            return child
    for lower, upper in zip(path, path[1:]):
        if upper.lemma_ in modal and _in_scope(lower, upper):
            if "Part" in upper.morph.get("VerbForm"):
                continue
            if upper.lemma_ in attempt and "Past" in upper.morph.get("Tense"):
                continue
            return upper
    top = path[-1]
    if top.lemma_ in word_list("copula") and path[-2].dep_ in ("nsubj", "nsubj:pass"):
        said = next((c for c in top.children if c.dep_ in ("xcomp", "obl", "acomp") and c.lemma_ in modal), None)
        if said is not None:
            return said  # "дата раунда остается неизвестной"
    acts = len(path) > 1 and path[-2].dep_ in ("nsubj", "nsubj:pass") and top.lemma_ not in word_list("occur")
    if top.dep_ in ("csubj", "ccomp", "advcl", "acl") and top.head.lemma_ in modal and not acts:  # "надеется, что переговоры дадут результат": the talks are
        if any(c.dep_ == "mark" or c.lemma_ in word_list("question_mark") for c in top.children):  # "необходимо, чтобы", "неясно, состоится ли"
            return top.head
        if top.dep_ == "csubj" and "Inf" in top.morph.get("VerbForm"):  # "необходимо провести"
            return top.head
    return None


def _in_scope(lower: Token, modal: Token) -> bool:
    """Whether a word is what the modal word above governs: its infinitive, object or
    complement, a subject it makes possible ("встреча может состояться"), or a phrase it
    asks for ("рассчитывает на позицию", "готовы к переговорам"), not a place it happens
    in ("обсудили на заседании")."""
    if lower.dep_ in ("nsubj", "nsubj:pass"):
        return modal.lemma_ in word_list("modal_subject")
    if lower.dep_ in MODAL_SCOPE:
        marks = {c.lemma_ for c in lower.children if c.dep_ == "case"}
        if not marks and lower.dep_ == "nmod" and modal.lemma_ in word_list("purpose_noun"):
            return False  # "цель визита": whose purpose, not what is aimed at
        return not marks or marks <= word_list("about_mark") | word_list("prepared_mark")  # "вопросы на встрече": the meeting is where, not what
    if lower.dep_ != "obl":
        return False
    marks = {c.lemma_ for c in lower.children if c.dep_ == "case"}
    return bool(marks) and (marks <= word_list("about_mark") | word_list("prepared_mark") or "Loc" not in lower.morph.get("Case"))








