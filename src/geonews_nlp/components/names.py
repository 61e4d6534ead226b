"""Canonical nominative names of entity mentions.

Only the words that agree with the name's head are put in the nominative; dependents in
other cases stay as written: "Коалиции желающих" -> "Коалиция желающих",
"Соединенными Штатами Америки" -> "Соединенные Штаты Америки",
"Генерального штаба ВСУ" -> "Генеральный штаб ВСУ".
"""

from __future__ import annotations

from functools import lru_cache
from os.path import commonprefix
from typing import Any

from spacy.tokens import Span, Token

from .lemmas import token_parse

#: relations by which a word agrees with the word it depends on inside a name
AGREEING = {"amod", "det", "flat", "flat:name", "flat:foreign", "appos", "nummod", "compound", "conj"}


def name_head(span: Span) -> Token:
    """The token of the span that the rest of it depends on."""
    for token in span:
        if not token.is_space and (token.head == token or not _in_span(token.head, span)):
            return token
    return span[0]


def _in_span(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def agreeing_group(span: Span) -> set[int]:
    """Indices of the head and the words agreeing with it (same case and number)."""
    head = name_head(span)
    group = {head.i}
    for token in span:
        if token.i == head.i or token.is_space:
            continue
        path_ok = True
        node = token
        while node.i != head.i:
            if node.dep_ not in AGREEING or not _in_span(node.head, span) or node.head == node:
                path_ok = False
                break
            node = node.head
        if path_ok and _same_case_and_number(token, head):
            group.add(token.i)
    return group


def _same_case_and_number(a: Token, b: Token) -> bool:
    for feat in ("Case", "Number"):
        x, y = a.morph.get(feat), b.morph.get(feat)
        if x and y and x != y:
            return False
    return True


def canonical_name(span: Span) -> str:
    """The span's name in the nominative, spacing normalized to single spaces."""
    group = agreeing_group(span)
    words = [t for t in span if not t.is_space]
    if span.label_ == "PER" and len(words) > 1 and all(len(t.text) <= 3 for t in words[:-1]):
        group.add(words[-1].i)  # "То Ламом", "Ким Чен Ыном": only the last part declines
    head = name_head(span)
    singular = head.morph.get("Number") == ["Sing"]
    gender = GENDERS.get(head.morph.get("Gender")[0]) if singular and head.morph.get("Gender") else None
    out = ""
    for token in span:
        if token.is_space:
            out += " "
            continue
        agree = gender if token.pos_ in ("ADJ", "DET") and token != head else None
        out += (nominative(token, agree) if token.i in group else token.text) + token.whitespace_
    return " ".join(out.split())


#: the endings of the instrumental, the one case whose endings no other shares: a name
#: the tagger reads as instrumental with another ending is indeclinable
INSTRUMENTAL_ENDINGS = ("ом", "ем", "ём", "ой", "ей", "ою", "ею", "ью", "ами", "ями", "ым", "им", "ыми", "ими")

#: pymorphy3's grammemes of UD genders: an adjective takes its noun's gender
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def nominative(token: Token, gender: str | None = None) -> str:
    """The token in the nominative, with its number and its original letter case; an
    adjective in ``gender`` (a pymorphy3 grammeme) where its noun's is known.

    A man's name pymorphy3 can only guess (no dictionary entry, no name tag) is declined
    by its ending ("Мерца" -> "Мерц", "Милея" -> "Милей", "Моди" stays): its guesses
    model Russian nouns ("мерец", "модь"), not foreign names.
    """
    case = token.morph.get("Case")
    if not case or case == ["Nom"] or not _inflectable(token.text):
        return token.text
    parse = token_parse(token)
    if parse is None:
        return token.text
    if token.ent_type_ == "PER" and case[0] == "Ins" and _guessed(parse) and not token.text.lower().endswith(INSTRUMENTAL_ENDINGS):
        return token.text  # no instrumental ends so: a foreign name that does not decline ("Марком Рютте")
    misread = parse.tag.POS not in ("NOUN", "ADJF") or "nomn" in parse.tag  # the tagger saw another case
    if token.ent_type_ == "PER" and case[0] == "Ins" and token.text.lower().endswith("ей") and len(token.text) > 4:
        declined = a_declension(token.text.lower(), "Ins", woman=True)  # "-ей" of the instrumental is a woman's only
        if declined is not None:
            return restore_case(declined, token.text)
    if token.ent_type_ == "PER" and (misread or _guessed_name(parse)):
        if _guessed_name(parse) and _indeclinable(token.text.lower()):
            return token.text  # "Мелони", "Моди": a foreign name in these vowels does not decline
        if token.morph.get("Gender") == ["Masc"]:
            return restore_case(masculine_stem(token.text.lower(), case[0]), token.text)
        if token.morph.get("Gender") == ["Fem"] and case[0] in A_DECLENSION:
            declined = a_declension(token.text.lower(), case[0], woman=True)
            return token.text if declined is None else restore_case(declined, token.text)
        if parse.tag.POS not in ("NOUN", "ADJF"):
            return token.text
    if "nomn" in parse.tag or (_guessed(parse) and token.morph.get("Number") == ["Sing"] and "plur" in parse.tag):
        return token.text  # a guess at odds with the tagger: "Роббенэйланд" as a plural
    form = _inflected(parse, gender if parse.tag.POS == "ADJF" else None)
    return token.text if form is None else restore_case(form, token.text)


@lru_cache(maxsize=50_000)
def _inflected(parse: Any, gender: str | None) -> str | None:
    """The parse's word in the nominative (and ``gender``): of the forms with that tag,
    the one nearest the word ("высшей" -> "высшая", not the "высочайшая" of its lexeme)."""
    form = parse.inflect({"nomn", gender} if gender else {"nomn"})
    if form is None:
        return None
    forms = (f.word for f in parse.lexeme if f.tag == form.tag)
    return max(forms, key=lambda w: len(commonprefix([w, parse.word])), default=form.word)


#: case endings of masculine names declined like "Олаф": Олафа, Олафу, Олафом, Олафе
MASCULINE_ENDINGS = {"Gen": ("а", "я"), "Acc": ("а", "я"), "Dat": ("у", "ю"), "Ins": ("ом", "ем"), "Loc": ("е",)}
#: the -а/-я declension of names (Мандела, Джорджа, Кая): case ending -> nominative
#: ending; None: "а" after a hushing letter or a velar, else "я". The dative and locative
#: "-е" could be any declension; a genitive "-и" and an instrumental "-ей" are a woman's
#: name's only: a man's "-и" is as often an indeclinable name ("Моди"), his "-ей" a
#: nominative ("Алексей")
A_DECLENSION = {"Gen": (("ы", "а"), ("и", None)), "Acc": (("у", "а"), ("ю", "я")), "Ins": (("ой", "а"), ("ей", None))}
WOMEN_ONLY = {"и", "ей"}
VOWELS = set("аеёиоуыэюя")


def _indeclinable(word: str) -> bool:
    """A foreign name's ending that no Russian case gives: "-о", "-э", a doubled vowel
    ("аш-Шараа"), and "-и" but after the letters whose "-и" is a genitive ("Монеточки")."""
    doubled = len(word) > 2 and word[-1] == word[-2] and word[-1] in VOWELS
    return doubled or word[-1] in "оэ" or (word[-1] == "и" and len(word) > 2 and word[-2] not in "кгхжшчщ")


def a_declension(word: str, case: str, woman: bool) -> str | None:
    """A name of the -а/-я declension in the nominative, if its ending is of that case.

    >>> a_declension("джорджи", "Gen", woman=True)
    'джорджа'
    >>> a_declension("каи", "Gen", woman=True)
    'кая'
    >>> a_declension("натальей", "Ins", woman=True)
    'наталья'
    >>> a_declension("моди", "Gen", woman=False) is None
    True
    """
    for ending, nominative in A_DECLENSION.get(case, ()):
        if word.endswith(ending) and len(word) > len(ending) + 1 and (woman or ending not in WOMEN_ONLY):
            stem = word[: -len(ending)]
            return stem + (nominative or ("а" if stem[-1] in "жшчщгкх" else "я"))
    return None


def masculine_stem(word: str, case: str) -> str:
    """A man's name that pymorphy3 cannot decline, in the nominative by its case ending
    (declined like "Олаф" or like "Мандела").

    >>> masculine_stem("олафа", "Gen")
    'олаф'
    >>> masculine_stem("милея", "Gen")
    'милей'
    >>> masculine_stem("шольцем", "Ins")
    'шольц'
    >>> masculine_stem("моди", "Gen")
    'моди'
    >>> masculine_stem("манделы", "Gen")
    'мандела'
    >>> masculine_stem("зумой", "Ins")
    'зума'
    """
    declined = a_declension(word, case, woman=False)
    if declined is not None:
        return declined
    for ending in MASCULINE_ENDINGS.get(case, ()):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            if ending in ("я", "ю", "ем") and stem[-1] in VOWELS:
                return stem + "й"  # Милея, Милею, Милеем -> Милей
            return stem
    return word


def _guessed(parse: Any) -> bool:
    """pymorphy3 guessed the parse of a word its dictionary lacks."""
    return any(type(step[0]).__name__ != "DictionaryAnalyzer" for step in parse.methods_stack)


def _guessed_name(parse: Any) -> bool:
    """pymorphy3 guessed the parse of a word its dictionary lacks, and not as a name."""
    return _guessed(parse) and not ({"Name", "Surn", "Patr"} & parse.tag.grammemes)


def _inflectable(word: str) -> bool:
    """Words whose last hyphen part is Cyrillic, of two letters or more, and that are not
    abbreviations ("Telegram-канале" is, "ВСУ" and "Reuters" are not)."""
    last = word.rsplit("-", 1)[-1]
    if len(last) < 2 or last.isupper() or not last.isalpha():
        return False
    return all("а" <= c <= "я" or c == "ё" for c in last.lower())


def restore_case(word: str, model: str) -> str:
    """``word`` with the letter case of ``model``, part by part across hyphens; ё only
    where the model has it.

    >>> restore_case("нью-йорк", "Нью-Йорка")
    'Нью-Йорк'
    >>> restore_case("соединённые", "Соединенными")
    'Соединенные'
    """
    if "ё" not in model.lower():
        word = word.replace("ё", "е")
    parts, models = word.split("-"), model.split("-")
    out = []
    for k, part in enumerate(parts):
        pattern = models[k] if k < len(models) else models[-1]
        if pattern[:1].isupper():
            part = part[:1].upper() + part[1:]
        out.append(part)
    return "-".join(out)
