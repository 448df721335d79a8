"""The options on one basis and the joint Monte Carlo: hand-checked figures."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from sergek_report.inputs.edition import Distribution
from sergek_report.model import appraisal as ap
from sergek_report.model import montecarlo as mc


def test_stopgap_two_months_by_hand():
    # 100 complexes × 1 000 tenge a month × 2 months, no price growth = 200 000 tenge in 2027
    c = ap.stopgap(100, 1000.0, 2, 0.0)
    assert c.cash_2027[0] == pytest.approx(200_000)
    assert c.cash_total[0] == pytest.approx(200_000)
    assert c.present_value[0] == pytest.approx(200_000)  # zero discount rate


def test_continuation_at_the_frozen_tariff_does_not_grow():
    # 10 complexes × 100 tenge × 12 months = 12 000 a year, three years the same: the
    # contract's tariff is frozen (the service prices of a new contract grow, not it), so
    # a path at today's price throughout does not grow at a growth of 10 %
    c = ap.service_path(10, 100.0, 100.0, 10.0, 0.0, 1e9, 0.0)
    assert c.cash_2027[0] == pytest.approx(12_000)
    assert c.cash_total[0] == pytest.approx(36_000)


def test_the_bridge_is_paid_at_the_frozen_tariff_and_the_service_price_grows():
    # 10 complexes: 2 months at 100 tenge (frozen: 2 000), then 10 months at 50 (no growth in
    # the contract's first year: 5 000); 2028 at 50 × 1.1 × 12 × 10 = 6 600, 2029 at 50 × 1.21
    c = ap.service_path(10, 100.0, 50.0, 10.0, 0.0, 2, 0.0)
    assert c.cash_2027[0] == pytest.approx(7_000)
    assert c.cash_total[0] - c.cash_2027[0] == pytest.approx(6_600 + 50 * 1.21 * 12 * 10)


def test_service_path_bridge_then_service():
    # 10 complexes: 2 months at 100 tenge, then 10 months at 50 tenge in 2027 = 2 000 + 5 000
    c = ap.service_path(10, 100.0, 50.0, 0.0, 0.0, 2, 0.0)
    assert c.cash_2027[0] == pytest.approx(7_000)
    # 2028–2029 at the service price: 10 × 50 × 24 = 12 000
    assert c.cash_total[0] == pytest.approx(19_000)


def test_gap_is_unpaid_pro_rata():
    # no bridge, a gap of 1.5 months: 10.5 months of service × 10 complexes × 50 = 5 250
    c = ap.service_path(10, 100.0, 50.0, 0.0, 0.0, 0, 1.5)
    assert c.cash_2027[0] == pytest.approx(5_250)


def test_present_value_of_first_month():
    # one payment of 1 000 on 31 January 2027 (30 days) at 10 %: 1 000 / 1.1 ** (30 / 365)
    c = ap.stopgap(1, 1000.0, 1, 10.0)
    assert c.present_value[0] == pytest.approx(1000 / 1.1 ** (30 / 365))


def test_service_price_grows_from_2028_not_in_2027():
    # review of 4 Dec 2026: prices already brought to the end of 2026 must not grow again in
    # 2027. 10 complexes at 50 a month, 10 % growth: 2027 = 10 × 50 × 12 = 6 000;
    # 2028 = 6 600; 2029 = 7 260; total 19 860
    c = ap.service_path(10, 100.0, 50.0, 10.0, 0.0, 0, 0.0)
    assert c.cash_2027[0] == pytest.approx(6_000)
    assert c.cash_total[0] == pytest.approx(19_860)


def test_the_year_after_the_three_ends_the_contract_then_pays_upkeep_at_todays_price():
    # reviews s47o, s47p: the whole-year extension against the recommended path to the end
    # of both contracts. 10 complexes, today's price 100, service 50 growing 10 % a year from
    # 2028 (2030: × 1.1 ** 3 = 1.331). A contract from 1 March 2027 (2 months in) runs 36
    # months, to the end of February 2030: 2 months at 50 × 1.331 × 10 = 1 331, then 10
    # months of upkeep at today's (frozen) price, 10 × 100 × 10 = 10 000
    cash, _value = ap.after_years(10, 100.0, 50.0, 10.0, 0.0, 2.0)
    assert cash[0] == pytest.approx(1_331 + 10_000)
    # a contract from 1 January 2028 (12 months in) has its whole third year in 2030
    cash, _value = ap.after_years(10, 100.0, 50.0, 10.0, 0.0, 12.0)
    assert cash[0] == pytest.approx(12 * 50 * 1.331 * 10)
    # one payment on 31 January 2030 (1 126 days) at 10 %: the contract's month discounted
    _cash, value = ap.after_years(1, 0.0, 1000.0, 0.0, 10.0, 1.0)
    assert value[0] == pytest.approx(1000 / 1.1 ** (1126 / 365))


def test_without_growth_the_whole_year_extension_only_reorders_the_same_months():
    # At no growth and upkeep at today's price, the whole-year extension pays 12 months at
    # today's price and 36 of the contract over 2027–2030, and so does the recommended path
    # (2 months at today's price, 36 of the contract, 10 of upkeep at today's price): the
    # same cash, 10 × (12 × 100 + 36 × 50) = 30 000. Discounted, the path that pays the
    # dearer months later is the cheaper: the extension where the contract costs more than
    # today's price (as in the report, 8 times), the recommended path where it costs less
    def through_2030(service, bridge):
        head = ap.service_path(10, 100.0, service, 0.0, 18.0, bridge, 0.0)
        tail_cash, tail_value = ap.after_years(10, 100.0, service, 0.0, 18.0, bridge)
        return head.cash_total[0] + tail_cash[0], head.present_value[0] + tail_value[0]

    (recommended, recommended_pv), (extension, extension_pv) = (
        through_2030(50.0, 2.0),
        through_2030(50.0, 12.0),
    )
    assert recommended == pytest.approx(30_000) and extension == pytest.approx(30_000)
    assert extension_pv > recommended_pv  # the contract cheaper than today's price
    assert through_2030(800.0, 12.0)[1] < through_2030(800.0, 2.0)[1]  # dearer: the report's


def test_equipment_at_end_of_2026_prices_paid_on_its_date():
    # 2 complexes × 1 000 × 1.1 (2026 inflation) = 2 200, paid after 365 days
    c = ap.equipment(2, 1000.0, 10.0, 10.0, 365.0)
    assert c.cash_2027[0] == pytest.approx(2_200)
    assert c.present_value[0] == pytest.approx(2_000)


def _data():
    return ap.AppraisalData(
        existing=100,
        additional=20,
        obligations=72_000,
        original=10,
        implied_price=150.0,
        pavlodar_sum_year=48_000.0,  # 1 200 a complex-year over 40 complexes, or 1 600 over 30
        pavlodar_complexes=40.0,
        pavlodar_complexes_low=30.0,
        pavlodar_price_year=2025,
        karaganda_year=2_400.0,
        cpi_index={2020: 50.0, 2021: 50.0, 2022: 80.0, 2023: 80.0, 2024: 100.0, 2025: 100.0},
        complex_months_to_end=1_440.0,
        total_cost=30_000.0,
    )


def test_the_reconciliation_ratios_at_a_terms_ends_are_fixed_by_the_term():
    # estimate 1 = 72 000 ÷ (10 × 60) = 120 → 150 / 120 = 1,25; at 90 months 80 → 1,875;
    # complex-months 1 440 ÷ (10 × 60) = 2,4, ÷ (10 × 90) = 1,6
    ratio, coverage = ap.reconciliation_ratios(_data(), [60, 90])
    assert list(ratio) == pytest.approx([1.25, 1.875])
    assert list(coverage) == pytest.approx([2.4, 1.6])


def test_current_price_between_the_estimates():
    # estimate 1 = 72 000 / (10 × 72) = 100; estimate 2 = 150; halfway = 125
    assert ap.current_price(_data(), 72, 0.5)[0] == pytest.approx(125)


def test_service_price_indexed_to_2026():
    # Pavlodar 1 200 a year at 2025 prices × 1.1 = 1 320; Karaganda 2 400 at 2021 prices
    # × 100 / 50 × 1.1 = 5 280; halfway 3 300 a year = 275 a month
    assert ap.service_price_2026(_data(), 2021, 10.0, 0.5, 0.0)[0] == pytest.approx(275)


def test_pavlodar_sum_over_the_region_or_the_city():
    # 48 000 over 40 complexes = 1 200 a year; over 30 (the city only) = 1 600; halfway 35
    # complexes = 1 371.43; × 1.1 (2026 inflation) ÷ 12 a month; Karaganda's weight 0
    for coverage, per_year in ((0.0, 1_200.0), (1.0, 1_600.0), (0.5, 48_000 / 35)):
        price = ap.service_price_2026(_data(), 2021, 10.0, 0.0, coverage)[0]
        assert price == pytest.approx(per_year * 1.1 / 12)


# one draw of every input for `_data()` (`new_complexes_start` as its month number,
# `equipment_purchase_date` as days from 1 January 2027)
_ONE_DRAW = {
    "new_complexes_in_service": 100.0,
    "new_complexes_start": 3.0,
    "service_term_months": 72.0,
    "tariff_estimate_weight": 0.5,
    "service_anchor_weight": 0.5,
    "pavlodar_coverage_weight": 0.0,
    "karaganda_price_year": 2021.0,
    "inflation_2026": 10.0,
    "discount_rate": 10.0,
    "price_growth_2028_2029": 0.0,
    "replacement_capex_per_complex": 1000.0,
    "equipment_purchase_date": 180.0,
    "stopgap_months": 2.0,
    "procurement_lead_days": 30.0,
    "procurement_announced_days_early": 0.0,
}


def _outputs(**changed: float) -> dict[str, np.ndarray]:
    """The model's outputs for `_ONE_DRAW` with some inputs changed."""
    return ap.evaluate(_data(), {n: np.array([v]) for n, v in {**_ONE_DRAW, **changed}.items()})


