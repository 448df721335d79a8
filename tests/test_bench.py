"""The benchmark's helpers (`make bench` itself is too slow for `make test`; nothing here
starts a kernel or a build). The benchmark is a script, tools/bench.py, not a module of the
package: it is loaded from its file."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from sergek_report import paths
from sergek_report.build.chapters import CHAPTER_PARAMETERS, declared_parameters, load_chapters

BENCH_FILE = Path(__file__).resolve().parent.parent / "tools" / "bench.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("sergek_bench", BENCH_FILE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look the module up by name
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def test_median_and_summary():
    assert bench.median([3.0]) == 3.0
    assert bench.median([5.0, 1.0, 3.0]) == 3.0
    assert bench.median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert bench.summarize([2.0, 9.0, 4.0]) == {
        "median": 4.0,
        "min": 2.0,
        "max": 9.0,
        "runs": [2.0, 9.0, 4.0],
    }
    with pytest.raises(ValueError):
        bench.median([])


def test_ratio():
    assert bench.ratio(90.0, 30.0) == 3.0
    assert bench.ratio(1.0, 0.0) == float("inf")


def goals(**overrides):
    measured = dict(
        cold_s=20.0, noop_s=0.2, one_table_s=8.0, plain_s=110.0, peak_mib=700.0, preview_s=0.7
    )
    measured.update(overrides)
    return {g["goal"]: g["passed"] for g in bench.evaluate_goals(**measured)}


def test_goals_pass_and_fail_at_their_limits():
    assert all(goals().values())
    verdicts = goals(plain_s=99.9, noop_s=0.3, one_table_s=10.01, peak_mib=1024.0, preview_s=1.01)
    assert not any(verdicts.values())
    # exactly 5x, exactly half, exactly a second: the goals say "at least" and "at most"
    assert all(goals(plain_s=100.0, one_table_s=10.0, preview_s=1.0).values())


def test_goal_texts_name_the_measured_values():
    texts = [
        g["measured"]
        for g in bench.evaluate_goals(
            cold_s=20.0, noop_s=0.2, one_table_s=8.0, plain_s=66.0, peak_mib=700.0
        )
    ]
    assert texts[0].startswith("3.30×")
    assert texts[1] == "0.20 s"
    assert texts[2].startswith("8.0 s = 0.40 × cold")
    assert texts[3] == "700 MiB"


def test_parse_meminfo():
    text = "MemTotal:       24684532 kB\nMemFree:        23621120 kB\n"
    assert bench.parse_meminfo(text) == 24684532 * 1024
    assert bench.parse_meminfo("nothing here") is None


def test_notebook_parameters_are_the_chapter_parameters(tmp_path):
    flat = bench.notebook_parameters(edition_file=tmp_path / "p.yaml", data_dir=tmp_path / "data")
    # no computed edition in the plain chain: each notebook computes the model itself
    assert flat == {
        "edition_file": str(tmp_path / "p.yaml"),
        "data_dir": str(tmp_path / "data"),
        "model_file": "",
    }


def test_flat_params_file_reads_back_unchanged(tmp_path):
    parameters = {
        "edition_file": str(tmp_path / "params" / "default.yaml"),
        "data_dir": str(tmp_path / "данные"),
        "model_file": "",
    }
    path = tmp_path / "params.yaml"
    bench.write_flat_params(path, parameters)
    # papermill -f reads the file with a safe YAML loader
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == parameters


def test_every_chapter_gets_its_declared_parameters_in_the_plain_chain(tmp_path):
    flat = bench.notebook_parameters(edition_file=paths.DEFAULT_PARAMS, data_dir=tmp_path)
    assert sorted(flat) == sorted(CHAPTER_PARAMETERS)
    for spec in load_chapters():
        # The chapter parameters; the assumptions listed after them keep the edition's values.
        declared = declared_parameters(spec.notebook)
        assert sorted(declared[: len(CHAPTER_PARAMETERS)]) == sorted(flat), spec.name
        assert not set(flat) & set(declared[len(CHAPTER_PARAMETERS) :]), spec.name
        path = tmp_path / f"{spec.notebook.stem}.yaml"
        bench.write_flat_params(path, flat)
        assert yaml.safe_load(path.read_text(encoding="utf-8")) == flat


def test_change_cell_changes_one_cell_and_keeps_the_rest():
    text = 'id,note,value\na,"one, two",1\nb,"say ""hi""",2\n'
    changed = bench.change_cell(text, "note", " [bench 1]")
    before = list(csv.reader(io.StringIO(text)))
    after = list(csv.reader(io.StringIO(changed)))
    assert after[1] == ["a", "one, two [bench 1]", "1"]
    assert after[0] == before[0] and after[2] == before[2]
    crlf = bench.change_cell(text.replace("\n", "\r\n"), "note", "!")
    assert crlf.count("\r\n") == 3


