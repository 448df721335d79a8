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

import gc
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from . import paths
from .chapters import (
    ChapterSpec,
    check_parameters_cell,
    load_chapters,
    parameters_cell_index,
    read_notebook,
)
from .edition import Edition, load_edition
from .errors import BuildError
from .lookups import MODEL_TABLES

KERNEL_NAME = "python3"  # the standard kernel of the interpreter running the build
CELL_TIMEOUT_S = 600
MAX_DEFAULT_JOBS = 3
STATE_FILE = ".build-state.json"
MODEL_FILE = ".edition-model.pickle"
OUTPUTS = ("report.html", "report.pdf", "metrics.json")
# Package files that run only in the build process: a change to them re-renders the report
# but does not re-execute chapters.
RENDER_SIDE = {"build.py", "cli.py", "render.py", "pdf.py", "changes.py", "scenarios.py",
               "__main__.py"}

__all__ = ["BuildError", "BuildResult", "build", "edition_dir"]


@dataclass
class BuildResult:
    out_dir: Path
    executed: list[str] = field(default_factory=list)
    rendered: bool = False
    pages: int | None = None
    model_computations: int = 0


def log(message: str) -> None:
    print(f"build: {message}", file=sys.stderr, flush=True)


def edition_dir(edition: Edition, build_root: Path = paths.BUILD_DIR) -> Path:
    """The default edition goes to build/, any other parameter file to build/<name>/."""
    if edition.path == paths.DEFAULT_PARAMS.resolve():
        return build_root
    return build_root / edition.name


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
        p for p in _package_files()
        if p.parent == paths.PACKAGE_DIR and p.suffix == ".py" and p.name not in RENDER_SIDE
    ]
    return _files_digest(files, paths.PACKAGE_DIR)


def data_fingerprint(data_dir: Path) -> str:
    """Every file under data/ (a new, removed or changed file is never "up to date")."""
    files = sorted(p for p in data_dir.rglob("*") if p.is_file())
    return _files_digest(files, data_dir)


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


def _read_state(out_dir: Path) -> dict:
    try:
        state = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _write_json(path: Path, payload) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


# --- execution -----------------------------------------------------------------------------


def _execute_one(source: str, target: str, parameters: dict, timeout: int) -> dict:
    """Run in a worker process: one notebook through papermill. Returns a plain dict."""
    import papermill as pm
    from jupyter_client.manager import AsyncKernelManager
    from papermill.exceptions import PapermillExecutionError
    from traitlets import default as trait_default

    class IPCKernelManager(AsyncKernelManager):
        """Kernels talk over Unix sockets, not TCP ports: parallel kernels cannot race for
        the same port ("Address already in use"), and nothing listens on the network."""

        @trait_default("transport")
        def _default_transport(self):
            return "ipc"

        @trait_default("ip")
        def _default_ip(self):
            # A private socket prefix per kernel (the default, "kernel-ipc" in the working
            # directory, would be shared by kernels running side by side).
            return os.path.join(tempfile.gettempdir(), f"sergek-kernel-{uuid.uuid4().hex[:12]}")

    started = time.perf_counter()
    try:
        pm.execute_notebook(
            source,
            target,
            parameters=parameters,
            kernel_name=KERNEL_NAME,
            cwd=str(Path(source).parent),
            progress_bar=False,
            execution_timeout=timeout,
            log_output=False,
            kernel_manager_class=IPCKernelManager,
        )
    except PapermillExecutionError as exc:
        return {
            "ok": False,
            "cell_index": exc.cell_index,
            "exec_count": exc.exec_count,
            "source": exc.source,
            "error": f"{exc.ename}: {exc.evalue}",
        }
    except Exception as exc:  # kernel died, timeout, missing kernel spec…
        return {"ok": False, "cell_index": None, "error": f"{type(exc).__name__}: {exc}"}
    return {"ok": True, "seconds": time.perf_counter() - started}


def default_jobs() -> int:
    """One kernel per core, but at most MAX_DEFAULT_JOBS: each job (pool worker + kernel)
    costs about 265 MiB, and the whole build should stay under 1 GiB."""
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_JOBS))


def _describe_failure(spec: ChapterSpec, result: dict, kept: str) -> str:
    where = paths.display_path(spec.notebook)
    if result.get("cell_index") is None:
        return f"{where} failed before or between cells: {result['error'].rstrip('.')}. See {kept}."
    # papermill inserts an 'injected-parameters' cell; report the analyst's own numbering.
    index = result["cell_index"]
    params_at = parameters_cell_index(read_notebook(spec.notebook))
    if params_at is not None and index > params_at:
        index -= 1
    first_line = (result.get("source") or "").strip().splitlines()[:1]
    snippet = f" ({first_line[0][:60]!r}…)" if first_line else ""
    return (
        f"{where} failed in cell {index + 1}{snippet}: {result['error']}. "
        f"The executed notebook is kept for inspection at {kept}."
    )


