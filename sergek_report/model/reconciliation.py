"""Reconciliation of the cost 2020–2025: complex-months in service against the obligations.

The original contract's obligations (9 986 042 340 tenge) cover 766 complexes over the service
term (an assumption, 72 months: 766 × 72 = 55 152 complex-months). The network ran far more
complex-months: it was switched on at 404 complexes on 1 January 2020 and grew to 1 641 by
November 2024. Complex-months are counted as in the rest of the model (the number in service
on the 15th of each month, linear in days between dated milestones).

Multiplying the complex-months by each of the two estimates of the payment per complex-month
(the obligations spread over 766 complexes and the term; the one known payment divided by the
complex-months of its period) gives what the city would have paid at that price. Both are
estimates, not the tariff and not actual payments; the comparison shows whether the original
obligations can have covered the network that actually ran.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from sergek_report.errors import MissingDataError
from sergek_report.model.dates import as_date, check_positive
from sergek_report.model.deployment import complex_months


def anchor_row(anchors: pd.DataFrame, anchor_id: str) -> pd.Series:
    """One row of data/cost_anchors.csv by its id."""
    rows = anchors[anchors["anchor_id"] == anchor_id]
    if rows.empty:
        raise MissingDataError(f"data/cost_anchors.csv has no row {anchor_id!r}")
    return rows.iloc[0]


def complex_months_by_year(deployment: pd.DataFrame, start: dt.date, end: dt.date) -> pd.Series:
    """Complex-months in service in each calendar year from start's year to end's year."""
    start, end = as_date(start), as_date(end)
    values = {}
    for year in range(start.year, end.year + 1):
        first = max(start, dt.date(year, 1, 1))
        last = min(end, dt.date(year, 12, 31))
        values[year] = complex_months(deployment, first, last)
    return pd.Series(values, name="complex_months", dtype=float)


@dataclass(frozen=True, eq=False)
class Reconciliation:
    """Complex-months 2020–2025 at each estimate against the known obligation figures."""

    start: dt.date
    end: dt.date
    contract_complex_months: float  # original complexes × service term
    complex_months: float  # in service, from the deployment milestones
    complex_months_ratio: float  # in service ÷ contract
    extension_complex_months: float  # 2026, from the budget of the extension
    obligations: float
    total_cost: float  # «общая стоимость» 14.6 bn, one source
    total_cost_source: str
    # rows: estimate, monthly (tenge per complex-month), to_end (start..end),
    # with_extension (start..end + 2026), to_end_vs_obligations, with_extension_vs_total_cost
    table: pd.DataFrame
    # cumulative estimated payments at each year end, one column per estimate
    cumulative: pd.DataFrame = field(repr=False)

    def payments(self, estimate: str, with_extension: bool = False) -> float:
        column = "with_extension" if with_extension else "to_end"
        return float(self.table.set_index("estimate").loc[estimate, column])

    def vs_total_cost(self, estimate: str) -> float:
        """Payments at `estimate` with the extension year ÷ the «общая стоимость» (the base
        case the table prints, beside the P10–P90 of the joint spread)."""
        return float(self.table.set_index("estimate").loc[estimate, "with_extension_vs_total_cost"])


def reconcile(
    deployment: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    original_complexes: float,
    term_months: float,
    monthly_estimates: Mapping[str, float],
    obligations: float,
    total_cost: float,
    extension_year: int,
    extension_complex_months: float,
    total_cost_source: str = "",
) -> Reconciliation:
    """The reconciliation table and the cumulative payments at each estimate.

    `monthly_estimates` maps an estimate name (labels.ESTIMATE_NAMES) to tenge per complex-month;
    `extension_complex_months` are the complex-months of the extension year (2026).
    """
    check_positive(original_complexes, "the original number of complexes")
    check_positive(term_months, "the service term in months")
    by_year = complex_months_by_year(deployment, start, end)
    by_year.loc[extension_year] = extension_complex_months
    in_service = float(by_year.loc[: as_date(end).year].sum())
    contract_cm = original_complexes * term_months
    rows, cumulative = [], {}
    for name, monthly in monthly_estimates.items():
        check_positive(monthly, f"the estimate {name!r} per complex-month")
        to_end = in_service * monthly
        with_ext = to_end + extension_complex_months * monthly
        rows.append(
            {
                "estimate": name,
                "monthly": float(monthly),
                "to_end": to_end,
                "with_extension": with_ext,
                "to_end_vs_obligations": to_end / obligations,
                "with_extension_vs_total_cost": with_ext / total_cost,
            }
        )
        cumulative[name] = by_year.cumsum() * monthly
    return Reconciliation(
        start=as_date(start),
        end=as_date(end),
        contract_complex_months=contract_cm,
        complex_months=in_service,
        complex_months_ratio=in_service / contract_cm,
        extension_complex_months=float(extension_complex_months),
        obligations=float(obligations),
        total_cost=float(total_cost),
        total_cost_source=total_cost_source,
        table=pd.DataFrame(rows),
        cumulative=pd.DataFrame(cumulative).assign(complex_months=by_year),
    )
