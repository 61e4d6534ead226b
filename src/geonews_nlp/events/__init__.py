"""Event extraction: the ordered registry of event types and the spaCy component.

Each event type (``meeting``, ``commitment``, ``security_guarantee``) lives in a module
of its own with its trigger rules (``data/<type>.txt``), its filters and its role
mapping; the shared resolvers find arguments, status, date and source. Every event
carries the id of the rule that made it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..components.tokenizer import sentence_record
from ..errors import PatternError
from ..records import Argument, Decision, Event, Trigger
from ..spacy_ext import register_extensions
from . import commitment, meeting, security_guarantee
from .attribution import sentence_source
from .base import Candidate, EventType
from .commitment import COMMITMENT
from .conditions import Condition, Judge, Verdict
from .context import ArticleContext, Value
from .dates import event_date
from .lexicon import check_conditions
from .meeting import MEETING
from .security_guarantee import SECURITY_GUARANTEE
from .status import status

#: the event types, in the order their events are listed for one trigger position
EXTRACTORS: tuple[EventType, ...] = (MEETING, COMMITMENT, SECURITY_GUARANTEE)

#: how many sentences back an anaphoric source ("Об этом сообщает Reuters") reaches
BACKWARD_SOURCE_SENTENCES = 3


@Language.factory(
    "geonews_events",
    requires=["doc.spans", "doc._.geonews_entities", "token.lemma", "token.pos", "token.dep"],
    assigns=["doc._.geonews_events"],
)
def make_events(nlp: Language, name: str) -> "EventExtractor":
    register_extensions()
    return EventExtractor(nlp)


#: the conditions a rule may need, by name (``party`` and ``official_party`` are the
#: judge's own); rule files are checked against them when the extractor is built
CONDITIONS: dict[str, Condition] = {**meeting.CONDITIONS, **commitment.CONDITIONS, **security_guarantee.CONDITIONS}


class EventExtractor:
    """A spaCy component writing ``doc._.geonews_events`` (``Event`` records)."""

    def __init__(self, nlp: Language, extractors: tuple[EventType, ...] = EXTRACTORS) -> None:
        self.extractors = {e.name: e for e in extractors}
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.rules = {}
        for extractor in extractors:
            check_conditions(extractor.rules, {*CONDITIONS, "party", "official_party"})
            for rule in extractor.rules:
                self.rules[rule.source] = rule
                self.matcher.add(rule.source, [rule.matcher_pattern()])

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("POS"):  # nothing but whitespace and the header
            doc._.geonews_events = ()
            return doc
        ctx = ArticleContext(doc)
        groups: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
        verdicts: dict[Candidate, Verdict] = {}
        for candidate, verdict in self.decisions(doc, ctx):
            if verdict.kept:
                verdicts[candidate] = verdict
                groups[(candidate.rule.type, candidate.sentence.start)].append(candidate)
        sources = sources_by_sentence(doc, ctx)
        text = doc.text
        events = [
            self.event(occasion, verdicts, ctx, sources.get(occasion[0].sentence.start), text)
            for (event_type, _), group in groups.items()
            for occasion in joined(occasions(group, partial(_places, verdicts)), self.extractors[event_type], ctx)
        ]
        doc._.geonews_events = tuple(sorted(events, key=lambda e: (e.trigger.start, e.type)))
        return doc

    def decisions(self, doc: Doc, ctx: ArticleContext | None = None) -> list[tuple[Candidate, Verdict]]:
        """Every trigger match of the Doc with the verdict of its rule's conditions."""
        ctx = ctx or ArticleContext(doc)
        judge = Judge(ctx, CONDITIONS)
        return [(c, judge(c, self.extractors[c.rule.type])) for c in self.candidates(doc)]

    def debug(self, doc: Doc) -> tuple[Decision, ...]:
        """The decisions about every trigger match of a Doc the pipeline has read, as
        public records in text order."""
        if not doc.has_annotation("POS"):
            return ()
        text = doc.text
        out = [
            Decision(
                type=c.rule.type,
                rule=c.rule.id,
                trigger=Trigger(c.span.start_char, c.span.end_char, c.span.text, " ".join(t.lemma_ for t in c.span)),
                sentence=sentence_record(c.sentence, text),
                kept=v.kept,
                reasons=v.reasons,
                dropped_by=v.dropped_by,
                pattern=c.rule.source,
            )
            for c, v in self.decisions(doc)
        ]
        return tuple(sorted(out, key=lambda d: (d.trigger.start, d.type)))

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Trigger matches, the longest per type where matches of one type overlap."""
        by_type: dict[str, list[Span]] = defaultdict(list)
        body_start = doc._.geonews_body_start
        for key, start, end in self.matcher(doc):
            rule = self.rules[doc.vocab.strings[key]]
            span = Span(doc, start, end, label=rule.source)
            if span.start_char >= body_start:
                by_type[rule.type].append(span)
        names = {t.i for span in doc.spans.get("geonews_mentions", []) for t in span}
        out = []
        for spans in by_type.values():
            for span in filter_spans(spans):
                if any(t.i in names for t in span):
                    continue  # part of a name: "Форум стран-экспортеров газа"
                out.append(Candidate(self.rules[span.label_], span, span.sent))
        return out

    def event(
        self,
        group: list[Candidate],
        verdicts: dict[Candidate, Verdict],
        ctx: ArticleContext,
        source: Value | None,
        text: str,
    ) -> Event:
        """One event from the matches of one type in one sentence (``text``: ``doc.text``)."""
        primary = min(group, key=lambda c: (_depth(c.anchor), c.span.start))
        extractor = self.extractors[primary.rule.type]
        arguments: list[Argument] = []
        seen = set()
        attributes: dict[str, str] = {}
        for candidate in [primary, *[c for c in group if c is not primary]]:
            found = verdicts[candidate].found
            for role, value in found.roles if found is not None else ():
                if ctx.parties.of_value(value) == "media":
                    continue  # a source is no party: "CBS: принц приедет ..."
                if role not in extractor.roles:
                    raise PatternError(f"{extractor.name}: rule {candidate.rule.id} gave unknown role {role!r}")
                key = (None if extractor.one_role_each else role, value.entity or value.name)
                if key not in seen:
                    seen.add(key)
                    arguments.append(Argument(role, value.name, value.entity, value.start, value.end, value.actor))
            for name, content in extractor.attributes(candidate, ctx).items():
                attributes.setdefault(name, content)
        state = status(primary.anchor)
        date = next(filter(None, (_date(c, ctx) for c in [primary, *group])), None)
        if date is None and state == "actual" and ctx.date and _reported_as_today(primary):
            date = ctx.date.iso  # known as far as the article date is
        span = primary.span
        return Event(
            type=primary.rule.type,
            trigger=Trigger(span.start_char, span.end_char, span.text, " ".join(t.lemma_ for t in span)),
            status=state,
            date=date,
            arguments=tuple(arguments),
            sentence=sentence_record(primary.sentence, text),
            rule=primary.rule.id,
            source=source.name if source else None,
            attributes=tuple(sorted({**attributes, **_conditions(verdicts[primary]), "pattern": primary.rule.source}.items())),
        )


def _places(verdicts: dict[Candidate, Verdict], c: Candidate) -> set[str]:
    """The places a kept match names."""
    found = verdicts[c].found
    return {v.entity or v.name for role, v in found.roles if role == "location"} if found else set()


def _conditions(verdict: Verdict) -> dict[str, str]:
    """The ``conditions`` attribute: why the rule's needs were met."""
    return {"conditions": "; ".join(verdict.reasons)} if verdict.reasons else {}


