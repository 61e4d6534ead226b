# %% [markdown]
# # Events by actor pair
#
# Reads every `.txt` article of a folder, extracts its events, and counts them by the
# pair of actors they join: meeting participants with each other, a commitment's agent
# with its recipient (or co-agent), a guarantor with its beneficiary. Actors are the
# codes entities carry across articles (ISO 3166-1 alpha-3 for states and for what acts
# for them: "Киев", "ВСУ", "Владимир Зеленский" all count as UKR).
#
#     python examples/events_by_actor_pair.py fixtures

# %%
from __future__ import annotations

import itertools
import sys
from collections import Counter
from pathlib import Path

from geonews_nlp import Event, extract

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "fixtures")
articles = [extract(path.read_text(encoding="utf-8"), id=path.name) for path in sorted(folder.glob("*.txt"))]
print(f"{len(articles)} articles, {sum(len(a.events) for a in articles)} events")

# %%
#: the roles whose actors an event joins, per event type
SIDES = {
    "meeting": ("participant", "participant"),
    "commitment": ("agent", "recipient"),
    "security_guarantee": ("guarantor", "beneficiary"),
}


def actor_pairs(event: Event) -> set[tuple[str, str]]:
    """The distinct pairs of actors an event joins (a meeting's pairs are unordered)."""
    left_role, right_role = SIDES[event.type]
    left = {a.actor for a in event.arguments if a.role == left_role and a.actor}
    right = {a.actor for a in event.arguments if a.role == right_role and a.actor}
    if event.type == "meeting" or not right:
        return {tuple(sorted(p)) for p in itertools.combinations(sorted(left), 2)}
    return {(a, b) for a in left for b in right if a != b}


counts: Counter[tuple[str, str, str]] = Counter()
for article in articles:
    for event in article.events:
        for pair in actor_pairs(event):
            counts[(event.type, *pair)] += 1

# %%
print(f"{'type':20s} {'actor':6s} {'actor':6s} events")
for (event_type, a, b), n in counts.most_common():
    print(f"{event_type:20s} {a:6s} {b:6s} {n}")