def test_reconciliation_estimate1_is_circular():
    out = _outputs()
    # complex-months 1 440 ÷ (10 × 72) = 2: estimate 1 payments ÷ obligations is that ratio
    assert out["coverage_ratio"][0] == pytest.approx(2.0)
    assert out["estimates_ratio"][0] == pytest.approx(1.5)  # 150 / 100
    # extension: 100 × 12 + 20 × 10 = 1 400; (1 440 + 1 400) × 150 / 30 000 = 14.2
    assert out["estimate2_vs_total_cost"][0] == pytest.approx(14.2)
    # a one-year contract on the line's path (the first day) pays for the equipment within
    # its year: at the region's reading, the path's 2027 cash and the equipment's, 120
    # complexes × 1 000 × 1.1 = 132 000 (reviews s31b–s31d: the memo's case б said as a total),
    # less the third a three-year price already holds in its year: 88 000 (reviews s47n, s47p)
    path = ap.FIRST_DAY_PATH.format(reading="region")
    assert out["equipment.cash_2027"][0] == pytest.approx(132_000)
    assert out[f"{ap.ONE_YEAR.format(path=path)}.cash_2027"][0] == pytest.approx(
        out[f"{path}.cash_2027"][0] + 88_000
    )


def test_days_from_the_valuation_date_as_calendar_months():
    # 1 March 2027 is day 59 (31 + 28): two months; 10 January is day 9 of January's 31
    assert ap.months_from_valuation([0, 9, 31, 59, 90])[:5].tolist() == pytest.approx(
        [0.0, 9 / 31, 1.0, 2.0, 3.0]
    )


def test_the_stop_gap_lasts_until_the_procurements_results():
    """Announced on 31 December (day −1), a procurement of 60 days ends on 1 March: the
    stop-gap's two months; of 10 days, on 10 January (day 9): 9/31 of a month; of 90 days,
    the law's two months still. Each month of 2027 is paid at one price, so the 2027 cash is
    linear in the stop-gap's months, from the first day's path (none) to the two months'."""
    announced = dataclasses.replace(_data(), procurement_announced=-1.0)
    line = f"{ap.STOPGAP_PATH.format(reading='region')}.cash_2027"
    first_day = f"{ap.FIRST_DAY_PATH.format(reading='region')}.cash_2027"

    def cash(lead_days: float, months: float = 2.0) -> float:
        x = {**_ONE_DRAW, "procurement_lead_days": lead_days, "stopgap_months": months}
        return float(ap.evaluate(announced, {n: np.array([v]) for n, v in x.items()})[line][0])

    two_months = float(_outputs(stopgap_months=2.0)[line][0])
    none = float(_outputs(stopgap_months=0.0)[first_day][0])
    assert cash(60) == pytest.approx(two_months)
    assert cash(90) == pytest.approx(two_months)
    assert cash(10) == pytest.approx(none + (two_months - none) * (9 / 31) / 2)
    assert cash(10, months=0.0) == pytest.approx(none)  # no stop-gap, whatever the length

    def cash_early(lead_days: float, days_early: float) -> float:
        x = {**_ONE_DRAW, "procurement_lead_days": lead_days}
        x["procurement_announced_days_early"] = days_early
        return float(ap.evaluate(announced, {n: np.array([v]) for n, v in x.items()})[line][0])

    # announced 27 days early, on 4 December (day −28): 60 days end on 2 February (day 32),
    # a month and 1/28 of February; 10 days end on 14 December, before the first day: none
    assert cash_early(60, 27) == pytest.approx(none + (two_months - none) * (1 + 1 / 28) / 2)
    assert cash_early(10, 27) == pytest.approx(none)
    assert cash_early(60, 0) == pytest.approx(two_months)  # on the last day: as above


UNIFORM = Distribution(shape="uniform")


def test_sampling_is_seeded():
    args = ({"a": 1.0}, {"a": (0.0, 2.0)}, {"a": "number"}, {"a": UNIFORM})
    first = mc.sample(*args, draws=500, seed=1)
    again = mc.sample(*args, draws=500, seed=1)
    assert first.equals(again)


def test_degenerate_distribution_is_the_point():
    drawn = mc.sample({"a": 3.0}, {"a": (3.0, 3.0)}, {"a": "number"}, {"a": UNIFORM}, draws=100)
    assert (drawn["a"] == 3.0).all()


def test_percentiles_ordered_and_within_range():
    drawn = mc.sample(
        {"a": 8.0},
        {"a": (0.0, 10.0)},
        {"a": "number"},
        {"a": Distribution(shape="triangular")},
        draws=2000,
    )
    p10, p50, p90 = mc.percentiles(drawn["a"].to_numpy())
    assert 0 <= p10 <= p50 <= p90 <= 10
    # triangular (0, 8, 10): the median is above the midpoint 5
    assert p50 > 5


def test_correlation_respected():
    d = {"a": UNIFORM, "b": Distribution(shape="uniform", correlation={"a": 0.5}, rationale="x")}
    drawn = mc.sample(
        {"a": 0.5, "b": 0.5},
        {"a": (0.0, 1.0), "b": (0.0, 1.0)},
        {"a": "number", "b": "number"},
        d,
        draws=10_000,
    )
    rho = mc.spearman(drawn[["a"]], drawn["b"].to_numpy())["a"]
    assert rho == pytest.approx(0.5, abs=0.03)


def test_integers_and_dates_stay_whole():
    drawn = mc.sample(
        {"n": 72, "d": dt.date(2026, 3, 1)},
        {"n": (60, 84), "d": (dt.date(2026, 3, 1), dt.date(2026, 7, 1))},
        {"n": "integer", "d": "date"},
        {"n": UNIFORM, "d": UNIFORM},
        draws=1000,
    )
    assert set(np.unique(drawn["n"])) <= set(range(60, 85))
    months = {mc.ordinal_to_date(v) for v in drawn["d"]}
    assert months == {dt.date(2026, m, 1) for m in range(3, 8)}


def test_contributions_name_the_driver():
    drawn = mc.sample(
        {"a": 0.5, "b": 0.5},
        {"a": (0.0, 1.0), "b": (0.0, 1.0)},
        {"a": "number", "b": "number"},
        {"a": UNIFORM, "b": UNIFORM},
        draws=5000,
    )
    out = 10 * drawn["a"].to_numpy() + drawn["b"].to_numpy()
    shares = mc.contributions(drawn, out)
    assert shares["a"] > 0.9
    assert shares.sum() == pytest.approx(1.0)


