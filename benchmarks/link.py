"""Speed and memory of ``link`` over synthetic event records.

    python benchmarks/link.py [--records 100000] [--per-article 4]

Makes articles of a year of news: each has a publication day and a few event records of
random types naming two of 80 states (and, for half of them, a person of each), some
dated, some not. Prints the time ``link`` takes over all of them on one core (target:
100,000 records in under a minute), the occasions found, and the memory a ``Linker``
holds at a quarter, half and all of a stream in publication order, each linked article
handed on and the occasions over ``HORIZON`` days old closed (``Linker.close``): flat in
the number of articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import tracemalloc

from geonews_nlp import Linker, link
from geonews_nlp.records import Argument, Article, Entity, Event, Trigger

TYPES = ("meeting", "commitment", "security_guarantee")
ROLES = {"meeting": "participant", "commitment": "agent", "security_guarantee": "guarantor"}
MODES = {"meeting": ("meeting", "talks", "visit", "call", "summit"), "commitment": ("pledge",), "security_guarantee": ("guarantee",)}
STATES = [f"S{n:02d}" for n in range(80)]
START = dt.date(2025, 1, 1)
#: how far back the streamed Linker keeps occasions open (more than any type's days)
HORIZON = 40


def articles(records: int, per_article: int, seed: int = 7) -> list[Article]:
    """Synthetic articles holding ``records`` event records in all."""
    rng = random.Random(seed)
    out = []
    for number in range(records // per_article):
        published = START + dt.timedelta(days=rng.randrange(365))
        events, entities = [], {}
        for _ in range(per_article):
            kind = rng.choice(TYPES)
            arguments = []
            for code in rng.sample(STATES, 2):
                person = rng.random() < 0.5
                name = f"Лидер {code}" if person else f"Страна {code}"
                entities[name] = Entity(f"E{len(entities) + 1}", "PER" if person else "LOC", name, (), code,
                                        "person" if person else "state")
                arguments.append(Argument(ROLES[kind], name, entities[name].id, 0, 1, code))
            day = published - dt.timedelta(days=rng.randrange(3)) if rng.random() < 0.5 else None
            events.append(Event(kind, Trigger(0, 1, "x", "x"), "actual", day and day.isoformat(), tuple(arguments),
                                attributes=(("mode", rng.choice(MODES[kind])),)))
        out.append(Article("", published.isoformat(), (), tuple(entities.values()), tuple(events), f"a{number}"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--per-article", type=int, default=4)
    args = ap.parse_args()
    feed = articles(args.records, args.per_article)
    start = time.perf_counter()
    linked = link(feed)
    seconds = time.perf_counter() - start
    records = sum(len(a.events) for a in linked.articles)
    print(f"link: {records} records of {len(feed)} articles in {seconds:.1f} s on one core "
          f"({records / seconds:,.0f} records/s); {len(linked.occasions)} occasions")

    print(f"\n# memory of a Linker fed the stream in publication order, closing what is over {HORIZON} days old")
    feed.sort(key=lambda a: a.date)
    tracemalloc.start()
    linker = Linker()
    closed = 0
    marks = {len(feed) * k // 4 for k in (1, 2, 4)}
    for number, article in enumerate(feed, 1):
        linker.add(article)  # the linked article is handed on, not kept
        closed += len(linker.close(dt.date.fromisoformat(article.date) - dt.timedelta(days=HORIZON)))
        if number in marks:
            current = tracemalloc.get_traced_memory()[0] / 2**20
            print(f"{number:>8d} articles: {current:6.1f} MB held, {closed} occasions closed and handed on")
    tracemalloc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
