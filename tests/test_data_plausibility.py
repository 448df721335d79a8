"""Hostile input to the data loader: one test per class of bad input (data/README.md lists them).

Each test copies data/ into tmp_path, spoils one cell and checks that the error is a
`DataValidationError` (from `sergek_report.errors`) whose one-paragraph message names the file,
the line and the column, or, for an accepted spelling, that the value is read and the change
logged with its line and column.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from test_datasets import DATA, LOGGER, assert_names, logged, replace

from sergek_report import errors
from sergek_report.inputs.datasets import DataValidationError, load_all, load_table, load_tables


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def warnings(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    return caplog


def rejected(data_dir: Path, *tables: str) -> DataValidationError:
    """The error of loading `tables` (all of them, with the folder checks, when none given)."""
    with pytest.raises(errors.DataValidationError) as info:
        load_tables(tables, data_dir) if tables else load_all(data_dir)
    return info.value


def test_the_loader_raises_the_project_error_class(data_dir):
    replace(data_dir, "cpi", "20.3", "120.3")
    err = rejected(data_dir, "cpi")
    assert DataValidationError is errors.DataValidationError
    assert isinstance(err, errors.ReportError) and isinstance(err, ValueError)


@pytest.mark.parametrize(
    ("table", "old", "new", "column", "rule"),
    [
        # counts that divide: whole and at least 1
        ("contract", "1641,,complexes", "1641.5,,complexes", "value", "plausible"),
        ("contract", "766,,complexes", "0,,complexes", "value", "plausible"),
        ("contract", "1,,years", "0,,years", "value", "plausible"),
        ("contract", "9986042340", "0", "value", "plausible"),
        ("deployment", "2019-04-01,10,", "2019-04-01,0,", "complexes", "bounds"),
        ("mrp", "4325", "0", "tenge", "bounds"),
        ("usd_kzt", "456.2", "0", "kzt_per_usd", "bounds"),
        # implausibly large
        ("contract", "1641,,complexes", "1000000000000,,complexes", "value", "plausible"),
        ("deployment", "2026-03-01,1991,", "2026-03-01,1000000000000,", "complexes", "bounds"),
        ("payments", "2600000000", "26000000000000000000000", "tenge", "bounds"),
        ("peers", "24900000000", "1e20", "value", "bounds"),
    ],
)
def test_implausible_numbers_rejected(data_dir, table, old, new, column, rule):
    line = replace(data_dir, table, old, new)
    err = rejected(data_dir, table)
    assert_names(err, table, line, column)
    assert err.rule == rule
    bad = next(cell for cell in new.split(",") if cell not in old.split(","))
    assert f'"{bad}"' in str(err)


@pytest.mark.parametrize(
    ("table", "old", "column"),
    [
        ("cpi", "20.3", "percent"),
        ("contract", "9986042340", "value"),
        ("payments", "2600000000", "tenge"),
    ],
)
def test_infinite_numbers_rejected(data_dir, table, old, column):
    line = replace(data_dir, table, old, "1e309")
    err = rejected(data_dir, table)
    assert_names(err, table, line, column)
    assert err.rule == "finite"
    assert "infinity" in str(err)


@pytest.mark.parametrize("bad", ["nan", "inf", "Infinity", "-inf"])
def test_nan_and_inf_spelled_out_rejected(data_dir, bad):
    line = replace(data_dir, "cpi", "20.3", bad)
    err = rejected(data_dir, "cpi")
    assert_names(err, "cpi", line, "percent")
    assert err.rule == "bare_number"


@pytest.mark.parametrize("digits", ["99999999999999999999", "9223372036854775808", "1" * 400])
def test_whole_numbers_beyond_int64_rejected(data_dir, digits):
    line = replace(data_dir, "deployment", "2021-04-30,460,", f"2021-04-30,{digits},")
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", line, "complexes")
    assert err.rule == "too_many_digits"
    assert len(str(err)) < 600  # a short excerpt of the cell, not all 400 digits


def test_same_quantity_in_two_tables_must_agree(data_dir):
    line = replace(data_dir, "contract", "1641,,complexes", "1700,,complexes")
    err = rejected(data_dir)
    assert_names(err, "contract", line, "value")
    assert err.rule == "same_quantity"
    assert "data/deployment.csv, line 9" in str(err) and "1641" in str(err)
    # a subset without deployment cannot compare, and does not pretend to
    assert load_tables(["contract"], data_dir)["contract"]["value"].max() > 0


def test_agreement_ignores_planned_rows(data_dir):
    # the latest row (2026-03-01, 1991) is planned; 1641 agrees with the 2025-12-31 row
    tables = load_all(data_dir)
    assert tables["deployment"]["complexes"].iloc[-1] == 1991


@pytest.mark.parametrize(
    ("spelled", "name"),
    [("１６４１", "FULLWIDTH"), ("١٦٤١", "ARABIC-INDIC"), ("۱۶۴۱", "EXTENDED ARABIC-INDIC")],
)
def test_non_ascii_digits_in_numbers_are_normalised_and_logged(data_dir, warnings, spelled, name):
    line = replace(data_dir, "deployment", "2026-02-07,1641,", f"2026-02-07,{spelled},")
    tables = load_all(data_dir)
    assert 1641 in set(tables["deployment"]["complexes"])
    assert logged(warnings, "data/deployment.csv", f"line {line}", 'column "complexes"', "1641")


def test_non_ascii_digits_in_dates_are_normalised(data_dir, warnings):
    line = replace(data_dir, "mrp", "2026-01-01", "２０２６-０１-０１")
    assert str(load_table("mrp", data_dir)["valid_from"].iloc[-1].date()) == "2026-01-01"
    assert logged(warnings, "data/mrp.csv", f"line {line}", 'column "valid_from"', "non-ASCII")


def test_non_ascii_digits_in_an_id_are_named(data_dir):
    line = replace(data_dir, "deployment", "bizmedia_2022_11_30", "bizmedia_２０２２_11_30")
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", line, "source_id")
    assert "U+FF12 FULLWIDTH DIGIT TWO" in str(err)


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u200d", "U+200D ZERO WIDTH JOINER"),
        ("\u200c", "U+200C ZERO WIDTH NON-JOINER"),
        ("\x00", "U+0000 NUL"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\u00ad", "U+00AD SOFT HYPHEN"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ],
)
def test_invisible_characters_rejected_and_named(data_dir, char, name):
    line = replace(data_dir, "deployment", "2021-04-30,460,", f"2021-04-30,46{char}0,")
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", line, "complexes")
    assert err.rule == "invisible_character"
    assert name in str(err) and "character 3" in str(err)
    assert char not in str(err)  # shown as <U+…>, never raw


def test_invisible_character_in_text_cell_rejected(data_dir):
    line = replace(data_dir, "gaps", "Размер тарифа", "Размер\u200b тарифа")
    err = rejected(data_dir, "gaps")
    assert_names(err, "gaps", line, "fact")


def test_invisible_character_in_header_rejected(data_dir):
    replace(data_dir, "cpi", "year,measure", "year\u200b,measure")
    err = rejected(data_dir, "cpi")
    assert err.row == 1 and err.rule == "invisible_character"
    assert 'column "year<U+200B>"' in str(err)


def test_invisible_character_in_multiline_cell_names_its_line(data_dir):
    path = data_dir / "gaps.csv"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("tariff_level")].count("\n") + 1
    spoiled = text.replace("Стоимость комплекса", "Стоимость\nкомплекса\x00", 1)
    path.write_text(spoiled, encoding="utf-8")
    err = rejected(data_dir, "gaps")
    assert_names(err, "gaps", line + 1, "consequence")  # the quoted cell goes on to line + 1


def test_long_bad_cell_is_quoted_short(data_dir):
    line = replace(data_dir, "cpi", "20.3", "x" * 10_000)
    err = rejected(data_dir, "cpi")
    assert_names(err, "cpi", line, "percent")
    assert len(str(err)) < 600 and "10000 characters" in str(err)


def test_many_normalised_cells_log_a_bounded_number_of_lines(data_dir, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    path = data_dir / "payments.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    days = [date(2015, 1, 1) + timedelta(days=i) for i in range(300)]  # plausible dates
    rows = [
        f"fines_imposed,{d:%d.%m.%Y},{d:%d.%m.%Y},{i},reported,,inbusiness_2020_01,"
        for i, d in enumerate(days)
    ]
    path.write_text("\n".join(lines[:1] + rows) + "\n", encoding="utf-8")
    assert len(load_table("payments", data_dir)) == 300
    assert len(caplog.records) <= 2 * 51
    assert any("more cell(s)" in r.getMessage() for r in caplog.records)
