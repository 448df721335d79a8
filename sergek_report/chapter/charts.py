"""One chart style for the whole report, and deterministic SVG output."""

from __future__ import annotations

import hashlib
import io
import re
import textwrap
import warnings
from collections.abc import Callable, Collection, Mapping
from decimal import ROUND_HALF_EVEN, Decimal

import matplotlib

matplotlib.use("Agg")  # the report never opens a window; the kernel needs no display

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Annotation, Text
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator

from sergek_report import labels as L
from sergek_report.chapter import fmt

# Colours: one accent for the subject (Sergek/Almaty), greys for context, red for risk.
ACCENT = "#1f5f8b"
ACCENT_LIGHT = "#8fb8d6"
CONTEXT = "#8a8a8a"
# Words in a chart (notes, labels of reference lines) are dark and at least 8 pt at print
# size: the context grey is for lines, not for text a reader must read.
TEXT_GREY = "#444444"
# An option on a weaker basis in the options chart (options_chart's `muted`): a light grey
# bar hatched in the context grey, never the accent of the verified ones.
MUTED_FILL = "#e3e3e3"
WHISKER_STRONG = "#0b2a40"  # a whisker over the accent-filled bar of a recommended option
MUTED_HATCH = "////"
WHISKER_MUTED = "#555555"  # its P10–P90, darker than the hatching it crosses
NOTE_SIZE = 9
WARNING = "#b23a2e"
PALETTE = [ACCENT, "#d98c1e", "#4b8b3b", WARNING, "#6b4c9a", CONTEXT]

STYLE = {
    # DejaVu Sans ships with matplotlib and covers Russian and Kazakh letters.
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "figure.figsize": (6.4, 3.4),
    "figure.dpi": 100,
    "legend.frameon": False,
    # Text stays text: half the SVG size and WeasyPrint time of glyph paths, and chart labels
    # are searchable in the PDF. The PDF embeds the font (see FONT_FAMILY below).
    "svg.fonttype": "none",
    "svg.hashsalt": "sergek-report",  # stable element ids: same inputs, same SVG
    "axes.formatter.use_locale": False,
}


def apply_style() -> None:
    plt.rcParams.update(STYLE)


def new_figure(width: float = 6.4, height: float = 3.4, ncols: int = 1):
    apply_style()
    return plt.subplots(1, ncols, figsize=(width, height), layout="constrained")


def axis_formatter(func: Callable[[float], str]) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: func(value))


def integer_axis(ax, axis: str = "y") -> None:
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(axis_formatter(lambda v: fmt.integer(round(v))))


def number_axis(ax, digits: int = 0, axis: str = "y") -> None:
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(axis_formatter(lambda v: fmt.number(v, digits)))


class RussianDateFormatter(Formatter):
    """Date ticks in Russian: "2019", "2020" when every tick is a new year, otherwise
    "янв. 2020", "апр. 2020"; never ISO dates."""

    def format_ticks(self, values):
        dates = [mdates.num2date(v).date() for v in values]
        if all(d.month == 1 and d.day == 1 for d in dates):
            return [str(d.year) for d in dates]
        return [fmt.month_year_short(d) for d in dates]

    def __call__(self, x, pos=None):
        return self.format_ticks([x])[0]


def date_axis(ax, axis: str = "x") -> None:
    """Russian month and year labels on a date axis (see `RussianDateFormatter`)."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=8))
    target.set_major_formatter(RussianDateFormatter())


def _is_dates(x) -> bool:
    try:
        values = pd.Series(list(x))
    except TypeError:
        return False
    return pd.api.types.is_datetime64_any_dtype(values) or (
        len(values) > 0 and all(hasattr(v, "year") and hasattr(v, "month") for v in values)
    )


def _gap_length(a, b) -> float:
    """Distance between two x values, in days for dates."""
    if hasattr(a, "year"):
        return (pd.Timestamp(b) - pd.Timestamp(a)).days
    return float(b) - float(a)


def segments(x, y, max_gap: float | None):
    """Split points where consecutive x values lie further apart than `max_gap` (days for
    dates): a line is drawn within each segment, never across a gap with no data."""
    x, y = list(x), list(y)
    if not x:
        return []
    if max_gap is None:
        return [(x, y)]
    out, start = [], 0
    for i in range(1, len(x)):
        if _gap_length(x[i - 1], x[i]) > max_gap:
            out.append((x[start:i], y[start:i]))
            start = i
    out.append((x[start:], y[start:]))
    return out


# The PDF defines "Report Sans" (DejaVu Sans shipped with matplotlib) with @font-face; a
# browser without it falls back to a local DejaVu Sans or any sans-serif font.
FONT_FAMILY = "font-family: 'Report Sans', 'DejaVu Sans', sans-serif"
_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_ID_REFERENCE = re.compile(r'(\bid="|href="#|url\(#)([^")]+)')
# matplotlib writes coordinates with 6 decimals. Text extents are multiples of 1/64 px, so a
# coordinate can end in exactly ...5 at the 7th decimal, and the last bit of the float then
# decides the 6th: Python 3.11 and 3.12 wheels differ there (367.648437 / 367.648438 in one
# chart). 3 decimals (1/1000 pt) are rounded from the written digits, the same everywhere.
_LONG_DECIMAL = re.compile(r"(?<![\w.#])-?\d+\.\d{4,}(?![\d.])")


def _three_decimals(match: re.Match) -> str:
    rounded = Decimal(match.group(0)).quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)
    text = format(rounded, "f").rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def to_png(fig, dpi: int = 110) -> bytes:
    """The figure as a PNG (for notebook views that do not show SVG); no date or version."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def to_svg(fig, close: bool = True) -> str:
    """Serialise a figure as an inline <svg> element (no XML prologue, no date).

    matplotlib numbers element ids from 1 in every figure; inlined in one document they
    would collide, so each figure's ids get a prefix derived from its own content
    (deterministic: same figure, same ids). `close=False` keeps the figure open (to draw
    its narrow variant next).
    """
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    if close:
        plt.close(fig)
    svg = _METADATA.sub("", _XML_PROLOGUE.sub("", buffer.getvalue(), count=1))
    svg = svg.replace("font-family: 'DejaVu Sans'", FONT_FAMILY)
    svg = _LONG_DECIMAL.sub(_three_decimals, svg)
    prefix = "f" + hashlib.sha256(svg.encode()).hexdigest()[:8] + "-"
    return _ID_REFERENCE.sub(lambda m: m.group(1) + prefix + m.group(2), svg)