def occasions(group: list[Candidate], places: Callable[[Candidate], set[str]] = lambda c: set()) -> list[list[Candidate]]:
    """Split the matches of one type in one sentence into distinct events.

    Each verbal trigger is an occasion of its own ("встретился с семьей и поговорил по
    телефону с женой": two), and so is a nominal one whose predicate is coordinated
    with another occasion's ("посетит саммит во Франции, проведет встречу с
    Медведевым"); a relative or adverbial clause on another occasion's words stays
    with it ("посетит Великобританию, где встретится с Кэмероном": one visit). Other
    nominal triggers join the occasion of their predicate, or else the first one. A
    trip that goes elsewhere than the occasion it would join is an occasion of its own
    ("прибыл в Ирландию, откуда началось его турне по Европе": two); ``places`` gives
    the places of a match.
    """
    group = sorted(group, key=lambda c: c.span.start)
    events: list[list[Candidate]] = []

    def elsewhere(c: Candidate, event: list[Candidate]) -> bool:
        mine = places(c) if c.rule.mode == "visit" else set()
        theirs = set().union(*(places(e) for e in event))
        return bool(mine and theirs) and not mine & theirs

    def host_of(c: Candidate) -> list[Candidate] | None:
        clause = _clause_head(c.verb if c.verb is not None else c.anchor)
        for event in events:
            if clause.dep_ in ("acl:relcl", "advcl") and any(_inside(clause.head, _top(e)) for e in event):
                return None if elsewhere(c, event) else event
        return None

    for c in [c for c in group if _is_clause_trigger(c)]:
        host = host_of(c)
        if host is not None:
            host.append(c)
        else:
            events.append([c])
    for c in [c for c in group if not _is_clause_trigger(c)]:
        host = next((e for e in events if any(c.verb is not None and c.verb == e_.anchor for e_ in e)), None)
        if host is None and c.verb is not None and events and _coordinated_with(c.verb, events) and _names_a_party(c):
            host = host_of(c)
            if host is None:
                events.append([c])
                continue
        host = host or next((e for e in events if any(_inside(c.anchor, v.anchor) for v in e)), None)
        host = host or (events[0] if events and not _other_owner(c, events[0]) else None)
        if host is not None and elsewhere(c, host):
            host = None
        if host is None:
            events.append([c])
        else:
            host.append(c)
    return events


