"""The nurture sequence of a lead, and how a prospect is qualified (§4 and §6).

A lead that made contact goes through phases: an intensive one (the first 21-30 days, at
least 7 touches: most purchases are decided in the first three to four weeks), then weekly
touches, educational now, then monthly ones for as long as it neither buys nor leaves. Each
phase either spreads a number of touches over its duration or touches every N days, weeks or
months (the phases are data records admins edit). The first touch is due the day the lead
enrols; every touch must bring something new. A phase's number of touches is a minimum: a
salesperson who fell behind gets the touches still owed compressed into what is left of the
phase, the lead moves on when the phase ends all the same, and a phase ended short of its
minimum is said so. Intensive touches sell; the later ones educate (each phase says which).
Channels rotate (call, e-mail, letter), unless the contact prefers one. A lead that is won or
blacklisted stops.

A lost lead is not the end: the prospects we invested in are touched "until they buy or die".
Lost for a reason that means "not now" (price, timing, a competitor, no answer), a nurtured
lead goes on in long-term nurturing: the last phase's touches (educational, monthly as
shipped), counted from the day it was lost. A reason that means "never" (low potential, spam,
no such company) stops it; the admin says which reason does which. Restored, the lead goes
back to the phase its age puts it in.

Two to four marker questions, asked early, sort a prospect: any low answer means low
potential (not nurtured), half the answers or more high means high potential (an expert
takes it), anything else is standard. A real prospect has the need, the desire, the funds
and the authority to buy: the qualification score is the share of those confirmed.
"""

import dataclasses
import datetime

from .bounds import MAX_REACH_DAYS, period_too_long
from .cadence import add_interval

LOW, STANDARD, HIGH = "low", "standard", "high"


@dataclasses.dataclass(frozen=True)
class Phase:
    """One phase: ``duration_days`` of 0 is open-ended (the last phase only).

    ``touch_count`` > 0 spreads that many touches over the duration; otherwise a touch is due
    every ``interval_number`` ``interval_unit``.
    """

    phase_id: int
    duration_days: int
    touch_count: int = 0
    interval_number: int = 0
    interval_unit: str = "day"


def check_phases(phases):
    """Refuse a sequence a lead could not go through: the reason, or None when it is sound.

    >>> check_phases([Phase(1, 30, touch_count=7), Phase(2, 0, interval_number=1, interval_unit="month")])
    >>> check_phases([Phase(1, 0, interval_number=1_000_000, interval_unit="month")])
    'too_long'
    """
    if not phases:
        return "empty"
    for index, phase in enumerate(phases):
        if phase.duration_days < 0:
            return "negative_duration"
        if phase.duration_days == 0 and index < len(phases) - 1:
            return "open_ended_in_the_middle"
        if phase.touch_count <= 0 and phase.interval_number <= 0:
            return "no_rhythm"
        if phase.touch_count > 0 and phase.duration_days == 0:
            return "touches_without_duration"
        if phase.duration_days > MAX_REACH_DAYS or (
            phase.touch_count <= 0 and period_too_long(phase.interval_number, phase.interval_unit)
        ):
            return "too_long"
    return None


def phase_index_on(phases, start, day):
    """Index of the phase a lead enrolled on ``start`` is in on ``day``."""
    offset = (day - start).days
    elapsed = 0
    for index, phase in enumerate(phases):
        if phase.duration_days == 0 or offset < elapsed + phase.duration_days:
            return index
        elapsed += phase.duration_days
    return len(phases) - 1


def phase_start(phases, start, index):
    return start + datetime.timedelta(days=sum(phase.duration_days for phase in phases[:index]))


