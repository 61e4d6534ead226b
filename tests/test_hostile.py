"""Hostile and careless use: outputs that are inputs, poison lines, sentinel dates,
signals, huge sentences, error statuses of every command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from geonews_nlp import Article, extract, link
from geonews_nlp.runners.cli import IO_ERROR, TERMINATED, USAGE, main

POISON_LINES = [
    '{"id": "surrogate", "text": "Владимир Путин \\ud800 встретился с Си Цзиньпином."}',
    "[" * 100_000 + "]" * 100_000,
    '{"id": "digits", "text": "Текст.", "n": ' + "1" * 5001 + "}",
]


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- outputs that are inputs ---------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["extract", "--jsonl", "{in}", "-o", "{in}"],
    ["extract", "--jsonl", "{in}", "-o", "{out}", "--html", "{in}"],
    ["extract", "--jsonl", "{in}", "-o", "{out}", "--html", "{out}"],
    ["link", "{in}", "-o", "{in}"],
    ["link", "{in}", "-o", "{out}", "--occasions", "{out}"],
], ids=["extract -o in", "--html in", "-o x --html x", "link -o in", "link -o x --occasions x"])
def test_an_output_that_is_an_input_or_another_output_is_refused(tmp_path, capsys, args):
    source = tmp_path / "in.jsonl"
    content = extract("Макрон прибыл в Берлин.", id="1").to_json() + "\n"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n", encoding="utf-8")
    assert main([a.format(**{"in": source, "out": out}) for a in args]) == USAGE
    assert source.read_text(encoding="utf-8") == content and out.read_text(encoding="utf-8") == "kept\n"
    assert "write the output elsewhere" in capsys.readouterr().err


def test_the_same_file_by_another_path_is_refused(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "1", "text": "Текст."}\n', encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(source)
    assert main(["extract", "--jsonl", str(source), "-o", str(tmp_path / "link.jsonl")]) == USAGE
    assert source.read_text(encoding="utf-8") == '{"id": "1", "text": "Текст."}\n'


# -- poison lines --------------------------------------------------------------------------


def test_poison_lines_through_the_command_line(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(POISON_LINES) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(source), "-o", str(out)]) == 1
    first, deep, digits = _lines(out)
    assert first["id"] == "surrogate" and "\ufffd" in first["text"] and first["events"]
    assert "RecursionError" in deep["error"] and "digits" in digits["error"]
    linked, occasions = tmp_path / "linked.jsonl", tmp_path / "occasions.jsonl"
    assert main(["link", str(out), "-o", str(linked), "--occasions", str(occasions)]) == 1
    assert [r.get("id") for r in _lines(linked)] == ["surrogate", None, None]
    assert len(_lines(occasions)) == 1


def test_poison_lines_through_dask():
    import dask
    import dask.bag as db

    from geonews_nlp.runners.batch import parse_record
    from geonews_nlp.runners.dask import extract_bag

    with dask.config.set(scheduler="synchronous"):
        done = extract_bag(db.from_sequence(POISON_LINES, npartitions=2).map(parse_record)).compute()
    assert len(done) == 3 and [r.get("error") is None for r in done] == [True, False, False]


@pytest.mark.parametrize("line, says", [
    ('{"id": "t", "text": "x", "events": [{"type": "meeting"}]}', "KeyError"),
    ('{"id": "u", "text": "x", "events": [{"type": "talks", "trigger": {"start": 0, "end": 1, "text": "x"}, '
     '"status": "actual", "date": null}]}', "unknown event type"),
    ('{"id": "d", "text": "x", "date": 2026}', "ISO string"),
    (b'{"id": "\xff"}', "not UTF-8"),
], ids=["no trigger", "unknown type", "numeric date", "not UTF-8"])
def test_link_gives_a_line_it_cannot_read_an_error_line(tmp_path, capsys, line, says):
    good = extract("Путин встретился с Си Цзиньпином.", "2025-05-06", id="g").to_json().encode()
    source = tmp_path / "in.jsonl"
    source.write_bytes((line if isinstance(line, bytes) else line.encode()) + b"\n" + good + b"\n")
    out = tmp_path / "out.jsonl"
    assert main(["link", str(source), "-o", str(out)]) == 1
    bad, linked = _lines(out)
    assert says in bad["error"] and linked["events"][0]["occasion"]
    assert "were no article" in capsys.readouterr().err


# -- sentinel dates --------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["9999-12-31", "9999-12", "9999", "0001-01-01", "0001"])
def test_calendar_edges_extract_and_link(date):
    text = ("Вчера Владимир Путин встретился с Си Цзиньпином. Через неделю он посетит Индию, "
            "в прошлом году он был в Китае, в следующем месяце будет саммит.")
    article = extract(text, date)
    assert article.events and all(e.date is None or 1 <= int(e.date[:4]) <= 9999 for e in article.events)
    assert extract(f"date {date}\n{text}").date == date
    assert len(link([article, extract(text, date, id="b")]).articles) == 2


# -- the JSON of one long sentence ---------------------------------------------------------------


def test_events_refer_to_their_sentence_by_offsets():
    text = "Путин встретился с Си Цзиньпином, а Макрон встретился с Шольцем."
    article = extract(text)
    events = article.to_dict()["events"]
    assert len(events) == 2 and all(set(e["sentence"]) == {"start", "end"} for e in events)
    assert Article.from_dict(article.to_dict()) == article
    old = article.to_dict()
    old["events"] = [e.to_dict() for e in article.events]  # files written with the sentence's text
    assert Article.from_dict(old) == article
    assert article.events[0].sentence is article.events[1].sentence  # one record a sentence


def test_a_sentence_beyond_any_sense_is_read_in_pieces():
    from geonews_nlp.components.tokenizer import MAX_SENTENCE_WORDS

    words = ["слово"] * (2 * MAX_SENTENCE_WORDS + 10) + ["Владимир", "Путин", "встретился", "с", "Си", "Цзиньпином"]
    article = extract(" ".join(words))
    assert len(article.sentences) == 3
    assert article.sentences[-1].end == len(article.text)  # nothing dropped
    assert {e.name for e in article.entities} == {"Владимир Путин", "Си Цзиньпин"}


# -- a hub in link --------------------------------------------------------------------------


def _meeting(k: int, partner: str, code: str) -> Article:
    from geonews_nlp import Argument, Entity, Event, Trigger

    entities = (Entity("E1", "PER", "Дональд Трамп", (), "USA", "person"), Entity("E2", "PER", partner, (), code, "person"))
    arguments = (Argument("participant", "Дональд Трамп", "E1", 0, 1, "USA"), Argument("participant", partner, "E2", 0, 1, code))
    event = Event("meeting", Trigger(0, 1, "встреча", "встреча"), "actual", "2025-10-30", arguments,
                  attributes={"mode": "meeting"})
    return Article("", "2025-10-30", (), entities, (event,), f"a{k}")


def test_a_leader_meeting_many_partners_in_a_day_keeps_every_meeting_apart():
    from geonews_nlp.linking.link import LATEST

    articles = [_meeting(k, f"Партнер{k}", f"P{k:04d}") for k in range(LATEST * 3)]
    articles.append(_meeting(len(articles), "Партнер0", "P0000"))  # the first meeting, told again at the end
    linked = link(articles).articles
    ids = [a.events[0].occasion for a in linked]
    assert len(set(ids[:-1])) == len(articles) - 1
    assert ids[-1] == ids[0]  # found under the rarer party, however many the hub has


# -- signals ---------------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sent, status", [(signal.SIGTERM, TERMINATED), (signal.SIGKILL, -signal.SIGKILL)])
def test_workers_end_with_their_parent(tmp_path, seed_text, sent, status):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "text": seed_text}, ensure_ascii=False) + "\n"
                              for i in range(400)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([sys.executable, "-m", "geonews_nlp", "extract", "--jsonl", str(source), "-o", str(out),
                            "--workers", "2"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = _children(run.pid)
    assert workers, "the workers must be running when the signal is sent"
    run.send_signal(sent)
    assert run.wait(timeout=120) == status
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
    if sent == signal.SIGTERM:
        assert b"Traceback" not in run.stderr.read()


# -- exit statuses ---------------------------------------------------------------------------


def test_operational_errors_have_their_own_status(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "1", "text": "Текст."}\n', encoding="utf-8")
    assert main(["extract", "--jsonl", str(source), "-o", str(tmp_path)]) == IO_ERROR  # a directory
    assert main(["extract", "--jsonl", str(source), "-o", str(tmp_path / "no" / "out.jsonl")]) == IO_ERROR
    assert main(["link", str(tmp_path / "missing.jsonl")]) == IO_ERROR
    assert main(["debug", str(tmp_path / "missing.txt")]) == IO_ERROR
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 4
    assert main(["link", "--horizon", "-5", str(source)]) == USAGE


@pytest.mark.parametrize("written", [
    b'{"id": "1", "error": "x"}\n{"id": "2", "err\n{"id": "3", "error": "x"}\n',
    b'{"id": "1", "error": "x"}\n[1, 2]\n',
    b'{"id": "1", "error": "\xff"}\n{"id": "2", "er',
], ids=["torn middle line", "not an object", "not UTF-8"])
def test_resume_refuses_a_foreign_output_and_leaves_it_as_it_was(tmp_path, capsys, written):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": str(k), "text": "Текст."}) + "\n" for k in (1, 2, 3)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_bytes(written)
    assert main(["extract", "--jsonl", str(source), "-o", str(out), "--resume"]) == USAGE
    assert out.read_bytes() == written
    assert "cannot resume" in capsys.readouterr().err


def test_render_takes_types_it_has_no_colour_for():
    import dataclasses

    from geonews_nlp import render

    article = extract("Путин встретился с Си Цзиньпином.")
    other = dataclasses.replace(article, events=(dataclasses.replace(article.events[0], type="talks"),))
    assert "talks" in render(other)
