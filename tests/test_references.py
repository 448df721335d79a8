"""Cross-references: a heading's or table's title quoted in the text links to it, and the PDF
prints the page it is on («в разделе «Источники» (с. 50)»), which the PDF itself confirms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from sergek_report import labels as L
from sergek_report.build.references import link_references, with_page_numbers
from tests.conftest import normalise
from tests.pages import page_texts

PAGE = '<h1 class="chapter" id="chapter-{n}"><span class="chapter-number">{n}.</span> {title}</h1>'
CONTENTS = '<nav class="toc"><a href="#chapter-2">«Источники»</a></nav>'


def page(*body: str) -> str:
    return CONTENTS + "".join(body)


def test_a_quoted_section_title_links_to_its_section():
    html = page(
        "<p>Список — в разделе «Источники».</p>",
        PAGE.format(n=2, title="Допущения"),
        '<h2 id="chapter-2-1">Источники</h2>',
    )
    linked = link_references(html)
    assert (
        '<p>Список — в разделе <a class="xref" href="#chapter-2-1">«Источники»</a>.</p>' in linked
    )
    # the contents and the heading itself are left alone
    assert linked.startswith(CONTENTS) and '<h2 id="chapter-2-1">Источники</h2>' in linked


def test_a_title_typeset_with_no_break_spaces_and_joiners_is_still_found():
    html = page(
        "<p>См. раздел «Сверка 2020–\u20602025\u00a0годов».</p>",
        '<h2 id="chapter-1-3">Сверка 2020–2025 годов</h2>',
    )
    assert 'href="#chapter-1-3"' in link_references(html)


def test_a_quotation_that_is_no_title_a_link_and_a_heading_are_not_linked():
    html = page(
        "<p>Маслихат одобрил продление «без возможности дальнейших продлений».</p>",
        '<p><a href="https://example.org">«Источники»</a></p>',
        '<h2 id="chapter-1-1">Источники</h2>',
    )
    assert 'class="xref"' not in link_references(html)


def test_a_chapter_named_beside_its_section_gets_no_page_of_its_own():
    html = page(
        "<p>В разделе «Источники» главы «Допущения». Глава «Допущения», раздел «Источники».</p>",
        PAGE.format(n=6, title="Допущения"),
        '<h2 id="chapter-6-9">Источники</h2>',
    )
    text = link_references(html).split("</nav>")[1].split("<h1")[0]
    # beside it, one word apart: the section only; after a comma: both
    assert text.count('href="#chapter-6"') == 1 and text.count('href="#chapter-6-9"') == 2
    assert "«Источники»</a> главы «Допущения»." in text


def test_a_title_two_headings_share_is_ambiguous_and_not_linked():
    html = page(
        "<p>См. раздел «Итоги».</p>",
        '<h2 id="chapter-1-1">Итоги</h2>',
        '<h2 id="chapter-2-1">Итоги</h2>',
    )
    assert 'class="xref"' not in link_references(html)


def test_a_table_is_found_by_its_captions_title_up_to_a_colon():
    html = page(
        "<p>Подробно — в таблице «Реестр рисков подробно» (в главе 6).</p>",
        '<figure class="table"><figcaption><span class="caption-number" id="table-33">'
        "Таблица 33.</span> Реестр рисков подробно: вероятность и влияние</figcaption></figure>",
    )
    linked = link_references(html)
    assert '<a class="xref" href="#table-33">«Реестр рисков подробно»</a>' in linked
    printed = with_page_numbers(linked, {"table-33": 45})
    assert 'data-page="табл.\u00a033, с.\u00a045"' in printed


def test_two_figures_sharing_a_titles_start_are_told_apart_by_the_whole_title():
    figure = (
        '<figure><figcaption><span class="caption-number" id="figure-{n}">Рисунок {n}.</span>'
        " Сценарии расходов: {what} (полоса — оценка)</figcaption></figure>"
    )
    html = page(
        "<p>См. рисунок «Сценарии расходов» и рисунок «Сценарии расходов: за три года».</p>",
        figure.format(n=3, what="2027 год"),
        figure.format(n=14, what="за три года"),
    )
    linked = link_references(html)
    assert linked.count('class="xref"') == 1 and 'href="#figure-14"' in linked


def test_the_page_follows_a_comma_inside_parentheses_and_is_a_placeholder_until_known():
    html = page("<p>(раздел «Источники»)</p>", '<h2 id="chapter-1-1">Источники</h2>')
    linked = link_references(html)
    assert '<a class="xref" href="#chapter-1-1" data-inside="(">' in linked
    assert 'data-page="с.\u00a000"' in with_page_numbers(linked, None)  # two digits wide
    assert 'data-page="с.\u00a07"' in with_page_numbers(linked, {"chapter-1-1": 7})


# --- The built report ------------------------------------------------------------------------


def dangling_references(html: str, language: str) -> list[str]:
    """Quoted titles named as a section, chapter, table or figure that link nowhere, with their
    context; a chapter named right beside a linked section or table is not one («в разделе
    «…» главы «…»»: the section's page says where it is)."""
    import html as html_lib

    body = html[html.index("</nav>") :]
    body = re.sub(r"<(style|script|svg)\b.*?</\1>", "", body, flags=re.S)
    body = re.sub(r'<a class="xref"[^>]*>.*?</a>', "\u27e6link\u27e7", body, flags=re.S)
    text = normalise(html_lib.unescape(re.sub(r"<[^>]+>", "", body))).replace("\u2060", "")
    if language == "ru":  # the word first: «в разделе «…»», «(глава «…»)», «см. таблицу «…»»
        pattern = r"(?:[Рр]аздел\w*|[Гг]лав[аеыу]|[Тт]аблиц[аеуы]|[Рр]исун\w*|см\.) «[^«»]{3,90}»"
    else:  # the title first: «…» бөлімі, тарауы, кестесі, суреті
        pattern = r"«[^«»]{3,90}» (?:бөлім|тарау|кесте|сурет)\w*"
    dangling = []
    for match in re.finditer(pattern, text):
        before, after = text[: match.start()], text[match.end() :]
        beside = (
            re.search(r"⟧ (?:\w+ )?$", before)
            if language == "ru"
            else re.match(r" ?⟦", after) or re.match(r"\w* ⟦", after)
        )
        if not beside:
            dangling.append(text[max(0, match.start() - 30) : match.end()])
    return dangling


def printed_references(pdf: Path) -> list[tuple[str | None, int, int]]:
    """(title, page it names, page it is printed on) of every reference the PDF prints; the
    title is None where the page break cuts it (its start is on the page before)."""
    # as the PDF's text has it: spaces plain, word joiners gone
    shown = normalise(L.PAGE_REFERENCE).replace("\u2060", "")
    page_reference = re.escape(shown).replace(re.escape("{page}"), r"(\d+)")
    reference = r"(?:«([^«»]{3,90}))?»[ ,(]+(?:[^()«»]{0,20}, )?" + page_reference
    found = []
    for number, text in enumerate(page_texts(pdf), start=1):
        text = normalise(re.sub("\u2010\n", "", text))
        for match in re.finditer(reference, text):
            found.append((match.group(1), int(match.group(2)), number))
    return found


def link_pages(pdf: Path) -> set[tuple[int, int]]:
    """(page of a link, page it goes to) of every internal link of the PDF, 1-based, whether
    its part linked it (a named destination) or the join did (a page)."""
    reader = PdfReader(pdf)
    named = reader.named_destinations
    found = set()
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            destination = annotation.get("/Dest")
            if annotation.get("/Subtype") != "/Link" or destination is None:
                continue
            if isinstance(destination, str):
                target = reader.get_destination_page_number(named[destination])
            else:
                target = reader.get_page_number(destination[0].get_object())
            found.add((number, target + 1))
    return found


def check_references(out_dir: Path, language: str) -> int:
    """An edition's references: none dangling, each printed with its page in the PDF, and
    that page holding the title (the number of links found)."""
    html = (out_dir / "report.html").read_text(encoding="utf-8")
    assert dangling_references(html, language) == []
    L.use_language(language)
    try:
        printed = printed_references(out_dir / "report.pdf")
    finally:
        L.use_language(L.SOURCE_LANGUAGE)
    links = html.count('<a class="xref"')
    assert len(printed) == links, (len(printed), links)
    pages = [normalise(re.sub("\u2010\n", "", text)) for text in page_texts(out_dir / "report.pdf")]
    for title, target, _where in printed:
        # the page named holds the heading or the table's caption with that title
        assert title is None or title in pages[target - 1], (title, target)
    assert sum(title is None for title, _, _ in printed) <= 2  # cut by a page break
    # and each is a link to the page it names, in the PDF too
    linked = link_pages(out_dir / "report.pdf")
    assert [(where, target) for _, target, where in printed if (where, target) not in linked] == []
    return links


@pytest.mark.slow
def test_every_reference_of_the_report_links_and_prints_the_right_page(built_report):
    links = check_references(built_report.out_dir, "ru")
    assert links > 30
    # the sources' page as the PDF's bookmarks give it, independently of the text
    reader = PdfReader(built_report.out_dir / "report.pdf")
    sources = next(
        reader.get_destination_page_number(entry) + 1
        for entry in _flat(reader.outline)
        if entry.title == "Источники"
    )
    pdf = normalise(" ".join(page_texts(built_report.out_dir / "report.pdf")))
    # «(…, раздел «Источники», с. 50)»: inside parentheses after a comma
    assert re.search(rf"раздел «Источники»(?:, | \()с\. {sources}\b", pdf)


def _flat(outline):
    for entry in outline:
        yield from _flat(entry) if isinstance(entry, list) else [entry]
