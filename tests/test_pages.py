"""Whole pages (issue 18): no table split so that a part keeps fewer than three rows, no heading
at the foot of a page. The rules are print.css's; the PDF is read back from its tagged
structure (tests/pages.py). Small documents laid out here show that the rules hold where
WeasyPrint's own choice breaks them, and that the checks see the breach; the built report
is then checked whole."""

from __future__ import annotations

import pytest

from sergek_report.build.render import CSS_FILE, html_to_pdf
from tests.pages import (
    block_rows,
    breaches,
    headings_at_foot,
    read_pages,
    short_parts,
    split_cards,
    stranded_parts,
    table_parts,
)

# What print.css sets aside, to lay the same page out as WeasyPrint would by itself.
WITHOUT_RULES = """<style>
table.data tbody tr { break-before: auto !important; break-after: auto !important; }
h2 + p { orphans: 2 !important; break-after: auto !important; }
</style>"""


def page(body: str, extra: str = "") -> str:
    css = CSS_FILE.read_text(encoding="utf-8")
    return (
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Проба</title>'
        f"<style>{css}</style>{extra}</head><body>{body}</body></html>"
    )


def table(rows: int, kind: str = "data") -> str:
    body = "".join(f"<tr><td>Строка {n}</td><td>{n} 000</td></tr>" for n in range(1, rows + 1))
    return (
        '<figure class="table"><figcaption>Таблица 1. Проба</figcaption>'
        f'<div class="table-scroll"><table class="{kind}"><thead><tr><th>Строка</th>'
        f"<th>Значение</th></tr></thead><tbody>{body}</tbody></table></div>"
        '<span class="table-source">Источник: проба.</span></figure>'
    )


def laid_out(tmp_path, html: str, name: str):
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(html_to_pdf(html))
    return read_pages(pdf)


def spacer(mm: int) -> str:
    return f'<div style="height: {mm}mm"></div><p>Текст перед таблицей.</p>'


@pytest.mark.parametrize(
    ("space", "rows", "stranded"),
    [  # the space above the table (mm) leaves room at the page's foot for:
        (224, 10, [1, 9]),  # the caption, the header and one row
        (218, 10, [2, 8]),  # ... two rows
        (176, 10, [9, 1]),  # all rows but the last
        (184, 10, [8, 2]),  # all rows but two
    ],
)
def test_a_split_table_keeps_three_rows_in_each_part(tmp_path, space, rows, stranded):
    body = spacer(space) + table(rows)
    # By itself WeasyPrint strands rows (and the check sees it) ...
    before = laid_out(tmp_path, page(body, WITHOUT_RULES), "without")
    assert [t["rows"] for t in table_parts(before)] == [stranded]
    assert stranded_parts(before) == [f"p. 1–2: rows {stranded} (table starting «Строка 1»)"]
    # ... with the print rules each part keeps three rows or more.
    assert short_parts(before) == [f"p. 1: rows {stranded} (table starting «Строка 1»)"]
    pages = laid_out(tmp_path, page(body), "with")
    assert stranded_parts(pages) == short_parts(pages) == [], table_parts(pages)
    assert sum(table_parts(pages)[0]["rows"]) == rows


def detail_table(rows: int) -> str:
    """A table whose rows each carry a detail under them (chapter/api.py, `detail`: the
    road-safety claims, the data request): a <tbody> of two rows each."""
    body = "".join(
        f'<tbody class="with-detail"><tr><td>Строка {n}</td><td>{n} 000</td></tr>'
        f'<tr class="detail"><td colspan="2" data-label="Пояснение">Пояснение к строке {n}, '
        "которое занимает целую строку под ней.</td></tr></tbody>"
        for n in range(1, rows + 1)
    )
    return (
        '<figure class="table"><figcaption>Таблица 1. Проба</figcaption>'
        '<div class="table-scroll"><table class="data"><thead><tr><th>Строка</th>'
        f"<th>Значение</th></tr></thead>{body}</table></div>"
        '<span class="table-source">Источник: проба.</span></figure>'
    )


