from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def action_archive(self):
        # Odoo deletes an archived user's activities: re-plan their partners' reminders for
        # whoever is responsible now, so that no partner drops out of the cadence.
        partners = (
            self.env["partner.cadence.schedule"].sudo().search([("activity_id.user_id", "in", self.ids)]).partner_id
        )
        result = super().action_archive()
        partners._plan_cadence_reminders()
        return result
