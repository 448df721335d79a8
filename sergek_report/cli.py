"""Command line: `sergek-report build|preview|publish|scenarios` (or `python -m sergek_report ...`,
as the Makefile does). Run it inside the project folder or pass --project PATH."""

from __future__ import annotations

import argparse
import errno
import json
import logging
import sys
from pathlib import Path

from sergek_report import __version__, labels, paths
from sergek_report.errors import BuildError, ReportError


def _setup_logging() -> None:
    # Data normalisations (decimal commas, BOM, …) are logged here, in the build log.
    logging.basicConfig(level=logging.WARNING, format="build: %(name)s: %(message)s")
    # WeasyPrint's notes on font subsetting are not the analyst's concern.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def cmd_build(args) -> None:
    from sergek_report.build.sequence import build

    build(
        args.params or paths.DEFAULT_PARAMS,
        data_dir=args.data_dir or paths.DATA_DIR,
        build_root=args.build_root or paths.BUILD_DIR,
        jobs=args.jobs,
        force=args.force,
        timeout=args.cell_timeout,
        language=args.language,
        draft=args.draft,
    )


def cmd_preview(args) -> None:
    from sergek_report.preview.session import preview

    preview(
        args.params or paths.DEFAULT_PARAMS,
        data_dir=args.data_dir or paths.DATA_DIR,
        build_root=args.build_root or paths.BUILD_DIR,
        port=args.port,
        jobs=args.jobs,
        timeout=args.cell_timeout,
        open_browser=args.open,
    )


def cmd_publish(args) -> None:
    """Record the figures of the edition sent to the council: the next baseline."""
    from sergek_report.build.sequence import edition_dir
    from sergek_report.inputs.edition import load_edition

    out = edition_dir(load_edition(args.params or paths.DEFAULT_PARAMS)) / "metrics.json"
    if not out.is_file():
        raise BuildError(f"{paths.display_path(out)} not found: run `make report` first.")
    from sergek_report.build.editions import baseline_record, write_json

    record = baseline_record(json.loads(out.read_text(encoding="utf-8")), paths.PROJECT_ROOT)
    paths.PUBLISHED_DIR.mkdir(exist_ok=True)
    write_json(paths.PUBLISHED_DIR / "metrics.json", record)
    print(
        f"publish: recorded {paths.display_path(out)} as "
        f"{paths.display_path(paths.PUBLISHED_DIR / 'metrics.json')}; commit it."
    )


def cmd_scenarios(args) -> None:
    from sergek_report.build.scenarios import build_scenarios

    build_scenarios(jobs=args.jobs)


def _use_project(project: Path | None) -> None:
    """Point the package at the project before the build modules are imported."""
    if project is not None:
        project = project.resolve()
        if not paths.is_project(project):
            raise ReportError(f"--project {project}: no params/ and notebooks/ folders there.")
        paths.use_project(project)  # in the environment: kernels and workers find it too
    elif not paths.PROJECT_FOUND or paths.PROJECT_FROM_PACKAGE:
        installed = (
            f" (the package is installed from the project {paths.PROJECT_ROOT}: "
            f"--project {paths.PROJECT_ROOT} builds that one)"
            if paths.PROJECT_FROM_PACKAGE
            else ""
        )
        raise ReportError(
            f"no report project in {Path.cwd()} or above (a folder with params/ and "
            f"notebooks/): run the command inside the project or pass --project PATH{installed}."
        )


MAX_CELL_TIMEOUT_S = 24 * 3600
MAX_JOBS = 64


