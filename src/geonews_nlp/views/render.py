"""HTML views of articles for notebooks and reports, in the manner of displaCy.

Entity mentions are highlighted with their type and actor code, event triggers with
their type, status and date; hovering a trigger lists its arguments. In Jupyter an
``Article`` shows itself this way: importing the package registers ``render`` as its HTML
form with the running IPython (the records know nothing of their views).
"""

from __future__ import annotations

import html
import sys
from collections.abc import Iterable

from ..records import Article

COLORS = {
    "PER": "#aa9cfc",
    "ORG": "#7aecec",
    "LOC": "#feca74",
    "meeting": "#bfe1d9",
    "commitment": "#f4c2c2",
    "security_guarantee": "#ffd966",
}
#: the colour of a type with none of its own (records from another version, a user's types)
OTHER = "#dddddd"

STYLE = """<style>
.geonews{line-height:2.4;font-family:sans-serif;white-space:pre-wrap}
.geonews mark{padding:0.2em 0.35em;margin:0 0.15em;border-radius:0.35em}
.geonews .label{font-size:0.7em;font-weight:bold;margin-left:0.4em;text-transform:uppercase}
.geonews .event{border-bottom:3px solid #555}
</style>"""


def render(article: Article) -> str:
    """An HTML fragment showing the article with its entities and event triggers."""
    marks = []
    for event in article.events:
        args = "; ".join(f"{a.role}: {a.name}" + (f" ({a.actor})" if a.actor else "") for a in event.arguments)
        label = f"{event.type} · {event.status}" + (f" · {event.date}" if event.date else "")
        tooltip = f"{event.rule}; {args}" if args else event.rule
        marks.append((event.trigger.start, event.trigger.end, COLORS.get(event.type, OTHER), label, tooltip, "event"))
    for entity in article.entities:
        label = entity.type + (f" · {entity.actor}" if entity.actor else "")
        for m in entity.mentions:
            marks.append((m.start, m.end, COLORS.get(entity.type, OTHER), label, f"{entity.name} ({entity.kind})", "entity"))
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    parts, cursor = [], 0
    for start, end, color, label, tooltip, css in marks:
        if start < cursor:
            continue  # nested in a mark already drawn ("США" in "Конгрессе США")
        parts.append(html.escape(article.text[cursor:start]))
        parts.append(
            f'<mark class="{css}" style="background:{color}" title="{html.escape(tooltip)}">'
            f"{html.escape(article.text[start:end])}"
            f'<span class="label">{html.escape(label)}</span></mark>'
        )
        cursor = end
    parts.append(html.escape(article.text[cursor:]))
    header = f"<h3>{html.escape(article.id)}</h3>" if article.id else ""
    return f'{STYLE}<div class="geonews">{header}{"".join(parts)}</div>'


def displacy_data(article: Article) -> dict[str, object]:
    """The article in displaCy's manual entity format, event triggers labelled by their
    type (``MEETING``) beside the entity mentions, a trigger kept where the two overlap:
    ``spacy.displacy.render(displacy_data(article), style="ent", manual=True)``."""
    marks = [(e.trigger.start, e.trigger.end, e.type.upper()) for e in article.events]
    marks += [(m.start, m.end, entity.type) for entity in article.entities for m in entity.mentions]
    ents: list[dict[str, object]] = []
    taken: list[tuple[int, int]] = []
    for start, end, label in marks:  # triggers first: they win an overlap
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
            ents.append({"start": start, "end": end, "label": label})
    ents.sort(key=lambda ent: ent["start"])  # type: ignore[arg-type, return-value]
    return {"text": article.text, "ents": ents, "title": article.id}


def render_page(articles: Iterable[Article]) -> str:
    """A whole HTML page of articles."""
    body = "\n<hr>\n".join(render(a) for a in articles)
    return f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>geonews_nlp</title></head>\n<body>{body}</body></html>\n'


def show_in_notebooks() -> None:
    """Register ``render`` as the HTML form of an ``Article`` with the running IPython,
    if there is one."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(Article, render)


show_in_notebooks()
