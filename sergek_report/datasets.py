"""Load and validate the tables in data/ (see docs/data-contract.md and data/README.md).

Every table is described once, in `TABLES`: its columns (`Field`), its key and its table-level
rules (`Rule`). Loading a file runs in four steps, all driven by that description:

1. read: decode (UTF-8; a BOM and Windows-1251 are accepted), detect the delimiter
   (comma; semicolon and tab are accepted), split into records with their line numbers and
   check the header and the number of fields per row;
2. normalise the spellings of Excel with a Russian locale (decimal comma, space or NBSP
   thousands separators, DD.MM.YYYY dates); every change is logged at WARNING;
3. validate the cells as text (pandera schema: required values, formats, allowed values),
   then convert them to typed columns;
4. validate the values (pandera schema: ranges, unique key, order of dates, source ids,
   dates not after `as_of`).

Any problem raises `DataValidationError`, whose message names the file, the line (header =
line 1), the column, the rule, what was expected and what was found.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .errors import ReportError
from .paths import DATA_DIR, PROJECT_ROOT

log = logging.getLogger("sergek_report.data")

STATUSES = ("reported", "derived", "estimate", "planned")
LANGUAGES = ("ru", "kk", "en", "fr", "it", "az", "sk")
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
# Characters a Windows-1251 file of this project may contain beyond ASCII: Russian letters,
# Kazakh/Ukrainian І і, typographic quotes and dashes, №, NBSP, degree sign.
CP1251_PLAUSIBLE = re.compile(r"[\t\r\n\x20-\x7eА-яЁёІі«»–—№…“”„‘’\u00a0°]*")

NUMBER = r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?"
THOUSANDS = re.compile(r"[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?")
DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")
# "1,641": a comma followed by exactly three digits may be a thousands separator.
AMBIGUOUS_COMMA = re.compile(r"[-+]?\d{1,3},\d{3}")
RU_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
SNAKE_ID = r"[a-z][a-z0-9]*(_[a-z0-9]+)*"


class DataValidationError(ReportError, ValueError):
    """A data table breaks a rule. `row` is the 1-based line in the file (header = 1)."""

    def __init__(
        self,
        file: str,
        row: int | None,
        column: str | None,
        rule: str,
        expected: str,
        found: str,
        more: int = 0,
    ):
        self.file, self.row, self.column = file, row, column
        self.rule, self.expected, self.found, self.more = rule, expected, found, more
        where = file
        if row is not None:
            where += f", line {row}"
        if column is not None:
            where += f', column "{column}"'
        text = f"{where}: expected {expected}, found {found} (rule: {rule})."
        if more:
            text += (
                f" There {'is' if more == 1 else 'are'} {more} more "
                f"problem{'' if more == 1 else 's'} in this file."
            )
        super().__init__(text)


# --- table description --------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One column.

    `kind` is one of: text (free text), id (snake_case key), url, choice (one of `choices`),
    source (a source_id of sources.csv), date, int (whole number) or float. `unit`, `min` and
    `max` apply to numbers; `required=False` allows an empty cell.
    """

    name: str
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    unit: str = ""
    min: float | None = None
    max: float | None = None
    as_of: bool = True  # dates only: must not be after `as_of` (rows with status planned excepted)

    @property
    def expected(self) -> str:
        """What a valid cell looks like; used by every message about this column."""
        bounds = ""
        if self.min is not None and self.max is not None:
            bounds = f" between {_num(self.min)} and {_num(self.max)}"
        elif self.min is not None:
            bounds = f" ≥ {_num(self.min)}"
        elif self.max is not None:
            bounds = f" ≤ {_num(self.max)}"
        if self.kind == "int":
            return f"a whole number{f' of {self.unit}' if self.unit else ''}{bounds}"
        if self.kind == "float":
            return (
                f'a bare number in {self.unit}{bounds}, with no unit, "%" sign or words such '
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


@dataclass(frozen=True)
class Rule:
    """A table-level rule: `test(frame)` is True on the rows that satisfy it.

    `frame` holds typed values indexed by line number. `found(frame, line)` describes the
    offending row; by default the cell of `column` as written in the file.
    """

    name: str
    column: str
    expected: str
    test: Callable[[pd.DataFrame], pd.Series]
    found: Callable[[pd.DataFrame, int], str] | None = None

    @property
    def check_name(self) -> str:
        return f"{self.name}({self.column})"

    def check(self) -> pa.Check:
        return pa.Check(self.test, name=self.check_name)


def increasing(column: str, strict: bool = True, what: str = "values") -> Rule:
    """Rows in order of `column`: each value later (or not smaller) than the row above."""

    def test(df: pd.DataFrame) -> pd.Series:
        s, prev = df[column], df[column].shift()
        ok = s > prev if strict else s >= prev
        return ok | s.isna() | prev.isna()

    def found(df: pd.DataFrame, line: int) -> str:
        pos = df.index.get_loc(line)
        return (
            f"{_show(df[column].iloc[pos])} after {_show(df[column].iloc[pos - 1])} on "
            f"line {df.index[pos - 1]}"
        )

    order = "strictly increasing" if strict else "non-decreasing"
    return Rule(
        "increasing" if strict else "non_decreasing",
        column,
        f"{what} in {order} order, row after row",
        test,
        found,
    )


def not_before(column: str, other: str) -> Rule:
    """`column` must not be earlier than `other` in the same row (e.g. period end vs start)."""

    def test(df: pd.DataFrame) -> pd.Series:
        return (df[column] >= df[other]) | df[column].isna() | df[other].isna()

    return Rule(
        "not_before",
        column,
        f'a date not earlier than "{other}"',
        test,
        lambda df, line: f"{_show(df.at[line, column])} before {other} {_show(df.at[line, other])}",
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
            " + ".join(_show(df.at[line, p]) for p in parts) + f" > {_show(df.at[line, total])}"
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


def known_source(ids: Iterable[str], sources_file: str) -> Rule:
    ids = frozenset(ids)
    return Rule(
        "known_source",
        "source_id",
        f"a source_id listed in {sources_file}",
        lambda df: df["source_id"].isin(ids) | df["source_id"].isna(),
    )


@dataclass(frozen=True)
class TableSpec:
    name: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    rules: tuple[Rule, ...] = ()

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def cell_schema(self) -> pa.DataFrameSchema:
        """Cells as text: required values, formats and allowed values."""
        columns = {}
        for f in self.fields:
            checks = []
            if f.kind in CELL_CHECKS:
                rule, test = CELL_CHECKS[f.kind]
                checks.append(pa.Check(test(f), name=rule))
            columns[f.name] = pa.Column(nullable=not f.required, checks=checks)
        return pa.DataFrameSchema(columns, strict=True, ordered=True)

    def value_schema(self, extra_rules: Iterable[Rule] = ()) -> pa.DataFrameSchema:
        """Typed values: ranges, unique key and the table rules (plus `extra_rules`)."""
        columns = {}
        for f in self.fields:
            checks = []
            if f.min is not None:
                checks.append(pa.Check(lambda s, m=f.min: s >= m, name="bounds"))
            if f.max is not None:
                checks.append(pa.Check(lambda s, m=f.max: s <= m, name="bounds"))
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
        rules = []
        if as_of is not None:
            rules += [
                not_after_as_of(f.name, as_of) for f in self.fields if f.kind == "date" and f.as_of
            ]
        if source_ids is not None and any(f.kind == "source" for f in self.fields):
            rules.append(known_source(source_ids, sources_file))
        return rules


def _in(*values: str) -> Callable[[pd.DataFrame], pd.Series]:
    return lambda df: df["unit"].isin(values)


# kind -> (rule name, test of the text cells given the field); empty cells are not tested.
CELL_CHECKS: dict[str, tuple[str, Callable[[Field], Callable[[pd.Series], pd.Series]]]] = {
    "int": ("whole_number", lambda f: lambda s: s.str.fullmatch(r"\d+(\.0+)?")),
    "float": ("bare_number", lambda f: lambda s: s.str.fullmatch(NUMBER)),
    "date": (
        "date",
        lambda f: (
            lambda s: (
                s.str.fullmatch(ISO_DATE)
                & pd.to_datetime(s, format="%Y-%m-%d", errors="coerce").notna()
            )
        ),
    ),
    "choice": ("allowed_value", lambda f: lambda s: s.isin(f.choices)),
    "id": ("id_format", lambda f: lambda s: s.str.fullmatch(SNAKE_ID)),
    "source": ("id_format", lambda f: lambda s: s.str.fullmatch(SNAKE_ID)),
    "url": ("url_format", lambda f: lambda s: s.str.fullmatch(r"https?://\S+")),
}
CELL_RULES = {rule for rule, _ in CELL_CHECKS.values()}
CONVERTERS: dict[str, Callable[[pd.Series], pd.Series]] = {
    "int": lambda s: pd.to_numeric(s).astype("Int64"),
    "float": lambda s: pd.to_numeric(s).astype("float64"),
    "date": lambda s: pd.to_datetime(s, format="%Y-%m-%d").astype("datetime64[ns]"),
}
DTYPES = {"int": "Int64", "float": "float64", "date": "datetime64[ns]"}

STATUS = Field("status", "choice", choices=STATUSES)
ROW_UNIT = 'the unit given in the row\'s "unit" column'
SOURCE = Field("source_id", "source")

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "sources",
            (
                Field("source_id", "id"),
                Field("publisher"),
                Field("title"),
                Field("url", "url", required=False),
                Field("published", "date", required=False),
                Field("published_note", required=False),
                # When the page was read, not a date of the data: not checked against as_of.
                Field("accessed", "date", as_of=False),
                Field("quote"),
                Field("language", "choice", choices=LANGUAGES),
            ),
            key=("source_id",),
            rules=(
                not_before("accessed", "published"),
                required_when(
                    "published_note", '"published" is empty', lambda df: df["published"].isna()
                ),
            ),
        ),
        TableSpec(
            "deployment",
            (
                Field("date", "date"),
                Field("complexes", "int", unit="complexes", min=1),
                Field("counted"),
                Field("intersections", "int", required=False, unit="complexes", min=0),
                Field("linear", "int", required=False, unit="complexes", min=0),
                STATUS,
                SOURCE,
                Field("note", required=False),
            ),
            key=("date",),
            rules=(
                increasing("date", what="dates"),
                increasing("complexes", strict=False, what="numbers of complexes"),
                parts_within("complexes", ("intersections", "linear")),
            ),
        ),
        TableSpec(
            "contract",
            (
                Field("item", "id"),
                Field("label"),
                Field("value", "float", required=False, unit=ROW_UNIT, min=0),
                # A contractual date is a value, not an observation: it may lie after as_of.
                Field("value_date", "date", required=False, as_of=False),
                Field("unit", "choice", choices=("tenge", "complexes", "date", "years", "text")),
                STATUS,
                SOURCE,
                Field("note", required=False),
            ),
            key=("item",),
            rules=(
                required_when(
                    "value",
                    'unit is "tenge", "complexes" or "years"',
                    _in("tenge", "complexes", "years"),
                ),
                required_when("value_date", 'unit is "date"', _in("date")),
                required_when("note", 'unit is "text" (the text goes into note)', _in("text")),
            ),
        ),
        TableSpec(
            "cpi",
            (
                Field("year", "int", min=2000, max=2100),
                Field("measure", "choice", choices=("dec_dec", "annual_avg")),
                Field("percent", "float", unit="percent", min=-10, max=100),
                STATUS,
                SOURCE,
            ),
            key=("year", "measure"),
        ),
        TableSpec(
            "mrp",
            (
                Field("valid_from", "date"),
                Field("tenge", "int", unit="tenge", min=1),
                STATUS,
                SOURCE,
            ),
            key=("valid_from",),
            rules=(increasing("valid_from", what="dates"),),
        ),
        TableSpec(
            "base_rate",
            (
                Field("valid_from", "date"),
                Field("percent", "float", unit="percent per year", min=0, max=100),
                STATUS,
                SOURCE,
            ),
            key=("valid_from",),
            rules=(increasing("valid_from", what="dates"),),
        ),
        TableSpec(
            "usd_kzt",
            (
                Field("period_label"),
                Field("period_start", "date"),
                Field("period_end", "date"),
                Field("kzt_per_usd", "float", unit="tenge per US dollar", min=1, max=10000),
                Field("measure", "choice", choices=("average",)),
                STATUS,
                SOURCE,
            ),
            key=("period_label",),
            rules=(not_before("period_end", "period_start"),),
        ),
        TableSpec(
            "payments",
            (
                Field(
                    "flow",
                    "choice",
                    choices=("payment_to_partner", "fines_collected", "fines_imposed"),
                ),
                Field("period_start", "date"),
                Field("period_end", "date"),
                Field("tenge", "float", unit="tenge", min=0),
                STATUS,
                SOURCE,
                Field("note", required=False),
            ),
            key=("flow", "period_start", "period_end"),
            rules=(not_before("period_end", "period_start"),),
        ),
        TableSpec(
            "peers",
            (
                Field("peer_id", "id"),
                Field("name"),
                Field("place"),
                Field("country"),
                Field("kind", "choice", choices=("sergek_kz", "other_vendor_kz", "foreign")),
                Field("metric"),
                Field("value", "float", required=False, unit=ROW_UNIT, min=0),
                Field("unit"),
                Field("currency", "choice", required=False, choices=("KZT", "USD", "GBP", "RUB")),
                Field("period"),
                Field("comparability"),
                STATUS,
                SOURCE,
            ),
            key=("peer_id",),
        ),
        TableSpec(
            "bidders",
            (
                Field("company"),
                Field("system", required=False),
                Field("what_is_known"),
                Field("status", "choice", choices=("reported", "not_found")),
                SOURCE,
            ),
            key=("company",),
        ),
        TableSpec(
            "gaps",
            (
                Field("gap_id", "id"),
                Field("fact"),
                Field("consequence"),
                Field("handled_by"),
            ),
            key=("gap_id",),
        ),
    )
}


