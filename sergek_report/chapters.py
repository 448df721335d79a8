"""The report's chapters: notebooks/chapters.yaml and each notebook's parameters cell."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import paths
from .errors import BuildError

# What every chapter's parameters cell declares, and the build passes.
CHAPTER_PARAMETERS = ("edition_file", "data_dir", "model_file")


@dataclass(frozen=True)
class ChapterSpec:
    notebook: Path
    tables: tuple[str, ...]
    results: bool = True  # reads the computed results (re-runs when the model's inputs change)

    @property
    def name(self) -> str:
        return self.notebook.name


def load_chapters(chapters_file: Path = paths.CHAPTERS_FILE) -> list[ChapterSpec]:
    where = paths.display_path(chapters_file)
    try:
        raw = yaml.safe_load(chapters_file.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BuildError(f"{where}: cannot be read as YAML ({type(exc).__name__}).") from None
    entries = raw.get("chapters") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise BuildError(f"{where}: expected 'chapters:' with a list of notebooks.")
    specs = []
    for i, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("notebook"), str):
            raise BuildError(f"{where}: chapter {i} needs a 'notebook' entry.")
        notebook = chapters_file.parent / entry["notebook"]
        if not notebook.is_file():
            raise BuildError(f"{where}: chapter {i}: notebook {entry['notebook']} not found.")
        tables = entry.get("tables", [])
        if not isinstance(tables, list) or not all(isinstance(t, str) for t in tables):
            raise BuildError(f"{where}: chapter {i}: 'tables' must be a list of table names.")
        results = entry.get("results", True)
        if not isinstance(results, bool):
            raise BuildError(f"{where}: chapter {i}: 'results' must be true or false.")
        specs.append(ChapterSpec(notebook, tuple(tables), results))
    return specs


def read_notebook(path: Path) -> dict:
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BuildError(
            f"{paths.display_path(path)}: not a readable notebook ({type(exc).__name__}); "
            "open it in JupyterLab and save it again, or restore it with git."
        ) from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise BuildError(f"{paths.display_path(path)}: not a notebook (no 'cells').")
    return notebook


def parameters_cell_index(notebook: dict) -> int | None:
    """Position of the code cell tagged `parameters` (papermill injects its values after it)."""
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get(
            "tags", []
        ):
            return index
    return None


def declared_parameters(notebook_path: Path) -> list[str]:
    """Names assigned in the notebook's cell tagged `parameters` (parsed, not executed)."""
    where = paths.display_path(notebook_path)
    notebook = read_notebook(notebook_path)
    index = parameters_cell_index(notebook)
    if index is None:
        raise BuildError(f"{where}: no code cell tagged 'parameters'.")
    source = notebook["cells"][index]["source"]
    source = source if isinstance(source, str) else "".join(source)
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise BuildError(f"{where}: parameters cell line {exc.lineno}: {exc.msg}.") from None
    names = []
    for node in tree.body:
        target = (
            node.target
            if isinstance(node, ast.AnnAssign)
            else (
                node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
            )
        )
        if not isinstance(target, ast.Name):
            raise BuildError(
                f"{where}: parameters cell line {node.lineno}: only plain assignments "
                f"({', '.join(CHAPTER_PARAMETERS)}) belong there."
            )
        names.append(target.id)
    return names


def check_parameters_cell(spec: ChapterSpec) -> None:
    """Every chapter declares exactly the chapter parameters (assumptions live in params/)."""
    names = declared_parameters(spec.notebook)
    if sorted(names) != sorted(CHAPTER_PARAMETERS):
        raise BuildError(
            f"{paths.display_path(spec.notebook)}: the parameters cell declares "
            f"{', '.join(names) or 'nothing'}; expected exactly {', '.join(CHAPTER_PARAMETERS)} "
            "(assumptions are declared once, in params/*.yaml)."
        )
