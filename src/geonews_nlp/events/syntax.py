"""Walking the dependency tree: the predicate a trigger belongs to, its subjects, its
dependents with a given preposition and case, coordination and relative clauses.

Small functions over spaCy tokens that find where a party stands; what the words stand
for is ``resolve``'s part.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

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
        if node.pos_ in PREDICATE_POS or short_adjective(node):
            return node
        if node.dep_ not in NOMINAL_LINKS or node.head == node:
            return None
        node = node.head
    return None


def short_adjective(token: Token) -> bool:
    """A short adjective is a predicate: "готов встретиться", "не уверен во встрече"."""
    return token.pos_ == "ADJ" and "Short" in token.morph.get("Variant")


def argument_predicate(token: Token) -> Token | None:
    """The predicate whose subject and partners are the trigger's: as ``predicate``, but
    not through a subject or a noun's dependent ("участники встречи заявили": the
    speakers are not the meeting's parties), except a frame, a possibility or an
    agreement ("во время визита", "в возможности встречи", "договор о взаимной
    обороне")."""
    node = token
    for _ in range(4):
        if node.pos_ in PREDICATE_POS or short_adjective(node):
            return node
        if node.dep_ in SUBJECT or node.head == node:
            return None
        if node.dep_ == "nmod" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            through = word_list("frame") | word_list("modal")
            if _prepositions(node):  # "подписали договор о взаимной обороне": its signers
                through |= word_list("agreement_object")
            if node.head.lemma_ not in through:  # "признавать декларацию саммита": the summit's own document
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
    if verb.dep_ in ("acl", "nmod") and infinitive and verb.head.lemma_ in word_list("invitation"):
        # an invitation to do: the one invited does it ("принял приглашение Си посетить
        # Китай", "приглашение Путину посетить")
        noun = verb.head
        invited = bare_case(noun, "Dat", ("nmod", "iobj"))
        above = predicate(noun)
        if not invited and above is not None and above != verb:  # "направил Трампу приглашение", "принял приглашение"
            invited = bare_case(above, "Dat", ("iobj", "obl"))
            if not invited and above.lemma_ in word_list("accepting"):
                invited = subjects(above, depth - 1)
        return invited
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
    modal = [verb.head] if verb.dep_ in ("xcomp", "csubj") else []
    if infinitive:  # the parse may hang the modal under its infinitive
        modal += [t for t in verb.children if t.dep_ in ("conj", "parataxis", "advcl")]
    for word in (m for m in modal if m.lemma_ in word_list("dative_subject")):
        obliged = bare_case(word, "Dat", ("iobj", "obl"))  # "обеспечивать оборону придется Евросоюзу"
        if obliged:
            return obliged
    if verb.dep_ == "xcomp" and verb.head.lemma_ in word_list("object_control"):
        controller = objects(verb.head) or bare_case(verb.head, "Dat", ("iobj", "obl"))  # "поручил МИД подписать"
        if controller:
            return controller
    if verb.lemma_ in word_list("speech") and verb.morph.get("Number") == ["Plur"]:
        # "в Кремле заявили", "..., сообщили в МИД России": the body speaks, not the
        # subject of the clause it was hung on
        bodies = [t for t in with_preposition(verb, word_list("within_mark"), "Loc") if _names_a_body(t)]
        if bodies:
            return bodies[:1]
    if verb.dep_ in INHERITS_SUBJECT and verb.head != verb:
        return subjects(verb.head, depth - 1)
    if verb.dep_ == "ccomp" and verb.head.lemma_ in word_list("speech"):
        # "Обама заявил, что не уверен ...": a reported clause without a subject of its
        # own speaks of the speaker, where the two agree in number and gender
        speakers = subjects(verb.head, depth - 1)
        if speakers and _fits_subjects(verb, speakers):
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


def _fits_subjects(verb: Token, subjects: list[Token]) -> bool:
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
    return agents + [t for t in with_preposition(verb, word_list("partner_mark"), "Gen") if t.lemma_ in word_list("side")]


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


def stray_dependents(token: Token, prepositions: set[str], case: str | None = None) -> list[Token]:
    """Phrases right after a noun that the parser hung across the predicate on a word
    after it ("Перед встречей Мерца с президентом США ... правительство рассчитывает на
    позицию": "с президентом" hung on "позицию"), with no predicate between the noun and
    the phrase."""
    out = []
    for word in token.doc[token.i + 1 : token.sent.end]:
        if word.pos_ in PREDICATE_POS:
            break
        if word.head.i <= word.i or not any(w.pos_ in PREDICATE_POS for w in token.doc[word.i + 1 : word.head.i]):
            continue
        if _prepositions(word) & prepositions and (case is None or word.morph.get("Case") == [case]):
            out.append(word)
    return out


def bare_case(token: Token, case: str, relations: Iterable[str] = ("nmod", "iobj", "obl", "obj")) -> list[Token]:
    """Dependents in a case without a preposition ("встреча Зеленского", "Украине")."""
    return [
        c
        for c in token.children
        if c.dep_ in relations and c.morph.get("Case") == [case] and not _prepositions(c)
    ]


def ended(token: Token) -> bool:
    """A noun names an occasion over before its predicate: "после переговоров", "по
    завершении встречи", "по итогам визита"."""
    after = any(t.dep_ == "case" and t.lemma_ in word_list("after_mark") for t in token.children)
    return after or token.head.lemma_ in word_list("end_frame")


def ahead(token: Token) -> bool:
    """A noun names an occasion still ahead of its predicate's, which it places in time:
    "перед саммитом в Анкоридже Трамп поговорил с Путиным" (the call is not the summit)."""
    return any(t.dep_ in ("case", "fixed") and t.lemma_ in word_list("before_mark") for t in token.children)


def owners(token: Token) -> list[Token]:
    """Whose a noun is: its bare genitive ("визит Мерца"), a name that shows no case
    ("саммит G20") or a possessive pronoun ("его визит", "их переговоры")."""
    possessive = word_list("person_pronoun") | word_list("parties")
    foreign = [c for c in token.children if c.dep_ == "nmod" and c.pos_ == "PROPN" and not c.morph.get("Case") and not _prepositions(c)]
    return bare_case(token, "Gen", ("nmod",)) + foreign + [
        c for c in token.children if c.dep_ == "det" and c.pos_ in ("DET", "PRON") and c.lemma_ in possessive
    ]


def objects(token: Token) -> list[Token]:
    """Direct objects; a relative "который" stands for its noun ("договор, который
    подписали"), and one in the nominative is a subject the parser misread."""
    return [relative_antecedent(c) or c for c in token.children if c.dep_ == "obj" and not _relative_subject(c)]


def _relative_subject(token: Token) -> bool:
    """A relative "который" in the nominative: its clause's subject, whatever its label."""
    return token.lemma_ in word_list("relative") and token.morph.get("Case") == ["Nom"]


def coordinated(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it: "Киев и Вашингтон"."""
    return [token, *token.conjuncts]


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative "который" stands for: "Лавров, который встретится с ..."."""
    if token.lemma_ not in word_list("relative"):
        return None
    clause = token.head
    while clause.dep_ != "acl:relcl" and clause.head != clause and clause.pos_ not in ("NOUN", "PROPN"):
        clause = clause.head
    if clause.dep_ == "acl:relcl":
        return clause.head
    return _agreeing_before(token)


def _agreeing_before(relative: Token) -> Token | None:
    """Where the parse hung a relative clause elsewhere ("поприветствовал делегацию,
    которая ... прилетела" read as a coordination), the noun just before its comma that
    agrees with "который" in gender and number."""
    gender, number = relative.morph.get("Gender"), relative.morph.get("Number")
    words = relative.doc[relative.sent.start : relative.i]
    for k in range(len(words) - 1, -1, -1):
        if words[k].text == ",":
            for noun in reversed(words[:k]):
                if noun.pos_ in ("NOUN", "PROPN"):
                    fits = noun.morph.get("Number") == number and (number == ["Plur"] or noun.morph.get("Gender") == gender)
                    return noun if fits else None
            return None
    return None
