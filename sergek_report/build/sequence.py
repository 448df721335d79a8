"""The build sequence: compute the model once, execute the chapters, render one report.

Its steps are shared by `make report` (`build`, chapters executed on warm kernels, HTML and
PDF published atomically), `make preview` (`preview.session`, chapters executed on warm
kernels, HTML served) and `make scenarios` (`build` once per scenario):

- `read_inputs`: the edition, the chapter list, the project's folders;
- `compute_model`: every table validated, the model computed once (its reads recorded);
- `chapter_fingerprints` and `stale_chapters`: which chapters must run again;
- `write_handoff`: the file each stale chapter gets (`model.computed.save`: the edition with
  the chapter's own tables), the same bytes whichever driver writes it;
- `chapter_parameters`: the chapter's three parameters (edition, data folder, hand-off);
- `accept_chapter`: an executed notebook checked against its declared tables, moved in place;
- `report_inputs`, then `render.render_report` (build) or `render.report_html` (preview).

1. Read the edition (params/*.yaml) and the chapter list; nothing else runs when no input
   changed (the no-op check hashes every file under data/, the parameter files, the
   notebooks and the package).
2. Load and validate every table in data/ and compute the edition's results once, in this
   process; save them for the chapters and write the key figures (metrics.json).
3. Execute the chapters whose inputs changed (on warm kernels, in parallel, started as soon
   as the data have passed validation, so that they start up while the model is computed;
   the preview keeps one kernel per chapter it runs): a chapter's fingerprint covers its
   notebook, the tables it shows, the model's inputs and the kernel-side code; the renderer,
   its CSS and the command line are not part of it.
4. Render HTML and PDF, begun during step 3 (`LayoutAhead`): each chapter's PDF part is laid
   out as soon as it and the chapters before it have run. Outputs are written under
   temporary names and swapped in, so a failed build never replaces the last good report.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sergek_report import labels, paths
from sergek_report.build.chapters import (
    ChapterSpec,
    check_parameters_cell,
    load_chapters,
    read_notebook,
)
from sergek_report.build.editions import (
    STATE_FILE,
    build_lock,
    claim_edition_folder,
    clean_leftovers,
    default_timeout,
    executed_is_readable,
    read_baseline,
    read_state,
    switch_live_edition,
    unchanged_sentence,
    write_json,
)
from sergek_report.build.execute import (
    WarmKernels,
    default_jobs,
    describe_failure,
    execute_on_warm_kernels,
    log,
)
from sergek_report.errors import BuildError
from sergek_report.inputs.digests import data_digest
from sergek_report.inputs.edition import Edition, load_edition, referenced_tables
from sergek_report.paths import Project

RESERVED_NAMES = {"notebooks", "failed", "scenarios", *labels.LANGUAGES}
TRANSLATED_DIR = ".translated"  # an edition in another language: its chapters, translated
MODEL_DIR = ".edition-model"  # the hand-off: the computed edition, one file per chapter
HANDOFF_SUFFIX = ".edition"
OUTPUTS = ("report.html", "report.pdf", "metrics.json")
GC_THRESHOLD = 10_000  # new objects between two collections while chapters run and render
# Package files that run only in the build process: a change to them re-renders the report
# but does not re-execute chapters.
RENDER_SIDE = {
    "build/sequence.py",
    "cli.py",
    "build/render.py",
    "build/pdf.py",
    "build/changes.py",
    "build/scenarios.py",
    "__main__.py",
    "build/kernels.py",
    "preview/session.py",
    "preview/server.py",
    "build/lab.py",
    "build/execute.py",
    "build/editions.py",
    "build/chapters.py",
}

__all__ = ["BuildError", "BuildResult", "Inputs", "build", "edition_dir", "read_inputs"]


@dataclass
class BuildResult:
    out_dir: Path
    executed: list[str] = field(default_factory=list)
    rendered: bool = False
    pages: int | None = None
    model_computations: int = 0


def edition_dir(
    edition: Edition, build_root: Path | None = None, project: Project | None = None
) -> Path:
    """The default edition goes to build/, any other parameter file to build/<name>/."""
    project = project or paths.current()
    build_root = Path(build_root or project.build_dir)
    if edition.path == project.default_params.resolve():
        return build_root
    name = edition.name
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", name) or name in RESERVED_NAMES:
        raise BuildError(
            f"{project.display(edition.path)}: an edition file's name becomes its folder "
            f"build/{name}/; use letters, digits, '-' and '_', not the names "
            f"{', '.join(sorted(RESERVED_NAMES))}; e.g. params/high_inflation.yaml."
        )
    return build_root / name


def _sha(*chunks: bytes) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(hashlib.sha256(chunk).digest())
    return digest.hexdigest()


def _files_digest(files: list[Path], root: Path) -> str:
    return _sha(*(str(p.relative_to(root)).encode() + p.read_bytes() for p in files))


def _package_files() -> list[Path]:
    return sorted(
        p for p in paths.PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )


def kernel_code_fingerprint() -> str:
    """The package code chapters run: everything but the build and rendering side."""
    files = [
        p
        for p in _package_files()
        if p.suffix == ".py" and p.relative_to(paths.PACKAGE_DIR).as_posix() not in RENDER_SIDE
    ]
    return _files_digest(files, paths.PACKAGE_DIR)


def table_file(data_dir: Path, table: str) -> Path:
    return data_dir / f"{table}.csv"


def input_hashes(data_dir: Path) -> dict[str, str]:
    return {
        f"data/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.glob("*.csv"))
    }


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()


def git_commit(project: Project | None = None) -> str:
    """The commit the report is built from (printed in the colophon)."""
    root = (project or paths.current()).root
    try:
        sha = _git(root, "rev-parse", "--short=12", "HEAD")
        dirty = _git(root, "status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "нет данных"
    return f"{sha} (с незафиксированными изменениями)" if dirty else sha


def check_table_files(chapters: list[ChapterSpec], data_dir: Path, chapters_file: Path) -> None:
    """Every table a chapter declares has its CSV file."""
    for spec in chapters:
        missing = [t for t in spec.tables if not table_file(data_dir, t).is_file()]
        if missing:
            raise BuildError(
                f"{paths.display_path(chapters_file)}: {spec.name} shows table(s) "
                f"{missing} but {paths.display_path(data_dir)} has no such CSV file."
            )


def chapter_fingerprints(
    edition: Edition, chapters: list[ChapterSpec], data_dir: Path, kernel_fp: str | None = None
) -> dict[str, str]:
    """What each chapter's executed notebook depends on: the notebook, the tables it shows,
    the model's inputs (or only the assumptions' declarations, for a chapter that does not
    read the results) and the kernel-side package code. The build and the preview use it."""
    from sergek_report.model.lookups import (
        MODEL_TABLES,  # imports pandas: not needed by the no-op check
    )

    kernel_fp = kernel_fp or kernel_code_fingerprint()
    # The edition's date is printed by chapters and bounds the data (as_of); its title names
    # a scenario on the comparison page only, so a scenario with the default assumptions
    # reuses the default edition's chapters. Labels and rationales quote table cells
    # ({cpi.percent[year=2025,…]}): those tables too.
    declared = _sha(
        (edition.declaration_digest() + edition.edition_date.isoformat()).encode(),
        *(table_file(data_dir, t).read_bytes() for t in referenced_tables(edition)),
    )
    model_fp = _sha(
        *(table_file(data_dir, t).read_bytes() for t in MODEL_TABLES),
        declared.encode(),
    )
    return {
        spec.name: _sha(
            spec.notebook.read_bytes(),
            *(table_file(data_dir, t).read_bytes() for t in sorted({*spec.tables, "sources"})),
            (model_fp if spec.results else declared).encode(),
            kernel_fp.encode(),
        )
        for spec in chapters
    }


def report_inputs(edition_data, data_dir: Path, baseline: dict | None, commit: str) -> dict:
    """What the renderer needs besides the executed chapters (build and preview alike)."""
    from sergek_report.build.metrics import driver_values, key_metrics, label_values
    from sergek_report.chapter.key_facts import (
        cover_chart,
        cover_checks,
        cover_decision,
        cover_facts,
    )

    return {
        "edition": edition_data.edition,
        "sources": edition_data.tables["sources"],
        "metrics": key_metrics(edition_data.results),
        "drivers": driver_values(edition_data.results),
        "driver_fills": label_values(edition_data.results),
        "git_commit": commit,
        "baseline": baseline,
        "inputs": input_hashes(data_dir),
        "tariff_base_year": edition_data.results.tariff_base_year,
        "extension_end": edition_data.results.extension_end,
        "decision_day": edition_data.results.decision_day,
        # the title page's figures, in the edition's language (the catalog is switched)
        "key_facts": cover_facts(edition_data.results, edition_data.edition.edition_date),
        "cover_decision": cover_decision(edition_data.results),
        "cover_checks": cover_checks(edition_data.results),
        "cover_chart": cover_chart(edition_data.results),
    }


# --- the sequence's shared steps ----------------------------------------------------------


@dataclass
class Inputs:
    """Step 1: what one run of the sequence works on (the build, the preview, a scenario)."""

    project: Project
    edition: Edition
    chapters: list[ChapterSpec]
    data_dir: Path
    chapters_file: Path
    baseline_path: Path
    language: str = labels.SOURCE_LANGUAGE  # the edition's language (ru: the original)
    draft: bool = False  # another language: untranslated passages marked, not an error


def read_inputs(
    params_path: str | Path | None = None,
    *,
    project: Project | None = None,
    data_dir: Path | None = None,
    chapters_file: Path | None = None,
    baseline_path: Path | None = None,
) -> Inputs:
    """The edition and the chapter list; the folders default to the project's."""
    project = project or paths.current()
    chapters_file = Path(chapters_file or project.chapters_file)
    edition = load_edition(params_path or project.default_params)
    chapters = load_chapters(chapters_file)
    for spec in chapters:
        check_parameters_cell(spec)
    return Inputs(
        project=project,
        edition=edition,
        chapters=chapters,
        data_dir=Path(data_dir or project.data_dir).resolve(),
        chapters_file=chapters_file,
        baseline_path=Path(baseline_path or project.baseline_file),
    )


