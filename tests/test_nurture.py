import datetime
import itertools

import pytest

from partner_cadence.domain.economics import clients_needed, required_contacts
from partner_cadence.domain.nurture import (
    KEEP_NURTURING,
    STOP_NURTURING,
    Phase,
    authority_mark,
    check_phases,
    lead_potential,
    missed_minimum,
    next_channel,
    next_long_term_touch,
    next_nurture_touch,
    nurture_after_loss,
    phase_index_on,
    qualification_score,
)

D = datetime.date
START = D(2026, 11, 2)
# The defaults of §4: 30 intensive days with 7 touches, 60 weekly days, then monthly.
PHASES = [
    Phase(1, 30, touch_count=7),
    Phase(2, 60, interval_number=1, interval_unit="week"),
    Phase(3, 0, interval_number=1, interval_unit="month"),
]


def walk(days, late_until=None):
    """Touch every time a touch is due, for ``days``, but not before ``late_until`` (a
    salesperson who fell behind): the touch dates."""
    touches, last, phase, done = [], None, 0, 0
    while True:
        index, due = next_nurture_touch(PHASES, START, last, last or START, done)
        if index != phase:
            phase, done = index, 0
        if late_until and due < late_until and touches:
            due = late_until
        if (due - START).days >= days:
            return touches
        touches.append(due)
        last = due
        done += 1


def test_at_least_seven_touches_in_the_first_thirty_days():
    touches = walk(120)
    first_month = [t for t in touches if (t - START).days < 30]
    assert len(first_month) >= 7
    assert first_month[0] == START


def test_weekly_then_monthly_after_the_intensive_phase():
    touches = walk(150)
    weekly = [t for t in touches if 30 <= (t - START).days < 90]
    gaps = {(b - a).days for a, b in itertools.pairwise(weekly)}
    assert gaps == {7}
    monthly = [t for t in touches if (t - START).days >= 90]
    assert len(monthly) >= 2
    assert all(
        b == a.replace(month=a.month % 12 + 1, year=a.year + (a.month == 12)) for a, b in itertools.pairwise(monthly)
    )


def test_a_salesperson_behind_still_reaches_the_minimum_inside_the_window():
    # One touch on day 0, then nothing until day 16: six still owed in the 14 days left.
    touches = walk(30, late_until=START + datetime.timedelta(days=16))
    assert len(touches) >= 7
    assert all((t - START).days < 30 for t in touches)
    assert touches[1] == START + datetime.timedelta(days=16)


def test_on_schedule_the_touches_keep_their_even_spread():
    touches = walk(30)
    assert {(b - a).days for a, b in itertools.pairwise(touches)} == {4}


def test_a_phase_ended_short_of_its_minimum_says_how_short():
    assert missed_minimum(PHASES[0], 5) == 2
    assert missed_minimum(PHASES[0], 9) == 0
    assert missed_minimum(PHASES[1], 0) == 0


def test_phase_of_a_day():
    assert phase_index_on(PHASES, START, START) == 0
    assert phase_index_on(PHASES, START, START + datetime.timedelta(days=30)) == 1
    assert phase_index_on(PHASES, START, START + datetime.timedelta(days=400)) == 2


def test_a_touch_past_the_phase_end_follows_the_next_phase():
    index, due = next_nurture_touch(
        PHASES, START, START + datetime.timedelta(days=28), START + datetime.timedelta(days=28), 7
    )
    assert (index, due) == (1, START + datetime.timedelta(days=35))


def test_unsound_sequences_are_named():
    assert check_phases(PHASES) is None
    assert check_phases([]) == "empty"
    assert check_phases([Phase(1, 0, interval_number=1), Phase(2, 30, touch_count=3)]) == "open_ended_in_the_middle"
    assert check_phases([Phase(1, 30)]) == "no_rhythm"
    assert check_phases([Phase(1, 0, touch_count=3)]) == "touches_without_duration"


def test_channels_rotate_unless_the_contact_prefers_one():
    channels = ["call", "email", "letter", "meeting"]
    assert [next_channel(channels, n) for n in range(5)] == ["call", "email", "letter", "meeting", "call"]
    assert next_channel(channels, 3, preferred="letter") == "letter"
    assert next_channel([], 0) is None


