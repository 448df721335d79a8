"""The tables of the decision of 1 January 2027 as the report prints them (Russian text), and
its charts: the options on one basis, the path to 1 January as a tree and its dated steps.

Presentation only: the figures come from `Results.appraisal` (the options on one basis),
`Results.one_basis` and `Results.reconciliation`, the words from data/options.csv, risks.csv,
timeline.csv, gaps.csv and decision_path.csv; and the other programmes' figures the
comparisons chapter prints (data/peers.csv).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd

from sergek_report import labels as L
from sergek_report.chapter import charts, diagrams, fmt, precision, sentences, units
from sergek_report.chapter.outputs import (
    GROUP_COLUMN,
    MARKED_WORDS,
    NUMERIC_COLUMNS,
    PRINT_AS_BLOCKS,
)
from sergek_report.errors import ReportError
from sergek_report.model.appraisal import (
    AFTER_YEAR,
    CAMERA_PATH,
    CAMERA_READING,
    EXTENSION_LESS_RECOMMENDED,
    EXTENSION_YEAR,
    FIRST_DAY_PATH,
    GAP_PATH,
    KARAGANDA_FIRST_DAY,
    ONE_YEAR,
    STOPGAP_PATH,
    THROUGH_AFTER_YEAR,
)
from sergek_report.model.appraisal import YEARS as OPTION_YEARS
from sergek_report.model.budget_line import (
    EXTENSION,
)
from sergek_report.model.dates import as_date
from sergek_report.model.prices import BUDGET_YEAR
from sergek_report.model.results import Results


def bn(x: float) -> str:
    """Billions with one decimal, no unit: 9,6 (the options' precision, declared once in
    `precision`)."""
    return precision.billions(x)


def printed_difference(u, dearer: str, cheaper: str) -> str:
    """The difference of two outputs' printed medians, as a reader subtracts them: 27,4 and
    27,1 give «0,3» (reviews s41g, s41h: the median of the difference, 0,4, beside the two
    medians read as an arithmetic slip)."""
    printed = (round(u.get(output, CENTRAL) / 1e9, 1) for output in (dearer, cheaper))
    return bn((next(printed) - next(printed)) * 1e9)


def line_bn(x: float) -> str:
    """A proposed budget line in billions, no unit: 25 (the model rounds the lines up; their
    precision declared once in `precision`)."""
    return precision.line_billions(x)


# How each option of data/options.csv is priced: the key of its «basis» cell (labels.BASIS_TEXT).
OPTION_BASIS = {
    "ppp_new": "ppp_unpriced",
    "service_contract": "service_anchors",
    "municipal": "transfer_unpriced",
    "astana_style": "ppp_unpriced",
    "stopgap": "current_price",
    "extension": "extension",
}


def option_years() -> str:
    """The years the options are priced for: "2027–2029" (appraisal.YEARS)."""
    return fmt.year_range(OPTION_YEARS[0], OPTION_YEARS[-1])


# The options the memo's recommendations take (data/options.csv's option_id -> the key of
# labels.RECOMMENDED_OPTION): the service contract, and the stop-gap until it starts; marked
# in the options table (review s33f: named only in its grey note; s33i: two marks read as two
# rival choices, not one sequence).
# (reviews s38e, s38f: another extension, if the lawyers allow it, until the new contract:
# the memo's recommendation 6)
RECOMMENDED_OPTIONS = {
    "service_contract": "contract",
    "stopgap": "until_contract",
    "extension": "if_lifted",
}


def decision_matrix(options: pd.DataFrame, risks: pd.DataFrame) -> pd.DataFrame:
    """The options side by side, one short row each: can it work on 1 January, what the
    council approves, who holds the complexes and data, its main risk (the first of its risks
    in data/options.csv). Their costs are the options table's and chart's; the long texts,
    the price basis among them, are in `options_detail`. Printed as blocks (a heading line
    per option, its fields under it): as five narrow columns it hyphenated nearly every word
    of the options' names («Новый дого-вор ГЧП»)."""
    names = risks.set_index("risk_id")["risk"]
    column = {k: fmt.fill(v, **_years()) for k, v in L.MATRIX_COLUMNS.items()}
    table = pd.DataFrame(
        {
            column["option"]: [
                fmt.fill(L.RECOMMENDED_OPTION[RECOMMENDED_OPTIONS[option]], name=name)
                if option in RECOMMENDED_OPTIONS
                else name
                for option, name in zip(options["option_id"], options["short_name"], strict=True)
            ],
            column["on_decision_day"]: options["on_decision_day"],
            column["council"]: options["council_approval"],
            column["assets"]: options["owner_short"],
            column["risk"]: [names[cell.split(";")[0]] for cell in options["main_risks"]],
        }
    )
    table.attrs[PRINT_AS_BLOCKS] = True
    return table


def recommended_rows(options: pd.DataFrame) -> list[int]:
    """The rows of the options table (`decision_matrix`) the memo's recommendations take,
    printed on a tint (reviews s42h, s43a, s43b: marked only by words in a heading's
    parenthesis, they looked like the other three)."""
    return [i for i, option in enumerate(options["option_id"]) if option in RECOMMENDED_OPTIONS]


def options_detail(options: pd.DataFrame, risks: pd.DataFrame) -> pd.DataFrame:
    """What the options table (`decision_matrix`) leaves out, for the auditor: the law, the
    time to start, the price basis and all the risks of each option. What the council
    approves and who holds the complexes and the data are that table's alone (reviews s32e,
    s32i, s32j: the appendix repeated it, card for card); no figures: they are the options
    chart's."""
    names = risks.set_index("risk_id")["risk"]
    column = L.DETAIL_COLUMNS
    return pd.DataFrame(
        {
            column["option"]: options["name"],
            column["route"]: options["legal_route"],
            column["time"]: options["time_to_start"],
            column["basis"]: [
                fmt.fill(
                    L.BASIS_TEXT[OPTION_BASIS[o]],
                    year=fmt.year(OPTION_YEARS[0]),
                    path=fmt.mid_sentence(L.APPRAISAL_CHART_COMPARISON["heading"]),
                )
                for o in options["option_id"]
            ],
            column["risks"]: [
                fmt.listed([names[r] for r in cell.split(";")]) for cell in options["main_risks"]
            ],
        }
    )


def risk_register(risks: pd.DataFrame, brief: bool = False) -> pd.DataFrame:
    """The risks of the transition, the most severe first, the memo's three main risks at the
    top (review s11d: a deputy reads the register's top). The `brief` register of chapter 2:
    the risk, «высокая / высокое» and what mitigates it, a high likelihood or impact marked
    (`MARKED_WORDS`: bold, dark red; review s10c: in plain text the main risks could not be
    found by eye). The appendix's: what each assessment rests on, beside the risk's name,
    the one field chapter 2's leaves out (reviews s32e, s32i, s32j: the appendix repeated the
    register card for card, over three pages)."""
    column = L.RISK_COLUMNS
    # the appendix's in the same order as chapter 2's (review s31f: two orders of one register)
    risks = by_severity(risks)
    if not brief:
        return pd.DataFrame({column["risk"]: risks["risk"], column["evidence"]: risks["evidence"]})
    high, high_impact = L.LEVELS["high"], L.IMPACTS["high"]
    level = [
        fmt.fill(L.RISK_LEVEL, likelihood=L.LEVELS[a], impact=L.IMPACTS[b])
        for a, b in zip(risks["likelihood"], risks["impact"], strict=True)
    ]
    table = pd.DataFrame(
        {
            column["risk"]: risks["risk"],
            column["level"]: level,
            column["mitigation"]: risks["mitigation"],
        }
    )
    table.attrs[MARKED_WORDS] = {column["level"]: (high, high_impact)}
    return table


def peer_value(value, unit: str, currency: str) -> str:
    """A peer's figure as the source states it: tenge at the report's scale («8,4 млрд
    тенге»), money in another currency at the scale the report writes («164 млн долларов»),
    a count whose noun agrees with it («3 773 фунта»); a dash where the source gives none."""
    if pd.isna(value):
        return fmt.MISSING
    if unit == L.translate("тенге"):  # the unit as the edition prints it
        return fmt.compact_tenge(value)
    if currency and abs(value) >= 1e6:
        return fmt.reported(value, unit)
    return units.quantity(value, unit)