def model_key(inputs: Inputs) -> str:
    """What the computed model depends on besides the package code: data/ and the edition."""
    return _sha(
        data_digest(inputs.data_dir).encode(),
        *(p.read_bytes() for p in inputs.edition.chain),
        str(inputs.edition.path).encode(),
    )


def compute_model(inputs: Inputs, on_validated=None):
    """Step 2: every table validated, the model computed once (`model.computed`);
    `on_validated()` is called between the two."""
    from sergek_report.model import computed

    check_table_files(inputs.chapters, inputs.data_dir, inputs.chapters_file)
    return computed.compute_edition(inputs.edition, inputs.data_dir, on_validated=on_validated)


def stale_chapters(
    chapters: list[ChapterSpec],
    fingerprints: dict[str, str],
    previous: dict[str, str],
    executed_dir: Path,
    force: bool = False,
) -> list[ChapterSpec]:
    """The chapters whose executed notebook is missing or was made from other inputs."""
    return [
        spec
        for spec in chapters
        if force
        or previous.get(spec.name) != fingerprints[spec.name]
        or not executed_is_readable(executed_dir / spec.name)
    ]


def handoff_file(folder: Path, spec: ChapterSpec) -> Path:
    return folder / f"{spec.notebook.stem}{HANDOFF_SUFFIX}"


