"""The model weights shown as the quantities they place (params: an assumption's `shown_as`).

Three assumptions are weights between 0 and 1 that place a quantity between two sourced
figures: the current payment per complex-month between its two estimates, the service
contract's price between Pavlodar's and Karaganda's, the complexes Pavlodar's sum pays for
between the region's and the city's. The reader is shown the quantity, computed here by the
appraisal's own functions (model/appraisal.py) at the weight's value and at both ends of its
range, the other assumptions at their declared values; nothing is typed. The results keep the
figures (`Results.shown_figures`), so that every number printed traces to the model.
"""

from __future__ import annotations

from collections.abc import Callable

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


def shown_figures(data: A.AppraisalData, assumptions) -> dict[str, tuple[float, float, float]]:
    """Assumption name -> the quantity at its value, at its range's low end and at its high
    end, for every assumption declared with `shown_as`; a quantity the model does not know
    stops the build with its name."""
    figures = {}
    for name, shown in assumptions.shown().items():
        if shown.quantity not in QUANTITIES:
            raise KeyError(
                f"assumption {name!r}: shown_as.quantity {shown.quantity!r} is not one of "
                f"{sorted(QUANTITIES)} (model/weights.py)"
            )
        reads, f = QUANTITIES[shown.quantity]
        x = {n: float(assumptions[n]) for n in reads}
        low, high = assumptions.range(name)
        figures[name] = tuple(float(f(data, x, w)) for w in (assumptions[name], low, high))
    return figures
