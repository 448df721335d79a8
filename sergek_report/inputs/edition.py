"""An edition of the report, declared once in params/*.yaml and loaded into one typed model.

A parameter file has an `edition` section (the edition date) and an `assumptions` section:
every assumption the calculations use, each with its type, value, range, unit, Russian label
and short label, rationale and source. A scenario file may start with `extends: <file>` and
give only the fields it changes. This module is the only place where values are coerced:
the calculations receive `AssumptionValues`, whose attributes are already dates, ints or floats.

Names are checked both ways: a calculation that asks for an assumption the file does not
declare stops with a message naming the file and the key, and the build rejects declared
assumptions that no calculation uses (`AssumptionValues.unused`).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from sergek_report import labels, paths
from sergek_report.errors import ParameterError
from sergek_report.inputs.typography import typeset
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


class Distribution(BaseModel):
    """How an assumption is uncertain over its range, for the Monte Carlo of the options.

    `shape`: uniform over the range, or triangular with its mode at the assumption's value.
    `correlation`: rank correlation with other assumptions (name -> coefficient in [-1, 1]),
    declared on one of the two; `rationale` says why they move together.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    shape: Literal["uniform", "triangular"]
    correlation: dict[str, float] = {}
    rationale: str = ""

    @field_validator("rationale")
    @classmethod
    def _spaced(cls, text: str) -> str:
        return typeset(" ".join(text.split()))  # as the extractor of translations reads it

    @field_validator("correlation")
    @classmethod
    def _coefficients(cls, value: dict[str, float]) -> dict[str, float]:
        for name, rho in value.items():
            if not -1 < rho < 1:
                raise ValueError(f"correlation with {name!r} must lie strictly between -1 and 1")
        return value

    @model_validator(mode="after")
    def _explained(self) -> Distribution:
        if self.correlation and not self.rationale.strip():
            raise ValueError("a correlation needs its rationale")
        return self


