import datetime

import pytest

from partner_cadence.domain.cadence import (
    IntervalUnit,
    add_interval,
    planning_cutoff,
)

D = datetime.date


@pytest.mark.parametrize(
    ("start", "number", "unit", "expected"),
    [
        (D(2026, 3, 10), 1, IntervalUnit.DAY, D(2026, 3, 11)),
        (D(2026, 12, 31), 1, IntervalUnit.DAY, D(2027, 1, 1)),
        (D(2026, 3, 10), 1, IntervalUnit.WEEK, D(2026, 3, 17)),
        (D(2026, 12, 28), 2, IntervalUnit.WEEK, D(2027, 1, 11)),
        (D(2026, 3, 10), 1, IntervalUnit.MONTH, D(2026, 4, 10)),
        (D(2026, 11, 15), 3, IntervalUnit.MONTH, D(2027, 2, 15)),
        (D(2026, 10, 5), 14, IntervalUnit.MONTH, D(2027, 12, 5)),
    ],
)
def test_add_interval_each_unit(start, number, unit, expected):
    assert add_interval(start, number, unit) == expected


def test_month_end_is_clamped_not_spilled_into_next_month():
    assert add_interval(D(2027, 1, 31), 1, "month") == D(2027, 2, 28)
    assert add_interval(D(2026, 8, 31), 1, "month") == D(2026, 9, 30)
    assert add_interval(D(2026, 10, 31), 2, "month") == D(2026, 12, 31)


def test_leap_years():
    assert add_interval(D(2028, 1, 31), 1, "month") == D(2028, 2, 29)
    assert add_interval(D(2028, 2, 29), 12, "month") == D(2029, 2, 28)
    assert add_interval(D(2028, 2, 28), 1, "day") == D(2028, 2, 29)
    assert add_interval(D(2027, 2, 28), 1, "day") == D(2027, 3, 1)
    # 2100 is not a leap year, 2000 was.
    assert add_interval(D(2100, 1, 31), 1, "month") == D(2100, 2, 28)
    assert add_interval(D(2000, 1, 31), 1, "month") == D(2000, 2, 29)


def test_quarterly_from_a_month_end_keeps_the_month_end():
    assert add_interval(D(2026, 11, 30), 3, "month") == D(2027, 2, 28)


@pytest.mark.parametrize("number", [0, -1])
def test_non_positive_interval_is_refused(number):
    with pytest.raises(ValueError, match="positive"):
        add_interval(D(2026, 1, 1), number, "week")


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        add_interval(D(2026, 1, 1), 1, "fortnight")


def test_planning_cutoff_is_the_horizon_ahead():
    assert planning_cutoff(D(2026, 11, 23), 7) == D(2026, 11, 30)
    assert planning_cutoff(D(2026, 12, 28), 7) == D(2027, 1, 4)
    assert planning_cutoff(D(2026, 11, 23), 0) == D(2026, 11, 23)


def test_negative_horizon_is_refused():
    with pytest.raises(ValueError, match="negative"):
        planning_cutoff(D(2026, 11, 23), -1)


def test_period_start_aligns_on_calendar_periods():
    from partner_cadence.domain.cadence import period_start

    assert period_start(D(2026, 11, 23), 3, "month") == D(2026, 10, 1)
    assert period_start(D(2026, 1, 1), 3, "month") == D(2026, 1, 1)
    assert period_start(D(2026, 12, 31), 6, "month") == D(2026, 7, 1)
    assert period_start(D(2026, 11, 23), 1, "month") == D(2026, 11, 1)
    assert period_start(D(2026, 11, 23), 1, "week") == D(2026, 11, 23)  # a Monday
    assert period_start(D(2026, 11, 29), 1, "week") == D(2026, 11, 23)  # the Sunday after
    two_weeks = period_start(D(2026, 11, 29), 2, "week")
    assert two_weeks.weekday() == 0 and (D(2026, 11, 29) - two_weeks).days < 14
    assert period_start(D(2026, 11, 23), 1, "day") == D(2026, 11, 23)


def test_quota_touches_are_spread_evenly():
    from partner_cadence.domain.cadence import next_quota_touch, spread_step_days

    # A quarter from 1 October is 92 days: five touches are 18 days apart.
    assert spread_step_days(D(2026, 10, 1), 3, "month", 5) == 18
    due = next_quota_touch(D(2026, 10, 1), 3, "month", 5, done_in_period=1, today=D(2026, 10, 2), first_due=None)
    assert due == D(2026, 10, 19)


def test_single_touch_keeps_the_calendar_rhythm():
    from partner_cadence.domain.cadence import next_quota_touch

    due = next_quota_touch(D(2027, 1, 31), 1, "month", 1, done_in_period=0, today=D(2027, 2, 1), first_due=None)
    assert due == D(2027, 2, 28)


