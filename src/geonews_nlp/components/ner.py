"""Named entities (PER, ORG, LOC) from natasha's ``NewsNERTagger`` into ``doc.ents``.

The tagger runs over our own tokens, sentence by sentence, so every entity is a whole
number of tokens and never crosses a sentence or the date header.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..knowledge.datafiles import word_lists
from ..knowledge.gazetteer import lookup
from . import models, taggers
from .morphology import body_pieces
from .names import canonical_name
from .spacy_ext import register_extensions


@Language.factory("geonews_ner", requires=["token.lemma", "token.pos", "token.dep"], assigns=["doc.ents"])
def make_ner(nlp: Language, name: str) -> "NER":
    register_extensions()
    return NER()


class NER:
    """A spaCy component setting ``doc.ents`` from natasha's news NER."""

    def __call__(self, doc: Doc) -> Doc:
        pieces = list(body_pieces(doc))
        if not pieces:
            doc.ents = []
            return doc
        words = [[t.text for t in piece] for piece in pieces]
        spans = [
            Span(doc, piece[start].i, piece[end - 1].i + 1, label=label)
            for piece, tags in zip(pieces, taggers.ner(words))
            for start, end, label in bio_spans(tags)
        ]
        for rule in RULES:
            spans = rule(doc, spans)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc


