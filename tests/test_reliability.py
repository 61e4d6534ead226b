"""Reliability: garbage in, a well-formed result out; the same result every time, in
any thread or process; no network; long inputs read in bounded pieces."""

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_article

from geonews_nlp import extract
from geonews_nlp.text.chunks import CHUNK_CHARS, chunk_bounds

NEWS = "Президент Франции Эмманюэль Макрон встретился с Олафом Шольцем в Берлине. США пообещали Украине помощь."

GARBAGE = [
    ("html", "<p>Путин &amp; <b>Байден</b> встретились в&nbsp;Женеве.</p><br/>"),
    ("markdown", "## Встреча\n\n* **Макрон** встретился с [Шольцем](https://example.com) в `Берлине`."),
    ("urls and e-mail", "Подробнее: https://news.example.ru/2026/01/06/путин?id=1&x=2 или press@kremlin.ru"),
    ("emoji", "🇺🇦 Зеленский 🤝 Макрон 🇫🇷 провели переговоры 🔥🔥🔥"),
    ("control characters", "Путин\x07 встретился\x1b[0m с \x0cСи Цзиньпином\x7f в Пекине."),
    ("nul bytes", "Макрон\x00 встретился\x00 с Шольцем\x00."),
    ("lone surrogates", "Зеленский \ud800 прибыл в Париж \udfff."),
    ("homoglyphs", "Пyтин встpетился с Сu Цзuньпuном в Пeкинe."),  # Latin letters inside Cyrillic words
    ("ukrainian", "Зеленський зустрівся з Макроном у Парижі та обговорив гарантії безпеки."),
    ("english", "Biden met Putin in Geneva and promised security guarantees to Ukraine."),
    ("all caps", "ПУТИН ВСТРЕТИЛСЯ С БАЙДЕНОМ В ЖЕНЕВЕ И ПООБЕЩАЛ ГАРАНТИИ БЕЗОПАСНОСТИ."),
    ("long token", "Путин " + "а" * 100_000 + " прибыл."),
    ("long sentence", "Макрон, Шольц, " * 3000 + "встретились."),
    ("only punctuation", "!!! ??? ... --- ((( ))) «»"),
    ("digits", "2026 01 06 12:30 +7 (495) 123-45-67"),
    ("zero-width", "Пу\u200bтин\u200d встре\u200cтился\ufeff с Си."),
    ("mixed newlines", "Макрон\r\nвстретился\rс\u2028Шольцем\u2029в Берлине.\x85"),
    ("rtl and combining", "Нетаньяху \u05e0\u05ea\u05e0\u05d9\u05d4\u05d5 встретился с Ка\u0301твой."),
    ("header only", " date 2026-01-06 "),
    ("bad header date", "date 2026-02-30 Путин прибыл."),
    ("brackets", "((((((((Макрон)))))))) [[[Шольц]]] {{{Берлин}}}"),
    ("quotes", "«««Коалиция желающих»»» \"\"\"НАТО\"\"\" ''ЕС''"),
]


@pytest.mark.parametrize("kind, text", GARBAGE, ids=[g[0] for g in GARBAGE])
def test_garbage_gives_a_well_formed_result(kind, text):
    check_article(extract(text), text)


def test_same_input_same_json():
    first = extract(NEWS, "2026-01-06", id="x").to_json()
    assert extract(NEWS, "2026-01-06", id="x").to_json() == first


def test_same_json_in_another_process():
    code = (
        "import sys, geonews_nlp\n"
        "sys.stdout.write(geonews_nlp.extract(sys.argv[1], '2026-01-06', id='x').to_json())\n"
    )
    other = subprocess.run([sys.executable, "-c", code, NEWS], capture_output=True, text=True, check=True).stdout
    assert other == extract(NEWS, "2026-01-06", id="x").to_json()


def test_threads_give_the_sequential_results(seed_text):
    texts = [NEWS, seed_text, "США предоставят Израилю гарантии безопасности.", "", *[g[1] for g in GARBAGE[:6]]] * 2
    sequential = [extract(t).to_json() for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda t: extract(t).to_json(), texts))
    assert threaded == sequential


def test_no_network_at_run_time():
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise RuntimeError('network used')\n"
        "class NoNetwork(socket.socket):\n"
        "    connect = connect_ex = sendto = refuse\n"
        "socket.socket = NoNetwork\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "import geonews_nlp\n"
        "a = geonews_nlp.extract('Макрон встретился с Шольцем в Берлине.')\n"
        "print(len(a.entities), len(a.events))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["3", "1"]


def test_long_texts_are_read_in_pieces_with_whole_text_offsets(seed_text):
    body = seed_text.split(" ", 3)[3]
    text = seed_text + ("\n\n" + body) * 70
    assert len(text) > 2 * CHUNK_CHARS
    pieces = list(chunk_bounds(text))
    assert len(pieces) >= 3 and all(e - s <= CHUNK_CHARS for s, e in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    article = extract(text)
    check_article(article, text)
    assert article.date == "2026-01-06"
    zelensky = next(e for e in article.entities if e.name == "Владимир Зеленский")
    assert len(zelensky.names) == 4 * 71  # one entity across the pieces
    seed_events = extract(seed_text).events
    assert len(article.events) == 71 * len(seed_events)


def test_a_run_without_breaks_is_cut_anywhere():
    text = "а" * (CHUNK_CHARS * 2 + 10)
    assert [e - s for s, e in chunk_bounds(text)] == [CHUNK_CHARS, CHUNK_CHARS, 10]
    check_article(extract(text), text)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=300))
def test_any_unicode(text):
    check_article(extract(text), text)


@st.composite
def mutated_news(draw):
    text = list(NEWS)
    for _ in range(draw(st.integers(0, 12))):
        action = draw(st.sampled_from(["insert", "delete", "flip"]))
        at = draw(st.integers(0, max(0, len(text) - 1)))
        if action == "insert":
            text.insert(at, draw(st.characters()))
        elif action == "delete" and text:
            del text[at]
        elif text:
            text[at] = text[at].swapcase()
    return "".join(text)


@SETTINGS
@given(mutated_news())
def test_mutated_news(text):
    check_article(extract(text), text)


def test_json_of_garbage_round_trips():
    for _, text in GARBAGE:
        data = json.loads(extract(text).to_json())
        assert data["text"] == text
