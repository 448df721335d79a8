"""Russian formatting of numbers, counts and dates for everything a reader sees.

One place, so that the text, the tables and the charts of the report write the same figure
the same way. Numbers and dates come from babel (locale "ru"): the group separator is the
no-break space U+00A0 and the long date ends in "\u202fг." exactly as babel writes them.

Mechanics, applied to every function:
- rounding is half-up (13,045 -> "13,05"), as a reader rounds by hand, not babel's half-even;
- negative numbers carry the real minus sign U+2212, not the hyphen babel uses;
- a unit word (%, млн, млрд, тенге, a counted noun) is joined by a no-break space, so it
  never starts a line;
- a missing value (None, NaN, pandas NA) prints as an em dash "—", the Russian "no data".

Precision policy (the report's single rule book; the built report is tested against it):
1. Estimates are rounded to what their inputs support and marked "≈": `estimate()` keeps two
   significant digits by default («≈ 4,2 млрд тенге»), never the last tenge. A quantity printed
   in several places (memo, chapter, key figures) has its precision declared once, by the
   quantity, in `precision.py` («181 064 тенге», «11,3 млрд тенге» wherever they appear).
2. Reported figures are printed as the source states them: `reported()` prints the value at the
   source's precision with the source's qualifier («более 7 млрд тенге»), exact sums in full with
   `tenge()` («9 986 042 340 тенге»).
3. No trailing zeros in text: «7 млрд», «2,6 раза», «18 %», not «7,00 млрд», «2,60 раза»,
   «18,0 %» (`plain`, `ratio`, `percent`, `millions`, `billions`, `compact_tenge`, `count`).
   Only `number()` keeps a fixed number of decimals, for table columns that align on the comma.
4. One style for ranges: numbers joined by an en dash without spaces, the unit once at the
   end, the noun agreeing with the last number: «60–84 месяца», «8,4–8,6 %», «2019–2025»
   (`number_range`, `percent_range`, `count_range`, `year_range`); in words, the unit once
   too: «от 10 до 60 дней», «от 37,8 до 37,9 %» (`span`). Ranges of dates, which contain
   spaces, use a spaced dash: «январь 2020 — август 2022»; within a year «январь–ноябрь
   2024»; a range never has two equal ends (`period`).
5. A count agrees with its noun by the Russian plural rules (babel's CLDR rules for "ru"):
   «1 641 комплекс», «2 комплекса», «23 192 комплексо-месяца», «72 месяца», «11 месяцев»;
   a fraction takes the genitive singular: «2,6 раза», «1,5 месяца» (`plural`, `count`).
6. Dates are Russian everywhere, chart axes included: «1 марта 2026 г.» (`date_long`),
   «апрель 2019» (`month_year`), «апреля 2019» (`month_genitive`), «1 января 2026»
   (`date_genitive`), «янв. 2020» on axes (`month_year_short`); never ISO dates such as
   2026-03-01 or 2024-01. In Kazakh the year comes first, as in official texts: «2026 жылғы
   31 желтоқсан», «2019 жылғы сәуір» (month_year and month_genitive alike: the translator
   adds the case, «2019 жылғы сәуірден бері»), «2020 ж. қаң.» on axes (DATE_PATTERNS).
"""

from __future__ import annotations

import datetime as dt
import re
import string
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal, get_decimal_symbol

from sergek_report import labels
from sergek_report.chapter import kazakh
from sergek_report.model.dates import as_date

LOCALE = "ru"
# Date patterns of another language (babel's CLDR data). The official Kazakh form of a date
# is «2026 жылғы 31 желтоқсан», where CLDR's "long" abbreviates «ж.», and of a month
# «2019 жылғы сәуір», where CLDR's standalone "LLLL yyyy" gives «Сәуір 2019»: the year
# first, the month last, so that a case ending goes on the month («2019 жылғы сәуірден»).
# The genitive of a Russian month («с апреля 2019 года») is the same phrase in Kazakh: the
# case is the translator's («{v1}[abl] бері»). On chart axes, CLDR's yMMM: «2020 ж. қаң.».
# Months are lower case in running text (the format-context MMMM is; a standalone LLL
# abbreviation is lowered by _lower).
DATE_PATTERNS = {
    "kk": {
        "long": "yyyy 'жылғы' d MMMM",
        "month_year": "yyyy 'жылғы' MMMM",
        "genitive": "yyyy 'жылғы' MMMM",
        "date_genitive": "yyyy 'жылғы' d MMMM",
        "month_year_short": "yyyy 'ж'. LLL",
        # a span within one year: «2022 жылғы қаңтар–тамыз»
        "period_same_year": ("yyyy 'жылғы' MMMM", "MMMM"),
    },
}
NBSP = "\u00a0"
MINUS = "\u2212"
MISSING = "\u2014"

