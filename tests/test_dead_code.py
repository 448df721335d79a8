"""No dead code in the package: vulture at 80 % confidence (pyproject.toml's [tool.vulture]:
unused imports, arguments, variables, unreachable code) finds nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_vulture_finds_no_dead_code_at_80_percent():
    result = subprocess.run(
        [sys.executable, "-m", "vulture"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
