"""Event extraction: the ordered registry of event types and the spaCy component.

Each event type (``meeting``, ``commitment``, ``security_guarantee``) lives in a module
of its own with its trigger rules (``data/<type>.txt``), its filters and its role
mapping; the shared resolvers find arguments, status, date and source. Every event
carries the id of the rule that made it.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

import numpy
from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..components.spacy_ext import date_from_context, register_extensions, text_of
from ..components.tokenizer import sentence_record
from ..errors import PatternError
from ..records import Argument, Decision, Event, Sentence, Trigger
from . import commitment_needs, meeting_needs, security_guarantee
from .attribution import sources_by_sentence
from .base import TRIGGER_SPANS, Candidate, EventType, event_types, trigger_spans
from .commitment import COMMITMENT
from .conditions import Condition, Judge, Verdict
from .context import ArticleContext, Value
from .dates import occasion_date
from .explain import explain
from .layers import check_relays
from .related import relate
from .lexicon import check_conditions, word_list
from .meeting import MEETING
from .occasions import occasions
from .security_guarantee import SECURITY_GUARANTEE
from .status import NO_CUE, resolve_status
from .status_steps import told_as_past

#: the event types, in the order their events are listed for one trigger position
EXTRACTORS: tuple[EventType, ...] = (MEETING, COMMITMENT, SECURITY_GUARANTEE)



@Language.factory(
    "geonews_events",
    default_config={"types": None},
    requires=["doc.spans", "doc._.geonews_entities", "token.lemma", "token.pos", "token.dep"],
    assigns=["doc._.geonews_events", "doc.spans"],
)
def make_events(nlp: Language, name: str, types: list[str] | None) -> "EventExtractor":
    """The event extractors; ``types`` keeps the events of those types only (every rule
    still runs, so the records kept are those a run of every type gives)."""
    register_extensions()
    return EventExtractor(nlp, keep=event_types(types))


#: the conditions a rule may need, by name (``party`` and ``official_party`` are the
#: judge's own); rule files are checked against them when the extractor is built
CONDITIONS: dict[str, Condition] = {**meeting_needs.CONDITIONS, **commitment_needs.CONDITIONS, **security_guarantee.CONDITIONS}


class EventExtractor:
    """A spaCy component writing ``doc._.geonews_events`` (``Event`` records)."""

    def __init__(self, nlp: Language, extractors: tuple[EventType, ...] = EXTRACTORS,
                 keep: frozenset[str] | None = None) -> None:
        self.extractors = {e.name: e for e in extractors}
        self.keep = keep
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.rules = {}
        starts: set[int] = set()
        self.longest = 1
        for extractor in extractors:
            check_conditions(extractor.rules, {*CONDITIONS, "party", "official_party"})
            extractor.check_modes()
            check_relays(extractor)
            for rule in extractor.rules:
                self.rules[rule.source] = rule
                pattern = rule.matcher_pattern()
                self.matcher.add(rule.source, [pattern])
                starts.add(nlp.vocab.strings.add(pattern[0]["LEMMA"]))
                self.longest = max(self.longest, len(pattern))
        # every pattern opens with a lemma and has a fixed length: the matcher need only
        # read the few words from each word with such a lemma
        self.starts = numpy.fromiter(starts, dtype=numpy.uint64, count=len(starts))

    def __call__(self, doc: Doc) -> Doc:
        date_from_context(doc)
        if not doc.has_annotation("POS"):  # nothing but whitespace and the header
            doc._.geonews_events = ()
            doc.spans[TRIGGER_SPANS] = []
            return doc
        ctx = ArticleContext(doc)
        groups: dict[tuple[str, int], list[Candidate]] = defaultdict(list)
        verdicts: dict[Candidate, Verdict] = {}
        for candidate, verdict in self.decisions(doc, ctx):
            if verdict.kept:
                verdicts[candidate] = verdict
                groups[(candidate.rule.type, unit_of(candidate.sentence))].append(candidate)
        relate({c: v.found for c, v in verdicts.items() if v.found is not None}, self.extractors)
        sources = sources_by_sentence(doc, ctx)
        text = text_of(doc)
        shared: dict[int, Sentence | None] = {}  # one record a sentence, however many events it holds
        events = [
            one
            for (event_type, _), group in groups.items()
            for occasion in occasions(group, self.extractors[event_type], ctx, verdicts)
            for one in self.extractors[event_type].split(
                self.event(occasion, verdicts, ctx, sources.get(occasion[0].sentence.start), text, shared), occasion[0], ctx
            )
        ]
        kept = (e for e in events if self.keep is None or e.type in self.keep)
        doc._.geonews_events = tuple(sorted(kept, key=lambda e: (e.trigger.start, e.type)))
        doc.spans[TRIGGER_SPANS] = trigger_spans(doc, doc._.geonews_events)
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
        text = text_of(doc)
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

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matcher's matches over the Doc, read only where a pattern can open: the
        windows of ``longest`` words from each word whose lemma opens a pattern."""
        opens = numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), self.starts)).tolist()
        windows: list[list[int]] = []
        for at in opens:
            if windows and at <= windows[-1][1]:
                windows[-1][1] = min(len(doc), at + self.longest)
            else:
                windows.append([at, min(len(doc), at + self.longest)])
        return [(key, start + s, start + e) for start, end in windows for key, s, e in self.matcher(doc[start:end])]

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Trigger matches, the longest per type where matches of one type overlap."""
        by_type: dict[str, list[Span]] = defaultdict(list)
        body_start = doc._.geonews_body_start
        for key, start, end in self.matches(doc):
            rule = self.rules[doc.vocab.strings[key]]
            span = Span(doc, start, end, label=rule.source)
            if span.start_char >= body_start:
                by_type[rule.type].append(span)
        names = {t.i for span in doc.spans.get("geonews_mentions", []) for t in span}
        sessions = word_list("named_session")
        out = []
        for spans in by_type.values():
            for span in filter_spans(spans):
                if any(t.i in names for t in span) and not any(t.lemma_ in sessions for t in span):
                    continue  # part of a name: "Форум стран-экспортеров газа"; a session bears its body's name
                out.append(Candidate(self.rules[span.label_], span, span.sent))
        return out

    def event(
        self,
        group: list[Candidate],
        verdicts: dict[Candidate, Verdict],
        ctx: ArticleContext,
        source: Value | None,
        text: str,
        shared: dict[int, Sentence | None],
    ) -> Event:
        """One event from the matches of one type in one sentence (``text``: ``doc.text``;
        ``shared``: the sentence records made so far, by start)."""
        primary = min(group, key=lambda c: (_depth(c.anchor), c.span.start))
        extractor = self.extractors[primary.rule.type]
        arguments = assemble_arguments(primary, group, verdicts, extractor, ctx)
        attributes: dict[str, str] = {}
        for candidate in [primary, *[c for c in group if c is not primary]]:
            for name, content in extractor.attributes(candidate, ctx).items():
                attributes.setdefault(name, content)
        state, decided_by = resolve_status(primary.anchor, primary.rule.mode, extractor.status_rules)
        lead = bool(doc_units(primary.sentence)) and unit_of(primary.sentence) == doc_units(primary.sentence)[0]
        date = occasion_date(primary, [c for c in group if c is not primary], ctx.date, state, lead)
        if state == "actual" and decided_by == NO_CUE and extractor.status_rules.occasions and ctx.date and ctx.date.before(date):
            if not told_as_past(primary.anchor, primary.verb):  # "переговоры стартуют в пятницу" in a Tuesday article
                state, decided_by = "planned", f"future date {date}"
        attributes["status_by"] = decided_by
        span = primary.span
        return Event(
            type=primary.rule.type,
            trigger=Trigger(span.start_char, span.end_char, span.text, " ".join(t.lemma_ for t in span)),
            status=state,
            date=date,
            arguments=arguments,
            sentence=_shared(shared, primary.sentence, text),
            rule=primary.rule.id,
            source=source.name if source else None,
            attributes=tuple(sorted({**attributes, **_conditions(verdicts[primary]), "pattern": primary.rule.source}.items())),
        )


def _shared(made: dict[int, Sentence | None], sentence: Span, text: str) -> Sentence | None:
    """The sentence's record, made once for all its events."""
    if sentence.start not in made:
        made[sentence.start] = sentence_record(sentence, text)
    return made[sentence.start]


