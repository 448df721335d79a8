"""Load and validate the tables in data/: the public API of the data loader.

Every table is declared once, in `tables.TABLES` (columns, key, rules, bounds, meaning; the
vocabulary is in `schema.py`). Loading a file runs in four steps, all driven by that
declaration:

1. read (`csvfile.py`): decode (UTF-8; a BOM and Windows-1251 are accepted), detect the
   delimiter (comma; semicolon and tab are accepted), reject invisible characters, split into
   records with their line numbers, check the header and the number of fields per row;
2. normalise the spellings of Excel with a Russian locale (decimal comma, space or NBSP
   thousands separators, DD.MM.YYYY dates) and non-ASCII digits; each change is logged;
3. validate the cells as text (pandera: required values, formats, size, allowed values), then
   convert them to typed columns;
4. validate the values (pandera: finite and within bounds, unique key, order of dates, source
   ids, dates not after `as_of`), then the quantities two tables both state (`AGREEMENTS`).

Any problem raises `DataValidationError` (from `errors.py`), whose one-paragraph message names
the file, the line (header = line 1), the column, the rule, what was expected and what was
found. What is accepted and what is rejected is listed in data/README.md.

    load_all(data_dir, as_of)        every declared table, and no undeclared .csv file
    load_tables(names, data_dir, …)  the tables asked for, in that order
    load_table(name, data_dir, …)    one table
    data_digest(data_dir)            content hash of everything under data/ (no-op check)

`python -m sergek_report.inputs.datasets --check` validates data/; `--write-readme` regenerates the
column tables of data/README.md from the declarations, `--check-readme` compares them.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import sys
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from sergek_report import paths
from sergek_report.errors import DataValidationError
from sergek_report.inputs.csvfile import log as csv_log
from sergek_report.inputs.csvfile import normalise, read_cells
from sergek_report.inputs.digests import data_digest
from sergek_report.inputs.problems import data_error
from sergek_report.inputs.schema import CONVERTERS, Field, Rule, TableSpec
from sergek_report.inputs.tables import AGREEMENTS, TABLES
from sergek_report.inputs.validation import check_agreements, validate

__all__ = [
    "DataValidationError",
    "Field",
    "Rule",
    "TABLES",
    "TableSpec",
    "data_digest",
    "load_all",
    "load_table",
    "load_tables",
]


def load_table(
    name: str, data_dir: str | Path | None = None, as_of: str | pd.Timestamp | None = None
) -> pd.DataFrame:
    """One validated table; source ids are checked against sources.csv in `data_dir`."""
    return load_tables([name], data_dir=data_dir, as_of=as_of)[name]


def load_tables(
    names: Iterable[str] | None = None,
    data_dir: str | Path | None = None,
    as_of: str | pd.Timestamp | None = None,
) -> dict[str, pd.DataFrame]:
    """Validated tables by name (all of them when `names` is None), in the order asked.

    Quantities stated in two tables (`tables.AGREEMENTS`) are compared when both are asked for.
    """
    names = list(TABLES) if names is None else list(names)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise KeyError(f"unknown table(s) {unknown}; known tables: {list(TABLES)}")
    data_dir = Path(data_dir or paths.current().data_dir)
    as_of = pd.Timestamp(as_of) if as_of is not None else None
    # sources.csv is read first when a table cites sources. `as_of` applies to the tables
    # asked for: sources.csv is held to it only when it is one of them.
    source_ids, sources_file = None, _where(data_dir / TABLES["sources"].file)
    sources = None
    if any(f.kind == "source" for n in names for f in TABLES[n].fields):
        sources = _load(TABLES["sources"], data_dir, as_of if "sources" in names else None)
        source_ids = set(sources[0]["source_id"])
    loaded = {}
    for name in names:
        if name == "sources" and sources is not None:
            loaded[name] = sources
        else:
            loaded[name] = _load(TABLES[name], data_dir, as_of, source_ids, sources_file)
    check_agreements(
        AGREEMENTS,
        {n: values for n, (values, _) in loaded.items()},
        {n: cells for n, (_, cells) in loaded.items()},
        {n: _where(data_dir / TABLES[n].file) for n in loaded},
    )
    return {n: _public(TABLES[n], values) for n, (values, _) in loaded.items()}


def load_all(
    data_dir: str | Path | None = None, as_of: str | pd.Timestamp | None = None
) -> dict[str, pd.DataFrame]:
    """Every declared table, validated; also an error for a .csv file in `data_dir` that is
    not declared and for a declared table whose file is missing."""
    data_dir = Path(data_dir or paths.current().data_dir)
    check_files(data_dir)
    return load_tables(None, data_dir=data_dir, as_of=as_of)


def check_files(data_dir: str | Path | None = None) -> None:
    """The .csv files of `data_dir` are exactly the declared tables."""
    data_dir = Path(data_dir or paths.current().data_dir)
    if not data_dir.is_dir():
        raise data_error(
            _where(data_dir),
            None,
            None,
            "data_dir",
            "a folder with the tables of data/",
            "no such folder",
        )
    declared = sorted(spec.file for spec in TABLES.values())
    for path in sorted(data_dir.iterdir()):
        if path.suffix.lower() == ".csv" and path.name not in declared and path.is_file():
            raise data_error(
                _where(path),
                None,
                None,
                "declared_table",
                "only the declared tables in data/ (" + ", ".join(declared) + ")",
                "a CSV file that is not one of them; rename it to the table it holds, move it "
                "out of data/, or declare it in sergek_report/inputs/tables.py",
            )
    for spec in TABLES.values():
        if not (data_dir / spec.file).is_file():
            raise data_error(
                _where(data_dir / spec.file),
                None,
                None,
                "file",
                f"the table {spec.name} (columns {', '.join(spec.columns)}), declared in "
                "sergek_report/inputs/tables.py and described in data/README.md",
                "no such file",
            )


# --- one table ----------------------------------------------------------------------------


# Validated tables by file content: the model and the tests read the same files many times,
# and validation is most of the cost. The key leaves out where the file lies (a copy of data/
# elsewhere validates to the same frames; only error texts name the place, and an error is
# never kept). A load that warned (a BOM removed, a guessed encoding) is not kept, so that
# every read says it again; long tables are not kept either.
_VALIDATED: dict[tuple, tuple[TableSpec, pd.DataFrame, pd.DataFrame]] = {}
_KEEP_ROWS, _KEEP_TABLES = 5_000, 256


def _load(
    spec: TableSpec,
    data_dir: Path,
    as_of: pd.Timestamp | None,
    source_ids: set[str] | None = None,
    sources_file: str = "sources.csv",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Typed values and the cells as written, both indexed by line number."""
    path = data_dir / spec.file
    try:
        content = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:  # read_cells names the problem
        return _load_uncached(spec, data_dir, as_of, source_ids, sources_file)
    ids = None if source_ids is None else frozenset(source_ids)
    key = (id(spec), content, as_of, ids)
    kept = _VALIDATED.get(key)
    if kept is not None and kept[0] is spec:
        return kept[1].copy(), kept[2].copy()
    warned = _Warned()
    csv_log.addHandler(warned)
    try:
        values, cells = _load_uncached(spec, data_dir, as_of, source_ids, sources_file)
    finally:
        csv_log.removeHandler(warned)
    if warned.any or len(values) > _KEEP_ROWS:
        return values, cells
    if len(_VALIDATED) >= _KEEP_TABLES:
        _VALIDATED.clear()
    _VALIDATED[key] = (spec, values, cells)
    # A copy, kept or not: the same frames (and the same pickled bytes in the hand-off file)
    # whether or not this process has read the file before.
    return values.copy(), cells.copy()


