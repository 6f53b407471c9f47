from odoo import fields, models


class ResPartnerReferralKind(models.Model):
    """Who a recommendation came through: a colleague, a third party, a centre of influence..."""

    _name = "res.partner.referral.kind"
    _description = "Referral Kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
