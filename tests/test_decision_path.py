"""The path for 1 January 2027 (data/decision_path.csv): validation and its budget lines."""

from __future__ import annotations

import pytest

from sergek_report.errors import ReportError
from sergek_report.inputs import datasets
from sergek_report.paths import DATA_DIR
from tests.conftest import data_with


def test_the_path_loads_with_its_branches_in_order():
    path = datasets.load_tables(["decision_path"], data_dir=DATA_DIR)["decision_path"]
    assert list(path.sort_values("step")["branch_id"]) == [
        "announced",
        "bridge",
        "no_bridge",
        "transfer",
        "no_transfer",
    ]
    # each branch names a computed budget line or «transfer» (not priced)
    assert set(path["budget_line"]) <= {"announced", "bridge", "no_bridge", "transfer"}


def test_an_unknown_budget_line_is_rejected(tmp_path):
    data = data_with(tmp_path, "decision_path.csv", ",bridge,reported,", ",urgent,reported,")
    with pytest.raises(ReportError, match="budget_line"):
        datasets.load_tables(["decision_path"], data_dir=data)


def test_an_unknown_source_is_rejected(tmp_path):
    data = data_with(tmp_path, "decision_path.csv", "zakonpravo_undated", "no_such_source")
    with pytest.raises(ReportError, match="no_such_source"):
        datasets.load_tables(["decision_path"], data_dir=data)


def test_the_stop_gap_cites_one_norm_wherever_the_report_prints_it():
    """Review s11d: the stop-gap's norm was cited three ways (p. 7, 42, 45). The options'
    table and the path's table print the same legal route, word for word."""
    tables = datasets.load_tables(["options", "decision_path"], data_dir=DATA_DIR)
    option = tables["options"].set_index("option_id").loc["stopgap", "legal_route"]
    branch = tables["decision_path"].set_index("branch_id").loc["bridge", "legal_route"]
    assert option == branch
    assert "пп. 12 п. 2 ст. 18 и пп. 35 п. 3 ст. 16" in option
