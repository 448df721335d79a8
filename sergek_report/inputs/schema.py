"""The vocabulary in which the tables of data/ are declared (the declarations are in `tables.py`).

- `Field`: one column: its kind (text, id, url, choice, source, date, int, float), whether it
  is required, its unit and bounds, and its meaning for the data dictionary;
- `Rule`: a rule over the rows of one table (order of dates, parts within a total, …), built by
  the factories below;
- `Agreement`: the same quantity stated in two tables must agree;
- `TableSpec`: a table: its fields, key and rules, and the two pandera schemas the loader runs
  (cells as text, then typed values).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sergek_report.inputs.problems import num, show

if TYPE_CHECKING:  # pandera is imported where tables are validated (not in the chapters' kernels)
    import pandera.pandas as pa

NUMBER = r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?"
WHOLE = r"[0-9]+(\.0+)?"
# A whole number with more digits than this is beyond every declared bound and beyond what a
# 64-bit integer holds (19 digits); it is rejected as text, before any conversion.
MAX_DIGITS = 15
ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
SNAKE_ID = r"[a-z][a-z0-9]*(_[a-z0-9]+)*"
KINDS = ("text", "id", "url", "choice", "source", "date", "int", "float")


@dataclass(frozen=True)
class Field:
    """One column. `min`/`max` bound numbers (every number column declares an upper bound);
    `required=False` allows an empty cell; `as_of=False` exempts a date from the as-of check;
    `earliest` is the oldest plausible date (the Sergek pilot era by default).
    `doc` is the meaning shown in data/README.md; `shape` replaces the derived type text."""

    name: str
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    unit: str = ""
    min: float | None = None
    max: float | None = None
    as_of: bool = True
    doc: str = ""
    shape: str = ""
    # A date before this is a typo (1745 for 2019), unless the column says why it may be older.
    earliest: str = "2015-01-01"
    # A quotation, printed as its page wrote it: the loader keeps its dashes and percent signs
    # (typography.bind, not typeset), and so does the renderer (<span class="quote">).
    verbatim: bool = False

    def __post_init__(self):
        if self.kind not in KINDS:
            raise TypeError(f"field {self.name}: unknown kind {self.kind!r}")
        if self.kind in ("int", "float") and self.max is None:
            raise TypeError(f"field {self.name}: a number column needs an upper bound (max)")

    @property
    def bounds(self) -> str:
        if self.min is not None and self.max is not None:
            return f" between {num(self.min)} and {num(self.max)}"
        if self.min is not None:
            return f" ≥ {num(self.min)}"
        return f" ≤ {num(self.max)}" if self.max is not None else ""

    @property
    def expected(self) -> str:
        """What a valid cell looks like; used by every message about this column."""
        if self.kind == "int":
            return f"a whole number{f' of {self.unit}' if self.unit else ''}{self.bounds}"
        if self.kind == "float":
            return (
                f'a bare number in {self.unit}{self.bounds}, with no unit, "%" sign or words such '
                'as "млрд" in the cell'
            )
        if self.kind == "date":
            return "a date written YYYY-MM-DD (DD.MM.YYYY is also accepted)"
        if self.kind == "choice":
            return "one of " + ", ".join(f'"{c}"' for c in self.choices)
        if self.kind == "id":
            return "an id in snake_case (lower-case latin letters, digits and _)"
        if self.kind == "url":
            return "an address starting with http:// or https://"
        if self.kind == "source":
            return "a source_id listed in sources.csv"
        return "a non-empty text"

    @property
    def type_text(self) -> str:
        """The "type / unit" cell of the data dictionary."""
        if self.shape:
            text = self.shape
        elif self.kind in ("int", "float"):
            low, high = self.min, self.max
            word = "whole number" if self.kind == "int" else "number"
            span = f"{_n(low)}–{_n(high)}" if low is not None else f"≤ {_n(high)}"
            text = f"{word} {span}" + (f", {self.unit}" if self.unit else "")
        elif self.kind == "choice":
            text = " ".join(f"`{c}`" for c in self.choices)
        else:
            text = {"url": "URL", "source": "id in `sources.csv`"}.get(self.kind, self.kind)
        return text + ("" if self.required else ", optional")


def _n(value: float) -> str:
    """A bound for the data dictionary: 100 000, 1e13, −10."""
    if value < 0:
        return "−" + _n(-value)
    if value >= 1e9:
        return f"{value:.0e}".replace("e+", "e")
    return f"{int(value):,}".replace(",", " ") if value >= 1e4 else num(value)


@dataclass(frozen=True)
class Rule:
    """A table-level rule: `test(frame)` is True on the rows that satisfy it.

    `frame` holds typed values indexed by line number. `found(frame, line)` describes the
    offending row (by default the cell of `column` as written); `expected_at(frame, line)`
    replaces `expected` when what is expected depends on the row.
    """

    name: str
    column: str
    expected: str
    test: Callable[[pd.DataFrame], pd.Series]
    found: Callable[[pd.DataFrame, int], str] | None = None
    expected_at: Callable[[pd.DataFrame, int], str] | None = None

    @property
    def check_name(self) -> str:
        return f"{self.name}({self.column})"

    def check(self) -> pa.Check:
        import pandera.pandas as pa

        return pa.Check(self.test, name=self.check_name)


def increasing(column: str, strict: bool = True, what: str = "values") -> Rule:
    """Rows in order of `column`: each value later (or not smaller) than the row above."""

    def test(df: pd.DataFrame) -> pd.Series:
        s, prev = df[column], df[column].shift()
        ok = s > prev if strict else s >= prev
        return ok | s.isna() | prev.isna()

    def found(df: pd.DataFrame, line: int) -> str:
        pos = df.index.get_loc(line)
        before, now = df[column].iloc[pos - 1], df[column].iloc[pos]
        return f"{show(now)} after {show(before)} on line {df.index[pos - 1]}"

    order = "strictly increasing" if strict else "non-decreasing"
    name = "increasing" if strict else "non_decreasing"
    return Rule(name, column, f"{what} in {order} order, row after row", test, found)


def not_before(column: str, other: str) -> Rule:
    """`column` must not be earlier than `other` in the same row (e.g. period end vs start)."""

    def test(df: pd.DataFrame) -> pd.Series:
        return (df[column] >= df[other]) | df[column].isna() | df[other].isna()

    return Rule(
        "not_before",
        column,
        f'a date not earlier than "{other}"',
        test,
        lambda df, line: f"{show(df.at[line, column])} before {other} {show(df.at[line, other])}",
    )


def parts_within(total: str, parts: tuple[str, ...]) -> Rule:
    def test(df: pd.DataFrame) -> pd.Series:
        return df[list(parts)].fillna(0).sum(axis=1) <= df[total]

    return Rule(
        "parts_within_total",
        parts[0],
        f"{' + '.join(parts)} not exceeding {total}",
        test,
        lambda df, line: (
            " + ".join(show(df.at[line, p]) for p in parts) + f" > {show(df.at[line, total])}"
        ),
    )


def not_fewer_than(column: str, other: str, why: str) -> Rule:
    """`column` is not smaller than `other` in the same row (when both have a value)."""

    def test(df: pd.DataFrame) -> pd.Series:
        return (df[column] >= df[other]).fillna(True).astype(bool)

    return Rule(
        "not_fewer_than",
        column,
        f'a number not smaller than "{other}" ({why})',
        test,
        lambda df, line: f"{show(df.at[line, column])} < {other} {show(df.at[line, other])}",
    )


# A whole number as a text writes it: «2 060», «9\u00a0000», «1287» (groups of three digits
# after a space, a no-break or a narrow no-break space).
_WRITTEN_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?![\d]|[.,]\d)")


def quoted_count(text: str, n: int, qualifiers: Iterable[str]) -> str | None:
    """How `text` quotes the whole number `n`: the qualifier word that precedes it, one of
    `qualifiers` («(более 9 000 видеокамер)» -> "более"), "" when it is quoted without one
    («(2 060 камер)»), None when the text does not quote `n`."""
    for match in _WRITTEN_NUMBER.finditer(text):
        if int(re.sub(r"\D", "", match.group())) != n:
            continue
        before = re.split(r"[\s\u00a0\u202f]+", text[: match.start()].strip())[-1]
        word = before.strip('(«"').lower()
        return word if word in qualifiers else ""
    return None


def quotes_count(column: str, text: str, qualifiers: tuple[str, ...]) -> Rule:
    """Where `column` has a count, the text cell `text` quotes it as its source does: the
    number the model reads and the words the report prints agree."""

    def ok(count, cell) -> bool:
        if pd.isna(count):
            return True
        return isinstance(cell, str) and quoted_count(cell, int(count), qualifiers) is not None

    listed = ", ".join(f"«{q}»" for q in qualifiers)
    return Rule(
        "quotes_count",
        column,
        f'the count that "{text}" quotes, as the source writes it («2 060 камер»; a lower '
        f"bound after {listed}: «более 9 000 видеокамер»)",
        lambda df: pd.Series(
            [ok(c, t) for c, t in zip(df[column], df[text], strict=True)], index=df.index
        ),
        lambda df, line: (
            f'{show(df.at[line, column])}, while "{text}" reads "{show(df.at[line, text])}"'
        ),
    )


def required_when(column: str, condition: str, when: Callable[[pd.DataFrame], pd.Series]) -> Rule:
    return Rule(
        "required_when",
        column,
        f"a value when {condition}",
        lambda df: df[column].notna() | ~when(df),
        lambda df, line: "an empty cell",
    )


def leading(cell: str, words: Iterable[str]) -> str | None:
    """The longest of `words` that `cell` starts with (the whole cell or followed by a space)."""
    found = [w for w in words if cell == w or cell.startswith(w + " ")]
    return max(found, key=len) if found else None


def starts_with_one_of(column: str, words: tuple[str, ...]) -> Rule:
    """The cell starts with one of `words` (alone or followed by a space)."""
    listed = ", ".join(f'"{w}"' for w in words)
    return Rule(
        "starts_with_one_of",
        column,
        f"text starting with one of {listed}",
        lambda df: df[column].map(lambda c: isinstance(c, str) and leading(c, words) is not None),
    )


_QUOTATION = re.compile(r"«[^»]*\S[^»]*»|\"[^\"]*\S[^\"]*\"")


def quoted(column: str) -> Rule:
    """The cell quotes its page (a «…» or "…" quotation, as the source list prints it), or
    says in [brackets] why it cannot («[цитаты нет: страница не найдена]»)."""

    def ok(cell) -> bool:
        if not isinstance(cell, str):
            return False
        cell = cell.strip()
        return bool(_QUOTATION.search(cell)) or (cell.startswith("[") and cell.endswith("]"))

    return Rule(
        "quoted",
        column,
        'a quotation in «…» or "…", or a reason in [brackets] why there is none',
        lambda df: df[column].map(ok),
    )


def unit_is(*values: str) -> Callable[[pd.DataFrame], pd.Series]:
    return lambda df: df["unit"].isin(values)


@dataclass(frozen=True)
class Bounds:
    """Plausible values of a number whose unit is given by the row."""

    min: float
    max: float
    whole: bool = False

    def text(self) -> str:
        word = "a whole number" if self.whole else "a number"
        return f"{word} between {_n(self.min)} and {_n(self.max)}"


def bounds_by(column: str, by: str, bounds: dict[str, Bounds]) -> Rule:
    """`column` within the bounds declared for the row's `by` value (e.g. its unit)."""

    def test(df: pd.DataFrame) -> pd.Series:
        ok = pd.Series(True, index=df.index)
        s = df[column]
        for value, b in bounds.items():
            good = s.between(b.min, b.max) & ((s == np.round(s)) if b.whole else True)
            ok &= ~(df[by].eq(value) & s.notna()) | good
        return ok

    def expected_at(df: pd.DataFrame, line: int) -> str:
        value = df.at[line, by]
        return f'for {by} "{value}", {bounds[value].text()}'

    listing = "; ".join(f'{by} "{k}": {b.text()}' for k, b in bounds.items())
    return Rule("plausible", column, listing, test, expected_at=expected_at)


