"""Tests of data/ and sergek_report.inputs.datasets: the real tables, then one test per input case.

Each bad-input test copies the real data directory into tmp_path, spoils one file and checks
the exception type and that the message names the file, the line and the column. Accepted
inputs are checked for the normalised value and the WARNING logged by "sergek_report.data".
"""

from __future__ import annotations

import csv
import io
import logging
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sergek_report.inputs.datasets import TABLES, DataValidationError, load_table, load_tables
from sergek_report.inputs.schema import quoted_count

DATA = Path(__file__).resolve().parents[1] / "data"
LOGGER = "sergek_report.data"


# --- helpers ------------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


@pytest.fixture
def warnings(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    return caplog


def path_of(data_dir: Path, table: str) -> Path:
    return data_dir / TABLES[table].file


def replace(data_dir: Path, table: str, old: str, new: str) -> int:
    """Replace the first `old` in the table's file; return the line it is on."""
    path = path_of(data_dir, table)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def rows_of(data_dir: Path, table: str) -> list[list[str]]:
    with path_of(data_dir, table).open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_rows(data_dir: Path, table: str, rows, delimiter: str = ",", encoding: str = "utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path_of(data_dir, table).write_bytes(buffer.getvalue().encode(encoding))


def assert_names(err: DataValidationError, table: str, line: int | None, column: str | None):
    """The message is one paragraph naming file, line and column; the attributes agree."""
    message = str(err)
    assert "\n" not in message
    assert f"data/{TABLES[table].file}" in message
    assert err.file.endswith(f"data/{TABLES[table].file}")
    assert err.row == line
    assert err.column == column
    if line is not None:
        assert f"line {line}," in message or f"line {line}:" in message
    if column is not None:
        assert f'column "{column}"' in message
    assert err.rule and err.expected and err.found


def rejected(data_dir: Path, table: str, **kwargs) -> DataValidationError:
    with pytest.raises(DataValidationError) as info:
        load_table(table, data_dir, **kwargs)
    return info.value


def logged(caplog: pytest.LogCaptureFixture, *parts: str) -> bool:
    return any(
        r.name == LOGGER
        and r.levelno == logging.WARNING
        and all(p in r.getMessage() for p in parts)
        for r in caplog.records
    )


# --- the real data ------------------------------------------------------------------------


def test_real_data_loads_with_hand_checked_values():
    tables = load_tables(as_of="2026-12-03")
    assert list(tables) == list(TABLES)
    contract = tables["contract"].set_index("item")
    assert contract.at["state_obligations", "value"] == 9_986_042_340
    assert contract.at["original_scope", "value"] == 766
    assert contract.at["complexes_in_operation", "value"] == 1641
    assert contract.at["new_complexes_deadline", "value_date"] == pd.Timestamp("2026-03-01")
    deployment = tables["deployment"].set_index("date")["complexes"]
    assert deployment[pd.Timestamp("2022-11-30")] == 766
    assert deployment[pd.Timestamp("2026-02-07")] == 1641
    assert deployment[pd.Timestamp("2026-03-01")] == 1991
    cpi = tables["cpi"].set_index(["year", "measure"])["percent"]
    assert cpi[(2022, "dec_dec")] == 20.3
    assert (2024, "dec_dec") not in cpi.index  # a gap, not a value
    mrp = tables["mrp"].set_index("valid_from")["tenge"]
    assert mrp[pd.Timestamp("2026-01-01")] == 4325
    assert tables["deployment"]["date"].dtype == "datetime64[ns]"
    assert tables["deployment"]["complexes"].dtype == "int64"
    # camera counts only where the source gives them; «более 9 000» kept as its bound, 9 000
    cameras = tables["deployment"].set_index("date")["cameras"]
    assert cameras[pd.Timestamp("2020-12-31")] == 2060
    assert cameras[pd.Timestamp("2022-11-30")] == 5034
    assert cameras[pd.Timestamp("2024-11-30")] == 9000
    assert pd.isna(cameras[pd.Timestamp("2026-02-07")])
    assert cameras.dtype == "Int64"
    pavlodar = tables["cost_anchors"].set_index("anchor_id").loc["pavlodar_service_2025"]
    assert (pavlodar["cameras"], pavlodar["cameras_source_id"]) == (1287, "profit_2025_11_27")
    assert (pavlodar["complexes_low"], pavlodar["complexes"]) == (240, 420)


def test_contract_items_and_param_sources_exist():
    contract = load_table("contract")
    required = {
        "state_obligations",
        "original_scope",
        "service_start",
        "contract_expiry",
        "extension_end",
        "extension_years",
        "additional_complexes",
        "new_complexes_deadline",
        "tariff_base_year",
        "complexes_in_operation",
    }
    assert required <= set(contract["item"])
    sources = set(load_table("sources")["source_id"])
    assert {
        "qazaqtimes_2020_01",
        "inform_2026_02_07",
        "zakon_2025_12_02",
        "informburo_2026_01",
        "kommersant_2026_01_23",
        "seed_2026_01_05",
    } <= sources


def test_load_tables_subset_in_given_order():
    tables = load_tables(["mrp", "cpi"])
    assert list(tables) == ["mrp", "cpi"]


# --- accepted and normalised ----------------------------------------------------------------


def test_bom_is_stripped_and_logged(data_dir, warnings):
    path = path_of(data_dir, "cpi")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    cpi = load_table("cpi", data_dir)
    assert list(cpi.columns) == TABLES["cpi"].columns  # "year", not "\ufeffyear"
    assert cpi["year"].iloc[0] == 2017
    assert logged(warnings, "data/cpi.csv", "line 1", "byte-order mark")


def test_cp1251_is_decoded_and_logged(data_dir, warnings):
    path = path_of(data_dir, "deployment")
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1251"))
    table = load_table("deployment", data_dir)
    assert table.at[0, "counted"] == "АПК «Сергек» в эксплуатации"
    assert logged(warnings, "data/deployment.csv", "Windows-1251")


def test_semicolon_and_decimal_comma_accepted(data_dir, warnings):
    rows = rows_of(data_dir, "cpi")
    rows = [rows[0]] + [[c.replace(".", ",") for c in row] for row in rows[1:]]
    write_rows(data_dir, "cpi", rows, delimiter=";")
    cpi = load_table("cpi", data_dir).set_index(["year", "measure"])["percent"]
    assert cpi[(2022, "dec_dec")] == 20.3
    assert logged(warnings, "data/cpi.csv", "semicolon")
    line = next(i for i, r in enumerate(rows, 1) if r[:2] == ["2022", "dec_dec"])
    assert logged(warnings, "data/cpi.csv", f"line {line}", 'column "percent"', '"20,3"', "20.3")


def test_tab_delimiter_accepted(data_dir, warnings):
    write_rows(data_dir, "mrp", rows_of(data_dir, "mrp"), delimiter="\t")
    assert load_table("mrp", data_dir)["tenge"].iloc[-1] == 4325
    assert logged(warnings, "data/mrp.csv", "tab")


def test_quoted_decimal_comma_in_comma_file_accepted(data_dir, warnings):
    line = replace(data_dir, "cpi", "2022,dec_dec,20.3", '2022,dec_dec,"20,3"')
    assert load_table("cpi", data_dir)["percent"].max() == 20.3
    assert logged(warnings, f"line {line}", 'column "percent"', "decimal comma")


@pytest.mark.parametrize("spelled", ["9 986 042 340", "9\u00a0986\u00a0042\u00a0340"])
def test_thousands_separators_accepted(data_dir, warnings, spelled):
    line = replace(data_dir, "contract", "9986042340", spelled)
    contract = load_table("contract", data_dir).set_index("item")
    assert contract.at["state_obligations", "value"] == 9_986_042_340
    assert logged(warnings, "data/contract.csv", f"line {line}", 'column "value"', "thousands")


def test_russian_dates_accepted(data_dir, warnings):
    line = replace(data_dir, "mrp", "2026-01-01", "01.01.2026")
    assert load_table("mrp", data_dir)["valid_from"].iloc[-1] == pd.Timestamp("2026-01-01")
    assert logged(warnings, "data/mrp.csv", f"line {line}", 'column "valid_from"', "2026-01-01")


# --- rejected -----------------------------------------------------------------------------


@pytest.mark.parametrize("bad_byte", [b"\x98", b"\xff"])
def test_undecodable_bytes_rejected(data_dir, bad_byte):
    path = path_of(data_dir, "deployment")
    raw = path.read_bytes()
    at = raw.index("комплексы (2 060".encode())
    path.write_bytes(raw[:at] + bad_byte + raw[at:])
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", 4, "counted")  # 414 row: line 4 since the 2020-01-01 row
    assert f"byte offset {at}" in str(err)


def test_decimal_comma_in_comma_file_rejected(data_dir):
    line = replace(data_dir, "cpi", "2022,dec_dec,20.3", "2022,dec_dec,20,3")
    err = rejected(data_dir, "cpi")
    assert_names(err, "cpi", line, "percent")
    assert "quote it" in str(err) and "dot" in str(err)


@pytest.mark.parametrize(
    ("table", "old", "new", "column", "unit"),
    [
        ("cpi", "2025,dec_dec,12.3", '2025,dec_dec,"12,3 %"', "percent", "percent"),
        ("contract", "350,,complexes", "350 АПК,,complexes", "value", "the unit given"),
        ("payments", "2600000000", "2.6 млрд", "tenge", "tenge"),
    ],
)
def test_numbers_with_units_rejected(data_dir, table, old, new, column, unit):
    line = replace(data_dir, table, old, new)
    err = rejected(data_dir, table)
    assert_names(err, table, line, column)
    assert f"a bare number in {unit}" in str(err)


def test_missing_column_rejected(data_dir):
    rows = rows_of(data_dir, "deployment")
    write_rows(data_dir, "deployment", [row[:-1] for row in rows])  # drop "note"
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", 1, "note")
    assert 'missing column(s) "note"' in str(err)
    assert ",".join(TABLES["deployment"].columns) in str(err)


def test_renamed_column_rejected(data_dir):
    replace(data_dir, "deployment", "date,complexes,", "date,complex_count,")
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", 1, "complexes")
    assert '"complex_count" (renamed?)' in str(err)


def test_extra_column_rejected(data_dir):
    rows = rows_of(data_dir, "mrp")
    write_rows(data_dir, "mrp", [rows[0] + ["comment"]] + [row + [""] for row in rows[1:]])
    err = rejected(data_dir, "mrp")
    assert_names(err, "mrp", 1, "comment")
    assert "unexpected column" in str(err)


def test_empty_file_rejected(data_dir):
    path_of(data_dir, "cpi").write_text("", encoding="utf-8")
    err = rejected(data_dir, "cpi")
    assert_names(err, "cpi", 1, None)
    assert "file is empty" in str(err)


def test_header_only_rejected(data_dir):
    path = path_of(data_dir, "cpi")
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    err = rejected(data_dir, "cpi")
    assert_names(err, "cpi", 2, None)
    assert "no data rows" in str(err)


def test_duplicate_key_rejected(data_dir):
    path = path_of(data_dir, "cpi")
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, text in enumerate(lines, 1) if text.startswith("2022,dec_dec"))
    path.write_text("\n".join(lines + [lines[first - 1]]) + "\n", encoding="utf-8")
    err = rejected(data_dir, "cpi")
    assert_names(err, "cpi", len(lines) + 1, "year")
    assert f"lines {first} and {len(lines) + 1}" in str(err)


@pytest.mark.parametrize(
    ("table", "old", "new", "column"),
    [
        ("deployment", "2021-04-30,460,", "2021-04-30,10.5,", "complexes"),
        ("deployment", "2021-04-30,460,", "2021-04-30,-3,", "complexes"),
        ("deployment", ",78,336,", ",78,-336,", "linear"),
        ("deployment", ",2284,", ",2284.5,", "cameras"),
        ("deployment", ",2284,", ",-2284,", "cameras"),
        ("deployment", ",9000,", ",9000000000,", "cameras"),
        ("mrp", "2917", "2917.5", "tenge"),
        ("cpi", "20.3", "120.3", "percent"),
        ("cpi", "9.8", "-19.8", "percent"),
        ("base_rate", "18.0", "180", "percent"),
        ("base_rate", "9.0", "-1", "percent"),
    ],
)
def test_impossible_values_rejected(data_dir, table, old, new, column):
    line = replace(data_dir, table, old, new)
    err = rejected(data_dir, table)
    assert_names(err, table, line, column)
    assert f'"{new.strip(",").split(",")[-1]}"' in str(err)


def test_a_source_without_a_quotation_is_rejected(data_dir):
    """A source's quote is what the source list prints for a reader to check a figure: a
    quotation in «…» or "…", or in [brackets] why there is none; a bare paraphrase is not."""
    old = "«сумма принятых государственных обязательств – 9 986 042 340 тенге»"
    line = replace(data_dir, "sources", old, "сумма обязательств 9 986 042 340 тенге")
    err = rejected(data_dir, "sources")
    assert_names(err, "sources", line, "quote")
    assert "[brackets]" in str(err)


def test_a_quotation_keeps_its_page_s_dashes_and_percent_signs(data_dir):
    """The loader gives a quotation only its invisible no-break spaces: «+ / - 1» is not a
    range and «14,5%» is the page's spelling (another text cell gets the report's
    typography: «47 %»)."""
    sources = load_table("sources", data_dir).set_index("source_id")
    quote = sources.loc["fingramota_2024_05_30", "quote"]
    assert "тармаққа – + / - 1 пайыздық" in quote and "14,5%-ға" in quote
    assert "9\u00a0986\u00a0042\u00a0340" in sources.loc["zakon_2025_12_30", "quote"]
    assert sources.loc["bizmedia_2022_11_30", "title"].endswith("47\u00a0%")


def test_complex_counts_rejected_when_over_total(data_dir):
    line = replace(data_dir, "deployment", ",78,336,", ",78,400,")
    assert_names(rejected(data_dir, "deployment"), "deployment", line, "intersections")


def test_fewer_cameras_than_complexes_rejected(data_dir):
    """A complex has at least one camera: 206 cameras for 414 complexes is a typo."""
    line = replace(data_dir, "deployment", "камер),2060,", "камер),206,")
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", line, "cameras")
    assert err.rule == "not_fewer_than" and "206 < complexes 414" in str(err)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("видеокамер),9000,", "видеокамер),9100,"),  # not the count the source gives
        ("камеры),5034,", "камеры),50340,"),  # a digit too many
        ("в эксплуатации,,", "в эксплуатации,10,"),  # a count the source does not give
    ],
)
def test_a_camera_count_that_the_counted_text_does_not_quote_is_rejected(data_dir, old, new):
    """The number the model reads and the words the report prints («более 9 000
    видеокамер») are one figure: a count not quoted in "counted" is refused."""
    line = replace(data_dir, "deployment", old, new)
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", line, "cameras")
    assert err.rule == "quotes_count" and 'while "counted" reads' in str(err)