__all__ = [
    "EN_DASH",
    "LOCALE",
    "MINUS",
    "MISSING",
    "NBSP",
    "billions",
    "compact_tenge",
    "count",
    "count_in_words",
    "count_range",
    "date_genitive",
    "date_long",
    "estimate",
    "fill",
    "in_words",
    "inflect",
    "integer",
    "mid_sentence",
    "millions",
    "millions_range",
    "month_genitive",
    "month_short",
    "month_year",
    "month_year_short",
    "number",
    "number_range",
    "numbered",
    "percent",
    "percent_range",
    "period",
    "plain",
    "plural",
    "ratio",
    "reported",
    "signed_percent",
    "span",
    "status_label",
    "tenge",
    "year",
    "year_range",
]

EN_DASH = "\u2013"
APPROX = "\u2248"


def _locale() -> str:
    """The report's language (labels.use_language): babel's locale for numbers and dates."""
    return labels.LANGUAGE


def _lower(text: str) -> str:
    """Kazakh months in running text are lower case; Russian ones already are."""
    return text.lower() if _locale() != LOCALE else text


def _is_missing(x: object) -> bool:
    """True for None, NaN, NaT and pandas NA: values that print as an em dash."""
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _decimal(x: float | int | Decimal) -> Decimal:
    if isinstance(x, bool):
        raise TypeError("a boolean is not a number to format")
    value = x if isinstance(x, Decimal) else Decimal(str(x))
    if not value.is_finite():
        raise ValueError(f"cannot format the non-finite number {x!r}")
    return value


def _rounded(x: float | int | Decimal, digits: int) -> Decimal:
    """Round half-up to `digits` decimals; a result of zero loses its sign ("0", not "−0")."""
    if digits < 0:
        raise ValueError(f"digits must be >= 0, got {digits}")
    value = _decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return abs(value) if value == 0 else value


def rounded(x: float | int, digits: int) -> float:
    """`x` as `number` prints it at `digits` decimals (half-up): 7,6 -> 8.0, 6,5 -> 7.0."""
    return float(_rounded(x, digits))


def _format(value: Decimal, digits: int, trim: bool = False) -> str:
    """babel's Russian digits and separators, with a real minus sign.

    `trim` drops trailing zeros of the fraction (and the comma if nothing is left).
    """
    pattern = "#,##0" + (("." + ("#" if trim else "0") * digits) if digits else "")
    text = format_decimal(value, format=pattern, locale=_locale())
    return text.replace("-", MINUS)


def number(x: float | int | None, digits: int = 2) -> str:
    """Decimal number with a fixed number of decimals: 13.036 -> "13,04".

    For table columns that align on the decimal comma; in text use `plain` (no trailing zeros).
    """
    if _is_missing(x):
        return MISSING
    return _format(_rounded(x, digits), digits)


def plain(x: float | int | None, digits: int = 2) -> str:
    """Number rounded to at most `digits` decimals, without trailing zeros: 7.0 -> "7",
    2.604 -> "2,6" (digits=1), 13.036 -> "13,04"."""
    if _is_missing(x):
        return MISSING
    return _format(_rounded(x, digits), digits, trim=True)


def integer(x: float | int | None) -> str:
    """Whole number with grouped thousands: 9986042340 -> "9 986 042 340" (NBSP groups)."""
    return number(x, 0)


def ratio(x: float | int | None, digits: int = 2) -> str:
    """How many times one quantity is another: 1991 / 766 -> "2,6" (no trailing zeros)."""
    return plain(x, digits)


def percent(x_percent: float | int | None, digits: int = 1) -> str:
    """A value already in percent: 12.3 -> "12,3 %", 18.0 -> "18 %" (NBSP before the sign)."""
    if _is_missing(x_percent):
        return MISSING
    return f"{plain(x_percent, digits)}{NBSP}%"


