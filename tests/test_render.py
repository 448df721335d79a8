"""Rendering pieces that need no kernel: caption numbering, the changes section, chapters."""

from __future__ import annotations

import re

import nbformat
import pytest

from sergek_report import labels as L
from sergek_report.build.changes import changes_block, changes_section, compare
from sergek_report.build.render import (
    TOC_SLOT,
    _short_version,
    _version_text,
    chapter_title,
    colophon_html,
    glossary_html,
    keep_words_whole,
    postprocess_html,
    strip_build_outputs,
)
from sergek_report.chapter.outputs import INPUTS_MIMETYPE

FIG = '<span class="caption-number" data-kind="figure"></span>'
TAB = '<span class="caption-number" data-kind="table"></span>'


def test_captions_are_numbered_in_order_per_kind_and_permalinks_dropped():
    html = f'<h2 id="a">A<a class="anchor-link" href="#a">¶</a></h2>{FIG}{TAB}{FIG}{TAB}{TAB}'
    out = postprocess_html(html)
    assert "¶" not in out
    assert out.index("Рисунок 1.") < out.index("Таблица 1.") < out.index("Рисунок 2.")
    assert "Таблица 3." in out and "Рисунок 3." not in out


def metric(name, value, unit="тенге", label=None, basis="x"):
    return {"name": name, "label": label or name, "value": value, "unit": unit, "basis": basis}


def test_first_edition_without_baseline():
    html = changes_section({"metrics": [metric("a", 1)]}, None)
    assert "Первый выпуск" in html and "первая редакция" in html
    assert "metrics.json" not in html and "make" not in html


def test_same_edition_as_baseline_says_nothing_changed_not_first_edition():
    same = {"edition_date": "2026-11-25", "metrics": [metric("a", 1)], "inputs": {}, "params": {}}
    html = changes_block(same, dict(same))
    assert "Первый выпуск" not in html
    text = " ".join(html.replace("\u00a0", " ").replace("\u202f", " ").split())
    assert "По сравнению с редакцией от 25 ноября 2026 г. ни один ключевой показатель" in text


def test_moved_metric_shows_old_and_new_in_russian_format_and_changed_inputs():
    old = {
        "edition_date": "2026-06-01",
        "metrics": [metric("cost", 9986042340, basis="source:s"), metric("rate", 12.3, "%")],
        "inputs": {"data/cpi.csv": "aaa", "data/mrp.csv": "bbb"},
        "params": {"inflation_2026": 12.3},
    }
    new = {
        "metrics": [
            metric("cost", 10000000000, label="Стоимость", basis="source:s"),
            metric("rate", 12.3, "%"),
        ],
        "inputs": {"data/cpi.csv": "ccc", "data/mrp.csv": "bbb"},
        "params": {"inflation_2026": 15.0},
    }
    diff = compare(new, old)
    assert [row["metric"]["name"] for row in diff["metrics"]] == ["cost"]
    assert diff["inputs"] == ["data/cpi.csv"]
    html = changes_section(new, old)
    # one sentence on the memo's page: the label in lower case inside it, old and new
    assert "стоимость: было 9\u00a0986\u00a0042\u00a0340\u00a0тенге, стало" in html
    assert "9\u00a0986\u00a0042\u00a0340\u00a0тенге" in html
    assert "10\u00a0000\u00a0000\u00a0000" in html
    assert "индекс потребительских цен" in html and "месячный расчётный" not in html
    assert "data/cpi.csv" not in html and "inflation_2026" not in html
    labelled = changes_block(new, old, {"inflation_2026": ("Инфляция 2026 года", "%")})
    # inside the sentence the label starts in lower case
    assert "Изменённые допущения: инфляция 2026 года: 12,3\u00a0% → 15\u00a0%." in labelled
    assert "июня 2026" in html


