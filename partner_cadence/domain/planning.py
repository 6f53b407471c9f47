"""Planning one partner: every slot's due date from plain values (§1 and §2).

A partner on a tier has one *slot* per kind of touch its lines ask for (a call, a meeting),
one to complete its first-contact information while that is missing, and one to ask for
referrals. ``plan_partner`` decides when each falls due, in this order:

- A blocked partner (archived, "do not contact", on no tier) is due for nothing.
- While the first-contact information is missing, only the call that completes it is due:
  on the earliest day a touch would have been due, or the day the partner entered.
- A touch slot is due by its quotas: each of its lines (the tier's, and for a channel partner
  who is also a client, the client level's of the same type) asks for its next touch; the
  earlier of them wins. Never before the slot began to apply: a partner put on a weekly tier
  today, last called two months ago, is due today, not seven weeks late.
- Asking for referrals comes first right after the first real contact (§1: the
  recommendations are asked at the first contacts), then at the settings' interval after the
  last ask; never when the interval is 0.
- Nothing is due before the end of a pause; on working days only, a date moves to the next
  working day of the company's calendar.
- One touch a day: two touch slots never fall on the same day, nor on a day a touch was made;
  the slot listed first keeps its day.

The partner's next touch is the earliest of those dates, asking for referrals aside (it rides
along with the touches and does not make a partner late).

>>> import datetime
>>> call = QuotaLine(1, "week", touch_count=1)
>>> partner = PartnerPlan(
...     slots=(Slot("call", TOUCH, datetime.date(2026, 11, 1), datetime.date(2026, 11, 10), (call,)),),
... )
>>> plan_partner(partner, datetime.date(2026, 11, 23))
PlannedPartner(dues={'call': datetime.date(2026, 11, 17)}, next_touch=datetime.date(2026, 11, 17))

A pause holds it back, and a missing phone number asks for the call-back first:

>>> paused = dataclasses.replace(partner, paused_until=datetime.date(2026, 12, 1))
>>> plan_partner(paused, datetime.date(2026, 11, 23)).dues["call"]
datetime.date(2026, 12, 1)
>>> first = Slot("first", FIRST_CONTACT, datetime.date(2026, 11, 20))
>>> plan_partner(dataclasses.replace(partner, slots=(*partner.slots, first)), datetime.date(2026, 11, 23))
PlannedPartner(dues={'call': None, 'first': datetime.date(2026, 11, 17)}, next_touch=datetime.date(2026, 11, 17))
"""

import dataclasses
import datetime

from .cadence import add_interval, next_quota_touch, next_total_touch, next_working_day, one_touch_a_day
from .reminders import ASK_REFERRALS, FIRST_CONTACT, TOUCH


@dataclasses.dataclass(frozen=True)
class QuotaLine:
    """One line's quota: ``touch_count`` touches every ``interval_number`` ``interval_unit``
    (or in total), ``done`` of them counted so far in the current period (or in total)."""

    interval_number: int
    interval_unit: str
    touch_count: int
    in_total: bool = False
    done: int = 0


@dataclasses.dataclass(frozen=True)
class Slot:
    """One slot of a partner: ``key`` names it for the caller; ``start_date`` is when the
    partner entered it (its first touch is due then); ``lines`` are its quotas (touch slots)."""

    key: object
    kind: str
    start_date: datetime.date
    last_touch_date: datetime.date | None = None
    lines: tuple = ()


@dataclasses.dataclass(frozen=True)
class PartnerPlan:
    """What planning one partner reads: its slots in their order (the first keeps its day),
    and what holds them back."""

    slots: tuple
    blocked: bool = False
    paused_until: datetime.date | None = None
    ask_referrals_days: int = 0
    # None: every day is a working day; else (working weekdays, holidays).
    calendar: tuple | None = None


@dataclasses.dataclass(frozen=True)
class PlannedPartner:
    dues: dict
    next_touch: datetime.date | None


def line_due(line, slot, today):
    """When ``line`` of ``slot`` asks for its next touch, or None when it asks for none."""
    if line.in_total:
        return next_total_touch(
            slot.last_touch_date, line.interval_number, line.interval_unit, line.touch_count, line.done, slot.start_date
        )
    return next_quota_touch(
        slot.last_touch_date,
        line.interval_number,
        line.interval_unit,
        line.touch_count,
        line.done,
        today,
        first_due=slot.start_date,
        entered=slot.start_date,
    )


def plan_partner(partner, today):
    """Every slot's due date (None: nothing due) and the partner's next touch; see above."""
    if partner.blocked:
        return PlannedPartner({slot.key: None for slot in partner.slots}, None)
    quota_dues = {
        slot.key: min((due for line in slot.lines if (due := line_due(line, slot, today))), default=None)
        for slot in partner.slots
        if slot.kind == TOUCH
    }
    first_contact_pending = any(slot.kind == FIRST_CONTACT for slot in partner.slots)
    dues = {}
    for slot in partner.slots:
        if slot.kind == FIRST_CONTACT:
            due = min((day for day in quota_dues.values() if day), default=slot.start_date)
        elif first_contact_pending:
            due = None
        elif slot.kind == ASK_REFERRALS:
            due = _ask_referrals_due(partner, slot)
        else:
            due = quota_dues[slot.key] and max(quota_dues[slot.key], slot.start_date)
        if due and partner.paused_until and due < partner.paused_until:
            due = partner.paused_until
        if due and partner.calendar:
            due = next_working_day(due, *partner.calendar)
        dues[slot.key] = due
    touches = sorted(
        ((index, slot) for index, slot in enumerate(partner.slots) if slot.kind == TOUCH and dues[slot.key]),
        key=lambda item: (dues[item[1].key], item[0]),
    )
    dues.update(
        one_touch_a_day(
            [(slot.key, dues[slot.key]) for _index, slot in touches],
            {slot.last_touch_date for slot in partner.slots if slot.last_touch_date},
            lambda day: partner.calendar is None or next_working_day(day, *partner.calendar) == day,
        )
    )
    asks = {slot.key for slot in partner.slots if slot.kind == ASK_REFERRALS}
    next_touch = min((due for key, due in dues.items() if due and key not in asks), default=None)
    return PlannedPartner(dues, next_touch)


def _ask_referrals_due(partner, slot):
    """The first ask comes with the first real contact (never before the slot began to apply:
    the contact of a partner given its tier later counts from then), the next ones at the
    interval after the last ask.

    >>> call = Slot("call", TOUCH, datetime.date(2026, 11, 1), datetime.date(2026, 11, 10))
    >>> asks = Slot("asks", ASK_REFERRALS, datetime.date(2026, 11, 1))
    >>> _ask_referrals_due(PartnerPlan((call, asks), ask_referrals_days=90), asks)
    datetime.date(2026, 11, 10)
    >>> never_reached = Slot("call", TOUCH, datetime.date(2026, 11, 1))
    >>> _ask_referrals_due(PartnerPlan((never_reached, asks), ask_referrals_days=90), asks) is None
    True
    """
    if partner.ask_referrals_days <= 0:
        return None
    if slot.last_touch_date:
        return add_interval(slot.last_touch_date, partner.ask_referrals_days, "day")
    contacted = max(
        (other.last_touch_date for other in partner.slots if other.kind == TOUCH and other.last_touch_date),
        default=None,
    )
    return contacted and max(contacted, slot.start_date)
