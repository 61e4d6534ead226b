"""Event classes news states in many words: coverage by lemma family, conditions that
keep or drop a match, security guarantees by meaning, one record per occasion. Sentences
written for this project; every table holds negatives."""

import pytest

from geonews_nlp import extract

P, L = "participant", "location"
A, R = "agent", "recipient"
G, B = "guarantor", "beneficiary"


def records(text: str, event_type: str | None = None) -> list[tuple[str, frozenset]]:
    """(type, {(role, name)}) of every event of the text, in text order."""
    return [
        (e.type, frozenset((a.role, a.name) for a in e.arguments))
        for e in extract(text, "2026-03-10").events
        if event_type is None or e.type == event_type
    ]


def check(text, expected, event_type=None):
    assert records(text, event_type) == [(t, frozenset(a)) for t, a in expected]


COVERAGE = [
    # greeting a visitor, hosting by passive, calls by verb
    ("Моди лично встретил Путина в аэропорту Палам.", [("meeting", {(P, "Моди"), (P, "Путин"), (L, "Палам")})]),
    ("Горожане встретили Новый год на площади.", []),
    ("Сегодня Джон Коул был принят Александром Лукашенко в Минске.",
     [("meeting", {(P, "Джон Коул"), (P, "Александр Лукашенко"), (L, "Минск")})]),
    ("Трамп позвонил Лукашенко из самолета.", [("meeting", {(P, "Трамп"), (P, "Лукашенко")})]),
    ("Мальчик позвонил маме.", []),
    ("Трамп заявил, что ждет приема президента Азербайджана Ильхама Алиева в Белом доме.",
     [("meeting", {(P, "Ильхам Алиев"), (L, "Белый дом")})]),
    ("Комитет Сената поддержал прием Черногории в НАТО.", []),  # an admission, no reception
    ("Пациент пропустил прием лекарств.", []),
    # arrivals by noun, taking part, views exchanged
    ("Прибытие российского лидера Владимира Путина в Китай показали по телевидению.",
     [("meeting", {(P, "Владимир Путин"), (P, "Китай"), (L, "Китай")})]),
    ("Саммит ШОС открылся в Пекине, в нем принимают участие лидеры двадцати государств.",
     [("meeting", {(P, "ШОС"), (L, "Пекин")})]),
    ("Он принял участие в выборах.", []),
    ("Путин и Моди обменялись мнениями о ситуации в мире.", [("meeting", {(P, "Путин"), (P, "Моди")})]),
    ("Газета писала, что между белорусскими властями и американскими дипломатами ведутся переговоры.",
     [("meeting", {(P, "Белоруссия"), (P, "США")})]),
    ("Решение бойкотировать предстоящий саммит G20 в Йоханнесбурге не повлияет на итоги.",
     [("meeting", {(P, "G20"), (L, "Йоханнесбург")})]),
    # joining, accepting an invitation, recognizing, offering, aid
    ("Сирия вступила в коалицию против ИГ.", [("commitment", {(A, "Сирия")})]),
    ("Студент вступил в партию в 1990 году.", []),
    ("Президент США Дональд Трамп принял приглашение лидера КНР Си Цзиньпина посетить Китай.",
     [("commitment", {(A, "Дональд Трамп"), (R, "Си Цзиньпин")}),
      ("meeting", {(P, "Дональд Трамп"), (P, "Китай"), (L, "Китай")})]),
    ("США не будут признавать итоговую декларацию саммита G20.",
     [("commitment", {(A, "США")}), ("meeting", {(P, "G20")})]),
    ("Суд признал его виновным.", []),
    ("Россия обсуждает варианты помощи Кубе.", [("commitment", {(A, "Россия"), (R, "Куба")})]),
    ("Украина получила помощь от соседей.", []),  # aid received is no commitment
    ("Мы пообещали новую военную помощь Украине, — сказал министр обороны Великобритании Джон Хили.",
     [("commitment", {(A, "Великобритания"), (R, "Украина")})]),  # the aid a promise names is that promise
    # agreements led to, decisions that bind
    ("Визит Зеленского в Швецию не привел к договоренностям о поставках истребителей.",
     [("meeting", {(P, "Зеленский"), (P, "Швеция"), (L, "Швеция")}),
      ("commitment", {(A, "Зеленский"), (A, "Швеция")})]),
    ("Франция и Молдова решили укрепить сотрудничество.", [("commitment", {(A, "Франция"), (A, "Молдова")})]),
    ("Делегация решила лететь в Доху.", []),  # a decision that binds no one to another
]


@pytest.mark.parametrize("text,expected", COVERAGE)
def test_coverage(text, expected):
    check(text, expected)


