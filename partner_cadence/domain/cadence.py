"""When the next touch of a partner or client falls due (§1 and §2).

A cadence is "every N days, weeks or months" counted from the last real touch: weekly for a
partner clients call every day, monthly, every two months or quarterly for the others. Months
are calendar months: a touch on 31 January with a monthly cadence is due on the last day of
February, never in March, so a month-end partner keeps a month-end rhythm.

A client level asks for N touches of a type (meetings, calls) per quota period (a quarter by
default; the sources name no period, so it is a setting): one per period keeps the calendar
rhythm, several are spread evenly over the period, and once the quota is met nothing more is
due before the next period. Quotas are met, not just spaced: a salesperson who fell behind
gets the touches still owed spread over what is left of the period, and a client who enters
a level mid-period owes its share of the quota for the days left (rounded up). Two touches of
one client never fall on the same day: the later one moves to the next free (working) day.
A line can also ask for N touches in total: level 5's one meeting, if possible, comes once,
not every period. Periods are calendar periods (weeks from Monday, quarters from January).

A new partner's first touch is due the day it enters its tier; the first-contact call-back
comes before anything else, and nothing else is due until the first-contact information is
complete. A pause holds every reminder until its end. With "weekdays only", a due date on a
weekend or public holiday moves to the company's next working day. Reminders reach the inbox
a planning horizon early (a week by default).
"""

import calendar
import datetime
import enum


class IntervalUnit(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


# The quota periods a manager can choose, as (number, unit): calendar facts.
QUOTA_PERIODS = {
    "month": (1, IntervalUnit.MONTH),
    "quarter": (3, IntervalUnit.MONTH),
    "half_year": (6, IntervalUnit.MONTH),
    "year": (12, IntervalUnit.MONTH),
}


def shift_months(day, months):
    """``day`` moved by ``months`` calendar months (back when negative); a month end is clamped."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_interval(start, number, unit):
    """Return ``start`` moved forward by ``number`` units; a month end is clamped."""
    if number <= 0:
        raise ValueError(f"an interval must be positive, got {number}")
    unit = IntervalUnit(unit)
    if unit is IntervalUnit.DAY:
        return start + datetime.timedelta(days=number)
    if unit is IntervalUnit.WEEK:
        return start + datetime.timedelta(weeks=number)
    return shift_months(start, number)


def reminder_shown_on(due, today, horizon_days):
    """The day the reminder of a touch due on ``due`` reaches the inbox (``planning_cutoff``
    read backwards): never before today.

    >>> reminder_shown_on(datetime.date(2026, 12, 10), datetime.date(2026, 12, 1), 7)
    datetime.date(2026, 12, 3)
    >>> reminder_shown_on(datetime.date(2026, 12, 5), datetime.date(2026, 12, 1), 7)
    datetime.date(2026, 12, 1)
    """
    return max(due - datetime.timedelta(days=horizon_days), today)


def planning_cutoff(today, horizon_days):
    """The last due date planned today: reminders are put in the inbox ``horizon_days`` early."""
    if horizon_days < 0:
        raise ValueError(f"the planning horizon cannot be negative, got {horizon_days}")
    return today + datetime.timedelta(days=horizon_days)


def period_start(today, number, unit):
    """First day of the calendar period of ``number`` ``unit`` that contains ``today``.

    Periods are aligned the way people count them: weeks start on Monday and month periods
    on the first of a month counted from January (a quarter starts in January, April, July
    or October), so that every day belongs to exactly one period.
    """
    unit = IntervalUnit(unit)
    if number <= 0:
        raise ValueError(f"a period must be positive, got {number}")
    if unit is IntervalUnit.DAY:
        offset = (today - datetime.date.min).days % number
        return today - datetime.timedelta(days=offset)
    if unit is IntervalUnit.WEEK:
        monday = today - datetime.timedelta(days=today.weekday())
        weeks = (monday - datetime.date.min).days // 7
        return monday - datetime.timedelta(weeks=weeks % number)
    months = today.year * 12 + today.month - 1
    start = months - months % number
    return datetime.date(start // 12, start % 12 + 1, 1)


def spread_step_days(start, number, unit, touches):
    """Days between two touches when ``touches`` are spread evenly over the period from ``start``."""
    if touches <= 0:
        raise ValueError(f"spreading needs at least one touch, got {touches}")
    period_days = (add_interval(start, number, unit) - start).days
    return max(period_days // touches, 1)


def period_quota(touches, start, number, unit, entered):
    """The touches owed in the period that begins on ``start``: all of them, or, for a client
    who ``entered`` the line during that period, its share for the days left, rounded up."""
    end = add_interval(start, number, unit)
    if touches <= 0 or entered is None or entered <= start:
        return max(touches, 0)
    if entered >= end:
        return 0
    return -(-touches * (end - entered).days // (end - start).days)


def next_quota_touch(last_touch, number, unit, touches, done_in_period, today, first_due, entered=None):
    """When the next of ``touches`` per period is due, given what was done this period.

    One touch per period keeps the calendar rhythm (31 Jan + 1 month = end of February);
    several are spread evenly, or closer when fewer days are left in the period than the
    touches still owed need (catching up). Once the period's quota (pro-rated for a client
    who ``entered`` mid-period) is met, nothing more is due before the next period starts.
    ``touches`` of 0 means the line asks for nothing: None.
    """
    if touches <= 0:
        return None
    start = period_start(today, number, unit)
    end = add_interval(start, number, unit)
    quota = period_quota(touches, start, number, unit, entered)
    if last_touch is None:
        due = first_due
    elif touches == 1:
        due = add_interval(last_touch, number, unit)
    else:
        due = last_touch + datetime.timedelta(days=spread_step_days(last_touch, number, unit, touches))
        owed = quota - done_in_period
        if owed > 0 and start <= last_touch < end:
            catch_up = last_touch + datetime.timedelta(days=max((end - last_touch).days // (owed + 1), 1))
            due = min(due, catch_up)
    if done_in_period >= quota:
        due = max(due, end)
    return due


def one_touch_a_day(dues, taken, is_working_day=lambda day: True):
    """Due dates such that no two touches of one client fall on the same day.

    ``dues`` is a list of (key, date or None), the first to keep its day first; ``taken`` holds
    the days already used (a touch done that day). A later touch moves to the next free day
    that ``is_working_day``. Returns {key: date or None}.
    """
    used = set(taken)
    result = {}
    for key, due in dues:
        if due is not None:
            for _ in range(366 + 7):
                if due not in used and is_working_day(due):
                    break
                due += datetime.timedelta(days=1)
            used.add(due)
        result[key] = due
    return result


def next_total_touch(last_touch, number, unit, touches, done_total, first_due):
    """When the next of ``touches`` in total is due: as one per period until they are done,
    then never (None). A one-off client's "one meeting, if possible" is one, once."""
    if touches <= 0 or done_total >= touches:
        return None
    if last_touch is None:
        return first_due
    return max(first_due, add_interval(last_touch, number, unit))


def next_working_day(day, working_weekdays, holidays):
    """``day`` itself if people work then, else the next day they do.

    ``working_weekdays`` holds Python weekday numbers (Monday is 0); ``holidays`` holds dates.
    An empty week means no working calendar: every day is a working day.
    """
    if not working_weekdays:
        return day
    for _ in range(366 + 7):
        if day.weekday() in working_weekdays and day not in holidays:
            return day
        day += datetime.timedelta(days=1)
    raise ValueError("no working day within a year: check the working calendar and public holidays")
