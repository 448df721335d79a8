"""The size of the network over time: milestones, interpolation, complex-months, growth."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from sergek_report.errors import MissingDataError
from sergek_report.model.dates import (
    as_date,
    check_positive,
    mid_months,
    months_between,
)

DAYS_PER_MONTH = 365.25 / 12  # an average month: the pace between two dated milestones


def growth_ratio(new: float, old: float) -> float:
    """How many times the network grew: 1991 / 766 = 2.60."""
    check_positive(old, "the old value of a growth ratio")
    return new / old


def _points(deployment: pd.DataFrame) -> pd.DataFrame:
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
    points = _points(deployment)
    scalar = isinstance(dates, str | dt.date | pd.Timestamp) or not isinstance(dates, Iterable)
    wanted = pd.DatetimeIndex(pd.to_datetime([as_date(d) for d in ([dates] if scalar else dates)]))
    last = points["date"].iloc[-1]
    if len(wanted) and wanted.max() > last:
        raise ValueError(
            f"{wanted.max().date()} is after the last deployment milestone ({last.date()}); "
            "not extrapolating"
        )
    days = np.asarray([d.toordinal() for d in wanted.date], dtype=float)
    x = np.asarray([d.toordinal() for d in points["date"].dt.date], dtype=float)
    values = np.interp(days, x, points["complexes"].to_numpy(), left=0.0)
    if scalar:
        return float(values[0])
    return pd.Series(values, index=wanted, name="complexes")


def complex_months(deployment: pd.DataFrame, start: Any, end: Any) -> float:
    """Complex-months in service from start's month to end's month (count on the 15th)."""
    months_between(start, end)  # checks the order
    return float(interpolated_complexes(deployment, mid_months(start, end)).sum())


def in_service_by_month(deployment: pd.DataFrame, start: Any, end: Any) -> pd.Series:
    """Complexes in service on the 15th of each month of a period (the chart of chapter 3)."""
    return interpolated_complexes(deployment, mid_months(start, end))


def growth_steps(deployment: pd.DataFrame) -> pd.DataFrame:
    """Growth between neighbouring milestones: before, after, ratio and complexes per month.

    Columns: start, end, before, after, ratio, months, per_month. Months are the days between
    the two milestones in average months, rounded: 31 December 2025 to 1 March 2026 is two
    months, not the three its calendar months count. An interval shorter than a month is
    counted in its days: 7 February to 1 March 2026, 22 days, is 0,72 of a
    month, and 350 complexes in it 484 a month, not 350 (reviews s18c, s18d).
    """
    points = _points(deployment)
    rows = []
    for prev, curr in pairwise(points.itertuples()):
        days = (curr.date.date() - prev.date.date()).days
        exact = days / DAYS_PER_MONTH  # days > 0: two milestones on one day are refused
        months = round(exact) if exact >= 1 else exact
        rows.append(
            {
                "start": prev.date.date(),
                "end": curr.date.date(),
                "before": prev.complexes,
                "after": curr.complexes,
                "ratio": growth_ratio(curr.complexes, prev.complexes),
                "months": months,
                "per_month": (curr.complexes - prev.complexes) / months,
            }
        )
    return pd.DataFrame(
        rows, columns=["start", "end", "before", "after", "ratio", "months", "per_month"]
    )


def milestones_vs_original(deployment: pd.DataFrame, original: float) -> pd.DataFrame:
    """The deployment milestones with each count as a multiple of the original contract."""
    check_positive(original, "the original number of complexes")
    return deployment.assign(ratio_to_original=deployment["complexes"] / original)
