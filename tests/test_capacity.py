"""domain.capacity: a salesperson's day holds what fits, one touch a day per person."""

import datetime

from partner_cadence.domain.capacity import Request, place_reminders

MONDAY = datetime.date(2026, 11, 30)
DAY = datetime.timedelta(days=1)
WEEKDAYS = (frozenset(range(5)), frozenset())


def _requests(count, user_id=1, due=MONDAY, **values):
    return [Request(f"r{index}", user_id, f"person{index}", due, **values) for index in range(count)]


def test_without_a_cap_every_reminder_keeps_its_due_date():
    placed = place_reminders(_requests(300), {}, [], {}, MONDAY)
    assert set(placed.values()) == {MONDAY}


def test_what_does_not_fit_moves_day_by_day_and_nothing_is_dropped():
    placed = place_reminders(_requests(100), {}, [], {1: 40}, MONDAY)
    assert len(placed) == 100
    per_day = {day: list(placed.values()).count(day) for day in set(placed.values())}
    assert per_day == {MONDAY: 40, MONDAY + DAY: 40, MONDAY + 2 * DAY: 20}


def test_the_most_valuable_keep_the_day_then_the_latest():
    requests = [
        Request("cheap_late", 1, "a", MONDAY - 9 * DAY, value=10),
        Request("dear", 1, "b", MONDAY, value=700),
        Request("cheap_later", 1, "c", MONDAY - 20 * DAY, value=10),
        Request("nothing", 1, "d", MONDAY - 30 * DAY),
    ]
    placed = place_reminders(requests, {}, [], {1: 2}, MONDAY)
    assert placed["dear"] == MONDAY
    assert placed["cheap_later"] == MONDAY - 20 * DAY, "late, and kept today: it keeps its late date"
    assert placed["cheap_late"] == MONDAY + DAY
    assert placed["nothing"] == MONDAY + DAY


def test_what_is_overdue_fills_today():
    load = {(1, MONDAY - 5 * DAY): 30, (1, MONDAY): 9, (2, MONDAY): 40}
    requests = [*_requests(2), Request("other", 2, "x", MONDAY)]
    placed = place_reminders(requests, load, [], {1: 40, 2: 0}, MONDAY)
    assert placed == {"r0": MONDAY, "r1": MONDAY + DAY, "other": MONDAY}, "user 2 has no cap"


def test_each_user_has_their_own_capacity():
    requests = [*_requests(3), Request("other", 2, "x", MONDAY)]
    placed = place_reminders(requests, {}, [], {1: 1, 2: 5}, MONDAY)
    assert sorted(placed[f"r{index}"] for index in range(3)) == [MONDAY, MONDAY + DAY, MONDAY + 2 * DAY]
    assert placed["other"] == MONDAY


def test_never_two_touches_of_one_person_on_one_day():
    letter = [("ana", MONDAY)]
    requests = [
        Request("call", 1, "ana", MONDAY),
        Request("meeting", 2, "ana", MONDAY),
        Request("ask", 1, None, MONDAY),
    ]
    placed = place_reminders(requests, {}, letter, {}, MONDAY)
    assert sorted([placed["call"], placed["meeting"]]) == [MONDAY + DAY, MONDAY + 2 * DAY]
    assert placed["ask"] == MONDAY, "asking for referrals rides along with a touch"


def test_a_moved_reminder_lands_on_a_working_day():
    friday = MONDAY + 4 * DAY
    requests = [Request("a", 1, "a", friday, calendar=WEEKDAYS), Request("b", 1, "b", friday, calendar=WEEKDAYS)]
    placed = place_reminders(requests, {}, [], {1: 1}, MONDAY)
    assert sorted(placed.values()) == [friday, friday + 3 * DAY]


def test_a_capacity_far_too_small_still_ends():
    placed = place_reminders(_requests(5), {(1, MONDAY + offset * DAY): 1 for offset in range(400)}, [], {1: 1}, MONDAY)
    assert set(placed.values()) == {MONDAY}, "beyond its reach a reminder stays on its first day"


def test_an_import_of_thousands_fills_day_after_day():
    placed = place_reminders(_requests(10_000), {}, [], {1: 40}, MONDAY)
    days = sorted(placed.values())
    assert days[0] == MONDAY and days[-1] == MONDAY + 249 * DAY
    assert all(days.count(day) == 40 for day in (MONDAY, MONDAY + 100 * DAY, MONDAY + 249 * DAY))
