"""Build an edition: compute the model once, execute the chapters, render one report.

1. Read the edition (params/*.yaml) and the chapter list; nothing else runs when no input
   changed (the no-op check hashes every file under data/, the parameter files, the
   notebooks and the package).
2. Load and validate every table in data/ and compute the edition's results once, in this
   process; save them for the chapters and write the key figures (metrics.json).
3. Execute the chapters whose inputs changed (papermill, in parallel): a chapter's fingerprint
   covers its notebook, the tables it shows, the model's inputs and the kernel-side code; the
   renderer, its CSS and the command line are not part of it.
4. Render HTML and PDF. Outputs are written under temporary names and swapped in, so a failed
   build never replaces the last good report.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sergek_report import paths
from sergek_report.build.chapters import (
    ChapterSpec,
    check_parameters_cell,
    load_chapters,
    read_notebook,
)
from sergek_report.build.execute import default_jobs, describe_failure, execute_chapters, log
from sergek_report.build.publish import (
    STATE_FILE,
    clean_leftovers,
    default_timeout,
    publish_edition,
    read_baseline,
    read_state,
    write_json,
)
from sergek_report.errors import BuildError
from sergek_report.inputs.digests import data_digest
from sergek_report.inputs.edition import Edition, load_edition

RESERVED_NAMES = {"notebooks", "failed", "scenarios"}
MODEL_DIR = ".edition-model"  # the computed edition, one file per chapter
OUTPUTS = ("report.html", "report.pdf", "metrics.json")
# Package files that run only in the build process: a change to them re-renders the report
# but does not re-execute chapters.
RENDER_SIDE = {
    "build/sequence.py",
    "cli.py",
    "build/render.py",
    "build/pdf.py",
    "build/changes.py",
    "build/scenarios.py",
    "__main__.py",
    "build/kernels.py",
    "preview/session.py",
    "preview/server.py",
    "build/lab.py",
    "build/execute.py",
    "build/publish.py",
    "build/chapters.py",
}

__all__ = ["BuildError", "BuildResult", "build", "edition_dir"]


@dataclass
class BuildResult:
    out_dir: Path
    executed: list[str] = field(default_factory=list)
    rendered: bool = False
    pages: int | None = None
    model_computations: int = 0


def edition_dir(edition: Edition, build_root: Path = paths.BUILD_DIR) -> Path:
    """The default edition goes to build/, any other parameter file to build/<name>/."""
    if edition.path == paths.DEFAULT_PARAMS.resolve():
        return build_root
    name = edition.name
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", name) or name in RESERVED_NAMES:
        raise BuildError(
            f"{paths.display_path(edition.path)}: an edition file's name becomes its folder "
            f"build/{name}/; use letters, digits, '-' and '_', not the names "
            f"{', '.join(sorted(RESERVED_NAMES))}; e.g. params/high_inflation.yaml."
        )
    return build_root / name


def _sha(*chunks: bytes) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(hashlib.sha256(chunk).digest())
    return digest.hexdigest()


def _files_digest(files: list[Path], root: Path) -> str:
    return _sha(*(str(p.relative_to(root)).encode() + p.read_bytes() for p in files))


def _package_files() -> list[Path]:
    return sorted(
        p for p in paths.PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )


def kernel_code_fingerprint() -> str:
    """The package code chapters run: everything but the build and rendering side."""
    files = [
        p
        for p in _package_files()
        if p.suffix == ".py" and p.relative_to(paths.PACKAGE_DIR).as_posix() not in RENDER_SIDE
    ]
    return _files_digest(files, paths.PACKAGE_DIR)


def table_file(data_dir: Path, table: str) -> Path:
    return data_dir / f"{table}.csv"


def input_hashes(data_dir: Path) -> dict[str, str]:
    return {
        f"data/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.glob("*.csv"))
    }


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=paths.PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def git_commit() -> str:
    """The commit the report is built from (printed in the colophon)."""
    try:
        sha = _git("rev-parse", "--short=12", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "нет данных"
    return f"{sha} (с незафиксированными изменениями)" if dirty else sha


def check_table_files(chapters: list[ChapterSpec], data_dir: Path, chapters_file: Path) -> None:
    """Every table a chapter declares has its CSV file."""
    for spec in chapters:
        missing = [t for t in spec.tables if not table_file(data_dir, t).is_file()]
        if missing:
            raise BuildError(
                f"{paths.display_path(chapters_file)}: {spec.name} shows table(s) "
                f"{missing} but {paths.display_path(data_dir)} has no such CSV file."
            )


def chapter_fingerprints(
    edition: Edition, chapters: list[ChapterSpec], data_dir: Path, kernel_fp: str | None = None
) -> dict[str, str]:
    """What each chapter's executed notebook depends on: the notebook, the tables it shows,
    the model's inputs (or only the assumptions' declarations, for a chapter that does not
    read the results) and the kernel-side package code. The build and the preview use it."""
    from sergek_report.model.lookups import (
        MODEL_TABLES,  # imports pandas: not needed by the no-op check
    )

    kernel_fp = kernel_fp or kernel_code_fingerprint()
    model_fp = _sha(
        *(table_file(data_dir, t).read_bytes() for t in MODEL_TABLES),
        edition.declaration_digest().encode(),
    )
    return {
        spec.name: _sha(
            spec.notebook.read_bytes(),
            *(table_file(data_dir, t).read_bytes() for t in sorted({*spec.tables, "sources"})),
            (model_fp if spec.results else edition.declaration_digest()).encode(),
            kernel_fp.encode(),
        )
        for spec in chapters
    }


def report_inputs(edition_data, data_dir: Path, baseline: dict | None, commit: str) -> dict:
    """What the renderer needs besides the executed chapters (build and preview alike)."""
    from sergek_report.build.metrics import key_metrics

    return {
        "edition": edition_data.edition,
        "sources": edition_data.tables["sources"],
        "metrics": key_metrics(edition_data.results),
        "git_commit": commit,
        "baseline": baseline,
        "inputs": input_hashes(data_dir),
        "tariff_base_year": edition_data.results.tariff_base_year,
    }


# --- the build -----------------------------------------------------------------------------


def build(
    params_path: str | Path = paths.DEFAULT_PARAMS,
    *,
    data_dir: Path = paths.DATA_DIR,
    build_root: Path = paths.BUILD_DIR,
    chapters_file: Path = paths.CHAPTERS_FILE,
    baseline_path: Path = paths.PUBLISHED_DIR / "metrics.json",
    jobs: int | None = None,
    force: bool = False,
    timeout: int | None = None,
) -> BuildResult:
    build_root, chapters_file = Path(build_root), Path(chapters_file)
    data_dir = Path(data_dir).resolve()
    edition = load_edition(params_path)
    chapters = load_chapters(chapters_file)
    for spec in chapters:
        check_parameters_cell(spec)

    out_dir = edition_dir(edition, build_root)
    out_dir.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out_dir)
    executed_dir = out_dir / "notebooks"
    state = read_state(out_dir)
    baseline = Path(baseline_path)
    commit = git_commit()
    timeout = timeout or default_timeout(state)

    # 1. The no-op check: every input of the whole report, hashed without heavy imports.
    data_fp = data_digest(data_dir)  # any file added, removed or changed under data/
    kernel_fp = kernel_code_fingerprint()
    everything_fp = _sha(
        data_fp.encode(),
        *(p.read_bytes() for p in edition.chain),
        chapters_file.read_bytes(),
        *(spec.notebook.read_bytes() for spec in chapters),
        _files_digest(_package_files(), paths.PACKAGE_DIR).encode(),
        baseline.read_bytes() if baseline.is_file() else b"",
        commit.encode(),
        str(edition.path).encode(),
    )
    outputs_present = all((out_dir / name).is_file() for name in OUTPUTS)
    if not force and state.get("inputs") == everything_fp and outputs_present:
        log(f"up to date: {paths.display_path(out_dir)}/report.pdf (nothing to do)")
        return BuildResult(out_dir=out_dir)

    baseline_data = read_baseline(baseline)

    # 2. Every table validated, the model computed once, in this process.
    from sergek_report.model import computed
    from sergek_report.model import results as model

    check_table_files(chapters, data_dir, chapters_file)
    started, computed_before = time.perf_counter(), model.COMPUTATIONS
    edition_data = computed.compute_edition(edition, data_dir)
    result = BuildResult(out_dir=out_dir, model_computations=model.COMPUTATIONS - computed_before)
    log(f"model computed once in {time.perf_counter() - started:.2f} s")
    render_inputs = report_inputs(edition_data, data_dir, baseline_data, commit)

    # 3. Chapters whose inputs changed.
    fingerprints = chapter_fingerprints(edition, chapters, data_dir, kernel_fp)
    previous = state.get("notebooks", {}) if isinstance(state.get("notebooks"), dict) else {}
    seconds = state.get("seconds", {}) if isinstance(state.get("seconds"), dict) else {}
    stale = [
        spec
        for spec in chapters
        if force
        or previous.get(spec.name) != fingerprints[spec.name]
        or not (executed_dir / spec.name).is_file()
    ]
    # Each chapter gets the results and only the tables it shows: a long table in data/
    # is held in memory by the kernels that print it, not by every kernel.
    shutil.rmtree(out_dir / MODEL_DIR, ignore_errors=True)
    (out_dir / MODEL_DIR).mkdir()
    per_notebook = {}
    for spec in stale:
        model_file = out_dir / MODEL_DIR / f"{spec.notebook.stem}.pickle"
        computed.save(computed.for_chapter(edition_data, spec.tables), model_file)
        per_notebook[spec.name] = {
            "edition_file": str(edition.path),
            "data_dir": str(data_dir),
            "model_file": str(model_file),
        }
    # The build keeps only what the renderer needs; the worker processes that run the kernels
    # are forked from it and would otherwise each map a copy of every table.
    del edition_data
    gc.collect()
    if stale:
        with tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as tmp:
            staging = Path(tmp)
            results = execute_chapters(
                stale, per_notebook, staging, jobs or default_jobs(), timeout
            )
            executed_dir.mkdir(exist_ok=True)
            failures = []
            for spec in stale:
                outcome = results[spec.name]
                if outcome["ok"]:
                    check_declared_tables(spec, staging / spec.name, chapters_file)
                    os.replace(staging / spec.name, executed_dir / spec.name)
                    previous[spec.name] = fingerprints[spec.name]
                    seconds[spec.name] = round(outcome["seconds"], 2)
                    result.executed.append(spec.name)
                else:
                    failed_dir = out_dir / "failed"
                    failed_dir.mkdir(exist_ok=True)
                    kept = failed_dir / spec.name
                    if (staging / spec.name).is_file():
                        os.replace(staging / spec.name, kept)
                    previous.pop(spec.name, None)
                    outcome["timeout_s"] = timeout
                    failures.append(describe_failure(spec, outcome, paths.display_path(kept)))
            write_json(
                out_dir / STATE_FILE, {"notebooks": previous, "seconds": seconds, "inputs": None}
            )
            if failures:
                raise BuildError(
                    " ".join(failures)
                    + f" The last good report in {paths.display_path(out_dir)} is unchanged."
                )
        shutil.rmtree(out_dir / "failed", ignore_errors=True)

    # 4. Render.
    from sergek_report.build.render import render_report  # heavy imports only when rendering

    # Long-lived objects (modules, styles) need no more cycle collection: WeasyPrint
    # allocates millions of small objects and would otherwise rescan them repeatedly.
    gc.freeze()
    log("rendering the HTML, then the PDF chapter by chapter (unchanged chapters from the cache)")
    # The embedded font subsets carry a timestamp (fontTools reads SOURCE_DATE_EPOCH): the
    # edition's date, so that the same inputs give the same PDF bytes (unless set already).
    chosen = os.environ.get("SOURCE_DATE_EPOCH")
    midnight = dt.datetime.combine(edition.edition_date, dt.time(), dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = chosen or str(int(midnight.timestamp()))
    try:
        files, pages = render_report(
            chapters=[executed_dir / spec.name for spec in chapters],
            out_dir=out_dir,
            **render_inputs,
        )
    finally:
        if chosen is None:
            del os.environ["SOURCE_DATE_EPOCH"]
    publish_edition(out_dir, files, everything_fp)
    write_json(
        out_dir / STATE_FILE, {"notebooks": previous, "seconds": seconds, "inputs": everything_fp}
    )
    result.rendered, result.pages = True, pages
    where = paths.display_path(out_dir)
    log(f"wrote {where}/report.pdf ({pages} pages), report.html, metrics.json")
    return result


def check_declared_tables(spec: ChapterSpec, executed: Path, chapters_file: Path) -> None:
    """A chapter that shows a table it does not declare would not re-run when it changes."""
    from sergek_report.chapter.outputs import INPUTS_MIMETYPE, RESULTS

    notebook = read_notebook(executed)
    read: set[str] = set()
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            read |= set(output.get("data", {}).get(INPUTS_MIMETYPE, []))
    undeclared = sorted(read - set(spec.tables) - ({RESULTS} if spec.results else set()))
    if undeclared:
        raise BuildError(
            f"{paths.display_path(chapters_file)}: {spec.name} reads {undeclared} but its entry "
            "does not list them (under 'tables', or 'results: true' for the computed results); "
            "add them so that a change to them re-executes the chapter."
        )
