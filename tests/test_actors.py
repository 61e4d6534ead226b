"""Actors: codes and kinds of names and mentions, tables written for this project."""

import pytest

from geonews_nlp import extract
from geonews_nlp.knowledge.gazetteer import adjective_states, lookup, lookup_person

# (text, mention as written, canonical name, actor code, kind)
MENTIONS = [
    # states: inflected, full, short, colloquial, abbreviated
    ("Делегация прибыла из Соединенных Штатов.", "Соединенных Штатов", "США", "USA", "state"),
    ("Санкции против Российской Федерации продлены.", "Российской Федерации", "Россия", "RUS", "state"),
    ("Министры обсудили помощь Украине.", "Украине", "Украина", "UKR", "state"),
    ("Эксперты из Штатов приедут осенью.", "Штатов", "США", "USA", "state"),
    ("Договор с РФ продлен.", "РФ", "Россия", "RUS", "state"),
    ("Отношения с ФРГ улучшились.", "ФРГ", "Германия", "DEU", "state"),
    ("Посол Великобритании вручил ноту.", "Великобритании", "Великобритания", "GBR", "state"),
    ("Переговоры с КНДР зашли в тупик.", "КНДР", "КНДР", "PRK", "state"),
    ("Туристы вернулись из Южной Кореи.", "Южной Кореи", "Южная Корея", "KOR", "state"),
    ("Поставки в Китай выросли.", "Китай", "Китай", "CHN", "state"),
    ("Инвестиции ОАЭ в Египет растут.", "ОАЭ", "ОАЭ", "ARE", "state"),
    ("Представители Ирана выступили.", "Ирана", "Иран", "IRN", "state"),
    ("Визит в Белоруссию отложен.", "Белоруссию", "Белоруссия", "BLR", "state"),
    ("Граница с Польшей закрыта.", "Польшей", "Польша", "POL", "state"),
    ("Эмбарго против Кубы сохраняется.", "Кубы", "Куба", "CUB", "state"),
    ("Выборы в Молдавии назначены на осень.", "Молдавии", "Молдавия", "MDA", "state"),
    ("Французская Республика отозвала посла.", "Французская Республика", "Франция", "FRA", "state"),
    ("Соглашение с Японией подписано.", "Японией", "Япония", "JPN", "state"),
    ("Армения и Азербайджан сблизили позиции.", "Азербайджан", "Азербайджан", "AZE", "state"),
    ("Поддержка Израиля продолжится.", "Израиля", "Израиль", "ISR", "state"),
    # capitals and seats of power keep their names and carry the state
    ("Киев ответил на предложение.", "Киев", "Киев", "UKR", "capital"),
    ("Вашингтон ввел новые пошлины.", "Вашингтон", "Вашингтон", "USA", "capital"),
    ("Пекин выразил протест.", "Пекин", "Пекин", "CHN", "capital"),
    ("Встреча пройдет в Варшаве.", "Варшаве", "Варшава", "POL", "capital"),
    ("Москва не согласна с этим.", "Москва", "Москва", "RUS", "capital"),
    ("В Кремле прокомментировали заявление.", "Кремле", "Кремль", "RUS", "seat"),
    ("Белый дом опроверг слухи.", "Белый дом", "Белый дом", "USA", "seat"),
    ("В Елисейском дворце прошла встреча.", "Елисейском дворце", "Елисейский дворец", "FRA", "seat"),
    ("Тегеран пригрозил ответом.", "Тегеран", "Тегеран", "IRN", "capital"),
    ("Анкара закрыла проливы.", "Анкара", "Анкара", "TUR", "capital"),
    # government bodies and armed forces
    ("ВСУ отвели войска.", "ВСУ", "ВСУ", "UKR", "military"),
    ("В Пентагоне подготовили план.", "Пентагоне", "Пентагон", "USA", "military"),
    ("Минобороны РФ сообщило о перехвате.", "Минобороны РФ", "Минобороны России", "RUS", "military"),
    ("Госдепартамент выпустил заявление.", "Госдепартамент", "Госдепартамент", "USA", "government"),
    ("Решение одобрил Конгресс США.", "Конгресс США", "Конгресс США", "USA", "government"),
    ("Глава МИД Франции прибыл.", "МИД Франции", "МИД Франции", "FRA", "government"),
    ("Заявление опубликовал МИД России.", "МИД России", "МИД России", "RUS", "government"),
    ("Бундестаг одобрил поставки.", "Бундестаг", "Бундестаг", "DEU", "government"),
    ("Представитель Генерального штаба ВСУ выступил.", "Генерального штаба ВСУ", "Генеральный штаб ВСУ", "UKR", "military"),
    ("Совбез ООН соберется в пятницу.", "Совбез ООН", "Совбез ООН", "UN", "government"),
    # a body named without its state takes the state of an adjective on it
    ("В российском Минфине заявили о готовности к переговорам.", "Минфине", "Минфин", "RUS", "government"),
    ("Французский МИД осудил удар.", "МИД", "МИД", "FRA", "government"),
    # blocs and international bodies
    ("Саммит НАТО завершился.", "НАТО", "НАТО", "NATO", "bloc"),
    ("Страны Евросоюза договорились.", "Евросоюза", "ЕС", "EU", "bloc"),
    ("Решение Европейского союза вступило в силу.", "Европейского союза", "ЕС", "EU", "bloc"),
    ("Генсек ООН выступил с речью.", "ООН", "ООН", "UN", "bloc"),
    ("Наблюдатели ОБСЕ покинули регион.", "ОБСЕ", "ОБСЕ", "OSCE", "bloc"),
    ("Лидеры G7 встретились.", "G7", "G7", "G7", "bloc"),
    ("Участники «Коалиции желающих» собрались.", "Коалиции желающих", "Коалиция желающих", "COW", "bloc"),
    ("Страны ОДКБ провели учения.", "ОДКБ", "ОДКБ", "CSTO", "bloc"),
    # a body takes the code of the known state named inside it, whether the state's own
    # name ("Россия") is longer than the body's ("СК РФ") or not
    ("Дело возбудил СК РФ.", "СК РФ", "СК РФ", "RUS", "organization"),
    ("Заявление опубликовал МИД РФ.", "МИД РФ", "МИД России", "RUS", "government"),
    ("Дело возбудил Следственный комитет.", "Следственный комитет", "Следственный комитет", None, "organization"),
    # media are sources, not parties
    ("Об этом сообщает Reuters.", "Reuters", "Reuters", None, "media"),
    ("Как пишет Bloomberg, сделка близка.", "Bloomberg", "Bloomberg", None, "media"),
    # people: the state from the office around the name, or from the people list
    ("Президент Франции Эмманюэль Макрон прибыл.", "Эмманюэль Макрон", "Эмманюэль Макрон", "FRA", "person"),
    ("Президент Владимир Зеленский заявил о поддержке.", "Владимир Зеленский", "Владимир Зеленский", "UKR", "person"),
    ("Канцлер Германии Фридрих Мерц выступил.", "Фридрих Мерц", "Фридрих Мерц", "DEU", "person"),
    ("Премьер-министр Японии Сигэру Исиба подал в отставку.", "Сигэру Исиба", "Сигэру Исиба", "JPN", "person"),
    ("Глава МИД Индии Субраманьям Джайшанкар прибыл в Москву.", "Субраманьям Джайшанкар", "Субраманьям Джайшанкар", "IND", "person"),
    ("Встреча с президентом России Владимиром Путиным прошла.", "Владимиром Путиным", "Владимир Путин", "RUS", "person"),
    ("Госсекретарь США Марко Рубио посетил Израиль.", "Марко Рубио", "Марко Рубио", "USA", "person"),
    ("Начальник Генерального штаба ВСУ Андрей Гнатов выступил.", "Андрей Гнатов", "Андрей Гнатов", "UKR", "person"),
    ("Сергей Лавров прибыл в Анкару.", "Сергей Лавров", "Сергей Лавров", "RUS", "person"),
    ("Иван Петров открыл магазин.", "Иван Петров", "Иван Петров", None, "person"),
    # adjectives and offices standing for a state or a person
    ("Российская сторона выразила протест.", "Российская", "Россия", "RUS", "state"),
    ("Американо-украинские переговоры продолжились.", "Американо-украинские", "США", "USA", "state"),
    ("Американо-украинские переговоры продолжились.", "Американо-украинские", "Украина", "UKR", "state"),
    ("Китайская делегация прибыла в Москву.", "Китайская", "Китай", "CHN", "state"),
    ("Российские военные покинули базу.", "Российские", "Россия", "RUS", "state"),
    ("Президент Франции Эмманюэль Макрон прибыл. Позже президент Франции выступил.", "президент", "Эмманюэль Макрон", "FRA", "person"),
]


