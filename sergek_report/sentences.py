"""Sentences whose wording depends on the data, for the chapters' inline expressions.

Most of the report's prose is written in the chapters' Markdown cells with values inline
({eval}`fmt.integer(r.original_scope)`). Where a sentence truly depends on the data — a list
built from rows, «больше»/«меньше» following a comparison, a clause that appears only when a
deadline has passed — a small function here returns the Markdown, and the cell calls it:
{eval}`sentences.deadline_clause(r, ch.edition)`. Each function is named for what it says.
"""

from __future__ import annotations

from babel.dates import format_date

from . import fmt
from .dates import as_date

# --- Резюме (01_summary) --------------------------------------------------------------------


def day_month(d: object) -> str:
    """Day and month of a date in the genitive, without the year: 2027-01-01 -> «1 января»
    (for «с 1 января», «после 31 декабря 2026 года», where the year is written apart)."""
    return format_date(as_date(d), "d MMMM", locale=fmt.LOCALE)


def deadline_with_status(deadline: object, edition_date: object) -> str:
    """A deadline's date, followed by «, и этот срок прошёл» once the edition is later:
    «2 ноября 2026 г., и этот срок прошёл» or «2 ноября 2026 г.»."""
    text = fmt.date_long(deadline)
    if as_date(edition_date) > as_date(deadline):
        text += ", и этот срок прошёл"
    return text


def real_value_lost(r, assumptions) -> str:
    """The tariff's real loss by the end of 2025, with the caveat when the 2024 inflation it
    rests on is an assumption: «37,8 % реальной стоимости (инфляция 2024 года — допущение)»."""
    text = f"{fmt.percent(r.erosion_2025_percent)} реальной стоимости"
    if str(r.cpi_2024_basis).startswith("assumption:"):
        name = str(r.cpi_2024_basis).split(":", 1)[1]
        text += f" ({assumptions.declared(name).short_label.lower()} — допущение)"
    return text


# --- Решение на 1 января 2027 года (01b_decision_2027) ------------------------------------


# --- Рост сети (02_deployment) -----------------------------------------------------------------


# --- Стоимость комплекса (03_cost) ---------------------------------------------------------


# --- Реальный тариф (04_real_tariff) ----------------------------------------------------------


# --- Бюджет 2026 года (05_budget_2026) ---------------------------------------------------------


# --- Сравнения (06_comparisons) --------------------------------------------------------------


# --- Приложение (07_appendix) ------------------------------------------------------------------
