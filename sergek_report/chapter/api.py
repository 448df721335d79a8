"""What the chapter notebooks call: `open_chapter(globals())`, then text, figures and tables.

`open_chapter` reads the chapter's parameters (the edition file, the data folder and, in a
build, the file with the computed edition) and returns a `Chapter` holding the edition's
tables, assumptions and results. Captions carry a placeholder that the renderer numbers
across the whole report, so a chapter does not need to know how many figures came before it.
"""

from __future__ import annotations

import ast
import base64
import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from IPython import get_ipython
from IPython.display import HTML, display

from sergek_report import labels as L
from sergek_report import paths
from sergek_report.chapter import charts, fmt, inline, measure
from sergek_report.chapter.outputs import (
    FIGURE_METADATA,
    GROUP_COLUMN,
    INPUTS_MIMETYPE,
    MARKED_WORDS,
    NUMERIC_COLUMNS,
    PRINT_AS_BLOCKS,
    RESULTS,
)
from sergek_report.errors import MissingDataError, ParameterError
from sergek_report.inputs.edition import AssumptionValues, Edition
from sergek_report.inputs.typography import typeset_page
from sergek_report.model.computed import ComputedEdition, compute_edition, load_saved
from sergek_report.model.results import Results

# What a chapter's parameters cell declares (papermill injects the build's values after it).
CHAPTER_PARAMETERS = ("edition_file", "data_dir", "model_file")
# Longest table and source list a chapter prints; the rest is summarised in one line.
MAX_TABLE_ROWS = 60
MAX_SOURCES = 400
# The edition's language, injected by the build of an edition in another language (the
# Russian build injects nothing): the catalog's words and fmt's numbers and dates follow it.
LANGUAGE_PARAMETERS = ("report_language", "report_draft")
# papermill's injected cell starts with this comment.
_INJECTED_HEADER = "# Parameters"


# The printed table: its width (A4 less the margins, print.css) and a cell's padding in
# millimetres (0.4 em a side, report.css, with a little room to spare), its text in points.
_TABLE_MM, _PADDING_MM, _TABLE_PT = 172, 3.2, 8.5
_SPARE = 25  # per cent of a crowded table's width shared by its columns' text
_SIZED_ROWS = 6  # from this many rows a table's column widths are set by its text
_SIZED_COLUMNS = 5  # ... and a table this wide whatever its rows (the layout gave it a word a line)
_SHORT_CELL = 28  # characters: a column of cells no longer keeps each on one line if it can
_DIGIT_GROUPS = re.compile(r"\d\u00a0\d")  # «3 500 000»: a sum, not a date
# Where a line may break: an ordinary space (never a no-break one, which binds a figure's
# digit groups and its unit) and after a dash or hyphen, unless a word joiner binds it (the
# range of figures «2027–2029», typography.typeset_page).
_BREAKS = re.compile(r"[ \t\n]+|(?<=[–—-])(?!\u2060)")
# ... but never between a quotation mark and an opening bracket, spaces or not (Unicode's
# line-breaking rule LB15, which the layout follows: «Сергек» (Костанай) breaks only inside).
_QUOTE_BRACKET = re.compile(r"(?<=[«»„“”\"])\s+(?=\()")


def _words(text: str) -> list[str]:
    """The pieces of `text` a line never breaks inside, as the page prints it (`typeset_page`
    binds a year to «г.» and a range of figures to its dash)."""
    text = _QUOTE_BRACKET.sub("\u00a0", typeset_page(text))
    return [w.replace("\u2060", "") for w in _BREAKS.split(text) if w]


