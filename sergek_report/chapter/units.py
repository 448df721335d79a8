"""Quantities with their units, as the report prints them: the noun agrees with the number.

One place for how a value in a unit is written («72 месяца», «2,6 раза», «23 192
комплексо-месяца», «18 %», «1 июля 2026 г.»), used for assumptions, key figures, the changes
block and the scenario page. `key_figure` adds the precision policy of `fmt`: figures taken
from a source are printed as the source states them, estimates rounded to what their inputs
support («≈ 181 тыс. тенге», «≈ 4,2 млрд тенге»).
"""

from __future__ import annotations

import datetime as dt
import math

from sergek_report import labels as L
from sergek_report.chapter import fmt, precision

# Units as written in params/*.yaml and metrics.json -> the forms the number agrees with
# (the catalog of the report's words, labels.py).
UNIT_FORMS = L.UNIT_FORMS
# How many times: a ratio below one is a bare number («0,89 от оценки», not «0,89 раза»).
RATIO_UNIT = "раз"


def quantity(value: object, unit: str, digits: int = 2) -> str:
    """A value in its unit, exact to `digits` decimals (no trailing zeros)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return fmt.MISSING
    if isinstance(value, str | dt.date):
        try:
            return fmt.date_long(value)
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, list | tuple) and len(value) == 2:
        return quantity_range(value[0], value[1], unit, digits)
    if unit == "%":
        return fmt.percent(value, digits)
    if unit == L.YEAR_UNIT:  # a calendar year: «2021 год», no digit groups
        return f"{fmt.year(int(value))}{fmt.NBSP}{L.translate(unit)}"
    if unit == "тенге":
        return fmt.tenge(value)
    if unit == RATIO_UNIT and abs(float(value)) < 1:  # «0,89», never «0,89 раза»
        return fmt.plain(value, digits)
    if unit in UNIT_FORMS:
        return fmt.count(value, UNIT_FORMS[unit], 0 if float(value).is_integer() else digits)
    if unit in ("", "дата"):
        return fmt.plain(value, digits)
    noun, _, tail = unit.partition(" ")
    if noun in UNIT_FORMS:  # a counted noun and what it is per: «3 773 фунта за камеру в год»
        return f"{quantity(value, noun, digits)} {tail}"
    return f"{fmt.plain(value, digits)}{fmt.NBSP}{L.translate(unit)}"


def quantity_range(low: object, high: object, unit: str, digits: int = 2) -> str:
    """A range in its unit, the unit once (fmt's rule for ranges): «10–60 дней», «14,25–18 %»,
    «3 500 000–13 000 000 тенге», «2020–2022»; dates, which contain spaces, with a spaced
    dash: «1 марта 2026 г. — 1 июля 2026 г.»."""
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high))
    if not numbers:
        return f"{quantity(low, unit, digits)} \u2014 {quantity(high, unit, digits)}"
    if unit == L.YEAR_UNIT:
        return fmt.year_range(int(low), int(high))
    whole = float(low).is_integer() and float(high).is_integer()
    places = 0 if whole else digits
    if unit in UNIT_FORMS:
        return fmt.count_range(low, high, UNIT_FORMS[unit], places)
    if unit in ("", "дата"):
        return fmt.number_range(low, high, places)
    return fmt.number_range(low, high, places, L.translate(unit))


def key_figure(value: object, unit: str, basis: str, name: str = "") -> str:
    """A key figure at the precision its basis supports: a sourced figure as the source gives
    it, a derived or assumption-based one rounded (estimates never to the last tenge). A
    quantity that other places print too has its precision declared once (`precision`,
    by the figure's `name`), so the key-figures table prints it as they do."""
    if name and isinstance(value, int | float) and precision.declared(name):
        return precision.figure(name, value, unit)
    if basis.startswith("source:") or not isinstance(value, int | float):
        return quantity(value, unit)
    if unit == "тенге":
        return fmt.estimate(value)
    if unit == "%":
        return fmt.percent(value, 1)
    if unit in ("комплексо-месяцев", "АПК", "комплексов"):
        return quantity(round(value), unit)
    return quantity(value, unit, 2 if abs(value) < 10 else 1)


def spread_shown(figures) -> bool:
    """Whether a row of the joint calculation's P10, median and P90 (as printed) tells
    anything: not all of them print the same. «≈ 1,0 | ≈ 1,0 | ≈ 1,0» said only that the
    figure does not move at the precision it is printed to (review s10c); the chapter that
    reports it gives that figure."""
    return len(set(figures)) > 1
