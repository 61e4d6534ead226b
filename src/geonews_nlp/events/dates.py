"""Dates of events, resolved against the article date.

Finds the date expressions of ``data/dates.txt`` among the words that depend on the
trigger, its predicate or a clause on the trigger ("6 января", "в декабре 2008 года",
"накануне", "вчера", "в понедельник", "на этой неделе", "в прошлом году", "23–24
августа", "переговоры, которые состоятся 3 марта") and turns them into ISO dates. A date
on a reporting verb is not the event's ("12 декабря Трамп объявил, что встретится ..."),
nor a year something began ("впервые с 2018 года"). A weekday or a month without a year
is the nearest one in the direction of the tense.
"""

from __future__ import annotations


from spacy.tokens import Span, Token

from ..text.header import PublicationDate
from .base import Candidate
from .clauses import misplaced_participles
from .lexicon import word_list
from .calendar import NAMING_KINDS, NUMERIC, read, table, year_noun
from .syntax import clause_siblings, predicate



def occasion_date(
    primary: Candidate, others: list[Candidate], article_date: PublicationDate | None, state: str, lead: bool
) -> str | None:
    """The date of an occasion: the first its matches state; else the article's date
    (as far as it is known) for what the sentence reports happening that day: "сегодня",
    a present-tense report ("находится с визитом"), or an actual event told in the
    article's lead (the news of the day: "Фицо встретился с Путиным в Пекине")."""
    stated = False
    for c in [primary, *others]:
        words = date_words(c.anchor, c.verb, c.sentence)
        date = _best_date(words, c.anchor, article_date, tense_of(c.verb))
        if date is not None:
            return date
        stated = stated or bool(words)
    if article_date is None or state not in ("actual", "planned"):
        return None
    if stated:
        return None  # a date the sentence states but the article date cannot place ("вчера" in a June article)
    today = any(table().get(t.lemma_, ("", None)) == ("day_offset", 0) for t in primary.sentence)
    if today or (state == "actual" and (_reported_as_today(primary) or (lead and not _ahead_of_the_news(primary.anchor)))):
        return article_date.iso
    return None


def trigger_date(trigger: Token, article_date: PublicationDate | None) -> str | None:
    """The date the words around one trigger word state: the resolver on its own,
    without an occasion's other matches or the article date as a fallback."""
    verb = predicate(trigger)
    return event_date(trigger, verb, trigger.sent, article_date, tense_of(verb))


def tense_of(verb: Token | None) -> str:
    """The direction a weekday or a month points to: "past", "future" or "other"."""
    if verb is None:
        return "other"
    if verb.lemma_ in word_list("intent"):
        return "future"  # "запланирована на 20 апреля", "намерены подписать в мае"
    tense = verb.morph.get("Tense")
    if "Past" in tense:
        return "past"
    if "Fut" in tense or ("Pres" in tense and "Perf" in verb.morph.get("Aspect")):
        return "future"
    if any(t.dep_ in ("aux", "aux:pass") and t.lemma_ in word_list("auxiliary") and "Past" not in t.morph.get("Tense") for t in verb.children):
        return "future"  # "будет подписан"
    return "other"


def _ahead_of_the_news(anchor: Token) -> bool:
    """An occasion the sentence tells as still ahead ("накануне поездки", "перед
    встречей"): the lead's news is what was done before it."""
    return any(
        c.dep_ == "case" and (c.lemma_ in word_list("before_mark") or table().get(c.lemma_, ("",))[0] == "day_offset")
        for c in anchor.children
    )


def _reported_as_today(c: Candidate) -> bool:
    """The trigger is, or directly depends on, a present-tense imperfective predicate
    ("находится с визитом"): what it reports happens on the article's day."""
    verb = c.verb
    if verb is None or "Pres" not in verb.morph.get("Tense") or "Perf" in verb.morph.get("Aspect"):
        return False
    return c.anchor == verb or c.anchor.head == verb