def _execute(
    stale: list[ChapterSpec],
    parameters: dict[str, dict],
    staging: Path,
    jobs: int,
    timeout: int,
) -> dict[str, dict]:
    workers = max(1, min(jobs, len(stale)))
    log(
        f"executing {len(stale)} notebook(s) with {workers} worker(s): "
        + ", ".join(s.name for s in stale)
    )
    results: dict[str, dict] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        futures = {
            spec.name: pool.submit(
                _execute_one,
                str(spec.notebook),
                str(staging / spec.name),
                parameters[spec.name],
                timeout,
            )
            for spec in stale
        }
        # While the kernels run, pay for the renderer's imports (nbconvert, WeasyPrint).
        from . import render  # noqa: F401

        for name, future in futures.items():
            results[name] = future.result()
            if results[name]["ok"]:
                log(f"  {name}: {results[name]['seconds']:.1f} s")
    return results


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
    timeout: int = CELL_TIMEOUT_S,
) -> BuildResult:
    build_root, chapters_file = Path(build_root), Path(chapters_file)
    data_dir = Path(data_dir).resolve()
    edition = load_edition(params_path)
    chapters = load_chapters(chapters_file)
    for spec in chapters:
        check_parameters_cell(spec)

    out_dir = edition_dir(edition, build_root)
    out_dir.mkdir(parents=True, exist_ok=True)
    executed_dir = out_dir / "notebooks"
    state = _read_state(out_dir)
    baseline = Path(baseline_path)
    commit = git_commit()

    # 1. The no-op check: every input of the whole report, hashed without heavy imports.
    data_fp = data_fingerprint(data_dir)
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

    # 2. Every table validated, the model computed once, in this process.
    from . import context, model
    from .metrics import key_metrics

    for spec in chapters:
        missing = [t for t in spec.tables if not table_file(data_dir, t).is_file()]
        if missing:
            raise BuildError(
                f"{paths.display_path(chapters_file)}: {spec.name} shows table(s) "
                f"{missing} but {paths.display_path(data_dir)} has no such CSV file."
            )
    started, computed_before = time.perf_counter(), model.COMPUTATIONS
    edition_data = context.compute_edition(edition, data_dir)
    result = BuildResult(out_dir=out_dir, model_computations=model.COMPUTATIONS - computed_before)
    log(f"model computed once in {time.perf_counter() - started:.2f} s")
    model_file = out_dir / MODEL_FILE
    context.save(edition_data, model_file)
    metrics = key_metrics(edition_data.results)

    # 3. Chapters whose inputs changed.
    model_fp = _sha(
        *(table_file(data_dir, t).read_bytes() for t in MODEL_TABLES),
        edition.declaration_digest().encode(),
    )
    fingerprints = {
        spec.name: _sha(
            spec.notebook.read_bytes(),
            *(table_file(data_dir, t).read_bytes() for t in sorted({*spec.tables, "sources"})),
            (model_fp if spec.results else edition.declaration_digest()).encode(),
            kernel_fp.encode(),
        )
        for spec in chapters
    }
    previous = state.get("notebooks", {}) if isinstance(state.get("notebooks"), dict) else {}
    stale = [
        spec
        for spec in chapters
        if force
        or previous.get(spec.name) != fingerprints[spec.name]
        or not (executed_dir / spec.name).is_file()
    ]
    parameters = {
        "edition_file": str(edition.path),
        "data_dir": str(data_dir),
        "model_file": str(model_file),
    }
    if stale:
        with tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as tmp:
            staging = Path(tmp)
            per_notebook = {spec.name: parameters for spec in stale}
            results = _execute(stale, per_notebook, staging, jobs or default_jobs(), timeout)
            executed_dir.mkdir(exist_ok=True)
            failures = []
            for spec in stale:
                outcome = results[spec.name]
                if outcome["ok"]:
                    _check_declared_tables(spec, staging / spec.name, chapters_file)
                    os.replace(staging / spec.name, executed_dir / spec.name)
                    previous[spec.name] = fingerprints[spec.name]
                    result.executed.append(spec.name)
                else:
                    failed_dir = out_dir / "failed"
                    failed_dir.mkdir(exist_ok=True)
                    kept = failed_dir / spec.name
                    if (staging / spec.name).is_file():
                        os.replace(staging / spec.name, kept)
                    previous.pop(spec.name, None)
                    failures.append(_describe_failure(spec, outcome, paths.display_path(kept)))
            _write_json(out_dir / STATE_FILE, {"notebooks": previous, "inputs": None})
            if failures:
                raise BuildError(
                    " ".join(failures)
                    + f" The last good report in {paths.display_path(out_dir)} is unchanged."
                )
        shutil.rmtree(out_dir / "failed", ignore_errors=True)

    # 4. Render.
    from .render import render_report  # heavy imports only when rendering

    # Long-lived objects (modules, styles) need no more cycle collection: WeasyPrint
    # allocates millions of small objects and would otherwise rescan them repeatedly.
    gc.freeze()
    pages = render_report(
        chapters=[executed_dir / spec.name for spec in chapters],
        out_dir=out_dir,
        edition=edition,
        sources=edition_data.tables["sources"],
        metrics=metrics,
        git_commit=commit,
        baseline_path=baseline,
        inputs=input_hashes(data_dir),
    )
    _write_json(out_dir / STATE_FILE, {"notebooks": previous, "inputs": everything_fp})
    result.rendered, result.pages = True, pages
    where = paths.display_path(out_dir)
    log(f"wrote {where}/report.pdf ({pages} pages), report.html, metrics.json")
    return result


def _check_declared_tables(spec: ChapterSpec, executed: Path, chapters_file: Path) -> None:
    """A chapter that shows a table it does not declare would not re-run when it changes."""
    from .outputs import INPUTS_MIMETYPE, RESULTS

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