def test_a_correlated_input_that_does_not_enter_the_output_gets_no_share():
    """The discount rate is drawn with inflation (rank correlation 0,5) but does not enter
    nominal cash: a rank correlation alone gave it 12 % of the 2027 line's spread (review of
    4 Dec 2026); the regression on both gives it none."""
    drawn = mc.sample(
        {"inflation": 0.5, "rate": 0.5},
        {"inflation": (0.0, 1.0), "rate": (0.0, 1.0)},
        {"inflation": "number", "rate": "number"},
        {
            "inflation": UNIFORM,
            "rate": Distribution(
                shape="uniform", correlation={"inflation": 0.8}, rationale="a test"
            ),
        },
        draws=5000,
    )
    assert drawn["inflation"].rank().corr(drawn["rate"].rank()) > 0.7
    out = drawn["inflation"].to_numpy() * 3.0
    assert mc.spearman(drawn, out)["rate"] > 0.7  # the correlation alone would lend it
    shares = mc.contributions(drawn, out)
    assert shares["rate"] < 0.01 and shares["inflation"] > 0.99


def test_a_correlation_needs_its_rationale():
    with pytest.raises(ValueError):
        Distribution(shape="uniform", correlation={"a": 0.5})


def test_point_estimates_on_the_edition():
    from sergek_report.inputs import datasets
    from sergek_report.inputs.edition import load_edition
    from sergek_report.model import results
    from sergek_report.paths import DATA_DIR, PARAMS_DIR

    edition = load_edition(PARAMS_DIR / "default.yaml")
    tables = datasets.load_tables(None, data_dir=DATA_DIR, as_of=edition.edition_date)
    u = results.compute(tables, edition.assumption_values()).appraisal
    # stop-gap: 1 991 complexes × 2 months × halfway between 181 064 (estimate 1) and
    # 161 714 (estimate 2) tenge a month, no growth: 1 991 × 342 778 = 682.5 mn tenge
    assert u.get("stopgap.cash_2027") == pytest.approx(1991 * (181_064.0 + 161_714.0), rel=1e-4)
    # the complex-months ratio at 60 and 84 months: 1.264 × 72 / 60 and × 72 / 84
    assert u.get("coverage_ratio", "high") == pytest.approx(1.264 * 72 / 60, rel=1e-3)
    assert u.get("coverage_ratio", "low") == pytest.approx(1.264 * 72 / 84, rel=1e-3)
    p10, p50, p90 = (u.get("service.cash_2027", s) for s in ("p10", "p50", "p90"))
    assert p10 <= p50 <= p90
    # new equipment: 1 991 complexes × 8 250 000 tenge (the middle of 3,5–13 mn, the base of
    # a uniform range) × 1.123 (2026 inflation) × 1.0 (no growth) = 18 446 117 250 tenge
    assert u.get("equipment.cash_2027") == pytest.approx(18_446_117_250, rel=1e-9)
    # Pavlodar alone, its sum over the region's complexes: 1 991 × 8 021 428.57 tenge a
    # complex-year at 2026 prices (9 bn ÷ 3 years ÷ 420 complexes at 2025 prices, × 1.123),
    # twelve months of 2027, no growth; over the city's 240 complexes: 420/240 times that
    region = 1991 * 9e9 / 3 / 420 * 1.123
    assert u.get("pavlodar_region.cash_2027") == pytest.approx(region, rel=1e-9)
    assert u.get("pavlodar_city.cash_2027") == pytest.approx(1991 * 9e9 / 3 / 240 * 1.123, rel=1e-9)
    # against the current price for the same network and year: 1 991 × 12 × 171 388.77
    # (halfway between 181 064 and 161 714) = 4 094.9 mn; Pavlodar alone is 3.9 times that
    # over the region's complexes, 6.8 times over the city's
    current_2027 = 1991 * 12 * (181_064.011 + 161_713.533) / 2
    assert u.get("extension_year.cash_2027") == pytest.approx(current_2027, rel=1e-6)
    assert u.get("pavlodar_region_vs_current_price") == pytest.approx(
        region / current_2027, rel=1e-6
    )
    assert round(u.get("pavlodar_region_vs_current_price"), 1) == 3.9
    assert round(u.get("pavlodar_city_vs_current_price"), 1) == 6.8
    # another extension for the whole of 2027 (reviews s46d, s46e: priced at today's price to
    # 2029, it was no path): today's price for twelve months, then from 2028 the contract at
    # the line's reading (per camera) at its 2028–2029 prices, as the contract from the first
    # day pays them (its 2027, today's price for the year, is asserted above)
    for year in (2028, 2029):
        assert u.get(f"extension_year.cash_{year}") == pytest.approx(
            u.get(f"pavlodar_camera.cash_{year}"), rel=1e-9
        )
    # 2028 at the base values (no growth): 1 991 complexes × 9 bn ÷ 3 years ÷ 1 287 cameras ×
    # 7 894 ÷ 1 341 cameras a complex × 1.123 = 30 680.7 mn tenge, 7,5 times today's price
    per_camera_year = 9e9 / 3 / 1287 * 7894 / 1341 * 1.123
    assert u.get("extension_year.cash_2028") == pytest.approx(1991 * per_camera_year, rel=1e-5)
    # the realistic path at Pavlodar's prices, nominal, no growth in 2027: the stop-gap's two
    # months at the current price, then ten months at Pavlodar's, for the same 1 991 complexes:
    # 1 991 × (2 × 171 388.77 + 10 × 8 021 428.57 / 12) = 1 991 × (342 777.54 + 6 684 523.81)
    # = 1 991 × 7 027 301.35 = 13 991.36 mn tenge, printed «14,0»
    pavlodar_month = 9e9 / 3 / 420 * 1.123 / 12  # 668 452.38 tenge a complex-month
    path_pavlodar = 1991 * (2 * (181_064.011 + 161_713.533) / 2 + 10 * pavlodar_month)
    assert path_pavlodar == pytest.approx(13_991.36e6, rel=1e-6)
    assert u.get("service_pavlodar_region.cash_2027") == pytest.approx(path_pavlodar, rel=1e-6)
    # over the city's 240 complexes: 1 991 × (342 777.54 + 10 × 1 169 791.67) = 23 972.9 mn
    path_city = 1991 * (2 * (181_064.011 + 161_713.533) / 2 + 10 * pavlodar_month * 420 / 240)
    assert path_city == pytest.approx(23_972.86e6, rel=1e-5)
    assert u.get("service_pavlodar_city.cash_2027") == pytest.approx(path_city, rel=1e-6)
    # a gap instead of the stop-gap: the same ten months of the contract, nothing before
    assert u.get("no_bridge_pavlodar_region.cash_2027") == pytest.approx(
        1991 * 10 * pavlodar_month, rel=1e-6
    )
    # the same path at the midpoint (whose Pavlodar end is the region's at the base values)
    # costs more: only the service price differs
    assert u.get("service.cash_2027") - u.get("service_pavlodar_region.cash_2027") == (
        pytest.approx(
            u.get("announced.cash_2027") * 10 / 12 - u.get("pavlodar_region.cash_2027") * 10 / 12,
            rel=1e-9,
        )
    )
    # Pavlodar's prices come from its primary source: none of the Pavlodar path's spread is
    # due to Karaganda (its weight and price year: what is left is the draws' chance rank
    # correlation, below the half percent a driver needs to be named), nearly all of the
    # midpoint path's is
    shares = u.contributions
    karaganda = ["service_anchor_weight", "karaganda_price_year"]
    for reading in ("region", "city"):
        output = f"service_pavlodar_{reading}.cash_2027"
        assert shares.loc[output, karaganda].sum() < 0.005
        assert u.drivers(output).index.isin(karaganda).sum() == 0
        # each reading of Pavlodar's contract is priced alone: the weight that places the
        # midpoint's Pavlodar end between them does not move it
        assert shares.loc[output, "pavlodar_coverage_weight"] < 0.005
    assert shares.loc["service.cash_2027", karaganda].sum() > 0.9
    assert u.get("announced_vs_current_price") == pytest.approx(
        u.get("announced.cash_2027") / current_2027, rel=1e-6
    )


