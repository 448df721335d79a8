"""Cameras per complex: Almaty's and Pavlodar's, and what Pavlodar's price would mean for an
Almaty complex if Pavlodar's sum paid per camera rather than per complex.

The options are priced per complex (АПК) at Pavlodar's and Karaganda's prices; a complex
holds several cameras, and not the same number in every city. This module states the caveat
as a range, never as a new path:
- Almaty: the cameras of the latest deployment milestone that gives both counts, divided by
  its complexes; when its source gives only a lower bound («более 9 000 камер» on 1 641, at
  least 5,48 a complex: `counted` says so) and the latest exact count gives more a complex
  (7 894 on 1 341 at the start of 2024: 5,89), the exact count, which the bound does not
  contradict (reviews s17d–s17h: a line drawn at the bound fell short at the exact count);
- Pavlodar region: the «Мерген» cameras installed in its cities and on its roads (one news item,
  November 2025) over the complexes installed by then, which the sources bound only: at least
  those already installed in Pavlodar (13 November 2025), at most the region's plan;
- the factor: Almaty's cameras per complex over Pavlodar's, a range (low: Pavlodar's most
  cameras per complex, over its fewest complexes; high: over the region's plan).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from sergek_report.errors import MissingDataError
from sergek_report.inputs.schema import quoted_count
from sergek_report.labels import LOWER_BOUND_WORDS
from sergek_report.model.dates import as_date, check_positive


@dataclass(frozen=True)
class LowerBound:
    """A count of Almaty's cameras its source gives as a lower bound («более 9 000»)."""

    date: dt.date
    cameras: float
    complexes: float

    @property
    def per_complex(self) -> float:
        return self.cameras / self.complexes


@dataclass(frozen=True)
class CamerasPerComplex:
    """Cameras per complex in Almaty and Pavlodar region, and their ratio (a range)."""

    almaty_date: dt.date  # the milestone the counts come from
    almaty_source: str  # its source_id
    almaty_cameras: float
    almaty_complexes: float
    almaty_at_least: bool  # the source gives the cameras as a lower bound («более 9 000»)
    almaty: float  # cameras per complex
    pavlodar_cameras: float
    pavlodar_source: str  # the source_id of the cameras' count
    # the complexes those cameras may belong to: (fewest, most)
    pavlodar_complexes: tuple[float, float]
    # cameras per complex: (over the most complexes, over the fewest)
    pavlodar: tuple[float, float]
    # Almaty's cameras per complex over Pavlodar's: (low, high); above 1, an Almaty complex
    # would cost more at Pavlodar's price per camera than at its price per complex
    factor: tuple[float, float]
    # the same the other way round, Pavlodar's over Almaty's: (low, high) (how many times
    # cheaper, where the factor is below 1)
    inverse: tuple[float, float]
    # the later count given as a lower bound that the exact count above does not contradict
    # («более 9 000» on 1 641 complexes in November 2024), None when the count is the latest
    later_bound: LowerBound | None = None


def _counted(deployment: pd.DataFrame) -> pd.DataFrame:
    """The deployment milestones, not planned, with both complexes and cameras."""
    return deployment[deployment["cameras"].notna() & deployment["status"].ne("planned")]


def _latest(rows: pd.DataFrame) -> pd.Series:
    return rows.loc[pd.to_datetime(rows["date"]).idxmax()]


def _qualifier(row: pd.Series) -> str | None:
    """How the milestone's words quote its cameras: «более» for a lower bound («более 9 000»),
    "" for an exact count, None when they do not quote it (schema.quoted_count)."""
    return quoted_count(str(row["counted"]), int(row["cameras"]), LOWER_BOUND_WORDS)


def _per_complex(row: pd.Series) -> float:
    return float(row["cameras"]) / float(row["complexes"])


def latest_camera_count(deployment: pd.DataFrame) -> pd.Series:
    """The latest deployment milestone, not planned, with both complexes and cameras."""
    if "cameras" not in deployment or "status" not in deployment:
        raise MissingDataError("data/deployment.csv has no camera counts")
    rows = _counted(deployment)
    if rows.empty:
        raise MissingDataError("data/deployment.csv has no milestone with a camera count")
    return _latest(rows)


def latest_exact_camera_count(deployment: pd.DataFrame) -> pd.Series | None:
    """The latest milestone whose cameras its source counts exactly (not «более …»), or None."""
    rows = _counted(deployment)
    exact = rows[[_qualifier(row) == "" for _, row in rows.iterrows()]]
    return None if exact.empty else _latest(exact)


