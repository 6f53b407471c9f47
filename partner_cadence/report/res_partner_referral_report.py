from odoo import fields, models, tools
from odoo.tools import SQL


class ResPartnerReferralReport(models.Model):
    """Top recommenders: how many people each partner recommended, how many became customers
    (a won opportunity), and the revenue those brought."""

    _name = "res.partner.referral.report"
    _description = "Top Recommenders"
    _auto = False
    _order = "revenue desc, converted_count desc"

    referrer_id = fields.Many2one("res.partner", string="Recommender", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    referral_count = fields.Integer(string="Recommendations", readonly=True)
    converted_count = fields.Integer(string="Became Customers", readonly=True)
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    revenue = fields.Monetary(string="Revenue Brought", readonly=True)

    def _compute_currency_id(self):
        # Won revenue is in the company's currency, as crm's expected revenue is.
        for line in self:
            line.currency_id = (line.company_id or self.env.company).currency_id

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    WITH pairs AS (
                        -- One row per person recommended, however many kinds it was recorded as.
                        SELECT MIN(id) AS id, referrer_id, company_id, referred_id, COUNT(*) AS records
                          FROM res_partner_referral
                      GROUP BY referrer_id, company_id, referred_id
                    ), won AS (
                        SELECT lead.partner_id, SUM(lead.expected_revenue) AS revenue
                          FROM crm_lead lead
                          JOIN crm_stage stage ON stage.id = lead.stage_id
                         WHERE stage.is_won AND lead.active
                      GROUP BY lead.partner_id
                    )
                    SELECT MIN(pairs.id) AS id,
                           pairs.referrer_id,
                           pairs.company_id,
                           COUNT(*) AS referral_count,
                           COUNT(won.partner_id) AS converted_count,
                           COALESCE(SUM(won.revenue), 0) AS revenue
                      FROM pairs
                 LEFT JOIN won ON won.partner_id = pairs.referred_id
                  GROUP BY pairs.referrer_id, pairs.company_id
                )
                """,
                SQL.identifier(self._table),
            )
        )
