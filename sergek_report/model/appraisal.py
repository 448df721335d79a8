"""The options for 1 January 2027 on one basis, and the branches of the path from the edition.

One basis for every option (the price convention the report states once):
- the same network: the 1 641 complexes in service plus the share of the 350 new ones that
  `new_complexes_in_service` assumes;
- the same years (2027–2029) and valuation date (1 January 2027): payments at each month end,
  discounted at `discount_rate` with (1 + r) ** (days / 365);
- nominal tenge. Every price is first brought to 2026 prices (the level a contract signed for
  1 January 2027 starts from), then grows by `price_growth_2028_2029` a year from 2028: the
  current payment per complex-month (frozen at
  its 2021 level until 2026, a point between the two estimates: `tariff_estimate_weight`);
  the service contracts of other cities (per complex-year, brought from their price year to
  December 2025 by the CPI chain of data/cpi.csv and to 2026 by `inflation_2026`; the point
  between them: `service_anchor_weight`; Pavlodar's sum spread over the region's complexes or
  only the city's: `pavlodar_coverage_weight`); new equipment (its 2025 price × 2026
  inflation, bought in 2027 at that level);
- one-off equipment paid on `equipment_purchase_date`; the city's own operation of the
  complexes it would take over is not priced: no public figure (data/gaps.csv,
  `municipal_operation_cost`, names who holds it).

Every function takes arrays (one element for the point estimate, one per draw for the Monte
Carlo): the point estimate is the same formula at the declared values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

YEARS = (2027, 2028, 2029)
VALUATION_DATE = dt.date(YEARS[0], 1, 1)
PRICE_BASE_YEAR = 2026
# A new contract's first year is priced at the end-of-2026 level; growth applies from its second.
FIRST_GROWTH_YEAR = 2028


def month_end_days(years) -> np.ndarray:
    """The month ends of `years` in days from the valuation date."""
    return np.array(
        [
            ((dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)) - VALUATION_DATE).days
            for y in years
            for m in range(1, 13)
        ],
        dtype=float,
    )


MONTH_END_DAYS = month_end_days(YEARS)  # 2027–2029


@dataclass(frozen=True)
class AppraisalData:
    """The sourced figures the appraisal needs (from the tables, via `results.compute`)."""

    existing: float  # complexes in service
    additional: float  # the 350 new complexes
    obligations: float  # original state obligations
    original: float  # complexes of the original contract
    implied_price: float  # estimate 2: tenge per complex-month from the known payment
    pavlodar_sum_year: float  # Pavlodar's contract per year, tenge, nominal, at its price year
    pavlodar_complexes: float  # the complexes the sum may cover: all of the region's …
    pavlodar_complexes_low: float  # … or only the city's (the sources do not say which)
    pavlodar_price_year: int
    karaganda_year: float  # tenge per complex-year, nominal, at its (assumed) price year
    cpi_index: dict  # December index by year (any base), 2020–2025
    complex_months_to_end: float  # in service 2020–2025
    total_cost: float  # «общая стоимость» 14.6 bn, one source
    # Almaty's cameras a complex over Pavlodar's city's (model/cameras.py): Pavlodar's sum
    # paid per camera prices an Almaty complex at the city's price times it; None without the
    # camera counts (the path per camera is then not priced)
    camera_factor: float | None = None
    # the years Pavlodar's sum is for (the title page says the sum and its term as the news
    # item does); None where a caller does not say
    pavlodar_term_years: float | None = None
    # the last day to announce the procurement, in days from the valuation date (−1: 31 December
    # 2026, the latest for a contract from the stop-gap's last day); it is announced
    # `procurement_announced_days_early` before (reviews s49a–s50b: the recommended path priced
    # at the last day while the memo says «сразу»), the contract starts
    # `procurement_lead_days` later, the stop-gap lasting until then (the law: «до подведения
    # итогов»), at most `stopgap_months`; None: the stop-gap lasts `stopgap_months` (reviews
    # s40a–s40n: a line drawn at a two-month stop-gap held only if the procurement took its
    # longest, 60 days, while its length was drawn as 10–60)
    procurement_announced: float | None = None


def _a(x) -> np.ndarray:
    return np.atleast_1d(np.asarray(x, dtype=float))


# The year after the three, when a three-year contract from 2028 has its last year and the
# recommended path's contract its last months: the whole-year extension and the recommended
# path compared to the day both contracts have ended (reviews s47o, s47p: «за весь срок
# разница мала» was asserted, not computed)
AFTER_YEAR = YEARS[-1] + 1
AFTER_MONTH_END_DAYS = month_end_days([AFTER_YEAR])
CONTRACT_MONTHS = 12 * len(YEARS)  # a new contract's term: three years, as Pavlodar's

# The first days of the months of 2027–2029 (and of 2030) in days from the valuation date.
MONTH_START_DAYS = np.concatenate([[0.0], MONTH_END_DAYS + 1])


def months_from_valuation(days) -> np.ndarray:
    """Days from 1 January 2027 as months, whole calendar months plus the elapsed share of
    the next (59 days: 1 March, 2 months; 10 days: 11 January, 10/31 of a month)."""
    return np.interp(_a(days), MONTH_START_DAYS, np.arange(len(MONTH_START_DAYS), dtype=float))


def stopgap_months(data: AppraisalData, months_at_most, lead_days, days_early=0.0) -> np.ndarray:
    """The stop-gap's months: until the contract procured from the announcement (`days_early`
    before the last day to announce) starts, at most `months_at_most` (the law's two months;
    none if the lawyers do not confirm it)."""
    if data.procurement_announced is None:
        return _a(months_at_most)
    start = months_from_valuation(data.procurement_announced - _a(days_early) + _a(lead_days))
    return np.minimum(_a(months_at_most), start)


def index_to_2025(cpi_index: dict, price_year) -> np.ndarray:
    """December 2025 index ÷ December index of the price year (1 for 2025)."""
    years = _a(price_year).astype(int)
    return np.array([cpi_index[2025] / cpi_index[int(y)] for y in years])


def network(data: AppraisalData, share_percent) -> np.ndarray:
    """Complexes on 1 January 2027: 1 641 + 350 × share."""
    return data.existing + data.additional * _a(share_percent) / 100


def estimate_1(data: AppraisalData, term_months) -> np.ndarray:
    """Estimate 1, tenge per complex-month: the obligations ÷ (the contract's complexes ×
    the service term)."""
    return data.obligations / (data.original * _a(term_months))


def current_price(data: AppraisalData, term_months, weight) -> np.ndarray:
    """Tenge per complex-month in 2026: estimate 2 + weight × (estimate 1 − estimate 2)."""
    p1 = estimate_1(data, term_months)
    return data.implied_price + _a(weight) * (p1 - data.implied_price)


def reconciliation_ratios(data: AppraisalData, term_months) -> tuple[np.ndarray, np.ndarray]:
    """At a service term: estimate 2 ÷ estimate 1 (which grows with the term, estimate 1 being
    the obligations ÷ (complexes × term)) and the complex-months in service ÷ the contract's
    (complexes × term), which falls with it. Both are fixed by the term: chapter 3 gives them
    at the term's ends (review s33p: an 80 % interval read oddly for a function of one input)."""
    term = _a(term_months)
    return (
        data.implied_price / estimate_1(data, term),
        data.complex_months_to_end / (data.original * term),
    )