def test_a_moved_figure_is_printed_at_its_precision_with_the_reason_it_moved():
    """«176 308 тенге → 161 714 тенге» with no reason (review of 3 Dec 2026, defect 10): the
    average payment is printed as every place prints it, «≈ 176 тыс. → ≈ 162 тыс.», and says
    which updated data it is computed from; a figure whose change its precision does not
    show is not listed; a figure resting on a changed assumption names the assumption."""
    name = "implied_monthly_tariff_from_payments"
    old = {
        "edition_date": "2026-11-25",
        "metrics": [
            metric(name, 176_307.98, label="Средняя выплата", basis="derived"),
            metric("monthly_tariff_estimate", 181_064.0, basis="assumption:service_term_months"),
            metric("fines_to_payments_ratio", 6.7308, "раз", basis="derived"),
        ],
        "inputs": {"data/deployment.csv": "a", "data/payments.csv": "b", "data/cpi.csv": "c"},
        "params": {"service_term_months": 72},
    }
    new = {
        "metrics": [
            metric(name, 161_713.53, label="Средняя выплата", basis="derived"),
            metric("monthly_tariff_estimate", 150_886.7, basis="assumption:service_term_months"),
            metric("fines_to_payments_ratio", 6.7301, "раз", basis="derived"),
        ],
        "inputs": {"data/deployment.csv": "x", "data/payments.csv": "y", "data/cpi.csv": "c"},
        "params": {"service_term_months": 84},
    }
    html = changes_block(new, old, {"service_term_months": ("Срок оказания услуг", "месяцев")})
    text = " ".join(html.replace("\u00a0", " ").split())
    moved = 'средняя выплата: было ≈ 176 тыс. тенге, стало <span class="new">≈ 162 тыс. тенге'
    assert moved in text
    assert "161 714" not in text and "176 308" not in text
    assert (
        "Причина — изменено допущение «срок оказания услуг»; уточнены данные: "
        "развёртывание комплексов, штрафы и выплаты партнёру." in text
    )
    assert 'было 181 064 тенге, стало <span class="new">150 887 тенге' in text
    # 6,7308 → 6,7301: «≈ 6,7 раза» both times, not a change a reader sees
    assert "Штрафы" not in text and "fines_to_payments_ratio" not in text


def test_a_moved_figure_names_the_figure_it_is_computed_from_that_moved():
    """Review s11d, item 8: the reason names the model's figure that moved, old → new, and
    says which of the others did not (build.metrics.DRIVERS), not every table the figure reads
    (the payments table holds the fines, which the average payment does not use). Hand-checked:
    2,6 млрд / 14 746,92 = 176 308 тенге; 2,6 млрд / 16 077,81 = 161 714 тенге."""
    name = "implied_monthly_tariff_from_payments"
    ratio = "tariff_estimates_ratio"
    old = {
        "edition_date": "2026-11-25",
        "metrics": [
            metric(name, 176_307.98, label="Средняя выплата", basis="derived"),
            metric(ratio, 0.9737, "раз", label="Отношение", basis="assumption:x"),
        ],
        "inputs": {"data/deployment.csv": "a", "data/payments.csv": "b"},
        "params": {},
        "drivers": {
            "complex_months_paid_period": 14_746.92,
            "paid_to_partner": 2.6e9,
            "monthly_tariff": 181_064.01,
        },
    }
    new = {
        "metrics": [
            metric(name, 161_713.53, label="Средняя выплата", basis="derived"),
            metric(ratio, 0.8931, "раз", label="Отношение", basis="assumption:x"),
        ],
        "inputs": {"data/deployment.csv": "x", "data/payments.csv": "y"},
        "params": {},
        "drivers": {**old["drivers"], "complex_months_paid_period": 16_077.81},
    }
    fills = {"paid_period": "январь 2020 — август 2022"}
    text = " ".join(changes_block(new, old, fills=fills).replace("\u00a0", " ").split())
    assert (
        "Причина — по уточнённым вехам развёртывания сети пересчитаны комплексо-месяцы за "
        "январь 2020 — август 2022: было ≈ 14,7 тыс., стало ≈ 16,1 тыс.; без изменений — "
        "выплата партнёру за тот же период (2,6 млрд тенге), оценка тарифа по обязательствам "
        "(181 064 тенге)."
    ) in text
    # said once for both figures; the reason names no table, and no fines (the changed
    # tables are listed after it, as any short list of changed data is)
    assert text.count("комплексо-месяцы") == 1
    reason = text.split("Причина — ")[1].split(". ")[0]
    assert "уточнены данные" not in reason and "штраф" not in reason
    # the payment moved too: both named, old → new, and nothing said to be unchanged but the
    # tariff estimate
    new["drivers"]["paid_to_partner"] = 2.4e9
    text = " ".join(changes_block(new, old, fills=fills).replace("\u00a0", " ").split())
    assert (
        "изменилась выплата партнёру за январь 2020 — август 2022: было 2,6 млрд тенге, стало "
        "2,4 млрд тенге; без изменений — оценка тарифа по обязательствам (181 064 тенге)."
    ) in text
    # a baseline that records no drivers (one published before them): the tables, as before
    del old["drivers"]
    text = " ".join(changes_block(new, old, fills=fills).replace("\u00a0", " ").split())
    assert "Причина — уточнены данные: развёртывание комплексов, штрафы и выплаты партнёру" in text
    # drivers that did not move at their precision: the figure moved for another reason
    old["drivers"] = dict(new["drivers"])
    text = " ".join(changes_block(new, old, fills=fills).replace("\u00a0", " ").split())
    assert "комплексо-месяцы" not in text and "Причина — уточнены данные:" in text


