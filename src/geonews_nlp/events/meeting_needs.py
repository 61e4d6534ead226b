"""What a meeting match needs in order to count (the "needs" of ``data/meeting.txt``):
a trip goes somewhere and is made by a party, talks have a second party, a host hosts
a party, one takes part in a meeting, a body named by its session is in session."""

from __future__ import annotations

from .base import Candidate
from .context import ArticleContext, Value, office_words
from .lexicon import word_list
from .meeting import slots
from .meeting_words import called, destinations, guests, is_place, meeting_nouns
from .resolve import resolve_all
from .syntax import bare_case, objects, owners, subjects, with_preposition


def destination(c: Candidate, ctx: ArticleContext) -> str | None:
    """A trip goes to a named place or host, to a meeting, to states ("посетит четыре
    страны"), or to an occasion in a named place ("посетить Парад Победы в Москве")."""
    places = destinations(c)
    for token in places:
        if token.lemma_ in meeting_nouns() or token.lemma_ in word_list("state_noun"):
            return f"to {token.text}"
    named = next(resolve_all(places, ctx), None)
    if named is None:
        named = next(resolve_all([t for d in places for t in with_preposition(d, word_list("within_mark"), "Loc")], ctx), None)
    return f"to {named.name}" if named is not None else None


def partner(c: Candidate, ctx: ArticleContext) -> str | None:
    """Talks have a second party: a partner ("обсудили с партнерами"), two parties, or
    the parties in the plural ("стороны", "главы государств", "лидеры России и Китая").
    """
    partners = [t for head in [c.anchor, *objects(c.anchor)] for t in with_preposition(head, word_list("partner_mark"), "Ins")]
    if partners:
        return f"with '{partners[0].text}'"
    subject = subjects(c.arg_verb) if c.arg_verb is not None else []
    if len(list(resolve_all(subject, ctx))) > 1:
        return "two parties"
    plural = [
        t
        for t in subject
        if t.lemma_ in word_list("parties")
        or (t.lemma_ in office_words() and t.morph.get("Number") == ["Plur"] and bare_case(t, "Gen", ("nmod",)))
    ]
    return f"'{plural[0].text}'" if plural else None  # "стороны", "главы государств", "лидеры стран"


def guest(c: Candidate, ctx: ArticleContext) -> str | None:
    """Who is hosted is a party, a person or a delegation: "принял Лаврова", "принимает
    делегацию", "Коул был принят Лукашенко" (the host is the party the rule needs), not
    "принял закон", "принял участие"."""
    if c.anchor.pos_ == "NOUN" and with_preposition(c.anchor, word_list("join_mark"), "Acc"):
        return None  # "прием Черногории в НАТО": an admission, no reception
    for token in guests(c):
        for value in resolve_all([token], ctx):
            if ctx.parties.of_value(value) in ("official", "private"):
                return f"hosts {value.name}"
        if token.lemma_ in word_list("role") or token.lemma_ in word_list("delegation"):
            return f"hosts '{token.text}'"
    return None


def traveller(c: Candidate, ctx: ArticleContext) -> str | None:
    """The one who travels can act officially: the subject of a trip verb, the owner of
    a trip noun ("поездка Мерца"); a trip of a private person ("королеву посетили
    родственники") is no visit. Where the parse gives a trip verb no traveller, a party
    the trip names (not the place it goes to) stands in."""
    anchor = c.anchor
    visited = destinations(c)  # "посещение Санкт-Петербурга": the genitive is the place visited
    travellers = [t for t in owners(anchor) if t not in visited] if anchor.pos_ in ("NOUN", "PROPN") else []
    if c.arg_verb is not None:
        travellers += subjects(c.arg_verb)
    if not travellers and anchor.pos_ == "VERB":
        travellers = [t for role, t in slots(c, ctx) if role == "participant" and not isinstance(t, Value)]
        travellers += [t for t in visited if not any(is_place(v, ctx) for v in resolve_all([t], ctx))]
    for value in resolve_all(travellers, ctx):
        if ctx.parties.of_value(value) == "official":
            return f"{value.name} travels"
    return None


def callee(c: Candidate, ctx: ArticleContext) -> str | None:
    """A call goes to a party that acts officially: the dative ("позвонил Лукашенко") or
    "с" ("созвонился с"); a leader calling a singer to congratulate her is no meeting."""
    found = next((v for v in resolve_all(called(c), ctx) if ctx.parties.of_value(v) == "official"), None)
    return f"to {found.name}" if found is not None else None


def talks_topic(c: Candidate, ctx: ArticleContext) -> str | None:
    """What the parties consider is a topic of talks ("рассмотрели вопросы
    сотрудничества", "были рассмотрены перспективы"), not a petition or a report."""
    topics = [t for t in c.anchor.children if t.dep_ in ("obj", "nsubj:pass", "nsubj")]
    found = next((t for t in topics if t.lemma_ in word_list("talks_topic")), None)
    return f"'{found.text}'" if found is not None else None


def one_talk(c: Candidate, ctx: ArticleContext) -> str | None:
    """A conversation or a discussion is one occasion: in the singular, or in the plural
    with its parties ("разговоры лидеров", "в дискуссиях сторона не участвовала");
    "пока это только разговоры" is talk."""
    anchor = c.anchor
    if "Plur" not in anchor.morph.get("Number"):
        return "one"
    named = owners(anchor) + with_preposition(anchor, word_list("partner_mark") | word_list("between_mark"), None)
    named += subjects(c.arg_verb) if c.arg_verb is not None else []  # "в дискуссиях сторона не участвовала"
    found = next(resolve_all(named, ctx), None)
    return f"of {found.name}" if found is not None else None


def participation(c: Candidate, ctx: ArticleContext) -> str | None:
    """What a party takes part in or attends is a meeting: a meeting noun, a ceremony or a
    reception, a pronoun standing for one ("принимают участие в нем"), or a named forum
    or body ("участие в COP30"); not elections or competitions."""
    heads = [c.anchor, *([c.verb] if c.verb is not None else [])]
    for token in (t for h in heads for t in with_preposition(h, word_list("place_mark"), "Loc")):
        if token.lemma_ in word_list("attended") or token.lemma_ in meeting_nouns():
            return f"in '{token.text}'"
        of_what = [t for t in bare_case(token, "Gen", ("nmod",)) if t.lemma_ in meeting_nouns() or t.lemma_ in word_list("reach")]
        if token.lemma_ in word_list("ceremony") and of_what:
            return f"in '{token.text} {of_what[0].text}'"  # "церемония подписания"
        span = ctx.mention(token)
        if span is not None and span.label_ == "ORG":
            return f"in {span.text}"
    return None


def in_session(c: Candidate, ctx: ArticleContext) -> str | None:
    """A body named by its session is in session: "на Генассамблее", "с трибуны
    Генеральной ассамблеи", not "члены Генеральной ассамблеи проголосовали"."""
    anchor = c.anchor
    named = ctx.mention(anchor)
    head = named.root if named is not None else anchor
    if any(t.dep_ == "case" and t.lemma_ in word_list("session_mark") for t in head.children):
        return f"'на {head.text}'"
    if head.head.lemma_ in word_list("session_frame"):
        return f"'{head.head.text}'"
    return None


CONDITIONS = {"in_session": in_session, "destination": destination, "partner": partner, "traveller": traveller, "guest": guest, "participation": participation, "callee": callee,
              "talks_topic": talks_topic, "one_talk": one_talk}
