"""Reading the package's data files: ``cell | cell | ...  # reason`` lines, one entry a line.

One reader for the gazetteers, the word lists and the trigger rules, so that every file
has the same comment and cell syntax and every error names the file and the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from ..errors import PatternError


def rows(filename: str) -> Iterator[tuple[str, list[str]]]:
    """(``file:line``, cells) of the entries of ``data/<filename>``; comments dropped."""
    text = resources.files("geonews_nlp.data").joinpath(filename).read_text("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            yield f"{filename}:{number}", [c.strip() for c in line.split("|")]


def read_table(filename: str, min_cells: int = 2) -> list[list[str]]:
    """The cells of every entry, each entry with at least ``min_cells`` non-empty cells."""
    out = []
    for where, cells in rows(filename):
        if len(cells) < min_cells or not all(cells):
            raise PatternError(f"{where}: expected at least {min_cells} '|'-separated cells, got {'|'.join(cells)!r}")
        out.append(cells)
    return out


@cache
def word_lists(filename: str) -> dict[str, frozenset[str]]:
    """Named lemma lists of a ``list | lemma lemma ...`` file: list name -> lemmas."""
    lists: dict[str, set[str]] = {}
    for where, cells in rows(filename):
        if len(cells) != 2 or not all(cells):
            raise PatternError(f"{where}: expected 'list | lemma lemma ...'")
        lists.setdefault(cells[0], set()).update(cells[1].split())
    return {name: frozenset(lemmas) for name, lemmas in lists.items()}
