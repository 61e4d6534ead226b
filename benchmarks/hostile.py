"""Hostile input: cost and output size of texts built to be expensive, at n and 4n.

    python benchmarks/hostile.py [--n 1000] [--link-n 2500]

Each case runs at n and at 4n in a fresh process (CPU seconds of the extraction alone,
the models loaded first) and prints the time and the JSON size per input word at both
sizes and their ratios: linear work gives ratios near 1, a cost that grows with the
square of the input gives 4. A case passes when both ratios stay under 5 and every input
record comes back. The cases:

- ``mixed``: one sentence of n mixed news words (no full stop);
- ``repeated``: n repetitions of "переговоры" in one sentence (n triggers);
- ``name lines``: n lines of one name ("Владимир Путин");
- ``link``: n accounts of one leader meeting a different partner each, on one day,
  through ``link`` (every account must keep an occasion of its own partner).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

WORDS = (
    "президент встретился с премьером в Москве и обсудил поставки газа Германия пообещала "
    "выделить Украине помощь министры договорились о гарантиях безопасности на саммите"
).split()

EXTRACT = """
import json, resource, sys
from geonews_nlp import extract
extract("Прогрев.")
def cpu():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime
text = sys.stdin.read()
began = cpu()
article = extract(text)
seconds = cpu() - began
print(json.dumps({"seconds": seconds, "bytes": len(article.to_json().encode()), "records": 1}))
"""

LINK = """
import json, resource, sys
from geonews_nlp import Argument, Article, Entity, Event, Trigger, link
def cpu():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime
n = int(sys.argv[1])
articles = []
for k in range(n):
    partner = f"Партнер{k}"
    entities = (Entity("E1", "PER", "Дональд Трамп", (), "USA", "person"), Entity("E2", "PER", partner, (), f"P{k:05d}", "person"))
    arguments = (Argument("participant", "Дональд Трамп", "E1", 0, 1, "USA"), Argument("participant", partner, "E2", 0, 1, f"P{k:05d}"))
    event = Event("meeting", Trigger(0, 1, "встреча", "встреча"), "actual", "2025-10-30", arguments, attributes=(("mode", "meeting"),))
    articles.append(Article("", "2025-10-30", (), entities, (event,), f"a{k}"))
began = cpu()
linked = link(articles)
seconds = cpu() - began
occasions = {e.occasion for a in linked.articles for e in a.events}
out = sum(len(a.to_json().encode()) for a in linked.articles)
print(json.dumps({"seconds": seconds, "bytes": out, "records": len(linked.articles), "occasions": len(occasions)}))
"""


def run(code: str, text: str = "", *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], input=text, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def cases(n: int) -> dict[str, str]:
    return {
        "mixed": " ".join(WORDS[k % len(WORDS)] for k in range(n)),
        "repeated": " ".join(["переговоры"] * n),
        "name lines": "Владимир Путин\n" * (n // 2),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="words of the smaller size")
    ap.add_argument("--link-n", type=int, default=2500, help="accounts of the smaller link case")
    args = ap.parse_args()
    failed = 0
    print(f"{'case':12s} {'words n':>8s} {'s/kword n':>10s} {'s/kword 4n':>11s} {'time x':>7s} {'bytes/word n':>13s} {'size x':>7s}")
    rows = []
    for name in cases(args.n):
        small, large = cases(args.n)[name], cases(4 * args.n)[name]
        rows.append((name, len(small.split()), run(EXTRACT, small), len(large.split()), run(EXTRACT, large)))
    small, large = run(LINK, "", str(args.link_n)), run(LINK, "", str(4 * args.link_n))
    rows.append(("link", args.link_n, small, 4 * args.link_n, large))
    for name, n, a, n4, b in rows:
        time_ratio = (b["seconds"] / n4) / max(a["seconds"] / n, 1e-9)
        size_ratio = (b["bytes"] / n4) / max(a["bytes"] / n, 1e-9)
        complete = name != "link" or (b["records"] == n4 and b["occasions"] == n4)
        ok = time_ratio < 5 and size_ratio < 5 and complete
        failed += not ok
        print(
            f"{name:12s} {n:8d} {1000 * a['seconds'] / n:10.3f} {1000 * b['seconds'] / n4:11.3f} {time_ratio:7.2f} "
            f"{a['bytes'] / n:13.1f} {size_ratio:7.2f}  {'ok' if ok else 'FAIL'}"
            + (f"  occasions {b['occasions']} of {n4}" if name == "link" else "")
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
