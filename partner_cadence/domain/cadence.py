"""When the next touch of a partner falls due (DOMAIN.md section 1).

A cadence is "every N days, weeks or months" counted from the last real touch. Months are
calendar months: a touch on 31 January with a monthly cadence is due on the last day of
February, never in March, so a month-end partner keeps a month-end rhythm.
"""

import calendar
import datetime
import enum


class IntervalUnit(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def add_interval(start, number, unit):
    """Return ``start`` moved forward by ``number`` units; a month end is clamped."""
    if number <= 0:
        raise ValueError(f"an interval must be positive, got {number}")
    unit = IntervalUnit(unit)
    if unit is IntervalUnit.DAY:
        return start + datetime.timedelta(days=number)
    if unit is IntervalUnit.WEEK:
        return start + datetime.timedelta(weeks=number)
    months = start.year * 12 + start.month - 1 + number
    year, month = divmod(months, 12)
    month += 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def next_touch_date(last_touch, number, unit, first_due):
    """The day the next touch is due.

    ``first_due`` is the day a partner that was never touched is due (the day it entered the
    cadence): a partner nobody has called yet is owed a call now, not one interval later.
    """
    if last_touch is None:
        return first_due
    return add_interval(last_touch, number, unit)


def planning_cutoff(today, horizon_days):
    """The last due date planned today: reminders are put in the inbox ``horizon_days`` early."""
    if horizon_days < 0:
        raise ValueError(f"the planning horizon cannot be negative, got {horizon_days}")
    return today + datetime.timedelta(days=horizon_days)


def is_due(next_touch, today, horizon_days):
    """Whether a touch due on ``next_touch`` gets its reminder when planning on ``today``."""
    return next_touch is not None and next_touch <= planning_cutoff(today, horizon_days)
