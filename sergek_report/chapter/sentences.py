"""Sentences whose wording depends on the data, for the chapters' inline expressions.

Most of the report's prose is written in the chapters' Markdown cells with values inline
({eval}`fmt.integer(r.original_scope)`). Where a sentence truly depends on the data — a list
built from rows, «больше»/«меньше» following a comparison, a clause that appears only when a
deadline has passed — a small function here returns the Markdown, and the cell calls it:
{eval}`sentences.deadline_clause(r, ch.edition)`. Each function is named for what it says.
Its words are templates of the catalog (labels.SENTENCES), so that an edition in another
language says them in that language.
"""

from __future__ import annotations

import math
import re

from babel.dates import format_date

from sergek_report import labels
from sergek_report.chapter import fmt
from sergek_report.model.budget_line import EXTENSION
from sergek_report.model.dates import as_date
from sergek_report.model.prices import BUDGET_YEAR


def _say(key: str, **values: object) -> str:
    """One of the catalog's sentence templates (labels.SENTENCES) with its values."""
    return fmt.fill(labels.SENTENCES[key], **values)


# --- Резюме (01_summary) --------------------------------------------------------------------


def day_month(d: object) -> str:
    """Day and month of a date in the genitive, without the year: 2027-01-01 -> «1 января»
    (for «с 1 января», «после 31 декабря 2026 года», where the year is written apart). The
    day and the month are joined by a no-break space: a line never ends after the day."""
    return fmt.day_with_month(format_date(as_date(d), "d MMMM", locale=labels.LANGUAGE))


def each_year(figures: list[str]) -> str:
    """Figures of consecutive years as running text says them: «по 32» when every year's is
    the same (review s27h: «32 и 32» read as a typo), else «32 и 33» («31, 32 и 33»)."""
    if len(set(figures)) == 1:
        return _say("each_same", figure=figures[0])
    return _say("list_and", items=", ".join(figures[:-1]), last=figures[-1])


def search_period(first: object, last: object) -> str:
    """When the sources were searched for: «с 25 ноября по 3 декабря 2026 г.» (the year once
    when both days are in it)."""
    first, last = as_date(first), as_date(last)
    start = (
        day_month(first) if first.year == last.year else fmt.day_with_month(fmt.date_long(first))
    )
    last_day = fmt.day_with_month(fmt.date_long(last))
    return fmt.fill(labels.SENTENCES["search_period"], first=start, last=last_day)


def days_between(first: object, last: object) -> str:
    """Two days of one year: «между 4 и 31 декабря» (the month once when both are in it),
    «между 28 ноября и 31 декабря»."""
    first, last = as_date(first), as_date(last)
    start = str(first.day) if first.month == last.month else day_month(first)
    return _say("days_between", first=start, last=day_month(last))


def deadline_with_status(deadline: object, edition_date: object) -> str:
    """A deadline's date, followed by «, и этот срок прошёл» once the edition is later:
    «2 ноября 2026 г., и этот срок прошёл» or «2 ноября 2026 г.»."""
    text = fmt.date_long(deadline)
    if as_date(edition_date) > as_date(deadline):
        return _say("deadline_passed", deadline=text)
    return text


def real_value_lost(r, assumptions) -> str:
    """The tariff's real loss by the end of 2025, with the caveat when the 2024 inflation it
    rests on is an assumption: «37,8 % реальной стоимости (инфляция 2024 года — допущение)»."""
    percent = fmt.percent(r.erosion_2025_percent)
    if str(r.cpi_2024_basis).startswith("assumption:"):
        name = str(r.cpi_2024_basis).split(":", 1)[1]
        what = assumptions.declared(name).short_label.lower()
        return _say("real_value_lost_assumed", percent=percent, what=what)
    return _say("real_value_lost", percent=percent)


# --- Решение на 1 января 2027 года (01b_decision_2027) ------------------------------------


def more_or_less(low: float, high: float, reference: float) -> str:
    """How a range of estimates compares with a known sum, for «… — 11,3–12,6 млрд тенге,
    больше первоначальных обязательств»: "больше" when the whole range is above it, "меньше"
    when the whole range is below it, otherwise "в зависимости от оценки больше или меньше"."""
    if low > reference:
        return _say("more")
    if high < reference:
        return _say("less")
    return _say("more_or_less")


def holders(holder: object) -> str:
    """A data cell's holders (joined by «; », gaps.csv) as running text lists them: «A, B и
    C», each as it reads inside a sentence: «управление цифровизации, управление финансов и
    департамент полиции»; one holder as it is («управление цифровизации»)."""
    items = [fmt.mid_sentence(h.strip()) for h in str(holder).split(";") if h.strip()]
    if len(items) == 1:
        return items[0]
    return _say("list_and", items=", ".join(items[:-1]), last=items[-1])


