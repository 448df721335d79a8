"""The report in another language from the one Russian source, through gettext.

The Russian report is the source. Its translatable units are extracted into a template,
locale/messages.pot, and each language's catalog, locale/<language>/LC_MESSAGES/report.po, is
what a translator edits (Poedit, Weblate, Crowdin, Lokalize: any gettext tool):

- each heading, paragraph and list item of every chapter's Markdown cells; an inline value
  {eval}`expression` becomes a numbered placeholder {v1}, {v2}, … that the translator moves
  but never edits (the extracted comment says which expression each one is);
- each Russian string of the chapters' code cells (captions, notes, column headers, chart
  labels); an f-string's fields become placeholders the same way;
- every Russian word of the catalog sergek_report/labels.py (its placeholders in braces,
  {years}, stay as they are), including the templates of the sentences that depend on the data
  (labels.SENTENCES, filled by sergek_report/chapter/sentences.py);
- the texts of the parameter files params/*.yaml and params/scenarios/*.yaml that the report
  prints: each assumption's label, short label and rationale (a reference to a table's cell,
  {cpi.percent[year=2025,measure=dec_dec]}, stays as it is), an uncertainty's rationale, and
  an edition's title;
- the printed free-text cells of the data tables (inputs.translated.TRANSLATED_COLUMNS: the
  options, the decision path, the risks, the gaps, …), one message per distinct cell;
- the data dictionary's table titles (inputs/tables*.py), printed in the «what changed» block.

`make translations` runs Babel (pybabel extract with the extractors below, then pybabel
update, which marks a message whose Russian source changed as fuzzy, then a compile check).
A build in another language (`sergek-report build --language kk`) checks the catalog first:
an untranslated or fuzzy message stops it with one paragraph per message (file, chapter,
the Russian text), unless it is a draft, which shows the Russian passage marked on the page.
Then it executes a translated copy of each chapter (its Markdown units and code strings
replaced by their translations, the expressions unchanged), in the same build sequence.
"""

from __future__ import annotations

import ast
import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sergek_report import labels, paths
from sergek_report.errors import BuildError
from sergek_report.inputs.typography import typeset

CYRILLIC = re.compile("[А-Яа-яЁё]")
ROLE = re.compile(r"\{eval\}(`+)(.+?)\1", re.DOTALL)  # as chapter.inline.ROLE
# A placeholder, optionally followed by the grammatical case the translation asks for in
# brackets: {v1}, {v1}[dat] (chapter.kazakh.CASES). The case stays outside the braces, so
# {v1}[dat] is the same placeholder as the Russian {v1} for every gettext tool (msgfmt
# --check-format, which Poedit runs, rejects {v1:dat} where the message is
# python-brace-format); the Russian message never has a case; a Markdown link right after a
# value, {v1}[text](url), is not a case.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}(?:\[([A-Za-z_]+)\](?!\())?")
# The catalog's templates filled by fmt.fill (a case is allowed in them); another label is
# filled by str.format, which knows no case.
CASE_LABELS = (
    *("labels.SENTENCES", "labels.CHANGES", "labels.CHANGE_DRIVERS", "labels.CHAPTER"),
    "labels.SCENARIO_PAGE",
    *("labels.COVER_TITLE", "labels.COVER_FACTS", "labels.PATH_QUESTIONS", "labels.PATH_STEPS"),
    "labels.PATH_TREE_CAVEATS",
    *("labels.COVER_DECISION", "labels.COVER_CHECKS"),
)
# A line that starts a unit of its own: a heading or a list item (the marker is not translated).
_MARKER = re.compile(r"^(\s*(?:#{1,6}|[-*+]|\d+[.)])\s+)")
_HEADING = re.compile(r"^\s*#{1,6}\s")
# Methods whose string argument matches data, not words of the report: never translated.
_DATA_METHODS = {
    *("startswith", "endswith", "contains", "replace", "split", "match", "fullmatch", "get"),
    *("eq", "ne", "isin", "extract", "find", "index", "count", "where", "mask", "query"),
}
DRAFT_OPEN = f'<mark class="untranslated" title="{labels.DRAFT_TITLE}">'
DRAFT_CLOSE = "</mark>"