def test_new_and_dropped_assumptions_are_named_without_an_empty_before():
    old = {"edition_date": "2026-06-01", "metrics": [], "inputs": {}, "params": {"a": 1}}
    new = {"metrics": [metric("cost", 1.0)], "inputs": {}, "params": {"b": 100.0}}
    words = {"a": ("Срок конкурса", "месяцев"), "b": ("Доля новых комплексов", "%")}
    html = changes_block(new, old, words)
    assert "Новые допущения: доля новых комплексов — 100\u00a0%." in html
    assert "Допущения, которые больше не используются: срок конкурса." in html
    assert "→" not in html and "—\u00a0→" not in html
    # a new key figure is not counted for the reader
    assert "В этой редакции появились новые ключевые показатели." in html
    assert "в главе «Подробности, допущения и источники»" in html
    assert "Новых ключевых показателей" not in html


def test_nothing_changed():
    same = {"metrics": [metric("a", 1)], "inputs": {"x": "1"}, "params": {}}
    assert "не изменились" in changes_section(same, same)


def test_chapter_title_comes_from_the_first_markdown_heading(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Резюме\n\nтекст")])
    assert chapter_title(nb, tmp_path / "x.ipynb") == "Резюме"
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    with pytest.raises(ValueError, match="x.ipynb: the first cell must be a Markdown heading"):
        chapter_title(bad, tmp_path / "x.ipynb")


def test_a_notebook_opening_with_a_section_title_continues_the_chapter_before_it(tmp_path):
    """The money chapter is three notebooks: the first opens with '# Chapter', the others
    (after their parameters and set-up) with '## Section'. They print as one chapter: one
    heading, their titles as its sections, the link back to the contents once, at its end."""
    from sergek_report.build.render import chapter_numbers, is_section, merge_chapters

    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    books = {
        "a.ipynb": [md("# Деньги"), md("## Стоимость\n\nтекст A")],
        "b.ipynb": [code("x = 1"), md("## Тариф\n\nтекст B")],
        "c.ipynb": [md("# Развёртывание"), md("текст C")],
    }
    paths_ = []
    for name, cells in books.items():
        nbformat.write(nbformat.v4.new_notebook(cells=cells), tmp_path / name)
        paths_.append(tmp_path / name)
    notebooks = [nbformat.read(p, as_version=4) for p in paths_]
    assert [is_section(nb) for nb in notebooks] == [False, True, False]
    assert chapter_numbers(notebooks, paths_) == [1, 1, 2]
    merged = merge_chapters(paths_, {}, "<p>изменения</p>")
    headings = [
        c.metadata["sergek_chapter"]["title"]
        for c in merged.cells
        if "sergek_chapter" in c.metadata
    ]
    assert headings == ["Деньги", "Развёртывание"]
    sources = [c.source for c in merged.cells]
    assert sources.index("## Тариф\n\nтекст B") < sources.index("текст C")
    assert sum("to-contents" in s for s in sources) == 2  # one per chapter, at its end
    link = next(i for i, s in enumerate(sources) if "to-contents" in s)
    assert sources.index("## Тариф\n\nтекст B") < link < sources.index("текст C")
    with pytest.raises(ValueError, match="b.ipynb: the first chapter's notebook must open"):
        chapter_numbers(notebooks[1:], paths_[1:])


def test_build_outputs_are_removed_before_rendering():
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data", data={INPUTS_MIMETYPE: ["deployment"], "text/plain": ""}
        ),
        nbformat.v4.new_output("display_data", data={"text/html": "<p>x</p>"}),
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    strip_build_outputs(nb)
    assert [o["data"] for o in nb.cells[0].outputs] == [{"text/html": "<p>x</p>"}]


