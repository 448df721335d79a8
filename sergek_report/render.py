"""Render executed chapter notebooks as one report: nbconvert (HTML) then WeasyPrint (PDF).

`WeasyPDFExporter` is an nbconvert exporter (entry point `weasypdf`): it renders the HTML
with the project template and hands it to WeasyPrint, so no browser and no LaTeX are needed.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
from pathlib import Path

import matplotlib
import nbformat
from nbconvert.exporters import HTMLExporter
from traitlets import default

from . import fmt, paths
from .changes import changes_section
from .edition import Edition
from .outputs import INPUTS_MIMETYPE
from .pdf import CACHE_DIR_NAME, report_pdf

NBCONVERT_TEMPLATES = paths.TEMPLATES_DIR / "nbconvert"
CSS_FILE = paths.TEMPLATES_DIR / "report.css"
TITLE = "ГЧП «Сергек» в Алматы: рост сети и стоимость комплекса при замороженном тарифе"
AUTHOR = "Аналитическая записка для маслихата города Алматы"
SUBTITLE = (
    "Рост сети аппаратно-программных комплексов и стоимость одного комплекса для бюджета "
    "города при тарифе, замороженном на уровне 2021 года"
)
CAPTION_LABELS = {"figure": "Рисунок", "table": "Таблица"}


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

    def from_notebook_node(self, nb, resources=None, **kw):
        nb = copy.deepcopy(nb)
        strip_build_outputs(nb)  # the build's machine-readable outputs are not for readers
        resources = dict(resources or {})
        resources["sergek_css"] = CSS_FILE.read_text(encoding="utf-8")
        html, resources = super().from_notebook_node(nb, resources, **kw)
        return postprocess_html(html), resources


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
    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    faces = []
    for family, stem in (("Report Sans", "DejaVuSans"),):  # one family: see report.css
        for suffix, weight, style in (
            ("", "normal", "normal"),
            ("-Bold", "bold", "normal"),
            ("-Oblique", "normal", "italic"),
            ("-BoldOblique", "bold", "italic"),
        ):
            path = ttf / f"{stem}{suffix}.ttf"
            if path.is_file():
                faces.append(
                    f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
                    f"font-weight: {weight}; font-style: {style}; }}"
                )
    return "\n".join(faces)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    document = HTML(string=html, base_url=str(paths.PROJECT_ROOT))
    return document.write_pdf(
        stylesheets=[CSS(string=_font_faces(), font_config=fonts)],
        font_config=fonts,
        pdf_identifier=b"sergek-report",  # fixed id: same inputs, same file
        uncompressed_pdf=False,
    )


_ANCHOR_LINK = re.compile(r'<a class="anchor-link" href="#[^"]*">¶</a>')
_CAPTION = re.compile(r'<span class="caption-number" data-kind="(figure|table)"></span>')


def postprocess_html(html: str) -> str:
    """Number captions across the whole report and drop the heading permalinks (¶)."""
    counters = dict.fromkeys(CAPTION_LABELS, 0)

    def number(match: re.Match) -> str:
        kind = match.group(1)
        counters[kind] += 1
        return f'<span class="caption-number">{CAPTION_LABELS[kind]} {counters[kind]}.</span>'

    return _CAPTION.sub(number, _ANCHOR_LINK.sub("", html))


def chapter_title(notebook: nbformat.NotebookNode, path: Path) -> str:
    first = notebook.cells[0] if notebook.cells else None
    if first is None or first.cell_type != "markdown" or not first.source.startswith("# "):
        raise ValueError(
            f"{paths.display_path(path)}: the first cell must be a Markdown heading "
            "'# Chapter title'."
        )
    return first.source.splitlines()[0][2:].strip()


def strip_build_outputs(notebook: nbformat.NotebookNode) -> None:
    """Drop the outputs that tell the build which tables a chapter read."""
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = [
                o for o in cell.get("outputs", []) if INPUTS_MIMETYPE not in o.get("data", {})
            ]


def merge_chapters(
    chapter_paths: list[Path], meta: dict, changes_html: str
) -> nbformat.NotebookNode:
    merged = nbformat.v4.new_notebook()
    toc = [{"anchor": "changes", "label": "Что изменилось с прошлого выпуска"}]
    cells = [nbformat.v4.new_markdown_cell(changes_html, metadata={"sergek_html": True})]
    for number, path in enumerate(chapter_paths, start=1):
        notebook = nbformat.read(path, as_version=4)
        title = chapter_title(notebook, path)
        anchor = f"chapter-{number}"
        toc.append({"anchor": anchor, "label": f"{number}. {title}"})
        strip_build_outputs(notebook)
        cells.append(
            nbformat.v4.new_markdown_cell(
                "",
                metadata={"sergek_chapter": {"number": number, "title": title, "anchor": anchor}},
            )
        )
        cells.extend(notebook.cells[1:])
    merged.cells = cells
    merged.metadata["sergek"] = meta | {"toc": toc}
    merged.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    merged.metadata["language_info"] = {"name": "python"}
    return merged


def data_as_of(sources) -> dt.date | None:
    """Latest publication date among the sources (the loaded table): the data are as of then."""
    dates = sources["published"].dropna()
    return dates.max().date() if len(dates) else None


def _pdf_date(iso_date: str | None) -> str:
    """PDF date from the edition date (not the clock): same inputs, same metadata."""
    return "D:" + (iso_date or "1970-01-01").replace("-", "") + "000000Z"


def render_report(
    *,
    chapters: list[Path],
    out_dir: Path,
    edition: Edition,
    sources,
    metrics: list[dict],
    git_commit: str,
    baseline_path: Path,
    inputs: dict[str, str],
) -> int:
    """Render HTML, PDF and metrics.json into a temporary folder, then swap them in."""
    edition_date = edition.edition_date.isoformat()
    as_of = data_as_of(sources)
    meta = {
        "title": TITLE,
        "subtitle": SUBTITLE,
        "author": AUTHOR,
        "edition_date": edition_date,
        "edition_date_text": fmt.date_long(edition_date) if edition_date else "не указана",
        "data_as_of_text": fmt.date_long(as_of) if as_of else "нет данных",
        "params_file": paths.display_path(edition.path),
        "git_commit": git_commit,
        "version": __import__("sergek_report").__version__,
    }
    merged = merge_chapters(chapters, meta, "")
    current = {
        "edition_date": edition_date,
        "params_file": meta["params_file"],
        "params": edition.values(),
        "inputs": inputs,
        "metrics": metrics,
    }
    baseline = (
        json.loads(baseline_path.read_text(encoding="utf-8")) if baseline_path.is_file() else None
    )
    merged.cells[0].source = changes_section(current, baseline)  # the first cell is its slot

    html, _ = ReportHTMLExporter().from_notebook_node(merged)
    pdf, pages = report_pdf(
        html,
        cache_dir=out_dir / CACHE_DIR_NAME,
        font_css=_font_faces(),
        metadata={
            "/Title": TITLE,
            "/Author": AUTHOR,
            "/Subject": SUBTITLE,
            "/Creator": f"sergek-report {meta['version']}",
            "/Producer": "WeasyPrint + pypdf",
            "/CreationDate": _pdf_date(edition_date),
            "/ModDate": _pdf_date(edition_date),
        },
    )

    staged = {
        "report.html": html.encode("utf-8"),
        "report.pdf": pdf,
        "metrics.json": (json.dumps(current, ensure_ascii=False, indent=2) + "\n").encode(),
    }
    for name, payload in staged.items():
        (out_dir / f".{name}.tmp").write_bytes(payload)
    for name in staged:
        os.replace(out_dir / f".{name}.tmp", out_dir / name)
    return pages
