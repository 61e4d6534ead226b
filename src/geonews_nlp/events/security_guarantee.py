"""Security guarantees: a party gives, offers or negotiates defence commitments for
another.

The guarantor is the genitive of the guarantee ("гарантии США"), the source "от" +
genitive, the treaty partner ("договор безопасности с США") or the subject of a giving
verb ("предоставить гарантии"); the beneficiary is "для" + genitive, the dative of the
giving verb ("Украине предлагают гарантии") or the subject of a receiving verb
("Украина получит гарантии"). The condition ("в случае нападения") is kept as an
attribute.
"""

from __future__ import annotations

from .base import Candidate, EventType, Slots
from .clauses import path_to, speaker
from .context import ArticleContext
from .lexicon import word_list
from .status import UNDERTAKINGS
from .syntax import bare_case, owners, subjects, with_preposition


def security_context(c: Candidate, ctx: ArticleContext) -> str | None:
    """A guarantee, obligation or promise is about security: security words in the
    sentence, or one state's guarantees to another ("гарантии США Тайваню")."""
    words = c.sentence_lemmas() & word_list("security_context")
    if words:
        return f"'{min(words)}' in the sentence"
    roles = {role for role, value in SECURITY_GUARANTEE.arguments(c, ctx) if ctx.is_state(value)}
    return "from one state to another" if roles == {"guarantor", "beneficiary"} else None


def attack_condition(c: Candidate, ctx: ArticleContext) -> str | None:
    """What is promised holds in case of an attack: "в случае нападения", "если ...
    нападет"."""
    attack = word_list("attack")
    for token in c.sentence:
        if token.lemma_ in attack and any(
            t.lemma_ in word_list("condition_noun") or t.lemma_ in word_list("conditional_mark")
            for t in [token.head, *token.head.children, *token.children]
        ):
            return f"in case of '{token.text}'"
    return None


def troops(c: Candidate, ctx: ArticleContext) -> str | None:
    """What is sent or stationed is troops or their means ("войска", "своих военных")."""
    words = word_list("troops")
    found = next((t for t in _deployed(c) if t.lemma_ in words), None)
    return f"of '{found.text}'" if found is not None else None


def protective(c: Candidate, ctx: ArticleContext) -> str | None:
    """A deployment defends a party: its purpose or the peace it keeps is in the sentence
    ("для защиты", "после прекращения огня"), or the parties agree on it ("согласились
    направить"); "ввели войска" with neither is no guarantee."""
    words = word_list("protective")
    found = next((t for t in c.sentence if t.lemma_ in words and t not in c.span), None)
    return f"'{found.text}'" if found is not None else None


def _deployed(c: Candidate) -> list:
    """What a deployment sends: its object, or the genitive of its noun."""
    anchor = c.anchor
    return [t for t in anchor.children if t.dep_ in ("obj", "nmod") and not any(m.dep_ == "case" for m in t.children)]


def destinations(c: Candidate) -> list:
    """Where forces go or stand: "в Газу", "на Украину", "на Украине", "на территории
    Азербайджана" (the territory's genitive)."""
    heads = [c.anchor, c.anchor.head]
    places = [t for w in heads for t in with_preposition(w, word_list("place_mark"), None) if t.morph.get("Case") in (["Acc"], ["Loc"])]
    return places + [g for t in places if t.lemma_ in word_list("territory") for g in bare_case(t, "Gen", ("nmod",))]


CONDITIONS = {"security_context": security_context, "attack_condition": attack_condition, "troops": troops, "protective": protective}


def _receiving(c: Candidate) -> bool:
    """The subject receives, asks for or hopes for the guarantee rather than gives it:
    the predicate or a verb it depends on says so ("Украина получит гарантии", "Киев
    рассчитывает подписать с Вашингтоном соглашение о безопасности")."""
    words = word_list("receiving")
    node = c.arg_verb
    chain = [c.anchor]
    while node is not None:
        chain.append(node)
        node = node.head if node.dep_ in ("xcomp", "csubj") and node.head != node else None
    return any(t.lemma_ in words for t in chain)


def slots(c: Candidate, ctx: ArticleContext) -> Slots:
    """Guarantors: the genitive, "от", the treaty partner, the giver; beneficiaries: whose
    security, "для", the dative, the receiver."""
    anchor, verb = c.anchor, c.arg_verb
    guarantors = [t for t in owners(anchor) if t.lemma_ not in word_list("protected_noun")]
    # whose security: "гарантии безопасности Сербии"
    protected = [t for w in c.span if w.lemma_ in word_list("protected_noun") for t in bare_case(w, "Gen", ("nmod",))]
    protected += [g for t in protected if t.lemma_ in word_list("territory") for g in bare_case(t, "Gen", ("nmod",))]
    guarantors += [t for w in c.span for t in with_preposition(w, word_list("giver_mark"), None)]
    if c.rule.mode == "treaty":
        guarantors += with_preposition(anchor, word_list("partner_mark"), "Ins")
    beneficiaries = protected + [
        t for node in [*c.span, *path_to(anchor, verb)] for t in with_preposition(node, word_list("benefit_mark"), None)
    ]
    beneficiaries += bare_case(anchor, "Dat", ("nmod", "iobj"))  # "гарантии США Тайваню"
    if c.rule.mode == "force":  # forces sent to protect a party: "отправка сил на Украину", "на территории Азербайджана"
        beneficiaries += destinations(c)
        beneficiaries += [g for w in c.sentence if w.lemma_ in word_list("protected_noun") for g in owners(w)]  # "для защиты острова"
    if verb is not None:
        if _receiving(c):
            beneficiaries += subjects(verb)
            guarantors += with_preposition(verb, word_list("giver_mark") | word_list("host_mark") | word_list("partner_mark"), None)  # "подписать с Вашингтоном"
        elif verb != anchor or anchor.pos_ == "VERB":
            # an impersonal offer reported by its givers: "США заявили, что Украине предлагают"
            guarantors += subjects(verb) or speaker(verb)
        beneficiaries += bare_case(verb, "Dat", ("iobj", "obl"))
        beneficiaries += with_preposition(verb, word_list("benefit_mark"), "Gen")
    if mutual(c):  # "взаимные гарантии защиты": each party gives and gets them
        guarantors = beneficiaries = guarantors + beneficiaries
    return [("guarantor", t) for t in guarantors] + [("beneficiary", t) for t in beneficiaries]


def mutual(c: Candidate) -> bool:
    """The trigger is mutual: "взаимная оборона", "взаимные гарантии"."""
    return any(t.lemma_ in word_list("mutual") for t in [*c.span, *c.anchor.children])


def attributes(c: Candidate, ctx: ArticleContext) -> dict[str, str]:
    out = {"mode": c.rule.mode}
    for token in c.sentence:
        if token.lemma_ in word_list("condition_noun") and any(ch.lemma_ in word_list("within_mark") for ch in token.children):
            words = list(token.subtree)
            out["condition"] = c.span.doc[words[0].i : words[-1].i + 1].text[:200]
            break
    return out


SECURITY_GUARANTEE = EventType(
    "security_guarantee",
    ("guarantor", "beneficiary"),
    slots,
    attributes,
    party_roles=frozenset({"guarantor", "beneficiary"}),
    one_role_each=True,
    status_rules=UNDERTAKINGS,
    mutual=mutual,
    modes=frozenset({"collective_defence", "force", "guarantee", "pledge", "treaty", "umbrella"}),
)