# A phone shows each chart drawn again for its width (the HTML swaps the drawings at
# report.css's 640 px breakpoint): NARROW_WIDTH inches wide, no text below NARROW_MIN_FONT
# points. Shown at PHONE_CHART_PX (a 400 px screen less the page's side margins) a point is
# then PHONE_CHART_PX / (NARROW_WIDTH × 72) ≈ 1.3 px, so every label is at least 10 px, and
# still 9 px on a 360 px screen; the wide drawing on a phone would shrink 9 pt to 7 px.
NARROW_WIDTH = 4.0
NARROW_MIN_FONT = 8.0
NARROW_MIN_HEIGHT = 2.8  # inches: the phone drawing of a chart is never lower
PHONE_CHART_PX = 376
MIN_SCREEN_TEXT_PX = 9.0


def lower_on_paper(fig, share: float) -> None:
    """The figure `share` of its height on paper, its own height on a phone (`to_narrow_svg`
    draws it at `narrow_height`): a chart of few marks need not take half a page."""
    width, height = fig.get_size_inches()
    fig.narrow_height = height
    fig.set_size_inches(width, share * height)


def to_narrow_svg(fig) -> str:
    """The figure laid out again NARROW_WIDTH inches wide for a phone, as an inline <svg>
    (then closed), as tall as before or as its `narrow_height` (inches) asks: the same
    data, marks and words. Text below NARROW_MIN_FONT grows to it;
    tick labels that would collide on the narrower axis wrap onto more lines (words) or show
    every second one (years, months, figures: the ticks stay); long category labels and
    axis titles wrap; a legend in several columns takes fewer. A diagram (`diagrams`), whose
    boxes are laid out from their words, is drawn again for the width by its own
    `narrow_drawing` instead."""
    redraw = getattr(fig, "narrow_drawing", None)
    if redraw is not None:
        plt.close(fig)
        return to_svg(redraw())
    for text, shorter in getattr(fig, "narrow_texts", ()):  # words a phone has room for
        text.set_text(shorter)
    height = getattr(fig, "narrow_height", None) or fig.get_size_inches()[1]
    # a low wide chart (2 in) left its plot a sliver on a phone once its legend and labels
    # grew to the phone's font (the Kazakh Figure 5, 4 Dec 2026)
    fig.set_size_inches(NARROW_WIDTH, max(height, NARROW_MIN_HEIGHT))
    for text in fig.findobj(Text):
        if text.get_text() and text.get_fontsize() < NARROW_MIN_FONT:
            text.set_fontsize(NARROW_MIN_FONT)
    for ax in fig.axes:
        ax.title.set_wrap(True)  # a panel's title (the options chart) wraps like axis titles
        for axis in (ax.xaxis, ax.yaxis):
            axis.label.set_wrap(True)
            labels = [t for t in axis.get_ticklabels() if t.get_text()]
            if labels and min(t.get_fontsize() for t in labels) < NARROW_MIN_FONT:
                ax.tick_params(axis="x" if axis is ax.xaxis else "y", labelsize=NARROW_MIN_FONT)
    for text in fig.texts:  # figure-level notes (a tornado's hidden assumptions)
        text.set_wrap(True)
    renderer = fig.canvas.get_renderer()
    with warnings.catch_warnings():
        # a layout at the phone's width before every panel's category labels wrap may leave
        # no room for the axes (the options chart: its labels and its column of figures);
        # the labels are measured on their own and the figure laid out again once they fit
        warnings.filterwarnings("ignore", "constrained_layout not applied", UserWarning)
        fig.draw_without_rendering()
        for ax in fig.axes:
            _fit_y_labels(fig, ax, renderer)
    # a title's lines wrapped with no word alone on the last one («… бюджета, / 28,4»), with
    # a margin: matplotlib's own wrapping (the safety net) breaks a line the layout moves out
    _fit_titles(fig, slack=-0.03)
    _legends_below(fig, renderer)  # before the dates fit: a wide legend squeezed the axes
    for ax in fig.axes:
        _fit_x_labels(fig, ax, renderer)
    _fit_legends(fig, renderer)
    _legends_below(fig, renderer)  # the axes laid out for their labels: over a value label?
    _room_for_rows(fig, renderer)
    for ax in fig.axes:
        _separate_labels(fig, ax, renderer)
        labels = [t for t in getattr(fig, "value_labels", ()) if t.axes is ax]
        if labels:
            _value_labels_inside(fig, ax, renderer, labels)
    return to_svg(fig)


