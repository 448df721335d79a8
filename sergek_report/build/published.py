"""The published edition's model, computed again from its inputs as git still holds them.

The baseline (published/metrics.json) names each input file by its content hash and its git
blob, so the model's tables are restored exactly as they were and today's code computes that
edition again: the backtest (tests/test_backtest.py) checks every published figure this way,
and the changes block asks it for the figures a moved key figure is computed from
(build.metrics.DRIVERS), which the baseline does not record: «комплексо-месяцы …: было ≈ 14,7
тыс., стало ≈ 16,1 тыс.». Tables and assumptions added after that edition take today's files
and values (the published figures do not depend on them).
"""

from __future__ import annotations

import csv
import hashlib
import subprocess
import tempfile
from pathlib import Path

from sergek_report.errors import BuildError

# the baseline's inputs restored and computed again: once per baseline and data folder (the
# preview renders many times)
_DRIVERS_CACHE: dict[tuple, dict[str, float] | None] = {}


def restore_inputs(baseline: dict, project_root: Path, target: Path) -> Path:
    """data/ of the published edition, its files as they were, written under `target`;
    BuildError when git lacks one or a restored file is not the recorded input."""
    blobs = baseline.get("git_blobs") or {}
    if not blobs or set(blobs) != set(baseline.get("inputs", {})):
        raise BuildError("the baseline records no git blob for some of its inputs")
    (target / "data").mkdir(parents=True, exist_ok=True)
    for path, blob in blobs.items():
        result = subprocess.run(
            ["git", "cat-file", "blob", blob], cwd=project_root, capture_output=True
        )
        if result.returncode != 0:
            raise BuildError(
                f"{path} of the published edition (git blob {blob}) is not in this clone's "
                f"history ({result.stderr.decode().strip()}); clone the whole history (git "
                "fetch --unshallow, or actions/checkout with fetch-depth: 0)"
            )
        file = target / path
        file.write_bytes(result.stdout)
        if hashlib.sha256(result.stdout).hexdigest() != baseline["inputs"][path]:
            raise BuildError(f"{path}: git blob {blob} is not that input")
        _add_optional_columns(file)
    return target / "data"


def _add_optional_columns(file: Path) -> None:
    """An optional column added to a table since the published edition (sources.csv
    `primary_source`), added empty to its file as it was: it holds no figure of that edition,
    and today's loader reads a table with today's columns."""
    from sergek_report.inputs import datasets

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


def published_results(baseline: dict, then: Path, data_dir: Path, params_file: Path):
    """Today's model on the model tables in `then` (the published edition's, from
    `restore_inputs`), the tables added since from `data_dir`, and the published assumption
    values over the edition `params_file`."""
    from sergek_report.inputs import datasets
    from sergek_report.inputs.edition import load_edition
    from sergek_report.model import results as model
    from sergek_report.model.lookups import MODEL_TABLES

    published = {t for t in MODEL_TABLES if f"data/{t}.csv" in baseline["inputs"]}
    # the model tables as of the published edition; the sources (read for their ids) without
    # it: today's list holds pages read after that edition, which its tables do not cite
    tables = {
        **datasets.load_tables(["sources"], data_dir=then),
        **datasets.load_tables(sorted(published), data_dir=then, as_of=baseline["edition_date"]),
    }
    newer = [t for t in MODEL_TABLES if t not in published]
    if newer:  # each validated against the sources of its own time
        tables = {**datasets.load_tables(newer, data_dir=data_dir), **tables}
    edition = load_edition(params_file).with_values(baseline.get("params", {}), "baseline")
    return model.compute(tables, edition.assumption_values())


def published_drivers(
    baseline: dict | None, project_root: Path, data_dir: Path, params_file: Path
) -> dict[str, float] | None:
    """The figures the key figures are computed from (build.metrics.DRIVERS) in the published
    edition: recorded in its metrics.json, else computed again from its inputs; None when
    neither can be had (no baseline, no git history): the changes block then names the data
    tables instead."""
    if not baseline or "missing" in baseline:
        return None
    if isinstance(baseline.get("drivers"), dict):
        return baseline["drivers"]
    key = (
        tuple(sorted((baseline.get("git_blobs") or {}).items())),
        repr(sorted((baseline.get("params") or {}).items())),
        str(data_dir),
        str(params_file),
    )
    if key not in _DRIVERS_CACHE:
        from sergek_report.build.metrics import driver_values
        from sergek_report.errors import ReportError

        try:
            with tempfile.TemporaryDirectory(prefix="sergek-published-") as folder:
                then = restore_inputs(baseline, project_root, Path(folder))
                results = published_results(baseline, then, data_dir, params_file)
            _DRIVERS_CACHE[key] = driver_values(results)
        except (ReportError, OSError, ValueError, KeyError):
            _DRIVERS_CACHE[key] = None  # the block falls back to the tables' names
    return _DRIVERS_CACHE[key]
