"""Two small rules of the decision of 1 January 2027 that the appraisal builds on.

- A service contract of another city priced per complex-year: its total ÷ its years ÷ its
  complexes (data/cost_anchors.csv); `appraisal` brings it to 2026 prices.
- The last day to start a procedure so that it ends by a deadline (procurement, PPP
  competition), and the last day of a term that starts on a given day (the stop-gap).

The options' costs themselves are computed once, on one basis, in `appraisal` (point estimate)
and `uncertainty` (the joint Monte Carlo).
"""

from __future__ import annotations

import datetime as dt

from sergek_report.model.dates import check_positive, month_end


def per_complex_year(total: float, term_years: float, complexes: float) -> float:
    """A contract total spread over its years and complexes: 9 bn ÷ 3 ÷ 420 = 7 142 857."""
    check_positive(term_years, "the contract term in years")
    check_positive(complexes, "the number of complexes")
    return total / term_years / complexes


def latest_start(deadline: dt.date, months: int = 0, days: int = 0) -> dt.date:
    """The last day to start a procedure of `months` months and `days` days to finish by
    `deadline` (1 January 2027 − 60 days = 2 November 2026; − 6 months = 1 July 2026)."""
    month_index = deadline.year * 12 + deadline.month - 1 - months
    start = dt.date(month_index // 12, month_index % 12 + 1, 1)
    start = start.replace(day=min(deadline.day, month_end(start.year, start.month).day))
    return start - dt.timedelta(days=days)


def term_end(start: dt.date, months: int) -> dt.date:
    """The last day of a term of `months` months that starts on `start`: the day before the
    same day `months` months on (that month's last day when it has no such day). A stop-gap
    of two months from 1 January 2027 ends on 28 February 2027; from 15 January, on
    14 March."""
    month_index = start.year * 12 + start.month - 1 + months
    after = dt.date(month_index // 12, month_index % 12 + 1, 1)
    after = after.replace(day=min(start.day, month_end(after.year, after.month).day))
    return after - dt.timedelta(days=1)
