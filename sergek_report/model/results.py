"""The model of an edition: every result the report prints, computed once from the tables.

Modelling choices (the report states them in its method section):
- The monthly service tariff per complex is not public. It is estimated as the state obligations
  of the original contract spread evenly over its complexes and an assumed service term in
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
- The options are priced per complex. Cameras per complex (Almaty's, Pavlodar region's, and
  their ratio, `model/cameras.py`) are a caveat stated as a range, not a path: what an Almaty
  complex would cost if Pavlodar's sum paid per camera.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sergek_report.errors import MissingDataError, ParameterError
from sergek_report.inputs.edition import AssumptionValues
from sergek_report.model.appraisal import (
    AppraisalData,
    BasisFigures,
    basis_figures,
    days_from_valuation,
)
from sergek_report.model.budget import (
    Budget2026,
    estimated_monthly_tariff,
    implied_tariff_from_payments,
    obligations_per_complex,
    tariff_by_term,
)
from sergek_report.model.budget_line import BudgetLine, budget_line
from sergek_report.model.cameras import (
    CameraPrice,
    CamerasPerComplex,
    camera_price,
    cameras_per_complex,
)
from sergek_report.model.dates import as_date, months_between
from sergek_report.model.deployment import (
    complex_months,
    growth_ratio,
    growth_steps,
    in_service_by_month,
    milestones_vs_original,
)
from sergek_report.model.lookups import (
    contract_basis,
    contract_date,
    contract_value,
    latest_fines_collected,
    payment_rows,
    recent_fines_collected,
    table,
)
from sergek_report.model.montecarlo import median
from sergek_report.model.options import latest_start, per_complex_year, term_end
from sergek_report.model.prices import (
    BUDGET_YEAR,
    cpi_chain_index,
    cpi_rates,
    in_mrp,
    mrp_for_year,
    real_erosion_percent,
    real_value,
    usd,
    usd_rate_for_year,
)
from sergek_report.model.reconciliation import Reconciliation, anchor_row, reconcile
from sergek_report.model.rounding import rounding_interval
from sergek_report.model.sensitivity import budget_for, erosion_2025, scenario_rows, tornado
from sergek_report.model.uncertainty import Uncertainty, appraise
from sergek_report.model.weights import shown_figures

# Service terms (months) for the chart of the tariff estimate against the term.
TERM_SWEEP = tuple(range(48, 97, 6))
# The assumptions behind the one basis as the report states it (appraisal.basis_figures).
BASIS_INPUTS = (
    "new_complexes_in_service",
    "service_term_months",
    "tariff_estimate_weight",
    "karaganda_price_year",
    "inflation_2026",
    "pavlodar_coverage_weight",
)
# How many times compute() ran in this process (the build checks it runs once).
COMPUTATIONS = 0


@dataclass(frozen=True, eq=False)
class Results:
    """Every key figure the report prints, computed once from the tables and assumptions."""

    assumptions: AssumptionValues
    # 1. size and growth
    original_scope: float
    complexes_in_operation: float
    additional_complexes: float
    complexes_after_extension: float
    growth_extension_vs_original: float
    growth_steps: pd.DataFrame
    milestones: pd.DataFrame
    # 2. cost per complex
    state_obligations: float
    obligations_per_complex: float
    extension_end: dt.date
    extension_years: float  # how long the council extended the contract (data/contract.csv)
    monthly_tariff: float
    annual_tariff: float
    payment_period_start: dt.date
    payment_period_end: dt.date
    payment_period_months: int
    paid_to_partner: float
    complex_months_paid_period: float
    implied_monthly_tariff: float
    tariff_estimates_ratio: float
    in_service_paid_period: pd.Series
    tariff_by_term: pd.DataFrame
    tariff_at_term_range: pd.DataFrame
    # 3. the freeze in real terms
    tariff_base_year: int
    cpi_2024_used: float
    cpi_2024_basis: str
    cpi_index: pd.DataFrame
    tariff_by_year: pd.DataFrame
    index_2025: float
    erosion_2025_percent: float
    erosion_2026_percent: float
    erosion_2025_range: tuple[float, float] | None
    # 4. 2026 budget
    budget: Budget2026
    tornado_real_cost: pd.DataFrame
    tornado_present_value: pd.DataFrame
    scenarios: pd.DataFrame
    # 5. comparisons
    fines_collected_paid_period: float | None
    fines_to_payments_ratio: float | None
    fines_collected_latest: float | None
    # the months of its period at both readings of the source's «за 5 лет» (the assumption
    # fines_five_years_months' range: read literally, to the publication; and from the launch)
    fines_latest_months: tuple[int, int] | None
    # the same sum over those months: what a month without enforcement forgoes on average
    # (the path's gap), low (the longer period) and high (the shorter)
    fines_collected_latest_per_month: tuple[float, float] | None
    # and over the assumption's value, the authors' reading (from the launch, as the table and
    # the chart show the period); the text gives both readings
    fines_collected_latest_per_month_assumed: float | None
    # the recent pace: the difference of the two latest running totals over the months between
    # their ends (months after the earlier end's, to the later end's), and those months' span
    fines_collected_recent_per_month: float | None
    fines_recent_period: tuple[dt.date, dt.date] | None
    # the fines the gap path forgoes over the stop-gap's months without enforcement at the
    # average pace, at both readings of the period (low, high); and at the recent pace (a floor
    # if the period is read literally: the earlier total then also covers months before it)
    fines_forgone_in_gap: tuple[float, float] | None
    fines_forgone_in_gap_recent: float | None
    # 6. the decision of 1 January 2027
    reconciliation: Reconciliation | None  # None when the milestones stop before expiry
    # the one basis: the network on 1 January 2027 (one range for every chapter), unit prices
    one_basis: BasisFigures
    decision_day: dt.date
    procurement_latest_start: dt.date
    ppp_latest_start: dt.date
    # cameras per complex in Almaty and Pavlodar region: the caveat on Pavlodar's price if it
    # paid per camera (the options stay per complex); None when the data give no camera count
    cameras: CamerasPerComplex | None
    # the options on one basis and the joint Monte Carlo (2027 cash, 2027–2029, PV)
    appraisal: Uncertainty | None = None
    appraisal_data: AppraisalData | None = field(default=None, repr=False)
    # the 2027 line the memo proposes, its check and its reckoner (model/budget_line.py)
    budget_line: BudgetLine | None = None
    # the line's price per camera as steps (None without the camera counts)
    camera_price: CameraPrice | None = None
    procurement_latest_start_range: tuple[dt.date, dt.date] | None = None
    # the stop-gap's longest term in months (the law's cap, the assumption's upper bound: 2),
    # its last day from the first day without the contract (28 February 2027), the first day
    # of the contract that follows it (1 March 2027), and the last day to announce the longest
    # procurement so that its contract starts then, the realistic path's deadline
    stopgap_months_at_most: int | None = None
    stopgap_end: dt.date | None = None
    contract_after_stopgap: dt.date | None = None
    procurement_latest_start_in_stopgap: dt.date | None = None
    # the days the recommended path's procurement is drawn to be announced on: from the
    # assumption's most days early (the edition's day) to the last day above
    procurement_announced_range: tuple[dt.date, dt.date] | None = None
    # the contract's start behind the stop-gap path's median: the last day to announce, less
    # the announcement's days early, plus the procurement's length, the median of the drawn
    # sum (review s42a read the path's cost against the longest procurement's 1 March)
    stopgap_contract_start_central: dt.date | None = None
    # the fines a gap of the stop-gap's months forgoes at the pace of the paid period
    # (2020 – August 2022, a smaller network): the lowest of the paces the sources give
    fines_forgone_in_gap_early: float | None = None
    # the average payment per complex-month at both ends of the payment's rounding in its
    # source (2,6 bn is 2,55–2,65 bn): what the rounded payment allows
    implied_monthly_tariff_span: tuple[float, float] | None = None
    # the payment itself at both ends of its rounding (2,55–2,65 bn), printed beside it
    paid_to_partner_span: tuple[float, float] | None = None
    # the weights shown as quantities (model/weights.py): name -> (value, at low, at high)
    shown_figures: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)
    # where each input came from: name -> "source:<id>" / "assumption:<param>" / "derived"
    basis: Mapping[str, str] = field(default_factory=dict)


def _low_base_high(assumptions: AssumptionValues, name: str) -> tuple:
    low, high = assumptions.range(name)
    return (low, assumptions[name], high)


def fines_latest_months(latest: pd.Series, assumptions: AssumptionValues) -> tuple[int, int, int]:
    """The months of the latest fines total: the shorter and the longer reading, and the
    authors'. A period the source states is read one way; a period whose start the authors
    assumed (the source says «за 5 лет» and names no start) at both ends of the assumption
    fines_five_years_months' range (read literally, to the publication; and from the system's
    launch), the authors' reading its value. Such a row (the period the table and the chart
    show) must span months the range allows."""
    months = months_between(latest["period_start"], latest["period_end"])
    authors = assumptions.fines_five_years_months
    if latest.get("period_basis") != "assumed":
        return (months, months, months)
    low, high = assumptions.range("fines_five_years_months")
    if not low <= months <= high:
        raise ParameterError(
            f"data/payments.csv: the fines row of {latest['period_start']} – "
            f"{latest['period_end']} spans {months} months, outside the range {low}–{high} of "
            "the assumption fines_five_years_months: change one or the other."
        )
    return (int(low), int(high), int(authors))


def compute(tables: Mapping[str, pd.DataFrame], assumptions: AssumptionValues) -> Results:
    """All results of an edition from the tables (contract, deployment, cpi, mrp, payments,
    usd_kzt) and its assumptions. The build calls this once; chapters read what it returns."""
    global COMPUTATIONS
    COMPUTATIONS += 1
    contract = table(tables, "contract")
    basis: dict[str, str] = {}

    # 1. size and growth
    original = contract_value(contract, "original_scope")
    operating = contract_value(contract, "complexes_in_operation")
    additional = contract_value(contract, "additional_complexes")
    after = operating + additional
    for item in ("original_scope", "complexes_in_operation", "additional_complexes"):
        basis[item] = contract_basis(contract, item)

    # 2. cost per complex
    obligations = contract_value(contract, "state_obligations")
    basis["state_obligations"] = contract_basis(contract, "state_obligations")
    tariff = estimated_monthly_tariff(obligations, original, assumptions.service_term_months)

    paid_row, fines_row = payment_rows(table(tables, "payments"))
    pay_start, pay_end = as_date(paid_row["period_start"]), as_date(paid_row["period_end"])
    pay_months = months_between(pay_start, pay_end)
    paid = float(paid_row["tenge"])
    basis["paid_to_partner"] = f"source:{paid_row['source_id']}"
    deployment = table(tables, "deployment")
    cm_paid = complex_months(deployment, pay_start, pay_end)
    implied = implied_tariff_from_payments(paid, cm_paid)

    # 3. the freeze in real terms
    base_year = int(contract_value(contract, "tariff_base_year"))
    rates, rate_basis = cpi_rates(table(tables, "cpi"), assumptions)
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
    mrp_table = table(tables, "mrp")
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
    # The base and both tornados move the same assumptions to the same values: one budget
    # per set of values.
    budgets: dict[tuple, Budget2026] = {}

    def budget_under(a: AssumptionValues) -> Budget2026:
        key = tuple(sorted(a.as_dict().items()))
        if key not in budgets:
            budgets[key] = budget_for(tables, a)
        return budgets[key]

    budget = budget_under(assumptions)
    tornado_real = tornado(assumptions, lambda a: budget_under(a).real_2021_tenge)
    tornado_pv = tornado(assumptions, lambda a: budget_under(a).present_value)
    erosion_range = None
    if rate_basis[2024].startswith("assumption:"):
        low, high = assumptions.range("cpi_2024_dec_dec")
        erosion_range = (
            erosion_2025(tables, assumptions.replace(cpi_2024_dec_dec=low)),
            erosion_2025(tables, assumptions.replace(cpi_2024_dec_dec=high)),
        )

    # 5. comparisons
    fines_paid_period = float(fines_row["tenge"]) if fines_row is not None else None
    if fines_row is not None:
        basis["fines_collected_paid_period"] = f"source:{fines_row['source_id']}"
    latest = latest_fines_collected(table(tables, "payments"))
    latest_months = latest_per_month = latest_per_month_assumed = None
    if latest is not None:
        basis["fines_collected_latest"] = f"source:{latest['source_id']}"
        *latest_months, authors_months = fines_latest_months(latest, assumptions)
        latest_months = tuple(latest_months)
        basis["fines_latest_months"] = "assumption:fines_five_years_months"
        latest_per_month = tuple(float(latest["tenge"]) / m for m in reversed(latest_months))
        latest_per_month_assumed = float(latest["tenge"]) / authors_months
    recent = recent_fines_collected(table(tables, "payments"))
    recent_per_month = recent_period = None
    if recent is not None:
        earlier, later = recent
        first_month = (pd.Timestamp(earlier["period_end"]) + pd.offsets.MonthBegin(1)).date()
        recent_period = (first_month, as_date(later["period_end"]))
        recent_per_month = (float(later["tenge"]) - float(earlier["tenge"])) / months_between(
            *recent_period
        )

    # 6. the decision of 1 January 2027
    anchors = table(tables, "cost_anchors")
    total_cost = anchor_row(anchors, "almaty_total_cost_14_6")
    basis["total_cost_14_6"] = f"source:{total_cost['source_id']}"
    estimates = {"obligations": tariff, "payments": implied}
    expiry = contract_date(contract, "contract_expiry")
    covered = pd.to_datetime(deployment["date"]).max().date() >= expiry
    reconciliation = (
        None
        if not covered
        else reconcile(
            deployment,
            contract_date(contract, "service_start"),
            expiry,
            original,
            assumptions.service_term_months,
            estimates,
            obligations,
            float(total_cost["value"]),
            extension_year=BUDGET_YEAR,
            extension_complex_months=budget.complex_months,
            total_cost_source=str(total_cost["source_id"]),
        )
    )
    service_rows = [anchor_row(anchors, a) for a in ("pavlodar_service_2025", "karaganda_service")]
    for row in service_rows:
        basis[f"anchor:{row['anchor_id']}"] = f"source:{row['source_id']}"
    decision_day = contract_date(contract, "extension_end") + dt.timedelta(days=1)
    lead_low, lead_high = assumptions.range("procurement_lead_days")
    early_high = assumptions.range("procurement_announced_days_early")[1]
    # the stop-gap at its longest: the law's cap, the assumption's upper bound
    stopgap_months_at_most = int(assumptions.range("stopgap_months")[1])
    stopgap_end = term_end(decision_day, stopgap_months_at_most)
    contract_after_stopgap = stopgap_end + dt.timedelta(days=1)
    # the latest announcement for a contract from then, at the procurement's longest
    procurement_announced = latest_start(contract_after_stopgap, days=lead_high)
    pavlodar, karaganda = service_rows
    cm_to_end = (
        complex_months(deployment, contract_date(contract, "service_start"), expiry)
        if covered
        else float("nan")
    )
    # Pavlodar's cameras belong to at least the complexes installed in Pavlodar and at most
    # the region's plan (the two counts of its contract's row)
    try:
        cameras = cameras_per_complex(deployment, pavlodar)
    except MissingDataError:  # data without the camera counts (the edition published before)
        cameras = None
    else:
        basis["cameras_almaty"] = f"source:{cameras.almaty_source}"
        basis["cameras_pavlodar"] = f"source:{cameras.pavlodar_source}"
    appraisal_data = AppraisalData(
        existing=operating,
        additional=additional,
        obligations=obligations,
        original=original,
        implied_price=implied,
        pavlodar_sum_year=per_complex_year(
            float(pavlodar["value"]), float(pavlodar["term_years"]), 1
        ),
        pavlodar_complexes=float(pavlodar["complexes"]),
        pavlodar_complexes_low=float(pavlodar["complexes_low"]),
        pavlodar_price_year=int(str(pavlodar.get("period", BUDGET_YEAR - 1))[:4]),
        karaganda_year=per_complex_year(
            float(karaganda["value"]), float(karaganda["term_years"]), float(karaganda["complexes"])
        ),
        cpi_index={
            int(y): float(v)
            for y, v in cpi_chain_index(rates, base_year=base_year, years=range(2020, 2026)).items()
        },
        complex_months_to_end=cm_to_end,
        total_cost=float(total_cost["value"]),
        camera_factor=None if cameras is None else cameras.factor[0],
        pavlodar_term_years=float(pavlodar["term_years"]),
        procurement_announced=days_from_valuation(procurement_announced),
    )
    appraisal = appraise(appraisal_data, assumptions)
    share = assumptions.declared("new_complexes_in_service")
    one_basis = basis_figures(
        appraisal_data,
        {name: float(assumptions[name]) for name in BASIS_INPUTS},
        share.range,
        float(share.value)
        if share.distribution is None
        else median(*share.range, float(share.value), share.distribution.shape),
    )
    line = budget_line(appraisal, appraisal_data, assumptions, one_basis.pavlodar_year_city)
    # the contract's start behind the path's median: the announcement's days before the last
    # day and the procurement's length, drawn together
    median_delay = float(
        np.median(
            appraisal.inputs["procurement_lead_days"]
            - appraisal.inputs["procurement_announced_days_early"]
        )
    )
    contract_start_central = procurement_announced + dt.timedelta(days=round(median_delay))
    basis["extension_years"] = contract_basis(contract, "extension_years")

    return Results(
        assumptions=assumptions,
        original_scope=original,
        complexes_in_operation=operating,
        additional_complexes=additional,
        complexes_after_extension=after,
        growth_extension_vs_original=growth_ratio(after, original),
        growth_steps=growth_steps(deployment),
        milestones=milestones_vs_original(deployment, original),
        state_obligations=obligations,
        obligations_per_complex=obligations_per_complex(obligations, original),
        extension_end=contract_date(contract, "extension_end"),
        extension_years=contract_value(contract, "extension_years"),
        monthly_tariff=tariff,
        annual_tariff=tariff * 12,
        payment_period_start=pay_start,
        payment_period_end=pay_end,
        payment_period_months=pay_months,
        paid_to_partner=paid,
        complex_months_paid_period=cm_paid,
        implied_monthly_tariff=implied,
        tariff_estimates_ratio=implied / tariff,
        in_service_paid_period=in_service_by_month(deployment, pay_start, pay_end),
        tariff_by_term=tariff_by_term(obligations, original, TERM_SWEEP),
        tariff_at_term_range=tariff_by_term(
            obligations, original, _low_base_high(assumptions, "service_term_months")
        ),
        tariff_base_year=base_year,
        cpi_2024_used=rates[2024],
        cpi_2024_basis=rate_basis[2024],
        cpi_index=cpi_index,
        tariff_by_year=tariff_by_year,
        index_2025=float(index[2025]),
        erosion_2025_percent=real_erosion_percent(float(index[2025])),
        erosion_2026_percent=real_erosion_percent(float(index[BUDGET_YEAR])),
        erosion_2025_range=erosion_range,
        budget=budget,
        tornado_real_cost=tornado_real,
        tornado_present_value=tornado_pv,
        scenarios=scenario_rows(tables, assumptions),
        fines_collected_paid_period=fines_paid_period,
        fines_to_payments_ratio=(
            growth_ratio(fines_paid_period, paid) if fines_paid_period is not None else None
        ),
        fines_collected_latest=float(latest["tenge"]) if latest is not None else None,
        fines_latest_months=latest_months,
        fines_collected_latest_per_month=latest_per_month,
        fines_collected_latest_per_month_assumed=latest_per_month_assumed,
        fines_collected_recent_per_month=recent_per_month,
        fines_recent_period=recent_period,
        fines_forgone_in_gap_early=(
            assumptions.stopgap_months * fines_paid_period / pay_months
            if fines_paid_period is not None
            else None
        ),
        fines_forgone_in_gap=(
            tuple(assumptions.stopgap_months * p for p in latest_per_month)
            if latest_per_month is not None
            else None
        ),
        fines_forgone_in_gap_recent=(
            assumptions.stopgap_months * recent_per_month if recent_per_month is not None else None
        ),
        reconciliation=reconciliation,
        one_basis=one_basis,
        decision_day=decision_day,
        procurement_latest_start=latest_start(decision_day, days=assumptions.procurement_lead_days),
        ppp_latest_start=latest_start(decision_day, months=assumptions.ppp_competition_months),
        cameras=cameras,
        appraisal=appraisal,
        appraisal_data=appraisal_data,
        budget_line=line,
        camera_price=camera_price(cameras, appraisal_data.pavlodar_sum_year, line.per_camera_year),
        stopgap_months_at_most=stopgap_months_at_most,
        stopgap_end=stopgap_end,
        contract_after_stopgap=contract_after_stopgap,
        procurement_latest_start_in_stopgap=procurement_announced,
        stopgap_contract_start_central=contract_start_central,
        procurement_announced_range=(
            procurement_announced - dt.timedelta(days=int(early_high)),
            procurement_announced,
        ),
        procurement_latest_start_range=(
            latest_start(decision_day, days=lead_high),
            latest_start(decision_day, days=lead_low),
        ),
        implied_monthly_tariff_span=tuple(
            implied_tariff_from_payments(p, cm_paid) for p in rounding_interval(paid)
        ),
        paid_to_partner_span=rounding_interval(paid),
        shown_figures=shown_figures(appraisal_data, assumptions),
        basis=basis,
    )