# --- public API ---------------------------------------------------------------------------


def load_table(
    name: str, data_dir: str | Path = DATA_DIR, as_of: str | pd.Timestamp | None = None
) -> pd.DataFrame:
    """One validated table; source ids are checked against sources.csv in `data_dir`."""
    return load_tables([name], data_dir=data_dir, as_of=as_of)[name]


def load_tables(
    names: Iterable[str] | None = None,
    data_dir: str | Path = DATA_DIR,
    as_of: str | pd.Timestamp | None = None,
) -> dict[str, pd.DataFrame]:
    """Validated tables by name (all of them when `names` is None), in the order asked."""
    names = list(TABLES) if names is None else list(names)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise KeyError(f"unknown table(s) {unknown}; known tables: {list(TABLES)}")
    data_dir = Path(data_dir)
    as_of = pd.Timestamp(as_of) if as_of is not None else None
    # sources.csv is read first when a table cites sources. `as_of` applies to the tables
    # asked for: sources.csv is held to it only when it is one of them.
    source_ids, sources_file = None, _where(data_dir / TABLES["sources"].file)
    if any(f.kind == "source" for n in names for f in TABLES[n].fields):
        sources = _load(TABLES["sources"], data_dir, as_of if "sources" in names else None)
        source_ids = set(sources["source_id"])
    loaded = {}
    for name in names:
        if name == "sources" and source_ids is not None:
            loaded[name] = sources
        else:
            loaded[name] = _load(TABLES[name], data_dir, as_of, source_ids, sources_file)
    return loaded


