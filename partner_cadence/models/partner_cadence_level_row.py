from odoo import api, fields, models
from odoo.tools import SQL

from .partner_cadence_tier import FINANCIAL_STANDING_SELECTION, RELATIONSHIP_SELECTION


class PartnerCadenceLevelRow(models.Model):
    """One row of the client level grid as a manager reads it (§2): a financial standing, and
    the client level of each relationship beside it. The cells are the truth; a row only
    shows them side by side, and writing a level writes its cell."""

    _name = "partner.cadence.level.row"
    _description = "Client Level Grid Row"
    _auto = False
    _order = "sequence, id"

    sequence = fields.Integer(readonly=True)
    financial_standing = fields.Selection(FINANCIAL_STANDING_SELECTION, readonly=True)
    # One column per relationship, named after it (tier_new_id, tier_loyal_id, ...), each with
    # its own inverse: a shared one would see the columns not written as emptied.
    tier_new_id = fields.Many2one(
        "partner.cadence.tier", string="New", compute="_compute_tiers", inverse="_inverse_tier_new"
    )
    tier_loyal_rare_id = fields.Many2one(
        "partner.cadence.tier",
        string="Loyal, Rarely Buying",
        compute="_compute_tiers",
        inverse="_inverse_tier_loyal_rare",
    )
    tier_loyal_id = fields.Many2one(
        "partner.cadence.tier", string="Loyal", compute="_compute_tiers", inverse="_inverse_tier_loyal"
    )
    tier_one_off_id = fields.Many2one(
        "partner.cadence.tier", string="One-off or Seasonal", compute="_compute_tiers", inverse="_inverse_tier_one_off"
    )

    @property
    def _table_query(self):
        # A row per standing, its id the standing's first cell: stable while the cells are.
        return SQL(
            """
            SELECT MIN(id) AS id, MIN(sequence) AS sequence, financial_standing
              FROM partner_cadence_level_cell
          GROUP BY financial_standing
            """
        )

    @api.model
    def _get_column(self, relationship):
        return f"tier_{relationship}_id"

    def _get_cells(self):
        """{(standing, relationship): cell} of these rows."""
        cells = self.env["partner.cadence.level.cell"].search(
            [("financial_standing", "in", self.mapped("financial_standing"))]
        )
        return {(cell.financial_standing, cell.relationship): cell for cell in cells}

    def _compute_tiers(self):
        cells = self._get_cells()
        for row in self:
            for relationship, _label in RELATIONSHIP_SELECTION:
                cell = cells.get((row.financial_standing, relationship))
                row[self._get_column(relationship)] = cell.tier_id if cell else False

    def _inverse_tier_new(self):
        self._write_cells("new")

    def _inverse_tier_loyal_rare(self):
        self._write_cells("loyal_rare")

    def _inverse_tier_loyal(self):
        self._write_cells("loyal")

    def _inverse_tier_one_off(self):
        self._write_cells("one_off")

    def _write_cells(self, relationship):
        """Write each row's level of ``relationship`` into its cell (see the cell's write)."""
        cells = self._get_cells()
        for row in self:
            cell = cells.get((row.financial_standing, relationship))
            tier = row[self._get_column(relationship)]
            if cell and tier and cell.tier_id != tier:
                cell.tier_id = tier
