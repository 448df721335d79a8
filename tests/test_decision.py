"""Reconciliation 2020–2025 and the option cost ranges 2027–2029, checked by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from sergek_report.model.options import (
    cost_range,
    latest_start,
    monthly_flows,
    option_costs,
    per_complex_year,
)
from sergek_report.model.reconciliation import anchor_row, complex_months_by_year, reconcile

# 100 complexes from 1 Jan 2020, 200 from 1 Jan 2021 on: linear in between.
FLAT = pd.DataFrame(
    {
        "date": pd.to_datetime(["2020-01-01", "2020-12-31", "2021-12-31"]),
        "complexes": [100, 100, 100],
    }
)


def test_complex_months_of_a_flat_network():
    by_year = complex_months_by_year(FLAT, dt.date(2020, 1, 1), dt.date(2021, 12, 31))
    assert by_year.to_dict() == {2020: 1200.0, 2021: 1200.0}


def test_reconcile_by_hand():
    rc = reconcile(
        FLAT,
        dt.date(2020, 1, 1),
        dt.date(2021, 12, 31),
        original_complexes=50,
        term_months=24,
        monthly_estimates={"obligations": 1000.0, "payments": 900.0},
        obligations=1_200_000,
        total_cost=3_000_000,
        extension_year=2022,
        extension_complex_months=1200,
    )
    # 100 complexes × 24 months = 2 400 complex-months against 50 × 24 = 1 200 in the contract
    assert rc.complex_months == 2400
    assert rc.contract_complex_months == 1200
    assert rc.complex_months_ratio == 2
    # 2 400 × 1 000 = 2.4 m = 2 × the obligations; with 2022: 3 600 × 1 000 = 3.6 m
    assert rc.payments("obligations") == 2_400_000
    assert rc.payments("obligations", with_extension=True) == 3_600_000
    assert rc.payments("payments") == 2_160_000  # 2 400 × 900
    row = rc.table.set_index("estimate").loc["payments"]
    assert row["to_end_vs_obligations"] == pytest.approx(1.8)
    assert row["with_extension_vs_total_cost"] == pytest.approx(3_240_000 / 3_000_000)
    assert rc.cumulative["obligations"].to_dict() == {
        2020: 1_200_000,
        2021: 2_400_000,
        2022: 3_600_000,
    }


def test_anchor_row_missing():
    with pytest.raises(Exception, match="no_such"):
        anchor_row(pd.DataFrame({"anchor_id": ["a"]}), "no_such")


def test_per_complex_year():
    assert per_complex_year(9e9, 3, 420) == pytest.approx(7_142_857.142857)
    assert per_complex_year(4.6e9, 3, 100) == pytest.approx(15_333_333.33333)


def test_monthly_flows_with_growth():
    flows = monthly_flows(100, 1000, growth_percent=10)
    assert len(flows) == 36 and flows.index[0] == pd.Timestamp("2027-01-31")
    # 2027: 12 × 100 × 1 100 = 1.32 m; 2028: × 1.1 = 1.452 m; 2029: 1.5972 m
    assert flows.groupby(flows.index.year).sum().to_list() == pytest.approx(
        [1_320_000, 1_452_000, 1_597_200]
    )


def test_stopgap_present_value_by_hand():
    low = monthly_flows(100, 1000, years=(2027,), months=2)
    r = cost_range(low, low * 2, rate_low_cost=10, rate_high_cost=0)
    assert r.nominal_low == 200_000 and r.nominal_high == 400_000
    # 31 Jan 2027 is 30 days after 1 Jan, 28 Feb 58 days
    assert r.pv_low == pytest.approx(100_000 / 1.1 ** (30 / 365) + 100_000 / 1.1 ** (58 / 365))
    assert r.pv_high == pytest.approx(400_000)  # at 0 %


def test_option_costs_by_hand():
    o = option_costs(
        complexes_low=100,
        complexes_high=200,
        monthly_estimates=[1000, 900],
        service_per_year=[12_000, 24_000],
        capex=(5_000, 10_000),
        discount_range=(0, 0),
        growth_low=0,
        growth_high=0,
        stopgap_months=2,
    )
    assert (o.stopgap.nominal_low, o.stopgap.nominal_high) == (180_000, 400_000)
    # 100 × 900 × 36 = 3.24 m; 200 × 1 000 × 36 = 7.2 m
    assert (o.continuation.nominal_low, o.continuation.nominal_high) == (3_240_000, 7_200_000)
    # 100 × 12 000 × 3 = 3.6 m; 200 × 24 000 × 3 = 14.4 m
    assert o.service.nominal_low == pytest.approx(3_600_000)
    assert o.service.nominal_high == pytest.approx(14_400_000)
    assert (o.equipment.nominal_low, o.equipment.nominal_high) == (500_000, 2_000_000)
    table = o.table.set_index("option_id")
    # an unpriced PPP: from the current price to a service price
    assert table.loc["ppp_new", "nominal_low"] == 3_240_000
    assert table.loc["ppp_new", "nominal_high"] == pytest.approx(14_400_000)
    assert not table.loc["ppp_new", "priced"] and table.loc["stopgap", "priced"]


def test_latest_start():
    assert latest_start(dt.date(2027, 1, 1), days=60) == dt.date(2026, 11, 2)
    assert latest_start(dt.date(2027, 1, 1), months=6) == dt.date(2026, 7, 1)
    assert latest_start(dt.date(2027, 3, 31), months=1) == dt.date(2027, 2, 28)