def test_a_camera_count_quoted_with_a_thousands_space_or_without_is_accepted(data_dir):
    replace(data_dir, "deployment", "АПК (5 034 камеры)", "АПК (5034 камеры)")
    cameras = load_table("deployment", data_dir).set_index("date")["cameras"]
    assert cameras[pd.Timestamp("2022-11-30")] == 5034


def test_a_camera_count_without_its_source_is_rejected(data_dir):
    line = replace(data_dir, "cost_anchors", ",1287,profit_2025_11_27,", ",1287,,")
    err = rejected(data_dir, "cost_anchors")
    assert_names(err, "cost_anchors", line, "cameras_source_id")
    assert err.rule == "required_when"


def test_a_camera_count_s_source_must_be_listed(data_dir):
    line = replace(data_dir, "cost_anchors", ",1287,profit_2025_11_27,", ",1287,profit_2025_11_28,")
    err = rejected(data_dir, "cost_anchors")
    assert_names(err, "cost_anchors", line, "cameras_source_id")
    assert err.rule == "known_source"


def test_a_count_is_found_in_a_text_as_it_is_written():
    words = ("более", "свыше")
    assert quoted_count("АПК «Сергек» (более 9 000 видеокамер)", 9000, words) == "более"
    assert quoted_count("АПК «Сергек» (более\u00a09\u00a0000 видеокамер)", 9000, words) == "более"
    assert quoted_count("комплексы (2 060 камер)", 2060, words) == ""
    assert quoted_count("АПК (5034 камеры)", 5034, words) == ""
    assert quoted_count("АПК (план: 1 641 + 350)", 350, words) == ""
    # not the number: another figure, a part of a group, a fraction
    assert quoted_count("комплексы (2 060 камер)", 2061, words) is None
    assert quoted_count("АПК (5 034 камеры)", 34, words) is None
    assert quoted_count("1,5 камеры", 5, words) is None


