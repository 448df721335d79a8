"""The budget line the memo proposes for 2027, as the model computes it once per edition.

The line is the upper bound (P90) of the dearest path at the one verified price: the contract
from the first day at Pavlodar's price, its sum taken to pay for the city's complexes only. The
memo states it as a product a reader can check (the network × Pavlodar's price for a complex's
year before 2026 inflation × the 2026 inflation it covers), with a ready reckoner for the
answers it asks the akimat for.
"""

from __future__ import annotations

from dataclasses import dataclass

from sergek_report.inputs.edition import AssumptionValues
from sergek_report.model.appraisal import YEARS, AppraisalData, BasisFigures
from sergek_report.model.uncertainty import Uncertainty, point_shift

# The line: the contract from the first day at Pavlodar's city price, 2027 cash, its P90.
BUDGET_LINE = "pavlodar_city.cash_2027"
BUDGET_LINE_STAT = "p90"
# The same contract if Pavlodar's sum covers the region's complexes: the cheaper reading.
CHEAPER_READING = "pavlodar_region.cash_2027"
# The paths realistic on 1 January at Pavlodar's prices, the dearer reading: the stop-gap if
# the lawyers confirm it, else the gap, each then the contract. The memo and the cover say
# what the dearer of the two needs at the line's statistic, and the line's margin above it.
REALISTIC_PATHS = ("service_pavlodar_city.cash_2027", "no_bridge_pavlodar_city.cash_2027")
RECKONER_COMPLEXES = 100  # «каждые 100 комплексов»: the memo's step of the network


@dataclass(frozen=True)
class BudgetLine:
    """The proposed 2027 line and what the memo says of it, in tenge unless said."""

    amount: float
    # one complex's year at Pavlodar's city price before 2026 inflation («12,5 млн тенге»)
    price_before_2026: float
    # the whole network from the first day at the dearer reading with the assumed 2026
    # inflation (1 991 × 14,0 mn ≈ 27,9 bn): what the line adds its margin to
    whole_network_point: float
    # the 2026 inflation up to which the line pays for the whole network: as the factor the
    # memo multiplies by («× 1,142») and in per cent («до 14,2 %»)
    covered_factor: float
    covered_inflation: float
    per_inflation_point: float  # one point more of 2026 inflation moves the line's case by
    per_fewer_complexes: float  # RECKONER_COMPLEXES fewer new complexes (a negative amount)
    per_fewer_complexes_cheaper: float  # the same at the cheaper reading (the region's)
    # the dearer of REALISTIC_PATHS at the line's statistic (the stop-gap's), what it needs
    # («24,4»: it covers either path as often as the line covers its own) and the line's
    # margin above it until the suppliers' offers («около 4»)
    realistic_path: str
    realistic_need: float
    margin: float
    # the line's case in the later years of a three-year contract, at the line's statistic
    # (the appendix's table by year: «31,1 и 34,3»), and its three years together at that
    # statistic («до 93,5»: less than the years' upper ends added up, 93,8, as the dear draws
    # of one year are not always those of another; review s15a)
    later_years: tuple[float, ...] = ()
    three_years: float = 0.0


def budget_line(
    appraisal: Uncertainty,
    data: AppraisalData,
    assumptions: AssumptionValues,
    basis: BasisFigures,
) -> BudgetLine:
    """The line from the joint calculation and the point estimate's reckoner."""
    amount = appraisal.get(BUDGET_LINE, BUDGET_LINE_STAT)
    price_before_2026 = basis.pavlodar_year_city / (1 + assumptions.inflation_2026 / 100)
    fewer = -100.0 * RECKONER_COMPLEXES / data.additional  # in per cent of the new complexes
    covered_factor = amount / (basis.network_high * price_before_2026)
    realistic_path = max(REALISTIC_PATHS, key=lambda path: appraisal.get(path, BUDGET_LINE_STAT))
    realistic = appraisal.get(realistic_path, BUDGET_LINE_STAT)
    path = BUDGET_LINE.split(".")[0]
    later = tuple(appraisal.get(f"{path}.cash_{year}", BUDGET_LINE_STAT) for year in YEARS[1:])
    return BudgetLine(
        amount=amount,
        price_before_2026=price_before_2026,
        whole_network_point=basis.network_high * basis.pavlodar_year_city,
        covered_factor=covered_factor,
        covered_inflation=(covered_factor - 1) * 100,
        per_inflation_point=point_shift(data, assumptions, BUDGET_LINE, {"inflation_2026": 1.0}),
        per_fewer_complexes=point_shift(
            data, assumptions, BUDGET_LINE, {"new_complexes_in_service": fewer}
        ),
        per_fewer_complexes_cheaper=point_shift(
            data, assumptions, CHEAPER_READING, {"new_complexes_in_service": fewer}
        ),
        realistic_path=realistic_path,
        realistic_need=realistic,
        margin=amount - realistic,
        later_years=later,
        three_years=appraisal.get(f"{path}.cash_total", BUDGET_LINE_STAT),
    )