def write_handoff(edition_data, specs: list[ChapterSpec], folder: Path) -> dict[str, str]:
    """Each chapter's hand-off file: the edition, its results and only the tables the chapter
    shows (a long table is held by the kernels that print it, not by every kernel). Returns
    each file's SHA-256; the same edition gives the same bytes in the build and the preview."""
    from sergek_report.model import computed

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return {
        spec.name: computed.save(
            computed.for_chapter(edition_data, spec.tables), handoff_file(folder, spec)
        )
        for spec in specs
    }


def chapter_parameters(inputs: Inputs, handoff: Path) -> dict[str, str]:
    """The three chapter parameters papermill injects (`chapter.api.open_chapter` reads them),
    and the language of an edition in another language than the Russian original."""
    parameters = {
        "edition_file": str(inputs.edition.path),
        "data_dir": str(inputs.data_dir),
        "model_file": str(handoff),
    }
    if inputs.language != labels.SOURCE_LANGUAGE:
        parameters.update(report_language=inputs.language, report_draft=inputs.draft)
    return parameters


def translate_chapters(inputs: Inputs, out_dir: Path) -> None:
    """An edition in another language: the catalog checked (untranslated or fuzzy messages
    stop the build unless it is a draft), the chapters replaced by their translated copies."""
    if inputs.language == labels.SOURCE_LANGUAGE:
        return
    from sergek_report.build.translations import translated_chapters

    inputs.chapters, problems = translated_chapters(
        inputs.chapters,
        inputs.language,
        inputs.draft,
        out_dir / TRANSLATED_DIR,
        inputs.project,
        params_files=inputs.edition.chain,
        data_dir=inputs.data_dir,
    )
    if problems:
        log(
            f"draft: {len(problems)} message(s) untranslated or fuzzy in "
            f"{inputs.project.display(labels.catalog_file(inputs.language))}; marked on the page"
        )


