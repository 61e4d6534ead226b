"""Tokens and sentences: razdel's, with every character of the input kept."""

import pytest

TOKENS = [
    ("Зеленский прибыл в Париж.", ["Зеленский", "прибыл", "в", "Париж", "."]),
    ("США и РФ", ["США", "и", "РФ"]),
    ("т.е. 6 января", ["т", ".", "е", ".", "6", "января"]),  # razdel splits abbreviations
    ("«Коалиция желающих»", ["«", "Коалиция", "желающих", "»"]),
    ("американо-украинских переговоров", ["американо-украинских", "переговоров"]),
    ("OBOZ.UA и Telegram-канал", ["OBOZ", ".", "UA", "и", "Telegram-канал"]),
    ("1,5 млрд долларов", ["1,5", "млрд", "долларов"]),
]


@pytest.mark.parametrize("text, expected", TOKENS)
def test_tokens(nlp, text, expected):
    doc = nlp.make_doc(text)
    assert [t.text for t in doc if not t.is_space] == expected


WHITESPACE = [
    "",
    " ",
    "\n\n",
    "  Два  пробела.\n\nАбзац.\t Табуляция.  ",
    " date 2026-01-06 Президент прибыл.\n\nВидео дня\n\n",
    "\u00a0неразрывный\u00a0пробел",
]


@pytest.mark.parametrize("text", WHITESPACE)
def test_doc_keeps_every_character(nlp, text):
    assert nlp.make_doc(text).text == text


SENTENCES = [
    ("Зеленский прибыл в Париж. Там он встретится с Макроном.",
     ["Зеленский прибыл в Париж.", "Там он встретится с Макроном."]),
    (" date 2026-01-06 Президент прибыл. Встреча прошла.",
     ["Президент прибыл.", "Встреча прошла."]),
    ("Первый абзац.\n\nВторой абзац.", ["Первый абзац.", "Второй абзац."]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentences_skip_header(nlp, text, expected):
    from geonews_nlp import extract

    article = extract(text)
    assert [s.text for s in article.sentences] == expected
    for s in article.sentences:
        assert text[s.start : s.end] == s.text
