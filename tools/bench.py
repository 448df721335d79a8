"""Benchmark the build: `python tools/bench.py [--runs N] [--quick] [--json PATH]`.

Measures, on the same notebooks, parameters and data, in the same run:

(a) cold full build (all notebooks executed, HTML and PDF rendered) in a fresh build folder;
(b) no-op rebuild of that folder (nothing changed: must start no kernel);
(c) rebuild after one data table changed (a text cell of `peers.csv`, read by one chapter);
(d) the plain chain a user would write without this project: the `papermill` CLI per
    notebook, then `jupyter nbconvert --to html --no-input` per notebook, then the
    `weasyprint` CLI per HTML file, one after the other;
(e) `sergek-report preview` (make preview): from saving a notebook whose Markdown cell
    changed to the served HTML showing the change (median of a few edits, warm kernels);
(f) a data table of 100 000 rows (`peers.csv`, `payments.csv`) loaded and validated in a
    fresh interpreter: the time and the memory it adds (the goal was a timed test before).

Every build runs in a subprocess (interpreter start-up and imports included, as a user
sees them) against a snapshot of the project (package, notebooks, params, data) in a
temporary folder, so that edits made to the working tree while the benchmark runs cannot
change what is measured, and nothing is written into build/. Peak memory is the largest sum
of the resident set sizes (RSS) of all processes started by the benchmark (the build, its
workers, the kernels), sampled every 50 ms. Goals failing do not change the exit code.

`--profile` adds a breakdown of what bounds a cold build: interpreter start-up and imports,
a bare kernel start, the notebooks' imports inside a kernel, and the render (HTML, PDF).

`--suite [--runs N]` times `make test` instead (the whole suite, N times one after the
other, in the working tree): wall time and the CPU time of every process it started (user +
system), with the load average before and after each run. On a machine shared with other
work the wall time follows the load; the CPU time much less (docs/benchmark.md).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from sergek_report import paths
from sergek_report.build.execute import default_jobs

CHANGED_TABLE = "peers"  # read by one chapter only (06_comparisons)
CHANGED_COLUMN = "comparability"  # free text: any value is valid
GOAL_SPEEDUP = 5.0  # cold build at least 5x faster than the plain chain
GOAL_NOOP_S = 0.3  # no-op rebuild under 0.3 s
GOAL_ONE_TABLE_FRACTION = 0.5  # one-table rebuild at most half the cold build
GOAL_PEAK_MIB = 1024.0  # peak memory of the whole build under 1 GiB
GOAL_PREVIEW_S = 1.0  # make preview: an edit shows within a second
SCALE_ROWS = 100_000
SCALE_TABLES = ("peers", "payments")  # the two tables that grow: one row a city, a payment
GOAL_SCALE_MIB = 700.0  # a 100 000-row table loads in under 700 MiB more (about 300 for 43 MB)
# (f): load one table in a fresh interpreter; prints its rows, seconds and added memory
SCALE_SCRIPT = """
import json, resource, sys, time
from sergek_report.inputs import datasets
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
frame = datasets.load_table(sys.argv[2], sys.argv[1])
extra = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"rows": len(frame), "seconds": time.perf_counter() - start, "extra_mib": extra}))
"""
PREVIEW_NOTEBOOK = "02_deployment.ipynb"
PREVIEW_EDITS = 5
SAMPLE_INTERVAL_S = 0.05
PSS_EVERY = 10  # PSS every 10th sample (0.5 s)
STEP_TIMEOUT_S = 1800
RESULT_MARK = "SERGEK-BENCH-RESULT "
SNAPSHOT_DIRS = ("sergek_report", "notebooks", "params", "data", "published")
MIB = 1024 * 1024
TRANSIENT_ERRORS = ("Address already in use", "Kernel died before replying to kernel_info")
_NOTEBOOK_LINE = re.compile(r"^\s+(\S+\.ipynb): ([0-9.]+) s$")


class BenchError(RuntimeError):
    """A build or a step of the plain chain failed; the message carries its stderr tail."""


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --- pure helpers (unit-tested) ------------------------------------------------------------


def median(values: list[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        raise ValueError("median of no values")
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def summarize(values: list[float]) -> dict:
    """Median, min and max of repeated measurements (and the measurements themselves)."""
    return {
        "median": median(values),
        "min": min(values),
        "max": max(values),
        "runs": list(values),
    }


def ratio(numerator: float, denominator: float) -> float:
    """numerator ÷ denominator; infinite when the denominator is zero."""
    if denominator <= 0:
        return float("inf")
    return numerator / denominator


def evaluate_goals(
    *,
    cold_s: float,
    noop_s: float,
    one_table_s: float,
    plain_s: float,
    peak_mib: float,
    preview_s: float | None = None,
    scale: dict | None = None,
) -> list[dict]:
    """The goals, each with the measured value and PASS (True) or FAIL (False); the preview's
    and the large tables' (`scale`: table -> rows, seconds, extra_mib) only when measured."""
    speedup = ratio(plain_s, cold_s)
    fraction = ratio(one_table_s, cold_s)
    goals = [
        {
            "goal": f"cold build ≥ {GOAL_SPEEDUP:g}× faster than the plain chain",
            "measured": f"{speedup:.2f}× (plain {plain_s:.1f} s ÷ ours {cold_s:.1f} s)",
            "value": speedup,
            "passed": speedup >= GOAL_SPEEDUP,
        },
        {
            "goal": f"no-op rebuild < {GOAL_NOOP_S:g} s",
            "measured": f"{noop_s:.2f} s",
            "value": noop_s,
            "passed": noop_s < GOAL_NOOP_S,
        },
        {
            "goal": "one-table change ≤ half the cold build",
            "measured": f"{one_table_s:.1f} s = {fraction:.2f} × cold {cold_s:.1f} s",
            "value": fraction,
            "passed": fraction <= GOAL_ONE_TABLE_FRACTION,
        },
        {
            "goal": f"peak memory of the whole build < {GOAL_PEAK_MIB / 1024:g} GiB",
            "measured": f"{peak_mib:.0f} MiB",
            "value": peak_mib,
            "passed": peak_mib < GOAL_PEAK_MIB,
        },
    ]
    if preview_s is not None:
        goals.append(
            {
                "goal": f"make preview: edit → refreshed HTML ≤ {GOAL_PREVIEW_S:g} s",
                "measured": f"{preview_s:.2f} s",
                "value": preview_s,
                "passed": preview_s <= GOAL_PREVIEW_S,
            }
        )
    for table, m in (scale or {}).items():
        goals.append(
            {
                "goal": f"{SCALE_ROWS:,}-row {table}.csv loads whole, "
                f"adding < {GOAL_SCALE_MIB:g} MiB",
                "measured": f"{m['rows']:,} rows in {m['seconds']:.1f} s, "
                f"+{m['extra_mib']:.0f} MiB",
                "value": m["extra_mib"],
                "passed": m["rows"] == SCALE_ROWS and m["extra_mib"] < GOAL_SCALE_MIB,
            }
        )
    return goals


