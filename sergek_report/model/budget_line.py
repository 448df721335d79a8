"""The budget line the memo proposes for 2027, as the model computes it once per edition.

The line covers every start of the new contract at the one verified price whatever Pavlodar's
sum turns out to pay for: the contract from the first day (a procurement announced early, or
already, may bring it; a later start, after the stop-gap or a gap, costs less), at Pavlodar's
price, its upper bound (P90) at the dearer reading of that price — paid per camera, which
costs an Almaty complex more than either count of complexes per complex (Almaty's complexes
carry more cameras, at its latest exact count) — rounded up to the edition's step
(`budget_line_step`, whole billions: a figure said in a session, never below the
calculation). Reviews s14a–s15b found a line at the first day's upper end over-cautious while
that start was unlikely; reviews s40a–s41b found a line for the stop-gap's path held only a
procurement announced on its last day, the riskiest timing, and asked the earlier, safer one
for an amendment. Review s16h: a line at the 240 complexes' upper end fell short per camera;
reviews s17d–s17h: a line per camera at a lower-bound count fell short at the exact one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sergek_report.inputs.edition import AssumptionValues
from sergek_report.model.appraisal import (
    CAMERA_READING,
    CITY_READING,
    CONSTANT_PRICE,
    EXTENSION_YEAR,
    FIRST_DAY_PATH,
    YEARS,
    AppraisalData,
    line_reading,
)
from sergek_report.model.uncertainty import Uncertainty, held_threshold, point_shift

# The line: the contract from the first day at Pavlodar's city price, 2027 cash, its P90 (the
# dearest start: a later one, after the stop-gap or a gap, costs less; reviews s41a, s41b: a
# line for the last day's announcement rewarded the riskiest timing)
BUDGET_LINE = "pavlodar_city.cash_2027"
BUDGET_LINE_STAT = "p90"
# a path's central estimate and its range, in the order the memo prints them
RANGE_STATS = ("p50", "p10", BUDGET_LINE_STAT)
# The same path if Pavlodar's sum covers the region's complexes: the cheaper reading.
CHEAPER_READING = "pavlodar_region.cash_2027"
# Another year at today's price, if the ban on a new extension is lifted and the operator
# agrees: the whole-year extension's 2027, today's price for the year.
EXTENSION = f"{EXTENSION_YEAR}.cash_{YEARS[0]}"
# the line as a key figure (metrics.json, the change log's news, its declared precision)
BUDGET_LINE_FIGURE = f"budget_line_{YEARS[0]}"
RECKONER_COMPLEXES = 100  # «каждые 100 комплексов»: the memo's step of the network


@dataclass(frozen=True)
class BudgetLine:
    """The proposed 2027 line and what the memo says of it, in tenge unless said."""

    amount: float  # the proposed line: the upper end per camera, rounded up («32»)
    upper_end: float  # the path's upper end with the sum over the city's complexes («28,4»)
    amount_cheaper: float  # the same path and statistic at the cheaper reading («16,2»)
    # the 2026 inflation up to which the line holds its path's upper end at the line's reading,
    # that inflation held and the rest drawn, and how much one point more adds to that upper end
    # (the memo's reckoner; review s18a: said per complex beside a line per camera)
    covered_inflation: float
    per_inflation_point: float
    # RECKONER_COMPLEXES fewer new complexes (a negative amount) at the line's reading
    per_fewer_complexes: float
    per_fewer_complexes_cheaper: float  # the same at the cheaper reading (the region's)
    # the lines of the later years of a contract to the end of 2029, drawn as the 2027 line is (the
    # appendix's upper ends by year, 31,1 and 34,3, per camera and rounded up: «35 и 38»),
    # and the upper ends at the cheaper reading («17,7 и 19,6»; review s15f: the memo gave the
    # later years of one reading only; reviews s15f, s16b: a three-year upper end beside the
    # years' did not add up, as upper ends do not)
    later_years: tuple[float, ...] = ()
    # the upper ends those lines are rounded up from («34,1 и 37,6»: the appendix's steps)
    later_upper_ends: tuple[float, ...] = ()
    # the same later years at a price held for the contract's three years, as Pavlodar's sum
    # is («32 и 32»; reviews s22k, s22l: the lines' growth reserve, said with its size)
    later_years_constant_price: tuple[float, ...] = ()
    later_years_cheaper: tuple[float, ...] = ()
    # the lines the budget may shrink to if Pavlodar's sum pays for the region's complexes
    # per complex: that reading's upper ends of the three years rounded up alike («15, 18 и
    # 20»; review s17b: the fallback said as raw upper ends beside lines rounded up)
    lines_cheaper: tuple[float, ...] = ()
    # the same at Pavlodar's city (its 240 complexes) per complex, the line's own path at
    # factor one («25, 32 и 35»; review s18g: the memo's table of lines gives every reading
    # of Pavlodar's contract the check may find, each with its three years)
    lines_city: tuple[float, ...] = ()
    # Pavlodar's sum paid per camera: a complex of Almaty's cameras then costs the same at
    # either reading (8,02 mn × 1,92 = 14,04 mn × 1,10 = 15,4 mn); the line's path per camera
    # (the contract from the first day, the city's times the factor): its 2027 median and
    # P10–P90 («29,8 (28,5–31,2)»; reviews s19g, s20a:
    # the memo showed the line's reading only as its upper end's product, the other readings
    # as their table's results); None without the camera counts
    per_camera_range: tuple[float, float, float] | None = None
    # an Almaty complex-year at Pavlodar's price per camera, at any count of Pavlodar's
    # complexes (14,04 mn × 1,0977 = 15,41 mn; review s18c: the memo compares it with the
    # prices per complex, 8,02 and 14,04); None without the camera counts
    per_camera_year: float | None = None
    # the line's reading over a price per complex: the camera factor if Almaty's complexes
    # carry more cameras than Pavlodar's, else one (the memo scales the dearest price by it)
    line_factor: float = 1.0
    # the reading of Pavlodar's contract the line is drawn at: per camera where priced and
    # Almaty's complexes carry more cameras, else the city's per complex (one decision: the
    # memo's tables of lines and checks and the multiples of today's price read it)
    line_reading: str = CITY_READING
    # the line reading's 2027 cost at the assumptions' declared values («30,68»: the
    # appendix gives it beside the reckoner for fewer complexes; reviews s34*)
    base_case: float = 0.0
    # a complex-year at the line's reading at 2026 prices (15,41 mn per camera, 14,04 mn at
    # the city's count), None without the city's price
    line_year: float | None = None

    @property
    def per_camera(self) -> float | None:
        """The upper end of the path per camera («26,7»): its range's last figure."""
        return None if self.per_camera_range is None else self.per_camera_range[2]

    @property
    def drawn_per_camera(self) -> bool:
        """Whether the line is drawn at the reading per camera: the memo's Table 1 then has
        that variant's row, the title page its check and the options chart its upper end (one
        predicate, so the title page and the memo never count the variants differently)."""
        return self.line_reading == CAMERA_READING

    @property
    def line_upper_end(self) -> float:
        """The upper end the line is rounded up from, at the line's reading («26,7»; reviews
        s35a, s35b: «в 9 случаях из 10» read as a claim on the price itself: the margin said)."""
        return self.per_camera if self.drawn_per_camera else self.upper_end

    @property
    def line_path(self) -> str:
        """The path the line is drawn from (the memo gives its three years' cost beside the
        three lines' sum; reviews s20q, s20r: «100» beside no estimate on the memo's pages)."""
        return FIRST_DAY_PATH.format(reading=self.line_reading)

    @property
    def lines(self) -> tuple[float, ...]:
        """The proposed lines of the three years («27, 35 и 38»)."""
        return (self.amount, *self.later_years)

    @property
    def three_years(self) -> float:
        """The lines of a contract to the end of 2029 together («всего 100 млрд»): the memo's
        recommendation and the cover's card print the same sum."""
        return sum(self.lines)


