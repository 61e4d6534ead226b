"""Resolving the words in a party's place to argument values: a name, a coordinated
list, a person in apposition, a pronoun, an office, a state's side named by an
adjective or a genitive, the parties a plural refers back to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from ..knowledge.gazetteer import adjective_states
from .context import ArticleContext, Value
from .lexicon import word_list
from .offices import listed_people, may_be, named_holders, office_holder, the_bloc
from .syntax import (
    PREDICATE_POS,
    SUBJECT,
    bare_case,
    coordinated,
    objects,
    relative_antecedent,
    short_adjective,
    subjects,
    with_preposition,
)


def resolve(token: Token, ctx: ArticleContext) -> Value | None:
    """The entity a token stands for, if any: a name, a person in apposition, a pronoun,
    an office, or a state's side named by an adjective or a genitive."""
    span = ctx.mention(token)
    if span is not None:
        if span.label_ == "PER":  # a title before the name: "Папа Римский Бенедикт XVI"
            for child in token.children:
                named = ctx.mention(child) if child.dep_ == "appos" else None
                if named is not None and named.label_ == "PER" and named != span:
                    return ctx.value(named)
        return _body_of_a_state(token, ctx.value(span), ctx)
    for child in _near_descendants(token):  # "президентом России Дмитрием Медведевым"
        if child.dep_ in ("appos", "flat:name", "flat") and (span := ctx.mention(child)) is not None:
            if span.label_ == "PER":
                return ctx.value(span)
    lemma = token.lemma_
    if token.pos_ == "PRON" and lemma in word_list("speaker_pronoun"):  # "мы договорились", said by a state's official
        return _speakers_side(token, ctx)
    if token.pos_ == "PRON" and lemma in word_list("self_pronoun"):  # "я согласился", said by a leader
        return quote_speaker(token, ctx)
    if token.pos_ in ("PRON", "DET") and lemma in word_list("person_pronoun"):  # "он", "его визит"
        antecedent = ctx.subject_before(token) if token.dep_ in SUBJECT else None
        antecedent = antecedent or ctx.person_before(token, skip=_clause_subjects(token))
        return discourse(ctx.value(antecedent)) if antecedent is not None else None
    if lemma in word_list("role") or lemma in word_list("group"):
        sides = side_values(token, ctx)
        if sides:
            return sides[0]
        singular = "Plur" not in token.morph.get("Number")  # "лидеры": more than one person
        singular = singular and not any(c.lemma_ in word_list("pair_word") for c in token.children)  # "оба лидера"
        person = ctx.salient_person
        if lemma in word_list("role") and singular and person is not None and may_be(person, token):
            return Value(person.name, person.id, token.idx, token.idx + len(token.text), layer="discourse")  # "канцлер" of the article
    return None


def _speakers_side(token: Token, ctx: ArticleContext) -> Value | None:
    """The side a speaker's "мы" stands for: the state of the person the sentence quotes
    ("«Мы договорились с Еврокомиссией», — заявил Зеленский": Украина), or the body or
    state that speaks."""
    value = quote_speaker(token, ctx)
    entity = ctx.entities.get(value.entity or "") if value is not None else None
    if entity is not None and entity.type == "PER":
        return discourse(ctx.state(entity.actor, token)) if entity.actor else None
    return value


def quote_speaker(token: Token, ctx: ArticleContext) -> Value | None:
    """Who says the words of a sentence that holds this word: the subject of a speech
    verb the word does not depend on ("«Я согласился», — написал Трамп"), or the owner
    of "по словам"."""
    speech, nouns = word_list("speech"), word_list("source_noun")
    for word in token.sent:
        said_by: list[Token] = []
        if word.lemma_ in speech and word.pos_ in ("VERB", "AUX") and not _inside_of(token, word):
            said_by = subjects(word)
        elif word.lemma_ in nouns and any(c.lemma_ in word_list("across_mark") for c in word.children):
            said_by = bare_case(word, "Gen", ("nmod",))  # "по его словам"
        for speaker in said_by:
            first_person = word_list("speaker_pronoun") | word_list("self_pronoun")
            value = resolve(speaker, ctx) if speaker.lemma_ not in first_person else None
            if value is not None:
                return discourse(value)
    return None


