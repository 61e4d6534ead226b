"""Commitments: a party promises, pledges, agrees, signs or ratifies.

Agents are the subjects of the trigger's predicate, the instrumental agent of a passive
("подписан Медведевым"), the partners of a mutual agreement ("договорились с Киевом"),
and the genitive of a nominal trigger ("обязательства США"). Recipients are the dative
("пообещал Украине") and "для"/"перед" phrases. The content of the commitment is kept as
an attribute.
"""

from __future__ import annotations

from .base import Candidate, EventType, Slots, fill
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

#: modes where every party named with "с" is an agent of one mutual agreement
MUTUAL = {"agreement", "signing", "suspension"}


def finite(c: Candidate, ctx: ArticleContext) -> str | None:
    """A verb that acts, not a participle or a noun of a state of things
    ("гарантированное право")."""
    anchor = c.anchor
    return "a verb" if anchor.pos_ == "VERB" and "Part" not in anchor.morph.get("VerbForm") else None


def named_partner(c: Candidate, ctx: ArticleContext) -> str | None:
    """Who one agrees with is a party, not an opinion ("не согласился с отставкой")."""
    partners = with_preposition(c.anchor, word_list("partner_mark"), "Ins")
    if not partners:
        return "no partner named"
    found = next(resolve_all(partners, ctx), None)
    return f"with {found.name}" if found is not None else None


def actor(c: Candidate, ctx: ArticleContext) -> str | None:
    """A verb's subject is not a document or a law: "Конституция гарантирует право"
    commits no party."""
    if c.anchor.pos_ != "VERB" or c.verb is None:
        return "not a verb"
    said_by = [s for s in c.verb.children if s.dep_ == "nsubj"]
    if said_by and all(s.lemma_ in word_list("document") for s in said_by):
        return None
    return "not a document"


def agreement_object(c: Candidate, ctx: ArticleContext) -> str | None:
    """What is signed, approved, ratified or extended is an agreement, or a quantity or
    a letter of agreements ("ряд соглашений", "письмо о намерениях")."""
    return _content_in(c, word_list("agreement_object"))


def aid_object(c: Candidate, ctx: ArticleContext) -> str | None:
    """What is allocated, delivered or provided is aid, money or arms ("системы ПВО")."""
    return _content_in(c, word_list("aid_object"))


def _content_in(c: Candidate, words: frozenset[str]) -> str | None:
    """The first word of ``words`` among what is committed, the nouns and numbers it
    governs, and what it is given for ("направит на помощь ... миллиардов долларов")."""
    purposes = with_preposition(c.anchor, word_list("place_mark"), "Acc") if c.anchor.pos_ == "VERB" else []
    for token in _contents(c) + purposes:
        for word in [token, *(t for t in token.children if t.dep_ in ("nmod", "nummod"))]:
            if word.lemma_ in words:
                return f"of '{word.text}'"
    return None


def joined(c: Candidate, ctx: ArticleContext) -> str | None:
    """What a party joins is a bloc, a coalition or a treaty ("вступила в коалицию",
    "присоединятся к декларации"), or a body of states named by a name."""
    for token in _joined(c):
        span = ctx.mention(token)
        if token.lemma_ in word_list("joinable") or (span is not None and span.label_ == "ORG"):
            return f"joins '{token.text}'"
    return None


def _joined(c: Candidate) -> list:
    """The body or text a party joins: "в" + accusative, "к" + dative."""
    return [t for t in c.anchor.children if t.dep_ in ("obl", "nmod", "iobj") and t.morph.get("Case") in (["Acc"], ["Dat"])
            and any(m.dep_ == "case" and m.lemma_ in word_list("join_mark") for m in t.children)]


def made(c: Candidate, ctx: ArticleContext) -> str | None:
    """An agreement named by a noun is made or under way: a verb or noun of reaching,
    signing, concluding, discussing or drafting governs it ("заключение соглашения",
    "обсудили детали соглашения"), or a participle of one describes it ("соглашение,
    достигнутое в Женеве"); else it is a thing mentioned ("Соглашение предусматривает")."""
    doers = word_list("reach") | word_list("negotiate")
    anchor = c.anchor
    heads = [anchor.head] if anchor.dep_ in ("obj", "nsubj:pass", "obl", "nmod") else []
    if heads and heads[0].dep_ in ("obj", "nmod") and heads[0].lemma_ not in doers:
        heads.append(heads[0].head)  # "обсудили детали соглашения"
    heads += [t for t in anchor.children if t.dep_ in ("acl", "amod") and "Part" in t.morph.get("VerbForm")]
    found = next((t for t in heads if t.lemma_ in doers), None)
    return f"'{found.text}'" if found is not None else None


def to_do(c: Candidate, ctx: ArticleContext) -> str | None:
    """An infinitive says what is agreed or promised ("о согласии продолжить")."""
    found = next((t for t in c.anchor.children if "Inf" in t.morph.get("VerbForm")), None)
    return f"to '{found.text}'" if found is not None else None


def not_security(c: Candidate, ctx: ArticleContext) -> str | None:
    """Not about security: a guarantee in a security context is a security guarantee."""
    return None if c.sentence_lemmas() & word_list("security_context") else "no security context"


