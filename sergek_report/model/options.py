"""Cost ranges of the options for 1 January 2027, for the three years 2027–2029.

Only sourced anchors and named assumptions enter (no figure is typed in here):
- the network on 1 January 2027: from 1 641 complexes (those in service) to 1 991 (with the
  350 new ones, whose installation is not confirmed) — rows of data/contract.csv;
- the price of the current contract: the two estimates of the payment per complex-month
  (see `reconciliation`), frozen or indexed by `price_growth_2027_2029` per year from 2026;
- a service contract (the Pavlodar and Karaganda models): the contract total ÷ its years ÷ its
  complexes (data/cost_anchors.csv), not indexed (three-year totals);
- the stop-gap: `stopgap_months` of the current price;
- a city that buys its own equipment: `replacement_capex_per_complex` per complex (one-off).

Cash flows are paid at each month end and discounted to 1 January 2027 with the conventions of
`budget.present_value` ((1 + r) ** (days / 365)). The low end of a range takes the fewer
complexes, the lower price and the higher discount rate; the high end the opposite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from sergek_report.model.budget import present_value
from sergek_report.model.dates import check_positive, month_end

YEARS = (2027, 2028, 2029)
VALUATION_DATE = dt.date(YEARS[0], 1, 1)
PRICE_BASE_YEAR = 2026  # the estimates are the 2026 price (frozen since 2021)


def per_complex_year(total: float, term_years: float, complexes: float) -> float:
    """A contract total spread over its years and complexes: 9 bn ÷ 3 ÷ 420 = 7 142 857."""
    check_positive(term_years, "the contract term in years")
    check_positive(complexes, "the number of complexes")
    return total / term_years / complexes


def monthly_flows(
    complexes: float,
    monthly_price: float,
    growth_percent: float = 0.0,
    years: Sequence[int] = YEARS,
    months: int = 12,
) -> pd.Series:
    """Payments at each month end: complexes × price, the price growing by `growth_percent`
    a year from its PRICE_BASE_YEAR level (2027 pays one year of growth). `months` limits
    each year to its first months (the two-month stop-gap)."""
    dates, values = [], []
    for year in years:
        price = monthly_price * (1 + growth_percent / 100) ** (year - PRICE_BASE_YEAR)
        for month in range(1, months + 1):
            dates.append(month_end(year, month))
            values.append(complexes * price)
    return pd.Series(values, index=pd.DatetimeIndex(pd.to_datetime(dates)), name="tenge")


@dataclass(frozen=True)
class CostRange:
    """An option's cost 2027–2029: nominal and present value on 1 January 2027."""

    nominal_low: float
    nominal_high: float
    pv_low: float
    pv_high: float


def cost_range(
    low: pd.Series, high: pd.Series, rate_low_cost: float, rate_high_cost: float
) -> CostRange:
    """Nominal sums and present values; the low case is discounted at `rate_low_cost` (the
    higher rate), the high case at `rate_high_cost` (the lower rate)."""
    return CostRange(
        nominal_low=float(low.sum()),
        nominal_high=float(high.sum()),
        pv_low=present_value(low, rate_low_cost, VALUATION_DATE),
        pv_high=present_value(high, rate_high_cost, VALUATION_DATE),
    )


def one_off(amount: float, when: dt.date) -> pd.Series:
    """A single payment on a date (equipment bought once)."""
    return pd.Series([amount], index=pd.DatetimeIndex([pd.Timestamp(when)]), name="tenge")


@dataclass(frozen=True, eq=False)
class OptionCosts:
    """Everything the decision table prints about cost, per option and for reference."""

    complexes_low: float
    complexes_high: float
    monthly_price_low: float
    monthly_price_high: float
    service_year_low: float  # tenge per complex-year, Pavlodar
    service_year_high: float  # tenge per complex-year, Karaganda
    capex_low: float
    capex_high: float
    rate_low: float
    rate_high: float
    growth_low: float
    growth_high: float
    stopgap_months: int
    stopgap: CostRange
    continuation: CostRange  # the current price kept for three years: a reference, not an offer
    service: CostRange
    equipment: CostRange  # a city buying new equipment for every complex (one-off, end 2027)
    # option_id, priced, nominal_low, nominal_high, pv_low, pv_high, basis
    table: pd.DataFrame