# --- loading ------------------------------------------------------------------------------


def _load(
    spec: TableSpec,
    data_dir: Path,
    as_of: pd.Timestamp | None,
    source_ids: set[str] | None = None,
    sources_file: str = "sources.csv",
) -> pd.DataFrame:
    path = data_dir / spec.file
    where = _where(path)
    cells = _read(path, where, spec)
    normalised = cells.apply(lambda col: _normalise(col, spec.field(col.name), where))
    _validate(spec.cell_schema(), normalised, spec, cells, where)
    values = normalised.apply(lambda col: CONVERTERS.get(spec.field(col.name).kind, _text)(col))
    rules = spec.dynamic_rules(as_of, source_ids, sources_file)
    _validate(spec.value_schema(rules), values, spec, cells, where, rules)
    for f in spec.fields:
        if f.kind == "int" and f.required:
            values[f.name] = values[f.name].astype("int64")
    return values.reset_index(drop=True)


def _text(s: pd.Series) -> pd.Series:
    return s


def _where(path: Path) -> str:
    """Path relative to the project root when it lies inside it, else as given."""
    try:
        return Path(path).resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def _read(path: Path, where: str, spec: TableSpec) -> pd.DataFrame:
    """Cells as stripped strings (None when empty), indexed by line number."""
    if not path.is_file():
        raise DataValidationError(where, None, None, "file", "a CSV file", "no such file")
    raw = path.read_bytes()
    text = _decode(raw, where)
    if not text.strip():
        raise DataValidationError(
            where,
            1,
            None,
            "not_empty",
            f"a header line ({','.join(spec.columns)})",
            "an empty file (file is empty)",
        )
    delimiter = _sniff_delimiter(next(line for line in text.splitlines() if line.strip()))
    if delimiter != ",":
        log.warning(
            "%s, line 1: fields are separated by %s (%r), not commas; read as such.",
            where,
            DELIMITERS[delimiter],
            delimiter,
        )
    records = _records(text, delimiter, where)
    (header_line, header), rows = records[0], records[1:]
    header = [h.strip() for h in header]
    _check_header(header, header_line, spec, where)
    if not rows:
        raise DataValidationError(
            where,
            header_line + 1,
            None,
            "not_empty",
            "at least one data row after the header",
            "no data rows",
        )
    for line, fields in rows:
        if len(fields) != len(header):
            _wrong_field_count(where, line, header, fields, spec, delimiter)
    frame = pd.DataFrame(
        [[c.strip() or None for c in fields] for _, fields in rows],
        columns=header,
        index=pd.Index([line for line, _ in rows], name="line"),
        dtype="str",
    )
    return frame[spec.columns]


