"""Integrations: pandas tables, HTML rendering, Dask on a local cluster, spaCy extensions."""

import json
import subprocess
import sys

import pytest

from geonews_nlp import Article, extract, render, to_frames
from geonews_nlp.views.frames import entities_frame, events_frame
from geonews_nlp.views.render import render_page, show_in_notebooks

SEED_ID = "seed"


@pytest.fixture(scope="module")
def seed(seed_text):
    return extract(seed_text, id=SEED_ID)


def test_frames_are_tidy(seed):
    frames = to_frames([seed, extract("Макрон встретился с Шольцем.", "2026-01-05", id="b")])
    events, arguments, entities = frames["events"], frames["arguments"], frames["entities"]
    assert len(events) == len(seed.events) + 1
    assert set(events["article"]) == {SEED_ID, "b"}
    assert len(arguments) == sum(len(e.arguments) for e in seed.events) + 2
    visit = events.iloc[0]
    assert (visit["type"], visit["status"], visit["event_date"], visit["actors"]) == ("meeting", "actual", "2026-01-06", "UKR; FRA")
    meetings = arguments[(arguments["type"] == "meeting") & (arguments["role"] == "participant")]
    assert meetings.groupby("actor").size()["UKR"] >= 1
    assert set(entities.columns) >= {"article", "name", "actor", "kind"}
    assert events_frame([seed]).shape[0] == len(seed.events)
    assert entities_frame([seed]).shape[0] == len(seed.entities)


def test_render_highlights_entities_and_triggers(seed):
    page = render(seed)
    assert page.count("<mark") >= len(seed.events)
    assert 'title="Владимир Зеленский (person)"' in page
    assert "meeting · actual · 2026-01-06" in page
    assert "<script" not in render(extract("<script>alert(1)</script> Путин прибыл в Минск."))
    assert render_page([seed]).startswith("<!DOCTYPE html>")


def test_notebooks_show_articles_highlighted(seed):
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    show_in_notebooks()
    data, _ = shell.display_formatter.format(seed)
    assert data["text/html"] == render(seed)


def test_cli_writes_html(tmp_path, seed_text):
    source = tmp_path / "a.txt"
    source.write_text(seed_text, encoding="utf-8")
    page = tmp_path / "out.html"
    from geonews_nlp.runners.cli import main

    assert main(["extract", str(source), "-o", str(tmp_path / "out.jsonl"), "--html", str(page)]) == 0
    assert "<mark" in page.read_text(encoding="utf-8")


def test_dask_local_cluster_of_two_processes(seed_text):
    import dask.bag as db
    import dask.dataframe as dd
    import distributed
    import pandas

    from geonews_nlp.runners.dask import extract_bag, extract_dataframe

    records = [{"id": f"a{i}", "text": seed_text if i % 2 == 0 else "Макрон прибыл в Берлин."} for i in range(6)]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            bag = db.from_sequence(records + [42], npartitions=4)
            out = extract_bag(bag).compute()
            assert [r.get("id") for r in out] == [r["id"] for r in records] + [None]
            assert "error" in out[-1]
            expected = [extract(r["text"], id=r["id"]).to_dict() for r in records]
            assert out[:-1] == expected
            pipelines = client.run(lambda: id(__import__("geonews_nlp").default_pipeline()))
            frame = dd.from_pandas(pandas.DataFrame(records), npartitions=3)
            events = extract_dataframe(frame).compute()
            assert len(events) == sum(len(extract(r["text"]).events) for r in records)
            assert client.run(lambda: id(__import__("geonews_nlp").default_pipeline())) == pipelines
            assert len(pipelines) == 2


def test_extensions_never_overwrite_another_package():
    code = (
        "from spacy.tokens import Doc\n"
        "Doc.set_extension('geonews_events', default='theirs')\n"
        "from geonews_nlp.errors import ExtensionConflict\n"
        "import geonews_nlp\n"
        "try:\n"
        "    geonews_nlp.extract('Путин прибыл в Минск.')\n"
        "except ExtensionConflict as e:\n"
        "    print('conflict:', e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "conflict: Doc._.geonews_events is already registered by another package" in out


def test_geonews_events_component_in_a_spacy_pipeline():
    import spacy

    nlp = spacy.blank("ru")
    for name in ("geonews_morphology", "geonews_lemmatizer", "geonews_ner", "geonews_entities", "geonews_events"):
        nlp.add_pipe(name)
    doc = nlp("Германия пообещала Молдавии помощь.")
    assert [(e.type, e.status) for e in doc._.geonews_events] == [("commitment", "actual")]
    assert json.dumps(doc._.geonews_events[0].to_dict(), ensure_ascii=False)


def test_dask_keeps_undated_articles():
    import dask.dataframe as dd
    import numpy
    import pandas

    from geonews_nlp.runners.dask import extract_dataframe

    text = "Эмманюэль Макрон встретился с Олафом Шольцем в Берлине."
    dates = [None, numpy.nan, pandas.NA, "2026-01-05"]
    frame = pandas.DataFrame({"id": [f"a{i}" for i in range(40)], "text": [text] * 40,
                              "date": [dates[i % 4] for i in range(40)]})
    ddf = dd.from_pandas(frame, npartitions=4)
    events = extract_dataframe(ddf, table="events").compute(scheduler="synchronous")
    assert sorted(set(events["article"])) == sorted(frame["id"])
    articles = extract_dataframe(ddf, table="articles").compute(scheduler="synchronous")
    assert len(articles) == len(frame) and articles["error"].isna().all()
    assert list(articles["date"][:4].isna()) == [True, True, True, False]


def test_dask_articles_table_shows_every_failure():
    import dask
    import dask.dataframe as dd
    import pandas

    from geonews_nlp.runners.dask import extract_frames

    frame = pandas.DataFrame({"id": ["a", "b", "c"], "text": ["Путин прибыл в Минск.", None, "Шольц прибыл в Париж."],
                              "date": ["2026-01-05", "вчера", None]})
    tables = extract_frames(dd.from_pandas(frame, npartitions=2), tables=("articles", "events"))
    articles, events = dask.compute(tables["articles"], tables["events"], scheduler="synchronous")
    assert list(articles["article"]) == ["a", "b", "c"]
    assert list(articles["error"].isna()) == [True, False, True]
    assert set(events["article"]) == {"a", "c"}


def test_dask_bag_recipe_survives_bad_and_blank_lines(tmp_path):
    import dask.bag as db

    from geonews_nlp.runners.batch import parse_record
    from geonews_nlp.runners.dask import extract_bag

    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Путин прибыл в Минск."}, ensure_ascii=False)
                    + "\n\n{broken\n[1]\n" + json.dumps({"id": "e", "text": "Шольц прибыл в Париж."}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    out = extract_bag(db.read_text(str(path)).map(parse_record)).compute(scheduler="synchronous")
    assert [o["id"] for o in out] == ["a", None, None, None, "e"]
    assert ["error" in o for o in out] == [False, True, True, True, False]
    assert "empty line" in out[1]["error"] and "not JSON" in out[2]["error"] and "JSON object" in out[3]["error"]


def test_to_frames_has_one_article_row_per_article():
    articles = [extract("Путин прибыл в Минск.", id="a"), Article(text="", id="b", error="cannot read b")]
    frame = to_frames(articles)["articles"]
    assert list(frame["article"]) == ["a", "b"] and list(frame["error"].fillna("")) == ["", "cannot read b"]
    assert list(frame["events"]) == [1, 0]