def test_contents_list_chapters_and_their_sections_with_stable_ids():
    html = (
        f'<nav class="toc"><h2 class="toc-title">Содержание</h2>{TOC_SLOT}</nav>'
        '<h1 class="chapter" id="chapter-1"><span>1.</span> Резюме</h1>'
        '<h2 id="Что-нового">Что нового<a class="anchor-link" href="#Что-нового">¶</a></h2>'
        '<h1 class="chapter" id="chapter-2"><span>2.</span> Развёртывание</h1>'
        "<h2>Вехи</h2><h2>Темпы роста</h2>"
        '<h1 class="backmatter" id="glossary">Словарь терминов</h1>'
    )
    out = postprocess_html(html)
    assert '<h2 id="chapter-1-1">Что нового</h2>' in out
    assert '<h2 id="chapter-2-2">Темпы роста</h2>' in out
    toc = out[: out.index("</nav>")]
    for anchor in ("chapter-1", "chapter-1-1", "chapter-2", "chapter-2-1", "glossary"):
        assert f'<a href="#{anchor}">' in toc, anchor
    assert "1. Резюме" in toc and "Темпы роста" in toc and "Словарь терминов" in toc


def test_the_contents_name_the_reports_parts_before_their_first_chapters():
    """Readers asked which chapters a decision needs: the chapters' notebooks open the parts
    (the memo «Для решения», the money chapter the reference chapters), and the contents name
    each part before its first chapter; an unknown part is an error that names the parts."""
    import json

    from sergek_report import paths
    from sergek_report.build.render import opens_part

    parts = {
        path.name: json.loads(path.read_text(encoding="utf-8"))["metadata"]
        .get("sergek", {})
        .get("opens_part")
        for path in sorted(paths.current().notebooks_dir.glob("*.ipynb"))
    }
    assert {name: part for name, part in parts.items() if part} == {
        "01_summary.ipynb": "decision",
        "03_cost.ipynb": "reference",
    }
    html = (
        f'<nav class="toc"><h2 class="toc-title">Содержание</h2>{TOC_SLOT}</nav>'
        '<h1 class="chapter" id="chapter-1"><span>1.</span> Резюме</h1>'
        "<!-- sergek:part decision -->"
        '<h1 class="chapter" id="chapter-2"><span>2.</span> Решение</h1>'
        '<h1 class="chapter" id="chapter-3"><span>3.</span> Деньги</h1>'
        "<!-- sergek:part reference -->"
    )
    toc = postprocess_html(html)
    toc = toc[: toc.index("</nav>")]
    assert toc.index("Для решения") < toc.index("1. Резюме") < toc.index("2. Решение")
    assert toc.index("2. Решение") < toc.index("Справочные главы") < toc.index("3. Деньги")
    notebook = nbformat.v4.new_notebook(metadata={"sergek": {"opens_part": "appendix"}})
    with pytest.raises(ValueError, match="expected one of decision, reference"):
        opens_part(notebook)


