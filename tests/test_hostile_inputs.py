"""What an analyst can type that must never break the report or make it lie (issue: hostile
input). Each case ends in a one-paragraph error naming the file and what was expected, and the
last good report stays in place; or it builds, and the report says the same thing everywhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from sergek_report import paths
from sergek_report.build.sequence import build, edition_dir
from sergek_report.errors import BuildError, DataValidationError, ParameterError, ReportError
from sergek_report.inputs.edition import load_edition
from tests.conftest import one_chapter

DEFAULT = paths.DEFAULT_PARAMS


def previous_report(out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("report.pdf", "report.html", "metrics.json"):
        (out_dir / name).write_text(f"previous {name}", encoding="utf-8")


def assert_previous_report(out_dir):
    for name in ("report.pdf", "report.html", "metrics.json"):
        assert (out_dir / name).read_text(encoding="utf-8") == f"previous {name}"


def cli(*args, cwd=paths.PROJECT_ROOT):
    return subprocess.run(
        [sys.executable, "-m", "sergek_report", *args], capture_output=True, text=True, cwd=cwd
    )


def one_paragraph(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# -- files the build reads besides data/ ----------------------------------------------------


def test_a_broken_published_baseline_is_named_and_keeps_the_last_report(tmp_path):
    baseline = tmp_path / "metrics.json"
    baseline.write_text('{"metrics": [', encoding="utf-8")
    previous_report(tmp_path / "build")
    with pytest.raises(BuildError, match=r"metrics.json: not readable as JSON .*make publish"):
        build(DEFAULT, build_root=tmp_path / "build", baseline_path=baseline)
    assert_previous_report(tmp_path / "build")
    baseline.write_text('{"metrics": [{"name": "x"}]}', encoding="utf-8")
    with pytest.raises(BuildError, match="expected an object with a 'metrics' list"):
        build(DEFAULT, build_root=tmp_path / "build", baseline_path=baseline)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chapters: [\n", "cannot be read as YAML"),
        ("chapters: {}\n", "expected 'chapters:' with a list of notebooks"),
        ("chapters:\n  - notebook: missing.ipynb\n", "notebook missing.ipynb not found"),
        ("chapters:\n  - notebook: 01_summary.ipynb\n    tables: gaps\n", "must be a list"),
    ],
)
def test_a_broken_chapter_list_is_named(tmp_path, text, expected):
    chapters = tmp_path / "chapters.yaml"
    chapters.write_text(text, encoding="utf-8")
    if "01_summary" in text:
        shutil.copy(paths.NOTEBOOKS_DIR / "01_summary.ipynb", tmp_path)
    with pytest.raises(BuildError, match=expected):
        build(DEFAULT, build_root=tmp_path / "build", chapters_file=chapters)


def test_a_notebook_that_is_not_json_is_named(tmp_path):
    (tmp_path / "01_summary.ipynb").write_text('{"cells": [', encoding="utf-8")
    chapters = tmp_path / "chapters.yaml"
    chapters.write_text("chapters:\n  - notebook: 01_summary.ipynb\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"01_summary.ipynb: not a readable notebook"):
        build(DEFAULT, build_root=tmp_path / "build", chapters_file=chapters)


# -- edition names and parameter files -------------------------------------------------------


@pytest.mark.parametrize("stem", ["failed", "notebooks", "scenarios", "..", "a b", "ра"])
def test_edition_names_cannot_collide_with_build_folders(tmp_path, stem):
    params = tmp_path / f"{stem}.yaml"
    params.write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(BuildError, match=r"an edition file's name becomes its folder"):
        edition_dir(load_edition(params), tmp_path / "build")


def test_a_yaml_alias_bomb_is_refused_at_once_with_a_short_message(tmp_path):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    bomb += [
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    params = tmp_path / "bomb.yaml"
    params.write_text("\n".join(bomb) + "\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(ParameterError) as err:
        build(params, build_root=tmp_path / "build")
    assert time.perf_counter() - started < 2
    assert "aliases" in str(err.value) and len(str(err.value)) < 300


def test_an_assumption_outside_its_own_range_is_refused(tmp_path):
    text = DEFAULT.read_text(encoding="utf-8").replace("value: 18.0", "value: 25.0")
    params = tmp_path / "high_rate.yaml"
    params.write_text(text, encoding="utf-8")
    with pytest.raises(ParameterError, match=r"discount_rate: value 25.0 is outside its own range"):
        build(params, build_root=tmp_path / "build")


def _dated(tmp_path, day: str):
    """The default edition dated `day`, written to a file in `tmp_path`; its text too."""
    text = DEFAULT.read_text(encoding="utf-8").replace("value: 2026-12-04", f"value: {day}")
    params = tmp_path / f"dated-{day}.yaml"
    params.write_text(text, encoding="utf-8")
    return params, text


def _refused(params, tmp_path) -> str:
    """The one paragraph a build of `params` stops with."""
    with pytest.raises(ParameterError) as err:
        build(params, build_root=tmp_path / "build")
    return str(err.value)


def test_an_edition_dated_before_its_data_names_the_edition_file(tmp_path):
    params, _ = _dated(tmp_path, "2020-01-01")
    message = _refused(params, tmp_path)
    assert message.startswith(f"{params}: edition_date 2020-01-01 is earlier than")
    assert "data/" in message and "line" in message


def test_an_edition_moved_on_without_its_announcement_days_names_the_assumption(tmp_path):
    """The recommended path's procurement is drawn to be announced from the edition's day
    (4 December, 27 days before 31 December) to the last day; a later edition that keeps the
    range would price an announcement before its own date, and say «между 4 и 31 декабря»:
    refused, with the upper end that fits (31 December − 10 December = 21 days)."""
    params, text = _dated(tmp_path, "2026-12-10")
    message = _refused(params, tmp_path)
    assert message == (
        f"{params}: assumptions.procurement_announced_days_early.range [0, 27] puts the earliest "
        "announcement of the procurement on 2026-12-04, before edition_date 2026-12-10; "
        "expected an upper end of at most 21 days (from the edition's date to 2026-12-31, the "
        "last day to announce)."
    )
    # the range that fits builds as far as the model
    fitted = tmp_path / "fitted.yaml"
    fitted.write_text(text.replace("range: [0, 27]", "range: [0, 21]"), encoding="utf-8")
    from sergek_report.model.computed import compute_edition

    results = compute_edition(fitted, paths.DATA_DIR).results
    assert results.procurement_announced_range[0].isoformat() == "2026-12-10"


def test_the_command_line_gives_one_paragraph_for_an_unwritable_build_folder(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    result = cli("build", "--build-root", str(blocker / "build"))
    assert result.returncode == 1
    line = one_paragraph(result.stderr)
    assert "a-file/build" in line and "Nothing was published" in line
    assert "holds no report yet" in line  # never "unchanged" where there was none


def test_debug_shows_the_traceback(tmp_path):
    params = tmp_path / "bad.yaml"
    params.write_text("edition: [\n", encoding="utf-8")
    plain = cli("build", "--params", str(params))
    assert one_paragraph(plain.stderr).startswith("error: ")
    debug = cli("--debug", "build", "--params", str(params))
    assert "Traceback" in debug.stderr and "ParameterError" in debug.stderr


def test_every_project_error_is_a_report_error():
    for cls in (BuildError, DataValidationError, ParameterError):
        assert issubclass(cls, ReportError)


# -- caches ----------------------------------------------------------------------------------


def test_a_truncated_pdf_cache_entry_is_laid_out_again(tmp_path):
    from sergek_report.build.pdf import PartRenderer

    renderer = PartRenderer(tmp_path, font_css="")
    html = "<html><body><p>Один абзац.</p></body></html>"
    good = renderer.part(html, first_page=1)
    cached = next(tmp_path.glob("*.pdf"))
    cached.write_bytes(cached.read_bytes()[:200])  # as a killed build could leave it
    again = PartRenderer(tmp_path, font_css="").part(html, first_page=1)
    assert again.pages == good.pages == 1
    assert cached.read_bytes().rstrip().endswith(b"%%EOF")


def test_a_cached_part_keeps_the_page_count_and_anchors_it_was_laid_out_with(tmp_path):
    from sergek_report.build.pdf import PartRenderer, anchor_pages

    html = (
        '<html><body><p id="one">Один.</p>'
        '<p id="two" style="break-before: page">Два.</p></body></html>'
    )
    fresh = PartRenderer(tmp_path, font_css="").part(html, first_page=3)
    assert fresh.pages == 2
    assert fresh.anchors == {"one": 0, "two": 1} == anchor_pages(fresh.pdf)
    again = PartRenderer(tmp_path, font_css="")
    cached = again.part(html, first_page=3)
    assert again.laid_out == 0 and (cached.pages, cached.anchors) == (2, fresh.anchors)
    # A cache entry without its page count (made before they were kept): read from the PDF.
    sidecar = next(tmp_path.glob("*.json"))
    sidecar.unlink()
    third = PartRenderer(tmp_path, font_css="")
    read_back = third.part(html, first_page=3)
    assert third.laid_out == 0 and (read_back.pages, read_back.anchors) == (2, fresh.anchors)
    assert sidecar.is_file()


# -- one source of truth per figure ----------------------------------------------------------


@pytest.mark.slow
def test_a_changed_assumption_reads_the_same_on_every_page(changed_edition):
    """Value, label and rationale of an assumption change together in every chapter
    (changed_edition: a scenario whose discount rate is 16 % (18 % by default), its label and
    rationale rewritten)."""
    pdf = changed_edition.pdf
    assert "проверочная метка" in pdf and "Проверочное обоснование" in pdf
    assert "Ставка дисконтирования (номинальная, годовая)" not in pdf
    # chapter 5's text and table, the appendix row: the new value; 18 % survives only as the
    # old value in the changes block, the top of the range and the sourced base rate
    html = (changed_edition.result.out_dir / "report.html").read_text(encoding="utf-8")
    assert "ставке 16\u00a0%" in html and "(ставка 16 %)" in pdf
    assert "ставке 18 %" not in pdf and "(ставка 18 %)" not in pdf
    # the assumptions' grid: the label, then the base value and the range in their columns,
    # the rewritten rationale under the row
    assert "(проверочная метка) 16 % 14,25–18 %" in pdf
    assert 'data-label="Обоснование">Проверочное обоснование ставки' in html
    assert "(проверочная метка): 18 % → 16 %" in pdf
    assert changed_edition.metrics["params"]["discount_rate"] == 16.0


# -- publication and leftovers ----------------------------------------------------------------


@pytest.mark.slow  # reads the session's build
def test_outputs_of_an_edition_are_published_together(built_report):
    """report.pdf, report.html and metrics.json are links into one edition folder, switched by
    one link: never a new PDF with old metrics."""
    out = built_report.out_dir
    current = out / ".current"
    assert current.is_symlink()
    for name in ("report.pdf", "report.html", "metrics.json"):
        assert (out / name).is_symlink()
        assert (out / name).resolve().parent == current.resolve()


def test_leftovers_of_a_killed_build_are_removed_at_the_next_start(tmp_path):
    from sergek_report.build.editions import clean_leftovers

    (tmp_path / ".staging-abc").mkdir()
    (tmp_path / ".report.pdf.tmp").write_text("half", encoding="utf-8")
    (tmp_path / ".editions" / "old").mkdir(parents=True)
    (tmp_path / ".editions" / "kept").mkdir()
    (tmp_path / ".current").symlink_to(".editions/kept")
    clean_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".current", ".editions"]
    assert [p.name for p in (tmp_path / ".editions").iterdir()] == ["kept"]


@pytest.mark.slow
def test_a_cell_that_runs_too_long_is_named_with_the_timeout(tmp_path):
    chapters = one_chapter(
        tmp_path, "slow.ipynb", "Медленная глава", "import time\n\ntime.sleep(30)"
    )
    with pytest.raises(BuildError) as err:
        build(DEFAULT, build_root=tmp_path / "build", chapters_file=chapters, timeout=3)
    message = str(err.value)
    assert "slow.ipynb failed in cell 3 ('import time'…)" in message
    assert "cell timeout of 3 s" in message and "--cell-timeout" in message


@pytest.mark.slow
def test_sources_in_windows_1251_reach_the_title_page(changed_data):
    # changed_data is built from a copy of data/ whose sources.csv is in Windows-1251
    assert "Дата самого позднего источника 10 марта 2026 г." in changed_data.pdf
