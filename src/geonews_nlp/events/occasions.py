"""Occasions within a sentence: which matches of one type tell one real-world event.

The guide's rule is one record per (type, sentence, distinct event). Each verbal
trigger is an occasion of its own ("встретился с семьей и поговорил по телефону с
женой": two), and so is a nominal one whose predicate is coordinated with another
occasion's ("посетит саммит во Франции, проведет встречу с Медведевым"); a relative or
adverbial clause on another occasion's words stays with it ("посетит Великобританию,
где встретится с Кэмероном": one visit). Other nominal triggers join the occasion of
their predicate, or else the first one, unless what they say sets them apart:

- a trip elsewhere ("прибыл в Ирландию, откуда началось его турне по Европе": two);
- a meeting over before its predicate, or still ahead of it, with a party or place of
  its own ("после переговоров с Путиным ... встретится с Зеленским", "перед саммитом в
  Анкоридже поговорил с Путиным": two);
- the topic of talks or of an agreement ("обсуждал возможность поездки", "договорились
  о скорейшем подписании": the discussed trip, the signing agreed on);
- one of a list of occasions ("встречи на саммите АСЕАН ... и визит Лулы в США");
- another round ("на следующую встречу", "итоги прошедшей сессии");
- an occasion of other parties, or the one around it ("на встрече с Си на полях
  саммита ШОС").

A heading the sentence splitter glued to the text it heads joins the occasion after
it; the event type may join more ("посетит Москву и проведет переговоры с Путиным").
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import Candidate, EventType
from .conditions import Verdict
from .context import ArticleContext
from .lexicon import word_list
from .syntax import ahead, ended, owners, with_preposition

#: modes of triggers whose object or "о"-complement is another occasion, the one talked
#: about or agreed on, not this one
TOPIC_MODES = frozenset({"talks", "agreement", "promise"})


def occasions(
    group: list[Candidate], event_type: EventType, ctx: ArticleContext, verdicts: dict[Candidate, Verdict]
) -> list[list[Candidate]]:
    """The matches of one type in one sentence, split into occasions."""
    return _retold(_joined(_split(group, verdicts), event_type, ctx), event_type, verdicts)


def _retold(events: list[list[Candidate]], event_type: EventType, verdicts: dict[Candidate, Verdict]) -> list[list[Candidate]]:
    """A headline and a lead that razdel reads as one sentence retell one occasion: two
    occasions whose first matches share their trigger word and name the same two or more
    parties are one ("Путин провел переговоры с Токаевым  Президент России Владимир
    Путин провел переговоры с президентом Казахстана ...")."""
    out: list[list[Candidate]] = []
    for event in events:
        mine = _values(verdicts, event[0], event_type.party_roles)
        host = next((e for e in out if e[0].anchor.lemma_ == event[0].anchor.lemma_ and len(mine) > 1
                     and _values(verdicts, e[0], event_type.party_roles) == mine), None)
        if host is None:
            out.append(event)
        else:
            host.extend(event)
    return out


def _values(verdicts: dict[Candidate, Verdict], c: Candidate, roles: frozenset[str] | None = None) -> set[str]:
    """The entities (or names) a kept match found, in the given roles or in all."""
    found = verdicts[c].found
    if found is None:
        return set()
    return {v.entity or v.name for role, v in found.roles if roles is None or role in roles}


def _own_places(verdicts: dict[Candidate, Verdict], c: Candidate) -> set[str]:
    """The places a match names with its own words ("турне по Европе"), not those it
    takes from its predicate ("прибыл в Ирландию, откуда началось турне")."""
    found = verdicts[c].found
    words = list(c.anchor.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return {v.entity or v.name for role, v in found.roles if role == "location" and start <= v.start < end} if found else set()


def _split(group: list[Candidate], verdicts: dict[Candidate, Verdict]) -> list[list[Candidate]]:
    # matches of any type that talk about or agree on other occasions ("условились
    # провести саммит": the summit is not the call in which it was agreed)
    topics = [t for t in verdicts if t.rule.mode in TOPIC_MODES and t.sentence == group[0].sentence and t not in group]
    group = sorted(group, key=lambda c: c.span.start)
    events: list[list[Candidate]] = []
    places = frozenset({"location"})

    def apart(c: Candidate, event: list[Candidate]) -> bool:
        """Whether a nominal match is set apart from an occasion it would join (another
        round is another occasion, but not of the predicate it frames: "на следующей
        встрече лидеры обсудят" is one)."""
        framed = c.anchor.head.lemma_ in word_list("frame")  # "в рамках визита в ЮАР посетил остров"
        mine = _own_places(verdicts, c) if c.rule.mode == "visit" and not framed else set()
        theirs = set().union(*(_values(verdicts, e, places) for e in event))
        if mine and theirs and not mine & theirs:
            return True  # a trip elsewhere
        if _names_a_party(c) and (ended(c.anchor) or ahead(c.anchor) or _listed(c, event)):
            return True
        sidelines = word_list("sidelines")
        framing = any(c.verb is not None and c.verb == e.anchor for e in event)
        if (_another_time(c) and not framing) or any(m.anchor.head.lemma_ in sidelines for m in [c, *event]):
            return True  # "на следующую встречу"; "на полях саммита провел переговоры": two
        if any(_topic_of(c, e) for e in event) or any(_topic_of(c, t) for t in topics):
            return True
        own = _values(verdicts, c, None) - _values(verdicts, c, places)
        named = set().union(*(_values(verdicts, e, None) for e in event))
        return bool(owners(c.anchor)) and bool(own) and not own & named  # other parties' occasion

    def host_of(c: Candidate) -> list[Candidate] | None:
        if c.anchor.dep_ == "xcomp":  # "пообещала выделить помощь": one commitment
            event = next((e for e in events if any(c.anchor.head == e_.anchor for e_ in e)), None)
            if event is not None:
                return event
        clause = _clause_head(c.verb if c.verb is not None else c.anchor)
        for event in events:
            if clause.dep_ in ("acl:relcl", "advcl") and any(_below(clause.head, _top(e)) for e in event):
                return None if apart(c, event) else event
        return None

    for c in [c for c in group if _is_clause_trigger(c)]:
        host = host_of(c)
        if host is not None:
            host.append(c)
        else:
            events.append([c])
    for c in [c for c in group if not _is_clause_trigger(c)]:
        by_verb = next((e for e in events if any(c.verb is not None and c.verb == e_.anchor for e_ in e)), None)
        if by_verb is None and c.verb is not None and events and _coordinated_with(c.verb, events) and _names_a_party(c):
            by_verb = host_of(c)  # a nominal trigger of a clause coordinated with an occasion's is its own
            if by_verb is None:
                events.append([c])
                continue
        first = events[0] if events and not _other_owner(c, events[0]) else None
        # its predicate's occasion; a clause's on another occasion's words ("с визитом в
        # Париже, где проведет ряд встреч"); the nearest above it; the first one
        hosts = (by_verb, host_of(c), _innermost(c, events), first)
        host = next((h for h in hosts if h is not None and not apart(c, h)), None)
        if host is None:
            events.append([c])
        else:
            host.append(c)
    return events


def _innermost(c: Candidate, events: list[list[Candidate]]) -> list[Candidate] | None:
    """The occasion whose trigger is the nearest word above the match ("договорились о
    подписании соглашения": the signing's, not the agreement's)."""
    above = {t.i: depth for depth, t in enumerate(c.anchor.ancestors)}
    hosts = [(min(above[v.anchor.i] for v in e if v.anchor.i in above), k) for k, e in enumerate(events)
             if any(v.anchor.i in above for v in e)]
    return events[min(hosts)[1]] if hosts else None


def _joined(events: list[list[Candidate]], event_type: EventType, ctx: ArticleContext) -> list[list[Candidate]]:
    """Occasions after a heading joined to the text it heads, and after the event type's
    own judgement of which take in which."""
    events = _headed(events)
    if event_type.joins is None:
        return events
    out: list[list[Candidate]] = []
    for event in events:
        host = next((e for e in out if event_type.joins(e[0], event[0], ctx)), None)
        if host is None:
            out.append(event)
        else:
            host.extend(event)
    return out


def _headed(events: list[list[Candidate]]) -> list[list[Candidate]]:
    """A heading the sentence splitter glued to the sentence after it tells what that
    sentence tells: its occasions join the first occasion of the next line ("Принц
    приедет в Вашингтон\\nНаследный принц ... прилетит ..." is one visit)."""
    end = max(c.sentence.end for e in events for c in e) if events else 0
    headings = [e for e in events if _on_heading(e[0], end)]
    out = [e for e in events if not _on_heading(e[0], end)]
    if not headings or not out:
        return events
    for event in headings:
        out[0].extend(event)
    return out


def _on_heading(c: Candidate, end: int) -> bool:
    """Whether a trigger stands on a heading line of its unit (which ends at token
    ``end``): a line ended by a break, not by sentence punctuation."""
    for token in c.sentence.doc[c.span.end : end]:
        if token.is_space and "\n" in token.text:
            return token.doc[token.i - 1].text not in ".!?…"
    return False


def _another_time(c: Candidate) -> bool:
    """The trigger names another round than the one told: "на следующую встречу",
    "прошедшей сессии", "предыдущие переговоры"."""
    words = word_list("future_adjective") | word_list("past_adjective")
    return any(t.dep_ == "amod" and t.lemma_ in words for t in c.anchor.children)


def _listed(c: Candidate, event: list[Candidate]) -> bool:
    """The trigger is one of a list with a trigger of the occasion ("встречи ... и
    визит")."""
    anchors = {e.anchor.i for e in event}
    node = c.anchor
    while node.dep_ == "conj" and node.head != node:
        node = node.head
        if node.i in anchors:
            return True
    return False


def _topic_of(c: Candidate, host: Candidate) -> bool:
    """The trigger is what the host talks about or agrees on: in its object or its
    "о"-complement or what it agrees to do ("обсуждал возможность поездки", "договорились
    о подписании", "условились прилагать усилия для подписания"); the agreement itself
    is what is signed or approved, not another occasion ("одобрила соглашение").
    """
    if host.rule.mode not in TOPIC_MODES or host.anchor == c.anchor:
        return False
    if c.rule.mode in ("extension", "pledge") and host.rule.type == c.rule.type:
        return False  # agreeing on an extension is extending, promising aid pledges it ("пообещали помощь")
    heads = [host.anchor, *([host.verb] if host.verb is not None else [])]
    if c.anchor.lemma_ in word_list("agreement_object") and c.anchor.head in heads:
        return False  # the agreement itself, not one it is about
    topics = [t for h in heads for t in h.children if t.dep_ in ("obj", "xcomp")]
    if host.anchor.pos_ == "NOUN":  # "обсуждение итогов сессии"
        topics += [t for t in host.anchor.children if t.dep_ == "nmod" and t.morph.get("Case") == ["Gen"]]
    topics += [t for h in heads for t in with_preposition(h, word_list("about_mark"), None)]
    return any(_below(c.anchor, t) for t in topics)


def _top(c: Candidate) -> Token:
    return c.verb if c.verb is not None else c.anchor


def _coordinated_with(verb: Token, events: list[list[Candidate]]) -> bool:
    """Whether a predicate is coordinated with one of the occasions' predicates."""
    tops = {_top(c).i for event in events for c in event}
    return verb.i not in tops and any(t.i in tops for t in [*verb.conjuncts])


def _clause_head(token: Token) -> Token:
    """The predicate heading a coordination and the infinitives under it: "собирается
    выступить и встретится" -> "собирается"."""
    while token.dep_ in ("conj", "xcomp") and token.head != token and token.head.pos_ in ("VERB", "AUX", "ADJ"):
        token = token.head
    return token


def _owner(c: Candidate) -> str | None:
    """The bare genitive a nominal trigger belongs to: "гарантии коалиции"."""
    found = [t for t in c.anchor.children if t.dep_ == "nmod" and t.morph.get("Case") == ["Gen"]]
    found = [t for t in found if t not in c.span and not any(g.dep_ == "case" for g in t.children)]
    return found[0].lemma_ if found and c.anchor.pos_ == "NOUN" else None


def _other_owner(c: Candidate, event: list[Candidate]) -> bool:
    """Two nominal triggers owned by different parties are two events: "гарантии
    коалиции помогут закрепить обязательства США"."""
    mine = _owner(c)
    return mine is not None and all(_owner(other) not in (None, mine) for other in event)


def _names_a_party(c: Candidate) -> bool:
    """Whether a nominal trigger names a party of its own ("встреча с Медведевым",
    "российско-китайские переговоры"): a bare "после встречи" is the occasion just told."""
    return any(child.dep_ in ("nmod", "amod", "appos") for child in c.anchor.children)


def _is_clause_trigger(c: Candidate) -> bool:
    """A verb that makes a clause: finite wherever the parse hung it, or any verb but a
    participle on a noun."""
    anchor = c.anchor
    forms = anchor.morph.get("VerbForm")
    return anchor.pos_ == "VERB" and "Part" not in forms and (anchor.dep_ not in ("amod", "acl") or "Fin" in forms)


def _below(token: Token, ancestor: Token) -> bool:
    return token == ancestor or ancestor in token.ancestors
