"""The entity layer: whole names, canonical nominative names and per-article clusters.

Runs after NER. Adjacent spans that form one name are joined ("Генерального штаба" +
"ВСУ"), every mention gets its canonical name, and mentions of one entity are clustered:
inflected forms, surname-only mentions of a named person, and the names of one known
actor ("США", "Соединенными Штатами Америки"). Results go to ``doc._.geonews_entities``
(public ``Entity`` records); ``doc.ents`` holds the outermost names and
``doc.spans["geonews_mentions"]`` every mention, nested ones included, each span's
``kb_id_`` being its entity id.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..knowledge.gazetteer import Actor, fold, lookup
from ..records import Entity, Mention, entity_id
from .lemmas import parses
from .names import canonical_name, name_head
from .spacy_ext import register_extensions


@Language.factory(
    "geonews_entities",
    requires=["doc.ents", "token.lemma", "token.dep"],
    assigns=["doc.ents", "doc.spans", "doc._.geonews_entities"],
)
def make_entities(nlp: Language, name: str) -> "EntityLayer":
    register_extensions()
    return EntityLayer()


class EntityLayer:
    """A spaCy component building entity clusters from ``doc.ents``."""

    def __call__(self, doc: Doc) -> Doc:
        names, nested = join_adjacent(list(doc.ents))
        named = [(span, canonical_name(span)) for span in names + nested]
        clusters = cluster(named, abbreviations(named))
        entities = []
        mentions = []
        for number, c in enumerate(clusters):
            actor, kind = c.actor, c.type  # the type counts every mention: once per cluster
            entity = Entity(entity_id(number), kind, c.name, (), actor and actor.code, actor and actor.kind)
            entities.append(entity)
            mentions += [Span(doc, s.start, s.end, label=kind, kb_id=entity.id) for s, _ in c.mentions]
        outer = {(s.start, s.end) for s in names}
        doc.ents = sorted((s for s in mentions if (s.start, s.end) in outer), key=lambda s: s.start)
        set_entities(doc, entities, mentions)
        return doc


def set_entities(doc: Doc, entities: Iterable[Entity], mentions: list[Span]) -> None:
    """Store the entity layer's result. The mention spans (``kb_id_`` the entity, ``id_``
    the mention's kind when not by name) are the one place mentions are kept: each
    record's ``mentions`` are made from them here."""
    mentions = sorted(mentions, key=lambda s: (s.start, -s.end))
    doc.spans["geonews_mentions"] = mentions
    of: dict[str, list[Mention]] = {}
    for span in sorted(mentions, key=lambda s: s.start_char):
        of.setdefault(span.kb_id_, []).append(Mention(span.start_char, span.end_char, span.text, span.id_ or "name"))
    doc._.geonews_entities = tuple(dataclasses.replace(e, mentions=tuple(of.get(e.id, ()))) for e in entities)


def join_adjacent(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """Join an ORG with a following ORG or LOC that depends on it: "Генерального штаба" +
    "ВСУ" -> "Генерального штаба ВСУ", "Конгрессе" + "США" -> "Конгрессе США".

    Returns the joined names and the dependent parts, which stay mentions of their own
    entity nested in the joined one ("США" in "Конгрессе США").
    """
    out: list[Span] = []
    nested: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label_ == "ORG"
            and span.label_ in ("ORG", "LOC")
            and all(t.is_space for t in span.doc[last.end : span.start])
            and not any("\n" in t.text for t in span.doc[last.end : span.start])
            and last.start <= name_head(span).head.i < last.end
            and name_head(span).morph.get("Case") != ["Nom"]
        ):
            out[-1] = Span(span.doc, last.start, span.end, label="ORG")
            nested.append(span)
        else:
            out.append(span)
    return out, nested


