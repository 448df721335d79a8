"""How the build and the preview start kernels: over Unix sockets, and stopped without SIGINT.

Imported only where kernels run (pool workers, the preview): jupyter_client is not a cheap
import and the build's no-op check must stay fast.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import tempfile
import uuid
from pathlib import Path

from jupyter_client.connect import ConnectionFileMixin
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import default

from sergek_report.errors import ReportError

KERNEL_NAME = "python3"  # the standard kernel of the interpreter running the build


def socket_folder() -> Path:
    """A private folder for the sockets of the kernels of one build (named after the build's
    process, the parent of its pool workers) or of one preview; `editions.clean_leftovers`
    removes the folders whose process is gone."""
    parent = multiprocessing.parent_process()
    owner = parent.pid if parent is not None else os.getpid()
    folder = Path(tempfile.gettempdir()) / f"sergek-kernels-{owner}"
    folder.mkdir(exist_ok=True)
    return folder


class IPCSockets(ConnectionFileMixin):
    """Kernels talk over Unix sockets, not TCP ports: parallel kernels cannot race for
    the same port ("Address already in use"), nothing listens on the network, and ipykernel
    does not warn about unencrypted TCP. The sockets live in a short private folder (a path
    next to a long connection-file path could exceed the 107 bytes a socket name may have)."""

    @default("transport")
    def _default_transport(self):
        return "ipc"

    @default("ip")
    def _default_ip(self):
        # A private socket prefix per kernel (the default, "kernel-ipc" in the working
        # directory, would be shared by kernels running side by side).
        return str(socket_folder() / f"kernel-{uuid.uuid4().hex[:12]}")

    async def _async_interrupt_kernel(self) -> None:
        # jupyter_client interrupts a kernel before asking it to shut down. Our kernels are
        # idle by then (a cell that hangs is stopped by the timeout, then the kernel is
        # killed if the shutdown request is not answered), and the SIGINT would only make
        # ipykernel log "ERROR | KeyboardInterrupt caught in kernel" on a successful build.
        if self.shutting_down:
            return
        await super()._async_interrupt_kernel()


class IPCKernelManager(IPCSockets, AsyncKernelManager):
    """The build's and the preview's kernels; `jupyter nbconvert --execute`'s in .venv too
    (`make env` names this class in .venv/etc/jupyter/jupyter_nbconvert_config.json)."""


class IPCProvisioner(LocalProvisioner):
    """Kernels that other tools start in .venv (papermill, nbclient, any client) use Unix
    sockets too: `make env` names this provisioner in the environment's "python3" kernelspec,
    so a kernel manager that would use TCP is switched to IPC before the kernel starts (no
    "Kernel is running over TCP without encryption" warning from ipykernel)."""

    async def pre_launch(self, **kwargs):
        km = self.parent
        if km is not None and km.transport == "tcp" and not km.has_kernel:
            km.cache_ports = False
            km.transport = "ipc"
            km.ip = str(socket_folder() / f"kernel-{uuid.uuid4().hex[:12]}")
        return await super().pre_launch(**kwargs)


# --- the preview's warm kernels ---------------------------------------------------------

# The chapters' imports, then what they left alive moved out of the garbage collector's sight
# (gc.freeze): `%reset -f` (RESET, before every chapter) runs two full collections, which
# would otherwise traverse every object of pandas, matplotlib and the package each time
# (about 0.3 s of CPU a chapter; the imported modules live as long as the kernel anyway).
WARM_UP = (
    "import gc, sergek_report.chapter.api, sergek_report.inputs.datasets\ngc.collect()\ngc.freeze()"
)
RESET = "get_ipython().run_line_magic('reset', '-f')"
HISTORY_IN_MEMORY = "--HistoryManager.hist_file=:memory:"


def warm_client_class():
    """nbclient's NotebookClient on a kernel that is already running: nothing is started or
    stopped, and the preview's own Ctrl-C handler stays in place (nbclient would replace it
    while a notebook runs, then leave the default one behind)."""
    from nbclient import NotebookClient

    from sergek_report.chapter.inline import client_class

    class WarmClient(client_class(NotebookClient)):
        @contextlib.asynccontextmanager
        async def async_setup_kernel(self, **kwargs):
            yield

    return WarmClient


class ChapterKernel:
    """One long-lived kernel for one chapter."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.km = None
        self.kc = None
        self.ready: asyncio.Task | None = None

    def start(self) -> None:
        self.ready = asyncio.ensure_future(self._start())

    async def _start(self) -> None:
        self.km = IPCKernelManager(kernel_name=KERNEL_NAME)
        # The input history in memory, as nbclient (papermill, nbconvert) starts kernels: not
        # every chapter's cells added to the user's ~/.ipython history database, one new
        # session and a write per cell.
        await self.km.start_kernel(cwd=str(self.cwd), extra_arguments=[HISTORY_IN_MEMORY])
        self.kc = self.km.client()
        # No heartbeat channel: a client made by its kernel manager asks the manager whether
        # the kernel lives (nbclient too). Its thread raced `stop_channels` when a build
        # stopped a kernel it had just started: it set itself running again after the stop,
        # reopened its socket in a loop until the context's sockets ran out and died with
        # «zmq.error.ZMQError: Too many open files» (a warning in one test run of three).
        self.kc.start_channels(hb=False)
        await self.kc.wait_for_ready(timeout=120)
        await self._run(WARM_UP)

    async def _run(self, code: str, timeout: float = 120) -> None:
        reply = await self.kc.execute_interactive(
            code, silent=True, store_history=False, timeout=timeout, output_hook=lambda msg: None
        )
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            raise ReportError(
                f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}"
            )

    async def execute(self, notebook, timeout: int, on_cell_start) -> None:
        """Run the notebook's cells (in place) on this kernel, from a clean namespace."""
        await self.ready
        if not await self.km.is_alive():  # a cell ended the kernel last time
            await self.restart()
        await self._run(RESET)
        client = warm_client_class()(
            notebook,
            km=self.km,
            timeout=timeout,
            kernel_name=KERNEL_NAME,
            on_cell_start=on_cell_start,
            resources={"metadata": {"path": str(self.cwd)}},
        )
        client.kc = self.kc
        await client.async_execute()

    async def kill(self) -> None:
        if self.km is not None and self.km.has_kernel:
            await self.km.shutdown_kernel(now=True)

    async def restart(self) -> None:
        await self.stop()
        self.start()
        await self.ready

    async def stop(self) -> None:
        if self.ready is not None and not self.ready.done():
            self.ready.cancel()
            with contextlib.suppress(BaseException):
                await self.ready
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            with contextlib.suppress(Exception):
                if self.km.has_kernel:
                    # Killed, not asked to shut down: the kernel holds nothing to save (its
                    # history is in memory), and ipykernel's reply to a shutdown request
                    # races the closing of its output socket, which now and then logged
                    # «ERROR:tornado.general:Uncaught exception in ZMQStream callback» on a
                    # good build (ipython/ipykernel#1518, not in the pinned 7.4.0). The
                    # kernel manager still removes the connection file and the sockets.
                    await self.km.shutdown_kernel(now=True)
            self.km = None


