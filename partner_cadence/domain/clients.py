"""Existing clients: when they will need us again, how much more they could buy, which
matter most, and how satisfied they are (§6 and §7).

- Repurchase timing: from the dates a client bought (won opportunities, confirmed orders),
  the typical interval is the median gap between purchases, and the next purchase is
  expected that long after the last one. With fewer purchases than a setting (3 by default)
  there is no telling: no date. A reminder reaches the account manager a set number of days
  before (7 by default), because competitors work your past clients while you chase new ones.
- Win-back (§7: competitors work your past clients while you chase new ones): a client who
  has not bought for longer than their usual gap, and a share of it on top (50% by default),
  is called back; with too few purchases to know their rhythm, after a set number of days
  without a purchase (180 by default; 0 calls nobody back). Once per lapse: the call is not
  planned again until the client buys again and lapses anew.
- Individual sales plan: by default last year's purchases plus the up-sell share (15-20%:
  what would make the client buy that much more; 15% by default).
- ABC: clients sorted by revenue, largest first; those making the first 80% of it are A, the
  next 15% B, the rest C (thresholds are settings).
- XYZ: how regular a client's monthly purchases are over the last twelve months, as their
  coefficient of variation (standard deviation over mean): up to 10% is X (steady), up to 25%
  Y, above Z (thresholds are settings; the sources give none, these are the usual ones).
- NPS: a score from 0 to 10; 9-10 promoters, 7-8 neutral, 0-6 detractors (settings); the net
  promoter score is the share of promoters minus the share of detractors, in points. A score
  is written in a done NPS survey call, or answered in Odoo's Surveys app (a scale question
  from 0 to 10 of a completed survey); a client's latest score counts.
"""

import datetime
import itertools
import math
import re
import statistics

PROMOTER, NEUTRAL, DETRACTOR = "promoter", "neutral", "detractor"
NPS_MAX = 10


def repurchase_forecast(purchase_dates, min_purchases):
    """(typical interval in days, expected next purchase date) from the dates a client bought,
    or None when there are fewer than ``min_purchases`` distinct purchase days."""
    days = sorted(set(purchase_dates))
    if len(days) < max(min_purchases, 2):
        return None
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(days)]
    interval = round(statistics.median(gaps))
    return interval, days[-1] + datetime.timedelta(days=interval)


def sales_target(last_year_purchases, upsell_percent):
    """The year's individual sales plan: last year's purchases and the up-sell share on top."""
    if last_year_purchases < 0:
        raise ValueError("purchases cannot be negative")
    return round(last_year_purchases * (1 + upsell_percent / 100.0), 2)


def abc_classes(revenue_by_client, a_percent, b_percent):
    """{client: "A" | "B" | "C"} by cumulative share of revenue, largest client first.

    A client is A while the share before it is under ``a_percent``, B while under
    ``a_percent + b_percent``, else C; clients with no revenue are C.
    """
    total = sum(revenue for revenue in revenue_by_client.values() if revenue > 0)
    classes = {}
    cumulative = 0.0
    for client, revenue in sorted(revenue_by_client.items(), key=lambda item: (-item[1], str(item[0]))):
        if revenue <= 0 or not total:
            classes[client] = "C"
            continue
        before = 100.0 * cumulative / total
        classes[client] = "A" if before < a_percent else "B" if before < a_percent + b_percent else "C"
        cumulative += revenue
    return classes


def xyz_class(monthly_amounts, x_percent, y_percent):
    """ "X", "Y" or "Z" from a client's purchases per month (zeros included), or None when the
    client bought nothing at all in the period."""
    if not monthly_amounts or sum(monthly_amounts) <= 0:
        return None
    mean = statistics.fmean(monthly_amounts)
    variation = 100.0 * statistics.pstdev(monthly_amounts) / mean
    if variation <= x_percent:
        return "X"
    if variation <= y_percent:
        return "Y"
    return "Z"


