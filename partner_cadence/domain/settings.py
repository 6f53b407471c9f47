"""The numbers an admin tunes, read once into one typed object that every part uses.

Each number is stored as a system parameter ``partner_cadence.<name>`` (Settings > CRM >
Partner Cadence writes them); the methodology's values, shipped as ``SETTINGS`` below, are
written at install:

- ``horizon_days``: reminders reach the inbox a week before they fall due, so a weekly
  partner always has its next call planned and a quarterly one appears a week early.
- ``quota_period``: the period a client level's N meetings and N calls are counted
  in. The methodology names no period; a quarter is the shipped choice.
- ``weekdays_only``: a reminder due on a weekend or a public holiday moves to the next working
  day of the company's working calendar.
- ``market_size``: deals a year on the local market (the source's realtor market made
  about 100), against which a partner's market share is measured.
- ``monthly_loss_percent``: each month without a touch costs about 10% of a contact's value.
- ``value_window_months``: revenue of the last twelve months makes a partner's value.
- ``logged_touches_reset``: a call logged after the fact restarts the clock like a planned one.
- ``ask_referrals_days``: how often every partner is asked for colleagues and third parties
  (the first time right after the first real contact).
- ``introduction_max_hops``: the "six handshakes": the longest introduction chain looked for.
- ``planned_deals`` and ``conversion_percent``: three deals a week need fifteen
  contacts when one in five converts.
- ``nurture_window_min_days`` / ``nurture_window_max_days``: the intensive phase of a
  lead's nurturing lasts 21 to 30 days.
- ``marker_questions_max``: two to four marker questions sort a lead's potential.
- ``nurture_on_create``: every potential client who makes contact is nurtured: a new lead
  enters the nurture sequence by itself.
- ``expert_group_id``: the group whose members take high-potential leads.
- ``expert_window_hours`` / ``expert_meeting_hours``: an expert's weekly window for such
  deals (two to three hours; a user may have their own) and how long an expert meeting takes
  (the sources give none: an hour), which together say how many meetings a week holds.
- ``default_user_id``: who gets the reminders of a record whose salesperson is missing or gone.
- ``purchase_history_months``: how far back purchases are read to tell when a client
  buys again.
- ``repurchase_min_purchases``: purchases needed before a client's rhythm is trusted.
- ``repurchase_notice_days``: how many days before the expected purchase the call is due.
- ``winback_days`` / ``winback_grace_percent``: a client whose rhythm is unknown is called
  back after this many days without a purchase (0: no win-back calls); one with a rhythm,
  after their usual gap and this share of it on top. The sources give neither number.
- ``upsell_percent``: the 15-20% more a client could buy, on top of last year's purchases
  in the individual sales plan.
- ``abc_a_percent`` / ``abc_b_percent``: the shares of revenue of the A and B classes.
- ``xyz_x_percent`` / ``xyz_y_percent``: the variation of monthly purchases up to
  which a client is X, then Y.
- ``nps_promoter_min`` / ``nps_neutral_min``: the lowest score of a promoter and of a
  neutral client; below is a detractor.
- ``wallet_known_goal_percent``: the share of clients whose share of wallet should be
  known (60-70%).
- ``unanswered_resume_days``: how long a record that stopped answering rests before it
  is tried again (the sources say to decide it, and give no number).
- ``call_retry_days``: after a call nobody answered, or a message left, the next attempt
  comes this many days later (the sources say to call again, and give no delay).
- ``daily_capacity``: how many reminders a salesperson's day holds (0: no cap); what does not
  fit moves to the next working day, the least valuable first. The sources give no number:
  forty is a full day of calls and letters. A user's own capacity, when set, comes first.
- ``direct_mail_daily_letters`` / ``direct_mail_call_after_days``: direct mail sends
  about ten letters a day, then calls the same people a few days later.
- ``own_products_team_size``: a partner whose team has at least this many people has an
  advertising budget of its own and is flagged as a prospect for our products (0: nobody). The
  sources give no number: ten people.
- ``competitors_nearest`` / ``competitor_points``: single out the 3 nearest competitors and
  their 5 main strengths and 5 main weaknesses.
- ``handoff_min_score``: the qualification score (need, desire, funds, authority) a lead
  needs before the qualifier hands it to a seller (the sources give none: three of four).
- ``potential_low_answers`` / ``potential_high_percent``: how marker answers combine:
  this many low answers make a lead low potential, this share of high answers high.
- ``share_monthly_percent`` / ``share_rare_percent``: the market share from which a
  partner is suggested monthly contact, then contact every two months.
- ``batch_size``: how many records a scheduled action plans per transaction (technical, not
  the methodology's: a run killed midway keeps every finished batch).
"""

import dataclasses

from .bounds import DEFAULT_BATCH_SIZE, MAX_REACH_DAYS, max_months

PARAMETER_PREFIX = "partner_cadence."


@dataclasses.dataclass(frozen=True)
class Setting:
    """A setting's shipped value and the range an admin may set it in (None: no bound)."""

    default: object
    minimum: float | None = None
    maximum: float | None = None


