"""How wide a word prints in the report's font (DejaVu Sans, which the PDF embeds as
"Report Sans" and the charts draw with), from the font's own advance widths."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import matplotlib

PT_MM = 25.4 / 72
# The report's one font family: matplotlib's copy of DejaVu Sans (the PDF's @font-face rules,
# build/render.py, name these files too).
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT_STEM = "DejaVuSans"


@cache
def _advances(bold: bool) -> tuple[dict[int, int], int, int]:
    from fontTools.ttLib import TTFont

    font = TTFont(FONT_DIR / f"{FONT_STEM}{'-Bold' if bold else ''}.ttf", lazy=True)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] for code, glyph in cmap.items()}
    return widths, font["head"].unitsPerEm, metrics[".notdef"][0]


def width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of `text` set in `size_pt` points (no kerning: DejaVu's is slight)."""
    widths, per_em, missing = _advances(bold)
    units = sum(widths.get(ord(char), missing) for char in text)
    return units / per_em * size_pt * PT_MM
