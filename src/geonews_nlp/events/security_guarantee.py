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

from .arguments import (
    bare_case,
    path_to,
    resolve_all,
    speaker,
    subjects,
    with_preposition,
)
from .base import Candidate, EventType, Roles
from .context import ArticleContext
from .lexicon import word_list

#: predicates whose subject receives or asks for the guarantee rather than gives it
RECEIVING = {"получить", "получать", "требовать", "потребовать", "просить", "попросить", "добиваться", "добиться", "застраховаться"}
#: rules that need security words elsewhere in the sentence to be about security
CONTEXTUAL = {("гарантия",), ("обязательство",), ("обещание",)}


def accept(c: Candidate, ctx: ArticleContext) -> bool:
    lemmas = tuple(lemma for lemma, _ in c.rule.pattern)
    if lemmas in CONTEXTUAL:
        context = c.sentence_lemmas()
        if context & word_list("security_context"):
            return True
        # one state's guarantees to another ("гарантии США Тайваню"), money aside
        roles = {role for role, value in arguments(c, ctx) if ctx.is_state(value)}
        return roles == {"guarantor", "beneficiary"} and not context & word_list("financial")
    return True


def arguments(c: Candidate, ctx: ArticleContext) -> Roles:
    anchor, verb = c.anchor, c.arg_verb
    guarantors = [t for t in bare_case(anchor, "Gen", ("nmod",)) if t.lemma_ != "безопасность"]
    # whose security: "гарантии безопасности Сербии"
    protected = [t for w in c.span if w.lemma_ in ("безопасность", "защита") for t in bare_case(w, "Gen", ("nmod",))]
    guarantors += [t for w in c.span for t in with_preposition(w, {"от"}, None)]
    if c.rule.mode == "treaty":
        guarantors += with_preposition(anchor, {"с", "со"}, "Ins")
    beneficiaries = protected + [
        t for node in [*c.span, *path_to(anchor, verb)] for t in with_preposition(node, {"для"}, None)
    ]
    beneficiaries += bare_case(anchor, "Dat", ("nmod", "iobj"))  # "гарантии США Тайваню"
    if verb is not None:
        if verb.lemma_ in RECEIVING or anchor.lemma_ in RECEIVING:
            beneficiaries += subjects(verb)
            guarantors += with_preposition(verb, {"от", "у"}, None)
        elif verb != anchor or anchor.pos_ == "VERB":
            # an impersonal offer reported by its givers: "США заявили, что Украине предлагают"
            guarantors += subjects(verb) or speaker(verb)
        beneficiaries += bare_case(verb, "Dat", ("iobj", "obl"))
        beneficiaries += with_preposition(verb, {"для"}, "Gen")
    roles: Roles = [("guarantor", v) for v in resolve_all(guarantors, ctx)]
    roles += [("beneficiary", v) for v in resolve_all(beneficiaries, ctx)]
    return roles


def attributes(c: Candidate, ctx: ArticleContext) -> dict[str, str]:
    out = {"mode": c.rule.mode}
    for token in c.sentence:
        if token.lemma_ in word_list("condition_noun") and any(ch.lemma_ == "в" for ch in token.children):
            words = list(token.subtree)
            out["condition"] = c.span.doc[words[0].i : words[-1].i + 1].text[:200]
            break
    return out


SECURITY_GUARANTEE = EventType(
    "security_guarantee", ("guarantor", "beneficiary"), accept, arguments, attributes, one_role_each=True
)
