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
        "lift_ban",
        "no_bridge",
        "transfer",
        "no_transfer",
    ]
    # each branch names a computed budget line or «transfer» (not priced)
    assert set(path["budget_line"]) <= {"announced", "bridge", "no_bridge", "transfer"}
    # the gap's outcome says what happens and its condition, the council's ban (recommendation
    # 6); how long the calculation assumes the gap lasts is chapter 2's, not the tree's (review
    # s38i: a model's assumption in the decision chart understated the gap)
    branches = path.set_index("branch_id")
    gap = branches.loc["no_bridge", "on_january_1"]
    assert (
        gap.replace("\u00a0", " ")
        == "Фиксация останавливается с 1 января до начала нового договора"
    )
    # (s38l: the council's own lever read as a footnote; s42h: still inside the gap's box, and
    # uncosted: a branch of its own, its path the stop-gap's, extended until the contract)
    lifted = branches.loc["lift_ban"]
    assert lifted["on_january_1"].startswith(
        "Фиксация продолжается по нынешней цене до начала нового договора, который заключат по "
        "итогам той же закупки (рекомендация 6)"
    )
    assert lifted["budget_line"] == "bridge"
    assert "в расчёте" not in gap


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


def test_the_deadlines_typed_in_the_data_agree_with_the_model():
    """The chronology's deadlines (data/timeline.csv) and the tree's stop-gap branch
    (data/decision_path.csv) type dates the model computes from the assumptions (reviews
    s31k, s32a asked for them in the table and the tree): a changed assumption that moves a
    deadline fails here instead of printing a stale date. By hand: 1 January − 60 days =
    2 November, − 10 days = 22 December; the stop-gap's two months end on 28 February, and a
    60-day procurement announced on 31 December ends on 1 March."""
    import datetime as dt

    from sergek_report import paths
    from sergek_report.model.computed import compute_edition

    r = compute_edition(paths.DEFAULT_PARAMS, DATA_DIR).results
    tables = datasets.load_tables(["timeline", "decision_path"], data_dir=DATA_DIR)
    dates = (
        tables["timeline"]
        .set_index("event_id")["date"]
        .map(lambda d: dt.date.fromisoformat(str(d)[:10]))
    )
    assert (
        dates["procurement_lead_60"] == r.procurement_latest_start_range[0] == dt.date(2026, 11, 2)
    )
    assert (
        dates["procurement_lead_10"] == r.procurement_latest_start_range[1] == dt.date(2026, 12, 22)
    )
    assert dates["procurement_in_stopgap"] == r.procurement_latest_start_in_stopgap
    assert dates["stopgap_end"] == r.stopgap_end == dt.date(2027, 2, 28)
    assert r.contract_after_stopgap == dt.date(2027, 3, 1)
    # the dates as the data's text types them (a no-break space inside, as loading sets it)
    events = tables["timeline"].set_index("event_id")["event"].str.replace("\u00a0", " ")
    assert "закончится 1 марта" in events["procurement_in_stopgap"]
    assert "не позднее 31 декабря" in events["stopgap_end"]
    bridge = tables["decision_path"].set_index("branch_id").loc["bridge", "on_january_1"]
    assert "не позднее 31 декабря" in bridge.replace("\u00a0", " ")
    assert r.procurement_latest_start_in_stopgap == dt.date(2026, 12, 31)
