"""The parts every event type is made of: a trigger match and the type's own rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from .arguments import argument_predicate, predicate
from .context import ArticleContext, Value
from .lexicon import TriggerRule, trigger_rules


@dataclass(frozen=True)
class Candidate:
    """A trigger rule matched in a sentence: the raw material of an event (internal)."""

    rule: TriggerRule
    span: Span
    sentence: Span

    @cached_property
    def anchor(self) -> Token:
        """The trigger's syntactic head: the word its arguments attach to."""
        for token in self.span:
            if not (self.span.start <= token.head.i < self.span.end) or token.head == token:
                return token
        return self.span[0]

    @cached_property
    def verb(self) -> Token | None:
        """The predicate of the trigger's clause (the trigger itself when it is a verb)."""
        return predicate(self.anchor)

    @cached_property
    def arg_verb(self) -> Token | None:
        """The predicate whose subject and partners are the event's parties."""
        return argument_predicate(self.anchor)

    def sentence_lemmas(self) -> set[str]:
        return {t.lemma_ for t in self.sentence if t.i < self.span.start or t.i >= self.span.end}


Roles = list[tuple[str, Value]]


@dataclass(frozen=True)
class EventType:
    """One event type: its trigger rules and the functions that judge and fill a match."""

    name: str
    roles: tuple[str, ...]
    accept: Callable[[Candidate, ArticleContext], bool]
    arguments: Callable[[Candidate, ArticleContext], Roles]
    attributes: Callable[[Candidate, ArticleContext], dict[str, str]]
    #: a party takes one role only (no agent is its own recipient); a meeting's visited
    #: state is both participant and location
    one_role_each: bool = False
    #: whether the occasion of the first match takes in the occasion of the second, where
    #: syntax alone keeps them apart
    joins: Callable[[Candidate, Candidate, ArticleContext], bool] | None = None

    @property
    def rules(self) -> tuple[TriggerRule, ...]:
        return trigger_rules(self.name)
