"""What a trigger match needs in order to count, and what vetoes it: one mechanism for
every event type.

Each rule of ``data/<type>.txt`` names its conditions ("needs") and its vetoes. A
condition is a function of the match that returns why it holds ("party Эмманюэль
Макрон (official)") or None; a veto is a word list looked for in a scope around the
trigger. A match counts when no veto applies and every condition holds; the verdict
keeps the reasons, so that ``explain`` names them and ``debug`` names the one that
dropped a match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .base import Candidate, EventType, Found
from .clauses import own_clause
from .context import ArticleContext, context_words
from .layers import search
from .lexicon import Veto, word_list
from .syntax import objects, with_preposition

#: a condition: why the match meets it, or None
Condition = Callable[[Candidate, ArticleContext], "str | None"]


@dataclass(frozen=True)
class Verdict:
    """Whether a match counts: the reasons it was kept, or what dropped it."""

    kept: bool
    reasons: tuple[str, ...]
    dropped_by: str | None = None
    found: Found | None = None


#: how many sentences back an official actor makes the context of an event political
CONTEXT_SENTENCES = 3


class Judge:
    """Applies the rules' conditions and vetoes to the matches of one article."""

    def __init__(self, ctx: ArticleContext, conditions: dict[str, Condition]) -> None:
        self.ctx = ctx
        self.parties = ctx.parties
        self.conditions = conditions

    def __call__(self, c: Candidate, event_type: EventType) -> Verdict:
        for veto in c.rule.vetoes:
            word = vetoed(c, veto) if veto.scope != "topic" else None
            if word is not None:
                return Verdict(False, (), f"veto {veto} ('{word}')")
        found = search(c, event_type, self.ctx)
        for veto in c.rule.vetoes:
            word = vetoed(c, veto) if veto.scope == "topic" else None
            if word is not None and self.parties.official_mention(c.sentence) is None:
                return Verdict(False, (), f"veto {veto} ('{word}', and no official actor)", found)
        reasons = []
        for name in c.rule.needs:
            if name in ("party", "official_party"):
                why = self.party(c, event_type, found, context=name == "party")
            else:
                why = self.conditions[name](c, self.ctx)
            if why is None:
                return Verdict(False, tuple(reasons), f"needs {name}", found)
            reasons.append(f"{name}: {why}")
        return Verdict(True, tuple(reasons), None, found)

    def party(self, c: Candidate, event_type: EventType, found: Found, context: bool) -> str | None:
        """A party of a kind the type admits is named (or an office or a side the
        resolvers tied to one); failing that, where the text names no party at all
        (only parties it leaves unnamed: "союзники", an office or a side tied to no
        one), a political context around the trigger; where it names
        only people whose office it does not give, an office named in the sentence
        itself ("председатель", "генсек")."""
        places = {v.entity or v.name for role, v in found.roles if role not in event_type.party_roles}
        values = [
            v
            for role, v in found.roles
            if role in event_type.party_roles
            and (v.entity or v.name) not in places
            and self.parties.of_value(v) != "media"  # a source is no party
        ]
        for value in values:
            kind = self.parties.of_value(value)
            if kind in event_type.party_kinds:
                return f"{value.name} ({kind})"
        kinds = [self.parties.of_word(t) for role, t in found.unnamed if role in event_type.party_roles]
        if not context or "other" in kinds:
            return None  # someone who is no party stands in a party's place
        if not values:
            return self.political_context(c, places)
        if all(self.parties.of_value(v) == "private" for v in values):
            return self.political_context(c, places, actors=False)
        return None  # parties are named, and none can act officially

    def political_context(self, c: Candidate, places: set[str], actors: bool = True) -> str | None:
        """A modifier of diplomacy on the trigger ("мирные переговоры"), an office in the
        sentence, or (``actors``) an official actor in it or in the sentence before,
        other than the event's own ``places``."""
        diplomatic = word_list("diplomatic")
        for child in c.anchor.children:
            if child.dep_ == "amod" and child.lemma_ in diplomatic:
                return f"'{child.text} {c.anchor.text}'"
        offices = context_words()
        for token in c.sentence:
            if token.lemma_ in offices and token.pos_ == "NOUN" and token not in c.span:
                return f"'{token.text}' in the sentence"
        doc = c.sentence.doc
        if not actors:
            return None
        sentences = [c.sentence]
        while len(sentences) <= CONTEXT_SENTENCES and sentences[-1].start > 0:
            sentences.append(doc[sentences[-1].start - 1].sent)
        for back, sentence in enumerate(sentences):
            mention = self.parties.official_mention(sentence, skip=frozenset(places))
            if mention is not None:
                where = "in the sentence" if back == 0 else f"{back} sentence{'s' if back > 1 else ''} before"
                return f"{self.ctx.value(mention).name} {where}"
        return None


def vetoed(c: Candidate, veto: Veto) -> str | None:
    """The word of a veto's lists found in its scope, if any."""
    words = frozenset().union(*(word_list(name) for name in veto.lists))
    anchor = c.anchor
    if veto.scope == "clause":
        hits = [t for t in own_clause(anchor) if t.lemma_ in words and t not in c.span]
    elif veto.scope in ("sentence", "topic"):
        hits = [t for t in c.sentence if t.lemma_ in words and t not in c.span]
    elif veto.scope == "modifier":
        hits = [t for t in anchor.children if t.dep_ in ("amod", "nmod", "compound") and t.lemma_ in words]
    elif veto.scope == "partner":
        partners = _partners(c)
        hits = partners if partners and all(t.lemma_ in words for t in partners) else []
    elif veto.scope == "where":  # "обсуждались в СМИ и соцсетях"
        heads = [anchor, *([c.arg_verb] if c.arg_verb is not None else [])]
        places = [t for h in heads for t in with_preposition(h, word_list("place_mark"), "Loc")]
        hits = [t for p in places for t in [p, *p.conjuncts] if t.lemma_ in words]
    else:  # frame: the noun a nominal trigger depends on, or a preposition on it
        if anchor.pos_ not in ("NOUN", "PROPN"):
            return None
        hits = [t for t in [anchor.head, *anchor.children] if t.lemma_ in words and t != anchor]
    return hits[0].text if hits else None


def _partners(c: Candidate) -> list[Token]:
    """Whom the trigger's party meets or deals with: "с" + instrumental on the trigger,
    its predicate or its object."""
    heads = [c.anchor, *([c.arg_verb] if c.arg_verb is not None else []), *objects(c.anchor)]
    return [t for head in heads for t in with_preposition(head, word_list("partner_mark"), "Ins")]


__all__ = ["Condition", "Judge", "Verdict", "vetoed"]
