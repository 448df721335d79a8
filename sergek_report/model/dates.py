"""Calendar helpers shared by the calculations: dates, months, month ends."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from typing import Any

import pandas as pd

DAYS_PER_YEAR = 365
MID_MONTH_DAY = 15


def as_date(d: Any) -> dt.date:
    """A calendar date from a date, datetime, pandas Timestamp, numpy datetime64 or ISO string."""
    if d is pd.NaT:
        raise ValueError("a date is missing (NaT)")
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


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_index(d: dt.date) -> int:
    """Months since year 0: consecutive months differ by one."""
    return d.year * 12 + d.month - 1


def months_between(start: Any, end: Any) -> int:
    """Calendar months from start's month to end's month, both included (2020-01..2025-12: 72)."""
    start, end = as_date(start), as_date(end)
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    return month_index(end) - month_index(start) + 1


def mid_months(start: Any, end: Any) -> pd.DatetimeIndex:
    """The 15th of every month from start's month to end's month (when complexes are counted)."""
    first = as_date(start).replace(day=1)
    return pd.date_range(first, as_date(end), freq="MS") + pd.Timedelta(days=MID_MONTH_DAY - 1)


def check_positive(value: float, what: str) -> None:
    if not value > 0:
        raise ValueError(f"{what} must be positive, got {value!r}")
