from odoo import api, fields, models
from odoo.exceptions import UserError

from ..domain import classification


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
    referrer_named = fields.Boolean(
        string="May Be Named",
        default=True,
        help="The referrer agreed to be named when we call them. Off: the calls say only that they come recommended.",
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
            partner = line.partner_id
            if partner:
                found += 1
                line._keep_typed_details()
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
                        "note": line._get_referral_note(),
                        "referrer_named": self.referrer_named,
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
    name = fields.Char(string="Full Name", required=True)
    phone = fields.Char()
    email = fields.Char()
    kind_id = fields.Many2one("res.partner.referral.kind")
    note = fields.Char()
    partner_id = fields.Many2one(
        "res.partner",
        string="Existing Contact",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        help="The contact found with this phone or e-mail, or the one you pick; empty, a new contact is created.",
    )
    name_match_id = fields.Many2one(
        "res.partner",
        string="Same Name As",
        compute="_compute_name_match_id",
        help="A contact of the same name, found with neither this phone nor this e-mail: pick it as the "
        "existing contact if it is the same person.",
    )

    @api.depends("phone", "email")
    def _compute_partner_id(self):
        # A phone or an e-mail identifies a person; a name alone only proposes (name_match_id).
        for line in self:
            line.partner_id = self.env["res.partner"]._find_cadence_contact_match(line.phone, line.email)

    @api.depends("name", "partner_id")
    def _compute_name_match_id(self):
        for line in self:
            match = self.env["res.partner"]._find_cadence_name_match(line.name)
            line.name_match_id = match if match != line.partner_id else False

    def _keep_typed_details(self):
        """What was typed for an existing contact and is missing there is added to it."""
        self.ensure_one()
        missing = {
            field: value
            for field, value in (("phone", self.phone), ("email", self.email))
            if value and not self.partner_id[field]
        }
        if missing:
            self.partner_id.write(missing)

    def _get_referral_note(self):
        """The note, with the phone and e-mail typed when the contact already has others: nothing
        typed is lost."""
        self.ensure_one()
        partner = self.partner_id
        other = [
            value
            for field, value, key in (
                ("phone", self.phone, classification.phone_match_key),
                ("email", self.email, lambda email: (email or "").strip().lower()),
            )
            if value and partner and partner[field] and key(value) != key(partner[field])
        ]
        if not other:
            return self.note
        given = self.env._("Given as %(name)s, %(details)s.", name=self.name, details=", ".join(other))
        return f"{self.note}\n{given}" if self.note else given

    def _prepare_partner_values(self):
        self.ensure_one()
        return {"name": self.name.strip(), "phone": self.phone, "email": self.email}