def giving(c: Candidate, ctx: ArticleContext) -> str | None:
    """A verb gives or promises what the trigger names ("предоставила гарантии")."""
    verb = c.anchor.head if c.anchor.dep_ in ("obj", "nsubj:pass") else None
    return f"'{verb.text}'" if verb is not None and verb.lemma_ in word_list("giving") else None


def reached(c: Candidate, ctx: ArticleContext) -> str | None:
    """An agreement named by a noun is reached by someone ("достигли договоренности") or
    made between named parties; else it is a thing mentioned."""
    if c.verb is not None and c.verb.lemma_ in word_list("reach"):
        return f"'{c.verb.text}'"
    found = COMMITMENT.arguments(c, ctx)
    return f"by {found[0][1].name}" if found else None


def consent(c: Candidate, ctx: ArticleContext) -> str | None:
    """Consent is given to something: an infinitive ("о согласии продолжить"), a verb of
    reaching or giving over it ("достигли согласия", "дали согласие"), or "на" + what is
    agreed to ("согласие на членство"); "с согласия Совета" is a permission."""
    anchor = c.anchor
    if any(t.dep_ == "case" and t.lemma_ in word_list("partner_mark") for t in anchor.children):
        return None
    done = to_do(c, ctx)
    if done is not None:
        return done
    if anchor.dep_ in ("obj", "nsubj:pass", "obl") and anchor.head.lemma_ in word_list("reach") | word_list("giving"):
        return f"'{anchor.head.text}'"
    found = with_preposition(anchor, word_list("place_mark"), "Acc")
    return f"to '{found[0].text}'" if found else None


def to_bond(c: Candidate, ctx: ArticleContext) -> str | None:
    """A decision binds its party to another: what it decides to do is a tie with
    another party ("решили укрепить сотрудничество") or is done with one ("решили
    подписать с Китаем")."""
    for verb in (t for t in c.anchor.children if "Inf" in t.morph.get("VerbForm")):
        for obj in objects(verb):
            if obj.lemma_ in word_list("bond"):
                return f"to '{verb.text} {obj.text}'"
        partners = with_preposition(verb, word_list("partner_mark"), "Ins") + bare_case(verb, "Dat", ("iobj", "obl"))
        found = next((v for v in resolve_all(partners, ctx) if ctx.parties.of_value(v) == "official"), None)
        if found is not None:
            return f"to '{verb.text}' with {found.name}"
    return None


def ahead(c: Candidate, ctx: ArticleContext) -> str | None:
    """Help is promised, not told as given: the verb is not in the past ("поможет",
    "готова помочь", not "помогла")."""
    verb = c.anchor
    return None if "Past" in verb.morph.get("Tense") else "not in the past"


def recipient(c: Candidate, ctx: ArticleContext) -> str | None:
    """The help goes to a named party."""
    found = next((v for role, v in COMMITMENT.arguments(c, ctx) if role == "recipient"), None)
    return f"to {found.name}" if found is not None else None


def put_signature(c: Candidate, ctx: ArticleContext) -> str | None:
    """A signature is put to a document ("поставили подписи под соглашением")."""
    head = c.anchor.head
    return f"'{head.text}'" if c.anchor.dep_ in ("obj", "nsubj:pass") and head.lemma_ in word_list("signature_verb") else None


CONDITIONS = {
    "finite": finite,
    "named_partner": named_partner,
    "actor": actor,
    "agreement_object": agreement_object,
    "aid_object": aid_object,
    "reached": reached,
    "made": made,
    "to_do": to_do,
    "not_security": not_security,
    "giving": giving,
    "consent": consent,
    "joined": joined,
    "to_bond": to_bond,
    "ahead": ahead,
    "recipient": recipient,
    "put_signature": put_signature,
}


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
    contents = _contents(c)
    contents += [t for obj in contents for t in obj.children if t.dep_ == "nmod"]  # "договор о партнерстве между ..."
    partners = [t for obj in contents for t in with_preposition(obj, word_list("partner_mark") | word_list("between_mark"), None)]
    if c.rule.mode == "extension" and not any(resolve_all(agents, ctx)):
        agents, partners = agents + partners, []  # "договор между Россией и Китаем продлен": its parties
    if c.rule.mode in MUTUAL:
        agents += with_preposition(anchor, word_list("partner_mark"), "Ins")
        agents += partners  # "подписание соглашения с ЕС"
    for head in [*c.span, *([verb] if verb is not None else [])]:
        agents += [t for t in with_preposition(head, word_list("partner_mark"), "Gen") if t.lemma_ in word_list("side")]
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
        recipients += _joined(c)
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
    contents = [t for t in _contents(c) if t.pos_ in ("NOUN", "PROPN", "VERB")]
    if contents:
        head = contents[0]
        words = [t for t in head.subtree]
        out["content"] = c.span.doc[words[0].i : words[-1].i + 1].text[:200]
    return out


COMMITMENT = EventType(
    "commitment",
    ("agent", "recipient"),
    slots,
    attributes,
    party_roles=frozenset({"agent", "recipient"}),
    party_kinds=frozenset({"official", "organization"}),  # companies sign agreements with regions
    one_role_each=True,
    status_rules=UNDERTAKINGS,
    modes=frozenset({
        "accession", "agreement", "approval", "extension", "obligation", "pledge", "promise", "ratification", "signing",
        "suspension",
    }),
)