def parse_meminfo(text: str) -> int | None:
    """Total memory in bytes from the text of /proc/meminfo."""
    match = re.search(r"^MemTotal:\s+(\d+)\s*kB", text, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


def notebook_parameters(*, edition_file: Path, data_dir: Path) -> dict:
    """The flat parameters a notebook gets in the plain chain: the edition and the data
    folder; with no computed edition to load, each notebook computes the model itself."""
    return {"edition_file": str(edition_file), "data_dir": str(data_dir), "model_file": ""}


def write_flat_params(path: Path, parameters: dict) -> None:
    """A YAML file for `papermill -f` (ISO dates stay quoted strings)."""
    import yaml

    path.write_text(
        yaml.safe_dump(parameters, allow_unicode=True, sort_keys=True, default_flow_style=False),
        encoding="utf-8",
    )


def change_cell(text: str, column: str, suffix: str, row: int = 1) -> str:
    """The CSV text with `suffix` appended to `column` of data row `row` (1 = first row)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    index = rows[0].index(column)
    rows[row][index] += suffix
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n" if "\r\n" in text else "\n").writerows(rows)
    return out.getvalue()


def chapters_reading(chapters: list, table: str) -> list[str]:
    """Names of the chapters (ChapterSpec) that read `table`."""
    return [spec.name for spec in chapters if table in spec.tables]


def is_transient(error: str) -> bool:
    """A kernel that could not bind its TCP port (two kernels started at once picked the same
    free port: nteract/papermill#511): the build failed for a reason other than its inputs."""
    return any(marker in error for marker in TRANSIENT_ERRORS)


def build_phases(wall_start: float, wall_end: float, payload: dict) -> dict:
    """Split one build's wall time using the child's timestamps and its build log."""
    marks = payload.get("log") or []
    exec_start = next((t for t, m in marks if m.startswith("executing ")), None)
    per_notebook = {}
    exec_end = None
    for t, message in marks:
        match = _NOTEBOOK_LINE.match(message)
        if match:
            per_notebook[match.group(1)] = float(match.group(2))
            exec_end = t
    wrote = next((t for t, m in marks if m.startswith("wrote ")), None)
    imported, done = payload["t_imported"], payload["t_done"]
    phases = {"startup_and_imports": imported - wall_start}
    if exec_start is not None and exec_end is not None:
        phases["prepare"] = exec_start - imported
        phases["execute"] = exec_end - exec_start
        after_exec = exec_end
    else:
        after_exec = imported
    if wrote is not None:
        phases["render"] = wrote - after_exec
    else:
        phases["check"] = done - imported
    phases["exit"] = wall_end - done
    return {"phases": phases, "notebook_seconds": per_notebook}


# --- measuring ------------------------------------------------------------------------------


class TreeMemory:
    """Peak of the summed RSS (and PSS) of every descendant of this process, in a thread.

    RSS counts pages shared between processes (forked workers, shared libraries) once per
    process, so the sum overstates real use; PSS splits shared pages between their users.
    RSS is sampled every `interval`, PSS (dearer to read) every `pss_every` samples.
    """

    def __init__(self, interval: float = SAMPLE_INTERVAL_S, pss_every: int = PSS_EVERY):
        self.interval = interval
        self.pss_every = pss_every  # PSS reads /proc/PID/smaps_rollup: dearer than RSS
        self.peak_rss = 0
        self.peak_pss = 0
        self.samples = 0
        self.cpu_seconds = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        import psutil

        self._psutil = psutil
        self._me = psutil.Process()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        started = time.thread_time()
        while True:
            self.sample()
            if self._stop.wait(self.interval):
                break
        self.cpu_seconds = time.thread_time() - started

    def sample(self) -> None:
        psutil = self._psutil
        with_pss = self.samples % self.pss_every == 0
        rss = pss = 0
        try:
            children = self._me.children(recursive=True)
        except psutil.Error:
            return
        for child in children:
            try:
                info = child.memory_full_info() if with_pss else child.memory_info()
            except psutil.Error:
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        self.peak_rss = max(self.peak_rss, rss)
        if with_pss:
            self.peak_pss = max(self.peak_pss, pss)
        self.samples += 1

    def result(self) -> dict:
        return {
            "peak_rss_mib": self.peak_rss / MIB,
            "peak_pss_mib": self.peak_pss / MIB,
            "samples": self.samples,
            "sampler_cpu_s": self.cpu_seconds,
        }


def run_step(cmd: list[str], *, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT_S
    )
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or "").strip().splitlines()[-25:])
        raise BenchError(f"{' '.join(map(str, cmd))} exited with {proc.returncode}:\n{tail}")
    return proc


