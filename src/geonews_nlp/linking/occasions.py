"""Occasions within one article, and the Occasion record made of its mentions.

Records join an occasion of their article the weighing lets them join
(``decision.decide``: what they share weighed, nothing contradicting), or open a new
one; a record that names no party joins the article's main occasion of its type (see
``groups``). Occasion
ids of an article are ``O1``, ``O2``, ... in text order; ``link`` gives them ids across
articles.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records import STATUSES, Article, Event, Occasion, OccasionMention, Party
from .decision import decide, weigh
from .signature import Signature, same_surname, signatures, surname, type_rules

#: the surest status first: what happened wins over what was planned, and so on
STATUS_ORDER = {status: rank for rank, status in enumerate(STATUSES)}


def with_occasions(article: Article) -> Article:
    """The article with ``occasion`` on every event and its ``occasions``."""
    found = groups(article)
    prefix = f"{article.id}:" if article.id is not None else ""  # ids of different articles never meet
    ids = {k: f"{prefix}O{n}" for n, group in enumerate(found, 1) for k in group.members}
    events = tuple(dataclasses.replace(e, occasion=ids[k]) for k, e in enumerate(article.events))
    marked = dataclasses.replace(article, events=events)
    occasions = tuple(occasion(f"{prefix}O{n}", marked, group.members, group.why) for n, group in enumerate(found, 1))
    return dataclasses.replace(marked, occasions=occasions)


@dataclass
class Group:
    """Records of an article told of one occasion: what they say of it together, the
    records (by index) and why each joined it or opened it."""

    told: Signature
    members: list[int]
    why: dict[int, str] = field(default_factory=dict)


def groups(article: Article) -> list[Group]:
    """The article's events (by index) grouped by occasion, in text order.

    A record that names a party joins the first occasion the weighing lets it join
    (``decision.weigh``), those sharing most parties with it first, then in text order,
    as ``Linker`` links across articles; then a record that names none joins the article's main
    occasion of its type (one named by the same word, else the one told most often) that
    nothing it says contradicts: "переговоры" in an article on the talks of two named
    leaders are those talks. Records without a party and without such an occasion make
    occasions among themselves."""
    found: list[Group] = []
    told = signatures(article)
    for named in (True, False):
        for k, mine in enumerate(told):
            if bool(mine.parties) != named:
                continue
            verdicts = [weigh(group.told, mine, "article", threshold=named) for group in found]
            fits = [n for n, (joins, _, _) in enumerate(verdicts) if joins]
            if named:  # the first that joins, in order of the parties shared, then of the text
                best = min(fits, key=lambda n: (-len(found[n].told.parties & mine.parties), n), default=None)
            else:  # the occasion named by the same word, else the one told most often
                lemma = article.events[k].trigger.lemma
                best = max(
                    fits,
                    key=lambda n: (
                        bool(found[n].told.parties),
                        lemma in found[n].told.words,
                        len(found[n].members),
                        -n,
                    ),
                    default=None,
                )
            if best is None:
                found.append(Group(mine, [k], {k: _opened(article, found, verdicts, mine)}))
            else:
                group = found[best]
                verdict = decide(group.told, mine, "article", threshold=named)
                group.told = group.told.merged(mine)
                group.members.append(k)
                group.why[k] = f"joined {article.events[group.members[0]].trigger.text!r}: {verdict or 'names no party'}"
    return sorted(found, key=lambda group: min(group.members))


def _opened(article: Article, found: list[Group], verdicts: list[tuple[bool, bool, int]], mine: Signature) -> str:
    """Why an account opened an occasion: what kept it out of the nearest it was weighed
    against (no veto, the highest score)."""
    if not verdicts:
        return "opened"
    n = max(range(len(verdicts)), key=lambda n: (not verdicts[n][1], verdicts[n][2]))
    nearest = found[n]
    return f"opened; not {article.events[nearest.members[0]].trigger.text!r}: {decide(nearest.told, mine, 'article')}"


def occasion(occasion_id: str, article: Article, members: Iterable[int], why: dict[int, str] | None = None) -> Occasion:
    """The Occasion record of some events of an article, each mention with why it joined."""
    events = [(k, article.events[k]) for k in members]
    why = why or {}
    mentions = tuple(OccasionMention(article.id, k, article.date, e.status, e.source, why.get(k)) for k, e in events)
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
