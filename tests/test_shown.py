"""The assumptions table shows the model weights as the quantities they place (params:
`shown_as`), computed by the model at the weight's value and at both ends of its range."""

import pytest

from sergek_report.chapter import shown
from sergek_report.inputs import datasets
from sergek_report.inputs.edition import load_edition
from sergek_report.model import results
from sergek_report.paths import DATA_DIR, PARAMS_DIR


@pytest.fixture(scope="module")
def edition_results():
    edition = load_edition(PARAMS_DIR / "default.yaml")
    tables = datasets.load_tables(None, data_dir=DATA_DIR, as_of=edition.edition_date)
    return edition, results.compute(tables, edition.assumption_values())


def test_each_weight_is_shown_as_its_quantity(edition_results):
    edition, r = edition_results
    a = edition.assumptions
    b = r.one_basis
    # the current payment: its value is the basis's, its ends the two estimates
    value, low, high = shown.figures(a["tariff_estimate_weight"], r)
    assert value == pytest.approx(b.current_price)
    assert (low, high) == pytest.approx((b.estimate2, b.estimate1))
    # the service price: Pavlodar's (the region's complexes) to Karaganda's
    value, low, high = shown.figures(a["service_anchor_weight"], r)
    assert (low, high) == pytest.approx((b.pavlodar_year, b.karaganda_year))
    # Pavlodar's complexes: the region's or the city's, two readings
    _, region, city = shown.figures(a["pavlodar_coverage_weight"], r)
    d = r.appraisal_data
    assert (region, city) == (d.pavlodar_complexes, d.pavlodar_complexes_low)
    row = shown.shown(a["pavlodar_coverage_weight"], r)
    assert " или " in row.range and row.distribution


def test_no_weight_is_printed_as_a_number_between_0_and_1(edition_results):
    edition, r = edition_results
    for name, item in edition.assumptions.items():
        if item.unit == "" and item.range == (0.0, 1.0):
            assert shown.shown(item, r) is not None, name