def test_the_printed_figure_is_the_median_inside_its_own_p10_p90():
    """The report prints «median (P10–P90)». The base case sets Pavlodar's complexes at all
    420 of the region (the cheapest end of its range) and the price growth at 0 %: printed as
    the options' figure it lay below its own P10 (16,0 against 17,0–26,8), a contradiction a
    reader sees at once."""
    from sergek_report.inputs import datasets
    from sergek_report.inputs.edition import load_edition
    from sergek_report.model import results
    from sergek_report.paths import DATA_DIR, PARAMS_DIR

    edition = load_edition(PARAMS_DIR / "default.yaml")
    tables = datasets.load_tables(None, data_dir=DATA_DIR, as_of=edition.edition_date)
    u = results.compute(tables, edition.assumption_values()).appraisal
    printed = [
        f"{line}.cash_2027"
        for line in (
            "stopgap",
            "extension_year",
            "service",
            "service_pavlodar_region",
            "service_pavlodar_city",
            "equipment",
            "announced",
            "no_bridge",
            "pavlodar_region",
            "pavlodar_city",
        )
    ]
    from sergek_report.chapter import decision_tables as dtab

    assert dtab.CENTRAL == "p50"
    for output in printed:
        assert u.get(output, "p10") <= u.get(output, "p50") <= u.get(output, "p90"), output
    assert dtab.budget_cell(u, "pavlodar_region.cash_2027") == "15,5 (14,8–16,3)"
    assert dtab.budget_cell(u, "pavlodar_city.cash_2027") == "27,2 (26,0–28,4)"
    # a reading the model cannot price (no camera counts) prints a dash, not a failure
    assert dtab.range_cell((25.61e9, 24.46e9, 26.76e9)) == "25,6 (24,5–26,8)"
    assert dtab.range_cell(None) == "\u2014"  # an em dash


def test_the_options_chart_writes_the_figures_of_the_appraisal_table():
    """One figure, one rendering: every bar's label is the table's cell for that option."""
    from sergek_report import labels as L
    from sergek_report import paths
    from sergek_report.chapter import decision_tables as dtab
    from sergek_report.model.computed import compute_edition

    project = paths.current()
    results = compute_edition(project.default_params, project.data_dir).results
    table = dtab.appraisal_table(results)
    fig, axes = dtab.appraisal_chart(results)
    # the dashed line's name beside it is no bar's label
    budget_labels = {t.get_text() for t in axes[0].texts} - {
        t.get_text() for t, _short in fig.narrow_texts
    }
    pv_labels = {t.get_text() for t in axes[1].texts}
    budget_column, pv_column = table.columns[1], table.columns[3]
    priced = table[~table[budget_column].str.startswith("не оценено")]
    # the priced rows in the memo's order of the paths (review s12a, 3.7: one order in the
    # memo's table, the chart and the tables, so that a deputy finds a row at the same place):
    # the path realistic on 1 January (the stop-gap, then the contract) at Pavlodar's prices,
    # its stop-gap as a part right under it («в том числе», not an alternative), the gap then
    # the contract, the contract from the first day, then each path at the midpoint (in the
    # same order), today's price last as a comparison; new equipment
    # without operation is a part of no priced path and is left to the chart's note
    names = list(priced[table.columns[0]])
    assert names == [
        "Продление, затем договор (цены Павлодара за АПК области)",
        "Продление, затем договор (цены Павлодара за АПК г. Павлодара)",
        # the budget line's own path (reviews s19g–s20i: the line's reading a row as the
        # others, not a product of one)
        "Продление, затем договор (цены Павлодара за камеру)",
        "в том числе: продление до итогов закупки (плата за его месяцы)",
        "Перерыв, затем договор (цены Павлодара за АПК области)",
        "Перерыв, затем договор (цены Павлодара за АПК г. Павлодара)",
        # (reviews s21l, s22a, s22b: every path per camera, not the line's alone: the memo's
        # Table 2 and recommendation 2 are traced here)
        "Перерыв, затем договор (цены Павлодара за камеру)",
        "Договор с первого дня (цены Павлодара за АПК области)",
        "Договор с первого дня (цены Павлодара за АПК г. Павлодара)",
        "Договор с первого дня (цены Павлодара за камеру)",
        # (reviews s44a, s44b: under each path's variant 3 the unverified Karaganda rows read
        # as variant 3 with Karaganda: apart, after Pavlodar's)
        "Продление, затем договор (цена между павлодарской и карагандинской)",
        "Перерыв, затем договор (цена между павлодарской и карагандинской)",
        "Договор с первого дня (цена между павлодарской и карагандинской)",
        "Отложить закупку на год: продление на весь год, если снять запрет",
    ]
    # the medians of the joint calculation (the base values are hand-checked in
    # test_point_estimates_on_the_edition): the stop-gap lasts as long as the procurement,
    # 10–60 days, so a path's median lies between the two-month stop-gap's (0,7 + 10/12 ×
    # 15,5 = 13,6; 0,7 + 10/12 × 27,2 = 23,3) and the first day's (15,5; 27,2); the stop-gap
    # alone is at most two months' 0,7; the gap path pays at least ten twelfths of the
    # contract (10/12 × 15,5 = 12,9; 10/12 × 27,2 = 22,7)
    assert [cell.split(" (")[0] for cell in priced[budget_column]] == [
        "14,9",
        "25,8",
        "28,4",
        "0,2",
        "14,7",
        "25,6",
        # per camera the paths' contract months scale the city's by 1,0977: 25,64 × 1,0977 =
        # 28,14 (the gap has no stop-gap's months), 27,20 × 1,0977 = 29,86
        "28,1",
        "15,5",
        "27,2",
        "29,9",
        "33,9",
        "33,7",
        "35,9",
        "3,9",
    ]
    row = priced[priced[table.columns[0]] == names[12]].iloc[0]
    assert row[budget_column] == dtab.budget_cell(results.appraisal, "announced.cash_2027")
    # the options no public figure prices are rows of the table, said, before the comparison
    unpriced = list(table[table[budget_column].str.startswith("не оценено")][table.columns[0]])
    assert unpriced == [
        "Новый договор ГЧП (конкурс или прямые переговоры)",
        "Передача комплексов в коммунальную собственность и эксплуатация городом",
    ]
    assert list(table[table.columns[0]]).index(unpriced[-1]) == len(table) - 2
    # the chart draws the paths, not the stop-gap that is a part of two of them
    paths = priced[~priced[table.columns[0]].str.startswith("в том числе")]
    assert len(paths) == len(priced) - 1
    assert budget_labels == set(paths[budget_column])
    from sergek_report.model import budget_line as model_line

    assert str(model_line.BUDGET_LINE_STAT) == "p90"
    assert (
        paths.set_index(table.columns[0])
        .loc[L.APPRAISAL_OPTIONS["pavlodar_city"], budget_column]
        .endswith("–28,4)")
    )
    # the table gives P10–P90 of the present value; the chart adds the base value before it
    assert {label.split(" (")[1].rstrip(")") for label in pv_labels} == set(paths[pv_column])
    # bars in the table's order, top to bottom, grouped by path (review s11d): each path's
    # name in bold over its rows, each row named by its price alone
    rows = dtab.appraisal_chart_rows()
    assert [dtab.row_name(option) for option, _, _ in rows] == list(paths[table.columns[0]])
    expected = []
    for option, key, heading in rows:
        expected += [(heading, True)] if heading else []
        expected.append((dtab.appraisal_chart_label(results, key, option), False))
    assert expected[:6] == [
        ("Продление, затем договор", True),
        # (reviews s23i, s23j: the memo's Table 1 variants, one name for each case)
        ("вариант 1: за 420 АПК области", False),
        ("вариант 2: за 240 АПК г. Павлодара", False),
        # (s40c, s40e–s40g: «за 1 287 камер области» read as Almaty buying cameras)
        # (s42a, s42b: «дороже» — than what? As the title page's card says the variant)
        ("вариант 3: за каждую камеру", False),
        ("Перерыв, затем договор", True),
        ("вариант 1: за 420 АПК области", False),
    ]
    assert [heading for heading, bold in expected if bold] == [
        "Продление, затем договор",
        "Перерыв, затем договор",
        "Договор с первого дня",
        # (reviews s44a, s44b: the unverified Karaganda rows apart, each named by its path)
        "Цена между павлодарской и карагандинской (не проверена)",
        "Отложить закупку на год",
    ]
    karaganda = expected.index(("Цена между павлодарской и карагандинской (не проверена)", True))
    assert expected[karaganda + 1 : karaganda + 4] == [
        ("продление, затем договор", False),
        ("перерыв, затем договор", False),
        ("договор с первого дня", False),
    ]
    for ax in axes:
        ticks = sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])
        drawn = [(t.get_text().replace("\n", " "), t.get_fontweight() == "bold") for t in ticks]
        assert drawn == expected