def nps_group(score, promoter_min, neutral_min):
    """The group of an NPS score: promoter, neutral or detractor."""
    if not 0 <= score <= NPS_MAX:
        raise ValueError(f"an NPS score runs from 0 to {NPS_MAX}, got {score}")
    if score >= promoter_min:
        return PROMOTER
    if score >= neutral_min:
        return NEUTRAL
    return DETRACTOR


def net_promoter_score(scores, promoter_min, neutral_min):
    """Promoters' share minus detractors' share of ``scores``, in points (-100 to 100); None
    without scores."""
    if not scores:
        return None
    groups = [nps_group(score, promoter_min, neutral_min) for score in scores]
    return round(100.0 * (groups.count(PROMOTER) - groups.count(DETRACTOR)) / len(groups))


def new_survey_scores(answers, known):
    """The survey answers that change a client's score, as {client: (day, score)}.

    ``answers`` are (client, day, score) of completed surveys, ``known`` is {client: (day,
    score)} of the scores recorded already. A client's latest answer counts; it is recorded
    unless an answer of a later day, or the same score of the same day, is known already, so
    reading the same answers again changes nothing.
    """
    latest = {}
    for client, day, score in answers:
        if client not in latest or day > latest[client][0]:
            latest[client] = (day, score)
    changes = {}
    for client, (day, score) in latest.items():
        known_day, known_score = known.get(client) or (None, None)
        if known_day is not None and (day < known_day or (day == known_day and score == known_score)):
            continue
        changes[client] = (day, score)
    return changes


def segment_cells(text):
    """The ABC and XYZ cells an admin typed ("AX, AY BX"), upper-cased, or None when one is not
    a cell."""
    cells = {cell.upper() for cell in re.split(r"[\s,;]+", text or "") if cell}
    if any(len(cell) != 2 or cell[0] not in "ABC" or cell[1] not in "XYZ" for cell in cells):
        return None
    return cells


def score_from_text(text):
    """The NPS score a salesperson wrote in a done survey's feedback ("9, happy with the
    delivery"): the first whole number from 0 to 10 standing alone, or None."""
    match = re.search(r"(?<!\d)(?<!\d[.,])(10|[0-9])(?!\d)(?![.,]\d)", text or "")
    return int(match.group(1)) if match else None


def repurchase_call_date(expected, notice_days):
    """The day the account manager calls before an expected purchase."""
    return expected - datetime.timedelta(days=notice_days)


def winback_call_date(last_purchase, interval, winback_days, grace_percent):
    """The day a client who has not bought since ``last_purchase`` counts as lapsed and is
    called back, or None when nothing is known or win-back calls are off (``winback_days`` 0).

    A client with a rhythm (``interval`` days between purchases) lapses after it and
    ``grace_percent`` of it more; one without, after ``winback_days``.

    >>> winback_call_date(datetime.date(2026, 1, 1), 30, 180, 50)
    datetime.date(2026, 2, 15)
    >>> winback_call_date(datetime.date(2026, 1, 1), 0, 180, 50)
    datetime.date(2026, 6, 30)
    >>> winback_call_date(datetime.date(2026, 1, 1), 7, 180, 10)
    datetime.date(2026, 1, 9)
    >>> winback_call_date(datetime.date(2026, 1, 1), 30, 0, 50) is None
    True
    >>> winback_call_date(None, 30, 180, 50) is None
    True
    """
    if last_purchase is None or not winback_days:
        return None
    days = interval + math.ceil(interval * grace_percent / 100.0) if interval else winback_days
    return last_purchase + datetime.timedelta(days=days)


def monthly_amounts(purchases, first_month, months):
    """Purchases summed per calendar month over ``months`` months from ``first_month`` (a date
    on the first of a month): a list with a zero for each month without a purchase."""
    totals = [0.0] * months
    for day, amount in purchases:
        index = (day.year - first_month.year) * 12 + day.month - first_month.month
        if 0 <= index < months:
            totals[index] += amount
    return totals
