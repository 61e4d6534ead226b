"""spaCy integration: our components in a user's pipeline, and spaCy's matchers over
our annotations."""

import spacy
from spacy.matcher import DependencyMatcher

from geonews_nlp import load


def test_components_in_a_pipeline_with_spacys_own_tokenizer():
    nlp = spacy.blank("ru")
    for name in ("geonews_morphology", "geonews_lemmatizer", "geonews_ner", "geonews_entities", "geonews_events"):
        nlp.add_pipe(name)
    doc = nlp("Эмманюэль Макрон встретился с Олафом Шольцем в Берлине. Они обсудили Украину.")
    assert len(list(doc.sents)) == 2
    assert {e.name for e in doc._.geonews_entities} >= {"Эмманюэль Макрон", "Олаф Шольц", "Берлин"}
    first, second = doc._.geonews_events  # "Они обсудили": the same parties, one record a sentence
    assert first.type == second.type == "meeting"
    assert {a.name for a in second.arguments} == {"Эмманюэль Макрон", "Олаф Шольц"}


def test_dependency_matcher_runs_over_our_parse():
    nlp = load()
    matcher = DependencyMatcher(nlp.vocab)
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "встретиться"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "nsubj"}},
    ]
    matcher.add("MEET", [pattern])
    doc = nlp("Макрон встретился с Шольцем.")
    matches = matcher(doc)
    assert len(matches) == 1
    _, (verb, subject) = matches[0]
    assert (doc[verb].text, doc[subject].text) == ("встретился", "Макрон")


def test_token_attributes_are_set():
    doc = load()("Президент Франции прибыл в Берлин.")
    president = doc[0]
    assert (president.pos_, president.lemma_, president.morph.get("Case")) == ("NOUN", "президент", ["Nom"])
    assert doc[4].head.text == "прибыл" and doc[4].dep_ == "obl" and doc[3].dep_ == "case"


def test_registered_through_entry_points():
    from spacy.util import registry

    factories = registry._entry_point_factories.get_all()
    assert {"geonews_morphology", "geonews_events"} <= set(factories)