def skip_iri_grammar() -> None:
    """jsonschema (imported by nbformat, papermill, nbconvert) builds a Lark grammar for its
    IRI formats when `rfc3987_syntax` is installed: about 1.3 s at import
    (python-jsonschema/jsonschema#1428). Notebook validation never checks those formats, so
    the build and the preview import jsonschema without them (it skips them when the module
    is missing); nothing they write changes."""
    import sys

    sys.modules.setdefault("rfc3987_syntax", None)


async def run_chapter(
    kernel: ChapterKernel, source: Path, parameters: dict, timeout: int, where: str
):
    """One chapter on a warm kernel (the build's and the preview's executor): the notebook
    parameterized as papermill does it, run from a clean namespace, its inline expressions
    checked. Returns the executed notebook and an outcome as `execute.describe_failure`
    reads it."""
    import time

    skip_iri_grammar()
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from sergek_report.chapter import inline

    notebook = load_notebook_node(str(source))  # as papermill reads it (tags)
    notebook = parameterize_notebook(notebook, parameters, kernel_name=KERNEL_NAME)
    running: dict = {}

    def on_cell_start(cell, cell_index):
        running.update(index=cell_index, source=cell.source)

    started = time.perf_counter()
    outcome: dict = {"ok": True}
    try:
        await kernel.execute(notebook, timeout, on_cell_start)
    except CellTimeoutError:
        outcome = {"ok": False, "timeout": True, "timeout_s": timeout}
        # The cell is still running: a shutdown request would wait for it. The next chapter
        # on this kernel starts a new one (`execute` finds it dead).
        await kernel.kill()
    except CellExecutionError as exc:
        outcome = {"ok": False, "error": f"{exc.ename}: {exc.evalue}"}
    except DeadKernelError as exc:
        outcome = {"ok": False, "error": f"the kernel died ({exc})"}
    if outcome["ok"]:
        problems = " ".join(inline.check(notebook, where))
        if problems:
            outcome = {"ok": False, "message": problems}
    if not outcome["ok"]:
        outcome.setdefault("error", "")
        outcome.update(cell_index=running.get("index"), source=running.get("source"))
    outcome["seconds"] = time.perf_counter() - started
    return notebook, outcome
