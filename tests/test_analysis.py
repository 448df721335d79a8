"""Every calculation checked against arithmetic done by hand from the sources.

Each expected number has its hand calculation in a comment next to it. The tables used by
`compute_results` are built here, following docs/data-contract.md, so these tests do not
depend on the files in data/ (one last test runs on them when they exist).
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd
import pytest

from sergek_report import analysis as an
from sergek_report.paths import DATA_DIR

# Defaults of params/default.yaml, as a notebook's globals() would hold them after papermill.
DEFAULT_PARAMS = {
    "service_term_months": 72,
    "service_term_months_range": [60, 84],
    "new_complexes_start": "2026-03-01",
    "new_complexes_start_range": ["2026-03-01", "2026-07-01"],
    "cpi_2024_dec_dec": 8.4,
    "cpi_2024_dec_dec_range": [8.4, 8.6],
    "inflation_2026": 12.3,
    "inflation_2026_range": [5.0, 20.3],
    "discount_rate": 18.0,
    "discount_rate_range": [14.75, 18.0],
    "edition_date": "2026-11-25",  # other parameters are ignored
}

OBLIGATIONS = 9_986_042_340
# 9 986 042 340 / (766 * 72) = 9 986 042 340 / 55 152: 55 152 * 181 064 = 9 986 041 728,
# remainder 612, 612 / 55 152 = 0.0111 -> 181 064.0111 tenge per complex-month.
TARIFF = OBLIGATIONS / (766 * 72)


def frame(rows, columns, dates=()):
    df = pd.DataFrame(rows, columns=columns)
    for column in dates:
        df[column] = pd.to_datetime(df[column])
    return df


@pytest.fixture
def assumptions() -> an.Assumptions:
    return an.Assumptions.from_mapping(DEFAULT_PARAMS)


@pytest.fixture
def ranges() -> an.Ranges:
    return an.Ranges.from_mapping(DEFAULT_PARAMS)


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    """Small tables with the sourced values (docs/data-contract.md columns)."""
    contract = frame(
        [
            ("state_obligations", "Обязательства", 9986042340.0, None, "tenge", "zakon_2025"),
            ("original_scope", "АПК по договору", 766.0, None, "complexes", "zakon_2025"),
            ("service_start", "Начало услуг", None, "2020-01-01", "date", "qazaqtimes_2020"),
            ("contract_expiry", "Окончание", None, "2025-12-31", "date", "zakon_2025"),
            ("extension_end", "Продление", None, "2026-12-31", "date", "inform_2025"),
            ("additional_complexes", "Новые АПК", 350.0, None, "complexes", "inform_2025"),
            ("new_complexes_deadline", "Срок", None, "2026-03-01", "date", "inform_2026"),
            ("tariff_base_year", "Год тарифа", 2021.0, None, "years", "seed_2025"),
            ("complexes_in_operation", "АПК в работе", 1641.0, None, "complexes", "kt_2025"),
        ],
        ["item", "label", "value", "value_date", "unit", "source_id"],
        ["value_date"],
    ).assign(status="reported", note="")
    deployment = frame(
        [
            ("2019-04-01", 10, "tengri_2020"),
            ("2020-12-31", 414, "kolesa_2020"),
            ("2021-04-30", 460, "tengri_2021"),
            ("2022-11-30", 766, "bizmedia_2022"),
            ("2025-12-31", 1641, "kt_2025"),
            ("2026-03-01", 1991, "inform_2026"),
        ],
        ["date", "complexes", "source_id"],
        ["date"],
    ).assign(counted="АПК", intersections=None, linear=None, status="reported", note="")
    cpi = frame(
        [
            (2021, "dec_dec", 8.4, "zonebourse_2022"),
            (2022, "dec_dec", 20.3, "eldala_2023"),
            (2023, "dec_dec", 9.8, "daryo_2024"),
            (2025, "dec_dec", 12.3, "informburo_2026"),
            (2021, "annual_avg", 8.0, "nur_2022"),
        ],
        ["year", "measure", "percent", "source_id"],
    ).assign(status="reported")
    mrp = frame(
        [
            ("2019-01-01", 2525),
            ("2020-01-01", 2651),
            ("2020-04-01", 2778),
            ("2021-01-01", 2917),
            ("2022-01-01", 3063),
            ("2022-04-01", 3180),
            ("2023-01-01", 3450),
            ("2024-01-01", 3692),
            ("2025-01-01", 3932),
            ("2026-01-01", 4325),
        ],
        ["valid_from", "tenge"],
        ["valid_from"],
    ).assign(status="reported", source_id="mrp_src")
    usd_kzt = frame(
        [
            ("2023", "2023-01-01", "2023-12-31", 456.2, "bcc_2024_10"),
            ("2024-01..11", "2024-01-01", "2024-11-30", 464.4, "bcc_2024_12"),
            ("2024-01..09", "2024-01-01", "2024-09-30", 458.7, "bcc_2024_10"),
        ],
        ["period_label", "period_start", "period_end", "kzt_per_usd", "source_id"],
        ["period_start", "period_end"],
    ).assign(measure="average", status="reported")
    payments = frame(
        [
            ("payment_to_partner", "2020-01-01", "2022-08-31", 2.6e9, "caravan_2022"),
            ("fines_collected", "2020-01-01", "2022-08-31", 17.5e9, "caravan_2022"),
            ("fines_imposed", "2021-01-01", "2025-12-31", 156e9, "inform_kz_2025"),
            ("fines_collected", "2021-01-01", "2025-12-31", 94e9, "inform_kz_2025"),
        ],
        ["flow", "period_start", "period_end", "tenge", "source_id"],
        ["period_start", "period_end"],
    ).assign(status="reported", note="")
    return {
        "contract": contract,
        "deployment": deployment,
        "cpi": cpi,
        "mrp": mrp,
        "usd_kzt": usd_kzt,
        "payments": payments,
    }


# -- size and cost per complex -----------------------------------------------------------------


def test_growth_ratios():
    assert an.growth_ratio(1991, 766) == pytest.approx(2.5992, abs=1e-4)  # 1991 / 766 = 2.60
    assert round(an.growth_ratio(1991, 766), 2) == 2.60
    assert an.growth_ratio(1641, 766) == pytest.approx(2.1423, abs=1e-4)  # 1641 / 766
    assert an.growth_ratio(1991, 1641) == pytest.approx(1.2133, abs=1e-4)  # 1991 / 1641
    with pytest.raises(ValueError):
        an.growth_ratio(10, 0)


def test_obligations_per_complex():
    # 766 * 13 036 608 = 9 986 041 728; remainder 612; 612 / 766 = 0.799 -> 13 036 608.80
    value = an.obligations_per_complex(OBLIGATIONS, 766)
    assert value == pytest.approx(13_036_608.799, abs=1e-3)
    assert round(value) == 13_036_609


def test_months_between_inclusive():
    assert an.months_between("2020-01-01", "2025-12-31") == 72  # 6 years * 12
    assert an.months_between(dt.date(2020, 1, 1), dt.date(2022, 8, 31)) == 32  # 24 + 8
    assert an.months_between("2026-03-01", "2026-03-31") == 1
    with pytest.raises(ValueError):
        an.months_between("2026-01-01", "2025-12-31")


def test_estimated_monthly_tariff():
    # hand: 9 986 042 340 / 55 152 = 181 064 + 612 / 55 152 = 181 064.0111
    tariff = an.estimated_monthly_tariff(OBLIGATIONS, 766, 72)
    assert tariff == pytest.approx(181_064.0111, abs=1e-4)
    assert round(tariff) == 181_064
    # 60 months: 9 986 042 340 / 45 960 = 217 276.8133
    assert an.estimated_monthly_tariff(OBLIGATIONS, 766, 60) == pytest.approx(217_276.8133, 1e-9)
    with pytest.raises(ValueError):
        an.estimated_monthly_tariff(OBLIGATIONS, 766, 0)


# Hand-checkable deployment: 400 complexes flat from 1 Jan 2020 to 31 Dec 2021, then +1 per day
# to 643 on 31 Aug 2022 (31 Dec -> 31 Aug is 31+28+31+30+31+30+31+31 = 243 days, +243).
HAND_DEPLOYMENT = pd.DataFrame(
    {
        "date": pd.to_datetime(["2020-01-01", "2021-12-31", "2022-08-31"]),
        "complexes": [400, 400, 643],
    }
)


def test_interpolated_complexes():
    assert an.interpolated_complexes(HAND_DEPLOYMENT, "2019-12-15") == 0  # before first: none
    assert an.interpolated_complexes(HAND_DEPLOYMENT, "2020-01-01") == 400
    assert an.interpolated_complexes(HAND_DEPLOYMENT, "2021-06-15") == 400
    # 15 Jan 2022 is 15 days after 31 Dec 2021: 400 + 15
    assert an.interpolated_complexes(HAND_DEPLOYMENT, "2022-01-15") == pytest.approx(415)
    series = an.interpolated_complexes(HAND_DEPLOYMENT, ["2022-02-15", "2022-08-31"])
    assert list(series) == pytest.approx([446, 643])  # 31 + 15 = 46 days; last milestone
    with pytest.raises(ValueError, match="not extrapolating"):
        an.interpolated_complexes(HAND_DEPLOYMENT, "2022-09-15")


def test_interpolation_between_real_milestones(tables):
    # 1 Apr 2019 (10) -> 31 Dec 2020 (414): 640 days; 15 Jan 2020 is day 275 + 14 = 289.
    # 10 + 404 * 289 / 640 = 10 + 182.43 = 192.43
    value = an.interpolated_complexes(tables["deployment"], "2020-01-15")
    assert value == pytest.approx(10 + 404 * 289 / 640)


def test_complex_months_hand_check():
    # Jan 2020 .. Dec 2021: 24 months * 400 = 9 600.
    # Jan .. Aug 2022, counted on the 15th: days after 31 Dec = 15, 46, 74, 105, 135, 166, 196,
    # 227 (sum 964); counts 400 + days -> 8 * 400 + 964 = 4 164.
    # Total for the 32 months Jan 2020 .. Aug 2022: 9 600 + 4 164 = 13 764.
    assert an.complex_months(HAND_DEPLOYMENT, "2020-01-01", "2022-08-31") == pytest.approx(13_764)
    assert an.complex_months(HAND_DEPLOYMENT, "2022-01-01", "2022-08-31") == pytest.approx(4_164)


def test_implied_tariff_from_payments():
    # 2.6 bn / 13 764 complex-months = 188 898.58 tenge
    assert an.implied_tariff_from_payments(2.6e9, 13_764) == pytest.approx(188_898.5760, 1e-9)
    with pytest.raises(ValueError):
        an.implied_tariff_from_payments(2.6e9, 0)


# -- prices ------------------------------------------------------------------------------------

RATES = {2021: 8.4, 2022: 20.3, 2023: 9.8, 2024: 8.4, 2025: 12.3, 2026: 12.3}


def test_cpi_chain_index():
    index = an.cpi_chain_index(RATES)
    assert list(index.index) == [2021, 2022, 2023, 2024, 2025, 2026]
    assert index[2021] == 100
    assert index[2022] == pytest.approx(120.3)  # 100 * 1.203
    assert index[2023] == pytest.approx(132.0894)  # 120.3 * 1.098
    assert index[2024] == pytest.approx(143.1849096)  # 132.0894 * 1.084
    assert index[2025] == pytest.approx(160.7966535)  # 143.1849096 * 1.123
    assert index[2026] == pytest.approx(180.5746419)  # 160.7966535 * 1.123


def test_cpi_chain_backwards():
    # December 2020 = 100 / 1.084 (the 2021 rate takes Dec 2020 to Dec 2021)
    index = an.cpi_chain_index(RATES, years=[2020, 2021])
    assert index[2020] == pytest.approx(92.250922509)


def test_cpi_chain_missing_year_names_it():
    rates = {k: v for k, v in RATES.items() if k != 2024}
    with pytest.raises(an.MissingDataError, match="2024"):
        an.cpi_chain_index(rates)
    # not needed when the chain stops before it
    assert an.cpi_chain_index(rates, years=range(2021, 2024))[2023] == pytest.approx(132.0894)


def test_real_value_and_erosion():
    assert an.real_value(181_064.0111, 160.7966535) == pytest.approx(112_604.34, abs=0.01)
    # 1 - 100 / 160.7966535 = 1 - 0.6219035 = 0.3780965 -> 37.81 %
    assert an.real_erosion_percent(160.7966535) == pytest.approx(37.80965, abs=1e-5)
    # 1 - 100 / 180.5746419 = 0.4462124 -> 44.62 %
    assert an.real_erosion_percent(180.5746419) == pytest.approx(44.62124, abs=1e-5)
    assert an.real_erosion_percent(100) == 0


def test_mrp_for_year(tables):
    mrp = tables["mrp"]
    assert an.mrp_for_year(mrp, 2020) == 2778  # 2 651 from 1 Jan, 2 778 from 1 Apr
    assert an.mrp_for_year(mrp, 2022) == 3180  # 3 063 from 1 Jan, 3 180 from 1 Apr
    assert an.mrp_for_year(mrp, 2026) == 4325
    with pytest.raises(an.MissingDataError, match="2018"):
        an.mrp_for_year(mrp, 2018)


def test_in_mrp_and_usd():
    assert an.in_mrp(181_064.0111, 2917) == pytest.approx(62.072, abs=1e-3)  # 181 064 / 2 917
    assert an.in_mrp(181_064.0111, 4325) == pytest.approx(41.8645, abs=1e-4)  # / 4 325
    assert an.usd(456_200, 456.2) == pytest.approx(1000)


def test_usd_rate_for_year_prefers_longest_period(tables):
    assert an.usd_rate_for_year(tables["usd_kzt"], 2023) == (456.2, "2023")
    assert an.usd_rate_for_year(tables["usd_kzt"], 2024) == (464.4, "2024-01..11")
    assert an.usd_rate_for_year(tables["usd_kzt"], 2021) is None


# -- 2026 budget -------------------------------------------------------------------------------


def test_complex_months_in_year():
    # 1 641 * 12 = 19 692; 350 new from 1 March: March..December = 10 months -> 3 500
    assert an.complex_months_in_year(1641, 350, "2026-03-01") == 23_192
    assert an.complex_months_in_year(1641, 350, "2026-07-01") == 19_692 + 350 * 6  # 21 792
    assert an.complex_months_in_year(1641, 350, "2027-02-01") == 19_692  # after the year
    assert an.complex_months_in_year(1641, 350, "2025-11-01") == 19_692 + 350 * 12
    # 16 March: 16 of March's 31 days (16..31) + April..December 9 months
    assert an.complex_months_in_year(1641, 350, "2026-03-16") == pytest.approx(
        19_692 + 350 * (9 + 16 / 31)
    )


def test_monthly_cash_flows_2026():
    flows = an.monthly_cash_flows_2026(1641, 350, "2026-03-01", 100.0)
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
    assert an.present_value(single, 18.0, "2026-01-01") == pytest.approx(100)
    # 1 000 on 31 Jan 2026 (30 days): 1 000 / 1.18 ** (30 / 365); ln 1.18 = 0.165514,
    # * 30/365 = 0.0136039, exp = 1.0136969 -> 986.488
    jan = pd.Series([1000.0], index=pd.to_datetime(["2026-01-31"]))
    assert an.present_value(jan, 18.0, dt.date(2026, 1, 1)) == pytest.approx(986.488, abs=1e-3)
    # at 0 % the present value of a constant flow is its sum: 12 * 1 000
    flows = an.monthly_cash_flows_2026(10, 0, "2026-03-01", 100.0)
    assert an.present_value(flows, 0.0, "2026-01-01") == pytest.approx(12_000)


def test_real_cost_2026_hand_case():
    # Inflation of 1.01 ** 12 - 1 = 12.6825 % a year is 1 % a month. 100 tenge every month end,
    # index 100 at end-2025: sum of 100 / 1.01 ** m, m = 1..12 = 100 * (1 - 1.01 ** -12) / 0.01
    # = 100 * 11.2551 = 1 125.51
    flows = an.monthly_cash_flows_2026(1, 0, "2026-03-01", 100.0)
    annual = (1.01**12 - 1) * 100
    assert an.real_cost_2026(flows, 100.0, annual) == pytest.approx(1125.5077, abs=1e-4)
    # no inflation in 2026: every month at the end-2025 index 200 -> half of 1 200
    assert an.real_cost_2026(flows, 200.0, 0.0) == pytest.approx(600)


def test_budget_2026_defaults():
    index_2025 = 160.7966535
    budget = an.budget_2026(1641, 350, "2026-03-01", TARIFF, index_2025, 12.3, 18.0)
    assert budget.complex_months == 23_192
    # 181 064 * 23 192 = 4 199 236 288; 0.0111 * 23 192 = 257.35 -> 4 199 236 545.35
    assert budget.nominal == pytest.approx(4_199_236_545.35, abs=0.01)
    # real: between nominal / 1.8057 (end-2026 prices) and nominal / 1.6080 (end-2025 prices)
    assert 4_199_236_545.35 / 1.8057 < budget.real_2021_tenge < 4_199_236_545.35 / 1.6080
    assert budget.present_value < budget.nominal
    assert budget.present_value_2021_tenge == pytest.approx(budget.present_value / 1.607966535)
    # with no discounting the present value is the cash cost
    flat = an.budget_2026(1641, 350, "2026-03-01", TARIFF, index_2025, 12.3, 0.0)
    assert flat.present_value == pytest.approx(flat.nominal)


# -- assumptions -------------------------------------------------------------------------------


def test_assumptions_from_globals(assumptions):
    assert assumptions.service_term_months == 72
    assert assumptions.new_complexes_start == dt.date(2026, 3, 1)  # ISO string coerced
    assert assumptions.cpi_2024_dec_dec == 8.4
    assert assumptions.discount_rate == 18.0
    same = an.Assumptions.from_mapping(
        {**DEFAULT_PARAMS, "new_complexes_start": pd.Timestamp("2026-03-01"), "discount_rate": 18}
    )
    assert same == assumptions
    assert isinstance(same.discount_rate, float)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("service_term_months", "72", "int"),
        ("service_term_months", 72.5, "int"),
        ("new_complexes_start", 20260301, "date"),
        ("new_complexes_start", "1 марта 2026", "date"),
        ("discount_rate", "18 %", "float"),
        ("inflation_2026", True, "float"),
    ],
)
def test_assumptions_bad_type_names_parameter(name, value, expected):
    with pytest.raises(an.ParameterError, match=f"{name}.*{expected}"):
        an.Assumptions.from_mapping({**DEFAULT_PARAMS, name: value})


def test_assumptions_missing_and_invalid():
    params = {k: v for k, v in DEFAULT_PARAMS.items() if k != "discount_rate"}
    with pytest.raises(an.ParameterError, match="discount_rate"):
        an.Assumptions.from_mapping(params)
    with pytest.raises(an.ParameterError, match="service_term_months"):
        an.Assumptions.from_mapping({**DEFAULT_PARAMS, "service_term_months": 0})


def test_ranges_from_globals(ranges):
    assert ranges.service_term_months == (60, 84)
    assert ranges.new_complexes_start == (dt.date(2026, 3, 1), dt.date(2026, 7, 1))
    assert ranges.inflation_2026 == (5.0, 20.3)
    with pytest.raises(an.ParameterError, match="discount_rate_range"):
        an.Ranges.from_mapping({**DEFAULT_PARAMS, "discount_rate_range": [18.0]})
    with pytest.raises(an.ParameterError, match="inflation_2026_range.*above"):
        an.Ranges.from_mapping({**DEFAULT_PARAMS, "inflation_2026_range": [20.3, 5.0]})
    with pytest.raises(an.ParameterError, match="service_term_months_range.*int"):
        an.Ranges.from_mapping({**DEFAULT_PARAMS, "service_term_months_range": ["60", 84]})


# -- sensitivity and results -------------------------------------------------------------------


def test_tornado_sorted_by_swing(assumptions, ranges):
    def metric(a: an.Assumptions) -> float:  # a toy metric: 10 per month of term + rate
        return a.service_term_months * 10 + a.discount_rate

    table = an.tornado(assumptions, ranges, metric, ["discount_rate", "service_term_months"])
    assert list(table.columns) == [
        "assumption",
        "low_value",
        "high_value",
        "metric_low",
        "metric_high",
        "metric_base",
        "swing",
    ]
    assert list(table["assumption"]) == ["service_term_months", "discount_rate"]
    assert table.loc[0, "swing"] == pytest.approx(240)  # (84 - 60) * 10
    assert table.loc[1, "swing"] == pytest.approx(3.25)  # 18 - 14.75
    assert table.loc[0, "metric_base"] == pytest.approx(738)  # 72 * 10 + 18


def test_compute_results_default(tables, assumptions, ranges):
    r = an.compute_results(tables, assumptions, ranges)
    assert r.complexes_after_extension == 1991  # 1 641 + 350
    assert round(r.growth_extension_vs_original, 2) == 2.60  # 1 991 / 766
    assert round(r.growth_operation_vs_original, 2) == 2.14  # 1 641 / 766
    assert round(r.obligations_per_complex) == 13_036_609
    assert r.contract_term_months == 72  # service_start 2020-01 .. contract_expiry 2025-12
    assert r.monthly_tariff == pytest.approx(TARIFF)
    assert r.annual_tariff == pytest.approx(TARIFF * 12)  # 2 172 768.13
    assert r.payment_period_months == 32
    assert r.paid_to_partner == 2.6e9
    # Between the milestones the network grew from ~192 (Jan 2020) to ~700 (Aug 2022): 32
    # months averaging ~460 complexes is ~14 700 complex-months.
    cm = an.complex_months(tables["deployment"], "2020-01-01", "2022-08-31")
    assert r.complex_months_paid_period == pytest.approx(cm)
    assert 14_000 < cm < 15_500
    assert r.implied_monthly_tariff == pytest.approx(2.6e9 / cm)
    assert r.tariff_estimates_ratio == pytest.approx(2.6e9 / cm / TARIFF)
    # CPI: 2024 missing from the table -> the assumption (8.4) is used and recorded
    assert r.cpi_2024_used == 8.4
    assert r.cpi_2024_basis == "assumption:cpi_2024_dec_dec"
    assert list(r.cpi_index["year"]) == list(range(2021, 2027))
    assert r.index_2025 == pytest.approx(160.7966535)
    assert r.erosion_2025_percent == pytest.approx(37.80965, abs=1e-5)
    assert r.erosion_2026_percent == pytest.approx(44.62124, abs=1e-5)
    by_year = r.tariff_by_year.set_index("year")
    assert by_year.loc[2022, "mrp"] == 3180
    assert by_year.loc[2021, "tariff_in_mrp"] == pytest.approx(TARIFF / 2917)  # 62.07
    assert by_year.loc[2023, "tariff_usd"] == pytest.approx(TARIFF / 456.2)  # 396.90
    assert math.isnan(by_year.loc[2021, "tariff_usd"])  # no 2021 rate in the table
    # 2026 budget
    assert r.budget.complex_months == 23_192
    assert r.budget.nominal == pytest.approx(4_199_236_545.35, abs=0.01)
    # fines vs payments, same 32 months: 17.5 / 2.6 = 6.73
    assert r.fines_to_payments_ratio == pytest.approx(6.7308, abs=1e-4)
    assert r.fines_collected_latest == 94e9
    # tornados: one metric each
    assert set(r.tornado_real_cost["assumption"]) == set(an.REAL_COST_TORNADO)
    assert r.tornado_real_cost["assumption"].iloc[0] == "service_term_months"
    assert (r.tornado_real_cost["metric_base"] == r.budget.real_2021_tenge).all()
    assert set(r.tornado_present_value["assumption"]) == set(an.PRESENT_VALUE_TORNADO)
    assert (r.tornado_present_value["metric_base"] == r.budget.present_value).all()


def test_compute_results_uses_cpi_2024_from_table(tables, assumptions, ranges):
    extra = pd.DataFrame(
        [
            {
                "year": 2024,
                "measure": "dec_dec",
                "percent": 8.6,
                "status": "reported",
                "source_id": "stat_2025",
            }
        ]
    )
    tables["cpi"] = pd.concat([tables["cpi"], extra], ignore_index=True)
    r = an.compute_results(tables, assumptions, ranges)
    assert r.cpi_2024_used == 8.6
    assert r.cpi_2024_basis == "source:stat_2025"
    assert r.index_2025 == pytest.approx(132.0894 * 1.086 * 1.123)
    # the assumption is not used, so it has no bar
    assert "cpi_2024_dec_dec" not in set(r.tornado_real_cost["assumption"])


def test_compute_results_missing_contract_item(tables, assumptions):
    tables["contract"] = tables["contract"][tables["contract"]["item"] != "original_scope"]
    with pytest.raises(an.MissingDataError, match="original_scope"):
        an.compute_results(tables, assumptions)


def test_scenario_table(tables, assumptions):
    late = assumptions.replace(new_complexes_start=dt.date(2026, 7, 1))
    table = an.scenario_table(tables, {"base": assumptions, "late": late})
    assert list(table.index) == ["base", "late"]
    assert table.loc["base", "complex_months_2026"] == 23_192
    assert table.loc["late", "complex_months_2026"] == 21_792  # 19 692 + 350 * 6
    assert table.loc["late", "nominal_2026"] == pytest.approx(21_792 * TARIFF)


def test_key_metrics(tables, assumptions):
    metrics = an.key_metrics(an.compute_results(tables, assumptions))
    assert 12 <= len(metrics) <= 20
    names = [m["name"] for m in metrics]
    assert len(set(names)) == len(names)
    for m in metrics:
        assert set(m) == {"name", "label", "value", "unit", "basis"}
        assert re.fullmatch(r"[a-z][a-z0-9_]*", m["name"])
        assert isinstance(m["value"], float)
        assert re.fullmatch(r"source:\S+|assumption:[a-z0-9_]+|derived", m["basis"])
        assert re.search("[а-яА-Я]", m["label"])
    by_name = {m["name"]: m for m in metrics}
    assert by_name["monthly_tariff_estimate"]["value"] == pytest.approx(181_064.0111, abs=1e-4)
    assert by_name["state_obligations"]["basis"] == "source:zakon_2025"
    assert by_name["complex_months_2026"]["value"] == 23_192
    assert by_name["real_erosion_2025"]["unit"] == "%"
    assert "январь 2020 – август 2022" in by_name["fines_to_payments_ratio"]["label"]


@pytest.mark.skipif(not (DATA_DIR / "contract.csv").exists(), reason="data/ not written yet")
def test_compute_results_on_real_tables(assumptions, ranges):
    datasets = pytest.importorskip("sergek_report.datasets")
    tables = datasets.load_tables(names=list(datasets.TABLES), data_dir=DATA_DIR)
    r = an.compute_results(tables, assumptions, ranges)
    assert r.original_scope == 766
    assert r.state_obligations == OBLIGATIONS
    assert round(r.obligations_per_complex) == 13_036_609
    assert r.budget.complex_months == 23_192
    assert r.tariff_estimates_ratio > 0
    assert 12 <= len(an.key_metrics(r)) <= 20