class Project:
    """A snapshot of the project in a temporary folder and how to run commands against it."""

    def __init__(self, root: Path, params: str, jobs: int | None = None):
        self.root = root
        self.jobs = jobs  # None: the build's default (one worker per core, at most 3)
        self.data_dir = root / "data"
        self.notebooks_dir = root / "notebooks"
        self.params = root / params
        self.bin = Path(sys.executable).parent
        self.retries: list[str] = []  # builds that failed transiently and were re-run
        self.env = dict(os.environ)
        # The snapshot's package is imported first, by the build and by every kernel.
        self.env["PYTHONPATH"] = os.pathsep.join(
            [str(root), *filter(None, [os.environ.get("PYTHONPATH")])]
        )

    @classmethod
    def snapshot(
        cls, dest: Path, params: str, jobs: int | None = None, source: Path = paths.PROJECT_ROOT
    ) -> Project:
        import compileall

        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
        for name in SNAPSHOT_DIRS:
            if (source / name).is_dir():
                shutil.copytree(source / name, dest / name, ignore=ignore)
        compileall.compile_dir(dest / "sergek_report", quiet=1)  # as an installed tree has
        return cls(dest, params, jobs)

    def build(self, build_root: Path, *, force: bool = False, extra: tuple = ()) -> dict:
        """One build in a fresh interpreter; returns its wall time, phases and outcome."""
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--_build-once",
            str(build_root),
            str(self.data_dir),
            "--params",
            str(self.params),
            *extra,
        ]
        if force:
            cmd.append("--force")
        if self.jobs:
            cmd += ["--jobs", str(self.jobs)]
        for attempt in (1, 2):
            wall_start = time.time()
            started = time.perf_counter()
            try:
                proc = run_step(cmd, cwd=self.root, env=self.env)
            except BenchError as exc:
                if attempt == 2 or not is_transient(str(exc)):
                    raise
                self.retries.append(str(exc).splitlines()[-1])
                log(f"a kernel failed to start (port race), build retried: {self.retries[-1]}")
                continue
            seconds = time.perf_counter() - started
            wall_end = time.time()
            break
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT_MARK)), None)
        if line is None:
            raise BenchError(f"the build printed no result:\n{proc.stderr[-2000:]}")
        payload = json.loads(line[len(RESULT_MARK) :])
        return {
            "seconds": seconds,
            "executed": payload["executed"],
            "rendered": payload["rendered"],
            "pages": payload["pages"],
            **build_phases(wall_start, wall_end, payload),
            **({"render_trace": payload["render_trace"]} if "render_trace" in payload else {}),
        }

    def plain_chain(self, out_dir: Path) -> dict:
        """papermill, nbconvert and weasyprint CLIs, one notebook at a time."""
        from sergek_report.build.chapters import load_chapters
        from sergek_report.build.kernels import KERNEL_NAME

        chapters = load_chapters(self.notebooks_dir / "chapters.yaml")
        out_dir.mkdir(parents=True)
        steps: list[tuple[str, list[str]]] = []
        for spec in chapters:
            params_yaml = out_dir / f"{spec.notebook.stem}.params.yaml"
            write_flat_params(
                params_yaml,
                notebook_parameters(edition_file=self.params, data_dir=self.data_dir),
            )
            steps.append(
                (
                    "papermill",
                    [
                        str(self.bin / "papermill"),
                        str(spec.notebook),
                        str(out_dir / spec.name),
                        "-k",
                        KERNEL_NAME,
                        "-f",
                        str(params_yaml),
                        "--cwd",
                        str(self.notebooks_dir),
                    ],
                )
            )
        for spec in chapters:
            steps.append(
                (
                    "nbconvert",
                    [
                        str(self.bin / "jupyter"),
                        "nbconvert",
                        "--to",
                        "html",
                        "--no-input",
                        str(out_dir / spec.name),
                    ],
                )
            )
        for spec in chapters:
            html = out_dir / f"{spec.notebook.stem}.html"
            steps.append(
                (
                    "weasyprint",
                    [
                        str(self.bin / "weasyprint"),
                        str(html),
                        str(html.with_suffix(".pdf")),
                    ],
                )
            )
        per_tool: dict[str, float] = {}
        started = time.perf_counter()
        for tool, cmd in steps:
            step_start = time.perf_counter()
            run_step(cmd, cwd=self.root, env=self.env)
            per_tool[tool] = per_tool.get(tool, 0.0) + time.perf_counter() - step_start
        seconds = time.perf_counter() - started
        missing = [s.name for s in chapters if not (out_dir / f"{s.notebook.stem}.pdf").is_file()]
        if missing:
            raise BenchError(f"the plain chain produced no PDF for {missing}")
        return {"seconds": seconds, "tools": per_tool, "notebooks": len(chapters)}


