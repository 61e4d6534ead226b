"""What a trigger needs in order to count: parties that can act officially, or a
political context, and no veto of another sense. Sentences written for this project;
negatives first, then the positives the same conditions must keep."""

import pytest

from geonews_nlp import debug, explain, extract
from geonews_nlp.errors import PatternError

DATE = "2026-03-10"

#: (sentence, the veto or condition that drops its trigger)
NEGATIVES = [
    # sport
    ("Матч пройдет в субботу, встреча начнется в 19:00.", "veto sentence:"),
    ("«Зенит» встретится с «Локомотивом» в следующем туре чемпионата.", "veto sentence:"),
    ("Тренер сборной провел переговоры с новым нападающим.", "veto sentence:"),
    # courts
    ("Заседание суда по делу бизнесмена перенесли на понедельник.", "veto sentence:"),
    ("Судья объявил перерыв в заседании, подсудимого увезли в больницу.", "veto sentence:"),
    ("Адвокат встретился с подзащитным в следственном изоляторе.", "veto sentence:"),
    # private people and the public
    ("Блогер встретился с подписчиками в торговом центре.", "veto partner:public"),
    ("Писательница Анна Иванова встретилась с читателями в библиотеке.", "veto partner:public"),
    ("Глава администрации провел встречу с жителями микрорайона.", "veto partner:public"),
    ("Мэр города встретился с артистами театра после премьеры.", "veto partner:public"),
    ("Туристы из Китая прибыли в Калининград.", "needs traveller"),
    ("Мария Петрова приехала в Москву к родителям.", "needs traveller"),
    ("Посол прибыл в Москву.", "needs traveller"),  # an office tied to no one
    ("Во время посещения Санкт-Петербурга британский актер Стивен Фрай выступил в клубе.", "needs traveller"),  # the visited city travels not
    ("Он обещал позвонить вечером.", "needs party"),
    # weather
    ("Синоптики обещают в выходные мокрый снег и похолодание.", "veto sentence:"),
    ("Погода обещает быть солнечной.", "veto sentence:"),
    # contracts between a person and a service, warranties
    ("Пользователь обязуется не передавать пароль третьим лицам.", "veto clause:"),
    ("Арендатор обязуется вносить плату до десятого числа.", "veto clause:"),
    ("Продавец гарантирует возврат денег в течение 14 дней.", "veto clause:"),
    # debts and loans
    ("Компания выполнила обязательства по выплате купона по облигациям.", "veto sentence:financial"),
    ("Банк договорился с заемщиками о реструктуризации кредитов.", "veto topic:financial"),
    # medicine
    ("Пациент может получить консультацию врача по видеосвязи.", "veto sentence:"),
    ("Визит к терапевту теперь нужен перед посещением узкого специалиста.", "veto sentence:"),
    # culture, science, parliaments
    ("В библиотеке состоится творческая встреча с поэтом.", "veto modifier:private_event"),
    ("Научный форум по физике плазмы открылся в Казани.", "veto modifier:"),
    ("Певица отменила турне по городам России.", "veto sentence:"),
    ("Депутаты Госдумы на пленарном заседании приняли закон.", "veto sentence:"),
]

#: (sentence, [(type, status), ...]) the conditions keep
POSITIVES = [
    ("Владимир Путин встретился с Си Цзиньпином в Пекине.", [("meeting", "actual")]),
    ("Министр иностранных дел Индии прибыл в Москву.", [("meeting", "actual")]),  # an office of a state
    ("Посол Франции прибыл в Москву.", [("meeting", "actual")]),
    ("Во время посещения Пекина Эммануэль Макрон встретился с Си Цзиньпином.", [("meeting", "actual")]),  # one occasion
    ("Премьер Японии посетил Вашингтон.", [("meeting", "actual")]),
    ("Губернатор Курской области Александр Хинштейн провел встречу с министром строительства.",
     [("meeting", "actual")]),  # an office named with the person
    ("Мирные переговоры продолжатся на следующей неделе.", [("meeting", "planned")]),  # a modifier of diplomacy
    ("Двусторонняя встреча лидеров пройдет в Анкаре.", [("meeting", "planned")]),
    ("Лавров провел переговоры с главой МИД Турции. Союзники попытаются согласовать позиции.",
     [("meeting", "actual"), ("commitment", "hypothetical")]),  # unnamed parties after an official actor
    ("Стороны договорились о прекращении огня.", [("commitment", "actual")]),
    ("Россия и Украина договорились о реструктуризации долга.", [("commitment", "actual")]),  # states on debt
    ("Евросоюз выделит Украине кредит на 90 млрд евро.", [("commitment", "planned")]),
    ("Заседание Совета безопасности ООН состоится в пятницу.", [("meeting", "planned")]),
    ("Делегации России и США провели консультации в Женеве.", [("meeting", "actual")]),
    ("Компания «Регион 45» подписала соглашение с правительством Московской области.",
     [("commitment", "actual")]),  # a company and a region's government
    ("Съезд партии «Единая Россия» пройдет в декабре.", [("meeting", "planned")]),  # a political body
    ("Кая Каллас встретилась с министрами иностранных дел стран ЕС.", [("meeting", "actual")]),
]


