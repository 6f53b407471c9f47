"""A day that fits the person: each salesperson's daily capacity, and one touch a day per person.

After a holiday, a tier change or an import, hundreds of reminders fall due on one day. Each
reminder being planned is put on the first day, from its due date on (today at the earliest),
that

- holds fewer open reminders of its user than the user's daily capacity (0: no cap), what is
  overdue counting on today, as the inbox shows it;
- holds no other planned touch of the same person, whatever its kind (a letter and a call, two
  calls); asking for referrals and handing a lead over ride along with a touch and do not count;
- is a working day, when the day moves.

The most valuable go first (value at risk, then the earliest due), so what does not fit is the
least valuable; nothing is dropped: it moves day by day, as far as it must. A reminder that
keeps its own day keeps its due date, in the past when it is late.

>>> import datetime
>>> monday = datetime.date(2026, 11, 30)
>>> requests = [
...     Request("a", user_id=1, person="Ana", due=monday, value=10),
...     Request("b", user_id=1, person="Boris", due=monday, value=500),
...     Request("c", user_id=1, person="Boris", due=monday + datetime.timedelta(days=1)),
... ]
>>> placed = place_reminders(requests, load={}, taken=[], capacity={1: 1}, today=monday)
>>> {key: day.isoformat() for key, day in sorted(placed.items())}
{'a': '2026-12-01', 'b': '2026-11-30', 'c': '2026-12-02'}

Without a cap, only the person's day counts: Boris has a letter going out on Tuesday, so his
call due then waits a day; a late call keeps its date.

>>> letter = (("Boris", monday + datetime.timedelta(days=1)),)
>>> late = Request("d", user_id=1, person="Ana", due=monday - datetime.timedelta(days=9))
>>> placed = place_reminders([requests[2], late], load={}, taken=letter, capacity={}, today=monday)
>>> {key: day.isoformat() for key, day in sorted(placed.items())}
{'c': '2026-12-02', 'd': '2026-11-21'}
"""

import collections
import dataclasses
import datetime

from .cadence import next_working_day
from .reminders import ASK_REFERRALS, HAND_OFF

# Kinds that ride along with a touch: they never make a person's day "taken".
RIDES_ALONG = (ASK_REFERRALS, HAND_OFF)


@dataclasses.dataclass(frozen=True)
class Request:
    """A reminder to put on a day: ``key`` names it for the caller, ``person`` is whom it
    touches (None when it rides along), ``value`` how much is at risk without it, and
    ``calendar`` the (working weekdays, holidays) a moved reminder must land on (None: any day)."""

    key: object
    user_id: int
    person: object
    due: datetime.date
    value: float = 0.0
    calendar: tuple | None = None


def _priority(request):
    return (-request.value, request.due)


def place_reminders(requests, load, taken, capacity, today, reach=366):
    """{request key: the day its reminder goes on}.

    :param requests: the reminders being planned (``Request``), in any order
    :param load: {(user id, deadline): how many other open reminders that user has due then}
    :param taken: (person, deadline) of each other open touch of these persons
    :param capacity: {user id: reminders a day}; a user not named, or at 0, has no cap
    :param today: the planning day: what is due before counts on it
    :param reach: how many days a reminder may move at most, so that a capacity far too small
        for the base still ends; beyond, it goes on its first day (never dropped)
    """
    counts = collections.Counter()
    for (user_id, day), count in load.items():
        counts[user_id, max(day, today)] += count
    busy = {(person, max(day, today)) for person, day in taken}
    # Per user, a day before which every day is full: an import of thousands does not walk
    # the same full days again for each reminder.
    full_until = {}
    placed = {}
    for request in sorted(requests, key=_priority):
        first = max(request.due, today)
        cap = capacity.get(request.user_id) or 0
        day = max(first, full_until.get(request.user_id, today)) if cap else first
        for _step in range((first + datetime.timedelta(days=reach) - day).days + 1):
            fits = (cap == 0 or counts[request.user_id, day] < cap) and (
                request.person is None or (request.person, day) not in busy
            )
            if fits and (day == first or is_working_day(day, request.calendar)):
                break
            day += datetime.timedelta(days=1)
        else:
            day = first
        counts[request.user_id, day] += 1
        if cap:
            frontier = full_until.get(request.user_id, today)
            while counts[request.user_id, frontier] >= cap:
                frontier += datetime.timedelta(days=1)
            full_until[request.user_id] = frontier
        if request.person is not None:
            busy.add((request.person, day))
        placed[request.key] = request.due if day == first else day
    return placed


def is_working_day(day, calendar):
    """Whether ``day`` is a working day of ``calendar`` ((weekdays, holidays); None: all are)."""
    return calendar is None or next_working_day(day, *calendar) == day
