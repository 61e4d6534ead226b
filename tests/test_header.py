"""The ``date YYYY-MM-DD`` header and the caller's date."""

import datetime as dt

import pytest

from geonews_nlp import extract
from geonews_nlp.header import normalize_date, parse_header

HEADERS = [
    (" date 2026-01-06 Президент прибыл.", "2026-01-06", 17),
    ("date 2025-12-31\nТекст.", "2025-12-31", 15),
    ("\n\n  date 2026-02-01 Текст", "2026-02-01", 20),
    ("Президент прибыл 2026-01-06.", None, 0),
    ("date 2026-13-45 Текст.", None, 0),  # not a real day: no header
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


@pytest.mark.parametrize("bad", ["06.01.2026", "2026-02-30", "вчера", 20260106, [2026, 1, 6]])
def test_bad_date_raises_value_error(bad):
    with pytest.raises(ValueError, match="ISO"):
        normalize_date(bad)
