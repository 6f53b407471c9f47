from collections import Counter

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import file_open


class PartnerCadenceProspectSheetLine(models.Model):
    """One row of a manager's prospect sheet (§6), imported with Odoo's import, then merged
    into the shared base: a company found by phone, e-mail or name is completed, a new one
    created, and a lead opened where preliminary orders are listed."""

    _name = "partner.cadence.prospect.sheet.line"
    _description = "Prospect Sheet Row"
    _order = "id"
    _rec_name = "company_name"

    sheet = fields.Char(help="Whose sheet the row comes from, to tell them apart after several imports.")
    company_name = fields.Char()
    head_name = fields.Char(string="Head's Full Name")
    phone = fields.Char()
    email = fields.Char()
    paid_orders = fields.Text(string="Paid Orders / Finished Projects")
    preliminary_orders = fields.Text()
    comments = fields.Text(help="Who is responsible, what is difficult.")
    user_id = fields.Many2one("res.users", string="Responsible", domain="[('share', '=', False)]")
    state = fields.Selection(
        [("new", "To Merge"), ("merged", "Merged"), ("created", "Created"), ("skipped", "Skipped")],
        default="new",
        required=True,
        readonly=True,
    )
    result_note = fields.Char(string="Result", readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True, ondelete="set null")
    lead_id = fields.Many2one("crm.lead", readonly=True, ondelete="set null")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.model
    def get_import_templates(self):
        """The sheet template offered by Odoo's import, in the user's language when we have it."""
        lang = (self.env.lang or "en_US")[:2]
        if lang not in ("ru", "ro"):
            lang = "en"
        path = f"partner_cadence/static/xls/prospect_sheet_{lang}.csv"
        with file_open(path):  # the template ships with the addon: fail loudly if it does not
            pass
        return [{"label": self.env._("Import Template for Prospect Sheets"), "template": f"/{path}"}]

    def action_merge(self):
        """Merge the rows still to merge into partners and leads, and say what happened."""
        self.check_access("write")
        rows = self.filtered(lambda row: row.state == "new")
        for row in rows:
            row._merge_row()
        counts = Counter(rows.mapped("state"))
        return self.env["partner.cadence.planner"]._notification(
            self.env._(
                "%(merged)s merged into existing partners, %(created)s created, %(skipped)s skipped.",
                merged=counts["merged"],
                created=counts["created"],
                skipped=counts["skipped"],
            ),
            kind="warning" if counts["skipped"] else "success",
            close_dialog=True,
        )

    def _merge_row(self):
        self.ensure_one()
        name = (self.company_name or "").strip()
        if not name and not (self.head_name or "").strip():
            self.write({"state": "skipped", "result_note": self.env._("No company and no head's name.")})
            return
        partners = self.env["res.partner"]
        partner = partners._find_cadence_match(name or self.head_name, self.phone, self.email)
        partner = partner.commercial_partner_id
        if partner:
            missing = {
                key: value
                for key, value in (("phone", self.phone), ("email", self.email), ("user_id", self.user_id.id))
                if value and not partner[key]
            }
            if missing:
                partner.write(missing)
            state = "merged"
        else:
            partner = partners.create(
                {
                    "name": name or self.head_name.strip(),
                    "is_company": bool(name),
                    "phone": self.phone,
                    "email": self.email,
                    "user_id": self.user_id.id,
                }
            )
            if name and (self.head_name or "").strip():
                partners.create(
                    {"name": self.head_name.strip(), "parent_id": partner.id, "function": self.env._("Head")}
                )
            state = "created"
        note = self._get_sheet_note()
        if note:
            partner.message_post(body=note, subtype_xmlid="mail.mt_note")
        lead = self.env["crm.lead"]
        if (self.preliminary_orders or "").strip():
            lead = lead.create(
                {
                    "name": self.env._("Preliminary order: %(company)s", company=partner.name),
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": (self.user_id or partner.user_id).id,
                    "description": Markup("<p>%s</p>") % escape(self.preliminary_orders.strip()),
                }
            )
        self.write({"state": state, "partner_id": partner.id, "lead_id": lead.id, "result_note": False})

    def _get_sheet_note(self):
        """What the sheet says of the company beyond its contacts, as a chatter note."""
        self.ensure_one()
        parts = [
            (self.env._("Paid orders / finished projects"), self.paid_orders),
            (self.env._("Comments"), self.comments),
        ]
        lines = [
            Markup("<p><b>%s</b>: %s</p>") % (label, value.strip()) for label, value in parts if (value or "").strip()
        ]
        if not lines:
            return None
        header = Markup("<p>%s</p>") % self.env._("From the prospect sheet %(sheet)s:", sheet=self.sheet or "")
        return header + Markup("").join(lines)
