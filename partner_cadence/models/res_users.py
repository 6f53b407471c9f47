from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def write(self, vals):
        # However a salesperson is archived (the Archive action, an import, a script writing
        # active=False), their open cadence reminders go to whoever is responsible now, so
        # that no partner waits on someone who will never look.
        archiving = self.filtered("active") if "active" in vals and not vals["active"] else self.browse()
        result = super().write(vals)
        if archiving:
            self.env["partner.cadence.schedule"].sudo().search(
                [("activity_id.user_id", "in", archiving.ids)]
            ).partner_id._reassign_cadence_reminders()
            touches = (
                self.env["mail.activity"]
                .sudo()
                .search(
                    [("nurture_touch", "=", True), ("res_model", "=", "crm.lead"), ("user_id", "in", archiving.ids)]
                )
            )
            self.env["crm.lead"].sudo().browse(touches.mapped("res_id"))._reassign_nurture_touches()
        return result

    def action_archive(self):
        # Odoo deletes an archived user's activities: re-plan their partners' reminders for
        # whoever is responsible now, so that no partner drops out of the cadence.
        partners = (
            self.env["partner.cadence.schedule"].sudo().search([("activity_id.user_id", "in", self.ids)]).partner_id
        )
        result = super().action_archive()
        partners._plan_cadence_reminders()
        return result
