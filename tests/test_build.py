"""The build as analysts and CI meet it: failures, determinism, incremental re-runs, changes.

Marked slow: the tests that start a kernel; a failure found before any kernel is fast."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from sergek_report import paths
from sergek_report.build.chapters import load_chapters
from sergek_report.build.pdf import split_report
from sergek_report.build.references import XREF
from sergek_report.build.sequence import build
from sergek_report.chapter import inline
from sergek_report.errors import BuildError, ParameterError
from sergek_report.inputs.datasets import DataValidationError
from tests.conftest import normalise, one_chapter, pdf_text

DEFAULT = paths.DEFAULT_PARAMS


def fake_previous_report(out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in ("report.pdf", "report.html", "metrics.json"):
        (out_dir / name).write_text(f"previous {name}", encoding="utf-8")


def assert_previous_report_intact(out_dir):
    for name in ("report.pdf", "report.html", "metrics.json"):
        assert (out_dir / name).read_text(encoding="utf-8") == f"previous {name}"


def test_unknown_parameter_fails_before_any_kernel_with_a_clear_message(tmp_path):
    params = tmp_path / "typo.yaml"
    params.write_text(
        f"extends: {DEFAULT}\nassumptions:\n  inflaton_2026:\n    value: 10.0\n", encoding="utf-8"
    )
    fake_previous_report(tmp_path / "build" / "typo")
    with pytest.raises(
        ParameterError, match=r"typo.yaml: assumptions.inflaton_2026 is not an assumption of"
    ):
        build(params, build_root=tmp_path / "build")
    assert_previous_report_intact(tmp_path / "build" / "typo")


def test_cli_reports_the_error_and_exits_non_zero(tmp_path):
    params = tmp_path / "bad.yaml"
    params.write_text(
        f"extends: {DEFAULT}\nassumptions:\n  discount_rate:\n    value: '18 %'\n", encoding="utf-8"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sergek_report",
            "build",
            "--params",
            str(params),
            "--build-root",
            str(tmp_path / "build"),
        ],
        capture_output=True,
        text=True,
        cwd=paths.PROJECT_ROOT,
    )
    assert result.returncode == 1
    assert "error:" in result.stderr and "discount_rate" in result.stderr
    assert "expected a number" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_data_stops_the_build_before_kernels_and_keeps_the_last_report(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    text = (data / "deployment.csv").read_text(encoding="utf-8")
    (data / "deployment.csv").write_text(text.replace(",766,", ",766.5,"), encoding="utf-8")
    fake_previous_report(tmp_path / "build")
    with pytest.raises(DataValidationError) as err:
        build(DEFAULT, data_dir=data, build_root=tmp_path / "build")
    message = str(err.value)
    assert "deployment.csv" in message and "complexes" in message and "line" in message
    assert_previous_report_intact(tmp_path / "build")
    assert not (tmp_path / "build" / "notebooks").exists()  # no kernel ran


@pytest.mark.slow
def test_a_failing_cell_names_notebook_cell_and_error_and_keeps_the_report(tmp_path):
    chapters = one_chapter(
        tmp_path,
        "broken.ipynb",
        "Сломанная глава",
        "x = 1",
        "raise ValueError('CPI table is empty')",
    )
    params = paths.PARAMS_DIR / "scenarios" / "base.yaml"
    fake_previous_report(tmp_path / "build" / "base")
    with pytest.raises(BuildError) as err:
        build(params, build_root=tmp_path / "build", chapters_file=chapters)
    message = str(err.value)
    assert "broken.ipynb failed in cell 4" in message
    assert "ValueError: CPI table is empty" in message
    assert "unchanged" in message
    assert (tmp_path / "build" / "base" / "failed" / "broken.ipynb").is_file()
    assert_previous_report_intact(tmp_path / "build" / "base")


@pytest.mark.slow
def test_an_inline_value_that_fails_or_is_not_text_names_the_cell_and_keeps_the_report(tmp_path):
    chapters = one_chapter(
        tmp_path,
        "prose.ipynb",
        "Глава с текстом",
        "from sergek_report.chapter import fmt\nnetwork = 1641",
        "md:Сеть выросла до {eval}`fmt.integer(network)` АПК.",
        "md:Число без формата: {eval}`network`; опечатка: {eval}`fmt.integer(netwrk)`.",
    )
    params = paths.PARAMS_DIR / "scenarios" / "base.yaml"
    fake_previous_report(tmp_path / "build" / "base")
    with pytest.raises(BuildError) as err:
        build(params, build_root=tmp_path / "build", chapters_file=chapters)
    message = str(err.value)
    assert "prose.ipynb, cell 5: the inline expression {eval}`network`" in message
    assert "returned '1641', which is not text" in message
    assert "cell 5: the inline expression {eval}`fmt.integer(netwrk)`" in message
    assert "NameError: name 'netwrk' is not defined" in message
    assert "cell 4" not in message  # the formatted value is fine
    assert "\n" not in message.strip()
    assert (tmp_path / "build" / "base" / "failed" / "prose.ipynb").is_file()
    assert_previous_report_intact(tmp_path / "build" / "base")


def test_invalid_table_that_no_chapter_shows_still_stops_the_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    assert not any("cpi" in spec.tables for spec in load_chapters())
    with (data / "cpi.csv").open("a", encoding="utf-8") as handle:
        handle.write("junk,row\n")
    fake_previous_report(tmp_path / "build")
    with pytest.raises(DataValidationError, match="cpi.csv"):
        build(DEFAULT, data_dir=data, build_root=tmp_path / "build")
    assert_previous_report_intact(tmp_path / "build")


def test_parameter_file_that_omits_an_assumption_stops_the_build(tmp_path):
    text = DEFAULT.read_text(encoding="utf-8")
    start = text.index("  discount_rate:")
    params = tmp_path / "omits_discount_rate.yaml"
    params.write_text(text[:start], encoding="utf-8")
    fake_previous_report(tmp_path / "build" / params.stem)
    with pytest.raises(ParameterError) as err:
        build(params, build_root=tmp_path / "build")
    message = str(err.value)
    assert "omits_discount_rate.yaml" in message and "'discount_rate' is missing" in message
    assert_previous_report_intact(tmp_path / "build" / params.stem)


@pytest.mark.slow
def test_the_build_needs_no_network(second_build):
    if not second_build.offline:
        pytest.skip(
            "no network namespace could be made here (neither as root nor with an "
            "unprivileged user namespace): the build ran with the network"
        )
    assert "wrote" in second_build.log


@pytest.mark.slow
def test_two_builds_from_the_same_inputs_are_identical(built_report, second_build):
    """Two builds of the same inputs give the same bytes, although the first laid each
    chapter's PDF part out as soon as the chapter (and the ones before it) had run and the
    second laid every part out at the end (SERGEK_REPORT_LAYOUT_AHEAD=0)."""
    # one part per chapter (the money chapter's three notebooks make one)
    from sergek_report.build.render import is_section

    specs = load_chapters(paths.CHAPTERS_FILE)
    parts = sum(not is_section(nbformat.read(spec.notebook, as_version=4)) for spec in specs)
    assert parts == len(specs) - 2
    # A chapter that prints the pages of its cross-references («(с. 49)») waits for every
    # chapter's layout: the first build laid out only those at the end (the pages the parts
    # laid out ahead found were right); the second measured them first (with placeholder
    # pages) and then laid out every part.
    html = (built_report.out_dir / "report.html").read_text(encoding="utf-8")
    referring = sum(bool(XREF.search(body)) for body in split_report(html)[2])
    assert 0 < referring < parts
    # Laid out ahead, the chapters print placeholder pages; where the real pages move a
    # target (a chapter one line longer with them), the referring parts are laid out once
    # more with the pages found: at most one more round, never every part twice over.
    laid_out = int(re.search(r"PDF: (\d+) of \d+ chapter part", built_report.log).group(1))
    assert f"of {parts} chapter part(s) laid out now\n" in built_report.log
    assert referring <= laid_out <= referring + parts
    relaid = re.search(
        r"PDF: (\d+) of (\d+) chapter part\(s\) laid out now, (\d+) measured first\n",
        second_build.log,
    )
    assert relaid is not None and int(relaid.group(2)) == parts
    assert int(relaid.group(3)) == referring
    assert parts <= int(relaid.group(1)) <= 2 * parts
    first, second = built_report.out_dir, second_build.out_dir
    assert (first / "report.html").read_bytes() == (second / "report.html").read_bytes()
    # Byte for byte: the font subsets' timestamps are the edition's date, not the clock.
    if (first / "report.pdf").read_bytes() != (second / "report.pdf").read_bytes():
        assert pdf_text(first / "report.pdf") == pdf_text(second / "report.pdf")
        pytest.fail("the two PDFs have the same text but differ in their bytes")
    one = json.loads((first / "metrics.json").read_text(encoding="utf-8"))
    two = json.loads((second / "metrics.json").read_text(encoding="utf-8"))
    assert one == two


@pytest.mark.slow
def test_noop_rebuild_runs_nothing(second_build, data_copy):
    result = build(DEFAULT, data_dir=data_copy, build_root=second_build.out_dir)
    assert result.executed == [] and not result.rendered


@pytest.mark.slow
def test_one_table_change_reexecutes_only_its_readers(second_build, data_copy):
    peers = data_copy / "peers.csv"
    peers.write_text(peers.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = build(DEFAULT, data_dir=data_copy, build_root=second_build.out_dir)
    assert result.executed == ["06_comparisons.ipynb"] and result.rendered
    assert result.model_computations == 1  # once per build, in the build's process


@pytest.mark.slow
def test_a_new_edition_date_is_printed_everywhere_the_edition_is_dated(changed_edition):
    # changed_edition: a scenario dated 5 December, a day after the default edition
    assert len(changed_edition.result.executed) == 8
    html = " ".join(
        (changed_edition.result.out_dir / "report.html")
        .read_text(encoding="utf-8")
        .replace("\u00a0", " ")
        .split()
    )
    assert "на дату редакции (5 декабря 2026 г.)" in html  # the path's first sentence
    # the default edition's date is printed nowhere as the edition's date (sources.csv still
    # may say a source was consulted or searched for on 4 December: «обращение: 4 декабря
    # 2026 г.», «поиск: 4 декабря 2026 г.» are data)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "дату редакции (4 декабря" not in text and "к дате редакции (4 декабря" not in text
    assert "Редакция отчёта 4 декабря 2026 г." not in text
    assert "Редакция отчёта 5 декабря 2026 г." in text
    # the title page's count, on the edition's day
    assert "до конца договора 26 дней (на 5 декабря);" in text
    assert "(на 4 декабря)" not in text
    assert text.count(" 4 декабря 2026 г.") == text.count(
        "обращение: 4 декабря 2026 г."
    ) + text.count("поиск: 4 декабря 2026 г.")  # when a source was consulted or searched for


@pytest.mark.slow
def test_changed_figure_appears_with_its_old_to_new_line(changed_data):
    # changed_data: the contract's complexes in service 1 641 → 1 650 (and the deployment's
    # milestones with it), against the published baseline
    text = changed_data.pdf
    assert "было 1 641 АПК, стало 1 650 АПК" in " ".join(text.split())
    # more than three tables changed since the published edition: counted, not listed, on the
    # memo's page (a short list names them: tests/test_render.py)
    # the memo gives the line's news and points to the full block after the colophon
    memo_block = " ".join(text.split("Что изменилось с прошлой редакции")[-1][:400].split())
    # with its page: the block opens the last page of this eight-page, one-chapter report
    # (the colophon on a page of its own: reviews s25k, s26i)
    assert "в разделе «Изменения с прошлой редакции подробно» (с. 8)." in memo_block
    block = " ".join(text.split("Изменения с прошлой редакции подробно")[-1][:900].split())
    assert "Уточнены и дополнены" not in block  # the reason below says it once
    assert "Обновлены данные:" not in block  # the changed tables are not listed one by one
    # why the figures of the table moved: the data they are computed from (1 641 in service
    # is a row of the deployment)
    assert "Причина — уточнены данные: развёртывание комплексов" in block
    assert "2 000" in text  # 1 650 + 350 new complexes


@pytest.mark.slow
def test_scenarios_build_one_report_each_and_a_comparison(built_report, changed_edition):
    """`make scenarios` with two of the scenario files (changed_edition): the base one (the
    default edition's assumptions) and one that changes an assumption (here with a later date
    and another discount rate besides); what the other files add is the text of their
    comparison column (test_the_comparison_names_each_scenario_and_its_differences)."""
    from sergek_report.build import scenarios

    files = scenarios.scenario_files()
    assert {"base", "high_inflation", "late_installation"} <= {p.stem for p in files}
    names = ["base", "late_installation"]
    root, executed = changed_edition.root, changed_edition.executed
    # The base scenario has the default edition's assumptions: started from a copy of the
    # default build, none of its chapters runs again (its title is the comparison page's).
    assert list(executed) == names, executed
    assert executed["base"] == [] and len(executed["late_installation"]) == 8, executed
    for name in names:
        assert (root / name / "report.pdf").is_file()
    text = pdf_text(root / "comparison.pdf")
    assert "сравнение сценариев" in text
    for name in names:
        assert name not in text  # scenarios are named in Russian, never by their file
    assert "Поздний ввод новых комплексов" in text
    assert "дата начала оплаты услуг 350 новых комплексов — 1 июля 2026 г." in text
    assert "ставка приведения платежей (проверочная метка) — 16 %" in text
    # Every scenario edition reads as the default one does, HTML and PDF: numerals agree, «%»
    # with its no-break space, ranges, months, no identifiers (tests/language.py).
    from tests.language import html_text, slips
    from tests.test_report import FILE_NAME, SNAKE_CASE, without_source_addresses

    # The base scenario prints the default edition (test_report reads it) but for the
    # colophon's set of assumptions and its version (the commit: the scenarios ran in a copy
    # of the project, outside git); the others read as it does.
    def assumption_set(page) -> tuple[str, int]:
        text = page.read_text(encoding="utf-8")
        return re.subn(r"(<dt>(?:Допущения|Проверка расчёта)</dt><dd>)[^<]*", r"\1", text)

    base, default = (
        assumption_set(root / "base" / "report.html"),
        assumption_set(built_report.out_dir / "report.html"),
    )
    assert base[1] == default[1] == 2 and base[0] == default[0]
    edition = without_source_addresses(changed_edition.pdf)  # the changed scenario's
    html = html_text((root / "late_installation" / "report.html").read_text(encoding="utf-8"))
    assert slips(edition) == [] and slips(html, keeps_nbsp=True) == []
    assert not SNAKE_CASE.findall(edition) and not FILE_NAME.findall(edition)
    assert "г.." not in edition
    metrics = {
        name: {
            m["name"]: m["value"]
            for m in json.loads((root / name / "metrics.json").read_text("utf-8"))["metrics"]
        }
        for name in names
    }
    # Late installation: fewer complex-months in 2026 than the base (350 × 4 months).
    late, base = metrics["late_installation"], metrics["base"]
    key = next(k for k in base if "complex_months" in k)
    assert base[key] - late[key] == pytest.approx(350 * 4)


def test_the_comparison_names_each_scenario_and_its_differences():
    """The comparison page's column heads: each scenario's Russian title and how its
    assumptions differ from the default edition's (values from params/scenarios/*.yaml)."""
    from sergek_report.build.scenarios import comparison_html, scenario_files

    editions = {p.stem: {"metrics": [], "edition_date": "2026-11-28"} for p in scenario_files()}
    page = comparison_html(editions)
    text = normalise(re.sub(r"<[^>]+>", " ", page))
    assert "Высокая инфляция 2026 года" in text and "Поздний ввод новых комплексов" in text
    assert "инфляция 2026 года (декабрь к декабрю) — 20,3 %" in text
    assert "дата начала оплаты услуг 350 новых комплексов — 1 июля 2026 г." in text
    for name in ("high_inflation", "late_installation"):
        assert name not in text


