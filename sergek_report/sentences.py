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


def more_or_less(low: float, high: float, reference: float) -> str:
    """How a range of estimates compares with a known sum, for «… — 11,3–12,6 млрд тенге,
    больше первоначальных обязательств»: "больше" when the whole range is above it, "меньше"
    when the whole range is below it, otherwise "в зависимости от оценки больше или меньше"."""
    if low > reference:
        return "больше"
    if high < reference:
        return "меньше"
    return "в зависимости от оценки больше или меньше"


# --- Рост сети (02_deployment) -----------------------------------------------------------------

# Months in the prepositional case, for «в ноябре 2024 года» (fmt has the genitive only).
MONTHS_PREPOSITIONAL = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)


def in_month(d: object) -> str:
    """The month and year of a date as a time in the sentence: 2024-11-30 -> «в ноябре 2024
    года»."""
    from .dates import as_date

    day = as_date(d)
    return f"в {MONTHS_PREPOSITIONAL[day.month - 1]} {day.year} года"


def count_against_earlier(deployment, reported) -> str:
    """The latest reported count against the earlier milestones, for «работает 1 641 — …»:
    «столько же, сколько уже в ноябре 2024 года» when an earlier milestone already had the
    same count (the earliest such one), otherwise the change since the previous milestone:
    «на 300 больше, чем в январе 2024 года». `deployment`: the milestones table (date,
    complexes); `reported`: its row of the latest reported milestone."""
    import pandas as pd

    from . import fmt
    from .dates import as_date

    dates = pd.to_datetime(deployment["date"])
    earlier = deployment[dates < pd.Timestamp(as_date(reported["date"]))]
    if earlier.empty:
        return "это первое сообщение о числе комплексов"
    same = earlier[earlier["complexes"] == reported["complexes"]]
    if not same.empty:
        return f"столько же, сколько уже {in_month(same['date'].iloc[0])}"
    previous = earlier.iloc[-1]
    change = reported["complexes"] - previous["complexes"]
    word = "больше" if change > 0 else "меньше"
    return f"на {fmt.integer(abs(change))} {word}, чем {in_month(previous['date'])}"


def site_split_intro(split) -> str:
    """The sentence before the table of complexes at intersections and on road sections
    (`split`: the milestones that give the split): what the sources say about the split, or
    that the data give none."""
    if split.empty:
        return "Разделение по типам участков в данных не приведено."
    return (
        "Разделение комплексов на перекрёстки и линейные участки известно лишь для отдельных "
        "дат, и источники расходятся между собой."
    )


# --- Стоимость комплекса (03_cost) ---------------------------------------------------------


# --- Реальный тариф (04_real_tariff) ----------------------------------------------------------


# --- Бюджет 2026 года (05_budget_2026) ---------------------------------------------------------


# --- Сравнения (06_comparisons) --------------------------------------------------------------


# --- Приложение (07_appendix) ------------------------------------------------------------------
