"""Backtest: the figures of the edition sent to the council (published/metrics.json, checked by
hand) are computed again by today's code from the inputs recorded with them.

The baseline names each input file by its content hash and its git blob; git still has every
version, so the model's tables are restored exactly as they were, and the result must equal
each published figure. Runs on every `make test` whatever changed since (no kernels: about a
second). Tables and assumptions added after that edition take today's files and values; the
published figures do not depend on them, or the comparison fails.
"""

from __future__ import annotations

import hashlib
import json
import subprocess

import pytest

from sergek_report import paths
from sergek_report.build.metrics import key_metrics
from sergek_report.build.published import published_results, restore_inputs
from sergek_report.errors import BuildError

BASELINE = paths.PUBLISHED_DIR / "metrics.json"


def _published_inputs(tmp_path):
    """data/ of the published edition (its files, as they were), and the baseline."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    try:
        then = restore_inputs(baseline, paths.PROJECT_ROOT, tmp_path)
    except BuildError as exc:
        pytest.fail(str(exc))
    assert set(baseline["git_blobs"]) == set(baseline["inputs"])
    return then, baseline


def _figures(then, baseline) -> dict[str, float]:
    """Today's model on the model tables in `then` (the published edition's) and the
    published assumption values."""
    results = published_results(baseline, then, paths.DATA_DIR, paths.DEFAULT_PARAMS)
    return {m["name"]: m["value"] for m in key_metrics(results)}


def test_published_figures_are_computed_again_from_the_published_inputs(tmp_path, note):
    then, baseline = _published_inputs(tmp_path)
    figures = _figures(then, baseline)
    assert len(baseline["metrics"]) >= 20
    for metric in baseline["metrics"]:
        name = metric["name"]
        assert name in figures, f"published figure {name} is no longer computed"
        assert figures[name] == metric["value"], (
            f"{name} ({metric['label']}): published {metric['value']}, computed again from the "
            f"same inputs {figures[name]}"
        )
    note(
        f"backtest: the {len(baseline['metrics'])} published figures of the edition of "
        f"{baseline['edition_date']}, computed again from its inputs: all equal"
    )


def test_the_backtest_restores_the_inputs_that_moved_a_figure(tmp_path):
    """Without the restored files (today's data/), a published figure moves: payments after
    August 2022 were added since, and the payments-based tariff is no longer 176 307,98."""
    _, baseline = _published_inputs(tmp_path)
    published = {m["name"]: m["value"] for m in baseline["metrics"]}
    today = _figures(paths.DATA_DIR, baseline)
    assert published["implied_monthly_tariff_from_payments"] == 176307.9793
    assert today["implied_monthly_tariff_from_payments"] != 176307.9793


def test_publish_records_each_input_by_its_git_blob(tmp_path):
    from sergek_report.build.editions import baseline_record

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.csv").write_bytes("a,b\n1,2\nМ,\n".encode())
    digest = hashlib.sha256((tmp_path / "data" / "x.csv").read_bytes()).hexdigest()
    record = baseline_record({"inputs": {"data/x.csv": digest}, "metrics": []}, tmp_path)
    git = subprocess.run(
        ["git", "hash-object", "data/x.csv"], cwd=tmp_path, capture_output=True, text=True
    )
    assert record["git_blobs"] == {"data/x.csv": git.stdout.strip()}
    assert list(record) == ["inputs", "git_blobs", "metrics"]


def test_the_changes_block_gets_the_published_figures_a_key_figure_is_computed_from(tmp_path):
    """The baseline records no complex-months (build.metrics.DRIVERS came later): they are
    computed again from its inputs. Hand-checked: the published average payment is the
    payment over them, 2 600 000 000 / 176 307,9793 = 14 746,92 complex-months."""
    from sergek_report.build.published import published_drivers

    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert "drivers" not in baseline
    drivers = published_drivers(baseline, paths.PROJECT_ROOT, paths.DATA_DIR, paths.DEFAULT_PARAMS)
    assert abs(drivers["complex_months_paid_period"] - 2.6e9 / 176_307.9793) < 0.01
    assert drivers["paid_to_partner"] == 2.6e9
    assert drivers["monthly_tariff"] == 181_064.0111  # 9 986 042 340 / 766 / 72
    # recorded ones are taken as they are; without git history there are none (the block
    # then names the data tables)
    assert published_drivers({**baseline, "drivers": {"x": 1.0}}, tmp_path, tmp_path, tmp_path) == {
        "x": 1.0
    }
    elsewhere = {**baseline, "git_blobs": {k: "0" * 40 for k in baseline["git_blobs"]}}
    assert (
        published_drivers(elsewhere, paths.PROJECT_ROOT, paths.DATA_DIR, paths.DEFAULT_PARAMS)
        is None
    )
