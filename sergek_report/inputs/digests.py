"""Content hashes of input folders, without heavy imports (the build's no-op check uses them)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def data_digest(data_dir: str | Path) -> str:
    """SHA-256 over the relative path and bytes of every file under `data_dir`.

    Any change (an edit, a new, renamed or deleted file, README.md included) changes it."""
    data_dir = Path(data_dir)
    digest = hashlib.sha256()
    files = sorted(p for p in data_dir.rglob("*") if p.is_file()) if data_dir.is_dir() else []
    for path in files:
        name = path.relative_to(data_dir).as_posix().encode()
        with path.open("rb") as fh:
            content = hashlib.file_digest(fh, "sha256").digest()
        digest.update(len(name).to_bytes(4, "big") + name + content)
    return digest.hexdigest()