def signed_percent(x_percent: float | int | None, digits: int = 1) -> str:
    """A change in percent with its sign: "+4,5 %", "−37,8 %"; zero has no sign."""
    if _is_missing(x_percent):
        return MISSING
    value = _rounded(x_percent, digits)
    sign = "+" if value > 0 else ""
    return f"{sign}{_format(value, digits, trim=True)}{NBSP}%"


def millions(x: float | int | None, digits: int = 2) -> str:
    """Amount in millions: 13036608.8 -> "13,04 млн", 7e6 -> "7 млн"."""
    if _is_missing(x):
        return MISSING
    return f"{plain(_decimal(x) / Decimal(10**6), digits)}{NBSP}{labels.NUMBER_WORDS['million']}"


def billions(x: float | int | None, digits: int = 2) -> str:
    """Amount in billions: 9986042340 -> "9,99 млрд", 7e9 -> "7 млрд"."""
    if _is_missing(x):
        return MISSING
    return f"{plain(_decimal(x) / Decimal(10**9), digits)}{NBSP}{labels.NUMBER_WORDS['billion']}"


def _scaled_range(low, high, digits: int, power: int, word: str) -> str:
    """A range of amounts in 10**power, the scale word (labels.NUMBER_WORDS) once."""
    if _is_missing(low) or _is_missing(high):
        return MISSING
    scale = Decimal(10**power)
    return number_range(
        _decimal(low) / scale, _decimal(high) / scale, digits, labels.NUMBER_WORDS[word]
    )


def millions_range(low: float | int | None, high: float | int | None, digits: int = 2) -> str:
    """A range of amounts in millions, the scale word once: (3.5e6, 13e6) -> "3,5–13 млн"."""
    return _scaled_range(low, high, digits, 6, "million")


def billions_range(low: float | int | None, high: float | int | None, digits: int = 2) -> str:
    """A range of amounts in billions, the scale word once: (2.61e9, 3.13e9), 1 -> "2,6–3,1
    млрд"; one figure when both ends print alike."""
    return _scaled_range(low, high, digits, 9, "billion")


def tenge(x: float | int | None) -> str:
    """Exact amount in tenge: 9986042340 -> "9 986 042 340 тенге"."""
    if _is_missing(x):
        return MISSING
    return f"{integer(x)}{NBSP}{labels.NUMBER_WORDS['tenge']}"


def compact_tenge(x: float | int | None, digits: int = 2) -> str:
    """Tenge at a readable scale: "181 064 тенге", "13,04 млн тенге", "4,2 млрд тенге".

    The scale is chosen on the rounded value, so 999 999 999 reads "1 млрд тенге" rather
    than "1 000 млн тенге".
    """
    if _is_missing(x):
        return MISSING
    value = _decimal(x)
    if abs(_rounded(value / Decimal(10**6), digits)) >= 1000:
        return f"{billions(x, digits)}{NBSP}{labels.NUMBER_WORDS['tenge']}"
    if abs(_rounded(value, 0)) >= 10**6:
        return f"{millions(x, digits)}{NBSP}{labels.NUMBER_WORDS['tenge']}"
    return tenge(x)


# --- estimates and reported figures ---------------------------------------------------------


def _significant(value: Decimal, significant: int) -> Decimal:
    if value == 0:
        return value
    exponent = value.adjusted() - significant + 1
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


# The scale words are the catalog's (labels.NUMBER_WORDS).
_SCALES = ((Decimal(10**9), "billion"), (Decimal(10**6), "million"), (Decimal(10**3), "thousand"))


def _scaled(value: Decimal, digits: int | None = None, significant: int | None = None) -> str:
    """A magnitude with млрд / млн / тыс. (thousands only below a million), trimmed.

    With `significant`, the value is first rounded to that many significant digits and
    printed with exactly the decimals that remain; otherwise with at most `digits`.
    """
    if significant is not None:
        value = _significant(value, significant)
    word = ""
    for factor, name in _SCALES:
        if abs(value) >= factor:
            value, word = value / factor, labels.NUMBER_WORDS[name]
            break
    places = max(0, -value.normalize().as_tuple().exponent) if digits is None else digits
    if significant is not None and abs(value) >= 1:
        # the decimals the significant digits imply, a final zero kept: «≈ 5,0» beside «≈ 4,2»
        places = max(0, significant - len(str(int(abs(value)))))
    places = min(places, 3)
    text = _format(_rounded(value, places), places, trim=significant is None)
    return f"{text}{NBSP}{word}" if word else text


