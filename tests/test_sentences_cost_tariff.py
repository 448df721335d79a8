"""The data-dependent sentences of the money chapter's sections «Стоимость одного комплекса» and
«Замороженный тариф в реальном выражении» (sergek_report/chapter/sentences.py), with
hand-checked expected text."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd

from sergek_report.chapter import sentences

NBSP = "\u00a0"


def test_year_list_joins_spans_and_single_years():
    assert sentences.year_list([2026, 2021, 2022]) == "2021–2022 и 2026"
    assert sentences.year_list([2024, 2026]) == "2024 и 2026"
    assert sentences.year_list([2021, 2023, 2025]) == "2021, 2023 и 2025"
    assert sentences.year_list([2025]) == "2025"
    assert sentences.year_list([2021, 2022, 2023, 2025, 2026]) == "2021–2023 и 2025–2026"


def _results(basis: str, used: float, erosion_range=None):
    return SimpleNamespace(
        cpi_2024_basis=basis, cpi_2024_used=used, erosion_2025_range=erosion_range
    )


def test_cpi_warning_when_the_2024_rate_is_an_assumption():
    r = _results("assumption:cpi_2024_dec_dec", 8.4, (37.81, 37.86))
    assert sentences.cpi_assumption_note(r, (8.4, 8.6), 2024, 2025) == (
        # (reviews s32j, s33a: a plain sentence, not a warning box, for a 0,1-point effect)
        "Официальная инфляция 2024 года (декабрь к декабрю) в источниках не "
        f"найдена. В расчёте использовано допущение 8,4{NBSP}% (диапазон 8,4–8,6{NBSP}%); "
        "в этом диапазоне потеря к концу 2025 года составляет от 37,8 до "
        f"37,9{NBSP}%."
    )


def test_cpi_warning_says_one_figure_when_the_range_rounds_to_it():
    r = _results("assumption:cpi_2024_dec_dec", 8.4, (37.81, 37.84))
    text = sentences.cpi_assumption_note(r, (8.4, 8.6), 2024, 2025)
    assert f"потеря к концу 2025 года составляет 37,8{NBSP}%." in text  # not «от 37,8 до 37,8»


def test_cpi_note_when_the_2024_rate_comes_from_a_source():
    r = _results("source:stat_2025_01", 8.6)
    assert sentences.cpi_assumption_note(r, (8.4, 8.6), 2024, 2025) == (
        f"Инфляция 2024 года (декабрь к декабрю) — 8,6{NBSP}% по источнику."
    )


USD_KZT = pd.DataFrame(
    {
        "period_label": ["2023", "2024-01..11", "2025-01..03"],
        "period_start": ["2023-01-01", "2024-01-01", "2025-01-01"],
        "period_end": ["2023-12-31", "2024-11-30", "2025-03-31"],
    }
)


def _by_year(periods: dict[int, str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kzt_per_usd": [450.0 if p else math.nan for p in periods.values()],
            "usd_period": list(periods.values()),
        },
        index=pd.Index(list(periods), name="year"),
    )


def test_usd_gaps_name_missing_and_part_year_rates():
    by_year = _by_year(
        {
            2021: None,
            2022: None,
            2023: "2023",
            2024: "2024-01..11",
            2025: "2025-01..03",
            2026: None,
        }
    )
    assert sentences.usd_series_gaps(by_year, USD_KZT) == (
        "Среднегодовые курсы за 2021–2022 и 2026 годы в источниках не найдены, а за "
        "2024–2025 годы известны лишь средние за часть года, поэтому долларовый ряд неполон."
    )


def test_usd_gaps_with_one_missing_year_and_no_part_year_rate():
    by_year = _by_year({2022: None, 2023: "2023"})
    assert sentences.usd_series_gaps(by_year, USD_KZT) == (
        "Среднегодовые курсы за 2022 год в источниках не найдены, поэтому долларовый ряд неполон."
    )


def test_usd_gaps_with_only_part_year_rates():
    by_year = _by_year({2023: "2023", 2025: "2025-01..03"})
    assert sentences.usd_series_gaps(by_year, USD_KZT) == (
        "Среднегодовые курсы за 2025 год в источниках не найдены: известны лишь средние за часть "
        "года, поэтому долларовый ряд неполон."
    )


def test_usd_gaps_complete_and_absent_series():
    assert sentences.usd_series_gaps(_by_year({2023: "2023"}), USD_KZT) == (
        "Среднегодовые курсы найдены за все годы ряда."
    )
    assert sentences.usd_series_gaps(_by_year({2021: None, 2022: None}), USD_KZT) == (
        "Среднегодовые курсы доллара в данных отсутствуют; пересчёт в доллары не сделан."
    )
