"""The PDF, laid out chapter by chapter with a cache, so a change re-lays out one chapter.

WeasyPrint lays out the whole document every time (about 4–5 s for the report). The report's
HTML is therefore cut at each chapter heading into parts (front matter, chapter 1, …); each
part is laid out on its own, with its first page number set by CSS (`counter-reset: page N`),
and cached under a hash of its HTML, its first page number and the fonts. The parts are then
joined with pypdf, which keeps their bookmarks; the contents page gets its page numbers and
links after the chapters are known.

Accessibility: every part is written as tagged PDF/UA-1 by WeasyPrint (structure tree, the
document language from `<html lang="ru">`, figure alternative texts from each chart's SVG
`<title>`), and `merge_structure` joins the parts' structure trees into one, so the joined
file is tagged as a whole.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import SimpleNamespace

from sergek_report import labels as L
from sergek_report import paths
from sergek_report.build.references import XREF, with_page_numbers

CACHE_DIR_NAME = ".pdf-cache"
_CHAPTER_START = re.compile(r'(?=<h1 class="chapter" id="chapter-\d+">)')
_TOC_LINK = re.compile(r'<a href="#([\w-]+)">')
_CONTENTS_START = re.compile(r'<nav\b[^>]*\bclass="toc"')
PX_TO_PT = 0.75  # WeasyPrint lays out in CSS px (96 per inch); PDF uses points (72 per inch)
WRITER_TIMEOUT_S = 300  # the longest a part written aside may take (a few seconds at most)
PDF_VARIANT = "pdf/ua-1"  # tagged, with language, title and alternative texts (ISO 14289-1)
# Layouts of the chapters until the pages their cross-references print stop changing: the
# first measures with placeholders, the second prints; a third or fourth only if a page
# number's width moved a heading to another page.
MAX_LAYOUTS = 4


@dataclass(frozen=True)
class Part:
    html: str
    first_page: int
    pages: int
    pdf: bytes
    anchors: dict[str, int]  # anchor -> 0-based page index inside the part
    overflows: tuple[str, ...] = ()  # table cells whose text is wider than their column
    # links to anchors in other parts: (0-based page, anchor, rectangle in PDF points), added
    # to the joined PDF once every part's pages are known
    links: tuple[tuple[int, str, tuple[float, float, float, float]], ...] = ()


def split_report(html: str) -> tuple[str, str, list[str], str]:
    """(head up to <body>, front-matter body, chapter bodies, closing tags)."""
    head_end = html.index("<body>") + len("<body>")
    tail_start = html.rindex("</body>")
    head, body, tail = html[:head_end], html[head_end:tail_start], html[tail_start:]
    front, *chapters = _CHAPTER_START.split(body)
    return head, front, chapters, tail


def split_front(front: str) -> tuple[str, str]:
    """(the title page, the contents) of the front matter's body ('' for no contents). On paper
    the contents follow chapter 1, the memo: the title page faces the memo (reviews s35*,
    s36*: the contents stood between the decision's title page and the memo that argues it);
    on a screen the page keeps its order."""
    match = _CONTENTS_START.search(front)
    if match is None:
        return front, ""
    return front[: match.start()], front[match.start() :]


def contents_position(chapters: int) -> int:
    """The index (0-based) of the chapter the contents precede on paper (`split_front`): the
    second, so that chapter 1 faces the title page, when other chapters follow it; the first
    in an edition of one chapter (with the back matter in its part)."""
    return 1 if chapters > 1 else 0


def _with_first_page(head: str, first_page: int) -> str:
    rule = f"<style>@page :first {{ counter-reset: page {first_page}; }}</style>"
    return head.replace("</head>", rule + "</head>", 1)


def _front_with_page_numbers(front: str, numbers: dict[str, int]) -> str:
    """The contents page with explicit numbers (its targets are in other parts), and the
    title page's cross-references with their pages."""

    def link(match: re.Match) -> str:
        anchor = match.group(1)
        return f'<a href="#{anchor}" data-page="{numbers.get(anchor, "")}">'

    override = (
        "<style>@media print { nav.toc a::after { content: leader('.') attr(data-page); } }</style>"
    )
    return override + with_page_numbers(_TOC_LINK.sub(link, front), numbers)


@cache
def _subsetter_dropping_first():
    """fontTools' Subsetter that deletes the tables it is told to drop before it starts.

    Since fontTools 4.6x, `Subsetter.subset` first decompiles GSUB, GPOS and GDEF in full (to
    lower them to compact in-memory forms) and only then drops the tables listed in
    `drop_tables`. WeasyPrint drops GSUB and GPOS (the text is shaped already): decompiling
    DejaVu Sans's was 60 % of every font subset, about 1.6 s of CPU a cold build. The same
    tables are dropped, by the same rule and in the same order as `_prune_pre_subset` drops
    them, only earlier: the subset is the same bytes (tests/test_pdf.py compares them)."""
    from fontTools import subset

    class DroppingFirst(subset.Subsetter):
        def subset(self, font):
            options = self.options
            for tag in self._sort_tables(font):
                if (
                    tag.strip() in options.drop_tables
                    or (tag.strip() in options.hinting_tables and not options.hinting)
                    or (tag == "kern" and not options.legacy_kern and "GPOS" in font)
                ):
                    del font[tag]
            return super().subset(font)

    return DroppingFirst


def lean_font_subsetting() -> None:
    """WeasyPrint's font subsets made with `_subsetter_dropping_first` (where it subsets with
    fontTools: without the HarfBuzz subsetter library); once per process."""
    import weasyprint.pdf.fonts as weasyprint_fonts
    from fontTools import subset

    if weasyprint_fonts.subset is subset:
        weasyprint_fonts.subset = SimpleNamespace(
            Options=subset.Options, Subsetter=_subsetter_dropping_first()
        )


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
    """Parts laid out through the cache. With `write_aside`, a laid-out part's PDF is written
    by a forked copy of this process while this one lays out the next part (the page count,
    which the next part's first page needs, is known once the layout is done; the writing,
    about a third of a part's time, is not): the part's PDF is in the cache once `wait`
    returns, and the `Part` returned carries no PDF bytes."""

    def __init__(self, cache_dir: Path, font_css: str, *, write_aside: bool = False):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        lean_font_subsetting()
        self.cache_dir = cache_dir
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.font_css = font_css
        self.fonts = FontConfiguration()
        self.stylesheets = [CSS(string=font_css, font_config=self.fonts)]
        self.used: set[str] = set()
        self.laid_out = 0  # parts laid out by this renderer (not found in the cache)
        self.measured = 0  # parts only measured (`measure`), not found in the cache
        self.write_aside = False
        if write_aside:
            self.start_writing_aside()
        self.wrote_here = False  # a PDF written in this process: the writer's imports done
        self.writer: int | None = None  # the process writing the last part, until `wait`

    def document(self, html: str):
        from weasyprint import HTML

        with quiet_missing_anchors():
            return HTML(string=html, base_url=str(paths.PROJECT_ROOT)).render(
                stylesheets=self.stylesheets, font_config=self.fonts
            )

    def _key(self, kind: str, html: str, first_page: int) -> str:
        """A cache entry's name (kept by `prune` as one this build used)."""
        key = hashlib.sha256(f"{kind}\0{first_page}\0{self.font_css}\0{html}".encode())
        self.used.add(key.hexdigest())
        return key.hexdigest()

    def part(self, html: str, first_page: int) -> Part:
        """The part laid out from `html`, or from the cache: its PDF and, beside it, its page
        count and anchors (`<key>.json`; without it they are read back from the PDF)."""
        key = self._key(PDF_VARIANT, html, first_page)
        cached = self.cache_dir / f"{key}.pdf"
        sidecar = cached.with_suffix(".json")
        if cached.is_file():
            pdf = cached.read_bytes()
            if pdf.rstrip().endswith(b"%%EOF"):
                known = _read_sidecar(sidecar)
                if known is None and (known := _read_back(pdf, html)) is not None:
                    _write_atomically(sidecar, _sidecar_bytes(*known))
                if known is not None:
                    return Part(html, first_page, known[0], pdf, *known[1:])
            cached.unlink(missing_ok=True)  # truncated or damaged: lay the part out again
        document = self.document(html)
        anchors = document_anchors(document)
        self.laid_out += 1
        layout = (anchors, overflowing_cells(document), outside_links(document, anchors))
        known = _sidecar_bytes(len(document.pages), *layout)
        if self.write_aside and self.wrote_here:
            self._write_in_child(document, cached, sidecar, known)
            return Part(html, first_page, len(document.pages), b"", *layout)
        with quiet_missing_anchors():
            pdf = write_pdf(document)
        self.wrote_here = True
        _write_atomically(cached, pdf)
        _write_atomically(sidecar, known)
        return Part(html, first_page, len(document.pages), pdf, *layout)

    def start_writing_aside(self) -> None:
        """From now on write each part's PDF from a forked copy of this process, where the
        system can fork (elsewhere in this process, as before)."""
        self.write_aside = hasattr(os, "fork")

    def _write_in_child(self, document, cached: Path, sidecar: Path, known: bytes) -> None:
        """Write the part's PDF and sidecar into the cache from a forked copy of this process
        (one at a time). The child writes files only: no output, no new import (a PDF was
        written here before, so the writer's modules are loaded), no exit handlers. A child
        that fails leaves no file, and the render lays that part out again."""
        self.wait()
        pid = os.fork()
        if pid == 0:  # the child
            code = 1
            try:
                with quiet_missing_anchors():
                    pdf = write_pdf(document)
                _write_atomically(cached, pdf)
                _write_atomically(sidecar, known)
                code = 0
            finally:  # whatever happened (an error is not printed: the parent redoes the part)
                os._exit(code)
        self.writer = pid

    def wait(self, timeout: float = WRITER_TIMEOUT_S) -> None:
        """Wait for the part being written aside (a writer still at work after `timeout`
        seconds is stopped; its part is then laid out again by the render)."""
        pid, self.writer = self.writer, None
        if pid is None:
            return
        import select
        import signal

        try:
            handle = os.pidfd_open(pid)
        except (AttributeError, OSError):
            handle = None
        try:
            if handle is not None and not select.select([handle], [], [], timeout)[0]:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        finally:
            if handle is not None:
                os.close(handle)

    def chapter(self, head: str, body: str, tail: str, first_page: int) -> Part:
        """A chapter's part (a body of `split_report`) from its first page number."""
        return self.part(_with_first_page(head, first_page) + body + tail, first_page)

    def measure(self, html: str, first_page: int) -> Part:
        """Where the part's pages break, without writing its PDF (cached as a sidecar
        alone): a chapter whose cross-references still show placeholder pages."""
        sidecar = self.cache_dir / f"{self._key('measure', html, first_page)}.json"
        known = _read_sidecar(sidecar)
        if known is None:
            document = self.document(html)
            self.measured += 1
            known = (len(document.pages), document_anchors(document), (), ())
            _write_atomically(sidecar, _sidecar_bytes(*known))
        return Part(html, first_page, known[0], b"", *known[1:])

    def first_layout(self, head: str, body: str, tail: str, first_page: int) -> Part:
        """A chapter's first layout: measured with placeholder pages if it has
        cross-references (they print their pages once every chapter is measured), else laid
        out and written as it will print."""
        if XREF.search(body):
            html = _with_first_page(head, first_page) + with_page_numbers(body, None) + tail
            return self.measure(html, first_page)
        return self.chapter(head, body, tail, first_page)

    def front_draft(self, head: str, front: str, tail: str):
        """The title page and the contents (`split_front`), each laid out with blank page
        numbers (they have the same width either way): the anchors the contents link to and
        the two documents (None for no contents), whose lengths the chapters' pages follow."""
        anchors = dict.fromkeys(_TOC_LINK.findall(front), 0)
        return anchors, [
            self.document(
                _with_first_page(head, 1) + _front_with_page_numbers(piece, anchors) + tail
            )
            if piece
            else None
            for piece in split_front(front)
        ]

    def prune(self) -> None:
        """Keep only the parts of this build: the cache never grows without bound."""
        for path in [*self.cache_dir.glob("*.pdf"), *self.cache_dir.glob("*.json")]:
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


def document_anchors(document) -> dict[str, int]:
    """Anchor -> 0-based index of the page it first appears on, in a laid-out document."""
    anchors: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, index)
    return anchors