class _Warned(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.any = False

    def emit(self, record: logging.LogRecord) -> None:
        self.any = True


def _load_uncached(
    spec: TableSpec,
    data_dir: Path,
    as_of: pd.Timestamp | None,
    source_ids: set[str] | None = None,
    sources_file: str = "sources.csv",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Typed values and the cells as written, both indexed by line number."""
    path = data_dir / spec.file
    where = _where(path)
    cells = read_cells(path, where, spec)
    normalised = normalise(cells, spec, where)
    validate(spec.cell_schema(), normalised, spec, cells, where)
    values = pd.DataFrame(index=normalised.index)
    for f in spec.fields:
        convert = CONVERTERS.get(f.kind)
        values[f.name] = convert(normalised[f.name]) if convert else normalised[f.name]
    del normalised
    rules = spec.dynamic_rules(as_of, source_ids, sources_file)
    validate(spec.value_schema(rules), values, spec, cells, where, rules)
    return values, cells


def _public(spec: TableSpec, values: pd.DataFrame) -> pd.DataFrame:
    """The frame the analysis sees: required whole numbers as int64, rows numbered from 0."""
    out = values.reset_index(drop=True)
    for f in spec.fields:
        if f.kind == "int" and f.required:
            out[f.name] = out[f.name].astype("int64")
    return out


def _where(path: Path) -> str:
    """Path relative to the project root when it lies inside it, else as given."""
    try:
        return Path(path).resolve().relative_to(paths.current().root).as_posix()
    except ValueError:
        return str(path)


def data_as_of(sources: pd.DataFrame):
    """Latest publication date among the sources (the loaded table): the data are as of then
    (the title page and the memo say it); None without a dated source."""
    dates = sources["published"].dropna()
    return dates.max().date() if len(dates) else None


def search_period(sources: pd.DataFrame):
    """The first and the last day the authors consulted a source (their «accessed» dates): when
    later publications were searched for (the title page and the list of sources say it);
    None without an accessed date."""
    dates = sources["accessed"].dropna()
    return (dates.min().date(), dates.max().date()) if len(dates) else None


# --- command line -------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    from sergek_report.inputs import dictionary

    parser = argparse.ArgumentParser(prog="python -m sergek_report.inputs.datasets")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--check", action="store_true", help="validate every table in data/")
    what.add_argument("--write-readme", action="store_true", help="regenerate data/README.md")
    what.add_argument("--check-readme", action="store_true", help="compare data/README.md")
    what.add_argument("--print-dictionary", action="store_true", help="all column tables")
    parser.add_argument("--data-dir", type=Path, default=paths.current().data_dir)
    parser.add_argument("--as-of", default=None, help="YYYY-MM-DD: no observation after it")
    args = parser.parse_args(argv)
    readme = args.data_dir / "README.md"
    if args.write_readme:
        changed = dictionary.write_readme(readme)
        print(f"{_where(readme)}: {'updated' if changed else 'already up to date'}")
    elif args.check_readme:
        for problem in dictionary.readme_differences(readme):
            print(f"{_where(readme)}: {problem}", file=sys.stderr)
        return 1 if dictionary.readme_differences(readme) else 0
    elif args.print_dictionary:
        print(dictionary.data_dictionary_markdown(), end="")
    else:
        try:
            tables = load_all(args.data_dir, as_of=args.as_of)
        except DataValidationError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"{len(tables)} tables valid ({sum(map(len, tables.values()))} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