class ShownAs(BaseModel):
    """How the assumptions table shows a model weight (a number between 0 and 1 that places a
    quantity between two sourced figures) to the reader: as the quantity itself, in its unit.

    `label`: what the quantity is; `quantity`: the figure the weight places (a key of
    chapter.shown.QUANTITIES, which computes it from the model's data at the weight's value and
    at both ends of its range); `unit`: the unit it is printed in, `scale` the tenge in one
    unit (1 000 for «тыс. тенге»), `digits` its decimals. `either_or`: the two ends are two
    readings of a source, each computed on its own (printed «420 или 240»), not a range.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    quantity: str
    unit: str
    scale: float = 1.0
    digits: int = 0
    either_or: bool = False

    @field_validator("label", "unit")
    @classmethod
    def _spaced(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("must not be empty")
        return typeset(" ".join(text.split()))  # as the extractor of translations reads it


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
    distribution: Distribution | None = None  # uncertainty for the Monte Carlo
    shown_as: ShownAs | None = None  # a weight shown as the quantity it places

    @field_validator("label", "short_label", "rationale", "source")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("must not be empty")
        return typeset(" ".join(text.split()))

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
        if self.distribution is not None and self.name in self.distribution.correlation:
            raise ValueError(
                "distribution.correlation: an assumption is not correlated with itself"
            )
        return self


class EditionHeader(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    edition_date: dt.date
    title: str = labels.DEFAULT_EDITION_TITLE  # what a scenario is called in the report


class Edition:
    """A loaded parameter file: edition information, assumptions, and where each came from."""

    def __init__(
        self,
        path: Path,
        info: EditionHeader,
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

    def assumption_values(self) -> AssumptionValues:
        return AssumptionValues(self)


class AssumptionValues:
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

    def replace(self, **changes: Any) -> AssumptionValues:
        """A copy with some values changed (sensitivity and scenarios); same declarations."""
        edition = object.__getattribute__(self, "_edition")
        values = dict(object.__getattribute__(self, "_values"))
        for name, value in changes.items():
            self._lookup(name)  # a missing name is an error here too
            try:
                values[name] = coerce(edition.assumptions[name].type, value)
            except ValueError as exc:
                raise ParameterError(f"assumption {name!r}: {exc}.") from None
        copy = AssumptionValues(edition, values)
        object.__setattr__(copy, "_used", object.__getattribute__(self, "_used"))
        return copy

    def range(self, name: str) -> tuple[Any, Any]:
        self._lookup(name)
        return object.__getattribute__(self, "_edition").assumptions[name].range

    def distributions(self) -> dict[str, Distribution]:
        """The declared distributions by name; a correlation must name a declared assumption
        that has a distribution too."""
        declared = object.__getattribute__(self, "_edition").assumptions
        found = {n: a.distribution for n, a in declared.items() if a.distribution is not None}
        for name, d in found.items():
            for other in d.correlation:
                if other not in found:
                    raise ParameterError(
                        f"assumption {name!r}: distribution.correlation names {other!r}, which "
                        "is not an assumption with a distribution."
                    )
        return found

    def shown(self) -> dict[str, ShownAs]:
        """The weights the assumptions table shows as the quantities they place, by name."""
        declared = object.__getattribute__(self, "_edition").assumptions
        return {n: a.shown_as for n, a in declared.items() if a.shown_as is not None}

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

MAX_EXTENDS = 16  # a scenario of a scenario of …: a short chain, never hundreds of files
MAX_DIGITS = 15  # a parameter is a rate, a count or an amount: beyond this it is a typo

INT_12 = r"[-+]?[0-9]+"
FLOAT_12 = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
# Plain scalars that YAML 1.1 (PyYAML) reads differently from how they are written:
# 075 (octal 61), 0x1F, 0o17, 1_000, 1:30 (sexagesimal 90), .inf and .nan, yes/no/on/off.
SUSPECT = (
    r"[-+]?0[0-9_]+(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?0[xXoObB][0-9a-fA-F_]+"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[-+]?[0-9][0-9]*_[0-9_]*(?:\.[0-9_]*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|[-+]?[0-9]*\.[0-9_]*_[0-9_]*"
    r"|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF"
)
SUSPECT_TAG = "tag:sergek-report,2026:suspect"


class StrictLoader(yaml.SafeLoader):
    """YAML read as written (the YAML 1.2 core schema for numbers and booleans): a value
    that YAML 1.1 would silently turn into another number (075, 1_000, 1:30), a non-finite
    or a huge number is an error with the reason, never a different value."""


StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    SUSPECT_TAG, re.compile(f"^(?:{SUSPECT})$"), list("-+0123456789.yYnNoO")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(f"^{INT_12}$"), list("-+0123456789")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(f"^{FLOAT_12}$"), list("-+0123456789.")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile("^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _number_problem(text: str) -> str:
    if re.fullmatch(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)", text):
        return "is not a finite number; write the value itself"
    if re.fullmatch(r"[-+]?0[xXoObB][0-9a-fA-F_]+", text):
        return "is written in another base (hexadecimal, octal or binary); write it in decimal"
    if ":" in text:
        return "reads in YAML 1.1 as a base-60 number; write a decimal number, or a date"
    if "_" in text:
        return "has '_' digit separators; write the digits alone, e.g. 1000000"
    if re.fullmatch(r"[-+]?0[0-9]+", text):
        try:
            octal = f" (YAML 1.1 reads it as the octal number {int(text, 8)})"
        except ValueError:
            octal = ""
        return f"has a leading zero{octal}; write {int(text, 10)} without the zero"
    if re.fullmatch(r"[-+]?0[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?", text):
        return f"has a leading zero; write {float(text)!r}"
    return (
        "is read as yes/no by YAML 1.1 but as text by YAML 1.2; write true or false, or quote "
        "the text"
    )


def _construct_suspect(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    raise yaml.constructor.ConstructorError(
        None, None, f"{node.value!r} {_number_problem(node.value)}", node.start_mark
    )


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = loader.construct_scalar(node)
    if len(text.lstrip("+-")) > MAX_DIGITS:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"a number of {len(text.lstrip('+-'))} digits is too large for a parameter "
            f"(at most {MAX_DIGITS} digits)",
            node.start_mark,
        )
    return int(text, 10)


def _construct_float(loader: yaml.SafeLoader, node: yaml.Node) -> float:
    text = loader.construct_scalar(node)
    value = float(text)
    mantissa = re.split(r"[eE]", text)[0].lstrip("+-").replace(".", "").lstrip("0")
    if not math.isfinite(value) or abs(value) >= 10.0**MAX_DIGITS or len(mantissa) > 30:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"{text[:MAX_EXCERPT]!r} is too large for a parameter (at most "
            f"{MAX_DIGITS} digits before the decimal point)",
            node.start_mark,
        )
    return value


StrictLoader.add_constructor(SUSPECT_TAG, _construct_suspect)
StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


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
    return copy.deepcopy(_parsed(text, where))


@functools.lru_cache(maxsize=64)
def _parsed(text: str, where: str) -> dict:
    """The checked mapping of one file's text (kept: an edition chain is read many times,
    and parsing is most of the cost)."""
    _reject_aliases(text, where)
    try:
        raw = yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as exc:  # an unsafe tag (!!python/…), an octal-looking number, …
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        if problem.startswith("could not determine a constructor"):
            problem = (
                problem.replace("could not determine a constructor for the tag", "the tag")
                + " is not allowed; a parameter file holds plain values only"
            )
        raise ParameterError(f"{where}{line}: {problem}.") from None
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
    """`path` as the user named it (not through its symlink): `extends` is resolved, to its
    real path, from the folder the file appears in, and must stay inside params/ or that
    folder."""
    where = display_path(path)
    if not isinstance(target, str) or not target.endswith(".yaml"):
        raise ParameterError(f"{where}: extends must name a .yaml file, found {_excerpt(target)}.")
    base = (path.parent / target).resolve()
    root = paths.PARAMS_DIR.resolve()
    if root not in base.parents and path.parent.resolve() != base.parent:
        raise ParameterError(
            f"{where}: extends {target!r} points outside {display_path(root)}/; an edition "
            "may only extend another parameter file of the project."
        )
    return base


def load_edition(path: str | Path, _seen: tuple[Path, ...] = ()) -> Edition:
    """Read a parameter file, following `extends:`, and validate every assumption."""
    given = Path(path).absolute()
    path = given.resolve()
    where = display_path(path)
    if path in _seen:
        raise ParameterError(f"{where}: `extends` forms a cycle.")
    if len(_seen) >= MAX_EXTENDS:
        raise ParameterError(
            f"{display_path(_seen[0])}: `extends` goes through more than {MAX_EXTENDS} files "
            f"(at {where}); a scenario extends the default edition or one scenario of it."
        )
    raw = _read_yaml(path)
    unknown = set(raw) - set(SECTIONS) - {"extends"}
    if unknown:
        raise ParameterError(
            f"{where}: unknown top-level key(s) {sorted(map(str, unknown))}; expected "
            f"'extends' and the sections {list(SECTIONS)}."
        )
    if "extends" in raw:
        base = load_edition(_resolve_extends(given, raw["extends"]), _seen + (path,))
        info = base.info.model_dump()
        fields = {n: a.model_dump() for n, a in base.assumptions.items()}
        chain = base.chain + [path]
    else:
        info, fields, chain = {}, {}, [path]

    edition_raw = raw.get("edition") or {}
    if not isinstance(edition_raw, dict):
        raise ParameterError(f"{where}: section 'edition' must be a mapping.")
    for name, entry in edition_raw.items():
        if name not in EditionHeader.model_fields:
            raise ParameterError(
                f"{where}: edition.{name} is not known; the edition section takes "
                f"{', '.join(EditionHeader.model_fields)}."
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
    return Edition(path, EditionHeader(**info), assumptions, chain)


# A figure that a table states is not typed in a label or rationale: `{table.column[key=value,
# …]}` is replaced by the cell of the one row whose key columns match, e.g.
# `{cpi.percent[year=2025,measure=dec_dec]}` -> 12,3. The loader names a reference that
# matches no row, or several.
REFERENCE = re.compile(r"\{([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\[([^\]{}]*)\]\}")
TEXT_FIELDS = ("label", "short_label", "rationale")


def referenced_tables(edition: Edition) -> list[str]:
    """Tables whose cells the edition's labels and rationales quote."""
    return sorted(
        {
            m.group(1)
            for a in edition.assumptions.values()
            for f in TEXT_FIELDS
            for m in REFERENCE.finditer(getattr(a, f))
        }
    )


