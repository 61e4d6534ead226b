"""The status resolver's steps after a condition, a ruling out and a modal word: under
negotiation, ahead, negated, a purpose, a plan. Each finds the word that decides, or
None; ``status.STEPS`` reads them in order."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .clauses import future, is_content, participles
from .lexicon import word_list

#: direct arguments that a negated predicate negates ("не подписал соглашение"); a
#: subject is negated only by an occurrence verb ("встреча не состоялась", not
#: "обещание не выполнено")
NEGATED_WITH = {"obj", "obl", "xcomp", "iobj", "csubj"}


def has_not(token: Token) -> bool:
    return any(c.lemma_ in word_list("negation") and c.dep_ in ("advmod", "neg", "discourse", "dep") for c in token.children)


def negotiated(trigger: Token, path: list[Token]) -> Token | None:
    """The talks or work an agreement is the topic of ("переговоры по соглашению",
    "работа над договором"): still being negotiated, not given."""
    if trigger.lemma_ in word_list("agreement_object") and trigger.dep_ == "nmod":
        if trigger.head.lemma_ in word_list("negotiating"):
            return trigger.head
    return None


def ahead(trigger: Token, path: list[Token]) -> Token | None:
    """A future adjective on the trigger ("предстоящая встреча"), or a preposition that
    puts it, or the occasion it belongs to, ahead of what the sentence tells ("перед
    встречей", "накануне поездки на саммит")."""
    for child in trigger.children:
        if child.dep_ == "amod" and child.lemma_ in word_list("future_adjective"):
            return child
    for node in path:
        if node.pos_ not in ("NOUN", "PROPN"):
            break
        for child in node.children:
            if child.dep_ == "case" and child.lemma_ in word_list("before_mark"):
                return child
    return None


def negated(trigger: Token, path: list[Token]) -> Token | None:
    """"не" on the trigger, or on a predicate that carries or intends it ("не провели
    переговоров", "встреча не состоялась", "не планирует визит"); a refusal or cancellation above it ("отменили встречу", "о
    приостановке переговоров")."""
    if has_not(path[0]):
        return path[0]
    carriers, occur, negating = word_list("carrier") | word_list("intent"), word_list("occur"), word_list("negating")
    for lower, upper in zip(path, path[1:]):
        if upper.lemma_ in negating and (lower.dep_ in NEGATED_WITH or lower.dep_ in ("nmod", "nsubj", "nsubj:pass")):
            return upper
        direct = lower.dep_ in NEGATED_WITH or (lower.dep_ in ("nsubj", "nsubj:pass") and upper.lemma_ in occur)
        if not direct:
            break
        if has_not(upper) and (upper.lemma_ in carriers or upper.lemma_ in occur or path[0].pos_ == "VERB"):
            return upper
    return None


def current(trigger: Token, path: list[Token]) -> Token | None:
    """An adjective that puts the trigger now ("нынешние переговоры дадут результат": the
    talks are under way, whatever lies ahead of them)."""
    return next((c for c in trigger.children if c.dep_ == "amod" and c.lemma_ in word_list("present_adjective")), None)


def purpose(trigger: Token, path: list[Token]) -> Token | None:
    """A purpose clause ("чтобы зафиксировать обязательства", "распорядился, чтобы
    провел переговоры") is planned."""
    top = path[-1]
    if top.dep_ not in ("advcl", "ccomp", "csubj"):
        return None
    return next((c for c in top.children if c.dep_ == "mark" and c.lemma_ in word_list("purpose_mark")), None)


def planned(trigger: Token, path: list[Token]) -> Token | None:
    """Future tense on the way up, an intention above the trigger, or an arrangement of
    an occasion ("договорились о встрече"; an agreement they govern is the one agreed)."""
    intent, arranged = word_list("intent"), word_list("arranged")
    occasion = trigger.lemma_ not in word_list("agreement_object")
    for participle in participles(trigger):
        if participle.lemma_ in intent:  # "встреча, назначенная на воскресенье"
            return participle
    content = True  # the trigger is what the words above it arrange, not a circumstance of them
    for lower, node in zip([None, *path], path):
        if lower is not None and not is_content(lower):
            content = False
        if node.pos_ in ("VERB", "AUX") and future(node):
            return node
        if node != trigger and node.lemma_ in intent:
            return node
        if node != trigger and occasion and content and node.lemma_ in arranged:
            return node
        for child in node.children:
            if child.dep_ in ("aux", "aux:pass", "cop") and future(child):
                return child
    return None


def reported(path: list[Token]) -> Token | None:
    """The speech verb that reports the trigger's clause ("..., объявил канцлер",
    "заявил, что Германия направит")."""
    top, speech = path[-1], word_list("speech")
    if top.dep_ in ("ccomp", "parataxis") and top.head.lemma_ in speech:
        return top.head
    return next((c for c in top.children if c.dep_ in ("parataxis", "ccomp") and c.lemma_ in speech), None)

#: the steps read after the trigger's own word, a condition, a ruling out and a modal
#: word, in order: (name, finder, status); the first whose finder finds a word decides
STEPS: tuple[tuple[str, Callable[[Token, list[Token]], Token | None], str], ...] = (
    ("under negotiation", negotiated, "hypothetical"),
    ("ahead", ahead, "planned"),
    ("negation", negated, "negated"),
    ("current", current, "actual"),
    ("purpose", purpose, "planned"),
    ("plan", planned, "planned"),
)


def told_as_past(anchor: Token, verb: Token | None) -> bool:
    """Whether the sentence tells the event itself in the past ("прибыл в Лаос, где 11
    октября примет участие": the arrival is done, whatever date the sentence names);
    "стала известна дата визита" tells nothing of the visit."""
    if anchor.pos_ == "VERB":
        return "Past" in anchor.morph.get("Tense")
    # a noun's predicate tells it past only if it carries it ("встреча прошла", "провели переговоры")
    held = verb is not None and verb.lemma_ in word_list("carrier") | word_list("occur")
    return held and "Past" in verb.morph.get("Tense")
