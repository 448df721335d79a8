"""What a source's rounded figure stands for: the values it may be rounded from."""

from __future__ import annotations

from decimal import Decimal


def rounding_interval(x: float) -> tuple[float, float]:
    """The values a source's rounded figure stands for: half its last digit's step either
    side, 2.6e9 -> (2.55e9, 2.65e9) (the step is read from the figure: 2,6 bn to tenths)."""
    exponent = Decimal(repr(float(x))).normalize().as_tuple().exponent
    half = float(Decimal(5).scaleb(int(exponent) - 1))
    return x - half, x + half
