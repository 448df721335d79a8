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

    # --help is plain text: no Markdown backticks from a docstring.
    for parser in _parsers(make_parser()):
        assert "`" not in parser.format_help(), parser.prog


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


def test_a_failure_inside_a_dependency_is_one_paragraph_naming_the_package():
    """What a withdrawn soupsieve release did on Python 3.11.2: an error raised inside the
    package while rendering. The user sees the package, its version and what to do."""
    import importlib.metadata

    import soupsieve

    from sergek_report.cli import unexpected_error

    try:
        soupsieve.compile("img:not(")
    except Exception as exc:  # whatever the package raises
        message = unexpected_error(exc)
    version = importlib.metadata.version("soupsieve")
    assert f"inside the package soupsieve {version}" in message, message
    assert "\n" not in message and "Traceback" not in message
    assert "make env" in message and "requirements.in" in message


def test_outside_any_project_the_cli_does_not_build_the_installed_checkout(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sergek_report", "build"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 1, result.stdout
    assert f"no report project in {tmp_path}" in result.stderr
    assert f"--project {ROOT}" in result.stderr  # the editable checkout, named
    assert "Traceback" not in result.stderr


def test_an_interpreter_that_does_not_run_is_named_with_what_it_said(tmp_path):
    """A pyenv shim for a version that is installed but not selected exits 127 with its own
    explanation; env.sh passes it on instead of a bare "did not run"."""
    shim = tmp_path / "python3.12"
    shim.write_text(
        "#!/bin/sh\necho 'pyenv: python3.12: command not found' >&2\necho >&2\n"
        'echo "The \\`python3.12\' command exists in these Python versions:" >&2\n'
        "echo '  3.12.1' >&2\nexit 127\n"
    )
    shim.chmod(0o755)
    result = subprocess.run(
        ["bash", "tools/env.sh", str(shim), "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "MAKE_TARGET": "report"},
    )
    assert result.returncode == 1
    message = result.stderr.strip()
    assert "\n" not in message, message  # one paragraph
    assert "pyenv: python3.12: command not found" in message
    assert "exists in these Python versions: 3.12.1" in message
    assert "Fix: make report PYTHON=" in message