# A public register among a gap's holders (gaps.csv): not asked but checked, «портал
# госзакупок» -> «найти на портале госзакупок».
REGISTER = re.compile(r"^портал\b", re.IGNORECASE)
PORTAL = re.compile(r"портал", re.IGNORECASE)


def where_to_ask(holder: object) -> str:
    """Where a gap's document is to be had, said after its name: requested through the bodies
    that hold it or found in a public register: «запросить через акимат Павлодарской области
    или найти на портале госзакупок» (never «держатели — акимат …; портал госзакупок»)."""
    items = [h.strip() for h in str(holder).split(";") if h.strip()]
    # a register by its word in either language («портал …», «… порталы»); the Russian
    # takes the prepositional after «на», the Kazakh template its own postposition
    bodies = [h for h in items if not PORTAL.search(h)]
    registers = [REGISTER.sub("портале", fmt.mid_sentence(h)) for h in items if PORTAL.search(h)]
    ask = _say("ask", holders=holders("; ".join(bodies))) if bodies else ""
    check = _say("check", registers=" и ".join(registers)) if registers else ""
    if ask and check:
        return _say("ask_and_check", ask=ask, check=check)
    return ask or check


def holders_can(holder: object) -> str:
    """Who can do it, said after «Рассчитать её стоимость …»: the holders as the subject of
    «мочь», «может управление цифровизации»; several, the verb plural and the list «A, B и
    C»: «могут управление цифровизации, управление финансов и департамент полиции» (never
    «может A; B; C»)."""
    several = len([h for h in str(holder).split(";") if h.strip()]) > 1
    return _say("can_many" if several else "can_one", holders=holders(holder))


CAMERAS = ("камера", "камеры", "камер")
TIMES = ("раз", "раза", "раз")


def cameras_counted(c) -> str:
    """Almaty's cameras as the source gives them (`c`: model.cameras.CamerasPerComplex):
    «более 9 000 камер» for a lower bound, «7 894 камеры» for an exact count."""
    text = fmt.count(c.almaty_cameras, CAMERAS)
    return _say("at_least", count=text) if c.almaty_at_least else text


def later_bound(c) -> str:
    """After Almaty's exact count of cameras (`c`: model.cameras.CamerasPerComplex), the later
    count its source gives as a lower bound: «; позднее, в ноябре 2024 года, — более 9 000
    камер на 1 641 АПК, то есть больше 5,4 на комплекс: …»; "" when the count is the
    latest."""
    bound = c.later_bound
    if bound is None:
        return ""
    return _say(
        "later_bound",
        when=in_month(bound.date),
        cameras=fmt.count(bound.cameras, CAMERAS),
        complexes=fmt.integer(bound.complexes),
        # a lower bound printed rounded down (review s19a: 9 000 / 1 641 = 5,48, «не меньше
        # 5,5» overstated it)
        per_complex=fmt.number(math.floor(bound.per_complex * 10) / 10, 1),
    )


def per_camera_price(c) -> str:
    """How an Almaty complex would cost at Pavlodar's price if it paid per camera, against
    its price per complex (`c`: model.cameras.CamerasPerComplex; two decimals, the factor is
    near 1): «в 1,10–1,92 раза дороже»; «в 1,25–2,30 раза дешевле» when Almaty's complexes
    hold fewer cameras at either end; «от 2,35 раза дешевле до 1,79 раза дороже» when the
    range spans both. Almaty's cameras given as a lower bound («более 9 000») make the
    factor one too: «по меньшей мере в …» dearer, «не больше чем в …» cheaper."""
    low, high = c.factor  # c.inverse: (1 / high, 1 / low), how many times cheaper
    if low >= 1:
        text = _say("times_dearer", times=fmt.count_range(low, high, TIMES, 2))
        return _say("at_least_times", times=text) if c.almaty_at_least else text
    if high <= 1:
        text = _say("times_cheaper", times=fmt.count_range(*c.inverse, TIMES, 2))
        return _say("at_most_times", times=text) if c.almaty_at_least else text
    return _say(
        "times_either",
        cheaper=fmt.count(c.inverse[1], TIMES, 2),
        dearer=fmt.count(high, TIMES, 2),
    )


# --- Рост сети (02_deployment) -----------------------------------------------------------------


def in_month(d: object) -> str:
    """The month and year of a date as a time in the sentence: 2024-11-30 -> «в ноябре 2024
    года»."""
    from sergek_report.model.dates import as_date

    day = as_date(d)
    return _say("in_month", month=labels.MONTHS_PREPOSITIONAL[day.month - 1], year=day.year)


