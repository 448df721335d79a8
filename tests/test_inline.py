"""Inline values in Markdown ({eval}): parsed, evaluated as JupyterLab does, checked, written in."""

from __future__ import annotations

import nbformat
import pytest
from IPython.core.interactiveshell import InteractiveShell

from sergek_report.chapter import fmt, inline


def test_expressions_are_found_in_order_once_with_single_or_double_backticks():
    source = 'С {eval}`fmt.date_long(d)` по {eval}``row["end"]``, снова {eval}`fmt.date_long(d)`'
    assert inline.expressions(source) == ["fmt.date_long(d)", 'row["end"]']


@pytest.fixture(scope="module")
def shell():
    shell = InteractiveShell.instance()
    inline.show_text_as_written(shell)
    yield shell
    InteractiveShell.clear_instance()


def evaluated(shell, source: str, **names) -> nbformat.NotebookNode:
    """A notebook with one Markdown cell whose expressions the IPython shell evaluated, as the
    kernel answers an execute_request's user_expressions."""
    shell.user_ns.update(names, fmt=fmt)
    cell = nbformat.v4.new_markdown_cell(source)
    found = inline.expressions(source)
    replies = shell.user_expressions({str(i): e for i, e in enumerate(found)})
    cell.metadata[inline.METADATA_KEY] = [
        {"expression": e, "result": replies[str(i)]} for i, e in enumerate(found)
    ]
    title = nbformat.v4.new_markdown_cell("# Глава")
    injected = nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["injected-parameters"]})
    return nbformat.v4.new_notebook(cells=[title, injected, cell])


def test_a_formatted_value_is_written_into_the_text_with_its_no_break_spaces(shell):
    notebook = evaluated(shell, "Сеть — {eval}`fmt.integer(n)` АПК.", n=1641)
    stored = notebook.cells[2].metadata["user_expressions"][0]
    assert stored["result"]["data"]["text/plain"] == "'1\u00a0641'"  # not '1\\xa0641'
    inline.resolve(notebook, "notebooks/x.ipynb")
    assert notebook.cells[2].source == "Сеть — 1\u00a0641 АПК."
    assert "user_expressions" not in notebook.cells[2].metadata


def test_a_bare_number_none_or_failure_is_named_with_notebook_cell_and_expression(shell):
    source = "А {eval}`n`, Б {eval}`nothing`, В {eval}`missing_name`."
    notebook = evaluated(shell, source, n=1641, nothing=None)
    with pytest.raises(inline.InlineExpressionError) as err:
        inline.resolve(notebook, "notebooks/x.ipynb")
    message = str(err.value)
    # cell 2: the injected parameters cell is not the analyst's
    assert "notebooks/x.ipynb, cell 2: the inline expression {eval}`n` gives no value" in message
    assert "returned '1641', which is not text" in message
    assert "{eval}`nothing` gives no value for the text: it returned nothing printable" in message
    assert "NameError: name 'missing_name' is not defined" in message


def test_an_expression_never_evaluated_says_so():
    cell = nbformat.v4.new_markdown_cell("Дата: {eval}`fmt.date_long(d)`.")
    notebook = nbformat.v4.new_notebook(cells=[cell])
    (message,) = inline.check(notebook, "notebooks/y.ipynb")
    assert message.startswith("notebooks/y.ipynb, cell 1: the inline expression")
    assert "was not evaluated" in message


def test_text_with_quotes_and_apostrophes_survives(shell):
    notebook = evaluated(shell, "{eval}`label`", label="договор «Сергек» и 'кавычки'")
    inline.resolve(notebook, "x")
    assert notebook.cells[2].source == "договор «Сергек» и 'кавычки'"