def estimate(x: float | int | None, unit: str = "тенге", significant: int = 2) -> str:
    """An estimate, rounded to `significant` digits and marked "≈":
    4_199_236_545 -> "≈ 4,2 млрд тенге", 181_064 -> "≈ 180 тыс. тенге" (significant=2),
    "≈ 181 тыс. тенге" (significant=3). An empty unit prints the number alone."""
    if _is_missing(x):
        return MISSING
    text = _scaled(_decimal(x), significant=significant)
    unit = labels.translate(unit)
    return f"{APPROX}{NBSP}{text}{NBSP}{unit}" if unit else f"{APPROX}{NBSP}{text}"


def reported(
    x: float | int | None, unit: str = "тенге", qualifier: str = "", digits: int = 2
) -> str:
    """A figure as its source states it, at the source's precision, with its qualifier:
    reported(7e9, qualifier="более") -> "более 7 млрд тенге"; reported(94e9) -> "94 млрд тенге"."""
    if _is_missing(x):
        return MISSING
    text = _scaled(_decimal(x), digits=digits)
    parts = [p for p in (labels.translate(qualifier), text, labels.translate(unit)) if p]
    return NBSP.join(parts)


# --- counts: numeral agreement -------------------------------------------------------------

_PLURAL = None


def _plural_category(n: Decimal) -> str:
    """CLDR plural category of a printed number: one, few, many or other (fractions)."""
    global _PLURAL
    if _PLURAL is None:
        from babel import Locale

        _PLURAL = Locale(LOCALE).plural_form
    return _PLURAL(n)


def _as_printed(n: float | int | Decimal | str) -> Decimal:
    """The number as the reader sees it: "2,6" / "1 641" / 2.0 -> Decimal (2.0 reads "2")."""
    if isinstance(n, str):
        text = n.replace(NBSP, "").replace("\u202f", "").replace(" ", "").replace(",", ".")
        text = text.replace(MINUS, "-")
        value = Decimal(text)
    else:
        value = _decimal(n)
    value = abs(value)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def plural(n: float | int | Decimal | str, forms: tuple[str, ...] | list[str]) -> str:
    """The noun form that agrees with `n`: forms are (one, few, many) — («комплекс»,
    «комплекса», «комплексов») — optionally with a fourth form for fractions; without it a
    fraction takes the genitive singular, which is the "few" form: «2,6 раза», «1,5 месяца».

    `n` may be the printed text ("2,6", "1 641"): agreement follows what the reader sees."""
    if len(forms) not in (3, 4):
        raise ValueError(f"forms must be (one, few, many[, fraction]), got {forms!r}")
    if _locale() != LOCALE:
        # Kazakh: the noun after a numeral stays in the singular («1 641 кешен», «72 ай»);
        # Russian forms written in an inline expression are the catalog's words too.
        return labels.translate(forms[0])
    category = _plural_category(_as_printed(n))
    if category == "other":  # a fraction
        return forms[3] if len(forms) == 4 else forms[1]
    return forms[{"one": 0, "few": 1, "many": 2}[category]]


def count(n: float | int | None, forms: tuple[str, ...] | list[str], digits: int = 0) -> str:
    """A number with the noun that agrees with it: count(1641, ("комплекс", "комплекса",
    "комплексов")) -> "1 641 комплекс"; count(2.604, ("раз", "раза", "раз"), 1) -> "2,6 раза";
    count(72, ("месяц", "месяца", "месяцев")) -> "72 месяца"."""
    if _is_missing(n):
        return MISSING
    text = plain(n, digits)
    return f"{text}{NBSP}{plural(text, forms)}"


def _number_words(case: str) -> dict[int, str]:
    """The catalog's small numbers in words in `case` ("nominative" or "genitive")."""
    return {"nominative": labels.NUMBERS_IN_WORDS, "genitive": labels.NUMBERS_IN_WORDS_GENITIVE}[
        case
    ]


def in_words(n: float | int | None, case: str = "nominative") -> str:
    """A small whole number in words, as running prose says it: in_words(2) -> "два",
    in_words(2, "genitive") -> "двух" («для двух из пяти»); a number beyond
    labels.NUMBERS_IN_WORDS or a fraction in digits: "11", "1,5"."""
    if _is_missing(n):
        return MISSING
    value = _rounded(n, 1)
    words = _number_words(case).get(int(value)) if value == int(value) else None
    return words if words is not None else plain(n, 1)