def _write_atomically(path: Path, content: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(content)
    tmp.replace(path)


def _sidecar_bytes(pages: int, anchors: dict[str, int], overflows=(), links=()) -> bytes:
    return json.dumps(
        {"pages": pages, "anchors": anchors, "overflows": list(overflows), "links": list(links)}
    ).encode()


def _read_sidecar(path: Path) -> tuple | None:
    """(pages, anchors, overflows, links) of a part, as `_sidecar_bytes` wrote them."""
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
        pages, anchors = int(known["pages"]), dict(known["anchors"])
        overflows = tuple(str(text) for text in known["overflows"])
        links = tuple(
            (int(page), str(target), tuple(float(x) for x in rect))
            for page, target, rect in known["links"]
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return (pages, anchors, overflows, links) if pages > 0 else None


def outside_links(document, anchors: dict[str, int]) -> tuple:
    """The document's links to anchors it does not hold (a cross-reference to another
    chapter): (0-based page, anchor, rectangle in PDF points), one per line of the link."""
    lines: dict[tuple, list[float]] = {}  # the link's text and its page number: one box a line
    for index, page in enumerate(document.pages):
        for kind, target, (x1, y1, x2, y2), _box in page.links:
            if kind == "internal" and target not in anchors:
                box = lines.setdefault((index, target, round(y1), round(y2)), [x1, y1, x2, y2])
                box[0], box[2] = min(box[0], x1), max(box[2], x2)
    return tuple(
        (index, target, _pdf_rect(document.pages[index], box))
        for (index, target, _y1, _y2), box in lines.items()
    )


def _pdf_rect(page, box) -> tuple[float, float, float, float]:
    """A box of a laid-out page (CSS px, from the top) in PDF points (from the bottom)."""
    x1, y1, x2, y2 = box
    height_pt = page.height * PX_TO_PT
    return (x1 * PX_TO_PT, height_pt - y2 * PX_TO_PT, x2 * PX_TO_PT, height_pt - y1 * PX_TO_PT)


def overflowing_cells(document) -> tuple[str, ...]:
    """The text of each table cell in which a line is wider than the cell (a column set
    narrower than a word that cannot break prints it over the next column)."""
    from weasyprint.formatting_structure.boxes import LineBox, TableCellBox

    found = []
    for page in document.pages:
        for box in page._page_box.descendants():
            if not isinstance(box, TableCellBox):
                continue
            right = box.content_box_x() + box.width + 0.5  # CSS px; rounding
            if any(
                isinstance(line, LineBox)
                and any(child.position_x + child.margin_width() > right for child in line.children)
                for line in box.descendants()
            ):
                found.append(" ".join(_box_text(box).split())[:60])
    return tuple(found)


def _box_text(box) -> str:
    text = getattr(box, "text", "")
    return text + " ".join(_box_text(child) for child in getattr(box, "children", ()))


def _read_back(pdf: bytes, html: str) -> tuple | None:
    """Page count and anchors read from a cached part that has no sidecar; None (lay it out
    again) if it refers to another part: the PDF does not hold those links' places."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        anchors = anchor_pages(pdf)
    except (PyPdfError, ValueError, KeyError, OSError):
        return None
    if any(target not in anchors for target in XREF.findall(html)):
        return None
    return (pages, anchors, (), ()) if pages else None


def report_pdf(
    html: str,
    cache_dir: Path,
    font_css: str,
    metadata: dict,
    stats: dict | None = None,
    front_pages: tuple[int, int] | None = None,
    pages_guess: dict[str, int] | None = None,
) -> tuple[bytes, int]:
    """Lay out the report part by part (cached) and join the parts. Returns (pdf, pages);
    `stats` gets the number of chapter parts found in the cache and laid out. On paper the
    order is the title page, chapter 1 (the memo), the contents, the other chapters
    (`split_front`). With `front_pages` (the title page's and the contents' lengths, as the
    parts laid out ahead assumed) the front matter is laid out once instead of twice; should
    it come out another length, or its contents link inside it, the report is laid out again
    without the hint. With `pages_guess` (anchor -> page, from parts laid out ahead) the
    cross-references print those pages in the first layout instead of being measured first;
    a wrong guess costs one more layout, never a wrong page."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import NameObject, TextStringObject

    renderer = PartRenderer(cache_dir, font_css)
    head, front, chapters, tail = split_report(html)
    pieces = split_front(front)  # the title page, the contents

    # 1. How long are the title page and the contents?
    drafts = None
    if front_pages is None:
        anchors, drafts = renderer.front_draft(head, front, tail)
        front_pages = tuple(0 if draft is None else len(draft.pages) for draft in drafts)
    else:
        anchors = dict.fromkeys(_TOC_LINK.findall(front), 0)
    anchors.update(dict.fromkeys(XREF.findall(front), 0))  # the title page's references
    title_pages, contents_pages = front_pages

    # 2. Each chapter from its first page number, through the cache; again, with the pages
    # its cross-references point to, until those pages stay put. The contents follow the
    # first chapter.
    targets = {target for body in chapters for target in XREF.findall(body)}
    printed: dict[str, int] | None = None  # the pages the cross-references print
    if pages_guess and targets:
        printed = {target: pages_guess.get(target) for target in targets}
    before = contents_position(len(chapters))  # the chapter the contents precede
    for _layout in range(MAX_LAYOUTS):
        parts, numbers, first_page = [], {}, title_pages + 1
        contents_first = first_page
        for index, body in enumerate(chapters):
            if index == before:
                contents_first, first_page = first_page, first_page + contents_pages
            anchor = re.match(r'<h1 class="chapter" id="([\w-]+)">', body).group(1)
            numbers[anchor] = first_page
            if printed is None:
                part = renderer.first_layout(head, body, tail, first_page)
            else:
                part = renderer.chapter(head, with_page_numbers(body, printed), tail, first_page)
            parts.append(part)
            for name, page in part.anchors.items():
                if name in anchors or name in targets:
                    numbers.setdefault(name, first_page + page)
            first_page += part.pages
        found = {target: numbers.get(target) for target in targets}
        if found == printed or (printed is None and not targets):
            break
        printed = found
    else:
        raise RuntimeError("the pages of the cross-references did not settle")
    starts = (1, contents_first)  # the title page's and the contents' first pages
    for draft, start in zip(drafts or (), starts, strict=False):  # anchors in the front
        for index, page in enumerate(draft.pages if draft is not None else ()):
            for anchor in page.anchors:
                if anchor in anchors and anchor not in numbers:
                    numbers[anchor] = start + index
    if drafts is None and set(anchors) - set(numbers):
        return report_pdf(html, cache_dir, font_css, metadata, stats, None, pages_guess)

    # 3. The title page and the contents with the real numbers, then everything joined.
    front_docs = []
    for piece, start, expected in zip(pieces, starts, front_pages, strict=True):
        if not piece:
            front_docs.append(None)
            continue
        piece_html = _with_first_page(head, start) + _front_with_page_numbers(piece, numbers)
        document = renderer.document(piece_html + tail)
        if len(document.pages) != expected:
            if drafts is None:  # the hint was wrong
                return report_pdf(html, cache_dir, font_css, metadata, stats, None, pages_guess)
            raise RuntimeError("front matter changed length when its page numbers were filled in")
        front_docs.append(document)
    with quiet_missing_anchors():
        front_pdfs = [None if doc is None else write_pdf(doc) for doc in front_docs]
    title_pdf, contents_pdf = front_pdfs
    chapter_pdfs = [p.pdf for p in parts]
    ordered = [title_pdf, *chapter_pdfs[:before], contents_pdf, *chapter_pdfs[before:]]
    writer = PdfWriter()
    readers = [PdfReader(io.BytesIO(pdf)) for pdf in ordered if pdf is not None]
    for reader in readers:
        writer.append(reader, import_outline=True)
    structure = merge_structure(writer, readers)

    def link(page_index: int, rect, target: str) -> None:
        """A link to `target`'s page, tagged, as WeasyPrint makes one inside a part."""
        annotation = Link(rect=rect, target_page_index=numbers[target] - 1)
        annotation[NameObject("/Contents")] = TextStringObject(
            L.PAGE_LINK.format(page=numbers[target])
        )
        added = writer.add_annotation(page_number=page_index, annotation=annotation)
        if structure is not None:
            structure.tag_link(added, writer.pages[page_index])

    # Contents entries (and the title page's references) link to their pages, as in a
    # single-document PDF: one rectangle per entry (WeasyPrint gives the link text and its
    # dot leader separately).
    for document, start in zip(front_docs, starts, strict=True):
        if document is not None:
            for page_index, (target, rect) in _contents_links(document, numbers):
                link(start - 1 + page_index, rect, target)
    # Cross-references to other chapters, which no part could link alone.
    for part in parts:
        for page_index, target, rect in part.links:
            if target in numbers:
                link(part.first_page - 1 + page_index, rect, target)
    writer.add_metadata(metadata)
    renderer.prune()
    if stats is not None:
        stats.update(
            parts=len(parts),
            laid_out=renderer.laid_out,
            measured=renderer.measured,
            overflows=[text for part in parts for text in part.overflows],
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), len(writer.pages)


def _contents_links(front_doc, numbers: dict[str, int]):
    """(page index, (anchor, rectangle in PDF points)) of each contents entry: the union of
    its text's and its dot leader's boxes."""
    for page_index, page in enumerate(front_doc.pages):
        boxes: dict[str, list[float]] = {}
        for kind, target, (x1, y1, x2, y2), _box in page.links:
            if kind == "internal" and target in numbers:
                box = boxes.setdefault(target, [x1, y1, x2, y2])
                box[:] = [min(box[0], x1), min(box[1], y1), max(box[2], x2), max(box[3], y2)]
        for target, box in boxes.items():
            yield page_index, (target, _pdf_rect(page, box))


def write_pdf(document) -> bytes:
    """A laid-out WeasyPrint document as tagged PDF/UA-1 with a fixed identifier."""
    return document.write_pdf(pdf_identifier=b"sergek-report", pdf_variant=PDF_VARIANT)


def anchor_pages(pdf: bytes) -> dict[str, int]:
    """Named destinations of a laid-out part -> 0-based page index inside the part."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    pages = {}
    for name, destination in reader.named_destinations.items():
        try:
            pages[str(name)] = reader.get_destination_page_number(destination)
        except (KeyError, ValueError, AttributeError):
            continue
    return pages


class Structure:
    """The joined document's structure tree (one /Document element over all parts)."""

    def __init__(self, writer, document, parent_tree_nums, next_key: int):
        self.writer = writer
        self.document = document
        self.nums = parent_tree_nums
        self.next_key = next_key

    def tag_link(self, annotation, page) -> None:
        """A /Link structure element for an annotation the join added (contents links)."""
        from pypdf.generic import (
            ArrayObject,
            DictionaryObject,
            NameObject,
            NumberObject,
        )

        annotation_ref = annotation.indirect_reference
        element = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/StructElem"),
                NameObject("/S"): NameObject("/Link"),
                NameObject("/P"): self.document.indirect_reference,
                NameObject("/Pg"): page.indirect_reference,
            }
        )
        element_ref = self.writer._add_object(element)
        element[NameObject("/K")] = ArrayObject(
            [
                DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/OBJR"),
                        NameObject("/Obj"): annotation_ref,
                        NameObject("/Pg"): page.indirect_reference,
                    }
                )
            ]
        )
        annotation.get_object()[NameObject("/StructParent")] = NumberObject(self.next_key)
        self.nums.extend([NumberObject(self.next_key), element_ref])
        self.next_key += 1
        self.document["/K"].append(element_ref)
        self.writer._root_object["/StructTreeRoot"].get_object()[
            NameObject("/ParentTreeNextKey")
        ] = NumberObject(self.next_key)