class LayoutAhead:
    """Step 4 begun during step 3: a thread that lays out each chapter's PDF part as soon as
    the chapter and every chapter before it have executed (`render.PartsAhead`), while later
    chapters still run; it imports the renderer first. The render then joins the report's
    HTML from those parts and finds their PDFs in the cache (keyed by each part's HTML and
    first page: a part whose first page was guessed wrong is laid out again). An error here
    is left for the render, which then renders the report in one pass, to report."""

    def __init__(self, chapters: list[ChapterSpec], ready: dict[str, Path], **parts_inputs):
        self.chapters = chapters
        self.ready = dict(ready)  # chapter -> executed notebook
        self.parts_inputs = parts_inputs
        self.stopped = False
        self.parts = None  # render.PartsAhead, once made
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._run, name="layout-ahead", daemon=True)
        self.thread.start()

    def chapter_done(self, spec: ChapterSpec, outcome: dict, executed: Path) -> None:
        with self.changed:
            if outcome["ok"]:
                self.ready[spec.name] = executed
            else:
                self.stopped = True  # the build fails: nothing more to lay out
            self.changed.notify()

    def finish(self) -> None:
        """Wait for the parts of the chapters that are ready (all of them, after a
        successful execution); stop before the others. From now on no kernel runs, so each
        part's PDF is written by a forked copy of the build on the core the kernels left,
        while the next part is laid out (`pdf.PartRenderer`, `write_aside`); while chapters
        run both cores are busy, and a forked writer would only cost its memory pages."""
        with self.changed:
            if self.parts is not None:
                self.parts.renderer.start_writing_aside()
            self.stopped = True
            self.changed.notify()
        self.thread.join()

    def _run(self) -> None:
        parts = None
        try:
            from sergek_report.build.render import PartsAhead

            parts = PartsAhead(**self.parts_inputs)
            self.parts = parts
            for spec in self.chapters:
                with self.changed:
                    while spec.name not in self.ready and not self.stopped:
                        self.changed.wait()
                    executed = self.ready.get(spec.name)
                if executed is None:
                    return
                parts.lay_out(executed)
        except Exception as exc:  # the render lays the parts out and reports any error
            self.parts = None
            log(f"  (PDF parts not laid out ahead: {type(exc).__name__}: {exc})")
        finally:
            if parts is not None:
                parts.renderer.wait()  # the last part's PDF, written aside, is in the cache


def accept_chapter(inputs: Inputs, spec: ChapterSpec, staged: Path, executed_dir: Path) -> None:
    """An executed notebook that read only what it declares, moved into place."""
    check_declared_tables(spec, staged, inputs.chapters_file)
    os.replace(staged, executed_dir / spec.name)


# --- the build -----------------------------------------------------------------------------