@dataclass
class Unit:
    """One translatable message: its Russian text (placeholders numbered) and where it is."""

    msgid: str
    file: str
    line: int
    chapter: str = ""
    comments: list[str] = field(default_factory=list)


# --- Markdown: headings, paragraphs, list items --------------------------------------------


def markdown_segments(source: str) -> list[tuple[str, str | None]]:
    """The cell's lines as (prefix, unit text): a unit's text spans its continuation lines;
    a blank line is ("", None). Joining prefix + text with newlines gives the source back."""
    items: list[list] = []
    for line in source.split("\n"):
        marker = _MARKER.match(line)
        if not line.strip():
            items.append(["", None, True])
        elif _HEADING.match(line) or marker:
            prefix = marker.group(1) if marker else ""
            items.append([prefix, line[len(prefix) :], _HEADING.match(line) is not None])
        elif items and items[-1][1] is not None and not items[-1][2]:
            items[-1][1] += "\n" + line  # a continuation of the paragraph or list item
        else:
            items.append(["", line, False])
    return [(prefix, text) for prefix, text, _ in items]


def join_segments(segments: list[tuple[str, str | None]]) -> str:
    return "\n".join(prefix + (text or "") for prefix, text in segments)


def markdown_message(text: str) -> tuple[str, dict[str, str]]:
    """A unit's message: each {eval} role replaced by {vN} (the same expression, the same N);
    returns the message and placeholder -> role."""
    roles: dict[str, str] = {}
    by_expr: dict[str, str] = {}

    def placeholder(match: re.Match) -> str:
        expr = match.group(2).strip()
        if expr not in by_expr:
            by_expr[expr] = f"v{len(by_expr) + 1}"
            roles[by_expr[expr]] = match.group(0)
        return "{" + by_expr[expr] + "}"

    return ROLE.sub(placeholder, text), roles


def _placeholder_comments(values: dict[str, str]) -> list[str]:
    return [f"{{{name}}} = {value}" for name, value in values.items()]


# --- code cells: Russian strings ------------------------------------------------------------