def _value_labels_inside(fig, ax, renderer, labels: list, pad_px: float = 8.0) -> None:
    """Labels written beside the bars (a tornado's «2,10 (84 месяца)», anchored at a bar's
    end, right-aligned left of it or left-aligned right of it) kept inside the plot on a
    phone (reviews s48a, s48b: at 400 px they ran across the assumptions' names). Their
    widths in pixels do not change with the axis, so the narrowest value range that holds
    them is solved for: with R the range and W the plot's width, a label of width w at v
    needs v − low ≥ (w + pad) R / W on the left, high − v ≥ (w + pad) R / W on the right."""

    def shares() -> tuple[list, list]:
        fig.draw_without_rendering()
        width = ax.get_window_extent(renderer).width
        lefts, rights = [], []  # (value, share of the plot's width the label takes)
        for text in labels:
            share = (text.get_window_extent(renderer).width + pad_px) / width
            (lefts if text.get_ha() == "right" else rights).append((text.xy[0], share))
        return lefts, rights

    def room(lefts, rights) -> float:
        return (
            1 - max((a for _, a in lefts), default=0.0) - max((b for _, b in rights), default=0.0)
        )

    lefts, rights = shares()
    if room(lefts, rights) < 0.05:
        # too wide for the phone's plot on both sides: the assumption's end under its value
        for text in labels:
            text.set_text(text.get_text().replace(" (", "\n(", 1))
        lefts, rights = shares()
    if room(lefts, rights) < 0.05:
        return  # wider than the plot whatever the range: left as drawn
    # the narrowest range R: for a label left of its value (share a) and one right of its
    # value (share b), R (1 − a − b) ≥ their values' distance; against the bars' own ends
    # too. Solved again once: the layout may give the plot another width.
    for _ in range(2):
        values = [v for v, _ in lefts + rights]
        data_low, data_high = min(values), max(values)
        needs = [data_high - data_low]
        needs += [(vr - vl) / (1 - a - b) for vl, a in lefts for vr, b in rights if vr > vl]
        needs += [(vr - data_low) / (1 - b) for vr, b in rights]
        needs += [(data_high - vl) / (1 - a) for vl, a in lefts]
        span = max(needs)
        low = min([v - a * span for v, a in lefts] + [data_low])
        ax.set_xlim(low, low + span)
        lefts, rights = shares()


def wrap_label(text: str, width: int, hyphens: bool = True) -> str:
    """`text` wrapped at `width` characters, never leaving one word alone on the last line
    («Нынешняя цена (ориентир для нового / ГЧП)»): a narrower width that keeps the number of
    lines and ends on two or more words is taken, else the widest wrapping one line longer.
    `hyphens=False` keeps a hyphenated word whole (the phone's «АБК-сі», not «АБК- / сі»)."""

    def wrap(at: int) -> list[str]:
        return textwrap.wrap(text, at, break_long_words=False, break_on_hyphens=hyphens)

    lines = wrap(width)
    if len(lines) < 2 or len(lines[-1].split()) > 1:
        return "\n".join(lines)
    more_lines = None
    for narrower in range(width - 1, max(4, width // 3), -1):
        candidate = wrap(narrower)
        if len(candidate[-1].split()) < 2:
            continue
        if len(candidate) == len(lines):
            return "\n".join(candidate)
        if more_lines is None and len(candidate) == len(lines) + 1:
            more_lines = candidate
    return "\n".join(more_lines or lines)


class NarrowTicks(Formatter):
    """A chart's own tick labels, each line wrapped at `width` characters (None: as they
    are), and only every `step`-th label shown."""

    def __init__(self, base: Formatter, width: int | None = None, step: int = 1):
        self.base, self.width, self.step = base, width, step

    def _fit(self, label: str) -> str:
        if not self.width:
            return label
        return "\n".join(wrap_label(line, self.width, False) for line in label.split("\n"))

    def format_ticks(self, values):
        labels = self.base.format_ticks(values)
        return [self._fit(t) if i % self.step == 0 else "" for i, t in enumerate(labels)]

    def __call__(self, x, pos=None):
        return self._fit(self.base(x, pos))


def _label_texts(axis) -> list[str]:
    return [t.get_text() for t in axis.get_ticklabels() if t.get_visible() and t.get_text()]


def _collide(axis, renderer, gap: float = 3.0) -> bool:
    """Whether neighbouring x tick labels overlap (or come closer than `gap` pixels)."""
    boxes = sorted(
        (t.get_window_extent(renderer) for t in axis.get_ticklabels() if t.get_text()),
        key=lambda box: box.x0,
    )
    return any(a.x1 + gap > b.x0 for a, b in zip(boxes, boxes[1:], strict=False))


def _widths(texts: list[str]) -> list[int | None]:
    """Wrapping widths to try, widest first: None, then shorter lines while words remain."""
    longest = max((len(line) for t in texts for line in t.split("\n")), default=0)
    if not any(" " in line.strip() for t in texts for line in t.split("\n")):
        return [None]
    return [None, *range(longest - 2, 5, -2)]


def _fit_x_labels(fig, ax, renderer) -> None:
    axis = ax.xaxis
    texts = _label_texts(axis)
    if not texts or not _collide(axis, renderer):
        return
    base = axis.get_major_formatter()
    if isinstance(base, RussianDateFormatter) and _fit_dates(fig, axis, base, renderer):
        return
    single_tokens = _widths(texts) == [None]
    for width in _widths(texts):
        axis.set_major_formatter(NarrowTicks(base, width))
        fig.draw_without_rendering()
        if not _collide(axis, renderer):
            return
    if single_tokens:  # years, months, figures: every second one still says where we are
        for step in (2, 3, 4):
            axis.set_major_formatter(NarrowTicks(base, None, step))
            fig.draw_without_rendering()
            if not _collide(axis, renderer):
                return


def _fit_dates(fig, axis, base: Formatter, renderer) -> bool:
    """Dates on the x axis on two lines at most, fewer of them if they still collide: the
    Kazakh «2020 ж. қаң.» wrapped onto three lines, «ж.» alone on one, where the Russian
    «янв. 2020» takes two; fewer ticks a year apart read «2020», «2021»… Whether it fits
    (otherwise the date axis is as it was)."""
    locator = axis.get_major_locator()
    count = len(_label_texts(axis))
    for most in [None, *range(count - 1, 2, -1)]:
        if most is not None:
            axis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=most))
            axis.set_major_formatter(base)
            fig.draw_without_rendering()
        texts = _label_texts(axis)
        for width in _widths(texts):
            narrow = NarrowTicks(base, width)
            if any(narrow._fit(t).count("\n") > 1 for t in texts):
                continue  # three lines: fewer ticks instead
            axis.set_major_formatter(narrow)
            fig.draw_without_rendering()
            if not _collide(axis, renderer):
                return True
    axis.set_major_locator(locator)
    axis.set_major_formatter(base)
    fig.draw_without_rendering()
    return False


