"""Trigger rules and word lists of the event extractors, read from ``data/``.

Rules and lists are data: every line of a rule file is one named rule, every word list
is keyed by lemma. Malformed lines raise ``PatternError`` when the lexicon is built,
naming the file and line, never later at match time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import rows, word_lists
from ..errors import PatternError

#: the UD parts of speech a pattern token may be restricted to ("гарантия/NOUN")
POS_TAGS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
)


@dataclass(frozen=True)
class TriggerRule:
    """One named trigger: a sequence of (lemma, POS or None) for consecutive words."""

    id: str
    type: str
    pattern: tuple[tuple[str, str | None], ...]
    mode: str
    source: str  # file:line, for explanations and errors

    def matcher_pattern(self) -> list[dict[str, object]]:
        """The rule as a spaCy ``Matcher`` pattern."""
        tokens: list[dict[str, object]] = []
        for lemma, pos in self.pattern:
            token: dict[str, object] = {"LEMMA": lemma}
            if pos:
                token["POS"] = pos
            tokens.append(token)
        return tokens


@cache
def trigger_rules(event_type: str) -> tuple[TriggerRule, ...]:
    """The trigger rules of one event type, from ``data/<event_type>.txt``."""
    rules = []
    for where, cells in rows(f"{event_type}.txt"):
        if len(cells) != 3 or not all(cells):
            raise PatternError(f"{where}: expected 'rule id | lemma pattern | mode'")
        rule_id, pattern, mode = cells
        tokens = []
        for item in pattern.split():
            lemma, _, pos = item.partition("/")
            if pos and pos not in POS_TAGS:
                raise PatternError(f"{where}: unknown part of speech {pos!r}")
            if lemma != lemma.lower() or "ё" in lemma:
                raise PatternError(f"{where}: lemmas are lower case with е for ё: {lemma!r}")
            tokens.append((lemma, pos or None))
        rules.append(TriggerRule(rule_id, event_type, tuple(tokens), mode, where))
    return tuple(rules)


def word_list(name: str) -> frozenset[str]:
    """One word list of ``words.txt`` or ``roles.txt``; ``PatternError`` for a name the
    data does not define."""
    found = word_lists("words.txt").get(name) or word_lists("roles.txt").get(name)
    if found is None:
        raise PatternError(f"no word list {name!r} in words.txt or roles.txt")
    return found
