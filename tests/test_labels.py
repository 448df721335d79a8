"""The report's fixed words live in one catalog, sergek_report/labels.py, and type no figure.

- No Russian word of the report in the package code outside the catalog (a few exceptions,
  each with its reason below).
- No data figure typed by hand in the catalog: a figure comes through a placeholder.
- The glossary template is only the frame: its terms are the catalog's.
- Labels that name a figure follow the data (a changed original scope changes the label).
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from sergek_report import labels, paths
from sergek_report.build import metrics, render
from sergek_report.chapter import api, decision_tables
from sergek_report.inputs import datasets
from sergek_report.inputs.edition import load_edition
from sergek_report.model import results

CYRILLIC = re.compile("[А-Яа-яЁё]")

# Modules whose Russian words belong elsewhere than the catalog, with the reason.
MODULES_ALLOWED = {
    "labels.py": "the catalog itself",
    "chapter/fmt.py": (
        "the formatting machinery: scale words (тыс., млн, млрд), тенге, babel's months"
    ),
    "chapter/sentences.py": "sentences that depend on data belong to the chapters' prose",
    "inputs/tables.py": "the data dictionary: each table's Russian title (TableSpec.title)",
    "inputs/tables_2027.py": "the data dictionary: each table's Russian title (TableSpec.title)",
    "inputs/schema.py": "an error message quoting a unit word a cell must not hold",
    "inputs/csvfile.py": "the characters a CSV cell may hold (a regular expression)",
    "chapter/kazakh.py": "Kazakh grammar: the case endings and the spoken words of numbers",
}
# Single literals allowed elsewhere, with the reason.
LITERALS_ALLOWED = {
    ("build/sequence.py", "нет данных"): "commit note read by render._short_version, never printed",
    (
        "build/sequence.py",
        " (с незафиксированными изменениями)",
    ): "the same: the colophon prints labels'",
    ("build/translations.py", "[А-Яа-яЁё]"): (
        "the letters that make a string a translatable unit (a regular expression)"
    ),
    ("model/prices.py", "the МРП"): "an error message (English) naming the indicator",
    ("model/prices.py", "no МРП value in force on 1 July "): "an error message (English)",
    (
        "build/render.py",
        r"(\b(?:г|гг|руб|тыс|млн|млрд|мес|ст|п|т\.\s?е|т\.\s?д)\.)((?:</[a-z]+>)*)\.",
    ): ("the abbreviations whose full stop also ends a sentence (a regular expression)"),
}
# Units as written in params/*.yaml and metrics.json are identifiers, not words of the report.
UNIT_CODES = set(labels.UNIT_FORMS) | {"тенге", "МРП", "%", "дата"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def russian_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal with a Cyrillic letter, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CYRILLIC.search(node.value)
    )


def test_the_package_holds_no_russian_word_outside_the_catalog():
    found = [
        f"sergek_report/{path.relative_to(paths.PACKAGE_DIR).as_posix()}:{line}: {text!r}"
        for path in sorted(paths.PACKAGE_DIR.rglob("*.py"))
        if path.relative_to(paths.PACKAGE_DIR).as_posix() not in MODULES_ALLOWED
        for line, text in russian_literals(path)
        if (path.relative_to(paths.PACKAGE_DIR).as_posix(), text) not in LITERALS_ALLOWED
        and text not in UNIT_CODES
    ]
    assert not found, (
        "Russian words of the report in package code; put them in sergek_report/labels.py "
        "(with a {placeholder} for a figure) and import them from there:\n" + "\n".join(found)
    )


def test_the_allow_lists_name_what_is_there():
    for name in MODULES_ALLOWED:
        assert (paths.PACKAGE_DIR / name).is_file(), name
    for name, text in LITERALS_ALLOWED:
        assert text in {t for _, t in russian_literals(paths.PACKAGE_DIR / name)}, (name, text)


# A figure in the catalog's words that is not data, with the reason.
FIGURES_ALLOWED = {
    "100 комплексов за 12 месяцев — 1 200 комплексо-месяцев": "the glossary's worked example",
    "= 100": "an index's base value («декабрь 2021 = 100») by definition",
    "(1 + ставка": "the glossary's discounting formula (a payment a year later divided by one plus "
    "the rate), not data",
    "P10": "the name of a percentile (the tenth), not data",
    "P50": "the name of a percentile (the median), not data",
    "P90": "the name of a percentile (the ninetieth), not data",
    "табл.\u00a01 (": "the memo's table of variants, the report's first table, as the memo's "
    "Table 2 names it (a table's number, not data)",
    "табл.\u00a01).": "the memo's table of variants, as the title page's chart points to it after "
    "the variant (a table's number, not data)",
    "не хватит — табл.\u00a02": "the memo's table of the cases the line does not hold, as the "
    "title page's card points to it (a table's number, not data)",
}


def _catalog_texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _catalog_texts(v)]
    if isinstance(value, tuple | list):
        return [t for v in value for t in _catalog_texts(v)]
    return []


def _texts():
    return [
        text
        for name, value in vars(labels).items()
        if name.isupper()
        for text in _catalog_texts(value)
    ]


def test_the_catalog_types_no_figure():
    found = []
    for text in _texts():
        literal = "".join(part for part, *_ in string.Formatter().parse(text))
        for phrase in FIGURES_ALLOWED:
            literal = literal.replace(phrase, "")
        if re.search(r"\d", literal):
            found.append(text)
    assert not found, (
        "figures typed into labels.py: write a {placeholder} the code fills from the results, "
        "or allow the phrase with its reason in FIGURES_ALLOWED:\n" + "\n".join(found)
    )
    for phrase in FIGURES_ALLOWED:
        assert any(phrase in text for text in _texts()), f"unused allowed phrase {phrase!r}"


def test_the_glossary_template_is_only_the_frame():
    template = (paths.TEMPLATES_DIR / "glossary.html.j2").read_text(encoding="utf-8")
    template = re.sub(r"\{#.*?#\}", "", template, flags=re.S)
    for term, definition in labels.GLOSSARY:
        assert term.split(",")[0] not in template and definition[:20] not in template, term
    words = CYRILLIC.findall(re.sub(r"<h1[^>]*>.*?</h1>", "", template))
    assert not words, "the glossary template holds words besides its heading"
    assert "for term, definition in entries" in template


def test_the_glossary_takes_the_tariff_year_from_the_data():
    glossary = render.glossary_html(2023)
    assert "тариф остаётся на уровне 2023 года" in glossary
    assert "В реальном выражении, в ценах 2023 года" in glossary
    assert "2021" not in glossary
    for term, _ in labels.GLOSSARY:
        assert term.format(base_year="2023") in glossary


@pytest.fixture(scope="module")
def real_tables():
    edition = load_edition(paths.DEFAULT_PARAMS)
    tables = datasets.load_tables(None, data_dir=paths.DATA_DIR, as_of=edition.edition_date)
    return edition.assumption_values(), dict(tables)


def _with_contract(tables: dict, **values) -> dict:
    contract = tables["contract"].copy()
    for item, value in values.items():
        contract.loc[contract["item"] == item, "value"] = value
    return {**tables, "contract": contract}


def test_a_changed_original_scope_changes_the_estimate_label(real_tables):
    assumptions, tables = real_tables
    r = results.compute(_with_contract(tables, original_scope=800.0), assumptions)
    table = decision_tables.reconciliation_table(r)
    assert list(table.iloc[:, 0]) == [
        "Обязательства ÷ (800 АПК × срок)",
        "Выплата 2020–2022 ÷ комплексо-месяцы",
    ]


def test_the_reconciliation_headers_name_the_data(real_tables):
    assumptions, tables = real_tables
    table = decision_tables.reconciliation_table(results.compute(tables, assumptions))
    assert list(table.columns) == [
        "Оценка платы за АПК в месяц",
        "Тенге за АПК в месяц",
        "2020–2025, млрд тенге",
        "К первоначальным обязательствам",
        "Включая 2026 г., млрд тенге",
        "К «общей стоимости»",
    ]
    # the figures' columns are right-aligned without a chapter typing their headers
    assert table.attrs["numeric"] == list(table.columns[1:])
    # the rows: each estimate at its quantity's precision, both in tenge (181 064 tenge from an
    # exact figure; ≈ 162 000, whole thousands, from a payment rounded to a tenth of a
    # billion: never «≈ 162 тыс.» in a column of tenge), ratios to two decimals
    monthly = list(table["Тенге за АПК в месяц"])
    assert monthly == ["181\u00a0064", "\u2248\u00a0162\u00a0000"]
    assert all(re.fullmatch(r"\d,\d\d", v) for v in table["К «общей стоимости»"])
    # the obligations change the ratio, not the header (their figure is in the text above)
    changed = results.compute(_with_contract(tables, state_obligations=12e9), assumptions)
    assert "К первоначальным обязательствам" in decision_tables.reconciliation_table(changed)
    assert list(decision_tables.reconciliation_table(changed)["К «общей стоимости»"]) != list(
        table["К «общей стоимости»"]
    )


def test_a_chapter_table_right_aligns_the_columns_its_builder_declares(monkeypatch):
    shown = []
    monkeypatch.setattr(api, "display", shown.append)
    frame = pd.DataFrame({"Оценка": ["a"], "К обязательствам 9,99\u00a0млрд": ["1,26"]})
    frame.attrs["numeric"] = ["К обязательствам 9,99\u00a0млрд"]
    chapter = SimpleNamespace(_source_line=lambda sources, note: "")
    api.Chapter.table(chapter, frame, "Сверка", sources=[], numeric=["Оценка"])
    html = shown[0].data
    assert '<td class="num">a</td>' in html and '<td class="num">1,26</td>' in html


def test_key_figure_labels_follow_the_data_and_the_assumptions(real_tables):
    assumptions, tables = real_tables
    r = results.compute(
        _with_contract(tables, additional_complexes=400.0), assumptions.replace(stopgap_months=1)
    )
    by_name = {m["name"]: m["label"] for m in metrics.key_metrics(r)}
    assert by_name["complexes_after_extension"] == "Комплексы после установки 400 новых"
    assert by_name["stopgap_cash_2027_point"] == (
        "Продление до итогов закупки (плата за его месяцы): расходы 2027 года, базовый расчёт"
    )
    assert not [name for name in by_name if name.startswith("option_")]  # the old ranges
    assert by_name["complex_months_2020_2025"] == (
        "Комплексо-месяцы 2020–2025 годов (по вехам сети)"
    )
    assert by_name["cpi_index_2025"] == "Индекс цен, декабрь 2025 (декабрь 2021 = 100)"