@pytest.mark.parametrize(("space", "stranded"), [(126, [9, 1]), (210, [1, 9])])
def test_a_table_of_rows_with_details_counts_a_row_and_its_detail_once(tmp_path, space, stranded):
    """The road-safety claims split 10 + 1 with one claim alone overleaf; counted by their
    rows (two each) the check saw 20 + 2 and let it pass. A row with its detail is one row, and
    print.css keeps three of them in each part of a table of six to twelve."""
    body = spacer(space) + detail_table(10)
    without = """<style>table.data tbody.with-detail { break-before: auto !important; }</style>"""
    before = laid_out(tmp_path, page(body, without), "without")
    assert [t["rows"] for t in table_parts(before)] == [stranded]
    assert short_parts(before) == [f"p. 1: rows {stranded} (table starting «Строка 1»)"]
    pages = laid_out(tmp_path, page(body), "with")
    assert short_parts(pages) == [], table_parts(pages)
    assert sum(table_parts(pages)[0]["rows"]) == 10


@pytest.mark.parametrize(("space", "before", "after"), [(206, [4, 1], [3, 2]), (224, [1, 4], [5])])
def test_a_short_table_moves_whole_or_keeps_two_rows_in_each_part(tmp_path, space, before, after):
    """A table of five rows cannot be cut into parts of three: a part never holds one row."""
    body = spacer(space) + table(5)
    pages = laid_out(tmp_path, page(body, WITHOUT_RULES), "without")
    assert [t["rows"] for t in table_parts(pages)] == [before]
    assert short_parts(pages) == [f"p. 1: rows {before} (table starting «Строка 1»)"]
    pages = laid_out(tmp_path, page(body), "with")
    assert [t["rows"] for t in table_parts(pages)] == [after]
    assert short_parts(pages) == []


def test_a_grid_of_five_short_rows_is_never_cut(tmp_path):
    """The memo's table of options (five one-line rows) split 3 + 2 over the memo's two pages:
    a grid of at most five short rows moves to the next page whole; a grid of long texts
    (the options compared side by side) keeps the rule above, or it would leave a chapter's
    first page nearly empty."""
    import pandas as pd

    from sergek_report.chapter.api import stays_whole

    short = pd.DataFrame({"Строка": [f"Строка {n}" for n in range(1, 6)], "Значение": ["1"] * 5})
    assert stays_whole(short)
    assert not stays_whole(pd.concat([short, short.head(1)]))  # six rows
    assert not stays_whole(short.assign(Значение="слово " * 12))  # cells of 72 characters
    body = spacer(206) + table(5, "data whole")
    pages = laid_out(tmp_path, page(body), "whole")
    assert [t["rows"] for t in table_parts(pages)] == [[5]]


def test_a_heading_keeps_three_lines_of_its_section_on_its_page(tmp_path):
    text = "Слова одного длинного абзаца, который идёт на следующую страницу. " * 40
    body = f'<div style="height: 228mm"></div><h2>Раздел</h2><p>{text}</p>'
    before = laid_out(tmp_path, page(body, WITHOUT_RULES), "without")
    assert headings_at_foot(before) == ["p. 1: «Раздел», 2 line(s) after it"]
    assert headings_at_foot(laid_out(tmp_path, page(body), "with")) == []


def test_a_heading_and_a_short_paragraph_go_over_with_their_table(tmp_path):
    body = '<div style="height: 225mm"></div><h2>Раздел</h2><p>Одна строка.</p>' + table(8)
    before = laid_out(tmp_path, page(body, WITHOUT_RULES), "without")
    assert headings_at_foot(before) == ["p. 1: «Раздел», 1 line(s) after it"], before
    after = laid_out(tmp_path, page(body), "with")
    assert headings_at_foot(after) == []
    assert [m.text for m in after[1].marks][:2] == ["Раздел", "Одна строка."]


def pages_holding(pages, words: tuple[str, ...]) -> dict[str, int]:
    """The page each word is first printed on."""
    return {
        word: next(p.number for p in pages for m in p.marks if word in m.text) for word in words
    }


