"""Trigger rules and word lists of the event extractors, read from ``data/``.

Rules and lists are data: every line of a rule file is one named rule, with the
conditions it needs in order to count and the contexts that veto it; every word list
is keyed by lemma. Malformed lines, unknown conditions, scopes and lists raise
``PatternError`` when the extractor is built, naming the file and line, never later at
match time.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from ..errors import PatternError
from ..knowledge.datafiles import rows, word_lists

#: the UD parts of speech a pattern token may be restricted to ("гарантия/NOUN")
POS_TAGS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
)

#: where a veto list is looked for (see ``conditions.vetoed``)
VETO_SCOPES = ("clause", "sentence", "topic", "modifier", "partner", "frame", "where")


@dataclass(frozen=True)
class Veto:
    """A context that makes a match another sense: words of ``lists`` in ``scope``."""

    scope: str
    lists: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.scope}:{','.join(self.lists)}"


@dataclass(frozen=True)
class TriggerRule:
    """One named trigger: a sequence of (lemma, POS or None) for consecutive words, the
    mode it gives, the conditions it needs and the vetoes that drop it."""

    id: str
    type: str
    pattern: tuple[tuple[str, str | None], ...]
    mode: str
    source: str  # file:line, for explanations and errors
    needs: tuple[str, ...] = ()
    vetoes: tuple[Veto, ...] = ()

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
    seen: dict[str, str] = {}
    for where, cells in rows(f"{event_type}.txt"):
        if len(cells) != 5 or not all(cells):
            raise PatternError(f"{where}: expected 'rule id | lemma pattern | mode | needs | vetoes'")
        rule_id, pattern, mode, needs, vetoes = cells
        if rule_id in seen:
            raise PatternError(f"{where}: rule id {rule_id!r} already names the rule of {seen[rule_id]}")
        seen[rule_id] = where
        tokens = []
        for item in pattern.split():
            lemma, _, pos = item.partition("/")
            if pos and pos not in POS_TAGS:
                raise PatternError(f"{where}: unknown part of speech {pos!r}")
            if lemma != lemma.lower() or "ё" in lemma:
                raise PatternError(f"{where}: lemmas are lower case with е for ё: {lemma!r}")
            tokens.append((lemma, pos or None))
        rules.append(
            TriggerRule(rule_id, event_type, tuple(tokens), mode, where, _names(needs), _vetoes(vetoes, where))
        )
    return tuple(rules)


def _names(cell: str) -> tuple[str, ...]:
    return () if cell == "-" else tuple(cell.split())


def _vetoes(cell: str, where: str) -> tuple[Veto, ...]:
    out = []
    for item in _names(cell):
        scope, _, lists = item.partition(":")
        if scope not in VETO_SCOPES or not lists:
            raise PatternError(f"{where}: a veto is 'scope:list,list' with scope one of {', '.join(VETO_SCOPES)}: {item!r}")
        names = tuple(lists.split(","))
        for name in names:
            word_list(name, where)
        out.append(Veto(scope, names))
    return tuple(out)


def check_conditions(rules: Collection[TriggerRule], known: Collection[str]) -> None:
    """Every condition a rule needs is one the extractor knows."""
    for rule in rules:
        for name in rule.needs:
            if name not in known:
                raise PatternError(f"{rule.source}: unknown condition {name!r} (known: {', '.join(sorted(known))})")


def word_list(name: str, where: str | None = None) -> frozenset[str]:
    """One word list of ``words.txt`` or ``roles.txt``; ``PatternError`` for a name the
    data does not define (naming the data line that asked for it)."""
    found = word_lists("words.txt").get(name) or word_lists("roles.txt").get(name)
    if found is None:
        raise PatternError(f"{where + ': ' if where else ''}no word list {name!r} in words.txt or roles.txt")
    return found