def test_chapter_twos_chart_draws_each_path_at_the_lines_variant_only():
    """Chapter 2's Fig. 3 (reviews s41g, s41h: twelve rows of paths by variants read as a
    second vocabulary): each path at the variant the budget line is drawn at, per camera, each
    path's name on its row; today's price last. The midpoint with Karaganda is not drawn
    (reviews s44m, s44n: its 35,5 beside Table 2's 53,5 at Karaganda's price itself read as
    two prices of Karaganda); every variant and the midpoint stay the appendix's (the options
    chart's full rows), and its caption's key has no grey bars to explain."""
    import matplotlib.colors

    from sergek_report import paths
    from sergek_report.chapter import charts
    from sergek_report.chapter import decision_tables as dtab
    from sergek_report.model.computed import compute_edition

    project = paths.current()
    results = compute_edition(project.default_params, project.data_dir).results
    options = dtab.path_chart_options(results)
    assert options == (
        "service_pavlodar_camera",
        "no_bridge_pavlodar_camera",
        "pavlodar_camera",
        "extension_year",
    )
    rows = dtab.appraisal_chart_rows(options)
    assert [(key, heading) for _option, key, heading in rows] == [
        ("camera", "Продление, затем договор"),
        ("camera", "Перерыв, затем договор"),
        ("camera", "Договор с первого дня"),
        ("comparison", "Отложить закупку на год"),
    ]
    assert dtab.appraisal_chart_key(midpoint=False) == (
        "полоса — центральная оценка, отрезок — разброс"
    )
    (ax,) = dtab.appraisal_chart(results, ["cash_2027"], options=options)[0].axes
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    # (review s46c: «вариант 3: за каждую камеру» under every path: a path drawn once is
    # named on its row, the variant is the caption's)
    assert labels == [
        # (s46h: the recommended bar unmarked: said on its row)
        "Продление, затем договор (рекомендуется)",
        "Перерыв, затем договор",
        "Договор с первого дня",
        # (s46h: a bold heading over it read as a group: its path and condition, one row)
        "Отложить закупку на год (если снять запрет)",
    ]
    # no heading in bold; the recommended path's row alone is, its bar in the full accent
    # colour (reviews s50a, s50b: every bar alike, the shortest caught the eye)
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["Продление, затем договор (рекомендуется)"]
    fills = {matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches}
    assert charts.ACCENT in fills and charts.ACCENT_LIGHT in fills


def test_one_name_per_option_in_every_table():
    """An option has one name wherever it is printed: each branch of the path is priced by
    the options chart's computations, named as the options chart names them (the branch
    «stop-gap confirmed» is the stop-gap-then-contract path, not a second line under another
    name), at Pavlodar's three prices and the midpoint with Karaganda's; the unpriced rows
    are named as data/options.csv names them."""
    from sergek_report import labels as L
    from sergek_report import paths
    from sergek_report.chapter import decision_tables as dtab
    from sergek_report.inputs import datasets
    from sergek_report.model.computed import compute_edition

    project = paths.current()
    computed = compute_edition(project.default_params, project.data_dir)
    results = computed.results
    tables = datasets.load_tables(None, data_dir=project.data_dir)
    u = results.appraisal

    def priced(line):
        region, city, midpoint = dtab.BRANCH_OUTPUT[line]
        outputs = (region, city, dtab.branch_camera_output(line), midpoint)
        return [(L.APPRAISAL_OPTIONS[o], dtab.budget_cell(u, f"{o}.cash_2027")) for o in outputs]

    # (review s22m: per camera too, as the tree's box gives it; hand checks per camera: the
    # city's × 1,0977, 27,20 × 1,0977 = 29,9, 25,95 × 1,0977 = 28,5)
    assert priced("announced") == [
        ("Договор с первого дня (цены Павлодара за АПК области)", "15,5 (14,8–16,3)"),
        ("Договор с первого дня (цены Павлодара за АПК г.\u00a0Павлодара)", "27,2 (26,0–28,4)"),
        ("Договор с первого дня (цены Павлодара за камеру)", "29,9 (28,5–31,2)"),
        ("Договор с первого дня (цена между павлодарской и карагандинской)", "35,9 (23,3–50,2)"),
    ]
    assert [figure for _name, figure in priced("bridge")] == [
        "14,9 (13,9–15,8)",
        "25,8 (24,1–27,6)",
        "28,4 (26,4–30,3)",
        "33,9 (22,1–47,5)",
    ]
    assert priced("no_bridge")[0] == (
        "Перерыв, затем договор (цены Павлодара за АПК области)",
        "14,7 (13,5–15,7)",
    )
    assert priced("no_bridge")[2][1] == "28,1 (26,0–30,2)"
    assert dtab.BRANCH_UNPRICED == {"transfer": "municipal"}
    assert "bridge.cash_2027" not in u.summary.index  # one computation, one set of figures
    options = tables["options"].set_index("option_id")
    assert options.loc["municipal", "name"] == L.UNPRICED_APPRAISAL_ROWS["municipal"]
    assert options.loc["ppp_new", "name"] == L.UNPRICED_APPRAISAL_ROWS["ppp_new"]
    # no option is named after Pavlodar while costed with Karaganda's prices as well
    assert "модель Павлодара" not in options.loc["service_contract", "name"]


def test_the_options_matrix_compares_them_side_by_side():
    """The chapter's comparison of the options is one short row each, in the order of
    data/options.csv, without cost figures (the options table's); the stop-gap's main risk
    is that the law's extension may not apply to a PPP; the detailed table keeps every risk
    and prints no cost figure either."""
    from sergek_report.chapter import decision_tables as dtab
    from sergek_report.inputs import datasets

    tables = datasets.load_tables(None)
    matrix = dtab.decision_matrix(tables["options"], tables["risks"]).set_index("Действие")
    # the order of the path to 1 January (review s11d, previous 2.12: the transfer, «не
    # оценено», stood in the middle): the two that can work on 1 January, the routes that take
    # months, then the transfer, which does not depend on the procurement
    # (review s33f: the two the memo's recommendations take, marked in the table itself)
    assert list(matrix.index) == [
        # (s48h: three «рекомендуется» read as rival choices: the path's steps, the insurance)
        "Сервисный договор через госзакупки (рекомендуется, второй шаг: после продления до "
        "итогов закупки)",
        # (s33i: two marks read as two rival choices: the stop-gap until the contract)
        "Продление до итогов закупки (рекомендуется, первый шаг: пока идёт закупка)",
        # the cheapest outcome, if the maslikhat may lift its own ban (review s28b)
        # (s38e, s38f: the memo's recommendation 6, marked as the other two are)
        "Ещё одно продление договора ГЧП (страховка, если юристы разрешат: до начала нового "
        "договора)",
        "Новый договор ГЧП",
        "Переход по образцу Астаны",
        "Передача комплексов городу",
    ]
    # (reviews s42h, s43a, s43b: the three the recommendations take, tinted: the first three
    # rows of data/options.csv, service_contract, stopgap, extension)
    assert dtab.recommended_rows(tables["options"]) == [0, 1, 2]
    # «заработает»: the question is whether the route will be working on that day (review
    # s12a, section 4); the day without its year, which the caption gives (one line a label)
    assert matrix.columns[0] == "Заработает ли с 1\u00a0января"
    extension = (
        "Ещё одно продление договора ГЧП (страховка, если юристы разрешат: до начала нового "
        "договора)"
    )
    assert matrix.loc[extension, "Главный риск"] == (
        "Зависимость от прежнего оператора (ПО, база нарушений, связь)"
    )
    assert not any(char.isdigit() for char in "".join(matrix.iloc[:, 0]))  # no cost figure
    assert matrix.loc[
        "Продление до итогов закупки (рекомендуется, первый шаг: пока идёт закупка)",
        "Главный риск",
    ] == ("Продление может оказаться неприменимым к договору ГЧП")
    assert matrix.loc["Новый договор ГЧП", "Главный риск"] == (
        "Конкурс или прямые переговоры по ГЧП не успевают к 1\u00a0января 2027 г."
    )
    # the Astana route is direct negotiations with the previous operator kept on (review s12a,
    # 3.9: «конкурс не успевает» did not fit it): its main risk is that dependence, and its
    # complexes and data are said as what the route means for Almaty, Astana the example
    astana = matrix.loc["Переход по образцу Астаны"]
    assert astana["Главный риск"].startswith("Зависимость от прежнего оператора")
    assert astana[matrix.columns[2]].startswith("По новому договору; в Астане")
    detail = dtab.options_detail(tables["options"], tables["risks"]).set_index("Действие")
    stopgap = detail.loc[tables["options"].set_index("option_id").loc["stopgap", "name"]]
    assert stopgap["Все риски"].count(";") == 2  # its three risks, none dropped
    # the price basis names Fig. 3's path as the chart names it (review s46b: «строка
    # «нынешняя цена»» long after the row was renamed)
    basis = detail["Основание цены"]
    row = "путь «отложить закупку на год» рисунка «Расходы 2027 года по путям»"
    ppp = tables["options"].set_index("option_id").loc["ppp_new", "name"]
    assert row in basis[tables["options"].set_index("option_id").loc["extension", "name"]]
    assert row in basis[ppp] and "нынешняя цена»" not in " ".join(basis)
    assert "20,9" not in " ".join(detail.to_numpy().ravel())
    # what the matrix says is not said again (reviews s32e, s32i, s32j: the appendix
    # repeated it card for card): the detail has neither the council's approval nor the
    # complexes' owner, and the matrix neither the law nor the price basis
    assert list(detail.columns) == [
        "Правовое основание",
        "Срок запуска",
        "Основание цены",
        "Все риски",
    ]
    assert not set(detail.columns) & set(matrix.columns)


