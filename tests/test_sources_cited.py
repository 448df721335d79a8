"""The list of sources and the report agree: every listed source is cited where its fact is
used, the numbers of the list the report names resolve to the entries they describe, and no
page is cited as read after the edition it appears in."""

from __future__ import annotations

import csv
import html
import re

import pytest

from sergek_report import paths
from sergek_report.chapter import fmt
from sergek_report.errors import ParameterError
from sergek_report.inputs.edition import load_edition
from sergek_report.model.computed import compute_edition

SOURCES = paths.DATA_DIR / "sources.csv"


def sources() -> list[dict]:
    with SOURCES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def plain(markup: str) -> str:
    """The words of an HTML fragment, one space between them (no-break spaces too)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup)).replace("\u00a0", " ")
    return " ".join(text.split())


def citation(row: dict) -> str:
    """The start of a chapter's citation of the source: «Zakon.kz, 30 декабря 2025 г.», or
    for an undated one the publisher and its note's first word («Liter.kz, без …»)."""
    from sergek_report.chapter.api import publisher_in_text

    when = fmt.date_long(row["published"]) if row["published"] else row["published_note"][:3]
    return plain(f"{publisher_in_text(row['publisher'])}, {when}")


def test_a_source_line_names_a_source_by_publisher_and_date_only():
    """What else is known of an undated source is in the source list: a table's source line
    keeps the note's first clause (its approximate date), and says «не проверено» where the
    page was not found (sources.csv has no address). A publisher is named without the web
    address the list gives («Адилет (zan.kz)» is «Адилет» in the text)."""
    from sergek_report.chapter.api import Chapter

    ch = Chapter(compute_edition(paths.DEFAULT_PARAMS, paths.DATA_DIR))
    ch.cite = lambda ids, cite=ch.cite: cite(ids).replace("\u202f", " ")  # «2025 г.»
    assert ch.cite(["zakon_2025_12_30"]) == "Zakon.kz, 30 декабря 2025 г."
    assert ch.cite(["literkz_2021"]) == "Liter.kz, без даты (около 2021 г.), не проверено"
    assert ch.cite(["stat_2024_08"]) == (
        "Бюро национальной статистики, без даты (около августа 2024 г.; данные за июль 2024 г.)"
    )  # a «;» inside the brackets is not the clause's end
    assert (
        ch.cite(["adilet_2025_03_15"]) == "Адилет, Бюджетный кодекс РК № 171-VIII, 15 марта 2025 г."
    )
    assert ch.cite(["inform_2025_11_13"]) == "Kazinform, 13 ноября 2025 г."
    assert ch.cite(["tengrinews_2022_05_13"]).startswith("Tengrinews.kz (на казахском языке), ")
    assert ch.cite(["qostanaytv_2025_09"]) == "Qostanay.tv, без даты на странице"
    assert ch.cite(["kokshetau_2025", "zakon_2025_12_30"]) == (
        "Kokshetau.asia (перепечатка материала издания LS), без даты (2025 г.), не проверено; "
        "Zakon.kz, 30 декабря 2025 г."
    )


# -- fast: the data alone -------------------------------------------------------------------


def test_no_source_is_read_after_the_edition_date():
    edition = load_edition(paths.DEFAULT_PARAMS)
    late = [
        (line, r["source_id"], r["accessed"])
        for line, r in enumerate(sources(), start=2)
        if r["accessed"] > edition.edition_date.isoformat()
    ]
    assert not late, f"read after the edition date {edition.edition_date}: {late}"


def test_an_edition_dated_before_a_reading_names_the_file_row_and_column(tmp_path):
    """The edition of 28 November cannot cite a page read on 3 December: one paragraph names
    the edition file, data/sources.csv, the line and the column."""
    last_read = max(r["accessed"] for r in sources())
    line = 2 + [r["accessed"] for r in sources()].index(last_read)
    text = paths.DEFAULT_PARAMS.read_text(encoding="utf-8")
    edition_date = load_edition(paths.DEFAULT_PARAMS).edition_date.isoformat()
    assert f"value: {edition_date}" in text
    early = tmp_path / "early.yaml"
    early.write_text(text.replace(f"value: {edition_date}", "value: 2026-11-28"), "utf-8")
    with pytest.raises(ParameterError) as err:
        compute_edition(early, paths.DATA_DIR)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{early}: edition_date 2026-11-28 is earlier than")
    assert f'sources.csv, line {line}, column "accessed": "{last_read}"' in message


def test_a_source_without_an_address_says_why():
    """An empty address is a page not found (or a document not published), and the entry
    says so; never a wrong address kept for want of the right one."""
    missing = [
        r["source_id"]
        for r in sources()
        if not r["url"]
        and "не найден в открытом доступе" not in r["published_note"]
        and "документ не опубликован" not in r["published_note"]
    ]
    assert not missing
    kt = next(r for r in sources() if r["source_id"] == "kt_2025_12_31")
    assert "glava_komiteta" not in kt["url"]  # the address of an unrelated story