def _column_widths(
    frame: pd.DataFrame, numeric: Iterable = (), bold: Iterable = ()
) -> tuple[str, bool]:
    """A <colgroup> giving each column a share of the width: first room for its longest
    word (a figure with its unit, a long word unbroken), then the rest by how much text it
    holds; and whether the table has one (a fixed layout on paper). Left to itself, the
    PDF's table layout gave a column of long explanations the width of one of short
    figures (the assumptions table ran six pages, 12 characters to a line). A column in
    `bold` (its words marked, `MARKED_WORDS`) is measured in bold: measured as plain text,
    the risk register's «высокое» was hyphenated in its bold face."""
    bold = set(bold)
    if len(frame.columns) < 3 or (len(frame) < _SIZED_ROWS and len(frame.columns) < _SIZED_COLUMNS):
        return "", False  # a short table keeps the layout's own widths (page breaks settled)
    floors, weights, holds_figures, headers = [], [], [], []
    texts = {column: [_cell(v) for v in frame[column]] for column in frame.columns}
    for column in frame.columns:
        cells = texts[column]
        # a figure's cell never wraps (td.num, report.css): all of it is one word
        words = set(cells) if column in numeric else {w for text in cells for w in _words(text)}
        header = _words(str(column))
        # (width, word): a tie goes to the same word whatever the set's order
        widest_mm, widest = max(
            ((measure.width_mm(w, _TABLE_PT, bold=column in bold), w) for w in words),
            default=(0.0, ""),
        )
        heading = max((measure.width_mm(w, _TABLE_PT, bold=True) for w in header), default=0.0)
        longest = max(widest_mm, heading)
        floors.append(_share(longest))
        headers.append(_share(heading))  # a header never breaks
        # a figure with its unit is never broken: its column keeps room for it
        holds_figures.append(column in numeric or any(char.isdigit() for char in widest))
        # a long header wraps onto as many lines as a long cell would
        typical = max(sum(len(c) for c in cells) / len(cells), len(str(column)) / 2)
        weights.append(typical**0.75)
    # A column of short phrases (dates, periods: «апрель 2019 — январь 2020», «31 декабря
    # 2020 г.») keeps most of them on one line where the width allows (set on two, they made
    # every row of the chronologies two lines tall); a rare longer one («около 31 декабря
    # 2020 г.») may take two rather than widen the column for all.
    whole = [
        max(f, _share(_most(cells, bold=column in bold)))
        if column not in numeric
        and cells
        and max(map(len, cells)) <= _SHORT_CELL
        and not any(_DIGIT_GROUPS.search(c) for c in cells)  # a range of sums breaks at «–»
        else f
        for (column, cells), f in zip(texts.items(), floors, strict=True)
    ]
    if sum(whole) < 100:  # ... and needs no more room than that
        weights = [
            0.0 if w > f else weight for w, f, weight in zip(whole, floors, weights, strict=True)
        ]
        floors = whole
    if sum(floors) < 100:
        rest = 100 - sum(floors)
        shares = [f + rest * w / sum(weights) for f, w in zip(floors, weights, strict=True)]
        if len(frame.columns) > 1 and all(c in numeric for c in frame.columns[1:]):
            labels = texts[frame.columns[0]]
            shares = _labels_take_the_room(shares, floors, list(frame.columns), labels)
    else:
        # The words fill the width: a column of figures keeps its room (a figure is never
        # broken); the text columns' floors shrink to leave _SPARE of the width to share by
        # how much text each holds, and a word longer than its column is hyphenated, or
        # broken where no hyphenation is known (print.css), never printed over its neighbour.
        columns = list(zip(floors, holds_figures, headers, weights, strict=True))
        figures = sum(f for f, keep, _, _ in columns if keep)
        text = sum(f for f, keep, _, _ in columns if not keep)
        if not text:  # figures only: each column its share of what they need
            shares = [100 * f / sum(floors) for f in floors]
        else:
            scale = max(0.0, 100 - _SPARE - figures) / text
            floors = [f if keep else max(f * scale, head) for f, keep, head, _ in columns]
            weights = [0.0 if keep else w for _, keep, _, w in columns]
            rest = 100 - sum(floors)
            shares = [f + rest * w / sum(weights) for f, w in zip(floors, weights, strict=True)]
    cols = "".join(f'<col style="width: {share:.1f}%">' for share in shares)
    return f"<colgroup>{cols}</colgroup>", True


def _most(cells: list[str], share: float = 0.8, bold: bool = False) -> float:
    """The width (mm) that holds `share` of the cells on one line."""
    widths = sorted(measure.width_mm(c, _TABLE_PT, bold=bold) for c in cells)
    return widths[int(share * (len(widths) - 1))]