def _decode(raw: bytes, where: str) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        log.warning("%s, line 1: removed the UTF-8 byte-order mark (BOM).", where)
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        bad = utf8_error.start
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    line = raw.count(b"\n", 0, bad) + 1
    if text is not None and CP1251_PLAUSIBLE.fullmatch(text):
        log.warning(
            "%s, line %d: not valid UTF-8 (byte offset %d); read the file as Windows-1251 "
            "(cp1251). Please save it as UTF-8.",
            where,
            line,
            bad,
        )
        return text
    raise DataValidationError(
        where,
        line,
        _column_at(raw, bad),
        "encoding",
        "UTF-8 text (Windows-1251 is also accepted)",
        f"byte 0x{raw[bad]:02x} at byte offset {bad}, which is valid in neither",
    )


def _column_at(raw: bytes, offset: int) -> str | None:
    """Best guess of the column holding byte `offset`: count delimiters on its line."""
    lines = raw.decode("utf-8", errors="replace").splitlines()
    header = lines[0].lstrip("\ufeff") if lines else ""
    delimiter = _sniff_delimiter(header)
    start = raw.rfind(b"\n", 0, offset) + 1
    index = raw[start:offset].decode("utf-8", errors="replace").count(delimiter)
    names = header.split(delimiter)
    return names[index].strip() if index < len(names) else None