def peer_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The peers' figures (rows of data/peers.csv), each programme named once above its rows
    (`GROUP_COLUMN`), then the figure, its value, period and how comparable it is: as cards of
    one row each the programme repeated in every card («Presight (Астана)» four in a row,
    review s10c); as five columns its name took a column of the width. No rows: one row of
    dashes, the report's sign for "no data"."""
    column = L.PEER_COLUMNS
    table = pd.DataFrame(
        {
            column["name"]: rows["name"],
            column["metric"]: rows["metric"],
            column["value"]: [
                peer_value(v, u, c)
                for v, u, c in zip(
                    rows["value"], rows["unit"].fillna(""), rows["currency"].fillna(""), strict=True
                )
            ],
            column["period"]: rows["period"].fillna(""),
            column["comparability"]: rows["comparability"].fillna(""),
        }
    )
    if table.empty:
        table = pd.DataFrame({name: [fmt.MISSING] for name in table.columns})
    table.attrs[GROUP_COLUMN] = column["name"]
    table.attrs[NUMERIC_COLUMNS] = [column["value"]]
    return table


# The queues of the data request the report prints: the last queue of data/gaps.csv holds
# documents that change no figure of the report (a check, a series only quoted).
REQUEST_QUEUES = 3


def requested(gaps: pd.DataFrame) -> pd.DataFrame:
    """The gaps the data request prints: those of its first REQUEST_QUEUES queues."""
    return gaps[gaps["priority"] <= REQUEST_QUEUES]


def data_request(gaps: pd.DataFrame) -> pd.DataFrame:
    """The gaps as a request to the akimat, most urgent first."""
    ordered = requested(gaps).sort_values("priority", kind="stable")
    column = L.REQUEST_COLUMNS
    return pd.DataFrame(
        {
            column["priority"]: ordered["priority"].map(
                lambda n: fmt.fill(L.REQUEST_PRIORITY, priority=fmt.integer(n))
            ),
            column["document"]: ordered["closing_document"],
            column["holder"]: ordered["holder"],
            column["effect"]: ordered["effect_on_figures"],
        }
    )


def request_effect_column() -> str:
    """The data request's column of what each answer changes in the figures: printed under
    its request's row (in the report's language at the time of the call)."""
    return L.REQUEST_COLUMNS["effect"]


def estimate_names(results: Results) -> dict[str, str]:
    """The two estimates of the payment per complex-month as the report names them, with the
    original contract's complexes and the years of the known payment from the data:
    {"obligations": "Обязательства ÷ (766 АПК × срок)", "payments": …}."""
    values = {
        "obligations": {"complexes": fmt.integer(results.original_scope)},
        "payments": {
            "years": fmt.year_range(results.payment_period_start, results.payment_period_end)
        },
    }
    return {key: label.format(**values[key]) for key, label in L.ESTIMATE_NAMES.items()}


def reconciliation_columns(results: Results) -> dict[str, str]:
    """The reconciliation table's column names, with the years reconciled, the obligations
    ("К первоначальным обязательствам") and the extension year computed from the results."""
    rc = results.reconciliation
    values = {
        "years": fmt.year_range(rc.start, rc.end),
        "obligations": fmt.billions(rc.obligations),
        "extension_year": fmt.year(BUDGET_YEAR),
    }
    return {key: label.format(**values) for key, label in L.RECONCILIATION_COLUMNS.items()}


# The key figure of each estimate of the monthly payment (its precision is declared there).
MONTHLY = {
    "obligations": "monthly_tariff_estimate",
    "payments": "implied_monthly_tariff_from_payments",
}


def reconciliation_table(results: Results) -> pd.DataFrame:
    rc = results.reconciliation
    names = estimate_names(results)
    column = reconciliation_columns(results)
    rows = []
    for _, r in rc.table.iterrows():
        rows.append(
            {
                column["estimate"]: names.get(r["estimate"], r["estimate"]),
                # each estimate at its own quantity's precision (precision.py), both in tenge:
                # «181 064», «≈ 162 000» from a payment rounded to a tenth of a billion
                column["monthly"]: precision.in_units(MONTHLY[r["estimate"]], r["monthly"])
                or fmt.integer(round(r["monthly"])),
                column["to_end"]: bn(r["to_end"]),
                column["to_end_vs_obligations"]: precision.hundredths(r["to_end_vs_obligations"]),
                column["with_extension"]: bn(r["with_extension"]),
                column["with_extension_vs_total_cost"]: precision.hundredths(
                    r["with_extension_vs_total_cost"]
                ),
            }
        )
    table = pd.DataFrame(rows, columns=list(column.values()))
    # Every column but the estimate's name is a figure (Chapter.table right-aligns them).
    table.attrs[NUMERIC_COLUMNS] = [c for c in column.values() if c != column["estimate"]]
    return table


def _status_only(status: str, _source_id: str) -> str:
    """A row's status without its source's (a chronology built outside a chapter)."""
    return fmt.status_label(status)


def timeline_table(timeline: pd.DataFrame, as_of, row_status=_status_only) -> pd.DataFrame:
    """The chronology; a planned date before the edition's date is a deadline that passed;
    another row's status as `row_status(status, source_id)` says it (the chapter's
    Chapter.row_status: a reported event whose source's page was not found reads «не
    проверено», as the milestones' table says of the same source, review s21i)."""
    as_of = pd.Timestamp(as_of)

    def status_of(date, status, kind, source_id) -> str:
        if status in ("planned", "estimate") and pd.Timestamp(date) < as_of:
            return L.DEADLINE_PASSED
        if status == "planned" and kind == "deadline":
            return L.DEADLINE_AHEAD
        return row_status(status, source_id)

    status = [
        status_of(*row)
        for row in zip(
            timeline["date"],
            timeline["status"],
            timeline["kind"],
            timeline["source_id"],
            strict=True,
        )
    ]
    when = [
        fmt.month_year(d)
        if p == "month"
        else (
            L.APPROXIMATE_DATE.format(date=fmt.date_long(d)) if p == "approx" else fmt.date_long(d)
        )
        for d, p in zip(timeline["date"], timeline["date_precision"], strict=True)
    ]
    column = L.TIMELINE_COLUMNS
    return pd.DataFrame(
        {
            column["date"]: when,
            column["event"]: timeline["event"],
            column["status"]: status,
        }
    )


def dated_to_precision(d, precision: str) -> str:
    """A date no more precise than its source («Когда» of the other cities' table): a day or
    a month as the month, «сентябрь 2017»; a year alone, «2025»; an approximate date as
    «около 2021 г.» (on 1 January: only the year is known) or «около июня 2024 г.»."""
    day = pd.Timestamp(d)
    if precision == "year":
        return fmt.year(day)
    if precision == "approx":
        if (day.month, day.day) == (1, 1):
            return L.APPROXIMATE_YEAR.format(year=fmt.year(day))
        return L.APPROXIMATE_MONTH.format(month=fmt.month_genitive(day))
    return fmt.month_year(day)


# -- the options on one basis, the path for 1 January, what drives the spread -------------