def latest_count_report(deployment, sources):
    """The date of the latest report of the working network, for «по последнему найденному
    сообщению (7 февраля 2026 г.) работает 1 641»: the latest of the reported milestones'
    dates and the publication dates of the sources of the milestones up to the first planned
    one (a plan's source announces it against the count then working: «1 641 действующий +
    350 новых»). An undated source does not count. `deployment`: the milestones table (date,
    complexes, status, source_id); `sources`: the sources table indexed by source_id."""
    import pandas as pd

    from sergek_report.model.dates import as_date

    planned = deployment["status"] == "planned"
    upto = deployment if not planned.any() else deployment.loc[: planned.idxmax()]
    dates = list(pd.to_datetime(deployment.loc[~planned, "date"]))
    published = pd.to_datetime(
        sources.loc[upto["source_id"].unique(), "published"], errors="coerce"
    ).dropna()
    return as_date(max(dates + list(published)))


def count_against_earlier(deployment, reported) -> str:
    """The latest reported count against the earlier milestones, for «работает 1 641 — …»:
    «столько же, сколько уже в ноябре 2024 года» when an earlier milestone already had the
    same count (the earliest such one), otherwise the change since the previous milestone:
    «на 300 больше, чем в январе 2024 года». `deployment`: the milestones table (date,
    complexes); `reported`: its row of the latest reported milestone."""
    import pandas as pd

    from sergek_report.chapter import fmt
    from sergek_report.model.dates import as_date

    dates = pd.to_datetime(deployment["date"])
    earlier = deployment[dates < pd.Timestamp(as_date(reported["date"]))]
    if earlier.empty:
        return _say("first_count")
    same = earlier[earlier["complexes"] == reported["complexes"]]
    if not same.empty:
        return _say("same_count", when=in_month(same["date"].iloc[0]))
    previous = earlier.iloc[-1]
    change = reported["complexes"] - previous["complexes"]
    key = "count_more" if change > 0 else "count_less"
    return _say(key, change=fmt.integer(abs(change)), when=in_month(previous["date"]))


def site_split_intro(split) -> str:
    """The sentence before the table of complexes at intersections and on road sections
    (`split`: the milestones that give the split): what the sources say about the split, or
    that the data give none."""
    if split.empty:
        return _say("no_site_split")
    return _say("site_split")


# --- Стоимость комплекса (03_cost) ---------------------------------------------------------


# --- Реальный тариф (04_real_tariff) -------------------------------------------------------------


def year_list(years) -> str:
    """Years in order, consecutive ones as a span: [2021, 2022, 2026] -> "2021–2022 и 2026",
    [2021, 2023, 2025] -> "2021, 2023 и 2025"."""
    from sergek_report.chapter import fmt

    runs: list[list[int]] = []
    for y in sorted({int(y) for y in years}):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    parts = [fmt.year(r[0]) if len(r) == 1 else fmt.year_range(r[0], r[-1]) for r in runs]
    return (
        parts[0]
        if len(parts) == 1
        else _say("list_and", items=", ".join(parts[:-1]), last=parts[-1])
    )


def _years_noun(years) -> str:
    """Years with their noun after «за»: "2021–2022 и 2026 годы", "2025 год"."""
    single = len({int(y) for y in years}) == 1
    return _say("year_one" if single else "year_many", years=year_list(years))


def cpi_assumption_note(r, cpi_range: tuple[float, float], cpi_year: int, erosion_year: int) -> str:
    """The sentence saying that the December/December inflation of `cpi_year` is an
    assumption, with the range of the erosion by the end of `erosion_year` it leads to; when
    the rate comes from a source, one plain sentence saying so."""
    from sergek_report.chapter import fmt

    if not str(r.cpi_2024_basis).startswith("assumption:"):
        return _say(
            "cpi_from_source", year=fmt.year(cpi_year), percent=fmt.percent(r.cpi_2024_used)
        )
    low, high = cpi_range
    erosion_low, erosion_high = r.erosion_2025_range
    return _say(
        "cpi_assumed",
        year=fmt.year(cpi_year),
        used=fmt.percent(r.cpi_2024_used),
        range=fmt.percent_range(low, high),
        erosion_year=fmt.year(erosion_year),
        erosion=fmt.span(erosion_low, erosion_high, digits=1, unit="%"),
    )


