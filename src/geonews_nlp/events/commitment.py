"""Commitments: a party promises, pledges, agrees, signs or ratifies.

Agents are the subjects of the trigger's predicate, the instrumental agent of a passive
("подписан Медведевым"), the partners of a mutual agreement ("договорились с Киевом"),
and the genitive of a nominal trigger ("обязательства США"). Recipients are the dative
("пообещал Украине") and "для"/"перед" phrases. The content of the commitment is kept as
an attribute.
"""

from __future__ import annotations

from .arguments import (
    adjective_values,
    agents_of_passive,
    bare_case,
    objects,
    resolve_all,
    subjects,
    with_preposition,
)
from .base import Candidate, EventType, Roles
from .context import ArticleContext
from .lexicon import word_list

#: modes where every party named with "с" is an agent of one mutual agreement
MUTUAL = {"agreement", "signing"}


def accept(c: Candidate, ctx: ArticleContext) -> bool:
    anchor = c.anchor
    lemma = anchor.lemma_
    lemmas = c.sentence_lemmas()
    if lemma == "обязательство" and lemmas & word_list("financial"):
        return False
    if anchor.pos_ == "NOUN" and any(
        t.lemma_ in word_list("as_a_thing") or (t.dep_ == "case" and t.head.lemma_ == "рамка")
        for t in [*anchor.children, anchor.head]
    ):
        return False
    if lemma == "гарантировать" and (anchor.pos_ != "VERB" or "Part" in anchor.morph.get("VerbForm")):
        return False  # "гарантированное право": a state of things, not a promise
    if lemma in ("согласиться", "соглашаться"):
        # agreeing with an opinion ("не согласился с отставкой") is no commitment
        partners = with_preposition(anchor, {"с", "со"}, "Ins")
        if partners and not any(resolve_all(partners, ctx)):
            return False
    if anchor.pos_ == "VERB" and c.verb is not None:
        # a document or a law is no party: "Конституция гарантирует право"
        said_by = [s for s in c.verb.children if s.dep_ == "nsubj"]
        if said_by and all(s.lemma_ in word_list("document") for s in said_by):
            return False
    if lemma in word_list("needs_agreement"):
        return any(t.lemma_ in word_list("agreement_object") for t in _contents(c))
    if lemma in word_list("needs_aid"):
        return any(t.lemma_ in word_list("aid_object") for t in _contents(c))
    if lemma == "договоренность":
        # reached by someone, or between named parties: else a thing mentioned
        reached = c.verb is not None and c.verb.lemma_ in word_list("reach")
        return reached or bool(arguments(c, ctx))
    return True


def _contents(c: Candidate) -> list:
    """What is committed: the object of the trigger, the genitive of a nominal one, the
    noun a participle describes ("договоре, заключённом в Москве")."""
    anchor = c.anchor
    out = objects(anchor) + bare_case(anchor, "Gen", ("nmod",))
    if c.verb is not None and c.verb != anchor:
        out += objects(c.verb)
    if anchor.dep_ in ("acl", "amod") and "Part" in anchor.morph.get("VerbForm"):
        out.append(anchor.head)
    subject_of_passive = [s for s in anchor.children if s.dep_ == "nsubj:pass"]
    return out + subject_of_passive


def arguments(c: Candidate, ctx: ArticleContext) -> Roles:
    anchor, verb = c.anchor, c.arg_verb
    agents = []
    if verb is not None:
        agents += [s for s in subjects(verb) if s.dep_ != "nsubj:pass" or verb.lemma_ not in ("ратифицировать", "подписать")]
        agents += agents_of_passive(verb)
    if anchor.pos_ in ("NOUN", "PROPN"):
        agents += [t for t in bare_case(anchor, "Gen", ("nmod",)) if t.lemma_ not in word_list("agreement_object")]
    agents += with_preposition(anchor, {"между"}, None)  # "договоренность между Баку и Ереваном"
    partners = [t for obj in _contents(c) for t in with_preposition(obj, {"с", "со", "между"}, None)]
    if c.rule.mode == "extension" and not any(resolve_all(agents, ctx)):
        agents, partners = agents + partners, []  # "договор между Россией и Китаем продлен": its parties
    if c.rule.mode in MUTUAL:
        agents += with_preposition(anchor, {"с", "со"}, "Ins")
        agents += partners  # "подписание соглашения с ЕС"
    for head in [*c.span, *([verb] if verb is not None else [])]:
        agents += [t for t in with_preposition(head, {"с", "со"}, "Gen") if t.lemma_ == "сторона"]
    recipients = [t for head in c.span for t in bare_case(head, "Dat", ("iobj", "obl", "nmod"))]
    recipients += with_preposition(anchor, {"перед"}, "Ins")
    for node in [anchor, *(t for obj in objects(anchor) for t in obj.subtree)]:
        recipients += with_preposition(node, {"для"}, "Gen")  # "согласовать взносы ... для Украины"
    if verb is not None and verb != anchor:
        recipients += bare_case(verb, "Dat", ("iobj", "obl"))
    for head in [anchor, *([verb] if verb is not None else [])]:  # "обязалась предоставить Эстонии"
        for inf in head.children:
            if inf.dep_ in ("xcomp", "acl", "ccomp", "nmod") and "Inf" in inf.morph.get("VerbForm"):
                recipients += bare_case(inf, "Dat", ("iobj", "obl"))
    if c.rule.mode not in MUTUAL:
        recipients += partners  # the other party of a ratified treaty
    roles: Roles = [("agent", v) for v in resolve_all(agents, ctx)]
    if anchor.pos_ in ("NOUN", "PROPN"):
        roles += [("agent", v) for v in adjective_values(anchor, ctx)]
    agent_ids = {v.entity or v.name for _, v in roles} | {v.actor for _, v in roles if v.actor}
    roles += [  # no party is its own recipient: "Сенат США ратифицировал договор между Москвой и Вашингтоном"
        ("recipient", v) for v in resolve_all(recipients, ctx) if not {v.entity or v.name, v.actor} & agent_ids
    ]
    return roles


def attributes(c: Candidate, ctx: ArticleContext) -> dict[str, str]:
    out = {"mode": c.rule.mode}
    contents = [t for t in _contents(c) if t.pos_ in ("NOUN", "PROPN", "VERB")]
    if contents:
        head = contents[0]
        words = [t for t in head.subtree]
        out["content"] = c.span.doc[words[0].i : words[-1].i + 1].text[:200]
    return out


COMMITMENT = EventType("commitment", ("agent", "recipient"), accept, arguments, attributes, one_role_each=True)
