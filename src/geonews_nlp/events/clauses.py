"""The trigger's clause: the words above a trigger up to its clause's predicate, and the
grammar of the words on that path (participles, frames, tense, what is content).

The status resolver reads its cues on this path; a cue in a subordinate or reported
clause, or in the content of what was signed, is not the trigger's.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..components.lemmas import can_agree
from .lexicon import word_list
from .syntax import PREDICATE_POS, subjects

#: relations that end a clause: status words above them speak of another event
CLAUSE_BOUNDARY = {"ccomp", "parataxis", "acl:relcl", "root", "ROOT", "csubj", "conj", "advcl"}


def clause_path(trigger: Token) -> list[Token]:
    """The trigger and the words above it up to its clause's predicate.

    A trigger that depends on a noun which is itself a subject ("участники встречи")
    stays in its own frame, with that noun ("возможность встречи обсуждалась"), unless
    that noun is a quantity or a frame the predicate speaks through ("тур переговоров
    назначен на июль"); one under an adverbial frame ("в ходе переговоров") climbs to the
    predicate.
    """
    path = [trigger]
    node = trigger
    while node.head != node and _within_clause(node) and len(path) < 8:
        if node.dep_ == "nmod" and node.head.dep_ in ("nsubj", "nsubj:pass") and node.head.lemma_ not in word_list("through_subject"):
            path.append(node.head)  # "возможность встречи обсуждалась": the frame noun speaks
            break
        node = _governor(node)
        path.append(node)
    return path


def _governor(node: Token) -> Token:
    """The word above ``node``; a fronted phrase the parser hung across a predicate into
    the clause after it ("во время визита дипломат выразил надежду, что ... поддержит")
    belongs to that predicate."""
    head = node.head
    if node.i < head.i and node.dep_ not in ("obj", "nsubj", "nsubj:pass", "iobj"):  # "поездку пришлось отменить": its own verb
        above = {a.i for a in head.ancestors}
        for word in node.doc[node.i + 1 : head.i]:
            if word.pos_ in ("VERB", "AUX") and (word.i in above or not node.i <= word.head.i <= head.i):
                return word  # a predicate above the head, or one whose clause the arc crosses
    return head


def _within_clause(node: Token) -> bool:
    """Whether the word above still belongs to this word's clause: a coordinated noun
    shares its clause ("возможность встречи ... и визита"), a coordinated verb starts
    one of its own."""
    if node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN"):
        return True
    return node.dep_ not in CLAUSE_BOUNDARY


def participles(noun: Token) -> list[Token]:
    """The participles that modify a noun: its own that agree with it (a parser's
    attachment of "Речь ..., запланированная на 2 марта, ... обязательства" to the wrong
    noun is not), and one it was wrongly made the object of ("заключенные в мае сделки"
    read as "заключенные ... в сделки")."""
    found = [c for c in noun.children if c.dep_ in ("acl", "amod") and _participle_of(c, noun)]
    head = noun.head
    if noun.dep_ in ("obl", "obj") and head.dep_ in ("acl", "amod") and _participle_of(head, noun) and head.i < noun.i:
        found.append(head)
    return found


def _participle_of(word: Token, noun: Token) -> bool:
    """Whether ``word`` is a participle that can agree with ``noun``."""
    return "Part" in word.morph.get("VerbForm") and noun.pos_ in ("NOUN", "PROPN") and can_agree(word, noun)


def short_form(token: Token) -> bool:
    return token.pos_ == "ADJ" and "Short" in token.morph.get("Variant")


def content_path(path: list[Token]) -> list[Token]:
    """The part of the clause path of which the trigger is the content: up to a frame
    ("на полях саммита", "в ходе визита", "после переговоров"), above which a modal or
    a condition speaks of what was done there, not of the occasion."""
    frames = word_list("frame_mark")
    for n, node in enumerate(path[1:], start=1):
        lower = path[n - 1]
        if node.lemma_ in frames and lower.dep_ == "nmod":
            return path[:n]
        if any(c.dep_ in ("case", "fixed") and c.lemma_ in frames for c in lower.children):
            return path[:n]
        if any(f.dep_ == "fixed" and f.lemma_ in frames for c in lower.children for f in c.children):
            return path[:n]  # "во время встречи": "время" fixed on "во"
    return path


def future(token: Token) -> bool:
    """Future tense, with natasha's tagging of "будет" and perfectives as present."""
    tense = token.morph.get("Tense")
    if "Fut" in tense:
        return True
    if "Pres" in tense and (token.lemma_ in word_list("auxiliary") or "Perf" in token.morph.get("Aspect")):
        return True
    return False


def is_content(token: Token) -> bool:
    """Whether a word is what the word above it is about ("договорились о встрече",
    "условились провести встречу", "подготовка встречи"), not a circumstance ("во время встречи", "после
    переговоров")."""
    if token.dep_ in ("obj", "xcomp", "iobj") or (token.dep_ in ("acl", "nmod") and "Inf" in token.morph.get("VerbForm")):
        return True  # "приглашение посетить", "в планах встретиться"
    marks = {c.lemma_ for c in token.children if c.dep_ in ("case", "fixed")}
    if token.dep_ == "nmod" and not marks and token.head.pos_ == "NOUN":
        return True  # a noun's genitive complement: "подготовка встречи", "продолжение переговоров"
    return token.dep_ in ("obl", "nmod") and bool(marks) and marks <= word_list("about_mark") | word_list("prepared_mark")


def imperfective_present(token: Token) -> bool:
    return "Imp" in token.morph.get("Aspect") and "Pres" in token.morph.get("Tense")


def misplaced_participles(anchor: Token) -> list[Token]:
    """Participles the parser hung elsewhere whose nearest agreeing noun is the trigger:
    "встречи глав ведомств двух стран, состоявшейся 18 октября" (the genitive feminine
    singular agrees with "встречи" only), "запланированное к проведению в середине
    октября очередное заседание" (a nominative participle before its noun)."""
    found = []
    for word in anchor.sent:
        if word.head == anchor or "Part" not in word.morph.get("VerbForm") or word.pos_ != "VERB":
            continue
        if word.i > anchor.i and word.dep_ == "acl":
            nouns = [t for t in anchor.doc[anchor.i : word.i] if t.pos_ in ("NOUN", "PROPN")]
            antecedent = next((t for t in reversed(nouns) if can_agree(word, t)), None)
        elif word.i < anchor.i and "Nom" in word.morph.get("Case"):  # "запланированное к проведению в октябре ... заседание"
            nouns = [t for t in anchor.doc[word.i + 1 : anchor.i + 1] if t.pos_ in ("NOUN", "PROPN")]
            antecedent = next((t for t in nouns if can_agree(word, t)), None)
        else:
            continue
        if antecedent == anchor:
            found.append(word)
    return found


def path_to(token: Token, top: Token | None) -> list[Token]:
    """The token and the words above it up to ``top`` (or up to 4 steps)."""
    path = [token]
    node = token
    while node.head != node and node != top and len(path) < 5:
        node = node.head
        path.append(node)
        if top is None and node.pos_ in PREDICATE_POS:
            break
    return path


def speaker(verb: Token) -> list[Token]:
    """The subject of the speech verb whose reported clause holds the verb ("представители
    США заявили, что Украине предлагают гарантии")."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head != node:
        node = node.head
    if node.dep_ == "ccomp" and node.head.lemma_ in word_list("speech"):
        return subjects(node.head)
    return []


def own_clause(trigger: Token) -> list[Token]:
    """The words of the trigger's own clause: the subtree of its clause's head without
    the clauses hung on it (relative, adverbial, reported, coordinated), in which a word
    speaks of something else ("Встреча министров прошла в Москве, а суд отложил
    заседание": the court is not the meeting's)."""
    top = clause_path(trigger)[-1]
    out = []
    stack = [top]
    while stack:
        node = stack.pop()
        out.append(node)
        stack += [t for t in node.children if t.dep_ not in CLAUSE_BOUNDARY or trigger in t.subtree]
    return sorted(out, key=lambda t: t.i)
