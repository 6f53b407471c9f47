from odoo import api, fields, models

from .. import compat
from .partner_cadence_tier import FINANCIAL_STANDING_SELECTION, RELATIONSHIP_SELECTION


@compat.sql_constraints(
    (
        "pair_unique",
        "UNIQUE(financial_standing, relationship)",
        "Each pair of financial standing and relationship has one cell.",
    )
)
class PartnerCadenceLevelCell(models.Model):
    """One cell of the client level grid (§2): the priority level of the clients with this
    financial standing and this relationship. Every pair has its cell, shipped as data;
    admins change the level, never the pairs."""

    _name = "partner.cadence.level.cell"
    _description = "Client Level Grid Cell"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    financial_standing = fields.Selection(FINANCIAL_STANDING_SELECTION, required=True, readonly=True)
    relationship = fields.Selection(RELATIONSHIP_SELECTION, required=True, readonly=True)
    tier_id = fields.Many2one(
        "partner.cadence.tier",
        string="Client Level",
        required=True,
        ondelete="restrict",
        help="Clients of this standing and relationship are suggested this level.",
    )

    @api.depends("financial_standing", "relationship")
    def _compute_display_name(self):
        standings = dict(self._fields["financial_standing"]._description_selection(self.env))
        relationships = dict(self._fields["relationship"]._description_selection(self.env))
        for cell in self:
            cell.display_name = self.env._(
                "%(standing)s, %(relationship)s",
                standing=standings.get(cell.financial_standing),
                relationship=relationships.get(cell.relationship),
            )

    @api.model
    def _get_grid(self):
        """The grid as plain values for the domain: {(standing, relationship): (tier id,
        company id or False)}."""
        return {
            (cell.financial_standing, cell.relationship): (cell.tier_id.id, cell.tier_id.company_id.id)
            for cell in self.sudo().search([])
        }

    def write(self, vals):
        result = super().write(vals)
        if "tier_id" in vals:
            self._resuggest_partners()
        return result

    def _resuggest_partners(self):
        """The clients answering these cells' pairs follow the new level, their reminders with
        it; those whose tier was chosen by hand keep it."""
        self.env["partner.cadence.planner"]._rederive(
            "res.partner",
            compat.domain_or(
                [
                    [
                        ("cadence_financial_standing", "=", cell.financial_standing),
                        ("cadence_relationship", "=", cell.relationship),
                    ]
                    for cell in self
                ]
            ),
            ["cadence_financial_standing", "cadence_relationship"],
        )
