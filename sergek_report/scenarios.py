"""Scenario editions: one report per params/scenarios/*.yaml, plus a one-page comparison."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

from . import fmt, paths
from .build import build
from .changes import format_value
from .edition import load_edition

SCENARIOS_DIR = paths.PARAMS_DIR / "scenarios"


def scenario_files() -> list[Path]:
    return sorted(SCENARIOS_DIR.glob("*.yaml"))


def build_scenarios(jobs: int | None = None, build_root: Path = paths.BUILD_DIR) -> Path:
    root = build_root / "scenarios"
    editions = {}
    for path in scenario_files():
        result = build(path, build_root=root, jobs=jobs)
        editions[path.stem] = json.loads((result.out_dir / "metrics.json").read_text("utf-8"))
    page = comparison_html(editions)
    (root / "comparison.html").write_text(page, encoding="utf-8")
    from .render import html_to_pdf

    tmp = root / ".comparison.pdf.tmp"
    tmp.write_bytes(html_to_pdf(page))
    os.replace(tmp, root / "comparison.pdf")
    print(f"scenarios: wrote {paths.display_path(root)}/comparison.pdf and one report per scenario")
    return root


def comparison_html(editions: dict[str, dict]) -> str:
    """One page: key figures (rows) by scenario (columns), with each scenario's assumptions."""
    names = list(editions)
    labels: dict[str, tuple[str, str]] = {}
    for metrics in editions.values():
        for m in metrics["metrics"]:
            labels.setdefault(m["name"], (m["label"], m["unit"]))
    values = {name: {m["name"]: m["value"] for m in editions[name]["metrics"]} for name in names}
    head = "".join(f'<th class="num">{html.escape(n)}</th>' for n in names)
    rows = "".join(
        f"<tr><td>{html.escape(label)}</td>"
        + "".join(
            f'<td class="num">{html.escape(format_value(values[n].get(key), unit))}</td>'
            for n in names
        )
        + "</tr>"
        for key, (label, unit) in labels.items()
    )
    assumptions = "".join(
        f"<li><b>{html.escape(n)}</b>: "
        + "; ".join(
            f"{html.escape(a.label)} — {html.escape(str(a.value))} {html.escape(a.unit)}"
            for a in load_edition(SCENARIOS_DIR / f"{n}.yaml").assumptions.values()
        )
        + "</li>"
        for n in names
    )
    css = (paths.TEMPLATES_DIR / "report.css").read_text(encoding="utf-8")
    date = next(iter(editions.values()))["edition_date"]
    return (
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">'
        "<title>Сравнение сценариев</title>"
        f'<meta name="dcterms.created" content="{date}"><style>{css}'
        "@page { @top-right { content: none; } }</style></head><body>"
        "<h2>ГЧП «Сергек»: сравнение сценариев</h2>"
        f"<p>Выпуск от {html.escape(fmt.date_long(date))}. Каждый сценарий — отдельный отчёт "
        "в build/scenarios/&lt;сценарий&gt;/report.pdf.</p>"
        f'<table class="data"><thead><tr><th>Показатель</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<h3>Допущения сценариев</h3><ul style="font-size:8pt">{assumptions}</ul>'
        "</body></html>"
    )