def test_the_changed_table_is_read_by_one_chapter_only():
    readers = bench.chapters_reading(load_chapters(), bench.CHANGED_TABLE)
    assert readers == ["06_comparisons.ipynb"]


def test_the_changed_table_stays_valid(tmp_path):
    from sergek_report.inputs import datasets

    data_dir = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data_dir)
    table = data_dir / f"{bench.CHANGED_TABLE}.csv"
    original = table.read_text(encoding="utf-8")
    table.write_text(
        bench.change_cell(original, bench.CHANGED_COLUMN, " [bench 1]"), encoding="utf-8"
    )
    frame = datasets.load_table(bench.CHANGED_TABLE, data_dir=data_dir)
    assert frame[bench.CHANGED_COLUMN].iloc[0].endswith(" [bench 1]")


def test_build_phases_split_the_wall_time():
    payload = {
        "t_imported": 100.5,
        "t_done": 120.0,
        "log": [
            [101.0, "executing 2 notebook(s) with 2 worker(s): a.ipynb, b.ipynb"],
            [105.0, "  a.ipynb: 3.5 s"],
            [108.0, "  b.ipynb: 4.0 s"],
            [119.5, "wrote build/report.pdf (31 pages), report.html, metrics.json"],
        ],
    }
    split = bench.build_phases(100.0, 121.0, payload)
    assert split["notebook_seconds"] == {"a.ipynb": 3.5, "b.ipynb": 4.0}
    assert split["phases"] == pytest.approx(
        {"startup_and_imports": 0.5, "prepare": 0.5, "execute": 7.0, "render": 11.5, "exit": 1.0}
    )
    noop = bench.build_phases(100.0, 100.3, {"t_imported": 100.1, "t_done": 100.25, "log": []})
    assert noop["phases"] == pytest.approx(
        {"startup_and_imports": 0.1, "check": 0.15, "exit": 0.05}
    )


def test_report_prints_every_measurement_and_verdict():
    timing = bench.summarize([1.0])
    memory = bench.summarize([500.0])
    results = {
        "cold": {
            **bench.summarize([20.0]),
            "peak_rss_mib": memory,
            "peak_pss_mib": memory,
            "phases": {"execute": 10.0},
            "notebook_seconds": {"a.ipynb": 3.0},
            "pages": 31,
        },
        "noop": {**timing, "phases": {}, "valid": True},
        "one_table": {
            **bench.summarize([15.0]),
            "phases": {},
            "table": "peers.csv",
            "expected": ["06_comparisons.ipynb"],
            "valid": False,
        },
        "plain": {
            **bench.summarize([50.0]),
            "peak_rss_mib": memory,
            "peak_pss_mib": memory,
            "tools": {"papermill": 30.0},
            "notebooks": 7,
        },
        "preview": {**bench.summarize([0.8]), "start_s": 14.0, "notebook": "02.ipynb"},
        "speedup": 2.5,
        "goals": bench.evaluate_goals(
            cold_s=20.0, noop_s=1.0, one_table_s=15.0, plain_s=50.0, peak_mib=500.0,
            preview_s=0.8,
        ),
    }  # fmt: skip
    machine = {
        "cores": 2,
        "usable_cores": 2,
        "memory_gib": 23.5,
        "cpu_model": "",
        "python": "3.11.7",
        "platform": "Linux",
    }
    text = bench.format_report(machine, {"runs": 1, "params": "params/default.yaml"}, results)
    for label in ("(a) cold", "(b) no-op", "(c) peers.csv", "(d) plain", "(e) make preview"):
        assert label in text
    assert "2.50×" in text and "edit → refreshed HTML ≤ 1 s: 0.80 s" in text
    assert text.count("FAIL") == 3 and text.count("PASS") == 2
    assert "WARNING: the one-table rebuild" in text


