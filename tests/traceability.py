"""Where each number printed in the report comes from (used by test_traceability.py).

A number of the PDF text traces when it equals, as printed (same decimals, at a scale of 1, hundred
(an index over its base of 100), thousand, million or billion, sign ignored; a whole number
written out to its groups of zeros, «≈ 162 000», rounded where its zeros begin), a value of one
of:
- a numeric cell of data/*.csv; a number inside a text cell (a quote or a note of a sourced
  row) only when that cell's text is itself printed in the report (a number merely present
  somewhere in a CSV text cell does not vouch for a sentence that types it by hand);
- a value, range bound or rationale of an assumption in the parameter file;
- a key figure of metrics.json or of the published baseline (the old values of the section
  «Что изменилось с прошлого выпуска»), or any number the model computed (every field of `Results`,
  its tables included: growth steps, the real tariff by year, tornado rows, option ranges…);
- a label of a chart (axis ticks and value labels, read from the SVG of the HTML report);
- the allow-list below, each entry with its reason.
Page numbers, chapter/table/figure numbers, list markers, dates and years are removed first.
"""

from __future__ import annotations

import csv
import html as html_lib
import json
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from pathlib import Path

import yaml

MONTHS = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    "январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь"
)
PUBLISHED = Path(__file__).resolve().parent.parent / "published" / "metrics.json"
GROUP_SPACE = "\u00a0\u202f\u2009"
# a decimal comma, or the decimal dot of a page quoted as it is written («115.75%», "KZT 458.7")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
SCALES = tuple(Decimal(10**k) for k in (0, 2, 3, 6, 9))  # 100: an index against its base

# number as printed -> why it needs no data row
ALLOWED = {
    "0": "zero: a minimum of a range or an empty count",
    "1": "«1 января», «приоритет 1» and first-of-month dates",
    "2": "«2 мес.» of the two-month bridge is the assumption stopgap_months; also list markers",
    "3": "«на 3 года» (term_years of the service anchors); list markers",
    "4": "list markers",
    "5": "list markers",
    "6": "list markers; «6 мес.» is ppp_competition_months",
    "12": "months in a year (per-complex-year prices are per 12 months)",
    "100": "«декабрь 2021 = 100»: the base of the price index",
    "33": "days from the edition date (28 Nov 2026) to the end of the contract (31 Dec 2026)",
}


def decimals(text: str) -> int:
    text = text.replace(".", ",")
    return len(text.split(",", 1)[1]) if "," in text else 0


def _join_groups(text: str, spaces: str) -> str:
    return re.sub(rf"(?<=\d)[{spaces}](?=\d{{3}}(?!\d))", "", text)


