"""The one build sequence: the build and the preview hand chapters the same file, the model's
reads are checked against the tables the fingerprints cover, and paths come from a project."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sergek_report import paths
from sergek_report.build import sequence
from sergek_report.errors import BuildError
from sergek_report.model import computed

ROOT = Path(__file__).resolve().parent.parent


def _digest(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_build_and_preview_hand_chapters_the_same_file(tmp_path, monkeypatch):
    handed: dict[str, str] = {}

    class NoKernels:
        def __init__(self, cwd, count):
            self.kernels = [None] * count

        def stop(self):
            pass

        def close(self):
            pass

    def stop_before_kernels(stale, parameters, staging, jobs, timeout, **_):
        for name, values in parameters.items():
            handed[name] = _digest(values["model_file"])
        return {name: {"ok": False, "error": "stopped", "cell_index": None} for name in parameters}

    monkeypatch.setattr(sequence, "WarmKernels", NoKernels)
    monkeypatch.setattr(sequence, "execute_on_warm_kernels", stop_before_kernels)
    with pytest.raises(BuildError, match="stopped"):
        sequence.build(build_root=tmp_path / "build", force=True)

    from sergek_report.preview.session import Preview

    session = Preview(None, build_root=tmp_path / "preview", port=0, jobs=1, timeout=60)
    try:
        inputs = session.read_inputs()
        _, stale = session.prepare(inputs)
    finally:
        session.server.server_close()
    previewed = {
        spec.name: _digest(sequence.handoff_file(session.handoff_dir, spec)) for spec in stale
    }
    assert len(handed) == len(inputs.chapters) == len(previewed)
    assert previewed == handed


def test_the_handoff_file_is_typed_versioned_and_readable(tmp_path):
    inputs = sequence.read_inputs()
    data = sequence.compute_model(inputs)
    spec = next(s for s in inputs.chapters if "peers" in s.tables)
    digests = sequence.write_handoff(data, [spec], tmp_path)
    path = sequence.handoff_file(tmp_path, spec)
    assert digests[spec.name] == _digest(path)
    header = computed.read_header(path)
    assert header["format"] == computed.HANDOFF_FORMAT
    assert header["version"] == computed.HANDOFF_VERSION
    assert set(header["tables"]) == {*spec.tables, "sources"}
    assert header["results"]["monthly_tariff"] == data.results.monthly_tariff
    assert header["edition_date"] == inputs.edition.edition_date.isoformat()
    again = computed.load_saved(path)
    assert again.results.monthly_tariff == data.results.monthly_tariff
    # A file of another version, or one whose payload changed, is not unpickled.
    content = path.read_bytes()
    first, _, payload = content.partition(b"\n")
    (tmp_path / "other.edition").write_bytes(
        first.replace(b'"version": 1', b'"version": 99') + b"\n" + payload
    )
    with pytest.raises(BuildError, match="version 99"):
        computed.load_saved(tmp_path / "other.edition")
    (tmp_path / "damaged.edition").write_bytes(content[:-10] + b"0" * 10)
    with pytest.raises(BuildError, match="damaged"):
        computed.load_saved(tmp_path / "damaged.edition")


HANDOFF_DIGEST = """
import hashlib
from sergek_report.build import sequence
from sergek_report.model import computed
inputs = sequence.read_inputs()
data = sequence.compute_model(inputs)
print(hashlib.sha256(computed.handoff_bytes(data)).hexdigest())
"""


def test_the_handoff_file_is_the_same_bytes_in_any_process():
    """This process (its string hashes randomly seeded) and another one seeded otherwise, whose
    files and caches are its own, write the same bytes."""
    inputs = sequence.read_inputs()
    here = hashlib.sha256(computed.handoff_bytes(sequence.compute_model(inputs))).hexdigest()
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    there = subprocess.run(
        [sys.executable, "-c", HANDOFF_DIGEST],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=os.environ | {"PYTHONHASHSEED": seed},
    ).stdout.strip()
    assert here == there


def test_a_model_read_outside_its_declared_tables_is_an_error(monkeypatch):
    from sergek_report.model import results

    original = results.compute

    def reads_peers_too(tables, assumptions):
        tables["peers"]  # a table the chapters' fingerprints do not cover for the model
        return original(tables, assumptions)

    monkeypatch.setattr(results, "compute", reads_peers_too)
    with pytest.raises(BuildError, match=r"the model read table\(s\) peers .*MODEL_TABLES"):
        sequence.compute_model(sequence.read_inputs())


def test_the_model_reads_only_what_the_fingerprints_cover():
    inputs = sequence.read_inputs()
    tables = computed.RecordedTables(
        __import__("sergek_report.inputs.datasets", fromlist=["load_all"]).load_all(
            inputs.data_dir, as_of=inputs.edition.edition_date
        )
    )
    from sergek_report.model import results
    from sergek_report.model.lookups import MODEL_TABLES

    results.compute(tables, inputs.edition.assumption_values())
    assert tables.read == set(MODEL_TABLES)


def _project(folder: Path) -> paths.Project:
    for name in ("params", "notebooks"):
        shutil.copytree(ROOT / name, folder / name)
    return paths.Project(folder)


def test_paths_resolve_from_an_explicit_project(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.PROJECT_ENV, raising=False)
    one, two = _project(tmp_path / "one"), _project(tmp_path / "two")
    for project in (one, two):
        inputs = sequence.read_inputs(project=project)
        assert inputs.edition.path == project.default_params.resolve()
        assert inputs.chapters_file == project.chapters_file
        assert inputs.data_dir == project.data_dir
        assert {s.notebook.parent for s in inputs.chapters} == {project.notebooks_dir}
        assert sequence.edition_dir(inputs.edition, project=project) == project.build_dir
        assert project.display(project.data_dir / "cpi.csv") == "data/cpi.csv"
    # Without a project, the working directory decides, at call time.
    monkeypatch.chdir(two.root / "notebooks")
    assert paths.current() == two
    assert paths.DATA_DIR == two.data_dir
    monkeypatch.chdir(one.root)
    assert paths.current() == one
    assert paths.DEFAULT_PARAMS == one.default_params
    # The environment variable (--project) comes first.
    monkeypatch.setenv(paths.PROJECT_ENV, str(two.root))
    assert paths.current() == two


def test_a_corrected_translation_runs_the_translated_chapters_again(tmp_path, monkeypatch):
    """The Kazakh chapters print the catalog's words (labels, table cells): their fingerprint
    includes the catalog, so a corrected translation is not left out of the next build. The
    Russian fingerprint does not depend on it."""
    from sergek_report import labels

    catalog = tmp_path / "report.po"
    catalog.write_bytes(labels.catalog_file("kk").read_bytes())
    monkeypatch.setattr(labels, "catalog_file", lambda language: catalog)
    inputs = sequence.read_inputs()
    russian = sequence.kernel_fingerprint(inputs)
    inputs.language = "kk"
    before = sequence.kernel_fingerprint(inputs)
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgstr "Терминдер сөздігі"', 'msgstr "Сөздік"'), "utf-8")
    assert catalog.read_text(encoding="utf-8") != text
    assert sequence.kernel_fingerprint(inputs) != before
    inputs.language = labels.SOURCE_LANGUAGE
    assert sequence.kernel_fingerprint(inputs) == russian


def test_a_new_edition_date_runs_every_chapter_again(tmp_path):
    """Every chapter prints the edition's date or reads results that depend on it (what has
    passed by the edition's date): a date changed alone leaves no chapter as it was. The
    date's printed text is test_build's, on the changed edition."""
    from sergek_report.inputs.edition import load_edition

    inputs = sequence.read_inputs()
    kernel = sequence.kernel_fingerprint(inputs)
    before = sequence.chapter_fingerprints(inputs.edition, inputs.chapters, inputs.data_dir, kernel)
    text = paths.DEFAULT_PARAMS.read_text(encoding="utf-8")
    assert text.count("value: 2026-12-04") == 1
    later = tmp_path / "later.yaml"
    later.write_text(text.replace("value: 2026-12-04", "value: 2026-12-05"), encoding="utf-8")
    edition = load_edition(later)
    assert edition.edition_date.isoformat() == "2026-12-05"
    after = sequence.chapter_fingerprints(edition, inputs.chapters, inputs.data_dir, kernel)
    assert len(before) == 8 and all(after[name] != before[name] for name in before)
    same = sequence.chapter_fingerprints(
        load_edition(paths.DEFAULT_PARAMS), inputs.chapters, inputs.data_dir, kernel
    )
    assert same == before
