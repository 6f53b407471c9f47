from odoo import fields, models
from odoo.exceptions import UserError


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
        return self.env["partner.cadence.planner"]._notification(
            self.env._(
                "%(count)s recommendations recorded: %(created)s new contacts, %(found)s found in the base.",
                count=len(self.line_ids),
                created=created,
                found=found,
            ),
            close_dialog=True,
        )


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
        """The partner already in the base for this person (see res.partner._find_cadence_match)."""
        self.ensure_one()
        return self.env["res.partner"]._find_cadence_match(self.name, self.phone, self.email)

    def _prepare_partner_values(self):
        self.ensure_one()
        return {"name": self.name.strip(), "phone": self.phone, "email": self.email}