def event_date(
    anchor: Token, verb: Token | None, sentence: Span, article_date: PublicationDate | None, tense: str
) -> str | None:
    """The event's date from the words that attach to the trigger or its predicate.

    The predicate's date reaches the predicates coordinated with it ("28 февраля
    отрекся ..., простился с кардиналами") and a gerund's head ("пообещав"); a
    participle or a relative clause on the trigger carries its date ("договор,
    подписанный 15 мая", "переговоры, которые состоятся 3 марта"). Of several dates the
    most specific, then the nearest, wins. Against an article date known only to the
    month or the year, what needs the day ("вчера", "в субботу") gives nothing.
    """
    return _best_date(date_words(anchor, verb, sentence), anchor, article_date, tense)


def _best_date(words: list[Token], anchor: Token, article_date: PublicationDate | None, tense: str) -> str | None:
    """Of the dates these words name, the most specific, then the nearest the trigger."""
    found = []
    for token in words:
        value = read(token, article_date, tense)
        if value is not None:
            found.append((-len(value), abs(token.i - anchor.i), value))
    return min(found)[2] if found else None


def date_words(anchor: Token, verb: Token | None, sentence: Span) -> list[Token]:
    """The words of ``data/dates.txt`` and the years that attach to the trigger, its
    predicate, the predicates coordinated with it or a clause on the trigger."""
    targets = {anchor.i}
    for node in (anchor, verb):
        while node is not None:
            targets.add(node.i)
            other = _another_subject(node)  # "переговоры прошли 4 марта, а визит запланирован на июнь"
            if not other:
                targets |= {t.i for t in clause_siblings(node)}
            climbs = (node.dep_ in ("conj", "advcl") and not other) or (node.dep_ == "xcomp" and node.head.lemma_ in word_list("intent"))
            node = node.head if climbs and node.head != node else None  # "22 января ... планирует провести": the plan's day
    targets |= {c.i for c in anchor.children if c.dep_ in ("acl", "amod", "acl:relcl") and c.pos_ == "VERB"}
    if verb is not None and verb.lemma_ in word_list("inclusion"):  # "обязательство вошло в пакет, согласованный в мае"
        targets |= {p.i for o in verb.children if o.dep_ == "obl" for p in o.children if p.dep_ in ("acl", "amod") and p.pos_ == "VERB"}
    targets |= {c.i for c in misplaced_participles(anchor)}
    return [t for t in sentence if _names_a_date(t) and (_attached(t, targets) or _hung_on(t, targets))]


def _another_subject(verb: Token) -> bool:
    """Whether a coordinated predicate and the one it hangs on have subjects of their own:
    two events, each with its own date ("переговоры прошли 4 марта, а ответный визит
    запланирован на июнь"), not one subject's two acts."""
    subject = {t.i for t in verb.children if t.dep_ in ("nsubj", "nsubj:pass")}
    theirs = {t.i for t in verb.head.children if t.dep_ in ("nsubj", "nsubj:pass")}
    return bool(subject) and bool(theirs) and subject != theirs


def _names_a_date(token: Token) -> bool:
    """A calendar word ("декабрь", "вчера", "суббота", "неделя") or a year ("2018 год")."""
    if year_noun(token) or NUMERIC.fullmatch(token.text):
        return True
    return table().get(token.lemma_, ("",))[0] in NAMING_KINDS


def _hung_on(token: Token, targets: set[int]) -> bool:
    """A date word the parser made the head of the predicate ("Послезавтра министры
    проведут", read as "послезавтра" with "проведут" below it)."""
    return token.pos_ == "ADV" and any(c.i in targets and c.dep_ in ("conj", "parataxis") for c in token.children)


def _attached(token: Token, targets: set[int]) -> bool:
    """The token hangs, within three steps and below any other verb, on a target."""
    node = token
    for _ in range(3):
        if node.head == node or node.dep_ == "ROOT":  # a line joined to its sentence
            return False
        node = node.head
        if node.i in targets:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False
