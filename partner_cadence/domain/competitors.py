"""Competitors (§1, from the same source as §2): single out the few nearest competitors (3),
know each one's main strengths and weaknesses (5 of each), and decide from them what to do
(cut a price, run an offer...). Both numbers are settings.

The deals a competitor took part in, and those lost to it, tell how we fare against it: the
win rate counts the deals decided (won or lost), not those still open.
"""


def analysis_gaps(strengths, weaknesses, wanted):
    """How many strengths and weaknesses of a competitor are still to find, ``wanted`` of each.

    >>> analysis_gaps(5, 2, 5)
    (0, 3)
    >>> analysis_gaps(7, 0, 5)
    (0, 5)
    """
    return max(wanted - strengths, 0), max(wanted - weaknesses, 0)


def too_many_nearest(nearest_count, limit):
    """Whether more competitors are marked nearest than the methodology singles out.

    >>> too_many_nearest(3, 3), too_many_nearest(4, 3)
    (False, True)
    """
    return nearest_count > limit


def win_rate(won, lost):
    """The share of decided deals won against a competitor, in percent; None while none was
    decided (no 0% that is not one).

    >>> win_rate(3, 1)
    75.0
    >>> win_rate(0, 0) is None
    True
    """
    decided = won + lost
    return 100.0 * won / decided if decided else None