def test_edit_markdown_changes_one_cell(tmp_path):
    notebook = tmp_path / "n.ipynb"
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "# Title"},
        {"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": []},
        {"cell_type": "markdown", "metadata": {}, "source": ["Text ", "here."]},
    ]
    notebook.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    bench.edit_markdown(notebook, " [bench 1]")
    after = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assert after[2]["source"] == "Text here. [bench 1]"
    assert after[:2] == cells[:2]


def test_runs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        bench.main(["--runs", "0"])
    assert "--runs must be at least 1" in capsys.readouterr().err


def test_only_a_kernel_port_race_counts_as_transient():
    assert bench.is_transient("zmq.error.ZMQError: Address already in use (addr='tcp://…')")
    assert bench.is_transient("RuntimeError: Kernel died before replying to kernel_info")
    assert not bench.is_transient(
        "error: BuildError: 05_budget_2026.ipynb failed in cell 4: KeyError"
    )


def test_the_suite_timing_prints_each_run_and_the_spread():
    runs = [
        {"wall_s": 120.0, "cpu_s": 230.0, "user_s": 210.0, "system_s": 20.0}
        | {"load_before": [0.5, 1.0, 1.0], "load_after": [2.0, 1.5, 1.1], "exit": 0}
        | {"summary": "816 passed in 119.00s (0:01:59)"},
        {"wall_s": 130.0, "cpu_s": 240.0, "user_s": 218.0, "system_s": 22.0}
        | {"load_before": [2.0, 1.5, 1.1], "load_after": [2.1, 1.6, 1.2], "exit": 0}
        | {"summary": "816 passed in 129.00s (0:02:09)"},
    ]
    text = bench.format_suite(runs)
    assert "| 1 | 120.0 | 230.0 | 210.0 | 20.0 | [0.5, 1.0, 1.0] → [2.0, 1.5, 1.1] |" in text
    assert "816 passed in 129.00s" in text
    assert "wall: median 125.0 s, min 120.0 s, max 130.0 s" in text
    assert "CPU: median 235.0 s, min 230.0 s, max 240.0 s" in text


def test_a_grown_table_keeps_its_keys_unique_and_loads(tmp_path):
    """(f), the large tables (the memory goal a timed test held before): the rows the
    benchmark grows keep a unique key and pass the tables' validation (it loads 100 000 of
    each; 2 000 here, in this process)."""
    from sergek_report.inputs import datasets

    for table in bench.SCALE_TABLES:
        data = tmp_path / table
        shutil.copytree(paths.DATA_DIR, data)
        path = data / f"{table}.csv"
        grown = bench.scaled_table(path.read_text(encoding="utf-8"), table, 2_000)
        path.write_text(grown, encoding="utf-8")
        assert len(datasets.load_table(table, data)) == 2_000


def test_the_large_tables_goal_fails_on_memory_or_lost_rows():
    measured = {"cold_s": 10.0, "noop_s": 0.1, "one_table_s": 2.0, "plain_s": 100.0}

    def goal(rows: int, extra_mib: float) -> dict:
        scale = {"peers": {"rows": rows, "seconds": 1.5, "extra_mib": extra_mib}}
        goals = bench.evaluate_goals(**measured, peak_mib=500.0, scale=scale)
        return next(g for g in goals if "peers.csv" in g["goal"])

    assert goal(100_000, 300.0)["passed"]
    assert goal(100_000, 300.0)["measured"] == "100,000 rows in 1.5 s, +300 MiB"
    assert not goal(100_000, 700.0)["passed"]  # the limit itself fails
    assert not goal(99_999, 300.0)["passed"]  # a row lost on the way