def count_in_words(
    n: float | int | None,
    forms: tuple[str, ...] | list[str],
    digits: int = 1,
    case: str = "nominative",
) -> str:
    """A small whole count in words with the noun that agrees with it, as prose says it
    (masculine nouns): count_in_words(1, ("год", "года", "лет")) -> "один год";
    (2, …месяц…) -> "два месяца"; a count beyond labels.NUMBERS_IN_WORDS or a fraction is
    written in digits, as `count` writes it: "11 лет", "1,5 года". In the genitive the forms
    are the noun's genitive (singular, plural, plural): count_in_words(5, ("участника",
    "участников", "участников"), case="genitive") -> "пяти участников"."""
    if _is_missing(n):
        return MISSING
    value = _rounded(n, digits)
    words = _number_words(case).get(int(value)) if value == int(value) else None
    if words is None:
        return count(n, forms, digits)
    return f"{words}{NBSP}{plural(int(value), forms)}"


# --- ranges --------------------------------------------------------------------------------


def number_range(
    low: float | int | None, high: float | int | None, digits: int = 1, unit: str = ""
) -> str:
    """Two numbers joined by an en dash without spaces, the unit once: "8,4–8,6 %",
    "60–84"; no trailing zeros."""
    if _is_missing(low) or _is_missing(high):
        return MISSING
    first, last = _same_decimals(plain(low, digits), plain(high, digits))
    text = last if first == last else f"{first}{EN_DASH}{last}"  # never «5–5»
    return f"{text}{NBSP}{unit}" if unit else text


def _same_decimals(first: str, last: str) -> tuple[str, str]:
    """Two ends that both have decimals print as many of them: «1,10–1,92», not «1,1–1,92»
    (a trailing zero dropped from one end read as a coarser figure); «1,5–2» stays."""
    comma = get_decimal_symbol(_locale())
    if comma not in first or comma not in last:
        return first, last
    first_places, last_places = len(first.split(comma)[1]), len(last.split(comma)[1])
    places = max(first_places, last_places)
    return first + "0" * (places - first_places), last + "0" * (places - last_places)


def percent_range(low: float | int | None, high: float | int | None, digits: int = 1) -> str:
    """A range of percentages: (8.4, 8.6) -> "8,4–8,6 %"."""
    return number_range(low, high, digits, "%")


def count_range(
    low: float | int | None,
    high: float | int | None,
    forms: tuple[str, ...] | list[str],
    digits: int = 0,
) -> str:
    """A range with a counted noun agreeing with the last number: "60–84 месяца"."""
    if _is_missing(low) or _is_missing(high):
        return MISSING
    text = number_range(low, high, digits)
    return f"{text}{NBSP}{plural(plain(high, digits), forms)}"


def span(
    low: float | int | None,
    high: float | int | None,
    forms: tuple[str, ...] | list[str] | None = None,
    digits: int = 0,
    unit: str = "",
) -> str:
    """A range said in words, the unit once at the end: "от 10 до 60 дней", "от 37,8 до
    37,9 %". `forms` are the noun's (one, few, many) in the nominative, as for `count`; after
    «до» the noun is in the genitive: the singular (the "few" form) after 1, 21, …, the plural
    (the "many" form) otherwise: "до 21 дня", "до 60 дней"."""
    if _is_missing(low) or _is_missing(high):
        return MISSING
    low_text, high_text = plain(low, digits), plain(high, digits)
    if forms is not None:
        genitive = (forms[1], forms[2], forms[2], forms[1])
        unit = plural(high_text, genitive)
    tail = f"{NBSP}{unit}" if unit else ""
    if low_text == high_text:  # never «от 5 до 5 дней»
        return f"{high_text}{NBSP}{plural(high_text, forms)}" if forms else high_text + tail
    return fill(labels.NUMBER_WORDS["span"], low=low_text, high=high_text + tail)


def year(d: int | dt.date | pd.Timestamp | str | None) -> str:
    """A calendar year as it is written, without a group separator: 2027 -> "2027"."""
    if _is_missing(d):
        return MISSING
    return str(d if isinstance(d, int) else as_date(d).year)