@dataclass
class Cluster:
    """Mentions of one entity, in text order, with the names they were given."""

    key: tuple[str, str]
    mentions: list[tuple[Span, str]] = field(default_factory=list)
    actor: Actor | None = None  # the known actor the names denote: the gazetteer is asked here only

    @property
    def type(self) -> str:
        counts = Counter(s.label_ for s, _ in self.mentions)
        return max(counts, key=lambda label: (counts[label], -self._first(label)))

    def _first(self, label: str) -> int:
        return next(s.start for s, _ in self.mentions if s.label_ == label)

    @property
    def name(self) -> str:
        if self.actor is not None:
            used = Counter(n for _, n in self.mentions if n in self.actor.variants)
            if used and used.most_common(1)[0][1] >= sum(1 for _, n in self.mentions if n == self.actor.name):
                return used.most_common(1)[0][0]  # the article's own short name: "Беларусь"
            return self.actor.name
        names = [n for _, n in self.mentions]
        counts = Counter(names)
        if self.key[0] == "PER":  # the fullest name, initials aside ("Махамуд Али Юсуф", not "М. А. Юсуф")
            return max(names, key=lambda n: (len([w for w in n.split() if len(w.strip(".")) > 1]), counts[n], -names.index(n)))
        return max(names, key=lambda n: (counts[n], -names.index(n)))


def abbreviations(mentions: list[tuple[Span, str]]) -> dict[str, str]:
    """Abbreviations an article introduces in brackets after an organization's name:
    "Форум стран-экспортеров газа (ФСЭГ)" -> {"фсэг": "форум стран-экспортеров газа"}."""
    out = {}
    spans = sorted(mentions, key=lambda m: m[0].start)
    for (name_span, name), (abbr_span, abbr) in zip(spans, spans[1:]):
        doc = name_span.doc
        between = [t for t in doc[name_span.end : abbr_span.start] if not t.is_space]
        after = doc[abbr_span.end] if abbr_span.end < len(doc) else None
        if (
            name_span.label_ == "ORG"
            and [t.text for t in between] == ["("]
            and after is not None
            and after.text == ")"
            and len(abbr_span) == 1
            and abbr_span.text.isupper()
            and len(name_span) > 1
        ):
            out[fold(abbr)] = fold(name)
    return out


def cluster(mentions: list[tuple[Span, str]], aliases: dict[str, str] | None = None) -> list[Cluster]:
    """Group mentions by actor code or folded name (an abbreviation with the name it
    stands for), then surnames into full names."""
    aliases = aliases or {}
    clusters: dict[tuple[str, str], Cluster] = {}
    for span, name in mentions:
        actor = None if span.label_ == "PER" else (lookup(name) or lookup(span.text))
        if actor is not None:
            key = ("ACTOR", actor.name)  # "Киев" and "Украина" are two entities of one state
        else:
            key = ("PER" if span.label_ == "PER" else "NAME", aliases.get(fold(name), fold(name)))
        c = clusters.setdefault(key, Cluster(key, actor=actor))
        c.mentions.append((span, name))
    people = [c for c in clusters.values() if c.key[0] == "PER"]
    full = [c for c in people if not _surname_only(c.key[1])]
    for short in [c for c in people if _surname_only(c.key[1])]:
        owners = [c for c in full if _word_in_name(short.key[1], c.key[1])]
        if len(owners) == 1:
            owners[0].mentions += short.mentions
            del clusters[short.key]
    result = list(clusters.values())
    for c in result:
        c.mentions.sort(key=lambda m: m[0].start)
    return sorted(result, key=lambda c: c.mentions[0][0].start)


def _surname_only(name: str) -> bool:
    """A surname alone or after initials: "рухани", "х.рухани", "м. а. юсуф", "дж. байден";
    not a short first name ("си цзиньпин", "ли цян"): an initial is one letter, or up to
    two with a dot."""
    *initials, _ = re.findall(r"[^\s.]+\.?", name) or [""]
    return all(len(i) == 1 or (i.endswith(".") and len(i) <= 3) for i in initials)


def _word_in_name(short: str, name: str) -> bool:
    """Whether a surname, alone or after initials ("х.рухани"), is the last name of a
    full name in any inflection, its initials the full name's first letters."""
    parts = [p for p in re.split(r"[.\s]+", short) if p]
    if not parts:
        return False
    words = name.split()
    *initials, surname = parts
    if any(len(i) > 2 or k >= len(words) - 1 or not words[k].startswith(i) for k, i in enumerate(initials)):
        return False
    return any(word_forms(surname) & word_forms(part) for part in words)


@lru_cache(maxsize=50_000)
def word_forms(word: str) -> frozenset[str]:
    """A word with every normal form pymorphy3 offers for it, folded."""
    forms = {fold(p.normal_form) for p in parses(word)}
    return frozenset(forms | {fold(word)})
