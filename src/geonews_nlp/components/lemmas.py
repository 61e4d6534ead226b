"""Lemmas from pymorphy3, choosing the parse that agrees with the tagger.

pymorphy3 offers every reading of a word out of context; natasha's tagger knows the
context. The chosen parse is the one whose part of speech and case, number and gender
agree best with the tagger's; pymorphy3's own score breaks ties.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import models

#: UD part of speech -> OpenCorpora parts of speech that can realise it.
POS = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "ADJ": {"ADJF", "ADJS", "COMP", "PRTF", "NUMR"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"},
    "ADV": {"ADVB", "COMP", "PRED"},
    "NUM": {"NUMR", "ADJF"},
    "PRON": {"NPRO"},
    "DET": {"ADJF", "NPRO"},
    "ADP": {"PREP"},
    "CCONJ": {"CONJ"},
    "SCONJ": {"CONJ"},
    "PART": {"PRCL"},
    "INTJ": {"INTJ"},
}

#: UD feature values -> OpenCorpora grammemes.
FEATS = {
    ("Case", "Nom"): {"nomn"},
    ("Case", "Gen"): {"gent", "gen2"},
    ("Case", "Dat"): {"datv"},
    ("Case", "Acc"): {"accs", "acc2"},
    ("Case", "Ins"): {"ablt"},
    ("Case", "Loc"): {"loct", "loc2"},
    ("Case", "Voc"): {"voct"},
    ("Number", "Sing"): {"sing"},
    ("Number", "Plur"): {"plur"},
    ("Gender", "Masc"): {"masc"},
    ("Gender", "Fem"): {"femn"},
    ("Gender", "Neut"): {"neut"},
}

#: grammemes pymorphy3 gives proper names; a PROPN prefers a parse carrying one.
PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}


@Language.factory("geonews_lemmatizer", requires=["token.pos", "token.morph"], assigns=["token.lemma"])
def make_lemmatizer(nlp: Language, name: str) -> "Lemmatizer":
    return Lemmatizer()


class Lemmatizer:
    """A spaCy component setting ``token.lemma_`` (lower case, ё written е so that word
    lists and patterns need one spelling)."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.is_space:
                continue
            token.lemma_ = lemma(token.text, token.pos_, str(token.morph))
        return doc


def token_parse(token: Token) -> Any | None:
    """The pymorphy3 parse of a tagged token (None for a word pymorphy3 cannot read)."""
    return best_parse(token.text, token.pos_, str(token.morph))


def lemma(word: str, pos: str, feats: str) -> str:
    """The lemma of a word in context, given its UD POS and ``str(token.morph)``.

    >>> lemma("встреч", "NOUN", "Animacy=Inan|Case=Gen|Gender=Fem|Number=Plur")
    'встреча'
    """
    if not any(c.isalpha() for c in word):
        return word.lower()
    parse = best_parse(word, pos, feats)
    if parse is None or (pos == "PROPN" and not _case_agrees(parse, feats)):
        return word.lower()  # an unknown name pymorphy3 misreads ("Гнатов" as plural "Гнат")
    return parse.normal_form.replace("ё", "е")


def _case_agrees(parse: Any, feats: str) -> bool:
    case = next((f.split("=")[1] for f in feats.split("|") if f.startswith("Case=")), None)
    grammemes = FEATS.get(("Case", case or ""))
    return grammemes is None or bool(grammemes & parse.tag.grammemes)


@lru_cache(maxsize=100_000)
def parses(word: str) -> list[Any]:
    """pymorphy3's parses of a word; none for a word it cannot read (some rare Unicode
    characters make it fail)."""
    try:
        return models.morph_analyzer().parse(word)
    except (ValueError, KeyError):
        return []


@lru_cache(maxsize=200_000)
def best_parse(word: str, pos: str, feats: str) -> Any | None:
    """The pymorphy3 parse agreeing best with the tagger's POS and features."""
    candidates = parses(word)
    if not candidates:
        return None
    wanted_pos = POS.get(pos, set())
    wanted = [
        grammemes
        for pair in (f.split("=", 1) for f in feats.split("|") if "=" in f)
        if (grammemes := FEATS.get((pair[0], pair[1])))
    ]

    def agreement(parse: Any) -> tuple[int, int, int, float]:
        tag = parse.tag
        score = 4 * (tag.POS in wanted_pos)
        score += sum(bool(g & tag.grammemes) for g in wanted)
        proper = pos == "PROPN" and bool(PROPER & tag.grammemes)
        # a declinable reading explains an ending better than an indeclinable one
        # ("Анне": dative of "Анна" rather than the name "Анне")
        declinable = "Fixd" not in tag.grammemes
        return score, int(proper), int(declinable), parse.score

    return max(candidates, key=agreement)


@lru_cache(maxsize=100_000)
def agreement_forms(word: str) -> frozenset[tuple[str | None, str | None, str | None]]:
    """Every (number, case, gender) a word form can have out of context, so that an
    agreement check does not depend on the tagger's one choice ("сделки": genitive
    singular or nominative or accusative plural)."""
    return frozenset((p.tag.number, p.tag.case, p.tag.gender) for p in parses(word.lower()))


def can_agree(modifier: Token, noun: Token) -> bool:
    """Whether a modifier and a noun can stand in one number and case (and gender in the
    singular), reading both words out of context."""
    for number, case, gender in agreement_forms(modifier.text):
        for n_number, n_case, n_gender in agreement_forms(noun.text):
            if number == n_number and _same_case(case, n_case) and (number != "sing" or gender == n_gender or not gender):
                return True
    return False


def _same_case(a: str | None, b: str | None) -> bool:
    return a == b or {a, b} <= {"accs", "acc2"} or {a, b} <= {"gent", "gen2"} or {a, b} <= {"loct", "loc2"}
