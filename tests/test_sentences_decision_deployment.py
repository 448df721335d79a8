"""The data-dependent sentences of the chapters «Решение на 1 января 2027 года» and
«Развёртывание» (sergek_report/chapter/sentences.py), each against text checked by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from sergek_report.chapter import sentences

NBSP = "\u00a0"


def milestones(*rows: tuple[str, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["date", "complexes"])


# --- 01b_decision_2027 -----------------------------------------------------------------------


def test_a_range_above_the_known_sum_is_more():
    assert sentences.more_or_less(11.3e9, 12.6e9, 9.99e9) == "больше"


def test_a_range_below_the_known_sum_is_less():
    assert sentences.more_or_less(11.3e9, 12.6e9, 14.6e9) == "меньше"


def test_a_range_around_the_known_sum_depends_on_the_estimate():
    assert (
        sentences.more_or_less(13.0e9, 16.8e9, 14.6e9)
        == "в зависимости от оценки больше или меньше"
    )


def cameras(factor, inverse, at_least=False, count=9000.0):
    """A stand-in for model.cameras.CamerasPerComplex with what the sentences read."""
    from types import SimpleNamespace

    return SimpleNamespace(
        factor=factor, inverse=inverse, almaty_at_least=at_least, almaty_cameras=count
    )


def test_almaty_s_cameras_are_printed_as_their_source_gives_them():
    assert (
        sentences.cameras_counted(cameras((1, 1), (1, 1), True)) == f"более 9{NBSP}000{NBSP}камер"
    )
    assert sentences.cameras_counted(cameras((1, 1), (1, 1), False, 7894.0)) == (
        f"7{NBSP}894{NBSP}камеры"
    )


def test_an_almaty_complex_dearer_at_either_end_of_pavlodar_s_range():
    # 9 000 / 1 641 = 5.4845 cameras per complex; Pavlodar's 1 287 over 240 and 420 complexes:
    # 5.3625 and 3.0643; 5.4845 / 5.3625 = 1.0228, 5.4845 / 3.0643 = 1.7898
    c = cameras((1.0228, 1.7898), (0.5587, 0.9778))
    assert sentences.per_camera_price(c) == f"в 1,02–1,79{NBSP}раза дороже"


def test_a_lower_bound_of_almaty_s_cameras_makes_the_factor_one_too():
    c = cameras((1.0228, 1.7898), (0.5587, 0.9778), at_least=True)
    assert sentences.per_camera_price(c) == f"по меньшей мере в 1,02–1,79{NBSP}раза дороже"


def test_an_almaty_complex_cheaper_at_either_end_says_how_many_times_cheaper():
    # factor 0.4 and 0.8: 1 / 0.8 = 1.25 and 1 / 0.4 = 2.5 times cheaper (both ends at two decimals)
    c = cameras((0.4, 0.8), (1.25, 2.5))
    assert sentences.per_camera_price(c) == f"в 1,25–2,50{NBSP}раза дешевле"
    c = cameras((0.4, 0.8), (1.25, 2.5), at_least=True)
    assert sentences.per_camera_price(c) == f"не больше чем в 1,25–2,50{NBSP}раза дешевле"


def test_a_range_across_one_says_both_directions():
    # the reviewer's reading, 100 complexes at the low end: 5.4845 / 12.87 = 0.4261,
    # 1 / 0.4261 = 2.3466 times cheaper; 1.7898 times dearer at the other end
    c = cameras((0.4261, 1.7898), (0.5587, 2.3466))
    assert sentences.per_camera_price(c) == (f"от 2,35{NBSP}раза дешевле до 1,79{NBSP}раза дороже")


# --- 02_deployment ---------------------------------------------------------------------------


def test_in_month_puts_the_month_in_the_prepositional_case():
    assert sentences.in_month("2024-11-30") == "в ноябре 2024 года"
    assert sentences.in_month(dt.date(2022, 1, 17)) == "в январе 2022 года"
    assert sentences.in_month(pd.Timestamp("2019-05-01")) == "в мае 2019 года"


def test_a_count_unchanged_since_an_earlier_milestone_names_the_first_one():
    deployment = milestones(
        ("2024-01-01", 1341), ("2024-11-30", 1641), ("2025-06-30", 1641), ("2025-12-31", 1641)
    )
    reported = deployment.iloc[-1]
    assert (
        sentences.count_against_earlier(deployment, reported)
        == "столько же, сколько уже в ноябре 2024 года"
    )


def test_a_count_that_changed_says_by_how_much_since_the_previous_milestone():
    deployment = milestones(("2022-11-30", 766), ("2024-01-01", 1341), ("2024-11-30", 1641))
    assert (
        sentences.count_against_earlier(deployment, deployment.iloc[-1])
        == "на 300 больше, чем в январе 2024 года"
    )
    fewer = milestones(("2021-04-30", 460), ("2022-01-17", 410))
    assert (
        sentences.count_against_earlier(fewer, fewer.iloc[-1])
        == "на 50 меньше, чем в апреле 2021 года"
    )
    pilot_to_peak = milestones(("2019-04-01", 10), ("2024-11-30", 1641))
    assert (
        sentences.count_against_earlier(pilot_to_peak, pilot_to_peak.iloc[-1])
        == f"на 1{NBSP}631 больше, чем в апреле 2019 года"
    )


def test_the_latest_count_report_is_the_latest_dated_source_up_to_the_first_plan():
    deployment = pd.DataFrame(
        [
            ("2024-11-30", 1641, "reported", "bizmedia"),
            ("2025-12-31", 1641, "reported", "kt"),
            ("2026-03-01", 1991, "planned", "inform"),
            ("2027-01-01", 2500, "planned", "later_plan"),
        ],
        columns=["date", "complexes", "status", "source_id"],
    )
    sources = pd.DataFrame(
        {"published": ["2024-11-30", "", "2026-02-07", "2026-06-01"]},
        index=["bizmedia", "kt", "inform", "later_plan"],
    )
    # The plan's source of 7 February 2026 is later than the last reported milestone; the
    # second plan's source is not a report of the working network; the undated one is skipped.
    assert sentences.latest_count_report(deployment, sources) == dt.date(2026, 2, 7)
    only_reported = deployment.iloc[:2]
    assert sentences.latest_count_report(only_reported, sources) == dt.date(2025, 12, 31)


def test_the_first_milestone_has_nothing_to_compare_with():
    deployment = milestones(("2019-04-01", 10))
    assert (
        sentences.count_against_earlier(deployment, deployment.iloc[0])
        == "это первое сообщение о числе комплексов"
    )


def test_the_site_split_sentence_follows_the_data():
    split = pd.DataFrame({"date": ["2020-12-31"], "intersections": [78.0], "linear": [336.0]})
    assert sentences.site_split_intro(split) == (
        "Разделение комплексов на перекрёстки и линейные участки известно лишь для отдельных "
        "дат, и источники расходятся между собой."
    )
    assert (
        sentences.site_split_intro(split.iloc[0:0])
        == "Разделение по типам участков в данных не приведено."
    )


# --- the memo's plain ranges (decision_tables.amount, likely) ---------------------------------


class _Summary:
    """An appraisal summary with one output: base 35,549 bn, P10 20,18 bn, median 37,63 bn,
    P90 52,74 bn."""

    values = {"point": 35.549e9, "p10": 20.18e9, "p50": 37.63e9, "p90": 52.74e9}

    def get(self, output, column="point"):
        assert output == "announced.cash_2027"
        return self.values[column]


def test_an_amount_is_the_median_with_its_range_in_words_not_nested_brackets():
    from sergek_report.chapter import decision_tables

    text = decision_tables.amount(_Summary(), "announced.cash_2027")
    assert text == f"37,6{NBSP}млрд тенге (от 20,2 до 52,7)"
    assert text.count("(") == 1


class _Narrow(_Summary):
    """The stopgap's two months: median 0,66 bn, P10 0,58 bn, P90 0,71 bn (the p. 9 slip of
    the 3 Dec 2026 edition: «около 0,7 млрд тенге (от 0,6 до 0,7)»)."""

    values = {"point": 0.68e9, "p10": 0.58e9, "p50": 0.66e9, "p90": 0.71e9}


def test_a_median_that_rounds_to_an_end_of_its_range_is_said_as_the_range():
    from sergek_report.chapter import decision_tables

    assert decision_tables.amount(_Narrow(), "announced.cash_2027", about=True) == (
        f"0,6–0,7{NBSP}млрд тенге"
    )
    assert decision_tables.amount(_Summary(), "announced.cash_2027", about=True) == (
        f"около 37,6{NBSP}млрд тенге (от 20,2 до 52,7)"
    )

    class _One(_Summary):
        values = {"point": 0.7e9, "p10": 0.68e9, "p50": 0.7e9, "p90": 0.72e9}

    assert decision_tables.amount(_One(), "announced.cash_2027", about=True) == (
        f"около 0,7{NBSP}млрд тенге"
    )


def test_a_gap_says_whom_to_ask_and_where_to_check():
    """«держатели — акимат Павлодарской области; портал госзакупок» (s9b review, p. 7, 17,
    27): the bodies are asked, the public portal is searched; one phrase, not two
    instructions after a semicolon («…; направить запрос …; проверить …», review s11d)."""
    assert sentences.where_to_ask("Акимат Павлодарской области; портал госзакупок") == (
        "запросить через акимат Павлодарской области или найти на портале госзакупок"
    )
    assert sentences.where_to_ask("Департамент полиции г. Алматы; управление финансов") == (
        "запросить через департамент полиции г. Алматы и управление финансов"
    )
    assert sentences.where_to_ask("Портал государственных закупок") == (
        "найти на портале государственных закупок"
    )


def test_several_holders_are_a_plural_subject_listed_with_and():
    """«Рассчитать её может управление цифровизации; управление финансов; департамент
    полиции» (s8, p. 7): several holders take «могут» and read «A, B и C»."""
    cell = "Управление цифровизации; управление финансов; департамент полиции"
    assert sentences.holders_can(cell) == (
        "могут управление цифровизации, управление финансов и департамент полиции"
    )
    assert sentences.holders_can("Управление цифровизации г. Алматы") == (
        "может управление цифровизации г. Алматы"
    )
    assert sentences.holders("Акимат Алматы; аппарат маслихата (решения)") == (
        "акимат Алматы и аппарат маслихата (решения)"
    )


def test_p10_p90_in_plain_words():
    from sergek_report.chapter import decision_tables

    # 80 % of the draws lie between P10 and P90: eight cases out of ten; one below P10
    assert decision_tables.in_cases_of_ten(8) == "в 8 случаях из\u00a010"  # «из 10» on one line
    assert decision_tables.in_cases_of_ten(1) == "в 1 случае из\u00a010"


def test_the_other_cities_dates_are_no_more_precise_than_their_sources():
    """Review of 3 Dec 2026 (s5), D19: an undated source «около 2021 г.» printed as «январь
    2021», a year as «январь 2025»."""
    from sergek_report.chapter import decision_tables

    assert decision_tables.dated_to_precision("2017-09-15", "day") == "сентябрь 2017"
    assert decision_tables.dated_to_precision("2024-05-01", "month") == "май 2024"
    assert decision_tables.dated_to_precision("2025-01-01", "year") == "2025"
    # an approximate date in words, the genitive after «около» («≈» marks computed figures)
    assert decision_tables.dated_to_precision("2021-01-01", "approx") == "около 2021 г."
    assert decision_tables.dated_to_precision("2024-06-01", "approx") == "около июня 2024 г."
