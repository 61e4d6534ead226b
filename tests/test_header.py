"""The ``date YYYY-MM-DD`` header and the caller's date."""

import datetime as dt

import pytest

from geonews_nlp import extract
from geonews_nlp.text.header import normalize_date, parse_header

HEADERS = [
    (" date 2026-01-06 Президент прибыл.", "2026-01-06", 17),
    ("date 2025-12-31\nТекст.", "2025-12-31", 15),
    ("\n\n  date 2026-02-01 Текст", "2026-02-01", 20),
    ("Президент прибыл 2026-01-06.", None, 0),
    ("date 2026-13-45 Текст.", None, 0),  # not a real day: no header
    ("date 2025-06\nТекст.", "2025-06", 12),  # an archive that knows the month only
    ("date 2025 Текст.", "2025", 10),
    ("date 2025-06-1 Текст.", None, 0),
    ("update 2026-01-06 Текст.", None, 0),
    ("", None, 0),
]


@pytest.mark.parametrize("text, date, body_start", HEADERS)
def test_parse_header(text, date, body_start):
    header = parse_header(text)
    assert (header.date, header.body_start) == (date, body_start)


def test_header_is_not_part_of_any_entity_or_sentence():
    text = " date 2026-01-06 Зеленский прибыл в Париж."
    article = extract(text)
    assert article.date == "2026-01-06"
    assert article.sentences[0].start == text.index("Зеленский")
    assert all(m.start >= text.index("Зеленский") for e in article.entities for m in e.mentions)


def test_given_date_wins_over_header():
    assert extract(" date 2026-01-06 Текст.", "2025-05-05").date == "2025-05-05"
    assert extract("Текст.", dt.date(2024, 2, 29)).date == "2024-02-29"


@pytest.mark.parametrize("bad", ["06.01.2026", "2026-02-30", "2026-13", "вчера", "", 20260106, [2026, 1, 6]])
def test_bad_date_raises_value_error(bad):
    with pytest.raises(ValueError, match="ISO"):
        normalize_date(bad)


def _missing_values():
    import numpy
    import pandas

    return [None, float("nan"), numpy.nan, pandas.NA, pandas.NaT]


@pytest.mark.parametrize("missing", _missing_values(), ids=repr)
def test_a_missing_date_is_no_date(missing):
    assert normalize_date(missing) is None
    assert extract("Путин прибыл в Минск.", missing).date is None


PARTIAL = [
    # (article date, sentence, event date): relative expressions resolve as far as the
    # known part of the article date allows
    ("2025-06", "В декабре Путин встретился с Си.", "2024-12"),  # a past December: the last one
    ("2025", "В декабре Путин встретился с Си.", "2025-12"),
    ("2025-06", "Путин встретился с Си 6 марта.", "2025-03-06"),
    ("2025", "Путин встретился с Си 6 марта.", "2025-03-06"),
    ("2025-06", "В субботу Путин встретился с Си.", None),
    ("2025-06", "Вчера Путин встретился с Си.", None),
    ("2025", "Накануне Путин встретился с Си.", None),
    ("2025-06", "Путин встретился с Си в марте 2024 года.", "2024-03"),
]


@pytest.mark.parametrize("date, text, expected", PARTIAL)
def test_partial_article_dates(date, text, expected):
    article = extract(text, date)
    assert article.date == date
    assert article.to_dict()["date"] == date
    assert [e.date for e in article.events] == [expected]


def test_the_tokenizer_dates_the_doc_once():
    from geonews_nlp import load

    tokenizer = load().tokenizer
    assert tokenizer(" date 2026-01-06 Текст.")._.geonews_date == "2026-01-06"
    assert tokenizer.make(" date 2026-01-06 Текст.", "2025-05-05")._.geonews_date == "2025-05-05"
    # a later piece of a long article holds no header: its first words are text
    later = tokenizer.make("date 2026-01-06 Текст.", "2025-05-05", header=False)
    assert (later._.geonews_date, later._.geonews_body_start) == ("2025-05-05", 0)


def test_a_pipeline_without_the_razdel_tokenizer_is_refused_by_extract():
    import spacy

    with pytest.raises(TypeError, match="geonews_nlp.load"):
        extract("Текст.", nlp=spacy.blank("ru"))
