"""An edition's outputs: the build state, the baseline, and atomic publication.

The PDF, HTML and metrics of an edition are written into a folder of their own under
`.editions/`; one symlink (`.current`) is then switched to it, so the three appear together or
not at all. `report.pdf`, `report.html` and `metrics.json` in the edition's folder are links
into `.current/`. Leftovers of a killed build are removed at the next start.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
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
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_baseline(baseline: Path) -> dict | None:
    """The published edition's figures, or None for a first edition."""
    if not baseline.is_file():
        return None
    where = paths.display_path(baseline)
    try:
        data = json.loads(baseline.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
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
    return data


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


def clean_leftovers(out_dir: Path) -> None:
    """What a killed build may leave: staging folders, temporary files, unpublished editions,
    and sockets of kernels whose build is gone."""
    for leftover in out_dir.glob(".staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in [*out_dir.glob("*.tmp"), *out_dir.glob(".*.tmp")]:
        leftover.unlink(missing_ok=True)
    current = (out_dir / CURRENT).resolve() if (out_dir / CURRENT).is_symlink() else None
    for folder in (out_dir / EDITIONS_DIR).glob("*"):
        if folder.resolve() != current:
            shutil.rmtree(folder, ignore_errors=True)
    for sockets in Path(tempfile.gettempdir()).glob("sergek-kernels-*"):
        pid = sockets.name.removeprefix("sergek-kernels-")
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(sockets, ignore_errors=True)


def publish_edition(out_dir: Path, files: dict[str, bytes], fingerprint: str) -> None:
    """Write the edition into a folder of its own, then switch one symlink to it: the PDF,
    HTML and metrics of an edition appear together or not at all."""
    folder = out_dir / EDITIONS_DIR / fingerprint[:16]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, payload in files.items():
        (folder / name).write_bytes(payload)
    link = out_dir / f"{CURRENT}.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(Path(EDITIONS_DIR) / folder.name, target_is_directory=True)
    os.replace(link, out_dir / CURRENT)  # the one atomic step
    for name in files:  # build/report.pdf -> .current/report.pdf, made once
        target = Path(CURRENT) / name
        entry = out_dir / name
        if entry.is_symlink() and Path(os.readlink(entry)) == target:
            continue
        tmp = out_dir / f".{name}.link.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(target)
        os.replace(tmp, entry)
    clean_leftovers(out_dir)


def default_timeout(state: dict) -> int:
    """A small multiple of the slowest chapter the last build timed (600 s before that)."""
    seconds = state.get("seconds") if isinstance(state.get("seconds"), dict) else {}
    slowest = max((float(v) for v in seconds.values() if isinstance(v, int | float)), default=0)
    return max(MIN_TIMEOUT_S, int(TIMEOUT_FACTOR * slowest)) if slowest else CELL_TIMEOUT_S