def split_brackets(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name with a bracketed part is two names: "ООН (ФАО)" -> "ООН", "ФАО"; no name
    runs across a line break."""
    out = []
    for span in spans:
        start = span.start
        for token in span:
            if token.text in "()[]" or (token.is_space and "\n" in token.text):
                out += _trimmed(doc, start, token.i, span.label_)
                start = token.i + 1
        out += _trimmed(doc, start, span.end, span.label_)
    return out


def _trimmed(doc: Doc, start: int, end: int, label: str) -> list[Span]:
    """The span without the spaces, punctuation and symbols at its edges."""
    while start < end and _edge(doc[start]):
        start += 1
    while end > start and _edge(doc[end - 1]):
        end -= 1
    return [Span(doc, start, end, label=label)] if start < end else []


def _edge(token) -> bool:
    return token.is_space or token.is_punct or not any(c.isalnum() for c in token.text)


#: opening quote -> its closing quote (a straight quote closes itself)
QUOTES = {"«": "»", "„": "“", '"': '"'}
#: how far past a name its closing quote may lie ("ЗАО «Ренова»" is one token past)
QUOTE_REACH = 4


def balance_quotes(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name takes both of its quotes or neither: a name that opens a quote and ends
    inside it ("ЗАО «Ренова", "РИА «Новости") reaches to the closing quote when it is a
    few words on, and is cut before the quote otherwise; a name that starts inside a
    quote it closes is cut after that quote."""
    taken = {t.i for span in spans for t in span}
    out = []
    for span in spans:
        start, end = span.start, span.end
        opened = _open_quote(span)
        if opened is not None:
            close = next(
                (t.i for t in doc[end : min(len(doc), end + QUOTE_REACH)] if t.text == QUOTES[doc[opened].text]),
                None,
            )
            between = range(end, close) if close is not None else ()
            if close is not None and not any(i in taken or doc[i].is_sent_start for i in between):
                out.append(Span(doc, start, close + 1, label=span.label_))  # the closing quote is the edge
                continue
            end = opened
        elif (closed := _stray_close(span)) is not None:
            start = closed + 1
        out += _trimmed(doc, start, end, span.label_) if (start, end) != (span.start, span.end) else [span]
    return out


def _open_quote(span: Span) -> int | None:
    """The index of a quote the span opens and does not close, if any."""
    waiting: list[tuple[int, str]] = []
    for token in span:
        if waiting and token.text == waiting[-1][1]:
            waiting.pop()
        elif token.text in QUOTES:
            waiting.append((token.i, QUOTES[token.text]))
    return waiting[0][0] if waiting else None


def _stray_close(span: Span) -> int | None:
    """The index of the last closing quote the span holds without its opening one."""
    closes = set(QUOTES.values()) - set(QUOTES)
    depth, stray = 0, None
    for token in span:
        if token.text in QUOTES and token.text not in closes:
            depth += 1
        elif token.text in closes:
            if depth:
                depth -= 1
            else:
                stray = token.i
    return stray


def split_person_tail(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place's name followed by a person's runs together in the tagger ("Ясной Поляны
    Льва Толстого"): a place of capitalized words ending in a first name and a surname of
    one case is the place and the person ("улица Льва Толстого", a street named after
    him, starts with a lowercase word and stays whole)."""
    out = []
    for span in spans:
        head = span[:-2]
        if (
            span.label_ == "LOC"
            and len(head) >= 1
            and all(t.text[:1].isupper() for t in span)
            and _name_and_surname(span[-2].text, span[-1].text)
            and not _name_and_surname(head[-1].text, span[-2].text)  # "Льва Николаевича Толстого"
        ):
            out += [Span(doc, span.start, span.end - 2, label="LOC"), Span(doc, span.end - 2, span.end, label="PER")]
        else:
            out.append(span)
    return out


def _name_and_surname(first: str, second: str) -> bool:
    """Whether two words read as a first name (or patronymic) and a surname in one case."""
    analyzer = models.morph_analyzer()
    names = {p.tag.case for p in analyzer.parse(first) if {"Name", "Patr"} & p.tag.grammemes}
    return bool(names & {p.tag.case for p in analyzer.parse(second) if "Surn" in p.tag.grammemes})


def trim_stray_words(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place or a person does not end in a lowercase word that the parse makes an
    argument of a verb while the name hangs elsewhere ("посетит на острове Роббенэйланд
    тюрьму": the island, not "Роббенэйланд тюрьму"); "Ханты-Мансийский автономный
    округ", one phrase, stays whole."""
    out = []
    for span in spans:
        end = span.end
        if span.label_ in ("LOC", "PER"):
            while end - span.start > 1 and _stray(doc[end - 1], span.start, end):
                end -= 1
        out.append(Span(doc, span.start, end, label=span.label_) if end < span.end else span)
    return out


def _stray(token, start: int, end: int) -> bool:
    """A lowercase last word that is an argument of a verb outside the span, while
    another word of the span hangs elsewhere."""
    if not token.text[:1].islower() or token.head.pos_ not in ("VERB", "AUX") or start <= token.head.i < end:
        return False
    return any(not start <= t.head.i < end for t in token.doc[start : end - 1])


#: the entity type of a known actor's kind; other kinds keep the tagger's type
KIND_TYPES = {
    "state": "LOC", "capital": "LOC", "bloc": "ORG", "government": "ORG", "military": "ORG", "movement": "ORG", "media": "ORG"
}


def retype_known(doc: Doc, spans: list[Span]) -> list[Span]:
    """Known actors get their kind's type: states are LOC, blocs ORG ("ЕС" is no place)."""
    out = []
    for span in spans:
        actor = lookup(canonical_name(span)) if span.label_ != "PER" or len(span) == 1 else None
        if actor is not None and actor.kind in KIND_TYPES:
            span = Span(doc, span.start, span.end, label=KIND_TYPES[actor.kind])
        out.append(span)
    return out


def particle_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name that opens with an Arabic name particle and ends a person's name of the
    article is that person's surname ("Ахмед аш-Шараа ... Аш-Шараа появился"), whatever
    type the tagger gave it ("Абу-Даби", "Аль-Джазира" stay what they are)."""
    particles = word_lists("text.txt")["name_particle"]
    endings = {tuple(t.lower_ for t in span[k:]) for span in spans if span.label_ == "PER" for k in range(1, len(span))}
    out = []
    for span in spans:
        first = span[0].lower_
        particle = first in particles or ("-" in first and first.partition("-")[0] in particles)
        if span.label_ != "PER" and particle and tuple(t.lower_ for t in span) in endings:
            span = Span(doc, span.start, span.end, label="PER")
        out.append(span)
    return out


def propagate(doc: Doc, spans: list[Span]) -> list[Span]:
    """One name, one type per article, and every capitalized occurrence of it tagged.

    A name the tagger found once (by its lemmas) is tagged where it missed it, and all
    its occurrences take the type given most often.
    """
    labels: dict[tuple[str, ...], Counter] = {}
    for span in spans:
        labels.setdefault(_key(span), Counter())[span.label_] += 1
    if not labels:
        return spans
    best = {key: count.most_common(1)[0][0] for key, count in labels.items()}
    taken = {t.i for span in spans for t in span}
    longest = max(len(key) for key in best)
    found = []
    for start in range(len(doc)):
        if start in taken or not doc[start].text[:1].isupper():
            continue
        for size in range(min(longest, len(doc) - start), 0, -1):
            window = doc[start : start + size]
            if any(t.i in taken or t.is_space for t in window):
                continue
            label = best.get(_key(window))
            if label is not None:
                found.append(Span(doc, start, start + size, label=label))
                taken.update(range(start, start + size))
                break
    return [Span(doc, s.start, s.end, label=best[_key(s)]) for s in spans] + found


def _key(span: Span) -> tuple[str, ...]:
    return tuple(t.lemma_ for t in span if not t.is_space)


#: the post-tagging rules, in the order they run
RULES = (split_brackets, balance_quotes, split_person_tail, trim_stray_words, retype_known, particle_names, propagate)


def bio_spans(tags: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) runs of a BIO sequence; a stray ``I-`` opens a span.

    >>> list(bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]))
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'ORG')]
    """
    start, label = -1, ""
    i = -1
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and kind == label and start >= 0:
            continue
        if start >= 0:
            yield start, i, label
            start, label = -1, ""
        if prefix in ("B", "I"):
            start, label = i, kind
    if start >= 0:
        yield start, i + 1, label
