"""Figures typed by hand into the chapters' Markdown (see test_typed_figures.py).

A number in a chapter's prose must come from an inline expression ({eval}`…`), a table or a
chart; a literal number that is not data (an article of a law, a law's year in its name) is
allowed only by a phrase in notebooks/literal_figures.yaml, with the reason it is not data.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

from sergek_report.chapter.inline import ROLE

ALLOWED_FILE = "literal_figures.yaml"
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
_IGNORED = [
    re.compile(r"<!--.*?-->", re.DOTALL),  # comments (the changes slot)
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"^\s*\d+[.)]\s", re.MULTILINE),  # ordered-list markers
    re.compile(r"^#+\s", re.MULTILINE),
]


@dataclass(frozen=True)
class TypedFigure:
    notebook: str
    cell: int
    figure: str
    context: str

    def __str__(self) -> str:
        where = f"{self.notebook}, cell {self.cell}"
        return f"{where}: «…{self.context}…» types the figure {self.figure}"


def allowed_phrases(notebooks_dir: Path) -> dict[str, list[dict]]:
    return yaml.safe_load((notebooks_dir / ALLOWED_FILE).read_text(encoding="utf-8")) or {}


def prose(source: str) -> str:
    """The Markdown as the checker reads it: inline values replaced by a placeholder."""
    text = ROLE.sub("\u2063", source)  # an invisible separator keeps the layout
    for pattern in _IGNORED:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _unallowed(text: str, phrases: list[str]):
    """The numbers of `text` that no allowed phrase covers."""
    allowed = [range(m.start(), m.end()) for p in phrases for m in re.finditer(re.escape(p), text)]
    for match in _NUMBER.finditer(text):
        if not any(match.start() in span and match.end() - 1 in span for span in allowed):
            yield match


def typed_figures(source: str, phrases: list[str], notebook: str, cell: int) -> list[TypedFigure]:
    """Figures typed into a Markdown cell's prose."""
    text = prose(source)
    return [
        TypedFigure(
            notebook,
            cell,
            match.group(0),
            text[max(0, match.start() - 30) : match.end() + 30].replace("\n", " ").strip(),
        )
        for match in _unallowed(text, phrases)
    ]


def notebook_typed_figures(
    path: Path, allowed: dict[str, list[dict]], cell_type: str = "markdown"
) -> list[TypedFigure]:
    """The typed figures of one notebook's Markdown cells (or, with cell_type="code", of the
    Russian strings of its code cells)."""
    check = {"markdown": typed_figures, "code": code_typed_figures}[cell_type]
    phrases = [e["phrase"] for e in allowed.get(path.name, []) + allowed.get("every chapter", [])]
    notebook = nbformat.read(path, as_version=4)
    return [
        figure
        for number, cell in enumerate(notebook.cells, start=1)
        if cell.cell_type == cell_type
        for figure in check(cell.source, phrases, f"notebooks/{path.name}", number)
    ]


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def literals(source: str) -> list[str]:
    """The str constants of a code cell, with the literal parts of its f-strings.

    A string without a Cyrillic letter (a column key, an id, a format spec) is not text the
    reader sees, so it is left out. IPython magics and shell lines are blanked before parsing.
    """
    code = "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    specs = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None
        for part in ast.walk(node.format_spec)
    }
    in_fstrings = set(specs)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in specs:
            parts = [v for v in node.values if isinstance(v, ast.Constant)]
            in_fstrings.update(id(v) for v in parts)
            found += [(v.lineno, v.col_offset, v.value) for v in parts]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in in_fstrings
        ):
            found.append((node.lineno, node.col_offset, node.value))
    return [text for *_, text in sorted(found, key=lambda f: f[:2]) if _CYRILLIC.search(text)]


def code_typed_figures(
    source: str, phrases: list[str], notebook: str, cell: int
) -> list[TypedFigure]:
    """Figures typed into the Cyrillic string literals of a code cell (captions, notes, labels)."""
    return [
        TypedFigure(notebook, cell, match.group(0), text.replace("\n", " ").strip())
        for text in literals(source)
        for match in _unallowed(text, phrases)
    ]
