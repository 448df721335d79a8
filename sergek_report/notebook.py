"""What the chapter notebooks call: narrative text, numbered figures and tables with sources.

Captions carry a placeholder that the renderer numbers across the whole report, so a chapter
does not need to know how many figures came before it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Markdown, display

from . import charts, datasets, fmt
from .outputs import INPUTS_MIMETYPE, METRICS_MIMETYPE


class Chapter:
    """Per-notebook helper: knows the data directory and how to cite its sources."""

    def __init__(self, data_dir: str | Path):
        self.data_dir = Path(data_dir)
        self._sources: pd.DataFrame | None = None
        charts.apply_style()

    # -- data ---------------------------------------------------------------------------
    def tables(self, names: Sequence[str], as_of: str | None = None) -> dict[str, pd.DataFrame]:
        display({INPUTS_MIMETYPE: sorted(set(names) | {"sources"})}, raw=True)
        return datasets.load_tables(list(names), data_dir=self.data_dir, as_of=as_of)

    @property
    def sources(self) -> pd.DataFrame:
        if self._sources is None:
            self._sources = datasets.load_table("sources", self.data_dir).set_index("source_id")
        return self._sources

    def cite(self, source_ids: Iterable[str]) -> str:
        """'Zakon.kz, 30 декабря 2025 г.; …' for the given source ids, in the given order."""
        parts = []
        for ref in dict.fromkeys(source_ids):
            # A results basis ("source:<id>", "assumption:<name>", "derived") cites its source.
            if ref == "derived" or str(ref).startswith("assumption:"):
                continue
            source_id = str(ref).removeprefix("source:")
            if source_id not in self.sources.index:
                raise KeyError(f"source id {source_id!r} is not in data/sources.csv")
            row = self.sources.loc[source_id]
            when = (
                fmt.date_long(row["published"])
                if pd.notna(row["published"])
                else str(row.get("published_note") or "без даты")
            )
            parts.append(f"{row['publisher']}, {when}")
        return "; ".join(parts)

    def _source_line(self, sources: Iterable[str], note: str | None) -> str:
        text = self.cite(sources)
        if note:
            text = f"{text}; {note}" if text else note
        return f'<span class="caption-source">Источник: {html.escape(_sentence(text))}</span>'

    # -- output -------------------------------------------------------------------------
    @staticmethod
    def md(text: str) -> None:
        """Narrative with computed figures (formatted with `fmt`)."""
        display(Markdown(text))

    def figure(self, fig, caption: str, sources: Iterable[str], note: str | None = None):
        """A numbered chart; its caption is also the chart's text alternative (an SVG <title>
        and aria-label), which the tagged PDF carries as the figure's /Alt."""
        svg = _with_alt_text(charts.to_svg(fig), caption)
        display(
            HTML(
                '<figure class="chart">'
                f'<div class="chart-body">{svg}</div>'
                '<figcaption><span class="caption-number" data-kind="figure"></span> '
                f"{html.escape(caption)} {self._source_line(sources, note)}</figcaption>"
                "</figure>"
            )
        )

    def table(
        self,
        frame: pd.DataFrame,
        caption: str,
        sources: Iterable[str],
        note: str | None = None,
        numeric: Sequence[str] = (),
    ) -> None:
        """A table of already formatted values; `numeric` columns are right-aligned.

        On paper a long table continues on the next page with its header row repeated; on a
        phone it scrolls sideways inside its frame."""
        head = "".join(
            f'<th scope="col" class="{"num" if c in numeric else ""}">{html.escape(str(c))}</th>'
            for c in frame.columns
        )
        rows = "".join(
            "<tr>"
            + "".join(
                f'<td class="{"num" if c in numeric else ""}">{html.escape(_cell(v))}</td>'
                for c, v in zip(frame.columns, row, strict=True)
            )
            + "</tr>"
            for row in frame.itertuples(index=False)
        )
        display(
            HTML(
                '<figure class="table">'
                '<figcaption><span class="caption-number" data-kind="table"></span> '
                f"{html.escape(caption)}</figcaption>"
                f'<div class="table-scroll" role="region" tabindex="0" '
                f'aria-label="{html.escape(caption)}">'
                f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
                "</div>"
                f'<p class="table-source">{self._source_line(sources, note)}</p>'
                "</figure>"
            )
        )

    def source_list(self) -> None:
        """Every source with its dates and address, as a numbered list (cheaper to lay out
        than an eight-page table, and easier to read). Addresses are links that open outside
        the report; internal source codes are not printed."""
        items = []
        for _source_id, row in self.sources.iterrows():
            published = (
                fmt.date_long(row["published"])
                if pd.notna(row["published"])
                else str(row.get("published_note") or "без даты")
            )
            url = str(row["url"]).strip() if pd.notna(row["url"]) else ""
            address = (
                f'<a class="url" href="{html.escape(url)}" target="_blank" '
                f'rel="noopener">{html.escape(url)}</a>'
                if url
                else '<span class="url">адрес не указан.</span>'
            )
            items.append(
                f"<li>{html.escape(_sentence(str(row['publisher'])))} "
                f"{html.escape(_sentence(str(row['title'])))} "
                f"Опубликовано: {html.escape(published)}; обращение: "
                f"{html.escape(_sentence(fmt.date_long(row['accessed'])))} "
                f"{address}</li>"
            )
        display(HTML(f'<ol class="sources">{"".join(items)}</ol>'))

    @staticmethod
    def publish_metrics(metrics: list[dict]) -> None:
        """Hand the key figures to the build (metrics.json); invisible in the report."""
        display({METRICS_MIMETYPE: json.loads(json.dumps(metrics))}, raw=True)


def _cell(value) -> str:
    try:
        missing = value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        missing = False
    return fmt.MISSING if missing else str(value)


def _sentence(text: str) -> str:
    """End a sentence with exactly one full stop: «… 2026 г.» stays, never «г..»."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?…" else f"{text}."


_SVG_OPEN = re.compile(r"<svg\b")


def _with_alt_text(svg: str, caption: str) -> str:
    """The caption as the chart's text alternative: role="img", aria-label and a <title>
    (WeasyPrint writes the <title> as the tagged PDF figure's /Alt)."""
    label = html.escape(caption, quote=True)
    opened = _SVG_OPEN.sub(f'<svg role="img" aria-label="{label}"', svg, count=1)
    end = opened.index(">", opened.index("<svg")) + 1
    return f"{opened[:end]}<title>{html.escape(caption, quote=False)}</title>{opened[end:]}"
