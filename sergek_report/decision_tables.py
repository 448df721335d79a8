"""The tables of the decision of 1 January 2027 as the report prints them (Russian text).

Presentation only: the figures come from `Results.options` and `Results.reconciliation`, the
words from data/options.csv, risks.csv, timeline.csv and gaps.csv.
"""

from __future__ import annotations

import pandas as pd

from . import fmt
from .model import Results

LEVELS = {"low": "низкая", "medium": "средняя", "high": "высокая"}
IMPACTS = {"low": "низкое", "medium": "среднее", "high": "высокое"}
ESTIMATE_NAMES = {
    "obligations": "Оценка 1: обязательства ÷ (766 АПК × срок)",
    "payments": "Оценка 2: выплата 2020–2022 ÷ комплексо-месяцы",
}
BASIS_TEXT = {
    "service_anchors": "сервисные договоры Павлодара и Караганды",
    "current_price": "две оценки нынешней платы за АПК",
    "reference_continuation_to_service": (
        "не оценивается: предложения 2025 г. не опубликованы; ценовые ориентиры допускают "
        "от цены на уровне оценок до цены сервисной модели"
    ),
    "equipment_only": (
        "не оценивается: нет цены обслуживания, ПО и условий передачи; ценовые ориентиры "
        "дают только оборудование, разово"
    ),
}


def bn(x: float) -> str:
    """Billions with one decimal, no unit: 9,6."""
    return fmt.number(x / 1e9, 1)


# Options the public facts cannot price: the range is only what the anchors allow.
UNPRICED = {"reference_continuation_to_service", "equipment_only"}


def cost_cell(row: pd.Series) -> str:
    """'9,6–91,6 млрд тенге (приведённая стоимость 7,5–75,1 млрд)' for an option row of
    `Results.options.table`; an option that cannot be priced says so first."""
    nominal = f"{bn(row['nominal_low'])}–{bn(row['nominal_high'])}"
    pv = f"{bn(row['pv_low'])}–{bn(row['pv_high'])}"
    if row["basis"] == "equipment_only":
        return f"не оценено; одно оборудование, разово: {nominal} млрд тенге"
    if row["basis"] in UNPRICED:
        return f"не оценено; ориентиры: {nominal} млрд тенге"
    return f"{nominal} млрд тенге (приведённая стоимость {pv} млрд)"


def decision_table(options: pd.DataFrame, results: Results, brief: bool = False) -> pd.DataFrame:
    """One row per option: route and approval, time, cost 2027–2029 and its basis."""
    costs = results.options.table.set_index("option_id")
    rows = []
    for _, o in options.iterrows():
        c = costs.loc[o["option_id"]]
        row = {
            "Вариант": o["name"],
            "Срок запуска": o["time_to_start"],
            "Стоимость 2027–2029 гг.": cost_cell(c),
            "Основание цены": BASIS_TEXT[c["basis"]],
        }
        if not brief:
            row = {
                "Вариант": o["name"],
                "Правовой путь; что утверждает маслихат": (
                    f"{o['legal_route']}. Маслихат: {o['council_approval']}"
                ),
                **{k: v for k, v in row.items() if k != "Вариант"},
            }
        rows.append(row)
    return pd.DataFrame(rows)


def ownership_table(options: pd.DataFrame, risks: pd.DataFrame) -> pd.DataFrame:
    """Who owns the complexes, the software and the data; the option's main risks."""
    names = risks.set_index("risk_id")["risk"]
    return pd.DataFrame(
        {
            "Вариант": options["name"],
            "Комплексы": options["assets_owner"],
            "ПО и данные": options["software_data"],
            "Главные риски": [
                "; ".join(names[r] for r in cell.split(";")) for cell in options["main_risks"]
            ],
        }
    )


def risk_register(risks: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Риск": risks["risk"],
            "Вероятность": risks["likelihood"].map(LEVELS),
            "Влияние": risks["impact"].map(IMPACTS),
            "Чем подтверждается": risks["evidence"],
            "Что снижает риск": risks["mitigation"],
        }
    )


def data_request(gaps: pd.DataFrame) -> pd.DataFrame:
    """The gaps as a request to the akimat, most urgent first."""
    ordered = gaps.sort_values("priority", kind="stable")
    return pd.DataFrame(
        {
            "Очередь": ordered["priority"].map(fmt.integer),
            "Документ": ordered["closing_document"],
            "У кого": ordered["holder"],
            "Что изменится в расчётах": ordered["effect_on_figures"],
        }
    )


def reconciliation_table(results: Results) -> pd.DataFrame:
    rc = results.reconciliation
    rows = []
    for _, r in rc.table.iterrows():
        rows.append(
            {
                "Оценка платы за АПК в месяц": ESTIMATE_NAMES.get(r["estimate"], r["estimate"]),
                "Тенге за АПК в месяц": fmt.integer(round(r["monthly"])),
                "2020–2025 гг., млрд тенге": bn(r["to_end"]),
                "К обязательствам 9,99 млрд": fmt.ratio(r["to_end_vs_obligations"]),
                "С 2026 г., млрд тенге": bn(r["with_extension"]),
                "К «общей стоимости»": fmt.ratio(r["with_extension_vs_total_cost"]),
            }
        )
    return pd.DataFrame(rows)


def timeline_table(timeline: pd.DataFrame, as_of) -> pd.DataFrame:
    """The chronology; a planned date before the edition's date is a deadline that passed."""
    as_of = pd.Timestamp(as_of)
    status = [
        "срок прошёл; исполнение не подтверждено"
        if s in ("planned", "estimate") and pd.Timestamp(d) < as_of
        else fmt.status_label(s)
        for d, s in zip(timeline["date"], timeline["status"], strict=True)
    ]
    when = [
        fmt.month_year(d) if p == "month" else ("≈ " if p == "approx" else "") + fmt.date_long(d)
        for d, p in zip(timeline["date"], timeline["date_precision"], strict=True)
    ]
    return pd.DataFrame(
        {
            "Дата": when,
            "Событие": timeline["event"],
            "Статус": status,
        }
    )
