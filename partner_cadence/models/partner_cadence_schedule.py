from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.sql import index_exists

DUE_WITHOUT_REMINDER_INDEX = "partner_cadence_schedule_due_unplanned_idx"


class PartnerCadenceSchedule(models.Model):
    """Where one partner stands on one line of its tier: last touch, next due, open reminder.

    The planner works on these rows alone: "due by the horizon and no reminder" is one
    indexed lookup, whatever the size of the base, and a rerun that finds nothing is cheap.
    """

    _name = "partner.cadence.schedule"
    _description = "Cadence Schedule"
    _order = "partner_id, kind desc, id"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
    line_id = fields.Many2one("partner.cadence.tier.line", ondelete="set null", index="btree_not_null")
    kind = fields.Selection(
        [("touch", "Touch"), ("first_contact", "First-contact information"), ("ask_referrals", "Ask for referrals")],
        required=True,
        default="touch",
    )
    activity_type_id = fields.Many2one("mail.activity.type", string="Touch Type", required=True, ondelete="cascade")
    touch_count = fields.Integer(related="line_id.touch_count", string="Quota")
    done_in_period = fields.Integer(compute="_compute_done_in_period", string="Done This Period")
    start_date = fields.Date(required=True, help="When the partner entered this line: its first touch is due then.")
    last_touch_date = fields.Date()
    next_due_date = fields.Date(string="Next Due")
    activity_id = fields.Many2one("mail.activity", string="Open Reminder", ondelete="set null", index="btree_not_null")
    company_id = fields.Many2one(related="partner_id.company_id", store=True)

    _sql_constraints = [
        ("partner_type_uniq", "UNIQUE(partner_id, activity_type_id)", "A partner has one schedule per touch type."),
    ]

    def init(self):
        if not index_exists(self.env.cr, DUE_WITHOUT_REMINDER_INDEX):
            self.env.cr.execute(
                SQL(
                    "CREATE INDEX %s ON partner_cadence_schedule (next_due_date, id)"
                    " WHERE activity_id IS NULL AND next_due_date IS NOT NULL",
                    SQL.identifier(DUE_WITHOUT_REMINDER_INDEX),
                )
            )

    def unlink(self):
        # A schedule's open reminder means nothing without it.
        self.activity_id.sudo().unlink()
        return super().unlink()

    def _compute_done_in_period(self):
        counts = self.partner_id._get_cadence_done_counts()
        for schedule in self:
            schedule.done_in_period = counts.get((schedule.partner_id.id, schedule.id), 0)

    def _counts_touch(self, touch_type_id):
        """Whether a touch of ``touch_type_id`` moves this schedule's clock."""
        self.ensure_one()
        return bool(self.line_id.counts_any_touch) or touch_type_id == self.activity_type_id.id