def discourse(value: Value | None) -> Value | None:
    """A value the article, not the trigger's clause, tied a word to: a pronoun's
    antecedent, a quote's speaker, the person holding an office, the parties just named."""
    return replace(value, layer="discourse") if value is not None else None


def _inside_of(token: Token, verb: Token) -> bool:
    """Whether a word stands in the clause of a verb as one of its own parties."""
    return token.head == verb


def side_values(token: Token, ctx: ArticleContext) -> list[Value]:
    """What an office or a side stands for, by its adjectives and genitives, each of a
    coordination: "российская и американская делегации", "власти Израиля и Ливана",
    "лидеры стран G7"; a state's office held by one person of the article is that
    person ("французский лидер" -> Макрон)."""
    if token.lemma_ not in word_list("role") and token.lemma_ not in word_list("group"):
        return []
    out: list[Value] = []
    for child in token.children:
        if child.dep_ == "amod":
            for adjective in [child, *child.conjuncts]:
                out += [v for code in adjective_states(adjective.lemma_) if (v := ctx.state(code, adjective))]
    for child in bare_case(token, "Gen", ("nmod",)) + with_preposition(token, word_list("origin_mark"), "Gen"):
        for item in coordinated(child):
            named = [t for t in item.children if t.dep_ == "appos"]  # "стран G7"
            for node in [item, *bare_case(item, "Gen", ("nmod",)), *named]:
                if (span := ctx.mention(node)) is not None and span.label_ != "PER":
                    out.append(_body_of_a_state(node, ctx.value(span), ctx))
                    break
                if node.lemma_ in word_list("alliance_noun") and (bloc := the_bloc(node, ctx)) is not None:
                    out.append(bloc)  # "страны альянса": the article's one bloc
                    break
    if len(out) == 1 and out[0].actor and "Plur" not in token.morph.get("Number"):
        holder = office_holder(token, out[0].actor, ctx)
        if holder is not None:
            return [holder]
    if len(out) > 1 and token.lemma_ in word_list("role"):  # "лидеры Армении и Азербайджана": each state's holder
        out = [(office_holder(token, v.actor, ctx) if v.actor else None) or v for v in out]
    return list({(v.entity or v.name): v for v in out}.values())






def _body_of_a_state(token: Token, value: Value, ctx: ArticleContext) -> Value:
    """A body named without its state ("МИД", "Минобороны") stands for the state of its
    genitive ("МИД государств MERCOSUR"), else for the state the article is about."""
    entity = ctx.entities.get(value.entity or "")
    if entity is None or entity.actor or entity.kind not in ("government", "military"):
        return value
    if not ctx.parties.heads.get(entity.id, set()) & word_list("national_body"):
        return value  # a council or a commission may be no state's: "Совет мира", "Еврокомиссия"
    for owner in bare_case(token, "Gen", ("nmod",)):
        found = resolve(owner, ctx)
        if found is not None:
            return found
    state = ctx.salient_state
    if state is None:
        return value
    return Value(state.name, state.id, value.start, value.end, state.actor, "discourse")




def named_list(token: Token, ctx: ArticleContext) -> list[Value]:
    """Names a quantity or a common noun lists in apposition ("шесть стран: Алжир, Египет")."""
    out = []
    for child in token.children:
        if child.dep_ in ("appos", "parataxis") and ctx.mention(child) is not None:
            out += [v for item in coordinated(child) if (v := resolve(item, ctx)) is not None]
    return out


def _near_descendants(token: Token) -> list[Token]:
    """Children, and grandchildren under a genitive ("матерью девушки Яффой Иссахар"),
    unless the genitive is an office: "семьей президента Нельсона Манделы" names the
    president, not the family; or under a common noun in apposition ("с главой
    Евросовета, португальцем Антониу Коштой")."""
    out = list(token.children)
    for child in token.children:
        if child.dep_ == "nmod" and child.lemma_ not in word_list("role"):
            out += [g for g in child.children if g.dep_ == "appos"]
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            out += [g for g in child.children if g.dep_ in ("appos", "flat:name")]
    return out


def _clause_subjects(token: Token) -> set[int]:
    """Subjects of the verbs above a non-subject pronoun: "Обама не уверен во встрече с
    ним" does not mean Обама by "ним"."""
    if token.dep_ in SUBJECT:
        return set()
    out = set()
    node = token
    while node.head != node:
        node = node.head
        if node.pos_ in PREDICATE_POS or short_adjective(node):
            out |= {t.i for c in node.children if c.dep_ in SUBJECT for t in c.subtree}
            if node.dep_ == "conj":  # a coordinated clause: the one before has its own subject
                break
    return out