def _fit_y_labels(fig, ax, renderer, share: float = 0.4) -> None:
    """Category labels on the y axis (a tornado's assumptions) wrap so they take at most
    `share` of the figure's width."""
    axis = ax.yaxis
    texts = _label_texts(axis)
    if not texts:
        return
    limit = fig.bbox.width * share
    base = axis.get_major_formatter()
    # A label's width depends on its text and font, not on the layout: each wrapping is
    # measured on the labels themselves, and the figure is laid out again once, for the
    # one chosen (the narrowest tried if none fits).
    labels = [(t, t.get_text()) for t in axis.get_ticklabels()]
    widths = _widths(texts)
    chosen = widths[-1]
    for width in widths:
        fitted = NarrowTicks(base, width)
        widest = max(_width_as(t, fitted._fit(text), renderer) for t, text in labels)
        if widest <= limit:
            chosen = width
            break
    for t, text in labels:
        t.set_text(text)
    if chosen is not None:
        axis.set_major_formatter(NarrowTicks(base, chosen))
        fig.draw_without_rendering()


def _width_as(label: Text, text: str, renderer) -> float:
    """The width `label` would take showing `text`."""
    label.set_text(text)
    return label.get_window_extent(renderer).width


def _fit_legends(fig, renderer) -> None:
    """A legend in several columns wider than the figure takes fewer columns.

    matplotlib lays a legend's columns out when it is made (`set_ncols` alone changes
    nothing drawn), so the legend's box is laid out again from its own entries (private
    methods of matplotlib's Legend: tests/test_charts.py checks the result)."""
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    for legend in legends:
        columns = legend._ncols
        while columns > 1 and legend.get_window_extent(renderer).width > fig.bbox.width:
            columns -= 1
            legend.set_ncols(columns)
            legend._init_legend_box(
                list(legend.legend_handles), [t.get_text() for t in legend.texts]
            )
            outside = legend._outside_loc  # set_loc forgets "outside upper center"
            legend.set_loc(legend._loc)  # the new box at the legend's place
            legend._outside_loc = outside
            fig.draw_without_rendering()