def _translatable_strings(tree: ast.AST) -> list[ast.expr]:
    """The Russian string literals and f-strings of a code cell, outermost only, except those
    compared with data or passed to a string method (they match data, not the reader)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for part in (node.left, *node.comparators):
                skip |= {id(n) for n in ast.walk(part)}
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _DATA_METHODS
        ):
            for arg in (*node.args, *(k.value for k in node.keywords)):
                skip |= {id(n) for n in ast.walk(arg)}
        elif isinstance(node, ast.JoinedStr):
            skip |= {id(n) for n in ast.walk(node) if n is not node}
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if CYRILLIC.search(node.value):
                found.append(node)
        elif isinstance(node, ast.JoinedStr) and any(
            isinstance(v, ast.Constant) and CYRILLIC.search(v.value) for v in node.values
        ):
            found.append(node)
    return sorted(found, key=lambda n: (n.lineno, n.col_offset))


def _field_source(value: ast.FormattedValue) -> str:
    return ast.unparse(ast.JoinedStr(values=[value]))[2:-1]


def string_message(node: ast.expr) -> tuple[str, dict[str, ast.FormattedValue]]:
    """A string's message: an f-string's fields replaced by {vN}; returns the message and
    placeholder -> field."""
    if isinstance(node, ast.Constant):
        return node.value, {}
    fields: dict[str, ast.FormattedValue] = {}
    by_source: dict[str, str] = {}
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(value.value)
            continue
        source = _field_source(value)
        if source not in by_source:
            by_source[source] = f"v{len(by_source) + 1}"
            fields[by_source[source]] = value
        parts.append("{" + by_source[source] + "}")
    return "".join(parts), fields


def _string_code(text: str, fields: dict[str, ast.FormattedValue]) -> str:
    """Python source for the translated string: a literal, or an f-string with the fields."""
    if not fields:
        return repr(text)
    values: list[ast.expr] = []
    for piece in re.split(r"(\{v\d+\}(?:\[[A-Za-z_]+\])?)", text):
        if not piece:
            continue
        name, _, case = piece[1:].replace("]", "").partition("}")
        case = case.lstrip("[")
        if piece.startswith("{") and name in fields and case:
            # fmt.inflect(f"{field}", "dat"): the field as the Russian text formats it, in a case
            call = ast.Call(
                func=ast.Attribute(
                    value=ast.Name("fmt", ast.Load()), attr="inflect", ctx=ast.Load()
                ),
                args=[ast.JoinedStr(values=[fields[name]]), ast.Constant(case)],
                keywords=[],
            )
            values.append(ast.FormattedValue(value=call, conversion=-1, format_spec=None))
        elif piece.startswith("{") and name in fields:
            values.append(fields[name])
        else:
            values.append(ast.Constant(piece))
    return ast.unparse(ast.JoinedStr(values=values))


# --- the units of the report ----------------------------------------------------------------


def _chapter_title(nb: dict) -> str:
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            first = "".join(cell["source"]).strip().splitlines()[0]
            return first.lstrip("#").strip()
    return ""


def _source(cell: dict) -> str:
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def notebook_units(nb: dict, file: str) -> list[Unit]:
    """Every translatable unit of one chapter, in order."""
    chapter = _chapter_title(nb)
    units = []
    for number, cell in enumerate(nb["cells"], start=1):
        source = _source(cell)
        where = f"chapter «{chapter}», cell {number}"
        if cell["cell_type"] == "markdown":
            for _, text in markdown_segments(source):
                if text is None or not CYRILLIC.search(text):
                    continue
                message, roles = markdown_message(text)
                comments = [where, *_placeholder_comments(roles)]
                units.append(Unit(message, file, number, chapter, comments))
        elif cell["cell_type"] == "code":
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in _translatable_strings(tree):
                message, fields = string_message(node)
                values = {name: _field_source(v) for name, v in fields.items()}
                comments = [f"{where} (code)", *_placeholder_comments(values)]
                units.append(Unit(message, file, number, chapter, comments))
    return units


def labels_units(source: str, file: str) -> list[Unit]:
    """Every Russian text of the catalog labels.py (dictionary keys are codes: not texts)."""
    tree = ast.parse(source)
    units = []
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign) and node.value is not None
            else []
        )
        names = [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
        if not names or names[0] in labels.NOT_TRANSLATED:
            continue
        keys: set[int] = set()
        for sub in ast.walk(node.value):
            if isinstance(sub, ast.Dict):
                keys |= {id(k) for k in sub.keys if k is not None}
        for sub in ast.walk(node.value):
            if (
                isinstance(sub, ast.Constant)
                and isinstance(sub.value, str)
                and id(sub) not in keys
                and CYRILLIC.search(sub.value)
            ):
                units.append(Unit(sub.value, file, sub.lineno, "", [f"labels.{names[0]}"]))
    return units


# Keys of a parameter file whose text the report prints (inputs.edition.TEXT_FIELDS, an
# uncertainty's rationale, an edition's title and its date's label), and an assumption's
# unit (a code of the parameter files, compared as written: translated where it is printed,
# chapter.units).
PARAMS_TEXT_KEYS = ("label", "short_label", "rationale", "title", "unit")


def params_units(source: str, file: str) -> list[Unit]:
    """Every printed Russian text of one parameter file, spaces normalised as the loader
    normalises them (a folded YAML block is one line)."""
    import yaml

    units: list[Unit] = []

    def walk(node, where: list[str]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = str(key.value)
                if (
                    name in PARAMS_TEXT_KEYS
                    and isinstance(value, yaml.ScalarNode)
                    and CYRILLIC.search(str(value.value))
                ):
                    text = typeset(" ".join(str(value.value).split()))
                    comment = f"{file or 'params'}: {'.'.join([*where, name])}"
                    units.append(Unit(text, file, value.start_mark.line + 1, "", [comment]))
                else:
                    walk(value, [*where, name])
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, where)

    walk(yaml.compose(source), [])
    return units


def table_units(file: Path, display: str) -> list[Unit]:
    """The printed text cells of one data table (inputs.translated.TRANSLATED_COLUMNS and
    CHAPTER_TRANSLATED_COLUMNS), in row order, each distinct text once per column."""
    import csv

    from sergek_report.inputs.translated import CHAPTER_TRANSLATED_COLUMNS, TRANSLATED_COLUMNS

    columns = TRANSLATED_COLUMNS.get(file.stem, ()) + CHAPTER_TRANSLATED_COLUMNS.get(file.stem, ())
    if not columns:
        return []
    units = []
    with open(file, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for number, row in enumerate(rows, start=2):
        for column in columns:
            text = typeset(row.get(column) or "")  # as the loader reads it
            if CYRILLIC.search(text):
                comment = f"data/{file.stem}.csv, line {number}, column {column}"
                units.append(Unit(text, display, number, "", [comment]))
    return units


def report_units(project: paths.Project | None = None) -> list[Unit]:
    """Every translatable unit of the report: the chapters in order, then the catalog."""
    from sergek_report.build.chapters import load_chapters

    project = project or paths.current()
    units = []
    for spec in load_chapters(project.chapters_file):
        nb = json.loads(spec.notebook.read_text(encoding="utf-8"))
        units += notebook_units(nb, project.display(spec.notebook))
    labels_py = paths.PACKAGE_DIR / "labels.py"
    units += labels_units(labels_py.read_text(encoding="utf-8"), "sergek_report/labels.py")
    for file in sorted(project.params_dir.rglob("*.yaml")):
        units += params_units(file.read_text(encoding="utf-8"), project.display(file))
    for file in sorted(project.data_dir.glob("*.csv")):
        units += table_units(file, project.display(file))
    for file in sorted((paths.PACKAGE_DIR / "inputs").glob("tables*.py")):
        units += title_units(file.read_text(encoding="utf-8"), f"sergek_report/inputs/{file.name}")
    return units


def template(units: list[Unit]):
    """The units as a Babel catalog (the .pot): one message per distinct Russian text."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="Sergek PPP report", domain=labels.DOMAIN, locale=None, fuzzy=False)
    for unit in units:
        catalog.add(unit.msgid, locations=[(unit.file, unit.line)], auto_comments=unit.comments)
    return catalog


