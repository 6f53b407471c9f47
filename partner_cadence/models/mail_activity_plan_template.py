from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..domain.b2b_cycle import ACCOUNT_STEPS


class MailActivityPlanTemplate(models.Model):
    """An activity of a plan may be a step of the B2B cycle (§5): done on an opportunity, it
    tells how far the deal went."""

    _inherit = "mail.activity.plan.template"

    cadence_cycle_step = fields.Integer(
        string="B2B Cycle Step",
        help="The step of the B2B sales cycle (1 to 18) this activity is; done on an opportunity, the step "
        "shows as reached. 0: not a step of the cycle.",
    )

    @api.constrains("cadence_cycle_step")
    def _check_cadence_cycle_step(self):
        last = ACCOUNT_STEPS[-1]
        for template in self:
            if not 0 <= template.cadence_cycle_step <= last:
                raise ValidationError(
                    self.env._("A step of the B2B cycle is numbered from 1 to %(last)s (0: none).", last=last)
                )
