from odoo import api, fields, models


class ResPartnerCompetitorPurchase(models.Model):
    """What a client buys from a competitor, and what that competitor gives them (§7: the
    share-of-wallet questions; competitors work your clients while you chase new ones)."""

    _name = "res.partner.competitor.purchase"
    _description = "Purchases from a Competitor"
    _order = "partner_id, sequence, id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Client", required=True, ondelete="cascade", index=True, check_company=True
    )
    sequence = fields.Integer(default=10)
    competitor_id = fields.Many2one(
        "crm.competitor",
        ondelete="restrict",
        index="btree_not_null",
        check_company=True,
        help="Empty while the competitor is not known by name.",
    )
    products = fields.Char(string="What They Buy from Them")
    offers = fields.Char(string="What They Give Them", help="Prices, terms, service: what keeps the client there.")
    company_id = fields.Many2one("res.company", compute="_compute_company_id", store=True, index=True)

    @api.depends("partner_id.company_id", "competitor_id.company_id")
    def _compute_company_id(self):
        # A client shared by every company buys from one company's competitor: the line is
        # that company's, or the current one's while no competitor is chosen (so that the
        # form offers this company's competitors).
        for purchase in self:
            purchase.company_id = (
                purchase.partner_id.company_id or purchase.competitor_id.company_id or self.env.company
            )
