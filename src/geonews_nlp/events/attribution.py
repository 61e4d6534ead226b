"""Who the sentence reports as saying what it says: "заявил Зеленский",
"По словам Зеленского", "Об этом сообщает Reuters"."""

from __future__ import annotations

from spacy.tokens import Span

from .context import ArticleContext, Value
from .lexicon import word_list
from .resolve import resolve
from .syntax import subjects


def sentence_source(sentence: Span, ctx: ArticleContext) -> tuple[Value | None, bool]:
    """The source a sentence names, and whether it points back ("Об этом сообщает")."""
    speech, nouns = word_list("speech"), word_list("source_noun")
    for token in sentence:
        if token.lemma_ in nouns and any(c.lemma_ == "по" for c in token.children):
            for child in token.children:  # "по словам Зеленского", "по данным Reuters"
                if child.dep_ == "nmod" and (value := resolve(child, ctx)) is not None:
                    return value, False
        if token.lemma_ in speech and token.pos_ in ("VERB", "AUX"):
            backward = any(c.lemma_ == "это" and any(g.lemma_ == "о" for g in c.children) for c in token.children)
            for subject in subjects(token):
                if (value := resolve(subject, ctx)) is not None:
                    return value, backward
    return None, False
