from odoo import fields, models
from odoo.tools import SQL


class CrmCompetitorReport(models.Model):
    """Deals won and lost per competitor (§1): a row per decided deal and competitor it faced,
    whether listed among those it competed with or named as the one it was lost to."""

    _name = "crm.competitor.report"
    _description = "Deals Won and Lost per Competitor"
    _auto = False
    _order = "date_closed desc, id"
    # What the query reads: flushed before it runs, so it sees the deals as just written.
    _depends = {
        "crm.lead": [
            "competitor_ids",
            "lost_competitor_id",
            "active",
            "stage_id",
            "probability",
            "date_closed",
            "write_date",
            "user_id",
            "team_id",
            "company_id",
            "expected_revenue",
        ],
        "crm.stage": ["is_won"],
        "res.company": ["currency_id"],
    }

    competitor_id = fields.Many2one("crm.competitor", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_closed = fields.Datetime(string="Closed", readonly=True)
    outcome = fields.Selection([("won", "Won"), ("lost", "Lost")], readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    lost_count = fields.Integer(string="Lost", readonly=True)
    lost_to_count = fields.Integer(string="Lost to Them", readonly=True)
    win_rate = fields.Float(string="Win Rate (%)", readonly=True, aggregator="avg")
    won_revenue = fields.Monetary(string="Revenue Won", readonly=True, currency_field="currency_id")
    currency_id = fields.Many2one("res.currency", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            WITH faced AS (
                SELECT lead_id, competitor_id FROM crm_lead_competitor_rel
                 UNION
                SELECT id, lost_competitor_id FROM crm_lead WHERE lost_competitor_id IS NOT NULL
            ), decided AS (
                SELECT lead.id, lead.user_id, lead.team_id, lead.company_id, lead.lost_competitor_id,
                       COALESCE(lead.date_closed, lead.write_date) AS date_closed,
                       lead.expected_revenue, company.currency_id,
                       CASE WHEN lead.active AND stage.is_won THEN 'won' ELSE 'lost' END AS outcome
                  FROM crm_lead lead
             LEFT JOIN res_company company ON company.id = lead.company_id
             LEFT JOIN crm_stage stage ON stage.id = lead.stage_id
                 WHERE (lead.active AND stage.is_won) OR (NOT lead.active AND lead.probability = 0)
            )
            SELECT ROW_NUMBER() OVER (ORDER BY faced.lead_id, faced.competitor_id) AS id,
                   faced.competitor_id, faced.lead_id, decided.user_id, decided.team_id, decided.company_id,
                   decided.date_closed, decided.outcome, decided.currency_id,
                   (decided.outcome = 'won')::int AS won_count,
                   (decided.outcome = 'lost')::int AS lost_count,
                   COALESCE(decided.lost_competitor_id = faced.competitor_id, FALSE)::int AS lost_to_count,
                   CASE WHEN decided.outcome = 'won' THEN 100.0 ELSE 0.0 END AS win_rate,
                   CASE WHEN decided.outcome = 'won' THEN decided.expected_revenue ELSE 0 END AS won_revenue
              FROM faced
              JOIN decided ON decided.id = faced.lead_id
            """
        )
