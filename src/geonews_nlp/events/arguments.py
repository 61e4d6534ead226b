"""Finding event arguments through the dependency tree.

Small functions over spaCy tokens: the predicate a nominal trigger belongs to, its
subjects, its dependents with a given preposition and case, and the resolution of a
token to an entity value (a name, a coordinated list, a pronoun, an office, a state
adjective).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from ..gazetteer import adjective_states
from .context import ArticleContext, Value
from .lexicon import word_list

PREDICATE_POS = {"VERB", "AUX"}
#: relations by which a nominal trigger hangs on the predicate that carries its arguments
NOMINAL_LINKS = {"obj", "obl", "nsubj", "nsubj:pass", "iobj", "nmod", "xcomp", "obl:agent"}
SUBJECT = {"nsubj", "nsubj:pass"}
#: relations by which a predicate inherits the subject of the word it depends on
INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "acl"}


def predicate(token: Token, steps: int = 3) -> Token | None:
    """The verb whose clause the token belongs to: itself, or up through nominal links."""
    node = token
    for _ in range(steps + 1):
        if node.pos_ in PREDICATE_POS or _short_adjective(node):
            return node
        if node.dep_ not in NOMINAL_LINKS or node.head == node:
            return None
        node = node.head
    return None


def _short_adjective(token: Token) -> bool:
    """A short adjective is a predicate: "готов встретиться", "не уверен во встрече"."""
    return token.pos_ == "ADJ" and "Short" in token.morph.get("Variant")


def argument_predicate(token: Token) -> Token | None:
    """The predicate whose subject and partners are the trigger's: as ``predicate``, but
    not through a subject or a noun's dependent ("участники встречи заявили": the
    speakers are not the meeting's parties), except a frame or a possibility ("во время
    визита", "в возможности встречи")."""
    node = token
    for _ in range(4):
        if node.pos_ in PREDICATE_POS or _short_adjective(node):
            return node
        if node.dep_ in SUBJECT or node.head == node:
            return None
        if node.dep_ == "nmod" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if node.head.lemma_ not in word_list("frame") and node.head.lemma_ not in word_list("modal"):
                return None
        if node.dep_ not in NOMINAL_LINKS:
            return None
        node = node.head
    return None


def subjects(verb: Token, depth: int = 3) -> list[Token]:
    """The verb's subjects; a dependent predicate ("решила лететь") inherits its head's.

    A participle or gerund (``acl``/``advcl``) takes the noun or the subject it
    depends on.
    """
    found = [c for c in verb.children if c.dep_ in SUBJECT or _relative_subject(c)]
    if found or depth == 0:
        return found
    infinitive = "Inf" in verb.morph.get("VerbForm")
    if verb.dep_ == "acl" and not infinitive and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]  # a participle: "коалиция, предоставляющая ресурсы"
    if verb.dep_ in ("acl", "nmod") and infinitive and verb.head.pos_ in ("NOUN", "PROPN"):
        # an infinitive on a noun: the noun's owner ("решение Януковича отказаться",
        # "США заявили о готовности вести диалог")
        owner = bare_case(verb.head, "Gen", ("nmod",))
        if owner:
            return owner
        above = predicate(verb.head)
        if above is None or above == verb:
            return []
        return agents_of_passive(above) or subjects(above, depth - 1)  # "подтверждена готовность ..."
    if verb.dep_ == "xcomp" and verb.head.lemma_ in word_list("object_control"):
        controller = objects(verb.head)
        if controller:
            return controller
    if verb.dep_ in INHERITS_SUBJECT and verb.head != verb:
        return subjects(verb.head, depth - 1)
    if verb.lemma_ in word_list("speech") and verb.morph.get("Number") == ["Plur"]:
        # "в Кремле заявили", "в МИД России сообщили": the body speaks
        bodies = [t for t in with_preposition(verb, {"в", "во"}, "Loc") if _names_a_body(t)]
        if bodies:
            return bodies[:1]
    if verb.dep_ == "ccomp" and verb.head.lemma_ in word_list("speech"):
        # "Обама заявил, что не уверен ...": a reported clause without a subject of its
        # own speaks of the speaker, where the two agree in number and gender
        speakers = subjects(verb.head, depth - 1)
        if speakers and _agrees(verb, speakers):
            return speakers
    for sibling in clause_siblings(verb):  # clauses the parser hung side by side
        found = [c for c in sibling.children if c.dep_ in SUBJECT]
        if found:
            return found
    return stray_subject(verb)


def _names_a_body(token: Token) -> bool:
    """A name, or a government body's noun: "в Кремле", "в российском Минфине", "в
    министерстве обороны"."""
    return token.pos_ == "PROPN" or token.lemma_ in word_list("government") or token.lemma_ in word_list("military")


