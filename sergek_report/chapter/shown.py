"""A model weight of the assumptions table shown as the quantity it places, in tenge or
complexes (params: an assumption's `shown_as`).

Three assumptions are weights between 0 and 1 that place a quantity between two sourced
figures: the current payment per complex-month between its two estimates, the service
contract's price between Pavlodar's and Karaganda's, the complexes Pavlodar's sum pays for
between the region's and the city's. The reader is shown the quantity, computed here by the
model's own functions (model/appraisal.py) at the weight's value and at both ends of its range,
the other assumptions at their declared values; nothing is typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sergek_report import labels as L
from sergek_report.chapter import fmt
from sergek_report.model import appraisal as A

# quantity key (params: shown_as.quantity) -> (assumptions it also reads, f(data, x, weight))
QUANTITIES: dict[str, tuple[tuple[str, ...], Callable]] = {
    # tenge per complex-month in 2026: estimate 2 (0) to estimate 1 (1)
    "current_price": (
        ("service_term_months",),
        lambda d, x, w: A.current_price(d, x["service_term_months"], w)[0],
    ),
    # tenge per complex-year at 2026 prices: Pavlodar's (0) to Karaganda's (1)
    "service_price_year": (
        ("karaganda_price_year", "inflation_2026", "pavlodar_coverage_weight"),
        lambda d, x, w: (
            12
            * A.service_price_2026(
                d, x["karaganda_price_year"], x["inflation_2026"], w, x["pavlodar_coverage_weight"]
            )[0]
        ),
    ),
    # the complexes Pavlodar's sum pays for: the region's (0) or the city's (1)
    "pavlodar_complexes": ((), lambda d, x, w: A.pavlodar_complexes(d, w)[0]),
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
    reads, f = QUANTITIES[item.shown_as.quantity]
    x = {name: float(results.assumptions[name]) for name in reads}
    data = results.appraisal_data
    low, high = item.range
    return tuple(float(f(data, x, w)) for w in (item.value, low, high))


def _number(value: float, scale: float, digits: int) -> str:
    return fmt.number(value / scale, digits)


def shown(item, results) -> Shown | None:
    """The row's texts for an assumption with `shown_as`; None for any other."""
    s = item.shown_as
    if s is None:
        return None
    value, at_low, at_high = figures(item, results)
    unit = L.translate(s.unit).replace(" ", fmt.NBSP)  # «тыс. тенге» on one line
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
