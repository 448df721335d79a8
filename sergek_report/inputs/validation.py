"""Running the declared checks on a table and telling the first problem in file order.

pandera runs the schemas of `schema.TableSpec` lazily (every failure of a pass is collected);
`first_problem` turns its failure cases into one `DataValidationError` about the earliest
line, column and check, with the number of further problems. `check_agreements` compares the
quantities that two tables both state (`tables.AGREEMENTS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sergek_report.errors import DataValidationError
from sergek_report.inputs.csvfile import AMBIGUOUS_COMMA, non_ascii_digits
from sergek_report.inputs.problems import data_error, quote, show
from sergek_report.inputs.schema import (
    CELL_RULES,
    DATE_YEARS,
    MAX_DIGITS,
    Agreement,
    Rule,
    TableSpec,
)

if TYPE_CHECKING:  # pandera is imported where tables are validated (not in the chapters' kernels)
    import pandera.pandas as pa


def validate(
    schema: pa.DataFrameSchema,
    frame: pd.DataFrame,
    spec: TableSpec,
    cells: pd.DataFrame,
    where: str,
    extra_rules: Iterable[Rule] = (),
) -> None:
    import pandera.pandas as pa

    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise first_problem(exc.failure_cases, frame, spec, cells, where, extra_rules) from None


def first_problem(
    failures: pd.DataFrame,
    frame: pd.DataFrame,
    spec: TableSpec,
    cells: pd.DataFrame,
    where: str,
    extra_rules: Iterable[Rule] = (),
) -> DataValidationError:
    """Translate pandera's failure cases into one message about the first problem."""
    rules = {r.check_name: r for r in (*spec.rules, *extra_rules)}
    problems = {}  # (line, column position, check) -> (line, column, check)
    for case in failures.itertuples():
        line = None if pd.isna(case.index) else int(case.index)
        column = rules[case.check].column if case.check in rules else case.column
        if case.check == "multiple_fields_uniqueness":
            column, line = spec.key[0], _same_key(frame, spec.key, line)[-1]
        position = spec.columns.index(column) if column in spec.columns else -1
        problems[(line or 0, position, str(case.check))] = (line, column, str(case.check))
    line, column, check = problems[min(problems)]
    more = len(problems) - 1

    def error(rule: str, expected: str, found: str) -> DataValidationError:
        return data_error(where, line, column, rule, expected, found, more)

    if check in rules:
        rule = rules[check]
        found = rule.found(frame, line) if rule.found else quote(cells.at[line, column])
        expected = rule.expected_at(frame, line) if rule.expected_at else rule.expected
        return error(rule.name, expected, found)
    if check == "multiple_fields_uniqueness":  # reported on the last line, naming all
        shown = ", ".join(f"{k}={show(frame.at[line, k])}" for k in spec.key)
        lines = " and ".join(str(n) for n in _same_key(frame, spec.key, line))
        return error(
            "unique_key",
            f"a unique key ({', '.join(spec.key)})",
            f"the same key ({shown}) on lines {lines}",
        )
    f = spec.field(column) if column in spec.columns else None
    expected = f.expected if f else "a valid value"
    if check == "not_nullable":
        return error("required", expected, "an empty cell")
    if check in CELL_RULES or check == "bounds":
        cell = cells.at[line, column]
        found = quote(cell) + _hint(cell, check)
        return error(_rule_of(check, frame, line, column), expected, found)
    return error(check, expected, "a value that fails this check")


def _rule_of(check: str, frame: pd.DataFrame, line: int, column: str) -> str:
    """`finite` for a number read as infinity (1e309), else the check's own name."""
    if check == "bounds":
        value = frame.at[line, column]
        if not pd.isna(value) and not np.isfinite(float(value)):
            return "finite"
    return check


def _hint(cell, check: str) -> str:
    """Why a cell that looks right may be rejected."""
    if not isinstance(cell, str):
        return ""
    if AMBIGUOUS_COMMA.fullmatch(cell):
        return " (a comma followed by three digits may be a thousands separator: ambiguous)"
    digits = non_ascii_digits(cell)
    if digits:
        return " (it contains digits other than 0-9: " + ", ".join(digits) + ")"
    if check == "date" and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", cell):
        if not DATE_YEARS[0] <= cell[:4] <= DATE_YEARS[1]:
            return f" (the year {cell[:4]} is outside {DATE_YEARS[0]}–{DATE_YEARS[1]}: a typo?)"
    if check == "too_many_digits":
        digits = len(cell.split(".")[0])
        return f" ({digits} digits, more than {MAX_DIGITS}: beyond any plausible value)"
    if _is_float(cell) and not np.isfinite(float(cell)):
        return " (beyond the largest number a computer stores: it reads as infinity)"
    return ""


def _is_float(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _same_key(frame: pd.DataFrame, key: tuple[str, ...], line: int) -> list[int]:
    """Lines whose key equals the key on `line`."""
    same = (frame[list(key)] == frame.loc[line, list(key)]).all(axis=1)
    return [int(n) for n in frame.index[same]]


def check_agreements(
    agreements: Iterable[Agreement],
    frames: dict[str, pd.DataFrame],
    cells: dict[str, pd.DataFrame],
    where: dict[str, str],
) -> None:
    """Each agreement whose two tables are both loaded (frames indexed by line)."""
    for a in agreements:
        if a.table not in frames or a.other not in frames:
            continue
        line = a.pick(frames[a.table])
        other_line = a.other_pick(frames[a.other])
        if line is None or other_line is None:
            continue
        value = frames[a.table].at[line, a.column]
        if a.reference is not None:
            reference = a.reference(frames[a.other])
            if reference is None:
                continue
        else:
            reference = frames[a.other].at[other_line, a.other_column]
        if pd.isna(value) or value == reference:
            continue
        row = frames[a.other].loc[other_line]
        dated = f", {show(row['date'])}" if "date" in row else ""
        raise data_error(
            where[a.table],
            line,
            a.column,
            a.name,
            f"{show(reference)}, {a.what} ({where[a.other]}, line {other_line}{dated}); "
            "the same quantity must agree in both tables",
            quote(cells[a.table].at[line, a.column]),
        )
