"""The column tables of data/README.md, generated from the declarations in `tables.py`.

Each table's section of the README holds a block between two marker comments:

    <!-- generated: columns of deployment -->
    …
    <!-- end generated -->

`write_readme()` rewrites every block from the declarations; `readme_differences()` lists the
blocks that disagree with them (a test requires none). Prose outside the blocks is kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from sergek_report import paths
from sergek_report.inputs.schema import TableSpec
from sergek_report.inputs.tables import AGREEMENTS, TABLES

BLOCK = re.compile(
    r"<!-- generated: columns of (?P<name>[a-z_]+) -->\n(?P<body>.*?)<!-- end generated -->",
    re.S,
)


def columns_markdown(spec: TableSpec) -> str:
    """The column table of one table, and the rules the loader checks on it."""
    lines = ["| column | type / unit | meaning |", "|---|---|---|"]
    for f in spec.fields:
        name = f"**{f.name}**" if f.name in spec.key else f.name
        lines.append(f"| {name} | {f.type_text} | {f.doc} |")
    rules = [f"- `{r.column}`: {r.expected}" for r in spec.rules]
    rules += [
        f"- `{a.column}` of {a.subject}: equal to {a.what} (`{a.other}.csv`)"
        for a in AGREEMENTS
        if a.table == spec.name
    ]
    text = "\n".join(lines) + "\n"
    if rules:
        text += "\nChecked on every load, besides each column's type and bounds:\n\n"
        text += "\n".join(rules) + "\n"
    return text


def data_dictionary_markdown() -> str:
    """Every table's column table, in declaration order, each under a heading."""
    return "\n".join(f"### `{spec.file}`\n\n{columns_markdown(spec)}" for spec in TABLES.values())


def generated(readme_text: str) -> str:
    """`readme_text` with every generated block rewritten from the declarations."""

    def fill(match: re.Match) -> str:
        name = match.group("name")
        if name not in TABLES:
            return match.group(0)  # reported by readme_differences
        return (
            f"<!-- generated: columns of {name} -->\n{columns_markdown(TABLES[name])}"
            "<!-- end generated -->"
        )

    return BLOCK.sub(fill, readme_text)


def readme_differences(path: Path | None = None) -> list[str]:
    """What in the README disagrees with the declarations (empty when it agrees)."""
    text = Path(path or paths.current().data_dir / "README.md").read_text(encoding="utf-8")
    blocks = {m.group("name"): m.group("body") for m in BLOCK.finditer(text)}
    problems = [f"no generated block for table {n!r}" for n in TABLES if n not in blocks]
    problems += [f"generated block for undeclared table {n!r}" for n in blocks if n not in TABLES]
    problems += [
        f"the columns of {n!r} differ from the declarations"
        for n, body in blocks.items()
        if n in TABLES and body != columns_markdown(TABLES[n])
    ]
    return problems


def write_readme(path: Path | None = None) -> bool:
    """Rewrite the generated blocks of the README; True when the file changed."""
    path = Path(path or paths.current().data_dir / "README.md")
    text = path.read_text(encoding="utf-8")
    new = generated(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
