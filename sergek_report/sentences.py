"""Sentences whose wording depends on the data, for the chapters' inline expressions.

Most of the report's prose is written in the chapters' Markdown cells with values inline
({eval}`fmt.integer(r.original_scope)`). Where a sentence truly depends on the data — a list
built from rows, «больше»/«меньше» following a comparison, a clause that appears only when a
deadline has passed — a small function here returns the Markdown, and the cell calls it:
{eval}`sentences.deadline_clause(r, ch.edition)`. Each function is named for what it says.
"""

from __future__ import annotations

# --- Резюме (01_summary) --------------------------------------------------------------------


# --- Решение на 1 января 2027 года (01b_decision_2027) ------------------------------------


# --- Рост сети (02_deployment) -----------------------------------------------------------------


# --- Стоимость комплекса (03_cost) ---------------------------------------------------------


# --- Реальный тариф (04_real_tariff) ----------------------------------------------------------


# --- Бюджет 2026 года (05_budget_2026) ---------------------------------------------------------


# --- Сравнения (06_comparisons) --------------------------------------------------------------


# --- Приложение (07_appendix) ------------------------------------------------------------------
