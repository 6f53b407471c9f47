"""Work from the largest down (§2): prospects and overdue partners are taken in order of
potential, then company size.

A lead's potential (low, standard, high) comes from the marker questions (``nurture``); a lead
nobody has sorted yet is worked as a standard one. A company's size (small, medium, large) is
recorded on the company, and its contacts and leads read it; an unknown size comes after the
smallest known, so that what is known to be large is never behind a guess.

A partner's team counts too (§1: a bigger company has a bigger advertising budget, and can be
sold to as well): one whose team reaches a size (a setting) is a prospect for our own
products, not only a channel.
"""

SIZES = ("small", "medium", "large")
POTENTIALS = ("low", "standard", "high")
DEFAULT_POTENTIAL = "standard"


def work_rank(potential, size):
    """A number that puts the larger first: potential, then company size (higher first).

    >>> work_rank("high", "small") > work_rank("standard", "large") > work_rank("low", "large")
    True
    >>> work_rank(None, "medium") == work_rank("standard", "medium")
    True
    >>> work_rank(None, "small") > work_rank(None, None)
    True
    """
    potential_rank = POTENTIALS.index(potential or DEFAULT_POTENTIAL) + 1
    size_rank = SIZES.index(size) + 1 if size else 0
    return potential_rank * 10 + size_rank


def own_products_prospect(team_size, min_team_size):
    """Whether a partner with ``team_size`` people is a prospect for our own products: a team of
    at least ``min_team_size`` (0: nobody is flagged).

    >>> own_products_prospect(12, 10), own_products_prospect(9, 10), own_products_prospect(50, 0)
    (True, False, False)
    """
    return min_team_size > 0 and team_size >= min_team_size


def lead_from_answers(answers, field_of):
    """The lead a seminar attendee's answers make (§6: seminars are a source of prospects):
    ``answers`` is {question key: answer}, ``field_of`` {question key: lead field}; answers to
    questions with no field stay out (they reach the chatter), and so do empty ones. The lead
    is named after the person, else their company.

    >>> fields = {"name": "contact_name", "company": "partner_name"}
    >>> lead_from_answers({"name": "Vera", "company": "Codru", "need": "heat"}, fields)
    ({'contact_name': 'Vera', 'partner_name': 'Codru'}, 'Vera')
    >>> lead_from_answers({"company": "Codru", "name": ""}, fields)
    ({'partner_name': 'Codru'}, 'Codru')
    """
    values = {field_of[key]: answer for key, answer in answers.items() if key in field_of and answer}
    who = values.get("contact_name") or values.get("partner_name")
    return values, who
