"""Render executed chapter notebooks as one report: nbconvert (HTML) then WeasyPrint (PDF).

`WeasyPDFExporter` is an nbconvert exporter (entry point `weasypdf`): it renders the HTML
with the project template and hands it to WeasyPrint, so no browser and no LaTeX are needed.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from traitlets import Bool, default

from sergek_report import labels as L
from sergek_report import paths
from sergek_report.build.changes import changes_blocks
from sergek_report.build.pdf import (
    CACHE_DIR_NAME,
    PDF_VARIANT,
    PartRenderer,
    contents_position,
    lean_font_subsetting,
    report_pdf,
    split_report,
)
from sergek_report.build.references import heading_titles, link_references
from sergek_report.chapter import fmt, inline
from sergek_report.chapter.key_facts import CoverChart, KeyFact
from sergek_report.chapter.measure import FONT_DIR, FONT_STEM
from sergek_report.chapter.outputs import FIGURE_METADATA, INPUTS_MIMETYPE
from sergek_report.chapter.sentences import day_month, search_period
from sergek_report.inputs.datasets import data_as_of
from sergek_report.inputs.datasets import search_period as searched
from sergek_report.inputs.edition import Edition
from sergek_report.inputs.typography import WORD_JOINER, typeset_page
from sergek_report.model.appraisal import YEARS as OPTION_YEARS

NBCONVERT_TEMPLATES = paths.TEMPLATES_DIR / "nbconvert"
NBSP = "\u00a0"
CSS_FILE = paths.TEMPLATES_DIR / "report.css"
# The PDF's paged-media rules (pages, running headers, bookmarks): added for WeasyPrint only.
PRINT_CSS_FILE = paths.TEMPLATES_DIR / "print.css"
# The words of the title page and captions are in the catalog, labels.py (read when a
# report is rendered: the catalog follows the edition's language).
# The running header of the PDF's pages (print.css), replaced by the catalog's words.
RUNNING_HEADER = re.compile(r'(@top-left \{ content: )"[^"]*"')
# A chapter places the «what changed» block by a Markdown cell holding only this comment;
# without one, the block closes the first chapter (the summary).
CHANGES_SLOT = "<!-- sergek:changes -->"
TOC_SLOT = "<!-- sergek:toc -->"


class ReportHTMLExporter(HTMLExporter):
    """HTML with the project template: no code, no prompts, no stderr, nothing external."""

    export_from_notebook = "Sergek report (HTML)"

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self):
        return [str(NBCONVERT_TEMPLATES)]

    @default("template_name")
    def _template_name_default(self):
        return "sergek"

    @default("exclude_input")
    def _exclude_input_default(self):
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self):
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self):
        return True

    # HTMLExporter ends by parsing and writing the whole page again with BeautifulSoup, to add
    # alt texts and tab stops this template already has: the same page, other bytes (attribute
    # order, blank space between tags). The build keeps it (its bytes are the published
    # report's); the preview, which only shows the page, skips it (0.22 s of its 0.34 s render).
    reserialise = Bool(True).tag(config=True)

    def from_notebook_node(self, nb, resources=None, **kw):
        nb = copy.deepcopy(nb)
        strip_build_outputs(nb)  # the build's machine-readable outputs are not for readers
        resources = dict(resources or {})
        resources["sergek_css"] = CSS_FILE.read_text(encoding="utf-8")
        if self.reserialise:
            html, resources = super().from_notebook_node(nb, resources, **kw)
        else:
            html, resources = self._template_html(nb, resources, **kw)
        html = postprocess_html(
            html, resources.get("sergek_captions"), not resources.get("sergek_keep_toc_slot")
        )
        return html, resources

    def _template_html(self, nb, resources, **kw):
        """HTMLExporter.from_notebook_node (nbconvert 7) without its BeautifulSoup pass: the
        same two filters registered, then the template."""
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight_code = self.filters.get(
            "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
        )
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources
        )
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


class WeasyPDFExporter(ReportHTMLExporter):
    """The same HTML, laid out as an A4 PDF by WeasyPrint, with embedded DejaVu fonts."""

    export_from_notebook = "Sergek report (PDF via WeasyPrint)"
    output_mimetype = "application/pdf"

    @default("file_extension")
    def _file_extension_default(self):
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self):
        return ".html.j2"  # the same template as the HTML: WeasyPrint lays it out

    def from_notebook_node(self, nb, resources=None, **kw):
        html, resources = super().from_notebook_node(nb, resources, **kw)
        return html_to_pdf(html), resources


def _font_faces() -> str:
    """@font-face rules for the PDF only (the HTML must not point at local files)."""
    faces = []
    for family, stem in (("Report Sans", FONT_STEM),):  # one family: see report.css
        for suffix, weight, style in (
            ("", "normal", "normal"),
            ("-Bold", "bold", "normal"),
            ("-Oblique", "normal", "italic"),
            ("-BoldOblique", "bold", "italic"),
        ):
            path = FONT_DIR / f"{stem}{suffix}.ttf"
            if path.is_file():
                faces.append(
                    f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
                    f"font-weight: {weight}; font-style: {style}; }}"
                )
    return "\n".join(faces)


_MAIN_END = "</main>"  # the template closes it just before </body>
_MAIN_OPEN = re.compile(r"(<body>\s*)<main>")
_MAIN_CLOSE = re.compile(r"</main>(\s*</body>)")
# A chart's drawing for narrow screens (report.css shows it on a screen only, below 640 px).
_NARROW_CHART = re.compile(r'<svg [^>]*class="chart-narrow"[^>]*>.*?</svg>', re.DOTALL)
# labels.UNBROKEN_WORDS in the text (the text nodes `_typeset_text` typesets, `_TEXT_NODE`):
# each in a span the print stylesheet does not hyphenate. A word given soft hyphens instead
# was laid out on one line in the title page's cards (WeasyPrint 66).
_UNBROKEN_WORD = re.compile(r"\b(" + "|".join(map(re.escape, L.UNBROKEN_WORDS)) + r")\b")


def keep_words_whole(html: str) -> str:
    """The words the hyphenation patterns break wrongly, each kept whole in print."""

    def text(match: re.Match) -> str:
        if match.group(1):
            return match.group(1)
        return ">" + _UNBROKEN_WORD.sub(r'<span class="unbroken">\1</span>', match.group(3))

    return _TEXT_NODE.sub(text, html)


def for_print(html: str) -> str:
    """The HTML as WeasyPrint lays it out: print.css right after the page's first stylesheet
    (report.css), so it wins where both set a property, and a page's own later styles still
    win over it. The published HTML never carries it.

    The page's <main> landmark (for screen readers) is dropped: the PDF is laid out chapter
    by chapter (pdf.py cuts the body at each chapter) and tagged from its headings. So are
    the charts' drawings for narrow screens, which paper never shows: WeasyPrint would still
    parse and style every element of them (about half the report's markup)."""
    end = html.find("</style>")
    if end < 0:
        raise ValueError("the page has no stylesheet to add the print rules to")
    end += len("</style>")
    rules = RUNNING_HEADER.sub(
        lambda m: m.group(1) + json.dumps(L.FRAME["running_header"], ensure_ascii=False),
        PRINT_CSS_FILE.read_text(encoding="utf-8"),
    )
    html = f"{html[:end]}\n<style>\n{rules}</style>{html[end:]}"
    html = _MAIN_CLOSE.sub(r"\1", _MAIN_OPEN.sub(r"\1", html, count=1), count=1)
    return keep_words_whole(_NARROW_CHART.sub("", html))


def html_to_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    lean_font_subsetting()
    fonts = FontConfiguration()
    document = HTML(string=for_print(html), base_url=str(paths.PROJECT_ROOT))
    return document.write_pdf(
        stylesheets=[CSS(string=_font_faces(), font_config=fonts)],
        font_config=fonts,
        pdf_identifier=b"sergek-report",  # fixed id: same inputs, same file
        uncompressed_pdf=False,
        pdf_variant=PDF_VARIANT,  # tagged PDF/UA-1, as the report
    )


_ANCHOR_LINK = re.compile(r'<a class="anchor-link" href="#[^"]*">(?:¶|&#182;)</a>')
_DOUBLE_STOP = re.compile(
    r"(\b(?:г|гг|руб|тыс|млн|млрд|мес|ст|п|т\.\s?е|т\.\s?д)\.)((?:</[a-z]+>)*)\."
)
_CAPTION = re.compile(r'<span class="caption-number" data-kind="(figure|table)"></span>')


def postprocess_html(
    html: str, counters: dict[str, int] | None = None, fill_toc: bool = True
) -> str:
    """Number captions across the whole report, drop the heading permalinks (¶), give each
    section heading (h2) of a chapter a stable id and fill the contents with chapters and
    their sections. `counters` (captions of each kind before this HTML, updated in place)
    lets one chapter be rendered on its own with the numbers it has in the report."""
    counters = dict.fromkeys(L.CAPTION_LABELS, 0) if counters is None else counters

    def number(match: re.Match) -> str:
        kind = match.group(1)
        counters[kind] += 1
        label = fmt.numbered(L.CAPTION_LABELS[kind], counters[kind])
        return f'<span class="caption-number" id="{kind}-{counters[kind]}">{label}.</span>'

    html = _CAPTION.sub(number, _ANCHOR_LINK.sub("", html))
    # An abbreviation's full stop also ends the sentence: «2026 г.» + «.» is «2026 г.».
    html = _DOUBLE_STOP.sub(r"\1\2", html)
    html = _TEXT_NODE.sub(_typeset_text, html)
    # a stacked table's field labels on a phone read as its header cells
    html = _FIELD_LABEL.sub(lambda m: f'data-label="{typeset_page(m.group(1))}"', html)
    html, entries = _section_ids(html)
    return html.replace(TOC_SLOT, toc_html(entries), 1) if fill_toc else html


_FIELD_LABEL = re.compile(r'data-label="([^"]*)"')
# The text between two tags; scripts, styles and drawings left as they are, and so is a
# source's quotation in the source list, printed as its page wrote it (the loader gave it
# only its invisible no-break spaces: typography.bind). A text node stops short of the next
# tag (a lookahead, not consumed), so that a style, script, drawing or quotation after it is
# matched whole: «<head>\n<style>» once let the style's CSS be typeset («width: 100 %»).
_TEXT_NODE = re.compile(
    r'(<(script|style|svg)\b.*?</\2>|<span class="quote">[^<]*</span(?=>))'
    r"|>([^<]+)(?=<)",
    re.S,
)


def _typeset_text(match: re.Match) -> str:
    """The typography of the texts of data/ and params/ (`typeset`) for the prose too: a
    number typed in a notebook keeps its digit groups and a day its month on one line
    («1 января 2027 года»)."""
    if match.group(1):
        return match.group(1)
    return f">{typeset_page(match.group(3))}"


_HEADING = re.compile(
    r'<h1 class="(?P<kind>chapter|backmatter|colophon-title)" id="(?P<anchor>[\w-]+)">'
    r"(?P<h1>.*?)</h1>"
    r"(?:<!-- sergek:part (?P<part>\w+) -->)?"
    r"|<h2(?P<attrs>[^>]*)>(?P<h2>.*?)</h2>",
    re.S,
)
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    import html as html_lib

    # ordinary white space only: a no-break space of the heading stays one («1 января»)
    return re.sub(r"[ \t\r\n]+", " ", html_lib.unescape(_TAG.sub("", fragment))).strip()


def _section_ids(html: str) -> tuple[str, list[dict]]:
    """Ids "chapter-N-M" for the h2 headings inside chapters, and the contents entries."""
    entries: list[dict] = []
    current: dict | None = None

    def visit(match: re.Match) -> str:
        nonlocal current
        if match.group("kind"):
            current = {
                "anchor": match.group("anchor"),
                "label": _text(match.group("h1")),
                "part": match.group("part"),
                "sections": [],
            }
            entries.append(current)
            return match.group(0)
        if current is None or re.search(r'class="(toc-title|no-toc)"', match.group("attrs")):
            return match.group(0)  # the contents' own title; a heading the contents omit
        anchor = f"{current['anchor']}-{len(current['sections']) + 1}"
        current["sections"].append({"anchor": anchor, "label": _text(match.group("h2"))})
        attrs = re.sub(r'\s+id="[^"]*"', "", match.group("attrs"))
        return f'<h2{attrs} id="{anchor}">{match.group("h2")}</h2>'

    return _HEADING.sub(visit, html), entries


def toc_html(entries: list[dict]) -> str:
    """Chapters and their sections as nested lists (the PDF adds page numbers)."""
    import html as html_lib

    if not entries:
        return ""
    items = []
    for entry in entries:
        sections = "".join(
            f'<li class="toc-section"><a href="#{section["anchor"]}">'
            f"{html_lib.escape(section['label'])}</a></li>"
            for section in entry["sections"]
        )
        if entry.get("part"):  # the part's name before its first chapter
            items.append(
                f'<li class="toc-part">{html_lib.escape(L.REPORT_PARTS[entry["part"]])}</li>'
            )
        items.append(
            f'<li class="toc-chapter"><a href="#{entry["anchor"]}">'
            f"{html_lib.escape(entry['label'])}</a>"
            + (f'<ol class="toc-sections">{sections}</ol>' if sections else "")
            + "</li>"
        )
    return f'<ol class="toc-chapters">{"".join(items)}</ol>'


def is_section(notebook: nbformat.NotebookNode) -> bool:
    """Whether the notebook continues the chapter before it: its first Markdown cell is a
    '## Section title' (after its parameters and set-up, whose values the title may use; a
    chapter's notebook opens with '# Chapter title'). A chapter may so be written and
    executed as several notebooks (in parallel, each re-run only when its own inputs
    change) and still print as one chapter, its sections on no new page."""
    first = next((cell for cell in notebook.cells if cell.cell_type == "markdown"), None)
    return first is not None and first.source.startswith("## ")


def chapter_title(notebook: nbformat.NotebookNode, path: Path) -> str:
    first = notebook.cells[0] if notebook.cells else None
    if first is None or first.cell_type != "markdown" or not first.source.startswith("# "):
        raise ValueError(
            f"{paths.display_path(path)}: the first cell must be a Markdown heading "
            "'# Chapter title' (or '## Section title' in a notebook that continues the "
            "chapter before it)."
        )
    return first.source.splitlines()[0][2:].strip()


def chapter_numbers(notebooks: list, chapter_paths: list[Path]) -> list[int]:
    """The chapter each notebook prints in (1-based): a section notebook in its
    predecessor's."""
    numbers, number = [], 0
    for path, notebook in zip(chapter_paths, notebooks, strict=True):
        if not is_section(notebook):
            chapter_title(notebook, path)  # a notebook must open with a heading
            number += 1
        elif number == 0:
            raise ValueError(
                f"{paths.display_path(path)}: the first chapter's notebook must open with "
                "'# Chapter title'; '## Section title' continues the chapter before it."
            )
        numbers.append(number)
    return numbers


def closes_chapter(numbers: list[int], index: int) -> bool:
    """Whether the notebook at `index` (0-based) is its chapter's last (`chapter_numbers`)."""
    return index + 1 == len(numbers) or numbers[index + 1] != numbers[index]


def strip_build_outputs(notebook: nbformat.NotebookNode) -> None:
    """Outputs as the report prints them: drop what tells the build what a chapter read and
    the notebook-only chart captions; a chart (PNG and SVG for notebook views) becomes the
    vector figure with its numbered caption."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            figure = output.get("metadata", {}).get(FIGURE_METADATA, {})
            if INPUTS_MIMETYPE in output.get("data", {}) or figure.get("notebook_only"):
                continue
            if "html" in figure:
                output = nbformat.v4.new_output("display_data", data={"text/html": figure["html"]})
            kept.append(output)
        cell.outputs = kept


def _html_cell(source: str, **metadata) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(source, metadata={"sergek_html": True} | metadata)


def is_changes_slot(cell) -> bool:
    return cell.cell_type == "markdown" and cell.source.strip() == CHANGES_SLOT


def changes_chapter(notebooks: list) -> int:
    """The notebook (1-based) that holds the «what changed» block: the first with a slot
    cell, else the first, at its end."""
    for number, notebook in enumerate(notebooks, start=1):
        if any(is_changes_slot(cell) for cell in notebook.cells[1:]):
            return number
    return 1


# A chapter's notebook may open a part of the report (its metadata "sergek": {"opens_part":
# key of labels.REPORT_PARTS}): the chapters a decision needs, then the reference chapters.
# The contents print the part's name before its first chapter.
PART_KEY = "opens_part"


def opens_part(notebook: nbformat.NotebookNode) -> str | None:
    part = notebook.metadata.get("sergek", {}).get(PART_KEY)
    if part is not None and part not in L.REPORT_PARTS:
        raise ValueError(
            f"a notebook's metadata names the part {part!r}; expected one of "
            + ", ".join(sorted(L.REPORT_PARTS))
        )
    return part


def _chapter_heading(number: int, title: str, part: str | None = None) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(
        "",
        metadata={
            "sergek_chapter": {
                "number": number,
                "title": title,
                "anchor": f"chapter-{number}",
                "part": part,
            }
        },
    )


def chapter_cells(
    number: int,
    path: Path,
    notebook: nbformat.NotebookNode,
    changes_html: str | None,
    closes: bool = True,
) -> list:
    """One notebook's cells in the report: the chapter's heading cell (a section notebook
    keeps its own '## …' cell instead), its cells (the «what changed» block in its first
    slot, or at its end, when `changes_html` is given) and, if it `closes` its chapter, the
    link back to the contents."""
    if is_section(notebook):
        cells, body = [], notebook.cells
    else:
        heading = _chapter_heading(number, chapter_title(notebook, path), opens_part(notebook))
        cells, body = [heading], notebook.cells[1:]
    strip_build_outputs(notebook)
    for cell in body:
        if changes_html is not None and is_changes_slot(cell):
            cells.append(_html_cell(changes_html, sergek_slot="changes"))
            changes_html = None
        else:
            cells.append(cell)
    if changes_html is not None:
        cells.append(_html_cell(changes_html, sergek_slot="changes"))
    if closes:
        cells.append(_html_cell(to_contents()))
    return cells


def report_notebook(cells: list, meta: dict) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = cells
    notebook.metadata["sergek"] = meta | {"toc": True}
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def merge_chapters(
    chapter_paths: list[Path], meta: dict, changes_html: str, back_matter: str = ""
) -> nbformat.NotebookNode:
    """One notebook from the executed chapters: a heading cell per chapter, the «what
    changed» block in its slot (see CHANGES_SLOT) and the back matter after the last chapter.
    The block's cell is marked `sergek_slot: changes`, so it can be filled in later."""
    notebooks = [inline.read_resolved(path, paths.display_path(path)) for path in chapter_paths]
    holder = changes_chapter(notebooks)
    numbers = chapter_numbers(notebooks, chapter_paths)
    cells = []
    for index, (path, notebook) in enumerate(zip(chapter_paths, notebooks, strict=True)):
        changes = changes_html if index + 1 == holder else None
        closes = closes_chapter(numbers, index)
        cells += chapter_cells(numbers[index], path, notebook, changes, closes)
    if not chapter_paths:
        cells.append(_html_cell(changes_html, sergek_slot="changes"))
    if back_matter:
        cells.append(_html_cell(back_matter))
    return report_notebook(cells, meta)


def to_contents() -> str:
    """The link back to the contents at the end of each chapter."""
    return f'<p class="to-contents"><a href="#contents">{L.TO_CONTENTS}</a></p>'


def _jinja():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(paths.TEMPLATES_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def alphabetical_key(text: str, language: str) -> tuple[int, ...]:
    """The sort key of `text` in the language's alphabet, word by word (a space before every
    letter: «В реальном выражении» before «Варианты»); case ignored; any other character,
    such as a digit or a Latin letter, after every letter, by its code point."""
    alphabet = L.ALPHABETS[language]
    return tuple(
        -1 if c.isspace() else alphabet.index(c) if c in alphabet else len(alphabet) + ord(c)
        for c in text.lower()
    )


def glossary_html(tariff_base_year: int) -> str:
    """The glossary page: the frame (templates/glossary.html.j2) around the catalog's terms
    (labels.GLOSSARY) in the alphabetical order of the report's language, with the year the
    tariff is frozen at filled in from the data."""
    year = fmt.year(tariff_base_year)
    entries = sorted(
        ((t.format(base_year=year), d.format(base_year=year)) for t, d in L.GLOSSARY),
        key=lambda entry: alphabetical_key(entry[0], L.LANGUAGE),
    )
    return _jinja().get_template("glossary.html.j2").render(entries=entries, words=L.FRAME)


def _edition_date_text(edition_date: str, baseline: dict | None) -> str:
    """The edition's date, with the previous published edition's when there is one and it is
    another day: «4 декабря 2026 г. (предыдущая — 25 ноября)»."""
    if not edition_date:
        return L.COLOPHON["no_date"]
    text = fmt.date_long(edition_date)
    previous = (baseline or {}).get("edition_date")
    if previous and previous != edition_date:
        # the same year once: «(предыдущая — 25 ноября)»; the title page keeps one line
        said = day_month(previous) if previous[:4] == edition_date[:4] else fmt.date_long(previous)
        text = fmt.fill(L.COLOPHON["with_previous"], date=text, previous=said)
    return text


def colophon_html(meta: dict) -> str:
    """The small colophon at the end: edition date, data date, assumptions, version."""
    return _jinja().get_template("colophon.html.j2").render(r=meta, words=L.FRAME)


def assumption_labels(edition: Edition) -> dict[str, tuple[str, str]]:
    """Russian label and unit of every assumption, for the changes block."""
    return {name: (a.label, a.unit) for name, a in edition.assumptions.items()}


def _data_as_of_text(sources) -> str:
    """The latest source's date and when the sources were searched for: «10 марта 2026 г.;
    более поздних не нашли (искали с 25 ноября по 3 декабря 2026 г.)»."""
    as_of, period = data_as_of(sources), searched(sources)
    if as_of is None:
        return L.COLOPHON["no_data_date"]
    if period is None:
        return fmt.date_long(as_of)
    return fmt.fill(
        L.FRAME["data_as_of_found"], date=fmt.date_long(as_of), period=search_period(*period)
    )


def cover_title(extension_end: dt.date, decision_day: dt.date) -> str:
    """The title page's heading: the decision and its date, «Система «Сергек» с 1 января
    2027 года: что решить до 31 декабря 2026 года» (the dates from the results, both in one
    form)."""
    start = fmt.date_genitive(decision_day)  # «1 января 2027» (Kazakh: «2027 жылғы 1 қаңтар»)
    deadline = fmt.date_genitive(extension_end)

    # a short date stays on one line, «1 января 2027 года» (review of 4 Dec 2026: «…с 1 января
    # / 2027 года»); a longer one (whole, wider than a phone's title line) keeps each number
    # with the word after it: «31 декабря», «2027 жылғы 1 қаңтар»; a translation may give a
    # date its case ({start}[abl] бастап)
    def bound(date: str) -> str:
        if len(date) <= WHOLE_TITLE_DATE:
            return date.replace(" ", NBSP)
        return re.sub(r"(\d) ", rf"\1{NBSP}", date)

    return fmt.fill(L.COVER_TITLE, start=bound(start), deadline=bound(deadline))


WHOLE_TITLE_DATE = 14  # characters: «1 января 2027» (13) whole; «31 декабря 2026» (15) not


# An en dash between two figures or names, «P10–P90», «2027–2029»: a line may break after it.
_RANGE_DASH = re.compile(r"(?<=\S)\u2013(?=\S)")


def _unbroken_ranges(text: str) -> str:
    """`text` whose ranges never break after their dash («P10–» at a line's end, «P90» on the
    next): a word joiner after it, which neither the eye nor a text extraction sees. For the
    short lines of the title page's figures."""
    return _RANGE_DASH.sub("\u2013" + WORD_JOINER, text)


def _short_version(commit: str) -> tuple[str, bool]:
    """The commit as a short calculation-version code ("ce32461", "" when unknown) and whether
    the working copy had uncommitted changes. The code goes into the PDF's document
    properties only: the council's text says in words how the calculation can be repeated."""
    match = re.match(r"\s*([0-9a-fA-F]{7,40})\b", commit or "")
    if not match:
        return "", False
    return match.group(1)[:7], "(" in (commit or "")[match.end() :]


def _version_text(commit: str) -> str:
    """The colophon's words on repeating the calculation: a draft (uncommitted changes)
    cannot be repeated exactly; otherwise the same data and assumptions give the same report."""
    _code, dirty = _short_version(commit)
    return L.COLOPHON["draft" if dirty else "reproducible"]


def _pdf_date(iso_date: str | None) -> str:
    """PDF date from the edition date (not the clock): same inputs, same metadata."""
    return "D:" + (iso_date or "1970-01-01").replace("-", "") + "000000Z"


@dataclass(frozen=True)
class Frame:
    """What surrounds the chapters: the report's metadata, the «what changed» block, the back
    matter (glossary, colophon) and the metrics.json payload."""

    meta: dict
    changes_html: str
    back_matter: str
    current: dict


def report_frame(
    *,
    edition: Edition,
    sources,
    metrics: list[dict],
    drivers: dict[str, float],
    driver_fills: dict[str, str],
    git_commit: str,
    baseline: dict | None,
    inputs: dict[str, str],
    tariff_base_year: int,
    extension_end: dt.date,
    decision_day: dt.date,
    key_facts: tuple[KeyFact, ...],
    cover_decision: str = "",
    cover_checks: tuple[str, ...] = (),
    cover_chart: CoverChart | None = None,
) -> Frame:
    """`tariff_base_year` (the results') goes into the subtitle and glossary; the extension's
    end and the first day without a contract (the results') into the title page's heading;
    `key_facts` (`key_facts.cover_facts`, as the memo states them) into its panel of figures;
    `drivers` (metrics.driver_values) into metrics.json and, with the figures their words name
    (`driver_fills`: metrics.label_values), into the reason a key figure moved."""
    edition_date = edition.edition_date.isoformat()
    variant = edition.name
    words = L.COLOPHON
    meta = {
        "title": L.TITLE,
        "cover_title": cover_title(extension_end, decision_day),
        "subtitle": L.SUBTITLE.format(
            base_year=fmt.year(tariff_base_year),
            first_year=fmt.year(OPTION_YEARS[0]),
            years=fmt.year_range(OPTION_YEARS[0], OPTION_YEARS[-1]),
        ),
        # the proposal in one sentence, printed in the subtitle's place (key_facts.cover_decision)
        "cover_decision": _unbroken_ranges(cover_decision),
        "author": L.AUTHOR,
        "edition_date": edition_date,
        "edition_date_text": _edition_date_text(edition_date, baseline),
        "data_as_of_text": _data_as_of_text(sources),
        "key_facts": {
            "heading": L.COVER_FACTS["heading"],
            "facts": [{"figure": f.figure, "text": _unbroken_ranges(f.text)} for f in key_facts],
        },
        # the checks before the session, under the figures (key_facts.cover_checks)
        "cover_checks": {
            "heading": L.COVER_CHECKS["heading"],
            "more": L.COVER_CHECKS["more"],
            "items": [_unbroken_ranges(text) for text in cover_checks],
        },
        # the line against the alternatives, under the figures (key_facts.cover_chart)
        "cover_chart": None
        if cover_chart is None
        else {"body": cover_chart.body, "caption": _unbroken_ranges(cover_chart.caption)},
        "assumptions_text": words["default" if variant == "default" else "scenario"],
        "params_file": paths.display_path(edition.path),
        "git_commit": git_commit,
        "version_text": _version_text(git_commit),
        "version_code": _short_version(git_commit)[0],
        "version": __import__("sergek_report").__version__,
    }
    if L.LANGUAGE != L.SOURCE_LANGUAGE:  # the Russian original's HTML is unchanged
        meta.update(lang=L.LANGUAGE, words=dict(L.FRAME), translation_note=L.TRANSLATION_NOTE)
    current = {
        "edition_date": edition_date,
        "params_file": meta["params_file"],
        "params": edition.values(),
        "inputs": inputs,
        "metrics": metrics,
        "drivers": drivers,
    }
    # the memo's block and the full list after the colophon, from one comparison
    memo_changes, full_changes = changes_blocks(
        current, baseline, assumption_labels(edition), driver_fills
    )
    return Frame(
        meta=meta,
        changes_html=memo_changes,
        back_matter=glossary_html(tariff_base_year) + colophon_html(meta) + full_changes,
        current=current,
    )


def report_html(
    *, chapters: list[Path], reserialise: bool = True, **inputs
) -> tuple[str, dict, dict]:
    """The edition's HTML, its metadata and the metrics.json payload (no PDF: the preview
    stops here, with `reserialise=False`: see ReportHTMLExporter); `inputs` are those of
    `report_frame`."""
    frame = report_frame(**inputs)
    merged = merge_chapters(chapters, frame.meta, frame.changes_html, frame.back_matter)
    html, _ = ReportHTMLExporter(reserialise=reserialise).from_notebook_node(merged)
    return link_references(html), frame.meta, frame.current


class PartsAhead:
    """The PDF parts of the chapters laid out one by one, in report order, while later
    chapters still execute (the build calls `lay_out` as each chapter is ready).

    A chapter's part (all its notebooks: one that opens with '## …' continues the chapter
    before it) is its HTML exactly as in the whole report (rendered on its own, with
    the caption numbers of the chapters before it) from its first page number, so the
    render finds it in the PDF cache (`pdf.PartRenderer`, keyed by the part's HTML and first
    page). The first page of chapter 1 follows the front matter, whose contents are not
    known before every chapter has run: its length is taken from contents drafted from the
    notebooks' headings. Should that guess (or any part) differ from the report, the render
    lays the part out again and prunes the unused one: the PDF is the same either way."""

    def __init__(self, *, notebooks: list[Path], out_dir: Path, **inputs):
        self.frame = report_frame(**inputs)
        self.notebooks = notebooks
        self.renderer = PartRenderer(out_dir / CACHE_DIR_NAME, _font_faces())  # see `finish`
        self.exporter = ReportHTMLExporter()
        unexecuted = [nbformat.read(path, as_version=4) for path in notebooks]
        self.holder = changes_chapter(unexecuted)
        self.numbers = chapter_numbers(unexecuted, notebooks)
        self.drafted = [
            cell
            for number, path, notebook in zip(self.numbers, notebooks, unexecuted, strict=True)
            for cell in _drafted_headings(number, path, notebook)
        ]
        self.captions = dict.fromkeys(L.CAPTION_LABELS, 0)
        self.index = 0  # notebooks laid out (or waiting for the rest of their chapter)
        self.pending: list = []  # the cells of the chapter being gathered
        self.bodies: list[str] = []
        self.head = self.tail = ""
        # before any chapter has run: the title page's and the contents' lengths and the
        # headings' titles (on paper the contents follow chapter 1: pdf.split_front)
        self.front_pages, self.drafted_titles = self._drafted_front()
        self.pages: dict[str, int] = {}  # anchor -> page, as the parts laid out ahead have it
        self.contents_before = contents_position(len(set(self.numbers)))  # a chapter's index
        self.first_page = 1 + self.front_pages[0]

    def lay_out(self, executed: Path) -> None:
        """The next notebook in report order, from its executed copy; the chapter's part is
        laid out once its last notebook is in."""
        self.index += 1
        index, last = self.index, self.index == len(self.notebooks)
        notebook = inline.read_resolved(executed, paths.display_path(executed))
        changes = self.frame.changes_html if index == self.holder else None
        closes = closes_chapter(self.numbers, index - 1)
        self.pending += chapter_cells(self.numbers[index - 1], executed, notebook, changes, closes)
        if last and self.frame.back_matter:
            self.pending.append(_html_cell(self.frame.back_matter))
        if not closes:
            return
        cells, self.pending = self.pending, []
        html, resources = self.exporter.from_notebook_node(
            report_notebook(cells, self.frame.meta), {"sergek_captions": self.captions}
        )
        self.captions = resources["sergek_captions"]
        # its cross-references to chapters not yet run are found by their drafted titles,
        # those to the chapters before it by their headings' and captions' titles (a caption
        # of an earlier chapter is not drafted: unlinked, it printed no page, and a part
        # laid out shorter than the report's moved the first page of every part after it)
        earlier = heading_titles("".join(self.bodies))
        linked = link_references(html, {**self.drafted_titles, **earlier})
        printed_head, _front, printed, printed_tail = split_report(for_print(linked))
        if len(self.bodies) == self.contents_before:  # the contents come first on paper
            self.first_page += self.front_pages[1]
        part = self.renderer.first_layout(printed_head, printed[0], printed_tail, self.first_page)
        for anchor, index in part.anchors.items():  # where the references will point
            self.pages.setdefault(anchor, self.first_page + index)
        self.first_page += part.pages
        head, _front, bodies, tail = split_report(html)
        self.head, self.tail = head, tail
        self.bodies.append(bodies[0].removesuffix(_MAIN_END))  # one <main> for the report

    def report_html(self) -> str | None:
        """The report's HTML from the chapters' parts and the front matter with the full
        contents, once every chapter is laid out (else None): the same bytes as
        `report_html` gives in one pass (a test of the build compares them)."""
        if self.index != len(self.notebooks):
            return None
        notebook = report_notebook([], self.frame.meta)
        html, _ = self.exporter.from_notebook_node(notebook, {"sergek_keep_toc_slot": True})
        front = split_report(html)[1].removesuffix(_MAIN_END)
        entries = _section_ids("".join(self.bodies))[1]
        front = front.replace(TOC_SLOT, toc_html(entries), 1)
        return link_references(self.head + front + "".join(self.bodies) + _MAIN_END + self.tail)

    def _drafted_front(self) -> tuple[tuple[int, int], dict[str, str]]:
        """The title page's and the contents' lengths, the contents drafted from the
        unexecuted notebooks, and the drafted headings' titles (-> anchors) that a chapter's
        references may name."""
        cells = [*self.drafted, _html_cell(self.frame.back_matter)]
        html, _ = self.exporter.from_notebook_node(report_notebook(cells, self.frame.meta))
        head, front, _, tail = split_report(for_print(html))
        drafts = self.renderer.front_draft(head, front, tail)[1]
        pages = tuple(0 if draft is None else len(draft.pages) for draft in drafts)
        return pages, heading_titles(html)


_EVAL_ROLE = re.compile(r"\{eval\}`([^`]*)`")


def _drafted_headings(number: int, path: Path, notebook) -> list:
    """A chapter's heading cell and its section headings ('## …' lines of its Markdown; an
    inline value stands in as its expression), for the drafted contents; a section
    notebook's own title is one of its chapter's sections."""
    section = is_section(notebook)
    heading = (
        []
        if section
        else [_chapter_heading(number, chapter_title(notebook, path), opens_part(notebook))]
    )
    return heading + [
        nbformat.v4.new_markdown_cell(_EVAL_ROLE.sub(r"\1", line))
        for cell in notebook.cells[0 if section else 1 :]
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("## ")
    ]


def render_report(
    *, out_dir: Path, stats: dict | None = None, ahead: PartsAhead | None = None, **inputs
) -> tuple[dict[str, bytes], int]:
    """The edition's HTML, PDF and metrics.json (as bytes, for the build to publish);
    `inputs` are those of `report_html`; `stats` as `pdf.report_pdf` fills it. With the
    parts of every chapter laid out `ahead`, the HTML is joined from them."""
    assembled = ahead.report_html() if ahead is not None else None
    if assembled is None:
        html, meta, current = report_html(**inputs)
        front_pages, pages_guess = None, None
    else:
        frame = ahead.frame
        html, meta, current, front_pages = assembled, frame.meta, frame.current, ahead.front_pages
        pages_guess = ahead.pages
    edition_date = meta["edition_date"]
    pdf, pages = report_pdf(
        for_print(html),
        cache_dir=out_dir / CACHE_DIR_NAME,
        font_css=_font_faces(),
        metadata={
            # the title page's heading (the council's document has no named author)
            "/Title": meta["cover_title"].replace(NBSP, " "),
            "/Subject": meta["subtitle"],
            # the calculation's version, for an auditor; never printed in the text
            "/CalculationVersion": meta.get("version_code", ""),
            "/Producer": "WeasyPrint + pypdf",
            "/CreationDate": _pdf_date(edition_date),
            "/ModDate": _pdf_date(edition_date),
        },
        stats=stats,
        front_pages=front_pages,
        pages_guess=pages_guess,
    )

    staged = {
        "report.html": html.encode("utf-8"),
        "report.pdf": pdf,
        "metrics.json": (json.dumps(current, ensure_ascii=False, indent=2) + "\n").encode(),
    }
    return staged, pages
