import datetime

from partner_cadence.domain.reminders import (
    Reminder,
    days_late,
    plan_changes,
    responsible,
    slot,
    slot_kind,
    touch_date,
)

DAY = datetime.date(2026, 3, 10)
CUTOFF = DAY + datetime.timedelta(days=7)


def test_slot_names_the_kind_and_the_type_when_given():
    assert slot("touch", 12) == "touch:12"
    assert slot("nurture") == "nurture"
    assert slot_kind("touch:12") == "touch"
    assert slot_kind("hand_off") == "hand_off"


def test_responsible_is_the_first_active_candidate():
    assert responsible([(5, False), (6, True)], 1) == 6
    assert responsible([(5, True), (6, True)], 1) == 5


def test_responsible_falls_back_to_the_default_when_all_are_gone():
    assert responsible([(0, False), (5, False)], 1) == 1
    assert responsible([], 1) == 1


def test_a_leaving_user_is_skipped_while_still_active():
    assert responsible([(5, True), (6, True)], 1, leaving={5}) == 6
    assert responsible([(5, True)], 1, leaving={5}) == 1


def test_a_due_slot_without_reminder_is_filled():
    changes = plan_changes({"touch:1": Reminder(1, DAY, 7)}, {}, CUTOFF)
    assert changes.create == ["touch:1"]
    assert not changes.move and not changes.drop


def test_a_new_reminder_waits_for_the_horizon():
    changes = plan_changes({"touch:1": Reminder(1, CUTOFF + datetime.timedelta(days=1), 7)}, {}, CUTOFF)
    assert changes.create == []


def test_an_open_reminder_follows_its_due_date_beyond_the_horizon():
    later = CUTOFF + datetime.timedelta(days=30)
    changes = plan_changes({"touch:1": Reminder(1, later, 7)}, {"touch:1": (DAY, 7)}, CUTOFF)
    assert changes.move == {(later, 7): ["touch:1"]}
    assert changes.create == []


def test_moves_are_grouped_by_date_and_user():
    wanted = {f"touch:{n}": Reminder(n, DAY, 7) for n in range(3)}
    current = {f"touch:{n}": (DAY, 8) for n in range(3)}
    changes = plan_changes(wanted, current, CUTOFF)
    assert changes.move == {(DAY, 7): ["touch:0", "touch:1", "touch:2"]}


def test_an_unchanged_reminder_is_left_alone():
    changes = plan_changes({"nurture": Reminder(3, DAY, 7)}, {"nurture": (DAY, 7)}, CUTOFF)
    assert changes == plan_changes({}, {}, CUTOFF)


def test_nothing_due_drops_the_open_reminder_and_unnamed_slots_are_kept():
    changes = plan_changes({"nurture": None}, {"nurture": (DAY, 7), "hand_off": (DAY, 7)}, CUTOFF)
    assert changes.drop == ["nurture"]


def test_a_planned_reminder_is_dated_the_day_it_is_done():
    assert touch_date(DAY - datetime.timedelta(days=5), DAY, DAY, planned=True) == DAY


def test_a_call_logged_after_the_fact_is_dated_by_its_deadline():
    past = DAY - datetime.timedelta(days=5)
    assert touch_date(past, DAY, DAY, planned=False) == past
    assert touch_date(past, past, DAY, planned=False) == DAY


def test_unanswered_calls_pause_the_record_at_the_limit():
    from partner_cadence.domain.reminders import after_unanswered

    assert after_unanswered(0, 3, DAY, 60) == (1, None)
    assert after_unanswered(2, 3, DAY, 60) == (0, DAY + datetime.timedelta(days=60))
    assert after_unanswered(9, 0, DAY, 60) == (10, None), "0 never stops"


def test_letters_fill_the_daily_quota_and_calls_follow():
    from partner_cadence.domain.reminders import follow_up_call_date, letters_to_plan

    assert letters_to_plan(0, 10) == 10
    assert letters_to_plan(4, 10) == 6
    assert letters_to_plan(12, 10) == 0
    assert follow_up_call_date(DAY, 3) == DAY + datetime.timedelta(days=3)


def test_days_late_counts_only_overdue_days():
    assert days_late(datetime.date(2026, 9, 24), datetime.date(2026, 11, 23)) == 60
    assert days_late(datetime.date(2026, 11, 23), datetime.date(2026, 11, 23)) == 0
    assert days_late(datetime.date(2026, 12, 1), datetime.date(2026, 11, 23)) == 0