def normalised(text: str) -> str:
    """Digit groups joined ("1 641" -> "1641"), dates, years and numbering removed."""
    text = _join_groups(text, GROUP_SPACE)
    text = re.sub(rf"\b\d{{1,2}}[\s{GROUP_SPACE}]+({MONTHS})\b", " ", text)
    text = re.sub(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", " ", text)
    text = re.sub(r"\b(19|20)\d{2}\b(–\d{4})?", " ", text)
    text = re.sub(r"(Таблица|Рисунок|Глава|глава|ст\.|п\.|пп\.)\s*\d+", " ", text)
    # the numbers of the source list a source line cites: «№ 3, 17, 45», «№ 70»
    text = re.sub(r"№\s*\d+(?:,\s*\d+)*", " ", text)
    text = re.sub(r"(?m)^\s*\d+\.\s", " ", text)  # list markers, "2. Title"
    text = re.sub(r"(?m)^\s*\d+\s*$", " ", text)  # page numbers
    text = re.sub(r"\.{3,}\s*\d+", " ", text)  # contents: dot leaders and page numbers
    return text


def printed_numbers(text: str) -> list[str]:
    return NUMBER.findall(normalised(text))


def _numbers_in(value: str) -> list[Decimal]:
    value = _join_groups(str(value), " " + GROUP_SPACE)
    found = []
    for match in re.findall(r"\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?", value):
        try:
            found.append(abs(Decimal(match.replace(",", "."))))
        except ArithmeticError:
            continue
    return found


def _is_text(cell: str) -> bool:
    return bool(re.search(r"[^\W\d_]", cell)) and not re.fullmatch(r"[-+\d.,eE\s]+", cell)


def _plain(markup: str) -> str:
    """Text without tags and with one kind of space, for "is this cell printed?"."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", markup))
    return re.sub(rf"[\s{GROUP_SPACE}\u00ad]+", " ", text).strip()


def _flatten(obj, out: set[Decimal], depth: int = 0) -> None:
    """Every number inside a result: floats, frames, series, dataclasses, tuples, dicts."""
    import dataclasses
    import math

    import pandas as pd

    if depth > 4 or obj is None or isinstance(obj, str | bool):
        return
    if isinstance(obj, int | float):
        if math.isfinite(obj):
            out.add(abs(Decimal(str(float(obj)))))
    elif isinstance(obj, pd.DataFrame):
        for column in obj.columns:
            _flatten(obj[column], out, depth + 1)
    elif isinstance(obj, pd.Series):
        for v in obj.tolist():
            _flatten(v, out, depth + 1)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            _flatten(getattr(obj, f.name), out, depth + 1)
        # the figures a result derives from its fields («всего 105»: the lines' sum)
        for name, member in vars(type(obj)).items():
            if isinstance(member, property):
                _flatten(getattr(obj, name), out, depth + 1)
    elif isinstance(obj, tuple | list):
        for v in obj:
            _flatten(v, out, depth + 1)
    elif isinstance(obj, dict):
        for v in obj.values():
            _flatten(v, out, depth + 1)
    elif type(obj).__module__ == "numpy" and getattr(obj, "size", 1) != 1:
        return  # the appraisal's draws: inputs of the model, not printed figures
    elif type(obj).__module__ == "numpy" and hasattr(obj, "item"):  # numpy scalars
        _flatten(obj.item(), out, depth + 1)


def known_values(
    data_dir: Path, params_file: Path, metrics_file: Path, html: str, results=None
) -> dict:
    """Every traceable value, by where it comes from."""
    values: dict[str, set[Decimal]] = {
        "data": set(),
        "params": set(),
        "metrics": set(),
        "model": set(),
    }
    if results is not None:
        _flatten(results, values["model"])
        # the drivers' shares of a spread are printed as percentages («Цена сервиса … (85 %)»)
        shares = results.appraisal.contributions.to_numpy().ravel()
        values["model"].update(abs(Decimal(str(100 * float(v)))) for v in shares)
    report_text = _plain(html)
    for path in sorted(data_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    # a counted noun at a cell's start is made to agree with its number
                    # (deployment.csv `counted`): the rest of the cell is printed as written
                    rest = _plain(cell.split(" ", 1)[-1])
                    if not _is_text(cell) or _plain(cell) in report_text or rest in report_text:
                        values["data"].update(_numbers_in(cell))
    params = yaml.safe_load(params_file.read_text(encoding="utf-8"))
    for entry in params["assumptions"].values():
        for item in (entry["value"], *entry["range"], entry.get("rationale", "")):
            values["params"].update(_numbers_in(item))
    names = {}
    for path in (metrics_file, PUBLISHED):
        names[path] = set()
        for metric in json.loads(path.read_text(encoding="utf-8"))["metrics"]:
            values["metrics"].add(abs(Decimal(str(metric["value"]))))
            names[path].add(metric["name"])
    # the figures a moved key figure is computed from, which the changes block's reason
    # prints old → new: this edition's and the published edition's (metrics.json `drivers`)
    for path in (metrics_file, PUBLISHED):
        drivers = json.loads(path.read_text(encoding="utf-8")).get("drivers", {})
        values["metrics"].update(abs(Decimal(str(v))) for v in drivers.values())
    # the changes block counts the key figures new since the published baseline
    values["metrics"].add(Decimal(len(names[metrics_file] - names[PUBLISHED])))
    # the key-figures table counts its rows when it shows only the first of them
    values["metrics"].add(Decimal(len(names[metrics_file])))
    chart_text = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", html))
    values["charts"] = {Decimal(n.replace(",", ".")) for n in printed_numbers(chart_text)}
    return values


def traces(printed: str, values: set[Decimal]) -> bool:
    """True when some value, rounded half-up as printed at some scale, gives `printed`."""
    target = Decimal(printed.replace(",", "."))
    quantum = Decimal(1).scaleb(-decimals(printed))
    with localcontext() as ctx:
        ctx.prec = 60
        for v in values:
            for scale in SCALES:
                try:
                    scaled = v / scale
                    if scaled.quantize(quantum, rounding=ROUND_HALF_UP) == target:
                        return True
                    # estimates to two significant digits («≈ 530 млн тенге»)
                    if quantum == 1 and scaled >= 100 and target == _significant(scaled, 2):
                        return True
                    # a whole figure written out to its groups of zeros, «≈ 162 000» for
                    # «≈ 162 тыс.» in a column of tenge: rounded where its zeros begin
                    if quantum == 1 and target >= 1000 and target % 1000 == 0:
                        zeros = Decimal(1).scaleb(3 * _zero_groups(int(target)))
                        if scaled.quantize(zeros, rounding=ROUND_HALF_UP) == target:
                            return True
                except InvalidOperation:
                    continue
    return False


def _zero_groups(number: int) -> int:
    """How many trailing groups of three zeros a whole number has: 162000 -> 1."""
    groups = 0
    while number and number % 1000 == 0:
        number, groups = number // 1000, groups + 1
    return groups


def _significant(value: Decimal, digits: int) -> Decimal:
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def untraced(text: str, values: dict) -> tuple[list[str], int]:
    """The printed numbers that trace to nothing, and how many numbers were checked.

    Digit groups separated by an ordinary space (text copied from a data cell, "5 034 камеры")
    are joined when the joined number traces; otherwise they stay separate numbers (two cells
    of a table row, "414 460")."""
    pool = set().union(*values.values())

    def join_if_traced(match: re.Match) -> str:
        joined = match.group(0).replace(" ", "")
        return joined if traces(joined, pool) else match.group(0)

    text = re.sub(r"(?<![\d,])\d{1,3}(?: \d{3})+(?![\d,])", join_if_traced, normalised(text))
    numbers = NUMBER.findall(text)
    found = {n: n in ALLOWED or traces(n, pool) for n in set(numbers)}
    missing = [n for n in numbers if not found[n]]
    return missing, len(numbers)
