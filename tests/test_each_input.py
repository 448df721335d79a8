"""Each input in turn (issue 19, «one source per quantity»): every assumption of the default
edition and the key figure of every table the model reads is changed alone, and the model's
results must react — or the loader must refuse the change in one paragraph naming the file,
when another table states the same quantity. A change that nothing notices would leave a
printed place silently contradicting the input.

The model is computed directly (`compute_edition`, no kernel, no render): about a second a
case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import shutil
from collections.abc import Mapping

import numpy as np
import pandas as pd
import pytest

from sergek_report import paths
from sergek_report.errors import ReportError
from sergek_report.inputs.edition import AssumptionValues, load_edition
from sergek_report.model.computed import compute_edition
from sergek_report.model.lookups import MODEL_TABLES
from tests.conftest import data_with

DEFAULT = paths.DEFAULT_PARAMS
EDITION = load_edition(DEFAULT)
# What a change may touch without being a reaction: the echo of the inputs themselves.
NOT_A_REACTION = ("assumptions", "basis", "appraisal_data")


def flatten(value, prefix: str = "", out: dict | None = None) -> dict:
    """Every figure, date, text and table of the results, by path ("budget.nominal", …)."""
    out = {} if out is None else out
    if isinstance(value, AssumptionValues):
        return out
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            flatten(getattr(value, f.name), f"{prefix}.{f.name}".lstrip("."), out)
    elif isinstance(value, pd.DataFrame | pd.Series):
        out[prefix] = value.to_csv()
    elif isinstance(value, np.ndarray):
        out[prefix] = value.tobytes()
    elif isinstance(value, Mapping):
        for k, v in value.items():
            flatten(v, f"{prefix}[{k}]", out)
    elif isinstance(value, tuple | list):
        for i, v in enumerate(value):
            flatten(v, f"{prefix}[{i}]", out)
    elif isinstance(value, float) and np.isnan(value):
        out[prefix] = "nan"
    else:
        out[prefix] = value
    return out


def changed_paths(results) -> list[str]:
    before, after = base(), flatten(results)
    return sorted(
        k
        for k in set(before) | set(after)
        if before.get(k) != after.get(k) and not k.startswith(NOT_A_REACTION)
    )


@functools.cache
def base() -> dict:
    """The default edition's results, flattened: computed when a test first asks (not when
    the module is collected, which every test run does)."""
    return flatten(compute_edition(DEFAULT, paths.DATA_DIR).results)


def test_the_same_inputs_change_nothing():
    """The control: without a change, nothing differs (so a reaction below is real)."""
    assert changed_paths(compute_edition(DEFAULT, paths.DATA_DIR).results) == []
    assert "one_basis.network_low" in base() and "appraisal.summary" in base()


# -- every assumption of params/default.yaml ------------------------------------------------


def other_value(name: str):
    """A value within the declared range that differs from the edition's."""
    a = EDITION.assumptions[name]
    low, high = a.range
    return high if a.value == low else low


@pytest.mark.parametrize("name", sorted(EDITION.assumptions))
def test_each_assumption_changes_the_results(name):
    new = other_value(name)
    results = compute_edition(DEFAULT, paths.DATA_DIR, {name: new}).results
    assert results.assumptions[name] == new
    changed = changed_paths(results)
    assert changed, f"{name} {EDITION.assumptions[name].value} -> {new} changed no result"


# -- the key figure of every table the model reads -----------------------------------------

# (file, the line's start, old text, new text, what must happen: "reacts", or the words of
# the one-paragraph error, which names the file, line and column, and the other place).
DATA_CASES = [
    ("contract", "state_obligations,", ",9986042340,", ",10986042340,", "reacts"),
    ("contract", "original_scope,", ",766,", ",800,", "reacts"),
    ("contract", "tariff_base_year,", ",2021,", ",2022,", "reacts"),
    ("contract", "service_start,", ",2020-01-01,", ",2020-02-01,", "reacts"),
    ("contract", "complexes_in_operation,", ",1641,", ",1700,", 'line 11, column "value"'),
    ("contract", "additional_complexes,", ",350,", ",400,", 'column "complexes"'),
    ("contract", "extension_years,", ",1,", ",2,", 'line 6, column "value_date"'),
    ("contract", "contract_expiry,", ",2025-12-31,", ",2025-06-30,", 'column "value_date"'),
    ("deployment", "2020-01-01,", ",404,", ",410,", "reacts"),
    # Almaty's cameras: the count and the words that quote it change together, or not at all
    ("deployment", "2024-11-30,", "9 000 видеокамер),9000,", "9 500 видеокамер),9500,", "reacts"),
    ("deployment", "2024-11-30,", ",9000,", ",9500,", 'line 8, column "cameras"'),
    ("payments", "payment_to_partner,", ",2600000000,", ",3000000000,", "reacts"),
    ("cpi", "2025,dec_dec,", ",12.3,", ",15.0,", "reacts"),
    ("mrp", "2026-01-01,", ",4325,", ",4500,", "reacts"),
    ("usd_kzt", "2023,", ",456.2,", ",470.0,", "reacts"),
    ("cost_anchors", "pavlodar_service_2025,", ",9000000000,", ",10000000000,", "reacts"),
    ("cost_anchors", "karaganda_service,", ",4600000000,", ",5000000000,", "reacts"),
    ("cost_anchors", "almaty_total_cost_14_6,", ",14600000000,", ",15600000000,", "reacts"),
    ("cost_anchors", "pavlodar_service_2025,", ",1287,", ",1300,", "reacts"),
]


def test_every_model_table_has_a_case():
    assert {case[0] for case in DATA_CASES} == set(MODEL_TABLES)


@pytest.mark.parametrize(
    "table, line_start, old, new, expected",
    DATA_CASES,
    ids=[f"{c[0]}:{c[1].rstrip(',')}" for c in DATA_CASES],
)
def test_each_key_figure_changes_the_results_or_is_refused(
    tmp_path, table, line_start, old, new, expected
):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    path = data / f"{table}.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if line.startswith(line_start)]
    assert len(hits) == 1 and lines[hits[0]].count(old) == 1, (table, line_start, old)
    lines[hits[0]] = lines[hits[0]].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    if expected == "reacts":
        results = compute_edition(DEFAULT, data).results
        assert changed_paths(results), f"data/{table}.csv: {old} -> {new} changed no result"
        return
    with pytest.raises(ReportError) as err:
        compute_edition(DEFAULT, data)
    message = str(err.value)
    assert "\n" not in message and "Traceback" not in message
    assert f"{table}.csv" in message and expected in message, message


def test_a_changed_figure_reaches_the_results_that_print_it(tmp_path):
    """Not just «something moved»: the changed figure is the one the results carry."""
    data = data_with(tmp_path, "contract.csv", ",9986042340,", ",10986042340,")
    r = compute_edition(DEFAULT, data).results
    assert r.state_obligations == 10_986_042_340
    assert r.obligations_per_complex == pytest.approx(10_986_042_340 / 766)
    assert base()["state_obligations"] == 9_986_042_340
    assert r.extension_years == 1 and r.extension_end == dt.date(2026, 12, 31)
