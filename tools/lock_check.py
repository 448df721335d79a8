"""Lock-time check of requirements.txt against the package index (run by `make lock`).

Asks the index (PEP 691 JSON of the simple API) whether any pinned release is withdrawn
(yanked) and records the answer, with the lock's hash, in requirements.check.json. The tests
read that record offline: a lock changed without the check, or a lock that pins a withdrawn
release, fails `make test` without any network access at test time.

    python tools/lock_check.py [--index URL]
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.txt"
RECORD = ROOT / "requirements.check.json"
INDEX = "https://pypi.org/simple"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.\-]*)==([^\s;\\]+)")


def pins(text: str) -> list[tuple[str, str]]:
    found = []
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            found.append((re.sub(r"[-_.]+", "-", match.group(1)).lower(), match.group(2)))
    return sorted(set(found))


def lock_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _yanked(index: str, name: str, version: str) -> str | None:
    """The yank reason of name==version ("" when yanked without one), None when it is not."""
    request = urllib.request.Request(
        f"{index}/{name}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response)["files"]
    # A release is withdrawn when its files are yanked (PEP 592); a file name holds the
    # normalised name and the version: name-version.tar.gz, name-version-py3-none-any.whl.
    name_pattern = "[-_.]".join(re.escape(part) for part in name.split("-"))
    stem = re.compile(rf"^{name_pattern}-{re.escape(version)}[-.]", re.I)
    mine = [f for f in files if stem.match(f["filename"])]
    if not mine:
        raise LookupError(f"{name}=={version}: no such release on {index}")
    yanked = [f.get("yanked", False) for f in mine]
    if all(yanked):
        reason = yanked[0]
        return reason if isinstance(reason, str) else ""
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=INDEX, help=f"simple API root (default: {INDEX})")
    args = parser.parse_args(argv)
    text = LOCK.read_text(encoding="utf-8")
    pinned = pins(text)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(lambda p: _yanked(args.index, *p), pinned))
    except (OSError, LookupError, ValueError, KeyError) as exc:
        print(
            f"lock: error: could not check requirements.txt against {args.index} ({exc}); "
            "the lock is written but requirements.check.json is not updated, so the tests will "
            "fail until `make lock` runs with access to the index.",
            file=sys.stderr,
        )
        return 1
    withdrawn = [
        {"package": name, "version": version, "reason": reason}
        for (name, version), reason in zip(pinned, answers, strict=True)
        if reason is not None
    ]
    RECORD.write_text(
        json.dumps(
            {
                "lock_sha256": lock_digest(text),
                "checked_on": datetime.date.today().isoformat(),
                "index": args.index,
                "packages": len(pinned),
                "withdrawn": withdrawn,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    if withdrawn:
        names = ", ".join(f"{w['package']}=={w['version']}" for w in withdrawn)
        print(
            f"lock: error: requirements.txt pins withdrawn (yanked) release(s): {names} "
            f"({withdrawn[0]['reason'] or 'no reason given'}); pin another version in "
            "requirements.in and run `make lock` again.",
            file=sys.stderr,
        )
        return 1
    print(f"lock: {len(pinned)} pinned releases checked against {args.index}: none withdrawn")
    return 0


if __name__ == "__main__":
    sys.exit(main())
