"""Rendering pieces that need no kernel: caption numbering, the changes section, chapters."""

from __future__ import annotations

import nbformat
import pytest

from sergek_report.changes import changes_section, compare
from sergek_report.outputs import INPUTS_MIMETYPE
from sergek_report.render import chapter_title, postprocess_html, strip_build_outputs

FIG = '<span class="caption-number" data-kind="figure"></span>'
TAB = '<span class="caption-number" data-kind="table"></span>'


def test_captions_are_numbered_in_order_per_kind_and_permalinks_dropped():
    html = f'<h2 id="a">A<a class="anchor-link" href="#a">¶</a></h2>{FIG}{TAB}{FIG}{TAB}{TAB}'
    out = postprocess_html(html)
    assert "¶" not in out
    assert out.index("Рисунок 1.") < out.index("Таблица 1.") < out.index("Рисунок 2.")
    assert "Таблица 3." in out and "Рисунок 3." not in out


def metric(name, value, unit="тенге", label=None):
    return {"name": name, "label": label or name, "value": value, "unit": unit, "basis": "x"}


def test_first_edition_without_baseline():
    html = changes_section({"metrics": [metric("a", 1)]}, None)
    assert "Первый выпуск" in html


def test_moved_metric_shows_old_and_new_in_russian_format_and_changed_inputs():
    old = {
        "edition_date": "2026-06-01",
        "metrics": [metric("cost", 9986042340), metric("rate", 12.3, "%")],
        "inputs": {"data/cpi.csv": "aaa", "data/mrp.csv": "bbb"},
        "params": {"inflation_2026": 12.3},
    }
    new = {
        "metrics": [metric("cost", 10000000000, label="Стоимость"), metric("rate", 12.3, "%")],
        "inputs": {"data/cpi.csv": "ccc", "data/mrp.csv": "bbb"},
        "params": {"inflation_2026": 15.0},
    }
    diff = compare(new, old)
    assert [row["metric"]["name"] for row in diff["metrics"]] == ["cost"]
    assert diff["inputs"] == ["data/cpi.csv"]
    html = changes_section(new, old)
    assert "Стоимость" in html
    assert "9\u00a0986\u00a0042\u00a0340 тенге" in html and "10\u00a0000\u00a0000\u00a0000" in html
    assert "data/cpi.csv" in html and "data/mrp.csv" not in html
    assert "inflation_2026: 12.3 → 15.0" in html
    assert "июня 2026" in html


def test_nothing_changed():
    same = {"metrics": [metric("a", 1)], "inputs": {"x": "1"}, "params": {}}
    assert "не изменились" in changes_section(same, same)


def test_chapter_title_comes_from_the_first_markdown_heading(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Резюме\n\nтекст")])
    assert chapter_title(nb, tmp_path / "x.ipynb") == "Резюме"
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    with pytest.raises(ValueError, match="x.ipynb: the first cell must be a Markdown heading"):
        chapter_title(bad, tmp_path / "x.ipynb")


def test_build_outputs_are_removed_before_rendering():
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data", data={INPUTS_MIMETYPE: ["deployment"], "text/plain": ""}
        ),
        nbformat.v4.new_output("display_data", data={"text/html": "<p>x</p>"}),
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    strip_build_outputs(nb)
    assert [o["data"] for o in nb.cells[0].outputs] == [{"text/html": "<p>x</p>"}]
