"""One chart style for the whole report, and deterministic SVG output."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")  # the report never opens a window; the kernel needs no display

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from . import fmt  # noqa: E402

# Colours: one accent for the subject (Sergek/Almaty), greys for context, red for risk.
ACCENT = "#1f5f8b"
ACCENT_LIGHT = "#8fb8d6"
CONTEXT = "#8a8a8a"
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
    "svg.fonttype": "path",  # glyphs as paths: no font needed by the viewer
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


_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)


def to_svg(fig) -> str:
    """Serialise a figure as an inline <svg> element (no XML prologue, no date)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return _XML_PROLOGUE.sub("", buffer.getvalue(), count=1)