# --- Babel extractors (babel.cfg), for `pybabel extract` ------------------------------------


def extract_notebook(fileobj, _keywords, _comment_tags, options):
    """Babel extractor for a chapter notebook: (cell number, None, message, comments)."""
    nb = json.loads(fileobj.read().decode("utf-8"))
    for unit in notebook_units(nb, ""):
        yield unit.line, None, unit.msgid, unit.comments


def extract_labels(fileobj, _keywords, _comment_tags, options):
    """Babel extractor for the catalog labels.py: (line, None, message, comments)."""
    for unit in labels_units(fileobj.read().decode("utf-8"), ""):
        yield unit.line, None, unit.msgid, unit.comments


def extract_table(fileobj, _keywords, _comment_tags, options):
    """Babel extractor for a data table: (line, None, message, comments)."""
    import tempfile

    name = Path(getattr(fileobj, "name", "")).stem
    with tempfile.TemporaryDirectory() as folder:
        copy_file = Path(folder) / f"{name}.csv"
        copy_file.write_bytes(fileobj.read())
        for unit in table_units(copy_file, ""):
            yield unit.line, None, unit.msgid, unit.comments


def title_units(source: str, file: str) -> list[Unit]:
    """The data dictionary's table titles (`title="…"` in inputs/tables*.py), which the
    «what changed» block prints."""
    units = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg == "title"
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and CYRILLIC.search(value.value)
                ):
                    comment = f"{file or 'data dictionary'}: a table's title"
                    units.append(Unit(value.value, file, value.lineno, "", [comment]))
    return sorted(units, key=lambda u: u.line)


def extract_titles(fileobj, _keywords, _comment_tags, options):
    """Babel extractor for the data dictionary: (line, None, message, comments)."""
    for unit in title_units(fileobj.read().decode("utf-8"), ""):
        yield unit.line, None, unit.msgid, unit.comments


def extract_params(fileobj, _keywords, _comment_tags, options):
    """Babel extractor for a parameter file: (line, None, message, comments)."""
    for unit in params_units(fileobj.read().decode("utf-8"), ""):
        yield unit.line, None, unit.msgid, unit.comments


# --- the catalog's state and the translated chapters ---------------------------------------


def _display(file: Path) -> str:
    return paths.display_path(file)


