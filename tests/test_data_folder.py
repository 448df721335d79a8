"""The whole data/ folder: load_all, data_digest, the generated data dictionary, and scale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_datasets import DATA, assert_names

from sergek_report import errors
from sergek_report.inputs import datasets, dictionary
from sergek_report.inputs.tables import AGREEMENTS, TABLES

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def folder_error(data_dir: Path) -> errors.DataValidationError:
    with pytest.raises(errors.DataValidationError) as info:
        datasets.load_all(data_dir)
    return info.value


# --- load_all -----------------------------------------------------------------------------


def test_load_all_returns_every_declared_table():
    tables = datasets.load_all(DATA, as_of="2026-12-03")
    assert list(tables) == list(TABLES)
    assert all(len(frame) > 0 for frame in tables.values())


def test_load_all_validates_a_table_no_chapter_reads(data_dir):
    path = data_dir / "base_rate.csv"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("18.0")].count("\n") + 1
    path.write_text(text.replace("18.0", "junk", 1), encoding="utf-8")
    assert_names(folder_error(data_dir), "base_rate", line, "percent")


def test_load_all_rejects_a_missing_table(data_dir):
    (data_dir / "base_rate.csv").unlink()
    err = folder_error(data_dir)
    assert_names(err, "base_rate", None, None)
    assert err.rule == "file"
    assert "no such file" in str(err) and "valid_from, percent, status, source_id" in str(err)


@pytest.mark.parametrize("name", ["cpi_old.csv", "Cpi.csv", "notes.CSV"])
def test_load_all_rejects_an_undeclared_csv_file(data_dir, name):
    shutil.copy(data_dir / "cpi.csv", data_dir / name)
    err = folder_error(data_dir)
    assert err.rule == "declared_table" and err.row is None and err.column is None
    assert err.file.endswith(f"data/{name}") and f"data/{name}:" in str(err)
    assert "cpi.csv" in str(err) and "\n" not in str(err)


def test_load_all_ignores_other_files(data_dir):
    (data_dir / "notes.txt").write_text("scratch", encoding="utf-8")
    (data_dir / "archive").mkdir()
    (data_dir / "archive" / "old.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert list(datasets.load_all(data_dir)) == list(TABLES)


def test_load_all_rejects_a_missing_folder(tmp_path):
    err = folder_error(tmp_path / "nowhere")
    assert "no such folder" in str(err)


def test_the_real_data_satisfies_every_agreement():
    tables = datasets.load_all(DATA)
    contract = tables["contract"].set_index("item")["value"]
    deployment = tables["deployment"]
    observed = deployment[deployment["status"] != "planned"]
    assert contract["complexes_in_operation"] == observed["complexes"].iloc[-1] == 1641
    assert {a.table for a in AGREEMENTS} <= set(TABLES)


# --- data_digest --------------------------------------------------------------------------


def test_digest_is_stable_and_sees_every_change(data_dir):
    first = datasets.data_digest(data_dir)
    assert first == datasets.data_digest(data_dir) and len(first) == 64
    seen = {first}
    cpi = data_dir / "cpi.csv"
    cpi.write_bytes(cpi.read_bytes() + b"\n")  # one blank line
    seen.add(datasets.data_digest(data_dir))
    (data_dir / "README.md").write_text("changed", encoding="utf-8")
    seen.add(datasets.data_digest(data_dir))
    (data_dir / "cpi.csv").rename(data_dir / "cpi2.csv")
    seen.add(datasets.data_digest(data_dir))
    (data_dir / "sub").mkdir()
    (data_dir / "sub" / "x.csv").write_text("", encoding="utf-8")
    seen.add(datasets.data_digest(data_dir))
    assert len(seen) == 5


def test_digest_does_not_depend_on_the_folder_path(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b" / "c"
    shutil.copytree(DATA, a)
    shutil.copytree(DATA, b)
    assert datasets.data_digest(a) == datasets.data_digest(b)


# --- the data dictionary ------------------------------------------------------------------


def test_readme_column_tables_agree_with_the_declarations():
    problems = dictionary.readme_differences(DATA / "README.md")
    assert not problems, (
        f"{problems}: run `python -m sergek_report.inputs.datasets --write-readme` and commit"
    )


def test_readme_check_notices_a_hand_edit(tmp_path):
    readme = tmp_path / "README.md"
    text = (DATA / "README.md").read_text(encoding="utf-8")
    readme.write_text(text.replace("| the МРП |", "| the MRP |"), encoding="utf-8")
    differences = dictionary.readme_differences(readme)
    assert differences == ["the columns of 'mrp' differ from the declarations"]
    assert dictionary.write_readme(readme) is True
    assert readme.read_text(encoding="utf-8") == text


def test_every_column_is_documented():
    for spec in TABLES.values():
        for f in spec.fields:
            assert f.doc, f"{spec.name}.{f.name} has no meaning for data/README.md"
        assert f"| **{spec.key[0]}** |" in dictionary.columns_markdown(spec)


def test_nothing_refers_to_the_dropped_contract_document():
    assert not (ROOT / "docs" / "data-contract.md").exists()
    assert "data-contract" not in (DATA / "README.md").read_text(encoding="utf-8")


def test_options_and_risks_refer_to_each_other():
    from sergek_report.inputs.datasets import load_tables

    tables = load_tables(None, data_dir=DATA)
    options = set(tables["options"]["option_id"])
    risks = set(tables["risks"]["risk_id"])
    for cell in tables["options"]["main_risks"]:
        assert set(cell.split(";")) <= risks, cell
    for cell in tables["risks"]["related_options"]:
        assert set(cell.split(";")) <= options, cell


def test_every_table_has_a_russian_title_for_the_report():
    """The changes block names a changed table by its title, never by its file name."""
    for name, spec in TABLES.items():
        assert spec.title and not any("a" <= c <= "z" for c in spec.title.lower()), name
