"""The model of an edition (`model.compute`), its sensitivity tables and key metrics.

Each expected number has its hand calculation in a comment next to it. The tables are built
here, following data/README.md, so these tests do not depend on the files in data/ (the
last test runs on them). The assumptions are those of the real params/default.yaml: the hand
calculations use its values (72 months, 1 March 2026, CPI 2024 8.4 % in [8.4, 8.6], 2026
inflation 12.3 % in [5, 20.3], discount rate 18 % in [14.25, 18]); the first test says so.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd
import pytest

from sergek_report.build.metrics import key_metrics
from sergek_report.chapter import sentences
from sergek_report.errors import MissingDataError
from sergek_report.inputs import datasets
from sergek_report.inputs.edition import AssumptionValues, load_edition
from sergek_report.model import deployment, results, sensitivity
from sergek_report.paths import DATA_DIR, PROJECT_ROOT

DEFAULT_EDITION = PROJECT_ROOT / "params" / "default.yaml"

OBLIGATIONS = 9_986_042_340
# 9 986 042 340 / (766 * 72) = 9 986 042 340 / 55 152: 55 152 * 181 064 = 9 986 041 728,
# remainder 612, 612 / 55 152 = 0.0111 -> 181 064.0111 tenge per complex-month.
TARIFF = 181_064 + 612 / 55_152
TARIFF_60 = 217_276.8133  # 9 986 042 340 / (766 * 60) = 9 986 042 340 / 45 960
TARIFF_84 = 155_197.7238  # 9 986 042 340 / (766 * 84) = 9 986 042 340 / 64 344

# Hand-checkable deployment: 400 complexes flat from 1 Jan 2020 to 31 Dec 2021, then +1 per day
# to 643 on 31 Aug 2022 (see test_calculations.py): 13 764 complex-months Jan 2020 .. Aug 2022.
HAND_DEPLOYMENT = pd.DataFrame(
    {
        "date": pd.to_datetime(["2020-01-01", "2021-12-31", "2022-08-31"]),
        "complexes": [400, 400, 643],
        "source_id": "hand",
    }
)


def frame(rows, columns, dates=()):
    df = pd.DataFrame(rows, columns=columns)
    for column in dates:
        df[column] = pd.to_datetime(df[column])
    return df


@pytest.fixture
def assumptions() -> AssumptionValues:
    """The assumptions of the real default edition (read from the YAML, never copied)."""
    return load_edition(DEFAULT_EDITION).assumption_values()


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    """Small tables with the sourced values (data/README.md columns)."""
    contract = frame(
        [
            ("state_obligations", "Обязательства", 9986042340.0, None, "tenge", "zakon_2025"),
            ("original_scope", "АПК по договору", 766.0, None, "complexes", "zakon_2025"),
            ("service_start", "Начало услуг", None, "2020-01-01", "date", "qazaqtimes_2020"),
            ("contract_expiry", "Окончание", None, "2025-12-31", "date", "zakon_2025"),
            ("extension_end", "Продление", None, "2026-12-31", "date", "inform_2025"),
            ("extension_years", "Срок продления", 1.0, None, "years", "inform_2025"),
            ("additional_complexes", "Новые АПК", 350.0, None, "complexes", "inform_2025"),
            ("new_complexes_deadline", "Срок", None, "2026-03-01", "date", "inform_2026"),
            ("tariff_base_year", "Год тарифа", 2021.0, None, "years", "seed_2025"),
            ("complexes_in_operation", "АПК в работе", 1641.0, None, "complexes", "kt_2025"),
        ],
        ["item", "label", "value", "value_date", "unit", "source_id"],
        ["value_date"],
    ).assign(status="reported", note="")
    deployment_table = frame(
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
    # cameras only where a source gives them: 5 034 on 766 complexes in November 2022
    deployment_table["cameras"] = pd.array([None, 2060, None, 5034, None, None], dtype="Int64")
    deployment_table.loc[3, "counted"] = "АПК (5 034 камеры)"
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
    cost_anchors = pd.DataFrame(
        [
            ("almaty_total_cost_14_6", 14.6e9, None, None, None, "kokshetau_2025"),
            ("pavlodar_service_2025", 9e9, 420, 240, 3, "profit_2025_12_22"),
            ("karaganda_service", 4.6e9, 100, None, 3, "literkz_2021"),
        ],
        columns=["anchor_id", "value", "complexes", "complexes_low", "term_years", "source_id"],
    )
    # Pavlodar's cameras, counted by another page than the contract's sum
    cost_anchors["cameras"] = pd.array([None, 1287, None], dtype="Int64")
    cost_anchors["cameras_source_id"] = [None, "profit_2025_11_27", None]
    return {
        "cost_anchors": cost_anchors,
        "contract": contract,
        "deployment": deployment_table,
        "cpi": cpi,
        "mrp": mrp,
        "usd_kzt": usd_kzt,
        "payments": payments,
    }


def with_cpi_2024(tables, percent=8.6):
    extra = pd.DataFrame(
        [
            {
                "year": 2024,
                "measure": "dec_dec",
                "percent": percent,
                "status": "reported",
                "source_id": "stat_2025",
            }
        ]
    )
    return {**tables, "cpi": pd.concat([tables["cpi"], extra], ignore_index=True)}


def test_hand_calculations_assume_the_default_edition(assumptions):
    """If params/default.yaml changes, the hand calculations below must be redone."""
    assert assumptions.service_term_months == 72
    assert assumptions.range("service_term_months") == (60, 84)
    assert assumptions.new_complexes_start == dt.date(2026, 3, 1)
    assert assumptions.range("new_complexes_start") == (dt.date(2026, 3, 1), dt.date(2026, 7, 1))
    assert assumptions.cpi_2024_dec_dec == 8.4
    assert assumptions.range("cpi_2024_dec_dec") == (8.4, 8.6)
    assert assumptions.inflation_2026 == 12.3
    assert assumptions.range("inflation_2026") == (5.0, 20.3)
    assert assumptions.discount_rate == 18.0
    assert assumptions.range("discount_rate") == (14.25, 18.0)
    assert assumptions.new_complexes_in_service == 100.0
    assert assumptions.range("new_complexes_in_service") == (50.0, 100.0)


def test_budget_pays_only_the_new_complexes_in_service(tables, assumptions):
    # Half of the 350 new complexes from 1 March: 1641 * 12 + 175 * 10 = 19 692 + 1 750
    # = 21 442 complex-months; at 181 064.0111 tenge: 21 442 * 181 064.0111 = 3 882 374 526.
    half = sensitivity.budget_for(tables, assumptions.replace(new_complexes_in_service=50.0))
    assert half.complex_months == 21_442
    assert half.nominal == pytest.approx(21_442 * TARIFF, rel=1e-12)
    assert round(half.nominal) == 3_882_374_526


# -- deployment helpers on the fixture milestones ----------------------------------------------


def test_interpolation_between_real_milestones(tables):
    # 1 Apr 2019 (10) -> 31 Dec 2020 (414): 640 days; 15 Jan 2020 is day 275 + 14 = 289.
    # 10 + 404 * 289 / 640 = 10 + 182.43 = 192.43
    value = deployment.interpolated_complexes(tables["deployment"], "2020-01-15")
    assert value == pytest.approx(10 + 404 * 289 / 640)


def test_growth_steps(tables):
    steps = deployment.growth_steps(tables["deployment"])
    assert list(steps.columns) == [
        "start",
        "end",
        "before",
        "after",
        "ratio",
        "months",
        "per_month",
    ]
    assert len(steps) == 5  # six milestones, five steps
    assert list(steps["start"]) == [
        dt.date(2019, 4, 1),
        dt.date(2020, 12, 31),
        dt.date(2021, 4, 30),
        dt.date(2022, 11, 30),
        dt.date(2025, 12, 31),
    ]
    assert steps["end"].iloc[-1] == dt.date(2026, 3, 1)
    # days between milestones in months of 365.25 / 12 days, rounded: 1 Apr 2019 -> 31 Dec
    # 2020, 640 days = 21.03; -> 30 Apr 2021, 120 days = 3.94; -> 30 Nov 2022, 579 days =
    # 19.02; -> 31 Dec 2025, 1 127 days = 37.03; -> 1 Mar 2026, 60 days = 1.97 (two months,
    # not the three calendar months from December to March)
    assert list(steps["months"]) == [21, 4, 19, 37, 2]
    # (414 - 10) / 21 = 19.238…; 46 / 4 = 11.5; 306 / 19 = 16.105…; 875 / 37 = 23.648…;
    # 350 / 2 = 175
    assert list(steps["per_month"]) == pytest.approx(
        [19.2381, 11.5, 16.10526, 23.64865, 175.0], abs=1e-4
    )
    assert round(steps["per_month"].iloc[3], 1) == 23.6  # 766 -> 1 641 over 37 months
    # 414 / 10 = 41.4; 460 / 414 = 1.1111; 766 / 460 = 1.6652; 1641 / 766 = 2.1423;
    # 1991 / 1641 = 1.2133
    assert list(steps["ratio"]) == pytest.approx([41.4, 1.1111, 1.6652, 2.1423, 1.2133], abs=1e-4)


def test_growth_steps_count_an_interval_shorter_than_a_month_in_its_days():
    """Reviews s18c, s18d: 350 complexes planned between 7 February and 1 March 2026 (22 days)
    were printed as 350 a month; 22 / (365,25 / 12) = 0,7228 of a month, 484 a month. Here:
    19 days, 19 / 30,4375 = 0,6242, 30 / 0,6242 = 48,06 (two milestones on one day are refused
    before: `_points`)."""
    same_month = pd.DataFrame(
        {"date": pd.to_datetime(["2026-03-01", "2026-03-20"]), "complexes": [100, 130]}
    )
    steps = deployment.growth_steps(same_month)
    assert steps.loc[0, "months"] == pytest.approx(19 / 30.4375)
    assert steps.loc[0, "per_month"] == pytest.approx(48.06, abs=0.01)


def test_milestones_vs_original(tables):
    table = deployment.milestones_vs_original(tables["deployment"], 766)
    assert list(table["complexes"]) == [10, 414, 460, 766, 1641, 1991]  # unchanged
    # 10 / 766 = 0.0131; 414 / 766 = 0.5405; 460 / 766 = 0.6005; 1; 2.1423; 2.5992
    assert list(table["ratio_to_original"]) == pytest.approx(
        [0.0131, 0.5405, 0.6005, 1.0, 2.1423, 2.5992], abs=1e-4
    )
    assert "source_id" in table.columns  # the other columns stay
    with pytest.raises(ValueError, match="original number of complexes"):
        deployment.milestones_vs_original(tables["deployment"], 0)


def test_in_service_by_month_on_the_fixture_milestones(tables):
    series = deployment.in_service_by_month(tables["deployment"], "2020-01-01", "2022-08-31")
    assert len(series) == 32
    assert series.index[0] == pd.Timestamp("2020-01-15")
    assert series.index[-1] == pd.Timestamp("2022-08-15")
    # 15 Jan 2020: 10 + 404 * 289 / 640 = 192.43 (see above)
    assert series.iloc[0] == pytest.approx(10 + 404 * 289 / 640)
    # 15 Aug 2022 between 30 Apr 2021 (460) and 30 Nov 2022 (766): 365 + 107 = 472 of
    # 365 + 214 = 579 days -> 460 + 306 * 472 / 579 = 709.45
    assert series.iloc[-1] == pytest.approx(460 + 306 * 472 / 579)


# -- sensitivity -------------------------------------------------------------------------------


def test_tornado_sorted_by_swing_with_labels_from_the_edition(assumptions):
    def metric(a: AssumptionValues) -> float:  # a toy metric: 10 per month of term + rate
        return a.service_term_months * 10 + a.discount_rate

    table = sensitivity.tornado(assumptions, metric, ["discount_rate", "service_term_months"])
    assert list(table.columns) == [
        "assumption",
        "label",
        "low_value",
        "high_value",
        "metric_low",
        "metric_high",
        "metric_base",
        "swing",
    ]
    assert list(table["assumption"]) == ["service_term_months", "discount_rate"]
    assert table.loc[0, "swing"] == pytest.approx(240)  # (84 - 60) * 10
    assert table.loc[1, "swing"] == pytest.approx(3.75)  # 18 - 14.25
    assert table.loc[0, "metric_base"] == pytest.approx(738)  # 72 * 10 + 18
    assert table.loc[0, "metric_low"] == pytest.approx(618)  # 60 * 10 + 18
    assert table.loc[1, "metric_low"] == pytest.approx(734.25)  # 72 * 10 + 14.25
    declared = load_edition(DEFAULT_EDITION).assumptions
    assert list(table["label"]) == [
        declared["service_term_months"].short_label,
        declared["discount_rate"].short_label,
    ]


def test_tornado_leaves_out_assumptions_that_do_not_move_the_metric(assumptions):
    def metric(a: AssumptionValues) -> float:
        return a.service_term_months * 10 + a.discount_rate

    # every declared assumption is tried; the three the metric ignores have no bar
    table = sensitivity.tornado(assumptions, metric)
    assert list(table["assumption"]) == ["service_term_months", "discount_rate"]


def test_tornados_of_the_budget(tables, assumptions):
    real = sensitivity.tornado(
        assumptions, lambda a: sensitivity.budget_for(tables, a).real_2021_tenge
    )
    # the discount rate does not move the real cost: no bar
    assert set(real["assumption"]) == {
        "service_term_months",
        "new_complexes_start",
        "new_complexes_in_service",
        "cpi_2024_dec_dec",
        "inflation_2026",
    }
    assert real["assumption"].iloc[0] == "service_term_months"
    assert list(real["swing"]) == sorted(real["swing"], reverse=True)
    declared = load_edition(DEFAULT_EDITION).assumptions
    assert list(real["label"]) == [declared[n].short_label for n in real["assumption"]]
    pv = sensitivity.tornado(assumptions, lambda a: sensitivity.budget_for(tables, a).present_value)
    # inflation does not move the present value of nominal payments
    assert set(pv["assumption"]) == {
        "service_term_months",
        "new_complexes_start",
        "new_complexes_in_service",
        "discount_rate",
    }
    rate = pv.set_index("assumption").loc["discount_rate"]
    assert rate["metric_low"] > rate["metric_high"]  # a lower rate discounts less


def test_scenario_rows(tables, assumptions):
    rows = sensitivity.scenario_rows(tables, assumptions)
    assert list(rows.columns) == [
        "scenario",
        "monthly_tariff",
        "complex_months",
        "nominal",
        "real_2021_tenge",
        "present_value",
    ]
    assert list(rows["scenario"]) == [
        "Базовый",
        "Высокая инфляция",
        "Поздний ввод",
        "Срок 60 мес.",
        "Срок 84 мес.",
    ]
    # late installation (1 July): 1 641 * 12 + 350 * 6 = 21 792; else 1 641 * 12 + 350 * 10
    assert list(rows["complex_months"]) == [23_192, 23_192, 21_792, 23_192, 23_192]
    assert list(rows["monthly_tariff"]) == pytest.approx(
        [TARIFF, TARIFF, TARIFF, TARIFF_60, TARIFF_84]
    )
    by = rows.set_index("scenario")
    # 181 064.0111 * 23 192 = 4 199 236 545.35
    assert by.loc["Базовый", "nominal"] == pytest.approx(4_199_236_545.35, abs=0.01)
    # 181 064.0111 * 21 792 = 3 945 746 929.82
    assert by.loc["Поздний ввод", "nominal"] == pytest.approx(3_945_746_929.82, abs=0.01)
    # 217 276.8133 * 23 192 = 5 039 083 854.42
    assert by.loc["Срок 60 мес.", "nominal"] == pytest.approx(5_039_083_854.42, abs=0.01)
    # high inflation (20.3 %) changes the real cost only
    high, base = by.loc["Высокая инфляция"], by.loc["Базовый"]
    assert high["nominal"] == base["nominal"]
    assert high["present_value"] == base["present_value"]
    assert high["real_2021_tenge"] < base["real_2021_tenge"]


# -- the model ---------------------------------------------------------------------------------


def test_compute_default(tables, assumptions):
    r = results.compute(tables, assumptions)
    assert r.assumptions is assumptions
    assert r.complexes_after_extension == 1991  # 1 641 + 350
    assert round(r.growth_extension_vs_original, 2) == 2.60  # 1 991 / 766
    assert round(r.obligations_per_complex) == 13_036_609
    assert r.extension_end == dt.date(2026, 12, 31)
    assert r.extension_years == 1 and r.basis["extension_years"] == "source:inform_2025"
    # the one network on 1 January 2027: 1 641 + 350 × (50 … 100 %); base 100 %
    n = r.one_basis
    assert (n.network_low, n.network, n.network_high) == (1816, 1991, 1991)
    # the central estimates' network: the share's median, triangular on 50–100 % with its
    # mode at 100: 100 − 50 × √0,5 = 85,355 %, 1 641 + 350 × 0,85355 = 1 939,7
    assert n.network_median == pytest.approx(1939.74, abs=0.01)
    assert r.monthly_tariff == pytest.approx(TARIFF)
    assert r.annual_tariff == pytest.approx(2_172_768.133, abs=1e-3)  # 12 * 181 064.0111
    assert r.payment_period_start == dt.date(2020, 1, 1)
    assert r.payment_period_end == dt.date(2022, 8, 31)
    assert r.payment_period_months == 32
    assert r.paid_to_partner == 2.6e9
    assert len(r.in_service_paid_period) == 32
    assert list(r.tariff_at_term_range["term_months"]) == [60, 72, 84]  # low, base, high
    assert list(r.tariff_at_term_range["monthly"]) == pytest.approx([TARIFF_60, TARIFF, TARIFF_84])
    assert list(r.tariff_by_term["term_months"]) == [48, 54, 60, 66, 72, 78, 84, 90, 96]
    assert r.growth_steps["per_month"].iloc[3] == pytest.approx(875 / 37)
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
    assert by_year.loc[2024, "usd_period"] == "2024-01..11"
    assert math.isnan(by_year.loc[2021, "tariff_usd"])  # no 2021 rate in the table
    # 2026 budget
    assert r.budget.complex_months == 23_192
    assert r.budget.nominal == pytest.approx(4_199_236_545.35, abs=0.01)
    # fines vs payments, same 32 months: 17.5 / 2.6 = 6.73
    assert r.fines_to_payments_ratio == pytest.approx(6.7308, abs=1e-4)
    assert r.fines_collected_paid_period == 17.5e9
    assert r.fines_collected_latest == 94e9
    # no earlier running total from the same start (2021 here): no recent pace
    assert r.fines_collected_recent_per_month is None and r.fines_recent_period is None
    # a period the source states (no period_basis here: 2021-01..2025-12) is read one way
    assert r.fines_latest_months == (60, 60)
    assert r.fines_collected_latest_per_month == pytest.approx((94e9 / 60, 94e9 / 60))
    assert r.fines_forgone_in_gap == pytest.approx((assumptions.stopgap_months * 94e9 / 60,) * 2)
    assert r.fines_forgone_in_gap_recent is None
    assert r.fines_collected_latest_per_month_assumed == pytest.approx(94e9 / 60)
    # a gap of the stop-gap's months at the pace of the paid period (review s12d): the
    # hand tables' stop-gap months × 17,5 bn over the 32 months of 2020 – August 2022
    assert r.fines_forgone_in_gap_early == pytest.approx(assumptions.stopgap_months * 17.5e9 / 32)
    assert r.basis["state_obligations"] == "source:zakon_2025"
    assert r.basis["paid_to_partner"] == "source:caravan_2022"
    # tornados: one metric each, based on the budget computed here
    assert r.tornado_real_cost["assumption"].iloc[0] == "service_term_months"
    assert "discount_rate" not in set(r.tornado_real_cost["assumption"])
    assert (r.tornado_real_cost["metric_base"] == r.budget.real_2021_tenge).all()
    assert (r.tornado_present_value["metric_base"] == r.budget.present_value).all()
    assert list(r.scenarios["complex_months"]) == [23_192, 23_192, 21_792, 23_192, 23_192]
    # every assumption of the edition is used by the model
    assert assumptions.unused() == []


def test_compute_cross_check_on_hand_deployment(tables, assumptions):
    tables["deployment"] = HAND_DEPLOYMENT
    r = results.compute(tables, assumptions)
    assert r.complex_months_paid_period == pytest.approx(13_764)  # see test_calculations.py
    # 2.6 bn / 13 764 = 188 898.576 tenge per complex-month
    assert r.implied_monthly_tariff == pytest.approx(188_898.576, abs=1e-3)
    # 188 898.576 / 181 064.0111 = 1.04327
    assert r.tariff_estimates_ratio == pytest.approx(1.04327, abs=1e-5)
    # the milestones stop before 2025: no reconciliation rather than an extrapolation
    assert r.reconciliation is None
    # no camera counts in these milestones: no cameras per complex rather than an error
    assert r.cameras is None


def test_erosion_2025_range_spans_the_cpi_2024_assumption(tables, assumptions):
    r = results.compute(tables, assumptions)
    low, high = r.erosion_2025_range
    # CPI 2024 8.4 %: index 2025 = 132.0894 * 1.084 * 1.123 = 160.7966535
    # -> 1 - 100 / 160.7966535 = 37.80965 %
    assert low == pytest.approx(37.80965, abs=1e-5)
    # CPI 2024 8.6 %: 132.0894 * 1.086 = 143.4490884; * 1.123 = 161.0933263
    # -> 1 - 100 / 161.0933263 = 37.92418 %
    assert high == pytest.approx(37.92418, abs=1e-5)


def test_compute_uses_cpi_2024_from_table(tables, assumptions):
    r = results.compute(with_cpi_2024(tables, 8.6), assumptions)
    assert r.cpi_2024_used == 8.6
    assert r.cpi_2024_basis == "source:stat_2025"
    assert r.index_2025 == pytest.approx(161.0933263)  # 132.0894 * 1.086 * 1.123
    # the assumption is not used, so it has no bar and no range
    assert "cpi_2024_dec_dec" not in set(r.tornado_real_cost["assumption"])
    assert r.erosion_2025_range is None


def test_compute_missing_contract_item(tables, assumptions):
    tables["contract"] = tables["contract"][tables["contract"]["item"] != "original_scope"]
    with pytest.raises(MissingDataError, match="original_scope"):
        results.compute(tables, assumptions)


def test_compute_missing_table(tables, assumptions):
    del tables["payments"]
    with pytest.raises(MissingDataError, match="'payments'"):
        results.compute(tables, assumptions)


# -- key metrics -------------------------------------------------------------------------------

METRIC_NAMES = [
    "original_scope",
    "complexes_in_operation",
    "complexes_after_extension",
    "growth_extension_vs_original",
    "state_obligations",
    "obligations_per_complex",
    "monthly_tariff_estimate",
    "annual_tariff_estimate",
    "implied_monthly_tariff_from_payments",
    "tariff_estimates_ratio",
    "cpi_index_2025",
    "real_erosion_2025",
    "real_erosion_2026",
    "tariff_in_mrp_2021",
    "tariff_in_mrp_2026",
    "complex_months_2026",
    "budget_2026_nominal",
    "budget_2026_real_2021",
    "budget_2026_present_value",
    "fines_to_payments_ratio",
    "complex_months_2020_2025",
    "contract_complex_months",
    "complex_months_vs_contract",
    "payments_2020_2025_at_obligations_estimate",
    "payments_2020_2025_at_payments_estimate",
]
# The proposed 2027 budget line (model/budget_line.py, rounded up), then the options and
# branches on one basis: their 2027 cash (point and percentiles), cash 2027–2029 and present
# value (percentiles), then the reconciliation ratios.
METRIC_NAMES += ["budget_line_2027"]
METRIC_NAMES += [
    f"{option}_{measure}_{stat}"
    for option in (
        # the memo's order of the paths (review s12a, 3.7: the key figures' tables list them
        # as the memo's table does): the path realistic on 1 January first, at Pavlodar's
        # prices (each reading of Pavlodar's contract) and at the midpoint, then its part, the
        # path with a gap, the service contract from the first day at both prices, today's
        # price (a comparison), the one-off equipment; the branch «stop-gap confirmed» is the
        # midpoint path, not a second set of figures
        "service_pavlodar_region",
        "service_pavlodar_city",
        # the budget line's own path, per camera (the data hold the camera counts)
        "service_pavlodar_camera",
        "service",
        "stopgap",
        "no_bridge_pavlodar_region",
        "no_bridge_pavlodar_city",
        "no_bridge_pavlodar_camera",  # every path per camera (reviews s21l, s22a, s22b)
        "no_bridge",
        "pavlodar_region",
        "pavlodar_city",
        "pavlodar_camera",
        "announced",
        "extension_year",
        "equipment",
    )
    for measure, stats in (
        ("cash_2027", ("point", "p10", "p50", "p90")),
        ("cash_total", ("p10", "p50", "p90")),
        ("present_value", ("p10", "p50", "p90")),
    )
    for stat in stats
] + [
    f"{ratio}_{stat}"
    for ratio in ("estimates_ratio", "estimate2_vs_total_cost")
    for stat in ("p10", "p50", "p90")
]


def test_key_metrics(tables, assumptions):
    metrics = key_metrics(results.compute(tables, assumptions))
    assert [m["name"] for m in metrics] == METRIC_NAMES
    for m in metrics:
        assert set(m) == {"name", "label", "value", "unit", "basis"}
        assert isinstance(m["value"], float)
        assert re.fullmatch(r"source:\S+|assumption:[a-z0-9_]+|assumptions|derived", m["basis"])
        assert re.search("[а-яА-Я]", m["label"])
    by_name = {m["name"]: m for m in metrics}
    assert by_name["monthly_tariff_estimate"]["value"] == 181_064.0111  # rounded to 4 places
    assert by_name["cpi_index_2025"]["value"] == 160.7967  # 160.7966535
    assert by_name["cpi_index_2025"]["basis"] == "assumption:cpi_2024_dec_dec"
    assert by_name["tariff_in_mrp_2026"]["value"] == pytest.approx(41.8645, abs=1e-4)  # / 4 325
    assert by_name["state_obligations"]["basis"] == "source:zakon_2025"
    assert by_name["complex_months_2026"]["value"] == 23_192
    assert by_name["real_erosion_2025"]["unit"] == "%"
    assert "январь 2020 — август 2022" in by_name["fines_to_payments_ratio"]["label"]
    assert by_name["fines_to_payments_ratio"]["basis"] == "derived"  # a ratio the authors computed
    # the line in whole billions, rounded up from the joint calculation's upper end (review
    # s19a: its basis is that calculation, not the rounding step alone)
    assert by_name["budget_line_2027"]["value"] % 1e9 == 0
    assert by_name["budget_line_2027"]["basis"] == "assumptions"


def test_key_metrics_leave_out_what_cannot_be_computed(tables, assumptions):
    # no fines row for the payment period: no ratio (rather than a NaN in metrics.json)
    payments = tables["payments"]
    tables["payments"] = payments[
        ~((payments["flow"] == "fines_collected") & (payments["source_id"] == "caravan_2022"))
    ]
    metrics = key_metrics(results.compute(tables, assumptions))
    assert [m["name"] for m in metrics] == [
        n for n in METRIC_NAMES if n != "fines_to_payments_ratio"
    ]


def test_key_metrics_index_basis_when_cpi_2024_is_sourced(tables, assumptions):
    metrics = key_metrics(results.compute(with_cpi_2024(tables), assumptions))
    assert {m["name"]: m for m in metrics}["cpi_index_2025"]["basis"] == "derived"


def test_cameras_per_complex_from_the_latest_milestone_with_both_counts(tables, assumptions):
    """Almaty: 5 034 cameras on 766 complexes (30 Nov 2022, the latest fixture row with a camera
    count): 766 * 6 = 4 596, 438 / 766 = 0.5718 -> 6.5718. Pavlodar: 1 287 cameras on 240 to
    420 complexes: 1 287 / 420 = 3.0643, 1 287 / 240 = 5.3625. Factor: 5 034 * 240 / (766 *
    1 287) = 1 208 160 / 985 842 = 1.2255; 5 034 * 420 / 985 842 = 2 114 280 / 985 842 = 2.1446.
    The options stay per complex: the caveat changes no budget."""
    r = results.compute(tables, assumptions)
    c = r.cameras
    assert c.almaty_date == dt.date(2022, 11, 30)
    assert (c.almaty_cameras, c.almaty_complexes) == (5034, 766)
    assert not c.almaty_at_least  # «5 034 камеры»: an exact count
    assert c.almaty == pytest.approx(6.5718, abs=1e-4)
    assert c.later_bound is None  # the latest count is exact: no later bound to agree with
    assert c.pavlodar_complexes == (240, 420)
    assert c.pavlodar == pytest.approx((3.0643, 5.3625), abs=1e-4)
    assert c.factor == pytest.approx((1.2255, 2.1446), abs=1e-4)
    assert c.inverse == pytest.approx((1 / 2.1446, 1 / 1.2255), abs=1e-4)
    assert (c.almaty_source, c.pavlodar_source) == ("bizmedia_2022", "profit_2025_11_27")
    assert r.basis["cameras_pavlodar"] == "source:profit_2025_11_27"


def test_without_pavlodar_s_camera_count_there_is_no_camera_caveat(tables, assumptions):
    """An edition whose data give no camera count (the published one) computes the rest."""
    anchors = tables["cost_anchors"].drop(columns=["cameras", "cameras_source_id"])
    r = results.compute({**tables, "cost_anchors": anchors}, assumptions)
    assert r.cameras is None and "cameras_pavlodar" not in r.basis
    assert r.budget.complex_months == results.compute(tables, assumptions).budget.complex_months
    # no price per camera: the model prices no per-camera path, the line is the city
    # reading's upper end rounded up (28,43 → 29) and no table, chart or key figure has the row
    from sergek_report.chapter import decision_tables
    from sergek_report.model.appraisal import CAMERA_PATH

    assert f"{CAMERA_PATH}.cash_2027" not in r.appraisal.summary.index
    assert r.budget_line.per_camera is None and r.budget_line.per_camera_range is None
    assert r.budget_line.amount == 29e9 and r.budget_line.line_factor == 1.0
    assert CAMERA_PATH not in decision_tables.priced(r)
    assert not [o for o in decision_tables.priced(r) if o.endswith("_camera")]  # no path per camera
    # the path tree's boxes then give the city's variant, the line's, never a per-camera one
    tree = decision_tables.branch_cost_lines("announced", r)
    # (at the city's reading the line is 29, the contract from 1 January's upper end, 28,4)
    assert tree == ("«Договор с первого дня»: 27,2\u00a0млрд (вариант\u00a02; строка 29)",)
    assert "за камеру" not in decision_tables.path_chart_note(r)
    assert "Продление, затем договор (цены Павлодара за камеру)" not in set(
        decision_tables.appraisal_table(r).iloc[:, 0]
    )
    assert not [m for m in key_metrics(r) if m["name"].startswith(CAMERA_PATH)]
    with_cameras = key_metrics(results.compute(tables, assumptions))
    assert [m for m in with_cameras if m["name"].startswith(CAMERA_PATH)]


def test_cameras_per_complex_on_real_tables(assumptions):
    """The reviewer's figures: the latest count, 9 000 / 1 641 = 5.4845 (30 Nov 2024, «более
    9 000»), is a lower bound that the latest exact count, 7 894 / 1 341 = 5.8866 (the start of
    2024), does not contradict: the exact one is taken (reviews s17d–s17h: a line drawn at the
    bound fell short at the exact count); 1 287 / 420 = 3.0643 and 1 287 / 240 = 5.3625 (the
    complexes installed in Pavlodar by 13 Nov 2025, Kazinform; not the 100 switched on, which
    are fewer than those installed); 1 341 * 1 287 = 1 725 867: 7 894 * 240 / 1 725 867 =
    1 894 560 / 1 725 867 = 1.0977 and 7 894 * 420 / 1 725 867 = 3 315 480 / 1 725 867 =
    1.9211."""
    edition = load_edition(DEFAULT_EDITION)
    tables = datasets.load_tables(None, data_dir=DATA_DIR, as_of=edition.edition_date)
    c = results.compute(tables, assumptions).cameras
    assert c.almaty_date == dt.date(2024, 1, 1)
    assert (c.almaty_cameras, c.almaty_complexes, c.almaty_at_least) == (7894, 1341, False)
    assert c.almaty == pytest.approx(5.8866, abs=1e-4)
    assert c.pavlodar_cameras == 1287
    assert c.pavlodar == pytest.approx((3.0643, 5.3625), abs=1e-4)
    assert c.factor == pytest.approx((1.0977, 1.9211), abs=1e-4)
    bound = c.later_bound
    assert (bound.date, bound.cameras, bound.complexes) == (dt.date(2024, 11, 30), 9000, 1641)
    assert bound.per_complex == pytest.approx(5.4845, abs=1e-4)
    # the appendix says the bound after the exact count, in the words the source uses
    assert sentences.later_bound(c) == (
        "; позднее, в ноябре 2024 года, — более 9\u00a0000\u00a0камер на 1\u00a0641\u00a0АПК, "
        # (review s19a: a lower bound rounded down, 5,48 → «больше 5,4»)
        "то есть больше 5,4 на комплекс, что с этим счётом согласуется"
    )


def test_a_later_lower_bound_above_the_exact_count_is_the_count(assumptions):
    """A later «более 10 000» cameras on 1 641 complexes (6.0938 a complex) says more than the
    exact 7 894 on 1 341 (5.8866): the bound is the count, said as a lower bound («более»), and
    the factor a lower bound too (10 000 * 240 / (1 641 * 1 287) = 2 400 000 / 2 111 967 =
    1.1364)."""
    edition = load_edition(DEFAULT_EDITION)
    tables = datasets.load_tables(None, data_dir=DATA_DIR, as_of=edition.edition_date)
    deployment = tables["deployment"].copy()
    row = deployment.index[deployment["date"].astype(str).str.startswith("2024-11-30")][0]
    deployment.loc[row, "cameras"] = 10000
    deployment.loc[row, "counted"] = "АПК «Сергек» (более 10 000 видеокамер)"
    c = results.compute({**tables, "deployment": deployment}, assumptions).cameras
    assert (c.almaty_date, c.almaty_cameras, c.almaty_at_least) == (
        dt.date(2024, 11, 30),
        10000,
        True,
    )
    assert c.later_bound is None and sentences.later_bound(c) == ""
    assert c.factor[0] == pytest.approx(1.1364, abs=1e-4)
    assert sentences.cameras_counted(c) == "более 10\u00a0000\u00a0камер"


def test_compute_on_real_tables(assumptions):
    edition = load_edition(DEFAULT_EDITION)
    tables = datasets.load_tables(None, data_dir=DATA_DIR, as_of=edition.edition_date)
    r = results.compute(tables, assumptions)
    assert r.original_scope == 766
    assert r.state_obligations == OBLIGATIONS
    assert round(r.obligations_per_complex) == 13_036_609
    assert r.budget.complex_months == 23_192  # 1 641 * 12 + 350 * 10
    assert r.monthly_tariff == pytest.approx(TARIFF)
    assert r.payment_period_months == 32
    assert [m["name"] for m in key_metrics(r)] == METRIC_NAMES


def test_reconciliation_on_real_tables(assumptions):
    edition = load_edition(DEFAULT_EDITION)
    tables = datasets.load_tables(None, data_dir=DATA_DIR, as_of=edition.edition_date)
    r = results.compute(tables, assumptions)
    # the network was switched on at 404 complexes on 1 Jan 2020: the two estimates now
    # differ by about 11 % (0.97 with the old ramp from 10 complexes in April 2019)
    assert r.tariff_estimates_ratio == pytest.approx(0.893, abs=1e-3)
    rc = r.reconciliation
    assert rc.contract_complex_months == 766 * 72
    assert rc.complex_months == pytest.approx(69_701.5, abs=0.1)
    # both estimates exceed the 9.99 bn of original obligations over 2020–2025
    assert rc.payments("payments") > OBLIGATIONS and rc.payments("obligations") > OBLIGATIONS
    assert rc.extension_complex_months == 23_192
    assert r.decision_day.isoformat() == "2027-01-01"


def test_the_fines_of_five_years_are_read_both_ways_in_the_default_edition():
    """The latest fines total (94 bn, «за 5 лет», published 30 December 2025; its start the
    authors' assumption) over both readings of its period, the assumption
    fines_five_years_months: from the launch, January 2020 – December 2025, 72 months; the
    source's five years read literally, 60 months. Hand-checked, in bn: 94 / 72 = 1,306 and
    94 / 60 = 1,567 a month; two months without enforcement forgo 94 / 72 × 2 = 2,61 and
    94 / 60 × 2 = 3,13. The recent pace: (94 − 27,532) / 25 months (December 2023 –
    December 2025) = 2,659 a month, × 2 = 5,32 (a floor if the five years are read literally).
    The pace of January 2020 – August 2022 comes from another period: 17,5 / 32 × 2 = 1,09."""
    from sergek_report import paths
    from sergek_report.model.computed import compute_edition

    edition = compute_edition(paths.DEFAULT_PARAMS, paths.DATA_DIR)
    r = edition.results
    assert r.assumptions.stopgap_months == 2
    assert r.fines_latest_months == (60, 72)
    assert r.fines_collected_latest_per_month == pytest.approx((94e9 / 72, 94e9 / 60))
    assert r.fines_collected_latest_per_month_assumed == pytest.approx(94e9 / 72)  # the authors'
    assert r.fines_forgone_in_gap == pytest.approx((2.6111e9, 3.1333e9), abs=1e5)
    assert r.fines_forgone_in_gap_recent == pytest.approx(5.31744e9, abs=1e5)
    assert r.fines_forgone_in_gap_early == pytest.approx(1.09375e9)  # unchanged by the reading
    assert r.basis["fines_latest_months"] == "assumption:fines_five_years_months"


def test_an_assumed_fines_period_must_lie_in_the_assumptions_range(tables, assumptions):
    """A total whose start the authors assumed is read at both ends of the assumption
    fines_five_years_months' range (60–72 months), the authors' reading at its value; a row
    spanning months outside the range stops the computation, naming both."""
    from sergek_report.errors import ParameterError

    payments = tables["payments"].copy()
    payments["period_basis"] = None
    payments.loc[payments["source_id"] == "inform_kz_2025", "period_basis"] = "assumed"
    r = results.compute({**tables, "payments": payments}, assumptions)
    assert r.fines_latest_months == (60, 72)  # the range's ends: both readings
    assert r.fines_collected_latest_per_month_assumed == pytest.approx(94e9 / 72)
    payments.loc[payments["source_id"] == "inform_kz_2025", "period_start"] = "2018-01-01"
    with pytest.raises(ParameterError, match="spans 96 months, outside the range 60–72"):
        results.compute({**tables, "payments": payments}, assumptions)


def test_the_recent_pace_of_fines_is_the_difference_of_two_running_totals():
    """data/payments.csv: 27,532 bn collected from January 2020 to November 2023 and 94 bn to
    30 December 2025 (both from the launch): 66,468 bn over December 2023 – December 2025."""
    from sergek_report.model.lookups import recent_fines_collected

    payments = pd.DataFrame(
        [
            ("fines_collected", "2020-01-01", "2022-08-31", 17.5e9),
            ("fines_collected", "2020-01-01", "2023-11-30", 27.532e9),
            ("fines_imposed", "2020-01-01", "2025-12-30", 156e9),
            ("fines_collected", "2020-01-01", "2025-12-30", 94e9),
        ],
        columns=["flow", "period_start", "period_end", "tenge"],
    )
    earlier, later = recent_fines_collected(payments)
    assert (earlier["tenge"], later["tenge"]) == (27.532e9, 94e9)
    # with another start, the totals are not comparable
    payments.loc[1, "period_start"] = "2021-01-01"
    payments.loc[0, "period_start"] = "2021-01-01"
    assert recent_fines_collected(payments) is None
