"""An edition's folder: the build state, the baseline, locks, and switching the live edition.

The PDF, HTML and metrics of an edition are written into a folder of their own under
`.editions/`; one symlink (`.current`) is then switched to it, so the three appear together or
not at all. `report.pdf`, `report.html` and `metrics.json` in the edition's folder are links
into `.current/`. Leftovers of a killed build are removed at the next start.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from sergek_report import paths
from sergek_report.errors import BuildError

STATE_FILE = ".build-state.json"
EDITIONS_DIR = ".editions"  # each rendered edition, complete, in a folder of its own
CURRENT = ".current"  # symlink to the published edition's folder (swapped atomically)
CELL_TIMEOUT_S = 600  # until the build has timed the chapters once
TIMEOUT_FACTOR = 20  # then: this many times the slowest chapter, at least MIN_TIMEOUT_S
MIN_TIMEOUT_S = 120


def read_state(out_dir: Path) -> dict:
    try:
        state = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def write_json(path: Path, payload) -> None:
    tmp = path.with_name(f"{path.name}-{os.getpid()}.tmp")
    _write(tmp, (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    os.replace(tmp, path)


def read_baseline(baseline: Path) -> dict | None:
    """The published edition's figures. A missing file gives {"missing": path}: the changes
    block then says that the comparison is not available (never "first edition")."""
    where = paths.display_path(baseline)
    if not baseline.exists() and not baseline.is_symlink():
        return {"missing": where}
    if not baseline.is_file():
        raise BuildError(
            f"{where}: expected the JSON file written by `make publish`, found "
            f"{'a folder' if baseline.is_dir() else 'something else (a broken link?)'}; "
            "restore it from version control (git checkout published/metrics.json)."
        )
    try:
        data = json.loads(baseline.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BuildError(
            f"{where}: not readable as JSON ({type(exc).__name__}); restore it from version "
            "control, or record the current edition as the baseline with `make publish`."
        ) from None
    metrics = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(metrics, list) or not all(
        isinstance(m, dict) and {"name", "label", "value", "unit"} <= set(m) for m in metrics
    ):
        raise BuildError(
            f"{where}: expected an object with a 'metrics' list of name, label, value and unit; "
            "restore it from version control or run `make publish`."
        )
    problem = _baseline_problem(data)
    if problem:
        raise BuildError(
            f"{where}: {problem}; restore it from version control (git checkout "
            "published/metrics.json) or run `make publish` on the edition sent to the council."
        )
    return data


def _baseline_problem(data: dict) -> str | None:
    """What is wrongly typed in a baseline, in one clause (None: all as `make publish` writes)."""
    import datetime as dt
    import math

    date = data.get("edition_date")
    if date is not None:
        if not isinstance(date, str):
            return f'edition_date is {date!r}; expected a date like "2026-11-28"'
        try:
            parsed = dt.date.fromisoformat(date)
        except ValueError:
            return f'edition_date {date[:40]!r} is not a date like "2026-11-28"'
        if not dt.date(2018, 1, 1) <= parsed <= dt.date(2100, 1, 1):
            return f"edition_date {date!r} is not a plausible edition date (2018 or later)"
    for key in ("inputs", "params", "git_blobs"):
        if key in data and not isinstance(data[key], dict):
            return f"'{key}' is {type(data[key]).__name__}; expected an object"
    for key, value in data.get("inputs", {}).items():
        if not isinstance(value, str):
            return f"inputs.{key} is {value!r}; expected a sha256 text"
    if "drivers" in data and not isinstance(data["drivers"], dict):
        return f"'drivers' is {type(data['drivers']).__name__}; expected an object"
    for key, value in data.get("drivers", {}).items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"drivers.{key} is {value!r}; expected a number"
    for number, metric in enumerate(data["metrics"], start=1):
        for field in ("name", "label", "unit"):
            if not isinstance(metric[field], str):
                return f"metrics[{number}].{field} is {metric[field]!r}; expected text"
        value = metric["value"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"metrics[{number}] ({metric['name']}) value is {value!r}; expected a number"
        try:
            finite = math.isfinite(value)
        except OverflowError:
            finite = False
        if not finite:
            return f"metrics[{number}] ({metric['name']}) value {value!r} is not a finite number"
    return None


def git_blob_id(content: bytes) -> str:
    """The id git gives a file with this content (`git hash-object`), without running git."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def baseline_record(metrics: dict, project_root: Path) -> dict:
    """An edition's metrics.json as the baseline: with the git blob of each input, so that
    the backtest can restore the inputs from git after they change."""
    blobs = {}
    for name, digest in metrics.get("inputs", {}).items():
        content = (project_root / name).read_bytes()
        if hashlib.sha256(content).hexdigest() != digest:
            raise BuildError(
                f"{name} changed since the report was built; run `make report` again, then "
                "`make publish`."
            )
        blobs[name] = git_blob_id(content)
    record = {}
    for key, value in metrics.items():
        record[key] = value
        if key == "inputs":
            record["git_blobs"] = blobs
    return record


