from odoo import api, models

TOUCHING_MODELS = ("res.partner", "crm.lead")


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        # Every message Odoo posts passes here (tracking, assignment notices): which ones can
        # be touches is decided from the values alone, since Odoo's create drops the new
        # messages' res_id from the cache and reading it back would cost a query each.
        comment_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        messages.browse(
            message.id
            for message, vals in zip(messages, vals_list, strict=True)
            if vals.get("model") in TOUCHING_MODELS
            and vals.get("res_id")
            and (
                vals.get("message_type") == "email"
                or (vals.get("message_type", "comment") == "comment" and vals.get("subtype_id") == comment_id)
            )
        )._register_cadence_touches()
        return messages

    def _register_cadence_touches(self):
        """An e-mail received from, or sent to, a partner on a cadence (on the partner or one of
        their leads) is a touch, dated by the message. Internal notes and system messages are not."""
        if not self:
            return
        email_type_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "mail.mail_activity_data_email", raise_if_not_found=False
        )
        touches = []
        for message in self.sudo():
            record = self.env[message.model].sudo().browse(message.res_id)
            partner = record if message.model == "res.partner" else record.partner_id
            if not partner.cadence_tier_id:
                continue
            touches.append(
                {
                    "partner_id": partner.id,
                    "date": message.date.date(),
                    "activity_type_id": email_type_id or False,
                    "origin": "email",
                    "summary": message.subject or False,
                    "res_model": message._name,
                    "res_id": message.id,
                }
            )
        self.env["partner.cadence.touch"]._record(touches)
