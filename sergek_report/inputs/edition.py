"""An edition of the report, declared once in params/*.yaml and loaded into one typed model.

A parameter file has an `edition` section (the edition date) and an `assumptions` section:
every assumption the calculations use, each with its type, value, range, unit, Russian label
and short label, rationale and source. A scenario file may start with `extends: <file>` and
give only the fields it changes. This module is the only place where values are coerced:
the calculations receive `Assumptions`, whose attributes are already dates, ints or floats.

Names are checked both ways: a calculation that asks for an assumption the file does not
declare stops with a message naming the file and the key, and the build rejects declared
assumptions that no calculation uses (`Assumptions.unused`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from sergek_report import labels, paths
from sergek_report.errors import ParameterError
from sergek_report.paths import display_path

MAX_FILE_BYTES = 256 * 1024  # a parameter file is a page of YAML, never megabytes
MAX_EXCERPT = 60
SECTIONS = ("edition", "assumptions")
KINDS = {"integer": "a whole number", "number": "a number", "date": "a date like 2026-03-01"}


def _excerpt(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= MAX_EXCERPT else text[: MAX_EXCERPT - 1] + "…"


def coerce(kind: str, value: Any) -> Any:
    """A value of the declared kind, or ValueError saying what was expected."""
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValueError(f"expected {KINDS[kind]}, found {_excerpt(value)}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected {KINDS[kind]}, found {_excerpt(value)}")
    if not math.isfinite(value):
        raise ValueError(f"expected a finite number, found {_excerpt(value)}")
    if kind == "integer":
        if float(value).is_integer():
            return int(value)
        raise ValueError(f"expected {KINDS[kind]}, found {_excerpt(value)}")
    return float(value)


class Assumption(BaseModel):
    """One assumption: its value and everything the report prints about it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    type: Literal["integer", "number", "date"]
    value: Any
    range: tuple[Any, Any]
    unit: str
    label: str
    short_label: str
    rationale: str
    source: str

    @field_validator("label", "short_label", "rationale", "source")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("must not be empty")
        return " ".join(text.split())

    @model_validator(mode="after")
    def _typed(self) -> Assumption:
        try:
            value = coerce(self.type, self.value)
        except ValueError as exc:
            raise ValueError(f"value: {exc}") from None
        try:
            low, high = (coerce(self.type, v) for v in self.range)
        except ValueError as exc:
            raise ValueError(f"range: {exc}") from None
        if low > high:
            raise ValueError(f"range: low {low} is above high {high}")
        if not low <= value <= high:
            raise ValueError(f"value {value} is outside its own range [{low}, {high}]")
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "range", (low, high))
        return self


class EditionInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    edition_date: dt.date
    title: str = labels.DEFAULT_EDITION_TITLE  # what a scenario is called in the report


class Edition:
    """A loaded parameter file: edition information, assumptions, and where each came from."""

    def __init__(
        self,
        path: Path,
        info: EditionInfo,
        assumptions: dict[str, Assumption],
        chain: list[Path],
    ):
        self.path = path
        self.info = info
        self.assumptions = assumptions
        self.chain = chain

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def edition_date(self) -> dt.date:
        return self.info.edition_date

    def values(self) -> dict[str, Any]:
        """Flat name -> value of every assumption (dates as ISO strings): metrics.json."""
        return {
            name: a.value.isoformat() if isinstance(a.value, dt.date) else a.value
            for name, a in self.assumptions.items()
        }

    def declaration_digest(self) -> str:
        """Everything a chapter may print about the assumptions, as one canonical string."""
        return json.dumps(
            {name: a.model_dump(mode="json") for name, a in self.assumptions.items()},
            sort_keys=True,
            ensure_ascii=False,
        )

    def with_values(self, overrides: Mapping[str, Any], origin: str) -> Edition:
        """The same edition with some assumption values replaced (papermill `-p name value`)."""
        assumptions = dict(self.assumptions)
        for name, value in overrides.items():
            if name not in assumptions:
                raise ParameterError(
                    f"{origin}: unknown parameter {name!r}; a chapter takes edition_file, "
                    f"data_dir and model_file, or an assumption of "
                    f"{display_path(self.path)}: {', '.join(sorted(assumptions))}."
                )
            fields = assumptions[name].model_dump() | {"value": value}
            assumptions[name] = _validated(
                fields, f"{origin}: parameter {name!r} (declared in {display_path(self.path)})"
            )
        return Edition(self.path, self.info, assumptions, self.chain)

    def assumption_view(self) -> Assumptions:
        return Assumptions(self)


