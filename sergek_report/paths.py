"""Where things live in the project tree."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PROJECT_ROOT / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
PARAMS_DIR = PROJECT_ROOT / "params"
BUILD_DIR = PROJECT_ROOT / "build"
PUBLISHED_DIR = PROJECT_ROOT / "published"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
CHAPTERS_FILE = NOTEBOOKS_DIR / "chapters.yaml"
DEFAULT_PARAMS = PARAMS_DIR / "default.yaml"


def display_path(path: Path) -> str:
    """Path relative to the project root when possible: error messages stay short and stable."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)
