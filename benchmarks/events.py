"""Score the event extractor on a gold file with the project's event scorer.

    python benchmarks/events.py ../shared/eval/events_dev.jsonl [--scorer PATH] [--by-doc]

Runs the ``geonews-nlp extract --jsonl`` command over the gold articles (their id, text
and date only) and prints the report of ``score_events.py`` (by default the one beside
the gold file), with the time the extraction took.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--scorer", type=Path, default=None, help="score_events.py (default: beside GOLD)")
    ap.add_argument("--by-doc", action="store_true", help="also list per-document counts")
    args = ap.parse_args()
    scorer = args.scorer or args.gold.with_name("score_events.py")
    with tempfile.TemporaryDirectory() as tmp:
        source, predicted = Path(tmp, "in.jsonl"), Path(tmp, "pred.jsonl")
        with args.gold.open(encoding="utf-8") as gold, source.open("w", encoding="utf-8") as out:
            for line in gold:
                if line.strip():
                    doc = json.loads(line)
                    record = {"id": doc["id"], "text": doc["text"], "date": doc.get("date")}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        start = time.perf_counter()
        cli = [sys.executable, "-m", "geonews_nlp", "extract", "--jsonl", str(source), "-o", str(predicted)]
        subprocess.run(cli, check=True)
        elapsed = time.perf_counter() - start
        report = [sys.executable, str(scorer), str(args.gold), str(predicted)]
        if args.by_doc:
            report.append("--by-doc")
        subprocess.run(report, check=True)
    print(f"extraction: {elapsed:.1f} s (one process, models loaded included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