@pytest.mark.slow
def test_one_chapter_runs_with_papermill_alone_and_takes_assumption_overrides(tmp_path):
    """`papermill --engine myst … -p name value` and `-f flat.yaml` work without the build, the
    prose's inline values included; an unknown name is an error, not silently ignored."""

    def papermill(*args):
        return subprocess.run(
            [sys.executable, "-m", "papermill", *map(str, args), "--log-output"]
            + ["--engine", "myst"],
            capture_output=True,
            text=True,
            cwd=paths.PROJECT_ROOT,
        )

    def outputs(notebook):
        """What the chapter prints: its outputs and its prose with the values written in."""
        executed = nbformat.read(notebook, as_version=4)
        inline.resolve(executed, notebook.name)
        prose = [c.source for c in executed.cells if c.cell_type == "markdown"]
        printed = [c.get("outputs", []) for c in executed.cells]
        return json.dumps([prose, printed], ensure_ascii=False)

    # One run takes both: a value on the command line and a file of values.
    flat = tmp_path / "flat.yaml"
    flat.write_text("discount_rate: 16\n", encoding="utf-8")
    budget = tmp_path / "budget.ipynb"
    result = papermill(
        paths.NOTEBOOKS_DIR / "05_budget_2026.ipynb",
        budget,
        *("-p", "service_term_months", 60, "-f", flat),
    )
    assert result.returncode == 0, result.stderr
    # Quiet: the assumptions are declared parameters, the kernel talks over Unix sockets.
    for warning in ("Passed unknown parameter", "TCP", "WARNING"):
        assert warning not in result.stderr + result.stdout, result.stderr
    printed = outputs(budget)
    # 9 986 042 340 / (766 * 60) = 217 276.8 tenge per complex-month, in the chapter's prose
    # (the scenario table prints it without the unit whatever the term)
    assert "217\u00a0277\u00a0тенге" in printed
    assert "ставке 16\u00a0%" in printed
    typo = papermill(
        paths.NOTEBOOKS_DIR / "05_budget_2026.ipynb", tmp_path / "x.ipynb", "-p", "discount_rat", 16
    )
    assert typo.returncode != 0
    assert "unknown parameter 'discount_rat'" in typo.stderr + typo.stdout
