"""Hostile cases of issue 19: an edition that never vanishes, values read as written, and
one paragraph naming the file for each failure. Unit-level: no kernel starts here."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sergek_report import paths
from sergek_report.build import editions
from sergek_report.build.changes import changes_block, compare
from sergek_report.errors import BuildError, ParameterError, ReportError
from sergek_report.inputs.edition import load_edition

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = paths.DEFAULT_PARAMS
FILES = {"report.pdf": b"%PDF one", "report.html": b"<html>one", "metrics.json": b"{}"}


def text_of(html: str) -> str:
    return " ".join(html.replace("\u00a0", " ").replace("\u202f", " ").split())


# -- 3. republishing the same edition id ----------------------------------------------------


def test_republishing_the_same_fingerprint_never_rewrites_the_live_folder(tmp_path):
    editions.switch_live_edition(tmp_path, FILES, "a" * 64)
    first = editions.live_folder(tmp_path)
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF one"
    # Same bytes again (--force, two builds of the same inputs): a no-op, same folder.
    editions.switch_live_edition(tmp_path, FILES, "a" * 64)
    assert editions.live_folder(tmp_path) == first
    # Same fingerprint, other bytes: a new folder, switched to; the old one removed after.
    changed = FILES | {"report.pdf": b"%PDF two"}
    editions.switch_live_edition(tmp_path, changed, "a" * 64)
    second = editions.live_folder(tmp_path)
    assert second != first and not first.exists()
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF two"
    assert editions.live_edition_problem(tmp_path) is None


def test_the_live_folder_survives_a_publication_killed_before_its_switch(tmp_path, monkeypatch):
    editions.switch_live_edition(tmp_path, FILES, "b" * 64)
    live = editions.live_folder(tmp_path)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # the moment kill -9 used to hit: folder written, no switch

    monkeypatch.setattr(editions.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        editions.switch_live_edition(tmp_path, FILES | {"report.pdf": b"%PDF new"}, "b" * 64)
    monkeypatch.undo()
    assert editions.live_folder(tmp_path) == live
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF one"
    editions.clean_leftovers(tmp_path)  # the next start: the half publication goes
    assert list((tmp_path / ".editions").iterdir()) == [live]


def test_published_files_are_read_only(tmp_path):
    editions.switch_live_edition(tmp_path, FILES, "c" * 64)
    for name in FILES:
        assert not os.stat(tmp_path / name).st_mode & 0o222


def test_leftovers_of_a_running_build_are_kept_those_of_a_dead_one_removed(tmp_path):
    mine = tmp_path / f".staging-{os.getpid()}-xyz"
    other = 1  # a process that is always running: another build's pid
    dead = tmp_path / ".staging-999999999-xyz"
    mine.mkdir()
    dead.mkdir()
    (tmp_path / ".editions" / f"{'d' * 16}-{other}-abc").mkdir(parents=True)
    editions.clean_leftovers(tmp_path)
    assert mine.is_dir() and not dead.exists()
    assert len(list((tmp_path / ".editions").iterdir())) == 1


def test_a_second_build_of_the_same_folder_waits_for_the_first(tmp_path):
    # Each process holds the lock until a line arrives on its stdin: the first lets go only
    # once the second has said it is waiting (no sleeps, no race on a slow machine).
    script = (
        "import sys; from pathlib import Path; from sergek_report.build import editions\n"
        "with editions.build_lock(Path(sys.argv[1])):\n    print('in', flush=True)\n"
        "    sys.stdin.readline()\n"
    )

    def start():
        return subprocess.Popen(
            [sys.executable, "-c", script, str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    first = start()
    assert first.stdout.readline().strip() == "in"
    second = start()
    # Without a lock the second would print "in" and wait: never block on its stderr then.
    ready, _, _ = select.select([second.stderr, second.stdout], [], [], 30)
    assert ready == [second.stderr], "the second build did not wait for the first"
    said = second.stderr.readline()
    assert "another build of" in said and "waiting" in said, said
    first.communicate("go\n", timeout=30)
    out, _ = second.communicate("go\n", timeout=30)
    assert out.strip() == "in"


# -- 5. the "unchanged" message checks what it claims ---------------------------------------


def test_unchanged_is_said_only_of_an_intact_live_edition(tmp_path):
    editions.switch_live_edition(tmp_path, FILES, "e" * 64)
    assert "is unchanged" in editions.unchanged_sentence(tmp_path)
    # A chapter (as root, read-only is no protection) writes through the link:
    target = (tmp_path / "report.html").resolve()
    target.chmod(0o644)
    target.write_bytes(b"<html>defaced")
    sentence = editions.unchanged_sentence(tmp_path)
    assert "is unchanged" not in sentence
    assert "report.html was changed after it was published" in sentence
    (tmp_path / "report.html").unlink()
    assert "report.html is missing" in editions.unchanged_sentence(tmp_path)
    assert "holds no report yet" in editions.unchanged_sentence(tmp_path / "never-built")


def test_a_damaged_executed_notebook_is_discarded_and_rebuilt(tmp_path):
    notebook = tmp_path / "01_summary.ipynb"
    notebook.write_text('{"cells": [', encoding="utf-8")
    assert editions.executed_is_readable(notebook) is False
    assert not notebook.exists()
    notebook.write_text('{"cells": []}', encoding="utf-8")
    assert editions.executed_is_readable(notebook) is True


# -- 4. the changes block and the published baseline ----------------------------------------


def metric(value=1.0):
    return {"name": "a", "label": "Показатель", "value": value, "unit": "АПК", "basis": "x"}


def test_the_same_edition_as_the_baseline_is_not_a_first_edition():
    current = {"edition_date": "2026-11-28", "metrics": [metric()], "inputs": {}, "params": {}}
    html = text_of(changes_block(current, dict(current)))
    assert "Первый выпуск" not in html
    assert "редакцией от 28 ноября 2026 г. ни один ключевой показатель" in html


def test_a_missing_baseline_is_said_not_called_a_first_edition(tmp_path):
    baseline = editions.read_baseline(tmp_path / "metrics.json")
    assert baseline == {"missing": str(tmp_path / "metrics.json")}
    assert compare({"metrics": [metric()]}, baseline)["first_edition"] is False
    html = changes_block({"metrics": [metric()]}, baseline)
    assert "Первый выпуск" not in html and "не найдены" in html


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"edition_date": 0, "metrics": []}, "edition_date is 0; expected a date"),
        ({"edition_date": "1745-01-01", "metrics": []}, "not a plausible edition date"),
        ({"metrics": [metric("1,5")]}, "metrics[1] (a) value is '1,5'; expected a number"),
        ({"metrics": [metric(None)]}, "value is None; expected a number"),
        ({"metrics": [metric(True)]}, "value is True; expected a number"),
        ({"metrics": [metric() | {"label": 5}]}, "metrics[1].label is 5; expected text"),
        ({"metrics": [], "inputs": []}, "'inputs' is list; expected an object"),
        ({"metrics": [], "params": "x"}, "'params' is str; expected an object"),
    ],
)
def test_a_wrongly_typed_baseline_is_named_with_the_field(tmp_path, payload, expected):
    baseline = tmp_path / "metrics.json"
    baseline.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        editions.read_baseline(baseline)
    assert str(err.value).startswith(f"{baseline}: ") and expected in str(err.value)


def test_a_huge_number_or_a_folder_as_baseline_is_named(tmp_path):
    baseline = tmp_path / "metrics.json"
    baseline.write_text('{"metrics": [{"name": "a", "label": "b", "unit": "c", "value": 1e999}]}')
    with pytest.raises(BuildError, match="value inf is not a finite number"):
        editions.read_baseline(baseline)
    baseline.unlink()
    baseline.mkdir()
    with pytest.raises(BuildError, match="metrics.json: expected the JSON file .* found a folder"):
        editions.read_baseline(baseline)


# -- 6, 8, 9. values read as written --------------------------------------------------------


def scenario(tmp_path, name: str, value: str, key: str = "service_term_months") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(
        f"extends: {DEFAULT}\nassumptions:\n  {key}:\n    value: {value}\n", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("075", "'075' has a leading zero (YAML 1.1 reads it as the octal number 61); write 75"),
        ("0x4B", "in another base"),
        ("7_5", "'_' digit separators"),
        ("1:15", "base-60"),
        ("9" * 401, "a number of 401 digits is too large"),
        (".inf", "is not a finite number"),
        (".nan", "is not a finite number"),
        ("1e400", "is too large for a parameter"),
        ("!!python/object/apply:os.system ['true']", "is not allowed; a parameter file holds"),
    ],
)
def test_a_value_yaml_11_would_change_is_an_error_with_the_reason(tmp_path, value, expected):
    path = scenario(tmp_path, "hostile", value)
    with pytest.raises(ParameterError) as err:
        load_edition(path)
    message = str(err.value)
    assert message.startswith(f"{path}, line 4: ") and expected in message
    assert "\n" not in message


def test_yaml_12_numbers_are_read_as_written(tmp_path):
    assert (
        load_edition(scenario(tmp_path, "plain", "75")).assumptions["service_term_months"].value
        == 75
    )
    rate = load_edition(scenario(tmp_path, "exp", "1.6e1", "discount_rate"))
    assert rate.assumptions["discount_rate"].value == 16.0  # YAML 1.1 read 1.6e1 as text


def test_a_long_extends_chain_is_one_paragraph(tmp_path):
    for i in range(40):
        following = f"c{i + 1}.yaml" if i < 39 else str(DEFAULT)
        (tmp_path / f"c{i}.yaml").write_text(f"extends: {following}\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"c0.yaml: `extends` goes through more than 16"):
        load_edition(tmp_path / "c0.yaml")


def test_extends_through_a_symlink_stays_inside_params(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    (outside / "x.yaml").write_text("extends: secret.yaml\n", encoding="utf-8")
    link = paths.PARAMS_DIR / "hostile-19-link.yaml"
    link.symlink_to(outside / "x.yaml")
    try:
        with pytest.raises(ParameterError) as err:
            load_edition(link)
    finally:
        link.unlink()
    assert "secret.yaml" in str(err.value) and "not found" in str(err.value)


# -- 6. command-line options ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--cell-timeout", "0"], "--cell-timeout 0: expected seconds from 1 to 86400"),
        (["--cell-timeout", "-5"], "--cell-timeout -5: expected seconds from 1 to 86400"),
        (["--jobs", "0"], "--jobs 0: expected notebooks in parallel from 1 to 64"),
        (["--jobs", "two"], "--jobs 'two': expected a whole number"),
    ],
)
def test_command_line_options_are_validated(args, expected):
    result = subprocess.run(
        [sys.executable, "-m", "sergek_report", "build", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and expected in result.stderr


def test_the_build_api_rejects_a_timeout_below_one_second(tmp_path):
    from sergek_report.build.sequence import build

    for bad in (0, -5):
        with pytest.raises(BuildError, match=f"cell timeout {bad}: expected a whole number"):
            build(DEFAULT, build_root=tmp_path / "b", timeout=bad)


# -- 7. edition names unique ----------------------------------------------------------------


def test_two_parameter_files_of_the_same_name_are_refused(tmp_path):
    params = tmp_path / "params"
    (params / "scenarios").mkdir(parents=True)
    (params / "high_inflation.yaml").write_text("x", encoding="utf-8")
    (params / "scenarios" / "high_inflation.yaml").write_text("x", encoding="utf-8")
    out = tmp_path / "build" / "high_inflation"
    out.mkdir(parents=True)
    with pytest.raises(BuildError, match="would both publish to .*rename one of them"):
        editions.claim_edition_folder(out, params / "high_inflation.yaml", params)


def test_a_build_folder_refuses_another_edition_of_the_same_name(tmp_path):
    first, second = tmp_path / "a" / "x.yaml", tmp_path / "b" / "x.yaml"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text("x", encoding="utf-8")
    out = tmp_path / "build"
    out.mkdir()
    editions.claim_edition_folder(out, first, tmp_path / "params")
    editions.claim_edition_folder(out, first, tmp_path / "params")  # the same one again: fine
    with pytest.raises(BuildError, match="holds the edition of .*a/x.yaml"):
        editions.claim_edition_folder(out, second, tmp_path / "params")


# -- 1. the edition date is part of every chapter's fingerprint -----------------------------


def test_the_edition_date_changes_the_chapters_fingerprints(tmp_path):
    from sergek_report.build.chapters import load_chapters
    from sergek_report.build.sequence import chapter_fingerprints

    chapters = load_chapters(paths.CHAPTERS_FILE)
    text = DEFAULT.read_text(encoding="utf-8")
    later = tmp_path / "default.yaml"
    later.write_text(text.replace("value: 2026-12-04", "value: 2026-12-05"), encoding="utf-8")
    before = chapter_fingerprints(load_edition(DEFAULT), chapters, paths.DATA_DIR, "k")
    after = chapter_fingerprints(load_edition(later), chapters, paths.DATA_DIR, "k")
    summary = "01_summary.ipynb"
    assert before[summary] != after[summary]  # a deadline «…, и этот срок прошёл» depends on it


# -- 2. one quantity, two tables: the loader checks that they agree -------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "contract.csv",
            "в период продления,350,",
            "в период продления,400,",
            'deployment.csv, line 10, column "complexes": expected 2041, the rows '
            "`complexes_in_operation` + `additional_complexes`",
        ),
        (
            "deployment.csv",
            "2026-03-01,1991,",
            "2026-03-01,2100,",
            'deployment.csv, line 10, column "complexes": expected 1991',
        ),
        (
            "contract.csv",
            "2026-12-31,date,reported,inform_2025_12_31,однократное",
            "2027-06-30,date,reported,inform_2025_12_31,однократное",
            'contract.csv, line 6, column "value_date": expected 2026-12-31, `contract_expiry` '
            "plus `extension_years` years",
        ),
    ],
)
def test_a_quantity_stated_in_two_places_must_agree(tmp_path, file, old, new, expected):
    import shutil

    from sergek_report.inputs.datasets import load_tables

    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    text = (data / file).read_text(encoding="utf-8")
    assert old in text
    (data / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReportError) as err:
        load_tables(["sources", "contract", "deployment"], data_dir=data)
    message = str(err.value)
    assert expected in message and "contract.csv" in message and "\n" not in message


# -- 9. a timed-out cell in the preview names the timeout ----------------------------------


def test_a_timed_out_cell_with_its_source_names_the_timeout():
    from sergek_report.build.chapters import load_chapters
    from sergek_report.build.execute import describe_failure

    spec = load_chapters(paths.CHAPTERS_FILE)[0]
    outcome = {"ok": False, "timeout": True, "timeout_s": 7, "error": "", "cell_index": 5}
    message = describe_failure(spec, outcome | {"source": "import time"}, "build/failed/x")
    assert "('import time'…): no result within the cell timeout of 7 s" in message
    assert ": ." not in message


# -- 9. plausible dates, junk bytes in a header ---------------------------------------------


def _deployment_with(tmp_path, first_line_edit=None, header=None) -> Path:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    raw = (data / "deployment.csv").read_bytes()
    head, rest = raw.split(b"\n", 1)
    if header is not None:
        head = header
    if first_line_edit is not None:
        rest = rest.replace(*first_line_edit, 1)
    (data / "deployment.csv").write_bytes(head + b"\n" + rest)
    return data


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (b"2010", 'line 2, column "date": expected a date not before 2015-01-01'),
        (b"1745", "the year 1745 is outside 1900–2100: a typo?"),
        (b"2262", "the year 2262 is outside 1900–2100: a typo?"),
        (b"9999", "the year 9999 is outside 1900–2100: a typo?"),
    ],
)
def test_an_implausible_date_is_named_with_the_reason(tmp_path, year, expected):
    from sergek_report.inputs.datasets import load_tables

    data = _deployment_with(tmp_path, (b"2019-04-01,10,", year + b"-04-01,10,"))
    with pytest.raises(ReportError) as err:
        load_tables(["sources", "deployment"], data_dir=data)
    assert "deployment.csv" in str(err.value) and expected in str(err.value)


def test_junk_bytes_in_a_header_are_not_quoted_as_a_column_name(tmp_path):
    from sergek_report.inputs.datasets import load_tables

    header = b"date,compl\xff\xfe\x01exes,counted,intersections,linear,status,source_id,note"
    data = _deployment_with(tmp_path, header=header)
    with pytest.raises(ReportError) as err:
        load_tables(["sources", "deployment"], data_dir=data)
    message = str(err.value)
    assert "deployment.csv, line 1: expected UTF-8 text" in message and "0xff" in message
    assert "\ufffd" not in message and 'column "' not in message


# -- 2. a figure in a rationale is read from its table --------------------------------------


def test_a_rationale_quotes_the_table_not_a_typed_figure(tmp_path):
    from sergek_report.model.computed import compute_edition
    from tests.conftest import data_with

    data = data_with(tmp_path, "cpi.csv", "2025,dec_dec,12.3,", "2025,dec_dec,15.0,")
    edition = compute_edition(DEFAULT, data).edition
    rationale = edition.assumptions["inflation_2026"].rationale
    assert "на уровне 2025 года (15\u00a0%)" in rationale and "12,3" not in rationale
    assert "(20,3\u00a0%)" in rationale  # the 2022 figure, from the same table
    label = edition.assumptions["new_complexes_in_service"].label
    assert label.startswith("Доля 350 новых комплексов")


def test_a_reference_that_matches_no_row_is_named(tmp_path):
    from sergek_report.inputs.datasets import load_all
    from sergek_report.inputs.edition import resolve_references

    path = tmp_path / "ref.yaml"
    path.write_text(
        f"extends: {DEFAULT}\nassumptions:\n  inflation_2026:\n    rationale: "
        "'see {cpi.percent[year=2030,measure=dec_dec]} %'\n",
        encoding="utf-8",
    )
    with pytest.raises(ParameterError) as err:
        resolve_references(load_edition(path), load_all(paths.DATA_DIR))
    assert str(err.value).startswith(f"{path}: assumptions.inflation_2026.rationale: ")
    assert "matches 0 rows of data/cpi.csv; expected exactly one row" in str(err.value)


# Figures in params/*.yaml texts that equal a table cell by coincidence, not by quotation.
COINCIDENCES = {
    ("service_term_months", "60"),  # the range of the term, months
    ("cpi_2024_dec_dec", "8,4"),  # derived from a 2025 statement, not cpi.csv's 2021 row
    ("discount_rate", "10"),  # «с 10 октября»: a day of the month
    ("procurement_lead_days", "10"),
    ("procurement_lead_days", "60"),
    ("replacement_capex_per_complex", "13"),  # «около 13 млн тенге»: the authors' estimate
    ("equipment_purchase_date", "10"),  # «от 10 до 60 дней»: the procurement law's range
    ("equipment_purchase_date", "60"),
}


def test_no_parameter_text_types_a_figure_a_table_states():
    """A label or rationale that types a table's figure goes stale when the table changes:
    it must quote it as {table.column[key=value]} (the loader replaces it)."""
    import re

    import yaml

    from sergek_report.inputs.datasets import load_all

    tables = load_all(paths.DATA_DIR)
    cells = {
        round(float(v), 4)
        for frame in tables.values()
        for column in frame.columns
        if frame[column].dtype.kind in "fi"
        for v in frame[column].dropna()
    }
    typed = []
    for path in sorted(paths.PARAMS_DIR.rglob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, entry in (raw.get("assumptions") or {}).items():
            for field in ("label", "short_label", "rationale"):
                text = re.sub(r"\{[^}]*\}", "", str(entry.get(field) or ""))
                for m in re.finditer(r"(?<![\d,])(\d+)(?:,(\d+))?(?![\d])", text):
                    number = float(m.group(1) + ("." + m.group(2) if m.group(2) else ""))
                    year = 1990 <= number <= 2100 and not m.group(2)
                    if year or number < 10 or number not in cells:
                        continue
                    if (name, m.group(0)) not in COINCIDENCES:
                        typed.append(f"{path.name}: {name}.{field}: {m.group(0)}")
    assert typed == []


# -- 9. a read-only build folder, as a user who cannot write it ------------------------------


def _as_a_user_who_cannot_write() -> list[str] | None:
    """The command prefix that runs the CLI as a non-root user: nothing when the tests run
    as one; as root, `setpriv` to nobody keeping only the right to read every file (the
    interpreter may live under /root), never the right to write; None when neither works."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    prefix += ["--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import os, sergek_report; print(os.geteuid())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return prefix if probe.returncode == 0 and probe.stdout.strip() == "65534" else None


