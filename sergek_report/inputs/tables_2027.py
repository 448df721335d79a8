"""Declarations of the tables behind the decision of 1 January 2027: options, cost anchors,
what other cities did, the timeline, the risk register and the road-safety claims.

Part of the declarations of `tables.py` (which lists them in `TABLES`); kept apart to keep
each module short.
"""

from __future__ import annotations

from sergek_report.inputs.schema import Field, TableSpec, required_when
from sergek_report.inputs.table_fields import (
    CAMERA_COUNT,
    MAX_COMPLEXES,
    MAX_TENGE,
    ROW_UNIT,
    SOURCE,
    STATUS,
    STATUSES,
)

DECISION_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "decision_path",
        (
            Field(
                "branch_id",
                "id",
                doc="`announced`, `bridge`, `lift_ban`, `no_bridge`, `transfer`, `no_transfer`",
            ),
            Field("step", "int", min=1, max=20, doc="order of the question in the path"),
            Field("condition", shape="text (ru)", doc="the state of the world on the edition date"),
            Field("on_january_1", shape="text (ru)", doc="what happens on 1 January 2027"),
            Field("legal_route", shape="text (ru)", doc="the law and article, as the source says"),
            Field("next_decisions", shape="text (ru)", doc="the next decisions and their dates"),
            Field(
                "budget_line",
                "choice",
                choices=("announced", "bridge", "no_bridge", "transfer"),
                doc="which computed path gives the 2027 budget line (`transfer`: not priced)",
            ),
            STATUS,
            SOURCE,
            Field("note", required=False, shape="text (ru)", doc="caveats"),
        ),
        title="сроки и решения до 1 января 2027 года",
        key=("branch_id",),
    ),
    TableSpec(
        "options",
        (
            Field("option_id", "id", doc="`ppp_new`, `service_contract`, `municipal`, …"),
            Field("name", shape="text (ru)", doc="full name for the detailed options table"),
            Field("short_name", shape="text (ru)", doc="a few words: the options matrix"),
            Field("on_decision_day", shape="text (ru)", doc="can it work on 1 January, in brief"),
            Field("legal_route", shape="text (ru)", doc="the law and article that allow it"),
            Field("council_approval", shape="text (ru)", doc="what the maslikhat approves"),
            Field("time_to_start", shape="text (ru)", doc="time to put in place, its basis"),
            Field("owner_short", shape="text (ru)", doc="who holds the complexes, software, data"),
            Field("cost_basis", shape="text (ru)", doc="the anchors, or why no price"),
            Field("main_risks", shape="`;`-list of risk_id", doc="ids of `risks.csv`, main first"),
            STATUS,
            SOURCE,
            Field("note", required=False, shape="text (ru)", doc="caveats, missing figures"),
        ),
        title="варианты на 1 января 2027 года",
        key=("option_id",),
    ),
    TableSpec(
        "cost_anchors",
        (
            Field("anchor_id", "id", doc="e.g. `pavlodar_service_2025`"),
            Field("place", shape="text (ru)", doc="city, region or country"),
            Field("description", shape="text (ru)", doc="what the figure is"),
            Field(
                "value",
                "float",
                unit=ROW_UNIT,
                min=0,
                max=MAX_TENGE,
                shape="number 0–1e13, in the row's `unit`",
                doc="the figure as the source gives it (totals, not per-complex shares: "
                "those are computed by the package)",
            ),
            Field("unit", shape="text (ru)", doc="e.g. `тенге`, `рублей`"),
            Field("currency", "choice", choices=("KZT", "USD", "GBP", "RUB"), doc="currency"),
            Field("period", doc="period the figure covers"),
            Field(
                "complexes",
                "int",
                required=False,
                unit="complexes",
                min=1,
                max=MAX_COMPLEXES,
                doc="complexes the figure covers, when the source gives it",
            ),
            Field(
                "complexes_low",
                "int",
                required=False,
                unit="complexes",
                min=1,
                max=MAX_COMPLEXES,
                doc=(
                    "the fewest complexes the figure may cover, where the sources leave it open "
                    "(the assumption `pavlodar_coverage_weight` places the count between the two)"
                ),
            ),
            Field(
                "cameras",
                **CAMERA_COUNT,
                doc="cameras of the complexes behind the figure, where a source counts them "
                "(Pavlodar: those installed by November 2025, in at least `complexes_low` and at "
                "most `complexes` complexes); the report sets them against Almaty's cameras per "
                "complex, never in the price",
            ),
            Field(
                "cameras_source_id",
                "source",
                required=False,
                doc="the source of `cameras` (a page other than the row's `source_id`)",
            ),
            Field("term_years", "int", required=False, min=1, max=50, doc="contract term, years"),
            Field("comparability", shape="text (ru)", doc="why it is (not) comparable"),
            STATUS,
            SOURCE,
            Field("note", required=False, shape="text (ru)", doc="caveats"),
        ),
        title="ценовые ориентиры",
        key=("anchor_id",),
        rules=(
            required_when(
                "cameras_source_id", '"cameras" has a value', lambda df: df["cameras"].notna()
            ),
            required_when(
                "cameras",
                '"cameras_source_id" has a value',
                lambda df: df["cameras_source_id"].notna(),
            ),
        ),
    ),
    TableSpec(
        "peer_cities",
        (
            Field("event_id", "id", doc="id of the event"),
            Field("city", shape="text (ru)", doc="city or region"),
            Field(
                "event_date",
                "date",
                doc="first day of the month/year if not exact",
                earliest="2000-01-01",  # other cities' camera contracts predate Sergek
            ),
            Field(
                "date_precision",
                "choice",
                choices=("day", "month", "year", "approx"),
                doc="`approx`: undated page, period inferred",
            ),
            Field("event", shape="text (ru)", doc="what happened"),
            Field("outcome", shape="text (ru)", doc="result, as far as known"),
            Field(
                "lesson_for_almaty",
                shape="text (ru)",
                doc="the analysts' reading (a judgement, not a fact of the source)",
            ),
            STATUS,
            SOURCE,
        ),
        title="опыт других городов",
        key=("event_id",),
    ),
    TableSpec(
        "timeline",
        (
            Field("event_id", "id", doc="id of the event"),
            # Deadlines lie after the edition date: not checked against as_of.
            Field(
                "date",
                "date",
                as_of=False,
                doc="date of the event or deadline; may lie after as_of for deadlines",
            ),
            Field(
                "date_precision",
                "choice",
                choices=("day", "month", "approx"),
                doc="how exact the date is",
            ),
            Field("event", shape="text (ru)", doc="what happened or is due"),
            Field("kind", "choice", choices=("past", "deadline"), doc="event or deadline"),
            Field(
                "status",
                "choice",
                choices=STATUSES,
                doc="`estimate`: a date computed from a sourced duration",
            ),
            SOURCE,
            Field("note", required=False, shape="text (ru)", doc="caveats"),
        ),
        title="хронология",
        key=("event_id",),
    ),
    TableSpec(
        "risks",
        (
            Field("risk_id", "id", doc="id of the risk"),
            Field("risk", shape="text (ru)", doc="the risk"),
            Field(
                "likelihood",
                "choice",
                choices=("low", "medium", "high"),
                doc="analysts' judgement",
            ),
            Field("impact", "choice", choices=("low", "medium", "high"), doc="analysts' judgement"),
            Field("evidence", shape="text (ru)", doc="the sourced case behind the risk"),
            Field("mitigation", shape="text (ru)", doc="what reduces it"),
            Field("related_options", shape="`;`-list of option_id", doc="ids of `options.csv`"),
            STATUS,
            SOURCE,
        ),
        title="риски",
        key=("risk_id",),
    ),
    TableSpec(
        "road_safety",
        (
            Field("claim_id", "id", doc="id of the claim"),
            Field("place", shape="text (ru)", doc="city or country"),
            Field("metric", shape="text (ru)", doc="what is measured"),
            Field(
                "value",
                "float",
                required=False,
                unit=ROW_UNIT,
                min=-100,
                max=1_000_000,
                shape="number, in the row's `unit`, optional",
                doc="negative = reduction; empty for a methodological fact",
            ),
            Field("unit", required=False, doc="`%`, `% в год`, `ДТП`, `человек`"),
            Field("period", shape="text (ru)", doc="period the claim covers"),
            Field("claimed_by", shape="text (ru)", doc="who states it"),
            Field("what_it_shows", shape="text (ru)", doc="what the figure shows"),
            Field("what_it_does_not_show", shape="text (ru)", doc="what it does not show"),
            STATUS,
            SOURCE,
        ),
        title="безопасность движения",
        key=("claim_id",),
    ),
)
