"""The discourse layer's speakers: who says what a sentence reports, as a side of the
event it tells. A verb in the first person without a subject ("«Мы подписываем пять
документов», — сказал Альбанезе"), a past verb of a quote said before its speech verb
("«Договорились ...», — написал Орлов") and the speaker of talks the sentence gives only
the counterpart of ("По словам Мицотакиса, контакты с турецкой стороной возобновятся")."""

from __future__ import annotations

from spacy.tokens import Token

from .attribution import sentence_source
from .base import Candidate
from .context import ArticleContext, Value
from .lexicon import word_list
from .resolve import discourse, quote_speaker
from .syntax import PREDICATE_POS, SUBJECT, subjects, with_preposition


def speakers(c: Candidate, ctx: ArticleContext) -> list[tuple[str, Token | Value]]:
    """The one whose words the sentence reports, as a side of what it tells: a verb in
    the first person without a subject ("«Мы подписываем пять документов», — сказал
    Альбанезе": Австралия), or the speaker of "по словам" and of the reporting verb
    ("По словам Мицотакиса, контакты с турецкой стороной возобновятся")."""
    verb = c.verb
    out: list[tuple[str, Token | Value]] = []
    if verb is not None and "1" in verb.morph.get("Person") and not any(t.dep_ in SUBJECT for t in verb.children):
        side = _quoted_side(verb, ctx)
        if side is not None:
            out.append(("subject", side))
    elif verb is not None and _unsaid_subject(verb):
        speaker = quote_speaker(verb, ctx)
        if speaker is not None and ctx.parties.of_value(speaker) == "official":
            out.append(("subject", speaker))  # "«Договорились по многим направлениям», — написал Орлов"
    if not _counterpart_only(c):
        return out
    value, _ = sentence_source(c.sentence, ctx)
    if value is not None and ctx.parties.of_value(value) == "official" and not _said_of_others(c, value, ctx):
        out.append(("speaker", discourse(value)))
    return out


def _said_of_others(c: Candidate, speaker: Value, ctx: ArticleContext) -> bool:
    """A plural verb without a subject tells of others than one speaking person ("Шольц
    сказал, что проведут переговоры с Макроном": they will)."""
    verb = c.arg_verb
    entity = ctx.entities.get(speaker.entity or "")
    person = entity is not None and entity.type == "PER"
    return verb is not None and person and verb.morph.get("Number") == ["Plur"] and "Fin" in verb.morph.get("VerbForm")


def _unsaid_subject(verb: Token) -> bool:
    """A past verb of a quote said before its speech verb, with no subject of its own or
    inherited ("«Договорились ...», — написал Орлов"): the speaker's "мы" left out (the
    present and future say their person). A neuter past is impersonal ("было решено")
    and says nothing of a speaker."""
    past = "Past" in verb.morph.get("Tense") and "Fin" in verb.morph.get("VerbForm")
    if verb.pos_ != "VERB" or not past or verb.morph.get("Gender") == ["Neut"] or subjects(verb):
        return False
    if any(t.lemma_ in word_list("speaker_pronoun") | word_list("self_pronoun") for t in verb.children):
        return False  # "Нам предложили договор": they did, to us
    speech = word_list("speech")
    return any(t.lemma_ in speech and t.pos_ in PREDICATE_POS and t.i > verb.i for t in verb.sent)


def _counterpart_only(c: Candidate) -> bool:
    """The trigger names the other side ("контакты с турецкой стороной") and no subject
    of its own: the speaker's side is the one left to name."""
    heads = [c.anchor, *([c.arg_verb] if c.arg_verb is not None else [])]
    if any(t.dep_ in SUBJECT and t != c.anchor for h in heads for t in h.children):
        return False
    return any(with_preposition(h, word_list("partner_mark"), "Ins") for h in heads)


def _quoted_side(verb: Token, ctx: ArticleContext) -> Value | None:
    """Who a first-person verb of a quote stands for: the speaker's state for "мы", the
    speaker for "я"."""
    value, _ = sentence_source(verb.sent, ctx)
    if value is None or ctx.parties.of_value(value) != "official":
        return None
    entity = ctx.entities.get(value.entity or "")
    if "Plur" in verb.morph.get("Number") and entity is not None and entity.type == "PER" and entity.actor:
        return discourse(ctx.state(entity.actor, verb))
    return discourse(value)