def machine_info() -> dict:
    import platform

    try:
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        meminfo = ""
    total = parse_meminfo(meminfo)
    cpu_model = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
        cpu_model = found.group(1).strip() if found else ""
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "cpu_model": cpu_model,
        "memory_gib": round(total / 1024**3, 1) if total else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def load_average() -> list[float] | None:
    """1, 5 and 15 minute load averages: other work on the machine skews the timings."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


# The glossary closes the report: once the served page has it, every chapter is there.
WHOLE_PAGE = '<h1 class="backmatter" id="glossary">'


def edit_markdown(notebook: Path, suffix: str) -> None:
    """Append `suffix` to the first Markdown cell after the chapter's title (as an editor
    saving the notebook would: the whole file rewritten)."""
    content = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in content["cells"][1:] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]) + suffix
    notebook.write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def scaled_table(text: str, table: str, rows: int) -> str:
    """The CSV `text` of `table` grown to `rows` rows: its rows repeated, each with a unique
    key (a peer's id; a payment's period, plausible dates from 2015 to 2100)."""
    header, *body = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for i in range(rows):
        row = list(body[i % len(body)])
        if table == "peers":
            row[0] = f"peer_{i}"
        else:
            start = date(2015, 1, 1) + timedelta(days=i // 25_000)
            row[1], row[2] = str(start), str(start + timedelta(days=i % 25_000))
        writer.writerow(row)
    return out.getvalue()


def measure_scale(project: Project, work: Path, rows: int = SCALE_ROWS) -> dict:
    """(f) Each growing table at `rows` rows, loaded and validated in a fresh interpreter."""
    results = {}
    for table in SCALE_TABLES:
        data_dir = work / f"scale-{table}"
        shutil.copytree(project.data_dir, data_dir)
        path = data_dir / f"{table}.csv"
        path.write_text(scaled_table(path.read_text(encoding="utf-8"), table, rows), "utf-8")
        proc = run_step(
            [sys.executable, "-c", SCALE_SCRIPT, str(data_dir), table],
            cwd=project.root,
            env=project.env,
        )
        results[table] = json.loads(proc.stdout.strip().splitlines()[-1])
        log(f"(f) {rows:,} rows of {table}.csv: {results[table]['seconds']:.1f} s")
        shutil.rmtree(data_dir, ignore_errors=True)
    return results


def measure_preview(project: Project, work: Path, edits: int = PREVIEW_EDITS) -> dict:
    """(e): start `sergek-report preview` on the snapshot (a fresh build folder: every chapter
    executes once), then time `edits` Markdown edits of one notebook until the served page
    shows them; stop it with SIGINT as Ctrl-C does."""
    import signal
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    notebook = project.notebooks_dir / PREVIEW_NOTEBOOK
    original = notebook.read_bytes()
    log_file = work / "preview.log"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait(marker: str, timeout: float) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            if server.poll() is not None:
                raise BenchError(f"the preview stopped:\n{log_file.read_text()[-2000:]}")
            if marker in page():
                return time.perf_counter() - started
            time.sleep(0.02)
        raise BenchError(f"the preview did not show {marker!r} in {timeout:.0f} s")

    cmd = [sys.executable, "-m", "sergek_report", "preview", "--params", str(project.params)]
    cmd += ["--port", str(port), "--build-root", str(work / "build-preview")]
    if project.jobs:
        cmd += ["--jobs", str(project.jobs)]
    seconds = []
    with log_file.open("w", encoding="utf-8") as sink:
        started = time.perf_counter()
        server = subprocess.Popen(
            cmd, cwd=project.root, env=project.env, stdout=sink, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        wait(WHOLE_PAGE, STEP_TIMEOUT_S)
        start_s = time.perf_counter() - started
        for edit in range(1, edits + 1):
            time.sleep(0.5)
            marker = f"[bench preview {edit}]"
            edit_markdown(notebook, f" {marker}")
            seconds.append(wait(marker, 120))
            log(f"(e) preview: edit {edit}/{edits} shown after {seconds[-1]:.2f} s")
    finally:
        notebook.write_bytes(original)
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    return {**summarize(seconds), "start_s": start_s, "notebook": PREVIEW_NOTEBOOK}


def run_benchmark(project: Project, work: Path, runs: int) -> dict:
    from sergek_report.build.chapters import load_chapters

    chapters = load_chapters(project.notebooks_dir / "chapters.yaml")
    expected = sorted(chapters_reading(chapters, CHANGED_TABLE))
    table = project.data_dir / f"{CHANGED_TABLE}.csv"
    original = table.read_bytes()
    records: dict[str, list[dict]] = {"cold": [], "noop": [], "one_table": [], "plain": []}
    try:
        for run in range(1, runs + 1):
            root = work / f"build-{run}"
            with TreeMemory() as memory:
                cold = project.build(root, force=True)
            cold["memory"] = memory.result()
            records["cold"].append(cold)
            log(
                f"run {run}/{runs}: (a) cold build {cold['seconds']:.1f} s, "
                f"peak {cold['memory']['peak_rss_mib']:.0f} MiB RSS"
            )

            noop = project.build(root)
            noop["valid"] = not noop["executed"] and not noop["rendered"]
            records["noop"].append(noop)
            log(f"run {run}/{runs}: (b) no-op rebuild {noop['seconds']:.2f} s")

            table.write_text(
                change_cell(original.decode("utf-8"), CHANGED_COLUMN, f" [bench {run}]"),
                encoding="utf-8",
            )
            try:
                one = project.build(root)
            finally:
                table.write_bytes(original)
            one["valid"] = sorted(one["executed"]) == expected and one["rendered"]
            records["one_table"].append(one)
            log(
                f"run {run}/{runs}: (c) {CHANGED_TABLE}.csv changed {one['seconds']:.1f} s "
                f"(executed {', '.join(one['executed']) or 'nothing'})"
            )

            with TreeMemory() as memory:
                plain = project.plain_chain(work / f"plain-{run}")
            plain["memory"] = memory.result()
            records["plain"].append(plain)
            log(
                f"run {run}/{runs}: (d) plain chain {plain['seconds']:.1f} s, "
                f"peak {plain['memory']['peak_rss_mib']:.0f} MiB RSS"
            )
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(work / f"plain-{run}", ignore_errors=True)
    finally:
        table.write_bytes(original)

    def times(key: str) -> dict:
        return summarize([r["seconds"] for r in records[key]])

    def peaks(key: str, field: str) -> dict:
        return summarize([r["memory"][field] for r in records[key]])

    def phase_medians(key: str) -> dict:
        names = dict.fromkeys(name for r in records[key] for name in r["phases"])  # in order
        return {
            name: median([r["phases"][name] for r in records[key] if name in r["phases"]])
            for name in names
        }

    results = {
        "cold": {
            **times("cold"),
            "peak_rss_mib": peaks("cold", "peak_rss_mib"),
            "peak_pss_mib": peaks("cold", "peak_pss_mib"),
            "phases": phase_medians("cold"),
            "notebook_seconds": {
                name: median(
                    [
                        r["notebook_seconds"][name]
                        for r in records["cold"]
                        if name in r["notebook_seconds"]
                    ]
                )
                for name in records["cold"][0]["notebook_seconds"]
            },
            "pages": records["cold"][0]["pages"],
        },
        "noop": {
            **times("noop"),
            "phases": phase_medians("noop"),
            "valid": all(r["valid"] for r in records["noop"]),
        },
        "one_table": {
            **times("one_table"),
            "phases": phase_medians("one_table"),
            "table": f"{CHANGED_TABLE}.csv",
            "expected": expected,
            "valid": all(r["valid"] for r in records["one_table"]),
        },
        "plain": {
            **times("plain"),
            "peak_rss_mib": peaks("plain", "peak_rss_mib"),
            "peak_pss_mib": peaks("plain", "peak_pss_mib"),
            "tools": {
                tool: median([r["tools"][tool] for r in records["plain"]])
                for tool in records["plain"][0]["tools"]
            },
            "notebooks": records["plain"][0]["notebooks"],
        },
    }
    results["preview"] = measure_preview(project, work)
    results["scale"] = measure_scale(project, work)
    results["retried_builds"] = list(project.retries)
    results["speedup"] = ratio(results["plain"]["median"], results["cold"]["median"])
    results["speedup_per_run"] = [
        ratio(plain["seconds"], cold["seconds"])
        for plain, cold in zip(records["plain"], records["cold"], strict=True)
    ]
    results["goals"] = evaluate_goals(
        cold_s=results["cold"]["median"],
        noop_s=results["noop"]["median"],
        one_table_s=results["one_table"]["median"],
        plain_s=results["plain"]["median"],
        peak_mib=results["cold"]["peak_rss_mib"]["max"],
        preview_s=results["preview"]["median"],
        scale=results["scale"],
    )
    results["records"] = records
    return results


# --- profile: what bounds a cold build ------------------------------------------------------

KERNEL_IMPORTS = (
    "import pandas, pandera.pandas, matplotlib.pyplot, "
    "sergek_report.chapter.api, sergek_report.model.results, sergek_report.chapter.charts"
)


def _wall(cmd: list[str], project: Project, repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run_step(cmd, cwd=project.root, env=project.env)
        samples.append(time.perf_counter() - started)
    return median(samples)


def profile(project: Project, work: Path) -> dict:
    from jupyter_client.manager import KernelManager

    from sergek_report.build.kernels import KERNEL_NAME

    py = sys.executable
    out = {
        "python_start_s": _wall([py, "-c", "pass"], project),
        "import_build_s": _wall([py, "-c", "import sergek_report.build.sequence"], project),
        "import_render_s": _wall([py, "-c", "import sergek_report.build.render"], project),
        "import_papermill_s": _wall([py, "-c", "import papermill"], project),
    }
    starts, imports = [], []
    for _ in range(3):
        started = time.perf_counter()
        manager = KernelManager(kernel_name=KERNEL_NAME)
        manager.start_kernel(cwd=str(project.notebooks_dir), env=project.env)
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=120)
            starts.append(time.perf_counter() - started)
            started = time.perf_counter()
            reply = client.execute_interactive(
                KERNEL_IMPORTS, timeout=300, output_hook=lambda msg: None
            )
            if reply["content"]["status"] != "ok":
                raise BenchError(f"kernel imports failed: {reply['content']}")
            imports.append(time.perf_counter() - started)
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
    out["kernel_start_s"] = median(starts)
    out["kernel_imports_s"] = median(imports)
    traced = project.build(work / "build-profile", force=True, extra=("--trace-render",))
    out["cold_build_traced"] = {
        "seconds": traced["seconds"],
        "phases": traced["phases"],
        "notebook_seconds": traced["notebook_seconds"],
        "render_trace": traced.get("render_trace"),
    }
    shutil.rmtree(work / "build-profile", ignore_errors=True)
    return out


# --- the report -------------------------------------------------------------------------------


def _row(label: str, entry: dict, memory: str = "") -> str:
    return (
        f"| {label} | {entry['median']:.2f} | {entry['min']:.2f} | {entry['max']:.2f} | {memory} |"
    )


def format_report(machine: dict, config: dict, results: dict) -> str:
    cold, noop, one, plain, preview = (
        results[k] for k in ("cold", "noop", "one_table", "plain", "preview")
    )
    lines = [
        f"Machine: {machine['cores']} cores ({machine['usable_cores']} usable), "
        f"{machine['memory_gib']} GiB RAM, {machine['cpu_model'] or 'CPU model unknown'}, "
        f"Python {machine['python']} ({machine['platform']})",
        f"Notebooks: {plain['notebooks']}, parameters: {config['params']}, "
        f"runs: {config['runs']}, jobs: {config.get('jobs')}, report: {cold['pages']} pages, "
        "load average (1/5/15 min) "
        f"before {config.get('load_before')}, after {config.get('load_after')}",
        "",
        "| measurement | median s | min s | max s | peak memory, max of runs (RSS sum; PSS sum) |",
        "|---|---|---|---|---|",
        _row(
            "(a) cold full build (ours)",
            cold,
            f"{cold['peak_rss_mib']['max']:.0f} MiB; {cold['peak_pss_mib']['max']:.0f} MiB",
        ),
        _row("(b) no-op rebuild", noop),
        _row(f"(c) {one['table']} changed", one),
        _row(
            "(d) plain papermill + nbconvert + weasyprint",
            plain,
            f"{plain['peak_rss_mib']['max']:.0f} MiB; {plain['peak_pss_mib']['max']:.0f} MiB",
        ),
        _row(
            f"(e) make preview: edit → refreshed HTML ({preview['notebook']}, Markdown)",
            preview,
        ),
        "",
        f"(e) preview start on an empty build folder (every chapter executed, HTML): "
        f"{preview['start_s']:.1f} s; edits timed: {len(preview['runs'])}",
        f"plain ÷ ours (cold build, medians): {results['speedup']:.2f}×"
        + (
            " (run by run: " + ", ".join(f"{x:.2f}×" for x in results["speedup_per_run"]) + ")"
            if results.get("speedup_per_run")
            else ""
        ),
        "(a) phases, median s: " + ", ".join(f"{k} {v:.2f}" for k, v in cold["phases"].items()),
        "(a) per notebook (in the worker pool), median s: "
        + ", ".join(f"{k} {v:.1f}" for k, v in cold["notebook_seconds"].items()),
        "(c) phases, median s: " + ", ".join(f"{k} {v:.2f}" for k, v in one["phases"].items()),
        "(d) per tool, median s: " + ", ".join(f"{k} {v:.1f}" for k, v in plain["tools"].items()),
        "(f) tables of 100 000 rows: "
        + ", ".join(
            f"{t}.csv {m['seconds']:.1f} s, +{m['extra_mib']:.0f} MiB"
            for t, m in results.get("scale", {}).items()
        ),
    ]
    if not noop["valid"]:
        lines.append("WARNING: a no-op rebuild executed or rendered something (see JSON).")
    if not one["valid"]:
        lines.append(f"WARNING: the one-table rebuild did not execute exactly {one['expected']}.")
    for error in results.get("retried_builds", []):
        lines.append(f"WARNING: a build failed to start a kernel and was re-run: {error}")
    lines += ["", "Goals:"]
    for goal in results["goals"]:
        verdict = "PASS" if goal["passed"] else "FAIL"
        lines.append(f"  {verdict}  {goal['goal']}: {goal['measured']}")
    return "\n".join(lines)


def format_profile(prof: dict) -> str:
    traced = prof["cold_build_traced"]
    lines = [
        "",
        "Profile (medians of 3 where repeated):",
        f"  python start-up (python -c pass): {prof['python_start_s']:.2f} s",
        f"  python -c 'import sergek_report.build.sequence': {prof['import_build_s']:.2f} s",
        f"  python -c 'import sergek_report.build.render': {prof['import_render_s']:.2f} s",
        f"  python -c 'import papermill': {prof['import_papermill_s']:.2f} s",
        f"  bare kernel start (jupyter_client, until ready): {prof['kernel_start_s']:.2f} s",
        f"  notebooks' imports inside a kernel: {prof['kernel_imports_s']:.2f} s",
        f"  traced cold build: {traced['seconds']:.1f} s; phases: "
        + ", ".join(f"{k} {v:.2f}" for k, v in traced["phases"].items()),
    ]
    trace = traced.get("render_trace")
    if trace:
        lines.append("  render: " + ", ".join(f"{k} {v:.2f} s" for k, v in trace.items()))
    return "\n".join(lines)


# --- entry points ------------------------------------------------------------------------------


def _setup_logging() -> None:
    """As `python -m sergek_report build` does."""
    import logging

    logging.basicConfig(level=logging.WARNING, format="build: %(name)s: %(message)s")
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def _trace_render(trace: dict) -> None:
    """Time the render's imports, HTML export and PDF layout (profile only)."""
    started = time.perf_counter()
    from sergek_report.build import render

    trace["import_render"] = time.perf_counter() - started

    def timed(name, func):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                trace[name] = trace.get(name, 0.0) + time.perf_counter() - t0

        return wrapper

    render.html_to_pdf = timed("pdf_weasyprint", render.html_to_pdf)
    exporter = render.ReportHTMLExporter
    exporter.from_notebook_node = timed("html_nbconvert", exporter.from_notebook_node)
    render.render_report = timed("render_report_total", render.render_report)


