"""The command line: plain files and JSONL, one output line per input record."""

import json

import pytest

from geonews_nlp.cli import main


def run(capsys, *args):
    assert main(list(args)) == 0
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
    assert main(["extract", "--jsonl", str(src), "-o", str(dst)]) == 0
    out = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert len(out) == len(lines)
    assert [o.get("id") for o in out] == ["1", None, "3", "4", None, "6", None, "8"]
    assert out[0]["date"] == "2026-01-05" and "error" not in out[0]
    assert "not JSON" in out[1]["error"]
    assert "str" in out[2]["error"] and "int" in out[2]["error"]
    assert "ISO" in out[3]["error"]
    assert "JSON object" in out[4]["error"]
    assert out[5]["entities"] == []
    assert "empty line" in out[6]["error"] and "NoneType" in out[7]["error"]


def test_jsonl_from_stdin(monkeypatch, capsys):
    import io

    data = json.dumps({"id": "x", "text": "Путин прибыл в Минск."}).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = run(capsys, "extract", "--jsonl", "-")
    assert out[0]["id"] == "x" and {e["name"] for e in out[0]["entities"]} == {"Путин", "Минск"}


def test_unreadable_file_is_an_error_record(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00 not utf-8 \xc3")
    out = run(capsys, "extract", str(bad), str(tmp_path / "missing.txt"))
    assert len(out) == 2 and all("error" in o for o in out)


def test_usage_error_exits_nonzero():
    with pytest.raises(SystemExit) as info:
        main(["extract"])
    assert info.value.code == 2