def test_a_tables_source_note_is_never_cut_between_pages(tmp_path):
    """Table 1's note ran from the memo's first page onto its second, cut mid-sentence: a
    note goes over whole, with the table's last rows (report.css keeps it with them)."""
    rows = "".join(f"<tr><td>Строка {n}</td><td>{n} 000</td></tr>" for n in range(1, 9))
    note = " ".join(f"слово{n}" for n in range(70))  # five lines
    body = spacer(166) + (
        '<figure class="table"><figcaption>Таблица 1. Проба</figcaption>'
        '<div class="table-scroll"><table class="data"><thead><tr><th>Строка</th>'
        f"<th>Значение</th></tr></thead><tbody>{rows}</tbody></table></div>"
        f'<p class="table-source"><span class="caption-source">Источник: {note}.</span></p>'
        "</figure>"
    )
    words = ("Строка 8", "Источник", "слово69")
    cut = "<style>.table-source { break-inside: auto !important; }</style>"
    before = laid_out(tmp_path, page(body, cut), "without")
    assert pages_holding(before, words) == {"Строка 8": 1, "Источник": 1, "слово69": 2}
    after = laid_out(tmp_path, page(body), "with")
    assert pages_holding(after, words) == {"Строка 8": 2, "Источник": 2, "слово69": 2}


def test_a_blocks_field_name_never_parts_from_its_value(tmp_path):
    """«ПО и данные» at the foot of a page, its value overleaf (the options in detail): a
    block may split between its fields, never inside one."""
    value = " ".join(f"значение{n}" for n in range(60))  # four lines
    fields = {"Правовой путь": "Закон.", "Срок запуска": "Месяцы.", "ПО и данные": value}
    cells = "".join(f'<td data-label="{name}">{text}</td>' for name, text in fields.items())
    heads = "".join(f"<th>{name}</th>" for name in ("Вариант", *fields, "Риски"))
    body = spacer(218) + (
        '<figure class="table"><figcaption>Таблица 1. Проба</figcaption>'
        '<div class="table-scroll"><table class="data stack blocks">'
        f"<thead><tr>{heads}</tr></thead><tbody><tr><td>Вариант</td>{cells}"
        '<td data-label="Риски">Риск.</td></tr></tbody></table></div></figure>'
    )
    words = ("ПО и данные", "значение0", "значение59")
    inside = (  # the card, too, may split (it never does now: see the next test)
        "<style>table.data.blocks tbody tr, table.data.blocks td "
        "{ break-inside: auto !important; }</style>"
    )
    before = laid_out(tmp_path, page(body, inside), "without")
    assert pages_holding(before, words) == {"ПО и данные": 1, "значение0": 2, "значение59": 2}
    after = laid_out(tmp_path, page(body), "with")
    assert pages_holding(after, words) == {"ПО и данные": 2, "значение0": 2, "значение59": 2}


RISK_FIELDS = ("Вероятность", "Влияние", "Чем подтверждается", "Что снижает риск")
# the legal bases in detail: a tall card (a heading and six fields)
LEGAL_FIELDS = ("Правовой путь", "Срок запуска", "Основа цены", "Комплексы", "ПО и данные", "Риски")


def cards(names: list[str], fields: tuple[str, ...] = RISK_FIELDS) -> str:
    """A table printed as blocks: one card a name, its short fields each (by default the risk
    register's four)."""
    heads = "".join(f"<th>{name}</th>" for name in ("Риск", *fields))
    rows = "".join(
        f"<tr><td>{name}</td>"
        + "".join(f'<td data-label="{field}">{field}: {name}.</td>' for field in fields)
        + "</tr>"
        for name in names
    )
    return (
        '<figure class="table"><figcaption>Таблица 3. Реестр рисков</figcaption>'
        '<div class="table-scroll"><table class="data stack blocks">'
        f"<thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></div></figure>"
    )


