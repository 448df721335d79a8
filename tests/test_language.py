"""The checker of the whole text (tests/language.py), on hand-checked phrases: each slip the
council's readers found is caught, and the correct Russian around it is not. The built
editions are checked with it in test_report.py (default edition) and test_build.py
(scenario editions)."""

from __future__ import annotations

import re

import pytest

from tests.language import (
    agreement_errors,
    body_slips,
    breakable,
    lower_case_starts,
    printed_forms,
    ranges_broken,
    slips,
)

NB = "\u00a0"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the slips of issue 18, as the built text had them
        ("31 декабря 2020 г. 414 комплексы (2 060 камер)", "agreement"),
        ("460 комплексы (2 284 камеры)", "agreement"),
        ("1 641 аппаратно-программные комплексы «Сергек»", "agreement"),
        ("Обслуживание одной камеры в год 3 773 фунтов за камеру в год", "agreement"),
        ("сеть включена сразу на 404 комплекса комплексов", "agreement"),
        ("За 32 месяцев", "agreement"),
        ("в 2,60 раз", "agreement"),
        (f"Потеря 0% и 16,9{NB}%", "percent"),
        ("при сроке от 10 дней до 60 дней договор", "range unit"),
        ("составляет от 37,8 % до 37,9 %", "range unit"),
        ("(диапазон 8,4 % — 8,6 %)", "range unit"),
        ("2024 2024-01..11 464,4", "ISO date"),
        ("январь 2020 — январь 2020 Штрафы наложены", "same ends"),
        ("цитата — из сводки фактов проекта, по первоисточнику не проверена", "machinery"),
        ("Новых ключевых показателей: 81 (все ключевые", "machinery"),
        (f"Доля новых комплексов: — → 100{NB}%", "machinery"),
        ("Аналитик может изменить любое из них", "machinery"),
        ("таблицы data/ с источником", "machinery"),
        ("значения в params/default.yaml", "machinery"),
        ("по вехам (deployment_split)", "machinery"),
        ("Продление-временная мера и переговоры", "machinery"),
        (
            "законом. Маслихат: Решение маслихата о государственных обязательствах",
            "capital after colon",
        ),
        ("Изменённые допущения: Дата оплаты нового оборудования", "capital after colon"),
        # the slips of the 3 Dec 2026 review, as the built text had them
        ("ответ управления: включаются 14.11.2025 (Profit.kz, 27.11.2025)", "numeric date"),
        ("за 01.01.2020– 17.09.2025", "numeric date"),
        ("Caravan.kz, без даты (~сентябрь 2022 г.)", "tilde"),
        ("запуск – ~2022", "tilde"),
        ("Отношение средней выплаты к оценке тарифа 0,89 раза", "ratio below one"),
        (f"0,97{NB}раза → 0,89{NB}раза", "ratio below one"),
        ("Для «Сергека» это значит", "declined name"),
        ("эффекта «Сергека» в Алматы", "declined name"),
        ("не меняется (сценарий пути или только «торнадо»)", "machinery"),
        ("ранговая связь с «Инфляция 2026 года»: 0,5", "machinery"),
        ("Обновлены данные в 14 таблицах.", "machinery"),
        ("адрес другой, посторонней статьи kt.kz", "machinery"),
        ("Оценка 2 выплат с начала услуг по год продления", "machinery"),
        # the slips of the review of the 3 Dec 2026 edition (issue 18, defects 13, 20, 24)
        ("в период выплаты (январь 2020 – август 2022)", "range dash"),
        ("запуск – около 2022 г.", "range dash"),
        ("не позднее 2 ноября 2026 г.–22 декабря 2026 г. (по сроку закупки)", "range dash"),
        ("Версия расчёта 750c2b7", "version code"),
        ("Версия расчёта 750c2b7", "machinery"),
        ("10 000 сочетаний с фиксированным начальным числом", "machinery"),
        ("и все главы отчёта будут пересчитаны вместе", "machinery"),
        ("Обновлены исходные данные (15 таблиц). Новых допущений — 10.", "machinery"),
        ("Распределение треугольное, мода — значение", "machinery"),
        ("Изменение числа ДТП за год 8,1 % январь–июль", "unsigned change"),
        # the slips a fresh reader of the 3 Dec 2026 edition found (s8), as the text had them
        ("2024 январь–ноябрь 2024 464,4 390", "year repeated"),
        (f"временной меры — около 0,7{NB}млрд тенге (от 0,6 до 0,7) — и", "point at an end"),
        ("По 2 из 5 участников в открытых источниках", "small count in digits"),
        (
            "Рассчитать её может управление цифровизации; управление финансов; департамент",
            "holders list",
        ),
        ("Допущения основной вариант Повторение расчёта", "machinery"),
        ("из тех же данных и допущений получается тот же отчёт", "machinery"),
    ],
)
def test_each_slip_is_found(text, kind):
    assert any(k.startswith(kind) for k, _ in slips(text)), slips(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("со ссылкой на п. 3 ст. 91, Адилет (zan.kz), 25 декабря 2025 г.)", "web address"),
        ("число АПК — Kazinform (kaz.inform.kz), 13 ноября 2025 г.", "web address"),
        (
            "(Бюро национальной статистики, без даты (около августа 2024 г.; данные за июль))",
            "nested brackets",
        ),
        ("(Nur.kz, без даты (около ноября 2022 г.))", "nested brackets"),
        ("по индексу потребительских цен от декабря этого года; диапазон", "relative year"),
    ],
)
def test_each_slip_of_the_text_before_the_sources_is_found(text, kind):
    """The chapters, tables and captions; the list of sources keeps its entries' own words."""
    assert kind in [k for k, _ in body_slips(text)], body_slips(text)


