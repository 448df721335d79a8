"""The calculation building blocks (dates, deployment, prices, budget), checked by hand.

Each expected number has its hand calculation in a comment next to it. Nothing here reads
data/ or params/: the inputs are small literals, so every expectation can be redone on paper.
The model that puts the blocks together is tested in test_model.py.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from sergek_report.errors import MissingDataError
from sergek_report.model import budget, dates, deployment, prices

OBLIGATIONS = 9_986_042_340
# 9 986 042 340 / (766 * 72) = 9 986 042 340 / 55 152: 55 152 * 181 064 = 9 986 041 728,
# remainder 612, 612 / 55 152 = 0.0111 -> 181 064.0111 tenge per complex-month.
TARIFF = 181_064 + 612 / 55_152

# Hand-checkable deployment: 400 complexes flat from 1 Jan 2020 to 31 Dec 2021, then +1 per day
# to 643 on 31 Aug 2022 (31 Dec -> 31 Aug is 31+28+31+30+31+30+31+31 = 243 days, +243).
HAND_DEPLOYMENT = pd.DataFrame(
    {
        "date": pd.to_datetime(["2020-01-01", "2021-12-31", "2022-08-31"]),
        "complexes": [400, 400, 643],
    }
)


# -- dates -------------------------------------------------------------------------------------


def test_months_between_inclusive():
    assert dates.months_between("2020-01-01", "2025-12-31") == 72  # 6 years * 12
    assert dates.months_between(dt.date(2020, 1, 1), dt.date(2022, 8, 31)) == 32  # 24 + 8
    assert dates.months_between("2026-03-01", "2026-03-31") == 1
    with pytest.raises(ValueError, match="before start"):
        dates.months_between("2026-01-01", "2025-12-31")


def test_as_date_accepts_the_usual_forms_and_rejects_missing():
    march = dt.date(2026, 3, 1)
    assert dates.as_date("2026-03-01") == march
    assert dates.as_date(pd.Timestamp("2026-03-01 13:00")) == march
    assert dates.as_date(dt.datetime(2026, 3, 1, 9, 30)) == march
    with pytest.raises(ValueError, match="ISO date"):
        dates.as_date("1 марта 2026")
    with pytest.raises(ValueError, match="missing"):
        dates.as_date(None)
    with pytest.raises(ValueError, match="missing"):
        dates.as_date(float("nan"))


def test_as_date_rejects_nat():
    with pytest.raises(ValueError, match="missing"):
        dates.as_date(pd.NaT)


def test_mid_months_are_the_15th_of_every_month_of_the_payment_period():
    # January 2020 .. August 2022: 12 + 12 + 8 = 32 months, each counted on the 15th.
    days = dates.mid_months("2020-01-01", "2022-08-31")
    assert len(days) == 32
    assert days[0] == pd.Timestamp("2020-01-15")
    assert days[12] == pd.Timestamp("2021-01-15")
    assert days[-1] == pd.Timestamp("2022-08-15")
    assert set(days.day) == {15}
    # a start in the middle of a month still counts that month
    assert dates.mid_months("2020-01-20", "2020-03-01")[0] == pd.Timestamp("2020-01-15")
    assert len(dates.mid_months("2020-01-20", "2020-03-01")) == 3


def test_month_end():
    assert dates.month_end(2026, 2) == dt.date(2026, 2, 28)
    assert dates.month_end(2024, 2) == dt.date(2024, 2, 29)  # leap year
    assert dates.month_end(2026, 12) == dt.date(2026, 12, 31)


# -- size and cost per complex -----------------------------------------------------------------


def test_growth_ratios():
    assert deployment.growth_ratio(1991, 766) == pytest.approx(2.5992, abs=1e-4)  # 1991 / 766
    assert round(deployment.growth_ratio(1991, 766), 2) == 2.60
    assert deployment.growth_ratio(1641, 766) == pytest.approx(2.1423, abs=1e-4)  # 1641 / 766
    assert deployment.growth_ratio(1991, 1641) == pytest.approx(1.2133, abs=1e-4)  # 1991 / 1641
    with pytest.raises(ValueError, match="positive"):
        deployment.growth_ratio(10, 0)


def test_obligations_per_complex():
    # 766 * 13 036 608 = 9 986 041 728; remainder 612; 612 / 766 = 0.799 -> 13 036 608.80
    value = budget.obligations_per_complex(OBLIGATIONS, 766)
    assert value == pytest.approx(13_036_608.799, abs=1e-3)
    assert round(value) == 13_036_609


def test_estimated_monthly_tariff():
    # hand: 9 986 042 340 / 55 152 = 181 064 + 612 / 55 152 = 181 064.0111
    tariff = budget.estimated_monthly_tariff(OBLIGATIONS, 766, 72)
    assert tariff == pytest.approx(181_064.0111, abs=1e-4)
    assert round(tariff) == 181_064
    # 60 months: 9 986 042 340 / 45 960 = 217 276.8133
    tariff_60 = budget.estimated_monthly_tariff(OBLIGATIONS, 766, 60)
    assert tariff_60 == pytest.approx(217_276.8133, rel=1e-9)
    with pytest.raises(ValueError, match="service term"):
        budget.estimated_monthly_tariff(OBLIGATIONS, 766, 0)


def test_tariff_by_term():
    table = budget.tariff_by_term(OBLIGATIONS, 766, [60, 72, 84])
    assert list(table.columns) == ["term_months", "monthly", "annual"]
    assert list(table["term_months"]) == [60, 72, 84]
    # 9 986 042 340 / (766 * 60) = 9 986 042 340 / 45 960 = 217 276.81…
    # 9 986 042 340 / (766 * 84) = 9 986 042 340 / 64 344 = 155 197.72…
    assert list(table["monthly"]) == pytest.approx([217_276.8133, 181_064.0111, 155_197.7238])
    # annual = 12 * monthly: 2 607 321.76, 2 172 768.13, 1 862 372.69
    assert list(table["annual"]) == pytest.approx([2_607_321.760, 2_172_768.133, 1_862_372.686])


def test_interpolated_complexes():
    interp = deployment.interpolated_complexes
    assert interp(HAND_DEPLOYMENT, "2019-12-15") == 0  # before the first milestone: none
    assert interp(HAND_DEPLOYMENT, "2020-01-01") == 400
    assert interp(HAND_DEPLOYMENT, "2021-06-15") == 400
    # 15 Jan 2022 is 15 days after 31 Dec 2021: 400 + 15
    assert interp(HAND_DEPLOYMENT, "2022-01-15") == pytest.approx(415)
    series = interp(HAND_DEPLOYMENT, ["2022-02-15", "2022-08-31"])
    assert list(series) == pytest.approx([446, 643])  # 31 + 15 = 46 days; last milestone
    with pytest.raises(ValueError, match="not extrapolating"):
        interp(HAND_DEPLOYMENT, "2022-09-15")


def test_interpolation_needs_milestones_on_distinct_dates():
    with pytest.raises(MissingDataError, match="no milestones"):
        deployment.interpolated_complexes(HAND_DEPLOYMENT.iloc[0:0], "2020-01-01")
    twice = pd.concat([HAND_DEPLOYMENT, HAND_DEPLOYMENT.iloc[[0]]], ignore_index=True)
    with pytest.raises(ValueError, match="same date"):
        deployment.interpolated_complexes(twice, "2020-01-01")


def test_complex_months_hand_check():
    # Jan 2020 .. Dec 2021: 24 months * 400 = 9 600.
    # Jan .. Aug 2022, counted on the 15th: days after 31 Dec = 15, 46, 74, 105, 135, 166, 196,
    # 227 (sum 964); counts 400 + days -> 8 * 400 + 964 = 4 164.
    # Total for the 32 months Jan 2020 .. Aug 2022: 9 600 + 4 164 = 13 764.
    assert deployment.complex_months(HAND_DEPLOYMENT, "2020-01-01", "2022-08-31") == (
        pytest.approx(13_764)
    )
    assert deployment.complex_months(HAND_DEPLOYMENT, "2022-01-01", "2022-08-31") == (
        pytest.approx(4_164)
    )


def test_in_service_by_month_hand_check():
    series = deployment.in_service_by_month(HAND_DEPLOYMENT, "2020-01-01", "2022-08-31")
    assert len(series) == 32  # Jan 2020 .. Aug 2022
    assert series.index[0] == pd.Timestamp("2020-01-15")
    assert series.index[-1] == pd.Timestamp("2022-08-15")
    assert (series.iloc[:24] == 400).all()  # flat through 2021
    # 2022 on the 15th: 400 + 15, 46, 74, 105, 135, 166, 196, 227 days after 31 Dec 2021
    assert list(series.iloc[24:]) == pytest.approx([415, 446, 474, 505, 535, 566, 596, 627])
    assert series.sum() == pytest.approx(13_764)  # the complex-months of the period


def test_implied_tariff_from_payments():
    # 2.6 bn / 13 764 complex-months = 188 898.58 tenge
    assert budget.implied_tariff_from_payments(2.6e9, 13_764) == pytest.approx(188_898.5760, 1e-9)
    with pytest.raises(ValueError, match="complex-months"):
        budget.implied_tariff_from_payments(2.6e9, 0)


# -- prices ------------------------------------------------------------------------------------

RATES = {2021: 8.4, 2022: 20.3, 2023: 9.8, 2024: 8.4, 2025: 12.3, 2026: 12.3}


def test_cpi_chain_index():
    index = prices.cpi_chain_index(RATES)
    assert list(index.index) == [2021, 2022, 2023, 2024, 2025, 2026]
    assert index[2021] == 100
    assert index[2022] == pytest.approx(120.3)  # 100 * 1.203
    assert index[2023] == pytest.approx(132.0894)  # 120.3 * 1.098
    assert index[2024] == pytest.approx(143.1849096)  # 132.0894 * 1.084
    assert index[2025] == pytest.approx(160.7966535)  # 143.1849096 * 1.123
    assert index[2026] == pytest.approx(180.5746419)  # 160.7966535 * 1.123


def test_cpi_chain_backwards():
    # December 2020 = 100 / 1.084 (the 2021 rate takes Dec 2020 to Dec 2021)
    index = prices.cpi_chain_index(RATES, years=[2020, 2021])
    assert index[2020] == pytest.approx(92.250922509)


def test_cpi_chain_missing_year_names_it():
    rates = {k: v for k, v in RATES.items() if k != 2024}
    with pytest.raises(MissingDataError, match="2024"):
        prices.cpi_chain_index(rates)
    # not needed when the chain stops before it
    assert prices.cpi_chain_index(rates, years=range(2021, 2024))[2023] == pytest.approx(132.0894)


def test_real_value_and_erosion():
    # 181 064.0111 * 100 / 160.7966535 = 112 604.34
    assert prices.real_value(181_064.0111, 160.7966535) == pytest.approx(112_604.34, abs=0.01)
    # 1 - 100 / 160.7966535 = 1 - 0.6219035 = 0.3780965 -> 37.81 %
    assert prices.real_erosion_percent(160.7966535) == pytest.approx(37.80965, abs=1e-5)
    # 1 - 100 / 180.5746419 = 0.4462124 -> 44.62 %
    assert prices.real_erosion_percent(180.5746419) == pytest.approx(44.62124, abs=1e-5)
    assert prices.real_erosion_percent(100) == 0
    with pytest.raises(ValueError, match="price index"):
        prices.real_value(100, 0)


MRP = pd.DataFrame(
    {
        "valid_from": pd.to_datetime(
            [
                "2019-01-01",
                "2020-01-01",
                "2020-04-01",
                "2021-01-01",
                "2022-01-01",
                "2022-04-01",
                "2026-01-01",
            ]
        ),
        "tenge": [2525, 2651, 2778, 2917, 3063, 3180, 4325],
    }
)


def test_mrp_for_year():
    assert prices.mrp_for_year(MRP, 2020) == 2778  # 2 651 from 1 Jan, 2 778 from 1 Apr
    assert prices.mrp_for_year(MRP, 2022) == 3180  # 3 063 from 1 Jan, 3 180 from 1 Apr
    assert prices.mrp_for_year(MRP, 2026) == 4325
    with pytest.raises(MissingDataError, match="2018"):
        prices.mrp_for_year(MRP, 2018)


def test_in_mrp_and_usd():
    assert prices.in_mrp(181_064.0111, 2917) == pytest.approx(62.072, abs=1e-3)  # / 2 917
    assert prices.in_mrp(181_064.0111, 4325) == pytest.approx(41.8645, abs=1e-4)  # / 4 325
    assert prices.usd(456_200, 456.2) == pytest.approx(1000)


def test_usd_rate_for_year_prefers_longest_period():
    usd_kzt = pd.DataFrame(
        {
            "period_label": ["2023", "2024-01..11", "2024-01..09"],
            "period_start": pd.to_datetime(["2023-01-01", "2024-01-01", "2024-01-01"]),
            "period_end": pd.to_datetime(["2023-12-31", "2024-11-30", "2024-09-30"]),
            "kzt_per_usd": [456.2, 464.4, 458.7],
            "measure": "average",
        }
    )
    assert prices.usd_rate_for_year(usd_kzt, 2023) == (456.2, "2023")
    assert prices.usd_rate_for_year(usd_kzt, 2024) == (464.4, "2024-01..11")
    assert prices.usd_rate_for_year(usd_kzt, 2021) is None


def test_monthly_price_index():
    ends = [dt.date(2026, m, 1) for m in (1, 6, 12)]
    # 21 % a year = 1.1 ** 2: month m gets 100 * 1.21 ** (m / 12)
    index = prices.monthly_price_index(100.0, 21.0, ends)
    assert index.iloc[0] == pytest.approx(100 * 1.21 ** (1 / 12))
    assert index.iloc[1] == pytest.approx(110.0)  # 1.21 ** (6 / 12) = 1.1
    assert index.iloc[2] == pytest.approx(121.0)  # December reaches the end-of-year index
    with pytest.raises(ValueError, match="one calendar year"):
        prices.monthly_price_index(100.0, 21.0, ["2025-12-31", "2026-01-31"])


# -- 2026 budget -------------------------------------------------------------------------------


def test_complex_months_in_year():
    # 1 641 * 12 = 19 692; 350 new from 1 March: March..December = 10 months -> 3 500
    assert budget.complex_months_in_year(1641, 350, "2026-03-01") == 23_192
    assert budget.complex_months_in_year(1641, 350, "2026-07-01") == 19_692 + 350 * 6  # 21 792
    assert budget.complex_months_in_year(1641, 350, "2027-02-01") == 19_692  # after the year
    assert budget.complex_months_in_year(1641, 350, "2025-11-01") == 19_692 + 350 * 12
    # 16 March: 16 of March's 31 days (16..31) + April..December 9 months
    assert budget.complex_months_in_year(1641, 350, "2026-03-16") == pytest.approx(
        19_692 + 350 * (9 + 16 / 31)
    )


def test_monthly_cash_flows_2026():
    flows = budget.monthly_cash_flows_2026(1641, 350, "2026-03-01", 100.0)
    assert len(flows) == 12
    assert flows.index[0] == pd.Timestamp("2026-01-31")
    assert flows.index[1] == pd.Timestamp("2026-02-28")
    assert flows.index[-1] == pd.Timestamp("2026-12-31")
    assert flows.iloc[1] == 164_100  # February: 1 641 * 100
    assert flows.iloc[2] == 199_100  # March: 1 991 * 100
    assert flows.sum() == pytest.approx(23_192 * 100)


def test_present_value_hand_cases():
    # 118 paid on 1 Jan 2027, 365 days after 1 Jan 2026, at 18 %: 118 / 1.18 = 100
    single = pd.Series([118.0], index=pd.to_datetime(["2027-01-01"]))
    assert budget.present_value(single, 18.0, "2026-01-01") == pytest.approx(100)
    # 1 000 on 31 Jan 2026 (30 days): 1 000 / 1.18 ** (30 / 365); ln 1.18 = 0.165514,
    # * 30/365 = 0.0136039, exp = 1.0136969 -> 986.488
    jan = pd.Series([1000.0], index=pd.to_datetime(["2026-01-31"]))
    assert budget.present_value(jan, 18.0, dt.date(2026, 1, 1)) == pytest.approx(986.488, abs=1e-3)
    # at 0 % the present value of a constant flow is its sum: 12 * 1 000
    flows = budget.monthly_cash_flows_2026(10, 0, "2026-03-01", 100.0)
    assert budget.present_value(flows, 0.0, "2026-01-01") == pytest.approx(12_000)
    with pytest.raises(ValueError, match="-100"):
        budget.present_value(flows, -100.0)


def test_real_cost_2026_hand_case():
    # Inflation of 1.01 ** 12 - 1 = 12.6825 % a year is 1 % a month. 100 tenge every month end,
    # index 100 at end-2025: sum of 100 / 1.01 ** m, m = 1..12 = 100 * (1 - 1.01 ** -12) / 0.01
    # = 100 * 11.2551 = 1 125.51
    flows = budget.monthly_cash_flows_2026(1, 0, "2026-03-01", 100.0)
    annual = (1.01**12 - 1) * 100
    assert budget.real_cost_2026(flows, 100.0, annual) == pytest.approx(1125.5077, abs=1e-4)
    # no inflation in 2026: every month at the end-2025 index 200 -> half of 1 200
    assert budget.real_cost_2026(flows, 200.0, 0.0) == pytest.approx(600)


def test_budget_2026_defaults():
    index_2025 = 160.7966535
    b = budget.budget_2026(1641, 350, "2026-03-01", TARIFF, index_2025, 12.3, 18.0)
    assert b.complex_months == 23_192
    # 181 064 * 23 192 = 4 199 236 288; 0.0111 * 23 192 = 257.35 -> 4 199 236 545.35
    assert b.nominal == pytest.approx(4_199_236_545.35, abs=0.01)
    # real: between nominal / 1.8057 (end-2026 prices) and nominal / 1.6080 (end-2025 prices)
    assert 4_199_236_545.35 / 1.8057 < b.real_2021_tenge < 4_199_236_545.35 / 1.6080
    assert b.present_value < b.nominal
    # 2021 tenge: the present value (January 2026 tenge) divided by the end-2025 index / 100
    assert b.present_value_2021_tenge == pytest.approx(b.present_value / 1.607966535)
    # with no discounting the present value is the cash cost
    flat = budget.budget_2026(1641, 350, "2026-03-01", TARIFF, index_2025, 12.3, 0.0)
    assert flat.present_value == pytest.approx(4_199_236_545.35, abs=0.01)


def test_budget_2026_at_another_monthly_price():
    """The same complex-months at another price: estimate 2 or the midpoint of the two
    estimates (the price of the options of 2027), printed beside the year at estimate 1."""
    b = budget.budget_2026(1641, 350, "2026-03-01", TARIFF, 160.7966535, 12.3, 18.0)
    # at its own tariff: the nominal payments of the year
    assert b.nominal_at(TARIFF) == pytest.approx(b.nominal)
    # 23 192 complex-months * 171 000 tenge = 3 965 832 000 (≈ 4,0 bn, the report's midpoint)
    assert b.nominal_at(171_000) == pytest.approx(3_965_832_000)
