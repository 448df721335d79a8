"""Every calculation of the report, as pure functions on numbers and small tables.

The notebooks only load tables, call `compute_results` (or the functions below) and format the
answers. Nothing here reads files, prints or plots, so each figure can be checked by a unit
test against arithmetic done by hand from the sources.

Modelling choices (the report states them in its method section):
- The monthly service tariff per complex is not public. It is estimated as the state obligations
  of the original contract spread evenly over its 766 complexes and an assumed service term in
  months (`service_term_months`); the same nominal tariff is assumed for every year (frozen).
- The cross-check divides the one known payment (2.6 bn tenge, Jan 2020 – Aug 2022) by the
  complex-months in service in that period, counting for each month the number of complexes on
  the 15th, linearly interpolated in days between dated deployment milestones.
- The CPI index is an end-of-year (December) index with December of the tariff base year = 100;
  "2021 tenge" means prices of December 2021.
- 2026 cash flows are paid at each month end; new complexes are paid from their start date.
  Real 2026 costs deflate each month by a CPI path compounding the 2026 inflation assumption
  evenly from the end-2025 index. Present value discounts at (1 + r) ** (days / 365) from
  1 January 2026.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

__all__ = [
    "ASSUMPTION_NAMES",
    "Assumptions",
    "Budget2026",
    "MissingDataError",
    "PRESENT_VALUE_TORNADO",
    "ParameterError",
    "REAL_COST_TORNADO",
    "RESULT_TABLES",
    "Ranges",
    "Results",
    "as_date",
    "budget_2026",
    "budget_for",
    "complex_months",
    "complex_months_in_year",
    "compute_results",
    "contract_date",
    "contract_value",
    "cpi_chain_index",
    "cpi_rates",
    "estimated_monthly_tariff",
    "growth_ratio",
    "implied_tariff_from_payments",
    "in_mrp",
    "interpolated_complexes",
    "key_metrics",
    "metric_present_value_2026",
    "metric_real_cost_2026",
    "monthly_cash_flows_2026",
    "monthly_price_index",
    "months_between",
    "mrp_for_year",
    "obligations_per_complex",
    "present_value",
    "real_cost_2026",
    "real_erosion_percent",
    "real_value",
    "scenario_table",
    "tornado",
    "usd",
    "usd_rate_for_year",
    "VALUATION_DATE",
]

VALUATION_DATE = dt.date(2026, 1, 1)
BUDGET_YEAR = 2026
# The tables compute_results reads (a chapter that calls it loads these).
RESULT_TABLES = ("contract", "deployment", "payments", "cpi", "mrp", "usd_kzt")
DAYS_PER_YEAR = 365
MID_MONTH_DAY = 15

# Tornado bars of the real 2026 cost: the assumptions that move it. The discount rate does not
# (it has its own bar on the present-value tornado).
REAL_COST_TORNADO = (
    "service_term_months",
    "new_complexes_start",
    "inflation_2026",
    "cpi_2024_dec_dec",
)
PRESENT_VALUE_TORNADO = ("discount_rate", "service_term_months", "new_complexes_start")


class MissingDataError(ValueError):
    """A table lacks a row the calculation needs (the message names it)."""


class ParameterError(TypeError, ValueError):
    """A notebook parameter is missing or has the wrong type (the message names it)."""


# -- small helpers ---------------------------------------------------------------------------


def as_date(d: Any) -> dt.date:
    """A calendar date from a date, datetime, pandas Timestamp, numpy datetime64 or ISO string."""
    if isinstance(d, dt.datetime):  # pandas Timestamp is a datetime
        return d.date()
    if isinstance(d, dt.date):
        return d
    if isinstance(d, str):
        try:
            return dt.datetime.fromisoformat(d.strip()).date()
        except ValueError as err:
            raise ValueError(f"not an ISO date (YYYY-MM-DD): {d!r}") from err
    if d is None or (isinstance(d, float) and math.isnan(d)) or d is pd.NaT:
        raise ValueError("a date is missing (None/NaN/NaT)")
    try:
        ts = pd.Timestamp(d)
    except (TypeError, ValueError) as err:
        raise TypeError(f"expected a date, got {type(d).__name__} {d!r}") from err
    if pd.isna(ts):
        raise ValueError("a date is missing (NaT)")
    return ts.date()


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _check_positive(value: float, what: str) -> None:
    if not value > 0:
        raise ValueError(f"{what} must be positive, got {value!r}")


# -- system size and cost per complex ----------------------------------------------------------


def growth_ratio(new: float, old: float) -> float:
    """How many times the network grew: 1991 / 766 = 2.60."""
    _check_positive(old, "the old value of a growth ratio")
    return new / old


def obligations_per_complex(obligations: float, complexes: float) -> float:
    """State obligations per complex over the contract life: 9 986 042 340 / 766."""
    _check_positive(complexes, "the number of complexes")
    return obligations / complexes


def months_between(start: Any, end: Any) -> int:
    """Calendar months from start's month to end's month, both included (2020-01..2025-12: 72)."""
    start, end = as_date(start), as_date(end)
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    return _month_index(end) - _month_index(start) + 1


def estimated_monthly_tariff(obligations: float, complexes: float, term_months: float) -> float:
    """Tariff per complex-month if the obligations pay every complex evenly over the term."""
    _check_positive(complexes, "the number of complexes")
    _check_positive(term_months, "the service term in months")
    return obligations / (complexes * term_months)


def _deployment_points(deployment: pd.DataFrame) -> pd.DataFrame:
    if deployment.empty:
        raise MissingDataError("deployment table has no milestones")
    points = pd.DataFrame(
        {
            "date": pd.to_datetime(deployment["date"]).dt.normalize(),
            "complexes": deployment["complexes"].astype(float),
        }
    ).sort_values("date")
    if points["date"].duplicated().any():
        raise ValueError("deployment table has two milestones on the same date")
    return points.reset_index(drop=True)


def interpolated_complexes(deployment: pd.DataFrame, dates: Any) -> float | pd.Series:
    """Complexes in service on each date, linear in days between dated milestones.

    Before the first milestone there were none (0). Beyond the last milestone nothing is
    known, so asking for it is an error rather than an extrapolation. A single date gives a
    float, a list of dates a Series indexed by the dates.
    """
    points = _deployment_points(deployment)
    scalar = isinstance(dates, (str, dt.date, pd.Timestamp)) or not isinstance(dates, Iterable)
    wanted = [as_date(d) for d in ([dates] if scalar else dates)]
    x = [d.toordinal() for d in points["date"].dt.date]
    y = points["complexes"].tolist()
    last = points["date"].iloc[-1].date()
    values = []
    for d in wanted:
        if d > last:
            raise ValueError(
                f"{d} is after the last deployment milestone ({last}); not extrapolating"
            )
        t = d.toordinal()
        if t < x[0]:
            values.append(0.0)
            continue
        i = max(k for k in range(len(x)) if x[k] <= t)
        if x[i] == t or i == len(x) - 1:
            values.append(y[i])
        else:
            values.append(y[i] + (y[i + 1] - y[i]) * (t - x[i]) / (x[i + 1] - x[i]))
    if scalar:
        return float(values[0])
    return pd.Series(values, index=pd.DatetimeIndex(pd.to_datetime(wanted)), name="complexes")


def complex_months(deployment: pd.DataFrame, start: Any, end: Any) -> float:
    """Complex-months in service from start's month to end's month (count on the 15th)."""
    start, end = as_date(start), as_date(end)
    n = months_between(start, end)
    first = _month_index(start)
    mids = [dt.date((first + k) // 12, (first + k) % 12 + 1, MID_MONTH_DAY) for k in range(n)]
    return float(interpolated_complexes(deployment, mids).sum())


def implied_tariff_from_payments(paid: float, complex_months_paid: float) -> float:
    """Average payment per complex-month: the cross-check of the estimated tariff."""
    _check_positive(complex_months_paid, "complex-months")
    return paid / complex_months_paid


# -- prices: CPI, МРП, dollars ---------------------------------------------------------------


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
    _check_positive(index_value, "a price index")
    return nominal * 100 / index_value


def real_erosion_percent(index_value: float) -> float:
    """Share of purchasing power a frozen nominal amount has lost: (1 - 100 / index) * 100."""
    _check_positive(index_value, "a price index")
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
    _check_positive(mrp, "the МРП")
    return tenge / mrp


def usd(tenge: float, kzt_per_usd: float) -> float:
    """Tenge in US dollars at the given rate."""
    _check_positive(kzt_per_usd, "an exchange rate")
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


# -- the 2026 budget ---------------------------------------------------------------------------


def _share_of_month_in_service(start: dt.date, year: int, month: int) -> float:
    """1 from start's month on (pro rata by days in start's month), 0 before it."""
    if _month_index(start) < year * 12 + month - 1:
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
    ends = [_month_end(year, m) for m in range(1, 13)]
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
    origin = as_date(valuation_date)
    factor = 1 + annual_rate_percent / 100
    total = 0.0
    for when, flow in monthly_flows.items():
        t = (as_date(when) - origin).days / DAYS_PER_YEAR
        total += float(flow) / factor**t
    return total


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
        months = _month_index(d) - _month_index(dt.date(d.year - 1, 12, 1))
        values.append(index_start * growth ** (months / 12))
    return pd.Series(values, index=pd.DatetimeIndex(pd.to_datetime(dates)), name="index")


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


# -- assumptions -------------------------------------------------------------------------------


def _coerce_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ParameterError(
            f"parameter {name!r} must be an integer (int), got {type(value).__name__} {value!r}"
        )
    if isinstance(value, numbers.Integral):
        return int(value)
    if float(value).is_integer():
        return int(value)
    raise ParameterError(f"parameter {name!r} must be an integer (int), got {value!r}")


def _coerce_float(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ParameterError(
            f"parameter {name!r} must be a number in percent (float), "
            f"got {type(value).__name__} {value!r}"
        )
    if math.isnan(float(value)):
        raise ParameterError(f"parameter {name!r} must be a number, got NaN")
    return float(value)


def _coerce_date(name: str, value: Any) -> dt.date:
    if isinstance(value, (dt.date, str, pd.Timestamp)):
        try:
            return as_date(value)
        except ValueError as err:
            raise ParameterError(
                f"parameter {name!r} must be a date (datetime.date or ISO 'YYYY-MM-DD'), "
                f"got {value!r}"
            ) from err
    raise ParameterError(
        f"parameter {name!r} must be a date (datetime.date or ISO 'YYYY-MM-DD'), "
        f"got {type(value).__name__} {value!r}"
    )


_COERCE: dict[str, Callable[[str, Any], Any]] = {
    "service_term_months": _coerce_int,
    "new_complexes_start": _coerce_date,
    "cpi_2024_dec_dec": _coerce_float,
    "inflation_2026": _coerce_float,
    "discount_rate": _coerce_float,
}
ASSUMPTION_NAMES: tuple[str, ...] = tuple(_COERCE)


@dataclass(frozen=True)
class Assumptions:
    """The five assumptions of an edition (params/*.yaml `assumptions`)."""

    service_term_months: int
    new_complexes_start: dt.date
    cpi_2024_dec_dec: float
    inflation_2026: float
    discount_rate: float

    def __post_init__(self) -> None:
        for name in ASSUMPTION_NAMES:
            object.__setattr__(self, name, _COERCE[name](name, getattr(self, name)))
        if self.service_term_months <= 0:
            raise ParameterError(
                f"parameter 'service_term_months' must be positive, got {self.service_term_months}"
            )
        if self.discount_rate <= -100:
            raise ParameterError("parameter 'discount_rate' must exceed -100 (percent)")

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> Assumptions:
        """Pick the five assumptions from a dict such as a notebook's globals()."""
        missing = [name for name in ASSUMPTION_NAMES if name not in mapping]
        if missing:
            raise ParameterError(f"missing parameter(s): {', '.join(missing)}")
        return cls(**{name: mapping[name] for name in ASSUMPTION_NAMES})

    def replace(self, **changes: Any) -> Assumptions:
        """A copy with some assumptions changed (used for sensitivity and scenarios)."""
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ASSUMPTION_NAMES}


@dataclass(frozen=True)
class Ranges:
    """Low/high values of each assumption for the sensitivity analysis (`<name>_range`)."""

    service_term_months: tuple[int, int]
    new_complexes_start: tuple[dt.date, dt.date]
    cpi_2024_dec_dec: tuple[float, float]
    inflation_2026: tuple[float, float]
    discount_rate: tuple[float, float]

    def __post_init__(self) -> None:
        for name in ASSUMPTION_NAMES:
            key = f"{name}_range"
            value = getattr(self, name)
            if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
                raise ParameterError(
                    f"parameter {key!r} must be a list [low, high], got {type(value).__name__}"
                )
            if len(value) != 2:
                raise ParameterError(
                    f"parameter {key!r} must be a list [low, high], got {len(value)} items"
                )
            low, high = (_COERCE[name](key, v) for v in value)
            if low > high:
                raise ParameterError(f"parameter {key!r}: low {low} is above high {high}")
            object.__setattr__(self, name, (low, high))

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> Ranges:
        """Pick the `<name>_range` parameters from a dict such as a notebook's globals()."""
        missing = [f"{name}_range" for name in ASSUMPTION_NAMES if f"{name}_range" not in mapping]
        if missing:
            raise ParameterError(f"missing parameter(s): {', '.join(missing)}")
        return cls(**{name: mapping[f"{name}_range"] for name in ASSUMPTION_NAMES})

    def as_dict(self) -> dict[str, tuple[Any, Any]]:
        return {name: getattr(self, name) for name in ASSUMPTION_NAMES}


# -- reading the tables ------------------------------------------------------------------------


def _table(tables: Mapping[str, pd.DataFrame], name: str) -> pd.DataFrame:
    if name not in tables:
        raise MissingDataError(f"table {name!r} is needed but was not loaded")
    return tables[name]


def _contract_row(contract: pd.DataFrame, item: str) -> pd.Series:
    rows = contract[contract["item"] == item]
    if rows.empty:
        raise MissingDataError(f"contract table has no item {item!r}")
    return rows.iloc[0]


def contract_value(contract: pd.DataFrame, item: str) -> float:
    """Numeric value of a contract item (e.g. 'state_obligations')."""
    value = _contract_row(contract, item)["value"]
    if pd.isna(value):
        raise MissingDataError(f"contract item {item!r} has no numeric value")
    return float(value)


def contract_date(contract: pd.DataFrame, item: str) -> dt.date:
    """Date of a contract item (e.g. 'service_start'), from its value_date column."""
    value = _contract_row(contract, item)["value_date"]
    if pd.isna(value):
        raise MissingDataError(f"contract item {item!r} has no value_date")
    return as_date(value)


def _contract_basis(contract: pd.DataFrame, item: str) -> str:
    return f"source:{_contract_row(contract, item)['source_id']}"


def cpi_rates(
    cpi: pd.DataFrame, assumptions: Assumptions
) -> tuple[dict[int, float], dict[int, str]]:
    """December/December rates by year and the basis of each ('source:…' or 'assumption:…').

    2024 comes from the table when it has a row, otherwise from `cpi_2024_dec_dec`; 2026
    always comes from `inflation_2026` (the year is not over).
    """
    rows = cpi[cpi["measure"] == "dec_dec"]
    rates: dict[int, float] = {}
    basis: dict[int, str] = {}
    for _, row in rows.iterrows():
        if pd.notna(row["percent"]):
            rates[int(row["year"])] = float(row["percent"])
            basis[int(row["year"])] = f"source:{row['source_id']}"
    if 2024 not in rates:
        rates[2024] = assumptions.cpi_2024_dec_dec
        basis[2024] = "assumption:cpi_2024_dec_dec"
    rates[BUDGET_YEAR] = assumptions.inflation_2026
    basis[BUDGET_YEAR] = "assumption:inflation_2026"
    return rates, basis


def _payment_rows(payments: pd.DataFrame) -> tuple[pd.Series, pd.Series | None]:
    """The payment to the partner used for the cross-check, and fines collected in its period.

    Prefers a payment whose period also has a fines_collected row, so the two compare.
    """
    frame = payments.copy()
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    frame["period_end"] = pd.to_datetime(frame["period_end"])
    paid = frame[frame["flow"] == "payment_to_partner"].sort_values(["period_start", "period_end"])
    if paid.empty:
        raise MissingDataError("payments table has no 'payment_to_partner' row")
    fines = frame[frame["flow"] == "fines_collected"]
    for _, row in paid.iterrows():
        same = fines[
            (fines["period_start"] == row["period_start"])
            & (fines["period_end"] == row["period_end"])
        ]
        if not same.empty:
            return row, same.iloc[0]
    return paid.iloc[0], None


def _latest_fines_collected(payments: pd.DataFrame) -> pd.Series | None:
    fines = payments[payments["flow"] == "fines_collected"]
    if fines.empty:
        return None
    return fines.loc[pd.to_datetime(fines["period_end"]).idxmax()]


# -- results -----------------------------------------------------------------------------------


def budget_for(tables: Mapping[str, pd.DataFrame], assumptions: Assumptions) -> Budget2026:
    """The 2026 budget under given assumptions, from the contract and CPI tables."""
    contract = _table(tables, "contract")
    rates, _ = cpi_rates(_table(tables, "cpi"), assumptions)
    base_year = int(contract_value(contract, "tariff_base_year"))
    index = cpi_chain_index(rates, base_year=base_year, years=range(base_year, BUDGET_YEAR))
    tariff = estimated_monthly_tariff(
        contract_value(contract, "state_obligations"),
        contract_value(contract, "original_scope"),
        assumptions.service_term_months,
    )
    return budget_2026(
        existing=contract_value(contract, "complexes_in_operation"),
        new=contract_value(contract, "additional_complexes"),
        new_start=assumptions.new_complexes_start,
        tariff=tariff,
        index_2025=float(index[BUDGET_YEAR - 1]),
        inflation_2026=assumptions.inflation_2026,
        discount_rate=assumptions.discount_rate,
    )


def metric_real_cost_2026(tables: Mapping[str, pd.DataFrame]) -> Callable[[Assumptions], float]:
    """Tornado metric: 2026 payments in December-2021 tenge."""
    return lambda a: budget_for(tables, a).real_2021_tenge


def metric_present_value_2026(
    tables: Mapping[str, pd.DataFrame],
) -> Callable[[Assumptions], float]:
    """Tornado metric: present value of 2026 payments on 1 January 2026, nominal tenge."""
    return lambda a: budget_for(tables, a).present_value


def tornado(
    base: Assumptions,
    ranges: Ranges | Mapping[str, tuple[Any, Any]],
    metric_fn: Callable[[Assumptions], float],
    names: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One-at-a-time sensitivity of ONE metric: each assumption at its low and high value.

    Columns: assumption, low_value, high_value, metric_low, metric_high, metric_base, swing
    (|metric_high - metric_low|); rows sorted by swing, largest first.
    """
    bounds = ranges.as_dict() if isinstance(ranges, Ranges) else dict(ranges)
    names = list(names) if names is not None else list(bounds)
    base_metric = metric_fn(base)
    rows = []
    for name in names:
        if name not in bounds:
            raise ParameterError(f"no range given for assumption {name!r}")
        low, high = bounds[name]
        metric_low = metric_fn(base.replace(**{name: low}))
        metric_high = metric_fn(base.replace(**{name: high}))
        rows.append(
            {
                "assumption": name,
                "low_value": low,
                "high_value": high,
                "metric_low": metric_low,
                "metric_high": metric_high,
                "metric_base": base_metric,
                "swing": abs(metric_high - metric_low),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "assumption",
            "low_value",
            "high_value",
            "metric_low",
            "metric_high",
            "metric_base",
            "swing",
        ],
    )
    return frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


@dataclass(frozen=True, eq=False)
class Results:
    """Every key figure the report prints, computed once from the tables and assumptions."""

    assumptions: Assumptions
    # 1. size and growth
    original_scope: float
    complexes_in_operation: float
    additional_complexes: float
    complexes_after_extension: float
    growth_operation_vs_original: float
    growth_extension_vs_original: float
    growth_extension_vs_operation: float
    # 2. cost per complex
    state_obligations: float
    obligations_per_complex: float
    contract_term_months: int
    monthly_tariff: float
    annual_tariff: float
    payment_period_start: dt.date
    payment_period_end: dt.date
    payment_period_months: int
    paid_to_partner: float
    complex_months_paid_period: float
    implied_monthly_tariff: float
    tariff_estimates_ratio: float
    # 3. the freeze in real terms
    tariff_base_year: int
    cpi_2024_used: float
    cpi_2024_basis: str
    cpi_index: pd.DataFrame
    tariff_by_year: pd.DataFrame
    index_2025: float
    index_2026: float
    erosion_2025_percent: float
    erosion_2026_percent: float
    # 4. 2026 budget
    budget: Budget2026
    tornado_real_cost: pd.DataFrame | None
    tornado_present_value: pd.DataFrame | None
    # 5. comparisons
    fines_collected_paid_period: float | None
    fines_to_payments_ratio: float | None
    fines_collected_latest: float | None
    fines_collected_latest_period_end: dt.date | None
    # where each input came from: name -> "source:<id>" / "assumption:<param>" / "derived"
    basis: Mapping[str, str] = field(default_factory=dict)


def compute_results(
    tables: Mapping[str, pd.DataFrame],
    assumptions: Assumptions,
    ranges: Ranges | None = None,
) -> Results:
    """All key figures from the tables (contract, deployment, cpi, mrp, payments, usd_kzt)."""
    contract = _table(tables, "contract")
    basis: dict[str, str] = {}

    # 1. size and growth
    original = contract_value(contract, "original_scope")
    operating = contract_value(contract, "complexes_in_operation")
    additional = contract_value(contract, "additional_complexes")
    after = operating + additional
    for item in ("original_scope", "complexes_in_operation", "additional_complexes"):
        basis[item] = _contract_basis(contract, item)

    # 2. cost per complex
    obligations = contract_value(contract, "state_obligations")
    basis["state_obligations"] = _contract_basis(contract, "state_obligations")
    term = months_between(
        contract_date(contract, "service_start"), contract_date(contract, "contract_expiry")
    )
    tariff = estimated_monthly_tariff(obligations, original, assumptions.service_term_months)

    paid_row, fines_row = _payment_rows(_table(tables, "payments"))
    pay_start, pay_end = as_date(paid_row["period_start"]), as_date(paid_row["period_end"])
    paid = float(paid_row["tenge"])
    basis["paid_to_partner"] = f"source:{paid_row['source_id']}"
    cm_paid = complex_months(_table(tables, "deployment"), pay_start, pay_end)
    implied = implied_tariff_from_payments(paid, cm_paid)

    # 3. the freeze in real terms
    base_year = int(contract_value(contract, "tariff_base_year"))
    rates, rate_basis = cpi_rates(_table(tables, "cpi"), assumptions)
    years = list(range(base_year, BUDGET_YEAR + 1))
    index = cpi_chain_index(rates, base_year=base_year, years=years)
    cpi_index = pd.DataFrame(
        {
            "year": years,
            "dec_dec_percent": [rates.get(y, math.nan) for y in years],
            "rate_basis": [rate_basis.get(y, "") for y in years],
            "index": [float(index[y]) for y in years],
        }
    )
    mrp_table = _table(tables, "mrp")
    usd_table = tables.get("usd_kzt")
    by_year = []
    for y in years:
        mrp = mrp_for_year(mrp_table, y)
        rate = usd_rate_for_year(usd_table, y) if usd_table is not None else None
        by_year.append(
            {
                "year": y,
                "index": float(index[y]),
                "tariff_nominal": tariff,
                "tariff_real_2021_tenge": real_value(tariff, float(index[y])),
                "erosion_percent": real_erosion_percent(float(index[y])),
                "mrp": mrp,
                "tariff_in_mrp": in_mrp(tariff, mrp),
                "kzt_per_usd": rate[0] if rate else math.nan,
                "usd_period": rate[1] if rate else None,
                "tariff_usd": usd(tariff, rate[0]) if rate else math.nan,
            }
        )
    tariff_by_year = pd.DataFrame(by_year)

    # 4. 2026 budget and its sensitivity
    budget = budget_for(tables, assumptions)
    tornado_real = tornado_pv = None
    if ranges is not None:
        real_names = [
            n
            for n in REAL_COST_TORNADO
            if n != "cpi_2024_dec_dec" or rate_basis[2024].startswith("assumption:")
        ]
        tornado_real = tornado(assumptions, ranges, metric_real_cost_2026(tables), real_names)
        tornado_pv = tornado(
            assumptions, ranges, metric_present_value_2026(tables), PRESENT_VALUE_TORNADO
        )

    # 5. comparisons
    fines_paid_period = float(fines_row["tenge"]) if fines_row is not None else None
    if fines_row is not None:
        basis["fines_collected_paid_period"] = f"source:{fines_row['source_id']}"
    latest = _latest_fines_collected(_table(tables, "payments"))
    if latest is not None:
        basis["fines_collected_latest"] = f"source:{latest['source_id']}"

    return Results(
        assumptions=assumptions,
        original_scope=original,
        complexes_in_operation=operating,
        additional_complexes=additional,
        complexes_after_extension=after,
        growth_operation_vs_original=growth_ratio(operating, original),
        growth_extension_vs_original=growth_ratio(after, original),
        growth_extension_vs_operation=growth_ratio(after, operating),
        state_obligations=obligations,
        obligations_per_complex=obligations_per_complex(obligations, original),
        contract_term_months=term,
        monthly_tariff=tariff,
        annual_tariff=tariff * 12,
        payment_period_start=pay_start,
        payment_period_end=pay_end,
        payment_period_months=months_between(pay_start, pay_end),
        paid_to_partner=paid,
        complex_months_paid_period=cm_paid,
        implied_monthly_tariff=implied,
        tariff_estimates_ratio=implied / tariff,
        tariff_base_year=base_year,
        cpi_2024_used=rates[2024],
        cpi_2024_basis=rate_basis[2024],
        cpi_index=cpi_index,
        tariff_by_year=tariff_by_year,
        index_2025=float(index[2025]),
        index_2026=float(index[BUDGET_YEAR]),
        erosion_2025_percent=real_erosion_percent(float(index[2025])),
        erosion_2026_percent=real_erosion_percent(float(index[BUDGET_YEAR])),
        budget=budget,
        tornado_real_cost=tornado_real,
        tornado_present_value=tornado_pv,
        fines_collected_paid_period=fines_paid_period,
        fines_to_payments_ratio=(
            growth_ratio(fines_paid_period, paid) if fines_paid_period is not None else None
        ),
        fines_collected_latest=float(latest["tenge"]) if latest is not None else None,
        fines_collected_latest_period_end=(
            as_date(latest["period_end"]) if latest is not None else None
        ),
        basis=basis,
    )


def scenario_table(
    tables: Mapping[str, pd.DataFrame], scenarios: Mapping[str, Assumptions]
) -> pd.DataFrame:
    """Key outputs per scenario (rows), next to the assumptions that define it."""
    rows = []
    for name, assumptions in scenarios.items():
        r = compute_results(tables, assumptions)
        rows.append(
            {
                "scenario": name,
                **assumptions.as_dict(),
                "cpi_2024_used": r.cpi_2024_used,
                "monthly_tariff": r.monthly_tariff,
                "erosion_2026_percent": r.erosion_2026_percent,
                "complex_months_2026": r.budget.complex_months,
                "nominal_2026": r.budget.nominal,
                "real_2026_2021_tenge": r.budget.real_2021_tenge,
                "present_value_2026": r.budget.present_value,
                "present_value_2026_2021_tenge": r.budget.present_value_2021_tenge,
            }
        )
    return pd.DataFrame(rows).set_index("scenario")


def key_metrics(results: Results) -> list[dict]:
    """Headline figures for metrics.json: name, label, value, unit, basis (machine-readable)."""
    # fmt imports this module (for as_date), so it is imported here, not at the top.
    from .fmt import month_year

    r, b = results, results.budget
    paid_period = f"{month_year(r.payment_period_start)} – {month_year(r.payment_period_end)}"
    by_year = r.tariff_by_year.set_index("year")
    first_year = r.tariff_base_year

    # The end-2025 index rests on an assumption when the 2024 rate is not in cpi.csv.
    index_basis = r.cpi_2024_basis if r.cpi_2024_basis.startswith("assumption:") else "derived"

    def src(name: str) -> str:
        return r.basis.get(name, "derived")

    rows: list[tuple[str, str, float | None, str, str]] = [
        ("original_scope", "Комплексы по исходному договору", r.original_scope, "АПК",
         src("original_scope")),
        ("complexes_in_operation", "Комплексы в работе до установки новых",
         r.complexes_in_operation, "АПК", src("complexes_in_operation")),
        ("complexes_after_extension", "Комплексы после установки 350 новых",
         r.complexes_after_extension, "АПК", "derived"),
        ("growth_extension_vs_original", "Рост сети к исходному договору",
         r.growth_extension_vs_original, "раз", "derived"),
        ("state_obligations", "Государственные обязательства по исходному договору",
         r.state_obligations, "тенге", src("state_obligations")),
        ("obligations_per_complex", "Обязательства на один комплекс",
         r.obligations_per_complex, "тенге", "derived"),
        ("monthly_tariff_estimate", "Оценка тарифа за комплекс в месяц", r.monthly_tariff,
         "тенге", "assumption:service_term_months"),
        ("annual_tariff_estimate", "Оценка тарифа за комплекс в год", r.annual_tariff,
         "тенге", "assumption:service_term_months"),
        ("implied_monthly_tariff_from_payments",
         f"Средняя выплата за комплекс в месяц ({paid_period})", r.implied_monthly_tariff,
         "тенге", "derived"),
        ("tariff_estimates_ratio", "Отношение средней выплаты к оценке тарифа",
         r.tariff_estimates_ratio, "раз", "assumption:service_term_months"),
        ("cpi_index_2025", f"Индекс цен, декабрь 2025 (декабрь {first_year} = 100)",
         r.index_2025, "пунктов", index_basis),
        ("real_erosion_2025", "Потеря реальной стоимости тарифа к концу 2025 года",
         r.erosion_2025_percent, "%", "derived"),
        ("real_erosion_2026", "Потеря реальной стоимости тарифа к концу 2026 года",
         r.erosion_2026_percent, "%", "assumption:inflation_2026"),
        (f"tariff_in_mrp_{first_year}", f"Тариф в МРП, {first_year} год",
         float(by_year.loc[first_year, "tariff_in_mrp"]), "МРП",
         "assumption:service_term_months"),
        ("tariff_in_mrp_2026", "Тариф в МРП, 2026 год",
         float(by_year.loc[BUDGET_YEAR, "tariff_in_mrp"]), "МРП",
         "assumption:service_term_months"),
        ("complex_months_2026", "Комплексо-месяцы 2026 года", b.complex_months,
         "комплексо-месяцев", "assumption:new_complexes_start"),
        ("budget_2026_nominal", "Расходы бюджета 2026 года (номинал)", b.nominal, "тенге",
         "assumption:service_term_months"),
        ("budget_2026_real_2021", "Расходы бюджета 2026 года в тенге 2021 года",
         b.real_2021_tenge, "тенге", "assumption:inflation_2026"),
        ("budget_2026_present_value", "Приведённая стоимость платежей 2026 года",
         b.present_value, "тенге", "assumption:discount_rate"),
        ("fines_to_payments_ratio", f"Штрафы в бюджет к выплатам партнёру ({paid_period})",
         r.fines_to_payments_ratio, "раз", src("fines_collected_paid_period")),
    ]
    return [
        {"name": name, "label": label, "value": round(float(value), 4), "unit": unit,
         "basis": basis}
        for name, label, value, unit, basis in rows
        if value is not None and not math.isnan(float(value))
    ]
