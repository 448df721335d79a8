"""End to end: the default edition is built once (kernels and all) and read back."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from sergek_report import paths
from tests.conftest import normalise, pdf_text

pytestmark = pytest.mark.slow

CHAPTERS = [
    "Резюме",
    "Решение на 1 января 2027 года",
    "Развёртывание",
    "Стоимость одного комплекса",
    "Замороженный тариф в реальном выражении",
    "Бюджет 2026 года",
    "Сравнения",
    "Допущения, ограничения и источники",
]


@pytest.fixture(scope="module")
def report(built_report):
    out = built_report.out_dir
    return {
        "dir": out,
        "pdf": out / "report.pdf",
        "html": (out / "report.html").read_text(encoding="utf-8"),
        "text": pdf_text(out / "report.pdf"),
    }


def test_pdf_has_title_page_contents_chapters_and_at_least_six_pages(report):
    text = report["text"]
    assert "ГЧП «Сергек» в Алматы" in text
    assert "Содержание" in text
    for number, title in enumerate(CHAPTERS, start=1):
        assert f"{number}. {title}" in text, title
    assert len(PdfReader(report["pdf"]).pages) >= 6
    assert "Дата выпуска 25 ноября 2026 г." in text
    assert "Файл параметров params/default.yaml" in text
    assert "Что изменилось с прошлого выпуска" in text


def test_pdf_holds_key_figures_in_russian_formatting(report):
    text = report["text"]
    for figure in [
        "9 986 042 340 тенге",  # obligations (source)
        "766",
        "1 641",
        "1 991",
        "2,60 раза",  # 1 991 / 766
        "13 036 609 тенге",  # obligations per complex
        "13,04 млн",
        "181 064 тенге",  # estimated monthly tariff at 72 months
        "37,8 %",  # real erosion by end-2025
        "23 192",  # complex-months 2026
    ]:
        assert figure in text, figure


def test_every_figure_and_table_is_numbered_with_a_source_line(report):
    html = report["html"]
    figures = re.findall(r'<figure class="(chart|table)">(.*?)</figure>', html, re.S)
    charts = [body for kind, body in figures if kind == "chart"]
    assert len(charts) >= 6
    for _kind, body in figures:
        assert re.search(r"(Рисунок|Таблица) \d+\.", body), body[:200]
        assert "Источник:" in body
    numbers = [int(n) for n in re.findall(r"Рисунок (\d+)\.", html)]
    assert numbers == list(range(1, len(numbers) + 1))
    text = report["text"]
    assert "Рисунок 1." in text and "Таблица 1." in text


def test_no_code_prompts_or_stderr_in_pdf_or_html(report):
    for content in (report["text"], normalise(report["html"])):
        for marker in (
            "import ",
            "ch.md(",
            "ch.figure(",
            "analysis.",
            "In [",
            "Out[",
            "Traceback",
            "Warning:",
            "data_dir",
        ):
            assert marker not in content, marker
    assert 'class="jp-InputArea' not in report["html"]
    assert "<pre" not in report["html"]


def test_html_is_self_contained(report):
    html = report["html"]
    assert "<script" not in html
    assert "<link" not in html
    assert not re.search(r'(src|href)\s*=\s*["\'](?!#|data:)', html)
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", html)
    assert "@import" not in html


def test_pdf_fonts_are_embedded_and_cover_cyrillic(report):
    reader = PdfReader(report["pdf"])
    fonts = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object()
            fonts[str(font.get("/BaseFont"))] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    # The report's own faces (DejaVu files shipped with matplotlib), subset and embedded.
    assert all("Report-Sans" in name for name in fonts), fonts
    assert "Қ" in report["text"] or "Көркем" in report["text"]


def test_contents_page_numbers_and_links_point_at_the_chapters(report):
    reader = PdfReader(report["pdf"])
    toc = normalise(reader.pages[1].extract_text())
    starts = {}
    for index, page in enumerate(reader.pages):
        text = normalise(page.extract_text())
        for number, title in enumerate(CHAPTERS, start=1):
            if f"{number}. {title}" in text and index > 1:
                starts.setdefault(number, index + 1)
    for number, title in enumerate(CHAPTERS, start=1):
        assert re.search(rf"{number}\. {re.escape(title)}[^0-9]*\.+ {starts[number]}\b", toc), title
    links = [a.get_object() for a in reader.pages[1].get("/Annots") or []]
    assert sum(1 for a in links if a.get("/Subtype") == "/Link") >= len(CHAPTERS)


def test_pdf_has_page_numbers_running_header_and_bookmarks(report):
    reader = PdfReader(report["pdf"])
    pages = len(reader.pages)
    for index in (1, pages // 2, pages - 1):  # the footer carries the page number
        assert normalise(reader.pages[index].extract_text()).strip().endswith(str(index + 1))
    assert "ГЧП «Сергек» в Алматы" in normalise(reader.pages[2].extract_text())
    titles = [
        normalise(item.title).strip() for item in reader.outline if not isinstance(item, list)
    ]
    for number, title in enumerate(CHAPTERS, start=1):
        assert any(t.startswith(f"{number}. {title}") for t in titles), title


def test_metrics_json_lists_key_figures_with_units_and_basis(report):
    import json

    metrics = json.loads((report["dir"] / "metrics.json").read_text(encoding="utf-8"))
    by_name = {m["name"]: m for m in metrics["metrics"]}
    assert by_name["state_obligations"]["value"] == 9986042340
    assert by_name["state_obligations"]["basis"].startswith("source:")
    assert round(by_name["obligations_per_complex"]["value"]) == 13036609
    assert all({"name", "label", "value", "unit", "basis"} <= set(m) for m in metrics["metrics"])
    assert metrics["inputs"]["data/contract.csv"]


def test_key_figures_equal_the_published_edition_unless_an_input_changed(report):
    """Backtest: the published figures were checked by hand; the same inputs give them again."""
    import json

    current = json.loads((report["dir"] / "metrics.json").read_text(encoding="utf-8"))
    published = json.loads(
        (paths.PUBLISHED_DIR / "metrics.json").read_text(encoding="utf-8")
    )
    if current["inputs"] != published["inputs"] or current["params"] != published["params"]:
        pytest.skip("an input changed since the published edition: compare in the changes section")
    assert {m["name"]: m["value"] for m in current["metrics"]} == {
        m["name"]: m["value"] for m in published["metrics"]
    }


def test_executed_notebooks_are_kept(report):
    executed = sorted(p.name for p in (report["dir"] / "notebooks").glob("*.ipynb"))
    assert executed[0] == "01_summary.ipynb" and len(executed) == 8


def test_weasypdf_is_an_nbconvert_exporter_for_single_notebooks(report, tmp_path):
    import nbformat
    from nbconvert.exporters import get_exporter

    exporter = get_exporter("weasypdf")()
    notebook = nbformat.read(report["dir"] / "notebooks" / "02_deployment.ipynb", as_version=4)
    pdf, _ = exporter.from_notebook_node(notebook)
    assert pdf.startswith(b"%PDF")
    (tmp_path / "chapter.pdf").write_bytes(pdf)
    text = pdf_text(tmp_path / "chapter.pdf")
    assert "Развёртывание" in text and "Рисунок 1." in text
    assert "import " not in text and "ch.figure(" not in text
