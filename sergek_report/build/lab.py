"""JupyterLab's kernels in the project environment, over Unix sockets like the build's
(`make env` names this class in .venv/etc/jupyter/jupyter_server_config.json):
no TCP port, and no "Kernel is running over TCP" warning from ipykernel."""

from __future__ import annotations

from jupyter_server.services.kernels.kernelmanager import ServerKernelManager

from sergek_report.build.kernels import IPCSockets


class IPCServerKernelManager(IPCSockets, ServerKernelManager):
    """A JupyterLab kernel whose sockets live in a short private folder in /tmp."""
