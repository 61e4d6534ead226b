"""Why an event exists, in words: its rule and data line, the conditions it met, the
status step that decided and what the resolvers found."""

from __future__ import annotations

from ..records import Event


def explain(event: Event) -> str:
    """Why an event exists: its rule, the data line of the matched pattern, its trigger,
    the conditions of the rule it met, and what the resolvers found."""
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
