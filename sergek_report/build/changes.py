"""«Что изменилось с прошлой редакции»: a short block for the summary page.

`changes_block(current, baseline)` returns the HTML of the block: old → new for the first
(at most three) key figures that moved, in the key figures' order (the headline ones first);
the data tables and assumptions that changed, named in Russian when there are at most three
of a kind and counted otherwise (the appendix lists them all), so the block stays short on
the memo's page. When there is no baseline (None) the block says that this is the first
edition; when the published baseline is missing ({"missing": path}) it says that the
comparison is not available.
`changes_blocks` gives the memo's block (the proposed budget line's news and a pointer)
and the full block after the colophon. The renderer places the memo's block (see
`render.CHANGES_SLOT`).
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

from sergek_report import labels as L
from sergek_report.build.metrics import DRIVERS, READS
from sergek_report.chapter import fmt
from sergek_report.chapter.units import key_figure, quantity
from sergek_report.model.appraisal import YEARS as OPTION_YEARS
from sergek_report.model.budget_line import BUDGET_LINE_FIGURE

WORDS = L.CHANGES  # the block's words, in the catalog
LISTED = 3  # items of one kind named on the memo's page; a longer list is counted
# the proposed budget line as a key figure of metrics.json (build/metrics.py)
BUDGET_LINE_METRIC = BUDGET_LINE_FIGURE
# each figure of build.metrics.DRIVERS as the report prints it where it explains it (chapter 3:
# «около 16 078 комплексо-месяцев», «2,6 млрд тенге», «181 064 тенге»), at a precision that
# shows a change a reader would see: «≈ 14,7 тыс.»
DRIVER_PRINTED = {
    "complex_months_paid_period": lambda value: fmt.estimate(value, "", significant=3),
    "paid_to_partner": fmt.reported,
    "monthly_tariff": lambda value: key_figure(
        value, "тенге", "derived", "monthly_tariff_estimate"
    ),
}


def table_label(name: str) -> str:
    """ "data/cpi.csv" -> "индекс потребительских цен"."""
    from sergek_report.inputs.tables import TABLES  # pandera: only when a data file changed

    stem = name.rsplit("/", 1)[-1].removesuffix(".csv")
    spec = TABLES.get(stem)
    return L.translate(spec.title) if spec is not None and spec.title else stem.replace("_", " ")


def compare(current: dict, baseline: dict | None) -> dict:
    """Which metrics moved and which inputs changed between the baseline and this build.

    No baseline (None) means this is the first edition; a baseline that is this same edition
    says that nothing changed since it (never "first edition")."""
    if baseline is None:
        return {"first_edition": True, "metrics": [], "inputs": [], "params": []}
    if "missing" in baseline:  # published/metrics.json not found: say so, not "first"
        return {
            "first_edition": False,
            "no_baseline": True,
            "metrics": [],
            "inputs": [],
            "params": [],
        }
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
        # the figures the key figures are computed from, then and now (build.metrics.DRIVERS;
        # a baseline without them: the reason names the tables instead)
        "drivers": (baseline.get("drivers") or {}, current.get("drivers") or {}),
    }


def _printed(row: dict, value: object) -> str:
    """A key figure of the block, old (`value`) or new (None), as the report prints it."""
    metric = row["metric"]
    value = metric["value"] if value is None else value
    if not isinstance(value, int | float):
        return quantity(value, metric["unit"])
    return key_figure(value, metric["unit"], metric.get("basis", ""), metric["name"])


def _drivers(name: str, diff: dict) -> tuple[list[str], list[str]] | None:
    """The figures the key figure `name` is computed from (build.metrics.DRIVERS) that moved
    and those that did not, as printed; None when they are not known for both editions or none
    of them moved (the figure moved for a reason they do not show)."""
    old, new = diff.get("drivers", ({}, {}))
    names = DRIVERS.get(name, ())
    if not names or any(n not in old or n not in new for n in names):
        return None
    moved, same = [], []
    for driver in names:
        before, now = DRIVER_PRINTED[driver](old[driver]), DRIVER_PRINTED[driver](new[driver])
        (moved if before != now else same).append((driver, before, now))
    return (moved, same) if moved else None


def _why(
    rows: list[dict], diff: dict, labels: Mapping[str, tuple[str, str]], fills: Mapping[str, str]
) -> tuple[list[str], bool]:
    """Why the key figures `rows` moved, in words, each reason once: the changed assumptions
    they rest on; the figures they are computed from that moved, old → new, and those that did
    not (build.metrics.DRIVERS: «комплексо-месяцы за …: было ≈ 14,7 тыс., стало ≈ 16,1 тыс.»);
    else the changed data tables they are computed from (build.metrics.READS), else the
    updated data in general; and whether a reason is the updated data. `fills`: the figures
    the drivers' words name (build.metrics.label_values: the period of the payments)."""
    changed = {name for name, _old, _new in diff["params"]}
    inputs = {name.rsplit("/", 1)[-1].removesuffix(".csv") for name in diff["inputs"]}
    params, tables, other = [], [], False
    moved, same = {}, {}  # driver -> its words, each once, in the key figures' order
    for row in rows:
        metric = row["metric"]
        basis = metric.get("basis", "")
        if basis.startswith("assumption:") and basis.split(":", 1)[1] in changed:
            label, _unit = _param_label(basis.split(":", 1)[1], labels)
            params.append(fmt.fill(WORDS["why_param"], label=fmt.mid_sentence(label)))
            continue
        drivers = _drivers(metric["name"], diff)
        if drivers is not None:
            words = L.CHANGE_DRIVERS
            for driver, old, new in drivers[0]:
                moved[driver] = fmt.fill(words[driver]["changed"], old=old, new=new, **fills)
            for driver, _old, now in drivers[1]:
                if words[driver]["same"]:
                    same[driver] = fmt.fill(words[driver]["same"], value=now, **fills)
            continue
        read = [table_label(t) for t in READS.get(metric["name"], ()) if t in inputs]
        tables += read
        other = other or not read
    reasons = list(dict.fromkeys(params)) + list(moved.values())
    unmoved = [text for driver, text in same.items() if driver not in moved]
    if unmoved:
        reasons.append(fmt.fill(WORDS["why_same"], items=", ".join(unmoved)))
    if tables:
        reasons.append(fmt.fill(WORDS["why_data"], tables=", ".join(dict.fromkeys(tables))))
    if other:
        reasons.append(WORDS["why_other"])
    return reasons, bool(tables) or other or bool(moved)


