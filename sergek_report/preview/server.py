"""The preview's web page and file watcher: the served report with its reload script and
error banner, a small HTTP server on 127.0.0.1, and modification-time polling."""

from __future__ import annotations

import contextlib
import html as html_lib
import json
import subprocess
import sys
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sergek_report import paths
from sergek_report.errors import ReportError

DEFAULT_PORT = 4848
POLL_S = 0.2  # how often the watcher looks at modification times
SETTLE_S = 0.05  # a save must stand still this long before it is read
STATE_PATH = "/__preview/state"
IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints", ".git"}


# --- watching ------------------------------------------------------------------------------


def scan(roots: list[Path]) -> dict[Path, tuple[int, int]]:
    """Modification time and size of every file under the roots (editor leftovers aside)."""
    seen: dict[Path, tuple[int, int]] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if IGNORED_PARTS & set(path.parts) or path.name.startswith((".#", "~")):
                continue
            with contextlib.suppress(OSError):
                stat = path.stat()
                if not path.is_dir():
                    seen[path] = (stat.st_mtime_ns, stat.st_size)
    return seen


def changed_files(before: dict, after: dict) -> set[Path]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def needs_restart(changed: set[Path]) -> bool:
    """Python code of the package: this process and the kernels must import it again."""
    return any(p.suffix == ".py" and p.is_relative_to(paths.PACKAGE_DIR) for p in changed)


# --- the page ------------------------------------------------------------------------------

RELOAD_SCRIPT = """<script>
(function () {
  var me = %s;
  function poll() {
    fetch("%s", {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.id !== me.id || s.version !== me.version) { location.reload(); }
        else { setTimeout(poll, 300); }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 300);
})();
</script>"""

BANNER = (
    '<div role="alert" id="sergek-preview-error" style="position:sticky;top:0;z-index:1000;'
    "margin:0;padding:0.7em 1em;background:#fdecea;color:#611a15;border-bottom:2px solid "
    '#b3261e;font:15px/1.45 sans-serif;white-space:pre-wrap"><strong>Preview: the last change '
    "failed; the report below is the last good one.</strong> %s</div>"
)

WAITING_PAGE = (
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Preview</title></head>'
    '<body style="font:16px/1.5 sans-serif;margin:2em">'
    "<p>Preview: no report yet; it appears here when the first build succeeds.</p>"
    "</body></html>"
)


def decorate(report: str, state: dict, error: str | None) -> str:
    """The served page: the report, the error banner (if any) and the reload script."""
    page = report
    if error:
        banner = BANNER % html_lib.escape(error)
        page = page.replace("<body>", "<body>" + banner, 1) if "<body>" in page else banner + page
    script = RELOAD_SCRIPT % (json.dumps(state), STATE_PATH)
    at = page.rfind("</body>")
    return page[:at] + script + page[at:] if at >= 0 else page + script


@dataclass
class Served:
    """What the server hands out; replaced as a whole under the lock."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    version: int = 0
    report: str | None = None  # the last good HTML
    error: str | None = None
    busy: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)

    def update(self, **changes) -> None:
        with self.lock:
            for name, value in changes.items():
                setattr(self, name, value)
            self.version += 1

    def state(self) -> dict:
        with self.lock:
            return {"id": self.id, "version": self.version, "busy": self.busy, "error": self.error}

    def page(self) -> bytes:
        with self.lock:
            state = {"id": self.id, "version": self.version}
            report, error = self.report, self.error
        return decorate(report or WAITING_PAGE, state, error).encode("utf-8")


def make_server(served: Served, port: int | None) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # the http.server API names it
            route = self.path.split("?", 1)[0]
            if route == STATE_PATH:
                body, kind = json.dumps(served.state()).encode(), "application/json"
            elif route in ("/", "/index.html", "/report.html"):
                body, kind = served.page(), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def log_message(self, format, *args):  # quiet: no line per request
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        allow_reuse_address = True

        def handle_error(self, request, client_address):  # a closed tab is not an error
            pass

    if port is not None:
        try:
            return Server(("127.0.0.1", port), Handler)
        except OSError as exc:
            raise ReportError(
                f"127.0.0.1:{port}: {exc.strerror or exc}; choose another port "
                "(--port N, or make preview PREVIEW_PORT=N; 0 takes any free port)."
            ) from None
    try:
        return Server(("127.0.0.1", DEFAULT_PORT), Handler)
    except OSError:
        return Server(("127.0.0.1", 0), Handler)  # the default port is taken: any free one


def package_import_problem() -> str | None:
    """The last line of the error when the changed package does not import, else None."""
    check = subprocess.run(
        [sys.executable, "-c", "import sergek_report.preview.session, sergek_report.chapter.api"],
        capture_output=True,
        text=True,
        cwd=paths.PROJECT_ROOT,
    )
    if check.returncode == 0:
        return None
    lines = check.stderr.strip().splitlines()
    return lines[-1] if lines else f"exit code {check.returncode}"