def _agrees(verb: Token, subjects: list[Token]) -> bool:
    """Whether a predicate's number and gender fit these subjects (a neuter or an
    impersonal form fits none: "заявил, что необходимо встретиться")."""
    number = verb.morph.get("Number")
    gender = verb.morph.get("Gender")
    if not number or gender == ["Neut"]:
        return False
    plural = len(subjects) > 1 or bool(subjects[0].conjuncts) or subjects[0].morph.get("Number") == ["Plur"]
    if number != (["Plur"] if plural else ["Sing"]):
        return False
    return plural or not gender or subjects[0].morph.get("Gender") in ([], gender)


def clause_siblings(verb: Token) -> list[Token]:
    """Predicates the parser hung beside this one under the same word with the same
    relation ("отрёкся ..., простился ..., покинул": three ``ccomp`` of one head), the
    nearest first: in effect a coordination."""
    if verb.dep_ not in ("ccomp", "parataxis", "conj") or verb.head == verb:
        return []
    siblings = [t for t in verb.head.children if t != verb and t.dep_ == verb.dep_ and t.pos_ in PREDICATE_POS]
    if verb.dep_ == "conj":
        siblings.append(verb.head)
    return sorted(siblings, key=lambda t: abs(t.i - verb.i))


def stray_subject(verb: Token) -> list[Token]:
    """A name in the nominative before a subjectless verb that the parser hung
    elsewhere ("После бегства Януковича Москва и Киев не смогли договориться")."""
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.dep_ in SUBJECT or token.pos_ in ("VERB", "AUX") or token.text in ",;:—":
            return []
        if token.pos_ == "PROPN" and token.morph.get("Case") == ["Nom"] and token.dep_ != "conj":
            return [token]
    return []


def agents_of_passive(verb: Token) -> list[Token]:
    """Agents of a passive: the instrumental ("подписан Медведевым") or a side ("с
    российской стороны подтверждена", "со стороны США")."""
    if "Pass" not in verb.morph.get("Voice") and "Short" not in verb.morph.get("Variant"):
        return []
    agents = [
        c
        for c in verb.children
        if c.dep_ in ("obl", "obl:agent") and c.morph.get("Case") == ["Ins"] and not _prepositions(c)
    ]
    return agents + [t for t in with_preposition(verb, {"с", "со"}, "Gen") if t.lemma_ == "сторона"]


def _prepositions(token: Token) -> set[str]:
    return {c.lemma_ for c in token.children if c.dep_ in ("case", "fixed")}


def with_preposition(token: Token, prepositions: set[str], case: str | None = None) -> list[Token]:
    """Dependents introduced by one of the prepositions, in the given case if one is named."""
    out = []
    for child in token.children:
        if child.dep_ not in ("obl", "nmod", "obj", "iobj", "obl:agent", "advmod"):
            continue
        if not _prepositions(child) & prepositions:
            continue
        if case is None or child.morph.get("Case") == [case]:
            out.append(child)
    return out


def bare_case(token: Token, case: str, relations: Iterable[str] = ("nmod", "iobj", "obl", "obj")) -> list[Token]:
    """Dependents in a case without a preposition ("встреча Зеленского", "Украине")."""
    return [
        c
        for c in token.children
        if c.dep_ in relations and c.morph.get("Case") == [case] and not _prepositions(c)
    ]


def owners(token: Token) -> list[Token]:
    """Whose a noun is: its bare genitive ("визит Мерца") or a possessive pronoun ("его
    визит", "их переговоры")."""
    possessive = word_list("person_pronoun") | word_list("parties")
    return bare_case(token, "Gen", ("nmod",)) + [
        c for c in token.children if c.dep_ == "det" and c.pos_ in ("DET", "PRON") and c.lemma_ in possessive
    ]


def objects(token: Token) -> list[Token]:
    """Direct objects; a relative "который" stands for its noun ("договор, который
    подписали"), and one in the nominative is a subject the parser misread."""
    return [relative_antecedent(c) or c for c in token.children if c.dep_ == "obj" and not _relative_subject(c)]


def _relative_subject(token: Token) -> bool:
    """A relative "который" in the nominative: its clause's subject, whatever its label."""
    return token.lemma_ == "который" and token.morph.get("Case") == ["Nom"]


