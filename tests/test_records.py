"""Records read back: ``from_dict`` inverts ``to_dict``, and ``read_jsonl`` reads the
command line's output."""

import json
from pathlib import Path

import pytest

from geonews_nlp import Article, Event, extract, read_jsonl
from geonews_nlp.runners.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))
DEV_SETS = [ROOT.parent / "shared" / "eval" / name for name in ("events_dev.jsonl", "events_dev2.jsonl")]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_round_trip_of_the_bundled_articles(path):
    article = extract(path.read_text(encoding="utf-8"), id=path.name)
    assert article.events and article.entities
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_dict(json.loads(article.to_json())) == article


@pytest.mark.parametrize("path", DEV_SETS, ids=lambda p: p.name)
def test_round_trip_of_every_development_article(path):
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        date = doc.get("date") or None
        article = extract(doc["text"], date, id=doc["id"])
        assert Article.from_dict(json.loads(article.to_json())) == article, doc["id"]


def test_round_trip_of_partial_and_missing_values():
    article = extract("Путин прибыл в Минск.", "2025-06", id="x")
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_dict(article.to_dict()).date == "2025-06"
    failed = Article.from_dict({"id": "y", "error": "cannot read y"})
    assert (failed.id, failed.error, failed.text, failed.events) == ("y", "cannot read y", "", ())


def test_nested_records_read_back_alone():
    event = extract("Эмманюэль Макрон встретился с Олафом Шольцем в Берлине.").events[0]
    assert Event.from_dict(event.to_dict()) == event
    assert Event.from_dict(json.loads(json.dumps(event.to_dict()))).arguments == event.arguments


@pytest.mark.parametrize("bad", [None, [1, 2], "text"])
def test_from_dict_of_no_dict_raises_type_error(bad):
    with pytest.raises(TypeError):
        Article.from_dict(bad)


def test_read_jsonl_reads_the_cli_output(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Путин прибыл в Минск.", "date": "2026-01-06"}, ensure_ascii=False)
        + "\nnot json\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(src), "-o", str(out)]) == 1
    articles = list(read_jsonl(out))
    assert articles[0] == extract("Путин прибыл в Минск.", "2026-01-06", id="a")
    assert articles[1].error and "not JSON" in articles[1].error


def test_read_jsonl_names_the_bad_line(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(extract("Путин прибыл в Минск.").to_json() + "\n{broken\n", encoding="utf-8")
    reader = read_jsonl(path)
    assert next(reader).entities
    with pytest.raises(ValueError, match=r"out.jsonl:2"):
        next(reader)