def catalog_problems(units: list[Unit], language: str) -> list[str]:
    """One paragraph per message the language's catalog does not translate: untranslated,
    fuzzy (its Russian source changed since it was translated: the catalog is first updated
    in memory against the current text, as `make translations` would), or with placeholders
    other than the Russian message's."""
    from babel.messages.pofile import read_po

    po_file = labels.catalog_file(language)
    if not po_file.is_file():
        raise BuildError(
            f"{_display(po_file)}: no catalog for the language '{language}'; `make translations` "
            "creates it from the Russian text."
        )
    with open(po_file, "rb") as f:
        catalog = read_po(f, locale=language)
    catalog.update(template(units))
    problems, seen = [], set()
    for unit in units:
        if unit.msgid in seen:
            continue
        seen.add(unit.msgid)
        message = catalog.get(unit.msgid)
        where = f"{unit.file}" + (f", chapter «{unit.chapter}»" if unit.chapter else "")
        where += f" ({unit.comments[0]})" if not unit.chapter and unit.comments else ""
        if message is None or not message.string:
            problems.append(f"untranslated: {where}: «{unit.msgid}»")
        elif message.fuzzy:
            problems.append(
                f"fuzzy (the Russian text changed since it was translated): {where}: «{unit.msgid}»"
            )
        elif _names(message.string) != _names(unit.msgid):
            problems.append(
                f"placeholders differ ({', '.join(sorted(_names(unit.msgid)))} "
                f"expected): {where}: «{unit.msgid}»"
            )
    return problems


def _names(text: str) -> set[str]:
    """The placeholders' names of a message, without their cases: {v1}[dat] is {v1}."""
    return {name for name, _ in PLACEHOLDER.findall(text)}


def case_problems(units: list[Unit], found: dict[str, str], language: str) -> list[str]:
    """One paragraph per translated message whose placeholder asks for a case the grammar
    does not know ({v1}[datt]), or for a case where the value is filled without one (a label
    outside CASE_LABELS, a parameter file's text)."""
    from sergek_report.chapter.kazakh import CASES

    po_file = _display(labels.catalog_file(language))
    allowed = ", ".join(f"{name} ({grammar})" for name, grammar in CASES.items())
    problems, seen = [], set()
    for unit in units:
        text = found.get(unit.msgid)
        if text is None or unit.msgid in seen:
            continue
        seen.add(unit.msgid)
        where = f"{unit.file}" + (f", chapter «{unit.chapter}»" if unit.chapter else "")
        takes_case = bool(unit.chapter) or (unit.comments[:1] and unit.comments[0] in CASE_LABELS)
        for name, case in PLACEHOLDER.findall(text):
            if not case:
                continue
            if case not in CASES:
                problems.append(
                    f"{po_file}: the translation of «{unit.msgid}» ({where}) asks for the case "
                    f"'{case}' in {{{name}}}[{case}], which is not a case name; a placeholder "
                    f"takes one of: {allowed}, as in {{{name}}}[dat], or none ({{{name}}})."
                )
            elif not takes_case:
                problems.append(
                    f"{po_file}: the translation of «{unit.msgid}» ({where}) asks for the case "
                    f"'{case}' in {{{name}}}[{case}], but this text is filled without cases (only "
                    "the chapters' messages and the labels "
                    f"{', '.join(c.split('.', 1)[1] for c in CASE_LABELS)} take them); write "
                    f"{{{name}}} and the ending in the words around it."
                )
    return problems


def incomplete_error(problems: list[str], language: str) -> BuildError:
    po_file = _display(labels.catalog_file(language))
    return BuildError(
        f"{po_file}: the '{language}' edition is not built: {len(problems)} message(s) of the "
        "Russian text have no current translation. Translate them in the catalog (any PO "
        "editor; `make translations` first brings it up to date with the Russian text), or "
        "build a draft with --draft, which marks each untranslated passage on the page.\n\n"
        + "\n\n".join(problems)
    )


