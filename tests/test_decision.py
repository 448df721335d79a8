"""Reconciliation 2020–2025 and the deadlines of the decision for 2027, checked by hand
(the options' costs: tests/test_appraisal.py)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from sergek_report.model.options import latest_start, per_complex_year, term_end
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


def test_latest_start():
    assert latest_start(dt.date(2027, 1, 1), days=60) == dt.date(2026, 11, 2)
    assert latest_start(dt.date(2027, 1, 1), months=6) == dt.date(2026, 7, 1)
    assert latest_start(dt.date(2027, 3, 31), months=1) == dt.date(2027, 2, 28)


def test_term_end():
    """The stop-gap of at most two months from the first day without the contract."""
    assert term_end(dt.date(2027, 1, 1), 2) == dt.date(2027, 2, 28)
    assert term_end(dt.date(2028, 1, 1), 2) == dt.date(2028, 2, 29)  # a leap year
    assert term_end(dt.date(2027, 1, 15), 2) == dt.date(2027, 3, 14)
    assert term_end(dt.date(2026, 12, 31), 2) == dt.date(2027, 2, 27)  # no 31 February
    assert term_end(dt.date(2027, 1, 1), 12) == dt.date(2027, 12, 31)