@pytest.mark.parametrize("held", ["nothing", "a report"])
@pytest.mark.parametrize("target", ["build", "build/x"])
def test_a_read_only_build_folder_is_one_paragraph_as_a_user(held, target):
    prefix = _as_a_user_who_cannot_write()
    if prefix is None:
        pytest.skip("cannot run the command line as a user without write access here")
    # a folder every user can reach (pytest's tmp_path is private to its owner)
    base = Path(tempfile.mkdtemp(prefix="sergek-read-only-"))
    try:
        base.chmod(0o755)
        folder = base / "build"
        folder.mkdir()
        if held == "a report":
            for name, content in FILES.items():
                (folder / name).write_bytes(content)
        folder.chmod(0o555)
        result = subprocess.run(
            [*prefix, "env", f"HOME={base}", sys.executable, "-m", "sergek_report", "build"]
            + ["--build-root", str(base / target)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and "File exists" not in result.stderr
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
        line = lines[0]
        assert "Permission denied" in line and "make the folder writable" in line
        assert str(base / target) in line
        if held == "a report" and target == "build":
            assert f"the last good report in {folder}/ is unchanged" in line
        else:
            assert "holds no report yet" in line
        for name, content in FILES.items():  # what was there is intact
            if held == "a report":
                assert (folder / name).read_bytes() == content
        assert sorted(p.name for p in folder.iterdir()) == (
            sorted(FILES) if held == "a report" else []
        )
    finally:
        for sub in (base, *base.rglob("*")):
            if sub.is_dir():
                sub.chmod(0o755)
        shutil.rmtree(base)
