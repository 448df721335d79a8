"""`sergek-report preview` (`make preview`): the HTML report, served on 127.0.0.1 and rebuilt
as you edit, as `quarto preview` does for Quarto documents.

- Watches notebooks/, data/, params/ (and the edition's files), the published baseline and
  the package by polling modification times; nothing new to install.
- Keeps a kernel for each chapter it has run (over Unix sockets, as the build's), and one
  spare kernel warm: a chapter that changes for the first time takes the spare (a new one
  starts once the page is refreshed), then runs again on its own kernel after its namespace
  is reset, so the imports (pandas, matplotlib, the package) are paid once; then only the
  HTML is rendered again (no PDF). Started from `make report`'s chapters, the preview runs
  one kernel, not one per chapter.
- It runs the build's own sequence (`build.sequence`: `read_inputs`, `compute_model`,
  `chapter_fingerprints`, `stale_chapters`, `write_handoff`, `chapter_parameters`,
  `accept_chapter`, `report_inputs`), with its warm kernels as the executor and an HTML-only
  render: chapters get the same hand-off files as in `make report`. A change to data/ or
  params/ recomputes the edition's model once and re-executes the chapters whose
  fingerprints changed. A change to the package's Python code restarts the preview (kernels and
  this process import it); a change to its templates re-renders.
- The page polls a small state endpoint and reloads itself when a new version is ready; the
  script is added to the served page only, never to build/report.html.
- An error (a table that fails validation, a failing cell) appears as a banner above the last
  good report, which stays served.

Executed notebooks and the computed model live in `<edition folder>/.preview/`; chapters that
`make report` already executed with the same fingerprints are taken from build/notebooks/.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

from sergek_report import paths
from sergek_report.build.chapters import ChapterSpec
from sergek_report.build.editions import default_timeout, read_baseline, read_state, write_json
from sergek_report.build.execute import default_jobs, describe_failure
from sergek_report.build.kernels import ChapterKernel, run_chapter
from sergek_report.build.sequence import (
    MODEL_DIR,
    Inputs,
    accept_chapter,
    chapter_fingerprints,
    chapter_parameters,
    compute_model,
    edition_dir,
    git_commit,
    handoff_file,
    kernel_code_fingerprint,
    model_key,
    read_inputs,
    report_inputs,
    stale_chapters,
    write_handoff,
)
from sergek_report.errors import ReportError
from sergek_report.inputs.edition import load_edition
from sergek_report.paths import Project
from sergek_report.preview.server import (
    DEFAULT_PORT,
    POLL_S,
    SETTLE_S,
    Served,
    changed_files,
    make_server,
    needs_restart,
    package_import_problem,
    scan,
)

PREVIEW_DIR = ".preview"
STATE_FILE = "state.json"


def log(message: str) -> None:
    print(f"preview: {message}", file=sys.stderr, flush=True)


# --- the preview ---------------------------------------------------------------------------


class Preview:
    def __init__(
        self,
        params_path: Path | None,
        *,
        project: Project | None = None,
        data_dir: Path | None = None,
        build_root: Path | None = None,
        chapters_file: Path | None = None,
        baseline_path: Path | None = None,
        port: int | None,
        jobs: int | None,
        timeout: int | None,
        open_browser: bool = False,
    ):
        self.project = project or paths.current()
        self.params_path = Path(params_path or self.project.default_params)
        self.data_dir = Path(data_dir or self.project.data_dir).resolve()
        self.chapters_file = Path(chapters_file or self.project.chapters_file)
        self.baseline_path = Path(baseline_path or self.project.baseline_file)
        edition = load_edition(self.params_path)
        self.out_dir = edition_dir(edition, build_root, self.project)
        self.work = self.out_dir / PREVIEW_DIR
        self.executed_dir = self.work / "notebooks"
        self.executed_dir.mkdir(parents=True, exist_ok=True)
        self.handoff_dir = self.work / MODEL_DIR
        self.jobs = jobs or default_jobs()
        self.timeout = timeout or default_timeout(read_state(self.out_dir))
        self.open_browser = open_browser
        self.served = Served()
        self.server = make_server(self.served, port)
        self.port = self.server.server_address[1]
        if port is None and self.port != DEFAULT_PORT:
            log(
                f"port {DEFAULT_PORT} is taken (another preview, or another program): serving "
                f"on port {self.port} instead; choose one with make preview PREVIEW_PORT=N"
            )
        self.failing = False  # the last refresh ended in an error (shown as a banner)
        self.current: asyncio.Future | None = None  # the refresh under way
        self.kernels: dict[str, ChapterKernel] = {}  # the chapters' own, once they have run
        self.spare: ChapterKernel | None = None  # warm, for the next chapter that must run
        self.fingerprints: dict[str, str] = self._read_state()
        self.model_key: str | None = None
        self.edition_data = None
        self.render_key: str | None = None
        self.restart = False
        self.kernel_fp = kernel_code_fingerprint()

    # -- state of the executed chapters ------------------------------------------------------
    def _read_state(self) -> dict[str, str]:
        try:
            state = json.loads((self.work / STATE_FILE).read_text(encoding="utf-8"))
            return {k: v for k, v in state.get("notebooks", {}).items() if isinstance(v, str)}
        except (OSError, ValueError, AttributeError):
            return {}

    def _seed_from_build(self, chapters: list[ChapterSpec], fingerprints: dict[str, str]) -> None:
        """Chapters `make report` executed with the same fingerprints need not run again."""
        built = read_state(self.out_dir).get("notebooks")
        if not isinstance(built, dict):
            return
        for spec in chapters:
            name, source = spec.name, self.out_dir / "notebooks" / spec.name
            if self.fingerprints.get(name) == fingerprints[name] and self._executed(name):
                continue
            if built.get(name) == fingerprints[name] and source.is_file():
                shutil.copyfile(source, self.executed_dir / name)
                self.fingerprints[name] = fingerprints[name]

    def _executed(self, name: str) -> bool:
        return (self.executed_dir / name).is_file()

    def _save_state(self) -> None:
        write_json(self.work / STATE_FILE, {"notebooks": self.fingerprints})

    # -- watching ----------------------------------------------------------------------------
    def roots(self) -> list[Path]:
        roots = {
            self.chapters_file.parent.resolve(),
            self.data_dir,
            self.project.params_dir.resolve(),
            self.params_path.resolve().parent,
            self.baseline_path.resolve().parent,
            paths.PACKAGE_DIR,
        }
        return sorted(roots)

    # -- one refresh ---------------------------------------------------------------------------
    async def refresh(self, reason: str) -> None:
        started = time.perf_counter()
        self.served.update(busy=True)
        try:
            executed, rendered = await self._refresh()
        except ReportError as exc:
            self.served.update(busy=False, error=" ".join(str(exc).split()))
            log(f"error: {' '.join(str(exc).split())}")
            self.failing = True
            return
        except Exception as exc:  # any error: the preview keeps serving the last good page
            message = f"{type(exc).__name__}: {' '.join(str(exc).split())[:500]}"
            self.served.update(busy=False, error=message)
            log(f"error: {message}")
            self.failing = True
            return
        self.served.update(busy=False, error=None)
        seconds = time.perf_counter() - started
        if executed or rendered:
            done = ", ".join(executed) if executed else "no chapter executed"
            log(f"{reason}: {done}; HTML refreshed in {seconds:.1f} s")
        if self.failing:  # the terminal's last line must not be the error that is gone
            log(f"{reason}: the error is fixed; the page shows the current report again")
        self.failing = False

    async def _refresh_now(self, reason: str) -> None:
        """One refresh that Ctrl-C can cancel (the kernels are stopped on the way out)."""
        self.current = asyncio.ensure_future(self.refresh(reason))
        with contextlib.suppress(asyncio.CancelledError):
            await self.current

    def read_inputs(self) -> Inputs:
        return read_inputs(
            self.params_path,
            project=self.project,
            data_dir=self.data_dir,
            chapters_file=self.chapters_file,
            baseline_path=self.baseline_path,
        )

    def prepare(self, inputs: Inputs) -> tuple[dict[str, str], list[ChapterSpec]]:
        """The sequence's steps before execution, as in the build: the model (computed again
        only when data/ or the edition's files changed), the fingerprints, the stale
        chapters and their hand-off files."""
        key = model_key(inputs)
        if key != self.model_key or self.edition_data is None:
            self.edition_data = compute_model(inputs)
            self.model_key = key
        chapters = inputs.chapters
        fingerprints = chapter_fingerprints(
            inputs.edition, chapters, inputs.data_dir, self.kernel_fp
        )
        self._seed_from_build(chapters, fingerprints)
        stale = stale_chapters(chapters, fingerprints, self.fingerprints, self.executed_dir)
        write_handoff(self.edition_data, stale, self.handoff_dir)
        return fingerprints, stale

    async def _refresh(self) -> tuple[list[str], bool]:
        inputs = self.read_inputs()
        chapters = inputs.chapters
        fingerprints, stale = self.prepare(inputs)
        for spec in stale:  # a kernel for each chapter that runs, kept for its next run
            if spec.name not in self.kernels:
                self.kernels[spec.name] = self._kernel_for(spec)
        executed: list[str] = []
        if stale:
            limit = asyncio.Semaphore(self.jobs)
            outcomes = await asyncio.gather(
                *(
                    self._execute(
                        inputs,
                        spec,
                        chapter_parameters(inputs, handoff_file(self.handoff_dir, spec)),
                        fingerprints[spec.name],
                        limit,
                    )
                    for spec in stale
                )
            )
            failures = [message for message in outcomes if message]
            self._save_state()
            executed = [
                spec.name for spec, message in zip(stale, outcomes, strict=True) if not message
            ]
            if failures:
                raise ReportError(" ".join(failures))

        # The HTML, when anything it shows may have changed.
        baseline = read_baseline(self.baseline_path)
        commit = git_commit(self.project)
        templates = sorted(p for p in paths.TEMPLATES_DIR.rglob("*") if p.is_file())
        render_key = hashlib.sha256(
            json.dumps([fingerprints[s.name] for s in chapters]).encode()
            + self.model_key.encode()
            + (self.baseline_path.read_bytes() if self.baseline_path.is_file() else b"")
            + b"".join(p.read_bytes() for p in templates)
            + commit.encode()
        ).hexdigest()
        if render_key == self.render_key and self.served.report is not None:
            self._keep_a_spare(chapters)
            return executed, False
        from sergek_report.build.render import report_html

        html, _, _ = report_html(
            chapters=[self.executed_dir / spec.name for spec in chapters],
            reserialise=False,  # the page shown, not the published bytes
            **report_inputs(self.edition_data, self.data_dir, baseline, commit),
        )
        self.served.update(report=html)
        self.render_key = render_key
        self._keep_a_spare(chapters)
        return executed, True

    def _kernel_for(self, spec: ChapterSpec) -> ChapterKernel:
        """The spare kernel (warm, or starting), or a new one."""
        kernel, self.spare = self.spare, None
        if kernel is None or kernel.cwd != spec.notebook.parent:
            if kernel is not None:
                self.spare = kernel
            kernel = ChapterKernel(spec.notebook.parent)
            kernel.start()
        return kernel

    def _keep_a_spare(self, chapters: list[ChapterSpec]) -> None:
        """A spare kernel starts (once the page is refreshed) while a chapter has none."""
        if self.spare is None and any(spec.name not in self.kernels for spec in chapters):
            self.spare = ChapterKernel(chapters[0].notebook.parent)
            self.spare.start()

    async def _execute(
        self,
        inputs: Inputs,
        spec: ChapterSpec,
        parameters: dict,
        fingerprint: str,
        limit: asyncio.Semaphore,
    ) -> str | None:
        """Execute one chapter on its kernel; None when it succeeded, else the message."""
        import nbformat

        kernel = self.kernels[spec.name]
        async with limit:
            notebook, outcome = await run_chapter(
                kernel, spec.notebook, parameters, self.timeout, paths.display_path(spec.notebook)
            )
        if not outcome["ok"]:
            failed = self.work / "failed" / spec.name
            failed.parent.mkdir(exist_ok=True)
            nbformat.write(notebook, failed)
            self.fingerprints.pop(spec.name, None)
            return describe_failure(spec, outcome, paths.display_path(failed))
        staged = self.work / f".{spec.name}.tmp"
        nbformat.write(notebook, staged)
        accept_chapter(inputs, spec, staged, self.executed_dir)
        self.fingerprints[spec.name] = fingerprint
        log(f"  {spec.name}: {outcome['seconds']:.1f} s")
        return None

    # -- the loop ------------------------------------------------------------------------------
    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()

        def on_stop() -> None:
            if not stop.is_set():
                log("stopping: shutting down the chapter kernels …")
            stop.set()
            if self.current is not None and not self.current.done():
                self.current.cancel()  # a refresh under way does not hold up the exit

        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, on_stop)
        server = threading.Thread(target=self.server.serve_forever, daemon=True)
        server.start()
        url = f"http://127.0.0.1:{self.port}/"
        log(f"serving {url} (watching notebooks, data, params and the package; Ctrl-C stops)")
        if self.open_browser:
            import webbrowser

            webbrowser.open(url)
        try:
            roots = self.roots()
            seen = scan(roots)
            await self._refresh_now("start")
            while not stop.is_set():
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(stop.wait(), POLL_S)
                if stop.is_set():
                    break
                now = scan(roots)
                changed = changed_files(seen, now)
                if not changed:
                    continue
                await asyncio.sleep(SETTLE_S)  # let the editor finish writing
                settled = scan(roots)
                changed |= changed_files(now, settled)
                seen = settled
                if needs_restart(changed):
                    problem = package_import_problem()
                    if problem is None:
                        log("the package changed: restarting the preview")
                        self.restart = True
                        break
                    self.served.update(error=f"the package does not import: {problem}")
                    log(f"error: the package does not import: {problem}")
                    continue
                names = sorted({paths.display_path(p) for p in changed})
                more = " …" if len(names) > 3 else ""
                await self._refresh_now(f"{', '.join(names[:3])}{more} changed")
        finally:
            spare = [self.spare] if self.spare is not None else []
            await asyncio.gather(*(k.stop() for k in [*self.kernels.values(), *spare]))
            from sergek_report.build.kernels import socket_folder

            shutil.rmtree(socket_folder(), ignore_errors=True)
            self.server.shutdown()
            self.server.server_close()


def preview(
    params_path: Path | None = None,
    *,
    project: Project | None = None,
    data_dir: Path | None = None,
    build_root: Path | None = None,
    chapters_file: Path | None = None,
    baseline_path: Path | None = None,
    port: int | None = None,
    jobs: int | None = None,
    timeout: int | None = None,
    open_browser: bool = False,
) -> None:
    """Serve and rebuild until Ctrl-C; a change to the package's code restarts the process."""
    session = Preview(
        params_path,
        project=project,
        data_dir=data_dir,
        build_root=build_root,
        chapters_file=chapters_file,
        baseline_path=baseline_path,
        port=port,
        jobs=jobs,
        timeout=timeout,
        open_browser=open_browser,
    )
    asyncio.run(session.run())
    if session.restart:
        args = [a for a in sys.argv[1:] if a != "--open"]  # the browser tab reloads by itself
        argv = [sys.executable, "-m", "sergek_report", *args, "--port", str(session.port)]
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, argv)
    log("stopped (the report in build/ is unchanged)")