def year_range(start: int | dt.date | None, end: int | dt.date | None) -> str:
    """Years joined by an en dash: "2019–2025"."""
    if _is_missing(start) or _is_missing(end):
        return MISSING
    years = [v if isinstance(v, int) else as_date(v).year for v in (start, end)]
    return str(years[0]) if years[0] == years[1] else f"{years[0]}{EN_DASH}{years[1]}"


# --- dates ---------------------------------------------------------------------------------


def date_long(d: dt.date | dt.datetime | pd.Timestamp | str | None) -> str:
    """Full Russian date: 2026-03-01 -> "1 марта 2026 г." (babel 'long', U+202F before г.)."""
    if _is_missing(d):
        return MISSING
    return format_date(as_date(d), _pattern("long", "long"), locale=_locale())


_DAY_AND_MONTH = re.compile(r"(?<!\d)(\d{1,2}) (?=\w)")


def day_with_month(date: str) -> str:
    """A long date whose day never parts from its month, in either language's order: «22
    декабря / 2026 г.», «2026 жылғы / 22 желтоқсан»."""
    return _DAY_AND_MONTH.sub(rf"\1{NBSP}", date, count=1)


def _pattern(name: str, russian):
    """The date pattern `name` of the report's language, or the Russian one ("long" is
    babel's named format; None where Russian has no pattern of that name)."""
    return DATE_PATTERNS.get(_locale(), {}).get(name, russian)


def date_genitive(d: dt.date | dt.datetime | pd.Timestamp | str | None) -> str:
    """Day, month in the genitive and year, without «г.», for «к 1 января 2026 года»:
    2026-01-01 -> "1 января 2026"; in Kazakh the whole date, «2026 жылғы 1 қаңтар»."""
    if _is_missing(d):
        return MISSING
    return format_date(as_date(d), _pattern("date_genitive", "d MMMM y"), locale=_locale())


def month_year(d: dt.date | dt.datetime | pd.Timestamp | str | None) -> str:
    """Month and year in the nominative: 2019-04-01 -> "апрель 2019" (standalone month);
    in Kazakh «2019 жылғы сәуір»."""
    if _is_missing(d):
        return MISSING
    return _lower(format_date(as_date(d), _pattern("month_year", "LLLL yyyy"), locale=_locale()))


def month_short(d: dt.date | dt.datetime | pd.Timestamp | str | None) -> str:
    """Abbreviated standalone month, for chart labels: "янв.", "май", "сент."; «қаң.»."""
    if _is_missing(d):
        return MISSING
    return _lower(format_date(as_date(d), "LLL", locale=_locale()))


def month_year_short(d: dt.date | dt.datetime | pd.Timestamp | str | None) -> str:
    """Abbreviated month and year, for chart axes and narrow tables: "янв. 2020"; in Kazakh
    the year first, «2020 ж. қаң.»."""
    if _is_missing(d):
        return MISSING
    pattern = _pattern("month_year_short", "LLL yyyy")
    return _lower(format_date(as_date(d), pattern, locale=_locale()))


def period(start: object, end: object, whole_year: bool = True, year_apart: bool = False) -> str:
    """A span of months: "январь 2020 — август 2022" (spaced dash: both ends contain spaces);
    within one year the months joined by an en dash: "январь–ноябрь 2024"; a whole calendar
    year is the year: "2023" (with `whole_year=False`, in a column of month spans, its months:
    "январь–декабрь 2023"); one month is that month: "январь 2020" (never "январь 2020 —
    январь 2020"). In Kazakh the year first, written once: «2020 жылғы қаңтар — 2022 жылғы
    тамыз», «2024 жылғы қаңтар–қараша». With `year_apart` (a row whose year is in a column of
    its own) a span within one year is its months only, the year said once: "январь–ноябрь",
    "январь"."""
    if _is_missing(start) or _is_missing(end):
        return MISSING
    first, last = as_date(start), as_date(end)
    whole = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    if year_apart and first.year == last.year and not (whole and whole_year):
        months = [_lower(format_date(d, "LLLL", locale=_locale())) for d in (first, last)]
        return months[0] if first.month == last.month else EN_DASH.join(months)
    if (first.year, first.month) == (last.year, last.month):
        return month_year(first)
    if first.year == last.year:
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and whole_year:
            return year(first)
        same_year = _pattern("period_same_year", None)
        if same_year:  # «2024 жылғы қаңтар–қараша»
            ends = [
                format_date(d, p, locale=_locale())
                for d, p in zip((first, last), same_year, strict=True)
            ]
            return _lower(EN_DASH.join(ends))
        month = _lower(format_date(first, "LLLL", locale=_locale()))
        return f"{month}{EN_DASH}{month_year(last)}"
    return f"{month_year(first)} \u2014 {month_year(last)}"


