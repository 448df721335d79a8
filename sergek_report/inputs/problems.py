"""How a problem in a data file is told: one paragraph naming file, line, column and rule.

`data_error` builds the project's `DataValidationError` (see `errors.py`) with the attributes
`.file`, `.row` (line in the file, header = 1), `.column`, `.rule`, `.expected`, `.found` and
`.more` (further problems found in the same pass). The helpers below render cell values for
these messages: short, with invisible characters spelled out, never the raw bytes.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from sergek_report.errors import DataValidationError

# Longest excerpt of a cell quoted in a message: a 40 MB cell must not become a 40 MB message.
EXCERPT = 60

# Characters that do not show on screen and are rejected anywhere in a file: C0/C1 controls
# (NUL included; tab, CR and LF are allowed), DEL, soft hyphen, zero-width space/joiners,
# direction marks and embeddings, word joiner and invisible operators, a BOM inside the text,
# interlinear annotation marks, and the invisible tag characters.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)


def data_error(
    file: str,
    row: int | None,
    column: str | None,
    rule: str,
    expected: str,
    found: str,
    more: int = 0,
) -> DataValidationError:
    """The error for one problem; `more` counts the other problems of the same pass."""
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
    err = DataValidationError(text)
    err.file, err.row, err.column = file, row, column
    err.rule, err.expected, err.found, err.more = rule, expected, found, more
    return err


def char_name(char: str) -> str:
    """`U+200B ZERO WIDTH SPACE`; control characters get their usual short names."""
    names = {"\x00": "NUL", "\x7f": "DELETE"}
    name = names.get(char) or unicodedata.name(char, "") or "a control character"
    return f"U+{ord(char):04X} {name}"


def visible(text: str) -> str:
    """`text` on one line, each invisible character written as <U+XXXX>, cut to an excerpt."""
    cut = text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
    cut = cut.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", cut)


def quote(cell) -> str:
    """A cell as written in the file, for the "found" part of a message."""
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return "an empty cell"
    text = str(cell)
    suffix = f" ({len(text)} characters)" if len(text) > EXCERPT else ""
    return f'"{visible(text)}"{suffix}'


def show(value) -> str:
    """A typed value (date, number, text) for a message."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or pd.isna(value):
        return "(empty)"
    return num(value) if isinstance(value, int | float) else visible(str(value))


def num(value: float) -> str:
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        return repr(value)
    return str(int(value)) if value == int(value) else repr(value)