def build(
    params_path: str | Path | None = None,
    *,
    project: Project | None = None,
    data_dir: Path | None = None,
    build_root: Path | None = None,
    chapters_file: Path | None = None,
    baseline_path: Path | None = None,
    jobs: int | None = None,
    force: bool = False,
    timeout: int | None = None,
    language: str = labels.SOURCE_LANGUAGE,
    draft: bool = False,
) -> BuildResult:
    """The sequence with a process pool as the executor, HTML and PDF published together.
    `language`: the original (ru, into build/) or a translation (kk, into build/kk/, or
    build/<edition>/kk/), the same sequence with the translated chapters and catalog."""
    inputs = read_inputs(
        params_path,
        project=project,
        data_dir=data_dir,
        chapters_file=chapters_file,
        baseline_path=baseline_path,
    )
    project, edition = inputs.project, inputs.edition
    if language not in labels.LANGUAGES:
        raise BuildError(
            f"language '{language}': the report is built in {', '.join(labels.LANGUAGES)} "
            f"(a catalog locale/<language>/LC_MESSAGES/{labels.DOMAIN}.po per language)."
        )
    inputs.language, inputs.draft = language, draft

    out_dir = edition_dir(edition, build_root, project)
    if language != labels.SOURCE_LANGUAGE:
        out_dir = out_dir / language
    out_dir.mkdir(parents=True, exist_ok=True)
    with build_lock(out_dir):
        claim_edition_folder(out_dir, edition.path, project.params_dir)
        translate_chapters(inputs, out_dir)
        labels.use_language(language, draft=draft)
        try:
            return _build_locked(inputs, out_dir, jobs, force, timeout)
        finally:
            labels.use_language(labels.SOURCE_LANGUAGE)


