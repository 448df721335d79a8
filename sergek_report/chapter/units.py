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
from sergek_report.chapter import fmt

# Units as written in params/*.yaml and metrics.json -> the forms the number agrees with
# (the catalog of the report's words, labels.py).
UNIT_FORMS = L.UNIT_FORMS


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
        return (
            f"{quantity(value[0], unit, digits)} {fmt.EN_DASH} {quantity(value[1], unit, digits)}"
        )
    if unit == "%":
        return fmt.percent(value, digits)
    if unit == L.YEAR_UNIT:  # a calendar year: «2021 год», no digit groups
        return f"{fmt.year(int(value))}{fmt.NBSP}{L.translate(unit)}"
    if unit == "тенге":
        return fmt.tenge(value)
    if unit in UNIT_FORMS:
        return fmt.count(value, UNIT_FORMS[unit], 0 if float(value).is_integer() else digits)
    if unit in ("", "дата"):
        return fmt.plain(value, digits)
    return f"{fmt.plain(value, digits)}{fmt.NBSP}{L.translate(unit)}"


def key_figure(value: object, unit: str, basis: str) -> str:
    """A key figure at the precision its basis supports: a sourced figure as the source gives
    it, a derived or assumption-based one rounded (estimates never to the last tenge)."""
    if basis.startswith("source:") or not isinstance(value, int | float):
        return quantity(value, unit)
    if unit == "тенге":
        return fmt.estimate(value)
    if unit == "%":
        return fmt.percent(value, 1)
    if unit in ("комплексо-месяцев", "АПК", "комплексов"):
        return quantity(round(value), unit)
    return quantity(value, unit, 2 if abs(value) < 10 else 1)
