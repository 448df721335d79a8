"""Execute the chapter notebooks (papermill) and render one report (nbconvert + WeasyPrint).

Incremental: every executed notebook is fingerprinted by its notebook, the data tables it
reads (notebooks/chapters.yaml), the parameter values it declares and the package code; the
report is fingerprinted by the executed notebooks, the baseline edition and the git commit.
Nothing stale means nothing runs: no kernel, no heavy import. Stale notebooks run in
parallel. Results are written to a temporary place first, so a failed build never replaces
the last good report.
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

import yaml

from . import paths
from .params import (
    ParamFile,
    check_parameters,
    declared_parameters,
    load_params,
    parameters_cell_index,
)

KERNEL_NAME = "sergek-report"
CELL_TIMEOUT_S = 600
MAX_DEFAULT_JOBS = 3
STATE_FILE = ".build-state.json"
OUTPUTS = ("report.html", "report.pdf", "metrics.json")


class BuildError(RuntimeError):
    """A build step failed; the message says which file, notebook or cell, and why."""


@dataclass(frozen=True)
class ChapterSpec:
    notebook: Path
    tables: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.notebook.name


@dataclass
class BuildResult:
    out_dir: Path
    executed: list[str] = field(default_factory=list)
    rendered: bool = False
    pages: int | None = None


def log(message: str) -> None:
    print(f"build: {message}", file=sys.stderr, flush=True)


def load_chapters(chapters_file: Path = paths.CHAPTERS_FILE) -> list[ChapterSpec]:
    where = paths.display_path(chapters_file)
    raw = yaml.safe_load(chapters_file.read_text(encoding="utf-8")) or {}
    specs = []
    for i, entry in enumerate(raw.get("chapters") or [], start=1):
        if not isinstance(entry, dict) or "notebook" not in entry:
            raise BuildError(f"{where}: chapter {i} needs a 'notebook' entry.")
        notebook = chapters_file.parent / entry["notebook"]
        if not notebook.is_file():
            raise BuildError(f"{where}: chapter {i}: notebook {entry['notebook']} not found.")
        specs.append(ChapterSpec(notebook, tuple(entry.get("tables") or ())))
    if not specs:
        raise BuildError(f"{where}: no chapters listed.")
    return specs


def edition_dir(param_file: ParamFile, build_root: Path = paths.BUILD_DIR) -> Path:
    """The default edition goes to build/, any other parameter file to build/<name>/."""
    if param_file.path == paths.DEFAULT_PARAMS.resolve():
        return build_root
    return build_root / param_file.name


def _sha(*chunks: bytes) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(hashlib.sha256(chunk).digest())
    return digest.hexdigest()


def code_fingerprint() -> str:
    files = sorted(
        p
        for p in paths.PACKAGE_DIR.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    return _sha(*(str(p.relative_to(paths.PACKAGE_DIR)).encode() + p.read_bytes() for p in files))


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
    """The commit the report is built from, as printed on the title page."""
    try:
        sha = _git("rev-parse", "--short=12", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "нет данных (сборка вне git)"
    return f"{sha} (с незафиксированными изменениями)" if dirty else sha


def _read_state(out_dir: Path) -> dict:
    try:
        return json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


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


def _describe_failure(spec: ChapterSpec, result: dict, kept: Path) -> str:
    where = paths.display_path(spec.notebook)
    if result.get("cell_index") is None:
        return f"{where} failed before or between cells: {result['error'].rstrip('.')}. See {kept}."
    # papermill inserts an 'injected-parameters' cell; report the analyst's own numbering.
    index = result["cell_index"]
    original = json.loads(spec.notebook.read_text(encoding="utf-8"))
    params_at = parameters_cell_index(original)
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
    param_file = load_params(params_path)
    chapters = load_chapters(chapters_file)
    declared = {spec.name: declared_parameters(spec.notebook) for spec in chapters}
    for spec in chapters:
        if "data_dir" not in declared[spec.name]:
            raise BuildError(
                f"{paths.display_path(spec.notebook)}: the parameters cell must declare "
                "data_dir (the build passes the data folder)."
            )
    per_notebook = check_parameters(param_file, declared)
    data_dir = Path(data_dir).resolve()
    for spec in chapters:
        per_notebook[spec.name]["data_dir"] = str(data_dir)
        if "params_file" in declared[spec.name]:
            per_notebook[spec.name]["params_file"] = str(param_file.path)

    out_dir = edition_dir(param_file, build_root)
    out_dir.mkdir(parents=True, exist_ok=True)
    executed_dir = out_dir / "notebooks"
    state = _read_state(out_dir)
    code_fp = code_fingerprint()

    fingerprints = {}
    for spec in chapters:
        missing = [t for t in spec.tables if not table_file(data_dir, t).is_file()]
        if missing:
            raise BuildError(
                f"{paths.display_path(chapters_file)}: {spec.name} reads table(s) "
                f"{missing} but {paths.display_path(data_dir)} has no such CSV file."
            )
        fingerprints[spec.name] = _sha(
            spec.notebook.read_bytes(),
            *(table_file(data_dir, t).read_bytes() for t in spec.tables),
            json.dumps(per_notebook[spec.name], sort_keys=True).encode(),
            code_fp.encode(),
        )
    previous = state.get("notebooks", {})
    stale = [
        spec
        for spec in chapters
        if force
        or previous.get(spec.name) != fingerprints[spec.name]
        or not (executed_dir / spec.name).is_file()
    ]

    baseline = Path(baseline_path)
    commit = git_commit()
    render_fp = _sha(
        json.dumps(fingerprints, sort_keys=True).encode(),
        baseline.read_bytes() if baseline.is_file() else b"",
        commit.encode(),
        json.dumps(param_file.values(), sort_keys=True).encode(),
    )
    result = BuildResult(out_dir=out_dir)
    outputs_present = all((out_dir / name).is_file() for name in OUTPUTS)
    if not stale and state.get("render") == render_fp and outputs_present:
        log(f"up to date: {paths.display_path(out_dir)}/report.pdf (nothing to do)")
        return result

    if stale:
        _validate_data(data_dir, param_file)
        with tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as tmp:
            staging = Path(tmp)
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
            _write_json(out_dir / STATE_FILE, {"notebooks": previous, "render": None})
            if failures:
                raise BuildError(
                    " ".join(failures)
                    + f" The last good report in {paths.display_path(out_dir)} is unchanged."
                )
        shutil.rmtree(out_dir / "failed", ignore_errors=True)

    from .render import render_report  # heavy imports only when rendering

    # Long-lived objects (modules, styles) need no more cycle collection: WeasyPrint
    # allocates millions of small objects and would otherwise rescan them repeatedly.
    gc.freeze()

    pages = render_report(
        chapters=[executed_dir / spec.name for spec in chapters],
        out_dir=out_dir,
        param_file=param_file,
        data_dir=data_dir,
        git_commit=commit,
        baseline_path=baseline,
        inputs=input_hashes(data_dir),
    )
    _write_json(out_dir / STATE_FILE, {"notebooks": previous, "render": render_fp})
    result.rendered, result.pages = True, pages
    where = paths.display_path(out_dir)
    log(f"wrote {where}/report.pdf ({pages} pages), report.html, metrics.json")
    return result


def _check_declared_tables(spec: ChapterSpec, executed: Path, chapters_file: Path) -> None:
    """A chapter that reads a table it does not declare would not re-run when it changes."""
    from .outputs import INPUTS_MIMETYPE

    notebook = json.loads(executed.read_text(encoding="utf-8"))
    read: set[str] = set()
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            read |= set(output.get("data", {}).get(INPUTS_MIMETYPE, []))
    undeclared = sorted(read - set(spec.tables))
    if undeclared:
        raise BuildError(
            f"{paths.display_path(chapters_file)}: {spec.name} reads table(s) {undeclared} "
            "that are not listed under its 'tables'; add them so that a change to them "
            "re-executes the chapter."
        )


def _validate_data(data_dir: Path, param_file: ParamFile) -> None:
    """Fail fast, before any kernel starts, with the data module's precise message."""
    from . import datasets

    as_of = param_file.edition.get("edition_date")
    try:
        datasets.load_tables(None, data_dir=data_dir, as_of=as_of)
    except datasets.DataValidationError as exc:
        raise BuildError(str(exc)) from None
