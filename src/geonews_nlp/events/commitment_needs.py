"""What a commitment match needs in order to count (the "needs" of
``data/commitment.txt``): a verb that acts, a party agreed with, what is signed or
pledged, an agreement made or reached, consent given, a decision that binds, help
ahead, a signature put."""

from __future__ import annotations

from .base import Candidate
from .commitment import COMMITMENT, content_word, joined_to
from .context import ArticleContext
from .lexicon import word_list
from .resolve import resolve_all
from .syntax import bare_case, objects, with_preposition


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
    """The first word of ``words`` among what is committed (see ``content_word``)."""
    found = content_word(c, words)
    if found is None:
        return None
    word, after = found
    return f"of '{word.text}'" + (" after it" if after else "")


def joined(c: Candidate, ctx: ArticleContext) -> str | None:
    """What a party joins is a bloc, a coalition or a treaty ("вступила в коалицию",
    "присоединятся к декларации"), or a body of states named by a name."""
    for token in joined_to(c):
        span = ctx.mention(token)
        if token.lemma_ in word_list("joinable") or (span is not None and span.label_ == "ORG"):
            return f"joins '{token.text}'"
    return None


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
    head = c.anchor.head
    if c.anchor.dep_ == "nmod" and head.lemma_ in word_list("reach"):
        return f"'{head.text}'"  # "достижение договоренности"
    made_by = [t for t in c.anchor.children if t.dep_ in ("acl", "amod") and t.lemma_ in word_list("reach")]
    if made_by:
        return f"'{made_by[0].text}'"  # "договоренностей, достигнутых между лидерами"
    if c.verb is not None and c.verb.lemma_ in word_list("exist") and c.anchor.dep_ in ("nsubj", "obj", "obl"):
        return f"'{c.verb.text}'"  # "никакой договоренности не существует", "договоренность есть"
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


def offered(c: Candidate, ctx: ArticleContext) -> str | None:
    """Aid is offered, promised, discussed or decided: a verb of doing so governs it,
    directly or through one noun ("обсуждает варианты помощи", "пообещал помощь")."""
    words = word_list("aid_offer")
    node = c.anchor
    for _ in range(2):
        if node.dep_ not in ("obj", "nmod", "obl", "nsubj:pass") or node.head == node:
            return None
        node = node.head
        if node.lemma_ in words and node.pos_ in ("VERB", "AUX"):
            return f"'{node.text}'"
        if node.lemma_ not in words:
            return None
    return None


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
    "offered": offered,
    "joined": joined,
    "to_bond": to_bond,
    "ahead": ahead,
    "recipient": recipient,
    "put_signature": put_signature,
}
