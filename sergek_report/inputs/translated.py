"""The text cells of the data tables that an edition in another language prints translated.

A table's free-text columns listed here (what the report prints in a table or quotes in a
sentence: an option's legal route, a risk, a gap's holder) are messages of the gettext catalog
(`make translations` extracts them, sergek_report/build/translations.py); an edition in another
language (labels.use_language) gets the tables with these cells replaced by their translations
after the model has computed its figures, so the figures are those of the Russian original.
Codes, identifiers, dates, numbers and sources are not listed: the chapters and the model match
them. A source's title, its publisher and its quote stay as published (a citation).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sergek_report import labels

# Table (data/<table>.csv) -> its printed free-text columns.
TRANSLATED_COLUMNS: dict[str, tuple[str, ...]] = {
    "options": (
        "name",
        "short_name",
        "on_decision_day",
        "legal_route",
        "council_approval",
        "time_to_start",
        "owner_short",
    ),
    "decision_path": ("condition", "on_january_1", "legal_route", "next_decisions"),
    "risks": ("risk", "evidence", "mitigation"),
    "gaps": ("closing_document", "holder", "effect_on_figures"),
    "timeline": ("event", "note"),
    "peer_cities": ("city", "event", "outcome", "lesson_for_almaty"),
    "road_safety": (
        "place",
        "metric",
        "unit",
        "period",
        "claimed_by",
        "what_it_shows",
        "what_it_does_not_show",
    ),
    "bidders": ("company", "system", "what_is_known"),
    "peers": ("name", "place", "country", "metric", "unit", "period", "comparability"),
    "cost_anchors": ("period",),  # quoted in the decision chapter's text
    # a note on the date and a secondary page's primary source, not the citation itself
    "sources": ("published_note", "primary_source"),
    "deployment": ("note",),  # "counted": CHAPTER_TRANSLATED_COLUMNS
}

# Printed text columns that stay in Russian in the tables (a chapter matches their words:
# 02_deployment finds the sources that count «комплексы») and that the chapter translates
# when it prints them (sentences.counted_as). `make translations` extracts them like the
# columns above.
CHAPTER_TRANSLATED_COLUMNS: dict[str, tuple[str, ...]] = {
    "deployment": ("counted",),
}


def translated_tables(tables: Mapping[str, pd.DataFrame]) -> Mapping[str, pd.DataFrame]:
    """The tables as an edition in the catalog's current language prints them (the same
    object in the Russian original)."""
    if labels.LANGUAGE == labels.SOURCE_LANGUAGE:
        return tables
    out = dict(tables)
    for name, columns in TRANSLATED_COLUMNS.items():
        if name not in out:
            continue
        frame = out[name].copy()
        for column in columns:
            frame[column] = frame[column].map(
                lambda v: labels.translate(v) if isinstance(v, str) else v
            )
        out[name] = frame
    return out