@pytest.mark.parametrize("text, mention, name, actor, kind", MENTIONS)
def test_mention_actor(text, mention, name, actor, kind):
    article = extract(text)
    found = [e for e in article.entities if e.name == name and any(m.text == mention for m in e.mentions)]
    assert found, [(e.name, [m.text for m in e.mentions]) for e in article.entities]
    assert (found[0].actor, found[0].kind) == (actor, kind)


def test_positions_around_names():
    article = extract("Начальник Генерального штаба ВСУ Андрей Гнатов выступил.")
    person = next(e for e in article.entities if e.name == "Андрей Гнатов")
    assert dict(person.attributes) == {
        "title": "начальник",
        "organization": "Генеральный штаб ВСУ",
        "position": "Начальник Генерального штаба ВСУ",
    }


def test_a_bare_title_needs_one_holder():
    text = "Президент Франции Эмманюэль Макрон и президент США Дональд Трамп встретились. Президент выступил."
    article = extract(text)
    titles = [m for e in article.entities for m in e.mentions if m.kind == "title"]
    assert titles == []  # "Президент" alone could be either


def test_metonym_is_not_its_state():
    article = extract("Киев и Украина, Вашингтон и США.")
    assert sorted((e.name, e.actor) for e in article.entities) == [
        ("Вашингтон", "USA"), ("Киев", "UKR"), ("США", "USA"), ("Украина", "UKR")]


