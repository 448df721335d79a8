"""Editions (params/*.yaml): loading, `extends`, and clear errors.

Every error names the file, the key and what was expected. The broken files are written into a
temporary folder from the real params/default.yaml (read and changed here, never copied by
hand), so they stay standalone: `extends` may only reach files inside params/ or next to the
file itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import time

import pytest
import yaml

from sergek_report.errors import BuildError, ParameterError, ReportError
from sergek_report.inputs.edition import MAX_FILE_BYTES, AssumptionValues, load_edition
from sergek_report.model import computed, sensitivity
from sergek_report.paths import DATA_DIR, PARAMS_DIR

DEFAULT = PARAMS_DIR / "default.yaml"
SCENARIOS = PARAMS_DIR / "scenarios"
# The names as plain YAML reads them (not through the loader under test).
RAW = yaml.safe_load(DEFAULT.read_text(encoding="utf-8"))
NAMES = list(RAW["assumptions"])


class _PlainDumper(yaml.SafeDumper):
    """Writes every value out (no anchors): the loader rejects aliases."""

    def ignore_aliases(self, data):
        return True


def default_document() -> dict:
    return yaml.safe_load(DEFAULT.read_text(encoding="utf-8"))


def write(tmp_path, document, name="edition.yaml"):
    """A parameter file in tmp_path: a dict is dumped as YAML, a str written as it is."""
    path = tmp_path / name
    if not isinstance(document, str):
        document = yaml.dump(document, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False)
    path.write_text(document, encoding="utf-8")
    return path


def changed(tmp_path, name, **fields):
    """The default edition with some fields of one assumption changed, as a standalone file."""
    document = default_document()
    document["assumptions"][name].update(fields)
    return write(tmp_path, document)


def error_of(path) -> str:
    with pytest.raises(ParameterError) as err:
        load_edition(path)
    return str(err.value)


@pytest.fixture(scope="module")
def real_tables():
    from sergek_report.inputs import datasets

    edition = load_edition(DEFAULT)
    return datasets.load_tables(None, data_dir=DATA_DIR, as_of=edition.edition_date)


# -- the real files ----------------------------------------------------------------------------


def test_default_edition_is_typed():
    edition = load_edition(DEFAULT)
    assert edition.name == "default"
    assert edition.chain == [DEFAULT.resolve()]
    assert edition.edition_date == RAW["edition"]["edition_date"]["value"]
    assert list(edition.assumptions) == NAMES
    a = edition.assumption_values()
    assert a.service_term_months == 72 and isinstance(a.service_term_months, int)
    assert a.new_complexes_start == dt.date(2026, 3, 1)
    assert a.discount_rate == 18.0 and isinstance(a.discount_rate, float)
    assert a.range("service_term_months") == (60, 84)
    assert a.range("new_complexes_start") == (dt.date(2026, 3, 1), dt.date(2026, 7, 1))
    assert a.declared("inflation_2026").unit == "%"
    # metrics.json gets dates as ISO strings
    assert edition.values()["new_complexes_start"] == "2026-03-01"


def test_every_assumption_cites_a_known_source_in_all_parameter_files():
    with (DATA_DIR / "sources.csv").open(encoding="utf-8") as handle:
        known = {row["source_id"] for row in csv.DictReader(handle)} | {"assumption"}
    for path in [DEFAULT, *sorted(SCENARIOS.glob("*.yaml"))]:
        for item in load_edition(path).assumptions.values():
            assert item.source in known, f"{path.name}: {item.name} cites {item.source!r}"


def test_base_scenario_is_the_default_edition():
    base = load_edition(SCENARIOS / "base.yaml")
    assert base.name == "base"
    assert base.chain == [DEFAULT.resolve(), (SCENARIOS / "base.yaml").resolve()]
    assert base.values() == load_edition(DEFAULT).values()


def test_scenario_extends_default_and_changes_one_assumption():
    default = load_edition(DEFAULT)
    high = load_edition(SCENARIOS / "high_inflation.yaml")
    assert high.assumptions["inflation_2026"].value == 20.3
    assert high.assumptions["inflation_2026"].source == "eldala_2023_01"
    # inherited from default.yaml: the other fields of the entry and the other assumptions
    assert high.assumptions["inflation_2026"].range == default.assumptions["inflation_2026"].range
    assert high.assumptions["inflation_2026"].unit == "%"
    assert high.edition_date == default.edition_date
    other = {n: v for n, v in high.values().items() if n != "inflation_2026"}
    assert other == {n: v for n, v in default.values().items() if n != "inflation_2026"}
    late = load_edition(SCENARIOS / "late_installation.yaml").assumption_values()
    assert late.new_complexes_start == dt.date(2026, 7, 1)  # a date, not a string


def test_extends_in_the_same_folder(tmp_path):
    write(tmp_path, default_document(), "base.yaml")
    path = write(tmp_path, "extends: base.yaml\nassumptions:\n  discount_rate:\n    value: 16\n")
    edition = load_edition(path)
    assert edition.assumptions["discount_rate"].value == 16.0
    assert edition.chain == [(tmp_path / "base.yaml").resolve(), path.resolve()]


def test_extends_outside_params_is_rejected(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    write(tmp_path / "elsewhere", default_document(), "base.yaml")
    path = write(tmp_path, "extends: elsewhere/base.yaml\n")
    message = error_of(path)
    assert str(path) in message and "elsewhere/base.yaml" in message
    assert "points outside params/" in message


def test_extends_cycle(tmp_path):
    write(tmp_path, "extends: b.yaml\n", "a.yaml")
    write(tmp_path, "extends: a.yaml\n", "b.yaml")
    assert "cycle" in error_of(tmp_path / "a.yaml")


def test_a_scenario_cannot_change_a_type(tmp_path):
    write(tmp_path, default_document(), "base.yaml")
    path = write(
        tmp_path, "extends: base.yaml\nassumptions:\n  discount_rate:\n    type: integer\n"
    )
    message = error_of(path)
    assert str(path) in message and "assumptions.discount_rate.type" in message
    assert "changes values, not types" in message


# -- errors in a file --------------------------------------------------------------------------


def test_missing_assumption_names_file_and_key(tmp_path, real_tables):
    document = default_document()
    del document["assumptions"]["discount_rate"]
    path = write(tmp_path, document)
    assumptions = load_edition(path).assumption_values()  # loading alone is fine
    with pytest.raises(ParameterError) as err:
        sensitivity.budget_for(real_tables, assumptions)  # a calculation that needs it
    message = str(err.value)
    assert str(path) in message
    assert "'discount_rate' is missing" in message
    assert "Expected under 'assumptions:' an entry discount_rate:" in message


def test_unknown_field_names_file_key_and_field(tmp_path):
    message = error_of(changed(tmp_path, "discount_rate", colour="red"))
    assert "edition.yaml: assumptions.discount_rate: colour is not a known field" in message
    assert "Each assumption needs type" in message  # what is expected


def test_unknown_top_level_key_and_edition_field(tmp_path):
    document = default_document() | {"chapters": []}
    message = error_of(write(tmp_path, document))
    assert "edition.yaml" in message and "'chapters'" in message
    assert "expected 'extends' and the sections ['edition', 'assumptions']" in message
    document = default_document()
    document["edition"]["data_dir"] = "/tmp"
    message = error_of(write(tmp_path, document))
    assert "edition.yaml: edition.data_dir is not known" in message
    assert "takes edition_date" in message


def test_missing_field_names_it(tmp_path):
    document = default_document()
    del document["assumptions"]["inflation_2026"]["source"]
    message = error_of(write(tmp_path, document))
    assert "edition.yaml: assumptions.inflation_2026: source is missing" in message


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("discount_rate", "abc", "expected a number, found 'abc'"),
        ("discount_rate", "18 %", "expected a number, found '18 %'"),
        ("inflation_2026", True, "expected a number, found True"),
        ("service_term_months", 72.5, "expected a whole number, found 72.5"),
        ("service_term_months", "72", "expected a whole number, found '72'"),
        ("new_complexes_start", "1 марта 2026", "expected a date like 2026-03-01"),
        ("new_complexes_start", 20260301, "expected a date like 2026-03-01"),
    ],
)
def test_wrong_type_names_file_key_and_expectation(tmp_path, name, value, expected):
    message = error_of(changed(tmp_path, name, value=value))
    assert f"edition.yaml: assumptions.{name}: value: {expected}" in message


def test_impossible_date_names_file(tmp_path):
    text = DEFAULT.read_text(encoding="utf-8").replace("value: 2026-03-01", "value: 2026-02-30")
    assert "2026-02-30" in text
    message = error_of(write(tmp_path, text))
    assert "edition.yaml" in message and "not a valid date" in message
    assert "expected a date like 2026-03-01" in message


def test_value_outside_its_own_range(tmp_path):
    message = error_of(changed(tmp_path, "discount_rate", value=25))
    assert "edition.yaml: assumptions.discount_rate" in message
    assert "value 25.0 is outside its own range [14.25, 18.0]" in message
    message = error_of(changed(tmp_path, "service_term_months", value=0))
    assert "assumptions.service_term_months: value 0 is outside its own range [60, 84]" in message


def test_range_low_above_high(tmp_path):
    message = error_of(changed(tmp_path, "inflation_2026", range=[20.3, 5.0]))
    assert "edition.yaml: assumptions.inflation_2026" in message
    assert "low 20.3 is above high 5.0" in message


def test_range_must_be_a_pair(tmp_path):
    message = error_of(changed(tmp_path, "discount_rate", range=[18.0]))
    assert "edition.yaml: assumptions.discount_rate: range" in message
    assert "range [low, high]" in message


def test_yaml_alias_bomb_fails_fast(tmp_path):
    # nine levels of nine aliases: 9 ** 9 = 387 million strings once expanded
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        items = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{items}]")
    path = write(tmp_path, "\n".join(lines) + "\n")
    started = time.perf_counter()
    message = error_of(path)
    assert time.perf_counter() - started < 1.0
    assert "edition.yaml, line 2: YAML aliases (*name) are not allowed" in message


def test_alias_in_an_otherwise_valid_file(tmp_path):
    text = DEFAULT.read_text(encoding="utf-8").replace(
        "    range: [14.25, 18.0]", "    range: [14.25, &top 18.0]\n    note: *top"
    )
    assert "*top" in text
    assert "YAML aliases (*name) are not allowed" in error_of(write(tmp_path, text))


def test_file_too_large(tmp_path):
    text = DEFAULT.read_text(encoding="utf-8") + "#" * MAX_FILE_BYTES + "\n"
    message = error_of(write(tmp_path, text))
    assert "edition.yaml" in message
    assert f"a parameter file is at most {MAX_FILE_BYTES // 1024} KiB" in message


def test_not_utf8(tmp_path):
    path = tmp_path / "edition.yaml"
    path.write_bytes(DEFAULT.read_text(encoding="utf-8").encode("cp1251"))
    message = error_of(path)
    assert str(path) in message and "not UTF-8 text" in message


def test_broken_yaml_names_the_line(tmp_path):
    message = error_of(write(tmp_path, "assumptions:\n  a: [1,\n"))
    assert "edition.yaml, line" in message and "not valid YAML" in message


def test_empty_missing_and_non_mapping_files(tmp_path):
    assert "the file is empty" in error_of(write(tmp_path, "", "empty.yaml"))
    assert "parameter file not found" in error_of(tmp_path / "nope.yaml")
    assert "expected a mapping" in error_of(write(tmp_path, "- 1\n- 2\n", "list.yaml"))


def test_errors_are_report_errors():
    assert issubclass(ParameterError, ReportError) and issubclass(ParameterError, ValueError)


# -- overrides and the assumption view ---------------------------------------------------------


def test_with_values_changes_one_value_and_keeps_the_declaration():
    default = load_edition(DEFAULT)
    edition = default.with_values({"discount_rate": 16}, "papermill parameters")
    assert edition.assumptions["discount_rate"].value == 16.0
    assert isinstance(edition.assumptions["discount_rate"].value, float)
    assert edition.assumptions["discount_rate"].label == default.assumptions["discount_rate"].label
    assert edition.path == default.path
    assert default.assumptions["discount_rate"].value == 18.0  # the original is unchanged


def test_with_values_unknown_name():
    with pytest.raises(ParameterError) as err:
        load_edition(DEFAULT).with_values({"discount_rat": 16}, "papermill parameters")
    message = str(err.value)
    assert "papermill parameters: unknown parameter 'discount_rat'" in message
    assert "params/default.yaml" in message
    assert "discount_rate" in message  # lists what is declared
    assert "edition_file, data_dir and model_file" in message


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("discount_rate", "abc", "expected a number, found 'abc'"),
        ("service_term_months", 72.5, "expected a whole number, found 72.5"),
        ("new_complexes_start", "1 марта", "expected a date like 2026-03-01"),
        ("discount_rate", 25, "value 25.0 is outside its own range [14.25, 18.0]"),
    ],
)
def test_with_values_wrong_value(name, value, expected):
    with pytest.raises(ParameterError) as err:
        load_edition(DEFAULT).with_values({name: value}, "papermill parameters")
    message = str(err.value)
    assert f"papermill parameters: parameter {name!r} (declared in params/default.yaml)" in message
    assert expected in message


def test_assumptions_are_read_only_and_replace_coerces():
    a = load_edition(DEFAULT).assumption_values()
    with pytest.raises(AttributeError, match="read-only"):
        a.discount_rate = 16.0
    late = a.replace(new_complexes_start="2026-07-01", discount_rate=16)
    assert late.new_complexes_start == dt.date(2026, 7, 1)
    assert late.discount_rate == 16.0 and isinstance(late.discount_rate, float)
    assert a.new_complexes_start == dt.date(2026, 3, 1)  # the original is unchanged
    with pytest.raises(ParameterError, match="'spare_rate' is missing"):
        a.replace(spare_rate=1.0)


def test_unused_lists_what_no_calculation_read():
    a = load_edition(DEFAULT).assumption_values()
    assert a.unused() == sorted(NAMES)
    assert a.discount_rate == 18.0
    assert a.range("service_term_months") == (60, 84)  # a range is a declaration, not a use
    assert a.unused() == sorted(set(NAMES) - {"discount_rate"})
    # a copy made by replace() reports its reads to the same list
    assert a.replace(inflation_2026=5.0).cpi_2024_dec_dec == 8.4
    assert a.unused() == sorted(set(NAMES) - {"discount_rate", "cpi_2024_dec_dec"})


def test_assumption_view_is_a_fresh_record_each_time():
    edition = load_edition(DEFAULT)
    assert edition.assumption_values().discount_rate == 18.0
    assert isinstance(edition.assumption_values(), AssumptionValues)
    assert "discount_rate" in edition.assumption_values().unused()


# -- context: computing an edition -------------------------------------------------------------


def test_compute_edition_with_an_override(tmp_path):
    data = computed.compute_edition(DEFAULT, DATA_DIR, overrides={"discount_rate": 16})
    assert data.results.budget.discount_rate == 16.0
    assert data.results.assumptions.unused() == []
    # the build saves it once; chapters read it back
    path = tmp_path / "edition.pickle"
    computed.save(data, path)
    again = computed.load_saved(path)
    assert again.results.budget.nominal == data.results.budget.nominal
    assert again.edition.assumptions["discount_rate"].value == 16.0


def test_compute_edition_unknown_override():
    with pytest.raises(ParameterError, match="-p discount_rat: unknown parameter 'discount_rat'"):
        computed.compute_edition(
            DEFAULT, DATA_DIR, overrides={"discount_rat": 16}, origin="-p discount_rat"
        )


def test_compute_edition_rejects_an_unused_assumption(tmp_path):
    document = default_document()
    document["assumptions"]["spare_rate"] = dict(document["assumptions"]["discount_rate"])
    path = write(tmp_path, document)
    with pytest.raises(ParameterError) as err:
        computed.compute_edition(path, DATA_DIR)
    message = str(err.value)
    assert str(path) in message and "spare_rate" in message
    assert "no calculation uses them" in message


def test_load_saved_rejects_a_file_that_is_not_a_computed_edition(tmp_path):
    path = tmp_path / "edition.pickle"
    path.write_bytes(b"not a pickle")
    with pytest.raises(BuildError, match="edition.pickle: the computed edition could not be read"):
        computed.load_saved(path)
    with pytest.raises(BuildError, match="could not be read"):
        computed.load_saved(tmp_path / "missing.pickle")


# -- notebook: what papermill injected ---------------------------------------------------------


def test_injected_names_from_the_input_history():
    from sergek_report.chapter.api import injected_names

    namespace = {
        "In": [
            "",
            "from sergek_report.chapter.api import open_chapter",
            # the chapter's own parameters cell (tagged `parameters`): not injected
            'edition_file = "../params/default.yaml"\ndata_dir = "../data"\nmodel_file = ""\n',
            # papermill's injected cell
            '# Parameters\nedition_file = "/tmp/e.yaml"\ndiscount_rate = 16\n'
            "inflation_2026 = 20.3\ndiscount_rate = 15\n",
            "ch = open_chapter(globals())",
        ]
    }
    assert injected_names(namespace) == ["edition_file", "discount_rate", "inflation_2026"]
    assert injected_names({"In": ["x = 1"]}) == []
    assert injected_names({}) == []  # outside IPython: no history
