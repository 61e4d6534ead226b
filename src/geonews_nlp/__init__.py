"""geonews_nlp: typed events and canonical entities from Russian geopolitical news.

>>> from geonews_nlp import extract
>>> article = extract("Президент Франции Эмманюэль Макрон прибыл в Берлин.")
>>> [(e.type, e.name) for e in article.entities]
[('LOC', 'Франция'), ('PER', 'Эмманюэль Макрон'), ('LOC', 'Берлин')]
"""

from importlib.metadata import version

from .components.flat import set_word_cache
from .components.models import set_model_threads
from .events import explain
from .linking import Linked, Linker, link
from .pipeline import debug, default_pipeline, extract, load, to_article
from .records import (
    Argument,
    Article,
    Decision,
    Entity,
    Event,
    Mention,
    Occasion,
    OccasionMention,
    Party,
    Sentence,
    Trigger,
)
from .runners.batch import extract_many, read_jsonl
from .runners.frames import extract_frame, extract_frames
from .views.frames import to_frames
from .views.render import render

__version__ = version("geonews_nlp")

__all__ = [
    "Argument",
    "Article",
    "Decision",
    "Entity",
    "Event",
    "Linked",
    "Linker",
    "Mention",
    "Occasion",
    "OccasionMention",
    "Party",
    "Sentence",
    "Trigger",
    "debug",
    "default_pipeline",
    "explain",
    "extract",
    "extract_frame",
    "extract_frames",
    "extract_many",
    "link",
    "load",
    "read_jsonl",
    "render",
    "set_model_threads",
    "set_word_cache",
    "to_article",
    "to_frames",
]