def _build_once(argv: list[str]) -> int:
    """Hidden: one build with an explicit build folder and data folder (bench subprocess)."""
    parser = argparse.ArgumentParser(prog="python tools/bench.py --_build-once")
    parser.add_argument("build_root", type=Path)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--params", type=Path, default=paths.DEFAULT_PARAMS)
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--trace-render", action="store_true")
    args = parser.parse_args(argv)
    _setup_logging()
    from sergek_report.build import execute as execute_module
    from sergek_report.build import sequence as build_module

    imported = time.time()
    marks: list[tuple[float, str]] = []
    original_log = build_module.log

    def traced_log(message: str) -> None:
        marks.append((time.time(), message))
        original_log(message)

    build_module.log = traced_log
    execute_module.log = traced_log  # "executing …" and the per-notebook lines
    trace: dict = {}
    if args.trace_render:
        _trace_render(trace)
    try:
        result = build_module.build(
            args.params,
            build_root=args.build_root,
            data_dir=args.data_dir,
            force=args.force,
            jobs=args.jobs,
        )
    except Exception as exc:  # the parent shows this stderr
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    payload = {
        "t_imported": imported,
        "t_done": time.time(),
        "executed": result.executed,
        "rendered": result.rendered,
        "pages": result.pages,
        "log": marks,
    }
    if args.trace_render:
        payload["render_trace"] = trace
    print(RESULT_MARK + json.dumps(payload, ensure_ascii=False), flush=True)
    return 0


