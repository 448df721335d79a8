"""Russian formatting of numbers and dates for everything a reader sees.

One place, so that the text, the tables and the charts of the report write the same figure
the same way. Numbers and dates come from babel (locale "ru"): the group separator is the
no-break space U+00A0 and the long date ends in "\u202fг." exactly as babel writes them.

Choices made here, applied to every function:
- rounding is half-up (13,045 -> "13,05"), as a reader rounds by hand, not babel's half-even;
- negative numbers carry the real minus sign U+2212, not the hyphen babel uses;
- a unit word (%, млн, млрд, тенге) is joined by a no-break space, so it never starts a line;
- a missing value (None, NaN, pandas NA) prints as an em dash "—", the Russian "no data".
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from .dates import as_date

LOCALE = "ru"
NBSP = "\u00a0"
MINUS = "\u2212"
MISSING = "\u2014"

__all__ = [
    "LOCALE",
    "MINUS",
    "MISSING",
    "NBSP",
    "billions",
    "compact_tenge",
    "date_long",
    "integer",
    "millions",
    "month_year",
    "number",
    "percent",
    "ratio",
    "signed_percent",
    "tenge",
]


def _is_missing(x: object) -> bool:
    """True for None, NaN, NaT and pandas NA: values that print as an em dash."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _rounded(x: float | int | Decimal, digits: int) -> Decimal:
    """Round half-up to `digits` decimals; a result of zero loses its sign ("0", not "−0")."""
    if digits < 0:
        raise ValueError(f"digits must be >= 0, got {digits}")
    if isinstance(x, bool):
        raise TypeError("a boolean is not a number to format")
    value = x if isinstance(x, Decimal) else Decimal(str(x))
    if not value.is_finite():
        raise ValueError(f"cannot format the non-finite number {x!r}")
    value = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return abs(value) if value == 0 else value


def _format(value: Decimal, digits: int) -> str:
    """babel's Russian digits and separators, with a real minus sign."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    text = format_decimal(value, format=pattern, locale=LOCALE)
    return text.replace("-", MINUS)


def number(x: float | int | None, digits: int = 2) -> str:
    """Decimal number with a fixed number of decimals: 13.036 -> "13,04"."""
    if _is_missing(x):
        return MISSING
    return _format(_rounded(x, digits), digits)


def integer(x: float | int | None) -> str:
    """Whole number with grouped thousands: 9986042340 -> "9 986 042 340" (NBSP groups)."""
    return number(x, 0)


def ratio(x: float | int | None, digits: int = 2) -> str:
    """How many times one quantity is another: 1991 / 766 -> "2,60"."""
    return number(x, digits)


def percent(x_percent: float | int | None, digits: int = 1) -> str:
    """A value already in percent: 12.3 -> "12,3 %" (NBSP before the sign, Russian style)."""
    if _is_missing(x_percent):
        return MISSING
    return f"{number(x_percent, digits)}{NBSP}%"


def signed_percent(x_percent: float | int | None, digits: int = 1) -> str:
    """A change in percent with its sign: "+4,5 %", "−37,8 %"; zero has no sign."""
    if _is_missing(x_percent):
        return MISSING
    value = _rounded(x_percent, digits)
    sign = "+" if value > 0 else ""
    return f"{sign}{_format(value, digits)}{NBSP}%"


def millions(x: float | int | None, digits: int = 2) -> str:
    """Amount in millions: 13036608.8 -> "13,04 млн"."""
    if _is_missing(x):
        return MISSING
    return f"{number(Decimal(str(x)) / Decimal(10**6), digits)}{NBSP}млн"


def billions(x: float | int | None, digits: int = 2) -> str:
    """Amount in billions: 9986042340 -> "9,99 млрд"."""
    if _is_missing(x):
        return MISSING
    return f"{number(Decimal(str(x)) / Decimal(10**9), digits)}{NBSP}млрд"


def tenge(x: float | int | None) -> str:
    """Exact amount in tenge: 9986042340 -> "9 986 042 340 тенге"."""
    if _is_missing(x):
        return MISSING
    return f"{integer(x)}{NBSP}тенге"


def compact_tenge(x: float | int | None, digits: int = 2) -> str:
    """Tenge at a readable scale: "181 064 тенге", "13,04 млн тенге", "4,20 млрд тенге".

    The scale is chosen on the rounded value, so 999 999 999 reads "1,00 млрд тенге" rather
    than "1 000,00 млн тенге".
    """
    if _is_missing(x):
        return MISSING
    value = Decimal(str(x))
    if abs(_rounded(value / Decimal(10**6), digits)) >= 1000:
        return f"{billions(x, digits)}{NBSP}тенге"
    if abs(_rounded(value, 0)) >= 10**6:
        return f"{millions(x, digits)}{NBSP}тенге"
    return tenge(x)


def date_long(d: dt.date | dt.datetime | pd.Timestamp | str | None) -> str:
    """Full Russian date: 2026-03-01 -> "1 марта 2026 г." (babel 'long', U+202F before г.)."""
    if _is_missing(d):
        return MISSING
    return format_date(as_date(d), "long", locale=LOCALE)


def month_year(d: dt.date | dt.datetime | pd.Timestamp | str | None) -> str:
    """Month and year in the nominative: 2019-04-01 -> "апрель 2019" (standalone month)."""
    if _is_missing(d):
        return MISSING
    return format_date(as_date(d), "LLLL yyyy", locale=LOCALE)


STATUS_LABELS = {
    "reported": "по источнику",
    "derived": "расчёт",
    "estimate": "оценка",
    "planned": "план",
    "not_found": "не найдено",
}


def status_label(status: str) -> str:
    """Russian label of a data row's status (reported / derived / estimate / planned)."""
    return STATUS_LABELS.get(str(status), str(status))


def month_genitive(d: object) -> str:
    """Month in the genitive with the year, for "с апреля 2019 года" ("апреля 2019")."""
    return format_date(as_date(d), "MMMM y", locale=LOCALE)