def pavlodar_complexes(data: AppraisalData, coverage) -> np.ndarray:
    """The complexes Pavlodar's sum pays for: all of the region's (0) to the city's only (1)."""
    return data.pavlodar_complexes - _a(coverage) * (
        data.pavlodar_complexes - data.pavlodar_complexes_low
    )


def service_price_2026(data: AppraisalData, karaganda_year, inflation_2026, weight, coverage):
    """Tenge per complex-month at 2026 prices, between Pavlodar (0) and Karaganda (1);
    `coverage` places Pavlodar's complexes between the region's and the city's."""
    i26 = 1 + _a(inflation_2026) / 100
    pavlodar_year = data.pavlodar_sum_year / pavlodar_complexes(data, coverage)
    pav = pavlodar_year * index_to_2025(data.cpi_index, data.pavlodar_price_year) * i26
    kar = data.karaganda_year * index_to_2025(data.cpi_index, karaganda_year) * i26
    return (pav + _a(weight) * (kar - pav)) / 12


def discount_factors(rate_percent) -> np.ndarray:
    """(draws, 36): 1 / (1 + r) ** (days / 365) at each month end of 2027–2029."""
    r = _a(rate_percent)[:, None] / 100
    return (1 + r) ** (-MONTH_END_DAYS[None, :] / 365)


