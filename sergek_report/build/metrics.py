"""The key figures of an edition, as metrics.json lists them (name, label, value, unit, basis).

The labels are in labels.py (KEY_FIGURES, APPRAISAL_OPTIONS); the figures a label names (years,
the complexes to be installed) are filled in here from the results.
"""

from __future__ import annotations

import math

from sergek_report import labels as L
from sergek_report.chapter import decision_tables, fmt
from sergek_report.model.appraisal import YEARS as APPRAISAL_YEARS
from sergek_report.model.appraisal import key_figure_name
from sergek_report.model.budget_line import BUDGET_LINE_FIGURE
from sergek_report.model.prices import BUDGET_YEAR
from sergek_report.model.results import Results

# The basis of a figure of the joint calculation of uncertainty: it rests on every assumption
# at once (an estimate, not arithmetic on published figures).
JOINT_BASIS = "assumptions"


# The data tables each key figure is computed from (data/<name>.csv), so that the changes
# block can say why a figure moved: «обновлены данные: развёртывание комплексов, …». A figure
# not listed here is said to follow the updated data in general.
READS = {
    "original_scope": ("contract",),
    "complexes_in_operation": ("deployment",),
    "complexes_after_extension": ("deployment", "contract"),
    "growth_extension_vs_original": ("deployment", "contract"),
    "state_obligations": ("contract",),
    "obligations_per_complex": ("contract",),
    "monthly_tariff_estimate": ("contract",),
    "annual_tariff_estimate": ("contract",),
    "implied_monthly_tariff_from_payments": ("deployment", "payments"),
    "tariff_estimates_ratio": ("contract", "deployment", "payments"),
    "fines_to_payments_ratio": ("payments",),
    "complex_months_2020_2025": ("deployment",),
    "contract_complex_months": ("contract",),
    "complex_months_vs_contract": ("contract", "deployment"),
    "payments_2020_2025_at_obligations_estimate": ("contract", "deployment"),
    "payments_2020_2025_at_payments_estimate": ("deployment", "payments"),
}

# The model's figures each key figure is computed from (Results attributes), so that the
# changes block can name the one that moved, old → new: «комплексо-месяцы за январь 2020 —
# август 2022: было ≈ 14,7 тыс., стало ≈ 16,1 тыс.» (review s11d, item 8), not every table the
# figure reads (the payments table holds the fines too, which do not enter the average). The
# words are the catalog's (labels.CHANGE_DRIVERS); metrics.json records the values (`drivers`),
# and the published baseline with them: the backtest checks them against its inputs. A
# baseline without them: the reason names the data tables the figure reads (READS).
DRIVERS = {
    "implied_monthly_tariff_from_payments": ("complex_months_paid_period", "paid_to_partner"),
    "tariff_estimates_ratio": ("complex_months_paid_period", "paid_to_partner", "monthly_tariff"),
}


def driver_values(r: Results) -> dict[str, float]:
    """The figures of DRIVERS in this edition, rounded as the key figures are."""
    names = dict.fromkeys(name for names in DRIVERS.values() for name in names)
    return {name: round(float(getattr(r, name)), 4) for name in names}


def label_values(r: Results) -> dict[str, str]:
    """The figures the key figures' labels name, computed from the results."""
    rc = r.reconciliation
    return {
        "additional": fmt.integer(r.additional_complexes),
        # a span of months, the spaced em dash of every range of dates: «январь 2020 — август 2022»
        "paid_period": fmt.period(r.payment_period_start, r.payment_period_end),
        "paid_years": fmt.year_range(r.payment_period_start, r.payment_period_end),
        "reconciled_years": fmt.MISSING if rc is None else fmt.year_range(rc.start, rc.end),
        "base_year": fmt.year(r.tariff_base_year),
        "index_year": fmt.year(BUDGET_YEAR - 1),
        "budget_year": fmt.year(BUDGET_YEAR),
        "line_year": fmt.year(APPRAISAL_YEARS[0]),
    }


def key_figure_labels(r: Results) -> dict[str, str]:
    """The labels of the key figures, with their figures filled in."""
    values = label_values(r)
    return {name: text.format(**values) for name, text in L.KEY_FIGURES.items()}


