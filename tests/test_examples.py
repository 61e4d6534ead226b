"""The example scripts run on the bundled fixtures and print what they promise."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / script), *args],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return done.stdout


def test_events_by_actor_pair():
    out = run("events_by_actor_pair.py", str(ROOT / "fixtures"))
    assert "1 articles" in out
    assert any(line.split()[:3] == ["commitment", "UKR", "USA"] for line in out.splitlines())


def test_extract_folder(tmp_path):
    target = tmp_path / "out.jsonl"
    out = run("extract_folder.py", str(ROOT / "fixtures"), str(target))
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["article-2026-01-06.txt"]
    assert "article-2026-01-06.txt" in out


def test_spark_udf_function_on_pandas_batches():
    import importlib.util

    import pandas as pd

    spec = importlib.util.spec_from_file_location("spark_extract", ROOT / "examples" / "spark_extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    batches = [
        pd.DataFrame({"id": ["a"], "text": ["Макрон встретился с Шольцем в Берлине."], "date": ["2026-01-05"]}),
        pd.DataFrame({"id": ["b", "c"], "text": ["Германия пообещала Молдавии помощь.", ""], "date": [None, None]}),
    ]
    batches[1].loc[1, "text"] = None  # a bad row: its article row says why
    extracted = list(module.extract_batches(iter(batches)))
    assert [list(f["id"]) for f in extracted] == [["a"], ["b", "c"]]
    assert list(extracted[1]["error"].isna()) == [True, False]
    events = list(module.table_batches("events")(iter(extracted)))
    assert [list(f["article"]) for f in events] == [["a"], ["b"]]
    assert list(events[0]["type"]) == ["meeting"] and list(events[1]["type"]) == ["commitment"]
    articles = list(module.table_batches("articles")(iter(extracted)))
    assert sum(len(f) for f in articles) == sum(len(b) for b in batches)
    assert list(articles[1]["error"].isna()) == [True, False]


def test_notebook_is_executed_and_runs():
    import nbformat
    from nbclient import NotebookClient

    path = ROOT / "examples" / "geonews_notebook.ipynb"
    saved = nbformat.read(path, as_version=4)
    code = [c for c in saved.cells if c.cell_type == "code"]
    assert all(c.execution_count and c.outputs for c in code), "the notebook is kept with its outputs"
    assert any("image/png" in o.get("data", {}) for c in code for o in c.outputs), "the plot is kept"
    NotebookClient(saved, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    assert "events" in saved.cells[1].outputs[0]["text"]