def _overlap(a, b, gap: float = 0.0) -> bool:
    """Whether two window extents overlap (or come closer than `gap` pixels)."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > -gap and min(a.y1, b.y1) - max(a.y0, b.y0) > -gap


def _visible_texts(ax) -> list[Text]:
    return [t for t in ax.texts if t.get_visible() and t.get_text()]


def _legends_below(fig, renderer) -> None:
    """An axes' legend that on the phone is wider than its axes (the Kazakh Figure 4's one
    line squeezed the plot to 40 px) or lies over the axes' own words (the network's growth:
    «1 991» under the legend; the Kazakh Figure 5's over the line) goes under the figure, its
    entries in a row if they fit, else in fewer columns down to one, a line wider than the
    figure wrapped, and the figure grows by the legend's height: the plot keeps its size. A
    legend already under its axes (Figure 7's) stays."""
    if not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
        return
    grown = 0.0
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None or not legend.get_visible():
            continue
        box = legend.get_window_extent(renderer)
        plot = ax.get_window_extent(renderer)
        covers = any(_overlap(box, t.get_window_extent(renderer)) for t in _visible_texts(ax))
        squeezes = box.width > plot.width and _overlap(box, plot)  # inside, wider than the plot
        if not (covers or squeezes or box.x0 < 0 or box.x1 > fig.bbox.width):
            continue
        texts = [t.get_text() for t in legend.get_texts()]
        handles, labels = ax.get_legend_handles_labels()
        if labels != texts:  # a legend made of its own handles
            handles = list(legend.legend_handles)
        size = legend.get_texts()[0].get_fontsize()
        legend.remove()
        for columns in range(max(len(texts), 1), 0, -1):  # in a row if it fits, else fewer
            below = fig.legend(
                handles, texts, loc="outside lower center", ncols=columns, fontsize=size
            )
            fig.draw_without_rendering()
            if columns == 1 or below.get_window_extent(renderer).width <= fig.bbox.width:
                break
            below.remove()
        outer = below.get_window_extent(renderer).width
        if outer > fig.bbox.width:  # one column, and still a line wider than the figure
            room = fig.bbox.width - (outer - _widest(below, renderer)) - 4
            for text in below.get_texts():
                words = text.get_text()
                for width in range(len(words), 5, -2):
                    text.set_text(wrap_label(words, width, False))
                    if text.get_window_extent(renderer).width <= room:
                        break
            fig.draw_without_rendering()
        grown += below.get_window_extent(renderer).height / fig.dpi
    if grown:
        width, height = fig.get_size_inches()
        fig.set_size_inches(width, height + grown)
        fig.draw_without_rendering()


def _widest(legend, renderer) -> float:
    return max(t.get_window_extent(renderer).width for t in legend.get_texts())


def _room_for_rows(fig, renderer, gap: float = 2.0) -> None:
    """Category labels on the y axis that wrapped onto more lines than their rows hold (the
    Kazakh options chart: a label's first line over the tail of the one above) get rows tall
    enough: the figure grows until no two neighbouring labels overlap."""
    for _ in range(6):
        need = 1.0
        for ax in fig.axes:
            boxes = sorted(
                (
                    t.get_window_extent(renderer)
                    for t in ax.yaxis.get_ticklabels()
                    if t.get_visible() and t.get_text()
                ),
                key=lambda box: box.y0,
            )
            for a, b in zip(boxes, boxes[1:], strict=False):
                distance = (b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2
                wanted = (a.height + b.height) / 2 + gap
                if distance > 0 and wanted > distance:
                    need = max(need, wanted / distance)
        if need <= 1.0:
            return
        plots = sum(ax.get_window_extent(renderer).height for ax in fig.axes)
        width, height = fig.get_size_inches()
        fig.set_size_inches(width, height + plots * (need - 1) / fig.dpi + 0.05)
        fig.draw_without_rendering()


def _separate_labels(fig, ax, renderer) -> None:
    """Value labels of neighbouring points that overlap on the narrower axis («414» and
    «460» of the network's growth) move apart: the left one ends at its point, the right one
    starts at its; if they still overlap, the lower one goes under its point."""
    labels = sorted(
        (t for t in _visible_texts(ax) if isinstance(t, Annotation) and t.get_ha() == "center"),
        key=lambda t: t.get_window_extent(renderer).x0,
    )
    for a, b in zip(labels, labels[1:], strict=False):
        if not _overlap(a.get_window_extent(renderer), b.get_window_extent(renderer), 1.0):
            continue
        for text, side, shift in ((a, "right", -1.0), (b, "left", 1.0)):
            x, y = text.xyann
            text.set_horizontalalignment(side)
            text.xyann = (x + shift, y)
        fig.draw_without_rendering()
        if _overlap(a.get_window_extent(renderer), b.get_window_extent(renderer), 1.0):
            lower = min((a, b), key=lambda t: float(t.xy[1]))
            x, y = lower.xyann
            lower.xyann = (x, -y)
            lower.set_verticalalignment("top")
            fig.draw_without_rendering()


# --- the report's charts ------------------------------------------------------------------
# Each returns a matplotlib Figure in the report style; the notebooks add caption and source.


def milestones_chart(
    deployment, planned_status: str = "planned", separate=(), height: float = 3.4, unverified=()
):
    """Complexes at each dated milestone: points where a source gives a number, thin straight
    segments between neighbouring points (the linear interpolation of the calculations), no
    segment into a date listed in `separate` (e.g. the launch: the pilot did not ramp up), a
    dashed segment to a planned point drawn open, a point whose source is not checked (its date
    in `unverified`) drawn grey (review s33p: drawn as the checked ones, it contradicted the
    table's «не проверено»). No step: nothing is drawn as flat or jumping where no source says
    so. `height` as in line_chart."""
    fig, ax = new_figure(height=height)
    separate = {str(d)[:10] for d in separate}
    done = deployment[deployment["status"] != planned_status].reset_index(drop=True)
    planned = deployment[deployment["status"] == planned_status]
    for i in range(1, len(done)):
        if str(done["date"].iloc[i])[:10] in separate:
            continue
        ax.plot(
            done["date"].iloc[i - 1 : i + 1],
            done["complexes"].iloc[i - 1 : i + 1],
            ":",
            color=ACCENT_LIGHT,
            linewidth=1,
            label=L.MILESTONES_CHART["interpolation"] if i == len(done) - 1 else None,
        )
    unchecked = done["date"].astype(str).str[:10].isin({str(d)[:10] for d in unverified})
    for points, color, kind in (
        (done[~unchecked], ACCENT, "sourced"),
        (done[unchecked], CONTEXT, "unverified"),
    ):
        if not points.empty:
            ax.plot(
                points["date"],
                points["complexes"],
                "o",
                color=color,
                label=L.MILESTONES_CHART[kind],
            )
    if not planned.empty:
        bridge = [done["date"].iloc[-1], planned["date"].iloc[0]]
        ax.plot(
            bridge,
            [done["complexes"].iloc[-1], planned["complexes"].iloc[0]],
            "--",
            color=ACCENT,
            linewidth=1,
        )
        ax.plot(
            planned["date"],
            planned["complexes"],
            "o",
            mfc="white",
            color=ACCENT,
            label=L.MILESTONES_CHART["planned"],
        )
    previous = None
    for date, count in zip(deployment["date"], deployment["complexes"], strict=True):
        # one label per distinct value in a row (1 641 in Nov 2024 and Dec 2025)
        if count != previous:
            ax.annotate(
                fmt.integer(count),
                (date, count),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
            )
        previous = count
    ax.set_ylabel(L.MILESTONES_CHART["y_axis"])
    ax.set_ylim(0, deployment["complexes"].max() * 1.15)
    integer_axis(ax)
    date_axis(ax)
    ax.legend(loc="upper left")
    return fig


def reconciliation_chart(cumulative, estimates: dict, lines: dict, extension_year: int):
    """Cumulative estimated payments at each year end, one line per estimate (the extension
    year dashed), against horizontal lines of known obligation figures."""
    fig, ax = new_figure()
    years = list(cumulative.index)
    past = [y for y in years if y < extension_year]
    for (column, label), color in zip(estimates.items(), PALETTE, strict=False):
        values = cumulative[column] / 1e9
        ax.plot(past, values.loc[past], "o-", color=color, label=label, markersize=4)
        if extension_year in years:
            ax.plot(
                [past[-1], extension_year],
                values.loc[[past[-1], extension_year]],
                "o--",
                color=color,
                mfc="white",
                markersize=4,
            )
    for (label, value), color in zip(lines.items(), (WARNING, CONTEXT), strict=False):
        ax.axhline(value / 1e9, color=color, linewidth=1, linestyle="-.")
        ax.annotate(
            label,
            (years[0], value / 1e9),
            textcoords="offset points",
            xytext=(0, 4),
            fontsize=NOTE_SIZE,
            color=color if color != CONTEXT else TEXT_GREY,
        )
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylabel(L.RECONCILIATION_CHART["y_axis"])
    number_axis(ax, 0)
    ax.legend(loc="lower right")
    return fig


def bars_chart(labels, values, value_format, ylabel: str, colors=None, missing_label=None):
    """Simple vertical bars with value labels; a None value is drawn as a 'no data' note (in
    the edition's language: the catalog's word is read when the chart is drawn). A value
    given as a range, (low, high), is an estimate, not a reported figure: an open hatched bar
    to its high end, a line at its low end, labelled «≈ low–high» and the catalog's word for
    an estimate (L.ESTIMATE_BAR)."""
    missing_label = L.NO_DATA if missing_label is None else missing_label
    fig, ax = new_figure()
    positions = range(len(labels))
    colors = list(colors) if colors else [ACCENT] * len(labels)
    shown = [0 if v is None else max(v) if isinstance(v, tuple) else v for v in values]
    for x, v, top, color in zip(positions, values, shown, colors, strict=True):
        if isinstance(v, tuple):
            ax.bar(x, top, width=0.6, color="white", edgecolor=color, hatch="///", linewidth=1)
            ax.plot([x - 0.3, x + 0.3], [min(v)] * 2, color=color, linewidth=1.2)
        else:
            ax.bar(x, top, color=color, width=0.6)
    for x, v, top in zip(positions, values, shown, strict=True):
        if v is None:
            text = missing_label
        elif isinstance(v, tuple):
            text = f"≈ {value_format(min(v))}–{value_format(max(v))}\n{L.ESTIMATE_BAR}"
        else:
            text = value_format(v)
        ax.annotate(
            text,
            (x, top),
            textcoords="offset points",
            xytext=(0, 4),
            ha="center",
            fontsize=8,
            color=WARNING if v is None else "#222222",
        )
    ax.set_xticks(list(positions), labels)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, max(shown) * 1.18 if max(shown) else 1)
    return fig, ax


def line_chart(
    x,
    series: dict,
    ylabel: str,
    value_axis=None,
    markers: bool = True,
    max_gap=None,
    height: float = 3.4,
):
    """Lines over x; dates on x get Russian labels. With `max_gap` (days for dates, x units
    otherwise) a line breaks where consecutive points are further apart: no line is drawn
    across a stretch with no data, and a lone point is drawn as a marker. `height` (inches,
    for 6.4 of width): a low chart fits below a chapter's opening text."""
    fig, ax = new_figure(height=height)
    for (label, values), color in zip(series.items(), PALETTE, strict=False):
        for index, (xs, ys) in enumerate(segments(x, values, max_gap)):
            style = "o-" if markers else "-"
            if len(xs) == 1:
                style = "o"  # a point with no neighbour within max_gap
            ax.plot(xs, ys, style, label=label if index == 0 else None, color=color, markersize=4)
    ax.set_ylabel(ylabel)
    if value_axis:
        value_axis(ax)
    if _is_dates(x):
        date_axis(ax)
    ax.legend(loc="best")
    return fig, ax


def tornado_chart(
    frame,
    labels: dict,
    base: float,
    value_format,
    xlabel: str,
    min_share: float = 0.01,
    base_label: str | None = None,
    base_format=None,
    ends: dict[str, tuple[str, str]] | None = None,
):
    """Horizontal bars from the base value to the metric at each assumption's low/high.
    `ends` gives each assumption's low and high values as text: a bar's label then says
    which end it is, «2,10 (84 месяца)» (review s28a: a dark bar pointing left read as the
    assumption's low end).

    Readable at print size: labels of at least 8 pt, the base value marked and labelled,
    a key for the two bar shades. An assumption whose swing is below `min_share` of the
    largest swing would be an invisible bar: it is left out of the bars and named in
    the figure's caption instead (`fig.caption_note`, which Chapter.figure adds to the
    caption). The base value's label is the catalog's word in the
    edition's language, read when the chart is drawn. `base_format` writes the base value as
    the report's text and tables print it («≈ 2,5»; `value_format` by default)."""
    base_label = L.TORNADO_CHART["base"] if base_label is None else base_label
    fig_rows = frame.copy()
    swing = (fig_rows["metric_high"] - fig_rows["metric_low"]).abs()
    largest = float(swing.max()) if len(swing) else 0.0
    shown = fig_rows[swing > largest * min_share] if largest > 0 else fig_rows.iloc[0:0]
    hidden = fig_rows[~fig_rows.index.isin(shown.index)]
    # low enough to print at full size under print.css's 78 mm cap on a chart's height (at
    # 0.5 in a bar and 1.8 in of frame four bars shrank to 81 %: 9 pt notes printed at 7.3)
    # (reviews s30b, s30d–s30f: thin bars on a squat chart: a little more height a bar)
    fig, ax = new_figure(height=0.31 * max(len(shown), 1) + 1.05)
    rows = shown.iloc[::-1].reset_index(drop=True)  # largest swing on top
    value_labels = []  # the bars' labels, which the phone's drawing keeps inside the plot
    for y, row in rows.iterrows():
        low, high = row["metric_low"], row["metric_high"]
        ax.barh(y, low - base, left=base, color=ACCENT_LIGHT, height=0.7)
        ax.barh(y, high - base, left=base, color=ACCENT, height=0.7)
        end_texts = (ends or {}).get(row["assumption"], (None, None))
        for value, end in zip((low, high), end_texts, strict=True):
            if abs(value - base) <= 1e-9 * max(abs(base), 1):
                continue  # the base value itself: the base line marks it
            side = "left" if value >= base else "right"
            label = ax.annotate(
                value_format(value) if end is None else f"{value_format(value)} ({end})",
                (value, y),
                textcoords="offset points",
                xytext=(4 if side == "left" else -4, 0),
                ha=side,
                va="center",
                fontsize=8.5,
                # the grid's lines stop at the label (review s48h: «2,30 (1 июля)» read as
                # crossed out by the line behind it)
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.8},
            )
            value_labels.append(label)
    ax.axvline(base, color="#222222", linewidth=1.2, zorder=3)
    # beside the base line, not across it: the line would run through a centred label
    ax.annotate(
        f"{base_label}: {(base_format or value_format)(base)}",
        (base, len(rows) - 0.45),
        xytext=(4, 2),
        textcoords="offset points",
        ha="left",
        va="bottom",
        fontsize=8.5,
        color="#222222",
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
    )
    ax.set_axisbelow(True)
    ax.set_yticks(range(len(rows)), [labels.get(a, a) for a in rows["assumption"]])
    ax.tick_params(axis="both", labelsize=9)
    ax.set_ylim(-0.6, len(rows) - 0.4 + 0.5)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(axis_formatter(value_format))
    values = np.concatenate([rows["metric_low"].to_numpy(), rows["metric_high"].to_numpy()])
    span = float(np.abs(values - base).max()) if len(values) else abs(base) * 0.1 or 1.0
    # room for the bars' labels beyond the longest bar (longer with the assumptions' ends)
    margin = 2.6 if ends else 1.45
    ax.set_xlim(base - span * margin, base + span * margin)
    handles = [
        Patch(color=ACCENT_LIGHT, label=L.TORNADO_CHART["low"]),
        Patch(color=ACCENT, label=L.TORNADO_CHART["high"]),
        Line2D([], [], color="#222222", linewidth=1.2, label=base_label),
    ]
    fig.legend(
        handles=handles, loc="outside upper center", ncol=3, fontsize=NOTE_SIZE, handlelength=1.5
    )
    fig.value_labels = value_labels  # the phone's drawing widens the axis for them
    if not hidden.empty:
        # in the figure's caption (Chapter.figure: `caption_note`), not under the axes: drawn
        # in the chart, the line hung between the chart and its caption
        names = ", ".join(fmt.mid_sentence(labels.get(a, a)) for a in hidden["assumption"])
        fig.caption_note = L.TORNADO_CHART["hidden"].format(names=names)
    return fig


