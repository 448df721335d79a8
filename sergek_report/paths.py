"""Where things live in the project tree.

A `Project` names every folder of one project (the folder with `params/` and `notebooks/`);
the build, the preview and the scenarios take one and pass it down. Without one, `current()`
resolves the project at call time, in this order: the `SERGEK_REPORT_PROJECT` environment
variable (set by `sergek-report --project PATH`, inherited by workers and kernels), the
nearest folder at or above the working directory, or the package's parent (a source
checkout). Nothing is fixed at import time, so two projects can be used in one process.

`paths.DATA_DIR`, `paths.PROJECT_ROOT`, … still work: each read resolves `current()`.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ENV = "SERGEK_REPORT_PROJECT"
PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "build" / "templates"


def is_project(path: Path) -> bool:
    return (path / "params").is_dir() and (path / "notebooks").is_dir()


@dataclass(frozen=True)
class Project:
    """One report project: its folders, derived from its root."""

    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root).resolve())

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def notebooks_dir(self) -> Path:
        return self.root / "notebooks"

    @property
    def params_dir(self) -> Path:
        return self.root / "params"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def published_dir(self) -> Path:
        return self.root / "published"

    @property
    def chapters_file(self) -> Path:
        return self.notebooks_dir / "chapters.yaml"

    @property
    def default_params(self) -> Path:
        return self.params_dir / "default.yaml"

    @property
    def baseline_file(self) -> Path:
        return self.published_dir / "metrics.json"

    def display(self, path: Path) -> str:
        """Path relative to the project root when possible: short, stable error messages."""
        path = Path(path).resolve()
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


def find_project_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above `start` (default: the working directory) that holds
    `params/` and `notebooks/`; else the package's parent if it is one; else None."""
    start = Path.cwd() if start is None else Path(start)
    return _find(str(start.resolve()))


@functools.lru_cache(maxsize=32)
def _find(start: str) -> Path | None:
    # Cached by the folder asked about (the answer depends on nothing else that changes
    # while a command runs); `current()` is called for every `paths.X` read.
    folder = Path(start)
    for candidate in (folder, *folder.parents):
        if is_project(candidate):
            return candidate
    return PACKAGE_DIR.parent if is_project(PACKAGE_DIR.parent) else None


def _located() -> tuple[Path | None, bool]:
    """(the project root or None, found only as the package's own source checkout)."""
    chosen = os.environ.get(PROJECT_ENV)
    if chosen:
        return Path(chosen).resolve(), False
    cwd = Path.cwd().resolve()
    found = _find(str(cwd))
    from_package = found is not None and not any(is_project(f) for f in (cwd, *cwd.parents))
    return found, from_package


def current() -> Project:
    """The project of this command, resolved now (without one, the working directory: the
    command line says what is missing)."""
    found, _ = _located()
    return Project(found if found is not None else Path.cwd())


def project_found() -> bool:
    found, _ = _located()
    return found is not None and is_project(found)


def project_from_package() -> bool:
    """Found only as the source checkout the package is installed from (an editable
    install), not at or above the working directory: the command line does not build it
    unasked."""
    found, from_package = _located()
    return found is not None and from_package and is_project(found)


def use_project(root: Path) -> Project:
    """Make `root` this process's project (and its workers' and kernels', which inherit the
    environment); returns it."""
    project = Project(root)
    os.environ[PROJECT_ENV] = str(project.root)
    return project


set_project_root = use_project  # the earlier name


def display_path(path: Path, project: Project | None = None) -> str:
    """Path relative to the project root when possible: error messages stay short and stable."""
    return (project or current()).display(path)


_ATTRIBUTES = {
    "PROJECT_ROOT": "root",
    "DATA_DIR": "data_dir",
    "NOTEBOOKS_DIR": "notebooks_dir",
    "PARAMS_DIR": "params_dir",
    "BUILD_DIR": "build_dir",
    "PUBLISHED_DIR": "published_dir",
    "CHAPTERS_FILE": "chapters_file",
    "DEFAULT_PARAMS": "default_params",
}


def __getattr__(name: str):
    """`paths.DATA_DIR` and the like: the current project's folder, resolved at each read."""
    if name in _ATTRIBUTES:
        return getattr(current(), _ATTRIBUTES[name])
    if name == "PROJECT_FOUND":
        return project_found()
    if name == "PROJECT_FROM_PACKAGE":
        return project_from_package()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
