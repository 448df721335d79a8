"""Values inside the chapters' prose: MyST's inline role {eval}`expression`.

A chapter's Markdown cell writes a value where it belongs in the sentence:
``Договор заканчивается {eval}`fmt.date_long(r.extension_end)`.`` The expression runs in the
chapter's own kernel when the cell is reached, the way JupyterLab does it with jupyterlab-myst:
an empty `execute_request` carrying the cell's expressions as `user_expressions`, the replies
stored in the cell's metadata under `user_expressions` as `[{expression, result}]`. The build
and the preview run notebooks through `InlineExpressionsClient`, so the executed notebook is
exactly what JupyterLab would have saved; the renderer then writes each value into the text
(`resolve`). A value must be text (a `fmt` function's result): a bare number, `None` or an
object's repr never reaches the council's document.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sergek_report.errors import BuildError

if TYPE_CHECKING:  # imported where used: a chapter's kernel imports this module, not nbformat
    import nbformat

METADATA_KEY = "user_expressions"  # jupyterlab-myst's cell metadata key
# {eval}`expr` or {eval}``expr with ` inside`` (MyST's inline role syntax)
ROLE = re.compile(r"\{eval\}(`+)(.+?)\1", re.DOTALL)
_QUOTED = re.compile(r"^(['\"])(.*)\1$", re.DOTALL)


class InlineExpressionError(BuildError):
    """An inline expression failed, returned no text, or was never evaluated."""


def expressions(source: str) -> list[str]:
    """The cell's inline expressions, in order, each once."""
    return list(dict.fromkeys(match.group(2).strip() for match in ROLE.finditer(source)))


def show_text_as_written(shell) -> None:
    """Strings display as 'text' with their characters as they are (no escapes for the
    no-break spaces `fmt` writes), so JupyterLab shows «1 641», not «1\\xa0641»; jupyterlab-myst
    strips the quotes, and `value_text` below does the same."""
    if shell is None:
        return
    printer = shell.display_formatter.formatters["text/plain"]
    printer.for_type(str, lambda text, p, cycle: p.text(f"'{text}'"))


def value_text(result: dict) -> str | None:
    """The text an evaluated expression contributes; None when it gave no text."""
    if result.get("status") != "ok":
        return None
    plain = result.get("data", {}).get("text/markdown") or result.get("data", {}).get("text/plain")
    if plain is None:
        return None
    quoted = _QUOTED.match(plain)
    return quoted.group(2) if quoted else None


async def evaluate_cell(client, cell) -> None:
    """Evaluate a Markdown cell's expressions on the client's kernel; store the replies."""
    found = expressions(cell.source)
    if not found:
        cell.metadata.pop(METADATA_KEY, None)
        return
    msg_id = client.kc.execute(
        "",
        silent=True,
        store_history=False,
        user_expressions={str(i): expr for i, expr in enumerate(found)},
    )
    reply = await client.async_wait_for_reply(msg_id, cell)
    replies = (reply or {}).get("content", {}).get("user_expressions", {})
    cell.metadata[METADATA_KEY] = [
        {"expression": expr, "result": replies.get(str(i), {"status": "missing"})}
        for i, expr in enumerate(found)
    ]


def client_class(base):
    """`base` (an nbclient NotebookClient) that also evaluates Markdown cells' expressions."""
    from nbclient.util import run_sync

    class InlineExpressionsClient(base):
        async def async_execute_cell(
            self, cell, cell_index, execution_count=None, store_history=True
        ):
            if cell.cell_type == "markdown":
                await evaluate_cell(self, cell)
                return cell
            return await super().async_execute_cell(
                cell, cell_index, execution_count=execution_count, store_history=store_history
            )

        # nbclient binds the synchronous wrapper to the base class's coroutine
        execute_cell = run_sync(async_execute_cell)

    return InlineExpressionsClient


def problem(result: dict) -> str:
    """Why an expression gave no text, in a reader's words."""
    status = result.get("status")
    if status == "error":
        return f"it failed: {result.get('ename')}: {result.get('evalue')}"
    if status != "ok":
        return "it was not evaluated (run the chapter: the value is computed by its kernel)"
    plain = result.get("data", {}).get("text/plain", "")
    if plain in ("None", "''", '""', ""):
        return "it returned nothing printable"
    return (
        f"it returned {plain[:40]!r}, which is not text; format the value with a `fmt` "
        "function (fmt.integer, fmt.tenge, fmt.date_long, …)"
    )


def check(notebook, where: Path | str) -> list[str]:
    """Every inline expression of the executed notebook that did not give text, as
    one-paragraph messages naming the notebook, the cell (numbered as the analyst sees the
    notebook, without papermill's injected cell) and the expression."""
    messages = []
    number = 0
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            continue
        number += 1
        if cell.cell_type != "markdown":
            continue
        results = {e["expression"]: e["result"] for e in cell.metadata.get(METADATA_KEY, [])}
        for expr in expressions(cell.source):
            result = results.get(expr, {"status": "missing"})
            if not (value_text(result) or "").strip():
                messages.append(
                    f"{where}, cell {number}: the inline expression {{eval}}`{expr}` gives no "
                    f"value for the text: {problem(result)}."
                )
    return messages


def resolve(notebook, where: Path | str) -> None:
    """Write each evaluated value into its Markdown cell (in place), for the renderer."""
    problems = check(notebook, where)
    if problems:
        raise InlineExpressionError(" ".join(problems))
    for cell in notebook.cells:
        if cell.cell_type != "markdown" or METADATA_KEY not in cell.metadata:
            continue
        values = {e["expression"]: value_text(e["result"]) for e in cell.metadata[METADATA_KEY]}
        cell.source = ROLE.sub(lambda m, v=values: v[m.group(2).strip()], cell.source)
        del cell.metadata[METADATA_KEY]


def read_resolved(path: Path, where: Path | str) -> nbformat.NotebookNode:
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    resolve(notebook, where)
    return notebook
