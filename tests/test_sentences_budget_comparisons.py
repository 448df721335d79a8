"""Sentences of the section «Бюджет 2026 года» (the money chapter) and of the chapter
«Сравнения» whose wording depends on the data (sergek_report/chapter/sentences.py): exact
text, checked by hand, no-break spaces included."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sergek_report.chapter import sentences

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
