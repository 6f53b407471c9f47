"""What a partner or client is worth, and what neglect costs (§1, §2, §4 and §7).

- Market share: a partner's yearly deals against the local market's (a setting; the source's
  market made about 100 deals a year, so a deal a quarter is about 4%, a deal a month 12%).
- Value: revenue won over the value window (twelve months by default), or typed by hand.
- Value at risk: each month a touch is overdue costs a share of the value (10% by default),
  never more than all of it.
- Required contacts: planned deals over the conversion rate, rounded up (3 deals at 20% need
  15 contacts a week); clients needed: sales plan over the average deal, rounded up.
- Share of wallet: our sales over a year over everything the client buys of the category in a
  year, whatever the value window; up-sell: the 15-20% more they could buy (a setting).
"""

import datetime

from .cadence import shift_months

# Calendar facts, not methodology: how many of each period make a year.
PERIODS_PER_YEAR = {"week": 52, "month": 12, "quarter": 4, "year": 1}
DAYS_PER_MONTH = 365.2425 / 12


def deals_per_year(deals, period):
    if deals < 0:
        raise ValueError(f"a number of deals cannot be negative, got {deals}")
    return deals * PERIODS_PER_YEAR[period]


def market_share(deals_in_year, market_size):
    """Percentage of the local market's yearly deals that go through this partner."""
    if market_size <= 0:
        raise ValueError(f"the market size must be positive, got {market_size}")
    return 100.0 * deals_in_year / market_size


def share_of_wallet(our_sales, total_purchases):
    """Our share, as a percentage, of what the client buys of the category; None if unknown."""
    if not total_purchases:
        return None
    if total_purchases < 0 or our_sales < 0:
        raise ValueError("sales and purchases cannot be negative")
    return 100.0 * our_sales / total_purchases


def upsell_potential(yearly_purchases, category_total, upsell_percent):
    """What the client could buy more in a year: the up-sell share (15-20%) of what they buy
    from us, never more than what they buy elsewhere when their total is known."""
    potential = yearly_purchases * upsell_percent / 100.0
    if category_total:
        potential = min(potential, max(category_total - yearly_purchases, 0.0))
    return potential


def months_overdue(next_touch, today):
    """How many months (fractional) a touch due on ``next_touch`` is late; 0 when not late."""
    if next_touch is None or next_touch >= today:
        return 0.0
    return (today - next_touch).days / DAYS_PER_MONTH


def value_at_risk(value, next_touch, today, monthly_loss_percent):
    """The part of a partner's value lost to neglect: months overdue x monthly loss, at most all of it."""
    if not value or value <= 0:
        return 0.0
    lost_share = min(months_overdue(next_touch, today) * monthly_loss_percent / 100.0, 1.0)
    return value * lost_share


def revenue_window_start(today, months):
    """First day of the revenue window that ends today (the last ``months`` months)."""
    return shift_months(today, -months) + datetime.timedelta(days=1)


def required_contacts(planned_deals, conversion_percent):
    """Contacts needed to close ``planned_deals`` when ``conversion_percent`` of contacts convert."""
    if not 0 < conversion_percent <= 100:
        raise ValueError(f"a conversion rate must be above 0% and at most 100%, got {conversion_percent}")
    return -(-planned_deals * 100 // conversion_percent)


def clients_needed(sales_plan, average_deal):
    """Clients needed in a period: the sales plan divided by the average deal, rounded up."""
    if average_deal <= 0:
        raise ValueError(f"the average deal must be positive, got {average_deal}")
    return -(-sales_plan // average_deal)
