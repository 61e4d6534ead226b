"""The argument search layer by layer: sentences written for this project, each with the
layer that must find its parties, and the negatives each layer must leave alone."""

import pytest

from geonews_nlp import explain, extract
from geonews_nlp.errors import PatternError
from geonews_nlp.events import EXTRACTORS
from geonews_nlp.events.layers import LAYERS, check_relays, role_of

P, L = "participant", "location"
A, R = "agent", "recipient"
G, B = "guarantor", "beneficiary"


def arguments(text: str, trigger: str) -> set[tuple[str, str, str]]:
    """(role, name, layer) of the event whose trigger text starts with ``trigger``."""
    events = [e for e in extract(text, "2026-03-10").events if e.trigger.text.lower().startswith(trigger.lower())]
    assert len(events) == 1, [(e.type, e.trigger.text) for e in extract(text, "2026-03-10").events]
    return {(a.role, a.name, a.layer) for a in events[0].arguments}


#: (text, trigger, expected (role, name, layer)): one row per phenomenon
LAYERED = [
    # governor: the predicate that governs a noun trigger through other nouns
    ("Анкара передала Афинам требования к новому раунду переговоров.", "переговоров",
     {(P, "Анкара", "governor"), (P, "Афины", "governor")}),
    ("Эрдоган передал Путину предложения по новому раунду переговоров.", "переговоров",
     {(P, "Эрдоган", "governor"), (P, "Путин", "governor")}),
    ("Ранее Джон Коул на встрече в Минске сообщил президенту Белоруссии Александру Лукашенко, что санкции сняты.", "встрече",
     {(P, "Джон Коул", "trigger"), (L, "Минск", "trigger"), (P, "Александр Лукашенко", "governor")}),
    # a dative of a verb that addresses no one is no party ("Москве оставалось")
    ("Избрание генсека в ходе сегодняшнего заседания было гарантировано - Москве оставалось лишь найти человека.",
     "заседания", set()),
    # the trigger's own parties stop the search: the governor's subject does not join
    ("Макрон раскритиковал переговоры Трампа с Путиным.", "переговоры",
     {(P, "Трамп", "trigger"), (P, "Путин", "trigger")}),
    # clause: a relative clause or participle on the trigger, the clause around it
    ("В ходе встречи, которая состоялась в Минске, Лукашенко поблагодарил Коула.", "встречи",
     {(P, "Лукашенко", "trigger"), (L, "Минск", "clause")}),
    ("Прошедший в Бразилиа саммит БРИКС принял декларацию.", "саммит",
     {(P, "БРИКС", "trigger"), (L, "Бразилиа", "clause")}),
    ("Путин и Токаев провели переговоры, по итогам которых подписали меморандум.", "подписали",
     {(A, "Путин", "clause"), (A, "Токаев", "clause")}),
    ("Президент пообещал, что Словения получит от Вены компенсацию.", "пообещал", {(R, "Словения", "clause")}),
    ("Россия взяла на себя обязательства по поставкам удобрений для Судана.", "обязательства",
     {(A, "Россия", "trigger"), (R, "Судан", "clause")}),
    # a relative clause's passive subject is no party of the occasion it is on
    ("Кардиналы соберутся на конклав, на котором будет избран новый Папа Римский.", "конклав", set()),
    # related: the occasion that is the predicate's subject or frames the trigger
    ("Прошедший в Бразилиа саммит БРИКС принял декларацию.", "принял", {(A, "БРИКС", "related")}),
    ("На саммите G20 лидеры приняли декларацию.", "приняли", {(A, "G20", "related")}),
    # the topic of an agreement is no party of it
    ("Европейские лидеры согласовывают совместный визит к президенту США Дональду Трампу.", "согласовывают", set()),
    # discourse: the parties a plural refers back to, quotes and speakers
    ("Путин и Си Цзиньпин провели переговоры в Пекине. Лидеры договорились расширить сотрудничество.", "договорились",
     {(A, "Путин", "discourse"), (A, "Си Цзиньпин", "discourse")}),
    ("Путин и Токаев поговорили по телефону. Главы государств обсудили развитие отношений.", "обсудили",
     {(P, "Путин", "discourse"), (P, "Токаев", "discourse")}),
    ("Путин и Си Цзиньпин провели переговоры в Пекине. Стороны договорились расширить сотрудничество.", "договорились",
     set()),  # "стороны" is no value (guide)
    ("Путин и Токаев поговорили по телефону. Лидеры России и Китая обсудили развитие отношений.", "обсудили",
     {(P, "Россия", "trigger"), (P, "Китай", "trigger")}),  # named owners: not the people before
    ("«Договорились по многим направлениям», — написал губернатор Василий Орлов.", "договорились",
     {(A, "Василий Орлов", "discourse")}),
    ("«Мы решили еще больше укрепить наше сотрудничество с Молдовой», – сказал президент Франции Эмманюэль Макрон.",
     "решили", {(A, "Франция", "discourse")}),
    ("«Председатель Си пригласил меня посетить Пекин, и я согласился», — написал Трамп.", "согласился",
     {(A, "Трамп", "discourse")}),
    ("По словам премьера Греции Кириакоса Мицотакиса, контакты с Анкарой возобновятся.", "контакты",
     {(P, "Анкара", "trigger"), (P, "Кириакос Мицотакис", "discourse")}),
    # the dateline's city is where a lead's held meeting took place, not an announced one's
    ("АСТАНА, 3 марта (Синьхуа) -- Путин провел переговоры с Токаевым.", "переговоры",
     {(P, "Путин", "trigger"), (P, "Токаев", "trigger"), (L, "Астана", "discourse")}),
    ("МОСКВА, 19 декабря. /ТАСС/. Лавров провел переговоры с Фиданом.", "переговоры",
     {(P, "Лавров", "trigger"), (P, "Фидан", "trigger"), (L, "Москва", "discourse")}),
    ("ВАШИНГТОН, 19 сен — РИА Новости. Трамп анонсировал встречу с Си.", "встречу",
     {(P, "Трамп", "trigger"), (P, "Си", "trigger")}),
    # a speaker is no party of an occasion whose sides the sentence leaves open
    ("«Встреча состоится в понедельник», — сказала пресс-секретарь Белого дома Кэролайн Левитт.", "встреча", set()),
]


