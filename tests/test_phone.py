"""The HTML report on a phone (400 px) and the split between the HTML's and the PDF's CSS.

Fast tests check the stylesheets, the narrow drawing of charts and the table markup; the
slow ones read the built report (the session build of tests/conftest.py)."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from sergek_report.build import render
from sergek_report.chapter import api, charts, fmt
from tests.test_charts import LABELS, tornado_frame

# What browsers and the W3C checker do not know: paged media and generated content for it.
PAGED_MEDIA = re.compile(
    r"string-set|bookmark-level|bookmark-label|string\(|leader\(|target-counter|@page|"
    r"\bpage\s*:\s*\w",
)
PHONE_MEDIA = "@media screen and (max-width: 640px)"
# Widths at which a chart is drawn on screen (CSS px): the narrow drawing on a 400 px phone,
# the wide one at the narrowest window that shows it (641 px, less the page's padding).
PHONE_CHART_PX = charts.PHONE_CHART_PX
DESKTOP_CHART_PX = 601
SVG_TEXT = re.compile(r"<text\b[^>]*font-size:\s*([\d.]+)px[^>]*>([^<]*)</text>")


def block(css: str, opening: str) -> str:
    """The rules inside the at-rule that starts with `opening` (braces matched)."""
    start = css.index("{", css.index(opening))
    depth = 0
    for index in range(start, len(css)):
        depth += {"{": 1, "}": -1}.get(css[index], 0)
        if depth == 0:
            return css[start + 1 : index]
    raise AssertionError(f"{opening} is not closed")


def without_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def view_box_width(svg: str) -> float:
    return float(re.search(r'view[bB]ox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"', svg).group(1))


def words(svg: str) -> list[str]:
    """The words of a chart (tick values, which depend on the axis's length, left out)."""
    every = " ".join(text for _, text in SVG_TEXT.findall(svg)).split()
    return sorted(word for word in every if any(ch.isalpha() for ch in word))


def smallest_text_px(svg: str, shown_px: float) -> float:
    """The smallest text of an inline SVG drawn `shown_px` CSS pixels wide."""
    sizes = [float(size) for size, text in SVG_TEXT.findall(svg) if text.strip()]
    assert sizes, svg[:200]
    return min(sizes) * shown_px / view_box_width(svg)


# -- stylesheets ------------------------------------------------------------------------------
def test_the_html_stylesheet_has_no_paged_media_and_the_pdf_one_has_it():
    screen = without_comments(render.CSS_FILE.read_text(encoding="utf-8"))
    paper = without_comments(render.PRINT_CSS_FILE.read_text(encoding="utf-8"))
    assert not PAGED_MEDIA.search(screen), PAGED_MEDIA.search(screen)
    for construct in ("@page", "string-set", "bookmark-level", "string(chapter", "leader("):
        assert construct in paper, construct


def test_the_pdf_gets_the_print_rules_after_the_report_css_and_before_a_page_own_styles():
    page = "<html><head><style>a{}</style><style>b{}</style></head><body></body></html>"
    laid_out = render.for_print(page)
    first, second, third = (m.start() for m in re.finditer("<style>", laid_out))
    assert laid_out.index("a{}") < second < laid_out.index("string-set") < third
    assert laid_out.index("b{}") > third
    # the <main> landmark is for screen readers; the PDF is cut and tagged by chapters
    page = "<html><head><style></style></head><body>\n<main>\n<p>т</p></main>\n</body></html>"
    assert "main>" not in render.for_print(page) and "<p>т</p>" in render.for_print(page)
    with pytest.raises(ValueError, match="no stylesheet"):
        render.for_print("<html><head></head></html>")


def test_the_pdf_leaves_out_the_charts_narrow_drawings_and_keeps_the_wide_ones():
    wide = '<svg aria-label="Круг" class="chart-wide" role="img"><title>Круг</title></svg>'
    narrow = (
        '<svg aria-label="Круг" class="chart-narrow" role="img">\n<title>Круг</title>\n'
        '<g id="patch_1"><path d="M 0 0"></path></g></svg>'
    )
    chart = f'<figure class="chart"><div class="chart-body">{wide}\n{narrow}</div></figure>'
    page = f"<html><head><style></style></head><body>{chart}<p>после</p>{chart}</body></html>"
    printed = render.for_print(page)
    assert "chart-narrow" not in printed and "patch_1" not in printed
    assert printed.count(wide) == 2 and printed.endswith(
        "<p>после</p>" + chart.replace(narrow, "") + "</body></html>"
    )
    assert page.count(narrow) == 2  # the published HTML keeps them (report.css, below 640 px)


def test_links_are_underlined_on_screen_and_charts_have_no_minimum_width():
    css = without_comments(render.CSS_FILE.read_text(encoding="utf-8"))
    screen = block(css, "@media screen {")
    assert re.search(r"(^|[\s,}])a\s*\{[^}]*text-decoration:\s*underline", screen)
    assert not re.search(r"(^|[\s,}])a\s*\{[^}]*text-decoration:\s*none", css)
    paper = without_comments(render.PRINT_CSS_FILE.read_text(encoding="utf-8"))
    assert re.search(r"(^|[\s,}])a\s*\{[^}]*text-decoration:\s*none", paper)  # PDF as before
    for selector, rules in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if "svg" in selector or "chart" in selector:
            assert "min-width" not in rules, selector


def test_on_a_phone_the_narrow_chart_shows_and_wide_tables_stack():
    phone = without_comments(block(render.CSS_FILE.read_text(encoding="utf-8"), PHONE_MEDIA))
    assert re.search(r"svg\.chart-wide\s*\{\s*display:\s*none", phone)
    assert re.search(r"svg\.chart-narrow\s*\{\s*display:\s*block", phone)
    assert re.search(r"table\.data\.stack td\s*\{[^}]*display:\s*block", phone)
    # an empty field of a stacked row is not shown (Table 11's «Примечание» alone, 4 Dec 2026)
    assert re.search(r"table\.data\.stack td:empty\s*\{\s*display:\s*none", phone)
    assert re.search(r"td\[data-label\][^{]*::before\s*\{[^}]*content:\s*attr\(data-label\)", phone)


# -- charts -----------------------------------------------------------------------------------
def test_narrow_tornado_keeps_its_words_inside_the_figure_at_a_readable_size():
    fig = charts.tornado_chart(
        tornado_frame(), LABELS, 2.45e9, lambda v: fmt.number(v / 1e9, 2), "млрд тенге"
    )
    wide = charts.to_svg(fig, close=False)
    narrow = charts.to_narrow_svg(fig)
    assert view_box_width(wide) == pytest.approx(6.4 * 72)
    assert view_box_width(narrow) == pytest.approx(charts.NARROW_WIDTH * 72)
    assert smallest_text_px(narrow, PHONE_CHART_PX) >= charts.MIN_SCREEN_TEXT_PX
    # the same words (a long label may wrap onto two lines)
    assert words(narrow) == words(wide)
    # the three-column legend of the wide drawing would start left of the narrow figure
    width = view_box_width(narrow)
    for match in re.finditer(r'<text\b[^>]*\bx="([-\d.]+)"[^>]*>([^<]+)</text>', narrow):
        x, text = float(match.group(1)), match.group(2)
        assert 0 <= x <= width, (text, x)
    assert plt.fignum_exists(fig.number) is False


def test_narrow_tornado_keeps_its_value_labels_off_the_assumptions_names():
    # reviews s48a, s48b: at 400 px «2,10 (84 месяца)» ran across «Срок оказания услуг по
    # договору»: the phone's axis is widened (the end under its value if need be) until every
    # bar's label lies within the plot
    ends = {name: ("60 месяцев", "84 месяца") for name in tornado_frame()["assumption"]}
    fig = charts.tornado_chart(
        tornado_frame(), LABELS, 2.45e9, lambda v: fmt.number(v / 1e9, 2), "млрд тенге", ends=ends
    )
    (ax,) = fig.axes
    charts.to_narrow_svg(fig)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    plot = ax.get_window_extent(renderer)
    assert fig.value_labels
    for label in fig.value_labels:
        box = label.get_window_extent(renderer)
        assert plot.x0 <= box.x0 and box.x1 <= plot.x1, label.get_text()


def collide(fig, ax) -> bool:
    """Whether the x tick labels overlap as the figure is laid out now (also once closed)."""
    canvas = FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    return charts._collide(ax.xaxis, canvas.get_renderer())


def test_narrow_axis_labels_do_not_collide_and_no_category_is_dropped():
    labels = [f"штрафы в бюджет\n2020 — авг. 2022 ({i})" for i in range(4)]
    fig, ax = charts.bars_chart(labels, [17.5, 2.6, 94.0, None], str, "млрд тенге")
    assert not collide(fig, ax)  # wide: they fit
    fig.set_size_inches(charts.NARROW_WIDTH, 3.4)
    assert collide(fig, ax)  # narrow as they are: they would not
    charts.to_narrow_svg(fig)
    assert not collide(fig, ax)
    shown = [t.get_text() for t in ax.get_xticklabels()]
    assert [" ".join(t.split()) for t in shown] == [" ".join(t.split()) for t in labels]
    months = [fmt.month_short(pd.Timestamp(2026, m, 1)) for m in range(1, 13)]
    fig, ax = charts.bars_chart(months, [360.0] * 12, str, "млн тенге в месяц")
    charts.to_narrow_svg(fig)
    assert not collide(fig, ax)
    shown = [t.get_text() for t in ax.get_xticklabels()]
    assert shown[0] == months[0] and 0 < len([t for t in shown if t]) < 12


def test_a_chart_figure_carries_both_drawings_with_the_caption_as_alternative(monkeypatch):
    shown = []
    monkeypatch.setattr(api, "display", lambda *a, **k: shown.append((a, k)))
    fig, _ax = charts.bars_chart(["а", "б"], [1.0, 2.0], str, "тенге")
    chapter = SimpleNamespace(_source_line=lambda sources, note: "")
    api.Chapter.figure(chapter, fig, "Подпись", sources=[])
    html = shown[0][1]["metadata"]["sergek_figure"]["html"]
    svgs = re.findall(r"<svg\b[^>]*>", html)
    assert [re.search(r'class="([^"]+)"', s).group(1) for s in svgs] == [
        "chart-wide",
        "chart-narrow",
    ]
    assert all('aria-label="Подпись"' in s and 'role="img"' in s for s in svgs)
    assert html.count("<title>Подпись</title>") == 2


# -- tables -----------------------------------------------------------------------------------
def test_which_tables_stack_on_a_phone():
    assert not api.stacks_on_a_phone(["Показатель", "Значение"])
    assert not api.stacks_on_a_phone(["Срок", "В месяц", "В год"], ["В месяц", "В год"])
    assert api.stacks_on_a_phone(["Дата", "Событие", "Статус"])
    assert api.stacks_on_a_phone(["Срок", "В месяц", "Примечание"], ["В месяц"])
    assert api.stacks_on_a_phone(["Вариант", "Срок", "Стоимость", "Основание"], ["Стоимость"])


def test_a_stacked_table_names_the_column_of_every_value(monkeypatch):
    shown = []
    monkeypatch.setattr(api, "display", shown.append)
    chapter = SimpleNamespace(_source_line=lambda sources, note: "")
    frame = pd.DataFrame(
        {"Вариант": ["Новый договор"], "Срок запуска": ["Месяцы"], "Стоимость": ["4,1"]}
    )
    api.Chapter.table(chapter, frame, "Варианты", sources=[], numeric=["Стоимость"])
    html = shown[0].data
    assert '<table class="data stack whole">' in html  # one short row: never cut on paper
    assert '<td class="" data-label="Вариант">Новый договор</td>' in html
    assert '<td class="num" data-label="Стоимость">4,1</td>' in html
    api.Chapter.table(chapter, frame.iloc[:, :2], "Два столбца", sources=[])
    assert '<table class="data whole">' in shown[1].data and "data-label" not in shown[1].data


def test_the_options_compared_and_the_risk_register_print_as_blocks(monkeypatch):
    """As five narrow columns the two tables hyphenated nearly every word of their first
    column («Новый дого-вор ГЧП», «Завышение стоимо-сти»): their builders ask for blocks (a
    heading line per option or risk, each field beside its name), which their short cells
    would not get by themselves (`prints_as_blocks`); on a phone they stack as before."""
    from sergek_report.chapter import decision_tables
    from sergek_report.chapter.outputs import PRINT_AS_BLOCKS
    from sergek_report.inputs import datasets

    shown = []
    monkeypatch.setattr(api, "display", shown.append)
    chapter = SimpleNamespace(_source_line=lambda sources, note: "")
    tables = datasets.load_tables(None)
    for frame in (decision_tables.decision_matrix(tables["options"], tables["risks"]),):
        assert frame.attrs[PRINT_AS_BLOCKS] and not api.prints_as_blocks(frame)
        api.Chapter.table(chapter, frame, "Проба", sources=[])
        html = shown[-1].data
        assert '<table class="data stack blocks">' in html and "<colgroup>" not in html
        assert f'data-label="{frame.columns[1]}"' in html
    # the same cells without the request: a grid of columns, as before
    api.Chapter.table(chapter, pd.DataFrame(frame.to_dict("list")), "Проба", sources=[])
    assert '<table class="data stack sized">' in shown[-1].data
    # ... and a chapter's own request (the road-safety claims: five columns of short
    # phrases)
    plain = pd.DataFrame(frame.to_dict("list"))
    api.Chapter.table(chapter, plain, "Проба", sources=[], blocks=True)
    assert '<table class="data stack blocks">' in shown[-1].data
    assert not plain.attrs  # the request does not stay on the frame


def test_the_peers_name_each_programme_once_above_its_rows(monkeypatch):
    """Review s10c: the peers printed as cards of one row each, the programme repeated in
    every card («Presight (Астана)» four in a row). Their builder names the programme as the
    table's group: a row across the table heads its rows once (a <tbody> each, which keeps
    it with its first row on paper), the other four columns a grid; every figure and source
    stays."""
    from sergek_report.chapter import decision_tables
    from sergek_report.chapter.outputs import GROUP_COLUMN
    from sergek_report.inputs import datasets

    shown = []
    monkeypatch.setattr(api, "display", shown.append)
    chapter = SimpleNamespace(_source_line=lambda sources, note: "")
    peers = datasets.load_tables(["peers"])["peers"]
    rows = peers[peers["kind"] == "other_vendor_kz"]
    frame = decision_tables.peer_table(rows)
    assert frame.attrs[GROUP_COLUMN] == "Программа" and len(frame) == len(rows) == 5
    api.Chapter.table(chapter, frame, "Проба", sources=rows["source_id"])
    table = shown[-1].data
    assert "blocks" not in re.search(r'<table class="([^"]*)"', table).group(1)
    assert table.count('<tbody class="group">') == 1
    assert table.count("Presight (Астана)") == 1
    assert '<th scope="rowgroup" colspan="4">Presight (Астана)</th>' in table
    assert table.count('<td class="num" data-label="Значение">') == 5
    # runs of rows: each programme once, in the data's order
    rows = peers[peers["kind"] == "sergek_kz"]
    api.Chapter.table(chapter, decision_tables.peer_table(rows), "Проба", sources=[])
    names = re.findall(r'<th scope="rowgroup"[^>]*>(.*?)</th>', shown[-1].data)
    assert [html.unescape(n) for n in names] == list(dict.fromkeys(rows["name"]))
    # no rows: one row of dashes under a dash
    empty = decision_tables.peer_table(peers.iloc[:0])
    assert list(empty.iloc[0]) == [fmt.MISSING] * 5


def test_a_high_risk_level_is_marked(monkeypatch):
    """Review s10c: «высокая / высокое» in grey text, the main risks could not be found by
    eye. A high likelihood or impact prints bold and dark red (report.css: 8:1 on white), in
    the register of chapter 2 (the appendix's gives what each assessment rests on, not the
    levels again); a medium or low one is not marked."""
    from sergek_report.chapter import decision_tables
    from sergek_report.inputs import datasets

    shown = []
    monkeypatch.setattr(api, "display", shown.append)
    chapter = SimpleNamespace(_source_line=lambda sources, note: "")
    risks = datasets.load_tables(["risks"])["risks"]
    highs = int((risks["likelihood"] == "high").sum() + (risks["impact"] == "high").sum())
    api.Chapter.table(
        chapter, decision_tables.risk_register(risks, brief=True), "Проба", sources=[]
    )
    table = shown[-1].data
    marked = re.findall(r'<strong class="marked">([^<]*)</strong>', table)
    assert len(marked) == highs and set(marked) == {"высокая", "высокое"}
    assert "средняя / <strong" in table
    assert '<strong class="marked">средн' not in table
    # the appendix's: no level at all, so nothing marked (reviews s32e, s32i, s32j)
    api.Chapter.table(chapter, decision_tables.risk_register(risks), "Проба", sources=[])
    assert "высок" not in shown[-1].data and "marked" not in shown[-1].data
    css = render.CSS_FILE.read_text(encoding="utf-8")
    assert "table.data strong.marked { color: #9e1b12; font-weight: bold; }" in css


def test_a_detail_column_prints_under_its_row_and_keeps_the_other_columns_a_grid(monkeypatch):
    """The assumptions' rationale: under its row across the table, after its column's name
    (on paper, on screen and on a phone), the row and its detail one group; the other
    columns a grid, where without `detail` a short table of paragraphs prints as blocks."""
    shown = []
    monkeypatch.setattr(api, "display", shown.append)
    chapter = SimpleNamespace(_source_line=lambda sources, note: "")
    paragraph = "Закон о государственных закупках: договор на один финансовый год, не более."
    frame = pd.DataFrame(
        {
            "Допущение": ["Срок закупки", "Срок конкурса"],
            "Значение": ["60 дней", "6 месяцев"],
            "Источник": [paragraph, paragraph],
            "Обоснование": [paragraph * 3, f"Суждение авторов. {paragraph}"],
        }
    )
    api.Chapter.table(chapter, frame, "Допущения", sources=[])
    assert '<table class="data stack blocks">' in shown[0].data
    api.Chapter.table(chapter, frame, "Допущения", sources=[], detail="Обоснование")
    html = shown[1].data
    assert '<table class="data stack">' in html
    assert re.findall(r"<th\b[^>]*>(.*?)</th>", html) == ["Допущение", "Значение", "Источник"]
    groups = re.findall(r'<tbody class="with-detail">(.*?)</tbody>', html)
    assert len(groups) == 2
    assert groups[1] == (
        '<tr><td class="" data-label="Допущение">Срок конкурса</td>'
        '<td class="" data-label="Значение">6 месяцев</td>'
        f'<td class="" data-label="Источник">{paragraph}</td></tr>'
        '<tr class="detail"><td colspan="3" data-label="Обоснование">'
        f"Суждение авторов. {paragraph}</td></tr>"
    )
    from sergek_report import paths

    screen = without_comments((paths.TEMPLATES_DIR / "report.css").read_text(encoding="utf-8"))
    assert re.search(r"tr\.detail td::before\s*\{\s*content: attr\(data-label\)", screen)
    phone = block(screen, PHONE_MEDIA)
    assert "tr.detail td { font-weight: normal; }" in phone  # not the bold head of a block
    paper = without_comments((paths.TEMPLATES_DIR / "print.css").read_text(encoding="utf-8"))
    assert "tbody.with-detail { break-inside: avoid; }" in paper


# -- the built report -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def built_html(built_report):
    return (built_report.out_dir / "report.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_built_html_carries_no_paged_media_css_and_underlines_links(built_html):
    styles = "".join(re.findall(r"<style[^>]*>(.*?)</style>", built_html, re.S))
    # the charts' own SVG styles are in the body; the page's stylesheet is in the head
    head_css = without_comments(re.search(r"<head>.*?</head>", built_html, re.S).group(0))
    assert not PAGED_MEDIA.search(head_css), PAGED_MEDIA.search(head_css)
    assert not PAGED_MEDIA.search(without_comments(styles))
    assert re.search(r"(^|[\s,}])a\s*\{[^}]*text-decoration:\s*underline", head_css)
    assert "min-width: 520px" not in head_css
    # one landmark holds the whole report (axe-core: landmark-one-main, region)
    body = re.search(r"<body>(.*)</body>", built_html, re.S).group(1).strip()
    assert body.startswith("<main>") and body.endswith("</main>")
    assert built_html.count("<main>") == 1


def phone_layout(html: str, width: int = 400):
    """The title page as a phone `width` CSS px wide lays it out (WeasyPrint's page box):
    the screen styles, with the rules for narrow screens applied (WeasyPrint reads a media
    query's type, not its width)."""
    from weasyprint import HTML

    head = re.search(r"<head>.*?</head>", html, re.S).group(0).replace(PHONE_MEDIA, "@media screen")
    page_size = f"<style>@page {{ size: {width}px 4000px; margin: 0 }}</style></head>"
    head = head.replace("</head>", page_size)
    cover = re.search(r'<section class="title-page">.*?</section>\s*</section>', html, re.S)
    page = f"<!DOCTYPE html><html>{head}<body>{cover.group(0)}</body></html>"
    return HTML(string=page, media_type="screen").render().pages[0]._page_box


def boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


@pytest.mark.slow
def test_the_title_pages_key_figures_stack_on_a_phone_and_fit_its_width(built_html):
    """On paper the key figures are a 2 × 2 grid; at 400 px one column, and no line of the
    title page (the figures keep their words together) is wider than the screen."""
    assert 'class="key-facts"' in built_html
    root = phone_layout(built_html)
    laid_out = list(boxes(root))
    widest = max(box.position_x + box.margin_width() for box in laid_out)
    assert widest <= 400 + 0.5, widest
    # the figures' cards (the checks before the session under them are a list of their own)
    facts = [
        box
        for box in laid_out
        if box.element_tag == "li"
        and getattr(box.element.find("p"), "attrib", {}).get("class") == "fact-figure"
    ]
    assert len(facts) == 4
    assert len({round(box.position_x) for box in facts}) == 1  # one column
    tops = [box.position_y for box in facts]
    assert tops == sorted(tops) and len(set(tops)) == 4


@pytest.mark.slow
def test_every_chart_has_a_narrow_drawing_readable_at_400_px(built_html):
    # the title page's chart too (class="chart cover-chart")
    figures = re.findall(r'<figure class="chart[^"]*">.*?</figure>', built_html, re.S)
    assert len(figures) >= 6
    for figure in figures:
        wide = re.findall(r'<svg\b[^>]*class="chart-wide(?: chart-tall)?".*?</svg>', figure, re.S)
        narrow = re.findall(r'<svg\b[^>]*class="chart-narrow".*?</svg>', figure, re.S)
        assert len(wide) == len(narrow) == 1, figure[:200]
        assert view_box_width(narrow[0]) == pytest.approx(charts.NARROW_WIDTH * 72)
        assert smallest_text_px(narrow[0], PHONE_CHART_PX) >= 9, figure[:200]
        assert smallest_text_px(wide[0], DESKTOP_CHART_PX) >= 9, figure[:200]


@pytest.mark.slow
def test_the_decision_table_and_every_wide_table_stack_on_a_phone(built_html):
    tables = [
        (
            re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S).group(1),
            re.search(r'<table class="data[^"]*">.*?</table>', figure, re.S).group(0),
        )
        for figure in re.findall(r'<figure class="table">.*?</figure>', built_html, re.S)
    ]
    assert len(tables) >= 20
    decision = [
        t
        for caption, t in tables
        if "Что можно сделать с 1 января 2027 года: сравнение" in caption.replace("\u00a0", " ")
    ]
    assert decision
    for caption, table in tables:
        header = table.split("</thead>")[0]  # a group's name heads its rows in the body
        heads = [html.unescape(h) for h in re.findall(r"<th\b[^>]*>(.*?)</th>", header)]
        numeric = [
            html.unescape(h) for h in re.findall(r'<th\b[^>]*class="num"[^>]*>(.*?)</th>', header)
        ]
        stacked = re.match(r'<table class="data stack( blocks)?( sized)?( whole)?">', table)
        stacked = stacked is not None
        assert stacked == api.stacks_on_a_phone(heads, numeric), caption[:80]
        if stacked:
            body = table.split("</thead>")[1]
            rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
            assert rows, caption[:80]
            for row in rows:
                labels = re.findall(r'<td[^>]*data-label="([^"]*)"', row)
                assert [html.unescape(label) for label in labels] == heads, caption[:80]
            # a row's detail (the assumptions' rationale): one cell across the row, named;
            # text and cross-references only
            text = r'(?:[^<]|<a class="xref"[^>]*>[^<]*</a>)+'
            for row in re.findall(r'<tr class="detail">(.*?)</tr>', body, re.S):
                assert re.fullmatch(
                    rf'<td colspan="{len(heads)}" data-label="[^"]+">{text}</td>', row
                ), caption[:80]
    for table in decision:
        assert re.match(r'<table class="data stack( blocks)?( sized)?( whole)?">', table)

    # the road-safety claims: as five narrow columns of short phrases they hyphenated nearly
    # every word («Стоимость од-ной стационар-ной камеры»), as blocks they took a page
    # (reviews s26m–s26p): four short columns, what a claim does not show under its row
    def found(words):
        found = [t for c, t in tables if words in html.unescape(c).replace("\u00a0", " ")]
        assert len(found) == 1, words
        return found[0]

    words = "Официальные заявления и опубликованные цифры о ДТП в Алматы"
    claims = found(words)
    assert claims.startswith('<table class="data stack sized">'), words
    assert len(re.findall(r'<th [^>]*scope="col"', claims)) == 4, words
    assert 'data-label="Чего это не показывает">Нет сопоставимого ряда прошлых лет</td>' in claims
    # the peers: a grid of four columns, each programme named once above its rows (review
    # s10c: «Presight (Астана)» four cards in a row), a block per row on a phone
    for words in (
        "Договоры «Сергек» в других регионах Казахстана",
        "Другие поставщики в Казахстане",
        "Зарубежные программы автоматической фиксации нарушений",
    ):
        table = found(words)
        assert re.match(r'<table class="data stack( sized)?( whole)?">', table), words
        heads = re.findall(r"<th\b[^>]*>(.*?)</th>", table.split("</thead>")[0])
        assert heads == ["Показатель", "Значение", "Период", "Сопоставимость"], words
        names = re.findall(r'<tr class="group"><th\b[^>]*>(.*?)</th>', table)
        assert names and len(names) == len(set(names)), words
    assert re.findall(
        r'<tr class="group"><th[^>]*>(.*?)</th>', found("Другие поставщики в Казахстане")
    ) == ["Presight (Астана)"]


def test_narrow_options_chart_keeps_its_panel_titles_inside_the_figure():
    panels = {
        "Приведённая стоимость 2027–2029 годов, млрд тенге": [
            ("Временная мера (только её месяцы)", 0.7, 0.6, 0.8),
            ("Новое оборудование для всех комплексов (без эксплуатации)", 7.8, 10.3, 27.8),
        ],
        "Бюджет 2027 года, млрд тенге": [
            ("Временная мера (только её месяцы)", 0.7, 0.6, 0.8),
            ("Новое оборудование для всех комплексов (без эксплуатации)", 7.8, 10.3, 27.8),
        ],
    }
    fig, axes = charts.options_chart(
        panels,
        lambda v: fmt.number(v, 1),
        lambda v: fmt.number(v, 0),
        muted=["Временная мера (только её месяцы)"],
    )
    narrow = charts.to_narrow_svg(fig)
    # the muted option stays grey and hatched on a phone: the one pattern, referenced
    assert narrow.count("<pattern ") == 1
    pattern = re.search(r'<pattern id="([^"]+)"', narrow).group(1)
    assert f"url(#{pattern})" in narrow
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    for ax in axes:
        box = ax.title.get_window_extent(renderer)
        assert 0 <= box.x0 and box.x1 <= fig.bbox.width, (ax.title.get_text(), box)


def test_narrow_kazakh_dates_and_a_long_legend_leave_the_plot_its_width(kazakh):
    """The Kazakh Figure 4 (review of 4 Dec 2026): its one-line legend, wider than the phone's
    axes, squeezed the plot to 40 px and «2020 ж. қаң.» overlapped 29 times. The legend goes
    under the figure, the plot keeps most of the width, dates take two lines at most."""
    months = pd.date_range("2020-01-01", "2022-08-01", freq="MS")
    fig, ax = charts.line_chart(
        months,
        {"жұмыс істеп тұрған кешендер (интерполяция)": range(400, 400 + 10 * len(months), 10)},
        "кешен",
        value_axis=charts.integer_axis,
        markers=False,
        height=2.0,
    )
    narrow = charts.to_narrow_svg(fig)
    assert smallest_text_px(narrow, PHONE_CHART_PX) >= charts.MIN_SCREEN_TEXT_PX
    assert ax.get_legend() is None and len(fig.legends) == 1
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    assert ax.get_window_extent(renderer).width > 0.7 * fig.bbox.width
    legend = fig.legends[0].get_window_extent(renderer)
    assert 0 <= legend.x0 and legend.x1 <= fig.bbox.width
    assert legend.y1 <= ax.get_window_extent(renderer).y0  # under the axes
    shown = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert len(shown) >= 3 and all(t.count("\n") <= 1 for t in shown), shown
    assert "ж." in shown[0] and not charts._collide(ax.xaxis, renderer)


def test_narrow_milestones_keep_the_legend_off_the_value_labels_and_the_labels_apart():
    """Figure 12 on a phone: the legend covered «1 991» and «414» overlapped «460»."""
    deployment = pd.DataFrame(
        {
            "date": pd.to_datetime(
                ["2019-04-01", "2020-01-01", "2021-01-01", "2021-05-01", "2022-12-01"]
                + ["2024-01-01", "2024-11-30", "2026-02-01", "2026-03-01"]
            ),
            "complexes": [10, 404, 414, 460, 766, 1341, 1641, 1641, 1991],
            "status": ["reported"] * 8 + ["planned"],
        }
    )
    fig = charts.milestones_chart(deployment, separate=["2020-01-01"])
    ax = fig.axes[0]
    charts.to_narrow_svg(fig)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    values = [t.get_window_extent(renderer) for t in ax.texts]
    legends = [legend.get_window_extent(renderer) for legend in fig.legends]
    legend = ax.get_legend()
    if legend is not None:
        legends.append(legend.get_window_extent(renderer))
    for box in legends:
        assert 0 <= box.x0 and box.x1 <= fig.bbox.width
        assert not any(charts._overlap(box, value) for value in values)
    for i, a in enumerate(values):
        assert not any(charts._overlap(a, b) for b in values[i + 1 :])


def test_narrow_options_chart_gives_wrapped_labels_rows_of_their_own(kazakh):
    """The Kazakh options chart on a phone: a label of five lines ran into the next row's."""
    name = "Алғашқы күннен бастап шарт (Павлодар бағалары, {} АБК-сі үшін)"
    panels = {
        "2027 жылғы шығыстар, млрд теңге": [
            (name.format(where), 15.5 + i, 14.8, 16.2 + i)
            for i, where in enumerate(["облыс", "қала", "облыс", "қала", "облыс", "қала"])
        ]
    }
    fig, axes = charts.options_chart(
        panels,
        lambda v: fmt.number(v, 1),
        lambda v: fmt.number(v, 0),
        {
            "2027 жылғы шығыстар, млрд теңге": (
                28.4,
                "үзік сызық — бюджеттің ұсынылған шығыс сомасы, 28,4",
            )
        },
    )
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    box = axes.title.get_window_extent(renderer)  # the wide drawing: the title inside
    assert 0 <= box.x0 and box.x1 <= fig.bbox.width
    charts.to_narrow_svg(fig)
    fig.draw_without_rendering()
    labels = sorted(
        (t.get_window_extent(renderer) for t in axes.get_yticklabels() if t.get_text()),
        key=lambda b: b.y0,
    )
    assert all(a.y1 <= b.y0 for a, b in zip(labels, labels[1:], strict=False))
    texts = [t.get_text() for t in axes.get_yticklabels()]
    assert not any(line.endswith("-") for t in texts for line in t.split("\n"))  # «АБК-сі»
    title = axes.title.get_text().split("\n")
    assert all(len(line.split()) > 1 for line in title), title  # no word alone on a line
