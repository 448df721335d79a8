"""The PDF joined from parts is tagged as one document (PDF/UA-1 parts, one structure tree)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from sergek_report.build.pdf import report_pdf
from sergek_report.build.render import _font_faces

HTML = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Проба</title>
<style>h1.chapter { page-break-before: always; bookmark-level: 1; }
nav.toc a::after { content: leader(".") target-counter(attr(href), page); }</style></head>
<body><h1>Проба</h1><nav class="toc"><ol>
<li><a href="#chapter-1">1. Первая</a></li><li><a href="#chapter-1-1">Раздел</a></li>
<li><a href="#chapter-2">2. Вторая</a></li></ol></nav>
<h1 class="chapter" id="chapter-1">1. Первая</h1><p>Текст.</p>
<h2 id="chapter-1-1">Раздел</h2><p>Текст раздела.</p>
<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Круг" width="50"
height="50"><title>Круг</title><circle cx="25" cy="25" r="20"/></svg></figure>
<h1 class="chapter" id="chapter-2">2. Вторая</h1><p><a href="https://example.org">ссылка</a></p>
</body></html>"""


def test_joined_pdf_has_one_structure_tree_language_and_section_page_numbers(tmp_path):
    pdf, pages = report_pdf(HTML, tmp_path / "cache", _font_faces(), {"/Title": "Проба"})
    reader = PdfReader(io.BytesIO(pdf))
    # the title page, chapter 1, the contents (on paper after chapter 1), chapter 2
    assert pages == len(reader.pages) == 4
    root = reader.trailer["/Root"]
    assert str(root["/Lang"]) == "ru" and root["/MarkInfo"]["/Marked"]
    tree = root["/StructTreeRoot"].get_object()
    nums = tree["/ParentTree"].get_object()["/Nums"]
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    assert len(keys) == len(set(keys)) and int(tree["/ParentTreeNextKey"]) > max(keys)
    page_keys = [int(page["/StructParents"]) for page in reader.pages]
    assert len(set(page_keys)) == 4 and set(page_keys) <= set(keys)
    document = tree["/K"][0].get_object()
    kinds = []

    def walk(element, parent):
        element = element.get_object()
        if not hasattr(element, "get") or "/S" not in element:
            return
        assert element["/P"].get_object() is parent or element["/P"].idnum == (
            parent.indirect_reference.idnum
        )
        kinds.append(str(element["/S"]))
        if element["/S"] == "/Figure":
            assert str(element["/Alt"]) == "Круг"
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object"):
                walk(kid, element)

    for kid in document["/K"]:
        walk(kid, document)
    assert kinds.count("/H1") == 3 and "/H2" in kinds and "/Figure" in kinds
    # the contents page, after chapter 1: the section gets its page number from the
    # chapter's part, and chapter 2 follows the contents
    assert "Проба" in reader.pages[0].extract_text()
    assert reader.pages[1].extract_text().lstrip().startswith("1. Первая")
    contents = reader.pages[2].extract_text()
    assert re.search(r"Раздел \.+ 2\b", contents) and re.search(r"2\. Вторая \.+ 4\b", contents)
    assert reader.pages[3].extract_text().lstrip().startswith("2. Вторая")
    assert "/Contents" in [
        key for a in reader.pages[2]["/Annots"] for key in a.get_object() if key == "/Contents"
    ]


def _parts(count: int) -> list[str]:
    return [
        f'<html lang="ru"><body><p id="p{n}">Часть {n}.</p>'
        f'<p style="break-before: page">Вторая страница части {n}.</p></body></html>'
        for n in range(count)
    ]


def test_parts_written_aside_are_the_bytes_written_in_the_process(tmp_path, monkeypatch):
    from sergek_report.build.pdf import PartRenderer

    # the font subsets' timestamp, as the build fixes it (sequence.py): two writes a second
    # apart differed in it, on a loaded machine
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")

    aside = PartRenderer(tmp_path / "aside", _font_faces(), write_aside=True)
    here = PartRenderer(tmp_path / "here", _font_faces())
    for n, (first_page, html) in enumerate(zip((3, 5, 7), _parts(3), strict=True)):
        part = aside.part(html, first_page)
        reference = here.part(html, first_page)
        # The first PDF is written in the process (the writer's imports), later ones aside.
        assert part.pdf == (reference.pdf if first_page == 3 else b"")
        expected = (2, {f"p{n}": 0})
        assert (part.pages, part.anchors) == (reference.pages, reference.anchors) == expected
    aside.wait()
    assert aside.writer is None and aside.laid_out == 3
    for name in ("aside", "here"):
        assert len(list((tmp_path / name).glob("*.json"))) == 3
    for cached in (tmp_path / "here").glob("*.pdf"):
        assert (tmp_path / "aside" / cached.name).read_bytes() == cached.read_bytes()
        json_name = cached.with_suffix(".json").name
        assert (tmp_path / "aside" / json_name).read_bytes() == (
            tmp_path / "here" / json_name
        ).read_bytes()