@pytest.mark.parametrize("text,trigger,expected", LAYERED)
def test_layers(text, trigger, expected):
    assert arguments(text, trigger) == expected


#: (text, expected (role, name)) of the plural and apposition resolvers
PLURALS = [
    ("Встреча президентов Дональда Трампа и Владимира Путина возможна.", {(P, "Дональд Трамп"), (P, "Владимир Путин")}),
    ("Лидеры Армении и Азербайджана, премьер Никол Пашинян и президент Ильхам Алиев, подпишут соглашение.",
     {(A, "Никол Пашинян"), (A, "Ильхам Алиев")}),
    ("Трамп встретился с главой Евросовета, португальцем Антониу Коштой.", {(P, "Трамп"), (P, "Антониу Кошта")}),
    ("Депутаты Госдумы ратифицировали соглашение с Кубой.", {(A, "Госдума"), (R, "Куба")}),
    ("Макрон прибыл в Берлин. Лидеры договорились о перемирии.", set()),  # one person named before: no pair
]


@pytest.mark.parametrize("text,expected", PLURALS)
def test_plural_offices(text, expected):
    article = extract(text, "2026-03-10")
    assert {(a.role, a.name) for a in article.events[-1].arguments} == expected


def test_explain_names_the_layer_of_every_argument():
    event = next(e for e in extract("Анкара передала Афинам требования к новому раунду переговоров.", "2026-03-10").events)
    text = explain(event)
    assert all(a.layer in LAYERS for a in event.arguments)
    assert text.count("found in layer governor") == len(event.arguments) == 2


def test_layers_survive_the_json_round_trip():
    article = extract("Анкара передала Афинам требования к новому раунду переговоров.", "2026-03-10")
    again = type(article).from_dict(article.to_dict())
    assert [a.layer for a in again.events[0].arguments] == ["governor", "governor"]


def test_the_role_table_is_read_by_mode():
    meeting, commitment = EXTRACTORS[0], EXTRACTORS[1]
    assert role_of(meeting, "dative", "talks") == "participant"
    assert role_of(commitment, "partner", "signing") == "agent"  # the other side of a mutual agreement
    assert role_of(commitment, "partner", "pledge") == "recipient"
    assert role_of(commitment, "speaker", "pledge") is None


def test_a_role_table_line_naming_an_unknown_role_fails_at_its_line(monkeypatch):
    from geonews_nlp.events import layers

    bad = {"meeting": (layers.Relay("meeting", "subject", "guarantor", None, "argument_roles.txt:99"),)}
    monkeypatch.setattr(layers, "relays", lambda: bad)
    with pytest.raises(PatternError, match="argument_roles.txt:99"):
        check_relays(EXTRACTORS[0])