def _due_in_phase(phase, begins, last_touch, done_in_phase):
    if last_touch is None or last_touch < begins:
        return begins if last_touch is None else max(begins, _step(phase, last_touch))
    due = _step(phase, last_touch)
    owed = phase.touch_count - done_in_phase
    if phase.touch_count > 0 and owed > 0:
        # Behind on the minimum: what is owed, spread over the days the phase has left.
        ends = begins + datetime.timedelta(days=phase.duration_days)
        due = min(due, last_touch + datetime.timedelta(days=max((ends - last_touch).days // (owed + 1), 1)))
    return due


def _step(phase, last_touch):
    if phase.touch_count > 0:
        return last_touch + datetime.timedelta(days=max(phase.duration_days // phase.touch_count, 1))
    return add_interval(last_touch, phase.interval_number, phase.interval_unit)


def next_nurture_touch(phases, start, last_touch, today, done_in_phase):
    """(phase index, due date) of a lead's next touch.

    The first touch is due the day the lead enrols. ``done_in_phase`` touches were made in
    the phase ``today`` is in; fewer than its minimum compresses the rest into the days it has
    left. A touch that would fall after its phase ends follows the next phase's rhythm
    instead, never earlier than that phase begins.
    """
    index = phase_index_on(phases, start, max(today, last_touch or start))
    while True:
        phase = phases[index]
        begins = phase_start(phases, start, index)
        due = _due_in_phase(phase, begins, last_touch, done_in_phase)
        ends = begins + datetime.timedelta(days=phase.duration_days) if phase.duration_days else None
        if ends is None or due < ends or index == len(phases) - 1:
            return index, due
        index += 1
        done_in_phase = 0


def next_long_term_touch(phase, since, last_touch):
    """Due date of a lost lead's next long-term touch: one step of ``phase`` (the sequence's
    last) after the day it was lost, ``since``, or after its last touch when that is later.

    >>> monthly = Phase(3, 0, interval_number=1, interval_unit="month")
    >>> next_long_term_touch(monthly, datetime.date(2026, 3, 10), datetime.date(2026, 3, 2))
    datetime.date(2026, 4, 10)
    >>> next_long_term_touch(monthly, datetime.date(2026, 3, 10), datetime.date(2026, 4, 15))
    datetime.date(2026, 5, 15)
    """
    return _step(phase, max(since, last_touch or since))


KEEP_NURTURING, STOP_NURTURING = "nurture", "stop"


def nurture_after_loss(state, reason_effect):
    """What becomes of a lead's nurturing when it is lost: "long_term", "stop" or None (nothing
    to change). ``state`` is its nurture state (None when never nurtured), ``reason_effect``
    what its lost reason says (None when no reason was given: the salesperson did not say it
    is only "not now", so it stops as any archived record does).

    >>> nurture_after_loss("running", KEEP_NURTURING)
    'long_term'
    >>> nurture_after_loss("paused", STOP_NURTURING)
    'stop'
    >>> nurture_after_loss("running", None)
    'stop'
    >>> nurture_after_loss(None, KEEP_NURTURING)
    >>> nurture_after_loss("stopped", KEEP_NURTURING)
    """
    if state not in ("running", "paused"):
        return None
    return "long_term" if reason_effect == KEEP_NURTURING else "stop"


def missed_minimum(phase, done_in_phase):
    """How many of its minimum touches a phase that just ended lacked (0: none)."""
    return max(phase.touch_count - done_in_phase, 0)


def next_channel(channels, touches_done, preferred=None):
    """The channel of the next touch: the contact's preferred one, else the next in rotation."""
    if preferred:
        return preferred
    if not channels:
        return None
    return channels[touches_done % len(channels)]


def lead_potential(answers, low_answers=1, high_share_percent=50):
    """Potential from marker answers (each low / standard / high), None without an answer.

    ``low_answers`` low answers cut the lead (one by default: "cut low potential first");
    otherwise at least ``high_share_percent`` of the answers high make it high (half by
    default); anything else is standard. Both are settings.
    """
    if not answers:
        return None
    if sum(answer == LOW for answer in answers) >= max(low_answers, 1):
        return LOW
    if 100 * sum(answer == HIGH for answer in answers) >= high_share_percent * len(answers):
        return HIGH
    return STANDARD


def hand_off_refusal(next_role, need_is_current, score, min_score, has_meeting, is_won):
    """Why a lead cannot pass to ``next_role`` yet (§5), or None.

    The qualifier hands a lead to a seller only when it is qualified (the need is current and
    the qualification score reaches the setting) and a meeting is booked for the seller; the
    account manager takes over a won deal. A sales manager may override.
    """
    if next_role == "selling":
        if not need_is_current or score < min_score:
            return "not_qualified"
        if not has_meeting:
            return "no_meeting"
    if next_role == "account" and not is_won:
        return "not_won"
    return None


def sequence_potential(potential):
    """Which phases a lead goes through besides those for every lead (§6): a high-potential
    lead the reinforced ones, any other lead (standard, or not sorted yet) the standard ones.

    >>> sequence_potential("high"), sequence_potential("standard"), sequence_potential(None)
    ('high', 'standard', 'standard')
    """
    return "high" if potential == "high" else "standard"


DECISION_MAKER = "decision_maker"


def authority_mark(buying_centre):
    """The authority mark of a lead, from its buying centre (§5, step 2 of the B2B cycle: find
    who decides and who influences the decision).

    ``buying_centre`` holds a ``(role, met)`` pair per person involved. Authority is confirmed
    once a decision maker is identified and met; until then it is unknown, whoever else was
    met: an influencer or a user does not sign.

    >>> authority_mark([("influencer", True), ("decision_maker", True)])
    'yes'
    >>> authority_mark([("decision_maker", False), ("user", True)])
    'unknown'
    >>> authority_mark([])
    'unknown'
    """
    if any(role == DECISION_MAKER and met for role, met in buying_centre):
        return "yes"
    return "unknown"


def qualification_score(need, desire, funds, authority):
    """Percentage of the four marks of a real prospect (need, desire, funds, authority) that are yes."""
    marks = (need, desire, funds, authority)
    return 100 * sum(mark == "yes" for mark in marks) // len(marks)