def test_the_contents_list_the_colophon_after_the_glossary():
    """A reader looking for the edition's date found it in no contents: the colophon's title
    is a top-level heading, so the contents (and the PDF's bookmarks) list it, after the
    glossary; on paper each starts a page of its own (print.css)."""
    colophon = colophon_html(
        {
            "edition_date_text": "25 ноября 2026 г.",
            "data_as_of_text": "7 февраля 2026 г.",
            "assumptions_text": L.COLOPHON["default"],
            "version_text": _version_text("ce32461a5b5c"),
        }
    )
    assert f'<h1 class="colophon-title" id="colophon-title">{L.FRAME["colophon"]}</h1>' in colophon
    html = (
        f'<nav class="toc"><h2 class="toc-title">Содержание</h2>{TOC_SLOT}</nav>'
        '<h1 class="chapter" id="chapter-1"><span>1.</span> Резюме</h1>'
        f"{glossary_html(2021)}{colophon}"
    )
    toc = postprocess_html(html).split("</nav>")[0]
    entries = re.findall(r'<li class="toc-chapter"><a href="#([\w-]+)">(.*?)</a>', toc)
    assert entries[-2:] == [
        ("glossary", L.FRAME["glossary"]),
        ("colophon-title", L.FRAME["colophon"]),
    ]
    from sergek_report.build.render import PRINT_CSS_FILE

    paper = PRINT_CSS_FILE.read_text(encoding="utf-8")
    # the colophon on a page of its own (reviews s25k, s26i: begun under the glossary, its
    # page's running header named one part or the other, and read as a slip either way)
    assert "h1.colophon-title { bookmark-level: 1; page-break-before: always; }" in paper
    # the glossary too (reviews s33o, s33p: begun under the sources, its page was headed by
    # the appendix's name though the contents list it as a part)
    assert "h1.backmatter { bookmark-level: 1; page-break-before: always; }" in paper


def test_glossary_and_colophon_speak_russian_without_file_or_tool_names():
    glossary = glossary_html(2021)
    for term in (
        "Комплексо-месяц",
        "Приведённая стоимость",
        "Ставка дисконтирования",
        "ГЧП",
        "АПК",
        "МРП",
        "Частный партнёр",
    ):
        assert term in glossary, term
    # abbreviations the text never uses have no entry
    assert "PFRAM" not in glossary and "PFI" not in glossary
    colophon = colophon_html(
        {
            "edition_date_text": "25 ноября 2026 г.",
            "data_as_of_text": "7 февраля 2026 г.",
            "assumptions_text": L.COLOPHON["default"],
            "version_text": _version_text("ce32461a5b5c"),
        }
    )
    text = " ".join(colophon.split())
    # how the figures can be checked, in a deputy's words; no version code, hash, build word
    # or the project's jargon («основной вариант», «тот же отчёт»)
    assert "Проверка расчёта" in text and "каждое число отчёта можно было проверить" in text
    assert "основной вариант" not in text and "тот же отчёт" not in text
    assert "ce32461" not in colophon and not re.search(r"\b[0-9a-f]{7,40}\b", colophon)
    for word in ("git", "yaml", "params", "выпуск", "сборк", "пересобрать", "версия расчёта"):
        assert word not in colophon.lower(), word
    assert _short_version("ce32461a5b5c") == ("ce32461", False)
    assert _short_version("ce32461a5b5c (с незафиксированными изменениями)") == ("ce32461", True)
    assert _version_text("ce32461a5b5c (с незафиксированными изменениями)").startswith("черновик")
    assert _short_version("нет данных (сборка вне git)") == ("", False)


def test_long_lists_of_changes_are_counted_and_the_table_keeps_the_first_three_moves():
    """The memo's page: a deputy sees the figures that moved most and how many inputs changed,
    not a changelog of every parameter."""
    names = [f"m{i}" for i in range(5)]
    old = {
        "edition_date": "2026-11-25",
        # sourced figures, printed exactly: each move shows
        "metrics": [metric(n, 100.0, label=f"Показатель {n}", basis="source:s") for n in names],
        "inputs": {f"data/t{i}.csv": "a" for i in range(14)},
        "params": {},
    }
    # m1 did not move; of the four that did, the table keeps the first three in the key
    # figures' order (the headline figures come first)
    new_values = {"m0": 101.0, "m1": 100.0, "m2": 130.0, "m3": 104.0, "m4": 150.0}
    new = {
        "metrics": [
            metric(n, new_values[n], label=f"Показатель {n}", basis="source:s") for n in names
        ],
        "inputs": {f"data/t{i}.csv": "b" for i in range(14)},
        "params": {f"p{i}": 1.0 for i in range(10)},
    }
    html = changes_block(new, old)
    text = " ".join(html.replace("\u00a0", " ").split())
    rows = [n for n in names if f"показатель {n}:" in html]
    assert rows == ["m0", "m2", "m3"]
    assert html.index("показатель m0") < html.index("показатель m2") < html.index("показатель m3")
    assert "Изменились и другие ключевые показатели — 1." in text
    # counted in words a deputy reads: no «таблиц», no file names
    # the figures moved with the data: the reason says so once, no second sentence on the data
    assert "Причина — уточнены исходные данные." in text and "таблиц" not in text
    assert "Уточнены и дополнены" not in text
    assert "В расчёт введены новые допущения (10)." in text
    assert "p0" not in html and "Новые допущения:" not in html
    assert "в главе «Подробности, допущения и источники»" in text