# The official series the report takes from pages that report them (inflation, the National
# Bank's base rate, the МРП) and the assumptions that rest on such a page; the official
# publishers' own sites; the pages an auditor flagged as weak (a French market site, an Uzbek
# news site, a mail portal, an Azerbaijani paper, a mirror of a New York report, a host of
# zan.kz without encryption).
OFFICIAL_SERIES = ("cpi", "base_rate", "mrp")
OFFICIAL_ASSUMPTIONS = ("cpi_2024_dec_dec", "inflation_2026", "discount_rate")
OFFICIAL_SITES = ("stat.gov.kz", "nationalbank.kz", "adilet.zan.kz")
WEAK_HOSTS = (
    "zonebourse.com",
    "daryo.uz",
    "news.mail.ru",
    "kommersant.az",
    "rumble-crumble-i.com",
)


def test_a_secondary_page_names_the_primary_source_of_its_figure():
    """A news report or a copy of an official figure is cited as what it is: its entry names
    the body that publishes the figure first-hand (`primary_source`), which the list prints
    as «Вторичный источник: первоисточник — …, по нему не проверено»."""
    from urllib.parse import urlparse

    import yaml

    from sergek_report.inputs.datasets import load_table

    rows = {r["source_id"]: r for r in sources()}
    cited = {sid for name in OFFICIAL_SERIES for sid in load_table(name)["source_id"]}
    params = yaml.safe_load(paths.DEFAULT_PARAMS.read_text(encoding="utf-8"))["assumptions"]
    cited |= {params[name]["source"] for name in OFFICIAL_ASSUMPTIONS}
    cited |= {
        sid for sid, r in rows.items() if any(h in urlparse(r["url"]).netloc for h in WEAK_HOSTS)
    }
    assert {"zonebourse_2022_01", "daryo_2024_01_05", "newsmail_2026_02_05"} <= cited
    assert {"kommersant_2026_01_23", "nycdot_2022"} <= cited
    unnamed = [
        sid
        for sid in sorted(cited)
        if rows[sid]["url"]  # a page not found says so instead (and is not checked at all)
        and not any(site in urlparse(rows[sid]["url"]).netloc for site in OFFICIAL_SITES)
        and not rows[sid]["primary_source"].strip()
    ]
    assert not unnamed, f"secondary pages without their primary source: {unnamed}"


def test_an_entry_says_what_its_source_is_not_how_the_work_went():
    """A reader learns from an entry what the page is (a publisher, a reprint, a copy), not
    the analysts' history of the work («с этой статьи начата работа над отчётом»)."""
    notes = re.compile(r"начата работа|с этой статьи|работа над отчётом|seed", re.I)
    found = [
        (r["source_id"], column)
        for r in sources()
        for column in ("publisher", "title", "primary_source")
        if notes.search(r[column])
    ]
    assert not found


def _spellings(tenge: float) -> set[str]:
    """How a source may write a sum: «42 010 397», «2,6 млрд», «156 млрд», «35 миллиардов»."""
    billions = tenge / 1e9
    short = f"{billions:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return {
        f"{round(tenge):,}".replace(",", " "),
        f"{short} млрд",
        f"{int(billions)} миллиард",
    }


def test_the_source_of_a_payment_or_fines_figure_quotes_it():
    """Each sum of data/payments.csv (the fines and the payment to the partner, Table and
    Figure of «Штрафы и выплаты партнёру») is in the quote of the source its row cites, so the
    number a source line gives leads to a page that shows the figure: 94 bn collected is
    quoted from Kazinform of 30 December 2025 (№ 3), next to the 156 bn imposed."""
    from sergek_report.inputs.datasets import load_table

    quotes = {r["source_id"]: r["quote"].replace("\u00a0", " ") for r in sources()}
    payments = load_table("payments")
    missing = [
        (row.flow, row.tenge, row.source_id)
        for row in payments.itertuples()
        if row.status == "reported"
        and not any(s in quotes[row.source_id] for s in _spellings(row.tenge))
    ]
    assert not missing, f"a sum not in its source's quote: {missing}"


# -- slow: the built report -----------------------------------------------------------------


@pytest.fixture(scope="module")
def body_and_list(built_report):
    page = (built_report.out_dir / "report.html").read_text(encoding="utf-8")
    start = page.index('<ol class="sources">')
    end = page.index("</ol>", start)
    items = re.findall(r"<li>(.*?)</li>", page[start:end], flags=re.S)
    return plain(page[:start]), [plain(i) for i in items]


@pytest.mark.slow
def test_every_listed_source_is_cited_in_the_report(body_and_list):
    body, items = body_and_list
    rows = sources()
    assert len(items) == len(rows)  # the list is whole and in the order of sources.csv
    for row, item in zip(rows, items, strict=True):
        assert item.startswith(plain(row["publisher"])), (row["source_id"], item[:80])
    # cited in the prose by publisher and date, or in a table's or chart's source line by
    # its number in the list («№ 3, 17 в списке источников; не проверено: № 70»)
    numbered = cited_numbers(body)
    uncited = [
        r["source_id"]
        for n, r in enumerate(rows, start=1)
        if citation(r) not in body and n not in numbered
    ]
    assert not uncited, f"listed but cited nowhere before the list: {uncited}"
    assert numbered <= set(range(1, len(rows) + 1))  # every number is an entry


