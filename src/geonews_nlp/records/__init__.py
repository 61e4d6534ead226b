"""Public records: the contract between geonews_nlp and its users.

Plain frozen dataclasses with ``to_dict()`` and ``from_dict()``; nothing here depends on
spaCy, so a user who never heard of it gets values that compare, hash and serialise as
JSON, and read back from it. Offsets are Python string indices into the article text,
end exclusive.
"""

from .article import Article
from .base import ENTITY_TYPES, EVENT_TYPES, STATUSES, Attributes, EntityType, EventTypeName, Status
from .entities import Entity, Mention, entity_id
from .events import Argument, Decision, Event, Sentence, Trigger
from .occasions import Occasion, OccasionMention, Party

__all__ = [
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "STATUSES",
    "Argument",
    "Attributes",
    "Article",
    "Decision",
    "Entity",
    "EntityType",
    "Event",
    "EventTypeName",
    "Mention",
    "Occasion",
    "OccasionMention",
    "Party",
    "Sentence",
    "Status",
    "Trigger",
    "entity_id",
]