def growth_factors(growth_percent) -> np.ndarray:
    """(draws, 36): the price level of each month relative to 2026 (1 through 2027)."""
    g = _a(growth_percent)[:, None] / 100
    steps = np.maximum(np.array(YEARS) - FIRST_GROWTH_YEAR + 1, 0)
    by_year = (1 + g) ** steps[None, :]  # (draws, 3)
    return np.repeat(by_year, 12, axis=1)  # the same powers, 12 months each


@dataclass(frozen=True)
class Cash:
    """Per draw: cash in 2027 (the budget line), cash 2027–2029, present value 1 Jan 2027, and
    the cash of each later year (2028, 2029: a three-year contract's money in those budgets)."""

    cash_2027: np.ndarray
    cash_total: np.ndarray
    present_value: np.ndarray
    later_years: tuple[np.ndarray, ...] = ()


def _cash(flows: np.ndarray, discount: np.ndarray) -> Cash:
    return Cash(
        cash_2027=flows[:, :12].sum(axis=1),
        cash_total=flows.sum(axis=1),
        present_value=(flows * discount).sum(axis=1),
        later_years=tuple(flows[:, 12 * i : 12 * (i + 1)].sum(axis=1) for i in (1, 2)),
    )


def path_flows(
    complexes, current, service, growth, bridge_months, gap_months, years: int = 3
) -> np.ndarray:
    """(draws, 36) monthly payments of a path: the first `bridge_months` at the current price,
    then `gap_months` with no contract (no payment, no enforcement), then the service price.
    `years=1` stops after 2027 (the stop-gap alone). Fractions of a month are paid pro rata.
    The current price is the contract's frozen tariff: it does not grow; the service price
    grows by `growth` a year from 2028."""
    k = np.arange(36, dtype=float)[None, :]  # months since 1 January 2027, at their start
    bridge = _a(bridge_months)[:, None]
    start = bridge + _a(gap_months)[:, None]
    # n × (on_current × current + on_service × service × level), computed in place: the
    # (draws, 36) arrays are the appraisal's main cost, and the same operations in the same
    # order give the same bits.
    current, service = _a(current)[:, None], _a(service)[:, None]
    n, level = _a(complexes)[:, None], growth_factors(growth)
    draws = max(len(x) for x in (bridge, start, current, service, n, level))
    on_current = np.subtract(bridge, k, out=np.empty((draws, 36)))
    np.clip(on_current, 0, 1, out=on_current)
    on_service = np.subtract(k + 1, start, out=np.empty((draws, 36)))
    np.clip(on_service, 0, 1, out=on_service)
    on_current *= current
    on_service *= service
    on_service *= level
    on_current += on_service
    flows = np.multiply(n, on_current, out=np.empty((draws, 36)))
    if years < 3:
        flows[:, 12 * years :] = 0.0
    return flows


