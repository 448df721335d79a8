"""Shared fixtures. The end-to-end build runs once per session (it starts kernels)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_NOTES: list[str] = []


@pytest.fixture
def note():
    """A line for the end of the test run (after pytest's dots, in its own section)."""
    return _NOTES.append


def pytest_terminal_summary(terminalreporter):
    if _NOTES:
        terminalreporter.section("what the report checks measured", sep="-")
        for line in _NOTES:
            terminalreporter.write_line(line)


def pdf_text(path: Path) -> str:
    """All text of a PDF with whitespace (incl. no-break spaces) folded to single spaces."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return normalise(text)


def normalise(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


@pytest.fixture(scope="session")
def data_copy(tmp_path_factory) -> Path:
    """A private copy of data/ that a test may change without touching the repository."""
    target = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.fixture(scope="session")
def built_report(tmp_path_factory):
    """The default edition, built end to end into a temporary build folder."""
    from sergek_report.build.sequence import build

    build_root = tmp_path_factory.mktemp("build")
    result = build(ROOT / "params" / "default.yaml", build_root=build_root, force=True)
    return result


def one_chapter(folder: Path, name: str, title: str, *code: str) -> Path:
    """A chapter notebook (title, the three chapter parameters, then `code` cells; a cell
    starting with "md:" is a Markdown cell) and a chapters.yaml listing only it, in `folder`;
    returns the chapters.yaml path."""
    import nbformat

    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(f"# {title}"),
            nbformat.v4.new_code_cell(
                'edition_file: str = ""  # edition\ndata_dir: str = ""  # data\n'
                'model_file: str = ""  # computed edition',
                metadata={"tags": ["parameters"]},
            ),
            *(
                nbformat.v4.new_markdown_cell(source.removeprefix("md:"))
                if source.startswith("md:")
                else nbformat.v4.new_code_cell(source)
                for source in code
            ),
        ]
    )
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, folder / name)
    chapters = folder / "chapters.yaml"
    chapters.write_text(f"chapters:\n  - notebook: {name}\n    tables: []\n", encoding="utf-8")
    return chapters