def cited_numbers(body: str) -> set[int]:
    """The list numbers the source lines of tables and charts cite."""
    found = re.findall(r"№ ([\d, ]+?) в списке источников|не проверено: № ([\d, ]+)", body)
    return {int(n) for pair in found for group in pair for n in re.findall(r"\d+", group)}


@pytest.mark.slow
def test_a_source_line_cites_the_list_numbers_of_its_sources(built_report, body_and_list):
    """The source line of Table 1 cites Zakon.kz of 30 December 2025 (the obligations) by its
    number in the list; Table 1 and chapter 2's chart of the paths price Pavlodar's contract
    only, and Table 2, which has a row at Karaganda's price, cites Liter.kz (Karaganda, page
    not found) as not checked."""
    _, items = body_and_list
    rows = sources()
    number = {r["source_id"]: n for n, r in enumerate(rows, start=1)}
    page = (built_report.out_dir / "report.html").read_text(encoding="utf-8")
    first = plain(page[page.index("Таблица 1.") :])[:1500]
    line = first[first.index("Источник:") :]
    zakon, liter = number["zakon_2025_12_30"], number["literkz_2021"]
    assert items[zakon - 1].startswith("Zakon.kz") and items[liter - 1].startswith("Liter.kz")
    assert re.search(rf"№ [\d, ]*\b{zakon}\b[\d, ]* в списке источников", line), line[:200]
    assert f"не проверено: № {liter}" not in line[: line.index("Таблица 2.")]
    table_2 = first[first.index("Таблица 2.") :]
    table_2_line = table_2[table_2.index("Источник:") : table_2.index("Таблица 3.")]
    assert f"не проверено: № {liter}" in table_2_line, table_2_line
    caption = re.search(r"Рисунок \d+\. Расходы \d+ года по путям \(", plain(page))
    chart = plain(page)[caption.start() :][:1200]
    assert f"не проверено: № {liter}" not in chart[chart.index("Источник:") :]


@pytest.mark.slow
def test_the_numbers_of_unverified_sources_resolve_to_their_entries(body_and_list):
    """The report names the sources it could not check by their numbers in the list; each
    number is an entry that says its page was not found, and every such entry is named."""
    body, items = body_and_list
    found = re.search(r"источник\w* — (№[\d №,и]+?) в списке", body)
    assert found, "the sources section names the unverified sources by number"
    numbers = [int(n) for n in re.findall(r"\d+", found.group(1))]
    assert numbers == sorted(numbers) and numbers
    for n in numbers:
        assert "не найден в открытом доступе" in items[n - 1], (n, items[n - 1][:120])
    without_address = [i for i, r in enumerate(sources(), start=1) if not r["url"]]
    assert numbers == without_address


@pytest.mark.slow
def test_every_entry_prints_its_quote_and_a_secondary_one_its_primary_source(body_and_list):
    """The list keeps the intro's word: each entry quotes its page (as the page writes it), or
    says in brackets why there is no quote; a secondary page names its primary source."""
    body, items = body_and_list
    assert "короткая цитата с цифрой" in body
    for row, item in zip(sources(), items, strict=True):
        quote = plain(row["quote"])
        assert quote in item, (row["source_id"], item[:120])
        assert (not quote.startswith("[")) == (f"Цитата: {quote}" in item), row["source_id"]
        primary = plain(row["primary_source"])
        says = "Вторичный источник: первоисточник —"
        assert (says in item) == bool(primary), row["source_id"]
        assert not primary or f"{says} {primary}, по нему не проверено." in item


@pytest.mark.slow
def test_the_fines_chart_cites_the_sources_of_the_figures_it_plots(built_report):
    """The source line of the chart of fines and payments is derived from the rows it plots
    (the fines and the payment of the published period, the latest fines collected, and the
    estimate of the later payments: the reconciliation's, from the payment and the state
    obligations): their numbers in the list, no more and no fewer."""
    from sergek_report.inputs.datasets import load_table
    from sergek_report.model.lookups import latest_fines_collected

    page = (built_report.out_dir / "report.html").read_text(encoding="utf-8")
    text = plain(page)
    start = text.index("Штрафы, взысканные в бюджет Алматы, и выплаты частному партнёру")
    line = text[text.index("Источник:", start) :][:300]
    cited = {int(n) for n in re.findall(r"\d+", line.split("в списке источников")[0])}
    payments = load_table("payments")
    number = {r["source_id"]: n for n, r in enumerate(sources(), start=1)}
    paid = payments[payments["flow"] == "payment_to_partner"].iloc[0]
    same_period = payments[
        (payments["flow"] == "fines_collected")
        & (payments["period_start"] == paid["period_start"])
        & (payments["period_end"] == paid["period_end"])
    ].iloc[0]
    plotted = {paid["source_id"], same_period["source_id"]}
    plotted.add(latest_fines_collected(payments)["source_id"])
    contract = load_table("contract").set_index("item")
    plotted.add(contract.loc["state_obligations", "source_id"])
    assert cited == {number[s] for s in plotted}, line
