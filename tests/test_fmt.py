"""Russian formatting: exact strings, including babel's no-break spaces."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from sergek_report.chapter import fmt
from sergek_report.model.rounding import rounding_interval

NB = "\u00a0"  # no-break space: babel's group separator, and our space before units
NNB = "\u202f"  # narrow no-break space: babel's space before "г." in long dates


def test_integer_groups_with_nbsp():
    assert fmt.integer(9_986_042_340) == f"9{NB}986{NB}042{NB}340"
    assert fmt.integer(766) == "766"
    assert fmt.integer(1641.0) == f"1{NB}641"


def test_integer_rounds_half_up():
    # 13 036 608.80 -> 13 036 609; a tie goes up, as a reader rounds (babel alone gives "2").
    assert fmt.integer(13_036_608.8) == f"13{NB}036{NB}609"
    assert fmt.integer(2.5) == "3"


def test_number_and_ratio():
    assert fmt.number(13.036608) == "13,04"
    assert fmt.number(0.125) == "0,13"
    assert fmt.number(1234.5, 1) == f"1{NB}234,5"
    assert fmt.ratio(1991 / 766) == "2,6"  # no trailing zeros in text
    assert fmt.ratio(1641 / 766, 1) == "2,1"


def test_negative_numbers_use_real_minus():
    assert fmt.number(-1234.5, 1) == f"\u22121{NB}234,5"
    assert fmt.integer(-5) == "\u22125"
    # a value that rounds to zero carries no sign
    assert fmt.number(-0.001) == "0,00"


def test_percent():
    assert fmt.percent(12.3) == f"12,3{NB}%"
    assert fmt.percent(37.8105, 2) == f"37,81{NB}%"
    assert fmt.percent(8) == f"8{NB}%"
    assert fmt.percent(18.0) == f"18{NB}%"


def test_signed_percent():
    assert fmt.signed_percent(4.5) == f"+4,5{NB}%"
    assert fmt.signed_percent(-37.8105) == f"\u221237,8{NB}%"
    assert fmt.signed_percent(0) == f"0{NB}%"
    assert fmt.signed_percent(-0.01) == f"0{NB}%"


def test_millions_billions_tenge():
    assert fmt.millions(13_036_608.8) == f"13,04{NB}млн"
    assert fmt.billions(9_986_042_340) == f"9,99{NB}млрд"
    assert fmt.billions(2.6e9, 1) == f"2,6{NB}млрд"
    assert fmt.tenge(9_986_042_340) == f"9{NB}986{NB}042{NB}340{NB}тенге"


def test_compact_tenge_picks_scale():
    assert fmt.compact_tenge(181_064.01) == f"181{NB}064{NB}тенге"
    assert fmt.compact_tenge(13_036_608.8) == f"13,04{NB}млн{NB}тенге"
    assert fmt.compact_tenge(4_199_236_545) == f"4,2{NB}млрд{NB}тенге"
    # the scale follows the rounded value: no "1 000 млн"
    assert fmt.compact_tenge(999_999_999) == f"1{NB}млрд{NB}тенге"
    assert fmt.compact_tenge(999_999.7) == f"1{NB}млн{NB}тенге"
    assert fmt.compact_tenge(-2.6e9) == f"\u22122,6{NB}млрд{NB}тенге"


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2026, 3, 1),
        dt.datetime(2026, 3, 1, 15, 30),
        pd.Timestamp("2026-03-01"),
        "2026-03-01",
    ],
)
def test_date_long_accepts_date_types(value):
    assert fmt.date_long(value) == f"1 марта 2026{NNB}г."


def test_month_year_uses_standalone_month():
    assert fmt.month_year("2019-04-01") == "апрель 2019"
    assert fmt.month_year(pd.Timestamp("2022-11-30")) == "ноябрь 2022"


def test_genitive_month_and_date_for_a_preposition_and_года():
    # «с апреля 2019 года», «к 1 января 2026 года»: the sentence writes «года» itself.
    assert fmt.month_genitive("2019-04-01") == "апреля 2019"
    assert fmt.month_genitive(pd.Timestamp("2022-08-31")) == "августа 2022"
    assert fmt.date_genitive("2026-01-01") == "1 января 2026"
    assert fmt.date_genitive("2027-12-31") == "31 декабря 2027"


def test_missing_values_print_as_dash():
    for f in (
        fmt.integer,
        fmt.number,
        fmt.percent,
        fmt.signed_percent,
        fmt.millions,
        fmt.billions,
        fmt.tenge,
        fmt.compact_tenge,
        fmt.date_long,
        fmt.month_year,
        fmt.month_genitive,
        fmt.date_genitive,
    ):
        assert f(None) == "\u2014"
    assert fmt.number(math.nan) == "\u2014"
    assert fmt.date_long(pd.NaT) == "\u2014"


def test_bad_inputs_raise():
    with pytest.raises(ValueError):
        fmt.number(math.inf)
    with pytest.raises(ValueError):
        fmt.date_long("1 марта 2026")
    with pytest.raises(TypeError):
        fmt.integer(True)


# --- numeral agreement, precision policy, ranges, short dates -----------------------------

COMPLEX = ("комплекс", "комплекса", "комплексов")
MONTH = ("месяц", "месяца", "месяцев")
TIMES = ("раз", "раза", "раз")


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "комплекс"),
        (2, "комплекса"),
        (3, "комплекса"),
        (4, "комплекса"),
        (5, "комплексов"),
        (10, "комплексов"),
        (11, "комплексов"),
        (12, "комплексов"),
        (13, "комплексов"),
        (14, "комплексов"),
        (20, "комплексов"),
        (21, "комплекс"),
        (22, "комплекса"),
        (25, "комплексов"),
        (101, "комплекс"),
        (111, "комплексов"),
        (112, "комплексов"),
        (1641, "комплекс"),
        (1991, "комплекс"),
        (23192, "комплекса"),
        (0, "комплексов"),
    ],
)
def test_plural_follows_russian_rules(n, expected):
    assert fmt.plural(n, COMPLEX) == expected


def test_plural_of_fractions_is_genitive_singular():
    assert fmt.plural(2.6, TIMES) == "раза"
    assert fmt.plural(1.5, MONTH) == "месяца"
    assert fmt.plural("2,6", TIMES) == "раза"
    # an explicit fourth form wins for fractions
    assert fmt.plural(0.5, ("a", "b", "c", "d")) == "d"
    # a float that prints as a whole number agrees as a whole number
    assert fmt.plural(5.0, MONTH) == "месяцев"
    assert fmt.plural("1 641", COMPLEX) == "комплекс"
    with pytest.raises(ValueError):
        fmt.plural(1, ("a", "b"))


def test_count_joins_number_and_agreeing_noun():
    assert fmt.count(1641, COMPLEX) == f"1{NB}641{NB}комплекс"
    assert fmt.count(72, MONTH) == f"72{NB}месяца"
    assert fmt.count(32, MONTH) == f"32{NB}месяца"
    assert fmt.count(11, MONTH) == f"11{NB}месяцев"
    assert fmt.count(23192, ("комплексо-месяц", "комплексо-месяца", "комплексо-месяцев")) == (
        f"23{NB}192{NB}комплексо-месяца"
    )
    assert fmt.count(1991 / 766, TIMES, 1) == f"2,6{NB}раза"
    assert fmt.count(2.0, TIMES, 1) == f"2{NB}раза"
    assert fmt.count(1.5, MONTH, 1) == f"1,5{NB}месяца"
    assert fmt.count(None, MONTH) == "\u2014"


def test_count_in_words_agrees_and_falls_back_to_digits():
    years = ("год", "года", "лет")
    assert fmt.count_in_words(1, years) == f"один{NB}год"
    assert fmt.count_in_words(1.0, years) == f"один{NB}год"
    assert fmt.count_in_words(2, years) == f"два{NB}года"
    assert fmt.count_in_words(4, years) == f"четыре{NB}года"
    assert fmt.count_in_words(5, years) == f"пять{NB}лет"
    assert fmt.count_in_words(2, MONTH) == f"два{NB}месяца"
    # beyond the words, or a fraction: digits, agreeing as `count` does
    assert fmt.count_in_words(11, years) == f"11{NB}лет"
    assert fmt.count_in_words(21, years) == f"21{NB}год"
    assert fmt.count_in_words(1.5, years) == f"1,5{NB}года"
    assert fmt.count_in_words(None, years) == "\u2014"


def test_small_counts_in_words_in_the_genitive():
    """«Для двух из пяти участников», not «По 2 из 5 участников» (s8, p. 33)."""
    of = ("участника", "участников", "участников")  # the genitive after a genitive numeral
    assert fmt.in_words(2, "genitive") == "двух"
    assert fmt.in_words(2) == "два"
    assert fmt.count_in_words(5, of, case="genitive") == f"пяти{NB}участников"
    assert fmt.count_in_words(1, of, case="genitive") == f"одного{NB}участника"
    assert fmt.count_in_words(3, of, case="genitive") == f"трёх{NB}участников"
    # beyond the words: digits
    assert fmt.in_words(11, "genitive") == "11"
    assert fmt.count_in_words(12, of, case="genitive") == f"12{NB}участников"


def test_plain_has_no_trailing_zeros():
    assert fmt.plain(7.0) == "7"
    assert fmt.plain(94.0) == "94"
    assert fmt.plain(2.604, 1) == "2,6"
    assert fmt.plain(13.036) == "13,04"
    assert fmt.billions(7e9) == f"7{NB}млрд"
    assert fmt.millions(2.5e6) == f"2,5{NB}млн"


def test_estimate_rounds_to_significant_digits():
    assert fmt.estimate(4_199_236_545) == f"\u2248{NB}4,2{NB}млрд{NB}тенге"
    assert fmt.estimate(181_064) == f"\u2248{NB}180{NB}тыс.{NB}тенге"
    assert fmt.estimate(181_064, significant=3) == f"\u2248{NB}181{NB}тыс.{NB}тенге"
    assert fmt.estimate(37.81, unit="%") == f"\u2248{NB}38{NB}%"
    assert fmt.estimate(None) == "\u2014"


def test_reported_keeps_the_source_wording():
    assert fmt.reported(7e9, qualifier="более") == f"более{NB}7{NB}млрд{NB}тенге"
    assert fmt.reported(94e9) == f"94{NB}млрд{NB}тенге"
    assert fmt.reported(17.5e9) == f"17,5{NB}млрд{NB}тенге"


def test_ranges_use_one_style():
    assert fmt.count_range(60, 84, MONTH) == f"60\u201384{NB}месяца"
    assert fmt.count_range(60, 85, MONTH) == f"60\u201385{NB}месяцев"
    assert fmt.percent_range(8.4, 8.6) == f"8,4\u20138,6{NB}%"
    assert fmt.percent_range(14.75, 18.0, 2) == f"14,75\u201318{NB}%"
    assert fmt.number_range(60, 84) == "60\u201384"
    assert fmt.year_range(2019, 2025) == "2019\u20132025"
    assert fmt.period("2020-01-01", "2022-08-31") == "январь 2020 \u2014 август 2022"
    assert fmt.period("2022-01-01", "2022-08-31") == "январь\u2013август 2022"
    assert fmt.period("2024-01-01", "2024-11-30") == "январь\u2013ноябрь 2024"
    # beside a column of years a span within its year says the year once (s8, Table 11)
    assert fmt.period("2024-01-01", "2024-11-30", year_apart=True) == "январь\u2013ноябрь"
    assert fmt.period("2024-03-01", "2024-03-31", year_apart=True) == "март"
    assert fmt.period("2023-01-01", "2023-12-31", year_apart=True) == "2023"  # «весь год»
    assert fmt.period("2023-01-01", "2024-03-31", year_apart=True) == (
        "январь 2023 \u2014 март 2024"
    )


def test_a_range_never_has_two_equal_ends():
    assert fmt.period("2020-01-01", "2020-01-31") == "январь 2020"  # one month
    assert fmt.period("2023-01-01", "2023-12-31") == "2023"  # a whole year
    assert fmt.year_range(2025, 2025) == "2025"
    assert fmt.number_range(5, 5.001, 1) == "5"
    assert fmt.span(37.81, 37.84, digits=1, unit="%") == f"37,8{NB}%"
    assert fmt.span(2, 2, MONTH) == f"2{NB}месяца"


def test_a_range_in_words_says_its_unit_once():
    days = ("день", "дня", "дней")
    assert fmt.span(10, 60, days) == f"от 10 до 60{NB}дней"
    # after «до» the genitive: singular after 21, plural after 2–4 as after 5
    assert fmt.span(10, 21, days) == f"от 10 до 21{NB}дня"
    assert fmt.span(1, 3, days) == f"от 1 до 3{NB}дней"
    assert fmt.span(14.25, 18.0, digits=2, unit="%") == f"от 14,25 до 18{NB}%"
    assert fmt.millions_range(3.5e6, 13e6) == f"3,5\u201313{NB}млн"


def test_a_cell_inside_a_sentence_starts_in_lower_case():
    assert fmt.mid_sentence("Управление цифровизации; управление финансов") == (
        "управление цифровизации; управление финансов"
    )
    assert fmt.mid_sentence("ГЧП по закону") == "ГЧП по закону"  # an abbreviation stays
    assert fmt.mid_sentence("Я") == "Я"


def test_short_months_for_axes():
    assert fmt.month_short("2026-01-01") == "янв."
    assert fmt.month_short("2026-05-01") == "май"
    assert fmt.month_year_short("2020-09-01") == "сент. 2020"


def test_year_is_written_without_a_group_separator():
    assert fmt.year(2027) == "2027"
    assert fmt.year(dt.date(2026, 12, 31)) == "2026"
    assert fmt.year("2027-01-01") == "2027"
    assert fmt.year(None) == "—"


def test_an_estimate_keeps_its_significant_digits():
    """«≈ 5,0 млрд тенге» beside «≈ 4,2 млрд тенге» in one column (3 Dec 2026 review, Table
    15 printed «≈ 5 млрд»): two significant digits keep their final zero."""
    assert fmt.estimate(4.97e9) == f"≈{NB}5,0{NB}млрд{NB}тенге"
    assert fmt.estimate(4.2e9) == f"≈{NB}4,2{NB}млрд{NB}тенге"
    assert fmt.estimate(181_064) == f"≈{NB}180{NB}тыс.{NB}тенге"
    assert fmt.estimate(9.96e9) == f"≈{NB}10{NB}млрд{NB}тенге"
    assert fmt.estimate(2.454e9, significant=3) == f"≈{NB}2,45{NB}млрд{NB}тенге"


def test_a_ratio_below_one_has_no_times():
    """«0,89», never «0,89 раза»; «2,6 раза» above one (3 Dec 2026 review)."""
    from sergek_report.chapter import units

    assert units.quantity(0.8912, "раз") == "0,89"
    assert units.quantity(2.604, "раз", 1) == f"2,6{NB}раза"
    assert units.quantity(1.02, "раз") == f"1,02{NB}раза"


def test_texts_of_data_and_params_keep_numbers_and_dates_whole():
    """A data cell or an assumption's text: «20 000 камер» and «22 декабря» are joined by
    no-break spaces when read (a CSV or YAML cell cannot show one), so they never break
    across lines («20 / 000», «22 / декабря» in the 3 Dec 2026 review); a year beside a
    count and a decimal are left alone."""
    from sergek_report.inputs.typography import typeset

    assert typeset("более 20 000 камер") == f"более 20{NB}000 камер"
    assert typeset("9 986 042 340 тенге") == f"9{NB}986{NB}042{NB}340 тенге"
    assert typeset("не позднее 22 декабря 2026 г.") == f"не позднее 22{NB}декабря 2026 г."
    assert typeset("в 2026 году 404 комплекса; 1,5 000") == "в 2026 году 404 комплекса; 1,5 000"


def test_texts_of_data_and_params_write_a_range_of_dates_with_one_dash():
    """One dash style for ranges (issue 18, review of 3 Dec 2026, defect 20): a range whose
    ends contain spaces takes the spaced em dash, whether the cell had a spaced en dash
    («январь 2020 – август 2022», «запуск – около 2022 г.») or an en dash glued to «г.»
    («2 ноября 2026 г.–22 декабря 2026 г.»); a range of numbers keeps its en dash without
    spaces, and a minus sign or a hyphenated word is not a dash."""
    from sergek_report.inputs.typography import typeset

    assert typeset("январь 2020 – август 2022") == "январь 2020 — август 2022"
    assert typeset("запуск – около 2022 г.") == "запуск — около 2022 г."
    assert typeset("2 ноября 2026 г.–22 декабря 2026 г.") == (
        f"2{NB}ноября 2026 г. — 22{NB}декабря 2026 г."
    )
    assert typeset("за 2020–2025 годы, 10–60 дней") == "за 2020–2025 годы, 10–60 дней"
    assert typeset(f"1{NB}января − 60 дней; аппаратно-программный") == (
        f"1{NB}января − 60 дней; аппаратно-программный"
    )


def test_a_quotation_keeps_its_page_s_spelling_and_the_text_around_it_the_report_s():
    """A source's quotation is printed as its page wrote it: only the invisible no-break
    spaces are added (`bind`), on loading and on the rendered page, so «+ / - 1» (not a range)
    and «12,2%» stay; the entry's own words around it get the report's typography."""
    from sergek_report.build.render import _TEXT_NODE, _typeset_text
    from sergek_report.inputs.typography import bind

    quote = "«25 базистік тармаққа – + / - 1 пайыздық… 12,2% … 9 986 042 340 тенге»"
    assert bind(quote) == (
        f"«25 базистік тармаққа – + / - 1 пайыздық… 12,2% … 9{NB}986{NB}042{NB}340 тенге»"
    )
    entry = (
        '<li>Zakon.kz. Title. <span class="quote">Цитата: «a - b 8%».</span> '
        "Опубликовано: 5 января 2026 г.; обращение: 3 декабря 2026 г.</li>"
    )
    assert _TEXT_NODE.sub(_typeset_text, entry) == (
        '<li>Zakon.kz. Title. <span class="quote">Цитата: «a - b 8%».</span> '
        f"Опубликовано: 5{NB}января 2026{NB}г.; обращение: 3{NB}декабря 2026{NB}г.</li>"
    )


def test_a_style_after_a_text_node_is_left_as_it_is():
    """The W3C checker found «width: 100 %» in the page's CSS (4 Dec 2026): the text node
    between «<head>» and «<style>» had consumed the style's «<», so the style was read as text
    and typeset. Styles, scripts and drawings stay byte for byte."""
    from sergek_report.build.render import _TEXT_NODE, _typeset_text

    page = (
        "<head>\n<style>table { width: 100%; }</style>\n<script>var a = 5 %2;</script></head>"
        "<p>рост 8%</p>"
    )
    assert _TEXT_NODE.sub(_typeset_text, page) == page.replace("рост 8%", f"рост 8{NB}%")


def test_the_options_current_price_is_printed_no_more_precisely_than_the_rounded_payment():
    from sergek_report.chapter import precision

    # the midpoint of 181 064 (exact) and ≈ 161 714 (a payment rounded to a tenth of a billion)
    assert precision.figure("current_monthly_price", 171_389.0, "тенге") == (
        "\u2248\u00a0171\u00a0тыс.\u00a0тенге"
    )
    # the estimate from the exact obligations keeps its whole tenge
    assert (
        precision.figure("monthly_tariff_estimate", 181_064.01, "тенге")
        == "181\u00a0064\u00a0тенге"
    )


def test_a_rounded_source_figure_stands_for_half_its_last_step_either_side():
    from sergek_report.chapter import precision

    # «2,6 млрд тенге» (rounded to tenths of a billion): 2,55–2,65 bn, so the average payment
    # per complex-month (÷ 16 078) is known only to ±3 thousand tenge, and its ratio to
    # «общая стоимость» (≈ 1,0) only to one decimal
    assert rounding_interval(2.6e9) == (2.55e9, 2.65e9)
    low, high = (v / 16_078 for v in rounding_interval(2.6e9))
    assert round(low / 1e3, 1) == 158.6 and round(high / 1e3, 1) == 164.8
    assert rounding_interval(1641) == (1640.5, 1641.5)
    assert precision.figure("estimate2_vs_total_cost_p50", 1.0149, "") == "\u2248\u00a01,0"


def test_a_counted_unit_after_a_scale_word_agrees_with_the_scale_word():
    from sergek_report.chapter import precision

    # «69,7 тыс. комплексо-месяцев» (as after any «тыс.»), never «… комплексо-месяца», the
    # form «69,7» alone would take
    assert precision.figure("complex_months_2020_2025", 69_712.0, "комплексо-месяцев") == (
        "69,7\u00a0тыс.\u00a0комплексо-месяцев"
    )
    assert fmt.count(69.7, ("комплексо-месяц", "комплексо-месяца", "комплексо-месяцев"), 1) == (
        "69,7\u00a0комплексо-месяца"
    )


def test_a_range_of_figures_keeps_its_ends_on_one_line():
    """«8–» at a line's end and «12 млрд» on the next (the memo's table, s15): a word joiner
    after the dash of a range of figures; a range of sums in digit groups keeps its break
    after the dash (a narrow column could not hold «3 500 000–13 000 000 тенге» whole)."""
    from sergek_report.inputs.typography import typeset_page

    assert typeset_page("не хватит 8–12 млрд") == "не хватит 8–\u206012 млрд"
    assert typeset_page("13,6 (13,0–14,2)") == "13,6 (13,0–\u206014,2)"
    assert "\u2060" not in typeset_page("3 500 000–13 000 000 тенге")
    assert "\u2060" not in typeset_page("1 816–1 991 АПК")
    # a Kazakh case ending after a number or percent sign stays with it (review s24: «98,1-/ге»)
    assert typeset_page("98,1-ге дейін") == "98,1-\u2060ге дейін"
    assert typeset_page("18 %-ға") == "18\u00a0%-\u2060ға"
    assert typeset_page("АБК-ге") == "АБК-ге"  # an abbreviation's ending may break as a word
    # a law's number, Latin, as written; the sign kept with it (review s26j)
    assert typeset_page("№ 379-V") == "№\u00a0379-V"
    # an abbreviation and its number on one line (review s26j: «ст.» ended a line)
    assert typeset_page("(п. 3 ст. 17 Закона") == "(п.\u00a03 ст.\u00a017 Закона"
    assert typeset_page("табл. 32, с. 41; рис. 3") == "табл.\u00a032, с.\u00a041; рис.\u00a03"
    assert typeset_page("пп. 12") == "пп.\u00a012"
    # not a sentence's end before a number, nor an abbreviation before a word
    assert typeset_page("Алматы. 3 раза") == "Алматы. 3 раза"
    assert typeset_page("ст. Ф") == "ст. Ф"
    assert typeset_page("news/6502970-v-almaty") == "news/6502970-v-almaty"  # an address
    assert "\u2060" not in typeset_page("январь–март")


def test_a_year_keeps_its_abbreviation_on_its_line():
    from sergek_report.inputs.typography import typeset, typeset_page

    # «2027 / г. — 30,3» was split at a line's end inside a table cell
    assert typeset_page("2027 г. — 30,3; 2027–2029 гг. — 51,0") == (
        f"2027{NB}г.{NB}— 30,3; 2027–\u20602029{NB}гг.{NB}— 51,0"
    )
    assert typeset_page("2027 ж. шығыстары") == f"2027{NB}ж. шығыстары"
    # a year's own digits, not a sum's last group or a decimal
    assert typeset_page("1,2027 г.") == "1,2027 г."
    # the catalog's messages keep the texts as the loader reads them
    assert typeset("2027 г.") == "2027 г."


def test_a_spaced_dash_never_begins_a_line():
    """«— лишь на год» began a line of the memo (review s45): the dash between words is bound
    to the word before it by a no-break space, on the page and in a drawing's wrapped lines;
    the space after it still breaks, and a dash of a range of figures is not touched."""
    from sergek_report.chapter import diagrams
    from sergek_report.inputs.typography import typeset, typeset_page

    assert typeset_page("договор — лишь на год") == f"договор{NB}— лишь на год"
    # a text node that begins with the dash, after an inline tag (`<b>…</b> — …`)
    assert typeset_page(" — лишь на год") == f"{NB}— лишь на год"
    assert typeset_page("2027–2029") == "2027–\u20602029"
    # the catalog's messages keep the texts as the loader reads them
    assert typeset("договор — лишь на год") == "договор — лишь на год"
    # a drawing's label: wherever it breaks, no line starts with the dash
    label = "если договор не продлят — первый день без договора ГЧП"
    for width in range(40, 200, 5):
        lines = diagrams.wrap(label, width)
        assert not any(line.startswith("\u2014") for line in lines), (width, lines)
        assert " ".join(lines).replace(NB, " ") == label


def test_items_of_a_cell_take_no_capital_after_a_semicolon():
    # review of 4 Dec 2026: «(86 %); Рост цены 2027–2029 (7 %)», «… 2027 г.; Приостановка …»
    assert fmt.listed(["Комплексы в договоре Павлодара (86 %)", "Рост цены 2027–2029 (7 %)"]) == (
        "Комплексы в договоре Павлодара (86 %); рост цены 2027–2029 (7 %)"
    )
    # an abbreviation and a name keep their capitals
    assert fmt.listed(["Разрыв", "ГЧП не успевает", "Караганда"]) == (
        "Разрыв; ГЧП не успевает; Караганда"
    )
    assert fmt.listed([]) == ""


def test_a_spread_is_shown_only_if_its_figures_differ_as_printed():
    """The appendix's table of the joint calculation prints a row only if its P10, median
    and P90 do not all print the same: «≈ 1,0 | ≈ 1,0 | ≈ 1,0» told nothing (review s10c)."""
    from sergek_report.chapter import precision, units

    same = [precision.figure("estimate2_vs_total_cost_p50", v, "") for v in (0.98, 1.01, 1.04)]
    assert not units.spread_shown(same)
    assert units.spread_shown(["0,77", "0,89", "1,02"])
    assert units.spread_shown(iter(["≈ 1,0", "≈ 1,1", "≈ 1,1"]))  # any iterable, read once


def test_a_range_whose_ends_both_have_decimals_prints_as_many_at_each_end():
    """«в 1,10–1,92 раза», not «1,1–1,92» (the trailing zero of 1,0977 at two decimals
    dropped from one end read as a coarser figure); an end without decimals stays («1,5–2»)."""
    assert fmt.count_range(1.0977, 1.921, ("раз", "раза", "раз"), 2) == f"1,10–1,92{NB}раза"
    assert fmt.number_range(1.5, 2.0) == "1,5–2"
    assert fmt.percent_range(0.5, 12.25, 2) == f"0,50–12,25{NB}%"
    assert fmt.number_range(8.4, 8.6) == "8,4–8,6"