def test_the_options_chart_draws_the_midpoint_rows_apart():
    """The rows at the midpoint of Pavlodar's and Karaganda's prices rest on Karaganda's
    unverified figures: a grey hatched bar with a grey whisker, never the accent of the rows
    at Pavlodar's verified price; the captions say what the grey bars are."""
    from matplotlib import colors as matplotlib_colors
    from matplotlib.collections import LineCollection

    from sergek_report import paths
    from sergek_report.chapter import charts
    from sergek_report.chapter import decision_tables as dtab
    from sergek_report.model.computed import compute_edition

    project = paths.current()
    results = compute_edition(project.default_params, project.data_dir).results
    fig, axes = dtab.appraisal_chart(results)
    for ax in axes:
        # each row by its place from the top: its heading (the path, in bold) and its label
        names, heading, path = {}, {}, None
        for label in sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1]):
            text = label.get_text().replace("\n", " ")
            if label.get_fontweight() == "bold":
                path = text
                continue
            names[round(label.get_position()[1])] = text
            heading[round(label.get_position()[1])] = path
        bars = {round(bar.get_y() + bar.get_height() / 2): bar for bar in ax.patches}
        assert sorted(bars) == sorted(names)  # a heading's row has no bar
        whiskers = {
            round(line.get_segments()[0][0][1]): line
            for line in ax.collections
            if isinstance(line, LineCollection)
        }
        midpoint = {y for y, name in heading.items() if name.startswith("Цена между павлодар")}
        assert {names[y] for y in midpoint} == {
            "продление, затем договор",
            "договор с первого дня",
            "перерыв, затем договор",
        }
        for y, bar in bars.items():
            weak = y in midpoint
            assert (bar.get_hatch() == charts.MUTED_HATCH) is weak, names[y]
            grey = matplotlib_colors.to_hex(bar.get_facecolor()) == charts.MUTED_FILL
            assert grey is weak, names[y]
            whisker = matplotlib_colors.to_hex(whiskers[y].get_colors()[0])
            # a grey darker than the hatching it crosses (review s28c: its ends were lost)
            assert whisker == (charts.WHISKER_MUTED if weak else charts.ACCENT), names[y]
            assert whiskers[y].get_zorder() > bar.get_zorder(), names[y]
    key = dtab.appraisal_chart_key()
    assert "полоса — центральная оценка, отрезок — разброс" in key
    # (s43s: the rows' low end is below variant 3's: the range they take, said; s44m, s44n:
    # «с учётом цены Караганды» read as Karaganda's price itself: named as a price between)
    assert (
        "серые штрихованные полосы — цена между павлодарской за комплекс и карагандинской: "
        "цифры Караганды не проверены"
    ) in key


def test_the_options_chart_says_what_it_leaves_out():
    """The chart draws the priced rows only: its note names the unpriced options and gives
    the one-off equipment (its median; the base case is 1 991 × 8,25 mn × 1,123 = 18,4 bn) as
    a part, not a path."""
    from sergek_report import paths
    from sergek_report.chapter import decision_tables as dtab
    from sergek_report.model.computed import compute_edition

    project = paths.current()
    results = compute_edition(project.default_params, project.data_dir).results
    note = dtab.appraisal_chart_note(results)
    assert "передача комплексов в коммунальную собственность и эксплуатация городом" in note
    assert "новый договор ГЧП" in note
    assert "17,8\u00a0млрд тенге (от 9,6 до 26,2) разово" in note


def test_each_reading_of_pavlodars_contract_is_priced_alone():
    """Pavlodar's 9 bn for 3 years over the region's 420 complexes or the city's 240: at the
    base values (no price growth, 2026 prices 1,123 × 2025's) the first-day contract for
    1 991 complexes costs 1 991 × 9 bn ÷ 3 ÷ 420 × 1,123 = 16,0 bn in 2027, or 420/240 times
    that, 27,9 bn; each reading is a row of its own, never blended with the other."""
    from sergek_report import paths
    from sergek_report.model.computed import compute_edition

    u = compute_edition(paths.DEFAULT_PARAMS, paths.DATA_DIR).results.appraisal
    region = u.get("pavlodar_region.cash_2027", "point")
    city = u.get("pavlodar_city.cash_2027", "point")
    assert region == pytest.approx(1991 * 9e9 / 3 / 420 * 1.123, rel=2e-3)
    assert city == pytest.approx(region * 420 / 240, rel=1e-9)
    # priced alone, each reading's range lies wholly on its own side: no blend of the two
    assert u.get("pavlodar_region.cash_2027", "p90") < u.get("pavlodar_city.cash_2027", "p10")
    assert not any(name.startswith("pavlodar_only") for name in u.summary.index)


