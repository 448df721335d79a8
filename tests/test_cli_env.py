"""The command line (`sergek-report`) and the environment step (`tools/env.sh`)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import pytest

from sergek_report import __version__, paths
from sergek_report.cli import make_parser

ROOT = paths.PROJECT_ROOT


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_every_cli_option_has_help_text():
    for parser in _parsers(make_parser()):
        for action in parser._actions:
            if action.option_strings and not isinstance(action, argparse._HelpAction):
                assert action.help and action.help != argparse.SUPPRESS, (
                    f"{parser.prog} {action.option_strings[0]} has no help text"
                )


def test_version_and_project_option(tmp_path):
    cli = [sys.executable, "-m", "sergek_report"]
    result = subprocess.run([*cli, "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.strip() == f"sergek-report {__version__}"
    bad = subprocess.run(
        [*cli, "build", "--project", str(tmp_path)], capture_output=True, text=True, cwd=ROOT
    )
    assert bad.returncode == 1 and "no params/ and notebooks/" in bad.stderr, bad.stderr


def test_project_is_found_from_a_subfolder_of_the_working_directory():
    assert paths.find_project_root(ROOT / "notebooks") == ROOT
    assert paths.find_project_root(ROOT / "data") == ROOT


@pytest.mark.parametrize("version", ["3.10.13", "3.14.0"])
def test_unsupported_python_fails_at_once_with_the_fix(tmp_path, version):
    """Checked before .venv is touched: a stand-in interpreter that reports `version`."""
    fake = tmp_path / "python3"
    fake.write_text(f"#!/bin/sh\ncat >/dev/null\necho '{version} 1 0123abcd {fake}'\n")
    fake.chmod(0o755)
    started = time.monotonic()
    result = subprocess.run(
        ["bash", "tools/env.sh", str(fake), "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "MAKE_TARGET": "report"},
    )
    assert time.monotonic() - started < 1
    assert result.returncode == 1
    assert f"Python {version}" in result.stderr and "not supported" in result.stderr
    assert "Fix: make report PYTHON=" in result.stderr
