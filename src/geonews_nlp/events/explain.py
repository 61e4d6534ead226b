"""Why an event exists, in words: its rule and data line, the conditions it met, the
status step that decided and what the resolvers found; why an occasion holds its
mentions."""

from __future__ import annotations

from ..records import Event, Occasion


def explain(record: Event | Occasion) -> str:
    """Why an event exists (its rule, the data line of the matched pattern, its trigger,
    the conditions of the rule it met, and what the resolvers found), or why an occasion
    holds each of its mentions (the evidence weighed when it joined; for the one that
    opened it, what kept it out of the nearest other occasion)."""
    if isinstance(record, Occasion):
        return _occasion(record)
    if not isinstance(record, Event):
        raise TypeError(f"explain takes an Event or an Occasion, not {type(record).__name__}")
    event = record
    attributes = dict(event.attributes)
    lines = [
        f"{event.type} by rule {event.rule} (pattern {attributes.pop('pattern', '?')})",
        f"  trigger {event.trigger.text!r} (lemma {event.trigger.lemma}) at {event.trigger.start}-{event.trigger.end}",
    ]
    conditions = attributes.pop("conditions", "")
    lines += [f"  kept: {reason}" for reason in conditions.split("; ") if reason]
    decided_by = attributes.pop("status_by", "")
    lines += [f"  status {event.status} ({decided_by}), date {event.date}, source {event.source}"]
    lines += [
        f"  {a.role}: {a.name} ({a.entity or 'no entity'}) at {a.start}-{a.end}, found in layer {a.layer or '?'}"
        for a in event.arguments
    ]
    lines += [f"  {name}: {value}" for name, value in attributes.items()]
    return "\n".join(lines)


def _occasion(occasion: Occasion) -> str:
    lines = [
        f"{occasion.type} occasion {occasion.id}: {occasion.status}, date {occasion.date}, "
        f"{len(occasion.mentions)} mentions in {len(occasion.articles)} articles",
        f"  parties: {', '.join(p.name for p in occasion.parties) or 'none named'}",
    ]
    for m in occasion.mentions:
        lines.append(f"  article {m.article} event {m.event} ({m.status}): {m.why or 'no decision kept'}")
    return "\n".join(lines)
