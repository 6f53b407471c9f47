import datetime

from partner_cadence.domain import bounds

TODAY = datetime.date(2026, 11, 23)


def test_dates_before_the_base_or_beyond_planning_reach_are_refused():
    assert bounds.date_problem(datetime.date(1, 1, 1), TODAY, future_allowed=True) == "too_early"
    assert bounds.date_problem(datetime.date(9999, 12, 31), TODAY, future_allowed=True) == "too_late"
    assert bounds.date_problem(datetime.date(2030, 1, 1), TODAY, future_allowed=True) is None
    assert bounds.date_problem(None, TODAY, future_allowed=False) is None


def test_a_last_touch_cannot_be_in_the_future():
    assert bounds.date_problem(datetime.date(2026, 11, 24), TODAY, future_allowed=False) == "in_future"
    assert bounds.date_problem(TODAY, TODAY, future_allowed=False) is None


def test_the_latest_date_is_within_the_calendar_whatever_today():
    assert bounds.latest_date(datetime.date(9990, 1, 1)) <= datetime.date.max


def test_periods_longer_than_the_planning_reach_are_refused():
    assert bounds.period_too_long(1_000_000, "week")
    assert bounds.period_too_long(61, "month")
    assert not bounds.period_too_long(12, "month")
    assert not bounds.period_too_long(52, "week")
    assert bounds.max_months() == 59