def test_the_budget_line_and_its_reckoner_by_hand():
    """The memo's line covers every start of the new contract whatever Pavlodar's sum pays
    for: the contract from the first day (reviews s41a, s41b: a line for the stop-gap's path
    held only a procurement announced on its last day and asked the earlier, safer one for an
    amendment; a later start, after the stop-gap or a gap, costs less), its upper end at the
    dearest reading, per camera at Almaty's latest exact count, rounded up to a whole billion
    (reviews s16h, s17d–s17h).
    Hand-checked at the edition's values: Pavlodar's 9 bn over 3 years over 240 complexes =
    12,5 mn tenge a complex-year before 2026 inflation, 14,04 mn with 12,3 %; the path's point
    estimate is a year of 1 991 × 14,04 mn = 27,95 bn; its upper end 28,43 bn (Table 1's
    «25,9–28,4» at the city's reading). Per camera: 7 894 / 1 341 = 5,887 cameras a complex in
    Almaty (the later «более 9 000» on 1 641, at least 5,48, does not contradict it) against
    1 287 / 240 = 5,3625 in Pavlodar's city: × 1,0977, 31,21 bn, rounded up: 32. One point more
    of inflation adds to a draw 1 991 × 12,5 mn × 1,0977 × 1 % = 0,273 bn (fewer complexes in
    some draws: 0,272); the line's upper end reaches 32 at 17,7 % (that inflation held, the rest
    drawn: the memo's checklist); 100 complexes fewer: 100 × 14,04 mn × 1,0977 = 1,54 bn per
    camera (0,80 bn at the region's 8,02 mn per complex). The later years' upper ends 31,06
    and 34,29, × 1,0977 = 34,09 and 37,64, rounded up: 35 and 38."""
    from sergek_report import paths
    from sergek_report.model import budget_line as model_line
    from sergek_report.model.computed import compute_edition

    project = paths.current()
    results = compute_edition(project.default_params, project.data_dir).results
    line = results.budget_line
    u = results.appraisal
    assert model_line.BUDGET_LINE == "pavlodar_city.cash_2027"
    # the line holds the paths realistic on 1 January too: each starts the contract later
    for path in ("service_pavlodar_city.cash_2027", "no_bridge_pavlodar_city.cash_2027"):
        assert u.get(model_line.BUDGET_LINE, "p90") >= u.get(path, "p90")
    # 9 bn / 3 / 240 × 1,123 = 14,04 mn a complex-year, the memo's Table 1
    assert results.one_basis.pavlodar_year_city == pytest.approx(12.5e6 * 1.123)
    assert line.upper_end == pytest.approx(28.43e9, rel=1e-3)
    factor = (7894 / 1341) / (1287 / 240)
    assert factor == pytest.approx(1.0977, abs=1e-4)
    assert results.cameras.factor[0] == pytest.approx(factor)
    assert line.line_factor == pytest.approx(factor)  # the line's reading: per camera
    assert line.amount == 32e9  # 31,21 rounded up to a whole billion
    # the same path at the region's reading (9 bn / 3 / 420 × 1,123 = 8,02 mn a complex-year):
    # the line the memo says the budget may shrink to, 16,2 (17 rounded up)
    assert line.amount_cheaper == pytest.approx(16.25e9, rel=2e-3)
    assert u.get(model_line.BUDGET_LINE) == pytest.approx(1991 * 12.5e6 * 1.123, rel=1e-6)
    # at the line's reading, per camera (review s18a: per complex beside a line per camera):
    # a year of the contract a point, at most the whole network's 0,273
    assert 0.249e9 < line.per_inflation_point <= 0.2733e9
    assert line.per_inflation_point == pytest.approx(0.272e9, rel=0.01)
    stopgap = u.get("stopgap.cash_2027")
    assert stopgap == pytest.approx(0.68e9, rel=0.01)  # the point: two months
    assert u.get("stopgap.cash_2027", "p90") < stopgap  # the drawn: shorter
    assert line.covered_inflation == pytest.approx(17.6, abs=0.05)
    # the threshold's meaning, re-evaluated here: with 2026 inflation held at it in every
    # draw and the rest drawn, the path's upper end is the line; a point more, 0,272 more
    held = {**u.inputs, "inflation_2026": np.full(u.draws, line.covered_inflation)}
    output = f"{line.line_path}.cash_2027"
    at_threshold = ap.evaluate(results.appraisal_data, held)[output]
    assert np.percentile(at_threshold, 90) == pytest.approx(32e9, rel=1e-6)
    held["inflation_2026"] = held["inflation_2026"] + 1
    above = ap.evaluate(results.appraisal_data, held)[output]
    assert np.percentile(above, 90) - 32e9 == pytest.approx(line.per_inflation_point, rel=1e-6)
    assert line.per_fewer_complexes == pytest.approx(-100 * 12.5e6 * 1.123 * factor, rel=1e-6)
    assert line.per_fewer_complexes_cheaper == pytest.approx(-0.80e9, rel=0.01)
    # the later years of a three-year contract: the appendix's table by year prints 31,1 and
    # 34,4 at the city's reading, per camera and rounded up 35 and 38; 17,7 and 19,7 at the
    # region's; each above the year before (the price grows by assumption from 2028)
    city_later = [u.get(f"pavlodar_city.cash_{y}", "p90") for y in (2028, 2029)]
    assert [round(x / 1e9, 1) for x in city_later] == [31.1, 34.4]
    assert [round(x * factor / 1e9, 2) for x in city_later] == [34.14, 37.74]
    # every path is the same contract in 2028–2029: the stop-gap is 2027's alone
    for year in (2028, 2029):
        assert u.get(f"service_pavlodar_city.cash_{year}", "p90") == u.get(
            f"pavlodar_city.cash_{year}", "p90"
        )
    # the path per camera is priced by the joint calculation (reviews s19g–s20i: the line's
    # own path, with its spread and later years): no months at today's price, so every
    # quantile is the city's times the factor
    camera_later = [u.get(f"pavlodar_camera.cash_{y}", "p90") for y in (2028, 2029)]
    assert camera_later == pytest.approx([x * factor for x in city_later], rel=1e-9)
    assert line.later_years == (35e9, 38e9)
    # the gap's and the first day's paths per camera (reviews s20q–s21d): no stop-gap's months
    # at today's price, so every quantile is the city's times the factor: 25,64 × 1,0977 =
    # 28,14 and 27,20 × 1,0977 = 29,86 (medians); the first day's 28,45 × 1,0977 = 31,2 is the
    # upper end the line is rounded up from
    for path in ("no_bridge_pavlodar", "pavlodar"):
        for stat in ("p10", "p50", "p90"):
            assert u.get(f"{path}_camera.cash_2027", stat) == pytest.approx(
                u.get(f"{path}_city.cash_2027", stat) * factor, rel=1e-9
            )
    assert round(u.get("no_bridge_pavlodar_camera.cash_2027", "p50") / 1e9, 1) == 28.1
    assert round(u.get("pavlodar_camera.cash_2027", "p50") / 1e9, 1) == 29.9
    assert line.per_camera == u.get("pavlodar_camera.cash_2027", "p90")
    assert line.per_camera == pytest.approx(line.upper_end * factor, rel=1e-9)
    assert round(line.per_camera / 1e9, 1) == 31.2
    # at a price held for the three years, as Pavlodar's sum is (reviews s22k, s22l: 27 + 32
    # + 32 = 91 against 100): a year of 2028 or 2029 is a whole year at the 2027 price, as
    # the line's contract is in 2027, with the whole network (a new complex missing in 2027
    # works from 2028): its upper end lies between the line's 31,2 and 31,2 × 1 991 / 1 940,
    # and rounds up to 32 in both years
    constant = [u.get(f"pavlodar_camera_constant_price.cash_{y}", "p90") for y in (2028, 2029)]
    assert constant[0] == pytest.approx(constant[1], rel=1e-9)
    assert line.per_camera <= constant[0] <= line.per_camera * 1991 / 1940
    assert line.later_years_constant_price == (32e9, 32e9)
    # the upper ends themselves, which the memo's Table 1 note prints («по 31,2»)
    assert [round(x / 1e9, 1) for x in constant] == [31.2, 31.2]
    # the lines at the cheaper reading, per complex, rounded up alike: 16,25, 17,77, 19,64
    assert line.lines_cheaper == (17e9, 18e9, 20e9)
    assert [round(x / 1e9, 1) for x in line.later_years_cheaper] == [17.8, 19.6]
    # at the city's 240 complexes per complex: 28,45, 31,10 and 34,38 rounded up (the memo's
    # table of lines, review s18g)
    assert line.lines_city == (29e9, 32e9, 35e9)
    assert line.lines == (32e9, 35e9, 38e9)
    assert line.amount < line.later_years[0] < line.later_years[1]
    assert line.per_camera <= line.amount
    # the path's 2027 median and P10–P90 at the same reading (the memo's table of lines,
    # reviews s19g, s20a): its upper end is the one the line rounds up
    assert [round(x / 1e9, 1) for x in line.per_camera_range] == [29.9, 28.5, 31.2]
    assert line.per_camera_range[2] == line.per_camera
    # a complex-year per camera at any count of Pavlodar's complexes: 9 bn / 3 / 1 287 cameras
    # × 1,123 × 5,887 cameras = 15,41 mn, above 14,04 per complex (the memo's «Почему»)
    assert line.per_camera_year == pytest.approx(9e9 / 3 / 1287 * 1.123 * 7894 / 1341, rel=1e-4)
    assert line.per_camera_year == pytest.approx(15.41e6, rel=1e-3)
    assert results.one_basis.pavlodar_year * results.cameras.factor[1] == pytest.approx(
        results.one_basis.pavlodar_year_city * results.cameras.factor[0]
    )


def test_two_rows_of_the_drivers_table_with_the_same_shares_are_said_to_be_a_coincidence():
    """Reviews s13, s14f, s14g took the first and last rows of the appendix's table of what
    drives each spread (63 % / 37 % for inflation and the new complexes, and for the new
    complexes' date and share) for a copying slip: 0,634 / 0,366 and 0,627 / 0,373 round to
    the same whole per cents. The note under the table says so; rows with other shares, or
    the same shares of the same unknowns, need no note."""
    from types import SimpleNamespace

    import pandas as pd

    from sergek_report import labels as L
    from sergek_report.chapter.decision_tables import drivers_same_shares

    first, *middle, last = L.DRIVER_OUTPUTS
    assert first == "budget_line_path"  # the line's own path (review s23m), read below
    first = "service_pavlodar_camera.cash_2027"
    shares = {output: pd.Series({f"x{n}": 1.0}) for n, output in enumerate(middle)}
    shares[first] = pd.Series({"inflation_2026": 0.634, "new_complexes_in_service": 0.366})
    shares[last] = pd.Series({"new_complexes_start": 0.627, "new_complexes_in_service": 0.373})

    def results(table):
        return SimpleNamespace(
            appraisal=SimpleNamespace(drivers=lambda o, top=3: table[o]),
            budget_line=SimpleNamespace(line_path="service_pavlodar_camera"),
        )

    assert drivers_same_shares(results(shares)) == (
        "одинаковые доли двух строк (63\u00a0% и 37\u00a0%) — совпадение при округлении до "
        "процента (63,4 и 62,7\u00a0%)"
    )
    other = {**shares, last: pd.Series({"new_complexes_start": 0.7, "x": 0.3})}
    assert drivers_same_shares(results(other)) is None
    same_unknowns = {**shares, last: shares[first] * 1.0}
    assert drivers_same_shares(results(same_unknowns)) is None


