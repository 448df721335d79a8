"""Named facts read out of the data tables: contract items, payments, fines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pandas as pd

from sergek_report.errors import MissingDataError
from sergek_report.model.dates import as_date

# The tables the model reads (and a change to one of them changes the results).
MODEL_TABLES = ("contract", "deployment", "payments", "cpi", "mrp", "usd_kzt", "cost_anchors")


def table(tables: Mapping[str, pd.DataFrame], name: str) -> pd.DataFrame:
    if name not in tables:
        raise MissingDataError(f"table {name!r} is needed but was not loaded")
    return tables[name]


def _contract_cell(contract: pd.DataFrame, item: str, column: str):
    # Positional lookup: the model asks thousands of times (sensitivity, Monte Carlo), and a
    # boolean-mask row selection costs a new frame each time.
    rows = np.flatnonzero(contract["item"].to_numpy() == item)
    if rows.size == 0:
        raise MissingDataError(f"data/contract.csv has no row with item {item!r}")
    return contract[column].iat[rows[0]]


def contract_value(contract: pd.DataFrame, item: str) -> float:
    """Numeric value of a contract item (e.g. 'state_obligations')."""
    value = _contract_cell(contract, item, "value")
    if pd.isna(value):
        raise MissingDataError(f"data/contract.csv: item {item!r} has no numeric value")
    return float(value)


def contract_date(contract: pd.DataFrame, item: str) -> dt.date:
    """Date of a contract item (e.g. 'service_start'), from its value_date column."""
    value = _contract_cell(contract, item, "value_date")
    if pd.isna(value):
        raise MissingDataError(f"data/contract.csv: item {item!r} has no value_date")
    return as_date(value)


def contract_basis(contract: pd.DataFrame, item: str) -> str:
    return f"source:{_contract_cell(contract, item, 'source_id')}"


def payment_rows(payments: pd.DataFrame) -> tuple[pd.Series, pd.Series | None]:
    """The payment to the partner used for the cross-check, and fines collected in its period.

    Prefers a payment whose period also has a fines_collected row, so the two compare.
    """
    frame = payments.copy()
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    frame["period_end"] = pd.to_datetime(frame["period_end"])
    paid = frame[frame["flow"] == "payment_to_partner"].sort_values(["period_start", "period_end"])
    if paid.empty:
        raise MissingDataError("data/payments.csv has no 'payment_to_partner' row")
    fines = frame[frame["flow"] == "fines_collected"]
    for _, row in paid.iterrows():
        same = fines[
            (fines["period_start"] == row["period_start"])
            & (fines["period_end"] == row["period_end"])
        ]
        if not same.empty:
            return row, same.iloc[0]
    return paid.iloc[0], None


def latest_fines_collected(payments: pd.DataFrame) -> pd.Series | None:
    fines = payments[payments["flow"] == "fines_collected"]
    if fines.empty:
        return None
    return fines.loc[pd.to_datetime(fines["period_end"]).idxmax()]


def recent_fines_collected(payments: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    """The two latest sums of fines collected counted from the same start (running totals):
    their difference is what was collected between the two ends (the recent pace, where the
    average over the whole period mixes in the first years). None without two such sums."""
    fines = payments[payments["flow"] == "fines_collected"]
    latest = latest_fines_collected(payments)
    if latest is None:
        return None
    same_start = fines[
        (fines["period_start"] == latest["period_start"])
        & (pd.to_datetime(fines["period_end"]) < pd.to_datetime(latest["period_end"]))
    ]
    if same_start.empty:
        return None
    earlier = same_start.loc[pd.to_datetime(same_start["period_end"]).idxmax()]
    return earlier, latest