class Assumptions:
    """What the calculations read: `a.discount_rate` is the typed value.

    Records which names were read, so that the build can reject a declared assumption that no
    calculation uses, and names the parameter file when a calculation needs a missing one.
    """

    def __init__(self, edition: Edition, values: Mapping[str, Any] | None = None):
        object.__setattr__(self, "_edition", edition)
        object.__setattr__(
            self,
            "_values",
            dict(values)
            if values is not None
            else {n: a.value for n, a in edition.assumptions.items()},
        )
        object.__setattr__(self, "_used", set())

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> Any:
        value = self._lookup(name)
        object.__getattribute__(self, "_used").add(name)
        return value

    def _lookup(self, name: str) -> Any:
        """The value without counting it as used (declarations, ranges, replacements)."""
        values = object.__getattribute__(self, "_values")
        if name not in values:
            edition = object.__getattribute__(self, "_edition")
            raise ParameterError(
                f"{display_path(edition.path)}: assumption {name!r} is missing; the "
                f"calculations need it. Expected under 'assumptions:' an entry {name}: with "
                "type, value, range, unit, label, short_label, rationale and source."
            )
        return values[name]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("assumptions are read-only; use replace()")

    def replace(self, **changes: Any) -> Assumptions:
        """A copy with some values changed (sensitivity and scenarios); same declarations."""
        edition = object.__getattribute__(self, "_edition")
        values = dict(object.__getattribute__(self, "_values"))
        for name, value in changes.items():
            self._lookup(name)  # a missing name is an error here too
            try:
                values[name] = coerce(edition.assumptions[name].type, value)
            except ValueError as exc:
                raise ParameterError(f"assumption {name!r}: {exc}.") from None
        copy = Assumptions(edition, values)
        object.__setattr__(copy, "_used", object.__getattribute__(self, "_used"))
        return copy

    def range(self, name: str) -> tuple[Any, Any]:
        self._lookup(name)
        return object.__getattribute__(self, "_edition").assumptions[name].range

    def declared(self, name: str) -> Assumption:
        self._lookup(name)
        return object.__getattribute__(self, "_edition").assumptions[name]

    def as_dict(self) -> dict[str, Any]:
        return dict(object.__getattribute__(self, "_values"))

    def unused(self) -> list[str]:
        used = object.__getattribute__(self, "_used")
        return sorted(set(object.__getattribute__(self, "_values")) - used)

    def __getstate__(self) -> dict:
        return {k: object.__getattribute__(self, k) for k in ("_edition", "_values", "_used")}

    def __setstate__(self, state: dict) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)


# -- loading ------------------------------------------------------------------------------