# The rows of the options table and chart, the year-by-year table and the key figures, in
# the one order of the memo's table (review s12a, 3.7: a deputy moving between the tables and
# the chart found the paths in a different order in each): the stop-gap then the contract
# (the path realistic on 1 January), the gap then the contract (where the lawyers refuse the
# stop-gap), the contract from the first day (the budget line's case) last; each path at both
# price bases (Pavlodar's, the one price whose source is found, under each reading of
# Pavlodar's contract, then the midpoint, the base case), each part of a path right under it
# (PART_OF: printed «в том числе», never an alternative to add; the stop-gap is the same part
# of the path at any price), and today's price last, as a comparison. New equipment without
# its operation is a part of no priced path: the chart's note gives it. The decision tree
# (path_chart) keeps the order of its questions.
APPRAISAL_ROWS = (
    "service_pavlodar_region",
    "service_pavlodar_city",
    # Pavlodar's sum paid per camera: the budget line's own path (priced where the data give
    # the camera counts: `priced`)
    CAMERA_PATH,
    "stopgap",
    # the branch where the lawyers refuse the stop-gap: no contract and no enforcement for
    # the stop-gap's months (its 2027 cash is lower, the fines of those months are lost)
    "no_bridge_pavlodar_region",
    "no_bridge_pavlodar_city",
    "no_bridge_pavlodar_camera",
    "pavlodar_region",
    "pavlodar_city",
    "pavlodar_camera",
    # the paths with Karaganda's unverified price, apart from Pavlodar's (reviews s44a, s44b:
    # under each path's variant 3 they read as variant 3 with Karaganda)
    "service",
    "no_bridge",
    "announced",
    EXTENSION_YEAR,
)
PART_OF = {"stopgap": ("service_pavlodar_region", "service_pavlodar_city", CAMERA_PATH, "service")}
# no new contract in 2027: the whole year at today's price, if the ban is lifted (then the
# contract from 2028); drawn last, its name over its condition
COMPARISON = EXTENSION_YEAR
READINGS = ("region", "city")  # Pavlodar's sum for the region's complexes, then the city's
# The memo's lines' table's rows, numbered from 1 («вариант 1»): the two readings per
# complex, then per camera (reviews s29g, s29j: the memo's table of paths, a third table on its
# second page, went: the lines' table and the cases under «27 млрд не хватит» give the paths).
MEMO_VARIANTS = (*READINGS, CAMERA_READING)


def variant_number(reading: str) -> int:
    """The number of a reading of Pavlodar's contract in the memo's lines' table."""
    return MEMO_VARIANTS.index(reading) + 1


# the variants' numbers of Pavlodar's two counts of complexes (the region's, the city's) and
# of its price per camera
REGION_VARIANT, CITY_VARIANT = (variant_number(reading) for reading in READINGS)
CAMERA_VARIANT = variant_number(CAMERA_READING)


def variant_row(reading: str, case: str) -> str:
    """A row name of the memo's lines' table: «1) 420 АПК области, за комплекс»."""
    return fmt.fill(L.MEMO_VARIANT_ROW, variant=variant_number(reading), case=case)


# The branches of the path (data/decision_path.csv, budget_line) and the computations that
# price each, at Pavlodar's prices under each reading and at the midpoint (as the options
# table): the branch where the stop-gap is confirmed is the «service» path itself.
# Each branch's path at Pavlodar's prices (appraisal's names, taking a reading), and its
# midpoint's computation.
BRANCH_PATH = {
    "announced": (FIRST_DAY_PATH, "announced"),
    "bridge": (STOPGAP_PATH, "service"),
    "no_bridge": (GAP_PATH, "no_bridge"),
}
BRANCH_OUTPUT = {
    line: (*(path.format(reading=reading) for reading in READINGS), midpoint)
    for line, (path, midpoint) in BRANCH_PATH.items()
}
# The branch whose path the budget line is drawn from: the contract from the first day, the
# dearest start (model/budget_line.py)
LINE_BRANCH = "announced"
# The branch of the memo's recommendations: the stop-gap, then the contract
RECOMMENDED_BRANCH = "bridge"
# The figure printed for an option's cost beside its P10–P90: the median of the joint
# calculation (P50), as appraisal guides report it. The base case (every assumption at its
# value) puts several assumptions at the edge of their ranges, so it can lie at an edge of
# P10–P90 or outside it: it stays the pivot of the one-at-a-time charts, not the options'
# figure.
CENTRAL = "p50"


# The 2027 cost at today's price per complex: a comparison, not a path (the contract cannot
# be continued so); the memo and chapter 2 set the options against it (at their medians).
TODAY_PRICE = EXTENSION


def current_price_steps(r, central: str):
    """The steps from the 2026 payments («≈ 4,2 млрд тенге», at estimate 1) to the memo's
    today's price for 2027 («≈ 3,9»), a row each: the 2026 payments at the midpoint of the two
    estimates («≈ 4,0»), the year 2027 at that price for the whole network («≈ 4,1»), and the
    joint calculation's median, which is not the calculation at the medians (reviews s11d,
    s21d–s21j, s28e, s28i, s28j; s30i, s30j, s31f: as a sentence of four figures it was hard
    to follow)."""
    words, u, b = L.CURRENT_PRICE_STEPS, r.appraisal, r.budget
    year, budget_year = fmt.year(r.decision_day), fmt.year(BUDGET_YEAR)
    price = precision.figure("current_monthly_price", r.one_basis.current_price, "тенге")
    rows = [
        (fmt.fill(words["budget"], budget_year=budget_year), b.nominal),
        (
            fmt.fill(words["budget_mid"], price=price),
            b.nominal_at(r.one_basis.current_price),
        ),
        (
            fmt.fill(words["point"], year=year, network=fmt.integer(r.one_basis.network_high)),
            u.get(TODAY_PRICE, "point"),
        ),
        (fmt.fill(words["median"], year=year), u.get(TODAY_PRICE, central)),
    ]
    return pd.DataFrame(
        {
            words["step"]: [step for step, _ in rows],
            words["amount"]: [fmt.estimate(value) for _, value in rows],
        }
    )


def one_year_output(results: Results) -> str:
    """The 2027 cash of the line's path (its reading) when the contract is for one year only
    and pays for the new equipment within it: at most the path's and the equipment's together,
    the authors' bound (model/appraisal.py: ONE_YEAR)."""
    return f"{ONE_YEAR.format(path=results.budget_line.line_path)}.cash_{OPTION_YEARS[0]}"


def central_and_upper(results: Results, output: str, times: float = 1.0) -> tuple[str, str]:
    """An output's median and upper end (P90) in billions, as the memo prints a cost «около
    43,3 млрд (до 51,8)»; `times` scales both (a percentile scales with its output)."""
    u = results.appraisal
    return bn(u.get(output, CENTRAL) * times), bn(u.get(output, "p90") * times)


def one_year_costs(results: Results) -> tuple[str, str]:
    """The one-year contract's 2027 cost as the title page and the memo print it: its median
    and its upper end in billions («43,3», «51,8»)."""
    return central_and_upper(results, one_year_output(results))


def sum_for_one_year_costs(results: Results) -> tuple[str, str]:
    """The line's own case, the contract from 1 January at the line's variant, if Pavlodar's
    sum were a year's and not its term's (the term is the authors' reading of a second phrase
    of the one news item; reviews s43c, s43e, s43f: the memo's Table 2 left the case out): its
    2027 median and upper end in billions. That path's 2027 cash is the year's price times the
    network (no months at today's price, the growth from 2028), so each of its percentiles
    scales by the term in years exactly."""
    return central_and_upper(
        results,
        f"{results.budget_line.line_path}.cash_{OPTION_YEARS[0]}",
        results.appraisal_data.pavlodar_term_years,
    )


def first_day_output(variant: int) -> str:
    """The 2027 cash of the contract from 1 January at a variant of Pavlodar's price (its
    number in the memo's lines' table)."""
    reading = MEMO_VARIANTS[variant - 1]
    return f"{FIRST_DAY_PATH.format(reading=reading)}.cash_{OPTION_YEARS[0]}"


def factor(x: float) -> str:
    """A price factor as the steps print it, three decimals: «1,123»."""
    return fmt.number(x, 3)


# The line's path (the contract from the first day) at Karaganda's price itself: a case the
# line does not cover if Karaganda's unverified figure holds, the memo's Table 2 row (reviews
# s44g, s44i, s44k: the midpoint's figure understated what Karaganda's price would need)
LINE_KARAGANDA = f"{KARAGANDA_FIRST_DAY}.cash_{OPTION_YEARS[0]}"


def above_line(results: Results, output: str) -> bool:
    """Whether an output's 2027 median exceeds the proposed line: a case the line does not
    hold, as the memo's Table 2 lists them and the path's tree marks them («выше строки»)."""
    return results.appraisal.get(output, CENTRAL) > results.budget_line.amount


