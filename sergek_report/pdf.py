"""The PDF, laid out chapter by chapter with a cache, so a change re-lays out one chapter.

WeasyPrint lays out the whole document every time (about 4–5 s for the report). The report's
HTML is therefore cut at each chapter heading into parts (front matter, chapter 1, …); each
part is laid out on its own, with its first page number set by CSS (`counter-reset: page N`),
and cached under a hash of its HTML, its first page number and the fonts. The parts are then
joined with pypdf, which keeps their bookmarks; the contents page gets its page numbers and
links after the chapters are known.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import paths

CACHE_DIR_NAME = ".pdf-cache"
_CHAPTER_START = re.compile(r'(?=<h1 class="chapter" id="chapter-\d+">)')
_TOC_LINK = re.compile(r'<a href="#([\w-]+)">')
PX_TO_PT = 0.75  # WeasyPrint lays out in CSS px (96 per inch); PDF uses points (72 per inch)


@dataclass(frozen=True)
class Part:
    html: str
    first_page: int
    pages: int
    pdf: bytes


def split_report(html: str) -> tuple[str, str, list[str], str]:
    """(head up to <body>, front-matter body, chapter bodies, closing tags)."""
    head_end = html.index("<body>") + len("<body>")
    tail_start = html.rindex("</body>")
    head, body, tail = html[:head_end], html[head_end:tail_start], html[tail_start:]
    front, *chapters = _CHAPTER_START.split(body)
    return head, front, chapters, tail


def _with_first_page(head: str, first_page: int) -> str:
    rule = f"<style>@page :first {{ counter-reset: page {first_page}; }}</style>"
    return head.replace("</head>", rule + "</head>", 1)


def _front_with_page_numbers(front: str, numbers: dict[str, int]) -> str:
    """The contents page with explicit numbers (its targets are in other parts)."""

    def link(match: re.Match) -> str:
        anchor = match.group(1)
        return f'<a href="#{anchor}" data-page="{numbers.get(anchor, "")}">'

    override = (
        "<style>@media print { nav.toc a::after { content: leader('.') attr(data-page); } }</style>"
    )
    return override + _TOC_LINK.sub(link, front)


@contextmanager
def quiet_missing_anchors():
    """The contents page links to chapters laid out in other parts: WeasyPrint reports those
    anchors as missing (when laying out and when writing); the links are added on joining."""
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


class PartRenderer:
    def __init__(self, cache_dir: Path, font_css: str):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.cache_dir = cache_dir
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.font_css = font_css
        self.fonts = FontConfiguration()
        self.stylesheets = [CSS(string=font_css, font_config=self.fonts)]
        self.used: set[str] = set()

    def document(self, html: str):
        from weasyprint import HTML

        with quiet_missing_anchors():
            return HTML(string=html, base_url=str(paths.PROJECT_ROOT)).render(
                stylesheets=self.stylesheets, font_config=self.fonts
            )

    def part(self, html: str, first_page: int) -> Part:
        key = hashlib.sha256(f"{first_page}\0{self.font_css}\0{html}".encode()).hexdigest()
        self.used.add(key)
        cached = self.cache_dir / f"{key}.pdf"
        if cached.is_file():
            from pypdf import PdfReader

            pdf = cached.read_bytes()
            return Part(html, first_page, len(PdfReader(io.BytesIO(pdf)).pages), pdf)
        document = self.document(html)
        pdf = document.write_pdf(pdf_identifier=b"sergek-report")
        tmp = cached.with_suffix(".tmp")
        tmp.write_bytes(pdf)
        tmp.replace(cached)
        return Part(html, first_page, len(document.pages), pdf)

    def prune(self) -> None:
        """Keep only the parts of this build: the cache never grows without bound."""
        for path in self.cache_dir.glob("*.pdf"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


def report_pdf(html: str, cache_dir: Path, font_css: str, metadata: dict) -> tuple[bytes, int]:
    """Lay out the report part by part (cached) and join the parts. Returns (pdf, pages)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link

    renderer = PartRenderer(cache_dir, font_css)
    head, front, chapters, tail = split_report(html)

    # 1. How long is the front matter? (Its page numbers have the same width either way.)
    anchors = dict.fromkeys(_TOC_LINK.findall(front), 0)
    draft = renderer.document(
        _with_first_page(head, 1) + _front_with_page_numbers(front, anchors) + tail
    )
    front_pages = len(draft.pages)

    # 2. Each chapter from its first page number, through the cache.
    parts, numbers, first_page = [], {}, front_pages + 1
    for body in chapters:
        anchor = re.match(r'<h1 class="chapter" id="([\w-]+)">', body).group(1)
        numbers[anchor] = first_page
        part = renderer.part(_with_first_page(head, first_page) + body + tail, first_page)
        parts.append(part)
        first_page += part.pages
    for index, page in enumerate(draft.pages):  # anchors inside the front matter
        for anchor in page.anchors:
            if anchor in anchors and anchor not in numbers:
                numbers[anchor] = index + 1

    # 3. The front matter with the real numbers, then everything joined.
    front_html = _with_first_page(head, 1) + _front_with_page_numbers(front, numbers) + tail
    front_doc = renderer.document(front_html)
    if len(front_doc.pages) != front_pages:
        raise RuntimeError("front matter changed length when its page numbers were filled in")
    with quiet_missing_anchors():
        front_pdf = front_doc.write_pdf(pdf_identifier=b"sergek-report")
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front_pdf)), import_outline=True)
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part.pdf)), import_outline=True)

    # Contents entries link to their pages, as in a single-document PDF: one rectangle per
    # entry (WeasyPrint gives the link text and its dot leader separately).
    for page_index, page in enumerate(front_doc.pages):
        height_pt = page.height * PX_TO_PT
        boxes: dict[str, list[float]] = {}
        for kind, target, (x1, y1, x2, y2), _box in page.links:
            if kind == "internal" and target in numbers:
                box = boxes.setdefault(target, [x1, y1, x2, y2])
                box[:] = [min(box[0], x1), min(box[1], y1), max(box[2], x2), max(box[3], y2)]
        for target, (x1, y1, x2, y2) in boxes.items():
            writer.add_annotation(
                page_number=page_index,
                annotation=Link(
                    rect=(
                        x1 * PX_TO_PT,
                        height_pt - y2 * PX_TO_PT,
                        x2 * PX_TO_PT,
                        height_pt - y1 * PX_TO_PT,
                    ),
                    target_page_index=numbers[target] - 1,
                ),
            )
    writer.add_metadata(metadata)
    renderer.prune()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), len(writer.pages)
