from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..domain.settings import SETTINGS, setting_problem
from .crm_nurture_phase import INTENSIVE_PHASES

# Settings kept apart from the screen's number fields: the intensive window is the intensive
# phase's own duration (checked there), the rest are technical or edited elsewhere.
_PARTNER_CADENCE_NOT_ON_SCREEN = {
    "nurture_window_min_days",
    "nurture_window_max_days",
    "marker_questions_max",
    "batch_size",
}


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    partner_cadence_default_user_id = fields.Many2one(
        "res.users",
        string="Default Responsible",
        config_parameter="partner_cadence.default_user_id",
        domain="[('share', '=', False)]",
        help="Receives the reminders of partners who have no salesperson, nor a company with one.",
    )
    partner_cadence_horizon_days = fields.Integer(
        string="Planning Horizon (days)",
        config_parameter="partner_cadence.horizon_days",
        help="Reminders are put in the inbox this many days before the touch is due.",
    )
    partner_cadence_quota_period = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("half_year", "Half-year"), ("year", "Year")],
        string="Quota Period",
        config_parameter="partner_cadence.quota_period",
        help="The period of the client priority levels' touch quotas. The methodology names none: a quarter "
        "is this addon's choice.",
    )
    partner_cadence_weekdays_only = fields.Boolean(
        string="Working Days Only",
        config_parameter="partner_cadence.weekdays_only",
        help="Due dates move to the next working day of the company's working calendar, skipping its public holidays.",
    )
    partner_cadence_market_size = fields.Integer(
        string="Market Size (deals per year)",
        config_parameter="partner_cadence.market_size",
        help="Deals a year in the local market: a partner's deals over this give its market share.",
    )
    partner_cadence_monthly_loss_percent = fields.Float(
        string="Monthly Loss of an Untouched Partner (%)",
        config_parameter="partner_cadence.monthly_loss_percent",
        help="How much of a partner's value is lost each month without a touch.",
    )
    partner_cadence_value_window_months = fields.Integer(
        string="Value Window (months)",
        config_parameter="partner_cadence.value_window_months",
        help="A partner's value is the revenue of their won opportunities over this many months.",
    )
    partner_cadence_logged_touches_reset = fields.Boolean(
        string="Logged Touches Reset the Clock",
        config_parameter="partner_cadence.logged_touches_reset",
        help="Logged activities, meetings and e-mails count as touches, not only done cadence reminders.",
    )
    partner_cadence_ask_referrals_days = fields.Integer(
        string="Ask for Referrals Every (days)",
        config_parameter="partner_cadence.ask_referrals_days",
        help="Partners on a cadence get a reminder to ask for colleagues and third parties this often; 0 never.",
    )
    partner_cadence_introduction_max_hops = fields.Integer(
        string="Introduction Chain Length",
        config_parameter="partner_cadence.introduction_max_hops",
        help='How many recommendations long a chain "Who can introduce me?" looks for.',
    )
    partner_cadence_nurture_on_create = fields.Boolean(
        string="Nurture New Leads",
        config_parameter="partner_cadence.nurture_on_create",
        help="Every new lead enters the nurture sequence by itself, its first touch planned within minutes; "
        "otherwise the Start Nurturing button of a lead starts it.",
    )
    partner_cadence_nurture_window_days = fields.Integer(
        string="Intensive Window (days)",
        help="How long the intensive phase lasts: most purchases are decided in the first three to four weeks.",
    )
    partner_cadence_own_products_team_size = fields.Integer(
        string="Prospect for Our Products From (people)",
        config_parameter="partner_cadence.own_products_team_size",
        help="A partner whose team has at least this many people is flagged as a prospect for our own products; "
        "0 flags nobody.",
    )
    partner_cadence_surveys_installed = fields.Boolean(
        compute="_compute_partner_cadence_surveys_installed",
        help="The Surveys app is installed: seminar attendees can answer the seminar questionnaire.",
    )
    partner_cadence_competitors_nearest = fields.Integer(
        string="Nearest Competitors",
        config_parameter="partner_cadence.competitors_nearest",
        help="How many competitors may be marked nearest: the ones whose every move you follow.",
    )
    partner_cadence_competitor_points = fields.Integer(
        string="Strengths and Weaknesses (each)",
        config_parameter="partner_cadence.competitor_points",
        help="How many main strengths and main weaknesses of each competitor to know.",
    )
    partner_cadence_expert_group_id = fields.Many2one(
        "res.groups",
        string="Experts",
        config_parameter="partner_cadence.expert_group_id",
        help="Members take high-potential leads through the reinforced scheme.",
    )
    partner_cadence_expert_window_hours = fields.Float(
        string="Expert Window (hours a week)",
        config_parameter="partner_cadence.expert_window_hours",
        help="How long each expert's weekly window for high-potential deals lasts, unless their user says otherwise.",
    )
    partner_cadence_expert_meeting_hours = fields.Float(
        string="Expert Meeting (hours)",
        config_parameter="partner_cadence.expert_meeting_hours",
        help="How long an expert meeting takes: with the window, how many meetings a week holds.",
    )
    partner_cadence_planned_deals = fields.Integer(
        string="Deals Planned per Week", config_parameter="partner_cadence.planned_deals"
    )
    partner_cadence_conversion_percent = fields.Float(
        string="Contacts Converting (%)",
        config_parameter="partner_cadence.conversion_percent",
        help="The share of contacts that become deals. The sources give both one in five (3 deals out of 15 "
        "contacts: 20%) and 30%; 20% is shipped.",
    )
    partner_cadence_purchase_history_months = fields.Integer(
        string="Purchase History (months)",
        config_parameter="partner_cadence.purchase_history_months",
        help="How far back purchases are read to tell when a client buys again.",
    )
    partner_cadence_repurchase_min_purchases = fields.Integer(
        string="Purchases Before a Rhythm Is Trusted",
        config_parameter="partner_cadence.repurchase_min_purchases",
        help="A client's usual gap between purchases is trusted once they bought this many times.",
    )
    partner_cadence_repurchase_notice_days = fields.Integer(
        string="Call Before the Expected Purchase (days)",
        config_parameter="partner_cadence.repurchase_notice_days",
        help="Competitors work your past clients: call this many days before they usually buy again.",
    )
    partner_cadence_winback_days = fields.Integer(
        string="Call Back After (days)",
        config_parameter="partner_cadence.winback_days",
        help="A client whose rhythm is not known yet is called back after this many days without a purchase; "
        "0 calls nobody back.",
    )
    partner_cadence_winback_grace_percent = fields.Integer(
        string="Past the Usual Gap By (%)",
        config_parameter="partner_cadence.winback_grace_percent",
        help="A client who buys at a known rhythm is called back once their usual gap, and this share of it, "
        "has passed without a purchase.",
    )
    partner_cadence_upsell_percent = fields.Integer(
        string="Up-sell (%)",
        config_parameter="partner_cadence.upsell_percent",
        help="What a client could buy more (15-20%): added to last year's purchases in their sales plan.",
    )
    partner_cadence_abc_a_percent = fields.Integer(
        string="A: Share of Revenue (%)", config_parameter="partner_cadence.abc_a_percent"
    )
    partner_cadence_abc_b_percent = fields.Integer(
        string="B: Next Share of Revenue (%)", config_parameter="partner_cadence.abc_b_percent"
    )
    partner_cadence_xyz_x_percent = fields.Integer(
        string="X: Variation up to (%)", config_parameter="partner_cadence.xyz_x_percent"
    )
    partner_cadence_xyz_y_percent = fields.Integer(
        string="Y: Variation up to (%)", config_parameter="partner_cadence.xyz_y_percent"
    )
    partner_cadence_nps_promoter_min = fields.Integer(
        string="Promoters from Score", config_parameter="partner_cadence.nps_promoter_min"
    )
    partner_cadence_nps_neutral_min = fields.Integer(
        string="Neutral from Score", config_parameter="partner_cadence.nps_neutral_min"
    )
    partner_cadence_unanswered_resume_days = fields.Integer(
        string="Try Again After (days)",
        config_parameter="partner_cadence.unanswered_resume_days",
        help="A partner or lead paused after too many unanswered calls is tried again after this many days.",
    )
    partner_cadence_call_retry_days = fields.Integer(
        string="Call Again After (days)",
        config_parameter="partner_cadence.call_retry_days",
        help="After a call nobody answered, or a message left, the next attempt comes this many days later.",
    )
    partner_cadence_daily_capacity = fields.Integer(
        string="Reminders a Day",
        config_parameter="partner_cadence.daily_capacity",
        help="How many reminders a salesperson's day holds (0: no limit); the least valuable of the rest move "
        "to the next working day. A user's own figure, on their user form, comes first.",
    )
    partner_cadence_direct_mail_daily_letters = fields.Integer(
        string="Letters a Day",
        config_parameter="partner_cadence.direct_mail_daily_letters",
        help="Direct mail puts at most this many letters a day in each salesperson's inbox.",
    )
    partner_cadence_direct_mail_call_after_days = fields.Integer(
        string="Call After the Letter (days)",
        config_parameter="partner_cadence.direct_mail_call_after_days",
        help="The follow-up call comes this many days after the letter went out.",
    )
    partner_cadence_wallet_known_goal_percent = fields.Integer(
        string="Share of Wallet Known For (%)",
        config_parameter="partner_cadence.wallet_known_goal_percent",
        help="The share of clients whose share of wallet should be known: 60-70% at least.",
    )
    # Figures read, not settings: computed when the screen reads them, as base_setup's counts
    # are, so that saving Settings does not scan every client; text, so that "no client yet"
    # does not read as 0.
    partner_cadence_wallet_known_percent = fields.Char(
        string="Share of Wallet Known Now", compute="_compute_partner_cadence_client_figures"
    )
    partner_cadence_nps_last_year = fields.Char(
        string="NPS, Last 12 Months", compute="_compute_partner_cadence_client_figures"
    )
    partner_cadence_handoff_min_score = fields.Integer(
        string="Qualification to Hand On (%)",
        config_parameter="partner_cadence.handoff_min_score",
        help="A qualifier hands a lead to a seller once its need is current and its qualification reaches this, "
        "with a meeting booked; a sales manager may override.",
    )
    partner_cadence_potential_low_answers = fields.Integer(
        string="Low Answers That Cut a Lead",
        config_parameter="partner_cadence.potential_low_answers",
        help="This many low-potential answers to the marker questions make a lead low potential: it is not developed.",
    )
    partner_cadence_potential_high_percent = fields.Integer(
        string="High Answers for High Potential (%)",
        config_parameter="partner_cadence.potential_high_percent",
        help="At least this share of high-potential answers makes a lead high potential: an expert takes it.",
    )
    partner_cadence_share_monthly_percent = fields.Integer(
        string="Monthly Contact from a Market Share of (%)",
        config_parameter="partner_cadence.share_monthly_percent",
        help="A partner closing about a deal a month holds about 12% of the market: suggest monthly contact.",
    )
    partner_cadence_share_rare_percent = fields.Integer(
        string="Contact Every Two Months from a Market Share of (%)",
        config_parameter="partner_cadence.share_rare_percent",
        help="A partner closing about a deal a quarter holds about 4% of the market: suggest contact every two months.",
    )
    partner_cadence_plan_leads_active = fields.Boolean(
        string="Plan Lead Touches",
        help="Run the scheduled action that keeps each nurtured lead's next touch in the inbox.",
    )
    partner_cadence_plan_partners_active = fields.Boolean(
        string="Plan Partner Touches",
        help="Run the scheduled action that puts partner reminders in the inbox every day.",
    )

    # Values kept outside ir.config_parameter: the scheduled actions' own switches and the
    # intensive phase's duration. They are read and written the way Odoo reads its
    # module and group settings (get_values/set_values), so a Save without a change
    # writes nothing and never depends on how the web client treats computed fields.
    _PARTNER_CADENCE_CRON_SWITCHES = {
        "partner_cadence_plan_partners_active": "partner_cadence.ir_cron_plan_partner_touches",
        "partner_cadence_plan_leads_active": "partner_cadence.ir_cron_plan_lead_touches",
    }

    # As base_setup's counts: a dependency, so that a new Settings screen computes them on 18.0 too.
    @api.depends("company_id")
    def _compute_partner_cadence_client_figures(self):
        partners = self.env["res.partner"]
        today = fields.Date.context_today(self)
        known = partners._get_wallet_known_percent()
        nps = partners._get_company_nps(fields.Date.subtract(today, years=1), today)
        for settings in self:
            settings.partner_cadence_wallet_known_percent = (
                f"{known} %" if known is not None else self.env._("no client yet")
            )
            settings.partner_cadence_nps_last_year = str(nps) if nps is not None else self.env._("no score yet")

    def _compute_partner_cadence_surveys_installed(self):
        for settings in self:
            settings.partner_cadence_surveys_installed = "survey.survey" in self.env

    def action_partner_cadence_seminar_survey(self):
        """Open the seminar questionnaire, created the first time (§6: seminars as a source of
        prospects)."""
        survey = self.env["crm.lead"]._get_seminar_survey(create=True)
        if not survey:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": "survey.survey",
            "res_id": survey.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def _get_partner_cadence_intensive_phases(self):
        """The shipped phases that open a sequence (the standard and the reinforced one): the
        intensive window is their duration."""
        phases = self.env["crm.nurture.phase"]
        for xmlid in INTENSIVE_PHASES:
            phases |= self.env.ref(xmlid, raise_if_not_found=False) or phases
        return phases

    @api.model
    def get_values(self):
        values = super().get_values()
        for field_name, cron_xmlid in self._PARTNER_CADENCE_CRON_SWITCHES.items():
            cron = self.env.ref(cron_xmlid, raise_if_not_found=False)
            values[field_name] = bool(cron and cron.sudo().active)
        phases = self._get_partner_cadence_intensive_phases()
        values["partner_cadence_nurture_window_days"] = phases[:1].sudo().duration_days or 0
        return values

    def _set_partner_cadence_values(self):
        self.ensure_one()
        for field_name, cron_xmlid in self._PARTNER_CADENCE_CRON_SWITCHES.items():
            cron = self.env.ref(cron_xmlid, raise_if_not_found=False)
            if cron and cron.sudo().active != self[field_name]:
                cron.sudo().active = self[field_name]
        window = self.partner_cadence_nurture_window_days
        changed = (
            self._get_partner_cadence_intensive_phases().sudo().filtered(lambda phase: phase.duration_days != window)
        )
        if changed:
            changed.duration_days = window

    @api.constrains("partner_cadence_nurture_window_days")
    def _check_partner_cadence_nurture_window(self):
        for settings in self:
            self.env["crm.nurture.phase"]._check_intensive_window(settings.partner_cadence_nurture_window_days)

    @api.constrains(*(f"partner_cadence_{name}" for name in SETTINGS if name not in _PARTNER_CADENCE_NOT_ON_SCREEN))
    def _check_partner_cadence_settings(self):
        """Each number in its range and those read together in order, as ``domain.settings`` says."""
        messages = {
            "abc_shares": self.env._("The A and B shares of revenue add up to 100% at most."),
            "xyz_order": self.env._("The X variation cannot exceed the Y variation."),
            "nps_order": self.env._("Neutral clients start at a score at most where promoters do."),
            "share_order": self.env._("The market share for monthly contact is at least the one for every two months."),
        }
        for settings in self:
            problem = setting_problem(
                {
                    name: settings[f"partner_cadence_{name}"]
                    for name in SETTINGS
                    if name not in _PARTNER_CADENCE_NOT_ON_SCREEN
                }
            )
            if not problem:
                continue
            if problem[0] == "order":
                raise ValidationError(messages[problem[1]])
            _kind, name, minimum, maximum = problem
            label = self._fields[f"partner_cadence_{name}"]._description_string(self.env)
            if maximum is None:
                raise ValidationError(self.env._("%(setting)s: at least %(min)s.", setting=label, min=minimum))
            raise ValidationError(
                self.env._("%(setting)s: from %(min)s to %(max)s.", setting=label, min=minimum, max=maximum)
            )

    def set_values(self):
        # A switch turned off deletes its parameter, and ir.config_parameter empties its cache
        # before the delete's flush: a computation pending then would cache the old value again.
        self.env.flush_all()
        params = self.env["ir.config_parameter"].sudo()
        keys = [key for keys in self._PARTNER_CADENCE_DERIVED.values() for key in keys]
        keys += [
            "quota_period",
            "weekdays_only",
            "ask_referrals_days",
            "logged_touches_reset",
            "default_user_id",
            "daily_capacity",
        ]
        before = {key: params.get_param(f"partner_cadence.{key}") for key in keys}
        result = super().set_values()
        self._set_partner_cadence_values()
        changed = {key for key in keys if params.get_param(f"partner_cadence.{key}") != before[key]}
        if "quota_period" in changed:
            self.env["partner.cadence.tier"]._apply_quota_period()
        if "logged_touches_reset" in changed:
            # Which touches count changed: the last touches read from them follow.
            self.env["partner.cadence.planner"]._rederive(
                "res.partner", [("cadence_touch_ids", "!=", False)], ["cadence_touch_ids"]
            )
        if {"ask_referrals_days", "weekdays_only", "logged_touches_reset"} & changed:
            self.env["partner.cadence.tier"].sudo().with_context(active_test=False).search([])._request_replan()
        self._rederive_partner_cadence_values(changed)
        if "daily_capacity" in changed:
            # Reminders that waited for room take the earliest day that fits now.
            self.env["partner.cadence.planner"]._replace_moved_reminders()
        if "default_user_id" in changed and before["default_user_id"]:
            self._hand_on_default_reminders(int(before["default_user_id"]))
        return result

    def _hand_on_default_reminders(self, previous_user_id):
        """The reminders the previous default responsible held for records with nobody else
        go to the new one; those of records where that user is the salesperson stay."""
        reminders = (
            self.env["mail.activity"].sudo().search([("cadence_slot", "!=", False), ("user_id", "=", previous_user_id)])
        )
        by_model = {}
        for reminder in reminders:
            by_model.setdefault(reminder.res_model, set()).add(reminder.res_id)
        for model, ids in by_model.items():
            self.env[model].sudo().browse(ids)._reassign_cadence_reminders()

    # Stored values read with settings: {what re-derives them: the settings they read}.
    _PARTNER_CADENCE_DERIVED = {
        "suggested_tiers": ("market_size", "share_monthly_percent", "share_rare_percent"),
        "nps_groups": ("nps_promoter_min", "nps_neutral_min"),
        "lead_potentials": ("potential_low_answers", "potential_high_percent"),
        "own_products": ("own_products_team_size",),
        # Refreshed for every partner at once, set-based: the scheduled action's pass.
        "nightly_pass": (
            "horizon_days",
            "value_window_months",
            "monthly_loss_percent",
            "purchase_history_months",
            "repurchase_min_purchases",
            "repurchase_notice_days",
            "winback_days",
            "winback_grace_percent",
            "upsell_percent",
            "abc_a_percent",
            "abc_b_percent",
            "xyz_x_percent",
            "xyz_y_percent",
        ),
    }

    def _rederive_partner_cadence_values(self, changed):
        """Every stored value read with a setting in ``changed`` follows it."""
        planner = self.env["partner.cadence.planner"]
        derived = {name for name, keys in self._PARTNER_CADENCE_DERIVED.items() if changed & set(keys)}
        if "suggested_tiers" in derived:
            planner._rederive("res.partner", [("cadence_deal_count", ">", 0)], ["cadence_deal_count"])
        if "nps_groups" in derived:
            planner._rederive("res.partner", [("cadence_nps_date", "!=", False)], ["cadence_nps_score"])
        if "own_products" in derived:
            planner._rederive("res.partner", [("cadence_team_size", ">", 0)], ["cadence_team_size"])
        if "lead_potentials" in derived:
            planner._rederive("crm.lead", [("marker_answer_ids.option_id", "!=", False)], ["marker_answer_ids"])
        if "nightly_pass" in derived:
            self.env.ref("partner_cadence.ir_cron_plan_partner_touches").sudo()._trigger()