def _bounded_int(option: str, low: int, high: int, meaning: str):
    """An argparse type: a whole number in [low, high], or one sentence saying what was
    expected (never replaced by the default, never "no limit")."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip(), 10)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{option} {text!r}: expected a whole number of {meaning} from {low} to {high}"
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{option} {value}: expected {meaning} from {low} to {high}; "
                "leave the option out for the default"
            )
        return value

    return parse


def make_parser() -> argparse.ArgumentParser:
    _jobs = _bounded_int("--jobs", 1, MAX_JOBS, "notebooks in parallel")
    _timeout = _bounded_int("--cell-timeout", 1, MAX_CELL_TIMEOUT_S, "seconds")
    parser = argparse.ArgumentParser(
        prog="sergek-report",
        description="Build the Sergek PPP report (build, preview, publish, scenarios); "
        "make report runs python -m sergek_report build. Run it inside the project folder "
        "or pass --project PATH.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the Python traceback of an error"
    )
    # --project is accepted before or after the command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--project",
        type=Path,
        default=argparse.SUPPRESS,
        help="the project folder (with params/ and notebooks/); "
        "default: the working directory or the nearest folder above it that has them",
    )
    parser.add_argument("--project", type=Path, default=None, help=common._actions[0].help)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    params_help = "parameter file of the edition (default: params/default.yaml)"
    jobs_help = "notebooks executed in parallel (default: one per core, at most 3)"
    p_build = sub.add_parser(
        "build", parents=[common], help="execute the notebooks and render the report"
    )
    p_build.add_argument("--params", type=Path, default=None, help=params_help)
    p_build.add_argument("--jobs", type=_jobs, default=None, help=jobs_help)
    p_build.add_argument("--force", action="store_true", help="re-execute every notebook")
    p_build.add_argument(
        "--language",
        choices=labels.LANGUAGES,
        default=labels.SOURCE_LANGUAGE,
        help="the edition's language: ru (the original, build/) or kk (its translation from "
        "locale/kk/LC_MESSAGES/report.po, into build/kk/; default: ru)",
    )
    p_build.add_argument(
        "--draft",
        action="store_true",
        help="with --language: build even if messages are untranslated or fuzzy, each "
        "untranslated passage marked on the page",
    )
    p_build.add_argument(
        "--cell-timeout",
        type=_timeout,
        default=None,
        help="seconds a notebook cell may run (default: 20 times the slowest chapter, or 600)",
    )
    p_build.add_argument(
        "--data-dir", type=Path, default=None, help="folder of the CSV tables (default: data/)"
    )
    p_build.add_argument(
        "--build-root", type=Path, default=None, help="output folder (default: build/)"
    )
    p_build.set_defaults(func=cmd_build)
    p_prev = sub.add_parser(
        "preview",
        parents=[common],
        help="serve the HTML report on 127.0.0.1 and rebuild it as notebooks, data, "
        "params or the package change (Ctrl-C stops)",
    )
    p_prev.add_argument("--params", type=Path, default=None, help=params_help)
    p_prev.add_argument(
        "--port",
        type=_bounded_int("--port", 0, 65535, "a TCP port"),
        default=None,
        help="port on 127.0.0.1 (default: 4848, or any free port when it is taken; 0: any)",
    )
    p_prev.add_argument("--open", action="store_true", help="open the page in the browser")
    p_prev.add_argument("--jobs", type=_jobs, default=None, help=jobs_help)
    p_prev.add_argument(
        "--cell-timeout", type=_timeout, default=None, help="seconds a notebook cell may run"
    )
    p_prev.add_argument(
        "--data-dir", type=Path, default=None, help="folder of the CSV tables (default: data/)"
    )
    p_prev.add_argument(
        "--build-root",
        type=Path,
        default=None,
        help="output folder (default: build/); the preview keeps its files in .preview/ there",
    )
    p_prev.set_defaults(func=cmd_preview)
    p_pub = sub.add_parser(
        "publish", parents=[common], help="record this edition's metrics as the baseline"
    )
    p_pub.add_argument("--params", type=Path, default=None, help=params_help)
    p_pub.set_defaults(func=cmd_publish)
    p_sc = sub.add_parser(
        "scenarios", parents=[common], help="one report per params/scenarios/*.yaml"
    )
    p_sc.add_argument("--jobs", type=_jobs, default=None, help=jobs_help)
    p_sc.set_defaults(func=cmd_scenarios)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    _setup_logging()
    try:
        _use_project(args.project)
        args.func(args)
    except (ReportError, OSError) as exc:  # each names what to fix; --debug shows the trace
        if args.debug:
            raise
        print(f"error: {_one_paragraph(exc, _live_status(args))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; the last good report is unchanged.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, or a broken dependency: still one paragraph
        if args.debug:
            raise
        print(f"error: {unexpected_error(exc, _live_status(args))}", file=sys.stderr)
        return 1
    return 0


def _culprit(exc: BaseException) -> tuple[str, str] | None:
    """The installed distribution (name, version) whose code raised `exc`: the innermost
    frame under site-packages, or named in a worker process's traceback text."""
    import importlib.metadata
    import re
    import traceback

    files = [frame.f_code.co_filename for frame, _ in traceback.walk_tb(exc.__traceback__)]
    cause = exc.__cause__
    if cause is not None and type(cause).__name__ == "_RemoteTraceback":
        files += re.findall(r'File "([^"]+)"', str(cause))
    owners = importlib.metadata.packages_distributions()
    for filename in reversed(files):
        parts = Path(filename).parts
        if "site-packages" not in parts or "sergek_report" in parts:
            continue
        top = parts[parts.index("site-packages") + 1].removesuffix(".py")
        for dist in owners.get(top, []):
            return dist, importlib.metadata.version(dist)
    return None


def _live_status(args) -> str:
    """What can truthfully be said about the last good report after a failure."""
    try:
        from sergek_report.build.editions import unchanged_sentence
        from sergek_report.build.sequence import edition_dir
        from sergek_report.inputs.edition import load_edition

        edition = load_edition(getattr(args, "params", None) or paths.DEFAULT_PARAMS)
        root = getattr(args, "build_root", None) or paths.BUILD_DIR
        return unchanged_sentence(edition_dir(edition, Path(root)))
    except Exception:
        return "Nothing was published: the last good report is unchanged."


def unexpected_error(
    exc: BaseException, status: str = "Nothing was published: the last good report is unchanged."
) -> str:
    """One paragraph for an exception that is not a ReportError."""
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(what) > 300:
        what = what[:300] + " …"
    culprit = _culprit(exc)
    python = ".".join(map(str, sys.version_info[:3]))
    if culprit is not None:
        name, version = culprit
        return (
            f"the build failed inside the package {name} {version} ({what}), on Python "
            f"{python}. This is the environment, not the report's inputs. {status} Recreate "
            "the environment from the lock (rm -rf .venv && make env), "
            f"or try another supported Python (make report PYTHON=python3.12); if it persists, "
            f"pin another version of {name} in requirements.in and run make lock. --debug shows "
            "the traceback."
        )
    return (
        f"unexpected {what}, on Python {python}. {status} This is "
        "a bug of the report's code: run again with --debug and keep the traceback for its "
        "maintainers."
    )


def _one_paragraph(
    exc: BaseException, status: str = "Nothing was published: the last good report is unchanged."
) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, ReportError):
        where = paths.display_path(Path(exc.filename)) if exc.filename else "a file"
        hint = {
            errno.ENOSPC: "free some disk space",
            errno.EACCES: "make the folder writable",
            errno.EPERM: "make the folder writable",
            errno.EROFS: "build into a writable folder (--build-root)",
        }.get(exc.errno, "check the path")
        return f"{where}: {exc.strerror or exc}. {status} To go on: {hint} and run the build again."
    # One paragraph; a list of problems (an incomplete translation) one paragraph per item.
    return "\n\n".join(" ".join(part.split()) for part in str(exc).split("\n\n"))
