"""Executing chapter notebooks: papermill in worker processes, kernels over Unix sockets."""

from __future__ import annotations

import json
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from multiprocessing import get_context
from pathlib import Path

from sergek_report import paths
from sergek_report.build.chapters import ChapterSpec, parameters_cell_index, read_notebook

MAX_DEFAULT_JOBS = 3
HEARTBEAT_S = 5  # the longest the build log stays silent while chapters run


def log(message: str) -> None:
    print(f"build: {message}", file=sys.stderr, flush=True)


def execute_one(source: str, target: str, parameters: dict, timeout: int) -> dict:
    """Run in a worker process: one notebook through papermill. Returns a plain dict."""
    import papermill as pm
    from papermill.engines import papermill_engines
    from papermill.exceptions import PapermillExecutionError

    from sergek_report.build.kernels import KERNEL_NAME, IPCKernelManager
    from sergek_report.build.myst_engine import MystEngine

    papermill_engines.register("myst", MystEngine)  # also without the installed entry point

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
            engine_name="myst",
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
        return {
            "ok": False,
            "cell_index": running_cell(Path(target)),
            "error": f"{type(exc).__name__}: {str(exc)[:300]}",
            "timeout": "Timeout" in type(exc).__name__ or "timed out" in str(exc),
        }
    problems = inline_problems(source, target)
    if problems:
        return {"ok": False, "message": problems}
    return {"ok": True, "seconds": time.perf_counter() - started}


def inline_problems(source: str | Path, executed: str | Path) -> str:
    """The executed notebook's inline expressions that gave no text, as one paragraph."""
    import nbformat

    from sergek_report.chapter.inline import check

    notebook = nbformat.read(str(executed), as_version=4)
    return " ".join(check(notebook, paths.display_path(Path(source))))


def running_cell(executed: Path) -> int | None:
    """The cell papermill was running when execution stopped (timeout, dead kernel): the last
    one it started; the cells after it are still pending."""
    try:
        notebook = json.loads(executed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    started = [
        index
        for index, cell in enumerate(notebook.get("cells", []))
        if cell.get("metadata", {}).get("papermill", {}).get("start_time")
    ]
    return started[-1] if started else None


def default_jobs() -> int:
    """One kernel per core, but at most MAX_DEFAULT_JOBS: each job (pool worker + kernel)
    costs about 265 MiB, and the whole build should stay under 1 GiB."""
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_JOBS))


def describe_failure(spec: ChapterSpec, result: dict, kept: str) -> str:
    where = paths.display_path(spec.notebook)
    if result.get("message"):
        return f"{result['message']} The executed notebook is kept for inspection at {kept}."
    if result.get("cell_index") is None:
        return f"{where} failed before or between cells: {result['error'].rstrip('.')}. See {kept}."
    if result.get("timeout") and not result.get("source"):
        result = result | {
            "error": f"no result within the cell timeout of {result['timeout_s']} s "
            "(set it with --cell-timeout)"
        }
    # papermill inserts an 'injected-parameters' cell; report the analyst's own numbering.
    index = result["cell_index"]
    params_at = parameters_cell_index(read_notebook(spec.notebook))
    if params_at is not None and index > params_at:
        index -= 1
    source = result.get("source")
    if source is None:
        cell = read_notebook(spec.notebook)["cells"][index] if result.get("timeout") else {}
        source = "".join(cell.get("source", "")) if cell else ""
    first_line = (source or "").strip().splitlines()[:1]
    snippet = f" ({first_line[0][:60]!r}…)" if first_line else ""
    return (
        f"{where} failed in cell {index + 1}{snippet}: {result['error']}. "
        f"The executed notebook is kept for inspection at {kept}."
    )


def execute_on_warm_kernels(
    stale: list[ChapterSpec],
    parameters: dict[str, dict],
    staging: Path,
    jobs: int,
    timeout: int,
) -> dict[str, dict]:
    """The build's executor: `jobs` kernels started once, with the chapters' imports done
    (`kernels.WARM_UP`), each running chapter after chapter from a clean namespace, as the
    preview's warm kernels do; a chapter's executed notebook goes to `staging`. A kernel
    start and the chapters' imports are paid once per kernel, not once per chapter."""
    import asyncio

    import nbformat

    from sergek_report.build.kernels import ChapterKernel, run_chapter, socket_folder

    workers = max(1, min(jobs, len(stale)))
    log(
        f"executing {len(stale)} notebook(s) on {workers} warm kernel(s): "
        + ", ".join(s.name for s in stale)
    )
    results: dict[str, dict] = {}

    async def run_all() -> None:
        queue: asyncio.Queue[ChapterSpec] = asyncio.Queue()
        for spec in stale:
            queue.put_nowait(spec)
        kernels = [ChapterKernel(stale[0].notebook.parent) for _ in range(workers)]
        for kernel in kernels:
            kernel.start()

        async def worker(kernel: ChapterKernel) -> None:
            while not queue.empty():
                spec = queue.get_nowait()
                notebook, outcome = await run_chapter(
                    kernel,
                    spec.notebook,
                    parameters[spec.name],
                    timeout,
                    paths.display_path(spec.notebook),
                )
                nbformat.write(notebook, staging / spec.name)
                results[spec.name] = outcome
                if outcome["ok"]:
                    log(f"  {spec.name}: {outcome['seconds']:.1f} s")

        async def heartbeat() -> None:
            started = time.monotonic()
            while True:
                await asyncio.sleep(HEARTBEAT_S)
                log(
                    f"  … {len(results)} of {len(stale)} chapters done after "
                    f"{time.monotonic() - started:.0f} s (kernels at work)"
                )

        beat = asyncio.ensure_future(heartbeat())
        try:
            await asyncio.gather(*(worker(k) for k in kernels))
        finally:
            beat.cancel()
            await asyncio.gather(*(k.stop() for k in kernels))

    # While the kernels run, pay for the renderer's imports (nbconvert, WeasyPrint).
    import threading

    def import_renderer() -> None:
        from sergek_report.build import render  # noqa: F401

    renderer = threading.Thread(target=import_renderer, daemon=True)
    renderer.start()
    try:
        asyncio.run(run_all())
    finally:
        import shutil

        shutil.rmtree(socket_folder(), ignore_errors=True)
    renderer.join()
    return {spec.name: results[spec.name] for spec in stale}


def execute_chapters(
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
                execute_one,
                str(spec.notebook),
                str(staging / spec.name),
                parameters[spec.name],
                timeout,
            )
            for spec in stale
        }
        # While the kernels run, pay for the renderer's imports (nbconvert, WeasyPrint).
        from sergek_report.build import render  # noqa: F401

        started, names = time.monotonic(), {future: name for name, future in futures.items()}
        pending = set(futures.values())
        while pending:
            done, pending = wait(pending, timeout=HEARTBEAT_S, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: list(futures).index(names[f])):
                name = names[future]
                results[name] = future.result()
                if results[name]["ok"]:
                    log(f"  {name}: {results[name]['seconds']:.1f} s")
            if not done:  # a quiet stretch (kernels starting, a long chapter): say what runs
                log(
                    f"  … {len(results)} of {len(futures)} chapters done after "
                    f"{time.monotonic() - started:.0f} s (kernels at work)"
                )
    return {name: results[name] for name in futures}
