"""The budget line the memo proposes for 2027, as the model computes it once per edition.

The line is the upper bound (P90) of the likely path at the one verified price, at the dearer
reading of it: the stop-gap (the law's two months at today's price), then the contract at
Pavlodar's price with its sum taken to pay for the city's complexes only. That path is dearer
than the gap (the same contract, no stop-gap), so the line holds either. The contract from the
first day needs more, and the memo says how much more: it is unlikely (its procurement would
have to be announced within days of the edition), and it would need an amendment. Reviews
s14a–s15b: a line sized to the first day's upper end at the dearer reading stacked two cautious
choices the report itself calls unlikely and unconfirmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sergek_report.inputs.edition import AssumptionValues
from sergek_report.model.appraisal import YEARS, AppraisalData
from sergek_report.model.uncertainty import Uncertainty, point_shift

# The line: the stop-gap, then the contract at Pavlodar's city price, 2027 cash, its P90.
BUDGET_LINE = "service_pavlodar_city.cash_2027"
BUDGET_LINE_STAT = "p90"
# The same path if Pavlodar's sum covers the region's complexes: the cheaper reading.
CHEAPER_READING = "service_pavlodar_region.cash_2027"
# The paths realistic on 1 January at Pavlodar's prices, the dearer reading: the stop-gap if
# the lawyers confirm it, else the gap, each then the contract. The line is the dearer of
# the two (the stop-gap adds its fee to the same contract).
REALISTIC_PATHS = (BUDGET_LINE, "no_bridge_pavlodar_city.cash_2027")
# The contract from the first day at the dearer reading: what the line does not cover.
FIRST_DAY = "pavlodar_city.cash_2027"
RECKONER_COMPLEXES = 100  # «каждые 100 комплексов»: the memo's step of the network


@dataclass(frozen=True)
class BudgetLine:
    """The proposed 2027 line and what the memo says of it, in tenge unless said."""

    amount: float
    amount_cheaper: float  # the same path and statistic at the cheaper reading («14,2»)
    # the 2026 inflation up to which the line holds its path's point estimate (14,2 %: the
    # memo's «запас — 1,9 пункта» over the assumed 12,3 %) and how much one point more
    # adds to it (the memo's reckoner)
    covered_inflation: float
    per_inflation_point: float
    per_fewer_complexes: float  # RECKONER_COMPLEXES fewer new complexes (a negative amount)
    per_fewer_complexes_cheaper: float  # the same at the cheaper reading (the region's)
    # the contract from the first day at the dearer reading at the line's statistic (28,4)
    first_day: float
    # the line's case in the later years of a three-year contract, at the line's statistic
    # (the appendix's table by year: «31,1 и 34,3»), and the same at the cheaper reading
    # («17,7 и 19,6»; review s15f: the memo gave the later years of one reading only). Their
    # three years together are Table 1's (reviews s15f, s16b: a three-year upper end beside
    # the years' did not add up, as upper ends do not)
    later_years: tuple[float, ...] = ()
    later_years_cheaper: tuple[float, ...] = ()
    # Pavlodar's sum paid per camera: a complex of Almaty's cameras then costs the same at
    # either reading (8,02 mn × 1,79 = 14,04 mn × 1,02 = 14,36 mn), so the line times the
    # city reading's factor (model/cameras.py): «около 25», about 0,6 above the line (review
    # s16d: the region's factor on the region's line scaled its months at today's tariff too);
    # None without the camera counts
    per_camera: float | None = None

    @property
    def first_day_extra(self) -> float:
        """What the contract from the first day needs above the line («около 4»: an
        amendment)."""
        return self.first_day - self.amount


def budget_line(
    appraisal: Uncertainty,
    data: AppraisalData,
    assumptions: AssumptionValues,
    camera_factor: float | None = None,
) -> BudgetLine:
    """The line from the joint calculation and the point estimate's reckoner; `camera_factor`:
    Almaty's cameras per complex over those of Pavlodar's city (its 240 complexes)."""
    amount = appraisal.get(BUDGET_LINE, BUDGET_LINE_STAT)
    fewer = -100.0 * RECKONER_COMPLEXES / data.additional  # in per cent of the new complexes
    per_point = point_shift(data, assumptions, BUDGET_LINE, {"inflation_2026": 1.0})
    # the path's cost is linear in 2026 inflation: the line holds its point estimate up to
    covered = assumptions.inflation_2026 + (amount - appraisal.get(BUDGET_LINE)) / per_point
    path, cheaper = BUDGET_LINE.split(".")[0], CHEAPER_READING.split(".")[0]

    def later(reading: str) -> tuple[float, ...]:
        return tuple(
            appraisal.get(f"{reading}.cash_{year}", BUDGET_LINE_STAT) for year in YEARS[1:]
        )

    return BudgetLine(
        amount=amount,
        amount_cheaper=appraisal.get(CHEAPER_READING, BUDGET_LINE_STAT),
        covered_inflation=covered,
        per_inflation_point=per_point,
        per_fewer_complexes=point_shift(
            data, assumptions, BUDGET_LINE, {"new_complexes_in_service": fewer}
        ),
        per_fewer_complexes_cheaper=point_shift(
            data, assumptions, CHEAPER_READING, {"new_complexes_in_service": fewer}
        ),
        first_day=appraisal.get(FIRST_DAY, BUDGET_LINE_STAT),
        later_years=later(path),
        later_years_cheaper=later(cheaper),
        per_camera=None if camera_factor is None else amount * camera_factor,
    )
