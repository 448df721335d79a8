"""Executing chapter notebooks: warm kernels over Unix sockets, one chapter after another."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from sergek_report import paths
from sergek_report.build.chapters import ChapterSpec, parameters_cell_index, read_notebook

MAX_DEFAULT_JOBS = 3
HEARTBEAT_S = 5  # the longest the build log stays silent while chapters run


def log(message: str) -> None:
    print(f"build: {message}", file=sys.stderr, flush=True)


def default_jobs() -> int:
    """One kernel per core, but at most MAX_DEFAULT_JOBS: each kernel holds about 150 MiB
    once the chapters' imports are done, and the whole build should stay under 1 GiB."""
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_JOBS))


def describe_failure(spec: ChapterSpec, result: dict, kept: str) -> str:
    where = paths.display_path(spec.notebook)
    if result.get("message"):
        return f"{result['message']} The executed notebook is kept for inspection at {kept}."
    if result.get("cell_index") is None:
        return f"{where} failed before or between cells: {result['error'].rstrip('.')}. See {kept}."
    if result.get("timeout"):  # the build's papermill error or the preview's empty one
        limit = result.get("timeout_s")
        result = result | {
            "error": "no result within the cell timeout"
            + (f" of {limit} s" if limit else "")
            + " (set it with --cell-timeout)"
        }
    elif not str(result.get("error") or "").strip(" .:"):
        result = result | {"error": "the cell stopped without an error message"}
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
    on_done=None,
) -> dict[str, dict]:
    """The build's executor: `jobs` kernels started once, with the chapters' imports done
    (`kernels.WARM_UP`), each running chapter after chapter from a clean namespace, as the
    preview's warm kernels do; a chapter's executed notebook goes to `staging`. A kernel
    start and the chapters' imports are paid once per kernel, not once per chapter.
    `on_done(spec, outcome)` is called as each chapter's notebook is written."""
    import asyncio

    from sergek_report.build.kernels import (
        ChapterKernel,
        run_chapter,
        skip_iri_grammar,
        socket_folder,
    )

    skip_iri_grammar()  # before nbformat's and the renderer's imports

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
                import nbformat  # imported by then (papermill, in run_chapter)

                nbformat.write(notebook, staging / spec.name)
                results[spec.name] = outcome
                if outcome["ok"]:
                    log(f"  {spec.name}: {outcome['seconds']:.1f} s")
                if on_done is not None:
                    on_done(spec, outcome)

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

    try:
        asyncio.run(run_all())
    finally:
        import shutil

        shutil.rmtree(socket_folder(), ignore_errors=True)
    return {spec.name: results[spec.name] for spec in stale}