def _pid_alive(name: str) -> bool:
    """Whether a leftover named `<prefix>-<pid>-…` belongs to a running process."""
    parts = name.split("-")
    pid = next((p for p in parts[1:] if p.isdigit()), None)
    return pid is not None and int(pid) != 0 and Path(f"/proc/{pid}").exists()


def _remove_tree(folder: Path) -> None:
    for sub in [folder, *folder.rglob("*")]:  # published folders are read-only
        if sub.is_dir() and not sub.is_symlink():
            try:
                sub.chmod(0o755)
            except OSError:
                pass
    shutil.rmtree(folder, ignore_errors=True)


def clean_leftovers(out_dir: Path) -> None:
    """What a killed build may leave: staging folders, temporary files, unpublished editions,
    and sockets of kernels whose build is gone. What a running build (its pid in the name)
    is writing is left alone, and the live edition is never removed."""
    for leftover in out_dir.glob(".staging-*"):
        if not _pid_alive(leftover.name):
            _remove_tree(leftover)
    for leftover in [*out_dir.glob("*.tmp"), *out_dir.glob(".*.tmp")]:
        if leftover.is_dir() and not leftover.is_symlink():
            continue
        if not _pid_alive(leftover.name.replace(".", "-")):
            leftover.unlink(missing_ok=True)
    current = live_folder(out_dir)
    for folder in (out_dir / EDITIONS_DIR).glob("*"):
        mine = f"-{os.getpid()}-" in folder.name  # this process publishes one at a time
        if folder.resolve() != current and (mine or not _pid_alive(folder.name)):
            _remove_tree(folder)
    for sockets in Path(tempfile.gettempdir()).glob("sergek-kernels-*"):
        pid = sockets.name.removeprefix("sergek-kernels-")
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(sockets, ignore_errors=True)