def test_a_card_is_never_cut_between_pages(tmp_path):
    """The risk register's «Зависимость от прежнего оператора»: its title, «Вероятность» and
    «Влияние» at one page's foot, «Чем подтверждается» and «Что снижает риск» overleaf. A
    card (a row of a table printed as blocks) goes over whole, and the check sees a cut."""
    body = spacer(199) + cards(["Первый риск", "Второй риск"])
    words = ("Второй риск", "Влияние: Второй риск", "Что снижает риск: Второй риск")
    cut = "<style>table.data.blocks tbody tr { break-inside: auto !important; }</style>"
    before = laid_out(tmp_path, page(body, cut), "without")
    held = pages_holding(before, words)
    assert held["Второй риск"] == 1 and held["Что снижает риск: Второй риск"] == 2, held
    cut_at = "p. 2: a card goes on from the page before («Чем подтверждается»)"
    assert split_cards(before) == [cut_at]
    after = laid_out(tmp_path, page(body), "with")
    assert set(pages_holding(after, words).values()) == {2}
    assert split_cards(after) == []


def test_a_tall_card_goes_over_with_three_fields_at_least(tmp_path):
    """A card of six fields (the legal bases in detail: half a page in the Kazakh edition)
    kept whole left a third of the page before it empty; it may split between fields, its
    heading with two fields at least at the page's foot and three fields at least overleaf,
    and the check takes such a tail for no cut."""
    body = spacer(186) + cards(["Первый путь", "Второй путь"], LEGAL_FIELDS)
    words = ("Второй путь", "Срок запуска: Второй путь", "Риски: Второй путь")
    after = laid_out(tmp_path, page(body), "with")
    held = pages_holding(after, words)
    assert held["Второй путь"] == 1 and held["Риски: Второй путь"] == 2, held
    assert held["Срок запуска: Второй путь"] == 1
    assert split_cards(after) == []


@pytest.mark.slow
def test_the_report_has_no_stranded_rows_and_no_heading_at_a_page_foot(built_report, note):
    pages = read_pages(built_report.out_dir / "report.pdf")
    blocks = block_rows((built_report.out_dir / "report.html").read_text(encoding="utf-8"))
    assert blocks  # the options table is printed as blocks
    assert breaches(pages, blocks) == []
    note(
        f"pages: {len(pages)}; tables split with a part under three rows (in a table of fewer "
        f"than six rows or more than twelve): {len(stranded_parts(pages))}"
    )


def test_a_long_table_gives_its_explanations_the_width_and_its_figures_their_words():
    """Left to itself the PDF's layout gave a column of long explanations the width of one of
    short figures (the assumptions table ran six pages, 12 characters to a line)."""
    import re

    import pandas as pd

    from sergek_report.chapter.api import _column_widths

    explanation = "Базовая ставка Национального банка, действующая с 10 октября 2025 года. " * 4
    frame = pd.DataFrame(
        {
            "Допущение": ["Ставка дисконтирования (номинальная, годовая)"] * 8,
            "Диапазон": ["14,25–18 %"] * 8,
            "Обоснование": [explanation] * 8,
        }
    )
    shares = [float(x) for x in re.findall(r"width: ([\d.]+)%", _column_widths(frame)[0])]
    assert len(shares) == 3 and abs(sum(shares) - 100) < 0.5
    assert shares[2] > 50 and shares[2] == max(shares)
    # «14,25–» never breaks: in DejaVu Sans a digit is 0.636 em, a comma 0.318, an en dash
    # 0.5; 3.36 em of 8.5 pt (3.0 mm) is 10.1 mm of the table's 172
    assert shares[1] >= 100 * 10.0 / 172
    # a short table keeps the layout's own widths
    assert _column_widths(frame.head(5)) == ("", False)


