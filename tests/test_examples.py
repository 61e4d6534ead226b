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
