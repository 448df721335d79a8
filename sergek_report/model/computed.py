"""One call gives a chapter everything: the edition, its tables and its results.

The build sequence (the build and the preview alike) computes an edition once
(`compute_edition`) and hands each chapter a file (`save`, `load_saved`); a chapter run on
its own (JupyterLab, or papermill without the build) computes the edition on the spot from
the same files.

The model's reads of `data/` are recorded, as the chapters' and the assumptions' are: a table
the model reads that is not declared in `lookups.MODEL_TABLES` (what the chapters'
fingerprints hash) is an error, not chapters that silently stay stale.

The hand-off file (format `HANDOFF_FORMAT`, version `HANDOFF_VERSION`): a first line of JSON
that an analyst can read (`head -1 file`: the edition, its date, the tables with their rows
and columns, the model's reads, the key results that are plain numbers, dates or text, and
the digest of the payload), then the payload: the `ComputedEdition` as a pickle. The payload stays
a pickle because the results hold data frames, nested dataclasses and the typed assumptions,
which a text format would have to round-trip exactly (dtypes, NaN, dates) for the report to
stay byte-identical; the header says what is inside, and `load_saved` checks the format, the
version and the digest before unpickling.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd

from sergek_report.errors import BuildError, DataValidationError, ParameterError
from sergek_report.inputs import datasets
from sergek_report.inputs.edition import Edition, load_edition, resolve_references
from sergek_report.inputs.translated import translated_tables
from sergek_report.model import lookups
from sergek_report.model import results as model
from sergek_report.model.results import Results
from sergek_report.paths import display_path


@dataclass(frozen=True, eq=False)
class ComputedEdition:
    edition: Edition
    tables: dict[str, pd.DataFrame]
    results: Results


def compute_edition(
    edition: Edition | str | Path,
    data_dir: str | Path,
    overrides: dict[str, Any] | None = None,
    origin: str = "papermill parameters",
    on_validated=None,
) -> ComputedEdition:
    """Load the edition and every table (validated), and compute the results once;
    `on_validated()` is called once every table has passed validation."""
    if not isinstance(edition, Edition):
        edition = load_edition(edition)
    if overrides:
        edition = edition.with_values(overrides, origin)
    try:
        tables = datasets.load_all(data_dir, as_of=edition.edition_date)
    except DataValidationError as exc:
        if getattr(exc, "rule", None) != "not_after_as_of":
            raise
        # The data are newer than the edition: the edition's date is what needs fixing.
        raise ParameterError(
            f"{display_path(edition.path)}: edition_date {edition.edition_date.isoformat()} is "
            f"earlier than data it reports ({exc.file}, line {exc.row}, column "
            f'"{exc.column}": {exc.found}); set edition_date to the day of the edition, on '
            "or after the latest data."
        ) from None
    if on_validated is not None:
        on_validated()
    edition = resolve_references(edition, tables)  # {cpi.percent[year=2025,…]} in texts
    assumptions = edition.assumption_values()
    recorded = RecordedTables(tables)
    results = model.compute(recorded, assumptions)
    check_model_reads(recorded.read, edition)
    check_announcement_days(edition, results)
    unused = assumptions.unused()
    if unused:
        raise ParameterError(
            f"{display_path(edition.path)}: assumption(s) {', '.join(unused)} are declared but "
            "no calculation uses them; remove them, or add the calculation that needs them."
        )
    # An edition in another language prints the tables' text cells translated (the figures
    # above are computed from the original tables).
    tables = translated_tables(tables)
    return ComputedEdition(edition=edition, tables=tables, results=results)


def check_announcement_days(edition: Edition, results) -> None:
    """The recommended path's procurement is drawn to be announced on days from its range;
    none of them may lie before the edition's date (a new edition's date moved on, the range
    left as it was, would price an announcement in the past)."""
    announced = results.procurement_announced_range
    if announced is None or announced[0] >= edition.edition_date:
        return
    name = "procurement_announced_days_early"
    low, high = edition.assumption_values().range(name)
    fits = max((announced[1] - edition.edition_date).days, 0)
    raise ParameterError(
        f"{display_path(edition.path)}: assumptions.{name}.range [{low}, {high}] puts the "
        f"earliest announcement of the procurement on {announced[0].isoformat()}, before "
        f"edition_date {edition.edition_date.isoformat()}; expected an upper end of at most "
        f"{fits} days (from the edition's date to {announced[1].isoformat()}, the last day to "
        "announce)."
    )


class RecordedTables(Mapping):
    """The tables as the model sees them: every read is recorded (`read`)."""

    def __init__(self, tables: Mapping[str, pd.DataFrame]):
        self._tables = tables
        self.read: set[str] = set()

    def __getitem__(self, name: str) -> pd.DataFrame:
        frame = self._tables[name]
        self.read.add(name)
        return frame

    def __contains__(self, name: object) -> bool:  # asking is not reading
        return name in self._tables

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


def check_model_reads(read: set[str], edition: Edition | None = None) -> None:
    """A table the model read must be one the fingerprints cover (`lookups.MODEL_TABLES`)."""
    undeclared = sorted(read - set(lookups.MODEL_TABLES))
    if undeclared:
        raise BuildError(
            f"the model read table(s) {', '.join(undeclared)} that are not among the model's "
            f"tables (sergek_report/model/lookups.py, MODEL_TABLES: "
            f"{', '.join(lookups.MODEL_TABLES)}); a change to them would leave chapters "
            "stale: add them to MODEL_TABLES."
        )


def for_chapter(data: ComputedEdition, tables: tuple[str, ...]) -> ComputedEdition:
    """The edition with only the tables a chapter shows (and the sources it cites)."""
    keep = {*tables, "sources"}
    return ComputedEdition(
        edition=data.edition,
        tables={name: frame for name, frame in data.tables.items() if name in keep},
        results=data.results,
    )


HANDOFF_FORMAT = "sergek-report computed edition"
HANDOFF_VERSION = 1


def _plain(value: Any) -> Any:
    """A result that JSON shows as it is (numbers, dates, text), else None."""
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def handoff_header(data: ComputedEdition, payload: bytes) -> dict:
    results = {
        f.name: _plain(getattr(data.results, f.name))
        for f in fields(data.results)
        if _plain(getattr(data.results, f.name)) is not None
    }
    return {
        "format": HANDOFF_FORMAT,
        "version": HANDOFF_VERSION,
        "edition": data.edition.path.name,
        "edition_date": data.edition.edition_date.isoformat(),
        "tables": {
            name: {"rows": len(frame), "columns": [str(c) for c in frame.columns]}
            for name, frame in data.tables.items()
        },
        "model_tables": list(lookups.MODEL_TABLES),
        "results": results,
        "payload": "pickle (ComputedEdition)",
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
    }


def _ordered(items) -> list:
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=repr)


def _restore(make, args, state: dict, set_keys: list[str]):
    """The inverse of `_OrderedSetsPickler.reducer_override`."""
    obj = make(*args)
    state = {k: set(v) if k in set_keys else v for k, v in state.items()}
    if hasattr(obj, "__setstate__"):
        obj.__setstate__(state)
    else:
        obj.__dict__.update(state)
    return obj


class _OrderedSetsPickler(pickle.Pickler):
    """The package's objects (the edition's pydantic models keep the names of the fields set,
    the assumptions the names read) hold sets, whose iteration order changes with the
    process's hash seed; the hand-off must be the same bytes whichever process (build,
    preview) wrote it. Their sets are written in sorted order and read back as sets."""

    def reducer_override(self, obj):
        if isinstance(obj, type) or not type(obj).__module__.startswith("sergek_report."):
            return NotImplemented
        reduced = obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
        if not isinstance(reduced, tuple) or len(reduced) < 3 or any(reduced[3:]):
            return NotImplemented
        make, args, state = reduced[:3]
        if not isinstance(state, dict):
            return NotImplemented
        set_keys = sorted(k for k, v in state.items() if type(v) is set)
        if not set_keys:
            return NotImplemented
        state = {k: _ordered(v) if k in set_keys else v for k, v in state.items()}
        return _restore, (make, args, state, set_keys)


def _payload(data: ComputedEdition) -> bytes:
    buffer = io.BytesIO()
    _OrderedSetsPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(data)
    return buffer.getvalue()


def handoff_bytes(data: ComputedEdition) -> bytes:
    """The hand-off file's bytes: the same edition gives the same bytes in any process."""
    payload = _payload(data)
    header = json.dumps(handoff_header(data, payload), ensure_ascii=False, sort_keys=True)
    return header.encode("utf-8") + b"\n" + payload


