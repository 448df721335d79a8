"""The title page's key figures (chapter/key_facts.py): the memo's figures, computed once and
printed as the memo prints them; the days left agree with their number; in Kazakh too. (That
the built cover shows them: tests/test_report.py; that they fit a phone: tests/test_phone.py.)"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sergek_report import paths
from sergek_report.build import render
from sergek_report.chapter import decision_tables, fmt, key_facts, precision
from sergek_report.model import budget_line
from sergek_report.model.computed import compute_edition

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def computed():
    return compute_edition(paths.DEFAULT_PARAMS, paths.DATA_DIR)


def test_the_cover_prints_the_memos_budget_line_days_network_and_todays_price(computed):
    r, edition_date = computed.results, computed.edition.edition_date
    facts = key_facts.cover_facts(r, edition_date)
    assert [f.figure for f in facts] == [
        f"32{NBSP}млрд{NBSP}тенге",
        # the later years' lines, drawn as the 2027 line, beside it (reviews s29b–s29d:
        # «27 млрд тенге» beside «27 дней» read as linked)
        f"35 и 38{NBSP}млрд{NBSP}тенге",
        # (s36a, s36b: «27 дней» beside «27 млрд» read as one figure twice: the contract's
        # last day, the days left under it)
        f"31{NBSP}декабря",
        # (s46m: what the city pays now, beside the line: today's price for 2027, the memo's
        # «3,9» and Fig. 3's last bar)
        f"3,9{NBSP}млрд{NBSP}тенге",
    ]
    assert facts[2].text.startswith(f"до конца договора 27{NBSP}дней (на 4{NBSP}декабря); ")
    u = r.appraisal
    # the line: the upper end of the contract from the first day at the city's reading (28,4),
    # per camera at Almaty's latest exact count (× 1,0977: 31,2), rounded up to a whole
    # billion; the memo's «заложить 32 млрд тенге» and the key figure print it alike
    line = r.budget_line.amount
    assert decision_tables.bn(u.get(budget_line.BUDGET_LINE, "p90")) == "28,4"
    assert decision_tables.bn(r.budget_line.per_camera) == "31,2"
    assert line == 32e9
    assert facts[0].figure == precision.figure("budget_line_2027", line, "тенге")
    # the line is drawn from the dearest start, the first day (reviews s41a, s41b: a line for
    # the stop-gap's path asked an earlier announcement for an amendment): the paths realistic
    # on 1 January, the stop-gap's 27,6 and the gap's 27,5, start the contract later and are
    # within it
    stopgap, gap = (
        u.get(o, "p90")
        for o in ("service_pavlodar_city.cash_2027", "no_bridge_pavlodar_city.cash_2027")
    )
    assert decision_tables.bn(stopgap) == "27,6" and decision_tables.bn(gap) == "27,5"
    assert r.budget_line.upper_end == u.get(budget_line.BUDGET_LINE, "p90") > stopgap > gap
    # the later years' lines (31,1 and 34,4, per camera 34,2 and 37,8, rounded up), headed
    # (review s12b: the vote commits the city for three years; s16h: not central estimates
    # beside an upper end)
    today = u.get(decision_tables.TODAY_PRICE, decision_tables.CENTRAL)  # the median, as Table 1
    # (review s14a: the two ends are two central estimates, not a range)
    # (review s16b: «ожидаемый» read as a mean; the two figures are medians)
    # (review s16e: not «вероятный путь», as the stop-gap waits on the lawyers)
    # (s17a: to the end of 2029, as the model prices the contract; the growth they hold,
    # the assumption's upper end, which the base case does not assume)
    assert facts[1].text == (
        # (s18d: the vote is for three years, 32 + 35 + 38 = 105)
        # (s19b–s19d: a caption, not a paragraph: the growth and the one-year contract's
        # shortfall are the memo's recommendation 1)
        # (s31a, s31b: the one-year contract's cost: it pays for the equipment in its year)
        # (s31b–s31d: the one-year contract's 2027 cost at most, the line's path and the
        # equipment drawn together: 25,5 + 17,8 ≈ 43,3 at the medians)
        # (s32c, s32d: the one-year contract's 43,3 read as a second headline figure: the
        # memo's case б)
        # (s33g, s33h, s33j, s33l: the condition that changes the vote on the title page, as a
        # condition of the later lines: the one-year contract's upper end, 51,8)
        f"суммы в бюджете на 2028 и 2029 годы (вместе с{NBSP}2027 годом — 105{NBSP}млрд{NBSP}"
        # (s33p: «до 51,8» an alarm without its cause: the equipment paid within the year)
        # (s34a: «с оплатой всего оборудования» read as a sum to budget: paid at once, said)
        # (s34c, s34d: «оплатят сразу» read as certain: the memo's condition, said)
        # (s34e, s34f: «до 51,8» still read as an alternative line: what changes for the
        # vote, and where the figure is, recommendation 3)
        # (s35a, s35b: «может не хватить» beside the memo's «хватит» read as a
        # contradiction: when the line is enough, said as a condition)
        # (s35d, s35g, s35h: why, said: the one-year contract pays for the equipment within
        # its year, the memo's case «а»)
        # (s36a, s36c, s36d: «и 27 не хватит» read as flat: recommendation 3's condition)
        # (s36k, s36l: «он» ambiguous: the contract's payments, said; Table 2 has the cost)
        # (s38a, s38b: cards of five lines of conditions: the one-year contract's cost is
        # the memo's Table 2's)
        "тенге); без них договор — лишь на год"
    )
    assert decision_tables.bn(today) == "3,9"
    # the memo's «до окончания договора 28 дней», from the edition's date
    assert edition_date == dt.date(2026, 12, 4) and r.extension_end == dt.date(2026, 12, 31)
    assert key_facts.days_left(r, edition_date) == 27
    # the realistic path's deadline: the longest procurement (60 days) ends within the
    # stop-gap (to 28 February) if announced by 31 December (1 March − 60 days); a contract from
    # 1 January only with the shortest, announced by 22 December (reviews s12a, s12c)
    assert r.procurement_latest_start_in_stopgap == dt.date(2026, 12, 31)
    # (reviews s13a, s13b: the stop-gap said in words, with its cap; the contract from
    # 1 January as unlikely; s13g: the cards were paragraphs, the contract's own deadline,
    # 22 December, is the memo's)
    # (review s14a: «не позднее» alone read as time to spare: now, and the latest day)
    # (review s16b: «сейчас» beside «не позднее 31 декабря» pulled two ways: the last day
    # said with the contract it gives, from 1 March, 31 December + 60 days)
    # (s16e: the last day said as such, and what covers the months before the contract)
    # (s16h: three conditions in a headline card; a contract on 1 March is not new cameras
    # working then)
    # (s17a: «немедленно» and the last day competed; the lawyers' condition in brackets)
    assert facts[2].text == (
        # (s19a, s19b: the last day said as what it gives: a contract with no margin)
        # (s19g: «немедленно» then «даже 31 декабря» read as a contradiction: the last day
        # said as such, with what ends when its procurement, 60 days, does)
        # (s20q, s20r: three conditions and two dates in one sentence: what to do and its
        # last day, then what covers the months before the contract)
        # (s19b–s19d: five ideas in a card; the gap after 1 March is the memo's, its
        # recommendation 3; s20f: the stop-gap ends on 28 February, the contract follows)
        # (s21a–s21d: the last day without the stop-gap too: 22 December + 10 days = 1
        # January)
        # (s22a, s22b: «последний день — 31 декабря» read as the contract's last day: the
        # last day to announce, with what each gives)
        # (s23m, s23n: still one long conditional, and the maslikhat announces nothing: the
        # akimat's two last days; the contract from 1 January is recommendation 2's)
        # (s24a: «не позднее 22 декабря …; позже — перерыв» read as no gap after an
        # announcement by 22 December: without the extension a gap is likely)
        # (s24c: «продление» read as the extension the council ruled out: the stop-gap's name)
        # (s24i, s24j: the akimat's action with a verb, its condition, then the gap, said as
        # the memo's recommendation 4 says it)
        # (s25k, s25l: «не позднее» read as slack: now, and the last day has no margin)
        # (s26d: which the condition applied to was unclear: three plain sentences)
        # (s26h: still hard to parse: the last day, then its two conditions)
        # (s29g, s29j: the action is the first of the title page's checks)
        # (s30a, s30j: cards of seven lines: the edition's date is printed above them)
        # (s28a: 31 December read as a fixed rule: why that day, 31 December + 60 days =
        # 1 March, the day after the two months' stop-gap ends)
        # (s28i, s28j: «к концу временной меры» read as a day to spare: the day it ends, 1
        # March, the day after the stop-gap's 28 February)
        # (s29a, s29b: a card read as a paragraph: the stop-gap's condition and the gap without
        # it are the memo's opening)
        # (s29e, s29f: the last day without its condition read as unconditional)
        # (s29g: «сразу после неё, — запаса нет» ambiguous and mispunctuated)
        # (s30a, s30j: the year is the edition's; the first check under the cards says it)
        # (s31f: «закупка, объявленная 31 декабря» read as the plan: the last day said as such)
        # (s30b: «когда истечёт» beside the memo's «до 28 февраля»: the day after it)
        # (s30a, s30j: the stop-gap's months and end are the memo's opening)
        # (s31a: «временная мера» said at its first use)
        # (s32c, s32d: «не позднее 31 декабря» read as slack, and the count had no date)
        # (s33c, s33e, s33f: the room went to the proposal's «хватит 15»: the stop-gap unnamed)
        # (s33o, s33p: who announces it: the akimat)
        # (s34k: «последний день» did not say for what: the announcement's «не позже»)
        # (s35a, s35b: no subject, no verb: telegram style; the title page's room: the
        # margin is the memo's opening)
        # (s36a, s36b: the card's figure is the last day; the days left, 31 − 4 = 27, said)
        # (s36k, s36l: «при продлении до её итогов — не позже» elliptical; s37a, s37b: the
        # last day said without its condition: the action, then the condition in a clause)
        # (s37n, s38a, s38b: «сейчас» beside «не позже»: one deadline, said as the title
        # and the first check say it)
        # (s40a–s40f: «как можно раньше» beside a line for 1 March: the line's deadline)
        # (s42f: what is procured, and who announces it)
        # (s43h–s43j: 31 December holds only with the stop-gap: its condition; s43s, s43t:
        # three dates for one action: the day that holds without it, 22 December)
        # (s46c: 22 December serves the contract from 1 January only: what it gives, said)
        # (s46l, s46m, s47a, s47b: 22 December alone beside a recommended path priced at
        # 31 December: the card's day, the path's, then 22 December with its condition)
        # (s47e: «иначе с 1 января перерыв» read as a promise: likely anyway, said)
        # (s48a, s48b: «без продления» read as «if not extended at all»)
        # (s48c, s48d: two days in one clause: the card's day and what the opinion decides)
        # (s48g, s48h: two days read as rival deadlines: one rule, «сразу», and what 22
        # December loses: the contract from 1 January, the shortest procurement's 10 days)
        f"до конца договора 27{NBSP}дней (на 4{NBSP}декабря); закупку объявить сразу: после "
        f"22{NBSP}декабря договор с 1{NBSP}января невозможен"
    )
    assert decision_tables.announce_by(r) == r.procurement_latest_start_range[1]
    # what the line is, as the memo composes it (reviews of 4 Dec 2026: the cover's 47 words;
    # an upper estimate, not a «ceiling» that «may not be enough», s12a; s13g, s14b: the
    # likely paths' need and the margin above it, 28,43 − 24,36 ≈ 4; s14a: not «enough for any
    # path», which a price per camera would exceed); the cheaper reading's 16,2 (the region's
    # P90: 9 bn / 3 / 420 × 1,123 × 1 991 ≈ 16,0 at its base)
    # (s14c, s14d: the card packed three figures; the likely paths' 24,4 and the margin are
    # the memo's)
    # (s14e–s14g: the likelier reading first, the line above it said as insurance)
    # (s15b: the line on the likely path; the cheaper reading's need on that path, 14,2)
    # (s15d: «с запасом» held only against the cheaper reading: the line said as the
    # dearer reading's upper end)
    # (s16b: not «верхняя граница», which the memo's dearer cases exceed: a margin until
    # Pavlodar's contract says which complexes its sum pays for)
    # (s16e: «с запасом» overstated a line the per-camera case exceeds: the P90 said as
    # what it is, enough in nine cases of ten)
    # (s16f: nor «хватит в 9 случаях из 10», which the per-camera case exceeds)
    # (s16h: the line now covers every reading of Pavlodar's sum, per camera too, and says so)
    # (s17a: an upper end, nine cases in ten, per camera only just; «вероятнее» the
    # authors' judgement)
    # (s17d–s17h: per camera at a lower-bound count the line fell short; now drawn at the
    # dearest reading, which the card names instead of the conditions it holds under)
    assert facts[0].text == (
        # (s18g: seven qualifiers: the line holds until Pavlodar's contract is checked; the
        # likelier reading's line, 14,22 rounded up to 15, as the memo's Table 2)
        # (s19g: the likelier reading's need said, the reading itself is the memo's)
        # (s20e–s20o: the likelier line beside it read as the headline's rebuttal: the card
        # says what the line is, a rule of caution, and the way down; the memo gives the 15)
        # (s21l–s22d: a tile of 35 words read as a paragraph: the figure and its condition)
        # (s22h: the check may show a dearer price too)
        # (s23i–s23k: «покажет он другую цену — строку уточнят» clipped; the jump from today's
        # price first explained on p. 3: what the line buys and the same year at today's
        # price, the memo's Table 2 «Нынешняя цена» 3,9, beside it)
        # (s26a: «трёх цен Павлодара», «его договор» a puzzle: two plain sentences)
        # (s30a, s30j: cards of seven lines: today's price and the cases the line does not
        # cover are the chart's under the cards, and the memo's)
        # (s38a, s38b: a card of conditions read as a paragraph, and «хватит» as certain:
        # what the line is drawn at, and where its cases are, the memo's Table 2)
        # (s41c, s41d: 32 beside today's 3,9, the jump unexplained: what the line buys)
        # (s41f: «самая дорогая цена» read as several tariffs: the variant the chart names)
        # (s41g, s41h: «по варианту 3 цены Павлодара» not yet introduced: what it takes
        # Pavlodar's sum to pay for, in words)
        # (s42a, s42b: «Павлодар платит за камеру» read as a fact: the dearest variant, and
        # what it takes the price to pay for)
        # (s43a, s43b: «за каждую камеру» read as Almaty paying per camera, «когда не
        # хватит» as a moment: the one price found and its reading, the cases)
        # (s43e, s43f: «прочтение» coined: the dearest of the chart's three variants)
        # (s44a–s44j: «строка» the authors' shorthand where a deputy first reads it)
        # (s46a–s46c: the line, a ceiling, without what the recommended path costs: 27,4,
        # the stop-gap's path at the line's variant, Fig. 3's first bar)
        # (s49a, s49b: 27,4 is priced at an announcement on 31 December, the title demands
        # it at once: both ends, up to the contract from 1 January's 29,8)
        # (s49f: «чем раньше, тем больше» read as a reason to wait: what at once buys)
        # (s50a, s50b: two timings beside «сразу»: the path at an announcement drawn over the
        # days left, from the edition's, 4 December, to the last day, 31 December)
        f"сумма в бюджете 2027 года — предел; расход — около 28,4{NBSP}млрд при закупке, "
        f"объявленной между 4 и 31{NBSP}декабря; если не хватит — табл.{NBSP}2"
        # (s26o: «пока он не найден» read as ambiguous: the contract named)
        # (s28j: the dearest price read as a ceiling: the two cases it does not cover, the
        # memo's «не хватит» a) and в))
        # (s29a: from 1 January the cheapest price fits: «может не хватить»; s29b: «его
        # договор» ambiguous)
        # (s30c: Karaganda's price is not introduced on the cover)
        # (s31a, s31b: the caution said with the likeliest variant's line, the memo's 15)
        # (s31c, s31d: three signals in one card: the cases it does not cover are the chart's)
        # (s31c, s31e: «трёх возможных цен» beside the chart's four bars: Pavlodar's three)
        # (s32c, s32d: the likeliest variant's 15 beside the 27 invited a cut; the memo's)
        # (s32i: why Pavlodar: the only price found)
        # (s33o, s33p: the premise said where the figure is: one news item, 9 bn for three
        # years (Profit.kz: «из бюджета было выделено 9 млрд тенге», «в течение 3 лет»))
        # (s35a, s35b: «её прочтению» ambiguous: the sum's reading, said)
        # (s36k, s36l: «по самому дорогому» read as covering every case: Table 2's are not;
        # s37a–s37d: «не на все случаи» vague: the two cases named, as Table 2's rows 2 and
        # 3; the third, the one-year contract, is the next card's; Pavlodar's one news item
        # is the memo's)
        # (s37g: «самый дорогой» then «не хватит» read as a contradiction: what the line
        # holds, the stop-gap at each of Table 1's variants, then what it does not)
    )
    # today's price for 2027, and what it is to the line: the upkeep of the complexes the city
    # may receive, the authors' judgement, and the new equipment the line holds (s50a–s50d:
    # beside the line it read as the cheaper path not taken); «АПК» spelled out on the title
    # page (s26o, s27b, s44m)
    assert facts[3].text == (
        "2027 год по нынешней цене; не дороже (суждение авторов) — обслуживание действующих "
        "АПК (аппаратно-программных комплексов), если они перейдут городу; "
        f"в 32{NBSP}млрд{NBSP}тенге — и новое оборудование всех АПК"
    )
    assert decision_tables.bn(u.get(budget_line.EXTENSION, "p50")) == "3,9"
    assert "2027 года" in facts[0].text


def test_the_cover_network_card_without_the_appraisal(computed):
    """Without an appraisal (no price to set beside the line) the fourth card is the network's:
    its lower end is the assumption that half the new complexes work (s13g)."""
    r = dataclasses.replace(computed.results, appraisal=None)
    facts = key_facts.cover_facts(r, computed.edition.edition_date)
    assert facts[1].text == (
        # (s26o, s27b: «АПК» undefined on the cover: what they are, said; s28a: «камерных»
        # means «chamber»: the abbreviation spelled out)
        # (s30a, s30j: cards of five lines: the figure's «АПК» says «в сети»)
        # (s44m: «АПК аппаратно-программных комплексов» read as a tautology: in brackets)
        "(аппаратно-программных комплексов) фиксации нарушений "
        # (s36l: «действующие (1 641) и от половины до всех новых (350; …)» hard to parse:
        # the counts, 1 816 − 1 641 = 175, half of 350)
        f"на {fmt.date_long(r.decision_day)}: действующих — 1{NBSP}641, новых — от 175 до "
        "350 (допущение)"
    )


@pytest.mark.parametrize(
    ("edition_date", "figure"),
    [
        (dt.date(2026, 12, 30), "1 день"),
        (dt.date(2026, 12, 29), "2 дня"),
        (dt.date(2026, 12, 26), "5 дней"),
        (dt.date(2026, 12, 10), "21 день"),
        (dt.date(2026, 12, 9), "22 дня"),
        (dt.date(2026, 12, 3), "28 дней"),
        (dt.date(2026, 12, 31), "0 дней"),
    ],
)
def test_the_days_left_agree_with_their_number(computed, edition_date, figure):
    facts = key_facts.cover_facts(computed.results, edition_date)
    assert facts[2].figure == f"31{NBSP}декабря"
    assert facts[2].text.startswith(f"до конца договора {figure.replace(' ', NBSP)} (на ")


def test_after_the_contract_has_ended_no_days_are_counted(computed):
    facts = key_facts.cover_facts(computed.results, dt.date(2027, 1, 2))
    assert len(facts) == 3 and not any("до конца договора" in f.text for f in facts)


def test_without_the_appraisal_the_cover_keeps_the_days_and_the_network(computed):
    r = dataclasses.replace(computed.results, appraisal=None)
    facts = key_facts.cover_facts(r, computed.edition.edition_date)
    assert [f.figure for f in facts] == [f"31{NBSP}декабря", f"1{NBSP}816–1{NBSP}991{NBSP}АПК"]


def test_the_cover_facts_in_kazakh(computed, kazakh):
    facts = key_facts.cover_facts(computed.results, computed.edition.edition_date)
    assert [f.figure for f in facts] == [
        f"32{NBSP}млрд{NBSP}теңге",
        f"35 және 38{NBSP}млрд{NBSP}теңге",
        f"31{NBSP}желтоқсан",
        f"3,9{NBSP}млрд{NBSP}теңге",
    ]
    # the translation asks for the cases of the dates: «… 1 наурыздан басталады», «2027 жылғы
    # 1 қаңтарда желіде»; an amount's: «24,4 млрд теңгеге»
    # (s20q, s20r: the action and its last day; s21a–s21d: without the stop-gap, 22
    # December: «1 наурызға дейін», «1 қаңтардан», the cases the translation asks for)
    # (s22a, s22b: the last day to announce, each with what it gives; the ablative the
    # translation asks for: «31 желтоқсаннан кешіктірмей»)
    text = facts[2].text.replace(NBSP, " ")
    assert text.startswith(
        # (s24a: the gap without the extension, the akimat's last day with it, in the
        # ablatives «бастап» and «кешіктірмей» ask)
        # (s24c: the stop-gap by its name, «уақытша шара», not «ұзарту»)
        # (s24i, s24j: the akimat's action first, its condition, then the gap; s25k, s25l:
        # now, the last day without margin; «кешіктірмей» and its ablative no longer asked)
        # (s29g, s29j: the action is the first of the title page's checks)
        # (s28a: why that last day: the longest procurement ends with the stop-gap)
        # (s28i, s28j: the day the longest procurement ends, 1 March, said)
        # (s29a, s29b: a card read as a paragraph: the gap without the stop-gap is the memo's)
        # (s30a, s30j: cards of seven lines)
        # (the title page's room in Kazakh: the stop-gap is the memo's first paragraph's)
        # (s33o, s33p: who announces: the akimat)
        # (s34k: «соңғы күн» did not say for what: the announcement's «кешіктірмей»)
        # (s37a, s37b: the action, then the last day with its condition, the stop-gap's)
        # (s38a, s38b: one deadline, as the title says it)
        # (the Kazakh title page's room after the chart's headings, s39a, s39b)
        # (s40a–s40f: «ертерек» beside a line for 1 March: the line's deadline)
        # (s42f: what is procured, and who announces it)
        # (s43h–s43j: 31 December holds only with the stop-gap: its condition; the Kazakh
        # title page's room: the imperative)
        # (s43s, s43t: three dates for one action: the day that holds without the stop-gap,
        # in the dative «дейін» asks)
        # (s46c: 22 December gives the contract from 1 January only: said, in the ablative)
        # (s46l–s47b: the card's day, the recommended path's, then 22 December with its
        # condition, in the dative «дейін» asks; the gap from 1 January in the ablative)
        # (s47e: the gap likely even then, said)
        # (s48a, s48b: «без продления» ambiguous: the lawyers' opinion; the room of the
        # Kazakh title page: the count's «дейін» and «күйінде» go)
        # (s48g, s48h: one rule, «дереу», and what 22 December loses, in the ablative)
        "шарт соңына 27 күн (4 желтоқсан); сатып алу — дереу: 22 желтоқсаннан кейін "
        "1 қаңтардан шарт мүмкін емес"
    )
    assert (
        facts[0]
        .text.replace(NBSP, " ")
        .endswith(
            # (the title page's checks took the room: the card shorter; s30a, s30j: the chart
            # under the cards says the cases)
            # (s33o, s33p: the premise, Pavlodar's one news item, said on the title page)
            # (s35a, s35b: «оның» ambiguous; the card's room: «ең қымбат түсіндірмемен»)
            # (s36k, s36l: the line does not hold every case: «кейде жетпейді», the title
            # page's room in Kazakh)
            # (s37a–s37d: the two cases the line does not hold, named)
            # (s37e: from variant 2 on; the title page's room in Kazakh: Table 2 is the next
            # card's reference)
            # (s37g: what the line holds, then what it does not)
            # (s38a, s38b: the cases are the memo's Table 2's)
            # (s41c, s41d: what the line buys: a contract with new equipment)
            # (s41g, s41h: what the variant takes Pavlodar's sum to pay for, in words)
            # (s42a, s42b: the dearest variant, and what it takes the price to pay for)
            # (s43a, s43b: «за каждую камеру» read as Almaty paying per camera: the reading)
            # (s46a–s46c: what the recommended path costs)
            # (s50a, s50b: at an announcement drawn over the days left)
            "сатып алу 4–31 желтоқсан аралығында жарияланса, шығыс ≈ 28,4 млрд; "
            "жетпесе — 2-\u2060кесте"
        )
    )
    # (s46m: today's price beside the line; s50a–s50d: what it is to the line, the upkeep
    # of the complexes the city may receive)
    assert (
        facts[3]
        .text.replace(NBSP, " ")
        .startswith("2027 жыл қазіргі бағамен; одан қымбат емес (авторлар пайымы) — АБК")
    )


def test_a_range_on_the_cover_never_breaks_after_its_dash():
    text = render._unbroken_ranges("диапазона P10–P90 и 2027–2029 гг. — не диапазон")
    assert text == "диапазона P10–\u2060P90 и 2027–\u20602029 гг. — не диапазон"


def test_the_cover_checks_pavlodars_contract_with_the_lines_it_gives(computed):
    """The title page's third check (reviews s31e, s31g): Pavlodar's contract, which moves the
    line from 32 to 17 (the memo's Table 3, third row); without the camera counts the line is
    the city's and no reading is per camera."""
    r = computed.results
    checks = [text.replace(NBSP, " ") for text in key_facts.cover_checks(r)]
    assert checks[2] == (
        # (s32f: the city's complexes too, as the memo's Table 2 first row)
        # (s33o: «Сумма за 420 АПК области — строка 15» read as code: a sentence)
        # (s35c: variant 1 is per complex: «за 420 АПК» alone does not give 15)
        "Найден ли договор Павлодара? Если за комплекс и 420 АПК области, хватит 17 млрд "
        "тенге; за 240 АПК города — 29 млрд; за камеру или не найден — 32 млрд"
    )
    city = dataclasses.replace(
        r, budget_line=dataclasses.replace(r.budget_line, line_reading="city")
    )
    assert (
        key_facts.cover_checks(city)[2]
        .replace(NBSP, " ")
        .endswith("области, хватит 17 млрд тенге; не найден — 32 млрд тенге")
    )
    # the card names no reading (reviews s43a, s43b), never «за каждую камеру» where the line
    # is the city's; the recommended path's cost is then the city's variant's, not 28,4
    card = key_facts.cover_facts(city, computed.edition.edition_date)[0].text.replace(NBSP, " ")
    assert card.startswith("сумма в бюджете 2027 года — предел; расход — около 25,8 млрд при ")
    assert "28,4" not in card and "камер" not in card
    assert key_facts.cover_checks(dataclasses.replace(r, appraisal=None)) == ()


def test_the_memos_cases_beyond_the_line_are_checked_against_it(computed):
    """The memo's Table 2 («Когда 32 млрд … не хватит») lists the contract from the first day
    at Karaganda's price itself (reviews s44g, s44i, s44k: the midpoint's 35,5 understated it):
    at the base values 1 991 complexes × 27,69 mn = 55,1 bn, its median 53,5 bn for 2027 (the
    network's spread), above the 32 line. An edition whose figures put such a case within the
    line (here, a line of 60) would print a false row: the build stops with a message naming
    the memo's row and the two figures, not a traceback."""
    from sergek_report.errors import ReportError

    r = computed.results
    assert r.appraisal.get(decision_tables.LINE_KARAGANDA, "point") == pytest.approx(
        1991 * 27.69e6, rel=2e-3
    )
    assert decision_tables.cost_above_line(r, decision_tables.LINE_KARAGANDA, "Караганда") == (
        "53,5"
    )
    roomy = dataclasses.replace(r, budget_line=dataclasses.replace(r.budget_line, amount=60e9))
    with pytest.raises(ReportError) as err:
        decision_tables.cost_above_line(roomy, decision_tables.LINE_KARAGANDA, "Караганда")
    message = str(err.value)
    assert "notebooks/01_summary.ipynb" in message and "«Караганда»" in message
    assert "53,5 bn tenge" in message and "line of 60 bn" in message
