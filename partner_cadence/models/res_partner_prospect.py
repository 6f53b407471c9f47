from odoo import api, fields, models

from ..domain.prospects import own_products_prospect, work_rank

COMPANY_SIZE_SELECTION = [("small", "Small"), ("medium", "Medium"), ("large", "Large")]


class ResPartner(models.Model):
    """Work from the largest down (§2): a company's size, which its contacts and leads read,
    and the order lists of partners to contact are taken in."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    cadence_company_size = fields.Selection(
        COMPANY_SIZE_SELECTION,
        string="Company Size",
        help="Work from the largest down: larger companies come first in the lists of partners and prospects "
        "to contact. Set on the company; its contacts read it.",
    )
    # Computed before the row is written (precompute): creating a partner costs no query more.
    cadence_work_rank = fields.Integer(
        compute="_compute_cadence_work_rank",
        store=True,
        precompute=True,
        string="Largest First",
        help="The order partners are worked in: larger companies first.",
    )

    cadence_own_products_prospect = fields.Boolean(
        compute="_compute_cadence_own_products_prospect",
        store=True,
        precompute=True,
        string="Prospect for Our Products",
        help="Its team reaches the size the settings name: a company this big has an advertising budget of its "
        "own, and can be sold to as well as work with us.",
    )

    @api.depends("cadence_team_size")
    def _compute_cadence_own_products_prospect(self):
        # Partners whose team nobody counted (every partner Odoo creates) read no setting.
        counted = self.filtered("cadence_team_size")
        (self - counted).cadence_own_products_prospect = False
        if not counted:
            return
        min_team_size = self.env["partner.cadence.planner"]._get_settings().own_products_team_size
        for partner in counted:
            partner.cadence_own_products_prospect = own_products_prospect(partner.cadence_team_size, min_team_size)

    @api.depends("cadence_company_size")
    def _compute_cadence_work_rank(self):
        for partner in self:
            partner.cadence_work_rank = work_rank(None, partner.cadence_company_size)

    @api.model
    def _commercial_fields(self):
        # A contact works for its company: it has the company's size, kept in step by Odoo.
        return [*super()._commercial_fields(), "cadence_company_size"]