def doc_units(sentence: Span) -> tuple[int, ...]:
    """Where the units of a sentence's Doc start (none for a Doc of another tokenizer)."""
    return sentence.doc._.geonews_units or ()


def unit_of(sentence: Span) -> int:
    """Where the unit of a sentence starts: razdel's sentence, whose pieces cut at blank
    lines (a heading glued to its text) tell one occasion at most once."""
    units = doc_units(sentence)
    if not units:
        return sentence.start_char
    return units[max(0, bisect.bisect_right(units, sentence.start_char) - 1)]


#: kinds of entities that are a state by another name: one argument per state and role
STATE_NAMES = frozenset({"state", "capital", "seat"})


def assemble_arguments(
    primary: Candidate, group: list[Candidate], verdicts: dict[Candidate, Verdict], extractor: EventType, ctx: ArticleContext
) -> tuple[Argument, ...]:
    """The arguments of one occasion: the values its matches found, the primary's first,
    each once (once per state in a party's role: "Армения" and "Ереван" of one sentence
    are one party; "в Белом доме в Вашингтоне" are two places),
    sources and the parties of an agreement another match signs left out."""
    arguments: list[Argument] = []
    seen: set[tuple[str | None, str]] = set()
    signed = {t.i for c in group for t in c.anchor.children if t.dep_ in ("obj", "nsubj:pass")}
    for candidate in [primary, *[c for c in group if c is not primary]]:
        found = verdicts[candidate].found
        if found is None or (candidate.anchor.i in signed and candidate.anchor.lemma_ in word_list("agreement_object")):
            continue  # the agreement another match signs or ratifies: its parties are that match's to read
        for role, value in found.roles:
            if ctx.parties.of_value(value) == "media":
                continue  # a source is no party: "CBS: принц приедет ..."
            if role not in extractor.roles:
                raise PatternError(f"{extractor.name}: rule {candidate.rule.id} gave unknown role {role!r}")
            mutual = extractor.mutual is not None and extractor.mutual(candidate)
            slot = None if extractor.one_role_each and not mutual else role
            entity = ctx.entities.get(value.entity or "")
            keys = {(slot, value.entity or value.name)}
            if role in extractor.party_roles and value.actor and (entity is None or entity.kind in STATE_NAMES):
                keys.add((slot, f"state:{value.actor}"))
            if keys & seen:
                continue
            seen |= keys
            arguments.append(Argument(role, value.name, value.entity, value.start, value.end, value.actor, value.layer))
    return tuple(arguments)




def _conditions(verdict: Verdict) -> dict[str, str]:
    """The ``conditions`` attribute: why the rule's needs were met."""
    return {"conditions": "; ".join(verdict.reasons)} if verdict.reasons else {}


def _depth(token) -> int:
    depth = 0
    while token.head != token and depth < 50:
        token = token.head
        depth += 1
    return depth


__all__ = ["EXTRACTORS", "EventExtractor", "explain", "make_events"]
