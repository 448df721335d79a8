"""Sensitivity: the 2026 budget under other assumptions, tornado tables and scenarios."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd

from sergek_report import labels as L
from sergek_report.inputs.edition import AssumptionValues
from sergek_report.model.budget import Budget2026, budget_2026, estimated_monthly_tariff
from sergek_report.model.lookups import contract_value, table
from sergek_report.model.prices import BUDGET_YEAR, cpi_chain_index, cpi_rates, real_erosion_percent

MIN_SWING = 1.0  # tenge


def index_2025(tables: Mapping[str, pd.DataFrame], assumptions: AssumptionValues) -> float:
    """The December 2025 price index (December of the tariff base year = 100)."""
    rates, _ = cpi_rates(table(tables, "cpi"), assumptions)
    base_year = int(contract_value(table(tables, "contract"), "tariff_base_year"))
    index = cpi_chain_index(rates, base_year=base_year, years=range(base_year, BUDGET_YEAR))
    return float(index[BUDGET_YEAR - 1])


def budget_for(tables: Mapping[str, pd.DataFrame], assumptions: AssumptionValues) -> Budget2026:
    """The 2026 budget under given assumptions, from the contract and CPI tables."""
    contract = table(tables, "contract")
    tariff = estimated_monthly_tariff(
        contract_value(contract, "state_obligations"),
        contract_value(contract, "original_scope"),
        assumptions.service_term_months,
    )
    return budget_2026(
        existing=contract_value(contract, "complexes_in_operation"),
        new=contract_value(contract, "additional_complexes")
        * assumptions.new_complexes_in_service
        / 100,
        new_start=assumptions.new_complexes_start,
        tariff=tariff,
        index_2025=index_2025(tables, assumptions),
        inflation_2026=assumptions.inflation_2026,
        discount_rate=assumptions.discount_rate,
    )


def erosion_2025(tables: Mapping[str, pd.DataFrame], assumptions: AssumptionValues) -> float:
    """Real loss of the frozen tariff by December 2025, percent."""
    return real_erosion_percent(index_2025(tables, assumptions))


def tornado(
    base: AssumptionValues,
    metric_fn: Callable[[AssumptionValues], float],
    names: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One-at-a-time sensitivity of ONE metric: each assumption at its low and high value.

    Columns: assumption, label, low_value, high_value, metric_low, metric_high, metric_base,
    swing (|metric_high - metric_low|); rows sorted by swing, largest first. Assumptions that
    do not move the metric (swing below one tenge) are left out: a tornado has no empty bars.
    """
    names = list(names) if names is not None else list(base.as_dict())
    base_metric = metric_fn(base)
    rows = []
    for name in names:
        low, high = base.range(name)
        metric_low = metric_fn(base.replace(**{name: low}))
        metric_high = metric_fn(base.replace(**{name: high}))
        rows.append(
            {
                "assumption": name,
                "label": base.declared(name).short_label,
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
            "label",
            "low_value",
            "high_value",
            "metric_low",
            "metric_high",
            "metric_base",
            "swing",
        ],
    )
    frame = frame[frame["swing"] >= MIN_SWING]
    return frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def scenario_rows(tables: Mapping[str, pd.DataFrame], base: AssumptionValues) -> pd.DataFrame:
    """The 2026 budget in the base case and at the edge of the assumptions that matter most.

    Rows: base; high 2026 inflation; late installation; shortest and longest service term.
    Columns: scenario, monthly_tariff, complex_months, nominal, real_2021_tenge, present_value.
    """
    term_low, term_high = base.range("service_term_months")
    cases = [
        (L.SCENARIOS["base"], base),
        (
            L.SCENARIOS["high_inflation"],
            base.replace(inflation_2026=base.range("inflation_2026")[1]),
        ),
        (
            L.SCENARIOS["late_installation"],
            base.replace(new_complexes_start=base.range("new_complexes_start")[1]),
        ),
        (
            # a term in months has no digit groups
            L.SCENARIOS["term"].format(months=int(term_low)),
            base.replace(service_term_months=term_low),
        ),
        (
            L.SCENARIOS["term"].format(months=int(term_high)),
            base.replace(service_term_months=term_high),
        ),
    ]
    rows = []
    for name, assumptions in cases:
        b = budget_for(tables, assumptions)
        rows.append(
            {
                "scenario": name,
                "monthly_tariff": b.tariff,
                "complex_months": b.complex_months,
                "nominal": b.nominal,
                "real_2021_tenge": b.real_2021_tenge,
                "present_value": b.present_value,
            }
        )
    return pd.DataFrame(rows)