def joined(events: list[list[Candidate]], extractor: EventType, ctx: ArticleContext) -> list[list[Candidate]]:
    """Occasions after a heading joined to the text it heads, and after the event type's
    own judgement of which take in which."""
    events = _headed(events)
    if extractor.joins is None:
        return events
    out: list[list[Candidate]] = []
    for event in events:
        host = next((e for e in out if extractor.joins(e[0], event[0], ctx)), None)
        if host is None:
            out.append(event)
        else:
            host.extend(event)
    return out


def _headed(events: list[list[Candidate]]) -> list[list[Candidate]]:
    """A heading the sentence splitter glued to the sentence after it tells what that
    sentence tells: its occasions join the first occasion of the next line ("Принц
    приедет в Вашингтон\nНаследный принц ... прилетит ..." is one visit)."""
    headings = [e for e in events if _on_heading(e[0])]
    out = [e for e in events if not _on_heading(e[0])]
    if not headings or not out:
        return events
    for event in headings:
        out[0].extend(event)
    return out


def _on_heading(c: Candidate) -> bool:
    """Whether a trigger stands on a heading line of its sentence: a line ended by a
    break, not by sentence punctuation."""
    for token in c.sentence.doc[c.span.end : c.sentence.end]:
        if token.is_space and "\n" in token.text:
            return token.doc[token.i - 1].text not in ".!?…"
    return False


def _top(c: Candidate):
    return c.verb if c.verb is not None else c.anchor


def _coordinated_with(verb, events: list[list[Candidate]]) -> bool:
    """Whether a predicate is coordinated with one of the occasions' predicates."""
    tops = {_top(c).i for event in events for c in event}
    return verb.i not in tops and any(t.i in tops for t in [*verb.conjuncts])


def _clause_head(token):
    """The predicate heading a coordination and the infinitives under it: "собирается
    выступить и встретится" -> "собирается"."""
    while token.dep_ in ("conj", "xcomp") and token.head != token and token.head.pos_ in ("VERB", "AUX", "ADJ"):
        token = token.head
    return token


def _owner(c: Candidate) -> str | None:
    """The bare genitive a nominal trigger belongs to: "гарантии коалиции"."""
    owners = [t for t in c.anchor.children if t.dep_ == "nmod" and t.morph.get("Case") == ["Gen"]]
    owners = [t for t in owners if t not in c.span and not any(g.dep_ == "case" for g in t.children)]
    return owners[0].lemma_ if owners and c.anchor.pos_ == "NOUN" else None


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
    anchor = c.anchor
    return anchor.pos_ == "VERB" and anchor.dep_ not in ("amod", "acl") and "Part" not in anchor.morph.get("VerbForm")


def _inside(token, ancestor) -> bool:
    return token == ancestor or ancestor in token.ancestors


def _reported_as_today(c: Candidate) -> bool:
    """The trigger is, or directly depends on, a present-tense predicate ("находится с
    визитом"): what it reports happens on the article's day."""
    verb = c.verb
    if verb is None or "Pres" not in verb.morph.get("Tense") or "Perf" in verb.morph.get("Aspect"):
        return False
    return c.anchor == verb or c.anchor.head == verb


def _date(c: Candidate, ctx: ArticleContext) -> str | None:
    """The date one trigger of an occasion states ("в телефонном разговоре 20 апреля")."""
    tense = "past" if c.verb is not None and "Past" in c.verb.morph.get("Tense") else "other"
    return event_date(c.anchor, c.verb, c.sentence, ctx.date, tense)


def explain(event: Event) -> str:
    """Why an event exists: its rule, the data line of the matched pattern, its trigger,
    the conditions of the rule it met, and what the resolvers found."""
    attributes = dict(event.attributes)
    lines = [
        f"{event.type} by rule {event.rule} (pattern {attributes.pop('pattern', '?')})",
        f"  trigger {event.trigger.text!r} (lemma {event.trigger.lemma}) at {event.trigger.start}-{event.trigger.end}",
    ]
    conditions = attributes.pop("conditions", "")
    lines += [f"  kept: {reason}" for reason in conditions.split("; ") if reason]
    lines += [f"  status {event.status}, date {event.date}, source {event.source}"]
    lines += [f"  {a.role}: {a.name} ({a.entity or 'no entity'}) at {a.start}-{a.end}" for a in event.arguments]
    lines += [f"  {name}: {value}" for name, value in attributes.items()]
    return "\n".join(lines)


def sources_by_sentence(doc: Doc, ctx: ArticleContext) -> dict[int, Value]:
    """The source of each sentence; "Об этом сообщает X" also covers the sentences before."""
    sents = list(doc.sents)
    out: dict[int, Value] = {}
    for k, sent in enumerate(sents):
        value, backward = sentence_source(sent, ctx)
        if value is None:
            continue
        out[sent.start] = value
        if backward:
            for earlier in sents[max(0, k - BACKWARD_SOURCE_SENTENCES) : k]:
                out.setdefault(earlier.start, value)
    return out


def _depth(token) -> int:
    depth = 0
    while token.head != token and depth < 50:
        token = token.head
        depth += 1
    return depth


__all__ = ["EXTRACTORS", "EventExtractor", "explain", "make_events"]