def _labels_take_the_room(
    shares: list[float], floors: list[float], columns: list, labels: Iterable[str] = ()
) -> list[float]:
    """A table of figures beside their labels (its first column the only text): a figure's
    column is no wider than its header set on two lines (or its widest figure, or its
    header's longest word), and the room it would leave empty goes to the labels. Shared by
    how long their headers are, the figures' columns took the reconciliation's width: a
    column as wide as «К первоначальным обязательствам» held «1,26» beside labels hyphenated
    at every line («обязатель-ства ÷ (766 АПК × срок)»). Nor is a figure's column narrower
    than that, while the labels keep room for their longest on two lines: given its
    figures' width, «2020–2025 гг., млрд тенге» was set on four lines. Where two lines for
    every header leave the labels too little, the headers that lose most are set on three."""
    heads = [str(column) for column in columns[1:]]
    two = [
        max(floor, _share(_lines_mm(head, 2)))
        for head, floor in zip(heads, floors[1:], strict=True)
    ]
    three = [
        max(floor, _share(_lines_mm(head, 3)))
        for head, floor in zip(heads, floors[1:], strict=True)
    ]
    need = max([floors[0], *(_share(_lines_mm(label, 2, bold=False)) for label in labels)])
    figures = list(two)
    for i in sorted(range(len(two)), key=lambda i: three[i] - two[i]):
        if 100 - sum(figures) >= need:
            break
        figures[i] = three[i]
    if 100 - sum(figures) < need:  # the labels first; the figures as the shares have them
        figures = [min(share, cap) for share, cap in zip(shares[1:], two, strict=True)]
    return [100 - sum(figures), *figures]


def _share(mm: float) -> float:
    """A width in millimetres (a cell's text) as a column's share of the table, padding in."""
    return 100 * (mm + _PADDING_MM) / _TABLE_MM


def _lines_mm(text: str, lines: int, bold: bool = True) -> float:
    """The width of a text (a bold header) set on at most `lines` lines, broken where it is
    narrowest; a text of one word on one."""
    words = _words(text)
    if len(words) <= 1:
        return measure.width_mm(text, _TABLE_PT, bold=bold)
    from itertools import combinations

    return min(
        max(
            measure.width_mm(" ".join(words[a:b]), _TABLE_PT, bold=bold)
            for a, b in zip((0, *cuts), (*cuts, len(words)), strict=True)
        )
        for cuts in combinations(range(1, len(words)), min(lines, len(words)) - 1)
    )


# A source line names each source by publisher and date; what else is known of an undated
# source (why its date is approximate, where it was looked for) is in the source list.
_SHORT_NOTE = 60


# A web address in brackets after a publisher's name, «Kazinform (kaz.inform.kz)»: the list of
# sources gives it; the text names the publisher only (an address is in lower case: an outlet
# named by its site keeps its capital, «Ult.kz»).
_BRACKETED_ADDRESS = re.compile(r"\s*\((?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s)]*)?\)")


def publisher_in_text(publisher: str) -> str:
    """A source's publisher as the text names it, without the web address the list of
    sources prints: «Kazinform (kaz.inform.kz)» -> «Kazinform», «Адилет (adilet.zan.kz), Закон
    РК …» -> «Адилет, Закон РК …»; a bracket of words stays («Tengrinews.kz (на казахском
    языке)»)."""
    return _BRACKETED_ADDRESS.sub("", publisher)


def _first_clause(note: str) -> str:
    """«без даты (около 2021 г.)» of «без даты (около 2021 г.); материал не найден …»; a first
    clause still longer than _SHORT_NOTE characters loses its bracket or its explanation."""
    depth, end = 0, len(note)
    for i, char in enumerate(note):  # the first «;» outside brackets
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ";" and depth == 0:
            end = i
            break
    clause = note[:end].strip()
    if len(clause) > _SHORT_NOTE:
        clause = clause.split(" (")[0].split(":")[0].strip()
    return clause


def _resolve(path: str | Path) -> Path:
    """A path as given, or relative to notebooks/ (papermill may run from the project root)."""
    path = Path(path)
    if path.is_absolute() or path.exists():
        return path
    return paths.NOTEBOOKS_DIR / path


def injected_names(namespace: Mapping[str, Any]) -> list[str]:
    """Names papermill injected (`-p name value`, `-f file.yaml`, or the build's values).

    Read from the kernel's input history (`In`): papermill runs its injected cell, which
    starts with "# Parameters", right after the cell tagged `parameters`.
    """
    names: list[str] = []
    for source in namespace.get("In") or []:
        if not str(source).lstrip().startswith(_INJECTED_HEADER):
            continue
        for node in ast.parse(str(source)).body:
            if isinstance(node, ast.Assign):
                names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return list(dict.fromkeys(names))


