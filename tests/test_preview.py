"""`make preview` against a copy of the project, and a quiet build log.

The command line's build log (second_build: a build as `make report` runs it) is checked for
a quiet stderr; the preview then starts from a copy of the session's default build (chapters
whose fingerprints match are not executed again), refreshes after a notebook edit, shows errors
as a banner above the last good page, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from sergek_report import paths
from tests.conftest import copy_of_build

PROJECT_DIRS = ("notebooks", "data", "params", "published")
# The glossary closes the report: once the served page has it, every chapter is there.
WHOLE_PAGE = '<h1 class="backmatter" id="glossary">'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def built_copy(built_report, tmp_path_factory):
    """A copy of the project and of the session's default build (the same inputs, so no chapter
    needs to run again)."""
    root = tmp_path_factory.mktemp("preview")
    project = root / "project"
    for name in PROJECT_DIRS:
        shutil.copytree(paths.PROJECT_ROOT / name, project / name)
    build_root = copy_of_build(built_report, root / "build")
    return project, build_root


@pytest.mark.slow
def test_build_log_has_no_error_and_no_tcp_warning(second_build):
    stderr = second_build.log
    assert "wrote " in stderr
    noisy = [line for line in stderr.splitlines() if "ERROR" in line or "TCP" in line]
    assert not noisy, "\n".join(noisy)  # e.g. "[IPKernelApp] ERROR | KeyboardInterrupt caught"


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float, what: str, server: subprocess.Popen, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text(encoding="utf-8")
        try:
            value = predicate()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what} within {timeout} s\n{log.read_text(encoding='utf-8')}")


def edit_markdown(notebook: Path, suffix: str, last: bool = False) -> None:
    """Append text to the chapter's first Markdown cell after its title (or to its last one,
    which comes after the set-up cell: its inline values can use the chapter's names)."""
    content = json.loads(notebook.read_text(encoding="utf-8"))
    cells = [c for c in content["cells"][1:] if c["cell_type"] == "markdown"]
    cell = cells[-1] if last else cells[0]
    cell["source"] = "".join(cell["source"]) + suffix
    notebook.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")


def add_code_cell(notebook: Path, source: str) -> None:
    content = json.loads(notebook.read_text(encoding="utf-8"))
    content["cells"].append(
        {"cell_type": "code", "execution_count": None, "id": "preview-test", "metadata": {}}
        | {"outputs": [], "source": source}
    )
    notebook.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")


@pytest.mark.slow
def test_preview_refreshes_after_an_edit_and_keeps_the_last_good_page(built_copy, tmp_path):
    project, build_root = built_copy
    port = free_port()
    log = tmp_path / "preview.log"
    with log.open("w", encoding="utf-8") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "sergek_report", "--project", str(project), "preview"]
            + ["--port", str(port), "--build-root", str(build_root)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    state_url = url + "__preview/state"
    try:
        # Started from the build: no chapter runs again, the page is there at once.
        page = wait_for(
            lambda: WHOLE_PAGE in (p := get(url)) and p, 120, "the first page", server, log
        )
        assert "no chapter executed" in log.read_text(encoding="utf-8")
        assert "__preview/state" in page  # the reload script, only in the preview
        assert "__preview" not in (build_root / "report.html").read_text(encoding="utf-8")

        # A Markdown edit appears in the served page, its inline value evaluated by the
        # chapter's kernel and formatted (never the raw role).
        notebook = project / "notebooks" / "02_deployment.ipynb"
        edit = " Правка для предпросмотра 4711: {eval}`fmt.integer(4711 * 3)`."
        edit_markdown(notebook, edit, last=True)
        started = time.monotonic()
        wait_for(lambda: "предпросмотра 4711" in get(url), 60, "the edit", server, log)
        page = get(url)
        assert "4711: 14\u00a0133." in page or "4711: 14&nbsp;133." in page, page[-2000:]
        assert "{eval}" not in page
        edit_seconds = time.monotonic() - started

        # A failing cell: a banner above the last good page, which still has the edit.
        add_code_cell(notebook, 'raise ValueError("preview-test failure")')
        state = wait_for(
            lambda: (s := json.loads(get(state_url)))["error"] and s, 60, "the error", server, log
        )
        assert "02_deployment.ipynb failed in cell" in state["error"]
        assert "preview-test failure" in state["error"]
        page = get(url)
        assert 'id="sergek-preview-error"' in page and "предпросмотра 4711" in page

        # A table that fails validation: the banner names the file; fixing it clears it.
        peers = project / "data" / "peers.csv"
        original = peers.read_bytes()
        peers.write_text("not a table\n", encoding="utf-8")
        wait_for(lambda: "peers" in (json.loads(get(state_url))["error"] or ""), 60,
                 "the data error", server, log)  # fmt: skip
        peers.write_bytes(original)
        content = json.loads(notebook.read_text(encoding="utf-8"))
        content["cells"] = [c for c in content["cells"] if c.get("id") != "preview-test"]
        notebook.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
        wait_for(lambda: json.loads(get(state_url))["error"] is None, 60, "recovery", server, log)
        assert 'id="sergek-preview-error"' not in get(url)
        # The terminal says so too: its last line is no longer the error.
        wait_for(lambda: "the error is fixed" in log.read_text(encoding="utf-8"), 10,
                 "the recovery line", server, log)  # fmt: skip
        assert (
            log.read_text(encoding="utf-8")
            .strip()
            .splitlines()[-1]
            .endswith("the error is fixed; the page shows the current report again")
        )
    finally:
        os.killpg(server.pid, signal.SIGINT)  # Ctrl-C in the terminal
        try:
            code = server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            raise
    output = log.read_text(encoding="utf-8")
    assert code == 0, output
    assert "preview: stopping: shutting down the chapter kernels" in output  # at once
    assert "preview: stopped" in output
    assert "Traceback" not in output and "ERROR" not in output, output
    assert edit_seconds < 30, f"edit shown after {edit_seconds:.1f} s"


def test_a_busy_default_port_is_said_not_silently_replaced(tmp_path, capfd):
    from sergek_report.preview.server import DEFAULT_PORT
    from sergek_report.preview.session import Preview

    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", DEFAULT_PORT))
        holder.listen()
    except OSError:
        pass  # something else has it already: the same situation
    try:
        session = Preview(
            paths.DEFAULT_PARAMS,
            data_dir=paths.DATA_DIR,
            build_root=tmp_path,
            chapters_file=paths.CHAPTERS_FILE,
            baseline_path=paths.PUBLISHED_DIR / "metrics.json",
            port=None,
            jobs=1,
            timeout=60,
        )
        session.server.server_close()
    finally:
        holder.close()
    assert session.port != DEFAULT_PORT
    err = capfd.readouterr().err
    assert f"port {DEFAULT_PORT} is taken" in err and f"serving on port {session.port}" in err
    assert "PREVIEW_PORT=N" in err
