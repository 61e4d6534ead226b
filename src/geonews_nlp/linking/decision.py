"""Whether two accounts tell of one occasion: evidence weighed as the table says.

Each evidence is a named test of two signatures: a veto keeps them apart whatever they
share (their days cannot meet, two places, two kinds of document), a weight adds to or
takes from their score (each shared party, the same word, the same medium). ``decide``
gives the verdict with its reasons, which ``explain`` shows for every mention of an
occasion; the grouping within an article and the linking across articles both use it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from ..errors import PatternError
from ..knowledge.datafiles import rows
from .evidence import TESTS, Pair, Test
from .signature import Signature, medium, mode_rules


@dataclass(frozen=True)
class Evidence:
    """A line of ``occasion_evidence.txt``: a test, its weight (None: a veto) and the
    media of occasions it is weighed for (empty: all)."""

    name: str
    test: Test
    weight: int | None
    media: frozenset[str]
    scopes: frozenset[str]
    where: str


@dataclass(frozen=True)
class Decision:
    """The verdict on two accounts: whether they join, their score, and the evidence
    found (each line with what its test found), the veto last if one kept them apart."""

    joins: bool
    score: int
    found: tuple[tuple[Evidence, Collection[object]], ...]
    vetoed: bool = False

    @property
    def veto(self) -> str | None:
        """The veto that kept them apart, as a reason."""
        return self.reasons[-1] if self.vetoed else None

    @property
    def reasons(self) -> tuple[str, ...]:
        """Each evidence found, in words: "party путин (+2)", "time: 2025-10-01 and 2026-04"."""
        return tuple(
            f"{line.name}: {', '.join(sorted(map(str, what)))}"
            if line.weight is None
            else f"{line.name} {', '.join(sorted(map(str, what)))} ({line.weight * len(what):+d})"
            for line, what in self.found
        )

    def __str__(self) -> str:
        return "; ".join(self.reasons)


def decide(a: Signature, b: Signature, scope: str, *, threshold: bool = True, parties: frozenset[str] | None = None) -> Decision:
    """Whether ``b`` joins the occasion ``a`` tells of, compared within an ``article`` or
    ``across`` articles: no veto and, unless ``threshold`` is False (a record naming no
    party placed by other means), a score that reaches the table's ``join``; with the
    evidence found. ``parties``: those of ``a`` to weigh, if not all it names (an
    occasion's core parties)."""
    found: list[tuple[Evidence, Collection[object]]] = []
    joins, vetoed, score = _weigh(a, b, scope, threshold, found, parties)
    return Decision(joins, score, tuple(found), vetoed)


def weigh(
    a: Signature, b: Signature, scope: str, *, threshold: bool = True, parties: frozenset[str] | None = None
) -> tuple[bool, bool, int]:
    """``decide`` without its reasons, for weighing many candidates: whether ``b`` joins,
    whether a veto kept it out, and the score."""
    return _weigh(a, b, scope, threshold, None, parties)


def _weigh(
    a: Signature,
    b: Signature,
    scope: str,
    threshold: bool,
    found: list[tuple[Evidence, Collection[object]]] | None,
    parties: frozenset[str] | None,
) -> tuple[bool, bool, int]:
    pair = Pair(a, b, scope, a.parties if parties is None else parties)
    score = 0
    for line, test, weight in _lines(scope, a.kind if a.kind == b.kind else medium(a.media | b.media)):
        what = test(pair)
        if not what:
            continue
        if found is not None:
            found.append((line, what))
        if weight is None:
            return False, True, score
        score += weight * len(what)
    return score >= evidence()[0] or not threshold, False, score


@cache
def _lines(scope: str, kind: str) -> tuple[tuple[Evidence, Test, int | None], ...]:
    """The evidence weighed in a scope for an occasion of a medium, vetoes first, each
    with its test and weight at hand."""
    return tuple(
        (line, line.test, line.weight)
        for line in evidence()[1]
        if scope in line.scopes and (not line.media or kind in line.media)
    )


#: where an evidence line is weighed: within an article, across articles, or both
SCOPES = {"both": frozenset({"article", "across"}), "article": frozenset({"article"}), "across": frozenset({"across"})}


@cache
def evidence() -> tuple[int, tuple[Evidence, ...]]:
    """The score to join and the evidence of ``data/occasion_evidence.txt``, vetoes first,
    checked against the tests and the media known."""
    media = {rule.medium for rule in mode_rules().values()} | {"any"}
    join, table = None, []
    for where, cells in rows("occasion_evidence.txt"):
        if len(cells) != 4 or not (cells[1] == "veto" or cells[1].lstrip("-").isdigit()) or cells[3] not in SCOPES:
            raise PatternError(f"{where}: expected 'evidence | weight or veto | media | {' or '.join(SCOPES)}'")
        name, weight, kinds = cells[0], cells[1], frozenset(cells[2].split()) - {"-"}
        if name == "join":
            join = int(weight)
            continue
        if name not in TESTS or kinds - media:
            raise PatternError(f"{where}: no test {name!r} or unknown media {sorted(kinds - media)}: tests are {sorted(TESTS)}")
        table.append(Evidence(name, TESTS[name], None if weight == "veto" else int(weight), kinds, SCOPES[cells[3]], where))
    if join is None:
        raise PatternError("occasion_evidence.txt: no 'join' line")
    return join, tuple(sorted(table, key=lambda line: line.weight is not None))


