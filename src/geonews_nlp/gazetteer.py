"""Known actors: states (pycountry's Russian names plus ``data/states.txt``) and blocs
(``data/blocs.txt``), looked up by any of their names in the nominative.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .errors import PatternError


@dataclass(frozen=True)
class Actor:
    """A known actor: its code (ISO 3166-1 alpha-3 for states), canonical name and kind."""

    code: str
    name: str
    kind: str


def fold(name: str) -> str:
    """The lookup key of a name: lower case, ё as е, no accents, quotes or extra spaces.

    >>> fold("  Соединённые  Штаты ")
    'соединенные штаты'
    """
    name = fold_case(name).lower()
    name = re.sub(r"[«»\"“”„']", "", name)
    return " ".join(name.split())


def read_table(filename: str) -> list[list[str]]:
    """Rows of a ``CODE | name | name ...  # reason`` data file."""
    rows = []
    text = resources.files("geonews_nlp.data").joinpath(filename).read_text("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) < 2 or not all(cells):
            raise PatternError(f"{filename}:{number}: expected 'CODE | name | ...', got {line!r}")
        rows.append(cells)
    return rows


@cache
def table() -> dict[str, Actor]:
    """Every known name, folded, mapped to its actor."""
    import pycountry

    names: dict[str, Actor] = {}
    canonical: dict[str, list[str]] = {code: rest for code, *rest in read_table("states.txt")}
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    for country in pycountry.countries:
        code = country.alpha_3
        translated = [ru.gettext(country.name)]
        if getattr(country, "official_name", None):
            translated.append(ru.gettext(country.official_name))
        own = canonical.get(code, [])
        actor = Actor(code, own[0] if own else fold_case(translated[0]), "state")
        for name in [*own, *translated]:
            names.setdefault(fold(name), actor)
    for code, name, *rest in read_table("blocs.txt"):
        actor = Actor(code, name, "bloc")
        for alias in (name, *rest):
            names.setdefault(fold(alias), actor)
    return names


def fold_case(name: str) -> str:
    """A name as news writes it: ё as е, stress marks dropped."""
    name = unicodedata.normalize("NFD", name)
    name = name.replace("\u0301", "").replace("\u0300", "")
    return unicodedata.normalize("NFC", name).replace("ё", "е").replace("Ё", "Е")


def lookup(name: str) -> Actor | None:
    """The actor a nominative name denotes, if it is a known one.

    >>> lookup("Соединенные Штаты Америки").name
    'США'
    >>> lookup("Франция").code
    'FRA'
    """
    return table().get(fold(name))


@cache
def by_code() -> dict[str, Actor]:
    """Known actors by code."""
    return {actor.code: actor for actor in table().values()}