def resolve_all(tokens: Iterable[Token], ctx: ArticleContext) -> Iterator[Value]:
    """Values of tokens and of everything coordinated with them."""
    for token in tokens:
        for item in _coordinated(relative_antecedent(token) or token, ctx):
            listed = listed_people(item, ctx) or named_holders(item, ctx)
            if listed:
                yield from listed
                continue
            sides = side_values(item, ctx) if ctx.mention(item) is None else []
            if len(sides) > 1:
                yield from sides
                continue
            value = resolve(item, ctx)
            if value is not None:
                yield value
            else:
                yield from named_list(item, ctx) or parties_before(item, ctx)






def _coordinated(token: Token, ctx: ArticleContext) -> list[Token]:
    """The token and what is coordinated with it, or with any word of its name
    ("Движение ХАМАС и Израиль": the parse may hang "Израиль" on "ХАМАС")."""
    span = ctx.mention(token)
    words = [token] if span is None else list(span)
    out = [token]
    for word in words:
        out += [t for t in word.conjuncts if t not in out and (span is None or not span.start <= t.i < span.end)]
    return out


#: how many sentences back a plural ("лидеры", "стороны договорились") looks for the
#: parties it stands for, and how many words back at most (a run of words without a
#: sentence end is no few sentences)
BACK_SENTENCES = 3
BACK_WORDS = 200


def parties_before(token: Token, ctx: ArticleContext) -> list[Value]:
    """The parties a plural word refers back to: the subjects and the partners ("с" +
    instrumental) of the nearest earlier clause, in this sentence or the few before,
    that names two or more. "они", "страны" take any parties ("Путин и Си провели
    переговоры. Они договорились ..."); a plural office with no owner of its own
    ("лидеры", "главы государств", "оба лидера", "лидеры двух стран") takes the people
    of that clause."""
    owners = bare_case(token, "Gen", ("nmod",))
    counted = any(c.lemma_ in word_list("pair_word") for t in [token, *owners] for c in t.children)
    generic = all(o.lemma_ in word_list("state_noun") for o in owners)  # "главы государств", not "главы МИД"
    plural = "Plur" in token.morph.get("Number") or counted
    people = token.lemma_ in word_list("role") and plural and generic
    if not people and (token.lemma_ not in word_list("refers_back") or "Sing" in token.morph.get("Number")):
        return []
    named_here = any(c.dep_ in ("amod", "appos") or (c.dep_ == "nmod" and not generic) or (c.dep_ == "det" and not counted) for c in token.children)
    if token.pos_ != "PRON" and named_here:
        return []  # "российская сторона", "лидеры России и Китая": an owner is named
    start = token.sent.start
    for _ in range(BACK_SENTENCES):
        if start > 0:
            start = token.doc[start - 1].sent.start
    for verb in reversed(token.doc[max(start, token.i - BACK_WORDS) : token.i]):
        if verb.pos_ not in PREDICATE_POS or verb == token.head:
            continue
        named = [t for c in verb.children if c.dep_ in SUBJECT for t in coordinated(c)]
        for holder in (verb, *objects(verb), *(t for t in verb.children if t.dep_ in SUBJECT)):
            # "встретился с X", "провел переговоры с X", "переговоры между США и Ираном"
            named += [t for c in with_preposition(holder, word_list("partner_mark") | word_list("between_mark"), None) for t in coordinated(c)]
        values = {(v.entity or v.name): v for t in named if (v := resolve(t, ctx)) is not None}
        if people:
            values = {k: v for k, v in values.items() if v.entity and ctx.entities[v.entity].type == "PER"}
        if people and token.lemma_ in word_list("leader_word"):  # "оба лидера": the heads, not their ministers
            titles = {k: dict(ctx.entities[v.entity].attributes).get("title") for k, v in values.items()}
            values = {k: v for k, v in values.items() if titles[k] in word_list("leader_title") | word_list("leader_word") | {None}}
        if len(values) >= 2:
            return [replace(v, layer="discourse") for v in values.values()]
    return []

