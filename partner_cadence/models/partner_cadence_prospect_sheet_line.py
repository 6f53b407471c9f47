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
    # No "/" in a label: Odoo's import reads it as a path to a related field's column.
    paid_orders = fields.Text(string="Paid Orders and Finished Projects")
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
            # The rows just merged, each saying in its Result column what became of it.
            next_action={
                "type": "ir.actions.act_window",
                "name": self.env._("Merge Result"),
                "res_model": self._name,
                "views": [(False, "list"), (False, "form")],
                "domain": [("id", "in", rows.ids)],
                "target": "current",
            },
        )

    def _merge_row(self):
        self.ensure_one()
        name = (self.company_name or "").strip()
        head = (self.head_name or "").strip()
        if not name and not head:
            self.write({"state": "skipped", "result_note": self.env._("No company and no head's name.")})
            return
        if not (self.phone or "").strip() and not (self.email or "").strip():
            self.write({"state": "skipped", "result_note": self.env._("No phone and no e-mail: nobody to contact.")})
            return
        partner = self._find_sheet_partner(name, head)
        if partner:
            missing = {
                key: value
                for key, value in (("phone", self.phone), ("email", self.email), ("user_id", self.user_id.id))
                if value and not partner[key]
            }
            if missing:
                partner.write(missing)
            state = "merged"
            result = self.env._("Merged into %(partner)s.", partner=partner.display_name)
        else:
            partners = self.env["res.partner"]
            partner = partners.create(
                {
                    "name": name or head,
                    "is_company": bool(name),
                    "phone": self.phone,
                    "email": self.email,
                    "user_id": self.user_id.id,
                }
            )
            if name and head:
                partners.create({"name": head, "parent_id": partner.id, "function": self.env._("Head")})
            state = "created"
            result = self.env._("Created %(partner)s.", partner=partner.display_name)
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
                    # The row's responsible, the partner's salesperson, else the one merging.
                    "user_id": (self.user_id or partner.user_id or self.env.user).id,
                    "description": Markup("<p>%s</p>") % escape(self.preliminary_orders.strip()),
                }
            )
            result = self.env._("%(result)s Opportunity opened.", result=result)
        self.write({"state": state, "partner_id": partner.id, "lead_id": lead.id, "result_note": result})

    def _find_sheet_partner(self, name, head):
        """The partner this row is about: by phone or e-mail, then by name; a company row is
        merged into a company only, never into a person who shares its phone."""
        partners = self.env["res.partner"]
        found = partners._find_cadence_contact_match(self.phone, self.email).commercial_partner_id
        if name and found and not found.is_company:
            found = partners
        if not found:
            found = partners._find_cadence_name_match(name or head).commercial_partner_id
            if name and not found.is_company:
                found = partners
        return found

    def _get_sheet_note(self):
        """What the sheet says of the company beyond its contacts, as a chatter note."""
        self.ensure_one()
        parts = [
            (self.env._("Paid orders and finished projects"), self.paid_orders),
            (self.env._("Comments"), self.comments),
        ]
        lines = [
            Markup("<p><b>%s</b>: %s</p>") % (label, value.strip()) for label, value in parts if (value or "").strip()
        ]
        if not lines:
            return None
        header = Markup("<p>%s</p>") % self.env._("From the prospect sheet %(sheet)s:", sheet=self.sheet or "")
        return header + Markup("").join(lines)