# The values above, each once: written at install, checked on every Save of Settings.
SETTINGS = {
    "horizon_days": Setting(7, 0, MAX_REACH_DAYS),
    "quota_period": Setting("quarter"),
    "weekdays_only": Setting(False),
    "market_size": Setting(100, 1),
    "monthly_loss_percent": Setting(10.0, 0, 100),
    "value_window_months": Setting(12, 1, max_months()),
    "logged_touches_reset": Setting(True),
    "ask_referrals_days": Setting(90, 0, MAX_REACH_DAYS),
    "introduction_max_hops": Setting(6, 1, 12),
    "planned_deals": Setting(3, 0),
    "conversion_percent": Setting(20.0, 0.1, 100),
    "nurture_window_min_days": Setting(21, 1, MAX_REACH_DAYS),
    "nurture_window_max_days": Setting(30, 1, MAX_REACH_DAYS),
    "marker_questions_max": Setting(4, 1, 100),
    "expert_window_hours": Setting(3.0, 0.5, 40),
    "expert_meeting_hours": Setting(1.0, 0.25, 8),
    "nurture_on_create": Setting(True),
    "purchase_history_months": Setting(36, 1, max_months()),
    "repurchase_min_purchases": Setting(3, 2),
    "repurchase_notice_days": Setting(7, 0, MAX_REACH_DAYS),
    "winback_days": Setting(180, 0, MAX_REACH_DAYS),
    "winback_grace_percent": Setting(50, 0, 1000),
    "upsell_percent": Setting(15, 0, 100),
    "abc_a_percent": Setting(80, 1, 100),
    "abc_b_percent": Setting(15, 0, 100),
    "xyz_x_percent": Setting(10, 0, 1000),
    "xyz_y_percent": Setting(25, 0, 1000),
    "nps_promoter_min": Setting(9, 1, 10),
    "nps_neutral_min": Setting(7, 1, 10),
    "wallet_known_goal_percent": Setting(60, 0, 100),
    "unanswered_resume_days": Setting(60, 1, MAX_REACH_DAYS),
    "call_retry_days": Setting(1, 1, MAX_REACH_DAYS),
    "daily_capacity": Setting(40, 0, 1000),
    "direct_mail_daily_letters": Setting(10, 1, 1000),
    "direct_mail_call_after_days": Setting(3, 0, MAX_REACH_DAYS),
    "own_products_team_size": Setting(10, 0, 100000),
    "competitors_nearest": Setting(3, 1, 100),
    "competitor_points": Setting(5, 1, 100),
    "handoff_min_score": Setting(75, 0, 100),
    "potential_low_answers": Setting(1, 1),
    "potential_high_percent": Setting(50, 1, 100),
    "share_monthly_percent": Setting(12, 0, 100),
    "share_rare_percent": Setting(4, 0, 100),
    "batch_size": Setting(DEFAULT_BATCH_SIZE, 1),
}

# Settings read together: (rule, settings it reads, whether values hold it).
ORDER_RULES = (
    ("abc_shares", ("abc_a_percent", "abc_b_percent"), lambda a, b: a + b <= 100),
    ("xyz_order", ("xyz_x_percent", "xyz_y_percent"), lambda x, y: x <= y),
    ("nps_order", ("nps_neutral_min", "nps_promoter_min"), lambda neutral, promoter: neutral <= promoter),
    ("share_order", ("share_rare_percent", "share_monthly_percent"), lambda rare, monthly: rare <= monthly),
    ("nurture_window", ("nurture_window_min_days", "nurture_window_max_days"), lambda low, high: low <= high),
)


def setting_problem(values):
    """The first thing wrong with ``values`` ({setting: value}, any subset), or None.

    ``("range", name, minimum, maximum)`` for a value out of its range (either bound may be
    None), ``("order", rule)`` for settings that disagree with each other.

    >>> setting_problem({"horizon_days": 7, "market_size": 200})
    >>> setting_problem({"market_size": 0})
    ('range', 'market_size', 1, None)
    >>> setting_problem({"nps_neutral_min": 9, "nps_promoter_min": 7})
    ('order', 'nps_order')
    """
    for name, value in values.items():
        setting = SETTINGS[name]
        if setting.minimum is None and setting.maximum is None:
            continue
        if (setting.minimum is not None and value < setting.minimum) or (
            setting.maximum is not None and value > setting.maximum
        ):
            return ("range", name, setting.minimum, setting.maximum)
    for rule, names, holds in ORDER_RULES:
        if all(name in values for name in names) and not holds(*(values[name] for name in names)):
            return ("order", rule)
    return None


def default_parameters():
    """{parameter key: text} of the shipped values, as Odoo stores parameters (unset when off)."""
    return {
        PARAMETER_PREFIX + name: str(setting.default)
        for name, setting in SETTINGS.items()
        if setting.default is not False
    }


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
    expert_window_hours: float
    expert_meeting_hours: float
    default_user_id: int
    purchase_history_months: int
    repurchase_min_purchases: int
    repurchase_notice_days: int
    winback_days: int
    winback_grace_percent: int
    upsell_percent: int
    abc_a_percent: int
    abc_b_percent: int
    xyz_x_percent: int
    xyz_y_percent: int
    nps_promoter_min: int
    nps_neutral_min: int
    wallet_known_goal_percent: int
    unanswered_resume_days: int
    call_retry_days: int
    daily_capacity: int
    direct_mail_daily_letters: int
    direct_mail_call_after_days: int
    own_products_team_size: int
    competitors_nearest: int
    competitor_points: int
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