def coordinated(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it: "Киев и Вашингтон"."""
    return [token, *token.conjuncts]


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
        return ctx.value(span)
    for child in _near_descendants(token):  # "президентом России Дмитрием Медведевым"
        if child.dep_ in ("appos", "flat:name", "flat") and (span := ctx.mention(child)) is not None:
            if span.label_ == "PER":
                return ctx.value(span)
    lemma = token.lemma_
    if token.pos_ in ("PRON", "DET") and lemma in word_list("person_pronoun"):  # "он", "его визит"
        antecedent = ctx.person_before(token, skip=_clause_subjects(token))
        return ctx.value(antecedent) if antecedent is not None else None
    if lemma in word_list("role") or lemma in word_list("group"):
        for child in token.children:
            if child.dep_ == "amod":
                for code in adjective_states(child.lemma_):
                    return ctx.state(code, child)
        for child in bare_case(token, "Gen", ("nmod",)):  # "лидеры стран G7"
            named = [t for t in child.children if t.dep_ == "appos"]  # "стран G7"
            for node in [child, *bare_case(child, "Gen", ("nmod",)), *named]:
                if (span := ctx.mention(node)) is not None and span.label_ != "PER":
                    return ctx.value(span)
        singular = "Plur" not in token.morph.get("Number")  # "лидеры": more than one person
        if lemma in word_list("role") and singular and ctx.salient_person is not None:
            person = ctx.salient_person
            return Value(person.name, person.id, token.idx, token.idx + len(token.text))
    return None


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
    president, not the family."""
    out = list(token.children)
    for child in token.children:
        if child.dep_ == "nmod" and child.lemma_ not in word_list("role"):
            out += [g for g in child.children if g.dep_ == "appos"]
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
        if node.pos_ in PREDICATE_POS or _short_adjective(node):
            out |= {t.i for c in node.children if c.dep_ in SUBJECT for t in c.subtree}
            if node.dep_ == "conj":  # a coordinated clause: the one before has its own subject
                break
    return out


def resolve_all(tokens: Iterable[Token], ctx: ArticleContext) -> Iterator[Value]:
    """Values of tokens and of everything coordinated with them."""
    for token in tokens:
        for item in coordinated(relative_antecedent(token) or token):
            value = resolve(item, ctx)
            if value is not None:
                yield value
            else:
                yield from named_list(item, ctx) or parties_before(item, ctx)


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative "который" stands for: "Лавров, который встретится с ..."."""
    if token.lemma_ != "который":
        return None
    clause = token.head
    while clause.dep_ != "acl:relcl" and clause.head != clause and clause.pos_ not in ("NOUN", "PROPN"):
        clause = clause.head
    return clause.head if clause.dep_ == "acl:relcl" else None


def parties_before(token: Token, ctx: ArticleContext) -> list[Value]:
    """The parties a plural "они" or a bare "стороны" refers back to: the subjects and
    the partners ("с" + instrumental) of the nearest earlier clause, in this sentence or
    the one before, that names two or more ("Путин и Си провели переговоры. Стороны
    договорились ...")."""
    if token.lemma_ not in word_list("parties") or "Sing" in token.morph.get("Number"):
        return []
    if token.pos_ != "PRON" and any(c.dep_ in ("amod", "nmod", "det", "appos") for c in token.children):
        return []  # "российская сторона", "стороны конфликта": an owner is named
    start = token.sent.start
    if start > 0:
        start = token.doc[start - 1].sent.start
    for verb in reversed(token.doc[start : token.i]):
        if verb.pos_ not in PREDICATE_POS or verb == token.head:
            continue
        named = [t for c in verb.children if c.dep_ in SUBJECT for t in coordinated(c)]
        for holder in (verb, *objects(verb)):  # "встретился с X", "провел переговоры с X"
            named += [t for c in with_preposition(holder, {"с"}, "Ins") for t in coordinated(c)]
        values = {(v.entity or v.name): v for t in named if (v := resolve(t, ctx)) is not None}
        if len(values) >= 2:
            return list(values.values())
    return []


def adjective_values(token: Token, ctx: ArticleContext) -> list[Value]:
    """States named by adjectives on a noun: "американо-украинских переговоров"."""
    out = []
    for child in token.children:
        if child.dep_ == "amod":
            out += [v for code in adjective_states(child.lemma_) if (v := ctx.state(code, child))]
    return out


def path_to(token: Token, top: Token | None) -> list[Token]:
    """The token and the words above it up to ``top`` (or up to 4 steps)."""
    path = [token]
    node = token
    while node.head != node and node != top and len(path) < 5:
        node = node.head
        path.append(node)
        if top is None and node.pos_ in PREDICATE_POS:
            break
    return path


def speaker(verb: Token) -> list[Token]:
    """The subject of the speech verb whose reported clause holds the verb ("представители
    США заявили, что Украине предлагают гарантии")."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head != node:
        node = node.head
    if node.dep_ == "ccomp" and node.head.lemma_ in word_list("speech"):
        return subjects(node.head)
    return []