def not_after_as_of(column: str, as_of: pd.Timestamp) -> Rule:
    def test(df: pd.DataFrame) -> pd.Series:
        planned = df["status"].eq("planned") if "status" in df else False
        return (df[column] <= as_of) | df[column].isna() | planned

    return Rule(
        "not_after_as_of",
        column,
        f"a date not after the as-of date {as_of.date().isoformat()} "
        '(only rows with status "planned" may be later)',
        test,
    )


def not_before_date(column: str, earliest: str) -> Rule:
    bound = pd.Timestamp(earliest)

    def test(df: pd.DataFrame) -> pd.Series:
        return (df[column] >= bound) | df[column].isna()

    return Rule(
        "plausible_date",
        column,
        f"a date not before {bound.date().isoformat()} (earlier is before the period the "
        "report covers: a typo in the year?)",
        test,
    )


def known_source(ids: Iterable[str], sources_file: str, column: str = "source_id") -> Rule:
    ids = frozenset(ids)
    return Rule(
        "known_source",
        column,
        f"a source_id listed in {sources_file}",
        lambda df: df[column].isin(ids) | df[column].isna(),
    )


@dataclass(frozen=True)
class Agreement:
    """The same quantity in two tables: the cell `column` of the row `pick(frame)` of `table`
    equals the cell `other_column` of the row `other_pick(other_frame, as_of)` of `other`.
    Frames are indexed by line; a pick returns a line or None (then nothing is compared)."""

    name: str
    table: str
    column: str
    pick: Callable[[pd.DataFrame], int | None]
    other: str
    other_column: str
    other_pick: Callable[[pd.DataFrame], int | None]
    subject: str  # e.g. "the row complexes_in_operation"
    what: str  # e.g. "the complexes of the latest deployment row that is not planned"
    # When set: the expected value computed from the other table (a sum, a date plus a
    # term), instead of its cell `other_column`; `other_pick` names the line it starts from.
    reference: Callable[[pd.DataFrame], Any] | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    rules: tuple[Rule, ...] = ()
    doc: str = ""
    title: str = ""  # what the report calls the table, in Russian («условия договора»)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def cell_schema(self) -> pa.DataFrameSchema:
        """Cells as text: required values, formats, size and allowed values."""
        import pandera.pandas as pa

        columns = {}
        for f in self.fields:
            checks = [pa.Check(test(f), name=rule) for rule, test in CELL_CHECKS.get(f.kind, ())]
            columns[f.name] = pa.Column(nullable=not f.required, checks=checks)
        return pa.DataFrameSchema(columns, strict=True, ordered=True)

    def value_schema(self, extra_rules: Iterable[Rule] = ()) -> pa.DataFrameSchema:
        """Typed values: finite and within bounds, unique key, the table rules and `extra_rules`."""
        import pandera.pandas as pa

        columns = {}
        for f in self.fields:
            checks = []
            if f.kind in ("int", "float"):
                checks.append(pa.Check(lambda s, f=f: in_bounds(s, f), name="bounds"))
            columns[f.name] = pa.Column(DTYPES.get(f.kind), nullable=not f.required, checks=checks)
        return pa.DataFrameSchema(
            columns,
            checks=[r.check() for r in (*self.rules, *extra_rules)],
            unique=list(self.key),
            report_duplicates="all",
            strict=True,
        )

    @property
    def schema(self) -> pa.DataFrameSchema:
        return self.value_schema()

    def dynamic_rules(self, as_of: pd.Timestamp | None, source_ids, sources_file) -> list[Rule]:
        rules = [not_before_date(f.name, f.earliest) for f in self.fields if f.kind == "date"]
        if as_of is not None:
            rules += [
                not_after_as_of(f.name, as_of) for f in self.fields if f.kind == "date" and f.as_of
            ]
        if source_ids is not None:  # the row's source and any other column naming a source
            rules += [
                known_source(source_ids, sources_file, f.name)
                for f in self.fields
                if f.kind == "source"
            ]
        return rules