def usd_series_gaps(by_year, usd_kzt) -> str:
    """What the dollar series lacks: the years of the tariff series (`by_year`, indexed by year,
    with the rate and its averaging period) without a published average rate, and those whose
    average covers only part of the year (its period in `usd_kzt`)."""
    import pandas as pd

    known = by_year.dropna(subset=["kzt_per_usd"])
    if known.empty:
        return _say("usd_none")
    missing = [y for y in by_year.index if y not in known.index]
    periods = usd_kzt.set_index("period_label")
    partial = []
    for y, label in known["usd_period"].items():
        start = pd.Timestamp(periods.loc[label, "period_start"])
        end = pd.Timestamp(periods.loc[label, "period_end"])
        if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
            partial.append(y)
    if not missing and not partial:
        return _say("usd_all")
    if not missing:
        return _say("usd_partial_only", partial=_years_noun(partial))
    if partial:
        return _say(
            "usd_missing_and_partial", missing=_years_noun(missing), partial=_years_noun(partial)
        )
    return _say("usd_missing", missing=_years_noun(missing))


# --- Бюджет 2026 года (05_budget_2026) ------------------------------------------------------------


def current_price_against_budget(r, central: str) -> str:
    """Why the memo's «нынешняя цена» for 2027 (the `central` statistic of the joint
    calculation: «≈ 3,9 млрд тенге») is below the 2026 payments of chapter 3 («≈ 4,2 млрд
    тенге») though the tariff is frozen, said with the table of its steps
    (`current_price_steps`, named by its caption: a link, and its page in the PDF). Said once,
    in chapter 3's budget of 2026; the appendix's account of the scenarios points there
    (review s12a, 3.8)."""
    return _say(
        "current_price_against_budget",
        year=fmt.year(r.decision_day),
        median=fmt.estimate(r.appraisal.get(EXTENSION, central)),
        budget_year=fmt.year(BUDGET_YEAR),
        budget=fmt.estimate(r.budget.nominal),
        steps=current_price_steps_caption(r),
    )


def current_price_steps_caption(r) -> str:
    """«От выплат 2026 года к нынешней цене на 2027 год»: the steps' table's caption."""
    words = labels.CURRENT_PRICE_STEPS
    return fmt.fill(
        words["caption"], budget_year=fmt.year(BUDGET_YEAR), year=fmt.year(r.decision_day)
    )


# --- Сравнения (06_comparisons) --------------------------------------------------------------


def fines_against_payments(r) -> str:
    """The fines collected in the period of the published payment to the partner, against that
    payment: «За январь 2020 — август 2022 в бюджет города поступило 17,5 млрд тенге штрафов,
    партнёру выплачено 2,6 млрд тенге: в **6,7 раза** больше.» (one decimal: the
    payment is rounded in its source to a tenth of a billion, the precision of the key figure,
    «≈ 6,7 раза»). «Меньше» when the fines were the smaller sum; when the fines of that period
    are not published, says so."""
    period = fmt.period(r.payment_period_start, r.payment_period_end)
    paid = fmt.compact_tenge(r.paid_to_partner)
    ratio = r.fines_to_payments_ratio
    times = ("раз", "раза", "раз")
    if ratio is None or r.fines_collected_paid_period is None:
        return _say("fines_unpublished", period=period, paid=paid)
    if fmt.ratio(ratio) == "1":
        comparison = _say("about_the_same")
    elif ratio > 1:
        comparison = _say("times_more", times=fmt.count(ratio, times, 1))
    else:
        comparison = _say("times_less", times=fmt.count(1 / ratio, times, 1))
    fines = fmt.compact_tenge(r.fines_collected_paid_period)
    return _say(
        "fines_against_payments", period=period, fines=fines, paid=paid, comparison=comparison
    )


# --- Приложение (07_appendix) ------------------------------------------------------------------


def counted_as(n: int, counted: str) -> str:
    """What a source of data/deployment.csv counts, its noun agreeing with the number `n` in
    the next cell: (414, "комплексы (2 060 камер)") -> "комплексов (2 060 камер)";
    (1641, "аппаратно-программные комплексы «Сергек»") -> "аппаратно-программный комплекс
    «Сергек»". The noun is one of labels.COUNTED_NOUNS (the loader checks it). In another
    language the cell is translated whole."""
    from sergek_report.inputs.schema import leading

    if labels.LANGUAGE != labels.SOURCE_LANGUAGE:
        # the noun after a numeral does not change in Kazakh: the whole cell is one message
        # (inputs.translated.CHAPTER_TRANSLATED_COLUMNS), its word order the translator's
        return labels.translate(counted)
    noun = leading(counted, labels.COUNTED_NOUNS)
    if noun is None:
        return counted
    rest = counted[len(noun) :].strip()
    return f"{fmt.plural(n, labels.COUNTED_NOUNS[noun])} {rest}".strip()
