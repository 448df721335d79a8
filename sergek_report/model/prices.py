"""Prices: the CPI chain, real values, МРП and dollar equivalents."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from sergek_report.errors import MissingDataError
from sergek_report.model.dates import as_date, check_positive, month_index

BUDGET_YEAR = 2026


def cpi_chain_index(
    dec_dec: Mapping[int, float],
    base_year: int = 2021,
    years: Iterable[int] = range(2021, 2027),
) -> pd.Series:
    """End-of-year (December) price index, December of base_year = 100.

    Chains December-on-December inflation rates (in percent): index[y] = index[y - 1] *
    (1 + rate[y] / 100). Years before base_year are chained backwards. A missing rate is an
    error naming the year, never a silent zero.
    """
    years = sorted(set(years))
    rates = {int(k): float(v) for k, v in dec_dec.items()}

    def rate(year: int) -> float:
        if year not in rates or (isinstance(rates[year], float) and math.isnan(rates[year])):
            raise MissingDataError(
                f"CPI December/December rate for {year} is missing: it is needed to chain the "
                f"price index (base December {base_year} = 100)"
            )
        return rates[year]

    index: dict[int, float] = {base_year: 100.0}
    for year in range(base_year + 1, max(years + [base_year]) + 1):
        index[year] = index[year - 1] * (1 + rate(year) / 100)
    for year in range(base_year - 1, min(years + [base_year]) - 1, -1):
        index[year] = index[year + 1] / (1 + rate(year + 1) / 100)
    return pd.Series({y: index[y] for y in years}, name="index", dtype=float).rename_axis("year")


def real_value(nominal: float, index_value: float) -> float:
    """Nominal tenge in base-year tenge: nominal * 100 / index."""
    check_positive(index_value, "a price index")
    return nominal * 100 / index_value


def real_erosion_percent(index_value: float) -> float:
    """Share of purchasing power a frozen nominal amount has lost: (1 - 100 / index) * 100."""
    check_positive(index_value, "a price index")
    return (1 - 100 / index_value) * 100


def mrp_for_year(mrp: pd.DataFrame, year: int) -> float:
    """МРП in force on 1 July of the year (mid-year value when it changed in April)."""
    mid_year = pd.Timestamp(year, 7, 1)
    valid = mrp[pd.to_datetime(mrp["valid_from"]) <= mid_year]
    if valid.empty:
        raise MissingDataError(f"no МРП value in force on 1 July {year} in mrp table")
    latest = valid.loc[pd.to_datetime(valid["valid_from"]).idxmax()]
    return float(latest["tenge"])


def in_mrp(tenge: float, mrp: float) -> float:
    """Amount in МРП (monthly calculation index units)."""
    check_positive(mrp, "the МРП")
    return tenge / mrp


def usd(tenge: float, kzt_per_usd: float) -> float:
    """Tenge in US dollars at the given rate."""
    check_positive(kzt_per_usd, "an exchange rate")
    return tenge / kzt_per_usd


def usd_rate_for_year(usd_kzt: pd.DataFrame, year: int) -> tuple[float, str] | None:
    """Average KZT/USD rate for a year: the longest averaging period within that calendar year.

    Returns (rate, period_label), or None when no averaging period lies within the year; a
    part-year average such as "2024-01..11" stands for its year when nothing longer exists.
    """
    frame = usd_kzt.copy()
    if "measure" in frame:
        frame = frame[frame["measure"] == "average"]
    start = pd.to_datetime(frame["period_start"])
    end = pd.to_datetime(frame["period_end"])
    inside = frame[(start.dt.year == year) & (end.dt.year == year)]
    if inside.empty:
        return None
    length = (end - start)[inside.index]
    row = inside.loc[length.idxmax()]
    return float(row["kzt_per_usd"]), str(row["period_label"])


def monthly_price_index(
    index_start: float, annual_inflation_percent: float, dates: Iterable[Any]
) -> pd.Series:
    """CPI at each month end, compounding annual inflation evenly from the previous December.

    Month m of the year (1..12) gets index_start * (1 + pi) ** (m / 12); December reaches
    index_start * (1 + pi), the end-of-year index.
    """
    dates = [as_date(d) for d in dates]
    if len({d.year for d in dates}) > 1:
        raise ValueError("monthly_price_index covers one calendar year at a time")
    growth = 1 + annual_inflation_percent / 100
    values = []
    for d in dates:
        months = month_index(d) - month_index(dt.date(d.year - 1, 12, 1))
        values.append(index_start * growth ** (months / 12))
    return pd.Series(values, index=pd.DatetimeIndex(pd.to_datetime(dates)), name="index")


def cpi_rates(cpi: pd.DataFrame, assumptions: Any) -> tuple[dict[int, float], dict[int, str]]:
    """December/December rates by year and the basis of each ('source:…' or 'assumption:…').

    2024 comes from the table when it has a row, otherwise from `cpi_2024_dec_dec`; 2026
    always comes from `inflation_2026` (the year is not over).
    """
    rows = cpi[cpi["measure"] == "dec_dec"]
    rates: dict[int, float] = {}
    basis: dict[int, str] = {}
    # zip over columns, not iterrows: the sensitivity tables call this thousands of times.
    for year, percent, source_id in zip(
        rows["year"].tolist(), rows["percent"].tolist(), rows["source_id"].tolist(), strict=True
    ):
        if pd.notna(percent):
            rates[int(year)] = float(percent)
            basis[int(year)] = f"source:{source_id}"
    if 2024 not in rates:
        rates[2024] = assumptions.cpi_2024_dec_dec
        basis[2024] = "assumption:cpi_2024_dec_dec"
    rates[BUDGET_YEAR] = assumptions.inflation_2026
    basis[BUDGET_YEAR] = "assumption:inflation_2026"
    return rates, basis
