"""«Что изменилось с прошлого выпуска»: old → new for each key figure, and changed inputs."""

from __future__ import annotations

import html
import math

from . import fmt

TITLE = "Что изменилось с прошлого выпуска"


def format_value(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "%":
        return fmt.percent(value)
    if float(value).is_integer() and abs(value) >= 1000:
        return f"{fmt.integer(value)} {unit}".strip()
    return f"{fmt.number(value, 2)} {unit}".strip()


def compare(current: dict, baseline: dict | None) -> dict:
    """Which metrics moved and which inputs changed between the baseline and this build."""
    if baseline is None:
        return {"first_edition": True, "metrics": [], "inputs": [], "params": []}
    old = {m["name"]: m for m in baseline.get("metrics", [])}
    moved = []
    for metric in current.get("metrics", []):
        before = old.get(metric["name"])
        if before is None:
            moved.append({"metric": metric, "old": None})
        elif not math.isclose(
            float(before["value"]), float(metric["value"]), rel_tol=1e-9, abs_tol=1e-9
        ):
            moved.append({"metric": metric, "old": before["value"]})
    old_inputs, new_inputs = baseline.get("inputs", {}), current.get("inputs", {})
    inputs = sorted(
        name
        for name in set(old_inputs) | set(new_inputs)
        if old_inputs.get(name) != new_inputs.get(name)
    )
    old_params, new_params = baseline.get("params", {}), current.get("params", {})
    params = sorted(
        (name, old_params.get(name), new_params.get(name))
        for name in set(old_params) | set(new_params)
        if old_params.get(name) != new_params.get(name) and name != "edition_date"
    )
    return {
        "first_edition": False,
        "baseline_date": baseline.get("edition_date"),
        "metrics": moved,
        "inputs": inputs,
        "params": params,
    }


def changes_section(current: dict, baseline: dict | None) -> str:
    diff = compare(current, baseline)
    parts = [f'<section class="changes" id="changes"><h2>{TITLE}</h2>']
    if diff["first_edition"]:
        parts.append(
            "<p>Первый выпуск: опубликованного предыдущего выпуска нет, сравнивать не с чем. "
            "Ключевые показатели этого выпуска записаны в metrics.json и станут базой "
            "для сравнения после публикации (make publish).</p>"
        )
        parts.append("</section>")
        return "".join(parts)
    when = diff.get("baseline_date")
    since = f" от {fmt.date_long(when)}" if when else ""
    if not diff["metrics"] and not diff["inputs"] and not diff["params"]:
        parts.append(
            f"<p>По сравнению с выпуском{since} ни один ключевой показатель и ни одно "
            "исходное значение не изменились.</p></section>"
        )
        return "".join(parts)
    if diff["metrics"]:
        parts.append(
            f"<p>Ключевые показатели, изменившиеся по сравнению с выпуском{since}:</p>"
            '<table class="data"><thead><tr><th>Показатель</th><th class="num">Было</th>'
            '<th class="num">Стало</th></tr></thead><tbody>'
        )
        for row in diff["metrics"]:
            metric = row["metric"]
            parts.append(
                f"<tr><td>{html.escape(metric['label'])}</td>"
                f'<td class="num">{html.escape(format_value(row["old"], metric["unit"]))}</td>'
                f'<td class="num new">'
                f"{html.escape(format_value(metric['value'], metric['unit']))}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append(f"<p>Ключевые показатели не изменились по сравнению с выпуском{since}.</p>")
    if diff["inputs"]:
        files = ", ".join(html.escape(name) for name in diff["inputs"])
        parts.append(f"<p>Изменённые таблицы данных: {files}.</p>")
    if diff["params"]:
        items = "; ".join(
            f"{html.escape(name)}: {html.escape(str(old))} → {html.escape(str(new))}"
            for name, old, new in diff["params"]
        )
        parts.append(f"<p>Изменённые параметры: {items}.</p>")
    parts.append("</section>")
    return "".join(parts)
