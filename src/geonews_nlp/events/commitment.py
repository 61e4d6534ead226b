"""Commitments: a party promises, pledges, agrees, signs or ratifies.

Agents are the subjects of the trigger's predicate, the instrumental agent of a passive
("подписан Медведевым"), the partners of a mutual agreement ("договорились с Киевом"),
and the genitive of a nominal trigger ("обязательства США"). Recipients are the dative
("пообещал Украине") and "для"/"перед" phrases. The content of the commitment is kept as
an attribute.
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import Candidate, EventType, Found, Slots, fill, still_wanted
from .context import ArticleContext, Value
from .lexicon import word_list
from .offices import adjective_values
from .resolve import resolve_all
from .status import UNDERTAKINGS
from .syntax import (
    agents_of_passive,
    bare_case,
    objects,
    owners,
    subjects,
    with_preposition,
)

#: modes where every party named with "с" is an agent of one mutual agreement ("продлить
#: контракт с ФПК": both sides extend it)
MUTUAL = {"agreement", "signing", "suspension", "extension"}


def joined_to(c: Candidate) -> list:
    """The body or text a party joins: "в" + accusative, "к" + dative."""
    return [t for t in c.anchor.children if t.dep_ in ("obl", "nmod", "iobj") and t.morph.get("Case") in (["Acc"], ["Dat"])
            and any(m.dep_ == "case" and m.lemma_ in word_list("join_mark") for m in t.children)]




def contents(c: Candidate) -> list:
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


def content_word(c: Candidate, words: frozenset[str]) -> tuple[Token, bool] | None:
    """The first word of ``words`` among what is committed, the nouns and numbers it
    governs, and what it is given for ("направит на помощь ... миллиардов долларов");
    for a verb the parse left without an object, the first such noun after it in its
    clause ("подписали первый в истории ... Меморандум"), marked True."""
    purposes = with_preposition(c.anchor, word_list("place_mark"), "Acc") if c.anchor.pos_ == "VERB" else []
    for token in contents(c) + purposes:
        for word in [token, *(t for t in token.children if t.dep_ in ("nmod", "nummod"))]:
            if word.lemma_ in words:
                return word, False
            if word.lemma_ in word_list("regime") and any(t.lemma_ in word_list("ceasefire") for t in word.children):
                return word, False  # "продлили режим тишины": an agreed ceasefire
    if c.anchor.pos_ == "VERB" and not objects(c.anchor):
        for word in c.anchor.doc[c.anchor.i + 1 : c.sentence.end]:
            if word.pos_ in ("VERB", "AUX") or word.text in ".;:!?":
                break
            if word.lemma_ in words and word.pos_ in ("NOUN", "PROPN"):
                return word, True
    return None


def slots(c: Candidate, ctx: ArticleContext) -> Slots:
    """Agents are the subjects, the passive's agent, the genitive owner and the parties
    "между" and "с" of a mutual agreement; recipients the dative, "перед" and "для", none
    of them an agent (resolved here, since that compares values)."""
    anchor, verb = c.anchor, c.arg_verb
    agents, recipients = [], []
    expected = verb is not None and verb != anchor and verb.lemma_ in word_list("receiving")
    if expected:  # "ожидает от стран альянса решений по поставкам": who waits gets, who is asked gives
        recipients += subjects(verb)
        agents += with_preposition(verb, word_list("giver_mark"), "Gen")
    elif verb is not None:
        agents += [s for s in subjects(verb) if s.dep_ != "nsubj:pass" or verb.lemma_ not in word_list("passive_agreement_verb")]
        agents += agents_of_passive(verb)
    if anchor.pos_ in ("NOUN", "PROPN"):
        # the genitive owns the commitment, unless it is what is agreed or delivered ("поставки ПВО")
        agents += [t for t in owners(anchor) if t.lemma_ not in word_list("agreement_object") | word_list("aid_object")]
    agents += with_preposition(anchor, word_list("between_mark"), None)  # "договоренность между Баку и Ереваном"
    committed = contents(c)
    committed += [t for obj in committed for t in obj.children if t.dep_ == "nmod"]  # "договор о партнерстве между ..."
    partners = [t for obj in committed for t in with_preposition(obj, word_list("partner_mark") | word_list("between_mark"), None)]
    if c.rule.mode == "extension" and not any(resolve_all(agents, ctx)):
        agents, partners = agents + partners, []  # "договор между Россией и Китаем продлен": its parties
    if c.rule.mode in MUTUAL:
        agents += with_preposition(anchor, word_list("partner_mark"), "Ins")
        agents += partners  # "подписание соглашения с ЕС"
    for head in [*c.span, *([verb] if verb is not None else [])]:
        agents += [t for t in with_preposition(head, word_list("partner_mark"), "Gen") if t.lemma_ in word_list("side")]
    for head in [*c.span, *objects(anchor), *([verb] if verb is not None else [])]:
        behalf = [t for t in with_preposition(head, word_list("giver_mark"), "Gen") if t.lemma_ in word_list("behalf")]
        agents += [g for t in behalf for g in bare_case(t, "Gen", ("nmod",))]  # "подписать от имени Москвы"
    recipients += [t for head in c.span for t in bare_case(head, "Dat", ("iobj", "obl", "nmod"))]
    recipients += [t for head in c.span if head.lemma_ in word_list("invitation") for t in owners(head)]  # the host who invited
    for content in with_preposition(anchor, word_list("about_mark"), "Loc") + objects(anchor):
        recipients += bare_case(content, "Dat", ("iobj", "obl", "nmod"))  # "договоренность о поставке Киеву"
    if c.rule.mode == "pledge":  # "направит на Кубу помощь": where the aid goes; "на помощь сектору Газа"
        purposes = with_preposition(anchor, word_list("place_mark"), "Acc")
        recipients += [t for t in purposes if t.pos_ == "PROPN"]
        recipients += [t for p in purposes for t in bare_case(p, "Dat", ("iobj", "nmod"))]
    recipients += with_preposition(anchor, word_list("owed_mark"), "Ins")
    for node in [anchor, *(t for obj in objects(anchor) for t in obj.subtree)]:
        recipients += with_preposition(node, word_list("benefit_mark"), "Gen")  # "согласовать взносы ... для Украины"
    if verb is not None and verb != anchor:
        recipients += bare_case(verb, "Dat", ("iobj", "obl"))
    for head in [anchor, *([verb] if verb is not None else [])]:  # "обязалась предоставить Эстонии"
        for inf in head.children:
            if inf.dep_ in ("xcomp", "acl", "ccomp", "nmod") and "Inf" in inf.morph.get("VerbForm"):
                recipients += bare_case(inf, "Dat", ("iobj", "obl"))
    if c.rule.mode not in MUTUAL:
        recipients += partners  # the other party of a ratified treaty
    if c.rule.mode == "accession":  # the bloc or coalition joined
        recipients += joined_to(c)
    found = fill([("agent", t) for t in agents], ctx)
    roles: Slots = [*found.roles, *found.unnamed]
    if anchor.pos_ in ("NOUN", "PROPN"):
        roles += [("agent", v) for v in adjective_values(anchor, ctx)]
    named = [v for _, v in roles if isinstance(v, Value)]
    agent_ids = {v.entity or v.name for v in named} | {v.actor for v in named if v.actor}
    given = fill([("recipient", t) for t in recipients], ctx)
    roles += [  # no party is its own recipient: "Сенат США ратифицировал договор между Москвой и Вашингтоном"
        (role, v) for role, v in given.roles if not {v.entity or v.name, v.actor} & agent_ids
    ]
    return roles + given.unnamed


def attributes(c: Candidate, ctx: ArticleContext) -> dict[str, str]:
    out = {"mode": c.rule.mode}
    committed = word_list("agreement_object") | word_list("aid_object")
    found = (c.anchor, False) if c.anchor.lemma_ in committed else content_word(c, committed)
    if found is not None:  # what kind of thing is committed: the occasion of one differs from another's
        out["object"] = found[0].lemma_
    named = [t for t in contents(c) if t.pos_ in ("NOUN", "PROPN", "VERB")]
    if named:
        head = named[0]
        words = [t for t in head.subtree]
        out["content"] = c.span.doc[words[0].i : words[-1].i + 1].text[:200]
    return out


def wants(c: Candidate, found: Found) -> frozenset[str]:
    """What the argument search still looks for: agents while none is found, or while a
    mutual agreement has one side ("будет подписано соглашение с Гудаутским районом":
    the other signer is named around it); a recipient while none is found."""
    return still_wanted(found, "agent", "recipient", c.rule.mode in MUTUAL)


COMMITMENT = EventType(
    "commitment",
    ("agent", "recipient"),
    slots,
    attributes,
    party_roles=frozenset({"agent", "recipient"}),
    party_kinds=frozenset({"official", "organization"}),  # companies sign agreements with regions
    one_role_each=True,
    status_rules=UNDERTAKINGS,
    wants=wants,
    modes=frozenset({
        "accession", "agreement", "approval", "extension", "obligation", "pledge", "promise", "ratification", "signing",
        "suspension",
    }),
)
