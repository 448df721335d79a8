"""Project hygiene: locked environment, clean notebooks, declared parameters, lint."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml

from sergek_report import paths
from sergek_report.build import load_chapters
from sergek_report.params import declared_parameters, load_params, parameters_cell

ROOT = paths.PROJECT_ROOT


def _pins(lines) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        match = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)", line)
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def _requirement_names(lines) -> set[str]:
    names = set()
    for line in lines:
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9_.\-]*)", line.split("#", 1)[0].strip())
        if match:
            names.add(match.group(1).lower().replace("_", "-"))
    return names


def test_environment_yml_installs_the_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_section == ["-r requirements.txt"]  # no pins of its own to drift
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    assert python.split("=")[1] in {"3.11", "3.12", "3.13"}


def test_lock_pins_every_direct_dependency_at_the_same_version_with_hashes():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    # Each requirement with its markers and hashes is one logical line.
    entries = [e for e in text.replace("\\\n", " ").splitlines() if e and not e.startswith(" ")]
    entries = [e for e in entries if not e.startswith("#")]
    assert entries and all("--hash=sha256:" in e for e in entries), "make lock (with hashes)"
    lock = _pins(e.split(" --hash")[0] for e in entries)
    direct = _pins((ROOT / "requirements.in").read_text(encoding="utf-8").splitlines())
    for name, version in direct.items():
        assert lock.get(name) == version, f"{name}: requirements.txt has {lock.get(name)}"
    # The editable install runs without build isolation: its build backend must be locked.
    assert "setuptools" in lock


def test_package_dependencies_are_in_the_lock_and_python_versions_agree():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    missing = _requirement_names(project["dependencies"]) - _requirement_names(lock)
    assert not missing, f"[project] dependencies missing from the lock: {missing}; make lock"
    assert project["requires-python"] == ">=3.11,<3.14"
    assert "--python-version 3.11" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_pre_commit_hooks_use_the_locked_tool_versions():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    revs = {repo["repo"].rsplit("/", 1)[-1]: repo["rev"] for repo in config["repos"]}
    lock = _pins((ROOT / "requirements.in").read_text(encoding="utf-8").splitlines())
    assert revs["ruff-pre-commit"] == f"v{lock['ruff']}"
    assert revs["nbstripout"] == lock["nbstripout"]


def test_every_chapter_notebook_is_listed_and_committed_without_outputs():
    listed = {spec.notebook.name for spec in load_chapters()}
    on_disk = {p.name for p in paths.NOTEBOOKS_DIR.glob("*.ipynb")}
    assert listed == on_disk
    for path in paths.NOTEBOOKS_DIR.glob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(notebook["cells"]):
            if cell["cell_type"] == "code":
                where = f"notebooks/{path.name} cell {i + 1}"
                assert not cell.get("outputs") and cell.get("execution_count") is None, (
                    f"{where} was saved with outputs: clean it with `make format` (or "
                    "`nbstripout --keep-id notebooks/*.ipynb`); `pre-commit install` does it "
                    "on every commit"
                )


def test_every_notebook_declares_its_parameters_with_the_default_values():
    defaults = load_params(paths.DEFAULT_PARAMS).values()
    for spec in load_chapters():
        notebook = json.loads(spec.notebook.read_text(encoding="utf-8"))
        assert parameters_cell(notebook) is not None, spec.name
        declared = declared_parameters(spec.notebook)
        assert "data_dir" in declared, spec.name
        for name, value in declared.items():
            if name in defaults:
                # JupyterLab runs with the cell's values: they must be the default edition's.
                assert value == defaults[name], f"{spec.name}: {name}={value!r}"


def test_every_parameter_is_declared_by_some_notebook():
    declared = set()
    for spec in load_chapters():
        declared |= set(declared_parameters(spec.notebook))
    assert set(load_params(paths.DEFAULT_PARAMS).values()) <= declared


def test_lint_passes():
    targets = ["sergek_report", "tests", "notebooks", "tools"]
    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *command, *targets],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr + "\nFix: make format"


def test_summary_types_no_figures_it_prints():
    """The summary's figures come from computed results: its Markdown and string literals
    hold no figure (no number of 3+ digits other than a year, no decimal)."""
    import ast

    notebook = json.loads((paths.NOTEBOOKS_DIR / "01_summary.ipynb").read_text(encoding="utf-8"))
    texts = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            texts.append(source)
        elif "parameters" not in cell.get("metadata", {}).get("tags", []):
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    texts.append(node.value)
                if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
                    assert node.value in (0, 1, 2, 100, 1e9, 1e6), node.value
    figures = re.compile(r"\d+[.,]\d+|\d[\d\u00a0 ]{2,}\d|\b\d{3,}\b")
    for text in texts:
        for match in figures.findall(text):
            assert re.fullmatch(r"20(19|2\d)", match.strip()), f"typed figure {match!r} in {text!r}"