def test_a_new_budget_line_is_said_with_the_new_assumptions_it_rests_on():
    """The edition that first prices the options: a returning reader learns that the proposed
    budget line is new, with its figure as the memo prints it, not only that ten assumptions
    were added."""
    from sergek_report.build.changes import BUDGET_LINE_METRIC

    assert BUDGET_LINE_METRIC == "budget_line_2027"  # the memo's line, rounded up
    old = {"edition_date": "2026-11-25", "metrics": [], "inputs": {}, "params": {}}
    new = {
        "metrics": [metric(BUDGET_LINE_METRIC, 31_000_000_000.0, label="Строка", unit="тенге")],
        "inputs": {},
        "params": {f"p{i}": 1.0 for i in range(11)},
    }
    text = " ".join(changes_block(new, old).replace("\u00a0", " ").split())
    assert (
        "Впервые в этой редакции: расходы на 2027 год и предлагаемая строка бюджета "
        "— 31 млрд тенге."
    ) in text
    assert "В расчёт введены новые допущения (11)." not in text
    # without the budget line among the new figures, the assumptions are counted as before
    new["metrics"] = [metric("other", 1.0, label="Другой", unit="тенге")]
    text = " ".join(changes_block(new, old).replace("\u00a0", " ").split())
    assert "Впервые" not in text and "В расчёт введены новые допущения (11)." in text


def test_the_preview_skips_the_reserialising_pass_and_shows_the_same_page():
    """The preview renders without nbconvert's BeautifulSoup pass (0.22 s of its render): the
    bytes differ (attribute order, space between tags), the page does not: the same elements
    with the same attributes and the same text, in the same order."""
    from bs4 import BeautifulSoup

    from sergek_report.build.render import ReportHTMLExporter

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["sergek"] = {"title": "Отчёт", "toc": False}
    table = (
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Таблица">'
        '<table class="data"><tr><th>Год</th><td class="num">1&nbsp;641</td></tr></table></div>'
    )
    notebook.cells = [
        nbformat.v4.new_markdown_cell("## Раздел\n\nСеть выросла до **1 641** комплекса."),
        nbformat.v4.new_code_cell(
            "", outputs=[nbformat.v4.new_output("display_data", {"text/html": table})]
        ),
    ]
    published, _ = ReportHTMLExporter().from_notebook_node(notebook)
    preview, _ = ReportHTMLExporter(reserialise=False).from_notebook_node(notebook)
    assert published != preview  # the pass ran in one and not in the other

    def page(html):
        body = BeautifulSoup(html, "html.parser").body
        elements = [
            (e.name, sorted((k, str(v)) for k, v in e.attrs.items())) for e in body.find_all()
        ]
        return elements, " ".join(body.get_text().split())

    assert page(published) == page(preview)
    assert "Сеть выросла до 1 641 комплекса." in page(preview)[1]
    assert ("td", [("class", "['num']")]) in page(preview)[0]


