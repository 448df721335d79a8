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

from sergek_report import paths
from sergek_report.build.metrics import driver_values, key_metrics
from sergek_report.inputs import datasets
from sergek_report.inputs.edition import load_edition
from sergek_report.model import results as model
from sergek_report.model.lookups import MODEL_TABLES

BASELINE = paths.PUBLISHED_DIR / "metrics.json"


def _restore(path: str, blob: str, target) -> None:
    result = subprocess.run(
        ["git", "cat-file", "blob", blob], cwd=paths.PROJECT_ROOT, capture_output=True
    )
    assert result.returncode == 0, (
        f"{path} of the published edition (git blob {blob}) is not in this clone's history "
        f"({result.stderr.decode().strip()}); clone the whole history (git fetch --unshallow, "
        "or actions/checkout with fetch-depth: 0)"
    )
    target.write_bytes(result.stdout)


def _published_inputs(tmp_path):
    """data/ of the published edition (its files, as they were), and the baseline."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    (tmp_path / "data").mkdir()
    for path, blob in baseline["git_blobs"].items():
        _restore(path, blob, tmp_path / path)
        digest = hashlib.sha256((tmp_path / path).read_bytes()).hexdigest()
        assert digest == baseline["inputs"][path], f"{path}: git blob {blob} is not that input"
    assert set(baseline["git_blobs"]) == set(baseline["inputs"])
    for path in baseline["git_blobs"]:
        _add_optional_columns(tmp_path / path)
    return tmp_path / "data", baseline


def _add_optional_columns(file) -> None:
    """An optional column added to a table since the published edition (sources.csv
    `primary_source`), added empty to its file as it was: it holds no figure of that edition,
    and today's loader reads a table with today's columns."""
    import csv

    spec = datasets.TABLES.get(file.stem)
    if spec is None:
        return
    with file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0]) if rows else []
    added = [f.name for f in spec.fields if not f.required and f.name not in header]
    if not added or set(header) - set(spec.columns):
        return
    with file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(spec.columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows({**row, **dict.fromkeys(added, "")} for row in rows)


def _figures(then, baseline) -> dict[str, float]:
    """Today's model's key figures on the model tables in `then` (the published edition's)
    and the published assumption values."""
    return {m["name"]: m["value"] for m in key_metrics(_results(then, baseline))}


def _results(then, baseline):
    """Today's model on the model tables in `then` (the published edition's) and the
    published assumption values."""
    published = {t for t in MODEL_TABLES if f"data/{t}.csv" in baseline["inputs"]}
    # the model tables as of the published edition; the sources (read for their ids) without
    # it: today's list holds pages read after that edition, which its tables do not cite
    tables = {
        **datasets.load_tables(["sources"], data_dir=then),
        **datasets.load_tables(sorted(published), data_dir=then, as_of=baseline["edition_date"]),
    }
    newer = [t for t in MODEL_TABLES if t not in published]
    if newer:  # each validated against the sources of its own time
        tables = {**datasets.load_tables(newer, data_dir=paths.DATA_DIR), **tables}
    edition = load_edition(paths.DEFAULT_PARAMS).with_values(
        baseline["params"], paths.display_path(BASELINE)
    )
    return model.compute(tables, edition.assumption_values())


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


def test_the_published_figures_a_key_figure_is_computed_from_are_its_inputs(tmp_path):
    """The baseline's `drivers` (build.metrics.DRIVERS: the changes block's reason names the
    one that moved, «комплексо-месяцы …: было ≈ 14,7 тыс., стало ≈ 16,1 тыс.») are what
    today's model gives on the published inputs, as its figures are; recorded after that
    edition (the build reads them and needs no git). Hand-checked: the published average
    payment is the payment over them, 2 600 000 000 / 176 307,9793 = 14 746,92; the tariff
    estimate 9 986 042 340 / 766 / 72 = 181 064,01."""
    then, baseline = _published_inputs(tmp_path)
    assert baseline["drivers"] == driver_values(_results(then, baseline))
    assert abs(baseline["drivers"]["complex_months_paid_period"] - 2.6e9 / 176_307.9793) < 0.01
    assert baseline["drivers"]["monthly_tariff"] == round(9_986_042_340 / 766 / 72, 4)
