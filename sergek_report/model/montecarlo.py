"""Joint uncertainty: seeded draws of the assumptions from their declared distributions.

Each assumption with a `distribution` in params/default.yaml is drawn over its own range:
uniform, or triangular with its mode at the assumption's value. Declared rank correlations
(e.g. inflation and the base rate) are imposed with a Gaussian copula: correlated standard
normals (Cholesky factor of the normal correlation 2·sin(π·ρ/6), which gives the declared
Spearman ρ) are turned into uniforms and then into each marginal. Integers are rounded to whole
numbers, dates to the first day of a month. Same edition, same seed → the same draws.

`contributions` says which input drives an output's spread: the squared Spearman rank
correlation of each input with the output, as a share of their sum (a first-order measure;
it ignores interactions).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sergek_report.inputs.edition import Distribution

SEED = 20261128  # fixed: the same edition gives the same figures
DRAWS = 10_000
PERCENTILES = (10, 50, 90)

_erf = np.vectorize(math.erf, otypes=[float])


def normal_cdf(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + _erf(np.asarray(z, dtype=float) / math.sqrt(2.0)))


def _ordinal_month(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def marginal(u: np.ndarray, low: float, high: float, mode: float, shape: str) -> np.ndarray:
    """Uniforms u in (0, 1) turned into draws of a uniform or triangular distribution."""
    if high <= low:
        return np.full_like(u, float(low), dtype=float)
    if shape == "uniform":
        return low + u * (high - low)
    c = (mode - low) / (high - low)  # triangular, inverse CDF
    left = low + np.sqrt(u * (high - low) * (mode - low))
    right = high - np.sqrt((1 - u) * (high - low) * (high - mode))
    return np.where(u < c, left, right)


def median(low: float, high: float, mode: float, shape: str) -> float:
    """The median of a declared distribution: the value half of the draws fall below."""
    return float(marginal(np.array([0.5]), low, high, mode, shape)[0])


def correlation_matrix(names: list[str], distributions: Mapping[str, Distribution]) -> np.ndarray:
    """The normal correlation matrix that gives the declared rank correlations."""
    k = len(names)
    matrix = np.eye(k)
    position = {n: i for i, n in enumerate(names)}
    for name, d in distributions.items():
        for other, rho in d.correlation.items():
            i, j = position[name], position[other]
            matrix[i, j] = matrix[j, i] = 2 * math.sin(math.pi * rho / 6)
    return matrix


def sample(
    values: Mapping[str, object],
    ranges: Mapping[str, tuple],
    types: Mapping[str, str],
    distributions: Mapping[str, Distribution],
    draws: int = DRAWS,
    seed: int = SEED,
) -> pd.DataFrame:
    """One column per assumption with a distribution, `draws` rows; dates as month ordinals
    converted back to dates in the `*_month` sense by the caller (see `to_dates`)."""
    names = sorted(distributions)
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((draws, len(names)))
    chol = np.linalg.cholesky(correlation_matrix(names, distributions))
    u = np.clip(normal_cdf(z @ chol.T), 1e-12, 1 - 1e-12)
    columns = {}
    for i, name in enumerate(names):
        kind, (low, high), value = types[name], ranges[name], values[name]
        if kind == "date":
            lo, hi, mo = (_ordinal_month(x) for x in (low, high, value))
            x = marginal(u[:, i], lo - 0.5, hi + 0.5, mo, distributions[name].shape)
            columns[name] = np.clip(np.rint(x), lo, hi)
        elif kind == "integer":
            x = marginal(u[:, i], low - 0.5, high + 0.5, value, distributions[name].shape)
            columns[name] = np.clip(np.rint(x), low, high)
        else:
            columns[name] = marginal(u[:, i], low, high, value, distributions[name].shape)
    return pd.DataFrame(columns)


def month_ordinal(d: dt.date) -> int:
    """A date as the month ordinal `sample` uses for date assumptions."""
    return _ordinal_month(d)


def ordinal_to_date(index: float) -> dt.date:
    return _month_start(int(index))


def ranks(x: np.ndarray) -> np.ndarray:
    """Average-free ranks (ties broken by position): enough for continuous draws."""
    order = np.argsort(x, axis=0)
    out = np.empty_like(order, dtype=float)
    np.put_along_axis(out, order, np.arange(len(x), dtype=float)[:, None], axis=0)
    return out


def _centred_ranks(x: np.ndarray) -> np.ndarray:
    r = ranks(x)
    return r - r.mean(axis=0)


def spearman(inputs: pd.DataFrame, output: np.ndarray, input_ranks=None) -> pd.Series:
    """Rank correlation of each input column with the output (0 for a constant).
    `input_ranks`: the centred ranks of `inputs`, when the caller computed them once."""
    values_in = inputs.to_numpy(dtype=float)
    r_in = _centred_ranks(values_in) if input_ranks is None else input_ranks
    output = np.asarray(output, dtype=float)
    if np.ptp(output) == 0:
        return pd.Series(0.0, index=inputs.columns)
    r_out = _centred_ranks(output[:, None])[:, 0]
    denom = np.sqrt((r_in**2).sum(axis=0) * (r_out**2).sum())
    values = np.zeros(r_in.shape[1])
    np.divide(r_in.T @ r_out, denom, out=values, where=denom > 0)
    values[np.ptp(values_in, axis=0) == 0] = 0.0
    return pd.Series(values, index=inputs.columns)


@dataclass(frozen=True)
class RankDesign:
    """The inputs of a Monte Carlo run as a rank regression's design, solved once for all its
    outputs: which inputs move, and the pseudo-inverse of their standardised ranks."""

    columns: pd.Index
    moving: np.ndarray  # bool per input: drawn over a range (a constant has no share)
    solve: np.ndarray  # (moving inputs, draws): standardised output ranks -> coefficients


def rank_design(inputs: pd.DataFrame, input_ranks=None) -> RankDesign:
    values_in = inputs.to_numpy(dtype=float)
    r_in = _centred_ranks(values_in) if input_ranks is None else input_ranks
    moving = (np.ptp(values_in, axis=0) > 0) & ((r_in**2).sum(axis=0) > 0)
    x = r_in[:, moving]
    x = x / np.sqrt((x**2).mean(axis=0))
    return RankDesign(inputs.columns, moving, np.linalg.pinv(x))


def contributions(
    inputs: pd.DataFrame, output: np.ndarray, input_ranks=None, design: RankDesign | None = None
) -> pd.Series:
    """Share of an output's spread per input: the squared standardised rank regression
    coefficients (SRRC²) over their sum (zeros when nothing moves it). Unlike a rank
    correlation alone, the regression does not lend an input the share of another it is
    drawn correlated with: the discount rate, drawn with inflation, took 12 % of the nominal
    2027 cash it does not enter (review of 4 Dec 2026). `design`: `rank_design(inputs)`,
    when the caller solves it once for many outputs."""
    design = rank_design(inputs, input_ranks) if design is None else design
    output = np.asarray(output, dtype=float)
    if np.ptp(output) == 0 or not design.moving.any():
        return pd.Series(0.0, index=design.columns)
    r_out = _centred_ranks(output[:, None])[:, 0]
    beta = design.solve @ (r_out / np.sqrt((r_out**2).mean()))
    squared = np.zeros(len(design.columns))
    squared[design.moving] = beta**2
    total = squared.sum()
    return pd.Series(squared / total if total > 0 else squared, index=design.columns)


def centred_ranks(inputs: pd.DataFrame) -> np.ndarray:
    return _centred_ranks(inputs.to_numpy(dtype=float))


def percentiles(x: np.ndarray) -> tuple[float, float, float]:
    p10, p50, p90 = np.percentile(np.asarray(x, dtype=float), PERCENTILES)
    return float(p10), float(p50), float(p90)