def executed_is_readable(path: Path) -> bool:
    """An executed notebook in build/ that is missing or damaged (a killed write, an edit) is
    discarded and the chapter executed again."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        path.unlink(missing_ok=True) if path.is_file() else None
        return False
    return isinstance(notebook, dict) and isinstance(notebook.get("cells"), list)


OWNER_FILE = ".edition-source"  # the parameter file whose edition this folder holds


def claim_edition_folder(out_dir: Path, edition_path: Path, params_dir: Path) -> None:
    """Two parameter files with the same name (params/high_inflation.yaml and
    params/scenarios/high_inflation.yaml) would publish into the same folder, the second
    silently replacing the first: an error naming both."""
    edition_path = edition_path.resolve()
    if edition_path.parent != params_dir.resolve() or edition_path.name != "default.yaml":
        same = sorted(
            p
            for p in params_dir.resolve().rglob(f"{edition_path.stem}.yaml")
            if p.resolve() != edition_path
        )
        if same and params_dir.resolve() in edition_path.parents:
            raise BuildError(
                f"{paths.display_path(edition_path)} and {paths.display_path(same[0])} would both "
                f"publish to {paths.display_path(out_dir)}/; an edition's file name is its folder, "
                "so it must be unique across params/ and its sub-folders: rename one of them."
            )
    owner = out_dir / OWNER_FILE
    try:
        recorded = owner.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        recorded = ""
    if recorded and recorded != str(edition_path) and Path(recorded).is_file():
        raise BuildError(
            f"{paths.display_path(out_dir)}/ holds the edition of {recorded}; "
            f"{paths.display_path(edition_path)} has the same name and would replace it: rename "
            "one of the two parameter files (or build into another --build-root)."
        )
    if recorded != str(edition_path):
        write_text = (str(edition_path) + "\n").encode("utf-8")
        tmp = owner.with_name(f"{OWNER_FILE}-{os.getpid()}.tmp")
        _write(tmp, write_text)
        os.replace(tmp, owner)


MANIFEST = ".manifest.json"  # sha256 of each published file, written with the edition


def live_folder(out_dir: Path) -> Path | None:
    """The folder `.current` points to, or None."""
    link = out_dir / CURRENT
    if not link.is_symlink():
        return None
    target = link.resolve()
    return target if target.is_dir() else None


def _digests(files: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(payload).hexdigest() for name, payload in files.items()}


def live_edition_problem(out_dir: Path, names=("report.pdf", "report.html", "metrics.json")):
    """None when the published edition in `out_dir` is whole (each output a link into the
    live folder, each file as it was written); otherwise what is wrong, in one clause."""
    where = paths.display_path(out_dir)
    folder = live_folder(out_dir)
    if folder is None:
        if not out_dir.is_dir():
            return f"{where}/ does not exist"
        plain = [n for n in names if (out_dir / n).is_file() and not (out_dir / n).is_symlink()]
        if len(plain) == len(names):
            return None  # an edition from before the .current link: not ours to judge
        return f"{where}/ holds no complete published report"
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    for name in names:
        entry = out_dir / name
        if not entry.is_file():
            return f"{where}/{name} is missing"
        if entry.resolve().parent != folder:
            return f"{where}/{name} is not the published edition's file"
        if isinstance(manifest, dict) and name in manifest:
            if hashlib.sha256(entry.read_bytes()).hexdigest() != manifest[name]:
                return f"{where}/{name} was changed after it was published"
    return None


def unchanged_sentence(out_dir: Path) -> str:
    """What a failed build may honestly say about the last good report."""
    problem = live_edition_problem(out_dir)
    where = paths.display_path(out_dir)
    if problem is None:
        return f"Nothing was published: the last good report in {where}/ is unchanged."
    if not out_dir.is_dir() or not any(out_dir.glob("report.*")):
        return f"Nothing was published: {where}/ holds no report yet."
    return (
        f"Nothing was published, but there is no intact last good report: {problem}; the "
        "next successful build writes a complete one (make clean, then make report, if it "
        "persists)."
    )


def _write(path: Path, payload: bytes) -> None:
    try:
        path.write_bytes(payload)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None


def switch_live_edition(out_dir: Path, files: dict[str, bytes], fingerprint: str) -> None:
    """Write the edition into a new folder of its own, then switch one symlink to it: the
    PDF, HTML and metrics of an edition appear together or not at all. The live folder is
    never removed or rewritten: the same bytes again are a no-op, anything else is a new
    folder. Published files are read-only."""
    digests = _digests(files)
    current = live_folder(out_dir)
    if current is not None and live_edition_problem(out_dir, tuple(files)) is None:
        try:
            same = json.loads((current / MANIFEST).read_text(encoding="utf-8")) == digests
        except (OSError, ValueError):
            same = False
        if same:
            clean_leftovers(out_dir)
            return
    (out_dir / EDITIONS_DIR).mkdir(parents=True, exist_ok=True)
    folder = Path(
        tempfile.mkdtemp(prefix=f"{fingerprint[:16]}-{os.getpid()}-", dir=out_dir / EDITIONS_DIR)
    )
    for name, payload in files.items():
        _write(folder / name, payload)
        (folder / name).chmod(0o444)
    _write(folder / MANIFEST, (json.dumps(digests, indent=2) + "\n").encode())
    (folder / MANIFEST).chmod(0o444)
    folder.chmod(0o555)
    link = out_dir / f"{CURRENT}-{os.getpid()}.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(Path(EDITIONS_DIR) / folder.name, target_is_directory=True)
    os.replace(link, out_dir / CURRENT)  # the one atomic step
    for name in files:  # build/report.pdf -> .current/report.pdf, made once
        target = Path(CURRENT) / name
        entry = out_dir / name
        if entry.is_symlink() and Path(os.readlink(entry)) == target:
            continue
        tmp = out_dir / f".{name}-{os.getpid()}.link.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(target)
        os.replace(tmp, entry)
    clean_leftovers(out_dir)


@contextlib.contextmanager
def build_lock(out_dir: Path):
    """One build of an edition folder at a time: a second build waits for the first (it
    would otherwise remove or replace what the first is writing)."""
    lock_path = out_dir / ".build.lock"
    with open(lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"build: another build of {paths.display_path(out_dir)}/ is running; "
                "waiting for it to finish",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def default_timeout(state: dict) -> int:
    """A small multiple of the slowest chapter the last build timed (600 s before that)."""
    seconds = state.get("seconds") if isinstance(state.get("seconds"), dict) else {}
    slowest = max((float(v) for v in seconds.values() if isinstance(v, int | float)), default=0)
    return max(MIN_TIMEOUT_S, int(TIMEOUT_FACTOR * slowest)) if slowest else CELL_TIMEOUT_S