def open_chapter(namespace: Mapping[str, Any]) -> Chapter:
    """The chapter's data from its parameters: `ch = open_chapter(globals())`.

    A value papermill injected under another name than the three chapter parameters is an
    assumption override (`papermill … -p discount_rate 16`); a name that is not an assumption
    of the edition is an error, never silently ignored.
    """
    missing = [n for n in ("edition_file", "data_dir") if n not in namespace]
    if missing:
        raise ParameterError(
            f"the chapter's parameters cell must define {', '.join(missing)} "
            f"(expected: {', '.join(CHAPTER_PARAMETERS)})."
        )
    edition_file = _resolve(namespace["edition_file"])
    data_dir = _resolve(namespace["data_dir"])
    model_file = namespace.get("model_file") or ""
    overrides = {
        n: namespace[n]
        for n in injected_names(namespace)
        if n not in CHAPTER_PARAMETERS + LANGUAGE_PARAMETERS
    }
    L.use_language(
        namespace.get("report_language") or L.SOURCE_LANGUAGE,
        draft=bool(namespace.get("report_draft")),
    )
    if overrides or not model_file:
        data = compute_edition(edition_file, data_dir, overrides=overrides)
    else:
        data = load_saved(model_file)
    charts.apply_style()
    inline.show_text_as_written(get_ipython())
    return Chapter(data)


def _report_read(name: str) -> None:
    """Tell the build what the chapter read (checked against notebooks/chapters.yaml)."""
    display({INPUTS_MIMETYPE: [name], "text/plain": ""}, raw=True)


class _ReadTables(Mapping):
    """The edition's tables; the first read of each is reported to the build."""

    def __init__(self, tables: dict[str, pd.DataFrame]):
        self._tables = tables
        self._read: set[str] = set()

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            raise ParameterError(
                f"table {name!r} is not among this chapter's tables; list it under the "
                "chapter's 'tables' in notebooks/chapters.yaml."
            )
        if name not in self._read:
            self._read.add(name)
            _report_read(name)
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


