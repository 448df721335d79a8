"""The decision's key figures, as the memo states them and as the title page shows them large.

The memo (notebooks/01_summary.ipynb) says them in its prose and the title page (the build's
renderer) prints them as a «key facts» panel: both read them here, so that each is computed
once and printed alike: the proposed 2027 budget line, the days left until the contract ends
and the last day to announce the procurement, today's price for 2027 (without an appraisal:
the network on the first day without a contract), and the later years' lines of a contract
to the end of 2029. The figures are printed at the precision declared for their key figure
(`precision`), as the memo's table and text print them; the words are the catalog's
(labels.COVER_FACTS).
"""

from __future__ import annotations

from dataclasses import dataclass

from sergek_report import labels as L
from sergek_report.chapter import decision_tables, fmt, precision, sentences
from sergek_report.chapter.api import chart_body
from sergek_report.model.appraisal import YEARS as OPTION_YEARS
from sergek_report.model.appraisal import key_figure_name
from sergek_report.model.budget_line import BUDGET_LINE_FIGURE
from sergek_report.model.dates import as_date
from sergek_report.model.results import Results


def days_left(results: Results, edition_date: object) -> int:
    """Days from the edition's date to the day the extended contract ends (the title page's
    «28 дней до окончания договора»)."""
    return (results.extension_end - as_date(edition_date)).days


def line(value: float) -> str:
    """A proposed budget line with its scale and unit, at the line's declared precision:
    «27 млрд тенге» (the later years' lines as the 2027 line, rounded up alike)."""
    return precision.figure(BUDGET_LINE_FIGURE, value, "тенге")


def _both(first: str, second: str) -> str:
    """Two figures or years said together: «35 и 38», «2028 и 2029»."""
    return fmt.fill(L.COVER_FACTS["both"], first=first, second=second)


def later_years() -> str:
    """The later years of a contract to the end of 2029: «2028 и 2029»."""
    return _both(fmt.year(OPTION_YEARS[1]), fmt.year(OPTION_YEARS[-1]))


def later_lines(results: Results, unit: bool = True) -> str:
    """The lines of the later years of a contract to the end of 2029, drawn as the 2027 line is:
    «35 и 38 млрд тенге», as the cover prints them (reviews s16h: the cover set the line, an
    upper end, beside the likely path's central estimates, two kinds of figure unannounced);
    «35 и 38» without the `unit`, beside the 2027 line that says it (the proposal)."""
    first, *_, last = results.budget_line.later_years
    return _both(
        precision.line_billions(first), line(last) if unit else precision.line_billions(last)
    )


def _announce_by_day(results: Results) -> str:
    """The last day to announce the procurement for a contract from 1 January, as the title
    page's card of days left says it: «22 декабря» (the year is the title's)."""
    return sentences.day_month(decision_tables.announce_by(results))


@dataclass(frozen=True)
class KeyFact:
    """One figure of the title page's panel and the line under it."""

    figure: str
    text: str


def cover_facts(results: Results, edition_date: object) -> tuple[KeyFact, ...]:
    """The title page's key figures in the edition's language, in reading order: how much to
    budget in 2027 and in the later years of a three-year contract, how long is left, and
    what the city pays now (without an appraisal: what has to keep working).
    A figure the results do not have (no appraisal) is left out, and so are the days left
    once the contract has ended."""
    words = L.COVER_FACTS
    year = fmt.year(OPTION_YEARS[0])
    facts = []
    if results.appraisal is not None:
        facts.append(
            KeyFact(
                line(results.budget_line.amount),
                # (the cases it does not hold, the memo's Table 2's, are named there)
                fmt.fill(
                    words["budget_line"],
                    year=year,
                    recommended=decision_tables.recommended_path_cost(results),
                    announced=sentences.days_between(*results.procurement_announced_range),
                ),
            )
        )
    left = days_left(results, edition_date)
    if left >= 0:
        facts.append(
            KeyFact(
                sentences.day_month(results.extension_end),
                fmt.fill(
                    words["days_left"],
                    left=fmt.count(left, L.UNIT_FORMS["дней"]),
                    # the day the count is taken on, the edition's (review s32c)
                    today=sentences.day_month(edition_date),
                    start=sentences.day_month(results.decision_day),
                    deadline=_announce_by_day(results),
                ),
            )
        )
    if results.appraisal is not None:
        # what the city pays now, beside the line (review s46m)
        facts.append(
            KeyFact(
                precision.figure(
                    key_figure_name(decision_tables.TODAY_PRICE, decision_tables.CENTRAL),
                    results.appraisal.get(decision_tables.TODAY_PRICE, decision_tables.CENTRAL),
                    "тенге",
                ),
                fmt.fill(words["today_price"], year=year, line=line(results.budget_line.amount)),
            )
        )
    else:
        net = results.one_basis
        facts.append(
            KeyFact(
                fmt.count_range(net.network_low, net.network_high, L.UNIT_FORMS["АПК"]),
                fmt.fill(
                    words["network"],
                    date=fmt.date_long(results.decision_day),
                    additional=fmt.integer(results.additional_complexes),
                    # the fewest new complexes the range assumes working (review s36l)
                    new_low=fmt.integer(net.network_low - results.complexes_in_operation),
                    existing=fmt.integer(results.complexes_in_operation),
                ),
            )
        )
    if results.appraisal is not None:
        facts.append(
            KeyFact(
                # the later years' lines of a multi-year contract (review s12b: the vote
                # commits the city for three years; review s16h: drawn as the 2027 line is,
                # not central estimates beside an upper end)
                later_lines(results),
                fmt.fill(
                    words["later_lines"],
                    years=later_years(),
                    year=year,
                    total=line(results.budget_line.three_years),
                    line=line(results.budget_line.amount),
                ),
            )
        )
        # the money first, side by side: the lines of 2027 and of the later years (reviews
        # s29b–s29d: «27 млрд тенге» beside «27 дней» read as linked)
        facts.insert(1, facts.pop())
    return tuple(facts)


