"""The tables of data/, declared once: columns, keys, rules, bounds and their meaning.

The loader (`datasets.py`) validates every file against these declarations, and the column
tables of data/README.md are generated from them (`python -m sergek_report.inputs.datasets
--write-readme`; a test checks that the README agrees). Upper bounds are plausibility limits,
not facts: far above any real value, low enough that a typo of several digits is caught.
"""

from __future__ import annotations

import pandas as pd

from sergek_report.inputs.schema import (
    Agreement,
    Bounds,
    Field,
    TableSpec,
    bounds_by,
    increasing,
    not_before,
    not_fewer_than,
    parts_within,
    quoted,
    quotes_count,
    required_when,
    starts_with_one_of,
    unit_is,
)
from sergek_report.inputs.table_fields import (
    CAMERA_COUNT,
    COMPLEX_PART,
    LANGUAGES,
    MAX_COMPLEXES,
    MAX_TENGE,
    ROW_UNIT,
    SOURCE,
    STATUS,
)
from sergek_report.inputs.tables_2027 import DECISION_TABLES
from sergek_report.labels import COUNTED_NOUNS, LOWER_BOUND_WORDS

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "sources",
            (
                Field("source_id", "id", doc='see "Source ids" above'),
                Field("publisher", doc="site or organisation, as shown in citations"),
                Field("title", doc="the page headline; in [brackets] a description if none"),
                Field(
                    "url",
                    "url",
                    required=False,
                    doc="page address; empty only where the page was not found in open access or "
                    "the document is unpublished (`published_note` says which)",
                ),
                Field(
                    "published",
                    "date",
                    required=False,
                    doc="the page's own date",
                    earliest="1991-12-16",  # laws and statistics from before the pilot are cited
                ),
                Field(
                    "published_note",
                    required=False,
                    doc="the likely period when `published` is empty; may qualify a date",
                ),
                # When the page was read (without an address: when it was searched for and not
                # found): an edition cannot cite a page read after its own date,
                # so it is checked against as_of (the edition date) like the data's dates.
                Field(
                    "accessed",
                    "date",
                    doc="when the page was read; not after the edition date",
                ),
                Field(
                    "quote",
                    verbatim=True,
                    doc="a short excerpt with the figure, in the page's language; the source "
                    "list prints it in the entry (in [brackets]: why there is none)",
                ),
                # A news report or a copy of an official figure names the body that publishes
                # it first-hand: the source list says the entry is secondary and unchecked
                # against that body (tests/test_sources_cited.py requires it for the official
                # series: inflation, the base rate, the МРП).
                Field(
                    "primary_source",
                    required=False,
                    shape="text (ru)",
                    doc="for a secondary page (a news report, a copy on another site): who "
                    "publishes the figure first-hand; the list prints «Вторичный источник: "
                    "первоисточник — …, по нему не проверено»",
                ),
                Field("language", "choice", choices=LANGUAGES, doc="language of the page"),
            ),
            title="список источников",
            key=("source_id",),
            rules=(
                not_before("accessed", "published"),
                required_when(
                    "published_note", '"published" is empty', lambda df: df["published"].isna()
                ),
                quoted("quote"),
            ),
        ),
        TableSpec(
            "deployment",
            (
                Field("date", "date", doc='"as of" date: the source\'s date or the date it names'),
                Field(
                    "complexes",
                    "int",
                    unit="complexes",
                    min=1,
                    max=MAX_COMPLEXES,
                    doc="complexes (АПК) in operation on that date",
                ),
                Field(
                    "counted",
                    shape="text (ru), starting with the counted noun",
                    doc="what the source counts, starting with its noun as the source writes "
                    "it (one of: АПК, комплексы, аппаратно-программные комплексы), which the "
                    "report makes agree with the number: «комплексы (2 060 камер)» reads "
                    "«414 комплексов (2 060 камер)»",
                ),
                Field(
                    "cameras",
                    **CAMERA_COUNT,
                    doc="cameras in those complexes, where the source gives their number (as "
                    "`counted` quotes it); a source's «более 9 000» is its lower bound, 9000, "
                    "and `counted` keeps the «более»",
                ),
                Field("intersections", **COMPLEX_PART, doc="of which at intersections"),
                Field("linear", **COMPLEX_PART, doc="of which on linear sections / roadside"),
                STATUS,
                SOURCE,
                Field("note", required=False, shape="text (ru)", doc="caveats"),
            ),
            title="развёртывание комплексов",
            key=("date",),
            rules=(
                increasing("date", what="dates"),
                increasing("complexes", strict=False, what="numbers of complexes"),
                parts_within("complexes", ("intersections", "linear")),
                starts_with_one_of("counted", tuple(COUNTED_NOUNS)),
                not_fewer_than("cameras", "complexes", "a complex has at least one camera"),
                quotes_count("cameras", "counted", LOWER_BOUND_WORDS),
            ),
        ),
        TableSpec(
            "contract",
            (
                Field("item", "id", doc="e.g. `state_obligations`"),
                Field("label", shape="text (ru)", doc="label for the report"),
                Field(
                    "value",
                    "float",
                    required=False,
                    unit=ROW_UNIT,
                    min=0,
                    max=MAX_TENGE,
                    shape="number, bounds by unit (see below)",
                    doc="the value, in the unit of `unit`",
                ),
                # A contractual date is a value, not an observation: it may lie after as_of.
                Field(
                    "value_date",
                    "date",
                    required=False,
                    as_of=False,
                    doc="the value when `unit` is `date`; may lie after as_of",
                ),
                Field(
                    "unit",
                    "choice",
                    choices=("tenge", "complexes", "date", "years", "text"),
                    doc="unit of the row; `years`: a duration or a calendar year",
                ),
                STATUS,
                SOURCE,
                Field("note", required=False, shape="text (ru)", doc="quote or caveat"),
            ),
            title="условия договора",
            key=("item",),
            rules=(
                required_when(
                    "value",
                    'unit is "tenge", "complexes" or "years"',
                    unit_is("tenge", "complexes", "years"),
                ),
                required_when("value_date", 'unit is "date"', unit_is("date")),
                required_when("note", 'unit is "text" (the text goes into note)', unit_is("text")),
                # Counts and years divide other figures: whole and at least 1.
                bounds_by(
                    "value",
                    "unit",
                    {
                        "tenge": Bounds(1, MAX_TENGE),
                        "complexes": Bounds(1, MAX_COMPLEXES, whole=True),
                        "years": Bounds(1, 2100, whole=True),
                    },
                ),
            ),
        ),
        TableSpec(
            "cpi",
            (
                Field("year", "int", min=2000, max=2100, doc="calendar year"),
                Field(
                    "measure",
                    "choice",
                    choices=("dec_dec", "annual_avg"),
                    doc="December on previous December / annual average on previous year",
                ),
                Field("percent", "float", unit="percent", min=-10, max=100, doc="inflation"),
                STATUS,
                SOURCE,
            ),
            title="индекс потребительских цен",
            key=("year", "measure"),
        ),
        TableSpec(
            "mrp",
            (
                Field("valid_from", "date", doc="first day the value applies"),
                Field("tenge", "int", unit="tenge", min=1, max=1_000_000, doc="the МРП"),
                STATUS,
                SOURCE,
            ),
            title="месячный расчётный показатель",
            key=("valid_from",),
            rules=(increasing("valid_from", what="dates"),),
        ),
        TableSpec(
            "base_rate",
            (
                Field("valid_from", "date", doc="effective date of the decision"),
                Field("percent", "float", unit="percent per year", min=0, max=100, doc="the rate"),
                STATUS,
                SOURCE,
            ),
            title="базовая ставка Национального банка",
            key=("valid_from",),
            rules=(increasing("valid_from", what="dates"),),
        ),
        TableSpec(
            "usd_kzt",
            (
                Field("period_label", doc="`2023`, `2024-01..09`, …"),
                Field("period_start", "date", doc="first day of the averaging period"),
                Field("period_end", "date", doc="last day of the averaging period"),
                Field(
                    "kzt_per_usd",
                    "float",
                    unit="tenge per US dollar",
                    min=1,
                    max=10000,
                    doc="the average rate",
                ),
                Field("measure", "choice", choices=("average",), doc="kind of rate"),
                STATUS,
                SOURCE,
            ),
            title="курс доллара США",
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
                    doc="paid to the partner / fines collected / fines imposed",
                ),
                Field("period_start", "date", doc="first day of the period the figure covers"),
                Field("period_end", "date", doc="last day of that period"),
                Field("tenge", "float", unit="tenge", min=0, max=MAX_TENGE, doc="the amount"),
                STATUS,
                # «за 5 лет»: the amount is the source's, the period's start the authors'
                Field(
                    "period_basis",
                    "choice",
                    required=False,
                    choices=("source", "assumed"),
                    doc="the period as the source states it (empty: the same) / its start "
                    "assumed by the authors, the source naming none (the note says which)",
                ),
                SOURCE,
                Field("note", required=False, shape="text (ru)", doc="quote and caveats"),
            ),
            title="штрафы и выплаты партнёру",
            key=("flow", "period_start", "period_end"),
            rules=(not_before("period_end", "period_start"),),
        ),
        TableSpec(
            "peers",
            (
                Field("peer_id", "id", doc="e.g. `astana_sergek_paid`"),
                Field("name", shape="text (ru)", doc="programme"),
                Field("place", shape="text (ru)", doc="city or region"),
                Field("country", shape="text (ru)", doc="country"),
                Field(
                    "kind",
                    "choice",
                    choices=("sergek_kz", "other_vendor_kz", "foreign"),
                    doc="Sergek elsewhere / another vendor / abroad",
                ),
                Field("metric", shape="text (ru)", doc="what the value measures"),
                Field(
                    "value",
                    "float",
                    required=False,
                    unit=ROW_UNIT,
                    min=0,
                    max=MAX_TENGE,
                    shape="number 0–1e13, in the row's `unit`",
                    doc="in `unit` and `currency`",
                ),
                Field("unit", shape="text (ru)", doc="e.g. `тенге`, `АПК`, `камер`"),
                Field(
                    "currency",
                    "choice",
                    required=False,
                    choices=("KZT", "USD", "GBP", "RUB"),
                    doc="empty for counts",
                ),
                Field("period", shape="text (ru)", doc="period or date the value refers to"),
                Field("comparability", shape="text (ru)", doc="why it is (not) comparable"),
                STATUS,
                SOURCE,
            ),
            title="договоры в других регионах и странах",
            key=("peer_id",),
        ),
        TableSpec(
            "bidders",
            (
                Field("company", doc="legal name as in the source"),
                Field("system", required=False, doc="name of the complex (АПК), if given"),
                Field("what_is_known", shape="text (ru)", doc="everything found beyond the name"),
                Field(
                    "status",
                    "choice",
                    choices=("reported", "not_found"),
                    doc="`not_found`: nothing beyond the name",
                ),
                SOURCE,
            ),
            title="участники рассмотрения альтернативных предложений",
            key=("company",),
        ),
        TableSpec(
            "gaps",
            (
                Field("gap_id", "id", doc="id of the missing fact"),
                Field("fact", shape="text (ru)", doc="what is missing"),
                Field("consequence", shape="text (ru)", doc="how its absence changes the answers"),
                Field("handled_by", doc="the parameter standing in for it, or how it is handled"),
                Field(
                    "closing_document", shape="text (ru)", doc="the document that closes the gap"
                ),
                Field("holder", shape="text (ru)", doc="who holds that document"),
                Field(
                    "effect_on_figures",
                    shape="text (ru)",
                    doc="how the answer would change the report's figures",
                ),
                Field("priority", "int", min=1, max=4, doc="1 = needed before the council votes"),
                Field(
                    "status",
                    "choice",
                    choices=("reported", "estimate"),
                    doc="`reported`: a sourced norm names the holder (e.g. Budget Code art. 91); "
                    "`estimate`: the holder is the analysts' judgement",
                ),
                SOURCE,
            ),
            title="недостающие факты",
            key=("gap_id",),
        ),
        *DECISION_TABLES,
    )
}