def test_a_figure_bound_by_no_break_spaces_gets_room_for_all_of_it():
    """«8 250 000 тенге» (no-break spaces between the digit groups and before the unit) is
    one word to the line breaker: a column narrower than it printed it over its neighbour
    (the assumptions table, the key-figures table). When the longest words fill the width,
    a column of figures keeps its room and the text columns' words may be hyphenated."""
    import re

    import pandas as pd

    from sergek_report.chapter.api import _column_widths

    nbsp = "\u00a0"
    value = f"8{nbsp}250{nbsp}000{nbsp}тенге"  # 15 characters, one word
    frame = pd.DataFrame(
        {
            "Допущение": ["Стоимость оборудования одного нового комплекса"] * 8,
            "Значение": [value] * 8,
            "Диапазон": [f"3{nbsp}500{nbsp}000–13{nbsp}000{nbsp}000 тенге"] * 8,
            "Обоснование": ["Нижняя граница — оборудование комплекса на переходе. " * 6] * 8,
        }
    )
    shares = [float(x) for x in re.findall(r"width: ([\d.]+)%", _column_widths(frame)[0])]
    assert len(shares) == 4
    # the whole figure with its unit: 7 digits of 0.636 em, 3 spaces of 0.318 em and «тенге»
    # (2.87 em) in DejaVu Sans, 8.3 em of 8.5 pt (3.0 mm): 24.9 mm of 172
    assert shares[1] >= 100 * 24.5 / 172
    # the range breaks after its dash: room for «13 000 000» (5.7 em: 17.2 mm), not for all
    # of it (about 50 mm)
    assert 100 * 17 / 172 <= shares[2] < 100 * 40 / 172
    # «Сергек» (Мангистауская …): no line break between a quotation mark and a bracket
    from sergek_report.chapter.api import _words

    assert _words("«Сергек» (Мангистауская область)") == [
        "«Сергек»\u00a0(Мангистауская",
        "область)",
    ]
    # figures that fill the width between them: each column its share of what they need,
    # laid out as it is (a figure never breaks)
    wide = pd.DataFrame({c: [f"1{nbsp}" * 30 + "тенге"] * 8 for c in "abc"})
    colgroup, fixed = _column_widths(wide)
    assert fixed and re.findall(r"width: ([\d.]+)%", colgroup) == ["33.3"] * 3


def test_a_table_of_figures_gives_its_labels_the_room_its_figures_leave():
    """The reconciliation (labels, then five columns of figures under long headers): shared
    by how long their headers are, the figures' columns took the width, one as wide as
    «К первоначальным обязательствам» holding «1,26», and the labels were hyphenated at every
    line («обязатель-ства ÷ (766 АПК × срок)»). A figures' column is now no wider than its
    header on two lines; the labels get the rest."""
    import re

    import pandas as pd

    from sergek_report.chapter import measure
    from sergek_report.chapter.api import _column_widths

    nbsp = "\u00a0"
    frame = pd.DataFrame(
        {
            "Оценка платы за АПК в месяц": [
                "Обязательства ÷ (766 АПК × срок)",
                "Выплата 2020–2022 ÷ комплексо-месяцы",
            ],
            "Тенге за АПК в месяц": [f"181{nbsp}064", f"≈ 162{nbsp}000"],
            "2020–2025, млрд тенге": ["12,6", "11,3"],
            "К первоначальным обязательствам": ["1,26", "1,13"],
            f"Включая 2026{nbsp}г., млрд тенге": ["16,8", "15,0"],
            "К «общей стоимости»": ["1,15", "1,03"],
        }
    )
    colgroup, fixed = _column_widths(frame, numeric=list(frame.columns[1:]))
    shares = [float(x) for x in re.findall(r"width: ([\d.]+)%", colgroup)]
    assert fixed and abs(sum(shares) - 100) < 0.5
    # «Обязательства ÷ (766» on one line (DejaVu Sans at 8.5 pt, with the cell's 3.2 mm of
    # padding): the labels break between words only
    room = measure.width_mm("Обязательства ÷ (766", 8.5) + 3.2
    assert shares[0] >= 100 * room / 172 and shares[0] == max(shares)
    # «К первоначальным обязательствам»: room for its longest word, never hyphenated, and not
    # more than its two lines need («К / первоначальным / обязательствам» since «2020–2025,»
    # is one word: its header row is three lines tall anyway, «Тенге за / АПК в / месяц»)
    one_word = measure.width_mm("первоначальным", 8.5, bold=True) + 3.2
    two_lines = measure.width_mm("К первоначальным", 8.5, bold=True) + 3.2
    assert 100 * one_word / 172 - 0.05 <= shares[3] < 100 * (two_lines + 1) / 172  # «19.1%»
    # «2020–2025, / млрд тенге»: two lines too, not four («2020– / 2025, / млрд / тенге»,
    # the width its figures asked for)
    # (the shares are printed to a tenth of a per cent: «13.3%» for 13.31)
    assert shares[2] >= 100 * (measure.width_mm("2020–2025,", 8.5, bold=True) + 3.2) / 172 - 0.05
    assert shares[2] >= 100 * (measure.width_mm("млрд тенге", 8.5, bold=True) + 3.2) / 172 - 0.05


