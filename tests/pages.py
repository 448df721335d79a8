"""What lands on which page of a built PDF, read from its tagged structure (issue 18: pages
that are full and whole).

The PDF is tagged (PDF/UA-1): each piece of text on a page is marked content with an id
(MCID), and the page's entry in the structure's parent tree maps that id to its structure
element (a span in a table cell, a heading, a paragraph…). The elements' own /Pg entries are
not used: WeasyPrint gives a table split over two pages all its rows on the first one. Text
in the page margins (running header, page number) is left out.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}
LINES_AFTER_HEADING = 3  # a heading with fewer lines after it, its section going on overleaf
ROWS_PER_PART = 3  # no part of a split table has fewer body rows
MM = 72 / 25.4
TOP_MARGIN, BOTTOM_MARGIN = 22 * MM, 20 * MM  # print.css's @page margins, in points
ARTIFACT = "artifact"


@dataclass
class Mark:
    """One run of text on a page: its baseline (points from the page's foot) and the chain of
    structure elements above it, innermost first, as (role, object number). A chart's own
    labels are left out: it moves whole, and its caption (a mark) tells where it stands."""

    y: float
    text: str
    chain: list[tuple[str, int]]

    def nearest(self, roles) -> tuple[str, int] | None:
        return next((link for link in self.chain if link[0] in roles), None)


@dataclass
class Page:
    number: int  # 1-based
    marks: list[Mark] = field(default_factory=list)

    # The order text is drawn in is not the page's order (a chart's labels come last), so
    # the first and last text are told by their height.
    def top(self) -> Mark:
        return max(self.marks, key=lambda m: m.y)

    def foot(self) -> Mark:
        return min(self.marks, key=lambda m: m.y)


def _chain(element) -> list[tuple[str, int]]:
    chain = []
    while element is not None and hasattr(element, "get") and "/S" in element:
        reference = element.indirect_reference
        chain.append((str(element["/S"]), reference.idnum if reference else id(element)))
        parent = element.get("/P")
        element = parent.get_object() if parent is not None else None
    return chain


def read_pages(pdf: Path) -> list[Page]:
    """Every page's tagged text, in the order it is drawn. The same reading of the pages
    gives their texts and fills (`page_texts`, `page_fills`), which are kept for them."""
    key = _key(pdf)
    with _reading(key[0]) as kept:
        pages, texts = _read_pages(pdf)
        _keep(key, texts, kept)
    return pages


def _read_pages(pdf: Path) -> tuple[list[Page], tuple[tuple[str, float], ...]]:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    tree = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    nums = tree["/ParentTree"].get_object()["/Nums"]
    parents = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
    chains: dict[int, list] = {}
    pages, texts = [], []
    for number, pdf_page in enumerate(reader.pages, start=1):
        page = Page(number)
        lows: list[float] = []  # as text_and_fill reads them
        top = float(pdf_page.mediabox.height) - TOP_MARGIN
        elements = parents.get(int(pdf_page.get("/StructParents", -1)), [])
        stack: list[int | str | None] = []  # the marked content open: MCID, ARTIFACT or None

        def before(operator, operands, cm, tm, stack=stack):
            if operator in (b"BDC", b"BMC"):
                properties = operands[1] if operator == b"BDC" and len(operands) > 1 else {}
                mcid = properties.get("/MCID") if hasattr(properties, "get") else None
                stack.append(ARTIFACT if operands[0] == "/Artifact" else mcid)
            elif operator == b"EMC" and stack:
                stack.pop()

        def text(
            content,
            cm,
            tm,
            font,
            size,
            page=page,
            stack=stack,
            elements=elements,
            top=top,
            lows=lows,
        ):
            if content.strip():
                lows.append(_low(cm, tm))
            if not content.strip() or ARTIFACT in stack:
                return
            mcid = next((int(m) for m in reversed(stack) if m is not None), None)
            if mcid is None or mcid >= len(elements):
                return
            element = elements[mcid].get_object()
            key = element.indirect_reference.idnum
            if key not in chains:
                chains[key] = _chain(element)
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # the text origin on the page
            if not BOTTOM_MARGIN < y < top or chains[key][-1][0] != "/Document":
                return  # a page margin's text (running header, page number)
            if any(role == "/Figure" for role, _ in chains[key]):
                return  # a chart's labels: drawn last, and their height is not read right
            page.marks.append(Mark(y, content, chains[key]))

        extracted = pdf_page.extract_text(visitor_operand_before=before, visitor_text=text)
        texts.append((extracted or "", _fill(pdf_page, lows)))
        pages.append(page)
    return pages, tuple(texts)


def table_parts(pages: list[Page]) -> list[dict]:
    """Each table's body rows page by page: {"pages": [...], "rows": [...], "first": text}
    (the header's rows, repeated on each page, are not counted). A table split over pages is
    one structure element per page; a part continues the previous page's table when it opens
    its page and that table closed the previous page. A row printed with its detail under it
    (chapter/api.py, `detail`: a <tbody> of two rows each) counts once: one claim with what
    it does not show is one row to the eye."""
    tables: list[dict] = []
    previous_last = None  # the table that closed the previous page, if any
    for page in pages:
        on_page: dict[int, dict] = {}
        for mark in page.marks:
            table = mark.nearest({"/Table"})
            if table is None:
                continue
            part = on_page.setdefault(table[1], {"groups": {}, "first": ""})
            row = mark.nearest({"/TR"})
            if row is not None and not mark.nearest({"/THead"}):
                body = mark.nearest({"/TBody"})
                part["groups"].setdefault(body[1] if body else None, set()).add(row[1])
                part["first"] = part["first"] or mark.text.strip()
        first = page.top().nearest({"/Table"}) if page.marks else None
        for key, part in on_page.items():
            if previous_last is not None and first is not None and key == first[1]:
                previous_last["pages"].append(page.number)
                previous_last["parts"].append(part["groups"])
                part["table"] = previous_last
            else:
                part["table"] = {
                    "pages": [page.number],
                    "parts": [part["groups"]],
                    "first": part["first"],
                }
                tables.append(part["table"])
        last = page.foot().nearest({"/Table"}) if page.marks else None
        previous_last = on_page[last[1]]["table"] if last is not None else None
    for table in tables:
        parts = table.pop("parts")
        bodies = [rows for groups in parts for rows in groups.values()]
        with_details = max(map(len, parts)) > 1 and all(len(rows) <= 2 for rows in bodies)
        table["rows"] = [
            len(groups) if with_details else sum(map(len, groups.values())) for groups in parts
        ]
    return tables


def stranded_parts(pages: list[Page]) -> list[str]:
    """Tables split so that their first or last part has fewer than ROWS_PER_PART body rows
    (a part between them fills its page, however few its rows)."""
    return [
        f"p. {'–'.join(map(str, t['pages']))}: rows {t['rows']} (table starting «{t['first']}»)"
        for t in table_parts(pages)
        if len(t["rows"]) > 1 and min(t["rows"][0], t["rows"][-1]) < ROWS_PER_PART
    ]


def _lines(marks: list[Mark]) -> int:
    return len({round(m.y) for m in marks})


def headings_at_foot(pages: list[Page]) -> list[str]:
    """Headings followed on their page by fewer than LINES_AFTER_HEADING lines while their
    section goes on at the top of the next page (the next page does not open with a
    heading)."""
    found = []
    for page, following in zip(pages, pages[1:], strict=False):
        if not following.marks or following.top().nearest(HEADINGS):
            continue  # the section ends with this page
        headings = [m for m in page.marks if m.nearest(HEADINGS)]
        if not headings:
            continue
        last = min(headings, key=lambda m: m.y).nearest(HEADINGS)
        low = min(m.y for m in headings if m.nearest(HEADINGS) == last)
        below = [m for m in page.marks if m.y < low - 1 and not m.nearest(HEADINGS)]
        if _lines(below) < LINES_AFTER_HEADING:
            title = " ".join(m.text.strip() for m in headings if m.nearest(HEADINGS) == last)
            found.append(f"p. {page.number}: «{title}», {_lines(below)} line(s) after it")
    return found


def block_rows(html: str) -> set[str]:
    """The first cell of every row of the tables printed as blocks (print.css: a short table
    of paragraphs, one block per row), whose page breaks fall between blocks as between
    paragraphs."""
    import html as entities

    cells = set()
    for table in re.findall(r'<table class="[^"]*\bblocks\b[^"]*">(.*?)</table>', html, re.S):
        for row in re.findall(r"<tr>\s*<td[^>]*>(.*?)</td>", table, re.S):
            cells.add(" ".join(entities.unescape(re.sub(r"<[^>]+>", "", row)).split()))
    return cells


def short_parts(pages: list[Page], blocks: set[str] = frozenset()) -> list[str]:
    """The split tables that break print.css's rule: the first part keeps three rows and so
    does the last, except in a table of fewer than six rows (it cannot be cut so) and in a
    long one (more than twelve rows, which may be tall enough that three of them leave the
    page before with a single row): there two rows or more. A table printed as blocks
    (`blocks`: the first cells of its rows) is not a table to the eye and is left out."""
    found = []
    for table in table_parts(pages):
        rows, total = table["rows"], sum(table["rows"])
        start = " ".join(table["first"].split())[:30]
        if len(rows) < 2 or (start and any(cell.startswith(start) for cell in blocks)):
            continue
        least = ROWS_PER_PART if 6 <= total <= 12 else 2
        if min(rows[0], rows[-1]) < least:
            found.append(f"p. {table['pages'][0]}: rows {rows} (table starting «{table['first']}»)")
    return found


TAIL_FIELDS = 3  # a tall card's part overleaf keeps at least three fields (print.css)


def split_cards(pages: list[Page]) -> list[str]:
    """The cards (rows of a table printed as blocks) cut between two pages. A card's heading
    (its first cell) is a cell of its row; its fields are tables of their own inside their
    cells (print.css: a name beside its value), so a field's text has a cell between it and
    the row. WeasyPrint makes a row cut by a page break one structure element per page: a
    card's part on a page that holds fields but not its heading is the tail of a card begun
    on the page before. A tall card (seven fields or more, print.css) may go on with at least
    TAIL_FIELDS of its fields: such a tail is not a cut."""
    found = []
    for page in pages:
        parts: dict[int, dict[str, list[Mark]]] = {}
        for mark in page.marks:
            row = mark.nearest({"/TR"})
            cell = mark.nearest({"/TD"})
            if row is None or cell is None:
                continue
            roles = [role for role, _ in mark.chain]
            cells = roles[: roles.index("/TR")].count("/TD")
            part = parts.setdefault(row[1], {"heading": [], "fields": [], "cells": set()})
            part["heading" if cells == 1 else "fields"].append(mark)
            # the field's own cell: the outermost cell inside the row
            part["cells"].add(
                [id_ for role, id_ in mark.chain[: roles.index("/TR")] if role == "/TD"][-1]
            )
        for part in parts.values():
            if part["fields"] and not part["heading"] and len(part["cells"]) < TAIL_FIELDS:
                top = max(part["fields"], key=lambda m: m.y)
                found.append(
                    f"p. {page.number}: a card goes on from the page before («{top.text}»)"
                )
    return found


def breaches(pages: list[Page], blocks: set[str] = frozenset()) -> list[str]:
    """Headings at a page's foot, tables cut against the rule and cards cut between pages,
    for a test's message."""
    return headings_at_foot(pages) + short_parts(pages, blocks) + split_cards(pages)


def text_and_fill(page) -> tuple[str, float]:
    """The page's text as pypdf extracts it, and the share of its text area that holds text
    (lowest text line, footer excluded), from one reading of the page."""
    lows: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            lows.append(_low(cm, tm))

    text = page.extract_text(visitor_text=visit) or ""
    return text, _fill(page, lows)


def _low(cm, tm) -> float:
    """The height of a run of text on its page, as page_fill reads it."""
    return tm[5] * cm[3] + cm[5] if cm[3] else tm[5]


def _fill(page, lows: list[float]) -> float:
    height = float(page.mediabox.height)
    top, bottom = height - 22 * 72 / 25.4, 20 * 72 / 25.4  # the @page margins
    body = [y for y in lows if bottom + 4 < y < top - 4]
    return (top - min(body)) / (top - bottom) if body else 0.0


def page_fill(page) -> float:
    """Share of the page's text area that holds text (lowest text line, footer excluded)."""
    return text_and_fill(page)[1]


# A folder the test processes of one run share (tests/conftest.py sets it): a PDF's pages are
# then read by one process, and the others find them there.
SHARED: Path | None = None
_READ: dict[tuple[str, int, int], tuple[tuple[str, float], ...]] = {}  # this process's


def _key(path: Path) -> tuple[str, int, int]:
    real = Path(path).resolve()  # report.pdf is a link into its edition's folder
    stat = real.stat()
    return str(real), stat.st_mtime_ns, stat.st_size


def _extract(path: str) -> tuple[tuple[str, float], ...]:
    from pypdf import PdfReader

    return tuple(text_and_fill(page) for page in PdfReader(path).pages)


@contextlib.contextmanager
def _reading(path: str):
    """Held while a PDF's pages are read: another process asking for the same PDF's texts
    meanwhile waits for them rather than reading them too. Gives the file they are kept in
    for the other processes (None when no folder is shared)."""
    if SHARED is None:
        yield None
        return
    import fcntl
    import hashlib

    kept = SHARED / f"pages-{hashlib.sha256(Path(path).read_bytes()).hexdigest()}.json"
    with open(kept.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield kept


def _pages(path: Path) -> tuple[tuple[str, float], ...]:
    """Each page's (text, fill), read once per PDF file and test run (by the process that
    first asks, or by `read_pages`; the others find them in SHARED): pypdf takes about a
    twentieth of a second a page, and a dozen tests in each process read the same report."""
    import json

    key = _key(path)
    if key not in _READ:
        with _reading(key[0]) as kept:
            if kept is not None and kept.is_file():
                _READ[key] = tuple((text, fill) for text, fill in json.loads(kept.read_bytes()))
            else:
                _keep(key, _extract(key[0]), kept)
    return _READ[key]


def _keep(key: tuple, pages: tuple[tuple[str, float], ...], kept: Path | None) -> None:
    """The texts and fills of a PDF's pages, for this process and (in `kept`) the others."""
    import json
    import os

    _READ[key] = pages
    if kept is not None and not kept.is_file():
        staged = kept.with_suffix(f".{os.getpid()}.tmp")
        staged.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        os.replace(staged, kept)


def page_texts(path: Path) -> list[str]:
    """Each page's text as pypdf extracts it (`page.extract_text()`), in page order."""
    return [text for text, _ in _pages(path)]


def page_fills(path: Path) -> list[float]:
    """Each page's fill (page_fill), in page order."""
    return [fill for _, fill in _pages(path)]


def chapter_first_pages(path: Path) -> set[int]:
    """The pages (1-based) a part begins: those the PDF's top-level bookmarks (each chapter's,
    the glossary's and the colophon's) point at, where the part's heading is the page's first
    text, in any language (print.css begins each of them on a page of its own)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    pages = read_pages(path)
    marked = {
        reader.get_destination_page_number(entry) + 1
        for entry in reader.outline
        if not isinstance(entry, list)
    }
    return {number for number in marked if pages[number - 1].top().nearest({"/H1"})}


# A chapter's last page may be part-empty, but never a stub: a few lines alone on a page
# (review of s27: a label on two lines pushed chapter 3's last lines to a page 5 % full)
STUB_FLOOR = 0.2


def stub_pages(path: Path, floor: float = STUB_FLOOR) -> list[str]:
    """Pages after the contents less full than `floor`, a chapter's last page included, as
    «p. N: 0,05» for a test's message."""
    fills = page_fills(path)
    return [
        f"p. {number}: {fills[number - 1]:.2f}"
        for number in range(3, len(fills) + 1)
        if fills[number - 1] < floor
    ]


def thin_pages(path: Path, floor: float) -> list[str]:
    """Pages less full than `floor` but for the title and contents pages and each chapter's
    last page, as «p. N: 0,61» for a test's message."""
    starts = chapter_first_pages(path)
    fills = page_fills(path)
    return [
        f"p. {number}: {fills[number - 1]:.2f}"
        for number in range(3, len(fills))
        if number + 1 not in starts and fills[number - 1] < floor
    ]
