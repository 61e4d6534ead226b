"""Status, date and source of events: tables of sentences written for this project."""

import pytest
from events_table import events_of

from geonews_nlp import extract

# (sentence, article date, expected date of its meeting)
DATES = [
    ("Эмманюэль Макрон встретился с Олафом Шольцем 6 января.", "2026-01-10", "2026-01-06"),
    ("Эмманюэль Макрон встретился с Олафом Шольцем 6 января 2025 года.", "2026-01-10", "2025-01-06"),
    ("Эмманюэль Макрон встретился с Олафом Шольцем 6 января.", None, None),  # no year, no article date
    ("Вчера Эмманюэль Макрон встретился с Олафом Шольцем.", "2026-01-10", "2026-01-09"),
    ("Накануне Эмманюэль Макрон встретился с Олафом Шольцем.", "2026-01-10", "2026-01-09"),
    ("Сегодня Эмманюэль Макрон встретится с Олафом Шольцем.", "2026-01-10", "2026-01-10"),
    ("В понедельник Эмманюэль Макрон встретился с Олафом Шольцем.", "2026-01-10", "2026-01-05"),
    ("В понедельник Эмманюэль Макрон встретится с Олафом Шольцем.", "2026-01-10", "2026-01-12"),
    ("Эмманюэль Макрон встретился с Олафом Шольцем в июле.", "2026-01-10", "2025-07"),  # a past July: the last one
    ("Эмманюэль Макрон встретился с Олафом Шольцем в начале января.", "2026-01-10", "2026-01"),
    ("В декабре 2008 года встреча лидеров состоялась в Москве.", None, "2008-12"),
    ("В 2018 году Эфиопия и Эритрея провели переговоры.", None, "2018"),
    ("Эмманюэль Макрон находится с визитом в Берлине.", "2026-01-10", "2026-01-10"),
    ("Эмманюэль Макрон посетил Берлин.", "2026-01-10", "2026-01-10"),  # the lead: the news of the day
    ("Канцлер выступил в бундестаге. Эмманюэль Макрон посетил Берлин.", "2026-01-10", None),  # past, not the lead
    # a date on the reporting verb is not the event's
    ("12 декабря Дональд Трамп объявил, что встретится с Владимиром Путиным.", "2026-01-10", None),
    ("Накануне поездки в Берлин Эмманюэль Макрон заявил о поддержке.", "2026-01-10", None),
]


@pytest.mark.parametrize("text, article_date, expected", DATES)
def test_meeting_date(text, article_date, expected):
    got = events_of(text, "meeting", article_date)
    assert len(got) == 1
    assert got[0]["date"] == expected


STATUSES = [
    ("meeting", "Макрон встретился с Шольцем.", "actual"),
    ("meeting", "Макрон встретится с Шольцем.", "planned"),
    ("meeting", "Макрон намерен встретиться с Шольцем.", "planned"),
    ("meeting", "Предстоящая встреча Макрона и Шольца пройдет в Париже.", "planned"),
    ("meeting", "Макрон может встретиться с Шольцем.", "hypothetical"),
    ("meeting", "Если Шольц согласится, Макрон встретится с ним.", "hypothetical"),
    ("meeting", "Макрон предложил провести встречу с Шольцем.", "hypothetical"),
    ("meeting", "Песков заявил, что необходимо провести переговоры с Киевом.", "hypothetical"),
    ("commitment", "Надо подписать соглашение с Китаем, считает Путин.", "hypothetical"),
    ("meeting", "Макрон не встретился с Шольцем.", "negated"),
    ("meeting", "Макрон отказался от встречи с Шольцем.", "negated"),
    ("meeting", "Встреча Макрона и Шольца не состоялась.", "negated"),
    ("commitment", "Франция пообещала Молдавии помощь.", "actual"),
    ("commitment", "Франция может пообещать Молдавии помощь.", "hypothetical"),
    ("commitment", "Франция и Германия стремятся согласовать позиции.", "hypothetical"),
    ("commitment", "Франция не подписала соглашение с Германией.", "negated"),
    ("commitment", "Франция подпишет соглашение с Германией.", "planned"),
    ("security_guarantee", "США предоставят Израилю гарантии безопасности.", "planned"),
    ("security_guarantee", "США обсуждают гарантии безопасности для Израиля.", "hypothetical"),
    ("security_guarantee", "Израиль потребовал гарантий безопасности.", "hypothetical"),
    ("security_guarantee", "США дали Израилю гарантии безопасности.", "actual"),
]


@pytest.mark.parametrize("event_type, text, expected", STATUSES)
def test_status(event_type, text, expected):
    got = events_of(text, event_type)
    assert [e["status"] for e in got] == [expected]


SOURCES = [
    ("По словам Эмманюэля Макрона, встреча с Шольцем прошла успешно.", "Эмманюэль Макрон"),
    ("Макрон встретился с Шольцем, сообщает Reuters.", "Reuters"),
    ("Как заявил Дмитрий Песков, встреча Путина и Трампа возможна.", "Дмитрий Песков"),
    ("Макрон встретился с Шольцем.", None),
]


@pytest.mark.parametrize("text, source", SOURCES)
def test_source(text, source):
    events = [e for e in extract(text).events if e.type == "meeting"]
    assert [e.source for e in events] == [source]


def test_backward_source_covers_the_sentences_before():
    text = "Макрон прибыл с визитом в Берлин. Там он встретится с Шольцем. Об этом сообщает Reuters."
    events = extract(text).events
    assert events and all(e.source == "Reuters" for e in events)


def test_attributes_keep_content_condition_and_mode():
    article = extract("Канада предоставит Латвии гарантии безопасности в случае нападения России.")
    event = next(e for e in article.events if e.type == "security_guarantee")
    assert dict(event.attributes)["condition"] == "в случае нападения России"
    assert dict(event.attributes)["pattern"].startswith("security_guarantee.txt:")
    article = extract("Германия пообещала Молдавии новую военную помощь.")
    event = next(e for e in article.events if e.type == "commitment")
    attributes = dict(event.attributes)
    assert (attributes["mode"], attributes["content"]) == ("promise", "новую военную помощь")


# (sentence, the sides each meeting's format states, in text order; None: none stated)
SIDES = [
    ("В Минске прошла трёхсторонняя встреча России, Белоруссии и Казахстана.", ["3"]),
    ("Сегодня состоится двусторонняя встреча Пашиняна и Трампа, а также трехсторонние переговоры с Алиевым.", ["2", "3"]),
    ("Многосторонние консультации по Сирии продолжатся в Астане.", ["many"]),
    ("Путин провел переговоры с Моди в Нью-Дели.", [None]),
    ("Длительная встреча Путина и Моди прошла в Нью-Дели.", [None]),  # an adjective of no format
    ("Стороны обсудили двусторонние отношения на встрече в Москве.", [None]),  # the relations' sides, not the meeting's
]


@pytest.mark.parametrize("text, expected", SIDES)
def test_the_sides_a_meeting_format_states(text, expected):
    article = extract(text, "2025-08-08")
    assert [dict(e.attributes).get("sides") for e in article.events if e.type == "meeting"] == expected
