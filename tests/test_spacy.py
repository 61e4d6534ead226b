"""spaCy integration: our components in a user's pipeline, and spaCy's matchers over
our annotations."""

import json

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
    from importlib.metadata import entry_points

    factories = {e.name for e in entry_points(group="spacy_factories")}
    assert {"geonews_morphology", "geonews_events"} <= factories


def _fresh_python(code: str) -> str:
    """Run code in a new interpreter: nothing of this test session registered before."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


SENTENCE = "Эмманюэль Макрон встретился с Олафом Шольцем в Берлине."


def test_saved_pipeline_loads_with_spacy_and_gives_the_same_events(tmp_path):
    from geonews_nlp import extract

    load().to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "tokenizer").exists()
    code = (
        "import json, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        f"doc = nlp({SENTENCE!r})\n"
        "print(type(nlp.tokenizer).__name__)\n"
        "from geonews_nlp import to_article\n"
        "print(json.dumps([e.to_dict() for e in to_article(doc).events], ensure_ascii=False))\n"
    )
    name, events = _fresh_python(code).splitlines()
    assert name == "RazdelTokenizer"
    assert json.loads(events) == [e.to_dict() for e in extract(SENTENCE).events]


def test_from_disk_reads_back_a_saved_pipeline(tmp_path):
    nlp = load()
    nlp.to_disk(tmp_path)
    again = load().from_disk(tmp_path)
    assert [e.to_dict() for e in again(SENTENCE)._.geonews_events] == [e.to_dict() for e in nlp(SENTENCE)._.geonews_events]
    assert load().tokenizer.from_bytes(nlp.tokenizer.to_bytes()) is not None


def test_components_after_spacys_sentencizer_in_a_fresh_process():
    code = (
        "import spacy\n"
        "nlp = spacy.blank('ru')\n"
        "nlp.add_pipe('sentencizer')\n"
        "for name in ('geonews_morphology', 'geonews_lemmatizer', 'geonews_ner', 'geonews_entities',"
        " 'geonews_actors', 'geonews_events'):\n"
        "    nlp.add_pipe(name)\n"
        f"doc = nlp({SENTENCE!r})\n"
        "print([e.type for e in doc._.geonews_events])\n"
    )
    assert _fresh_python(code).strip() == "['meeting']"


def test_components_declare_what_they_require_and_assign():
    analysis = load().analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    summary = analysis["summary"]
    assert "doc._.geonews_events" in summary["geonews_events"]["assigns"]
    assert "token.lemma" in summary["geonews_lemmatizer"]["assigns"]
    assert "doc.ents" in summary["geonews_entities"]["requires"]


TEXTS = [
    "Владимир Путин встретился с Си Цзиньпином в Пекине 3 сентября.",
    "Эмманюэль Макрон прибыл в Берлин.",
    "Погода в Москве будет теплой.",
]


def _annotations(doc):
    return doc._.geonews_events, doc._.geonews_entities, doc._.geonews_date


def test_pipe_over_two_processes_gives_what_one_gives():
    nlp = load()
    alone = [_annotations(doc) for doc in nlp.pipe(TEXTS)]
    spread = [_annotations(doc) for doc in nlp.pipe(TEXTS, n_process=2)]
    assert spread == alone
    assert alone[0][0] and alone[1][1]  # the records crossed the process boundary, not just empties


def test_docbin_and_to_bytes_round_trip_the_records():
    from spacy.tokens import Doc, DocBin

    nlp = load()
    docs = list(nlp.pipe(TEXTS))
    packed = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(packed).get_docs(nlp.vocab))
    assert [_annotations(d) for d in back] == [_annotations(d) for d in docs]
    again = Doc(nlp.vocab).from_bytes(docs[0].to_bytes())
    assert _annotations(again) == _annotations(docs[0])
    assert type(again._.geonews_events[0]).__name__ == "Event"


def test_packed_records_read_without_the_pipeline_are_tagged_dicts():
    from geonews_nlp.records.packing import decode_records, encode_records

    event = load()(TEXTS[0])._.geonews_events[0]
    packed = encode_records(event)
    assert packed["__geonews_nlp__"] == "Event" and packed["data"] == event.to_dict()
    assert decode_records(packed) == event
    assert decode_records({"other": 1}) == {"other": 1}
