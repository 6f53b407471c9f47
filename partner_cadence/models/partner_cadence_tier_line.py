from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG


class PartnerCadenceTierLine(models.Model):
    """One kind of touch in a tier: "5 meetings per quarter", "1 call per week"."""

    _name = "partner.cadence.tier.line"
    _description = "Cadence Tier Line"
    _order = "tier_id, sequence, id"

    tier_id = fields.Many2one("partner.cadence.tier", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Touch Type",
        ondelete="restrict",
        domain="[('res_model', 'in', (False, 'res.partner'))]",
        help="The activity put in the salesperson's inbox for these touches.",
    )
    touch_count = fields.Integer(
        string="Touches per Period",
        default=1,
        help="Spread evenly over the tier's period. Zero asks for none (a level with no calls).",
    )
    quota_kind = fields.Selection(
        [("per_period", "Per Period"), ("in_total", "In Total")],
        string="Quota",
        default="per_period",
        required=True,
        help="Per period: the touches come back every period. In total: once they are done, the line asks "
        "for nothing more (a one-off client's one meeting, if possible).",
    )
    counts_any_touch = fields.Boolean(
        string="Any Touch Counts",
        default=True,
        help="Any real touch resets this line's clock; otherwise only touches of its own type do.",
    )
    company_id = fields.Many2one(related="tier_id.company_id", store=True)

    @api.depends("activity_type_id", "touch_count", "quota_kind")
    def _compute_display_name(self):
        for line in self:
            if line.quota_kind == "in_total":
                line.display_name = self.env._(
                    "%(type)s: %(count)s in total", type=line.activity_type_id.name, count=line.touch_count
                )
            else:
                line.display_name = self.env._(
                    "%(type)s: %(count)s", type=line.activity_type_id.name, count=line.touch_count
                )

    @api.constrains("activity_type_id", "touch_count", "tier_id")
    def _check_line(self):
        for line in self:
            if not line.activity_type_id:
                raise ValidationError(
                    self.env._("Each cadence line of the tier %(tier)s needs a touch type.", tier=line.tier_id.name)
                )
            if line.touch_count < 0:
                raise ValidationError(
                    self.env._(
                        "The tier %(tier)s cannot ask for a negative number of %(type)s touches.",
                        tier=line.tier_id.name,
                        type=line.activity_type_id.name,
                    )
                )
            if (
                len(
                    line.tier_id.line_ids.filtered(
                        lambda other, line=line: other.activity_type_id == line.activity_type_id
                    )
                )
                > 1
            ):
                raise ValidationError(
                    self.env._(
                        "The tier %(tier)s has two lines for %(type)s: merge them into one.",
                        tier=line.tier_id.name,
                        type=line.activity_type_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.tier_id._request_replan()
        return lines

    def write(self, vals):
        result = super().write(vals)
        self.tier_id._request_replan()
        return result

    def unlink(self):
        tiers = self.tier_id
        emptied = tiers.filtered(lambda tier: not tier.line_ids - self)
        if emptied and not self.env.context.get(MODULE_UNINSTALL_FLAG):
            raise UserError(
                self.env._(
                    "The tier %(tier)s needs at least one cadence line: add another before removing this one, "
                    "or archive the tier.",
                    tier=emptied[0].name,
                )
            )
        # The line's schedules stay, without a line, until the scheduled action re-plans the
        # tier's partners: it removes them with their open reminders.
        result = super().unlink()
        tiers._request_replan()
        return result
