"""How the build and the preview start kernels: over Unix sockets, and stopped without SIGINT.

Imported only where kernels run (pool workers, the preview): jupyter_client is not a cheap
import and the build's no-op check must stay fast.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import uuid
from pathlib import Path

from jupyter_client.connect import ConnectionFileMixin
from jupyter_client.manager import AsyncKernelManager
from traitlets import default


def socket_folder() -> Path:
    """A private folder for the sockets of the kernels of one build (named after the build's
    process, the parent of its pool workers) or of one preview; `publish.clean_leftovers`
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
