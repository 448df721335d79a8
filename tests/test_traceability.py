"""Every number printed in the PDF traces to a data row, an assumption or a computed figure."""

from __future__ import annotations

import pytest

from sergek_report import paths
from sergek_report.model.computed import compute_edition
from tests.pages import page_texts
from tests.traceability import known_values, untraced

pytestmark = pytest.mark.slow


def test_every_printed_number_traces(built_report, note):
    out = built_report.out_dir
    text = "\n".join(page_texts(out / "report.pdf"))
    params = paths.PARAMS_DIR / "default.yaml"
    results = compute_edition(params, paths.DATA_DIR).results
    values = known_values(
        paths.DATA_DIR,
        params,
        out / "metrics.json",
        (out / "report.html").read_text(encoding="utf-8"),
        results,
    )
    missing, checked = untraced(text, values)
    note(f"traceability: {checked} printed numbers checked, {len(missing)} untraced")
    assert checked > 500
    assert not missing, f"numbers with no data row, assumption or computed figure: {missing}"
