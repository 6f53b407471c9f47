from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    @api.constrains("partner_cadence_horizon_days")
    def _check_partner_cadence_horizon_days(self):
        if any(settings.partner_cadence_horizon_days < 0 for settings in self):
            raise ValidationError(self.env._("The planning horizon cannot be a negative number of days."))