def test_a_cell_whose_text_is_wider_than_its_column_is_found(tmp_path):
    """The check the build runs on every part it lays out (its log warns, naming the cell):
    a figure bound by no-break spaces in a column set narrower than it is printed over the
    next column; in a column wide enough, nothing is found."""
    from weasyprint import HTML

    from sergek_report.build.pdf import overflowing_cells

    figure = "8\u00a0250\u00a0000\u00a0тенге"

    def cells(first_column: str) -> tuple[str, ...]:
        rows = "".join(f"<tr><td>{figure}</td><td>Пояснение</td></tr>" for _ in range(6))
        body = (
            '<table class="data sized" style="table-layout: fixed">'
            f'<colgroup><col style="width: {first_column}"><col></colgroup>'
            f"<thead><tr><th>Значение</th><th>Обоснование</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
        return overflowing_cells(HTML(string=page(body)).render())

    # 8 % of 172 mm: 13.8 mm, for 25 mm of figure (and 17 of the bold header)
    assert cells("8%") == ("Значение",) + (figure.replace("\u00a0", " "),) * 6
    assert cells("30%") == ()


@pytest.mark.slow
def test_no_table_cell_of_the_report_is_printed_over_its_neighbour(built_report):
    assert "wider than their column" not in built_report.log, built_report.log


def test_a_short_table_of_paragraphs_prints_as_blocks_and_a_table_of_figures_as_columns():
    """Four columns or more, at most twenty rows, cells of paragraphs (70 characters on
    average after the first column): on paper one block per row (print.css) — as columns it
    set a word or two a line (the options table ran over two pages). A table of figures, a
    longer table or a narrow one stays a table."""
    import pandas as pd

    from sergek_report.chapter.api import prints_as_blocks

    paragraph = "Закон о государственных закупках: договор на один финансовый год, не более."
    assert len(paragraph) >= 70
    options = pd.DataFrame(
        {"Вариант": ["Новый договор ГЧП"] * 4} | {c: [paragraph] * 4 for c in "abc"}
    )
    assert prints_as_blocks(options)
    assert prints_as_blocks(pd.concat([options] * 5))  # twenty rows
    assert not prints_as_blocks(pd.concat([options] * 6))  # twenty-four rows: a table
    assert not prints_as_blocks(options.iloc[:, :3])  # three columns: a table
    figures = options.assign(a="30,3 млрд тенге", b="17,5–44,7", c="61,6–161,0")
    assert not prints_as_blocks(figures)


def test_a_column_of_dates_keeps_most_of_them_on_one_line():
    """The chronologies (tables 10, 11, 13) set «1 апреля / 2019 г.» and «апрель 2019 — январь
    / 2020» on two lines, every row two lines tall, and chapter 4 ran onto a fourth page for
    two rows: a column of short phrases gets room for most of them on one line; a rare longer
    one («около 31 декабря 2020 г.») may take two."""
    import re

    import pandas as pd

    from sergek_report.chapter import measure
    from sergek_report.chapter.api import _column_widths

    nbsp, narrow = "\u00a0", "\u202f"
    dates = [f"{d}{nbsp}декабря 2020{narrow}г." for d in range(20, 31)]
    frame = pd.DataFrame(
        {
            "Дата": [*dates, f"около 31{nbsp}декабря 2020{narrow}г."],
            "Событие": ["Маслихат одобрил однократное продление договора до конца года. "] * 12,
            "Статус": ["по источнику"] * 12,
        }
    )
    shares = [float(x) for x in re.findall(r"width: ([\d.]+)%", _column_widths(frame)[0])]
    one_line = measure.width_mm(dates[-1], 8.5) + 3.2
    assert 100 * one_line / 172 <= shares[0] < 100 * (one_line + 1) / 172
    assert shares[1] == max(shares)  # the events take the rest