def in_bounds(s: pd.Series, f: Field) -> pd.Series:
    """Finite (no inf, as `1e309` reads) and within the field's declared bounds."""
    values = s.astype("float64")
    ok = np.isfinite(values)
    if f.min is not None:
        ok &= values >= f.min
    if f.max is not None:
        ok &= values <= f.max
    return ok


def _whole(f: Field) -> Callable[[pd.Series], pd.Series]:
    return lambda s: s.str.fullmatch(WHOLE)


def _digits(f: Field) -> Callable[[pd.Series], pd.Series]:
    """A whole number with more than MAX_DIGITS digits (other spellings are _whole's job)."""
    return lambda s: ~s.str.fullmatch(WHOLE) | (s.str.split(".").str[0].str.len() <= MAX_DIGITS)


DATE_YEARS = ("1900", "2100")  # a year outside is a typo (and 2262+ is beyond pandas' dates)


def _date(f: Field) -> Callable[[pd.Series], pd.Series]:
    return lambda s: (
        s.str.fullmatch(ISO_DATE)
        & s.str[:4].between(*DATE_YEARS)
        & pd.to_datetime(
            s.where(s.str[:4].between(*DATE_YEARS)), format="%Y-%m-%d", errors="coerce"
        ).notna()
    )


# kind -> ((rule name, test of the text cells given the field), …); empty cells are not tested.
CELL_CHECKS: dict[str, tuple[tuple[str, Callable[[Field], Callable]], ...]] = {
    "int": (("whole_number", _whole), ("too_many_digits", _digits)),
    "float": (("bare_number", lambda f: lambda s: s.str.fullmatch(NUMBER)),),
    "date": (("date", _date),),
    "choice": (("allowed_value", lambda f: lambda s: s.isin(f.choices)),),
    "id": (("id_format", lambda f: lambda s: s.str.fullmatch(SNAKE_ID)),),
    "source": (("id_format", lambda f: lambda s: s.str.fullmatch(SNAKE_ID)),),
    "url": (("url_format", lambda f: lambda s: s.str.fullmatch(r"https?://\S+")),),
}
CELL_RULES = {rule for checks in CELL_CHECKS.values() for rule, _ in checks}
CONVERTERS: dict[str, Callable[[pd.Series], pd.Series]] = {
    "int": lambda s: pd.to_numeric(s).astype("Int64"),
    "float": lambda s: pd.to_numeric(s).astype("float64"),
    "date": lambda s: pd.to_datetime(s, format="%Y-%m-%d").astype("datetime64[ns]"),
}
DTYPES = {"int": "Int64", "float": "float64", "date": "datetime64[ns]"}
