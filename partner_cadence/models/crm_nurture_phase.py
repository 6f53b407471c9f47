from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..domain.bounds import MAX_REACH_DAYS
from ..domain.cadence import IntervalUnit
from ..domain.nurture import Phase, check_phases, sequence_potential

# What a phase says about when a lead's touches fall due and how they are made.
PLANNING_FIELDS = {
    "sequence",
    "active",
    "duration_days",
    "touch_count",
    "interval_number",
    "interval_unit",
    "activity_type_ids",
    "company_id",
    "lead_potential",
}

# The shipped phases that open a sequence: their duration is the intensive window (§4).
INTENSIVE_PHASES = ("partner_cadence.crm_nurture_phase_intensive", "partner_cadence.crm_nurture_phase_reinforced")


class CrmNurturePhase(models.Model):
    """A phase of the nurture sequence: intensive, weekly, monthly (§4). A phase may be for
    high-potential leads only, or for the others only: high-potential leads go through a
    reinforced sequence of their own (§6: a reinforced scheme with an expert)."""

    _name = "crm.nurture.phase"
    _description = "Nurture Phase"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    duration_days = fields.Integer(string="Duration (days)", help="0: open-ended, for the last phase only.")
    touch_count = fields.Integer(
        string="Touches", help="Spread evenly over the duration. Leave 0 to touch every period instead."
    )
    interval_number = fields.Integer(string="Every", default=1)
    interval_unit = fields.Selection(
        [(IntervalUnit.DAY.value, "Days"), (IntervalUnit.WEEK.value, "Weeks"), (IntervalUnit.MONTH.value, "Months")],
        string="Period",
        default=IntervalUnit.WEEK.value,
    )
    activity_type_ids = fields.Many2many(
        "mail.activity.type",
        string="Channels",
        help="The kinds of touch that take turns in this phase: call, e-mail, letter, meeting.",
    )
    touch_purpose = fields.Selection(
        [("sell", "Sell"), ("educate", "Educate")],
        default="educate",
        required=True,
        help="Intensive touches sell: most purchases are decided in the first weeks; later ones educate.",
    )
    company_id = fields.Many2one("res.company", help="Leave empty to share the phase between companies.")
    lead_potential = fields.Selection(
        [("standard", "Standard Potential"), ("high", "High Potential")],
        string="For Leads of",
        help="High potential: a phase of the reinforced sequence, which high-potential leads go through instead of "
        "the phases for standard potential. Empty: every lead goes through it.",
    )
    unanswered_limit = fields.Integer(
        string="Pause After Unanswered Touches",
        help="After this many touches in a row nobody answered, the lead's nurturing pauses until the resume "
        "delay of the settings has passed; 0 never pauses.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        phases = super().create(vals_list)
        phases._replan_nurtured_leads()
        return phases

    def write(self, vals):
        result = super().write(vals)
        # A new name or description plans nothing differently.
        if PLANNING_FIELDS & vals.keys():
            self._replan_nurtured_leads()
        return result

    def unlink(self):
        result = super().unlink()
        self._replan_nurtured_leads()
        return result

    def _replan_nurtured_leads(self):
        """The leads in their sequence follow a change of its phases: their open touch moves
        to the date the phases say now."""
        self.env["partner.cadence.planner"]._rederive(
            "crm.lead", [("nurture_state", "=", "running")], ["nurture_phase"]
        )

    def _as_domain_phase(self):
        self.ensure_one()
        return Phase(
            phase_id=self.id,
            duration_days=self.duration_days,
            touch_count=self.touch_count,
            interval_number=self.interval_number if not self.touch_count else 0,
            interval_unit=self.interval_unit or IntervalUnit.DAY.value,
        )

    @api.model
    def _get_sequence(self, company=None, potential=None):
        """The active phases a lead of ``company`` and ``potential`` goes through, in order:
        a high-potential lead the reinforced ones, any other the standard ones (an unsorted
        lead is worked as a standard one)."""
        company = company or self.env.company
        own = sequence_potential(potential)
        return self.sudo().search([("company_id", "in", [False, company.id]), ("lead_potential", "in", [False, own])])

    @api.model
    def _check_intensive_window(self, days):
        """The intensive phase lasts the methodology's 21 to 30 days (settings), on every path."""
        settings = self.env["partner.cadence.planner"]._get_settings()
        low, high = settings.nurture_window_min_days, settings.nurture_window_max_days
        if not low <= days <= high:
            raise ValidationError(
                self.env._("The intensive window lasts from %(low)s to %(high)s days.", low=low, high=high)
            )

    @api.constrains("duration_days")
    def _check_intensive_duration(self):
        for xmlid in INTENSIVE_PHASES:
            intensive = self.env.ref(xmlid, raise_if_not_found=False)
            if intensive and intensive in self:
                self._check_intensive_window(intensive.duration_days)

    @api.constrains(
        "duration_days", "touch_count", "interval_number", "interval_unit", "sequence", "active", "lead_potential"
    )
    def _check_sequence(self):
        messages = {
            "empty": self.env._("The nurture sequence needs at least one phase."),
            "negative_duration": self.env._("A phase cannot last a negative number of days."),
            "open_ended_in_the_middle": self.env._(
                "Only the last phase can be open-ended: a phase of zero days in the middle would never end."
            ),
            "no_rhythm": self.env._("Each phase needs a number of touches or a period between touches."),
            "touches_without_duration": self.env._("Touches are spread over a duration: give the phase one."),
            "too_long": self.env._(
                "A phase's duration and its period between touches reach at most %(days)s days, about five years.",
                days=MAX_REACH_DAYS,
            ),
        }
        for company in self.company_id | self.env.company:
            for potential in ("standard", "high"):
                phases = self._get_sequence(company, potential)
                problem = check_phases([phase._as_domain_phase() for phase in phases])
                if problem and problem != "empty":
                    raise ValidationError(messages[problem])
