"""Parameter files: loading, `extends`, and clear errors for unknown names and wrong types."""

from __future__ import annotations

import pytest

from sergek_report import paths
from sergek_report.params import (
    ParameterError,
    check_parameters,
    declared_parameters,
    load_params,
)

# What the real summary notebook declares (all parameters), as the checks see it.
DECLARED = {"01_summary.ipynb": declared_parameters(paths.NOTEBOOKS_DIR / "01_summary.ipynb")}


def write(tmp_path, text, name="x.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_parameters_are_read_with_dates_as_iso_strings():
    values = load_params(paths.DEFAULT_PARAMS).values()
    assert values["service_term_months"] == 72
    assert values["new_complexes_start"] == "2026-03-01"
    assert values["discount_rate_range"] == [14.75, 18.0]


def test_every_assumption_has_unit_label_rationale_and_source():
    for item in load_params(paths.DEFAULT_PARAMS).assumptions.values():
        assert item.unit and item.label and item.rationale and item.source, item.name


def test_scenario_extends_default_and_overrides_one_field(tmp_path):
    path = write(
        tmp_path,
        f"extends: {paths.DEFAULT_PARAMS}\nassumptions:\n  inflation_2026:\n    value: 20.3\n",
    )
    params = load_params(path)
    assert params.values()["inflation_2026"] == 20.3
    assert params.assumptions["inflation_2026"].unit == "%"  # inherited
    assert params.values()["discount_rate"] == 18.0


def test_unknown_parameter_is_an_error_naming_file_and_parameter(tmp_path):
    path = write(
        tmp_path,
        f"extends: {paths.DEFAULT_PARAMS}\nassumptions:\n  discount_rat:\n    value: 15\n",
    )
    with pytest.raises(ParameterError) as err:
        check_parameters(load_params(path), DECLARED)
    message = str(err.value)
    assert "x.yaml" in message and "discount_rat" in message and "unknown parameter" in message
    assert "discount_rate" in message  # lists what is declared


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("discount_rate", "'18 %'", "expected a number"),
        ("service_term_months", "72.5", "expected a number like 72"),
        ("new_complexes_start", "'1 марта'", "expected a date"),
        ("new_complexes_start", "2026-02-31", "valid date"),
    ],
)
def test_wrong_type_is_an_error_naming_parameter_and_expectation(tmp_path, field, value, expected):
    path = write(
        tmp_path,
        f"extends: {paths.DEFAULT_PARAMS}\nassumptions:\n  {field}:\n    value: {value}\n",
    )
    with pytest.raises(ParameterError) as err:
        check_parameters(load_params(path), DECLARED)
    assert expected in str(err.value)
    assert field in str(err.value) or "valid date" in str(err.value)
    assert "x.yaml" in str(err.value)


def test_range_must_be_a_pair(tmp_path):
    path = write(
        tmp_path,
        f"extends: {paths.DEFAULT_PARAMS}\nassumptions:\n  discount_rate:\n    range: [1]\n",
    )
    with pytest.raises(ParameterError, match=r"discount_rate.range must be a list \[low, high\]"):
        load_params(path)


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "assumptions:\n  a: [1,\n")
    with pytest.raises(ParameterError, match=r"x.yaml, line \d+: not valid YAML"):
        load_params(path)


def test_empty_file_and_missing_file(tmp_path):
    with pytest.raises(ParameterError, match="empty"):
        load_params(write(tmp_path, ""))
    with pytest.raises(ParameterError, match="not found"):
        load_params(tmp_path / "nope.yaml")


def test_build_parameters_cannot_be_set(tmp_path):
    path = write(tmp_path, "edition:\n  data_dir:\n    value: /tmp\n")
    with pytest.raises(ParameterError, match="set by the build"):
        load_params(path)


def test_every_assumption_cites_a_known_source_in_all_parameter_files():
    import csv

    with (paths.DATA_DIR / "sources.csv").open(encoding="utf-8") as handle:
        known = {row["source_id"] for row in csv.DictReader(handle)} | {"assumption"}
    files = [paths.DEFAULT_PARAMS, *sorted((paths.PARAMS_DIR / "scenarios").glob("*.yaml"))]
    for path in files:
        for item in load_params(path).assumptions.values():
            assert item.source in known, f"{path.name}: {item.name} cites {item.source!r}"
