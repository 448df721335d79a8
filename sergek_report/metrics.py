"""The key figures of an edition, as metrics.json lists them (name, label, value, unit, basis)."""

from __future__ import annotations

import math

from .fmt import month_year
from .model import Results
from .prices import BUDGET_YEAR


def _decision_rows(r: Results) -> list[tuple[str, str, float | None, str, str]]:
    """The reconciliation 2020–2025 and the option ranges 2027–2029."""
    rc, o = r.reconciliation, r.options
    term = "assumption:service_term_months"
    rows: list[tuple[str, str, float | None, str, str]] = (
        []
        if rc is None
        else [
            (
                "complex_months_2020_2025",
                "Комплексо-месяцы 2020–2025 годов (по вехам сети)",
                rc.complex_months,
                "комплексо-месяцев",
                "derived",
            ),
            (
                "contract_complex_months",
                "Комплексо-месяцы по исходному договору",
                rc.contract_complex_months,
                "комплексо-месяцев",
                term,
            ),
            (
                "complex_months_vs_contract",
                "Комплексо-месяцы 2020–2025 к исходному договору",
                rc.complex_months_ratio,
                "раз",
                term,
            ),
            (
                "payments_2020_2025_at_obligations_estimate",
                "Оценка выплат 2020–2025 годов по оценке тарифа из обязательств",
                rc.payments("obligations"),
                "тенге",
                term,
            ),
            (
                "payments_2020_2025_at_payments_estimate",
                "Оценка выплат 2020–2025 годов по средней выплате 2020–2022 годов",
                rc.payments("payments"),
                "тенге",
                "derived",
            ),
        ]
    )
    for key, label, cost, basis in (
        ("stopgap", "Временная мера на два месяца", o.stopgap, "assumption:stopgap_months"),
        (
            "continuation",
            "Цена на уровне оценок, 2027–2029",
            o.continuation,
            "assumption:price_growth_2027_2029",
        ),
        (
            "service",
            "Сервисная модель по ценам Павлодара и Караганды, 2027–2029",
            o.service,
            "derived",
        ),
        (
            "equipment",
            "Оборудование для всех комплексов (разово)",
            o.equipment,
            "assumption:replacement_capex_per_complex",
        ),
    ):
        rows += [
            (
                f"option_{key}_nominal_low",
                f"{label}: номинал, нижняя граница",
                cost.nominal_low,
                "тенге",
                basis,
            ),
            (
                f"option_{key}_nominal_high",
                f"{label}: номинал, верхняя граница",
                cost.nominal_high,
                "тенге",
                basis,
            ),
            (
                f"option_{key}_pv_low",
                f"{label}: приведённая стоимость, нижняя граница",
                cost.pv_low,
                "тенге",
                "assumption:discount_rate",
            ),
            (
                f"option_{key}_pv_high",
                f"{label}: приведённая стоимость, верхняя граница",
                cost.pv_high,
                "тенге",
                "assumption:discount_rate",
            ),
        ]
    return rows


def key_metrics(results: Results) -> list[dict]:
    """Headline figures for metrics.json: name, label, value, unit, basis (machine-readable)."""
    r, b = results, results.budget
    paid_period = f"{month_year(r.payment_period_start)} – {month_year(r.payment_period_end)}"
    by_year = r.tariff_by_year.set_index("year")
    first_year = r.tariff_base_year

    # The end-2025 index rests on an assumption when the 2024 rate is not in cpi.csv.
    index_basis = r.cpi_2024_basis if r.cpi_2024_basis.startswith("assumption:") else "derived"

    def src(name: str) -> str:
        return r.basis.get(name, "derived")

    rows: list[tuple[str, str, float | None, str, str]] = [
        (
            "original_scope",
            "Комплексы по исходному договору",
            r.original_scope,
            "АПК",
            src("original_scope"),
        ),
        (
            "complexes_in_operation",
            "Комплексы в работе до установки новых",
            r.complexes_in_operation,
            "АПК",
            src("complexes_in_operation"),
        ),
        (
            "complexes_after_extension",
            "Комплексы после установки 350 новых",
            r.complexes_after_extension,
            "АПК",
            "derived",
        ),
        (
            "growth_extension_vs_original",
            "Рост сети к исходному договору",
            r.growth_extension_vs_original,
            "раз",
            "derived",
        ),
        (
            "state_obligations",
            "Государственные обязательства по исходному договору",
            r.state_obligations,
            "тенге",
            src("state_obligations"),
        ),
        (
            "obligations_per_complex",
            "Обязательства на один комплекс",
            r.obligations_per_complex,
            "тенге",
            "derived",
        ),
        (
            "monthly_tariff_estimate",
            "Оценка тарифа за комплекс в месяц",
            r.monthly_tariff,
            "тенге",
            "assumption:service_term_months",
        ),
        (
            "annual_tariff_estimate",
            "Оценка тарифа за комплекс в год",
            r.annual_tariff,
            "тенге",
            "assumption:service_term_months",
        ),
        (
            "implied_monthly_tariff_from_payments",
            f"Средняя выплата за комплекс в месяц ({paid_period})",
            r.implied_monthly_tariff,
            "тенге",
            "derived",
        ),
        (
            "tariff_estimates_ratio",
            "Отношение средней выплаты к оценке тарифа",
            r.tariff_estimates_ratio,
            "раз",
            "assumption:service_term_months",
        ),
        (
            "cpi_index_2025",
            f"Индекс цен, декабрь 2025 (декабрь {first_year} = 100)",
            r.index_2025,
            "пунктов",
            index_basis,
        ),
        (
            "real_erosion_2025",
            "Потеря реальной стоимости тарифа к концу 2025 года",
            r.erosion_2025_percent,
            "%",
            index_basis,
        ),
        (
            "real_erosion_2026",
            "Потеря реальной стоимости тарифа к концу 2026 года",
            r.erosion_2026_percent,
            "%",
            "assumption:inflation_2026",
        ),
        (
            f"tariff_in_mrp_{first_year}",
            f"Тариф в МРП, {first_year} год",
            float(by_year.loc[first_year, "tariff_in_mrp"]),
            "МРП",
            "assumption:service_term_months",
        ),
        (
            "tariff_in_mrp_2026",
            "Тариф в МРП, 2026 год",
            float(by_year.loc[BUDGET_YEAR, "tariff_in_mrp"]),
            "МРП",
            "assumption:service_term_months",
        ),
        (
            "complex_months_2026",
            "Комплексо-месяцы 2026 года",
            b.complex_months,
            "комплексо-месяцев",
            "assumption:new_complexes_start",
        ),
        (
            "budget_2026_nominal",
            "Расходы бюджета 2026 года (номинал)",
            b.nominal,
            "тенге",
            "assumption:service_term_months",
        ),
        (
            "budget_2026_real_2021",
            "Расходы бюджета 2026 года в тенге 2021 года",
            b.real_2021_tenge,
            "тенге",
            "assumption:inflation_2026",
        ),
        (
            "budget_2026_present_value",
            "Приведённая стоимость платежей 2026 года",
            b.present_value,
            "тенге",
            "assumption:discount_rate",
        ),
        (
            "fines_to_payments_ratio",
            f"Штрафы в бюджет к выплатам партнёру ({paid_period})",
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