# How each option is priced: (range attribute, priced from its own anchors?, basis key).
OPTION_BASIS = {
    "ppp_new": ("continuation", False, "reference_continuation_to_service"),
    "service_contract": ("service", True, "service_anchors"),
    "municipal": ("equipment", False, "equipment_only"),
    "astana_style": ("continuation", False, "reference_continuation_to_service"),
    "stopgap": ("stopgap", True, "current_price"),
}


def option_costs(
    complexes_low: float,
    complexes_high: float,
    monthly_estimates: Sequence[float],
    service_per_year: Sequence[float],
    capex: tuple[float, float],
    discount_range: tuple[float, float],
    growth_low: float,
    growth_high: float,
    stopgap_months: int,
    option_ids: Sequence[str] = tuple(OPTION_BASIS),
) -> OptionCosts:
    """Cost ranges of the options; see the module docstring for the conventions."""
    price_low, price_high = min(monthly_estimates), max(monthly_estimates)
    year_low, year_high = min(service_per_year), max(service_per_year)
    rate_low, rate_high = discount_range
    stopgap = cost_range(
        monthly_flows(complexes_low, price_low, years=YEARS[:1], months=stopgap_months),
        monthly_flows(complexes_high, price_high, years=YEARS[:1], months=stopgap_months),
        rate_high,
        rate_low,
    )
    continuation = cost_range(
        monthly_flows(complexes_low, price_low, growth_low),
        monthly_flows(complexes_high, price_high, growth_high),
        rate_high,
        rate_low,
    )
    service = cost_range(
        monthly_flows(complexes_low, year_low / 12),
        monthly_flows(complexes_high, year_high / 12),
        rate_high,
        rate_low,
    )
    end_2027 = dt.date(YEARS[0], 12, 31)
    equipment = cost_range(
        one_off(complexes_low * capex[0], end_2027),
        one_off(complexes_high * capex[1], end_2027),
        rate_high,
        rate_low,
    )
    ranges = {
        "stopgap": stopgap,
        "continuation": continuation,
        "service": service,
        "equipment": equipment,
    }
    rows = []
    for option_id in option_ids:
        attr, priced, basis = OPTION_BASIS[option_id]
        r = ranges[attr]
        high = r if attr != "continuation" else service  # unpriced PPP: up to a service price
        rows.append(
            {
                "option_id": option_id,
                "priced": priced,
                "nominal_low": r.nominal_low,
                "nominal_high": high.nominal_high,
                "pv_low": r.pv_low,
                "pv_high": high.pv_high,
                "basis": basis,
            }
        )
    return OptionCosts(
        complexes_low=float(complexes_low),
        complexes_high=float(complexes_high),
        monthly_price_low=float(price_low),
        monthly_price_high=float(price_high),
        service_year_low=float(year_low),
        service_year_high=float(year_high),
        capex_low=float(capex[0]),
        capex_high=float(capex[1]),
        rate_low=float(rate_low),
        rate_high=float(rate_high),
        growth_low=float(growth_low),
        growth_high=float(growth_high),
        stopgap_months=int(stopgap_months),
        stopgap=stopgap,
        continuation=continuation,
        service=service,
        equipment=equipment,
        table=pd.DataFrame(rows),
    )


def latest_start(deadline: dt.date, months: int = 0, days: int = 0) -> dt.date:
    """The last day to start a procedure of `months` months and `days` days to finish by
    `deadline` (1 January 2027 − 60 days = 2 November 2026; − 6 months = 1 July 2026)."""
    month_index = deadline.year * 12 + deadline.month - 1 - months
    start = dt.date(month_index // 12, month_index % 12 + 1, 1)
    start = start.replace(day=min(deadline.day, month_end(start.year, start.month).day))
    return start - dt.timedelta(days=days)
