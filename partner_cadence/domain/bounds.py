"""Sane bounds on what people type, so that a mistyped date or period is refused on entry
instead of crashing every later planner run (a date past year 9999 cannot be computed).

These are not the methodology's numbers but the calendar's reach: planning looks at most a
few years ahead, and nobody's last touch predates the base.
"""

import datetime

from .cadence import IntervalUnit

EARLIEST_DATE = datetime.date(1900, 1, 1)
# The farthest a pause, a horizon or a cadence period may reach, in days (about five years).
MAX_REACH_DAYS = 5 * 366
DAYS_PER_UNIT = {IntervalUnit.DAY: 1, IntervalUnit.WEEK: 7, IntervalUnit.MONTH: 31}


def latest_date(today):
    """The farthest day a user may plan for: a pause, a start."""
    return today + datetime.timedelta(days=MAX_REACH_DAYS)


def date_problem(day, today, *, future_allowed):
    """Why ``day`` cannot be entered, or None: "too_early", "in_future" or "too_late"."""
    if day is None:
        return None
    if day < EARLIEST_DATE:
        return "too_early"
    if not future_allowed and day > today:
        return "in_future"
    if day > latest_date(today):
        return "too_late"
    return None


def period_too_long(number, unit):
    """Whether ``number`` ``unit`` reaches beyond what planning looks ahead."""
    return number * DAYS_PER_UNIT[IntervalUnit(unit)] > MAX_REACH_DAYS


def max_months():
    return MAX_REACH_DAYS // DAYS_PER_UNIT[IntervalUnit.MONTH]


# Records a scheduled action plans per transaction when the setting is missing: large enough
# for speed, small enough that a killed run loses little and memory stays flat.
DEFAULT_BATCH_SIZE = 5000

# Records whose stored values an admin's change re-derives within the request that saved it;
# beyond, the scheduled action does it in batches, so that saving stays instant at any size.
REDERIVE_IN_REQUEST_MAX = 200
