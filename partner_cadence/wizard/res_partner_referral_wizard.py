import re

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import escape_psql


class ResPartnerReferralWizard(models.TransientModel):
    """Record several recommendations a partner gave in one go, as they are said on the phone."""

    _name = "res.partner.referral.wizard"
    _description = "Record Referrals"

    partner_id = fields.Many2one("res.partner", string="Recommended By", required=True)
    kind_id = fields.Many2one(
        "res.partner.referral.kind",
        string="Default Kind",
        required=True,
        default=lambda self: self.env.ref(
            "partner_cadence.res_partner_referral_kind_colleague", raise_if_not_found=False
        ),
    )
    line_ids = fields.One2many("res.partner.referral.wizard.line", "wizard_id", string="Recommended People")

    def action_record(self):
        self.ensure_one()
        # Called over RPC too: recording who a partner recommended is for those who may see it.
        self.check_access("write")
        self.partner_id.check_access("read")
        if not self.line_ids:
            raise UserError(self.env._("Add at least one recommended person."))
        referrals = self.env["res.partner.referral"]
        found = created = 0
        for line in self.line_ids:
            partner = line._find_existing_partner()
            if partner:
                found += 1
            else:
                partner = self.env["res.partner"].create(line._prepare_partner_values())
                created += 1
            kind = line.kind_id or self.kind_id
            already = referrals.search_count(
                [("referrer_id", "=", self.partner_id.id), ("referred_id", "=", partner.id), ("kind_id", "=", kind.id)]
            )
            if not already:
                referrals.create(
                    {
                        "referrer_id": self.partner_id.id,
                        "referred_id": partner.id,
                        "kind_id": kind.id,
                        "note": line.note,
                    }
                )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s recommendations recorded: %(created)s new contacts, %(found)s found in the base.",
                    count=len(self.line_ids),
                    created=created,
                    found=found,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }


class ResPartnerReferralWizardLine(models.TransientModel):
    _name = "res.partner.referral.wizard.line"
    _description = "Recommended Person"

    wizard_id = fields.Many2one("res.partner.referral.wizard", required=True, ondelete="cascade")
    name = fields.Char(required=True)
    phone = fields.Char()
    email = fields.Char()
    kind_id = fields.Many2one("res.partner.referral.kind")
    note = fields.Char()

    def _find_existing_partner(self):
        """The partner already in the base for this person, by phone, then e-mail, then name.

        Phones are compared on their last eight digits, the national number of Moldova and
        most of Romania's, so "+373 69 111 001" and "069 111 001" are the same number.
        """
        self.ensure_one()
        partners = self.env["res.partner"]
        digits = re.sub(r"\D", "", self.phone or "")[-8:]
        if len(digits) >= 6:
            self.env.flush_all()
            rows = self.env.execute_query(
                SQL(
                    r"""
                    SELECT id FROM res_partner
                     WHERE active
                       AND (right(regexp_replace(phone, '\D', '', 'g'), %(n)s) = %(digits)s
                            OR right(regexp_replace(mobile, '\D', '', 'g'), %(n)s) = %(digits)s)
                  ORDER BY id LIMIT 1
                    """,
                    n=len(digits),
                    digits=digits,
                )
            )
            partner = partners.browse(row[0] for row in rows)._filtered_access("read")
            if partner:
                return partner
        if self.email:
            # =ilike compares without case but reads % and _ as wildcards: escape them.
            partner = partners.search([("email", "=ilike", escape_psql(self.email.strip()))], limit=1)
            if partner:
                return partner
        return partners.search([("name", "=ilike", escape_psql(self.name.strip()))], limit=1)

    def _prepare_partner_values(self):
        self.ensure_one()
        return {"name": self.name.strip(), "phone": self.phone, "email": self.email}