class Chapter:
    """Per-notebook helper: the edition's data, and how to print it with sources."""

    def __init__(self, data: ComputedEdition):
        self.edition: Edition = data.edition
        self.assumptions: AssumptionValues = data.edition.assumption_values()
        self.tables = _ReadTables(data.tables)
        self.sources: pd.DataFrame = data.tables["sources"].set_index("source_id")
        self._results = data.results
        self._results_read = False

    @property
    def results(self) -> Results:
        """The edition's computed results (a chapter that reads them re-runs when they change)."""
        if not self._results_read:
            self._results_read = True
            _report_read(RESULTS)
        return self._results

    def _cited(self, refs: Iterable[str]) -> list[str]:
        """The source ids `refs` cite, once each, in their order. A results basis
        ("source:<id>", "assumption:<name>", "assumptions" (all of them, the joint
        calculation), "derived") cites its source, if any."""
        ids = []
        for ref in dict.fromkeys(refs):
            if ref in ("derived", "assumptions") or str(ref).startswith("assumption:"):
                continue
            source_id = str(ref).removeprefix("source:")
            if source_id not in self.sources.index:
                raise KeyError(f"source id {source_id!r} is not in data/sources.csv")
            ids.append(source_id)
        return ids

    def cite(self, source_ids: Iterable[str]) -> str:
        """'Zakon.kz, 30 декабря 2025 г.; …' for the given source ids, in the given order; a
        publisher without its web address (the list of sources gives it)."""
        parts = []
        for source_id in self._cited(source_ids):
            row = self.sources.loc[source_id]
            if pd.notna(row["published"]):
                when = fmt.date_long(row["published"])
            else:
                when = _first_clause(str(row.get("published_note") or L.CHAPTER["undated"]))
            if self.unverified(source_id):
                when = f"{when}, {L.CHAPTER['unverified']}"
            parts.append(f"{publisher_in_text(row['publisher'])}, {when}")
        return "; ".join(parts)

    def unverified(self, source_id: str) -> bool:
        """Whether a source's page was not found (no address in data/sources.csv): its
        figures are not checked at the source, and every place that cites it says so."""
        return pd.isna(self.sources.loc[source_id, "url"])

    def row_date(self, date: object, source_id: str) -> str:
        """A data row's date as its table prints it: «около 1 января 2024 г.» when its source
        is undated, the date being the authors' reading of it (review s20r: an undated
        source's milestone read as exact)."""
        text = fmt.date_long(date)
        if pd.isna(self.sources.loc[source_id, "published"]):
            return fmt.fill(L.APPROXIMATE_DATE, date=text)
        return text

    def row_status(self, status: str, source_id: str) -> str:
        """A data row's status as its table prints it: a reported figure whose source's page
        was not found reads «не проверено», not «по источнику» (review s20r)."""
        return fmt.status_label(status, unverified=self.unverified(source_id))

    def quote(self, source_id: str, containing: str) -> str:
        """The quotation of a source's quote (data/sources.csv) that holds `containing`, as
        the source list prints it: «из бюджета было выделено 9 млрд тенге». A sentence that
        reports a source's words takes them from the data, not typed again."""
        text = str(self.sources.loc[source_id, "quote"])
        found = [q for q in _QUOTATIONS.findall(text) if containing in q]
        if len(found) != 1:
            raise MissingDataError(
                f"sources.csv, {source_id}: {len(found)} quotations hold {containing!r}, "
                "one expected"
            )
        return found[0]

    def source_numbers(self, source_ids: Iterable[str]) -> str:
        """'№ 3, 17 в списке источников; не проверено: № 70' for the given source ids: their
        numbers in the appendix's list (the order of data/sources.csv), those whose page was
        not found apart. A caption cites so: a publisher and date for each source ran the
        notes under a chart to eight lines; the list gives them, with the address."""
        position = {source_id: n for n, source_id in enumerate(self.sources.index, start=1)}
        checked, unverified = [], []
        for source_id in self._cited(source_ids):
            (unverified if self.unverified(source_id) else checked).append(position[source_id])
        parts = []
        if checked:
            numbers = ", ".join(fmt.integer(n) for n in sorted(checked))
            parts.append(fmt.fill(L.CHAPTER["numbered"], numbers=numbers))
        if unverified:
            numbers = ", ".join(fmt.integer(n) for n in sorted(unverified))
            parts.append(fmt.fill(L.CHAPTER["numbered_unverified"], numbers=numbers))
        return "; ".join(parts)

    def _source_line(self, sources: Iterable[str], note: str | None) -> str:
        text = self.source_numbers(sources)
        if note:
            text = f"{text}; {note}" if text else note
        source = fmt.fill(L.CHAPTER["source"], sources=_sentence(text))
        return f'<span class="caption-source">{html.escape(source)}</span>'

    # -- output -------------------------------------------------------------------------
    def figure(self, fig, caption: str, sources: Iterable[str], note: str | None = None):
        """A numbered chart; its caption is also the chart's text alternative (an SVG <title>
        and aria-label), which the tagged PDF carries as the figure's /Alt. A chart that
        leaves something out says so in `fig.caption_note` (charts.tornado_chart: the
        assumptions that barely move the result), a sentence added to the caption."""
        after = getattr(fig, "caption_note", None)
        if after:
            caption = f"{caption}. {after.rstrip('.')}"
        png = base64.b64encode(charts.to_png(fig)).decode("ascii")
        svg = _with_alt_text(charts.to_svg(fig, close=False), caption)
        body = chart_body(fig, caption, svg)
        source_line = self._source_line(sources, note)
        figure_html = (
            '<figure class="chart">'
            f"{body}"
            '<figcaption><span class="caption-number" data-kind="figure"></span> '
            f"{html.escape(caption)} {source_line}</figcaption>"
            "</figure>"
        )
        # Any notebook view (JupyterLab untrusted, GitHub, nbconvert) shows the PNG or SVG;
        # the report's renderer puts the vector figure with its caption in its place.
        display(
            {"image/png": png, "image/svg+xml": svg, "text/plain": caption},
            raw=True,
            metadata={FIGURE_METADATA: {"html": figure_html}},
        )
        display(
            {"text/markdown": f"*{caption}.* {_plain_text(source_line)}", "text/plain": caption},
            raw=True,
            metadata={FIGURE_METADATA: {"notebook_only": True}},
        )

    def table(
        self,
        frame: pd.DataFrame,
        caption: str,
        sources: Iterable[str],
        note: str | None = None,
        numeric: Sequence[str] = (),
        detail: str | None = None,
        blocks: bool = False,
        highlight: Iterable[int] = (),
    ) -> None:
        """A table of already formatted values; `numeric` columns are right-aligned, and so
        are those the table's builder declares in `frame.attrs["numeric"]` (decision_tables
        does: its headers name computed figures, which a chapter should not type).

        `detail` names a column of long text (the assumptions' rationale) printed under each
        row across the table's width, after its column's name, instead of as a narrow
        column: the other columns stay a grid read down the page (a short table of
        paragraphs would print as blocks, `prints_as_blocks`), and a row and its detail are
        one group that a page never splits.

        A short table of paragraphs prints as blocks on paper (`prints_as_blocks`), and so
        does one whose builder asks for it in `frame.attrs["blocks"]` (decision_tables does
        for the options compared and the risk register: as five narrow columns they
        hyphenated nearly every word of their first column) or whose chapter asks for it
        with `blocks=True` (the road-safety claims: five columns of short phrases).

        `highlight` lists rows (0-based) printed on a tint, the first cell in bold: the row a
        recommendation takes (the memo's line, review s37a), found by eye among the others.

        A builder may name a column shared by runs of rows (`frame.attrs["group"]`, the
        peers' programme): its value heads each run once, a row across the table (a <tbody>
        each), and is no column of its own; and it may list words of a column printed marked
        (`frame.attrs["marked"]`, the risk register's high levels: bold and dark red).

        On paper a long table continues on the next page with its header row repeated. On a
        phone a table of more than two columns (`stacks_on_a_phone`) shows each row as a block,
        every value under its column's name (`data-label`, report.css), so nothing is off
        screen; a narrower one stays a table and scrolls sideways inside its frame if it must.
        A table longer than MAX_TABLE_ROWS shows
        its first rows and says how many more the data hold: a report summarises, it does not
        lay out thousands of rows."""
        total = len(frame)
        numeric = {*numeric, *frame.attrs.get(NUMERIC_COLUMNS, ())}
        asks_for_blocks = blocks or bool(frame.attrs.get(PRINT_AS_BLOCKS))
        marked = frame.attrs.get(MARKED_WORDS, {})
        group = frame.attrs.get(GROUP_COLUMN)
        frame = frame.head(MAX_TABLE_ROWS)
        details = None if detail is None else [_cell(v) for v in frame[detail]]
        frame = frame if detail is None else frame.drop(columns=detail)
        groups = None if group is None else [_cell(v) for v in frame[group]]
        frame = frame if group is None else frame.drop(columns=group)
        stack = stacks_on_a_phone(list(frame.columns), numeric)
        blocks = (
            stack
            and details is None
            and groups is None
            and (asks_for_blocks or prints_as_blocks(frame))
        )
        widths, fixed = ("", False) if blocks else _column_widths(frame, numeric, marked)
        whole = not blocks and details is None and stays_whole(frame)
        kind = " ".join(
            ["data"]
            + ["stack"] * stack
            + ["blocks"] * blocks
            + ["sized"] * fixed
            + ["whole"] * whole
        )
        head = "".join(
            f'<th scope="col" class="{"num" if c in numeric else ""}">{html.escape(str(c))}</th>'
            for c in frame.columns
        )
        highlight = set(highlight)
        rows = [
            ('<tr class="highlighted">' if index in highlight else "<tr>")
            + "".join(
                f'<td class="{"num" if c in numeric else ""}"'
                + (f' data-label="{html.escape(str(c))}"' if stack else "")
                + f">{_marked(_cell(v), marked.get(c, ()))}</td>"
                for c, v in zip(frame.columns, row, strict=True)
            )
            + "</tr>"
            for index, row in enumerate(frame.itertuples(index=False))
        ]
        if details is not None:  # each row with its detail, one group (a <tbody>) each
            rows = [
                f'{row}<tr class="detail"><td colspan="{len(frame.columns)}" '
                f'data-label="{html.escape(str(detail))}">{html.escape(text)}</td></tr>'
                for row, text in zip(rows, details, strict=True)
            ]
        if total > len(frame):
            more = fmt.fill(
                L.CHAPTER["more_rows"],
                shown=fmt.count(len(frame), L.ROW_FORMS),
                total=fmt.integer(total),
            )
            rows.append(
                f'<tr class="more-rows"><td colspan="{len(frame.columns)}">'
                f"{html.escape(more)}</td></tr>"
            )
        if details is not None:
            body = "".join(f'<tbody class="with-detail">{row}</tbody>' for row in rows)
        elif groups is not None:
            body = _grouped(rows, groups, len(frame.columns))
        else:
            body = f"<tbody>{''.join(rows)}</tbody>"
        display(
            HTML(
                '<figure class="table">'
                '<figcaption><span class="caption-number" data-kind="table"></span> '
                f"{html.escape(caption)}</figcaption>"
                f'<div class="table-scroll" role="region" tabindex="0" '
                f'aria-label="{html.escape(caption)}">'
                f'<table class="{kind}">'
                f"{widths}"
                f"<thead><tr>{head}</tr></thead>{body}</table>"
                "</div>"
                f'<p class="table-source">{self._source_line(sources, note)}</p>'
                "</figure>"
            )
        )

    def source_list(self) -> None:
        """Every source with its quote, its dates and address, as a numbered list (cheaper to
        lay out than an eight-page table, and easier to read). The quote, in the page's
        language, lets a reader check a figure against the page's words; a secondary page (a
        news report or a copy of an official figure) names its primary source. Addresses
        are links that open outside the report; internal source codes are not printed."""
        items = []
        for _source_id, row in self.sources.head(MAX_SOURCES).iterrows():
            url = str(row["url"]).strip() if pd.notna(row["url"]) else ""
            note = row.get("published_note")
            note = str(note).strip() if pd.notna(note) else ""
            if pd.isna(row["published"]):
                published = note or L.CHAPTER["undated"]
            elif note and not url:  # without an address, the note is its status («не найден…»)
                published = f"{fmt.date_long(row['published'])} ({note})"
            else:
                published = fmt.date_long(row["published"])
            address = (
                f'<a class="url" href="{html.escape(url)}" target="_blank" '
                f'rel="noopener">{html.escape(url)}</a>'
                if url
                else f'<span class="url">{html.escape(L.CHAPTER["no_address"])}</span>'
            )
            dates = fmt.fill(
                L.CHAPTER["published" if url else "searched"],
                published=published,
                accessed=_sentence(fmt.date_long(row["accessed"])),
            )
            quote = str(row["quote"]).strip()
            if not quote.startswith("["):  # «[цитаты нет: …]» says why, as it is
                quote = fmt.fill(L.CHAPTER["quote"], quote=quote)
            primary = row.get("primary_source")
            secondary = (
                f"{html.escape(fmt.fill(L.CHAPTER['secondary'], primary=str(primary).strip()))} "
                if pd.notna(primary) and str(primary).strip()
                else ""
            )
            items.append(
                f"<li>{html.escape(_sentence(str(row['publisher'])))} "
                f"{html.escape(_sentence(str(row['title'])))} "
                f'<span class="quote">{html.escape(_sentence(quote))}</span> '
                f"{secondary}{html.escape(dates)} {address}</li>"
            )
        more = len(self.sources) - MAX_SOURCES
        tail = (
            f'<p class="more-rows">'
            f"{html.escape(fmt.fill(L.CHAPTER['more_sources'], count=fmt.integer(more)))}</p>"
            if more > 0
            else ""
        )
        display(HTML(f'<ol class="sources">{"".join(items)}</ol>{tail}'))


