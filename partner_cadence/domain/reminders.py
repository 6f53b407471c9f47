"""The reminder engine's rules: one open reminder per record and kind, who gets it, when it
is planned, and how the touch it leads to is dated.

Every planned reminder (a partner's cadence call or meeting, the call-back that completes
its first-contact information, the ask for referrals, a lead's nurture touch, a hand-off, an
expert meeting) sits in a *slot* of its record: a kind, and for a partner's cadence lines the
activity type too, since a partner has one line per type. A record has at most one open
reminder per slot, so the inbox never shows the same call twice and planning twice plans
nothing.

- A reminder is put in the inbox once it falls due within the planning horizon (a week by
  default): not earlier, so the inbox holds what matters now.
- An open reminder follows its due date wherever it moves (a touch recorded, a pause, a
  tier changed) and disappears when nothing is due any more (the partner stopped, the lead
  bought or was lost).
- It goes to the record's salesperson; for a partner without one, to its company's; when
  neither is there or they were archived, to the default responsible of the settings: a
  record never waits on someone who will not look.
- A call nobody answered is not a touch. After a set number of unanswered calls in a row
  (per tier, per nurture phase; 0 never stops), the record pauses until a resume date (a
  setting) and is tried again then; any real contact resets the count (§6: decide when to
  stop after X failed attempts and when to try again).
- Direct mail, then call (§6): about ten letters a day per salesperson (a setting), and a call
  to the same person a few days (3, a setting) after each letter went out.
- A done reminder is a touch, dated the day it is done; an activity logged after the fact
  (created and done the same day with a deadline in the past) happened on its deadline.
"""

import dataclasses
import datetime

# The kinds of planned reminder. A partner's cadence kinds hold one slot per activity type.
TOUCH = "touch"
FIRST_CONTACT = "first_contact"
ASK_REFERRALS = "ask_referrals"
PARTNER_CADENCE_KINDS = (TOUCH, FIRST_CONTACT, ASK_REFERRALS)
WARM_INTRO = "warm_intro"
NURTURE = "nurture"
HAND_OFF = "hand_off"
EXPERT_MEETING = "expert_meeting"


@dataclasses.dataclass(frozen=True)
class Reminder:
    """What a slot should hold: a reminder of ``activity_type_id`` due on ``deadline`` for
    ``user_id``."""

    activity_type_id: int
    deadline: object
    user_id: int


@dataclasses.dataclass(frozen=True)
class Changes:
    """What to do to the open reminders so that each slot holds what it should.

    ``create``: slots to fill; ``move``: {(deadline, user id): slots} to rewrite, grouped so
    that each group is one write; ``drop``: slots to empty.
    """

    create: list
    move: dict
    drop: list


def slot(kind, activity_type_id=None):
    """The slot key of a reminder: its kind, with the activity type for per-type kinds."""
    return f"{kind}:{activity_type_id}" if activity_type_id else kind


def slot_kind(key):
    return key.split(":", 1)[0]


def responsible(candidates, default_user_id, leaving=()):
    """The user a record's reminders go to: the first of ``candidates`` (pairs of user id and
    whether the user is active, first choice first) who is active and not ``leaving``, else
    ``default_user_id``."""
    for user_id, active in candidates:
        if user_id and active and user_id not in leaving:
            return user_id
    return default_user_id


def plan_changes(wanted, open_reminders, cutoff):
    """Compare what each slot should hold with what is open.

    :param wanted: {slot: Reminder, or None for "nothing due"}; slots not named are left alone
    :param open_reminders: {slot: (deadline, user id)} of the open reminders
    :param cutoff: the last due date planned now: a new reminder waits until it is due by then,
        an open one simply follows its due date
    """
    create, drop = [], []
    move = {}
    for key, reminder in wanted.items():
        current = open_reminders.get(key)
        if reminder is None:
            if current is not None:
                drop.append(key)
        elif current is None:
            if reminder.deadline <= cutoff:
                create.append(key)
        elif current != (reminder.deadline, reminder.user_id):
            move.setdefault((reminder.deadline, reminder.user_id), []).append(key)
    return Changes(create=create, move=move, drop=drop)


def days_late(deadline, today):
    """How many days a reminder is overdue on ``today``: 0 when it is not."""
    return max((today - deadline).days, 0)


def after_unanswered(unanswered_before, limit, today, resume_days):
    """(unanswered calls in a row now, the day to try again or None) after one more call
    nobody answered: at ``limit`` the record pauses for ``resume_days`` and the count restarts."""
    unanswered = unanswered_before + 1
    if limit > 0 and unanswered >= limit:
        return 0, today + datetime.timedelta(days=resume_days)
    return unanswered, None


def letters_to_plan(open_letters, daily_quota):
    """How many new letters a salesperson gets today: the daily quota less those still open."""
    return max(daily_quota - open_letters, 0)


def follow_up_call_date(letter_sent, days_after):
    """The day to call someone a letter was sent to."""
    return letter_sent + datetime.timedelta(days=days_after)


def touch_date(deadline, created_on, today, planned):
    """The day a done activity's touch happened.

    A planned reminder is done the day it is clicked, even when it was overdue. An activity
    created and completed today with a past deadline is a call logged after the fact: it
    happened on its deadline.
    """
    if not planned and deadline < today and created_on == today:
        return deadline
    return today
