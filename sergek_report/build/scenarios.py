"""Scenario editions: one report per params/scenarios/*.yaml, plus a one-page comparison."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sergek_report import labels as L
from sergek_report import paths
from sergek_report.build.sequence import build
from sergek_report.chapter import fmt
from sergek_report.chapter.units import quantity
from sergek_report.inputs.edition import load_edition, resolve_references


def scenarios_dir(project: paths.Project | None = None) -> Path:
    return (project or paths.current()).params_dir / "scenarios"


def scenario_files(project: paths.Project | None = None) -> list[Path]:
    return sorted(scenarios_dir(project).glob("*.yaml"))


def build_scenarios(
    jobs: int | None = None,
    build_root: Path | None = None,
    project: paths.Project | None = None,
) -> Path:
    project = project or paths.current()
    root = Path(build_root or project.build_dir) / "scenarios"
    editions = {}
    for path in scenario_files(project):
        result = build(path, build_root=root, jobs=jobs, project=project)
        editions[path.stem] = json.loads((result.out_dir / "metrics.json").read_text("utf-8"))
    page = comparison_html(editions, project)
    (root / "comparison.html").write_text(page, encoding="utf-8")
    from sergek_report.build.render import html_to_pdf

    tmp = root / ".comparison.pdf.tmp"
    tmp.write_bytes(html_to_pdf(page))
    os.replace(tmp, root / "comparison.pdf")
    print(f"scenarios: wrote {paths.display_path(root)}/comparison.pdf and one report per scenario")
    return root


def comparison_html(editions: dict[str, dict], project: paths.Project | None = None) -> str:
    """One page: key figures (rows) by scenario (columns), and how each scenario differs from
    the default edition, in the report's own labels and formatting."""
    import jinja2

    from sergek_report.inputs.datasets import load_all

    project = project or paths.current()
    tables = load_all(project.data_dir)  # the labels quote table cells ({contract.value[item=…]})
    default = load_edition(project.default_params)
    scenarios, values = [], []
    for name, metrics in editions.items():
        edition = resolve_references(load_edition(scenarios_dir(project) / f"{name}.yaml"), tables)
        differences = [
            f"{a.label.lower()} — {quantity(a.value, a.unit)}"
            for key, a in edition.assumptions.items()
            if key in default.assumptions and a.value != default.assumptions[key].value
        ]
        sentence = "; ".join(differences) if differences else L.SCENARIO_PAGE["no_difference"]
        scenarios.append({"title": edition.info.title, "sentence": sentence.rstrip(".") + "."})
        values.append({m["name"]: m for m in metrics["metrics"]})
    names = list(dict.fromkeys(key for table in values for key in table))
    rows = []
    for key in names:
        first = next(table[key] for table in values if key in table)
        rows.append(
            {
                "label": first["label"],
                "cells": [
                    quantity(table[key]["value"], table[key]["unit"]) if key in table else "—"
                    for table in values
                ],
            }
        )
    date = next(iter(editions.values()))["edition_date"]
    edition_sentence = fmt.fill(L.SCENARIO_PAGE["edition"], date=fmt.date_long(date))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.TEMPLATES_DIR)), autoescape=True
    )
    return environment.get_template("scenarios.html.j2").render(
        css=(paths.TEMPLATES_DIR / "report.css").read_text(encoding="utf-8"),
        date_iso=date,
        edition_sentence=edition_sentence.rstrip(".") + ".",
        scenarios=scenarios,
        rows=rows,
    )