def _decision_rows(r: Results) -> list[tuple[str, str, float | None, str, str]]:
    """The reconciliation 2020–2025 and the options on one basis 2027–2029."""
    rc = r.reconciliation
    label = key_figure_labels(r)
    term = "assumption:service_term_months"
    rows: list[tuple[str, str, float | None, str, str]] = (
        []
        if rc is None
        else [
            (
                "complex_months_2020_2025",
                label["complex_months_2020_2025"],
                rc.complex_months,
                "комплексо-месяцев",
                "derived",
            ),
            (
                "contract_complex_months",
                label["contract_complex_months"],
                rc.contract_complex_months,
                "комплексо-месяцев",
                term,
            ),
            (
                "complex_months_vs_contract",
                label["complex_months_vs_contract"],
                rc.complex_months_ratio,
                "раз",
                term,
            ),
            (
                "payments_2020_2025_at_obligations_estimate",
                label["payments_2020_2025_at_obligations_estimate"],
                rc.payments("obligations"),
                "тенге",
                term,
            ),
            (
                "payments_2020_2025_at_payments_estimate",
                label["payments_2020_2025_at_payments_estimate"],
                rc.payments("payments"),
                "тенге",
                "derived",
            ),
        ]
    )
    return rows + _appraisal_rows(r, label)


def _appraisal_rows(
    r: Results, labels: dict[str, str]
) -> list[tuple[str, str, float | None, str, str]]:
    """Each option's and branch's 2027 budget line, 2027–2029 cash and present value on one
    basis: the point estimate and P10/P50/P90 of the joint Monte Carlo."""
    u = r.appraisal
    if u is None:
        return []
    spread = {k: v for k, v in L.APPRAISAL_STATS.items() if k in ("p10", "p50", "p90")}

    def figure(output: str, label: str, measure: str, stat: str) -> tuple:
        measure_label = L.APPRAISAL_MEASURES[measure].format(
            first=APPRAISAL_YEARS[0], years=f"{APPRAISAL_YEARS[0]}–{APPRAISAL_YEARS[-1]}"
        )
        return (
            key_figure_name(f"{output}.{measure}", stat),
            L.APPRAISAL_FIGURE.format(
                option=label, measure=measure_label, stat=L.APPRAISAL_STATS[stat]
            ),
            u.get(f"{output}.{measure}", stat),
            "тенге",
            "derived",
        )

    # the proposed line first: the memo's figure, rounded up from an option's upper end
    rows: list[tuple[str, str, float | None, str, str]] = [
        (
            BUDGET_LINE_FIGURE,
            labels["budget_line"],
            r.budget_line.amount,
            "тенге",
            # the joint calculation's upper end, rounded up (review s19a: «шаг округления»
            # alone named the rounding, not what is rounded)
            "assumptions",
        )
    ] + [
        figure(option, L.APPRAISAL_OPTIONS[option], measure, stat)
        # the path per camera only where the data give the camera counts
        for option in decision_tables.priced(r, L.APPRAISAL_OPTIONS)
        for measure in L.APPRAISAL_MEASURES
        for stat in (L.APPRAISAL_STATS if measure == "cash_2027" else spread)
    ]
    for output in ("estimates_ratio", "estimate2_vs_total_cost"):
        for stat in ("p10", "p50", "p90"):
            rows.append(
                (
                    f"{output}_{stat}",
                    L.APPRAISAL_FIGURE.format(
                        option=L.RECONCILIATION_FIGURES[output],
                        measure=L.RECONCILIATION_FIGURES["measure"],
                        stat=L.APPRAISAL_STATS[stat],
                    ),
                    u.get(output, stat),
                    "",  # a ratio «к …», printed bare on either side of one: «0,89», «1,02»
                    JOINT_BASIS,
                )
            )
    return rows


