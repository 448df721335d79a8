"""Sentences of the section «Бюджет 2026 года» (the money chapter) and of the chapter
«Сравнения» whose wording depends on the data (sergek_report/chapter/sentences.py): exact
text, checked by hand, no-break spaces included."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sergek_report.chapter import decision_tables, sentences

NB = "\u00a0"  # no-break space, as fmt writes it before units and between digit groups


def results(fines, paid=2_600_000_000, ratio=None):
    """The few results the sentence reads: the one published payment to the partner and the
    fines collected in the same period (January 2020 – August 2022 in the data)."""
    return SimpleNamespace(
        payment_period_start=dt.date(2020, 1, 1),
        payment_period_end=dt.date(2022, 8, 31),
        paid_to_partner=paid,
        fines_collected_paid_period=fines,
        fines_to_payments_ratio=ratio if ratio is not None or fines is None else fines / paid,
    )


def test_fines_larger_than_the_payment_say_how_many_times_more():
    text = sentences.fines_against_payments(results(17_500_000_000))
    assert text == (
        f"За январь 2020 — август 2022 в бюджет города поступило 17,5{NB}млрд{NB}тенге штрафов, "
        f"партнёру выплачено 2,6{NB}млрд{NB}тенге: в **6,7{NB}раза** больше."
    )


def test_fines_smaller_than_the_payment_say_how_many_times_less():
    text = sentences.fines_against_payments(results(1_300_000_000))
    assert text == (
        f"За январь 2020 — август 2022 в бюджет города поступило 1,3{NB}млрд{NB}тенге штрафов, "
        f"партнёру выплачено 2,6{NB}млрд{NB}тенге: в **2{NB}раза** меньше."
    )


def test_a_whole_ratio_agrees_with_its_noun():
    text = sentences.fines_against_payments(results(13_000_000_000))
    assert text.endswith(f": в **5{NB}раз** больше.")


def test_equal_sums_are_not_called_one_time_more():
    text = sentences.fines_against_payments(results(2_600_000_000))
    assert text.endswith(f"выплачено 2,6{NB}млрд{NB}тенге: примерно столько же.")


def test_unpublished_fines_of_the_payment_period_are_said_to_be_unpublished():
    text = sentences.fines_against_payments(results(None))
    assert text == (
        f"За январь 2020 — август 2022 партнёру выплачено 2,6{NB}млрд{NB}тенге; сколько штрафов "
        "поступило в бюджет города за тот же период, не опубликовано."
    )


def test_the_current_price_for_2027_is_set_against_the_2026_payments_on_their_bases():
    """Review s11d, item 7: «нынешняя цена — 3,9 млрд тенге» for 2027 (the memo) against
    «≈ 4,2 млрд тенге» for 2026 (chapter 3) with a frozen tariff. Hand-checked: 23 192
    complex-months × 181 064 тенге = 4,199 млрд (estimate 1); × 171 389 тенге (the midpoint of
    181 064 and 161 714) = 3,975 млрд; the median of the joint calculation 3,91 млрд."""
    budget = SimpleNamespace(
        nominal=23_192 * 181_064.01,
        nominal_at=lambda price: 23_192 * price,
    )
    appraisal = SimpleNamespace(
        get=lambda output, stat: {
            ("extension_year.cash_2027", "p50"): 3_914_540_808.0,
            # all inputs at their base values: 1 991 complexes × 12 months × 171,4 thousand
            ("extension_year.cash_2027", "point"): 4_094_820_544.4,
        }[(output, stat)]
    )
    r = SimpleNamespace(
        appraisal=appraisal,
        budget=budget,
        decision_day=dt.date(2027, 1, 1),
        one_basis=SimpleNamespace(current_price=(181_064.01 + 161_713.53) / 2, network_high=1_991),
    )
    text = sentences.current_price_against_budget(r, "p50")
    # (reviews s30i, s30j, s31f: the steps a table the sentence names, each with its figure)
    assert text == (
        f"Нынешняя цена на 2027 год в резюме (≈{NB}3,9{NB}млрд{NB}тенге) меньше выплат 2026 года "
        f"(≈{NB}4,2{NB}млрд{NB}тенге), хотя тариф заморожен: шаги от одной цифры к другой — в "
        "таблице «От выплат 2026 года к нынешней цене на 2027 год»."
    )
    steps = decision_tables.current_price_steps(r, "p50")
    assert list(steps.columns) == ["Шаг", "Сумма"]
    assert [cell.replace(NB, " ") for cell in steps["Сумма"]] == [
        "≈ 4,2 млрд тенге",
        "≈ 4,0 млрд тенге",
        "≈ 4,1 млрд тенге",
        "≈ 3,9 млрд тенге",
    ]
    assert [step.replace(NB, " ") for step in steps["Шаг"]] == [
        "Выплаты 2026 года по оценке из обязательств",
        "То же по средней из двух оценок тарифа (≈ 171 тыс. тенге за комплекс в месяц)",
        "2027 год по той же цене: весь год и вся сеть (1 991 АПК)",
        "Нынешняя цена на 2027 год в резюме — центральная оценка совместного расчёта: в нём "
        "введены не все новые комплексы, а срок договора и плата (между двумя оценками) меняются "
        "в своих диапазонах",
    ]
