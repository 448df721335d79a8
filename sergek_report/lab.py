"""JupyterLab's kernels in the project environment, over Unix sockets like the build's
(`.venv/etc/jupyter/jupyter_config.json`, written by `make env`, names this class)."""

from __future__ import annotations

from jupyter_server.services.kernels.kernelmanager import ServerKernelManager

from .kernels import IPCSockets


class IPCServerKernelManager(IPCSockets, ServerKernelManager):
    """A JupyterLab kernel over Unix sockets: no TCP port, no ipykernel TCP warning."""
