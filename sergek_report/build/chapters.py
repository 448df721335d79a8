"""The report's chapters: notebooks/chapters.yaml and each notebook's parameters cell."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from sergek_report import paths
from sergek_report.errors import BuildError

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


def load_chapters(chapters_file: Path | None = None) -> list[ChapterSpec]:
    chapters_file = Path(chapters_file or paths.current().chapters_file)
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
    """Every chapter declares the chapter parameters first; the names after them are the
    assumptions a papermill run may override (listed by `make format`, values in params/)."""
    names = declared_parameters(spec.notebook)
    if sorted(names[: len(CHAPTER_PARAMETERS)]) != sorted(CHAPTER_PARAMETERS):
        raise BuildError(
            f"{paths.display_path(spec.notebook)}: the parameters cell declares "
            f"{', '.join(names) or 'nothing'}; expected first {', '.join(CHAPTER_PARAMETERS)}, "
            "then (written by `make format`) the assumptions of params/default.yaml."
        )


# The assumptions in a chapter's parameters cell: papermill lists them (--help-notebook) and
# accepts them (-p name value) without "unknown parameter". None keeps the edition's value;
# the values themselves are declared once, in params/*.yaml.
ASSUMPTIONS_HEADER = (
    "# Assumptions a run may override (papermill -p NAME VALUE); None keeps the edition's value"
)
_PYTHON_TYPES = {"integer": "int", "number": "float", "date": "str"}


def assumption_lines(edition_file: Path | None = None) -> list[str]:
    """The parameters cell's lines after the chapter parameters, from the declarations."""
    from sergek_report.inputs.edition import load_edition

    edition = load_edition(edition_file or paths.DEFAULT_PARAMS)
    lines = [ASSUMPTIONS_HEADER]
    for name, a in edition.assumptions.items():
        low, high = (v.isoformat() if hasattr(v, "isoformat") else v for v in a.range)
        shown = a.unit in ("", "дата") or a.unit.split()[0] in a.short_label
        unit = "" if shown else f", {a.unit}"
        lines.append(
            f"{name}: {_PYTHON_TYPES[a.type]} = None  # {a.short_label}{unit}, "
            f"range [{low}, {high}]"
        )
    return lines


def write_parameters_cells(chapters: list[ChapterSpec] | None = None) -> list[Path]:
    """Rewrite each chapter's parameters cell: its chapter parameters as they are, then the
    current assumption lines. Returns the notebooks that changed."""
    changed = []
    tail = assumption_lines()
    for spec in chapters or load_chapters():
        notebook = read_notebook(spec.notebook)
        index = parameters_cell_index(notebook)
        if index is None:
            raise BuildError(
                f"{paths.display_path(spec.notebook)}: no code cell tagged 'parameters'."
            )
        cell = notebook["cells"][index]
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        head = [line for line in source.splitlines() if line.split(":")[0] in CHAPTER_PARAMETERS]
        new_source = "\n".join([*head, *tail])
        if new_source != source:
            lines = new_source.splitlines(keepends=True)
            cell["source"] = lines
            text = json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
            spec.notebook.write_text(text, encoding="utf-8")
            changed.append(spec.notebook)
    return changed


if __name__ == "__main__":  # `make format`: python -m sergek_report.build.chapters
    for path in write_parameters_cells():
        print(f"format: the parameters cell of {paths.display_path(path)} lists the assumptions")
