"""Shared fixtures. Each full build of the report (it starts kernels) runs once per session and
is shared by the tests that only read its outputs:

- built_report: the default edition, shared by the test processes;
- second_build: the same inputs again, by the command line, offline, its PDF laid out at the
  end (determinism, the log);
- changed_edition: `make scenarios` with the base scenario (a copy of the default build: no
  chapter runs again) and one changed scenario, dated a day later, with one assumption's
  value, label and rationale changed besides the scenario's own;
- changed_data: the memo alone, from a data/ whose sources.csv is in Windows-1251 and whose
  contract counts other complexes.

A test that changes a build's folder or data works on its own copy (copy_of_build)."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from sergek_report.build.editions import OWNER_FILE
from sergek_report.build.kernels import skip_iri_grammar

# jsonschema's IRI grammar (about 1.3 s of every test process's start, when nbformat is first
# imported) is skipped as the build and the preview skip it.
skip_iri_grammar()

ROOT = Path(__file__).resolve().parent.parent
_NOTES: list[str] = []
NOTE_PROPERTY = "report-check-note"


@pytest.fixture
def note(record_property):
    """A line for the end of the test run (after pytest's dots, in its own section); kept as a
    test property so that it reaches the summary from a parallel worker too."""
    return lambda line: record_property(NOTE_PROPERTY, line)


def pytest_runtest_logreport(report):
    if report.when == "call":
        _NOTES.extend(value for name, value in report.user_properties if name == NOTE_PROPERTY)


def pytest_terminal_summary(terminalreporter):
    if _NOTES:
        terminalreporter.section("what the report checks measured", sep="-")
        for line in _NOTES:
            terminalreporter.write_line(line)


# The session's builds, each made once per run. A test that reads one runs in the test process
# that holds it (pytest-xdist's groups); a test that reads two goes with the first build listed.
# The default edition is shared between processes (shared_build): the forty tests that read
# only it are in no group, so that both processes share them rather than one running all of
# them.
BUILD_GROUPS = {
    "second_build": "second-build",
    "data_copy": "second-build",
    "changed_edition": "changed-edition",
    "changed_data": "changed-edition",
}


# The session fixtures that build a whole report: a test that uses one is marked slow, or
# `make test-fast` would build the report (one unmarked test once took it from 14 to 25 s).
BUILDS = {"built_report", "second_build", "changed_edition", "changed_data"}


@pytest.hookimpl(tryfirst=True)  # before the fixtures: an unmarked test fails, builds nothing
def pytest_runtest_setup(item):
    if BUILDS & set(getattr(item, "fixturenames", ())) and not item.get_closest_marker("slow"):
        pytest.fail(
            "this test builds a whole report but is not marked slow: add @pytest.mark.slow, "
            "or `make test-fast` builds the report",
            pytrace=False,
        )


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist turns the groups into the tests' ids
def pytest_collection_modifyitems(config, items):
    # "xdist" when loaded from its entry point, "xdist.plugin" by `-p` (make test)
    if not any(config.pluginmanager.hasplugin(n) for n in ("xdist", "xdist.plugin")):
        return
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        group = next((g for name, g in BUILD_GROUPS.items() if name in fixtures), None)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """Freeze what collection made; stop the run if the groups did not reach the tests' ids:
    each process would then make every shared build again (what pytest 9.2 did silently)."""
    # What collection imported (pandas, matplotlib, the package) stays alive to the end: out
    # of the garbage collector's sight it is not traversed again at every full collection.
    gc.freeze()
    if not getattr(session.config.option, "loadgroup", False):
        return
    lost = [
        item.nodeid
        for item in session.items
        if set(getattr(item, "fixturenames", ())) & set(BUILD_GROUPS) and "@" not in item.nodeid
    ]
    if lost:
        raise pytest.UsageError(
            f"pytest-xdist's groups did not reach {len(lost)} test id(s) (e.g. {lost[0]}): "
            "the tests that share a build would make it once per process. Use the pytest "
            "version pinned in requirements.txt (make env)."
        )


def shared_folder(tmp_path_factory) -> Path:
    """The temporary folder of this test run that all its test processes see."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def _pages_read_once_per_run(tmp_path_factory):
    """A PDF's pages are read by one test process and kept for the others (tests/pages.py)."""
    from tests import pages

    pages.SHARED = shared_folder(tmp_path_factory)


@pytest.fixture(autouse=True)
def _figures_closed_after_each_test():
    """The chart tests draw with pyplot, which keeps every figure until it is closed: closed
    after each test, a test process holds none (matplotlib warned past twenty)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")  # only where a test has drawn
    if pyplot is not None:
        pyplot.close("all")


def shared_build(tmp_path_factory, name: str, make) -> Path:
    """What `make(folder)` builds (it returns the path of its result), once per test run,
    whichever test process asks first; another process asking meanwhile waits for it (a lock
    beside the folder)."""
    import fcntl

    shared = shared_folder(tmp_path_factory)
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            done.write_text(str(make(folder)), encoding="utf-8")
        return Path(done.read_text(encoding="utf-8"))


@pytest.fixture
def kazakh():
    """The catalog and fmt in Kazakh for the test; Russian again afterwards."""
    from sergek_report import labels

    labels.use_language("kk")
    yield
    labels.use_language(labels.SOURCE_LANGUAGE)


def pdf_text(path: Path) -> str:
    """All text of a PDF with whitespace (incl. no-break spaces) folded to single spaces and
    hyphenated words joined; a
    «¶» ends each page, so that a page's number (the last word of its text) never reads as a
    count with the next page's first word («23 комплексов»)."""
    from tests.pages import page_texts

    text = "\n¶\n".join(page_texts(path))
    # a word the layout hyphenated at a line's end (U+2010; a typed hyphen is U+002D) is
    # read whole
    return normalise(re.sub("\u2010\n(?!¶)", "", text))


def normalise(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


@pytest.fixture(scope="session")
def data_copy(tmp_path_factory) -> Path:
    """A private copy of data/ that a test may change without touching the repository."""
    target = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def data_with(folder: Path, file: str, old: str, new: str) -> Path:
    """A copy of data/ in `folder` with `old` replaced by `new` in one file (which must hold
    `old`); returns the copy's path."""
    target = folder / "data"
    shutil.copytree(ROOT / "data", target)
    text = (target / file).read_text(encoding="utf-8")
    assert old in text, (file, old)
    (target / file).write_text(text.replace(old, new), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def built_report(tmp_path_factory):
    """The default edition, built end to end once per test run (shared by the test processes);
    only its `out_dir` is given: a test that changes a build works on a copy (copy_of_build)."""
    from sergek_report.build.sequence import build

    def make(build_root: Path) -> Path:
        log = io.StringIO()
        with contextlib.redirect_stderr(log):
            result = build(ROOT / "params" / "default.yaml", build_root=build_root, force=True)
        build_root.with_suffix(".log").write_text(log.getvalue(), encoding="utf-8")
        return result.out_dir

    out_dir = shared_build(tmp_path_factory, "default-build", make)
    log = (out_dir.parent / "default-build.log").read_text(encoding="utf-8")
    return SimpleNamespace(out_dir=out_dir, log=log)


def copy_of_build(built, target: Path) -> Path:
    """A copy of a build folder (its executed chapters, caches and published links, which are
    relative): a build into it executes only the chapters whose inputs differ."""
    shutil.copytree(built.out_dir, target, symlinks=True)
    (target / OWNER_FILE).unlink(missing_ok=True)  # the copy holds no edition of its own yet
    return target


def offline_prefix() -> list[str]:
    """Run a command in a new network namespace with only loopback (the kernels talk over
    Unix sockets, so they need no network at all).

    As root, or as any user where unprivileged user namespaces are allowed (--map-root-user);
    a container without the capability, or a kernel that forbids both, builds with the
    network as it is (and the test says why it did not run)."""
    if not shutil.which("unshare"):
        return []
    loopback = 'command -v ip >/dev/null && ip link set lo up; exec "$@"'
    for namespace in (["unshare", "--net"], ["unshare", "--net", "--map-root-user"]):
        if namespace == ["unshare", "--net"] and os.geteuid() != 0:
            continue
        probe = subprocess.run([*namespace, "true"], capture_output=True)
        if probe.returncode == 0:
            return [*namespace, "sh", "-c", loopback, "offline"]
    return []


@pytest.fixture(scope="session")
def second_build(data_copy, tmp_path_factory):
    """The same inputs built again, elsewhere, from a private copy of data/, offline, by the
    command line as `make report` runs it, with every PDF part laid out at the end (the
    default build lays them out while chapters run); its stderr is kept (log)."""
    root = tmp_path_factory.mktemp("second")
    command = [
        sys.executable,
        "-m",
        "sergek_report",
        "build",
        "--force",
        "--data-dir",
        str(data_copy),
        "--build-root",
        str(root),
    ]
    prefix = offline_prefix()
    result = subprocess.run(
        prefix + command,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | {"SERGEK_REPORT_LAYOUT_AHEAD": "0"},
    )
    assert result.returncode == 0, result.stderr
    return SimpleNamespace(out_dir=root, offline=bool(prefix), log=result.stderr)


def changed_scenario(late_installation: Path) -> str:
    """The late-installation scenario changed further, as an analyst edits an edition: dated a
    day later (4 → 5 December, the announcement's days one fewer) and the discount rate's value
    (18 → 16), label and rationale rewritten; the YAML of that scenario file."""
    import yaml

    scenario = yaml.safe_load(late_installation.read_text(encoding="utf-8"))
    default = yaml.safe_load((ROOT / "params" / "default.yaml").read_text(encoding="utf-8"))
    assert default["edition"]["edition_date"]["value"].isoformat() == "2026-12-04"
    rate = default["assumptions"]["discount_rate"]
    assert (
        rate["value"] == 18.0 and rate["label"] == "Ставка дисконтирования (номинальная, годовая)"
    )
    old = "Базовая ставка Национального банка, действующая с 10 октября 2025 года"
    assert old in rate["rationale"]
    scenario["edition"]["edition_date"] = {"value": "2026-12-05"}
    # a day later, a day fewer to announce the procurement in (computed.check_announcement_days)
    scenario["assumptions"]["procurement_announced_days_early"] = {"range": [0, 26]}
    scenario["assumptions"]["discount_rate"] = {
        "value": 16.0,
        "label": "Ставка приведения платежей (проверочная метка)",
        "rationale": rate["rationale"].replace(
            old, "Проверочное обоснование ставки, действующей с 10 октября 2025 года"
        ),
    }
    return yaml.safe_dump(scenario, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="session")
def changed_edition(built_report, tmp_path_factory):
    """One full build for the scenario test and five others: `make scenarios` run in a copy of
    the project with two scenario files, the base one (the default edition's assumptions; its
    folder starts as a copy of the default build, so none of its chapters runs again) and the
    late-installation one changed further (changed_scenario: dated a day later, the discount
    rate's value, label and rationale changed). `pdf`, `metrics` and `result` are the changed
    scenario's (what it printed, its BuildResult); `root` the scenarios' folder, `executed`
    the chapters each scenario's build ran. (That a new date makes every chapter run again is
    test_sequence's, without a build.)"""
    from sergek_report import paths
    from sergek_report.build import scenarios

    base = tmp_path_factory.mktemp("scenarios")
    project = base / "project"
    for name in ("notebooks", "data", "params", "published"):
        shutil.copytree(ROOT / name, project / name)
    folder = project / "params" / "scenarios"
    for path in folder.glob("*.yaml"):
        if path.stem != "base":
            path.unlink()
    late = ROOT / "params" / "scenarios" / "late_installation.yaml"
    (folder / late.name).write_text(changed_scenario(late), encoding="utf-8")
    copy_of_build(built_report, base / "build" / "scenarios" / "base")
    built = {}

    def recorded(path, **kwargs):
        built[path.stem] = result = build(path, **kwargs)
        return result

    build = scenarios.build
    with pytest.MonkeyPatch.context() as patch:
        # as `sergek-report --project COPY scenarios` (its kernels inherit the project)
        patch.setenv(paths.PROJECT_ENV, str(project))
        patch.setattr(scenarios, "build", recorded)
        root = scenarios.build_scenarios(build_root=base / "build", project=paths.Project(project))
    result = built["late_installation"]
    pdf = pdf_text(result.out_dir / "report.pdf")
    metrics = json.loads((result.out_dir / "metrics.json").read_text(encoding="utf-8"))
    executed = {name: list(r.executed) for name, r in built.items()}
    return SimpleNamespace(pdf=pdf, metrics=metrics, result=result, root=root, executed=executed)


@pytest.fixture(scope="session")
def changed_data(tmp_path_factory):
    """The memo alone (the first chapter, with the title page, the contents and the «what
    changed» block the build adds) from a copy of data/ whose sources.csv is in Windows-1251
    and whose contract counts 1 650 complexes in service (was 1 641; the deployment's
    milestones with it). `pdf` is what it printed."""
    import yaml

    from sergek_report.build.sequence import build

    root = tmp_path_factory.mktemp("changed-data")
    data = data_with(root, "contract.csv", ",1641,", ",1650,")
    # the contract figure must agree with the latest observed deployment milestone, and the
    # planned network with it (1 650 + 350)
    deployment = data / "deployment.csv"
    deployment.write_text(
        deployment.read_text(encoding="utf-8")
        .replace("2026-02-07,1641,", "2026-02-07,1650,")
        .replace("2026-03-01,1991,", "2026-03-01,2000,"),
        encoding="utf-8",
    )
    text = (data / "sources.csv").read_text(encoding="utf-8")
    (data / "sources.csv").write_bytes(text.encode("cp1251", errors="replace"))
    chapters = yaml.safe_load((ROOT / "notebooks" / "chapters.yaml").read_text(encoding="utf-8"))
    memo = chapters["chapters"][0]
    assert memo["notebook"] == "01_summary.ipynb"
    shutil.copy(ROOT / "notebooks" / memo["notebook"], root)
    chapters_file = root / "chapters.yaml"
    chapters_file.write_text(yaml.safe_dump({"chapters": [memo]}), encoding="utf-8")
    result = build(
        ROOT / "params" / "default.yaml",
        data_dir=data,
        build_root=root / "build",
        chapters_file=chapters_file,
    )
    return SimpleNamespace(pdf=pdf_text(result.out_dir / "report.pdf"))


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