GROUP_GAP = 0.4  # the options chart's room above a group's heading, in rows
LABEL_WRAP = 40  # the options chart's labels' width, in characters: two lines at most
TWO_LINE_EXTRA = 0.6  # the room a label's second line adds to its row, in rows


def options_chart(
    panels: dict[str, list[tuple[str, float, float, float]]],
    value_format,
    axis_format,
    references: dict[str, tuple[float, str]] | None = None,
    muted: Collection[str] = (),
    headings: Mapping[int, str] | None = None,
    frame_height: float = 0.85,
    row_height: float = 0.2,
    line_label: str | None = None,
    line_label_narrow: str | None = None,
    highlighted: Collection[str] = (),
):
    """The options side by side on one basis: for each panel (a measure), one horizontal bar
    per option at its central value with a P10–P90 whisker, the figures («27,2 (25,9–28,4)»)
    in a column right of the plot, clear of its bars and of a reference line (beside the bars
    they ran into the dashed line: review s11d). `panels`: panel title -> [(option label,
    central, p10, p90)], the same options in each; `references`: panel title -> (value,
    words): a dashed line across that panel, its words added to the panel's title (a
    figure's label beside the bars would read as a bar's); `muted`: the labels of options on
    a weaker basis (the midpoint of Pavlodar's and Karaganda's prices, Karaganda's
    unverified), drawn as a grey hatched bar with a grey whisker, so that they never read as
    the verified ones (the caller's note says so); `headings`: index of an option -> the
    heading of the group it opens, in bold on a row of its own above it (the options of one
    path under the path's name); `frame_height`: the inches a panel's title and axis take
    (lower for a panel titled by its reference line alone, its measure said in the caption);
    `row_height`: an option's row, in inches (lower on the title page, a chart of few rows);
    `line_label`: words beside the reference line on the first row (a chart without titles);
    `line_label_narrow`: the shorter words a phone's drawing puts there instead («32 млрд»);
    `highlighted`: the labels of the options the text recommends, drawn in the full accent
    colour with a bold label, so that the eye finds them first (reviews s50a, s50b: every bar
    alike, the shortest, not recommended, caught the eye)."""
    references = references or {}
    muted = set(muted)
    highlighted = set(highlighted)
    headings = dict(headings or {})
    apply_style()
    options = next(iter(panels.values()))

    # a label wrapped onto two lines takes more room than a row (review s45a: «(не
    # проверена)», a heading's second line, lay over the row below): its row is taller
    def row_size(text: str) -> float:
        return 1 + TWO_LINE_EXTRA * wrap_label(text, LABEL_WRAP).count("\n")

    # an option's row or a heading's, and a little room above each group but the first
    rows_drawn = (
        sum(row_size(row[0]) for row in options)
        + sum(row_size(heading) for heading in headings.values())
        + GROUP_GAP * max(len(headings) - 1, 0)
    )
    # a named line takes a band of its own above the rows, in rows
    band = LINE_BAND if line_label else 0
    fig, axes = plt.subplots(
        len(panels),
        1,
        # Low enough to print near full size under print.css's 100 mm cap on a tall chart's
        # height (at 0.55 in a bar it shrank to 55 %: its 8.5 pt labels printed at 4.7 pt);
        # a label is one line, so a row is lower than the two-line labels' 0.36 in.
        figsize=(6.4, row_height * (rows_drawn + band) * len(panels) + frame_height),
        layout="constrained",
        sharex=False,
    )
    # On a phone the labels wrap onto two or three lines: the narrow drawing is taller (at
    # 0.36 in a row a heading's two lines touched a three-line label below it)
    fig.narrow_height = 0.44 * rows_drawn * len(panels) + 1.2
    fig.tall = True  # printed under print.css's taller cap (chart-tall): a row per option
    for ax, (title, rows) in zip(np.atleast_1d(axes), panels.items(), strict=True):
        # from the top: a group's heading, then its options
        placed, ticks = [], []  # (y, row); (y, label, bold)
        y = rows_drawn - 1
        for index, row in enumerate(rows):
            if index in headings:
                y -= GROUP_GAP if ticks else 0.0
                # a two-line label centred in its taller row
                size = row_size(headings[index])
                ticks.append((y - (size - 1) / 2, headings[index], True))
                y -= size
            size = row_size(row[0])
            centre = y - (size - 1) / 2
            placed.append((centre, row))
            ticks.append((centre, row[0], False))
            y -= size
        for y, row in placed:
            weak = row[0] in muted
            strong = row[0] in highlighted
            ax.barh(
                y,
                row[1],
                height=0.55,
                color=MUTED_FILL if weak else ACCENT if strong else ACCENT_LIGHT,
                edgecolor=CONTEXT if weak else "none",
                hatch=MUTED_HATCH if weak else None,
                linewidth=0.6 if weak else 0,
            )
            # The whisker spans P10–P90 on its own: the base calculation may lie outside it.
            # drawn over the bar: across a hatched bar a grey whisker's ends were lost (review
            # s28c), so the unverified rows' whisker is a darker grey than their hatching
            whisker = WHISKER_MUTED if weak else WHISKER_STRONG if strong else ACCENT
            ax.hlines(y, row[2], row[3], color=whisker, lw=1.2, zorder=3)
            ax.plot([row[2], row[3]], [y, y], "|", color=whisker, markersize=7, zorder=3)
        for y, row in placed:
            # in the column right of the plot (x in the axes' fraction, y the row's)
            _beside(
                ax,
                f"{value_format(row[1])} ({value_format(row[2])}–{value_format(row[3])})",
                (1, y),
                6,
                xycoords=ax.get_yaxis_transform(),
                fontsize=9,
                annotation_clip=False,
            )
        # two lines a label at most in either language (three overlapped the next row's)
        ax.set_yticks([t[0] for t in ticks], [wrap_label(t[1], LABEL_WRAP) for t in ticks])
        for label, (_y, text, bold) in zip(ax.get_yticklabels(), ticks, strict=True):
            if bold or text in highlighted:
                label.set_fontweight("bold")
        top = rows_drawn - 0.4  # the rows' top, the band's bottom
        ax.set_ylim(-0.6, top + band)
        if band:
            # the axis ends at the rows: through the band it crossed the line's name where the
            # name is longer than the plot left of the line (review s43j)
            ax.spines["left"].set_bounds(-0.6, top)
        reference = references.get(title)
        highest = max(max(r[1], r[3]) for r in rows)
        if reference is not None:
            ax.axvline(reference[0], color=WARNING, ls="--", lw=1.2, zorder=3)
            title = "\n".join(t for t in (title, reference[1]) if t)
            highest = max(highest, reference[0])
            if line_label:
                # in a band above the rows, ending at the dashed line: right of the line on the
                # first row the name ran into the figures' column («строка 27 13,6», review
                # s32j), on the last row it read as that row's (s33d); on a phone, where the
                # plot is too narrow for it, its short form (reviews s47o, s48a, s48b: the
                # line unnamed there) or nothing (the caption says it)
                name = _beside(
                    ax,
                    line_label,
                    (reference[0], top + band / 2),
                    -3,
                    ha="right",
                    fontsize=8.5,
                    color=WARNING,
                    # over the grid's lines, which crossed its words (review s43j)
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
                    zorder=4,
                )
                fig.narrow_texts = [
                    *getattr(fig, "narrow_texts", []),
                    (name, line_label_narrow or ""),
                ]
        ax.set_title(title, fontsize=9)  # over the bars only: 10 pt ran off the figure
        right = highest * 1.04  # the figures stand right of the plot, not in it
        if line_label:
            # the axis to the labelled tick past the named line (review s33h: it ended at 25,
            # the line at 27 beyond its last figure; reviews s50a, s50c: it ended at 35, its
            # last label at 30, so the line at 32 still read as beyond the scale)
            ticks = MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]).tick_values(0, right)
            right = ticks[-1]
            ax.set_xticks(ticks)
        ax.set_xlim(0, right)
        ax.xaxis.set_major_formatter(axis_formatter(axis_format))
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=9, length=0)
    _fit_titles(fig)
    return fig, axes


