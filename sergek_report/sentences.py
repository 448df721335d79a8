"""Sentences whose wording depends on the data, for the chapters' inline expressions.

Most of the report's prose is written in the chapters' Markdown cells with values inline
({eval}`fmt.integer(r.original_scope)`). Where a sentence truly depends on the data — a list
built from rows, «больше»/«меньше» following a comparison, a clause that appears only when a
deadline has passed — a small function here returns the Markdown, and the cell calls it:
{eval}`sentences.deadline_clause(r, ch.edition)`. Each function is named for what it says.
"""

from __future__ import annotations

from . import fmt

# --- Резюме (01_summary) --------------------------------------------------------------------


# --- Решение на 1 января 2027 года (01b_decision_2027) ------------------------------------


# --- Рост сети (02_deployment) -----------------------------------------------------------------


# --- Стоимость комплекса (03_cost) ---------------------------------------------------------


# --- Реальный тариф (04_real_tariff) ----------------------------------------------------------


# --- Бюджет 2026 года (05_budget_2026) ---------------------------------------------------------


# --- Сравнения (06_comparisons) --------------------------------------------------------------


def fines_against_payments(r) -> str:
    """The fines collected in the period of the published payment to the partner, against that
    payment: «За январь 2020 — август 2022 в бюджет города поступило 17,5 млрд тенге штрафов,
    партнёру выплачено 2,6 млрд тенге: в **6,73 раза** больше.» «Меньше» when the fines were
    the smaller sum; when the fines of that period are not published, says so."""
    period = fmt.period(r.payment_period_start, r.payment_period_end)
    paid = fmt.compact_tenge(r.paid_to_partner)
    ratio = r.fines_to_payments_ratio
    times = ("раз", "раза", "раз")
    if ratio is None or r.fines_collected_paid_period is None:
        return (
            f"За {period} партнёру выплачено {paid}; сколько штрафов поступило в бюджет города "
            "за тот же период, не опубликовано."
        )
    if fmt.ratio(ratio) == "1":
        comparison = "примерно столько же"
    elif ratio > 1:
        comparison = f"в **{fmt.count(ratio, times, 2)}** больше"
    else:
        comparison = f"в **{fmt.count(1 / ratio, times, 2)}** меньше"
    return (
        f"За {period} в бюджет города поступило {fmt.compact_tenge(r.fines_collected_paid_period)} "
        f"штрафов, партнёру выплачено {paid}: {comparison}."
    )


# --- Приложение (07_appendix) ------------------------------------------------------------------