def test_potential_from_marker_answers():
    assert lead_potential([]) is None
    assert lead_potential(["high", "low"]) == "low"
    assert lead_potential(["high", "standard"]) == "high"
    assert lead_potential(["standard", "standard", "high"]) == "standard"
    assert lead_potential(["high", "high", "standard"]) == "high"


def test_qualification_score():
    assert qualification_score("yes", "yes", "yes", "yes") == 100
    assert qualification_score("yes", "no", "unknown", "yes") == 50
    assert qualification_score("unknown", "unknown", "unknown", "unknown") == 0


def test_authority_needs_a_decision_maker_met():
    # Met influencers and users, a decision maker only named: nobody who signs was met yet.
    centre = [("influencer", True), ("user", True), ("gatekeeper", True), ("decision_maker", False)]
    assert authority_mark(centre) == "unknown"
    assert authority_mark([*centre, ("decision_maker", True)]) == "yes"
    assert qualification_score("yes", "yes", "yes", authority_mark(centre)) == 75


def test_planning_from_the_methodology():
    # Three deals a week, one contact in five converts: fifteen contacts.
    assert required_contacts(3, 20) == 15
    assert required_contacts(1, 30) == 4
    assert clients_needed(100_000, 7_000) == 15
    with pytest.raises(ValueError, match="conversion"):
        required_contacts(3, 0)
    with pytest.raises(ValueError, match="conversion"):
        required_contacts(3, 120)
    with pytest.raises(ValueError, match="average deal"):
        clients_needed(100, 0)


def test_hand_offs_are_gated():
    from partner_cadence.domain.nurture import hand_off_refusal

    assert hand_off_refusal("selling", False, 100, 75, True, False) == "not_qualified"
    assert hand_off_refusal("selling", True, 50, 75, True, False) == "not_qualified"
    assert hand_off_refusal("selling", True, 75, 75, False, False) == "no_meeting"
    assert hand_off_refusal("selling", True, 75, 75, True, False) is None
    assert hand_off_refusal("account", False, 0, 75, False, False) == "not_won"
    assert hand_off_refusal("account", False, 0, 75, False, True) is None


def test_how_answers_combine_is_configurable():
    assert lead_potential(["low", "high", "high"], low_answers=2) == "high"
    assert lead_potential(["low", "low", "high"], low_answers=2) == "low"
    assert lead_potential(["high", "standard", "standard"], high_share_percent=30) == "high"
    assert lead_potential(["high", "standard"], high_share_percent=75) == "standard"


def test_a_lead_lost_for_now_is_touched_monthly_until_it_buys():
    """§4: the prospects we invested in are touched "until they buy or die". Lost on 20
    November, touched on the day each touch falls due, for a year: twelve monthly touches."""
    lost_on, last, touches = D(2026, 11, 20), None, []
    while True:
        due = next_long_term_touch(PHASES[-1], lost_on, last)
        if due > D(2027, 11, 20):
            break
        touches.append(due)
        last = due
    assert touches[0] == D(2026, 12, 20), "a month after the loss, not at once"
    assert len(touches) == 12
    assert all((later - earlier).days in (28, 29, 30, 31) for earlier, later in itertools.pairwise(touches))


def test_a_late_long_term_touch_counts_from_when_it_was_made():
    assert next_long_term_touch(PHASES[-1], D(2026, 11, 20), D(2027, 1, 5)) == D(2027, 2, 5)


@pytest.mark.parametrize(
    ("state", "effect", "outcome"),
    [
        ("running", KEEP_NURTURING, "long_term"),
        ("paused", KEEP_NURTURING, "long_term"),
        ("running", STOP_NURTURING, "stop"),
        ("running", None, "stop"),
        ("stopped", KEEP_NURTURING, None),
        (None, KEEP_NURTURING, None),
    ],
)
def test_what_a_loss_does_to_nurturing(state, effect, outcome):
    assert nurture_after_loss(state, effect) == outcome
