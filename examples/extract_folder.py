"""Extract every ``.txt`` article of a folder into one JSONL file and print a summary.

    python examples/extract_folder.py ARTICLES_DIR out.jsonl

Each output line is ``Article.to_dict()`` with the file name as ``id``; an article that
starts with a ``date YYYY-MM-DD`` header takes its date from it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from geonews_nlp import extract


def main(folder: str, output: str) -> None:
    events: Counter[str] = Counter()
    with open(output, "w", encoding="utf-8") as out:
        for path in sorted(Path(folder).glob("*.txt")):
            article = extract(path.read_text(encoding="utf-8"), id=path.name)
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            events.update(e.type for e in article.events)
            print(f"{path.name}: {len(article.entities)} entities, {len(article.events)} events")
    print(dict(events))


if __name__ == "__main__":
    main(*sys.argv[1:3])