def _build_locked(
    inputs: Inputs, out_dir: Path, jobs: int | None, force: bool, timeout: int | None
) -> BuildResult:
    project, edition, chapters = inputs.project, inputs.edition, inputs.chapters
    data_dir, chapters_file = inputs.data_dir, inputs.chapters_file
    clean_leftovers(out_dir)
    executed_dir = out_dir / "notebooks"
    state = read_state(out_dir)
    baseline = inputs.baseline_path
    commit = git_commit(project)
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1
    ):
        raise BuildError(
            f"cell timeout {timeout!r}: expected a whole number of seconds, at least 1 "
            "(None for the default)."
        )
    timeout = timeout or default_timeout(state)

    # 1. The no-op check: every input of the whole report, hashed without heavy imports.
    data_fp = data_digest(data_dir)  # any file added, removed or changed under data/
    kernel_fp = kernel_fingerprint(inputs)
    everything_fp = _sha(
        data_fp.encode(),
        *(p.read_bytes() for p in edition.chain),
        chapters_file.read_bytes(),
        *(spec.notebook.read_bytes() for spec in chapters),
        _files_digest(_package_files(), paths.PACKAGE_DIR).encode(),
        baseline.read_bytes() if baseline.is_file() else b"",
        commit.encode(),
        str(edition.path).encode(),
        *_language_inputs(inputs),
    )
    outputs_present = all((out_dir / name).is_file() for name in OUTPUTS)
    if not force and state.get("inputs") == everything_fp and outputs_present:
        log(f"up to date: {project.display(out_dir)}/report.pdf (nothing to do)")
        return BuildResult(out_dir=out_dir)

    baseline_data = read_baseline(baseline)
    if baseline_data is not None and "missing" in baseline_data:
        log(
            f"warning: {baseline_data['missing']} not found: the report says that the comparison "
            "with the last edition is not available (restore it with git)"
        )

    # 3a. Which chapters must run (their fingerprints need no model): their kernels start as
    # soon as the data have passed validation, and start up while the model is computed.
    fingerprints = chapter_fingerprints(edition, chapters, data_dir, kernel_fp)
    previous = state.get("notebooks", {}) if isinstance(state.get("notebooks"), dict) else {}
    seconds = state.get("seconds", {}) if isinstance(state.get("seconds"), dict) else {}
    stale = stale_chapters(chapters, fingerprints, previous, executed_dir, force)
    kernels: list[WarmKernels] = []

    def start_kernels() -> None:
        if stale:
            count = min(jobs or default_jobs(), len(stale))
            kernels.append(WarmKernels(chapters[0].notebook.parent, count))

    # 2. Every table validated, the model computed once, in this process.
    from sergek_report.model import results as model

    started, computed_before = time.perf_counter(), model.COMPUTATIONS
    try:
        edition_data = compute_model(inputs, on_validated=start_kernels)
        result = BuildResult(
            out_dir=out_dir, model_computations=model.COMPUTATIONS - computed_before
        )
        log(f"model computed once in {time.perf_counter() - started:.2f} s")
        render_inputs = report_inputs(edition_data, data_dir, baseline_data, commit)

        # 3. Chapters whose inputs changed.
        write_handoff(edition_data, stale, out_dir / MODEL_DIR)
        per_notebook = {
            spec.name: chapter_parameters(inputs, handoff_file(out_dir / MODEL_DIR, spec))
            for spec in stale
        }
    except BaseException:
        for pool in kernels:
            pool.close()
        raise
    # The build keeps only what the renderer needs; the worker processes that run the kernels
    # are forked from it and would otherwise each map a copy of every table.
    del edition_data
    gc.collect()
    # Long-lived objects (modules, styles) need no more cycle collection: WeasyPrint
    # allocates millions of small objects and would otherwise rescan them repeatedly.
    gc.freeze()
    thresholds = gc.get_threshold()
    # The embedded font subsets carry a timestamp (fontTools reads SOURCE_DATE_EPOCH): the
    # edition's date, so that the same inputs give the same PDF bytes (unless set already).
    # Set from here on, as parts are laid out while chapters run (their outputs carry no date).
    chosen = os.environ.get("SOURCE_DATE_EPOCH")
    midnight = dt.datetime.combine(edition.edition_date, dt.time(), dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = chosen or str(int(midnight.timestamp()))
    try:
        # And fewer collections while chapters run and parts are laid out: with Python's
        # default (one every 700 new objects) a cold build spent 2.5–3.5 s of CPU in some 25
        # full collections of the layout's boxes and of the renderer's modules (imported after
        # the freeze); GC_THRESHOLD makes them about 2, for some 45 MiB more at the peak.
        if thresholds[0]:  # 0: collection switched off by whoever runs the build
            gc.set_threshold(max(GC_THRESHOLD, thresholds[0]), *thresholds[1:])
        if stale:
            failures, took, ahead = _execute(
                inputs, stale, per_notebook, out_dir, render_inputs, kernels[0], timeout, result
            )
            for spec in stale:
                if spec.name in took:
                    previous[spec.name] = fingerprints[spec.name]
                    seconds[spec.name] = took[spec.name]
                else:
                    previous.pop(spec.name, None)
            write_json(
                out_dir / STATE_FILE, {"notebooks": previous, "seconds": seconds, "inputs": None}
            )
            if failures:
                raise BuildError(" ".join(failures) + " " + unchanged_sentence(out_dir))
        else:
            from sergek_report.build.kernels import skip_iri_grammar

            skip_iri_grammar()  # before the renderer's imports (nbformat, nbconvert)
            ahead = None

        # 4. Render.
        from sergek_report.build.render import render_report  # heavy imports only now

        gc.freeze()
        log("rendering the HTML, then the PDF chapter by chapter (laid out parts from the cache)")
        stats: dict = {}
        files, pages = render_report(
            chapters=[executed_dir / spec.name for spec in chapters],
            out_dir=out_dir,
            stats=stats,
            ahead=ahead,
            **render_inputs,
        )
    finally:
        gc.set_threshold(*thresholds)
        if chosen is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        for pool in kernels:
            pool.close()
    measured = f", {stats['measured']} measured first" if stats.get("measured") else ""
    log(f"  PDF: {stats['laid_out']} of {stats['parts']} chapter part(s) laid out now{measured}")
    if stats.get("overflows"):
        cells = "; ".join(f"«{text}»" for text in stats["overflows"][:3])
        log(
            f"  warning: {len(stats['overflows'])} table cell(s) in the PDF hold a line wider "
            f"than their column, printed over the next one: {cells}"
        )
    switch_live_edition(out_dir, files, everything_fp)
    write_json(
        out_dir / STATE_FILE, {"notebooks": previous, "seconds": seconds, "inputs": everything_fp}
    )
    result.rendered, result.pages = True, pages
    where = project.display(out_dir)
    log(f"wrote {where}/report.pdf ({pages} pages), report.html, metrics.json")
    return result


def kernel_fingerprint(inputs: Inputs) -> str:
    """What every chapter's run depends on besides its notebook and tables: the kernel-side
    package code and, for an edition in another language, its catalog (the chapters print the
    catalog's words: a corrected translation runs them again)."""
    code = kernel_code_fingerprint()
    language = _language_inputs(inputs)
    return _sha(code.encode(), *language) if language else code


def _language_inputs(inputs: Inputs) -> list[bytes]:
    """What an edition in another language depends on besides the Russian inputs: its
    language, draft or not, and its catalog (nothing for the Russian original)."""
    if inputs.language == labels.SOURCE_LANGUAGE:
        return []
    catalog = labels.catalog_file(inputs.language)
    return [f"{inputs.language} {inputs.draft}".encode(), catalog.read_bytes()]


def _execute(
    inputs: Inputs,
    stale: list[ChapterSpec],
    per_notebook: dict[str, dict],
    out_dir: Path,
    render_inputs: dict,
    kernels: WarmKernels,
    timeout: int,
    result: BuildResult,
) -> tuple[list[str], dict[str, float], object]:
    """Step 3: the stale chapters executed on warm kernels, each accepted into notebooks/ or
    kept in failed/; meanwhile their PDF parts are laid out (`LayoutAhead`). Returns the
    failures (one sentence each), the seconds each accepted chapter took and the parts laid
    out ahead (`render.PartsAhead`, or None)."""
    project, chapters = inputs.project, inputs.chapters
    executed_dir = out_dir / "notebooks"
    stale_names = {spec.name for spec in stale}
    ready = {s.name: executed_dir / s.name for s in chapters if s.name not in stale_names}
    with tempfile.TemporaryDirectory(prefix=f".staging-{os.getpid()}-", dir=out_dir) as tmp:
        staging = Path(tmp)
        ahead = None
        if layout_ahead():
            ahead = LayoutAhead(
                chapters,
                ready,
                notebooks=[spec.notebook for spec in chapters],
                out_dir=out_dir,
                **render_inputs,
            )
        try:
            results = execute_on_warm_kernels(
                stale,
                per_notebook,
                staging,
                len(kernels.kernels),
                timeout,
                on_done=ahead
                and (lambda spec, outcome: ahead.chapter_done(spec, outcome, staging / spec.name)),
                kernels=kernels,
            )
        finally:
            kernels.stop()  # they shut down while the rest is rendered; the build waits at its end
            if ahead:
                ahead.finish()  # before the staged notebooks move
        executed_dir.mkdir(exist_ok=True)
        failures, took = [], {}
        for spec in stale:
            outcome = results[spec.name]
            if outcome["ok"]:
                accept_chapter(inputs, spec, staging / spec.name, executed_dir)
                took[spec.name] = round(outcome["seconds"], 2)
                result.executed.append(spec.name)
            else:
                failed_dir = out_dir / "failed"
                failed_dir.mkdir(exist_ok=True)
                kept = failed_dir / spec.name
                if (staging / spec.name).is_file():
                    os.replace(staging / spec.name, kept)
                outcome["timeout_s"] = timeout
                failures.append(describe_failure(spec, outcome, project.display(kept)))
        if failures:
            return failures, took, None
    shutil.rmtree(out_dir / "failed", ignore_errors=True)
    return [], took, ahead and ahead.parts


LAYOUT_AHEAD_VARIABLE = "SERGEK_REPORT_LAYOUT_AHEAD"


def layout_ahead() -> bool:
    """Whether chapters' PDF parts are laid out while later chapters run (the default), or all
    at the end (SERGEK_REPORT_LAYOUT_AHEAD=0): the same bytes either way (a test builds both);
    the benchmark measures what laying out ahead saves."""
    return os.environ.get(LAYOUT_AHEAD_VARIABLE, "1") != "0"


def check_declared_tables(spec: ChapterSpec, executed: Path, chapters_file: Path) -> None:
    """A chapter that shows a table it does not declare would not re-run when it changes."""
    from sergek_report.chapter.outputs import INPUTS_MIMETYPE, RESULTS

    notebook = read_notebook(executed)
    read: set[str] = set()
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            read |= set(output.get("data", {}).get(INPUTS_MIMETYPE, []))
    undeclared = sorted(read - set(spec.tables) - ({RESULTS} if spec.results else set()))
    if undeclared:
        raise BuildError(
            f"{paths.display_path(chapters_file)}: {spec.name} reads {undeclared} but its entry "
            "does not list them (under 'tables', or 'results: true' for the computed results); "
            "add them so that a change to them re-executes the chapter."
        )