def _contract_item(item: str):
    def pick(df: pd.DataFrame) -> int | None:
        lines = df.index[df["item"].eq(item)]
        return int(lines[0]) if len(lines) else None

    return pick


def _latest_not_planned(df: pd.DataFrame) -> int | None:
    rows = df[~df["status"].eq("planned")]
    return int(rows["date"].idxmax()) if len(rows) else None


def _latest_planned(df: pd.DataFrame) -> int | None:
    rows = df[df["status"].eq("planned")]
    return int(rows["date"].idxmax()) if len(rows) else None


def _contract_number(df: pd.DataFrame, item: str):
    line = _contract_item(item)(df)
    return None if line is None or pd.isna(df.at[line, "value"]) else df.at[line, "value"]


def _operating_plus_additional(df: pd.DataFrame):
    operating = _contract_number(df, "complexes_in_operation")
    additional = _contract_number(df, "additional_complexes")
    return None if operating is None or additional is None else operating + additional


def _expiry_plus_extension(df: pd.DataFrame):
    line = _contract_item("contract_expiry")(df)
    years = _contract_number(df, "extension_years")
    if line is None or years is None or pd.isna(df.at[line, "value_date"]):
        return None
    if float(years) != int(years):
        return None
    return pd.Timestamp(df.at[line, "value_date"]) + pd.DateOffset(years=int(years))


AGREEMENTS: tuple[Agreement, ...] = (
    Agreement(
        "same_quantity",
        "contract",
        "value",
        _contract_item("complexes_in_operation"),
        "deployment",
        "complexes",
        _latest_not_planned,
        "the row `complexes_in_operation`",
        "the complexes of the latest deployment row that is not planned",
    ),
    Agreement(
        "same_quantity",
        "deployment",
        "complexes",
        _latest_planned,
        "contract",
        "value",
        _contract_item("complexes_in_operation"),
        "the latest planned row",
        "the rows `complexes_in_operation` + `additional_complexes` (the network after the "
        "extension's new complexes)",
        reference=_operating_plus_additional,
    ),
    Agreement(
        "same_quantity",
        "contract",
        "value_date",
        _contract_item("extension_end"),
        "contract",
        "value_date",
        _contract_item("contract_expiry"),
        "the row `extension_end`",
        "`contract_expiry` plus `extension_years` years",
        reference=_expiry_plus_extension,
    ),
)
