"""Parameter files (params/*.yaml) and the parameters the notebooks declare.

A parameter file has two sections, `edition` and `assumptions`; each entry is a mapping with
at least `value`. Assumptions also carry unit, label, rationale, source and an optional
`range: [low, high]` that becomes the `<name>_range` notebook parameter. A scenario file may
start with `extends: default.yaml` and give only the fields it changes.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .paths import display_path

SECTIONS = ("edition", "assumptions")
# Parameters the build sets itself; a parameter file may not set them.
BUILD_PARAMETERS = ("data_dir", "params_file", "as_of_check")
ASSUMPTION_FIELDS = ("value", "range", "unit", "label", "rationale", "source")
EDITION_FIELDS = ("value", "label")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ParameterError(ValueError):
    """A parameter file or a notebook's parameters cell is not what the build expects."""


@dataclass(frozen=True)
class Assumption:
    name: str
    value: Any
    unit: str = ""
    label: str = ""
    rationale: str = ""
    source: str = ""
    range: tuple | None = None


@dataclass
class ParamFile:
    path: Path
    edition: dict[str, Any] = field(default_factory=dict)
    assumptions: dict[str, Assumption] = field(default_factory=dict)
    chain: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.stem

    def values(self) -> dict[str, Any]:
        """Flat name -> value mapping, as papermill injects it (dates as ISO strings)."""
        flat: dict[str, Any] = {}
        for name, value in self.edition.items():
            flat[name] = value
        for name, item in self.assumptions.items():
            flat[name] = item.value
            if item.range is not None:
                flat[f"{name}_range"] = list(item.range)
        return flat


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings so that papermill and json treat them alike."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _read_yaml(path: Path) -> dict:
    where = display_path(path)
    if not path.is_file():
        raise ParameterError(f"{where}: parameter file not found.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        raise ParameterError(f"{where}{line}: not valid YAML ({exc}).") from None
    except ValueError as exc:  # e.g. 2026-02-30: YAML reads it as a date that does not exist
        raise ParameterError(
            f"{where}: a value is not a valid date ({exc}); expected a date like 2026-03-01."
        ) from None
    if raw is None:
        raise ParameterError(f"{where}: the file is empty; expected sections {SECTIONS}.")
    if not isinstance(raw, dict):
        raise ParameterError(f"{where}: expected a mapping with sections {SECTIONS}.")
    return raw


def load_params(path: str | Path, _seen: tuple[Path, ...] = ()) -> ParamFile:
    """Read a parameter file, following `extends:` (relative to the file)."""
    path = Path(path).resolve()
    where = display_path(path)
    if path in _seen:
        raise ParameterError(f"{where}: `extends` forms a cycle.")
    raw = _read_yaml(path)
    unknown = set(raw) - set(SECTIONS) - {"extends"}
    if unknown:
        raise ParameterError(
            f"{where}: unknown top-level key(s) {sorted(unknown)}; expected 'extends' and "
            f"the sections {list(SECTIONS)}."
        )
    if "extends" in raw:
        base = load_params(path.parent / str(raw["extends"]), _seen + (path,))
        edition = dict(base.edition)
        assumptions = {k: _as_dict(v) for k, v in base.assumptions.items()}
        chain = base.chain + [path]
    else:
        edition, assumptions, chain = {}, {}, [path]

    for section in SECTIONS:
        entries = raw.get(section) or {}
        if not isinstance(entries, dict):
            raise ParameterError(f"{where}: section '{section}' must be a mapping of names.")
        allowed = ASSUMPTION_FIELDS if section == "assumptions" else EDITION_FIELDS
        for name, entry in entries.items():
            if name in BUILD_PARAMETERS:
                raise ParameterError(
                    f"{where}: parameter '{name}' is set by the build and cannot be given "
                    "in a parameter file."
                )
            if not isinstance(entry, dict):
                raise ParameterError(
                    f"{where}: {section}.{name} must be a mapping with at least 'value' "
                    f"(found {type(entry).__name__} {entry!r})."
                )
            bad = set(entry) - set(allowed)
            if bad:
                raise ParameterError(
                    f"{where}: {section}.{name} has unknown field(s) {sorted(bad)}; "
                    f"allowed: {list(allowed)}."
                )
            if section == "edition":
                merged = {"value": edition.get(name)} | entry
                if merged.get("value") is None:
                    raise ParameterError(f"{where}: edition.{name} has no 'value'.")
                edition[name] = _plain(merged["value"])
            else:
                merged = assumptions.get(name, {}) | entry
                if merged.get("value") is None:
                    raise ParameterError(f"{where}: assumptions.{name} has no 'value'.")
                rng = merged.get("range")
                if rng is not None and (not isinstance(rng, list) or len(rng) != 2):
                    raise ParameterError(
                        f"{where}: assumptions.{name}.range must be a list [low, high], "
                        f"found {rng!r}."
                    )
                assumptions[name] = merged
    return ParamFile(
        path=path,
        edition=edition,
        assumptions={
            name: Assumption(
                name=name,
                value=_plain(d["value"]),
                unit=str(d.get("unit", "")),
                label=str(d.get("label", "")),
                rationale=str(d.get("rationale", "")).strip(),
                source=str(d.get("source", "")),
                range=tuple(_plain(d["range"])) if d.get("range") is not None else None,
            )
            for name, d in assumptions.items()
        },
        chain=chain,
    )


def _as_dict(item: Assumption) -> dict:
    d = {f: getattr(item, f) for f in ASSUMPTION_FIELDS}
    d["range"] = list(item.range) if item.range is not None else None
    return d


# --- the notebooks' side -------------------------------------------------------------------


def parameters_cell_index(notebook: dict) -> int | None:
    """Position of the code cell tagged `parameters` (papermill injects its values after it)."""
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get(
            "tags", []
        ):
            return index
    return None


def parameters_cell(notebook: dict) -> dict | None:
    index = parameters_cell_index(notebook)
    return None if index is None else notebook["cells"][index]


def declared_parameters(notebook_path: Path) -> dict[str, Any]:
    """Names and default values assigned in the notebook's cell tagged `parameters`.

    Parsed with `ast` (no kernel, no papermill import) so that a no-op build stays fast.
    """
    notebook_path = Path(notebook_path)
    where = display_path(notebook_path)
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    cell = parameters_cell(notebook)
    if cell is None:
        raise ParameterError(f"{where}: no code cell tagged 'parameters'.")
    source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ParameterError(f"{where}: parameters cell line {exc.lineno}: {exc.msg}.") from None
    declared: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            raise ParameterError(
                f"{where}: parameters cell line {node.lineno}: only plain assignments "
                "of literal values are allowed."
            )
        if not isinstance(target, ast.Name):
            raise ParameterError(f"{where}: parameters cell line {node.lineno}: bad target.")
        try:
            declared[target.id] = ast.literal_eval(value)
        except ValueError:
            raise ParameterError(
                f"{where}: parameters cell line {node.lineno}: '{target.id}' must be a "
                "literal (number, string, list)."
            ) from None
    return declared


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "date" if ISO_DATE.match(value) else "text"
    if isinstance(value, list):
        return "list"
    return type(value).__name__


def _matches(expected: Any, value: Any) -> bool:
    kind = _kind(expected)
    if kind == "date":
        if not (isinstance(value, str) and ISO_DATE.match(value)):
            return False
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if kind == "number" and isinstance(expected, int) and not isinstance(expected, bool):
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "list":
        return (
            isinstance(value, list)
            and len(value) == len(expected)
            and all(_matches(e, v) for e, v in zip(expected, value, strict=True))
        )
    return _kind(value) == kind


def check_parameters(
    param_file: ParamFile, declared_by_notebook: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Validate values against the notebooks' declarations; return each notebook's values.

    A name no notebook declares is an error (papermill would only warn), and so is a value
    whose type differs from the notebook's default.
    """
    where = display_path(param_file.path)
    values = param_file.values()
    declared_anywhere: dict[str, tuple[str, Any]] = {}
    for nb, decl in declared_by_notebook.items():
        for name, default in decl.items():
            declared_anywhere.setdefault(name, (nb, default))
    unknown = sorted(set(values) - set(declared_anywhere))
    if unknown:
        known = sorted(set(declared_anywhere) - set(BUILD_PARAMETERS))
        raise ParameterError(
            f"{where}: unknown parameter(s) {unknown}: no notebook declares them in its "
            f"'parameters' cell. Declared parameters are: {', '.join(known)}."
        )
    for name, value in values.items():
        nb, default = declared_anywhere[name]
        if not _matches(default, value):
            section = "edition" if name in param_file.edition else "assumptions"
            base = name.removesuffix("_range")
            field_name = "range" if name.endswith("_range") and base != name else "value"
            raise ParameterError(
                f"{where}: parameter '{name}' ({section}.{base}.{field_name}) expected a "
                f"{_kind(default)} like {default!r} (as declared in {nb}), found "
                f"{value!r} ({_kind(value)})."
            )
    return {
        nb: {name: values[name] for name in decl if name in values}
        for nb, decl in declared_by_notebook.items()
    }
