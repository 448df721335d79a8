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


class WarmKernels:
    """`count` kernels started at once, with the chapters' imports done (`kernels.WARM_UP`),
    in an event loop of their own thread: the build starts them before it computes the model,
    so their start and imports overlap that work. `run` then executes chapters on them."""

    def __init__(self, cwd: Path, count: int):
        import asyncio
        import threading

        from sergek_report.build.kernels import ChapterKernel, skip_iri_grammar

        skip_iri_grammar()  # before nbformat's and the renderer's imports
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="kernels", daemon=True)
        self.thread.start()
        self.kernels = [ChapterKernel(cwd) for _ in range(max(1, count))]
        self.stopping = None
        for kernel in self.kernels:
            self.loop.call_soon_threadsafe(kernel.start)

    def run(
        self,
        stale: list[ChapterSpec],
        parameters: dict[str, dict],
        staging: Path,
        timeout: int,
        on_done=None,
    ) -> dict[str, dict]:
        import asyncio

        log(
            f"executing {len(stale)} notebook(s) on {len(self.kernels)} warm kernel(s): "
            + ", ".join(s.name for s in stale)
        )
        future = asyncio.run_coroutine_threadsafe(
            self._run_all(stale, parameters, staging, timeout, on_done), self.loop
        )
        try:
            return future.result()
        finally:
            future.cancel()  # Ctrl-C: stop the chapters before the kernels

    async def _run_all(self, stale, parameters, staging, timeout, on_done) -> dict[str, dict]:
        import asyncio

        from sergek_report.build.kernels import run_chapter

        queue: asyncio.Queue[ChapterSpec] = asyncio.Queue()
        for spec in stale:
            queue.put_nowait(spec)
        results: dict[str, dict] = {}

        async def worker(kernel) -> None:
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
            await asyncio.gather(*(worker(k) for k in self.kernels))
        finally:
            beat.cancel()
        return {spec.name: results[spec.name] for spec in stale}

    def stop(self):
        """Ask the kernels to shut down, without waiting for them (`close` waits)."""
        import asyncio

        async def stop_all() -> None:
            await asyncio.gather(*(k.stop() for k in self.kernels))

        if self.stopping is None:
            self.stopping = asyncio.run_coroutine_threadsafe(stop_all(), self.loop)
        return self.stopping

    def close(self) -> None:
        """Stop the kernels and their loop (also when the build stopped before `run`)."""
        import shutil

        from sergek_report.build.kernels import socket_folder

        if self.loop.is_closed():
            return
        try:
            self.stop().result()
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join()
            self.loop.close()
            shutil.rmtree(socket_folder(), ignore_errors=True)


def execute_on_warm_kernels(
    stale: list[ChapterSpec],
    parameters: dict[str, dict],
    staging: Path,
    jobs: int,
    timeout: int,
    on_done=None,
    kernels: WarmKernels | None = None,
) -> dict[str, dict]:
    """The build's executor: warm kernels (`kernels`, or `jobs` of them started here), each
    running chapter after chapter from a clean namespace, as the preview's warm kernels do; a
    chapter's executed notebook goes to `staging`. A kernel start and the chapters' imports
    are paid once per kernel, not once per chapter. `on_done(spec, outcome)` is called as
    each chapter's notebook is written."""
    own = kernels is None
    if kernels is None:
        kernels = WarmKernels(stale[0].notebook.parent, min(jobs, len(stale)))
    try:
        return kernels.run(stale, parameters, staging, timeout, on_done)
    finally:
        if own:
            kernels.close()