def test_a_part_whose_writer_fails_is_laid_out_again(tmp_path, monkeypatch):
    from sergek_report.build import pdf

    renderer = pdf.PartRenderer(tmp_path, _font_faces(), write_aside=True)
    renderer.part(_parts(1)[0], first_page=1)  # written here: the next one goes aside
    monkeypatch.setattr(pdf, "write_pdf", lambda document: 1 / 0)  # the child's write fails
    html = _parts(2)[1]
    assert renderer.part(html, first_page=3).pages == 2
    renderer.wait()
    assert len(list(tmp_path.glob("*.pdf"))) == 1  # the failed part left no file
    monkeypatch.undo()
    again = pdf.PartRenderer(tmp_path, _font_faces())
    part = again.part(html, first_page=3)
    assert again.laid_out == 1 and part.pages == 2 and part.pdf.rstrip().endswith(b"%%EOF")


def test_font_subsets_dropping_tables_first_are_the_bytes_fonttools_makes(monkeypatch):
    """The report's fonts subset as WeasyPrint subsets them (its options), by fontTools' own
    Subsetter and by the one the build uses (`pdf.lean_font_subsetting`: the tables to drop
    deleted before fontTools decompiles them): the same bytes, for the report's letters."""
    import weasyprint.pdf.fonts as weasyprint_fonts
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from sergek_report.build import pdf
    from sergek_report.chapter.measure import FONT_DIR, FONT_STEM

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")  # the subset's timestamp
    text = "".join(map(chr, [*range(0x20, 0x7F), *range(0x400, 0x4A0), *range(0x2010, 0x2040)]))
    text += "ӘәҒғҚқҢңӨөҰұҮүҺһІі№°±×−≈≤≥€₸«»"
    for stem in (FONT_STEM, f"{FONT_STEM}-Bold"):
        data = (FONT_DIR / f"{stem}.ttf").read_bytes()
        cmap = TTFont(FONT_DIR / f"{stem}.ttf", lazy=True).getBestCmap()
        reference = TTFont(FONT_DIR / f"{stem}.ttf", lazy=True)
        gids = sorted({reference.getGlyphID(cmap[ord(c)]) for c in text if ord(c) in cmap})
        assert "GPOS" in reference and "kern" in reference  # what the subset drops

        def subset_with(subsetter_class, gids=gids, data=data):
            options = subset.Options(  # weasyprint.pdf.fonts.Font._fonttools_subset's
                retain_gids=True, passthrough_tables=True, ignore_missing_glyphs=True,
                hinting=False, desubroutinize=True, notdef_outline=False,
            )  # fmt: skip
            options.drop_tables += ["GSUB", "GPOS", "SVG"]
            subsetter = subsetter_class(options)
            subsetter.populate(gids=gids)
            font = TTFont(io.BytesIO(data))
            subsetter.subset(font)
            out = io.BytesIO()
            font.save(out)
            return out.getvalue()

        lean = subset_with(pdf._subsetter_dropping_first())
        assert lean == subset_with(subset.Subsetter), stem
        assert "kern" not in TTFont(io.BytesIO(lean))
    pdf.lean_font_subsetting()
    assert weasyprint_fonts.subset.Subsetter is pdf._subsetter_dropping_first()


def test_the_front_matter_splits_at_the_contents_and_they_follow_chapter_one():
    from sergek_report.build.pdf import contents_position, split_front

    front = '<section class="title-page">Титул</section>\n<nav class="toc" id="contents">…</nav>'
    assert split_front(front) == (
        '<section class="title-page">Титул</section>\n',
        '<nav class="toc" id="contents">…</nav>',
    )
    # no contents: the whole front is the title page
    assert split_front("<section>Титул</section>") == ("<section>Титул</section>", "")
    # the memo faces the title page when other chapters follow it; an edition of one chapter
    # (its back matter in the same part) keeps the contents before it
    assert contents_position(7) == 1 and contents_position(1) == 0