def save(data: ComputedEdition, path: Path) -> str:
    """Write the hand-off file (atomically); returns its SHA-256."""
    content = handoff_bytes(data)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(content)
    tmp.replace(path)
    return hashlib.sha256(content).hexdigest()


def read_header(path: str | Path) -> dict:
    """The hand-off file's JSON header (what an analyst reads with `head -1`)."""
    with open(path, "rb") as file:
        return json.loads(file.readline())


def load_saved(path: str | Path) -> ComputedEdition:
    """The edition the build computed (a file the build itself wrote into build/)."""
    path = Path(path)
    try:
        content = path.read_bytes()
        first, _, payload = content.partition(b"\n")
        header = json.loads(first)
        if not isinstance(header, dict) or header.get("format") != HANDOFF_FORMAT:
            raise BuildError(f"{display_path(path)}: not a computed edition; run the build again.")
        if header.get("version") != HANDOFF_VERSION:
            raise BuildError(
                f"{display_path(path)}: a computed edition of version {header.get('version')}"
                f", this package reads version {HANDOFF_VERSION}; run the build again."
            )
        if hashlib.sha256(payload).hexdigest() != header.get("payload_sha256"):
            raise BuildError(
                f"{display_path(path)}: the computed edition is damaged (its digest differs)"
                "; run the build again (it rewrites the file)."
            )
        data = pickle.loads(payload)
    except BuildError:
        raise
    except (
        OSError,
        ValueError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
    ) as exc:
        raise BuildError(
            f"{display_path(path)}: the computed edition could not be read ({type(exc).__name__})"
            "; run the build again (it rewrites the file)."
        ) from None
    if not isinstance(data, ComputedEdition):
        raise BuildError(f"{display_path(path)}: not a computed edition; run the build again.")
    return data