def test_the_memos_block_says_the_key_figures_that_moved_beside_the_new_line():
    """Review s21l: a deputy who read the last edition met the average payment's move (≈ 176
    → ≈ 162 thousand) only after the colophon: the memo's short block says the first key
    figure that moved, as the full list prints it, then points to the rest (s22a: one, a
    second undefined ratio was noise on the memo's page); a move its precision does not show
    is not said, and the others are left to the full list."""
    from sergek_report.build.changes import BUDGET_LINE_METRIC, changes_blocks

    old = {
        "edition_date": "2026-11-25",
        "metrics": [
            metric("implied_monthly_tariff_from_payments", 176_307.98, label="Средняя выплата"),
            metric("payments_to_tariff_ratio", 0.97, "", label="Отношение выплаты к тарифу"),
            metric("fines_to_payments_ratio", 6.7308, "раз", label="Штрафы к выплатам"),
        ],
        "inputs": {},
        "params": {},
    }
    new = {
        "metrics": [
            metric(BUDGET_LINE_METRIC, 27_000_000_000.0, label="Строка", unit="тенге"),
            metric("implied_monthly_tariff_from_payments", 161_713.53, label="Средняя выплата"),
            metric("payments_to_tariff_ratio", 0.89, "", label="Отношение выплаты к тарифу"),
            metric("fines_to_payments_ratio", 6.7301, "раз", label="Штрафы к выплатам"),
        ],
        "inputs": {},
        "params": {},
    }
    memo, full = changes_blocks(new, old)
    text = " ".join(memo.replace("\u00a0", " ").split())
    # (reviews s23m, s23n: the figures that moved are the colophon's list, not the memo's)
    assert (
        "Впервые в этой редакции: расходы на 2027 год и предлагаемая строка бюджета "
        "— 27 млрд тенге. Другие изменения — в разделе"
    ) in text
    assert "отношение" not in text and "Штрафы" not in text and "176" not in text
    assert "отношение выплаты к тарифу: было 0,97" in " ".join(full.split())
    assert "средняя выплата: было ≈ 176 тыс. тенге" in " ".join(full.replace("\u00a0", " ").split())
    # a move the precision does not show (the fines' ratio, «≈ 6,7» both times) is not said,
    # nor is the block's sentence when only such moves remain
    new["metrics"] = [new["metrics"][0], new["metrics"][3]]
    memo, _ = changes_blocks(new, old)
    assert "Изменил" not in memo


def test_the_glossary_is_in_the_alphabetical_order_of_its_language():
    """A reader looks a term up by its first letter (review s26p: the glossary read as
    unordered). Russian word by word, «ё» after «е»; Kazakh by its own alphabet, where «Қ»
    follows «К» and «Ұ», «Ү» follow «У» (their code points would put them after «я»)."""
    from sergek_report.build.render import alphabetical_key, glossary_html

    def ordered(words, language):
        return sorted(words, key=lambda w: alphabetical_key(w, language))

    assert ordered(["Жук", "Ёж", "Варианты", "Ель", "В реальном"], "ru") == [
        "В реальном",
        "Варианты",
        "Ель",
        "Ёж",
        "Жук",
    ]
    assert ordered(["Я", "Үй", "Ұзақ", "Қала", "Уақыт", "Кесте"], "kk") == [
        "Кесте",
        "Қала",
        "Уақыт",
        "Ұзақ",
        "Үй",
        "Я",
    ]
    # every language the report is built in has its alphabet (a new one without it fails here,
    # not in its build)
    assert set(L.LANGUAGES) <= set(L.ALPHABETS)
    terms = re.findall(r"<dt>(.*?)</dt>", glossary_html(2021))
    assert terms[:3] == [
        "АПК, комплекс",
        "Базовый расчёт",
        "В реальном выражении, в ценах 2021 года",
    ]
    assert terms[-2:] == ["Частный партнёр", "Чувствительность"]


def test_the_words_the_patterns_break_wrongly_are_kept_whole_in_print():
    """The Russian patterns break «начнётся» as «на-чнётся» and «ЦентрКредит» as
    «Цен-трКредит» (reviews s28e, s28j): in print each is in a span that is not hyphenated; a
    word that merely contains one, a tag's attribute and a drawing are left as they are."""
    html = (
        '<p title="начнётся">договор начнётся 1 марта; Банк ЦентрКредит; начнётсяли</p>'
        "<svg><text>начнётся</text></svg>"
    )
    printed = keep_words_whole(html)
    assert printed == (
        '<p title="начнётся">договор <span class="unbroken">начнётся</span> 1 марта; Банк '
        '<span class="unbroken">ЦентрКредит</span>; начнётсяли</p>'
        "<svg><text>начнётся</text></svg>"
    )