def montecarlo_timing(repeat: int = 5) -> int:
    """`python tools/bench.py --montecarlo`: the joint Monte Carlo of the options alone
    (`montecarlo.DRAWS` draws, inside model.compute once per edition); goal: under 2 s."""
    from sergek_report.inputs import datasets
    from sergek_report.inputs.edition import load_edition
    from sergek_report.model import montecarlo, results
    from sergek_report.model.uncertainty import appraise

    assumptions = load_edition(paths.PARAMS_DIR / "default.yaml").assumption_values()
    computed = results.compute(datasets.load_all(), assumptions)
    data = computed.appraisal_data
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        appraise(data, assumptions)
        times.append(time.perf_counter() - start)
    best, med = min(times), median(times)
    goal = "met" if med < 2 else "NOT met"
    log(
        f"Monte Carlo, {montecarlo.DRAWS} draws: median {med:.2f} s, best {best:.2f} s "
        f"({repeat} runs); goal < 2 s {goal}"
    )
    return 0


def time_suite(runs: int, pytest_args: str = "") -> list[dict]:
    """`make test` run `runs` times: each run's wall and CPU seconds (every process it
    started and waited for: pytest's workers, the builds, the kernels), the load averages
    before and after, and pytest's closing line."""
    import resource

    measured = []
    for run in range(1, runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        load_before = load_average()
        started = time.perf_counter()
        done = subprocess.run(
            ["make", "--no-print-directory", "test", f"PYTEST_ARGS={pytest_args}"],
            cwd=paths.PROJECT_ROOT,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        entry = {
            "wall_s": round(wall, 1),
            "user_s": round(after.ru_utime - before.ru_utime, 1),
            "system_s": round(after.ru_stime - before.ru_stime, 1),
            "load_before": load_before,
            "load_after": load_average(),
            "exit": done.returncode,
            "summary": lines[-1] if lines else "",
        }
        entry["cpu_s"] = round(entry["user_s"] + entry["system_s"], 1)
        measured.append(entry)
        log(
            f"make test, run {run}/{runs}: {entry['wall_s']} s wall, {entry['cpu_s']} s CPU "
            f"(load {load_before} -> {entry['load_after']}): {entry['summary']}"
        )
    return measured


def format_suite(runs: list[dict]) -> str:
    """The `--suite` runs as a table, with the median, min and max of wall and CPU."""
    lines = [
        "| run | wall (s) | CPU (s) | user | system | load before → after | pytest |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, run in enumerate(runs, 1):
        lines.append(
            f"| {number} | {run['wall_s']} | {run['cpu_s']} | {run['user_s']} | "
            f"{run['system_s']} | {run['load_before']} → {run['load_after']} | {run['summary']} |"
        )
    for key, label in (("wall_s", "wall"), ("cpu_s", "CPU")):
        summary = summarize([run[key] for run in runs])
        lines.append(
            f"{label}: median {summary['median']:.1f} s, min {summary['min']:.1f} s, "
            f"max {summary['max']:.1f} s"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--_build-once"]:
        return _build_once(argv[1:])
    if argv[:1] == ["--montecarlo"]:
        return montecarlo_timing()
    if argv[:1] == ["--suite"]:
        suite = argparse.ArgumentParser(prog="python tools/bench.py --suite")
        suite.add_argument("--runs", type=int, default=2, help="repetitions (default 2)")
        suite.add_argument("--pytest-args", default="", help="as make test PYTEST_ARGS=…")
        options = suite.parse_args(argv[1:])
        if options.runs < 1:
            suite.error("--runs must be at least 1")
        runs = time_suite(options.runs, options.pytest_args)
        print(format_suite(runs))
        return 0 if all(run["exit"] == 0 for run in runs) else 1
    parser = argparse.ArgumentParser(
        prog="python tools/bench.py",
        description="Cold, no-op and one-table builds against the plain "
        "papermill + nbconvert + weasyprint chain (see docs/benchmark.md).",
    )
    parser.add_argument("--runs", type=int, default=3, help="repetitions (default 3)")
    parser.add_argument("--quick", action="store_true", help="one run of each measurement")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--params", default="params/default.yaml", help="parameter file, relative to the project"
    )
    parser.add_argument(
        "--jobs", type=int, help="parallel notebooks in our builds (default: cores, at most 3)"
    )
    parser.add_argument("--profile", action="store_true", help="add a breakdown of the cold build")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    if runs < 1:
        parser.error("--runs must be at least 1")

    machine = machine_info()
    config = {
        "runs": runs,
        "params": args.params,
        "changed_table": f"{CHANGED_TABLE}.csv",
        "jobs": args.jobs or default_jobs(),
        "load_before": load_average(),
    }
    work = Path(tempfile.mkdtemp(prefix="sergek-bench-"))
    log(f"snapshot of the project and the data in {work}")
    try:
        project = Project.snapshot(work / "project", args.params, args.jobs)
        results = run_benchmark(project, work, runs)
        prof = profile(project, work) if args.profile else None
    except (BenchError, subprocess.TimeoutExpired) as exc:
        print(f"bench: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    config["load_after"] = load_average()
    print(format_report(machine, config, results))
    if prof:
        print(format_profile(prof))
    if args.json:
        payload = {
            "machine": machine,
            "config": config,
            "results": results,
            "profile": prof,
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        args.json.write_text(
            json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