def _reject_aliases(text: str, where: str) -> None:
    """YAML anchors and aliases can expand a small file into gigabytes: not allowed."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                raise ParameterError(
                    f"{where}, line {mark.line + 1}: YAML aliases (*name) are not allowed in a "
                    "parameter file; write the value out."
                )
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise ParameterError(f"{where}{line}: not valid YAML ({problem}).") from None


def _read_yaml(path: Path) -> dict:
    where = display_path(path)
    if not path.is_file():
        raise ParameterError(f"{where}: parameter file not found.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ParameterError(
            f"{where}: {path.stat().st_size} bytes; a parameter file is at most "
            f"{MAX_FILE_BYTES // 1024} KiB."
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ParameterError(f"{where}: not UTF-8 text; save the file as UTF-8.") from None
    _reject_aliases(text, where)
    try:
        raw = yaml.safe_load(text)
    except ValueError as exc:  # 2026-02-30: YAML reads it as a date that does not exist
        raise ParameterError(
            f"{where}: a value is not a valid date ({exc}); expected a date like 2026-03-01."
        ) from None
    if raw is None:
        raise ParameterError(f"{where}: the file is empty; expected sections {list(SECTIONS)}.")
    if not isinstance(raw, dict):
        raise ParameterError(f"{where}: expected a mapping with sections {list(SECTIONS)}.")
    return raw


def _validated(fields: dict, where: str) -> Assumption:
    try:
        return Assumption(**fields)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "value"
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "missing":
                msg = "is missing"
            elif err["type"] == "extra_forbidden":
                msg = "is not a known field"
            problems.append(f"{loc} {msg}" if err["loc"] else msg)
        raise ParameterError(
            f"{where}: {'; '.join(problems)}. Each assumption needs type (integer, number or "
            "date), value, range [low, high], unit, label, short_label, rationale and source."
        ) from None


def _resolve_extends(path: Path, target: Any) -> Path:
    where = display_path(path)
    if not isinstance(target, str) or not target.endswith(".yaml"):
        raise ParameterError(f"{where}: extends must name a .yaml file, found {_excerpt(target)}.")
    base = (path.parent / target).resolve()
    root = paths.PARAMS_DIR.resolve()
    if root not in base.parents and path.resolve().parent != base.parent:
        raise ParameterError(
            f"{where}: extends {target!r} points outside {display_path(root)}/; an edition "
            "may only extend another parameter file of the project."
        )
    return base


def load_edition(path: str | Path, _seen: tuple[Path, ...] = ()) -> Edition:
    """Read a parameter file, following `extends:`, and validate every assumption."""
    path = Path(path).resolve()
    where = display_path(path)
    if path in _seen:
        raise ParameterError(f"{where}: `extends` forms a cycle.")
    raw = _read_yaml(path)
    unknown = set(raw) - set(SECTIONS) - {"extends"}
    if unknown:
        raise ParameterError(
            f"{where}: unknown top-level key(s) {sorted(map(str, unknown))}; expected "
            f"'extends' and the sections {list(SECTIONS)}."
        )
    if "extends" in raw:
        base = load_edition(_resolve_extends(path, raw["extends"]), _seen + (path,))
        info = base.info.model_dump()
        fields = {n: a.model_dump() for n, a in base.assumptions.items()}
        chain = base.chain + [path]
    else:
        info, fields, chain = {}, {}, [path]

    edition_raw = raw.get("edition") or {}
    if not isinstance(edition_raw, dict):
        raise ParameterError(f"{where}: section 'edition' must be a mapping.")
    for name, entry in edition_raw.items():
        if name not in EditionInfo.model_fields:
            raise ParameterError(
                f"{where}: edition.{name} is not known; the edition section takes "
                f"{', '.join(EditionInfo.model_fields)}."
            )
        value = entry.get("value") if isinstance(entry, dict) else entry
        if name == "title":
            if not isinstance(value, str) or not value.strip():
                raise ParameterError(f"{where}: edition.title must be a short Russian name.")
            info[name] = " ".join(value.split())
            continue
        try:
            info[name] = coerce("date", value)
        except ValueError as exc:
            raise ParameterError(f"{where}: edition.{name}: {exc}.") from None
    if "edition_date" not in info:
        raise ParameterError(f"{where}: edition.edition_date is missing (a date like 2026-11-25).")

    section = raw.get("assumptions") or {}
    if not isinstance(section, dict):
        raise ParameterError(f"{where}: section 'assumptions' must be a mapping of names.")
    for name, entry in section.items():
        if not isinstance(entry, dict):
            raise ParameterError(
                f"{where}: assumptions.{name} must be a mapping with at least 'value', found "
                f"{_excerpt(entry)}."
            )
        if "extends" in raw and name not in fields:
            raise ParameterError(
                f"{where}: assumptions.{name} is not an assumption of "
                f"{display_path(chain[0])}; known: {', '.join(sorted(fields))}. A scenario "
                "changes declared assumptions; a new one is declared in the base file."
            )
        if name in fields and "type" in entry and entry["type"] != fields[name]["type"]:
            raise ParameterError(
                f"{where}: assumptions.{name}.type is {entry['type']!r} but the file it extends "
                f"declares {fields[name]['type']!r}; a scenario changes values, not types."
            )
        fields[name] = fields.get(name, {}) | {"name": str(name)} | entry
    if not fields:
        raise ParameterError(f"{where}: no assumptions declared.")
    assumptions = {
        name: _validated(f, f"{where}: assumptions.{name}") for name, f in fields.items()
    }
    return Edition(path, EditionInfo(**info), assumptions, chain)