# The band above an options chart's rows its dashed line's name takes, in rows.
LINE_BAND = 0.9


def _beside(ax, text: str, xy, points: float, ha: str = "left", **style) -> Annotation:
    """Words `points` right of a place (left of it when negative, ending there with
    `ha="right"`), centred on it vertically (a row's figures, the options chart's reference
    line's name)."""
    return ax.annotate(
        text, xy, textcoords="offset points", xytext=(points, 0), ha=ha, va="center", **style
    )


def _fit_titles(fig, slack: float = 0.04) -> None:
    """A panel's title line wider than the figure holds centred over its bars wraps (the
    Kazakh reference line ran 14 px past the drawing's right edge in a browser), never
    leaving one word alone on its last line («… сомасы, / 28,4»). matplotlib measures the
    font's lines about 4 % wider than browsers and WeasyPrint draw them (that line: 393 px
    here, 377 px there): a line past the edge by less than `slack` of its width is drawn
    inside and stays whole (the present value's title in both editions); a negative `slack`
    keeps that share free on either side. The figure's layout is put back as it was:
    measuring it changes nothing else drawn."""
    renderer = fig.canvas.get_renderer()
    places = [(ax, ax.get_position(original=True), ax.get_position()) for ax in fig.axes]

    def overflows(box) -> bool:
        return max(-box.x0, box.x1 - fig.bbox.width) > slack * box.width

    fig.draw_without_rendering()
    for ax in fig.axes:
        title, wrap = ax.title, ax.title.get_wrap()
        title.set_wrap(False)  # matplotlib's own wrapping may leave a word alone
        # the lines as given (the phone's drawing wraps them anew, not the wide one's lines)
        lines = ax.__dict__.setdefault("title_lines", title.get_text().split("\n"))[:]
        title.set_text("\n".join(lines))
        for index in sorted(range(len(lines)), key=lambda i: -len(lines[i])):  # widest first
            line = lines[index]
            for width in range(len(line) - 1, 9, -1):
                if not overflows(title.get_window_extent(renderer)):
                    break
                lines[index] = wrap_label(line, width, False)
                title.set_text("\n".join(lines))
                fig.draw_without_rendering()
        title.set_wrap(wrap)
    for ax, original, active in places:
        ax._set_position(original, which="original")
        ax._set_position(active, which="active")
