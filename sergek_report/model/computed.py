"""One call gives a chapter everything: the edition, its tables and its results.

The build computes an edition once (`compute_edition`) and saves it (`save`); each chapter
then loads the saved file instead of recomputing. A chapter run on its own (JupyterLab, or
papermill without the build) computes the edition on the spot from the same files.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sergek_report.errors import BuildError, DataValidationError, ParameterError
from sergek_report.inputs import datasets
from sergek_report.inputs.edition import Edition, load_edition, resolve_references
from sergek_report.model import results as model
from sergek_report.model.results import Results
from sergek_report.paths import display_path


@dataclass(frozen=True, eq=False)
class EditionData:
    edition: Edition
    tables: dict[str, pd.DataFrame]
    results: Results


def compute_edition(
    edition: Edition | str | Path,
    data_dir: str | Path,
    overrides: dict[str, Any] | None = None,
    origin: str = "papermill parameters",
) -> EditionData:
    """Load the edition and every table (validated), and compute the results once."""
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
    edition = resolve_references(edition, tables)  # {cpi.percent[year=2025,…]} in texts
    assumptions = edition.assumption_view()
    results = model.compute(tables, assumptions)
    unused = assumptions.unused()
    if unused:
        raise ParameterError(
            f"{display_path(edition.path)}: assumption(s) {', '.join(unused)} are declared but "
            "no calculation uses them; remove them, or add the calculation that needs them."
        )
    return EditionData(edition=edition, tables=tables, results=results)


def for_chapter(data: EditionData, tables: tuple[str, ...]) -> EditionData:
    """The edition with only the tables a chapter shows (and the sources it cites)."""
    keep = {*tables, "sources"}
    return EditionData(
        edition=data.edition,
        tables={name: frame for name, frame in data.tables.items() if name in keep},
        results=data.results,
    )


def save(data: EditionData, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)


def load_saved(path: str | Path) -> EditionData:
    """The edition the build computed (a file the build itself wrote into build/)."""
    path = Path(path)
    try:
        data = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        raise BuildError(
            f"{display_path(path)}: the computed edition could not be read ({type(exc).__name__})"
            "; run the build again (it rewrites the file)."
        ) from None
    if not isinstance(data, EditionData):
        raise BuildError(f"{display_path(path)}: not a computed edition; run the build again.")
    return data