def after_years(
    complexes, current, service, growth, rate, contract_start
) -> tuple[np.ndarray, np.ndarray]:
    """The cash of the year after the three (2030) and its present value, per draw, for a
    path whose three-year contract starts `contract_start` months into 2027: the contract's
    remaining months at the service price (grown a year from 2028, as in 2028–2029), then
    the city keeps the equipment handed over to it, its upkeep at today's (frozen) price at
    most (the authors' judgement: the price of upkeep after a contract is no public figure)."""
    k = np.arange(12 * len(YEARS), 12 * (len(YEARS) + 1), dtype=float)[None, :]
    start = _a(contract_start)[:, None]
    end = start + CONTRACT_MONTHS
    on_contract = np.clip(np.minimum(k + 1, end) - np.maximum(k, start), 0, 1)
    on_upkeep = np.clip(k + 1 - end, 0, 1)
    level = (1 + _a(growth)[:, None] / 100) ** (AFTER_YEAR - FIRST_GROWTH_YEAR + 1)
    flows = _a(complexes)[:, None] * (
        on_contract * _a(service)[:, None] * level + on_upkeep * _a(current)[:, None]
    )
    discount = (1 + _a(rate)[:, None] / 100) ** (-AFTER_MONTH_END_DAYS[None, :] / 365)
    return flows.sum(axis=1), (flows * discount).sum(axis=1)


def stopgap(complexes, current, months, rate) -> Cash:
    """The two-month bridge alone, at the current (frozen) price: no growth applies."""
    flows = path_flows(complexes, current, 0.0, 0.0, months, 1e9, years=1)
    return _cash(flows, discount_factors(rate))


def service_path(complexes, current, service, growth, rate, bridge_months, gap_months) -> Cash:
    flows = path_flows(complexes, current, service, growth, bridge_months, gap_months)
    return _cash(flows, discount_factors(rate))


def equipment(complexes, capex_2025, inflation_2026, rate, purchase: dt.date | np.ndarray):
    """New equipment for every complex, bought once in 2027 at the end-of-2026 price (2025
    price × 2026 inflation), paid on the purchase date."""
    cash = _a(complexes) * _a(capex_2025) * (1 + _a(inflation_2026) / 100)
    days = _a(purchase)
    r = _a(rate) / 100
    pv = cash * (1 + r) ** (-days / 365)
    return Cash(cash_2027=cash, cash_total=cash, present_value=pv)


def key_figure_name(output: str, stat: str) -> str:
    """The key figure of an output's statistic, as metrics.json names it:
    ("pavlodar_only.cash_2027", "p90") -> "pavlodar_only_cash_2027_p90"."""
    return f"{output.replace('.', '_')}_{stat}"


def days_from_valuation(d: dt.date) -> float:
    return float((d - VALUATION_DATE).days)


@dataclass(frozen=True)
class BasisFigures:
    """The one basis as the report states it: the network on 1 January 2027 (at the declared
    share of the new complexes, and at both ends of its range: the one network range every
    chapter prints) and the unit prices at 2026 prices behind the point estimate."""

    network: float
    network_low: float
    network_high: float
    # at the median of the share's distribution: the network the central estimates rest on
    # (about 1 940 of 1 991: review s23h reproduced 25,5 only with it)
    network_median: float
    current_price: float  # tenge per complex-month: the point between the two estimates
    estimate1: float  # obligations ÷ (original complexes × term), at the declared term
    estimate2: float  # the known payment ÷ its complex-months
    pavlodar_year: float  # tenge per complex-year at 2026 prices
    pavlodar_year_city: float  # the same if Pavlodar's sum covers the city's complexes only
    karaganda_year: float  # the same, Karaganda at its declared price year