def test_the_text_before_the_sources_may_name_an_outlet_by_its_site_and_bracket_apart():
    text = (
        "(Profit.kz, 27 ноября 2025 г.); Официальная формулировка (Ult.kz); Новый партнёр, "
        "Presight (ОАЭ), подал заявку (цены Павлодара) — Бюро национальной статистики, без "
        "даты (около августа 2024 г.); цены декабря текущего года; в 2026 году"
    )
    assert body_slips(text) == []


def test_a_percent_after_an_ordinary_space_is_a_slip_where_spaces_are_kept():
    assert slips("инфляция 8,1 % за год", keeps_nbsp=True) == [("percent", "инфляция 8,1 % за год")]
    assert slips("инфляция 8,1 % за год") == []  # PDF text: its no-break spaces are folded


def test_a_number_or_a_date_that_may_break_across_lines_is_found():
    """«более 20 / 000 камер», «не позднее 22 / декабря» (3 Dec 2026 review): an ordinary
    space inside a digit group or between a day and its month; not the space between two
    table cells, nor a year beside a count."""
    found = breakable("<p>более 20 000 камер, не позднее 22 декабря</p>")
    assert [k for k, _ in found] == ["breakable number", "breakable date"]
    assert breakable(f"<p>более 20{NB}000 камер; не позднее 22{NB}декабря</p>") == []
    assert breakable("<p>в 2026 году 404 комплекса; 1,5 000</p>") == []
    assert breakable(f"<table><tr><td>60</td> <td>217{NB}277</td></tr></table>") == []


@pytest.mark.parametrize(
    "text",
    [
        f"1{NB}641 комплекс, 2 комплекса, 5 комплексов, 21 комплекс, 11 комплексов",
        "414 комплексов (2 060 камер); 1 641 аппаратно-программный комплекс «Сергек»",
        "3 773 фунта за камеру в год; 40 000 фунтов за камеру; 2 000 камер; 2 284 камеры",
        "в 2,6 раза больше; 1,5 месяца; 0,89 от оценки; в 1,02 раза",
        "с 1 641 комплексом; о 1 641 комплексе; более 2 комплексов; в 12 месяцах",
        "350 новых комплексов; 23 192 комплексо-месяца; 72 месяца; 11 месяцев; 60 дней",
        "в 2026 году; 2027 год; 2021 года; за 2020–2025 годы; 11 лет; 21 год; 3 года",
        "от 10 до 60 дней; от 37,8 до 37,9 %; 8,4–8,6 %; 60–84 месяца",
        "январь–ноябрь 2024; январь 2020 — август 2022; 2019–2025",
        f"Потеря 0{NB}% и 16,9{NB}%",
        "Источник: Континент; Маслихат: решение маслихата; Новые допущения: дата оплаты",
        "14 ноября 2025 г.; около сентября 2022 г.; «Сергек»; системы «Сергек»; 1,5 000",
        "ranks; по годам 2017–2025; по 15 марта 2025 г.; Уточнены и дополнены сведения.",
        "январь 2020 — август 2022; 2 ноября 2026 г. — 22 декабря 2026 г.; 1 января − 60 дней",
        "Изменение числа ДТП за год +8,1 %; Изменение −28 %; аппаратно-программный; 1641",
        "2023 весь год 456,2; 2024 январь–ноябрь 464,4; январь–ноябрь 2024 1 341 1 641",
        "янв. 2020 июль 2020 янв. 2021 июль 2021; за май 2024 май 2024",
        "— 0,6–0,7 млрд тенге —; около 31,4 млрд тенге (от 20,2 до 44,8); 18,8 (от 10,2 до 27,8)",
        "Для двух из пяти участников; в 8 случаях из 10; в 9 случаях из 10",
        "могут управление цифровизации, управление финансов и департамент полиции",
        "подтвердить может акимат Карагандинской области); держатели — акимат Алматы; аппарат",
    ],
)
def test_correct_russian_passes(text):
    text = text.replace(" %", f"{NB}%")  # as fmt writes a percent
    # as fmt writes a digit group and a day before its month
    text = re.sub(r"(?<=\d) (?=\d{3}(?!\d)|[а-я]{3,})", NB, text)
    assert slips(text, keeps_nbsp=True) == []


