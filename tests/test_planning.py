"""domain.planning: one partner's slots planned from plain values."""

import dataclasses
import datetime

from partner_cadence.domain.planning import PartnerPlan, QuotaLine, Slot, plan_partner
from partner_cadence.domain.reminders import ASK_REFERRALS, FIRST_CONTACT, TOUCH

TODAY = datetime.date(2026, 11, 23)  # a Monday
WEEKLY_CALL = QuotaLine(1, "week", touch_count=1)


def _partner(*slots, **values):
    return PartnerPlan(slots=slots, **values)


def _call(last=datetime.date(2026, 11, 10), lines=(WEEKLY_CALL,), key="call"):
    return Slot(key, TOUCH, datetime.date(2026, 11, 1), last, lines)


def test_a_blocked_partner_is_due_for_nothing():
    planned = plan_partner(_partner(_call(), blocked=True), TODAY)
    assert planned.dues == {"call": None}
    assert planned.next_touch is None


def test_the_earlier_of_the_partner_line_and_the_client_level_wins():
    quarterly_five = QuotaLine(3, "month", touch_count=5)
    monthly = QuotaLine(1, "month", touch_count=1)
    alone = plan_partner(_partner(_call(lines=(monthly,))), TODAY).dues["call"]
    both = plan_partner(_partner(_call(lines=(monthly, quarterly_five))), TODAY).dues["call"]
    assert both < alone


def test_two_touches_never_share_a_day_and_the_first_listed_keeps_it():
    meeting = _call(key="meeting")
    planned = plan_partner(_partner(_call(), meeting), TODAY)
    assert planned.dues == {"call": datetime.date(2026, 11, 17), "meeting": datetime.date(2026, 11, 18)}
    # Nor on a day a touch was made.
    made = plan_partner(_partner(_call(), _call(key="meeting", last=datetime.date(2026, 11, 17))), TODAY)
    assert made.dues["call"] == datetime.date(2026, 11, 18)


def test_first_contact_gates_everything_else():
    first = Slot("first", FIRST_CONTACT, datetime.date(2026, 11, 20))
    asks = Slot("asks", ASK_REFERRALS, datetime.date(2026, 11, 1))
    planned = plan_partner(_partner(_call(), first, asks, ask_referrals_days=90), TODAY)
    assert planned.dues == {"call": None, "first": datetime.date(2026, 11, 17), "asks": None}


def test_asking_for_referrals_does_not_make_a_partner_late_and_zero_never_asks():
    asks = Slot("asks", ASK_REFERRALS, datetime.date(2026, 8, 1), datetime.date(2026, 8, 20))
    planned = plan_partner(_partner(_call(last=TODAY), asks, ask_referrals_days=30), TODAY)
    assert planned.dues["asks"] == datetime.date(2026, 9, 19), "30 days after the last ask"
    assert planned.next_touch == datetime.date(2026, 11, 30)
    assert plan_partner(_partner(asks, ask_referrals_days=0), TODAY).dues["asks"] is None


def test_the_first_ask_for_referrals_follows_the_first_real_contact():
    """§1: recommendations are asked at the first contacts, not an interval later."""
    asks = Slot("asks", ASK_REFERRALS, datetime.date(2026, 11, 1))
    never_reached = _call(last=None)
    assert plan_partner(_partner(never_reached, asks, ask_referrals_days=90), TODAY).dues["asks"] is None
    reached = plan_partner(_partner(_call(last=datetime.date(2026, 11, 10)), asks, ask_referrals_days=90), TODAY)
    assert reached.dues["asks"] == datetime.date(2026, 11, 10)
    # Reached before its tier applied: asked from the day it did.
    earlier = plan_partner(_partner(_call(last=datetime.date(2026, 10, 5)), asks, ask_referrals_days=90), TODAY)
    assert earlier.dues["asks"] == datetime.date(2026, 11, 1)


def test_a_pause_then_the_working_calendar_move_the_date():
    partner = _partner(_call(), paused_until=datetime.date(2026, 11, 28))  # a Saturday
    assert plan_partner(partner, TODAY).dues["call"] == datetime.date(2026, 11, 28)
    holiday = datetime.date(2026, 11, 30)
    on_weekdays = dataclasses.replace(partner, calendar=({0, 1, 2, 3, 4}, {holiday}))
    assert plan_partner(on_weekdays, TODAY).dues["call"] == datetime.date(2026, 12, 1)


def test_a_slot_without_lines_is_due_for_nothing():
    assert plan_partner(_partner(_call(lines=())), TODAY).dues == {"call": None}


def test_a_touch_is_never_due_before_its_slot_began_to_apply():
    # Put on a weekly tier today, last called seven weeks ago: due today, not 44 days late.
    entered_today = Slot("call", TOUCH, TODAY, datetime.date(2026, 10, 3), (WEEKLY_CALL,))
    assert plan_partner(_partner(entered_today), TODAY).dues["call"] == TODAY
    # On the tier since before the last call: the rhythm's own date.
    assert plan_partner(_partner(_call()), TODAY).dues["call"] == datetime.date(2026, 11, 17)