def basis_figures(
    data: AppraisalData, x: dict, share_range: tuple[float, float], share_median: float
) -> BasisFigures:
    """`x`: the declared values (assumption name -> number) the point estimate uses;
    `share_range`, `share_median`: the new complexes' share at its range's ends and median."""
    low, high, median = network(data, [*share_range, share_median])
    term = x["service_term_months"]
    kar_year, inflation = x["karaganda_price_year"], x["inflation_2026"]
    coverage = x["pavlodar_coverage_weight"]
    return BasisFigures(
        network=float(network(data, x["new_complexes_in_service"])[0]),
        network_low=float(low),
        network_high=float(high),
        network_median=float(median),
        current_price=float(current_price(data, term, x["tariff_estimate_weight"])[0]),
        estimate1=float(current_price(data, term, 1.0)[0]),
        estimate2=float(data.implied_price),
        pavlodar_year=float(12 * service_price_2026(data, kar_year, inflation, 0.0, coverage)[0]),
        pavlodar_year_city=float(12 * service_price_2026(data, kar_year, inflation, 0.0, 1.0)[0]),
        karaganda_year=float(12 * service_price_2026(data, kar_year, inflation, 1.0, coverage)[0]),
    )


# -- every output of one edition, for the point estimate and for each draw ------------------

# What the appraisal reads (assumption names); dates are passed as numbers (see `_numeric`).
INPUTS = (
    "new_complexes_in_service",
    "new_complexes_start",
    "service_term_months",
    "tariff_estimate_weight",
    "service_anchor_weight",
    "pavlodar_coverage_weight",
    "karaganda_price_year",
    "inflation_2026",
    "discount_rate",
    "price_growth_2028_2029",
    "replacement_capex_per_complex",
    "equipment_purchase_date",
    "stopgap_months",
    "procurement_lead_days",
    "procurement_announced_days_early",
)


# The two readings of Pavlodar's contract: its sum for the region's complexes, or the city's.
COVERAGE_READINGS = {"region": 0.0, "city": 1.0}
# The paths priced at Pavlodar's prices under each reading, named as the output per reading
# («pavlodar_city»: the proposed budget line's name since it was first published), as the
# midpoint's paths: the stop-gap's months spent on the stop-gap, and without a contract.
STOPGAP_PATH = "service_pavlodar_{reading}"  # the stop-gap, then the contract («service»)
FIRST_DAY_PATH = "pavlodar_{reading}"  # the contract from the first day («announced»)
GAP_PATH = "no_bridge_pavlodar_{reading}"  # no contract for those months («no_bridge»)
PAVLODAR_PATHS = {STOPGAP_PATH: (1, 0), FIRST_DAY_PATH: (0, 0), GAP_PATH: (0, 1)}
# The reading the budget line is drawn at, Pavlodar's sum paid per camera: the city's price
# per complex times the camera factor, every path priced at it (reviews s19g–s20h: the line's
# reading priced as the other readings are, with its spread and later years, not as a product
# of another reading's upper end); CAMERA_PATH: the stop-gap's path at it.
CAMERA_READING = "camera"
CAMERA_PATH = STOPGAP_PATH.format(reading=CAMERA_READING)
# The reading the budget line is drawn at: Pavlodar's city price per complex, or per camera
# where Almaty's complexes carry more cameras than Pavlodar's (model/budget_line.py)
CITY_READING = "city"


def line_reading(camera_factor: float | None) -> str:
    """The reading of Pavlodar's contract the budget line is drawn at: per camera where the
    data give the camera counts and Almaty's complexes carry more cameras, else the city's."""
    per_camera = camera_factor is not None and max(1.0, camera_factor) > 1.0
    return CAMERA_READING if per_camera else CITY_READING