# A table whose cells are paragraphs in four columns or more: on paper one block per row
# (print.css). As columns it set a word or two a line: the options ran over two pages, the
# assumptions over five with their rationale a narrow column (blocks: four; now a grid with
# the rationale under each row, `Chapter.table(detail=...)`: three). A longer table (the
# sources of a chapter, a request list) is scanned by its columns and stays one.
_BLOCK_ROWS, _BLOCK_COLUMNS, _BLOCK_CHARACTERS = 20, 4, 70


def prints_as_blocks(frame: pd.DataFrame) -> bool:
    """Whether the table prints as blocks: at most _BLOCK_ROWS rows, at least _BLOCK_COLUMNS
    columns, and its cells after the first hold _BLOCK_CHARACTERS characters on average."""
    if len(frame) > _BLOCK_ROWS or len(frame.columns) < _BLOCK_COLUMNS or frame.empty:
        return False
    texts = [_cell(v) for column in frame.columns[1:] for v in frame[column]]
    return sum(map(len, texts)) / len(texts) >= _BLOCK_CHARACTERS


# A grid of at most five short rows could not be cut into parts of three rows each: it moves
# to the next page whole (print.css, «whole»). Its cells are short, so it is never taller
# than a page; a grid of long texts keeps the general rule (it may fill a page).
_WHOLE_ROWS, _WHOLE_CHARACTERS = 5, 60


