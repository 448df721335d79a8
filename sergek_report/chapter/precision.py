"""One precision per quantity: a figure the report prints in more than one place (the memo,
a chapter, the key-figures table) is printed the same way in each.

`fmt` says how a number is written; this module says, once for each such quantity, to what
precision, by the quantity's name in the key figures (`build/metrics.py`, metrics.json), not by
the place that prints it. The decision tables and the chapters' inline values call the same
functions as the key-figures table (`units.key_figure` looks the name up here):

- the proposed budget lines: billions at the step the model rounds them up to, «27 млрд
  тенге» (a finer step, its tenth: «34,1»);
- the options' figures (2027 cash and present value, with P10–P90) and
  the payments of 2020–2025: billions with one decimal, «0,7», «30,3», «11,3 млрд тенге»;
- the estimate of the monthly tariff from the obligations (an exact source figure divided by
  an assumed term): whole tenge, «181 064 тенге»;
- the average payment per complex-month (a payment the source rounds to a tenth of a billion,
  ±2 %, divided by interpolated complex-months): whole thousands, marked «≈», «≈ 162 тыс.
  тенге»; the options' current price, the midpoint of the two estimates, likewise, «≈ 171 тыс.
  тенге»; a ratio built on that payment likewise one decimal, «≈ 6,7 раза»;
- the ratios near one that compare two estimates (the base case and P10–P90): two decimals,
  trailing zeros kept, «1,00», «0,89», so that a range never reads «от 1 до 1,03»;
- the annual tariff and the obligations per complex: millions with two decimals, «2,17 млн
  тенге», «13,04 млн тенге»;
- the complex-months of 2020–2025 (an interpolation): thousands with one decimal, «69,7 тыс.
  комплексо-месяцев».

A column that holds two of these quantities in one unit prints each at its own precision in
that unit (`in_units`): in the reconciliation's column of tenge, the tariff estimate «181 064»
and the average payment «≈ 162 000», the same rounding as «≈ 162 тыс. тенге», never «181 064»
above «≈ 162 тыс.».
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sergek_report import labels as L
from sergek_report.chapter import fmt


def billions(x: float) -> str:
    """Billions with one decimal, no unit: 9.6e9 -> "9,6" (the options, the payments)."""
    return fmt.number(x / 1e9, 1)


def line_billions(x: float) -> str:
    """Billions at the step the model rounds the proposed budget lines up to, no unit: 25e9 ->
    "25"; a finer step (params: budget_line_step 0,1) prints its tenth, 31.9e9 -> "31,9",
    never a line rounded again to a figure it is not."""
    billions = round(x / 1e9, 1)
    return fmt.number(billions, 0 if billions.is_integer() else 1)


def millions(x: float) -> str:
    """Millions with two decimals, no unit: 2_172_768 -> "2,17"."""
    return fmt.number(x / 1e6, 2)


def thousands(x: float) -> str:
    """Thousands with one decimal, no unit: 69_701.5 -> "69,7"."""
    return fmt.number(x / 1e3, 1)


def approx_thousands(x: float) -> str:
    """Whole thousands marked as rounded, no unit: 161_713.5 -> "≈ 162"."""
    return f"{fmt.APPROX}{fmt.NBSP}{fmt.integer(round(x / 1e3))}"


def approx_tenths(x: float) -> str:
    """One decimal marked as rounded, no unit: 6.7308 -> "≈ 6,7"."""
    return f"{fmt.APPROX}{fmt.NBSP}{fmt.number(x, 1)}"


def hundredths(x: float) -> str:
    """Two decimals, trailing zeros kept: 1.0 -> "1,00", 0.8931 -> "0,89"."""
    return fmt.number(x, 2)


def whole(x: float) -> str:
    """Whole units with grouped thousands: 181_064.01 -> "181 064"."""
    return fmt.integer(round(x))


# Name of a key figure (a regular expression matched in full) -> the number's text and the
# scale word that follows it (labels.NUMBER_WORDS), declared once.
QUANTITIES: tuple[tuple[re.Pattern, Callable[[float], str], str], ...] = (
    # every option of the appraisal: «stopgap_cash_2027_p10», «service_present_value_p50», …
    (
        re.compile(r"\w+_(?:cash_2027|cash_total|present_value)_(?:point|p10|p50|p90)"),
        billions,
        "billion",
    ),
    (re.compile(r"payments_2020_2025_at_\w+"), billions, "billion"),
    # the proposed budget lines: at the step the model rounds them up to
    (re.compile(r"budget_line_\d{4}"), line_billions, "billion"),
    (re.compile(r"monthly_tariff_estimate"), whole, ""),
    (re.compile(r"implied_monthly_tariff_from_payments"), approx_thousands, "thousand"),
    # the current price of the options: the midpoint of the two estimates, one of them the
    # rounded payment's, so no more precise than it
    (re.compile(r"current_monthly_price"), approx_thousands, "thousand"),
    (re.compile(r"fines_to_payments_ratio"), approx_tenths, ""),
    (re.compile(r"tariff_estimates_ratio|estimates_ratio_(?:p10|p50|p90)"), hundredths, ""),
    # the payments at estimate 2 against «общая стоимость»: the rounding of the one payment
    # alone (±2 %) moves it by ±0,02, more than the spread of the assumptions: one decimal
    (re.compile(r"estimate2_vs_total_cost_(?:p10|p50|p90)"), approx_tenths, ""),
    (re.compile(r"annual_tariff_estimate|obligations_per_complex"), millions, "million"),
    (re.compile(r"complex_months_2020_2025"), thousands, "thousand"),
)


def declared(name: str) -> tuple[Callable[[float], str], str] | None:
    """The precision declared for the key figure `name`: (number's text, scale word key)."""
    for pattern, text, scale in QUANTITIES:
        if pattern.fullmatch(name):
            return text, scale
    return None


_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def in_units(name: str, value: float) -> str | None:
    """The key figure `name` at its declared precision, written out in its plain unit without
    a scale word, for a column of one unit: "≈ 162 000" for "≈ 162 тыс." (the same rounding),
    "181 064" as it is; None when no precision is declared for it, or when it has decimals at
    its scale ("2,17 млн" is not written out)."""
    found = declared(name)
    if found is None:
        return None
    text, scale = found
    printed = text(value)
    if not scale:
        return printed
    approx = f"{fmt.APPROX}{fmt.NBSP}"
    number = printed.removeprefix(approx)
    if "," in number:
        return None
    whole = int(re.sub(r"\D", "", number)) * _SCALES[scale]
    return printed[: len(printed) - len(number)] + fmt.integer(whole)


def figure(name: str, value: float, unit: str) -> str | None:
    """The key figure `name` as every place prints it, with its scale and unit: "0,7 млрд
    тенге", "181 064 тенге"; None when no precision is declared for it."""
    found = declared(name)
    if found is None:
        return None
    text, scale = found
    number = text(value)
    words = [number]
    if scale:
        words.append(L.NUMBER_WORDS[scale])
    if unit == "раз" and abs(value) < 1:  # «0,89 от оценки», never «0,89 раза»
        pass
    elif unit in L.UNIT_FORMS:  # a counted unit agrees with the printed number: «≈ 6,7 раза»
        # after a scale word it agrees with the scale word: «69,7 тыс. комплексо-месяцев»
        # (the form of «0», the genitive plural), never «69,7 тыс. комплексо-месяца»
        counted = "0" if scale else number.split(fmt.NBSP)[-1]
        words.append(fmt.plural(counted, L.UNIT_FORMS[unit]))
    elif unit:
        words.append(L.translate(unit))
    return fmt.NBSP.join(words)
