"""Kazakh case endings on formatted values: «{v1}[dat] дейін» -> «31 желтоқсанға дейін».

The expectations are written by hand from the grammar (vowel harmony and the final sound of
the word, or of the spoken last word of a number; a hyphen after digits and abbreviations),
not computed with the code under test.
"""

from __future__ import annotations

import re

import pytest

from sergek_report import labels
from sergek_report.build import translations as T
from sergek_report.chapter import fmt
from sergek_report.chapter.kazakh import CASES, CaseError, inflect
from sergek_report.errors import BuildError

NBSP = "\u00a0"


def test_dates_take_the_ending_of_the_month():
    assert inflect("31 желтоқсан", "dat") == "31 желтоқсанға"
    assert inflect("1 қаңтар", "abl") == "1 қаңтардан"
    assert inflect("2026 жылғы 31 желтоқсан", "loc") == "2026 жылғы 31 желтоқсанда"
    assert inflect("2027 жылғы 1 қаңтар", "gen") == "2027 жылғы 1 қаңтардың"
    assert inflect("2024 жылғы 30 қараша", "dat") == "2024 жылғы 30 қарашаға"
    assert inflect("2 қараша", "abl") == "2 қарашадан"
    assert inflect("1 наурыз", "abl") == "1 наурыздан"
    assert inflect("1 шілде", "dat") == "1 шілдеге"  # front vowel
    assert inflect("15 сәуір", "abl") == "15 сәуірден"
    assert inflect("23 қазан", "abl") == "23 қазаннан"  # after н: -нан
    # the locative's attribute form, before a noun
    assert inflect("2027 жылғы 1 қаңтар", "attr") == "2027 жылғы 1 қаңтардағы"
    assert inflect("2024 жылғы қараша", "attr") == "2024 жылғы қарашадағы"
    assert inflect("1 шілде", "attr") == "1 шілдедегі"
    assert inflect(f"1{NBSP}641", "attr") == f"1{NBSP}641-дегі"
    assert inflect("40", "attr") == "40-тағы"


NUMBERS = {
    # number: (dat, abl, loc, gen), by the spoken last word
    "1": ("1-ге", "1-ден", "1-де", "1-дің"),  # бір
    "2": ("2-ге", "2-ден", "2-де", "2-нің"),  # екі
    "6": ("6-ға", "6-дан", "6-да", "6-ның"),  # алты
    "10": ("10-ға", "10-нан", "10-да", "10-ның"),  # он
    "20": ("20-ға", "20-дан", "20-да", "20-ның"),  # жиырма
    "40": ("40-қа", "40-тан", "40-та", "40-тың"),  # қырық
    "50": ("50-ге", "50-ден", "50-де", "50-дің"),  # елу
    "100": ("100-ге", "100-ден", "100-де", "100-дің"),  # жүз
    f"1{NBSP}641": (f"1{NBSP}641-ге", f"1{NBSP}641-ден", f"1{NBSP}641-де", f"1{NBSP}641-дің"),
    "2026": ("2026-ға", "2026-дан", "2026-да", "2026-ның"),  # алты
    f"1{NBSP}000{NBSP}000": (  # миллион
        f"1{NBSP}000{NBSP}000-ға",
        f"1{NBSP}000{NBSP}000-нан",
        f"1{NBSP}000{NBSP}000-да",
        f"1{NBSP}000{NBSP}000-ның",
    ),
    "1000": ("1000-ға", "1000-нан", "1000-да", "1000-ның"),  # мың
    "3": ("3-ке", "3-тен", "3-те", "3-тің"),  # үш
    "2,6": ("2,6-ға", "2,6-дан", "2,6-да", "2,6-ның"),  # … оннан алты
}


@pytest.mark.parametrize("number", NUMBERS)
def test_numbers_take_the_ending_of_their_spoken_last_word_after_a_hyphen(number):
    assert (
        tuple(inflect(number, case) for case in ("dat", "abl", "loc", "gen")) == (NUMBERS[number])
    )


def test_units_abbreviations_and_counts():
    assert inflect(f"12,2{NBSP}%", "dat") == f"12,2{NBSP}%-ға"  # пайыз
    assert inflect(f"7{NBSP}млрд", "abl") == f"7{NBSP}млрд-тан"  # миллиард
    assert inflect(f"164{NBSP}млн", "abl") == f"164{NBSP}млн-нан"  # миллион
    assert inflect(f"4,2{NBSP}млрд{NBSP}теңге", "dat") == f"4,2{NBSP}млрд{NBSP}теңгеге"
    assert inflect(f"84{NBSP}ай", "dat") == f"84{NBSP}айға"
    assert inflect(f"10{NBSP}күн", "abl") == f"10{NBSP}күннен"
    assert inflect("бір жыл", "dat") == "бір жылға"
    assert inflect("«Сергек»", "dat") == "«Сергек»-ке"
    assert inflect("1 641 кешен", "ins") == "1 641 кешенмен"
    assert inflect("алты", "acc") == "алтыны"
    assert inflect("—", "dat") == "—"  # no data: nothing to inflect
    assert inflect("Presight", "ins") == "Presight"  # read as its owner reads it: left as is


def test_a_caption_number_is_an_ordinal_before_its_noun_in_kazakh(kazakh):
    assert fmt.numbered("Кесте", 1) == "1-кесте"
    assert fmt.numbered("Сурет", 12) == "12-сурет"
    labels.use_language(labels.SOURCE_LANGUAGE)
    assert fmt.numbered("Таблица", 1) == "Таблица 1"