def stays_whole(frame: pd.DataFrame) -> bool:
    """Whether a page never cuts the table: at most _WHOLE_ROWS rows, no cell longer than
    _WHOLE_CHARACTERS characters."""
    if len(frame) > _WHOLE_ROWS or frame.empty:
        return False
    return all(len(_cell(v)) <= _WHOLE_CHARACTERS for column in frame for v in frame[column])


def stacks_on_a_phone(columns: Sequence, numeric: Iterable = ()) -> bool:
    """Whether a table shows its rows as blocks on a phone: any table of more than two
    columns, except a short table of figures (at most three columns, all but the first
    numeric), which fits a phone's width as it is."""
    numeric = set(numeric)
    if len(columns) <= 2:
        return False
    return not (len(columns) == 3 and all(c in numeric for c in columns[1:]))


def _grouped(rows: list[str], groups: list[str], columns: int) -> str:
    """The rows in runs of the same group, a <tbody> each headed by the group's name once, a
    row across the table (`tr.group`: on paper it keeps its first row, print.css); a row
    past the table's cap (`more-rows`) closes the last run."""
    runs: list[tuple[str, list[str]]] = []
    for index, row in enumerate(rows):
        name = groups[index] if index < len(groups) else None
        if name is None or (runs and runs[-1][0] == name):
            runs[-1][1].append(row)
        else:
            runs.append((name, [row]))

    # the first run of a single row goes over a page break with the next run, the last one
    # with the one before: on paper a table's first and last parts keep three rows (print.css),
    # and a group's name with one row is two
    def kind(index: int, members: list[str]) -> str:
        keep = []
        if len(members) < 2 and index == 0 and len(runs) > 1:
            keep.append("keep-next")
        if len(members) < 2 and index == len(runs) - 1 and len(runs) > 1:
            keep.append("keep-previous")
        return " ".join(["group", *keep])

    return "".join(
        f'<tbody class="{kind(index, members)}">'
        f'<tr class="group"><th scope="rowgroup" colspan="{columns}">{html.escape(name)}</th>'
        f"</tr>{''.join(members)}</tbody>"
        for index, (name, members) in enumerate(runs)
    )