# Another extension for the whole of 2027 at today's price (if the council's ban is lifted and
# the operator agrees), then the new contract from 2028 at the line's reading, as the other
# paths pay it then (reviews s46d, s46e: priced at today's price to 2029 it was no path)
EXTENSION_YEAR = "extension_year"
# A path's cash and present value through the year after the three («cash_through_2030»), and
# the whole-year extension's less the recommended path's
THROUGH_AFTER_YEAR = "{measure}_through_" + str(AFTER_YEAR)
EXTENSION_LESS_RECOMMENDED = "extension_year_less_recommended"
# The line's path (the contract from the first day) at a price held for the contract's three
# years, as Pavlodar's sum is (no growth in 2028–2029): what the later years' lines would be
# without the growth reserve (reviews s22k, s22l: 27 + 32 + 32 against 100)
CONSTANT_PRICE = "{path}_constant_price"
# The line's path (the contract from the first day) when the contract is for one year only
# (no lines for the later years: Art. 17(3) of the public procurement law): it then pays for
# the new equipment within its year, at most all of it, the authors' bound (chapter 2). The
# year's price, a third of Pavlodar's three-year sum, already holds a third of the
# equipment: the 2027 cash of the path plus the other two thirds, drawn jointly (reviews
# s31b–s31d: the one-year contract's 2027 cost unsaid; s47n, s47p: the whole equipment
# counted the third already in the year's price twice)
ONE_YEAR = "{path}_one_year"
# The contract from the first day at Karaganda's price itself (the weight at its upper end,
# Pavlodar's price left out): what the line would need if Karaganda's unverified figure were
# confirmed (reviews s44g, s44i, s44k: the midpoint's 35,5 understates that case)
KARAGANDA_FIRST_DAY = "karaganda_first_day"