SECURITY = [
    ("Россия гарантирует безопасность Белоруссии.", [(G, "Россия"), (B, "Белоруссия")]),
    ("США гарантируют неприкосновенность границ Польши.", [(G, "США"), (B, "Польша")]),
    ("Обеспечивать оборону Молдавии придется Евросоюзу.", [(G, "ЕС"), (B, "Молдавия")]),
    ("Турция разместит войска на территории Азербайджана для его защиты.", [(G, "Турция"), (B, "Азербайджан")]),
    ("Индонезия, Марокко и Казахстан согласились направить в Газу своих военных.",
     [(G, "Индонезия"), (G, "Марокко"), (G, "Казахстан"), (B, "Газа")]),
    ("Россия и КНДР подписали договор о взаимной обороне.",
     [(G, "Россия"), (G, "КНДР"), (B, "Россия"), (B, "КНДР")]),
]


@pytest.mark.parametrize("text,expected", SECURITY)
def test_security_guarantees_by_meaning(text, expected):
    check(text, [("security_guarantee", expected)], "security_guarantee")


@pytest.mark.parametrize("text", [
    "Россия направила войска на Украину.",  # an invasion: no purpose, no peace, no agreement
    "США направят Украине гуманитарную помощь.",  # aid, not troops
    "Компания гарантирует качество товара.",
])
def test_no_security_guarantee(text):
    check(text, [], "security_guarantee")


OCCASIONS = [
    # two meetings of one sentence, whatever the parse hung their verbs on
    ("Председатель КНР не приедет на саммит, так как Си Цзиньпин уже встречался с Лулой в Пекине.", 2),
    # a trip to a summit is the summit's occasion
    ("Это произошло вскоре после прибытия Трампа на саммит АСЕАН в Куала-Лумпуре.", 1),
    # taking part in the summit just told is that summit
    ("Саммит ШОС проходит в Тяньцзине, в нем принимают участие более 20 лидеров.", 1),
    # the next round framing its predicate is that predicate's occasion
    ("Путин встретился с Си, а на следующей встрече лидеры обсудят торговлю.", 2),
    # separate meetings with each partner
    ("Лавров встретился по отдельности с Фиданом и с Аракчи.", 2),
    ("Лавров встретился с Фиданом и с Аракчи.", 1),
    # the parties of a meeting discuss at it; a headline retold by its lead
    ("Путин и Токаев встретились в Астане, стороны обсудили торговлю.", 1),
    ("Путин провел переговоры с Токаевым  Президент России Владимир Путин провел переговоры "
     "с президентом Казахстана Касым-Жомартом Токаевым в Астане.", 1),
    # a meeting and the talks its parties hold at it; talks with another partner are two
    ("В планах президента встретиться и провести переговоры с китайским коллегой.", 1),
    ("Путин встретился с Токаевым, а затем провел переговоры с Си.", 2),
    # a call and the summit it precedes are two, each with its own place
    ("Перед саммитом в Анкоридже Трамп поговорил по телефону с Путиным.", 2),
]


def test_a_call_before_a_summit_keeps_its_own_place_and_parties():
    summit, call = extract("Перед саммитом в Анкоридже Трамп поговорил по телефону с Путиным.", "2026-03-10").events
    assert ("location", "Анкоридж") in {(a.role, a.name) for a in summit.arguments}
    assert ("participant", "Путин") not in {(a.role, a.name) for a in summit.arguments}
    assert "location" not in {a.role for a in call.arguments}


@pytest.mark.parametrize("text,count", OCCASIONS)
def test_one_record_per_occasion(text, count):
    assert len(records(text, "meeting")) == count


CONDITIONS = [
    # a court or consumer word in another clause does not make an interstate deal a court's
    ("Россия и Китай подписали соглашение о торговле, а суд отложил заседание по делу бизнесмена.",
     [("commitment", {(A, "Россия"), (A, "Китай")})]),
    ("Продавец гарантирует возврат денег.", []),
    # a military operation is no surgery
    ("Министр обороны Турции посетил Сирию, где обсудил ход военной операции.",
     [("meeting", {(P, "Турция"), (P, "Сирия"), (L, "Сирия")})]),
    # an agreement stated by its existence, or denied it
    ("Никакой договоренности о прекращении огня между Израилем и ХАМАС не существует.",
     [("commitment", {(A, "Израиль"), (A, "ХАМАС")})]),
    ("Достижение договоренности между Москвой и Киевом пока невозможно.",
     [("commitment", {(A, "Москва"), (A, "Киев")})]),
    ("Стороны продлили режим тишины еще на неделю.", [("commitment", set())]),
    ("Власти продлили режим ЧП.", []),
]


@pytest.mark.parametrize("text,expected", CONDITIONS)
def test_conditions(text, expected):
    check(text, expected)