def _cell_text(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime) or hasattr(value, "date"):
        return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
    number = float(value)
    if number.is_integer():
        whole = f"{int(number):,}".replace(",", "\u00a0")
        return whole if abs(number) >= 1000 else str(int(number))
    return f"{number:g}".replace(".", ",")


def resolve_references(edition: Edition, tables: Mapping[str, Any]) -> Edition:
    """The edition with each `{table.column[key=value]}` in its texts replaced by the cell;
    in an edition in another language (labels.use_language) its texts are first replaced by
    their translations from the catalog (the references stay in the translated text)."""
    say = labels.translate

    def one(match: re.Match, where: str) -> str:
        table, column, keys = match.groups()
        frame = tables.get(table)
        if frame is None or column not in frame.columns:
            raise ParameterError(
                f"{where}: {match.group(0)} names no table column (data/{table}.csv, column "
                f"{column!r}); expected {{table.column[key=value,…]}}."
            )
        rows = frame
        for pair in filter(None, (k.strip() for k in keys.split(","))):
            key, _, wanted = pair.partition("=")
            key, wanted = key.strip(), wanted.strip()
            if key not in frame.columns:
                raise ParameterError(
                    f"{where}: {match.group(0)}: data/{table}.csv has no column {key!r}."
                )
            rows = rows[rows[key].astype(str).str.removesuffix(" 00:00:00").eq(wanted)]
        if len(rows) != 1 or rows[column].isna().iloc[0]:
            raise ParameterError(
                f"{where}: {match.group(0)} matches {len(rows)} rows of data/{table}.csv; "
                "expected exactly one row with a value."
            )
        return _cell_text(rows[column].iloc[0])

    assumptions = {}
    for name, a in edition.assumptions.items():
        where = f"{display_path(edition.path)}: assumptions.{name}"
        changes = {
            f: typeset(REFERENCE.sub(lambda m, w=f"{where}.{f}": one(m, w), say(getattr(a, f))))
            for f in TEXT_FIELDS
            if REFERENCE.search(getattr(a, f)) or say(getattr(a, f)) != getattr(a, f)
        }
        if a.distribution is not None and a.distribution.rationale:
            rationale = say(a.distribution.rationale)
            if rationale != a.distribution.rationale:
                changes["distribution"] = a.distribution.model_copy(update={"rationale": rationale})
        if a.shown_as is not None:
            label = say(a.shown_as.label)  # its unit is translated where printed, as others
            if label != a.shown_as.label:
                changes["shown_as"] = a.shown_as.model_copy(update={"label": label})
        assumptions[name] = a.model_copy(update=changes) if changes else a
    info = edition.info
    if say(info.title) != info.title:
        info = info.model_copy(update={"title": say(info.title)})
    return Edition(edition.path, info, assumptions, edition.chain)