def evaluate(data: AppraisalData, x: dict) -> dict[str, np.ndarray]:
    """All outputs for arrays of inputs `x` (assumption name -> array; `new_complexes_start`
    as its month number in 2026, `equipment_purchase_date` as days from 1 January 2027)."""
    n = network(data, x["new_complexes_in_service"])
    p = current_price(data, x["service_term_months"], x["tariff_estimate_weight"])
    coverage = x["pavlodar_coverage_weight"]
    s = service_price_2026(
        data, x["karaganda_price_year"], x["inflation_2026"], x["service_anchor_weight"], coverage
    )
    g, r = x["price_growth_2028_2029"], x["discount_rate"]
    m = stopgap_months(
        data,
        x["stopgap_months"],
        x["procurement_lead_days"],
        x["procurement_announced_days_early"],
    )
    cash = {
        "stopgap": stopgap(n, p, m, r),
        # the stop-gap, then the service contract: the path realistic on 1 January, and the
        # branch of the path where the lawyers confirm the stop-gap (one computation, one name)
        "service": service_path(n, p, s, g, r, m, 0.0),
        "equipment": equipment(
            n,
            x["replacement_capex_per_complex"],
            x["inflation_2026"],
            r,
            x["equipment_purchase_date"],
        ),
        # branches of the path from the edition date
        "announced": service_path(n, p, s, g, r, 0.0, 0.0),
        # no stop-gap: no contract for the months the stop-gap would have bridged (the same
        # start of the new contract as the stop-gap path, so the two differ by the stop-gap's
        # payment alone, and by the months without enforcement)
        "no_bridge": service_path(n, p, s, g, r, 0.0, m),
    }
    # Each path at Pavlodar's prices alone (`service_anchor_weight` = 0: Karaganda's figure is
    # not checked against its primary source and drives most of the midpoint's spread), under
    # each reading of Pavlodar's contract: its sum for all the region's complexes, or for the
    # city's only. The sources leave this an either-or, not a range, so each reading is priced
    # on its own (with the other assumptions' spread) and never blended.
    prices = {
        reading: service_price_2026(
            data, x["karaganda_price_year"], x["inflation_2026"], 0.0, cover
        )
        for reading, cover in COVERAGE_READINGS.items()
    }
    if data.camera_factor is not None:
        # Pavlodar's sum paid per camera: the city's price per complex times the camera
        # factor (every path at it, the first day's the line's: reviews s20q–s21d found the
        # line's reading in no table)
        prices[CAMERA_READING] = data.camera_factor * prices["city"]
    for reading, s_read in prices.items():
        for name, (bridge, gap) in PAVLODAR_PATHS.items():
            cash[name.format(reading=reading)] = service_path(
                n, p, s_read, g, r, bridge * _a(m), gap * _a(m)
            )
        path = FIRST_DAY_PATH.format(reading=reading)
        cash[CONSTANT_PRICE.format(path=path)] = service_path(
            n, p, s_read, 0 * _a(g), r, 0 * _a(m), 0 * _a(m)
        )
    # the whole of 2027 at today's price: the stop-gap's path with twelve months of it, the
    # contract from the line's reading after them
    line = line_reading(data.camera_factor)
    whole_year = 12.0 + 0 * _a(m)
    cash[EXTENSION_YEAR] = service_path(n, p, prices[line], g, r, whole_year, 0 * _a(m))
    # the whole-year extension against the recommended path (the stop-gap, then the contract,
    # at the line's reading) to the end of both contracts: each path's 2030 and its sums
    # through 2030, and the extension less the recommended path, drawn jointly
    recommended = STOPGAP_PATH.format(reading=line)
    after = {
        name: after_years(n, p, prices[line], g, r, start)
        for name, start in ((recommended, m), (EXTENSION_YEAR, whole_year))
    }
    karaganda = service_price_2026(
        data, x["karaganda_price_year"], x["inflation_2026"], 1.0, coverage
    )
    cash[KARAGANDA_FIRST_DAY] = service_path(n, p, karaganda, g, r, 0 * _a(m), 0 * _a(m))
    out = {}
    for name, c in cash.items():
        out[f"{name}.cash_2027"] = c.cash_2027
        out[f"{name}.cash_total"] = c.cash_total
        out[f"{name}.present_value"] = c.present_value
        for year, cash_year in zip(YEARS[1:], c.later_years, strict=False):
            out[f"{name}.cash_{year}"] = cash_year
    for name, (after_cash, after_value) in after.items():
        out[f"{name}.cash_{AFTER_YEAR}"] = after_cash
        out[f"{name}.{THROUGH_AFTER_YEAR.format(measure='cash')}"] = (
            cash[name].cash_total + after_cash
        )
        out[f"{name}.{THROUGH_AFTER_YEAR.format(measure='present_value')}"] = (
            cash[name].present_value + after_value
        )
    for measure in ("cash", "present_value"):
        key = THROUGH_AFTER_YEAR.format(measure=measure)
        out[f"{EXTENSION_LESS_RECOMMENDED}.{key}"] = (
            out[f"{EXTENSION_YEAR}.{key}"] - out[f"{recommended}.{key}"]
        )
    # the equipment a one-year contract recovers beyond what its year's price holds
    term_years = data.pavlodar_term_years or len(YEARS)
    beyond_the_year = out["equipment.cash_2027"] * (1 - 1 / term_years)
    for reading in prices:
        path = FIRST_DAY_PATH.format(reading=reading)
        out[f"{ONE_YEAR.format(path=path)}.cash_2027"] = out[f"{path}.cash_2027"] + beyond_the_year
    # the 2027 line of other cities' prices against the current price for the same network:
    # how many times what the city pays now (the memo's comparison); the whole-year
    # extension's 2027 is today's price for the year
    current_2027 = out[f"{EXTENSION_YEAR}.cash_2027"]
    out["announced_vs_current_price"] = out["announced.cash_2027"] / current_2027
    for reading in COVERAGE_READINGS:
        out[f"pavlodar_{reading}_vs_current_price"] = (
            out[f"pavlodar_{reading}.cash_2027"] / current_2027
        )
    # the reconciliation: estimate 1 is the obligations ÷ (766 × term), so its payments exceed
    # the obligations exactly by the complex-months ratio (it cannot test them)
    term = _a(x["service_term_months"])
    p1 = estimate_1(data, term)
    out["estimates_ratio"], out["coverage_ratio"] = reconciliation_ratios(data, term)
    start_month = _a(x["new_complexes_start"])
    extension_cm = data.existing * 12 + data.additional * _a(
        x["new_complexes_in_service"]
    ) / 100 * (13 - start_month)
    cm_total = data.complex_months_to_end + extension_cm
    out["estimate2_vs_total_cost"] = cm_total * data.implied_price / data.total_cost
    out["estimate1_vs_total_cost"] = cm_total * p1 / data.total_cost
    out["gap_days"] = _a(x["procurement_lead_days"]) + 0 * n
    return out
