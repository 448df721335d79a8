"""Russian formatting: exact strings, including babel's no-break spaces."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from sergek_report import fmt

NB = "\u00a0"  # no-break space: babel's group separator, and our space before units
NNB = "\u202f"  # narrow no-break space: babel's space before "г." in long dates


def test_integer_groups_with_nbsp():
    assert fmt.integer(9_986_042_340) == f"9{NB}986{NB}042{NB}340"
    assert fmt.integer(766) == "766"
    assert fmt.integer(1641.0) == f"1{NB}641"


def test_integer_rounds_half_up():
    # 13 036 608.80 -> 13 036 609; a tie goes up, as a reader rounds (babel alone gives "2").
    assert fmt.integer(13_036_608.8) == f"13{NB}036{NB}609"
    assert fmt.integer(2.5) == "3"


def test_number_and_ratio():
    assert fmt.number(13.036608) == "13,04"
    assert fmt.number(0.125) == "0,13"
    assert fmt.number(1234.5, 1) == f"1{NB}234,5"
    assert fmt.ratio(1991 / 766) == "2,60"
    assert fmt.ratio(1641 / 766, 1) == "2,1"


def test_negative_numbers_use_real_minus():
    assert fmt.number(-1234.5, 1) == f"\u22121{NB}234,5"
    assert fmt.integer(-5) == "\u22125"
    # a value that rounds to zero carries no sign
    assert fmt.number(-0.001) == "0,00"


def test_percent():
    assert fmt.percent(12.3) == f"12,3{NB}%"
    assert fmt.percent(37.8105, 2) == f"37,81{NB}%"
    assert fmt.percent(8) == f"8,0{NB}%"


def test_signed_percent():
    assert fmt.signed_percent(4.5) == f"+4,5{NB}%"
    assert fmt.signed_percent(-37.8105) == f"\u221237,8{NB}%"
    assert fmt.signed_percent(0) == f"0,0{NB}%"
    assert fmt.signed_percent(-0.01) == f"0,0{NB}%"


def test_millions_billions_tenge():
    assert fmt.millions(13_036_608.8) == f"13,04{NB}млн"
    assert fmt.billions(9_986_042_340) == f"9,99{NB}млрд"
    assert fmt.billions(2.6e9, 1) == f"2,6{NB}млрд"
    assert fmt.tenge(9_986_042_340) == f"9{NB}986{NB}042{NB}340{NB}тенге"


def test_compact_tenge_picks_scale():
    assert fmt.compact_tenge(181_064.01) == f"181{NB}064{NB}тенге"
    assert fmt.compact_tenge(13_036_608.8) == f"13,04{NB}млн{NB}тенге"
    assert fmt.compact_tenge(4_199_236_545) == f"4,20{NB}млрд{NB}тенге"
    # the scale follows the rounded value: no "1 000,00 млн"
    assert fmt.compact_tenge(999_999_999) == f"1,00{NB}млрд{NB}тенге"
    assert fmt.compact_tenge(999_999.7) == f"1,00{NB}млн{NB}тенге"
    assert fmt.compact_tenge(-2.6e9) == f"\u22122,60{NB}млрд{NB}тенге"


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2026, 3, 1),
        dt.datetime(2026, 3, 1, 15, 30),
        pd.Timestamp("2026-03-01"),
        "2026-03-01",
    ],
)
def test_date_long_accepts_date_types(value):
    assert fmt.date_long(value) == f"1 марта 2026{NNB}г."


def test_month_year_uses_standalone_month():
    assert fmt.month_year("2019-04-01") == "апрель 2019"
    assert fmt.month_year(pd.Timestamp("2022-11-30")) == "ноябрь 2022"


def test_missing_values_print_as_dash():
    for f in (
        fmt.integer,
        fmt.number,
        fmt.percent,
        fmt.signed_percent,
        fmt.millions,
        fmt.billions,
        fmt.tenge,
        fmt.compact_tenge,
        fmt.date_long,
        fmt.month_year,
    ):
        assert f(None) == "\u2014"
    assert fmt.number(math.nan) == "\u2014"
    assert fmt.date_long(pd.NaT) == "\u2014"


def test_bad_inputs_raise():
    with pytest.raises(ValueError):
        fmt.number(math.inf)
    with pytest.raises(ValueError):
        fmt.date_long("1 марта 2026")
    with pytest.raises(TypeError):
        fmt.integer(True)
