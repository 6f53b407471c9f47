from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..domain.cadence import IntervalUnit


class PartnerCadenceTier(models.Model):
    """How often a partner is contacted, chosen by how often target clients call them."""

    _name = "partner.cadence.tier"
    _description = "Cadence Tier"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    interval_number = fields.Integer(
        string="Every",
        required=True,
        default=1,
        help="How many interval units pass between two touches.",
    )
    interval_unit = fields.Selection(
        [
            (IntervalUnit.DAY.value, "Days"),
            (IntervalUnit.WEEK.value, "Weeks"),
            (IntervalUnit.MONTH.value, "Months"),
        ],
        string="Unit",
        required=True,
        default=IntervalUnit.MONTH.value,
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Reminder Type",
        required=True,
        ondelete="restrict",
        default=lambda self: self.env.ref("mail.mail_activity_data_call", raise_if_not_found=False),
        domain="[('res_model', 'in', (False, 'res.partner'))]",
        help="The kind of activity put in the salesperson's inbox for each touch.",
    )
    inbound_frequency = fields.Text(
        translate=True,
        help="How often target clients call a partner of this tier: what makes a partner belong here.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the tier between companies.",
    )
    partner_count = fields.Integer(compute="_compute_partner_count", string="Partners")

    @api.constrains("interval_number")
    def _check_interval_number(self):
        for tier in self:
            if tier.interval_number <= 0:
                raise ValidationError(
                    self.env._(
                        "The tier %(tier)s needs a positive interval between two touches, not %(number)s.",
                        tier=tier.name,
                        number=tier.interval_number,
                    )
                )

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group([("cadence_tier_id", "in", self.ids)], ["cadence_tier_id"], ["__count"])
        )
        for tier in self:
            tier.partner_count = counts.get(tier, 0)

    def action_open_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("contacts.action_contacts")
        action["domain"] = [("cadence_tier_id", "=", self.id)]
        action["context"] = {"default_cadence_tier_id": self.id}
        return action
