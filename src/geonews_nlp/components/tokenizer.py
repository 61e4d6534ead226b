"""Tokens and sentences from razdel, as a spaCy tokenizer.

The Doc keeps every character of the input (``doc.text == text``): runs of whitespace
other than one space after a token become whitespace tokens. Sentence starts come from
razdel; the date header, when present, is a sentence of its own that later stages skip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy
import spacy
from razdel import sentenize, tokenize
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..knowledge.datafiles import word_lists
from ..records import Sentence
from ..text.header import Header, parse_header
from .spacy_ext import keep_text, register_extensions

#: the name under which spaCy's registry finds the tokenizer: a saved pipeline's config
#: names it, so ``spacy.load`` of a pipeline saved by ``to_disk`` builds it again
REGISTERED_NAME = "geonews_nlp.razdel_tokenizer.v1"
#: the most words a sentence is read with: a longer run of words without a sentence end
#: is cut into pieces of this many, each a sentence, so that no stage's cost grows with
#: the square of an article (nothing is dropped; news sentences hold tens of words)
MAX_SENTENCE_WORDS = 1000


@spacy.registry.tokenizers(REGISTERED_NAME)
def make_tokenizer() -> Callable[[Language], "RazdelTokenizer"]:
    """The tokenizer factory a pipeline config refers to."""

    def create(nlp: Language) -> RazdelTokenizer:
        return RazdelTokenizer(nlp.vocab)

    return create


class RazdelTokenizer:
    """Callable ``text -> Doc`` for ``nlp.tokenizer``."""

    def __init__(self, vocab: Vocab) -> None:
        register_extensions()
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return self.make(text)

    def make(self, text: str, date: str | None = None, *, header: bool = True) -> Doc:
        """The Doc of a text, dated: ``date`` (ISO, already checked) when given, else the
        date header's (a context date of ``nlp.pipe(..., as_tuples=True)`` replaces it:
``spacy_ext.date_from_context``). ``header=False`` reads
        a text that cannot hold a header (a later piece of a long article)."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        header_ = parse_header(text) if header else Header(None, 0)
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        cursor = 0
        body_start = header_.body_start
        pieces = list(_header_pieces(text, body_start)) if header_.date else []  # a byte order mark is no word
        units = []
        for start, sentence, unit in sentences(text[body_start:]):
            if unit:
                units.append(start + body_start)
            # a "sentence" beyond any sense (a list, a table, hostile input) is read in pieces
            pieces += [(start + body_start + t.start, t.text, i % MAX_SENTENCE_WORDS == 0) for i, t in enumerate(tokenize(sentence))]
        for start, word, sent_start in pieces:
            _add_gap(text[cursor:start], words, spaces, starts)
            words.append(word)
            spaces.append(False)
            starts.append(sent_start)
            cursor = start + len(word)
        _add_gap(text[cursor:], words, spaces, starts)
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts or None)
        keep_text(doc, text)  # the Doc holds every character of it
        doc._.geonews_date = date or header_.date
        doc._.geonews_body_start = body_start
        doc._.geonews_units = tuple(units)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # spaCy serialises a Language with its tokenizer. Ours has no state of its own: it
    # writes what it is, so that a saved pipeline shows it and reading one checks it.
    def to_bytes(self, **kwargs: object) -> bytes:
        return json.dumps({"tokenizer": REGISTERED_NAME}).encode()

    def from_bytes(self, data: bytes, **kwargs: object) -> "RazdelTokenizer":
        saved = json.loads(data or b"{}").get("tokenizer")
        if saved != REGISTERED_NAME:
            raise ValueError(f"not a saved geonews_nlp tokenizer: {saved!r}")
        return self

    def to_disk(self, path: str | Path, **kwargs: object) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, **kwargs: object) -> "RazdelTokenizer":
        return self.from_bytes(Path(path).read_bytes())