def cost_above_line(results: Results, output: str, case: str) -> str:
    """The 2027 median of a case the memo's Table 2 (when the line falls short) lists, in billions
    («53,5»), checked to exceed the proposed line: an edition whose figures put the case
    within the line (a parameter bringing Karaganda's price down to Pavlodar's) would print a
    false row, so the build stops with a message naming the row."""
    median = results.appraisal.get(output, CENTRAL)
    line = results.budget_line.amount
    if not above_line(results, output):
        raise ReportError(
            f"the memo (notebooks/01_summary.ipynb, Table 2, the cases the line does not hold) "
            f"lists «{case}» "
            f"as a case the proposed budget line does not hold, but at these figures its 2027 "
            f"cost, {bn(median)} bn tenge, is within the line of {line_bn(line)} bn: drop or "
            "reword that row (and the memo's sentence that refers to it) for these figures"
        )
    return bn(median)


def per_month_earlier(results: Results) -> float:
    """What each month of the contract before the stop-gap's end adds to 2027 at the line's
    variant, at the declared values: the contract from the first day (the line's path) less
    the stop-gap's, over the stop-gap's months (reviews s37l, s38e, s38h: a shorter
    procurement brings the contract sooner). An edition without a stop-gap adds nothing."""
    u, line = results.appraisal, results.budget_line
    months = results.assumptions.stopgap_months
    if not months:
        return 0.0
    first_day = u.get(f"{line.line_path}.cash_{OPTION_YEARS[0]}")
    stopgap = u.get(line_variant_cash(RECOMMENDED_BRANCH, results))
    return (first_day - stopgap) / months


def line_variant_output(line: str, results: Results) -> str:
    """A branch's computation at the variant of Pavlodar's price the budget line is drawn at:
    «service_pavlodar_camera» for the stop-gap's path (per camera, or the city's without the
    camera counts)."""
    return BRANCH_PATH[line][0].format(reading=results.budget_line.line_reading)


def line_variant_cash(line: str, results: Results) -> str:
    """The appraisal's output of a branch's 2027 cost at the line's variant
    («service_pavlodar_camera.cash_2027»)."""
    return f"{line_variant_output(line, results)}.cash_{OPTION_YEARS[0]}"


def recommended_path_cost(results: Results) -> str:
    """The recommended path's 2027 cost at the line's variant, its central estimate as the
    tree prints it («28,4», the procurement announced on a day drawn over the days left):
    recommendation 3 sets it beside the line, which holds the dearest start (review s44d: the
    line's case is the unlikely one)."""
    return bn(results.appraisal.get(line_variant_cash(RECOMMENDED_BRANCH, results), CENTRAL))


def first_day_cost(results: Results) -> str:
    """The contract from the first day's 2027 cost at the line's variant, its central estimate
    («29,9»): the dearest start, the one the memo derives the line from."""
    return bn(results.appraisal.get(line_variant_cash(LINE_BRANCH, results), CENTRAL))


def fork_table(results: Results) -> pd.DataFrame:
    """The whole-year extension against the recommended path to the end of both contracts,
    2027–2030: each year's cash (medians), the four years' and their present value (median
    and P10–P90), in billions (reviews s47o, s47p: «за весь срок разница мала» asserted)."""
    u = results.appraisal
    column = L.FORK_COLUMNS
    years = {**_years(), "span": fmt.year_range(OPTION_YEARS[0], AFTER_YEAR)}
    recommended, extension = _fork_paths(results)
    paths = {recommended: L.FORK_ROWS["recommended"], extension: L.FORK_ROWS["extension"]}
    rows = []
    for output, name in paths.items():
        row = {column["path"]: fmt.fill(name, first=years["first"], next=fmt.year(OPTION_YEARS[1]))}
        for year in (*OPTION_YEARS, AFTER_YEAR):
            row[column["year"].format(year=fmt.year(year))] = bn(
                u.get(f"{output}.cash_{year}", CENTRAL)
            )
        for measure in ("cash", "present_value"):
            cell = budget_cell(u, f"{output}.{THROUGH_AFTER_YEAR.format(measure=measure)}")
            row[column[measure].format(**years)] = cell
        rows.append(row)
    table = pd.DataFrame(rows)
    table.attrs[NUMERIC_COLUMNS] = list(table.columns[1:])
    return table


def _fork_paths(results: Results) -> tuple[str, str]:
    """The outputs of the fork's two paths, in Table 5's order: the recommended path at the
    line's variant, then the whole-year extension."""
    return line_variant_output(RECOMMENDED_BRANCH, results), EXTENSION_YEAR


def fork_totals(results: Results, measure: str) -> tuple[str, str]:
    """The two paths' 2027–2030 cash («cash») or present value («present_value»), their
    medians as Table 5 prints them, recommended path first: («99,6», «104,8») (reviews
    s48g, s48h: the memo's joint difference, 4,7, was not the table's 77,5 − 72,9)."""
    total = THROUGH_AFTER_YEAR.format(measure=measure)
    recommended, extension = (
        bn(results.appraisal.get(f"{output}.{total}", CENTRAL)) for output in _fork_paths(results)
    )
    return recommended, extension


def fork_difference(results: Results, measure: str) -> str:
    """How much dearer or cheaper the whole-year extension is than the recommended path over
    2027–2030, in cash («cash») or present value («present_value»), its median and P10–P90
    in plain words: «дороже на 5,2 млрд тенге (от 1,0 до 10,1)»; a range across nought is
    said as one: «от −1,0 до 10,1 млрд тенге» (dearer by the positive end)."""
    u = results.appraisal
    output = f"{EXTENSION_LESS_RECOMMENDED}.{THROUGH_AFTER_YEAR.format(measure=measure)}"
    central, low, high = (u.get(output, stat) for stat in (CENTRAL, "p10", "p90"))
    billion = L.NUMBER_WORDS["billion"]
    if low < 0 < high:
        return L.FORK_EITHER.format(low=bn(low), high=f"{bn(high)}{fmt.NBSP}{billion}")
    word = L.FORK_DEARER if central >= 0 else L.FORK_CHEAPER
    point = bn(abs(central))
    near, far = sorted((abs(low), abs(high)))
    text = L.AMOUNT_RANGE.format(point=f"{point}{fmt.NBSP}{billion}", low=bn(near), high=bn(far))
    return L.FORK_DIFFERENCE.format(word=word, amount=text)


def times_today(results: Results) -> dict[str, float]:
    """How many times today's price the contract from the first day costs in 2027, medians
    as the tables print them: at Pavlodar's prices for the region's complexes («region»),
    for the city's («city»), paid per camera (the line's reading, «camera») and at
    Karaganda's price itself, Table 2's row («karaganda»): «в 4–8 раз» in the memo, «в 4, 7
    или 8 раз … в 14» in the chapter on the decision (review s20f: the two said different
    multiples)."""
    u = results.appraisal
    today = u.get(TODAY_PRICE, CENTRAL)
    line_variant = variant_number(results.budget_line.line_reading)
    return {
        "region": u.get(first_day_output(REGION_VARIANT), CENTRAL) / today,
        "city": u.get(first_day_output(CITY_VARIANT), CENTRAL) / today,
        # the line's reading: per camera as the joint calculation priced it, else the city's
        "camera": u.get(first_day_output(line_variant), CENTRAL) / today,
        "karaganda": u.get(LINE_KARAGANDA, CENTRAL) / today,
    }


# The branch no public figure prices, and the option it is (labels.UNPRICED_APPRAISAL_ROWS).
BRANCH_UNPRICED = {"transfer": "municipal"}


def row_name(option: str) -> str:
    """The name of an option's row in the options table and chart: its one name, a part of a
    path marked as such."""
    name = L.APPRAISAL_OPTIONS[option]
    if option in PART_OF:
        return L.PART_ROW.format(name=fmt.mid_sentence(name))
    return name


def pavlodar_complexes(results: Results) -> dict[str, float]:
    """The complexes Pavlodar's sum is taken to pay for under each reading: the region's
    («region», 420) and the city's («city», 240), from data/cost_anchors.csv."""
    data = results.appraisal_data
    return {"region": data.pavlodar_complexes, "city": data.pavlodar_complexes_low}


