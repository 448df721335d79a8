"""What the contract costs: tariff estimates per complex and the 2026 budget.

The monthly service tariff per complex is not public. It is estimated as the state obligations
of the original contract spread evenly over its complexes and an assumed service term in
months; the same nominal tariff holds every year (frozen). 2026 cash flows are paid at each
month end; new complexes are paid from their start date. Present value discounts at
(1 + r) ** (days / 365) from 1 January 2026.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from sergek_report.model.dates import DAYS_PER_YEAR, as_date, check_positive, month_end, month_index
from sergek_report.model.prices import BUDGET_YEAR, monthly_price_index, real_value

VALUATION_DATE = dt.date(BUDGET_YEAR, 1, 1)


def obligations_per_complex(obligations: float, complexes: float) -> float:
    """State obligations per complex over the contract life: 9 986 042 340 / 766."""
    check_positive(complexes, "the number of complexes")
    return obligations / complexes


def estimated_monthly_tariff(obligations: float, complexes: float, term_months: float) -> float:
    """Tariff per complex-month if the obligations pay every complex evenly over the term."""
    check_positive(complexes, "the number of complexes")
    check_positive(term_months, "the service term in months")
    return obligations / (complexes * term_months)


def implied_tariff_from_payments(paid: float, complex_months_paid: float) -> float:
    """Average payment per complex-month: the cross-check of the estimated tariff."""
    check_positive(complex_months_paid, "complex-months")
    return paid / complex_months_paid


def tariff_by_term(obligations: float, complexes: float, terms: Iterable[int]) -> pd.DataFrame:
    """Estimated monthly and annual tariff for each service term (the term sweep of chapter 3)."""
    terms = list(terms)
    monthly = [estimated_monthly_tariff(obligations, complexes, t) for t in terms]
    return pd.DataFrame(
        {"term_months": terms, "monthly": monthly, "annual": [12 * m for m in monthly]}
    )


def _share_of_month_in_service(start: dt.date, year: int, month: int) -> float:
    """1 from start's month on (pro rata by days in start's month), 0 before it."""
    if month_index(start) < year * 12 + month - 1:
        return 1.0
    if start.year == year and start.month == month:
        days = calendar.monthrange(year, month)[1]
        return (days - start.day + 1) / days
    return 0.0


def complex_months_in_year(
    existing: float, new: float, new_start: Any, year: int = BUDGET_YEAR
) -> float:
    """Complex-months paid in a year: existing * 12 + new * months from new_start's month.

    A start on the 1st counts its whole month (1 March: 10 months, 1641 * 12 + 350 * 10 =
    23 192). A start on another day counts the first month pro rata by days (16 March: 16/31
    of March). A start after the year contributes nothing; one before it, twelve months.
    """
    start = as_date(new_start)
    share = sum(_share_of_month_in_service(start, year, m) for m in range(1, 13))
    return existing * 12 + new * share


def monthly_cash_flows_2026(
    existing: float, new: float, new_start: Any, tariff: float, year: int = BUDGET_YEAR
) -> pd.Series:
    """Nominal payment of each month of the year, indexed by month-end dates."""
    start = as_date(new_start)
    ends = [month_end(year, m) for m in range(1, 13)]
    values = [
        (existing + new * _share_of_month_in_service(start, year, m)) * tariff for m in range(1, 13)
    ]
    return pd.Series(values, index=pd.DatetimeIndex(pd.to_datetime(ends)), name="tenge")


def present_value(
    monthly_flows: pd.Series, annual_rate_percent: float, valuation_date: Any = VALUATION_DATE
) -> float:
    """Present value on valuation_date of dated flows: sum flow / (1 + r) ** (days / 365)."""
    if annual_rate_percent <= -100:
        raise ValueError(f"discount rate must exceed -100 %, got {annual_rate_percent}")
    origin = pd.Timestamp(as_date(valuation_date))
    years = (pd.DatetimeIndex(monthly_flows.index) - origin).days.to_numpy() / DAYS_PER_YEAR
    factor = 1 + annual_rate_percent / 100
    return float(np.sum(monthly_flows.to_numpy(dtype=float) / factor**years))


def real_cost_2026(
    nominal_flows: pd.Series, index_2025: float, inflation_2026_percent: float
) -> float:
    """2026 payments in December-2021 tenge: each month deflated by its own CPI level."""
    index = monthly_price_index(index_2025, inflation_2026_percent, nominal_flows.index)
    return float(sum(real_value(f, i) for f, i in zip(nominal_flows, index, strict=True)))


@dataclass(frozen=True, eq=False)
class Budget2026:
    """2026 budget cost of the extension, as PFRAM reports a direct commitment."""

    existing: float
    new: float
    new_start: dt.date
    tariff: float
    complex_months: float
    nominal: float
    real_2021_tenge: float
    present_value: float
    present_value_2021_tenge: float
    discount_rate: float
    inflation_2026: float
    index_2025: float
    monthly: pd.Series = field(repr=False)

    def nominal_at(self, monthly_price: float) -> float:
        """The year's nominal payments for the same complex-months at another monthly price
        (estimate 2, or the midpoint of the two estimates the options of 2027 use)."""
        return self.complex_months * float(monthly_price)


def budget_2026(
    existing: float,
    new: float,
    new_start: Any,
    tariff: float,
    index_2025: float,
    inflation_2026: float,
    discount_rate: float,
    valuation_date: Any = VALUATION_DATE,
) -> Budget2026:
    """Cash cost of 2026 (nominal and real) and its present value on 1 January 2026.

    The present value is in tenge of January 2026; divided by the end-2025 index it becomes
    December-2021 tenge.
    """
    start = as_date(new_start)
    flows = monthly_cash_flows_2026(existing, new, start, tariff)
    pv = present_value(flows, discount_rate, valuation_date)
    return Budget2026(
        existing=float(existing),
        new=float(new),
        new_start=start,
        tariff=float(tariff),
        complex_months=complex_months_in_year(existing, new, start),
        nominal=float(flows.sum()),
        real_2021_tenge=real_cost_2026(flows, index_2025, inflation_2026),
        present_value=pv,
        present_value_2021_tenge=real_value(pv, index_2025),
        discount_rate=float(discount_rate),
        inflation_2026=float(inflation_2026),
        index_2025=float(index_2025),
        monthly=flows,
    )
