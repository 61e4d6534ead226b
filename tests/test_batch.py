"""Batches: order, error results, several processes, and the command line's resume."""

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from geonews_nlp import Article, extract
from geonews_nlp.runners.batch import extract_many

TEXTS = [
    "Эмманюэль Макрон встретился с Олафом Шольцем в Берлине.",
    "Франция пообещала Молдавии помощь.",
    "США предоставят Израилю гарантии безопасности.",
    "",
    "Погода сегодня хорошая.",
]


def test_one_article_per_input_in_order():
    records = [{"id": f"r{i}", "text": t, "date": "2026-01-06"} for i, t in enumerate(TEXTS)]
    out = list(extract_many(records))
    assert [a.id for a in out] == [r["id"] for r in records]
    assert out[0] == extract(TEXTS[0], "2026-01-06", id="r0")


BAD = [
    (42, None, "got int"),
    ({"id": 7, "text": b"bytes"}, "7", "decode"),
    ({"id": "d", "text": "Текст.", "date": "вчера"}, "d", "ISO"),
    ({"id": "n"}, "n", "text is missing"),
    (["a", "list"], None, "got list"),
]


@pytest.mark.parametrize("item, record_id, message", BAD)
def test_bad_records_give_error_results(item, record_id, message):
    [article] = list(extract_many([item]))
    assert isinstance(article, Article) and article.id == record_id
    assert message in article.error


def test_bad_records_do_not_stop_the_batch():
    items = ["Макрон прибыл в Берлин.", 42, {"id": "x"}, "Шольц прибыл в Париж."]
    out = list(extract_many(items))
    assert len(out) == 4
    assert [a.error is None for a in out] == [True, False, False, True]


def test_streaming_does_not_read_ahead_of_the_consumer():
    pulled = []

    def endless():
        i = 0
        while True:
            pulled.append(i)
            yield f"Встреча номер {i}."
            i += 1

    stream = extract_many(endless())
    for _ in range(3):
        next(stream)
    assert len(pulled) == 3


def test_invalid_settings_fail_at_once():
    with pytest.raises(ValueError):
        extract_many([], n_process=0)


def test_two_processes_give_the_single_process_output():
    records = [{"id": str(i), "text": t} for i, t in enumerate(TEXTS * 3)] + [13]
    single = list(extract_many(records))
    double = list(extract_many(records, n_process=2, batch_size=2))
    assert double == single


def test_two_processes_keep_order_with_uneven_articles():
    texts = [t * (1 + 20 * (i % 3 == 0)) for i, t in enumerate(TEXTS * 4)]
    double = list(extract_many(texts, n_process=2, batch_size=3))
    assert [a.text for a in double] == texts


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers inherit the patch by fork")
def test_a_record_that_kills_its_worker_gets_an_error_result(monkeypatch):
    from geonews_nlp import pipeline

    real = pipeline.extract

    def dies_on_poison(text, *args, **kwargs):
        if text == "POISON":
            os._exit(1)  # what an out-of-memory kill or a crash in native code looks like
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract", dies_on_poison)  # the forked workers inherit it
    items = [{"id": str(i), "text": t} for i, t in enumerate(TEXTS)]
    items.insert(2, {"id": "p", "text": "POISON"})
    out = list(extract_many(items, n_process=2, batch_size=2))
    assert [a.id for a in out] == [item["id"] for item in items]
    assert [a.error is None for a in out] == [item["id"] != "p" for item in items]
    assert "worker process died" in out[2].error
    assert out[0] == real(TEXTS[0], id="0")


def test_a_record_that_cannot_reach_a_worker_gets_an_error_result():
    items = ["Макрон прибыл в Берлин.", {"id": "f", "text": "Текст.", "extra": lambda: None}, "Шольц прибыл в Париж."]
    out = list(extract_many(items, n_process=2, batch_size=1))
    assert [a.error is None for a in out] == [True, False, True]
    assert out[1].id == "f" and "pickle" in out[1].error.lower()


def _cli(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "geonews_nlp", "extract", *args], **kwargs)


@pytest.fixture()
def many_records(tmp_path, seed_text):
    path = tmp_path / "in.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(40):
            f.write(json.dumps({"id": f"a{i}", "text": seed_text}, ensure_ascii=False) + "\n")
    return path


def test_cli_with_workers(many_records, tmp_path):
    out = tmp_path / "out.jsonl"
    assert _cli("--jsonl", str(many_records), "-o", str(out), "--workers", "2").wait(timeout=300) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"a{i}" for i in range(40)]


def test_resume_after_a_kill(many_records, tmp_path):
    out = tmp_path / "out.jsonl"
    run = _cli("--jsonl", str(many_records), "-o", str(out))
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 5):
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    written = out.read_bytes().count(b"\n")
    assert 5 <= written < 40, "the kill must land midway"
    with out.open("a", encoding="utf-8") as f:
        f.write('{"id": "a')  # a line cut short by the kill
    assert _cli("--jsonl", str(many_records), "-o", str(out), "--resume").wait(timeout=300) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"a{i}" for i in range(40)]


def test_resume_refuses_another_input(many_records, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "other"}\n', encoding="utf-8")
    run = _cli("--jsonl", str(many_records), "-o", str(out), "--resume", stderr=subprocess.PIPE, text=True)
    _, err = run.communicate(timeout=300)
    assert run.returncode != 0 and "cannot resume" in err


def test_progress_bar_on_request(many_records, tmp_path):
    out = tmp_path / "out.jsonl"
    run = _cli("--jsonl", str(many_records), "-o", str(out), "--progress", stderr=subprocess.PIPE, text=True)
    _, err = run.communicate(timeout=300)
    assert "40/40" in err and "article/s" in err


def test_undecodable_jsonl_line(tmp_path, capsys):
    from geonews_nlp.runners.cli import main

    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "1", "text": "\xd0\x9a\xd0\xb8\xd0\xb5\xd0\xb2."}\n\xff\xfe\n{"id": "3", "text": "x"}\n')
    assert main(["extract", "--jsonl", str(path)]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o.get("id") for o in out] == ["1", None, "3"]
    assert "not UTF-8" in out[1]["error"]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers inherit the patch by fork")
@pytest.mark.parametrize("batch_size, poisons", [(8, (5, 70)), (2, (0,)), (16, (3, 4, 120))])
def test_workers_dying_while_the_consumer_lags_lose_nothing(monkeypatch, batch_size, poisons):
    """The consumer is slower than the workers: the pool breaks between two submits, and
    every record still comes back once, in order, the poison ones as errors."""
    import time

    from geonews_nlp import pipeline

    real = pipeline.extract

    def dies_on_poison(text, *args, **kwargs):
        if text == "POISON":
            os._exit(1)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract", dies_on_poison)
    items = [{"id": str(i), "text": "POISON" if i in poisons else f"Текст номер {i}."} for i in range(150)]
    out = []
    for article in extract_many(items, n_process=2, batch_size=batch_size):
        out.append(article)
        time.sleep(0.002)  # a consumer writing somewhere slow
    assert [a.id for a in out] == [item["id"] for item in items]
    assert [k for k, a in enumerate(out) if a.error is not None] == list(poisons)