def cameras_per_complex(deployment: pd.DataFrame, pavlodar: pd.Series) -> CamerasPerComplex:
    """Almaty's and Pavlodar's cameras per complex and Almaty's over Pavlodar's.

    `pavlodar`: the row of data/cost_anchors.csv of Pavlodar's contract: its `cameras` (with
    `cameras_source_id`) belong to at least `complexes_low` complexes (installed in Pavlodar)
    and at most `complexes` (the region's plan).
    Hand check on the data: 9 000 / 1 641 = 5.4845 at least, 7 894 / 1 341 = 5.8866 exactly
    (taken); 1 287 / 420 = 3.0643 and 1 287 / 240 = 5.3625; 5.8866 / 5.3625 = 1.0977 and
    5.8866 / 3.0643 = 1.9210."""
    row = latest_camera_count(deployment)
    later_bound = None
    if _qualifier(row):
        exact = latest_exact_camera_count(deployment)
        bound = LowerBound(as_date(row["date"]), float(row["cameras"]), float(row["complexes"]))
        check_positive(bound.complexes, "Almaty's complexes")
        if exact is not None and _per_complex(exact) >= bound.per_complex:
            row, later_bound = exact, bound
    cameras, complexes = float(row["cameras"]), float(row["complexes"])
    if pd.isna(pavlodar.get("cameras")):
        raise MissingDataError(f"data/cost_anchors.csv: {pavlodar['anchor_id']} has no cameras")
    fewest, most = float(pavlodar["complexes_low"]), float(pavlodar["complexes"])
    check_positive(complexes, "Almaty's complexes")
    check_positive(fewest, "Pavlodar's fewest complexes")
    if most < fewest:
        raise ValueError(f"Pavlodar's complexes: most ({most}) below fewest ({fewest})")
    almaty = _per_complex(row)
    pavlodar_cameras = float(pavlodar["cameras"])
    per_complex = (pavlodar_cameras / most, pavlodar_cameras / fewest)
    check_positive(per_complex[0], "Pavlodar's cameras per complex")
    factor = (almaty / per_complex[1], almaty / per_complex[0])
    return CamerasPerComplex(
        almaty_date=as_date(row["date"]),
        almaty_source=str(row["source_id"]),
        almaty_cameras=cameras,
        almaty_complexes=complexes,
        almaty_at_least=bool(_qualifier(row)),
        almaty=almaty,
        pavlodar_cameras=pavlodar_cameras,
        pavlodar_source=str(pavlodar["cameras_source_id"]),
        pavlodar_complexes=(fewest, most),
        pavlodar=per_complex,
        factor=factor,
        inverse=(1 / factor[1], 1 / factor[0]),
        later_bound=later_bound,
    )


@dataclass(frozen=True)
class CameraPrice:
    """A complex of Almaty at Pavlodar's price per camera, step by step, as the memo's Table 1
    note and the appendix's «За комплекс или за камеру» print it (reviews s28e, s28i: the
    line's price as arithmetic a reader can redo): Pavlodar's yearly sum over its cameras,
    times Almaty's cameras a complex, brought to the end of 2026's prices."""

    sum_year: float  # Pavlodar's contract a year, tenge, at its price year
    cameras: float  # the cameras that sum is taken to pay for
    per_camera: float  # tenge a camera-year, at Pavlodar's price year
    almaty_cameras: float  # cameras per complex in Almaty (the latest exact count)
    per_complex: float  # tenge a complex-year of Almaty, at Pavlodar's price year
    # the factor to the end of 2026's prices (1 + 2026 inflation, and the index to 2025 if
    # Pavlodar's prices are of another year)
    to_prices: float
    year_price: float  # tenge a complex-year of Almaty at the end of 2026's prices


def camera_price(
    cameras: CamerasPerComplex | None, sum_year: float, year_price: float | None
) -> CameraPrice | None:
    """The per-camera price's steps from Pavlodar's yearly sum and the price the budget line
    takes (`year_price`: BudgetLine.per_camera_year), or None without the camera counts."""
    if cameras is None or year_price is None:
        return None
    per_camera = sum_year / cameras.pavlodar_cameras
    per_complex = per_camera * cameras.almaty
    return CameraPrice(
        sum_year=sum_year,
        cameras=cameras.pavlodar_cameras,
        per_camera=per_camera,
        almaty_cameras=cameras.almaty,
        per_complex=per_complex,
        to_prices=year_price / per_complex,
        year_price=year_price,
    )