def _marked(text: str, words: Iterable[str]) -> str:
    """The cell's text, escaped, each of `words` in it (a whole word) marked: <strong
    class="marked"> (report.css: bold, dark red)."""
    escaped = html.escape(text)
    for word in words:
        pattern = rf"(?<!\w){re.escape(html.escape(word))}(?!\w)"
        escaped = re.sub(pattern, r'<strong class="marked">\g<0></strong>', escaped)
    return escaped


def _cell(value) -> str:
    try:
        missing = value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        missing = False
    return fmt.MISSING if missing else str(value)


# A quotation of a source's quote: «…» (with «…» inside it) or "…".
_QUOTATIONS = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|\"[^\"]*\"")


def _sentence(text: str) -> str:
    """End a sentence with exactly one full stop: «… 2026 г.» stays, never «г..»; a quotation
    that ends its own sentence ("… in 2026.") takes none after its closing mark."""
    text = text.rstrip()
    if not text or text[-1] in ".!?…" or (text[-1] in '»"' and text[-2:-1] in (".", "!", "?")):
        return text
    return f"{text}."


_SVG_OPEN = re.compile(r"<svg\b")


def chart_body(fig, caption: str, svg: str | None = None) -> str:
    """A chart's two drawings in a figure's body, each with the caption as its text
    alternative: the page's (`svg`, when already drawn) and a phone's, which report.css shows
    instead at a phone's width so that its text stays readable; the figure is then closed.
    The title page's chart (key_facts.cover_chart) is drawn as the chapters' are."""
    if svg is None:
        svg = _with_alt_text(charts.to_svg(fig, close=False), caption)
    narrow = _with_alt_text(charts.to_narrow_svg(fig), caption)
    # a chart of many labelled rows (charts.options_chart) may be taller than the others'
    # cap and still print its labels near full size (print.css: chart-tall)
    wide = "chart-wide chart-tall" if getattr(fig, "tall", False) else "chart-wide"
    return (
        f'<div class="chart-body">{_with_class(svg, wide)}'
        f"{_with_class(narrow, 'chart-narrow')}</div>"
    )


def _with_alt_text(svg: str, caption: str) -> str:
    """The caption as the chart's text alternative: role="img", aria-label and a <title>
    (WeasyPrint writes the <title> as the tagged PDF figure's /Alt), with the page's
    typography (the renderer leaves a drawing's text as it is): «1 января» is one word."""
    caption = typeset_page(caption)
    label = html.escape(caption, quote=True)
    opened = _SVG_OPEN.sub(f'<svg role="img" aria-label="{label}"', svg, count=1)
    end = opened.index(">", opened.index("<svg")) + 1
    return f"{opened[:end]}<title>{html.escape(caption, quote=False)}</title>{opened[end:]}"


def _with_class(svg: str, css_class: str) -> str:
    """The <svg> element with a class (which drawing the page shows at which width)."""
    return _SVG_OPEN.sub(f'<svg class="{css_class}"', svg, count=1)


def _plain_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))
