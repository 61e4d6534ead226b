"""Who the sentence reports as saying what it says: "заявил Зеленский",
"По словам Зеленского", "Об этом сообщает Reuters"."""

from __future__ import annotations

from collections import deque

from spacy.tokens import Doc, Span, Token

from ..components.tokenizer import sentence_spans
from .context import ArticleContext, Value
from .lexicon import word_list
from .resolve import resolve
from .syntax import subjects

#: how many sentences back an anaphoric source ("Об этом сообщает Reuters") reaches
BACKWARD_SOURCE_SENTENCES = 3
#: how a speaker hangs on "по словам": a name or noun ("по словам Гнатова"), a pronoun
#: ("по его словам")
SPEAKER_OF_NOUN = ("nmod", "det", "nmod:poss")
#: how an outlet's name hangs on its kind ("агентство Анадолу", "издание «Politico»")
OUTLET_NAME = ("appos", "flat", "flat:name", "flat:foreign", "nmod")


def sentence_source(sentence: Span, ctx: ArticleContext) -> tuple[Value | None, bool]:
    """The source a sentence names, and whether it points back ("Об этом сообщает")."""
    speech, nouns = word_list("speech"), word_list("source_noun")
    for token in sentence:
        if token.lemma_ in nouns and any(c.lemma_ in word_list("across_mark") for c in token.children):
            for child in token.children:  # "по словам Зеленского", "по данным Reuters", "по его словам"
                if child.dep_ in SPEAKER_OF_NOUN and (value := speaker_value(child, ctx)) is not None:
                    return value, False
        if token.lemma_ in speech and token.pos_ in ("VERB", "AUX"):
            backward = any(c.lemma_ in word_list("this_pronoun") and any(g.lemma_ in word_list("about_mark") for g in c.children) for c in token.children)
            for subject in subjects(token):
                if (value := speaker_value(subject, ctx)) is not None:
                    return value, backward
    return None, False


def speaker_value(token: Token, ctx: ArticleContext) -> Value | None:
    """Who a speaker's word stands for: an entity or pronoun resolved like an argument,
    else an outlet by the name it carries ("агентство Анадолу", "передает Интерфакс"),
    which news names whether or not it is an entity of the article."""
    value = resolve(token, ctx)
    if value is not None:
        return value
    if token.lemma_ in word_list("outlet"):
        names = [c for c in token.children if c.dep_ in OUTLET_NAME and c.pos_ in ("PROPN", "X") and c.i > token.i]
        if names:
            return _named(names[0])
    if token.pos_ == "PROPN" and token.dep_ in ("nsubj", "nmod"):
        return _named(token)
    return None


def _named(token: Token) -> Value:
    """A name with the words that continue it ("Нью-Йорк таймс"), unquoted."""
    words = [token, *(c for c in token.children if c.dep_ in ("flat", "flat:name", "flat:foreign") and c.i > token.i)]
    start, end = words[0], max(words, key=lambda t: t.i)
    span = token.doc[start.i : end.i + 1]
    return Value(span.text, None, span.start_char, span.end_char)


def sources_by_sentence(doc: Doc, ctx: ArticleContext) -> dict[int, Value]:
    """The source of each sentence; "Об этом сообщает X" also covers the sentences
    before that say something (a heading or "Видео дня" does not count)."""
    out: dict[int, Value] = {}
    told: deque = deque(maxlen=BACKWARD_SOURCE_SENTENCES)
    for sent in sentence_spans(doc):
        value, backward = sentence_source(sent, ctx)
        if value is not None:
            out[sent.start] = value
            if backward:
                for earlier in told:
                    out.setdefault(earlier.start, value)
        if any(t.pos_ in ("VERB", "AUX") for t in sent):
            told.append(sent)
    return out
