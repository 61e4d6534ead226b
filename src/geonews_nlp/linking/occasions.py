"""Occasions within one article, and the Occasion record made of its mentions.

Records join the occasion of their article they agree with most (``signature.agree``:
same type, a shared party, nothing contradicting), or open a new one; a record that
names no party joins the article's main occasion of its type (see ``groups``). Occasion
ids of an article are ``O1``, ``O2``, ... in text order; ``link`` gives them ids across
articles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..records import STATUSES, Article, Event, Occasion, OccasionMention, Party
from .signature import Signature, agree, same_surname, signature, surname, type_rules

#: the surest status first: what happened wins over what was planned, and so on
STATUS_ORDER = {status: rank for rank, status in enumerate(STATUSES)}


def with_occasions(article: Article) -> Article:
    """The article with ``occasion`` on every event and its ``occasions``."""
    members_of = [members for _, members in groups(article)]
    prefix = f"{article.id}:" if article.id is not None else ""  # ids of different articles never meet
    ids = {k: f"{prefix}O{n}" for n, members in enumerate(members_of, 1) for k in members}
    events = tuple(dataclasses.replace(e, occasion=ids[k]) for k, e in enumerate(article.events))
    marked = dataclasses.replace(article, events=events)
    occasions = tuple(occasion(f"{prefix}O{n}", marked, members) for n, members in enumerate(members_of, 1))
    return dataclasses.replace(marked, occasions=occasions)


def groups(article: Article) -> list[tuple[Signature, list[int]]]:
    """The article's events (by index) grouped by occasion, in text order, each group
    with what its records say of the occasion together.

    Records that name a party join the occasion they share most parties with; then a
    record that names none joins the article's main occasion of its type (one named by
    the same word, else the one told most often) that nothing it says contradicts:
    "переговоры" in an article on the talks of two named leaders are those talks.
    Records without a party and without such an occasion make occasions among
    themselves."""
    groups: list[tuple[Signature, list[int]]] = []
    signatures = [signature(event, article) for event in article.events]
    for named in (True, False):
        for k, mine in enumerate(signatures):
            if bool(mine.parties) != named:
                continue
            fits = [n for n, (theirs, _) in enumerate(groups) if agree(theirs, mine, party=named)]
            if named:
                best = max(fits, key=lambda n: (len(groups[n][0].parties & mine.parties), -n), default=None)
            else:  # the occasion named by the same word, else the one told most often
                lemma = article.events[k].trigger.lemma
                best = max(
                    fits,
                    key=lambda n: (
                        bool(groups[n][0].parties),
                        any(article.events[m].trigger.lemma == lemma for m in groups[n][1]),
                        len(groups[n][1]),
                        -n,
                    ),
                    default=None,
                )
            if best is None:
                groups.append((mine, [k]))
            else:
                theirs, members = groups[best]
                groups[best] = (theirs.merged(mine), [*members, k])
    return sorted(((mine, sorted(members)) for mine, members in groups), key=lambda group: group[1][0])


def occasion(occasion_id: str, article: Article, members: Iterable[int]) -> Occasion:
    """The Occasion record of some events of an article."""
    events = [(k, article.events[k]) for k in members]
    mentions = tuple(OccasionMention(article.id, k, article.date, e.status, e.source) for k, e in events)
    return combine(occasion_id, [_single(e, mentions[n]) for n, (_, e) in enumerate(events)])


def combine(occasion_id: str, parts: list[Occasion]) -> Occasion:
    """One occasion of several accounts of it: parties and mentions united, the most
    specific date, the surest status, the first place stated."""
    parties: list[Party] = []
    for part in parts:
        for party in part.parties:
            if not any(_same_party(party, known) for known in parties):
                parties.append(party)
    return Occasion(
        occasion_id,
        parts[0].type,
        min((p.status for p in parts), key=STATUS_ORDER.__getitem__),
        max((p.date for p in parts if p.date), key=len, default=None),
        next((p.place for p in parts if p.place), None),
        tuple(parties),
        tuple(m for p in parts for m in p.mentions),
    )


def _same_party(a: Party, b: Party) -> bool:
    """Whether two parties are one: the same role, code and (last) name, "Владимира
    Путина" being "Владимир Путин"; "Нарендра Моди" is not "Индия"."""
    return a.role == b.role and a.actor == b.actor and same_surname(surname(a.name), surname(b.name))


def _single(event: Event, mention: OccasionMention) -> Occasion:
    """The occasion one record tells of, as far as it tells."""
    rule = type_rules()[event.type]
    parties = tuple(Party(a.role, a.name, a.actor) for a in event.arguments if a.role in rule.party_roles)
    place = next((Party(a.role, a.name, a.actor) for a in event.arguments if a.role in rule.place_roles), None)
    return Occasion("", event.type, event.status, event.date, place, parties, (mention,))
