from odoo import fields, models

from .. import compat
from ..domain.nurture import DECISION_MAKER

BUYING_ROLE_SELECTION = [
    (DECISION_MAKER, "Decision Maker"),
    ("influencer", "Influences the Decision"),
    ("user", "User"),
    ("gatekeeper", "Gatekeeper"),
]


@compat.sql_constraints(
    (
        "lead_partner_role_uniq",
        "UNIQUE(lead_id, partner_id, role)",
        "This person already holds this role in the opportunity's buying centre.",
    )
)
class CrmLeadBuyingRole(models.Model):
    """A person of the buying centre of an opportunity (§5, step 2 of the B2B cycle: identify
    who decides and who influences the decision). The rows are the only truth about it: the
    lead's authority mark is derived from them."""

    _name = "crm.lead.buying.role"
    _description = "Buying Centre Member"
    _order = "lead_id, sequence, id"
    _check_company_auto = True

    lead_id = fields.Many2one("crm.lead", string="Opportunity", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, ondelete="cascade", index=True, check_company=True
    )
    function = fields.Char(related="partner_id.function", string="Job Position")
    role = fields.Selection(BUYING_ROLE_SELECTION, required=True, default="influencer")
    met = fields.Boolean(help="Someone of ours has met this person.")
    note = fields.Char(help="What matters to this person in the decision.")
    company_id = fields.Many2one(related="lead_id.company_id", store=True)
