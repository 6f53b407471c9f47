from odoo import api, fields, models


class CrmLeadLost(models.TransientModel):
    """crm's Lost dialog also asks whom the deal was lost to (§1: competitors)."""

    _inherit = "crm.lead.lost"

    lost_competitor_id = fields.Many2one(
        "crm.competitor",
        string="Lost To",
        domain="[('company_id', 'in', (False, company_id))]",
        help="The competitor the customer chose, if any.",
    )
    company_id = fields.Many2one("res.company", compute="_compute_company_id")

    @api.depends("lead_ids.company_id")
    def _compute_company_id(self):
        for wizard in self:
            wizard.company_id = wizard.lead_ids.company_id[:1] or self.env.company

    def action_lost_reason_apply(self):
        # Read before: once lost, 18 no longer lists the archived leads in the dialog.
        leads = self.lead_ids
        result = super().action_lost_reason_apply()
        if self.lost_competitor_id:
            leads.lost_competitor_id = self.lost_competitor_id
        return result