def test_a_finer_rounding_step_prints_the_lines_at_their_tenth():
    """The lines are rounded up to the edition's step (params: budget_line_step): at 0,1 bn
    the later years' upper ends per camera, 31,10 × 1,0977 = 34,14 and 34,38 × 1,0977 =
    37,74, round up to 34,2 and 37,8, and the memo prints them so, never rounded again to 35
    and 38 (the whole billions of the default step); 31,21 rounds up to 31,3."""
    from sergek_report import paths
    from sergek_report.chapter import decision_tables
    from sergek_report.model.computed import compute_edition

    project = paths.current()
    results = compute_edition(
        project.default_params, project.data_dir, {"budget_line_step": 0.1}
    ).results
    line = results.budget_line
    printed = [decision_tables.line_bn(x) for x in (line.amount, *line.later_years)]
    assert printed == ["31,3", "34,2", "37,8"]
    assert [decision_tables.line_bn(x) for x in line.lines_cheaper] == ["16,3", "17,8", "19,7"]
    # another year at today's price: its upper end, 4,5 on the title page's chart (3,7–4,5)
    assert decision_tables.bn(results.appraisal.get("extension_year.cash_2027", "p90")) == "4,5"


def test_the_chapters_chart_names_its_dashed_line_beside_it_not_in_its_title():
    """Fig. 3's dashed line is named beside it, «строка бюджета 32 млрд», as on the title
    page; its title is the panel's measure alone (reviews s42g, s42h, s43g: «пунктир —
    строка 32: договор с первого дня, вариант 3, до 31,2» read as a legend squeezed into the
    title; the paragraph before the chart says what the line is rounded up from). The label
    is the wide drawing's; on a phone, where it has no room, its figure alone (reviews s47o,
    s48a, s48b: the line unnamed there)."""
    from sergek_report import paths
    from sergek_report.chapter import decision_tables
    from sergek_report.model.computed import compute_edition

    r = compute_edition(paths.DEFAULT_PARAMS, paths.DATA_DIR).results
    fig = decision_tables.appraisal_chart(
        r, ["cash_2027"], options=decision_tables.path_chart_options(r)
    )[0]
    (ax,) = fig.axes
    assert ax.get_title() == "Расходы 2027 года, млрд тенге"
    labels = [(t.get_text(), short) for t, short in fig.narrow_texts]
    assert labels == [("строка бюджета 32\u00a0млрд", "32\u00a0млрд")]
    # the phone's drawing writes the short form where the long one was
    from sergek_report.chapter import charts

    svg = charts.to_narrow_svg(fig)
    assert "строка бюджета" not in svg and ("32\u00a0млрд" in svg or "32&#160;млрд" in svg)
    assert not any("пунктир" in t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_text")))


def test_the_line_is_drawn_per_camera_only_at_the_reading_per_camera():
    """The memo's Table 1 and the title page's checks read one predicate: the line drawn per
    camera. Priced per camera but drawn at the city's price, Table 1 has two rows (review of
    s33: the two asked different questions)."""
    from types import SimpleNamespace

    from sergek_report.model.budget_line import BudgetLine

    def results(reading, per_camera_range):
        line = BudgetLine(
            amount=27e9,
            upper_end=24.4e9,
            amount_cheaper=14.2e9,
            covered_inflation=15.6,
            per_inflation_point=0.23e9,
            per_fewer_complexes=-1.3e9,
            per_fewer_complexes_cheaper=-0.7e9,
            per_camera_range=per_camera_range,
            line_reading=reading,
        )
        return SimpleNamespace(budget_line=line)

    assert results("camera", (25.5e9, 24.4e9, 26.7e9)).budget_line.drawn_per_camera
    assert not results("city", (22.0e9, 21.0e9, 23.1e9)).budget_line.drawn_per_camera
    assert not results("city", None).budget_line.drawn_per_camera


def test_each_month_of_the_contract_before_the_stop_gaps_end_adds_its_share():
    """Chapter 2's «каждый месяц раньше добавит около 2,2 млрд»: the first day's point estimate
    less the line's path's, over the stop-gap's months (hand-checked: (26 − 20) / 2 = 3 a
    month); without a stop-gap, nothing."""
    from types import SimpleNamespace

    from sergek_report.chapter import decision_tables

    points = {"service_pavlodar_camera.cash_2027": 20e9, "pavlodar_camera.cash_2027": 26e9}

    def results(months: int):
        return SimpleNamespace(
            appraisal=SimpleNamespace(get=lambda output: points[output]),
            assumptions=SimpleNamespace(stopgap_months=months),
            # as BudgetLine says it: the line's path is the contract from the first day
            budget_line=SimpleNamespace(line_reading="camera", line_path="pavlodar_camera"),
        )

    assert decision_tables.per_month_earlier(results(2)) == 3e9
    assert decision_tables.per_month_earlier(results(0)) == 0.0


def test_the_stop_gap_paths_central_estimate_is_said_with_its_contracts_start():
    """Chapter 2 says the date behind the stop-gap's path's central estimate (review s42a:
    27,4 read against the text's 1 March): the last day to announce, less the days the
    procurement is announced early, plus its length, the median of the drawn difference.
    Hand check: the length is uniform over 10–60 days (median 35), the days early over 0–27
    (median 13,5), independent and symmetric: the difference's median is 35 − 13,5 = 21,5,
    22 in the whole-day draws; 31 December + 22 days = 22 January; the longest procurement
    announced on the last day, 60 days, gives 1 March."""
    import datetime as dt

    import numpy as np

    from sergek_report import paths
    from sergek_report.model.computed import compute_edition

    r = compute_edition(paths.DEFAULT_PARAMS, paths.DATA_DIR).results
    assert np.median(r.appraisal.inputs["procurement_lead_days"]) == 35.0
    assert r.procurement_latest_start_in_stopgap == dt.date(2026, 12, 31)
    assert r.stopgap_contract_start_central == dt.date(2027, 1, 22)
    # the days it is announced on: from the edition's, 27 days early, to the last day
    assert r.procurement_announced_range == (dt.date(2026, 12, 4), dt.date(2026, 12, 31))
    assert r.contract_after_stopgap == dt.date(2027, 3, 1)


def test_a_threshold_no_value_reaches_names_the_assumption():
    """The memo's inflation threshold is where the line's upper end, that input held, meets
    the line; a line no inflation from −100 % to 1 000 % reaches (a hostile step or data) stops
    the build with a message naming the assumption and where to look, not a traceback."""
    from sergek_report import paths
    from sergek_report.errors import ParameterError
    from sergek_report.model.computed import compute_edition
    from sergek_report.model.uncertainty import held_threshold

    project = paths.current()
    results = compute_edition(project.default_params, project.data_dir).results
    output = f"{results.budget_line.line_path}.cash_2027"
    with pytest.raises(ParameterError, match=r"assumption inflation_2026 .* params/"):
        held_threshold(
            results.appraisal_data, results.appraisal, output, "inflation_2026", 1e15, "p90"
        )


def test_no_label_of_the_options_chart_overlaps_another():
    """Fig. 13's group heading «Цена между павлодарской и карагандинской (не проверена)»
    wraps onto two lines; its second line lay over the row below (review s45a): a heading
    takes as many rows as its lines, and no two labels of a panel overlap."""
    from sergek_report import paths
    from sergek_report.chapter import decision_tables as dtab
    from sergek_report.model.computed import compute_edition

    project = paths.current()
    results = compute_edition(project.default_params, project.data_dir).results
    fig, axes = dtab.appraisal_chart(results)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in axes:
        boxes = sorted(
            (label.get_window_extent(renderer) for label in ax.get_yticklabels()),
            key=lambda box: -box.y1,
        )
        assert any("\n" in label.get_text() for label in ax.get_yticklabels())
        for upper, lower in zip(boxes, boxes[1:], strict=False):
            assert lower.y1 <= upper.y0 + 0.5, (upper, lower)
