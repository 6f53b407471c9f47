from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def write(self, vals):
        result = super().write(vals)
        # Partners of no company count in the main company's currency (cadence_currency_id):
        # they follow when it changes, which no field dependency can say.
        if "currency_id" in vals and self.sudo()._get_main_company() in self:
            partners = (
                self.env["res.partner"].sudo().with_context(active_test=False).search([("company_id", "=", False)])
            )
            self.env.add_to_compute(partners._fields["cadence_currency_id"], partners)
        return result