def merge_structure(writer, readers) -> Structure | None:
    """Join the structure trees of the appended parts (in order) into one tree.

    Pages and annotations were cloned by `writer.append`; cloning a structure element from
    the same reader maps its /Pg and /Obj references onto those clones. Keys of the parent
    tree (page /StructParents, annotation /StructParent) are shifted part by part so they
    stay unique; each element's /P is re-linked to its new parent.
    """
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        NumberObject,
    )

    first = readers[0].trailer["/Root"]
    if "/StructTreeRoot" not in first:
        return None
    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root_ref = writer._add_object(root)
    document = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/StructElem"),
            NameObject("/S"): NameObject("/Document"),
            NameObject("/P"): root_ref,
            NameObject("/K"): ArrayObject(),
        }
    )
    document_ref = writer._add_object(document)
    nums = ArrayObject()
    parent_tree = DictionaryObject({NameObject("/Nums"): nums})
    root[NameObject("/K")] = ArrayObject([document_ref])
    root[NameObject("/ParentTree")] = writer._add_object(parent_tree)

    offset, page_start = 0, 0
    for reader in readers:
        catalog = reader.trailer["/Root"]
        count = len(reader.pages)
        source_root = catalog.get("/StructTreeRoot")
        if source_root is None:
            page_start += count
            continue
        source_root = source_root.get_object()
        kids = source_root["/K"]
        kids = kids if isinstance(kids, list) else [kids]
        for top in kids:
            top = top.get_object()
            children = top.get("/K", [])
            for child in children if isinstance(children, list) else [children]:
                cloned = child.clone(writer, ignore_fields=["/P"])
                document["/K"].append(
                    cloned if isinstance(cloned, IndirectObject) else cloned.indirect_reference
                )
        source_nums = source_root["/ParentTree"].get_object().get("/Nums", [])
        highest = -1
        for index in range(0, len(source_nums), 2):
            key, value = int(source_nums[index]), source_nums[index + 1]
            cloned = value.clone(writer, ignore_fields=["/P"])
            if not isinstance(value, list):
                cloned = cloned if isinstance(cloned, IndirectObject) else cloned.indirect_reference
            nums.extend([NumberObject(key + offset), cloned])
            highest = max(highest, key)
        for index in range(count):
            source_page = reader.pages[index]
            page = writer.pages[page_start + index]
            if "/StructParents" in source_page:
                page[NameObject("/StructParents")] = NumberObject(
                    int(source_page["/StructParents"]) + offset
                )
            for annotation in page.get("/Annots", []) or []:
                annotation = annotation.get_object()
                if "/StructParent" in annotation:
                    annotation[NameObject("/StructParent")] = NumberObject(
                        int(annotation["/StructParent"]) + offset
                    )
        offset += highest + 1
        page_start += count

    def relink(element, parent_ref) -> None:
        element = element.get_object()
        if not isinstance(element, DictionaryObject) or element.get("/Type") == "/OBJR":
            return
        if "/S" not in element:
            return  # a marked-content reference
        element[NameObject("/P")] = parent_ref
        children = element.get("/K", [])
        for child in children if isinstance(children, list) else [children]:
            if isinstance(child, IndirectObject):
                relink(child, element.indirect_reference)

    for child in document["/K"]:
        relink(child, document_ref)

    root[NameObject("/ParentTreeNextKey")] = NumberObject(offset)
    writer._root_object[NameObject("/StructTreeRoot")] = root_ref
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences"):
        if key in first:
            writer._root_object[NameObject(key)] = first[key].clone(writer)
    if "/Metadata" in first:
        metadata = first.raw_get("/Metadata").clone(writer)
        writer._root_object[NameObject("/Metadata")] = (
            metadata if isinstance(metadata, IndirectObject) else metadata.indirect_reference
        )
    return Structure(writer, document, nums, offset)