def listed(items: list[str]) -> str:
    """Items of one cell joined by «; », each after the first as it reads inside a sentence:
    ["Разрыв …", "Приостановка договора судом"] -> "Разрыв …; приостановка договора судом"
    (never a capital after a semicolon)."""
    return "; ".join([*items[:1], *(mid_sentence(item) for item in items[1:])])


def mid_sentence(text: object) -> str:
    """A data cell or label written to stand alone («Управление цифровизации», «Решение
    маслихата …»), as it reads inside a sentence, after a colon: its first letter in lower
    case («управление цифровизации»), unless the first word is an abbreviation («ГЧП», «МРП»)
    or a single capital letter, or a name (labels.PROPER_NAMES: «Қарағанды шарты …»)."""
    text = str(text)
    first = re.split(r"[\s(«»,.:;]", text, maxsplit=1)[0]
    if first in labels.PROPER_NAMES:
        return text
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


STATUS_LABELS = labels.STATUS_LABELS  # the words live in the catalog, labels.py


def status_label(status: str, period_basis: object = None, unverified: bool = False) -> str:
    """Russian label of a data row's status (reported / derived / estimate / planned); a row
    whose period's start the authors assumed (`period_basis` «assumed», data/payments.csv)
    says so beside the amount's status: «сумма — по источнику; период — допущение авторов».
    A reported row whose source's page was not found (`unverified`) reads «не проверено»,
    as the tables' source lines say (review s20r: «по источнику» read as checked)."""
    if unverified and status == "reported":
        return labels.CHAPTER["unverified"]
    label = STATUS_LABELS.get(str(status), str(status))
    if period_basis == "assumed":
        return labels.STATUS_PERIOD_ASSUMED.format(status=label)
    return label


def month_genitive(d: object) -> str:
    """Month in the genitive with the year, for "с апреля 2019 года" ("апреля 2019"); in
    Kazakh «2019 жылғы сәуір», where the translator writes the case («{v1}[abl] бері»)."""
    if _is_missing(d):
        return MISSING
    if _locale() in DATE_PATTERNS:
        pattern = DATE_PATTERNS[_locale()]["genitive"]
        return _lower(format_date(as_date(d), pattern, locale=_locale()))
    return format_date(as_date(d), "MMMM y", locale=LOCALE)


# --- grammatical case (Kazakh): «{v1}[dat] дейін» -> «31 желтоқсанға дейін» ------------------


def inflect(text: str, case: str) -> str:
    """A formatted value in a grammatical case, for the placeholder «{v1}[dat]» of a translated
    message: in Kazakh the ending follows the value («2026 жылғы 31 желтоқсан» -> «… 31
    желтоқсанға», «1 641» -> «1 641-ге»; chapter.kazakh); the Russian text never asks for it,
    and in Russian the value is returned as it is."""
    kazakh.check_case(case)
    return kazakh.inflect(text, case) if _locale() == "kk" else text


def numbered(label: str, n: int) -> str:
    """A numbered caption's label: «Таблица 3» in Russian; in Kazakh the ordinal in digits
    with a hyphen before its noun, «3-кесте» (as «136-бап»; the orthography rule in
    docs/translation.md)."""
    if _locale() == "kk":
        return f"{n}-{label[:1].lower()}{label[1:]}"
    return f"{label} {n}"


_CASE_SUFFIX = re.compile(r"\{(\w+)\}\[(\w+)\](?!\()")  # {date}[abl], as translations.PLACEHOLDER


class _CaseFormatter(string.Formatter):
    """str.format, where a field's format spec may be a case name (fill writes {date}[abl]
    as {date:abl})."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec in kazakh.CASES:
            return inflect(format(value, ""), format_spec)
        return super().format_field(value, format_spec)


def fill(template: str, **values: object) -> str:
    """A catalog template with its values, as str.format, where a translation may ask for a
    value's case: fill("{date}[dat] дейін", date="2026 жылғы 31 желтоқсан") -> «2026 жылғы 31
    желтоқсанға дейін»."""
    return _CaseFormatter().format(_CASE_SUFFIX.sub(r"{\1:\2}", template), **values)