def test_dates_out_of_order_rejected(data_dir):
    line = replace(data_dir, "deployment", "2021-04-30,460", "2020-06-30,460")
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", line, "date")
    assert "2020-06-30 after 2020-12-31" in str(err)


def test_decreasing_counts_rejected(data_dir):
    line = replace(data_dir, "deployment", "2021-04-30,460", "2021-04-30,400")
    assert_names(rejected(data_dir, "deployment"), "deployment", line, "complexes")


def test_period_end_before_start_rejected(data_dir):
    line = replace(data_dir, "usd_kzt", "2024-01-01,2024-09-30", "2024-10-01,2024-09-30")
    assert_names(rejected(data_dir, "usd_kzt"), "usd_kzt", line, "period_end")


def test_dates_after_as_of_rejected_except_planned(data_dir):
    line = replace(data_dir, "deployment", "2026-02-07,1641", "2026-02-07,1641")
    err = rejected(data_dir, "deployment", as_of="2025-06-30")
    assert_names(err, "deployment", line, "date")
    assert "2025-06-30" in str(err)
    # the planned 2026-03-01 row is later than this as-of date and still accepted
    assert len(load_table("deployment", data_dir, as_of="2026-02-15")) == 9


@pytest.mark.parametrize("bad", ["2026-02-30", "March 2026", "2026/01/01", "31.02.2026"])
def test_unparseable_dates_rejected(data_dir, bad):
    line = replace(data_dir, "mrp", "2026-01-01", bad)
    err = rejected(data_dir, "mrp")
    assert_names(err, "mrp", line, "valid_from")
    assert f'"{bad}"' in str(err)


def test_unknown_source_id_rejected(data_dir):
    line = replace(data_dir, "deployment", "bizmedia_2022_11_30", "bizmedia_2022_11_31")
    err = rejected(data_dir, "deployment")
    assert_names(err, "deployment", line, "source_id")
    assert '"bizmedia_2022_11_31"' in str(err) and "data/sources.csv" in str(err)


def test_missing_required_value_rejected(data_dir):
    line = replace(data_dir, "cpi", "2023,dec_dec,9.8,reported", "2023,dec_dec,9.8,")
    err = rejected(data_dir, "cpi")
    assert_names(err, "cpi", line, "status")
    assert "empty cell" in str(err)
