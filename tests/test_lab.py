"""`make lab`: JupyterLab really starts on loopback in the project environment."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from sergek_report import paths

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_lab_serves_the_notebooks_on_loopback(tmp_path):
    port = free_port()
    token = "sergek-test-token"
    env = dict(
        os.environ,
        JUPYTER_TOKEN=token,
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        HOME=str(tmp_path),
    )
    log = tmp_path / "lab.log"
    with log.open("w", encoding="utf-8") as sink:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"LAB_PORT={port}"],
            cwd=paths.PROJECT_ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        listing = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and listing is None:
            assert server.poll() is None, log.read_text(encoding="utf-8")
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/contents/notebooks",
                    headers={"Authorization": f"token {token}"},
                )
                with urllib.request.urlopen(request, timeout=5) as response:
                    listing = json.load(response)
            except OSError:
                time.sleep(0.5)
        assert listing is not None, "JupyterLab did not answer within 90 s"
        names = {item["name"] for item in listing["content"]}
        assert {"01_summary.ipynb", "07_appendix.ipynb"} <= names
        # One kernel: the standard "python3" the notebooks ask for, from the environment
        # (started over Unix sockets whatever starts it: see the provisioner in its spec).
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/kernelspecs",
            headers={"Authorization": f"token {token}"},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            specs = json.load(response)
        assert set(specs["kernelspecs"]) == {"python3"}, specs["kernelspecs"]
        spec = specs["kernelspecs"]["python3"]["spec"]
        assert spec["metadata"]["kernel_provisioner"]["provisioner_name"] == (
            "sergek-ipc-provisioner"
        )
        # Bound to loopback only.
        import psutil

        listening = {
            c.laddr.ip
            for c in psutil.net_connections(kind="tcp")
            if c.status == psutil.CONN_LISTEN and c.laddr.port == port
        }
        assert listening and listening <= {"127.0.0.1"}, listening
        # A kernel started from JupyterLab talks over Unix sockets, like the build's:
        # ipykernel prints no "Kernel is running over TCP" warning.
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/kernels",
            data=json.dumps({"name": "python3"}).encode(),
            headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            kernel = json.load(response)
        # Wait until the kernel answers (it warns, if at all, before that).
        from jupyter_client import BlockingKernelClient

        client = BlockingKernelClient(
            connection_file=str(tmp_path / "runtime" / f"kernel-{kernel['id']}.json")
        )
        client.load_connection_file()
        client.start_channels()
        try:
            # kernel_info by hand: wait_for_ready also reads the heartbeat, which a loaded
            # machine can miss for a second and then reports as a dead kernel
            client.kernel_info()
            reply = client.get_shell_msg(timeout=90)
            assert reply["msg_type"] == "kernel_info_reply", reply["msg_type"]
        finally:
            client.stop_channels()
        time.sleep(0.5)
        output = log.read_text(encoding="utf-8")
        assert "TCP" not in output, output
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def test_jupyterlab_renders_the_chapters_inline_values():
    """jupyterlab-myst is installed, compatible with this JupyterLab and enabled: after a run
    the chapters' Markdown cells show their {eval} values."""
    listed = subprocess.run(
        [str(paths.PROJECT_ROOT / ".venv" / "bin" / "jupyter"), "labextension", "list"],
        capture_output=True,
        text=True,
        env=os.environ | {"NO_COLOR": "1"},
        check=True,
    )
    output = listed.stdout + listed.stderr
    line = next(line for line in output.splitlines() if "jupyterlab-myst" in line)
    assert "enabled" in line and "OK" in line, output
    assert "not compatible" not in output, output
