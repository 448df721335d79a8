"""Command line: `python -m sergek_report build|publish|scenarios` (the Makefile calls these)."""

from __future__ import annotations

import argparse
import errno
import logging
import shutil
import sys
from pathlib import Path

from . import paths
from .build import build
from .errors import BuildError, ReportError


def _setup_logging() -> None:
    # Data normalisations (decimal commas, BOM, …) are logged here, in the build log.
    logging.basicConfig(level=logging.WARNING, format="build: %(name)s: %(message)s")
    # WeasyPrint's notes on font subsetting are not the analyst's concern.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def cmd_build(args) -> None:
    build(
        args.params,
        data_dir=args.data_dir,
        build_root=args.build_root,
        jobs=args.jobs,
        force=args.force,
        timeout=args.cell_timeout,
    )


def cmd_publish(args) -> None:
    """Record the figures of the edition sent to the council: the next baseline."""
    from .build import edition_dir
    from .edition import load_edition

    out = edition_dir(load_edition(args.params)) / "metrics.json"
    if not out.is_file():
        raise BuildError(f"{paths.display_path(out)} not found: run `make report` first.")
    paths.PUBLISHED_DIR.mkdir(exist_ok=True)
    shutil.copyfile(out, paths.PUBLISHED_DIR / "metrics.json")
    print(
        f"publish: recorded {paths.display_path(out)} as "
        f"{paths.display_path(paths.PUBLISHED_DIR / 'metrics.json')}; commit it."
    )


def cmd_scenarios(args) -> None:
    from .scenarios import build_scenarios

    build_scenarios(jobs=args.jobs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sergek-report", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="execute the notebooks and render the report")
    p_build.add_argument("--params", type=Path, default=paths.DEFAULT_PARAMS)
    p_build.add_argument("--jobs", type=int, default=None, help="parallel notebooks (cores)")
    p_build.add_argument("--force", action="store_true", help="re-execute every notebook")
    p_build.add_argument(
        "--cell-timeout",
        type=int,
        default=None,
        help="seconds a notebook cell may run (default: 20 times the slowest chapter, or 600)",
    )
    p_build.add_argument("--data-dir", type=Path, default=paths.DATA_DIR)
    p_build.add_argument("--build-root", type=Path, default=paths.BUILD_DIR)
    p_build.set_defaults(func=cmd_build)
    p_pub = sub.add_parser("publish", help="record this edition's metrics as the baseline")
    p_pub.add_argument("--params", type=Path, default=paths.DEFAULT_PARAMS)
    p_pub.set_defaults(func=cmd_publish)
    p_sc = sub.add_parser("scenarios", help="one report per params/scenarios/*.yaml")
    p_sc.add_argument("--jobs", type=int, default=None)
    p_sc.set_defaults(func=cmd_scenarios)
    parser.add_argument(
        "--debug", action="store_true", help="show the Python traceback of an error"
    )
    args = parser.parse_args(argv)
    _setup_logging()
    try:
        args.func(args)
    except (ReportError, OSError) as exc:  # each names what to fix; --debug shows the trace
        if args.debug:
            raise
        print(f"error: {_one_paragraph(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; the last good report is unchanged.", file=sys.stderr)
        return 130
    return 0


def _one_paragraph(exc: BaseException) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, ReportError):
        where = paths.display_path(Path(exc.filename)) if exc.filename else "a file"
        hint = {
            errno.ENOSPC: "free some disk space",
            errno.EACCES: "make the folder writable",
            errno.EPERM: "make the folder writable",
            errno.EROFS: "build into a writable folder (--build-root)",
        }.get(exc.errno, "check the path")
        return (
            f"{where}: {exc.strerror or exc}. Nothing was published: the last good report is "
            f"unchanged; {hint} and run the build again."
        )
    return " ".join(str(exc).split())
