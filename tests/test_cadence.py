import datetime

import pytest

from partner_cadence.domain.cadence import (
    IntervalUnit,
    add_interval,
    is_due,
    next_touch_date,
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


def test_next_touch_counts_from_last_touch():
    assert next_touch_date(D(2026, 11, 2), 1, "week", first_due=D(2020, 1, 1)) == D(2026, 11, 9)


def test_never_touched_partner_is_due_when_it_entered_the_cadence():
    assert next_touch_date(None, 2, "month", first_due=D(2026, 11, 20)) == D(2026, 11, 20)


def test_planning_cutoff_and_due():
    today = D(2026, 11, 23)
    assert planning_cutoff(today, 7) == D(2026, 11, 30)
    assert is_due(D(2026, 11, 30), today, 7)
    assert not is_due(D(2026, 12, 1), today, 7)
    assert is_due(D(2025, 1, 1), today, 0)
    assert not is_due(None, today, 7)


def test_negative_horizon_is_refused():
    with pytest.raises(ValueError, match="negative"):
        planning_cutoff(D(2026, 11, 23), -1)
