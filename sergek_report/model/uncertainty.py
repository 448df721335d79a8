"""The appraisal of one edition: point estimates and the joint Monte Carlo.

`appraise(data, assumptions)` evaluates `appraisal.evaluate` once at the declared values (the
point estimate) and once on `montecarlo.DRAWS` seeded draws of every assumption that declares
a distribution (the others stay at their value). It returns, for every output, the point
estimate, P10, P50, P90, the lowest and highest draw, and the share of its spread due to each
input (squared rank correlations). It runs once per edition, inside `results.compute`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sergek_report.errors import ParameterError
from sergek_report.inputs.edition import AssumptionValues
from sergek_report.model import montecarlo as mc
from sergek_report.model.appraisal import INPUTS, AppraisalData, days_from_valuation, evaluate


def _numeric(name: str, value) -> float:
    """Dates as the numbers `evaluate` takes."""
    if isinstance(value, dt.date):
        if name == "new_complexes_start":
            return float(value.month)
        return days_from_valuation(value)
    return float(value)


def _draws_as_inputs(name: str, column: np.ndarray) -> np.ndarray:
    if name == "new_complexes_start":
        return column.astype(int) % 12 + 1.0  # the month number of a month ordinal
    if name == "equipment_purchase_date":
        months = np.unique(column)
        days = {m: days_from_valuation(mc.ordinal_to_date(m)) for m in months}
        return np.array([days[m] for m in months])[np.searchsorted(months, column)]
    return column


def point_shift(
    data: AppraisalData, assumptions: AssumptionValues, output: str, shifts: dict[str, float]
) -> float:
    """How much an output's point estimate moves when some inputs move by `shifts` (name ->
    added amount, in the assumption's unit) and the rest stay at their declared values: the
    ready reckoner a reader applies to a fact learnt after the edition."""
    values = {n: _numeric(n, assumptions[n]) for n in INPUTS}
    moved = {n: v + shifts.get(n, 0.0) for n, v in values.items()}
    before, after = evaluate(data, values)[output], evaluate(data, moved)[output]
    return float(np.atleast_1d(after)[0] - np.atleast_1d(before)[0])


MIN_SHARE = 0.005  # a driver below half a percent of the spread is not named


@dataclass(frozen=True, eq=False)
class Uncertainty:
    """Point, P10, P50, P90, min and max of every output; what drives each spread."""

    draws: int
    seed: int
    # index: output name ("service.cash_2027", "estimates_ratio", …); columns: point, p10,
    # p50, p90, low, high
    summary: pd.DataFrame
    # index: output name; columns: input assumption names; values: share of the spread
    contributions: pd.DataFrame
    correlations: pd.DataFrame  # realised rank correlations of the drawn inputs
    # the draws as `evaluate` takes them (assumption name -> array): `held_threshold`
    # re-evaluates them with one input held
    inputs: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def get(self, output: str, column: str = "point") -> float:
        return float(self.summary.loc[output, column])

    def drivers(self, output: str, top: int = 3) -> pd.Series:
        row = self.contributions.loc[output]
        return row[row >= MIN_SHARE].sort_values(ascending=False).head(top)


def appraise(
    data: AppraisalData,
    assumptions: AssumptionValues,
    draws: int = mc.DRAWS,
    seed: int = mc.SEED,
) -> Uncertainty:
    values = {name: assumptions[name] for name in INPUTS}
    point = evaluate(data, {n: _numeric(n, v) for n, v in values.items()})
    distributions = {n: d for n, d in assumptions.distributions().items() if n in INPUTS}
    drawn = mc.sample(
        {n: values[n] for n in distributions},
        {n: assumptions.range(n) for n in distributions},
        {n: assumptions.declared(n).type for n in distributions},
        distributions,
        draws=draws,
        seed=seed,
    )
    x = {n: np.full(draws, _numeric(n, v)) for n, v in values.items()}
    for name in drawn.columns:
        x[name] = _draws_as_inputs(name, drawn[name].to_numpy())
    outputs = evaluate(data, x)
    input_ranks = mc.centred_ranks(drawn)
    design = mc.rank_design(drawn, input_ranks)  # one regression design for every output
    rows, shares = {}, {}
    for name, values_ in outputs.items():
        v = np.broadcast_to(values_, (draws,))
        p10, p50, p90 = mc.percentiles(v)
        rows[name] = {
            "point": float(np.atleast_1d(point[name])[0]),
            "p10": p10,
            "p50": p50,
            "p90": p90,
            "low": float(v.min()),
            "high": float(v.max()),
        }
        shares[name] = mc.contributions(drawn, v, design=design)
    inputs_frame = drawn.astype(float)
    ranked = pd.DataFrame(input_ranks, columns=inputs_frame.columns)
    return Uncertainty(
        draws=draws,
        seed=seed,
        summary=pd.DataFrame(rows).T,
        contributions=pd.DataFrame(shares).T.fillna(0.0),
        correlations=ranked.corr(),
        inputs=x,
    )


# the statistics the joint calculation reports («p10», «p50», «p90»), as percentiles of the
# draws (montecarlo.PERCENTILES, the summary's)
PERCENTS = {f"p{percent}": float(percent) for percent in mc.PERCENTILES}


def _held(data: AppraisalData, u: Uncertainty, output: str, name: str, value: float):
    """An output over the draws with input `name` held at `value` in every draw."""
    held = dict(u.inputs, **{name: np.full(u.draws, float(value))})
    return np.broadcast_to(evaluate(data, held)[output], (u.draws,))


def held_threshold(
    data: AppraisalData, u: Uncertainty, output: str, name: str, target: float, stat: str
) -> tuple[float, float]:
    """The value of input `name` at which an output's statistic over the draws, with that input
    held at the value in every draw and the others drawn, reaches `target`, and how much one
    unit more adds to the statistic there: «if 2026 inflation is above X %, the line's upper end
    exceeds it; each point more, +Y» (reviews s40a–s40n: a threshold from the point estimate
    left out the spread the line covers). The output must be linear in the input (the 2027
    cash is, in 2026 inflation: every new price is the 2025 price times it)."""
    percent = PERCENTS[stat]
    base = _held(data, u, output, name, 0.0)
    slope = _held(data, u, output, name, 1.0) - base  # per unit of the input, per draw

    def statistic(value: float) -> float:
        return float(np.percentile(base + slope * value, percent))

    low, high = -100.0, 1000.0
    if not statistic(low) <= target <= statistic(high):
        raise ParameterError(
            f"no value of the assumption {name} brings the {stat} of {output} to "
            f"{target / 1e9:.1f} bn tenge: check that assumption's range in params/"
        )
    for _ in range(100):  # bisection: the statistic grows with the input
        middle = (low + high) / 2
        low, high = (middle, high) if statistic(middle) < target else (low, middle)
    value = (low + high) / 2
    return value, statistic(value + 1) - statistic(value)
