"""Known actors, looked up by any of their names in the nominative.

- states: every ISO 3166 state by pycountry's Russian names, plus the news names of
  ``data/states.txt`` ("США", "РФ", "Штаты");
- blocs and international organizations (``data/blocs.txt``);
- capitals and seats of power that stand for a state (``data/metonyms.txt``);
- government bodies and armed forces (``data/bodies.txt``);
- political and armed movements (``data/movements.txt``);
- news media (``data/media.txt``), which are sources, not parties;
- people who act for a state (``data/people.txt``);
- state adjectives and compound prefixes (``data/adjectives.txt``).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ..errors import PatternError
from .datafiles import read_table

#: the kinds an actor can be
KINDS = (
    "state", "capital", "seat", "government", "military", "bloc", "movement", "person", "organization", "media", "location"
)


@dataclass(frozen=True)
class Actor:
    """A known actor: the code it is counted under (ISO 3166-1 alpha-3 for states and
    what stands for them, a stable code for blocs, none for media), its canonical name
    and its kind."""

    code: str | None
    name: str
    kind: str
    #: other short names as good as the canonical one ("Беларусь" beside "Белоруссия"):
    #: an article that uses one of them is named in its own usage
    variants: tuple[str, ...] = field(default=(), repr=False)


def fold_case(name: str) -> str:
    """A name as news writes it: ё as е, stress marks dropped."""
    name = unicodedata.normalize("NFD", name)
    name = name.replace("\u0301", "").replace("\u0300", "")
    return unicodedata.normalize("NFC", name).replace("ё", "е").replace("Ё", "Е")


def fold(name: str) -> str:
    """The lookup key of a name: lower case, ё as е, no accents, quotes or extra spaces.

    >>> fold("  Соединённые  Штаты ")
    'соединенные штаты'
    """
    name = fold_case(name).lower()
    name = re.sub(r"[«»\"“”„']", "", name)
    return " ".join(name.split())


def _states() -> list[tuple[Actor, list[str]]]:
    import pycountry

    own = {code: names for code, *names in read_table("states.txt")}
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    out = []
    for country in pycountry.countries:
        names = [ru.gettext(country.name)]
        if getattr(country, "official_name", None):
            names.append(ru.gettext(country.official_name))
        names = own.get(country.alpha_3, []) + [fold_case(n) for n in names]
        variants = tuple(n[1:] for n in names if n.startswith("="))
        names = [n.lstrip("=") for n in names]
        out.append((Actor(country.alpha_3, names[0], "state", variants), names))
    return out


def _kinded(filename: str) -> list[tuple[Actor, list[str]]]:
    """Rows ``CODE | kind | name | other names`` (``-``: no code)."""
    out = []
    for code, kind, *names in read_table(filename, 3):
        code = None if code == "-" else code
        if kind not in KINDS:
            raise PatternError(f"{filename}: unknown kind {kind!r} for {names[0]!r}")
        out.append((Actor(code, names[0], kind), names))
    return out


@cache
def table() -> dict[str, Actor]:
    """Every known name of an organization or place, folded, mapped to its actor."""
    entries = _states()
    entries += [(Actor(code, name, "bloc"), [name, *rest]) for code, name, *rest in read_table("blocs.txt")]
    entries += _kinded("metonyms.txt") + _kinded("bodies.txt") + _kinded("movements.txt")
    entries += [(Actor(None, name, "media"), [name, *rest]) for name, *rest in read_table("media.txt", 1)]
    names: dict[str, Actor] = {}
    for actor, aliases in entries:
        for alias in aliases:
            names.setdefault(fold(alias), actor)
    return names


@cache
def people() -> dict[str, Actor]:
    """Known people by every name, folded, and by a surname no other of them has (news
    name a leader by surname alone: "Путин", "Макрон")."""
    out: dict[str, Actor] = {}
    by_surname: dict[str, set[Actor]] = {}
    for code, name, *rest in read_table("people.txt"):
        actor = Actor(code, name, "person")
        for alias in (name, *rest):
            out.setdefault(fold(alias), actor)
            by_surname.setdefault(fold(alias).split()[-1], set()).add(actor)
    for surname, actors in by_surname.items():
        if len(actors) == 1:
            out.setdefault(surname, next(iter(actors)))
    return out


def lookup(name: str) -> Actor | None:
    """The actor a nominative name of an organization or place denotes, if known.

    >>> lookup("Соединенные Штаты Америки").name
    'США'
    >>> lookup("Кремль")
    Actor(code='RUS', name='Кремль', kind='seat')
    """
    return table().get(fold(name))


def lookup_person(name: str) -> Actor | None:
    """The state a known person acts for; a name spelled or declined otherwise ("Кай
    Каллас", "Эммануэль Макрон") by its surname, when no other known person has it and
    the first names start alike.

    >>> lookup_person("Владимир Зеленский").code
    'UKR'
    >>> lookup_person("Путин").code
    'RUS'
    >>> lookup_person("Кай Каллас").name
    'Кая Каллас'
    >>> lookup_person("Олег Путин") is None
    True
    """
    key = fold(name)
    known = people().get(key)
    if known is not None or " " not in key:
        return known
    first, surname = key.split()[0], key.split()[-1]
    known = people().get(surname)
    return known if known is not None and fold(known.name)[:1] == first[:1] else None


@cache
def by_code() -> dict[str, Actor]:
    """States and blocs by code."""
    return {a.code: a for a in table().values() if a.code and a.kind in ("state", "bloc")}


@cache
def state_adjectives() -> dict[str, str]:
    """State adjectives and compound prefixes -> ISO alpha-3 code."""
    out: dict[str, str] = {}
    for code, *forms in read_table("adjectives.txt"):
        for form in forms:
            out[form] = code
    return out


def adjective_states(lemma: str) -> list[str]:
    """The states an adjective names, whole or part by part of a compound.

    >>> adjective_states("российский")
    ['RUS']
    >>> adjective_states("американо-украинский")
    ['USA', 'UKR']
    """
    table_ = state_adjectives()
    if lemma in table_:
        return [table_[lemma]]
    if "-" not in lemma:
        return []
    return [code for part in lemma.split("-") if (code := table_.get(part))]
