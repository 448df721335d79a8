"""Where things live in the project tree.

The project (the folder with `params/` and `notebooks/`) is found, in this order, from the
`SERGEK_REPORT_PROJECT` environment variable (set by `sergek-report --project PATH`), by
walking up from the working directory, or next to the package (a source checkout). So an
installed package works on the project the command is run in, not on its own location.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ENV = "SERGEK_REPORT_PROJECT"
PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "build" / "templates"


def is_project(path: Path) -> bool:
    return (path / "params").is_dir() and (path / "notebooks").is_dir()


def find_project_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above `start` (default: the working directory) that holds
    `params/` and `notebooks/`; else the package's parent if it is one; else None."""
    start = Path.cwd() if start is None else Path(start)
    for folder in (start.resolve(), *start.resolve().parents):
        if is_project(folder):
            return folder
    return PACKAGE_DIR.parent if is_project(PACKAGE_DIR.parent) else None


def set_project_root(root: Path) -> None:
    """Point every project path at `root`. Call before importing the build modules, which
    take these paths as defaults."""
    global PROJECT_ROOT, DATA_DIR, NOTEBOOKS_DIR, PARAMS_DIR, BUILD_DIR, PUBLISHED_DIR
    global CHAPTERS_FILE, DEFAULT_PARAMS
    PROJECT_ROOT = Path(root).resolve()
    DATA_DIR = PROJECT_ROOT / "data"
    NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
    PARAMS_DIR = PROJECT_ROOT / "params"
    BUILD_DIR = PROJECT_ROOT / "build"
    PUBLISHED_DIR = PROJECT_ROOT / "published"
    CHAPTERS_FILE = NOTEBOOKS_DIR / "chapters.yaml"
    DEFAULT_PARAMS = PARAMS_DIR / "default.yaml"


PROJECT_ROOT: Path
DATA_DIR: Path
NOTEBOOKS_DIR: Path
PARAMS_DIR: Path
BUILD_DIR: Path
PUBLISHED_DIR: Path
CHAPTERS_FILE: Path
DEFAULT_PARAMS: Path
_found = Path(os.environ[PROJECT_ENV]) if os.environ.get(PROJECT_ENV) else find_project_root()
PROJECT_FOUND = _found is not None and is_project(_found)
# Found only as the source checkout the package is installed from (an editable install),
# not at or above the working directory: the command line does not build it unasked.
PROJECT_FROM_PACKAGE = (
    PROJECT_FOUND
    and not os.environ.get(PROJECT_ENV)
    and not any(is_project(f) for f in (Path.cwd().resolve(), *Path.cwd().resolve().parents))
)
# Without a project, paths point at the working directory; the CLI says what is missing.
set_project_root(_found if _found is not None else Path.cwd())


def display_path(path: Path) -> str:
    """Path relative to the project root when possible: error messages stay short and stable."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)
