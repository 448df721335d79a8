"""Reading one CSV file of data/ as text cells, tolerant of what Excel writes.

`read_cells(path, where, spec)` returns the cells as stripped strings (None when empty),
indexed by line number (header = line 1), in the declared column order. On the way it

- decodes UTF-8 (a leading BOM is removed) or, when the file is not UTF-8, Windows-1251 if that
  gives plausible Russian text;
- detects the delimiter (comma; semicolon and tab are accepted);
- rejects invisible characters (NUL, zero-width space/joiner, a BOM inside the text, …);
- checks the header and the number of fields of every row.

`normalise(cells, spec, where)` then rewrites the unambiguous spellings of Excel with a Russian
locale and non-ASCII digits in number and date cells. Every accepted change is logged at
WARNING on the logger `sergek_report.data`; every rejection is a `DataValidationError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import unicodedata
from pathlib import Path

import pandas as pd

from sergek_report.inputs.problems import INVISIBLE, char_name, data_error, visible
from sergek_report.inputs.schema import Field, TableSpec
from sergek_report.inputs.typography import bind, typeset

log = logging.getLogger("sergek_report.data")

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
# Characters a Windows-1251 file of this project may contain beyond ASCII: Russian letters,
# Kazakh/Ukrainian І і, typographic quotes and dashes, №, NBSP, degree and section signs.
CP1251_PLAUSIBLE = re.compile(r"[\t\r\n\x20-\x7eА-яЁёІі«»–—№…“”„‘’\u00a0°§]*")
THOUSANDS = r"[-+]?[0-9]{1,3}([ \u00a0\u202f][0-9]{3})+([.,][0-9]+)?"
DECIMAL_COMMA = r"[-+]?[0-9]+,[0-9]+"
# "1,641": a comma followed by exactly three digits may be a thousands separator.
AMBIGUOUS_COMMA = re.compile(r"[-+]?[0-9]{1,3},[0-9]{3}")
RU_DATE = r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})"
FIRST_LINE = re.compile(r"^.*\S.*$", re.M)  # the first line that is not blank
# Changes logged one by one per column and kind of change; the rest are counted.
LOG_LIMIT = 50


# --- reading ------------------------------------------------------------------------------


def read_cells(path: Path, where: str, spec: TableSpec) -> pd.DataFrame:
    """Cells as stripped strings (None when empty), indexed by line number."""
    if not path.is_file():
        raise data_error(
            where,
            None,
            None,
            "file",
            f"the table {spec.name} ({', '.join(spec.columns)})",
            "no such file",
        )
    text = decode(path.read_bytes(), where)
    if not text.strip():
        raise data_error(
            where,
            1,
            None,
            "not_empty",
            f"a header line ({','.join(spec.columns)})",
            "an empty file (file is empty)",
        )
    delimiter = sniff_delimiter(FIRST_LINE.search(text).group())
    if delimiter != ",":
        log.warning(
            "%s, line 1: fields are separated by %s (%r), not commas; read as such.",
            where,
            DELIMITERS[delimiter],
            delimiter,
        )
    lines, rows = records(text, delimiter, where)
    header = [h.strip() for h in rows[0]]
    if INVISIBLE.search(text):
        _invisible(text, lines, rows, header, where)
    del text
    _check_header(header, lines[0], spec, where)
    if len(rows) == 1:
        raise data_error(
            where,
            lines[0] + 1,
            None,
            "not_empty",
            "at least one data row after the header",
            "no data rows",
        )
    width = len(header)
    for line, fields in zip(lines, rows, strict=True):
        if len(fields) != width:
            _wrong_field_count(where, line, header, fields, spec, delimiter)
    position = {name: i for i, name in enumerate(header)}
    columns = list(zip(*rows[1:], strict=True))
    del rows
    index = pd.Index(lines[1:], name="line")
    return pd.DataFrame(
        {name: _stripped(columns[position[name]], index) for name in spec.columns}, index=index
    )


def _stripped(values: tuple[str, ...], index: pd.Index) -> pd.Series:
    """Cells without surrounding spaces; an empty cell is missing (NaN)."""
    return pd.Series([v.strip() or None for v in values], index=index, dtype="str")


def decode(raw: bytes, where: str) -> str:
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
    raise data_error(
        where,
        line,
        _column_at(raw, bad),
        "encoding",
        "UTF-8 text (Windows-1251 is also accepted)",
        f"byte 0x{raw[bad]:02x} at byte offset {bad}, which is valid in neither",
    )


def _column_at(raw: bytes, offset: int) -> str | None:
    """Best guess of the column holding byte `offset`: count delimiters on its line."""
    first = raw[: raw.find(b"\n") if b"\n" in raw else len(raw)]
    header = first.decode("utf-8", errors="replace").lstrip("\ufeff")
    delimiter = sniff_delimiter(header)
    start = raw.rfind(b"\n", 0, offset) + 1
    index = raw[start:offset].decode("utf-8", errors="replace").count(delimiter)
    names = header.split(delimiter)
    name = names[index].strip() if index < len(names) else None
    if name is None or not name.isprintable() or "\ufffd" in name:
        return None  # junk bytes in the header itself: never quoted as if they were a name
    return name


def sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def records(text: str, delimiter: str, where: str) -> tuple[list[int], list[list[str]]]:
    """Non-blank records and the line each starts on (blank and `;;;;` lines are skipped)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines, rows, start = [], [], 1
    try:
        for fields in reader:
            if "".join(fields).strip():
                lines.append(start)
                rows.append(fields)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise data_error(
            where,
            start,
            None,
            "csv_syntax",
            "well-formed CSV (quotes closed and doubled)",
            f"a syntax error ({exc})",
        ) from None
    return lines, rows


