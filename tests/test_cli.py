"""The command line: plain files and JSONL, one output line per input record."""

import json
import os
import signal
import subprocess
import sys

import pytest

from geonews_nlp.runners.cli import main


def run(capsys, *args, status=0):
    assert main(list(args)) == status
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_plain_files(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(" date 2026-01-06 Зеленский прибыл в Париж.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Макрон прибыл в Берлин.", encoding="utf-8")
    out = run(capsys, "extract", str(a), str(b))
    assert [o["id"] for o in out] == [str(a), str(b)]
    assert out[0]["date"] == "2026-01-06" and out[1]["date"] is None
    assert {e["name"] for e in out[0]["entities"]} == {"Зеленский", "Париж"}


def test_jsonl_keeps_ids_and_count(tmp_path, capsys):
    lines = [
        json.dumps({"id": "1", "text": "Макрон прибыл в Берлин.", "date": "2026-01-05"}),
        "not json",
        json.dumps({"id": "3", "text": 17}),
        json.dumps({"id": "4", "text": "Текст.", "date": "вчера"}),
        json.dumps(["a list"]),
        json.dumps({"id": "6", "text": ""}),
        "",
        json.dumps({"id": "8"}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(src), "-o", str(dst)]) == 1  # some records failed
    out = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert len(out) == len(lines)
    assert [o.get("id") for o in out] == ["1", None, "3", "4", None, "6", None, "8"]
    assert out[0]["date"] == "2026-01-05" and "error" not in out[0]
    assert "not JSON" in out[1]["error"]
    assert "str" in out[2]["error"] and "int" in out[2]["error"]
    assert "ISO" in out[3]["error"]
    assert "JSON object" in out[4]["error"]
    assert out[5]["entities"] == []
    assert "empty line" in out[6]["error"] and "text is missing" in out[7]["error"]


def test_jsonl_from_stdin(monkeypatch, capsys):
    import io

    data = json.dumps({"id": "x", "text": "Путин прибыл в Минск."}).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = run(capsys, "extract", "--jsonl", "-")
    assert out[0]["id"] == "x" and {e["name"] for e in out[0]["entities"]} == {"Путин", "Минск"}


def test_unreadable_file_is_an_error_record(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00 not utf-8 \xc3")
    good = tmp_path / "good.txt"
    good.write_text("Путин прибыл в Минск.", encoding="utf-8")
    assert main(["extract", str(bad), str(good), str(tmp_path / "missing.txt")]) == 1
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert ["error" in o for o in out] == [True, False, True]
    assert "2 records failed" in captured.err


@pytest.mark.parametrize("name", ["missing.txt", "bad.txt"])
def test_one_failed_file_exits_1_and_says_so(tmp_path, capsys, name):
    (tmp_path / "bad.txt").write_bytes(b"\xc3\x28 not utf-8")
    out = run(capsys, "extract", str(tmp_path / name), status=1)
    assert len(out) == 1 and out[0]["id"] == str(tmp_path / name) and "cannot read" in out[0]["error"]


def test_missing_jsonl_file_is_one_error_record(tmp_path, capsys):
    out = run(capsys, "extract", "--jsonl", str(tmp_path / "missing.jsonl"), status=1)
    assert len(out) == 1 and "cannot read" in out[0]["error"]


@pytest.mark.parametrize("bad", ["2026-13-45", "вчера", "06.01.2026"])
def test_bad_date_is_a_usage_error(tmp_path, capsys, bad):
    text = tmp_path / "a.txt"
    text.write_text("Путин прибыл в Минск.", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["extract", "--date", bad, str(text)])
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--date" in captured.err


def test_date_fills_in_jsonl_records_without_one(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    records = [{"id": "a", "text": "Вчера Путин прибыл в Минск."},
               {"id": "b", "text": "Вчера Путин прибыл в Минск.", "date": None},
               {"id": "c", "text": "Вчера Путин прибыл в Минск.", "date": "2025-03-03"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = run(capsys, "extract", "--jsonl", "--date", "2026-01-06", str(src))
    assert [o["date"] for o in out] == ["2026-01-06", "2026-01-06", "2025-03-03"]
    assert [o["events"][0]["date"] for o in out] == ["2026-01-05", "2026-01-05", "2025-03-02"]


def test_partial_date_option(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("Путин прибыл в Минск.", encoding="utf-8")
    assert run(capsys, "extract", "--date", "2025-06", str(text))[0]["date"] == "2025-06"


def test_help_shows_usage_with_examples(capsys):
    for argv in (["--help"], ["extract", "--help"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 0
        help_text = capsys.readouterr().out
        assert "usage: geonews-nlp" in help_text and "examples:" in help_text
        assert "geonews-nlp extract --jsonl in.jsonl -o out.jsonl" in help_text and "exit status" in help_text


def test_resume_with_html_writes_every_article(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    texts = ["Путин прибыл в Минск.", "Макрон прибыл в Берлин.", "Шольц прибыл в Париж."]
    src.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    first = tmp_path / "first.jsonl"
    first.write_text(src.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(first), "-o", str(out)]) == 0
    page = tmp_path / "all.html"
    assert main(["extract", "--jsonl", str(src), "-o", str(out), "--resume", "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["0", "1", "2"]
    assert all(name in html for name in ("Минск", "Берлин", "Париж"))
    assert html.count("<h3>") == 3


def test_resume_with_numeric_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": "Путин прибыл в Минск."}) + "\n" for i in range(3)),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"id": "0", "error": "written before"}) + "\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(src), "-o", str(out), "--resume"]) == 1  # the earlier failure counts
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["0", "1", "2"]


def _cli(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "geonews_nlp", "extract", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


@pytest.fixture()
def long_input(tmp_path, seed_text):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": seed_text}, ensure_ascii=False) + "\n"
                            for i in range(200)), encoding="utf-8")
    return path


def test_closed_pipe_ends_quietly(long_input):
    run = _cli("--jsonl", str(long_input))
    assert json.loads(run.stdout.readline())["id"] == "0"
    run.stdout.close()  # what "| head -n 1" does
    _, err = run.communicate(timeout=300)
    assert run.returncode == 141 and b"Traceback" not in err and b"Error" not in err


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_ends_quietly(long_input, workers):
    run = _cli("--jsonl", str(long_input), "--workers", workers, start_new_session=True)
    assert json.loads(run.stdout.readline())["id"] == "0"
    os.killpg(run.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole process group
    _, err = run.communicate(timeout=300)
    assert run.returncode == 130 and b"Traceback" not in err


def test_usage_error_exits_nonzero():
    with pytest.raises(SystemExit) as info:
        main(["extract"])
    assert info.value.code == 2


def test_a_byte_order_mark_is_no_part_of_the_text(tmp_path, capsys):
    """Files saved by editors that write a BOM: the date header and the first name are
    read, and offsets are those of the text after the mark."""
    plain = tmp_path / "a.txt"
    plain.write_text("date 2026-01-06\nЗеленский прибыл в Париж.", encoding="utf-8-sig")
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": "1", "text": "Макрон прибыл в Берлин."}, ensure_ascii=False) + "\n",
                       encoding="utf-8-sig")
    (text,) = run(capsys, "extract", str(plain))
    assert text["date"] == "2026-01-06"
    first = min((m for e in text["entities"] for m in e["mentions"]), key=lambda m: m["start"])
    assert (first["text"], first["start"]) == ("Зеленский", len("date 2026-01-06\n"))
    (line,) = run(capsys, "extract", "--jsonl", str(records))
    assert line["id"] == "1" and {e["name"] for e in line["entities"]} == {"Макрон", "Берлин"}
    extracted = tmp_path / "out.jsonl"
    extracted.write_text("\ufeff" + json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (linked,) = run(capsys, "link", str(extracted))
    assert linked["id"] == "1"
    from geonews_nlp import read_jsonl

    assert [a.id for a in read_jsonl(extracted)] == ["1"]