#: a blank line: it ends a sentence whatever razdel says (a heading, a dateline, a caption)
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
#: a full stop with no space after it, between a word and the capitalized word of the next
#: sentence ("организации.Как отметил", "на саммите АТЭС.\"Я также"): two sentences, each
#: its own unit, that razdel reads as one; not a domain's ending ("Gzt.Ru")
GLUED = re.compile(r"(?<=\w\w[.!?…])(?![A-Z][a-z]{1,2}\b)(?=[\"«“„]?[А-ЯЁA-Z](?:[а-яёa-z]|\s))")
#: an agency's dateline ("ЙОХАННЕСБУРГ, 3 марта (Синьхуа) --", "ВАШИНГТОН, 19 сен — РИА
#: Новости.", "НОВОСТИ.RU -"): a sentence of its own within its unit, so that the agency
#: is not read as a party and the parse of the sentence after it is not broken
DATELINE = re.compile(
    r"(?:(?<=\s\s)|^)(?:[А-ЯЁ][А-ЯЁ-]+(?:[ -][А-ЯЁ-]+)*,\s+\d{1,2}\s+[а-я]{3,8}\.?(?:\s+\d{4})?"
    r"(?:\s*\([^()\n]{1,30}\))?\s*(?:--|[—–-])\s*(?:[А-ЯЁA-Z][\w.]*(?:\s+[А-ЯЁA-Z][\w.]*){0,2}\.)?"
    r"|[А-ЯЁA-Z][\w-]*\.(?:RU|РУ|COM|UA)\s+[—–-]\s+)"
)


def sentences(text: str) -> Iterable[tuple[int, str, bool]]:
    r"""(start, text, whether a unit starts there) of the sentences of a text: razdel's,
    cut at blank lines and at datelines; a full stop with no space after it also starts
    a unit. The pieces razdel saw as one sentence stay one unit for telling occasions
    apart: a heading it glued to the text after it tells that text's occasion.

    >>> [(s, unit) for _, s, unit in sentences("Встреча с партнерами в Париже\n\nПремьер прибыл.")]
    [('Встреча с партнерами в Париже', True), ('Премьер прибыл.', False)]
    >>> [(s, unit) for _, s, unit in sentences("МОСКВА, 3 марта (Синьхуа) -- Премьер прибыл.Он отдохнул.")]
    [('МОСКВА, 3 марта (Синьхуа) --', True), ('Премьер прибыл.', False), ('Он отдохнул.', True)]
    """
    for s in sentenize(text):
        glued = [m.start() for m in GLUED.finditer(s.text) if not _abbreviated(s.text, m.start())]
        datelines = list(DATELINE.finditer(s.text))
        cuts = sorted({0, *(b.end() for b in BLANK_LINE.finditer(s.text)), *glued, *(d.start() for d in datelines), *(d.end() for d in datelines)})
        first = True
        for start, end in zip(cuts, [*cuts[1:], len(s.text)]):
            part = s.text[start:end]
            if part.strip():
                lead = len(part) - len(part.lstrip())
                yield s.start + start + lead, part.strip(), first or start in glued
                first = False


def _abbreviated(text: str, cut: int) -> bool:
    """Whether the word before a glued full stop is an abbreviation ("Прим.Life.ru")."""
    word = re.search(r"(\w+)\W?$", text[: cut - 1])
    return word is not None and word.group(1).lower() in word_lists("text.txt")["abbreviation"]


def _header_pieces(text: str, body_start: int) -> Iterable[tuple[int, str, bool]]:
    """The header's words as one sentence of their own."""
    first = True
    for token in tokenize(text[:body_start]):
        yield token.start, token.text, first
        first = False


def _add_gap(gap: str, words: list[str], spaces: list[bool], starts: list[bool]) -> None:
    """Whitespace between tokens: one space trails the previous token, the rest is a token."""
    if not gap:
        return
    if words and gap.startswith(" "):
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
        starts.append(len(words) == 1)


def sentence_spans(doc: Doc) -> list[Span]:
    """``list(doc.sents)`` read from the Doc's sentence-start array: ``doc.sents`` makes a
    Token of every word to find where sentences start."""
    if not len(doc):
        return []
    starts = doc.to_array(SENT_START).view("int64")
    bounds = [0, *(numpy.flatnonzero(starts[1:] == 1) + 1).tolist(), len(doc)]
    return [Span(doc, start, end) for start, end in zip(bounds, bounds[1:])]


def ensure_sentences(doc: Doc) -> None:
    """Give a Doc made by another tokenizer razdel's sentence starts, so that our
    components also run in a pipeline with spaCy's own tokenizer."""
    if doc.has_annotation("SENT_START") or not len(doc):
        return
    register_extensions()
    starts = {start for start, _, _ in sentences(doc.text)}
    for token in doc:
        token.is_sent_start = token.i == 0 or (token.idx in starts and not token.is_space)


def sentence_record(sent: Span, text: str) -> Sentence | None:
    """The public record of a sentence, whitespace tokens at its edges left out; None for
    one of whitespace only. ``text`` is ``doc.text``, read once by the caller."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return Sentence(start, end, text[start:end])
