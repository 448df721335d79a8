"""Project hygiene: locked environment, clean notebooks, thin parameters cells, layout, lint."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml

from sergek_report import paths
from sergek_report.build.chapters import CHAPTER_PARAMETERS, load_chapters, parameters_cell_index

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
    # The same metadata keys are stripped by the hook and by `make format`.
    hook = next(r for r in config["repos"] if r["repo"].endswith("nbstripout"))["hooks"][0]
    keys = hook["args"][hook["args"].index("--extra-keys") + 1].split()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    assert "metadata.language_info.version" in keys
    assert (
        re.search(r'NBSTRIPOUT_KEYS := --extra-keys "([^"]+)"', makefile).group(1).split() == keys
    )


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
                    "`nbstripout --keep-id --extra-keys cell.metadata.user_expressions …`); "
                    "`pre-commit install` does it on every commit"
                )
            assert "user_expressions" not in cell.get("metadata", {}), (
                f"notebooks/{path.name} cell {i + 1} was saved with its evaluated inline values: "
                "clean it with `make format`"
            )


def test_no_two_cells_of_the_chapters_share_an_id():
    """The report joins the chapters into one notebook: a cell id used twice is renamed by
    nbconvert, with a warning, on every build (a cell copied from one chapter to another)."""
    seen: dict[str, str] = {}
    for path in sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb")):
        for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            where = f"notebooks/{path.name} cell {i + 1}"
            assert cell["id"] not in seen, f"{where} has the id of {seen.get(cell['id'])}"
            seen[cell["id"]] = where


def test_every_parameters_cell_lists_what_papermill_may_pass():
    """Each chapter takes the edition file, the data folder and the build's computed edition,
    then every assumption of params/default.yaml with no value of its own (None: the
    edition's value is declared once, in params/), each with a type and a comment; papermill
    lists them all (--help-notebook) and accepts them (-p) without "unknown parameter"."""
    from papermill import inspect_notebook

    declared = yaml.safe_load((ROOT / "params" / "default.yaml").read_text(encoding="utf-8"))
    assumptions = list(declared["assumptions"])
    for spec in load_chapters():
        notebook = json.loads(spec.notebook.read_text(encoding="utf-8"))
        index = parameters_cell_index(notebook)
        assert index is not None, spec.name
        lines = "".join(notebook["cells"][index]["source"]).strip().splitlines()
        code = [line for line in lines if not line.startswith("#")]
        chapter = [re.match(r"(\w+): str = .+  # \S", line) for line in code[:3]]
        assert all(chapter), f"{spec.name}: {code[:3]}"
        assert sorted(m.group(1) for m in chapter) == sorted(CHAPTER_PARAMETERS), spec.name
        rest = [
            re.match(r"(\w+): (int|float|str) = None  # \S.*, range \[.+\]$", line)
            for line in code[3:]
        ]
        assert all(rest), f"{spec.name}: {code[3:]}; fix: make format"
        assert [m.group(1) for m in rest] == assumptions, f"{spec.name}: fix: make format"
        listed = inspect_notebook(str(spec.notebook))
        assert list(listed) == [*(m.group(1) for m in chapter), *assumptions], spec.name


def test_the_benchmark_is_not_in_the_installed_package():
    assert not (paths.PACKAGE_DIR / "bench.py").exists()
    assert (ROOT / "tools" / "bench.py").is_file()


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


def test_the_lock_was_checked_for_withdrawn_releases_when_it_was_made():
    """`make lock` asks the index whether a pinned release is withdrawn (yanked) and records
    the answer with the lock's hash; here the record is read offline."""
    import hashlib

    record = json.loads((ROOT / "requirements.check.json").read_text(encoding="utf-8"))
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert record["lock_sha256"] == hashlib.sha256(lock.encode("utf-8")).hexdigest(), (
        "requirements.txt changed without the index check: run `make lock`"
    )
    assert record["withdrawn"] == [], record["withdrawn"]
    assert record["packages"] == len(set(re.findall(r"(?m)^[A-Za-z0-9][^=\s]*==\S+", lock)))
    # Withdrawn because they break on Python < 3.11.5 (Debian 12 has 3.11.2): the report's
    # HTML check of image alt texts failed after every chapter had run.
    pins = _pins(e.split(" ")[0] for e in lock.splitlines())
    assert pins["soupsieve"] not in {"3.0", "3.0.1"}


def test_the_build_accepts_listed_assumptions_but_not_a_cell_without_the_chapter_parameters(
    tmp_path,
):
    import nbformat
    import pytest

    from sergek_report.build.chapters import ChapterSpec, check_parameters_cell
    from sergek_report.errors import BuildError

    def chapter(source: str) -> ChapterSpec:
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["parameters"]})
        path = tmp_path / "x.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
        return ChapterSpec(path, ())

    three = 'edition_file: str = ""  # e\ndata_dir: str = ""  # d\nmodel_file: str = ""  # m\n'
    check_parameters_cell(chapter(three))
    check_parameters_cell(chapter(three + "# assumptions\ndiscount_rate: float = None  # x\n"))
    with pytest.raises(BuildError, match="expected first edition_file, data_dir, model_file"):
        check_parameters_cell(chapter("discount_rate: float = None  # x\n" + three))