def _sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _records(text: str, delimiter: str, where: str) -> list[tuple[int, list[str]]]:
    """Non-blank records with the line each starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records, start = [], 1
    try:
        for fields in reader:
            if any(f.strip() for f in fields):
                records.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataValidationError(
            where,
            start,
            None,
            "csv_syntax",
            "well-formed CSV (quotes closed and doubled)",
            f"a syntax error ({exc})",
        ) from None
    return records


def _check_header(header: list[str], line: int, spec: TableSpec, where: str) -> None:
    expected = ",".join(spec.columns)
    missing = [c for c in spec.columns if c not in header]
    extra = [c for c in header if c not in spec.columns]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if not (missing or extra or repeated):
        return
    problems = []
    if missing:
        problems.append("missing column(s) " + ", ".join(f'"{c}"' for c in missing))
    if extra:
        problems.append(
            "unexpected column(s) " + ", ".join(f'"{c}"' for c in extra) + " (renamed?)"
        )
    if repeated:
        problems.append("repeated column(s) " + ", ".join(f'"{c}"' for c in repeated))
    raise DataValidationError(
        where,
        line,
        (missing or extra or repeated)[0],
        "header",
        f'the header "{expected}"',
        f'"{",".join(header)}": ' + "; ".join(problems),
    )


def _wrong_field_count(
    where: str, line: int, header: list[str], fields: list[str], spec: TableSpec, delimiter: str
) -> None:
    """A row with more or fewer fields than the header; name the likely column."""
    column, hint = None, ""
    extra = len(fields) - len(header)
    if extra > 0 and delimiter == ",":
        hint = "; a value with an unquoted comma? Quote it"
        for i, name in enumerate(header):
            kind = spec.field(name).kind if name in spec.columns else ""
            parts = [p.strip() for p in fields[i : i + extra + 1]]
            if (
                kind in ("int", "float")
                and re.fullmatch(r"[-+]?\d+", parts[0])
                and all(re.fullmatch(r"\d+", p) for p in parts[1:])
            ):
                column, value = name, ",".join(parts)
                hint = (
                    f'; the number "{value}" was split at its comma(s) (decimal comma or '
                    "thousands separators): write it with a dot as decimal mark and without "
                    f'thousands commas, or quote it ("{value}")'
                )
                break
    raise DataValidationError(
        where,
        line,
        column,
        "field_count",
        f"{len(header)} fields, as in the header",
        f"{len(fields)} fields{hint}",
    )


# --- normalisation ------------------------------------------------------------------------


def _normalise_number(cell: str) -> tuple[str, str | None]:
    changes = []
    if THOUSANDS.fullmatch(cell):
        cell = re.sub(r"[ \u00a0\u202f]", "", cell)
        changes.append("removed the thousands separators")
    if DECIMAL_COMMA.fullmatch(cell) and not AMBIGUOUS_COMMA.fullmatch(cell):
        cell = cell.replace(",", ".")
        changes.append("replaced the decimal comma by a dot")
    return cell, " and ".join(changes) or None


def _normalise_date(cell: str) -> tuple[str, str | None]:
    m = RU_DATE.fullmatch(cell)
    if not m:
        return cell, None
    day, month, year = m.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}", "converted a DD.MM.YYYY date to ISO"


NORMALISERS = {"int": _normalise_number, "float": _normalise_number, "date": _normalise_date}


def _normalise(column: pd.Series, f: Field, where: str) -> pd.Series:
    normaliser = NORMALISERS.get(f.kind)
    if normaliser is None:
        return column
    out = column.copy()
    for line, cell in column.dropna().items():
        new, change = normaliser(cell)
        if change:
            log.warning(
                '%s, line %d, column "%s": %s ("%s" read as %s).',
                where,
                line,
                f.name,
                change,
                cell,
                new,
            )
            out[line] = new
    return out


# --- validation and messages --------------------------------------------------------------


def _validate(
    schema: pa.DataFrameSchema,
    frame: pd.DataFrame,
    spec: TableSpec,
    cells: pd.DataFrame,
    where: str,
    extra_rules: Iterable[Rule] = (),
) -> None:
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise _first_problem(exc.failure_cases, frame, spec, cells, where, extra_rules) from None


def _first_problem(
    failures: pd.DataFrame,
    frame: pd.DataFrame,
    spec: TableSpec,
    cells: pd.DataFrame,
    where: str,
    extra_rules: Iterable[Rule],
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
        return DataValidationError(where, line, column, rule, expected, found, more)

    if check in rules:
        rule = rules[check]
        found = rule.found(frame, line) if rule.found else _quote(cells.at[line, column])
        return error(rule.name, rule.expected, found)
    if check == "multiple_fields_uniqueness":  # reported on the last line, naming all
        shown = ", ".join(f"{k}={_show(frame.at[line, k])}" for k in spec.key)
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
        hint = ""
        if f and f.kind in ("int", "float") and AMBIGUOUS_COMMA.fullmatch(str(cell)):
            hint = " (a comma followed by three digits may be a thousands separator: ambiguous)"
        return error(check, expected, _quote(cell) + hint)
    return error(check, expected, "a value that fails this check")


def _same_key(frame: pd.DataFrame, key: tuple[str, ...], line: int) -> list[int]:
    """Lines whose key equals the key on `line`."""
    same = (frame[list(key)] == frame.loc[line, list(key)]).all(axis=1)
    return [int(n) for n in frame.index[same]]


def _quote(cell) -> str:
    return "an empty cell" if cell is None or pd.isna(cell) else f'"{cell}"'


def _show(value) -> str:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or pd.isna(value):
        return "(empty)"
    return _num(value) if isinstance(value, int | float) else str(value)


def _num(value: float) -> str:
    return str(int(value)) if float(value) == int(value) else repr(float(value))


__all__ = [
    "DataValidationError",
    "Field",
    "Rule",
    "TABLES",
    "TableSpec",
    "load_table",
    "load_tables",
]
