"""A model weight of the assumptions table shown as the quantity it places, in tenge or
complexes (params: an assumption's `shown_as`; the figures: model/weights.py, kept in
`Results.shown_figures`).

A quantity the report prints elsewhere as a key figure keeps that figure's precision
(chapter/precision.py): the current payment «≈ 171 тыс. тенге», between estimate 2
«≈ 162 тыс.» and estimate 1 «181 064 тенге».
"""

from __future__ import annotations

from dataclasses import dataclass

from sergek_report import labels as L
from sergek_report.chapter import fmt, precision

# quantity key -> the key figures its value, its low end and its high end are (precision)
KEY_FIGURES = {
    "current_price": (
        "current_monthly_price",
        "implied_monthly_tariff_from_payments",
        "monthly_tariff_estimate",
    ),
}


@dataclass(frozen=True)
class Shown:
    """The texts of one row: label, value, range, and the distribution when it is not the
    declared shape's own name (two readings computed each on its own)."""

    label: str
    value: str
    range: str
    distribution: str | None = None


def figures(item, results) -> tuple[float, float, float]:
    """The quantity at the weight's value and at the low and high ends of its range."""
    return results.shown_figures[item.name]


def _number(value: float, scale: float, digits: int) -> str:
    return fmt.number(value / scale, digits)


def shown(item, results) -> Shown | None:
    """The row's texts for an assumption with `shown_as`; None for any other."""
    s = item.shown_as
    if s is None:
        return None
    value, at_low, at_high = figures(item, results)
    names = KEY_FIGURES.get(s.quantity)
    if names:  # printed as the report prints these key figures elsewhere
        base = L.translate("тенге")
        low_text, high_text = (
            precision.figure(n, v, "") for n, v in zip(names[1:], (at_low, at_high), strict=True)
        )
        span = L.SHOWN_SPAN.format(low=low_text, high=f"{high_text}{fmt.NBSP}{base}")
        return Shown(s.label, precision.figure(names[0], value, "тенге"), span)
    unit = L.translate(s.unit).replace(" ", fmt.NBSP)  # «млн тенге» on one line
    number = _number(value, s.scale, s.digits)
    # a value the printed digits round is marked «≈» (a count of complexes is not)
    rounded = round(value / s.scale, s.digits) != value / s.scale
    value_text = f"{fmt.APPROX}{fmt.NBSP}" * rounded + f"{number}{fmt.NBSP}{unit}"
    if s.either_or:  # two readings: each computed on its own
        first, second = (_number(v, s.scale, s.digits) for v in (at_low, at_high))
        span = L.EITHER_OR.format(first=first, second=second)
        return Shown(s.label, value_text, f"{span}{fmt.NBSP}{unit}", L.EITHER_OR_DISTRIBUTION)
    low, high = sorted((at_low, at_high))
    span = f"{_number(low, s.scale, s.digits)}{fmt.EN_DASH}{_number(high, s.scale, s.digits)}"
    return Shown(s.label, value_text, f"{span}{fmt.NBSP}{unit}")
