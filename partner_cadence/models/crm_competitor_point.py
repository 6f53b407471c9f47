from odoo import fields, models

POINT_KIND_SELECTION = [("strength", "Strength"), ("weakness", "Weakness")]


class CrmCompetitorPoint(models.Model):
    """A main strength or weakness of a competitor, and what we do about it (§1: cut a price,
    run an offer...)."""

    _name = "crm.competitor.point"
    _description = "Competitor Strength or Weakness"
    _order = "competitor_id, kind, sequence, id"

    competitor_id = fields.Many2one("crm.competitor", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(POINT_KIND_SELECTION, required=True, default="strength")
    name = fields.Char(string="Description", required=True)
    response = fields.Char(string="What We Do About It")
    company_id = fields.Many2one(related="competitor_id.company_id", store=True)
