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
    # a full stop glued to the next sentence's capital; not after an abbreviation, an
    # initial or in a domain
    ("Лидеры приняли декларацию.Текст опубликован.", ["Лидеры приняли декларацию.", "Текст опубликован."]),
    ("Анонсировал встречу на саммите АТЭС.\"Я также договорился\", — написал он.",
     ["Анонсировал встречу на саммите АТЭС.", "\"Я также договорился\", — написал он."]),
    ("Об этом сообщил Дж.Коми в интервью изданию Gzt.Ru сегодня.", ["Об этом сообщил Дж.Коми в интервью изданию Gzt.Ru сегодня."]),
    ("(Прим.Life.ru) договоренность достигнута.", ["(Прим.Life.ru) договоренность достигнута."]),
    # an agency's dateline is a sentence of its own
    ("ЙОХАННЕСБУРГ, 3 марта (Синьхуа) -- Президент ЮАР встретился с Путиным.",
     ["ЙОХАННЕСБУРГ, 3 марта (Синьхуа) --", "Президент ЮАР встретился с Путиным."]),
    ("НОВОСТИ.RU - Президент встретился с Путиным.", ["НОВОСТИ.RU -", "Президент встретился с Путиным."]),
    ("Трамп встретится с Си  ВАШИНГТОН, 19 сен — РИА Новости. Президент анонсировал встречу.",
     ["Трамп встретится с Си", "ВАШИНГТОН, 19 сен — РИА Новости.", "Президент анонсировал встречу."]),
    # a byte order mark is no part of the first word, nor of the header
    ("\ufeffПутин прибыл в Пекин.", ["Путин прибыл в Пекин."]),
    ("\ufeffdate 2026-01-06\nПутин прибыл в Пекин.", ["Путин прибыл в Пекин."]),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentences_skip_header(nlp, text, expected):
    from geonews_nlp import extract

    article = extract(text)
    assert [s.text for s in article.sentences] == expected
    for s in article.sentences:
        assert text[s.start : s.end] == s.text


def test_a_dateline_names_no_party():
    from geonews_nlp import extract

    article = extract("УЛАН-УДЭ, 28 окт - ПРАЙМ. Амурская область и Китай договорились о сотрудничестве.", "2025-10-28")
    assert [(a.role, a.name) for a in article.events[0].arguments] == [("agent", "Амурская область"), ("agent", "Китай")]


def test_a_byte_order_mark_keeps_the_first_name_and_the_header_date():
    from geonews_nlp import extract

    article = extract("\ufeffdate 2026-01-06\nПутин прибыл в Пекин.")
    assert article.date == "2026-01-06"
    assert [e.name for e in article.entities] == ["Путин", "Пекин"]
    assert article.entities[0].mentions[0].start == len("\ufeffdate 2026-01-06\n")