def _replace_spans(source: str, replacements: list[tuple[ast.expr, str]]) -> str:
    """Replace each node's source span (ast offsets are in UTF-8 bytes) by new code."""
    lines = source.encode("utf-8").split(b"\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    data = source.encode("utf-8")
    for node, code in sorted(replacements, key=lambda r: (r[0].lineno, r[0].col_offset))[::-1]:
        begin = starts[node.lineno - 1] + node.col_offset
        end = starts[node.end_lineno - 1] + node.end_col_offset
        data = data[:begin] + code.encode("utf-8") + data[end:]
    return data.decode("utf-8")


def _role_in_case(role: str, case: str | None) -> str:
    """An inline value's role, in the case the translation asks for: {eval}`expr` with
    «[dat]» -> {eval}`fmt.inflect(expr, "dat")` (every chapter imports fmt)."""
    if not case:
        return role
    match = ROLE.fullmatch(role)
    fence, expr = match.group(1), match.group(2).strip()
    return f'{{eval}}{fence}fmt.inflect({expr}, "{case}"){fence}'


def _markdown_translated(source: str, found: dict[str, str], draft: bool) -> str:
    segments = []
    for prefix, text in markdown_segments(source):
        if text is None or not CYRILLIC.search(text):
            segments.append((prefix, text))
            continue
        message, roles = markdown_message(text)
        if message in found:
            translated = PLACEHOLDER.sub(
                lambda m, roles=roles: (
                    _role_in_case(roles[m.group(1)], m.group(2))
                    if m.group(1) in roles
                    else m.group(0)
                ),
                found[message],
            )
        elif not draft:
            translated = text
        elif prefix.lstrip().startswith("#"):
            translated = labels.DRAFT_MARK + text  # a heading: its text makes its anchor
        else:
            translated = DRAFT_OPEN + text + DRAFT_CLOSE
        segments.append((prefix, translated))
    return join_segments(segments)


def _code_translated(source: str, found: dict[str, str], draft: bool) -> str:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    replacements = []
    for node in _translatable_strings(tree):
        message, fields = string_message(node)
        if message in found:
            replacements.append((node, _string_code(found[message], fields)))
        elif draft:
            replacements.append((node, _string_code(labels.DRAFT_MARK + message, fields)))
    return _replace_spans(source, replacements)


def translate_notebook(nb: dict, found: dict[str, str], draft: bool = False) -> dict:
    """A chapter in another language: each unit replaced by its translation (placeholders
    back to the expressions); in a draft an untranslated passage is marked, else Russian."""
    nb = copy.deepcopy(nb)
    for cell in nb["cells"]:
        source = _source(cell)
        if cell["cell_type"] == "markdown":
            cell["source"] = _markdown_translated(source, found, draft)
        elif cell["cell_type"] == "code":
            cell["source"] = _code_translated(source, found, draft)
    return nb


def translated_chapters(
    chapters, language: str, draft: bool, folder: Path, project, params_files=(), data_dir=None
) -> list:
    """The chapters to execute for an edition in `language`: the catalog checked (an
    incomplete one stops the build unless `draft`), each chapter's translated copy written
    to `folder` (same file names); `params_files`: the edition's parameter files (their
    printed texts are messages too); `data_dir`: the edition's tables (their printed text
    cells are messages too). Returns the chapter specs pointing at the copies."""
    import dataclasses

    units = []
    notebooks = {}
    for spec in chapters:
        nb = json.loads(spec.notebook.read_text(encoding="utf-8"))
        notebooks[spec.name] = nb
        units += notebook_units(nb, _display(spec.notebook))
    labels_py = paths.PACKAGE_DIR / "labels.py"
    units += labels_units(labels_py.read_text(encoding="utf-8"), "sergek_report/labels.py")
    for file in params_files:
        units += params_units(Path(file).read_text(encoding="utf-8"), _display(Path(file)))
    for file in sorted(Path(data_dir).glob("*.csv")) if data_dir else ():
        units += table_units(file, _display(file))
    for file in sorted((paths.PACKAGE_DIR / "inputs").glob("tables*.py")):
        units += title_units(file.read_text(encoding="utf-8"), f"sergek_report/inputs/{file.name}")
    problems = catalog_problems(units, language)
    if problems and not draft:
        raise incomplete_error(problems, language)
    found = labels.read_translations(language)
    wrong_cases = case_problems(units, found, language)
    if wrong_cases:
        raise BuildError("\n\n".join(wrong_cases))
    folder.mkdir(parents=True, exist_ok=True)
    specs = []
    for spec in chapters:
        target = folder / spec.name
        text = json.dumps(
            translate_notebook(notebooks[spec.name], found, draft), ensure_ascii=False, indent=1
        )
        if not target.is_file() or target.read_text(encoding="utf-8") != text + "\n":
            target.write_text(text + "\n", encoding="utf-8")
        specs.append(dataclasses.replace(spec, notebook=target))
    return specs, problems