@pytest.mark.parametrize("text, dropped_by", NEGATIVES)
def test_no_event_where_a_condition_fails(text, dropped_by):
    assert extract(text, DATE).events == ()
    decisions = debug(text, DATE)
    assert decisions and not any(d.kept for d in decisions)
    assert any(d.dropped_by.startswith(dropped_by) for d in decisions), [str(d) for d in decisions]


@pytest.mark.parametrize("text, expected", POSITIVES)
def test_events_the_conditions_keep(text, expected):
    events = extract(text, DATE).events
    assert [(e.type, e.status) for e in events] == expected
    assert all(dict(e.attributes).get("conditions") for e in events)


def test_explain_names_the_conditions_that_kept_the_event():
    event = extract("Министр иностранных дел Индии прибыл в Москву.", DATE).events[0]
    text = explain(event)
    assert "kept: traveller: Индия travels" in text and "kept: destination: to Москва" in text


def test_debug_lists_kept_and_dropped_matches_in_text_order():
    text = "Матч пройдет в субботу, встреча начнется в 19:00. Путин встретился с Си в Пекине."
    decisions = debug(text, DATE)
    assert [(d.rule, d.kept) for d in decisions] == [("meeting.meeting_noun", False), ("meeting.meet", True)]
    assert str(decisions[0]).startswith("DROP meeting.meeting_noun 'встреча'")
    assert decisions[0].pattern.startswith("meeting.txt:")
    assert decisions[1].to_dict()["reasons"] == ["party: Си (official)"]


def test_debug_of_no_text_is_empty_and_of_bytes_is_a_type_error():
    assert debug("") == ()
    with pytest.raises(TypeError):
        debug(b"text")


@pytest.mark.parametrize(
    "line, message",
    [
        ("meeting.x | встреча | {mode} | party | -", None),
        ("meeting.x | встреча | {mode} | partyy | -", "unknown condition 'partyy'"),
        ("meeting.x | встреча | {mode} | party | sentence:nosuchlist", "no word list 'nosuchlist'"),
        ("meeting.x | встреча | {mode} | party | everywhere:sports", "a veto is 'scope:list,list'"),
        ("meeting.x | встреча | {mode} | party", "expected 'rule id | lemma pattern | mode | needs | vetoes'"),
        ("meeting.x | встреча | nosuchmode | party | -", "unknown mode 'nosuchmode'"),
    ],
)
def test_rules_are_checked_when_the_extractor_is_built(monkeypatch, line, message):
    """Rule data is validated once, with its file and line, before anything is matched."""
    import spacy

    from geonews_nlp.events import EventExtractor, lexicon

    modes = {"meeting.txt": "meeting", "commitment.txt": "promise", "security_guarantee.txt": "guarantee"}

    def rows(filename):
        cells = [c.strip() for c in line.format(mode=modes[filename]).split("|")]
        return iter([(f"{filename}:7", cells)])

    monkeypatch.setattr(lexicon, "rows", rows)
    lexicon.trigger_rules.cache_clear()
    try:
        if message is None:
            EventExtractor(spacy.blank("ru"))
        else:
            with pytest.raises(PatternError, match=r"\.txt:7: .*" + message.replace("|", r"\|")):
                EventExtractor(spacy.blank("ru"))
    finally:
        lexicon.trigger_rules.cache_clear()


def test_two_rules_with_one_id_are_refused(monkeypatch):
    from geonews_nlp.events import lexicon

    lines = [("meeting.txt:1", ["meeting.x", "встреча", "meeting", "party", "-"]),
             ("meeting.txt:2", ["meeting.x", "визит", "visit", "party", "-"])]
    monkeypatch.setattr(lexicon, "rows", lambda filename: iter(lines))
    lexicon.trigger_rules.cache_clear()
    try:
        with pytest.raises(PatternError, match="meeting.txt:2: rule id 'meeting.x' already names the rule of meeting.txt:1"):
            lexicon.trigger_rules("meeting")
    finally:
        lexicon.trigger_rules.cache_clear()