def _param_label(name: str, labels: Mapping[str, tuple[str, str]]) -> tuple[str, str]:
    """(Russian label, unit) of an assumption; a range is labelled as the range of it."""
    base = name.removesuffix("_range")
    label, unit = labels.get(base, (base.replace("_", " "), ""))
    return (fmt.fill(WORDS["range"], label=label) if base != name else label), unit


def _visibly_moved(diff: dict) -> list[dict]:
    """The key figures that moved, at the figure's own precision (the one every place prints
    it): a change the precision does not show is not a change a reader sees."""
    return [
        row
        for row in diff["metrics"]
        if row["old"] is not None and _printed(row, row["old"]) != _printed(row, None)
    ]


def _moved_item(row: dict) -> str:
    """A moved key figure in words: «средняя выплата …: было ≈ 176 тыс. тенге, стало …»."""
    return fmt.fill(
        WORDS["moved_item"],
        label=html.escape(fmt.mid_sentence(row["metric"]["label"])),
        old=html.escape(_printed(row, row["old"])),
        new=f'<span class="new">{html.escape(_printed(row, None))}</span>',
    )


def changes_blocks(
    current: dict,
    baseline: dict | None,
    labels: Mapping[str, tuple[str, str]] | None = None,
    fills: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """The memo's «what changed» and the full list after the colophon. The memo's block says
    what changed in the memo's own figures — the proposed budget line priced for the first
    time, or its old and new value — and where the rest is; the full list is then
    `changes_block(full=True)`. Without news of the line, the memo's block is the full block
    itself and nothing follows the colophon."""
    diff = compare(current, baseline)
    row = next((r for r in diff["metrics"] if r["metric"]["name"] == BUDGET_LINE_METRIC), None)
    if diff["first_edition"] or diff.get("no_baseline") or row is None:
        return changes_block(current, baseline, labels, fills=fills), ""
    if row["old"] is None:
        news = fmt.fill(
            WORDS["budget_line_added"],
            year=fmt.year(OPTION_YEARS[0]),
            line=html.escape(_printed(row, None)),
        )
    else:
        news = fmt.fill(
            WORDS["budget_line_moved"],
            old=html.escape(_printed(row, row["old"])),
            new=html.escape(_printed(row, None)),
        )
    others = len(diff["metrics"]) > 1 or diff["inputs"] or diff["params"]
    # (review s21l had the first other figure that moved said here too; reviews s23m, s23n
    # found a chapter 3 figure's move irrelevant to the vote, on the memo's fullest page: the
    # figures that moved are the colophon's list, which the pointer names)
    more = f" {WORDS['details']}" if others else ""
    memo = (
        f'<section class="changes" id="changes"><h2>{L.CHANGES["title"]}</h2>'
        f"<p>{news}{more}</p></section>"
    )
    return memo, changes_block(current, baseline, labels, full=True, fills=fills)


def changes_block(
    current: dict,
    baseline: dict | None,
    labels: Mapping[str, tuple[str, str]] | None = None,
    full: bool = False,
    fills: Mapping[str, str] | None = None,
) -> str:
    """HTML of the «what changed» block. `labels` maps an assumption name to its Russian
    label and unit (from the parameter file), so no identifier reaches the reader. `full`: the
    colophon's version, under its own title, after the memo's short one. `fills`: the figures
    the words of a moved figure's reason name (build.metrics.label_values)."""
    labels = labels or {}
    diff = compare(current, baseline)
    title, anchor = (
        (WORDS["details_title"], "changes-full") if full else (WORDS["title"], "changes")
    )
    # both are in the contents: the memo's under its chapter, the colophon's version under
    # «Сведения о редакции» (the memo points to it by name: review s11d, item 8)
    parts = [f'<section class="changes" id="{anchor}"><h2>{title}</h2>']
    if diff["first_edition"]:
        parts.append(f"<p>{WORDS['first_edition']}</p></section>")
        return "".join(parts)
    if diff.get("no_baseline"):
        parts.append(f"<p>{WORDS['no_baseline']}</p></section>")
        return "".join(parts)
    when = diff.get("baseline_date")
    since = fmt.fill(WORDS["since"], date=fmt.date_long(when)) if when else ""
    if not diff["metrics"] and not diff["inputs"] and not diff["params"]:
        parts.append(f"<p>{fmt.fill(WORDS['nothing_changed'], since=since)}</p></section>")
        return "".join(parts)
    moved = _visibly_moved(diff)
    added = [row for row in diff["metrics"] if row["old"] is None]
    hidden = max(0, len(moved) - LISTED)
    moved = moved[:LISTED]  # the key figures' own order: the headline figures come first
    head = len(parts)  # where the news of this edition goes: before the moved figures
    moved_at = None
    if moved:
        # one sentence, not a table: on the memo's page a moved figure is a line of text, and
        # the memo's own figures come first (review of 4 Dec 2026)
        items = "; ".join(_moved_item(row) for row in moved)
        moved_at = len(parts)  # the paragraph the reasons join
        parts.append(f"<p>{fmt.fill(WORDS['moved'], since=since)} {items}.</p>")
    elif not added:
        parts.append(f"<p>{fmt.fill(WORDS['unchanged'], since=since).rstrip('.')}.</p>")
    # the rest in one short paragraph: named when short, counted when long; first why the
    # figures of the sentence moved, once for all of them (a column took the memo's page a
    # third line a row): the changed assumptions and the updated data they are computed from
    notes = []
    data_said = False  # the reason already says the data were updated
    if moved:
        reasons, data_said = _why(moved, diff, labels, fills or {})
        notes.append(html.escape(fmt.fill(WORDS["why"], reasons="; ".join(reasons))))
    if hidden:
        notes.append(fmt.fill(WORDS["more_moved"], count=fmt.integer(hidden)))
    if added and not moved:  # beside a table of moved figures the memo's page has no room
        notes.append(WORDS["added"])
    counted = bool(hidden)  # the other moved figures: the appendix has them all
    if len(diff["inputs"]) > LISTED and data_said:
        pass  # the reason named the data the moved figures rest on; nothing to point to
    elif len(diff["inputs"]) > LISTED:
        tables = fmt.count(len(diff["inputs"]), L.TABLE_FORMS_COUNTED)
        notes.append(fmt.fill(WORDS["inputs_counted"], count=tables))
        counted = True
    elif diff["inputs"]:
        tables = ", ".join(html.escape(table_label(name)) for name in diff["inputs"])
        notes.append(fmt.fill(WORDS["inputs"], tables=tables))
    changed, new_ones, dropped = [], [], []
    for name, old, new in diff["params"]:
        label, unit = _param_label(name, labels)
        label = fmt.mid_sentence(label)  # in a list after a colon: «…: дата оплаты …»
        if old is None:  # the previous edition had no such assumption
            new_ones.append(f"{html.escape(label)} — {html.escape(quantity(new, unit))}")
        elif new is None:  # this edition has none
            dropped.append(html.escape(label))
        else:
            changed.append(
                f"{html.escape(label)}: {html.escape(quantity(old, unit))} → "
                f"{html.escape(quantity(new, unit))}"
            )
    # the options priced for the first time: the proposed budget line is the news a returning
    # reader looks for, said with the new assumptions it rests on
    line = next((row for row in added if row["metric"]["name"] == BUDGET_LINE_METRIC), None)
    if line is not None and len(new_ones) > LISTED:
        # the memo's own figure first, before the moved key figures (review of 4 Dec 2026:
        # a returning deputy looks for the line, not for a ratio of the appendix)
        news = fmt.fill(
            WORDS["budget_line_added"],
            year=fmt.year(OPTION_YEARS[0]),
            line=html.escape(_printed(line, None)),
        )
        parts.insert(head, f"<p>{news}</p>")
        moved_at = moved_at + 1 if moved else None
        # the new assumptions are the new scenarios' own: the news says it, the assumptions
        # table lists them; no pointer to the appendix on the memo's page
        new_ones, added = [], []
    # a changed assumption, old → new, is what a reader looks for: its own paragraph, first
    own = []
    for items, listed, many in (
        (changed, "params", "params_counted"),
        (new_ones, "params_added", "params_added_counted"),
        (dropped, "params_removed", "params_removed_counted"),
    ):
        if len(items) > LISTED:
            notes.append(fmt.fill(WORDS[many], count=fmt.integer(len(items))))
            counted = True
        elif items:
            sentence = fmt.fill(WORDS[listed], items="; ".join(items))
            (own if items is changed else notes).append(sentence)
    if counted or added:  # where the whole list is
        notes.append(WORDS["appendix"])
    if notes and moved:  # why the figures moved, in their own paragraph (a line saved)
        parts[moved_at] = parts[moved_at].removesuffix("</p>") + f" {' '.join(notes)}</p>"
        notes = []
    parts.extend(f"<p>{sentence}</p>" for sentence in own)
    if notes:
        parts.append(f"<p>{' '.join(notes)}</p>")
    parts.append("</section>")
    return "".join(parts)


def changes_section(current: dict, baseline: dict | None, labels=None) -> str:
    """Former name of `changes_block` (kept for callers of the earlier API)."""
    return changes_block(current, baseline, labels)