def test_met_quota_waits_for_the_next_period():
    from partner_cadence.domain.cadence import next_quota_touch

    # Five touches done by 20 November in the quarter Oct-Dec: nothing before 1 January.
    due = next_quota_touch(D(2026, 11, 20), 3, "month", 5, done_in_period=5, today=D(2026, 11, 23), first_due=None)
    assert due == D(2027, 1, 1)


def test_zero_touches_asks_for_nothing_and_a_never_touched_line_is_due_at_its_start():
    from partner_cadence.domain.cadence import next_quota_touch

    assert next_quota_touch(None, 3, "month", 0, 0, D(2026, 11, 23), D(2026, 11, 23)) is None
    assert next_quota_touch(None, 3, "month", 5, 0, D(2026, 11, 23), D(2026, 11, 20)) == D(2026, 11, 20)


def test_next_working_day_skips_weekends_and_holidays():
    from partner_cadence.domain.cadence import next_working_day

    week = {0, 1, 2, 3, 4}
    assert next_working_day(D(2026, 11, 28), week, set()) == D(2026, 11, 30)  # Saturday -> Monday
    assert next_working_day(D(2026, 12, 25), week, {D(2026, 12, 25)}) == D(2026, 12, 28)
    assert next_working_day(D(2026, 11, 24), week, set()) == D(2026, 11, 24)
    assert next_working_day(D(2026, 11, 28), set(), set()) == D(2026, 11, 28)
    with pytest.raises(ValueError, match="working day"):
        next_working_day(D(2026, 11, 28), {5}, {D(2026, 11, 28) + datetime.timedelta(weeks=w) for w in range(60)})


def test_shift_months_goes_back_too():
    from partner_cadence.domain.cadence import shift_months

    assert shift_months(D(2026, 3, 31), -1) == D(2026, 2, 28)
    assert shift_months(D(2026, 11, 23), -12) == D(2025, 11, 23)


def test_touches_in_total_come_once_then_never():
    from partner_cadence.domain.cadence import next_total_touch

    start = datetime.date(2026, 11, 1)
    assert next_total_touch(None, 3, "month", 1, 0, start) == start
    assert next_total_touch(datetime.date(2026, 11, 5), 3, "month", 1, 1, start) is None
    assert next_total_touch(datetime.date(2026, 11, 5), 3, "month", 2, 1, start) == datetime.date(2027, 2, 5)
    assert next_total_touch(None, 3, "month", 0, 0, start) is None


def test_a_client_entering_mid_quarter_owes_its_share_of_the_quota():
    from partner_cadence.domain.cadence import period_quota

    # 1 October to 31 December is 92 days; entering on 23 November leaves 39 of them.
    assert period_quota(5, D(2026, 10, 1), 3, "month", entered=D(2026, 11, 23)) == 3
    assert period_quota(5, D(2026, 10, 1), 3, "month", entered=D(2026, 10, 1)) == 5
    assert period_quota(5, D(2026, 10, 1), 3, "month", entered=D(2026, 3, 1)) == 5
    assert period_quota(5, D(2026, 10, 1), 3, "month", entered=D(2026, 12, 31)) == 1


def test_a_quota_met_early_waits_for_the_next_period_even_pro_rated():
    from partner_cadence.domain.cadence import next_quota_touch

    # Entered on 23 November: 3 of 5 owed this quarter; with 3 done, nothing before January.
    due = next_quota_touch(
        D(2026, 12, 1), 3, "month", 5, 3, today=D(2026, 12, 1), first_due=None, entered=D(2026, 11, 23)
    )
    assert due == D(2027, 1, 1)


def test_a_salesperson_behind_catches_up_over_what_is_left_of_the_period():
    from partner_cadence.domain.cadence import next_quota_touch

    # One of five meetings done by 1 December: four still owed in the 31 days left of the
    # quarter, every six days instead of every eighteen.
    due = next_quota_touch(D(2026, 12, 1), 3, "month", 5, 1, today=D(2026, 12, 1), first_due=None)
    assert due == D(2026, 12, 7)
    # On schedule, the even spread stands.
    assert next_quota_touch(D(2026, 10, 1), 3, "month", 5, 1, today=D(2026, 10, 1), first_due=None) == D(2026, 10, 19)


def test_two_touches_of_one_client_never_share_a_day():
    from partner_cadence.domain.cadence import one_touch_a_day

    dues = [("meeting", D(2026, 11, 23)), ("call", D(2026, 11, 23)), ("letter", None)]
    assert one_touch_a_day(dues, set()) == {"meeting": D(2026, 11, 23), "call": D(2026, 11, 24), "letter": None}
    # Not on a day a touch was already made either, and only on working days.
    weekdays = lambda day: day.weekday() < 5  # noqa: E731
    assert one_touch_a_day([("meeting", D(2026, 11, 27))], {D(2026, 11, 27)}, weekdays) == {"meeting": D(2026, 11, 30)}