def test_an_unknown_case_is_an_error_naming_the_cases():
    with pytest.raises(CaseError, match="unknown case 'datt'; the cases are gen"):
        inflect("1 қаңтар", "datt")


def test_fmt_inflects_in_kazakh_only_and_fill_reads_the_case(kazakh):
    assert fmt.inflect(fmt.date_long("2026-12-31"), "dat") == "2026 жылғы 31 желтоқсанға"
    assert fmt.fill("{d}[abl] бастап", d=fmt.date_long("2027-01-01")) == (
        "2027 жылғы 1 қаңтардан бастап"
    )
    assert fmt.fill("{n}[dat] көп, {n}", n=fmt.integer(300)) == "300-ге көп, 300"
    labels.use_language(labels.SOURCE_LANGUAGE)
    assert fmt.inflect("31 декабря", "dat") == "31 декабря"


def test_a_case_placeholder_wraps_the_inline_expression_in_the_translated_chapter(kazakh):
    cell = {"cell_type": "markdown", "source": "До {eval}`fmt.date_long(d)` — {eval}`n` АПК."}
    found = {"До {v1} — {v2} АПК.": "{v1}[dat] дейін — {v2} АБК."}
    out = T.translate_notebook({"cells": [cell]}, found)["cells"][0]["source"]
    assert out == '{eval}`fmt.inflect(fmt.date_long(d), "dat")` дейін — {eval}`n` АБК.'
    code = {"cell_type": "code", "source": 'x = f"с {fmt.date_long(d)} года"'}
    found = {"с {v1} года": "{v1}[abl] бастап"}
    out = T.translate_notebook({"cells": [code]}, found)["cells"][0]["source"]
    namespace = {"fmt": fmt, "d": "2027-01-01"}
    exec(out, namespace)  # the f-string as the kernel runs it (quotes vary by Python version)
    assert namespace["x"] == "2027 жылғы 1 қаңтардан бастап"


def test_a_case_counts_as_the_same_placeholder(tmp_path, monkeypatch):
    from tests.test_translations import _catalog

    msgid = "С {v1} нужен новый договор."
    _catalog(tmp_path, {msgid: "{v1}[abl] бастап жаңа шарт қажет."})
    monkeypatch.setattr(labels, "LOCALE_DIR", tmp_path)
    unit = T.Unit(msgid, "notebooks/01_summary.ipynb", 9, "Резюме", ["c"])
    assert T.catalog_problems([unit], "kk") == []


def test_the_case_stays_outside_the_braces_for_the_gettext_tools():
    # {v1}[dat] has the placeholders of the Russian {v1}, brace for brace (msgfmt
    # --check-format compares them literally); a Markdown link after a value is no case.
    assert T.PLACEHOLDER.findall("{v1}[dat] дейін, {v2}") == [("v1", "dat"), ("v2", "")]
    assert T.PLACEHOLDER.findall("{v1}[сілтеме](https://adilet.zan.kz)") == [("v1", "")]
    assert re.findall(r"\{[^{}]*\}", "{v1}[dat] дейін, {v2}") == ["{v1}", "{v2}"]


def test_an_unknown_case_in_the_catalog_is_one_paragraph_naming_the_message():
    unit = T.Unit("С {v1} нужен новый договор.", "notebooks/01_summary.ipynb", 9, "Резюме", ["c"])
    problems = T.case_problems([unit], {unit.msgid: "{v1}[datt] бастап жаңа шарт."}, "kk")
    assert len(problems) == 1 and "\n" not in problems[0]
    assert "«С {v1} нужен новый договор.»" in problems[0]
    assert "'datt' in {v1}[datt]" in problems[0]
    assert all(name in problems[0] for name in CASES)
    # a label filled by str.format takes no case: also one paragraph, not a traceback later
    label = T.Unit("Страница {page}", "sergek_report/labels.py", 1, "", ["labels.PAGE_LINK"])
    problems = T.case_problems([label], {label.msgid: "{page}[gen] беті"}, "kk")
    assert len(problems) == 1 and "filled without cases" in problems[0]


def test_the_kazakh_build_stops_on_an_unknown_case(tmp_path, monkeypatch):
    """The build's own check (translated_chapters) raises the paragraph as a BuildError."""
    from tests.test_translations import _catalog

    nb = tmp_path / "01_x.ipynb"
    nb.write_text(
        '{"cells": [{"cell_type": "markdown", "metadata": {}, "source": '
        '"С {eval}`fmt.date_long(d)` нужен договор."}], "metadata": {}, '
        '"nbformat": 4, "nbformat_minor": 5}',
        encoding="utf-8",
    )
    _catalog(tmp_path / "locale", {"С {v1} нужен договор.": "{v1}[ablative] бастап шарт керек."})
    monkeypatch.setattr(labels, "LOCALE_DIR", tmp_path / "locale")
    monkeypatch.setattr(T, "labels_units", lambda source, file: [])
    monkeypatch.setattr(T, "title_units", lambda source, file: [])

    class Spec:
        name = "01_x.ipynb"
        notebook = nb

    with pytest.raises(BuildError, match="asks for the case 'ablative'"):
        T.translated_chapters([Spec()], "kk", False, tmp_path / "out", None)
