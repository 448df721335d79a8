"""Sentences of the summary and the appendix whose wording depends on the data."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sergek_report.chapter import sentences

NBSP, NNBSP = "\u00a0", "\u202f"


def test_day_month_is_the_genitive_date_without_the_year():
    # the day and the month never part at a line's end (the cover's «1 / января», s14)
    assert sentences.day_month(dt.date(2027, 1, 1)) == f"1{NBSP}января"
    assert sentences.day_month("2026-12-31") == f"31{NBSP}декабря"


def test_the_search_period_names_its_year_once_unless_it_spans_two():
    # the title page's and the list of sources' «поиск с 25 ноября по 3 декабря 2026 г.»
    assert sentences.search_period(dt.date(2026, 11, 25), dt.date(2026, 12, 3)) == (
        f"с 25{NBSP}ноября по 3{NBSP}декабря 2026{NNBSP}г."
    )
    assert sentences.search_period(dt.date(2025, 12, 30), dt.date(2026, 1, 5)) == (
        f"с 30{NBSP}декабря 2025{NNBSP}г. по 5{NBSP}января 2026{NNBSP}г."
    )


def test_a_passed_deadline_says_so():
    deadline = dt.date(2026, 11, 2)
    assert (
        sentences.deadline_with_status(deadline, dt.date(2026, 11, 28))
        == f"2 ноября 2026{NNBSP}г., и этот срок прошёл"
    )


def test_a_deadline_still_ahead_or_today_is_only_its_date():
    deadline = dt.date(2026, 11, 2)
    assert (
        sentences.deadline_with_status(deadline, dt.date(2026, 10, 1)) == f"2 ноября 2026{NNBSP}г."
    )
    assert sentences.deadline_with_status(deadline, deadline) == f"2 ноября 2026{NNBSP}г."


class _Assumptions:
    def declared(self, name):
        assert name == "cpi_2024_dec_dec"
        return SimpleNamespace(short_label="Инфляция 2024 года")


def test_real_value_lost_names_the_assumed_inflation():
    r = SimpleNamespace(erosion_2025_percent=37.84, cpi_2024_basis="assumption:cpi_2024_dec_dec")
    assert (
        sentences.real_value_lost(r, _Assumptions())
        == f"37,8{NBSP}% реальной стоимости (инфляция 2024 года — допущение)"
    )


def test_real_value_lost_without_caveat_when_the_inflation_is_reported():
    r = SimpleNamespace(erosion_2025_percent=37.0, cpi_2024_basis="source:stat_2025")
    assert sentences.real_value_lost(r, _Assumptions()) == f"37{NBSP}% реальной стоимости"


def test_each_year_says_a_repeated_figure_once():
    # (review s27h: «без роста — 32 и 32» read as a typo: «по 32»; the memo's lines at a
    # constant price are 32 and 32, their upper ends 31,2 and 31,2)
    assert sentences.each_year(["32", "32"]) == "по 32"
    assert sentences.each_year(["31,2", "31,2"]) == "по 31,2"
    assert sentences.each_year(["32", "33"]) == "32 и 33"
    assert sentences.each_year(["31", "32", "33"]) == "31, 32 и 33"