def test_agreement_checker_reads_what_the_reader_sees():
    text = "За 32 месяцев; 1 641 комплекс; 2,60 раз; 72 месяца; 3 773 фунтов; 414 комплексы"
    assert agreement_errors(text) == [
        "32 месяцев",
        "2,60 раз",
        "3 773 фунтов",
        "414 комплексы",
    ]


def test_printed_forms_of_one_quantity():
    # 682 470 091 tenge printed three ways: two forms (the slip of issue 18), one figure each
    text = (
        "Временная мера 0,7 (0,6–0,8) млрд тенге; ключевые показатели: ≈ 680 млн тенге; "
        f"бюджет 2027 г.: 0,7{NB}млрд тенге; 2 комплекса; 700 100 камер"
    )
    assert printed_forms(text, 682_470_091) == {"0,7 млрд": 1, "680 млн": 1}
    # a bare figure of three significant digits is read at the scale that fits it
    table = "Оценка 1: (766 АПК × срок) 181 064 12,6 1,26 16,8; выплаты 2020–2025 годов — 12,6 млрд"
    assert printed_forms(table, 12_620_429_100) == {"12,6 млрд": 2}
    assert printed_forms(table, 181_064.01) == {"181 064": 1}
    # «≈ 180 тыс.» is the same quantity at another precision
    assert printed_forms("181 064 тенге и ≈ 180 тыс. тенге", 181_064) == {
        "181 064": 1,
        "180 тыс.": 1,
    }
    # a whole number written out to its zeros is the same rounding as with its scale word: the
    # reconciliation's column of tenge prints «≈ 162 000» for «≈ 162 тыс. тенге» (s8)
    assert printed_forms("≈ 162 000 | ≈ 162 тыс. тенге", 161_713.5) == {"162 тыс.": 2}
    assert printed_forms("181 064 | ≈ 181 000", 181_064.01) == {"181 064": 1, "181 тыс.": 1}
    # a bare fraction in a table of billions is billions: the three years' P90 «161,7» is not
    # the average payment «161,7 тыс.» (4 Dec 2026, when the P90 came to that figure)
    assert printed_forms("72,7 | 113,1 | 161,7 |", 161_713.5) == {}


def test_a_quotation_of_the_source_list_is_the_page_s_words_not_the_report_s():
    """The source list prints each page's words as the page wrote them (Kazakh, English, a
    glued «%»): not the report's slips, and not the report's form of a figure. The entry's own
    words around the quotation are still read."""
    entry = (
        "7. Qazaq Times. [о запуске]. Цитата: «1 қаңтар жаңа 400 камера іске қосылды». "
        "Опубликовано: без даты; обращение: 25 ноября 2026 г. https://qazaqtimes.com/a/1 "
        '48. U.S. DOT. Цитата: "Costs over $164 Million". Вторичный источник: первоисточник — '
        "Бюро национальной статистики, по нему не проверено. Опубликовано: без даты"
    )
    assert slips(entry) == []
    assert printed_forms(entry, 164.1e9) == {}
    assert slips(entry.replace("Опубликовано: без даты;", "Опубликовано: 3 лет;")) == [
        ("agreement", "3 лет")
    ]


def test_a_sentence_that_starts_lower_case_is_found():
    """The Kazakh slips found on the page (a translation that put an inline value first) are
    caught; a list item that continues a sentence, a bold lead that ends with a comma and the
    title page's words under a key figure are not."""
    assert lower_case_starts(
        "<p>бес қатысушының ішінен екі қатысушы бойынша</p>"
        "<p><strong>Не шешу керек және қай мерзімге дейін.</strong> бір жылға «одан әрі</p>"
    ) == ["бес", "бір"]
    assert (
        lower_case_starts(
            "<li>если они выше — увеличить строку;</li>"
            "<li><strong>Немедленно, не позднее 31 декабря 2026 г.,</strong> потребовать</li>"
            "<p><strong>Сразу</strong> получить</p>"
            '<p class="fact-text">до окончания договора на дату редакции</p>'
            "<p>Ашық дереккөздерде</p><p><strong>Почему 28,4.</strong> Цена</p>"
        )
        == []
    )


def test_a_range_broken_after_its_dash_is_found():
    """A line of the PDF's text that ends with a range's dash is found («не хватит 8–», the
    memo's table, s15; «выплата 2020–»); a range of sums in digit groups may break there, and
    a range inside a line is not a break."""
    assert ranges_broken("при 240 АПК не хватит 8–\n12 млрд\nОценка 2: выплата 2020–\n2022") == [
        "при 240 АПК не хватит 8–",
        "Оценка 2: выплата 2020–",
    ]
    assert ranges_broken("от 3 500 000–\n13 000 000 тенге\nСверка 2020–2025 годов") == []