def test_seed_article_codes(seed_text):
    article = extract(seed_text)
    codes = {e.name: (e.actor, e.kind) for e in article.entities}
    assert codes["Владимир Зеленский"] == ("UKR", "person")
    assert codes["Андрей Гнатов"] == ("UKR", "person")
    assert codes["Украина"] == ("UKR", "state")
    assert codes["США"] == ("USA", "state")
    assert codes["Россия"] == ("RUS", "state")
    assert codes["Париж"] == ("FRA", "capital")
    assert codes["Киев"] == ("UKR", "capital")
    assert codes["Вашингтон"] == ("USA", "capital")
    assert codes["ВСУ"] == ("UKR", "military")
    assert codes["Генеральный штаб ВСУ"] == ("UKR", "military")
    assert codes["Конгресс США"] == ("USA", "government")
    assert codes["НАТО"] == ("NATO", "bloc")
    assert codes["Коалиция желающих"] == ("COW", "bloc")
    assert codes["Reuters"] == (None, "media")


def test_event_arguments_carry_actor_codes(seed_text):
    article = extract(seed_text)
    visit = article.events[0]
    assert {(a.role, a.actor) for a in visit.arguments} == {("participant", "UKR"), ("location", "FRA")}


GAZETTEER = [
    ("Соединенное Королевство", "GBR"), ("Республика Корея", "KOR"), ("Нидерланды", "NLD"),
    ("Голландия", "NLD"), ("Кыргызстан", "KGZ"), ("ЮАР", "ZAF"), ("Тайвань", "TWN"),
]


@pytest.mark.parametrize("name, code", GAZETTEER)
def test_gazetteer_names(name, code):
    assert lookup(name).code == code


def test_unknown_names_are_unknown():
    assert lookup("Нарния") is None and lookup_person("Иван Петров") is None
    assert adjective_states("зеленый") == []