def budget_line(
    appraisal: Uncertainty,
    data: AppraisalData,
    assumptions: AssumptionValues,
    city_year: float | None = None,
) -> BudgetLine:
    """The line from the joint calculation and the point estimate's reckoner; the camera
    factor at Pavlodar's city (its 240 complexes: `data.camera_factor`, model/cameras.py)
    prices the sum paid per camera, and the joint calculation priced that path with it;
    `city_year`: a complex-year at Pavlodar's city reading, at 2026 prices (the one basis's)."""
    camera_factor = data.camera_factor
    upper_end = appraisal.get(BUDGET_LINE, BUDGET_LINE_STAT)
    # the path per camera, priced by the joint calculation where the data give the counts
    camera_line = f"{FIRST_DAY_PATH.format(reading=CAMERA_READING)}.cash_{YEARS[0]}"
    priced_per_camera = camera_factor is not None
    # the line's reading: per camera if Almaty's complexes carry more cameras than Pavlodar's
    line_factor = max(1.0, camera_factor or 1.0)
    reading = line_reading(camera_factor)
    line_path = FIRST_DAY_PATH.format(reading=reading)
    line_output = f"{line_path}.cash_{YEARS[0]}"
    step = assumptions.budget_line_step * 1e9

    def line(value: float) -> float:
        # rounded to a millionth of a step first: float noise never adds a whole step
        return math.ceil(round(value / step, 6)) * step

    amount = line(appraisal.get(line_output, BUDGET_LINE_STAT))
    amount_cheaper = appraisal.get(CHEAPER_READING, BUDGET_LINE_STAT)
    fewer = -100.0 * RECKONER_COMPLEXES / data.additional  # in per cent of the new complexes
    # the 2026 inflation up to which the line holds its path's upper end, the rest drawn
    covered, per_point = held_threshold(
        data, appraisal, line_output, "inflation_2026", amount, BUDGET_LINE_STAT
    )
    path, cheaper = BUDGET_LINE.split(".")[0], CHEAPER_READING.split(".")[0]

    def later(reading: str) -> tuple[float, ...]:
        return tuple(
            appraisal.get(f"{reading}.cash_{year}", BUDGET_LINE_STAT) for year in YEARS[1:]
        )

    later_cheaper = later(cheaper)
    later_upper_ends = later(line_path)

    return BudgetLine(
        amount=amount,
        upper_end=upper_end,
        amount_cheaper=amount_cheaper,
        covered_inflation=covered,
        per_inflation_point=per_point,
        per_fewer_complexes=point_shift(
            data, assumptions, line_output, {"new_complexes_in_service": fewer}
        ),
        per_fewer_complexes_cheaper=point_shift(
            data, assumptions, CHEAPER_READING, {"new_complexes_in_service": fewer}
        ),
        later_years=tuple(line(year) for year in later_upper_ends),
        later_upper_ends=later_upper_ends,
        later_years_constant_price=tuple(
            line(year) for year in later(CONSTANT_PRICE.format(path=line_path))
        ),
        later_years_cheaper=later_cheaper,
        lines_cheaper=tuple(line(x) for x in (amount_cheaper, *later_cheaper)),
        lines_city=tuple(line(x) for x in (upper_end, *later(path))),
        per_camera_range=(
            tuple(appraisal.get(camera_line, stat) for stat in RANGE_STATS)
            if priced_per_camera
            else None
        ),
        per_camera_year=(
            None if camera_factor is None or city_year is None else city_year * camera_factor
        ),
        line_factor=line_factor,
        line_reading=reading,
        base_case=appraisal.get(line_output),
        line_year=None if city_year is None else city_year * line_factor,
    )