def _invisible(text: str, lines: list[int], rows: list[list[str]], header, where: str) -> None:
    """Name the first invisible character: line, column, character and where in the cell."""
    match = INVISIBLE.search(text)
    line = text.count("\n", 0, match.start()) + 1
    position = max((i for i, start in enumerate(lines) if start <= line), default=0)
    column, found = None, char_name(match.group())
    for index, cell in enumerate(rows[position] if lines else []):
        hit = INVISIBLE.search(cell)
        if hit:
            column = visible(header[index]) if index < len(header) else None
            line = lines[position] + cell.count("\n", 0, hit.start())
            found = f'{char_name(hit.group())} at character {hit.start() + 1} of "{visible(cell)}"'
            break
    raise data_error(
        where,
        line,
        column,
        "invisible_character",
        "only visible characters (no NUL or other control characters, zero-width spaces or "
        "joiners, direction marks, or byte-order marks inside the text); delete the character",
        found,
    )


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
            "unexpected column(s) " + ", ".join(f'"{visible(c)}"' for c in extra) + " (renamed?)"
        )
    if repeated:
        problems.append("repeated column(s) " + ", ".join(f'"{c}"' for c in repeated))
    raise data_error(
        where,
        line,
        visible((missing or extra or repeated)[0]),
        "header",
        f'the header "{expected}"',
        f'"{visible(",".join(header))}": ' + "; ".join(problems),
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
                and re.fullmatch(r"[-+]?[0-9]+", parts[0])
                and all(re.fullmatch(r"[0-9]+", p) for p in parts[1:])
            ):
                column, value = name, ",".join(parts)
                hint = (
                    f'; the number "{value}" was split at its comma(s) (decimal comma or '
                    "thousands separators): write it with a dot as decimal mark and without "
                    f'thousands commas, or quote it ("{value}")'
                )
                break
    raise data_error(
        where,
        line,
        column,
        "field_count",
        f"{len(header)} fields, as in the header",
        f"{len(fields)} fields{hint}",
    )


# --- normalisation ------------------------------------------------------------------------


def ascii_digits(cell: str) -> str:
    """Every decimal digit of any script (full-width ０, Arabic-Indic ٠, …) as ASCII."""
    return "".join(
        str(unicodedata.decimal(c)) if not c.isascii() and unicodedata.category(c) == "Nd" else c
        for c in cell
    )


def non_ascii_digits(cell: str) -> list[str]:
    """Names of the non-ASCII digits in `cell`, for messages."""
    return list(
        dict.fromkeys(
            char_name(c) for c in cell if not c.isascii() and unicodedata.category(c) == "Nd"
        )
    )


def normalise(cells: pd.DataFrame, spec: TableSpec, where: str) -> pd.DataFrame:
    """Number and date cells with the accepted spellings rewritten; each change logged.
    Text cells get the report's typography (a no-break space before «%», `typeset`), a
    quotation only its invisible part (`bind`): not a change of what the cell says, so not
    logged."""
    out = cells.copy()
    for f in spec.fields:
        if f.kind in ("int", "float", "date"):
            out[f.name] = _normalise_column(cells[f.name], f, where)
        elif f.kind == "text":
            out[f.name] = _typeset_column(cells[f.name], bind if f.verbatim else typeset)
    return out


def _typeset_column(s: pd.Series, typography=typeset) -> pd.Series:
    """The `typography` of each cell (`typeset`, or `bind` for a quotation), worked out once
    per distinct text: a long table repeats its texts (units, statuses, sources), and the
    typography's patterns took most of the time of reading a 100 000-row table."""
    distinct = {text: typography(text) for text in s.dropna().unique()}
    return s.map(distinct.__getitem__, na_action="ignore")


def _normalise_column(s: pd.Series, f: Field, where: str) -> pd.Series:
    present = s.notna()
    if not present.any():
        return s
    foreign = present & ~s.str.isascii().fillna(True).astype(bool)
    if foreign.any():
        s = _apply(s, foreign, ascii_digits, f, where, "wrote non-ASCII digits as 0-9")
    if f.kind == "date":
        to_iso = s.str.fullmatch(RU_DATE).fillna(False).astype(bool)
        return _apply(s, to_iso, _iso, f, where, "converted a DD.MM.YYYY date to ISO")
    thousands = s.str.fullmatch(THOUSANDS).fillna(False).astype(bool)
    s = _apply(s, thousands, _no_spaces, f, where, "removed the thousands separators")
    comma = s.str.fullmatch(DECIMAL_COMMA) & ~s.str.fullmatch(AMBIGUOUS_COMMA.pattern)
    comma = comma.fillna(False).astype(bool)
    return _apply(s, comma, _dot, f, where, "replaced the decimal comma by a dot")


def _apply(s: pd.Series, mask: pd.Series, change, f: Field, where: str, what: str) -> pd.Series:
    if not mask.any():
        return s
    s = s.copy()
    lines = s.index[mask]
    new = s[mask].map(change)
    for count, line in enumerate(lines):
        if count == LOG_LIMIT:
            log.warning(
                '%s, column "%s": %s in %d more cell(s), from line %d on.',
                where,
                f.name,
                what,
                len(lines) - LOG_LIMIT,
                line,
            )
            break
        log.warning(
            '%s, line %d, column "%s": %s ("%s" read as %s).',
            where,
            line,
            f.name,
            what,
            visible(s[line]),
            visible(new[line]),
        )
    s[mask] = new
    return s


def _iso(cell: str) -> str:
    day, month, year = re.fullmatch(RU_DATE, cell).groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _no_spaces(cell: str) -> str:
    return re.sub(r"[ \u00a0\u202f]", "", cell)


def _dot(cell: str) -> str:
    return cell.replace(",", ".")
