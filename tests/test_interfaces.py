"""What users of pandas, Dask, spaCy and the command line expect of the interfaces:
declared table dtypes, event types chosen, dates through nlp.pipe, clear refusals."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import geonews_nlp
from geonews_nlp import Article, Linker, extract, extract_frame, extract_frames, extract_many, link, load, to_frames
from geonews_nlp.runners.cli import main

MEETING_AND_PLEDGE = "Владимир Путин встретился с Си Цзиньпином в Пекине. Китай обязался поставить России газ."


def _frame():
    import pandas as pd

    return pd.DataFrame(
        {
            "id": ["a", "b", "c", 7],
            "text": [MEETING_AND_PLEDGE, None, "Макрон прибыл в Берлин.", "Погода будет теплой."],
            "date": ["2025-01-02", None, float("nan"), "2025-02-03"],
        },
        index=[10, 11, 12, 13],
    )


def test_tables_have_declared_dtypes_the_same_in_pandas_and_dask():
    import dask
    import dask.dataframe as dd
    import pandas as pd

    from geonews_nlp.runners.dask import extract_frames as dask_frames

    frame = _frame()
    tables = extract_frames(frame)
    with dask.config.set(scheduler="synchronous"):
        lazy = dask_frames(dd.from_pandas(frame, npartitions=2))
        for name, table in tables.items():
            computed = lazy[name].compute()
            pd.testing.assert_frame_equal(computed, table)  # values, dtypes and index
            assert dict(lazy[name].dtypes) == dict(table.dtypes)  # the meta says what comes
    articles = tables["articles"]
    assert list(articles.index) == [10, 11, 12, 13]  # the input rows' index, not 0 per partition
    assert str(articles["article"].dtype) == "string" and str(articles["events"].dtype) == "Int64"
    assert articles["error"].isna().tolist() == [True, False, True, True]  # one missing value: pd.NA
    assert articles["article"].tolist()[3] == "7"
    assert str(tables["events"]["sentence_start"].dtype) == "Int64"


def test_to_frames_takes_what_link_gives_and_refuses_what_is_no_article():
    linked = link([extract("Путин встретился с Си Цзиньпином.", "2025-01-02", id="a")])
    assert len(to_frames(linked)["occasions"]) == 1
    with pytest.raises(TypeError, match="Article records, not str"):
        to_frames(["text"])


def test_extract_many_takes_a_dataframe_and_refuses_one_without_text():
    import pandas as pd

    done = list(extract_many(_frame()))
    assert [a.id for a in done] == ["a", "b", "c", "7"]
    assert done[0].date == "2025-01-02" and "text is missing" in done[1].error
    with pytest.raises(ValueError, match="no 'text' column"):
        extract_many(pd.DataFrame({"body": ["Текст."]}))
    with pytest.raises(TypeError, match="many items"):
        extract_many("Один текст.")


def test_extract_frame_gives_one_table():
    events = extract_frame(_frame(), "events")
    assert list(events["article"]) == ["a", "a", "c"] and list(events.index) == [10, 10, 12]


@pytest.mark.parametrize("types, kept", [(("meeting",), ["meeting"]), ("commitment", ["commitment"]), (None, ["meeting", "commitment"])])
def test_event_types_chosen(types, kept):
    assert [e.type for e in extract(MEETING_AND_PLEDGE, types=types).events] == kept
    assert [e.type for e in load(types=types)(MEETING_AND_PLEDGE)._.geonews_events] == kept
    assert [e.type for a in extract_many([MEETING_AND_PLEDGE], types=types) for e in a.events] == kept


def test_chosen_types_give_the_records_every_type_gives():
    import dataclasses

    def records(events):  # occasion ids number the occasions kept
        return [dataclasses.replace(e, occasion=None) for e in events]

    everything = extract(MEETING_AND_PLEDGE).events
    chosen = extract(MEETING_AND_PLEDGE, types=["commitment"]).events
    assert records(chosen) == records(e for e in everything if e.type == "commitment")


def test_unknown_types_are_named():
    with pytest.raises(ValueError, match="unknown event type 'meet'; known: commitment, meeting"):
        extract("Текст.", types=["meet"])
    with pytest.raises(ValueError, match="unknown event type"):
        load(types=["talks"])


def test_types_on_the_command_line(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text(MEETING_AND_PLEDGE, encoding="utf-8")
    assert main(["extract", "--types", "commitment", str(source)]) == 0
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [e["type"] for e in line["events"]] == ["commitment"]
    with pytest.raises(SystemExit):
        main(["extract", "--types", "meet", str(source)])
    assert "unknown event type 'meet'" in capsys.readouterr().err


def test_the_publication_date_passes_through_pipe_as_a_context():
    nlp = load()
    text = "Вчера Путин встретился с Си Цзиньпином."
    (dated, context), (undated, _) = nlp.pipe([(text, {"date": "2025-05-06"}), (text, None)], as_tuples=True)
    assert context == {"date": "2025-05-06"}
    assert dated._.geonews_date == "2025-05-06" and [e.date for e in dated._.geonews_events] == ["2025-05-05"]
    assert undated._.geonews_date is None and [e.date for e in undated._.geonews_events] == [None]


def test_triggers_for_displacy():
    from spacy import displacy

    from geonews_nlp.views.render import displacy_data

    doc = load()("Путин встретился с Си Цзиньпином в Пекине.")
    assert [(s.text, s.label_) for s in doc.spans["geonews_events"]] == [("встретился", "meeting")]
    assert "meeting" in displacy.render(doc, style="span", options={"spans_key": "geonews_events"})
    data = displacy_data(extract(doc.text))
    assert [(doc.text[e["start"]:e["end"]], e["label"]) for e in data["ents"]] == [
        ("Путин", "PER"), ("встретился", "MEETING"), ("Си Цзиньпином", "PER"), ("Пекине", "LOC")]
    assert "MEETING" in displacy.render(data, style="ent", manual=True)


def test_attributes_read_as_a_read_only_mapping():
    event = extract("Путин встретился с Си Цзиньпином.").events[0]
    assert event.attributes["mode"] == "meeting" and "conditions" in event.attributes
    assert event.attributes == event.to_dict()["attributes"]  # equals the dict of its items
    with pytest.raises(TypeError):
        event.attributes["mode"] = "visit"  # type: ignore[index]
    assert hash(event) == hash(Article.from_dict(extract("Путин встретился с Си Цзиньпином.").to_dict()).events[0])


def test_linker_close_takes_an_iso_day():
    linker = Linker()
    linker.add(extract("Путин встретился с Си Цзиньпином 3 мая 2025 года.", "2025-05-04", id="a"))
    assert linker.close("2025-01-01") == ()
    assert len(linker.close("2026-01-01")) == 1
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        linker.close("январь")
    assert linker.close(dt.datetime(2027, 1, 1)) == ()


def test_horizon_on_a_feed_out_of_order_says_so(tmp_path, capsys):
    lines = [extract("Путин встретился с Си Цзиньпином.", day, id=name).to_json() for name, day in
             (("a", "2025-05-06"), ("b", "2025-05-01"), ("c", "2025-05-07"))]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["link", "--horizon", "7", str(tmp_path / "feed.jsonl")]) == 0
    assert "'b' (2025-05-01) comes after one of 2025-05-06" in capsys.readouterr().err
    (tmp_path / "sorted.jsonl").write_text("\n".join([lines[1], lines[0], lines[2]]) + "\n", encoding="utf-8")
    assert main(["link", "--horizon", "7", str(tmp_path / "sorted.jsonl")]) == 0
    assert capsys.readouterr().err == ""


def test_resume_over_a_longer_output_is_refused(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "1", "text": "Макрон прибыл в Берлин."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps({"id": str(k), "error": "x"}) + "\n" for k in (1, 2, 3)), encoding="utf-8")
    assert main(["extract", "--jsonl", str(source), "-o", str(out), "--resume"]) == 2
    assert "the output holds 3 records, the input only 1" in capsys.readouterr().err


def test_indent_is_refused_for_jsonl(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "1", "text": "Текст."}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["extract", "--jsonl", "--indent", "2", str(source)])
    assert "--indent" in capsys.readouterr().err


def test_the_package_says_it_is_typed():
    assert (Path(geonews_nlp.__file__).parent / "py.typed").exists()
