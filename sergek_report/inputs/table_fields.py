"""Constants and fields shared by the table declarations (`tables.py`, `tables_2027.py`)."""

from __future__ import annotations

from sergek_report.inputs.schema import Field

STATUSES = ("reported", "derived", "estimate", "planned")
LANGUAGES = ("ru", "kk", "en", "fr", "it", "az", "sk")
MAX_COMPLEXES = 100_000  # Almaty has about 2 000; 10¹² is a typo
MAX_CAMERAS = 1_000_000  # Almaty has about 9 000; ten cameras for each of MAX_COMPLEXES
MAX_TENGE = 1e13  # ten trillion tenge, above the whole city budget
ROW_UNIT = 'the unit given in the row\'s "unit" column'

STATUS = Field("status", "choice", choices=STATUSES, doc="see Conventions")
SOURCE = Field("source_id", "source", doc="see Conventions")
COMPLEX_PART = dict(kind="int", required=False, unit="complexes", min=0, max=MAX_COMPLEXES)
# a count of cameras, where a source gives one (deployment.csv, cost_anchors.csv)
CAMERA_COUNT = dict(kind="int", required=False, unit="cameras", min=1, max=MAX_CAMERAS)