def memo_coverage(results: Results, option: str) -> str:
    """What Pavlodar's sum is taken to pay for in an option's row of the memo's table: «все 420
    АПК области» or «только 240 АПК г. Павлодара» (an option not at Pavlodar's prices: a dash)."""
    complexes = pavlodar_complexes(results)
    for reading, words in L.MEMO_COVERAGE.items():
        if option.endswith(f"_{reading}"):
            return fmt.fill(words, complexes=fmt.integer(complexes[reading]))
    return fmt.MISSING


def _years() -> dict[str, str]:
    from sergek_report.model.appraisal import VALUATION_DATE, YEARS

    return {
        "first": fmt.year(YEARS[0]),
        "years": fmt.year_range(YEARS[0], YEARS[-1]),
        "valuation": fmt.date_long(VALUATION_DATE),
        # a header's day and month do not break apart (the HTML binds them in the header
        # cell; the phone's field labels must read the same)
        "first_day": fmt.day_with_month(fmt.date_long(VALUATION_DATE)),
        "day": sentences.day_month(VALUATION_DATE),  # «1 января»
    }


def amount(u, output: str, about: bool = False) -> str:
    """«35,3 млрд тенге (от 20,2 до 52,7)»: the median and P10–P90 in the memo's plain
    words, without nested brackets; `about`: «около 35,3 млрд тенге (от 20,2 до 52,7)», as
    running text says a median. A median that rounds to an end of its range is not said apart
    from it: «0,6–0,7 млрд тенге» (never «около 0,7 млрд тенге (от 0,6 до 0,7)»), or one figure
    when the range rounds to one («около 0,7 млрд тенге»)."""
    billion = L.NUMBER_WORDS["billion"]
    point, low, high = (bn(u.get(output, stat)) for stat in (CENTRAL, "p10", "p90"))
    if point not in (low, high):
        text = L.AMOUNT_RANGE.format(point=f"{point}{fmt.NBSP}{billion}", low=low, high=high)
    elif low != high:
        return L.AMOUNT_SPAN.format(range=f"{low}{fmt.EN_DASH}{high}{fmt.NBSP}{billion}")
    else:
        text = L.AMOUNT_SPAN.format(range=f"{point}{fmt.NBSP}{billion}")
    return L.AMOUNT_ABOUT.format(amount=text) if about else text


# P10 and P90 leave one draw in ten below and one above: eight in ten lie between them
CASES_BETWEEN_P10_P90 = 8


def in_cases_of_ten(cases: int) -> str:
    """«в 8 случаях из 10»: a share of the draws in tenths, in plain words."""
    return fmt.fill(
        L.LIKELY,
        inside=fmt.integer(cases),
        cases=fmt.plural(str(cases), L.CASE_FORMS),
        of=fmt.integer(10),
    )


def p_range(u, output: str) -> str:
    """'17,5–44,6' (P10–P90, billions)."""
    return f"{bn(u.get(output, 'p10'))}–{bn(u.get(output, 'p90'))}"


def range_cell(values: tuple[float, float, float] | None) -> str:
    """'25,5 (24,4–26,7)': a median and its P10–P90 in tenge, printed in billions; a dash
    where the model has none (the per-camera reading without the camera counts)."""
    if values is None:
        return fmt.MISSING
    central, low, high = values
    return f"{bn(central)} ({bn(low)}–{bn(high)})"


def budget_cell(u, output: str) -> str:
    """'30,1 (17,5–44,7)': the median and P10–P90 of an output, in billions."""
    return range_cell(tuple(u.get(output, stat) for stat in (CENTRAL, "p10", "p90")))


def priced(results: Results, options=APPRAISAL_ROWS) -> list[str]:
    """The options the joint calculation priced, in their order: the path per camera only
    where the data give the camera counts."""
    index = results.appraisal.summary.index
    return [option for option in options if f"{option}.cash_{OPTION_YEARS[0]}" in index]


def appraisal_table(results: Results) -> pd.DataFrame:
    """Each option on one basis: its 2027 cost, cash 2027–2029 and its present value; then
    what no public figure prices, marked «не оценено» (data/gaps.csv says who holds it)."""
    u = results.appraisal
    years = _years()
    column = {k: v.format(**years) for k, v in L.APPRAISAL_COLUMNS.items()}
    measures = {"cash_2027": budget_cell, "cash_total": p_range, "present_value": p_range}
    rows = []
    for option in priced(results):
        if option == COMPARISON:  # the unpriced options, said, not left out
            for label in L.UNPRICED_APPRAISAL_ROWS.values():
                unpriced = {column[k]: L.NOT_PRICED for k in measures}
                rows.append({column["option"]: label, **unpriced})
        row = {column["option"]: row_name(option)}
        for measure, cell in measures.items():
            row[column[measure]] = cell(u, f"{option}.{measure}")
        rows.append(row)
    return pd.DataFrame(rows)


