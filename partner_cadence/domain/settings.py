"""The numbers an admin tunes, read once into one typed object that every part uses.

Each number is stored as a system parameter ``partner_cadence.<name>`` (Settings > CRM >
Partner Cadence writes them); the methodology's values are shipped as their defaults:

- ``horizon_days`` (7): reminders reach the inbox a week before they fall due, so a weekly
  partner always has its next call planned and a quarterly one appears a week early.
- ``quota_period`` ("quarter"): the period a client level's N meetings and N calls are counted
  in. The methodology names no period; a quarter is the shipped choice.
- ``weekdays_only``: a reminder due on a weekend or a public holiday moves to the next working
  day of the company's working calendar.
- ``market_size`` (100): deals a year on the local market (the source's realtor market made
  about 100), against which a partner's market share is measured.
- ``monthly_loss_percent`` (10): each month without a touch costs about 10% of a contact's value.
- ``value_window_months`` (12): revenue of the last twelve months makes a partner's value.
- ``logged_touches_reset``: a call logged after the fact restarts the clock like a planned one.
- ``ask_referrals_days`` (90): how often every partner is asked for colleagues and third parties.
- ``introduction_max_hops`` (6): the "six handshakes": the longest introduction chain looked for.
- ``planned_deals`` (3) and ``conversion_percent`` (20): three deals a week need fifteen
  contacts when one in five converts.
- ``nurture_window_min_days`` / ``nurture_window_max_days`` (21 / 30): the intensive phase of a
  lead's nurturing lasts 21 to 30 days.
- ``marker_questions_max`` (4): two to four marker questions sort a lead's potential.
- ``nurture_on_create``: every new lead starts its nurture sequence at once.
- ``expert_group_id``: the group whose members take high-potential leads.
- ``default_user_id``: who gets the reminders of a record whose salesperson is missing or gone.
- ``purchase_history_months`` (36): how far back purchases are read to tell when a client
  buys again.
- ``repurchase_min_purchases`` (3): purchases needed before a client's rhythm is trusted.
- ``repurchase_notice_days`` (7): how many days before the expected purchase the call is due.
- ``upsell_percent`` (15): the 15-20% more a client could buy, on top of last year's purchases
  in the individual sales plan.
- ``abc_a_percent`` / ``abc_b_percent`` (80 / 15): the shares of revenue of the A and B classes.
- ``xyz_x_percent`` / ``xyz_y_percent`` (10 / 25): the variation of monthly purchases up to
  which a client is X, then Y.
- ``nps_promoter_min`` / ``nps_neutral_min`` (9 / 7): the lowest score of a promoter and of a
  neutral client; below is a detractor.
- ``wallet_known_goal_percent`` (60): the share of clients whose share of wallet should be
  known (60-70%).
- ``unanswered_resume_days`` (60): how long a record that stopped answering rests before it
  is tried again (the sources say to decide it, and give no number).
- ``direct_mail_daily_letters`` (10) / ``direct_mail_call_after_days`` (3): direct mail sends
  about ten letters a day, then calls the same people a few days later.
- ``handoff_min_score`` (75): the qualification score (need, desire, funds, authority) a lead
  needs before the qualifier hands it to a seller (the sources give none: three of four).
- ``potential_low_answers`` / ``potential_high_percent`` (1 / 50): how marker answers combine:
  this many low answers make a lead low potential, this share of high answers high.
- ``share_monthly_percent`` / ``share_rare_percent`` (12 / 4): the market share from which a
  partner is suggested monthly contact, then contact every two months.
- ``batch_size``: how many records a scheduled action plans per transaction (technical, not
  the methodology's: a run killed midway keeps every finished batch).
"""

import dataclasses

from .bounds import DEFAULT_BATCH_SIZE

PARAMETER_PREFIX = "partner_cadence."


@dataclasses.dataclass(frozen=True)
class CadenceSettings:
    horizon_days: int
    quota_period: str
    weekdays_only: bool
    market_size: int
    monthly_loss_percent: float
    value_window_months: int
    logged_touches_reset: bool
    ask_referrals_days: int
    introduction_max_hops: int
    planned_deals: int
    conversion_percent: float
    nurture_window_min_days: int
    nurture_window_max_days: int
    marker_questions_max: int
    nurture_on_create: bool
    expert_group_id: int
    default_user_id: int
    purchase_history_months: int
    repurchase_min_purchases: int
    repurchase_notice_days: int
    upsell_percent: int
    abc_a_percent: int
    abc_b_percent: int
    xyz_x_percent: int
    xyz_y_percent: int
    nps_promoter_min: int
    nps_neutral_min: int
    wallet_known_goal_percent: int
    unanswered_resume_days: int
    direct_mail_daily_letters: int
    direct_mail_call_after_days: int
    handoff_min_score: int
    potential_low_answers: int
    potential_high_percent: int
    share_monthly_percent: int
    share_rare_percent: int
    batch_size: int

    @classmethod
    def parameter_keys(cls):
        return [PARAMETER_PREFIX + field.name for field in dataclasses.fields(cls)]

    @classmethod
    def from_parameters(cls, get):
        """Settings from ``get(key)``, which returns a parameter's text or None when unset.

        An unset or unreadable number reads as 0 and an unset switch as off, as Odoo's own
        settings do; a batch size that is unset or not positive falls back to the default.
        """
        values = {}
        for field in dataclasses.fields(cls):
            raw = get(PARAMETER_PREFIX + field.name)
            values[field.name] = _parse(field.type, raw)
        if values["batch_size"] <= 0:
            values["batch_size"] = DEFAULT_BATCH_SIZE
        return cls(**values)


def _parse(kind, raw):
    if kind in (bool, "bool"):
        return raw == "True"
    if kind in (str, "str"):
        return raw or ""
    number = float if kind in (float, "float") else int
    try:
        return number(raw or 0)
    except ValueError:
        return number(float(raw)) if _is_float(raw) else number(0)


def _is_float(raw):
    try:
        float(raw)
    except ValueError:
        return False
    return True
