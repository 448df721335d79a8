"""No figure typed by hand into a chapter's prose (the words layer's rule)."""

from __future__ import annotations

import pytest

from sergek_report import paths
from tests.typed_figures import (
    allowed_phrases,
    code_typed_figures,
    notebook_typed_figures,
    typed_figures,
)

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_figure_is_typed_into_a_chapters_prose(notebook):
    found = notebook_typed_figures(notebook, allowed_phrases(paths.NOTEBOOKS_DIR))
    assert not found, (
        "figures typed by hand (write them as {eval}`…` from the model, or, if a figure is "
        "not data, allow its phrase with a reason in notebooks/literal_figures.yaml):\n"
        + "\n".join(map(str, found))
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_figure_is_typed_into_a_chapters_code_strings(notebook):
    found = notebook_typed_figures(notebook, allowed_phrases(paths.NOTEBOOKS_DIR), "code")
    assert not found, (
        "figures typed by hand into a code cell's string (a caption, note, label or legend): "
        "build the figure from the model or the chapter's tables in an f-string with fmt "
        "(fmt.year(r.extension_end), fmt.year_range(…), fmt.date_long(…)), or, if it is not "
        "data, allow its phrase with a reason in notebooks/literal_figures.yaml:\n"
        + "\n".join(map(str, found))
    )


def test_a_typed_year_in_a_caption_is_caught_and_an_f_string_value_is_not():
    typed = 'ch.table(frame, caption="Выплаты 2026 года")'
    assert [f.figure for f in code_typed_figures(typed, [], "x.ipynb", 3)] == ["2026"]
    assert "x.ipynb, cell 3" in str(code_typed_figures(typed, [], "x.ipynb", 3)[0])
    computed = 'ch.table(frame, caption=f"Выплаты {fmt.year(budget_year)} года")'
    assert code_typed_figures(computed, [], "x.ipynb", 3) == []


def test_strings_without_cyrillic_and_format_specs_are_not_text():
    code = 'frame["2026"] = frame["x"].map("{:,.2f}".format)\nlabel = f"{share:.1%} доли"'
    assert code_typed_figures(code, [], "x.ipynb", 1) == []


def test_a_typed_766_is_caught_and_an_inline_value_is_not():
    typed = "Первоначальный договор — 766 АПК."
    assert [f.figure for f in typed_figures(typed, [], "x.ipynb", 2)] == ["766"]
    inline = "Первоначальный договор — {eval}`fmt.integer(r.original_scope)` АПК."
    assert typed_figures(inline, [], "x.ipynb", 2) == []


def test_grouped_and_decimal_figures_are_caught_whole():
    text = "выплаты 9 986 042 340 тенге и 2,6 раза"
    assert [f.figure for f in typed_figures(text, [], "x.ipynb", 1)] == ["9 986 042 340", "2,6"]


def test_an_allowed_phrase_lets_only_its_own_figure_pass():
    text = "Бюджетный кодекс (ст. 91) и 350 новых АПК"
    found = typed_figures(text, ["ст. 91"], "x.ipynb", 1)
    assert [f.figure for f in found] == ["350"]
    assert "x.ipynb, cell 1" in str(found[0])


def test_list_numbers_and_link_targets_are_not_figures():
    text = "1. Запросить документы ([источник](https://example.kz/2025/12/30))."
    assert typed_figures(text, [], "x.ipynb", 1) == []


def test_every_allowed_phrase_has_a_reason_and_is_used():
    allowed = allowed_phrases(paths.NOTEBOOKS_DIR)
    sources = {p.name: p.read_text(encoding="utf-8") for p in NOTEBOOKS}
    for notebook, entries in allowed.items():
        for entry in entries:
            assert str(entry.get("reason", "")).strip(), f"{notebook}: {entry} has no reason"
            texts = sources.values() if notebook == "every chapter" else [sources[notebook]]
            assert any(entry["phrase"] in t for t in texts), f"{notebook}: unused {entry}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_no_code_cell_assembles_prose(notebook):
    """Prose lives in Markdown cells with inline values; code cells compute, draw and print
    tables (the chapter helper has no way to print Markdown any more)."""
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    for number, cell in enumerate(cells, start=1):
        if cell.cell_type == "code":
            for call in ("ch.md(", "Markdown(", "display_markdown("):
                assert call not in cell.source, f"{notebook.name}, cell {number}: {call}…)"
