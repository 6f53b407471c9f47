"""Experts (§6): a high-potential prospect is taken through a reinforced scheme by an expert
(the head of sales, a head of a technical department, an experienced seller, the director),
who works on such deals in a fixed weekly window of two to three hours. Expert meetings are
planned inside the expert's window, and a week holds no more of them than the window's hours
allow: what does not fit goes to the next week's window.
"""

import datetime


def meetings_per_window(window_hours, meeting_hours):
    """How many meetings an expert's weekly window holds (at least one: a window shorter than a
    meeting still takes one).

    >>> meetings_per_window(3, 1), meetings_per_window(2.5, 1), meetings_per_window(0.5, 1)
    (3, 2, 1)
    """
    if meeting_hours <= 0:
        return 1
    return max(int(window_hours // meeting_hours), 1)


def expert_meeting_day(today, window_weekday, booked, per_week):
    """The day of the expert's first window from ``today`` on whose week still has room.

    ``window_weekday``: 0 for Monday to 6 for Sunday; ``booked``: {Monday of a week: meetings
    already planned that week}; ``per_week``: what a window holds.

    >>> monday = datetime.date(2026, 11, 23)
    >>> expert_meeting_day(monday, 2, {}, 2)
    datetime.date(2026, 11, 25)
    >>> expert_meeting_day(monday, 2, {monday: 2}, 2)
    datetime.date(2026, 12, 2)
    >>> expert_meeting_day(datetime.date(2026, 11, 26), 2, {}, 2)
    datetime.date(2026, 12, 2)
    """
    day = today + datetime.timedelta(days=(window_weekday - today.weekday()) % 7)
    while booked.get(day - datetime.timedelta(days=day.weekday()), 0) >= per_week:
        day += datetime.timedelta(days=7)
    return day