def cover_decision(results: Results) -> str:
    """The title page's proposal in one sentence, in the subtitle's place: the three years'
    lines and the procurement demanded at once (what each later day loses is the card's, the
    first check's and recommendation 4's).
    Empty without an appraisal (no line to propose): the subtitle is printed then."""
    if results.appraisal is None:
        return ""
    bl = results.budget_line
    return fmt.fill(
        L.COVER_DECISION,
        line=line(bl.amount),
        year=fmt.year(OPTION_YEARS[0]),
        later=later_lines(results, unit=False),
        later_years=later_years(),
    )


def cover_checks(results: Results) -> tuple[str, ...]:
    """The title page's checks before the session, each with what its answer changes (reviews
    s29g, s29j: the evidence stops months before the edition, and the three facts that decide
    the line were handed back as a list; the title page says them with their consequences, the
    memo's checklist with who holds each). None without an appraisal (no line to check)."""
    if results.appraisal is None:
        return ()
    words, bl = L.COVER_CHECKS, results.budget_line
    return (
        fmt.fill(
            words["procurement"],
            # (no year: the title above says it, and the check keeps to two lines)
            start=sentences.day_month(results.decision_day),
        ),
        fmt.fill(
            words["budget"],
            year=fmt.year(OPTION_YEARS[0]),
            line=line(bl.amount),
        ),
        fmt.fill(
            words["pavlodar" if bl.drawn_per_camera else "pavlodar_per_complex"],
            region=fmt.integer(results.appraisal_data.pavlodar_complexes),
            # the memo's checklist's first row says the same lines
            cheaper=line(bl.lines_cheaper[0]),
            # the city's complexes and their line, as the memo's first check (review s32f)
            city=fmt.integer(results.appraisal_data.pavlodar_complexes_low),
            city_line=precision.line_billions(bl.lines_city[0]),
            line=line(bl.amount),
            # the last line as bare as the one before it (the title page's room)
            line_short=precision.line_billions(bl.amount),
        ),
    )


@dataclass(frozen=True)
class CoverChart:
    """The title page's chart: its drawings (a page's and a phone's, `api.chart_body`) and
    its caption, which is also their text alternative."""

    body: str
    caption: str


def cover_chart(results: Results) -> CoverChart | None:
    """The proposed line against what 2027 may cost, on the title page under the figures
    (reviews s30a, s30c, s30g, s30i: the only picture of the line against the alternatives
    was chapter 2's): each path at the line's variant of Pavlodar's price (the unverified
    midpoint with Karaganda is the appendix's, the whole year's deferral Fig. 3's)
    (`decision_tables.title_page_chart`). None without an appraisal (no line to draw)."""
    if results.appraisal is None:
        return None
    data = results.appraisal_data
    caption = fmt.fill(
        L.COVER_CHART,
        year=fmt.year(OPTION_YEARS[0]),
        variant=fmt.integer(decision_tables.variant_number(results.budget_line.line_reading)),
        # (review s46m: «32» without its unit beside the axis's)
        line=line(results.budget_line.amount),
        first_day=decision_tables.branch_name(decision_tables.LINE_BRANCH),
        key=decision_tables.appraisal_chart_key(midpoint=False),
        # Pavlodar's contract, the one price found, whose reading the variant is
        sum=fmt.billions(data.pavlodar_sum_year * data.pavlodar_term_years, 0),
        term=fmt.count_in_words(int(data.pavlodar_term_years), L.UNIT_FORMS["лет"]),
    )
    return CoverChart(chart_body(decision_tables.title_page_chart(results), caption), caption)