def key_metrics(results: Results) -> list[dict]:
    """Headline figures for metrics.json: name, label, value, unit, basis (machine-readable)."""
    r, b = results, results.budget
    label = key_figure_labels(r)
    by_year = r.tariff_by_year.set_index("year")
    first_year = r.tariff_base_year

    # The end-2025 index rests on an assumption when the 2024 rate is not in cpi.csv.
    index_basis = r.cpi_2024_basis if r.cpi_2024_basis.startswith("assumption:") else "derived"

    def src(name: str) -> str:
        return r.basis.get(name, "derived")

    rows: list[tuple[str, str, float | None, str, str]] = [
        (
            "original_scope",
            label["original_scope"],
            r.original_scope,
            "АПК",
            src("original_scope"),
        ),
        (
            "complexes_in_operation",
            label["complexes_in_operation"],
            r.complexes_in_operation,
            "АПК",
            src("complexes_in_operation"),
        ),
        (
            "complexes_after_extension",
            label["complexes_after_extension"],
            r.complexes_after_extension,
            "АПК",
            "derived",
        ),
        (
            "growth_extension_vs_original",
            label["growth_extension_vs_original"],
            r.growth_extension_vs_original,
            "раз",
            "derived",
        ),
        (
            "state_obligations",
            label["state_obligations"],
            r.state_obligations,
            "тенге",
            src("state_obligations"),
        ),
        (
            "obligations_per_complex",
            label["obligations_per_complex"],
            r.obligations_per_complex,
            "тенге",
            "derived",
        ),
        (
            "monthly_tariff_estimate",
            label["monthly_tariff_estimate"],
            r.monthly_tariff,
            "тенге",
            "assumption:service_term_months",
        ),
        (
            "annual_tariff_estimate",
            label["annual_tariff_estimate"],
            r.annual_tariff,
            "тенге",
            "assumption:service_term_months",
        ),
        (
            "implied_monthly_tariff_from_payments",
            label["implied_monthly_tariff_from_payments"],
            r.implied_monthly_tariff,
            "тенге",
            "derived",
        ),
        (
            "tariff_estimates_ratio",
            label["tariff_estimates_ratio"],
            r.tariff_estimates_ratio,
            "раз",
            "assumption:service_term_months",
        ),
        (
            "cpi_index_2025",
            label["cpi_index_2025"],
            r.index_2025,
            "пунктов",
            index_basis,
        ),
        (
            "real_erosion_2025",
            label["real_erosion_2025"],
            r.erosion_2025_percent,
            "%",
            index_basis,
        ),
        (
            "real_erosion_2026",
            label["real_erosion_2026"],
            r.erosion_2026_percent,
            "%",
            "assumption:inflation_2026",
        ),
        (
            f"tariff_in_mrp_{first_year}",
            label["tariff_in_mrp_base_year"],
            float(by_year.loc[first_year, "tariff_in_mrp"]),
            "МРП",
            "assumption:service_term_months",
        ),
        (
            "tariff_in_mrp_2026",
            label["tariff_in_mrp_2026"],
            float(by_year.loc[BUDGET_YEAR, "tariff_in_mrp"]),
            "МРП",
            "assumption:service_term_months",
        ),
        (
            "complex_months_2026",
            label["complex_months_2026"],
            b.complex_months,
            "комплексо-месяцев",
            "assumption:new_complexes_start",
        ),
        (
            "budget_2026_nominal",
            label["budget_2026_nominal"],
            b.nominal,
            "тенге",
            "assumption:service_term_months",
        ),
        (
            "budget_2026_real_2021",
            label["budget_2026_real_2021"],
            b.real_2021_tenge,
            "тенге",
            "assumption:inflation_2026",
        ),
        (
            "budget_2026_present_value",
            label["budget_2026_present_value"],
            b.present_value,
            "тенге",
            "assumption:discount_rate",
        ),
        (
            "fines_to_payments_ratio",
            label["fines_to_payments_ratio"],
            r.fines_to_payments_ratio,
            "раз",
            "derived",
        ),
        *_decision_rows(r),
    ]
    return [
        {
            "name": name,
            "label": label,
            "value": round(float(value), 4),
            "unit": unit,
            "basis": basis,
        }
        for name, label, value, unit, basis in rows
        if value is not None and not math.isnan(float(value))
    ]