def appraisal_groups(results: Results, options: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each option's path and row name as the options chart draws them, in its order: the
    path's name over its variants («вариант 1: за 420 АПК области»), today's price under «Для
    сравнения»; a part of a path or the one-off equipment under APPRAISAL_PARTS_HEADING with
    its own name, last."""
    options = list(options)
    groups: dict[str, tuple[str, str]] = {}
    heading = None
    for option, key, opens in appraisal_chart_rows([o for o in APPRAISAL_ROWS if o in options]):
        heading = opens or heading
        groups[option] = (heading, appraisal_chart_label(results, key, option))
    for option in options:
        if option not in groups:
            groups[option] = (
                L.APPRAISAL_PARTS_HEADING,
                fmt.mid_sentence(L.APPRAISAL_OPTIONS[option]),
            )
    return groups


def grouped_by_path(results: Results, columns: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """A table of the options (`columns`: a column's name -> each option's cell), its rows
    grouped by path (`appraisal_groups`): the path's name heads its rows once
    (GROUP_COLUMN), each row named by its variant; the figures' columns right-aligned."""
    options = next(iter(columns.values())).keys()
    groups = appraisal_groups(results, options)
    path = L.APPRAISAL_GROUP_COLUMNS["path"]
    table = pd.DataFrame(
        {
            path: [groups[o][0] for o in groups],
            L.APPRAISAL_GROUP_COLUMNS["row"]: [groups[o][1] for o in groups],
            **{name: [cells[o] for o in groups] for name, cells in columns.items()},
        }
    )
    table.attrs[GROUP_COLUMN] = path
    table.attrs[NUMERIC_COLUMNS] = list(columns)
    return table


def appraisal_by_year(results: Results) -> pd.DataFrame:
    """Each path's cost in each year of a three-year contract and over the three years: the
    median and P10–P90 in billions (a path's parts and the unpriced rows are in the options
    table). The years' P90 do not add up to the P90 of the sum: the dear draws of one year
    are not always the dear draws of another."""
    u = results.appraisal
    column = L.APPRAISAL_BY_YEAR_COLUMNS
    # the columns once: each year's cash, then the three years'
    measures = {f"cash_{year}": column["year"].format(year=fmt.year(year)) for year in OPTION_YEARS}
    measures["cash_total"] = column["total"].format(**_years())
    options = [option for option in priced(results) if option not in PART_OF]
    return grouped_by_path(
        results,
        {
            title: {option: budget_cell(u, f"{option}.{m}") for option in options}
            for m, title in measures.items()
        },
    )


def appraisal_chart_note(results: Results) -> str:
    """What the options chart leaves out, said under it: the unpriced options and the one-off
    equipment (a part of a path, with its 2027 amount)."""
    return L.APPRAISAL_CHART_NOTE.format(
        unpriced="; ".join(fmt.mid_sentence(n) for n in L.UNPRICED_APPRAISAL_ROWS.values()),
        equipment=amount(results.appraisal, "equipment.cash_2027"),
    )


def appraisal_chart_rows(options=APPRAISAL_ROWS) -> list[tuple[str, str, str | None]]:
    """The options chart's rows from the top, in APPRAISAL_ROWS' order: (option, the row's
    short label's key in labels.APPRAISAL_CHART_ROWS, «midpoint» or «comparison», the heading
    of the group it opens or None). A path's rows at Pavlodar's prices (for the region's
    complexes, for the city's, per camera where `options` hold it) under its name, opened by
    the first of them; the paths with Karaganda's unverified price under their own heading,
    each named by its path; today's price last under its own heading, «Без нового
    договора»; a part of a path is no bar beside the paths."""
    rows = []
    previous = None
    for option in (option for option in options if option not in PART_OF):
        line, key = _branch_and_key(option)
        if line is None:  # today's price: a comparison, not a path
            rows.append((option, "comparison", L.APPRAISAL_CHART_COMPARISON["heading"]))
        else:
            group = key if key == "midpoint" else line
            heading = L.APPRAISAL_CHART_MIDPOINT_HEADING if key == "midpoint" else branch_path(line)
            rows.append((option, key, heading if group != previous else None))
            previous = group
    return rows


def _branch_and_key(option: str) -> tuple[str | None, str | None]:
    """The branch an option's path belongs to and its price's key («region», «city»,
    «camera», «midpoint»); (None, None) for what is no path (today's price)."""
    for line, (path, midpoint) in BRANCH_PATH.items():
        if option == midpoint:
            return line, "midpoint"
        for reading in MEMO_VARIANTS:
            if option == path.format(reading=reading):
                return line, reading
    return None, None


def path_chart_options(results: Results) -> tuple[str, ...]:
    """Chapter 2's chart of the paths (reviews s41g, s41h: twelve rows of paths by variants
    read as a second vocabulary): each path at the budget line's variant of Pavlodar's price,
    then today's price; every variant of every path and the midpoint with Karaganda are the
    appendix's (the options table, Fig. 13; reviews s44m, s44n: the midpoint's 35,5 beside
    Table 2's 53,5 at Karaganda's price read as two prices of Karaganda)."""
    # the options chart's rows in their one order, each path's kept at the line's reading;
    # today's price, no path, kept too
    kept = (results.budget_line.line_reading, None)
    return tuple(
        option
        for option in APPRAISAL_ROWS
        if option not in PART_OF and _branch_and_key(option)[1] in kept
    )


# the variant of the memo's Table 1 each of the options chart's rows at Pavlodar's prices is
CHART_ROW_VARIANTS = {"region": REGION_VARIANT, "city": CITY_VARIANT, "camera": CAMERA_VARIANT}


def appraisal_chart_label(results: Results, key: str, option: str | None = None) -> str:
    """A row's short label on the options chart: «вариант 1: 420 АПК области», «вариант 2: 240
    АПК г. Павлодара» (the complexes from data/cost_anchors.csv), «вариант 3: за каждую
    камеру», a row with Karaganda's price by its `option`'s path («продление, затем
    договор»), «если снять запрет» (under its path's heading)."""
    if key == "comparison":
        return L.APPRAISAL_CHART_COMPARISON["row"]
    if key == "midpoint":
        return fmt.mid_sentence(branch_path(_branch_and_key(option)[0]))
    if key not in CHART_ROW_VARIANTS:
        return L.APPRAISAL_CHART_ROWS[key]
    complexes = pavlodar_complexes(results)
    return fmt.fill(
        L.APPRAISAL_CHART_ROWS[key],
        variant=CHART_ROW_VARIANTS[key],
        complexes=fmt.integer(complexes[key]) if key in complexes else "",
    )


# The title page's chart's panel has no title (UNTITLED): its caption names the year, the
# variant, the unit and the dashed line
UNTITLED = {"cash_2027": ""}


def _by_path(rows: list[tuple[str, str, str | None]]) -> bool:
    """Whether a chart's rows draw each path once (the title page's and chapter 2's: at the
    line's variant only), so that a row is named by its path and the variant is said once,
    in the caption (review s46c: «вариант 3: за каждую камеру» under every path)."""
    paths = [_branch_and_key(option)[0] for option, key, _ in rows if key != "comparison"]
    return len(paths) == len(set(paths))


def appraisal_chart(
    results: Results,
    measures=tuple(L.APPRAISAL_CHART_PANELS),
    title_page: bool = False,
    options: tuple[str, ...] = APPRAISAL_ROWS,
):
    """The paths of the appraisal table as a chart (not the parts of a path), grouped by path
    under its name (`appraisal_chart_rows`): the 2027 cost and the present value, each with
    its P10–P90 whisker, in billions of tenge; `measures` chooses the panels (one panel a
    chart prints at full size under the page's cap on a chart's height); `options` the paths
    it draws (chapter 2's: `path_chart_options`); a path drawn once is a row named by the path
    (`_by_path`). The `title_page`'s chart draws low rows without a title: its caption names
    the year, the variant and the dashed line."""
    u = results.appraisal
    years = _years()
    panel_titles = UNTITLED if title_page else L.APPRAISAL_CHART_PANELS
    # the proposed budget line drawn across the 2027 panel and named beside it, as on the
    # title page (reviews s42g, s42h, s43g: «пунктир — строка 32: договор с первого дня,
    # вариант 3, до 31,2», a legend squeezed into the title; the paragraph before the chart
    # says what it is rounded up from)
    line = results.budget_line.amount
    references = {panel_titles["cash_2027"].format(**years): (line / 1e9, "")}
    rows = appraisal_chart_rows(priced(results, options))
    by_path = _by_path(rows)
    if by_path:  # a path's name is its row's: no group headings
        rows = [(o, k, None) for o, k, _heading in rows]
    # each group's heading over its first row
    headings = {i: heading for i, (_o, _k, heading) in enumerate(rows) if heading}

    def label(key: str, option: str) -> str:
        if not by_path:
            return appraisal_chart_label(results, key, option)
        # (review s46h: the recommended bar unmarked, and a bold heading over the whole-year
        # extension's row read as a group of its own: each row a path, the recommended one
        # said, the extension with its condition)
        if key == "comparison":
            return fmt.fill(L.CHART_PATH_CONDITION, **L.APPRAISAL_CHART_COMPARISON)
        line = _branch_and_key(option)[0]
        name = branch_path(line)
        return fmt.fill(L.CHART_RECOMMENDED, name=name) if line == RECOMMENDED_BRANCH else name

    panels = {
        panel_titles[measure].format(**years): [
            (
                label(key, option),
                *(u.get(f"{option}.{measure}", stat) / 1e9 for stat in (CENTRAL, "p10", "p90")),
            )
            for option, key, _heading in rows
        ]
        for measure in measures
    }
    return charts.options_chart(
        panels,
        lambda v: fmt.number(v, 1),
        lambda v: fmt.number(v, 0),
        references,
        muted=[label(key, option) for option, key, _ in rows if key == "midpoint"],
        # the recommended path's row, where each row is a path
        highlighted=[
            label(key, option)
            for option, key, _ in rows
            if by_path and key != "comparison" and _branch_and_key(option)[0] == RECOMMENDED_BRANCH
        ],
        headings=headings,
        # named where it is drawn: a present value's panel alone has no line, nor a band for it
        line_label=fmt.fill(
            L.TITLE_PAGE_CHART_LINE if title_page else L.CHART_LINE,
            line=precision.line_billions(line),
        )
        if "cash_2027" in measures
        else None,
        line_label_narrow=fmt.fill(L.CHART_LINE_NARROW, line=precision.line_billions(line)),
        # the title page's rows lower, with no title over them (its caption says it)
        **({"frame_height": 0.3, "row_height": 0.19} if title_page else {}),
    )


def title_page_chart(results: Results):
    """The title page's chart: chapter 2's Fig. 3 on low rows, each path's 2027 cost at the
    line's variant, against the dashed line (reviews s46a–s46c: the line's path at each
    variant showed only the unlikely start, not the recommended path's cost); how it is read
    is `appraisal_chart_key(midpoint=False)`."""
    # the paths of 1 January only: the whole year's deferral, one year's cost beside three
    # paths' years, read as the cheaper path (reviews s48h, s50a, s50c, s50d); it is the
    # memo's «Отложить закупку на год?» and Fig. 3's
    paths = tuple(o for o in path_chart_options(results) if o != COMPARISON)
    return appraisal_chart(results, ["cash_2027"], title_page=True, options=paths)[0]


def appraisal_chart_key(midpoint: bool = True) -> str:
    """How the options chart is read, said in its caption: the bar, the whisker and, where
    it draws them (`midpoint`; the title page's and chapter 2's do not), the grey hatched
    bars of the midpoint (Karaganda's figures unverified)."""
    return L.APPRAISAL_CHART_KEY if midpoint else L.CHART_KEY


def branch_cost_lines(line: str, results: Results, repeated: bool = False) -> tuple[str, ...]:
    """A branch's cost as the path tree prints it, one line in its box: the option's name and
    its 2027 median at the variant of the memo's Table 1 the budget line is drawn at (per
    camera, or the city's without the camera counts), the line beside the stop-gap's path,
    whose upper end it is («Временная мера, затем договор»: 25,5 млрд тенге по варианту 3
    (строка 27)»). The other variants and the midpoint are the options chart's (reviews
    s29g, s29j, s30c: four figures a box, twelve in the tree, read as a wall of numbers); an
    unpriced branch has no line: the note under the tree says it is not priced. A branch
    priced as one above it (`repeated`) gives its cost only («Расход тот же, что выше»)."""
    if line in BRANCH_UNPRICED:
        return ()
    reading = results.budget_line.line_reading
    cash = line_variant_cash(line, results)
    words = {
        "option": branch_path(line),
        "cost": bn(results.appraisal.get(cash, CENTRAL)),
        "variant": variant_number(reading),
        "line": precision.line_billions(results.budget_line.amount),
    }
    if repeated:  # priced as a branch above it: its cost, not the path's name again
        return (fmt.fill(L.PATH_TREE_COSTS["repeated"], **words),)
    if line == LINE_BRANCH:  # the line is this path's upper end, rounded up
        return (fmt.fill(L.PATH_TREE_COSTS["with_line"], **words),)
    # a branch whose central estimate the line does not cover says so (the memo's case б)
    key = "above_line" if above_line(results, cash) else "line_variant"
    return (fmt.fill(L.PATH_TREE_COSTS[key], **words),)


def branch_camera_output(line: str) -> str:
    """A branch's computation at Pavlodar's price per camera: its path with the camera
    reading («no_bridge_pavlodar_camera»)."""
    return BRANCH_PATH[line][0].format(reading=CAMERA_READING)


def path_chart_note(results: Results) -> str:
    """Under the tree: which variant of the memo's Table 1 its figures are at, in plain words
    («вариант 3 Таблицы 1 (за камеру), по которому рассчитана строка бюджета»; without the
    camera counts the city's, «только 240 АПК г. Павлодара»), and where the others are."""
    reading = results.budget_line.line_reading
    words = (
        L.PATH_TREE_NOTE_CAMERA
        if reading == CAMERA_READING
        else memo_coverage(results, f"pavlodar_{reading}")
    )
    return fmt.fill(L.PATH_TREE_NOTE, variant=variant_number(reading), words=words)


def path_table(path: pd.DataFrame) -> pd.DataFrame:
    """What the path's tree (`path_chart`) leaves out, for the auditor: each branch from the
    edition date with its legal route and the decisions that follow. What happens on
    1 January and the 2027 cost are the tree's (reviews s32e, s32i, s32j: the appendix
    repeated them, with the options chart's figures, in a table of three pages)."""
    column = L.PATH_COLUMNS
    ordered = path.sort_values("step", kind="stable")
    return pd.DataFrame(
        {
            column["condition"]: ordered["condition"],
            column["legal_route"]: ordered["legal_route"],
            column["next_decisions"]: ordered["next_decisions"],
        }
    )


# The path as a tree (path_chart): for each branch of data/decision_path.csv (branch_id), the
# question it answers (a key of labels.PATH_QUESTIONS; None: the other answer of the question
# above), the answer that leads to its outcome, the answer of the question above that leads
# to its own question (None: a question of its own), its outcome's tone (enforcement goes
# on, stops, is open or is unlikely: diagrams.TONES), and the framed group it stands in (a key of
# labels.PATH_TREE_GROUPS; None: none). The transfer's question is asked whatever the
# procurement's answers: under the tree without a frame it read as the «нет» branch's next
# step (review s10c). A contract with new equipment cannot work from the first day (the
# chapter's «Сроки»): that branch is greyed, its caveat (labels.PATH_TREE_CAVEATS) over it, so
# that it never reads as likely as the others (review s11d, item 5).
# The branch where the council lifts its ban: its other use, the whole year at today's price,
# is a cost line of its own under it (`whole_year_cost_line`)
BAN_LIFTED_BRANCH = "lift_ban"
PATH_TREE = {
    "announced": ("announced", "yes", None, "unlikely", None),
    "bridge": ("bridge", "yes", "no", "go", None),
    # (review s42h: the council's own decision, lifting its ban, hid in the gap's box)
    BAN_LIFTED_BRANCH: ("lift_ban", "yes", "no", "go", None),
    "no_bridge": (None, "no", None, "stop", None),
    "transfer": ("transfer", "yes", None, "open", "independent"),
    "no_transfer": (None, "no", None, "stop", "independent"),
}


def whole_year_cost_line(results: Results) -> str:
    """The lifted ban's other use under its branch: the whole year at today's price, its 2027
    median and the year the contract then starts (reviews s47e–s47h: the tree priced the
    lifted ban at 27,4 only, the title page showed 3,9)."""
    return fmt.fill(
        L.PATH_TREE_COSTS["whole_year"],
        cost=bn(results.appraisal.get(EXTENSION, CENTRAL)),
        year=fmt.year(OPTION_YEARS[1]),
    )


def path_branches(path: pd.DataFrame, results: Results) -> list[diagrams.Branch]:
    """The branches of data/decision_path.csv in the order of their steps, as the tree draws
    them: the question each answers, the answer's arrow, what happens on 1 January (the
    branch's `on_january_1`) and the options it is with their 2027 figures
    (`branch_cost_lines`: the path table's figures, one price a line)."""
    # the day bound to its month by sentences.day_month: «1 января», «22 декабря»
    day, deadline = (sentences.day_month(d) for d in (results.decision_day, announce_by(results)))
    branches = []
    priced = set()  # the computations a branch above has shown
    for _, row in path.sort_values("step", kind="stable").iterrows():
        question, answer, from_above, tone, group = PATH_TREE[row["branch_id"]]
        repeated = row["budget_line"] in priced
        priced.add(row["budget_line"])
        branches.append(
            diagrams.Branch(
                question=fmt.fill(L.PATH_QUESTIONS[question], day=day) if question else None,
                answer=L.PATH_ANSWERS[answer],
                outcome=row["on_january_1"],
                costs=branch_cost_lines(row["budget_line"], results, repeated)
                + (
                    (whole_year_cost_line(results),)
                    if row["branch_id"] == BAN_LIFTED_BRANCH
                    else ()
                ),
                tone=tone,
                from_above=L.PATH_ANSWERS[from_above] if from_above else None,
                group=L.PATH_TREE_GROUPS[group] if group else None,
                caveat=fmt.fill(caveat, date=deadline, day=day)
                if (caveat := L.PATH_TREE_CAVEATS.get(row["branch_id"]))
                else None,
            )
        )
    return branches


def path_chart(path: pd.DataFrame, results: Results):
    """The path to 1 January as a tree (`path_branches`): each question on the left, the
    arrow of each answer to what happens on 1 January and what it costs in 2027."""
    return diagrams.tree_chart(path_branches(path, results))


# The timeline's row of the day the draft budget reaches the maslikhat (data/timeline.csv).
BUDGET_DRAFT_EVENT = "budget_draft_2027"


def announce_by(results: Results) -> dt.date:
    """The last day to announce the procurement of services: at the shortest procurement of
    the assumption's range, for a contract from the first day («22 декабря»). It holds
    whatever the lawyers answer, so the title page and the memo demand it; the stop-gap's
    later day holds only if they confirm it (recommendation 4 says it with that condition)."""
    return results.procurement_latest_start_range[1]


def path_steps(results: Results, timeline: pd.DataFrame, edition_date) -> list[tuple]:
    """The dated steps of the path in their order, as (date, key of labels.PATH_STEPS,
    words): the draft budget in the maslikhat (data/timeline.csv), the last day to announce
    the procurement at its longest and at its shortest (the assumption's range), the
    edition's date, the last day to announce the longest procurement within the stop-gap,
    the contract's last day, the first day without it, the end of the
    stop-gap at its longest."""
    days = L.UNIT_FORMS["дней"]
    lead_low, lead_high = results.assumptions.range("procurement_lead_days")
    draft = timeline.set_index("event_id").loc[BUDGET_DRAFT_EVENT, "date"]
    longest = results.procurement_latest_start_range[0]
    months = fmt.count_in_words(results.stopgap_months_at_most, L.UNIT_FORMS["месяцев"])
    steps = [
        (as_date(draft), "budget_draft", {"year": fmt.year(OPTION_YEARS[0])}),
        (longest, "announce", {"days": fmt.count(lead_high, days)}),
        (announce_by(results), "announce", {"days": fmt.count(lead_low, days)}),
        (as_date(edition_date), "edition", {}),
        # the stop-gap path's deadline (the memo's first recommendation; review s13b)
        (
            results.procurement_latest_start_in_stopgap,
            "announce_stopgap",
            {"days": fmt.count(lead_high, days)},
        ),
        (results.extension_end, "contract_end", {}),
        (results.decision_day, "decision_day", {}),
        (results.stopgap_end, "stopgap_end", {"months": months}),
    ]
    steps.sort(key=lambda step: step[0])  # stable: a tie keeps this order
    return [(day, key, fmt.fill(L.PATH_STEPS[key], **values)) for day, key, values in steps]


def path_steps_chart(results: Results, timeline: pd.DataFrame, edition_date):
    """The dated steps of the path as a strip (`path_steps`): those before the edition's date
    grey, the edition's date marked."""
    edition = as_date(edition_date)
    strip, previous_day = [], None
    for day, key, words in path_steps(results, timeline, edition_date):
        kind = "now" if key == "edition" else "past" if day < edition else "next"
        if day == previous_day and strip[-1].kind == kind:
            # one mark a day: its steps' words one after the other (a column more left every
            # date too narrow for its day and month on one line)
            strip[-1] = dataclasses.replace(strip[-1], words=f"{strip[-1].words}; {words}")
            continue
        strip.append(diagrams.Step(fmt.day_with_month(fmt.date_long(day)), words, kind))
        previous_day = day
    return diagrams.steps_chart(strip)


def branch_option(line: str) -> str:
    """The option a branch of the path is, by its one name."""
    if line in BRANCH_UNPRICED:
        return L.UNPRICED_APPRAISAL_ROWS[BRANCH_UNPRICED[line]]
    return L.APPRAISAL_OPTIONS[BRANCH_OUTPUT[line][-1]]


def branch_path(line: str) -> str:
    """«Перерыв, затем договор»: a branch's option named without the price in brackets."""
    return branch_option(line).split(" (")[0]


def branch_name(line: str) -> str:
    """«перерыв, затем договор»: a branch as the prose names it, its option's name in quotes
    without the price in brackets."""
    return f"«{fmt.mid_sentence(branch_path(line))}»"


def _factor_name(declared) -> str:
    """An assumption's short label as the name of a factor, without the unit a chart's axis
    needs: «Цена комплекса, тенге» -> «Цена комплекса» (never «Цена комплекса, тенге (95 %)»)."""
    unit = declared.unit.split(" ")[0] if declared.unit else ""
    return declared.short_label.removesuffix(f", {unit}") if unit else declared.short_label


def drivers_table(results: Results, top: int = 3) -> pd.DataFrame:
    """Which unknown contributes most to each spread (share of the squared standardised rank
    regression coefficients, model.montecarlo.contributions)."""
    u, a = results.appraisal, results.assumptions
    years = _years()
    variant = variant_number(results.budget_line.line_reading)
    rows = []
    for key, text in L.DRIVER_OUTPUTS.items():
        drivers = u.drivers(driver_output(results, key), top)
        rows.append(
            {
                L.DRIVER_COLUMNS["output"]: text.format(**years, variant=variant),
                L.DRIVER_COLUMNS["driver"]: fmt.listed(
                    [
                        f"{_factor_name(a.declared(name))} ({fmt.percent(100 * share, 0)})"
                        for name, share in drivers.items()
                    ]
                ),
            }
        )
    return pd.DataFrame(rows)


def driver_output(results: Results, key: str) -> str:
    """The output a row of the drivers' table reads: its key in labels.DRIVER_OUTPUTS, or,
    for «budget_line_path», the 2027 cost of the path the proposed line is drawn from."""
    if key == "budget_line_path":
        return f"{results.budget_line.line_path}.cash_{OPTION_YEARS[0]}"
    return key


def drivers_same_shares(results: Results, top: int = 3) -> str | None:
    """The note under `drivers_table` when two of its rows print the same shares for
    different unknowns (a coincidence of rounding to whole per cent, not a copying slip):
    «одинаковые доли двух строк (63 % и 37 %) — совпадение … (62,7 и 63,4 %)»; None if none."""
    u = results.appraisal
    outputs = list(L.DRIVER_OUTPUTS)
    drivers = {output: u.drivers(driver_output(results, output), top) for output in outputs}
    printed = {o: tuple(round(100 * share) for share in d.values) for o, d in drivers.items()}
    for i, first in enumerate(outputs):
        for second in outputs[i + 1 :]:
            # (one unknown at 100 % in two rows reads as what it is)
            same = printed[first] == printed[second] and len(printed[first]) > 1
            if same and list(drivers[first].index) != list(drivers[second].index):
                shares = [fmt.percent(p, 0) for p in printed[first]]
                exact = [fmt.number(100 * drivers[o].iloc[0], 1) for o in (first, second)]
                return fmt.fill(
                    L.DRIVERS_SAME_SHARES,
                    shares=sentences.holders("; ".join(shares)),
                    exact=sentences.holders("; ".join(exact)) + f"{fmt.NBSP}%",
                )
    return None


def driver_rank(results: Results) -> dict[str, float]:
    """Each assumption's largest share of a spread: the order of the data request."""
    shares = results.appraisal.contributions
    return shares.max(axis=0).to_dict()


def gaps_by_spread(gaps: pd.DataFrame, results: Results) -> pd.DataFrame:
    """The gaps ordered by priority, then by how much of the spread their assumption drives."""
    rank = driver_rank(results)
    weight = gaps["handled_by"].map(lambda n: -rank.get(str(n), 0.0))
    ordered = gaps.assign(_w=weight).sort_values(["priority", "_w"], kind="stable")
    return ordered.drop(columns="_w")


def data_request_by_spread(gaps: pd.DataFrame, results: Results) -> pd.DataFrame:
    """The data request in the order of `gaps_by_spread`."""
    return data_request(gaps_by_spread(gaps, results))


SEVERITY = {"low": 0, "medium": 1, "high": 2}


def by_severity(risks: pd.DataFrame) -> pd.DataFrame:
    """The risks of data/risks.csv, the most severe first: highest impact, then highest
    likelihood, ties in the register's own order."""
    rank = risks.assign(
        _impact=-risks["impact"].map(SEVERITY), _likelihood=-risks["likelihood"].map(SEVERITY)
    )
    ordered = rank.sort_values(["_impact", "_likelihood"], kind="stable")
    return ordered.drop(columns=["_impact", "_likelihood"])


def main_risks(risks: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """The `top` most severe risks (the memo's «three main risks»)."""
    return by_severity(risks).head(top)


# The data request's row for Pavlodar's contract: the memo's first check asks for it by name
PAVLODAR_CONTRACT_GAP = "pavlodar_contract_coverage"


def main_gaps(
    gaps: pd.DataFrame, results: Results, top: int = 3, besides: tuple[str, ...] = ()
) -> pd.DataFrame:
    """The first `top` rows of the data request (`gaps_by_spread`) other than `besides`: the
    documents of the first priority on which the figures depend most, with their holders (the
    memo's list)."""
    ranked = gaps_by_spread(gaps, results)
    return ranked[~ranked["gap_id"].isin(besides)].head(top)
